"""Descriptive statistics for the analyst: numbers from text, summaries, group-by, correlation.

The instruction's words pick the headline figure ("average" -> mean, "total" -> sum);
every basic figure is computed anyway so programs can read any of them.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from orchestra.agents.analyst.tables import Table, parse_number
from orchestra.agents.protocol import AgentInputError

__all__ = [
    "Headline",
    "choose_headline",
    "correlation",
    "describe",
    "extract_numbers",
    "group_by",
    "headline_value",
    "names_a_figure",
    "strip_parameter_numbers",
]

MAX_VALUES = 200_000

_NUMBER_IN_TEXT = re.compile(
    r"(?<![\w.])[-+−]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w])"
    r"|(?<![\w.])[-+−]?\.\d+(?![\w])"
)
# Numbers that configure the operation rather than being data ("90th percentile", "top 5").
_PARAMETER_NUMBERS = re.compile(
    r"\b(?:p\d{1,2}(?:\.\d+)?|\d{1,2}(?:\.\d+)?(?:st|nd|rd|th)?\s*(?:percentile|pct\b|%ile)"
    r"|percentile\s+\d{1,2}(?:\.\d+)?|top\s+\d+|\d+\s+decimals?|\d+\s+decimal places|"
    r"(?:q|quartile\s*)[1-3]\b|step\s*\d+|\d+\s*(?:sentences?|keywords?|words?|points?))",
    re.IGNORECASE,
)


def strip_parameter_numbers(text: str) -> str:
    """Remove numbers that are settings of the request, not values to compute on."""
    return _PARAMETER_NUMBERS.sub(" ", text)


def extract_numbers(text: str) -> list[float]:
    """All numbers in running text: "3, 5 and 10", "1,234.5", "-2", "1e3"."""
    values: list[float] = []
    for match in _NUMBER_IN_TEXT.finditer(text):
        token = match.group(0).replace("−", "-").replace(",", "")
        try:
            value = float(token)
        except ValueError:
            continue
        if math.isfinite(value):
            values.append(value)
        if len(values) > MAX_VALUES:
            raise AgentInputError(f"Too many numbers: at most {MAX_VALUES:,} per request.")
    return values


@dataclass(frozen=True)
class Headline:
    """The figure the user asked for: an operation and, for percentiles, which one."""

    operation: str
    percentile: float | None = None


_HEADLINE_WORDS: list[tuple[str, str]] = [
    (r"\bcorrelat\w*|\bpearson\b|\brelationship between\b", "correlation"),
    (r"\bstandard deviation\b|\bstd\.?\s*dev\b|\bstdev\b|\bstd\b|\bspread\b", "stdev"),
    (r"\bvariance\b", "variance"),
    (r"\bmedian\b|\bmiddle value\b", "median"),
    (r"\bmode\b|\bmost (?:common|frequent)\b", "mode"),
    (r"\bpercentile\b|\bp\d{1,2}\b|\bquartiles?\b|\biqr\b", "percentile"),
    (r"\brange\b", "range"),
    (r"\b(?:min|minimum|lowest|smallest|fewest)\b|(?<!\bat )\bleast\b", "min"),
    (
        r"\b(?:max|maximum|highest|largest|greatest|biggest|peak)\b"
        r"|(?<!\bat )\bmost\b(?!\s+(?:common|frequent))",
        "max",
    ),
    (r"\b(?:sum|total|add up|added up|sum up|altogether)\b", "sum"),
    (r"\b(?:count|how many|number of)\b", "count"),
    (r"\b(?:average|mean|avg)\b", "mean"),
]


# "how much did the materials come to?": what they add up to, when no other figure is named
# ("what do they come to on average") and nothing is shared out ("come to each"); "6 mugs
# come to 27" says the total, it asks none.
_COMES_TO = (
    r"\b(?:come|comes|came)\s+to\b(?!\s*(?:[-+$\u20ac\u00a3\d]|about|around|roughly|some|"
    r"over|under|more|less|think|be\b))(?![^.?!\n]*\b(?:each|per|apiece|head|split|share|"
    r"shared|between|among)\b)"
)


def names_a_figure(instruction: str) -> bool:
    """Whether the instruction names a figure, or asks for statistics in general."""
    text = instruction.lower()
    general = r"\b(?:statistic\w*|stats|describe|description|summar\w*|analy[sz]\w*|overview)\b"
    return bool(re.search(general, text) or re.search(_COMES_TO, text)) or any(
        re.search(pattern, text) for pattern, _ in _HEADLINE_WORDS
    )


def choose_headline(instruction: str) -> Headline:
    """Pick the headline figure from the instruction; the mean when nothing is named."""
    text = instruction.lower()
    found: list[tuple[int, str]] = []
    for pattern, operation in _HEADLINE_WORDS:
        match = re.search(pattern, text)
        if match:
            found.append((match.start(), operation))
    if not found:
        return Headline("sum" if re.search(_COMES_TO, text) else "mean")
    # The first figure named is what the sentence is about ("the mean and the max").
    operation = min(found)[1]
    if operation == "percentile":
        match = re.search(
            r"\bp(\d{1,2}(?:\.\d+)?)\b|(\d{1,2}(?:\.\d+)?)(?:st|nd|rd|th)?\s*percentile", text
        )
        quartile = re.search(
            r"\b(?:q|quartile\s*)([1-3])\b|\b(first|lower|third|upper) quartile\b", text
        )
        if match:
            return Headline("percentile", float(match.group(1) or match.group(2)))
        if quartile:
            named = {"first": "1", "lower": "1", "third": "3", "upper": "3"}
            index = quartile.group(1) or named[quartile.group(2)]
            return Headline("percentile", 25.0 * int(index))
        return Headline("percentile", 50.0)
    return Headline(operation)


def _percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (NumPy's default, Excel's PERCENTILE.INC)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _clean(value: float) -> float | int:
    if math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return round(value, 10)


def describe(values: Sequence[float]) -> dict[str, Any]:
    """Count, sum, mean, median, modes, sample/population stdev, min, max, quartiles."""
    if not values:
        raise AgentInputError("No numbers found to compute statistics on.")
    modes = statistics.multimode(values)
    summary: dict[str, Any] = {
        "count": len(values),
        "sum": _clean(math.fsum(values)),
        "mean": _clean(statistics.fmean(values)),
        "median": _clean(statistics.median(values)),
        # Every value once means there is no mode worth reporting.
        "mode": _clean(modes[0]) if len(modes) == 1 and len(values) > 1 else None,
        "modes": [_clean(m) for m in modes] if len(modes) < len(values) else [],
        "min": _clean(min(values)),
        "max": _clean(max(values)),
        "range": _clean(max(values) - min(values)),
        "stdev": _clean(statistics.stdev(values)) if len(values) > 1 else None,
        "pstdev": _clean(statistics.pstdev(values)),
        "variance": _clean(statistics.variance(values)) if len(values) > 1 else None,
        "p25": _clean(_percentile(values, 25)),
        "p75": _clean(_percentile(values, 75)),
        "p90": _clean(_percentile(values, 90)),
    }
    return summary


def headline_value(
    values: Sequence[float], summary: dict[str, Any], headline: Headline
) -> float | int | list[float | int] | None:
    """The value of the headline figure, reusing `summary` where it has it."""
    if headline.operation == "percentile":
        q = headline.percentile if headline.percentile is not None else 50.0
        if not 0 <= q <= 100:
            raise AgentInputError(f"A percentile must be between 0 and 100, not {q:g}.")
        return _clean(_percentile(values, q))
    if headline.operation == "mode":
        value = summary.get("mode")
        return value if value is not None else summary.get("modes") or None
    result: float | int | None = summary.get(headline.operation)
    return result


def correlation(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r of two equally long columns."""
    if len(x) != len(y):
        raise AgentInputError("Correlation needs two columns of the same length.")
    if len(x) < 2:
        raise AgentInputError("Correlation needs at least two pairs of values.")
    try:
        return round(statistics.correlation(x, y), 6)
    except statistics.StatisticsError as error:
        raise AgentInputError(f"Correlation is undefined here: {error}.") from error


_AGGREGATES: dict[str, Callable[[Sequence[float]], float]] = {
    "mean": statistics.fmean,
    "sum": math.fsum,
    "median": statistics.median,
    "min": min,
    "max": max,
}


def group_by(
    table: Table, key: str, value_columns: Sequence[str], aggregate: str
) -> list[dict[str, Any]]:
    """One entry per distinct `key`: its count, and `aggregate` (and the sum) of each value
    column under the figure's name, keyed by column as the caller named them::

        {"region": "north", "count": 2, "mean": {"units": 4.5}, "sum": {"units": 9}}
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in table.rows:
        groups.setdefault(str(row.get(key, "")), []).append(row)
    function = _AGGREGATES.get(aggregate, _AGGREGATES["mean"])
    name = aggregate if aggregate in _AGGREGATES else "mean"
    result: list[dict[str, Any]] = []
    for group, rows in groups.items():
        entry: dict[str, Any] = {key: group, "count": len(rows), name: {}}
        if name != "sum":
            entry["sum"] = {}
        for column in value_columns:
            values = [v for v in (parse_number(r.get(column)) for r in rows) if v is not None]
            entry[name][column] = _clean(function(values)) if values else None
            if name != "sum":
                entry["sum"][column] = _clean(math.fsum(values)) if values else None
        result.append(entry)
    return result
