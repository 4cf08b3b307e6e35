"""Time frames a request says of a table whose rows are exactly that frame.

"Total kWh for the first half of the year" of a table with a row for each month from
January to June, "the quietest day last week" of a table with a row for each of Monday to
Friday: the time frame names all the rows, so it is no condition on them and the figure
is of the whole column. The frame is dropped from the request only where one column of
labels holds distinct month names that are exactly the frame's months (the first half,
the second half, a quarter, the whole year), or distinct day names of one week; otherwise
it is left for the table statistics to refuse as a condition they do not apply ("the
total for the first half of the year" of twelve months is not the whole column).
"""

from __future__ import annotations

import re
from typing import Any

from orchestra.agents.analyst.tables import Table

__all__ = ["without_spanned_period"]

_MONTHS = (
    "jan feb mar apr may jun jul aug sep oct nov dec".split()  # noqa: SIM905
)
_MONTH_NAMES = {
    **{m: i for i, m in enumerate(_MONTHS, start=1)},
    **{
        m: i
        for i, m in enumerate(
            """january february march april may june july august september october november
            december""".split(),  # noqa: SIM905
            start=1,
        )
    },
    "sept": 9,
}
_DAY_NAMES = {
    name: i
    for i, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}

_OF_YEAR = r"(?:\s+of\s+(?:the|this|last)\s+year|\s+of\s+20\d\d)"
_INTO = r"(?:(?:in|for|over|during|across)\s+)?(?:the\s+)?"
# Each frame, and the months that are all of it.
_MONTH_FRAMES: tuple[tuple[frozenset[int], re.Pattern[str]], ...] = (
    (
        frozenset(range(1, 7)),
        re.compile(rf"\b{_INTO}(?:first\s+half|first\s+six\s+months){_OF_YEAR}\b|\bH1\b", re.I),
    ),
    (
        frozenset(range(7, 13)),
        re.compile(rf"\b{_INTO}(?:second\s+half|last\s+six\s+months){_OF_YEAR}\b|\bH2\b", re.I),
    ),
    (
        frozenset(range(1, 13)),
        re.compile(
            r"\b(?:(?:in|for|over|during|across)\s+)?(?:the|this|last)\s+(?:(?:whole|full)\s+)?"
            r"year\b",
            re.I,
        ),
    ),
    *(
        (
            frozenset(range(3 * q + 1, 3 * q + 4)),
            re.compile(rf"\b{_INTO}(?:{word}\s+quarter{_OF_YEAR}?|Q{q + 1})\b", re.I),
        )
        for q, word in enumerate(("first", "second", "third", "fourth"))
    ),
)
_WEEK = re.compile(
    r"\b(?:(?:in|for|over|during|across)\s+)?(?:last|this|the\s+past|past)\s+week\b", re.I
)


def _label_values(table: Table) -> list[list[str]]:
    """The values of each column that holds no number, lower-cased."""
    columns: list[list[str]] = []
    for column in table.columns:
        values = [str(_cell(row, column)).strip().lower().rstrip(".") for row in table.rows]
        if values and not any(re.fullmatch(r"[-+]?[\d.,]+%?", v) for v in values):
            columns.append(values)
    return columns


def _cell(row: dict[str, Any], column: str) -> Any:
    value = row.get(column)
    return "" if value is None else value


def _distinct(values: list[str], names: dict[str, int]) -> frozenset[int] | None:
    """The months or days the values are, when each is one and none repeats."""
    if not all(v in names for v in values):
        return None
    found = [names[v] for v in values]
    return frozenset(found) if len(set(found)) == len(found) else None


# What is left that says another time frame, or compares with one ("this week vs last
# week", "the first half compared to the second half"): then the frame is kept, and the
# request refused as a condition on the rows.
_ANOTHER_FRAME = re.compile(
    r"\b(?:weeks?|years?|half|halves|quarters?|months?|h[12]|q[1-4]|vs|versus|compar\w*|"
    r"against|than)\b",
    re.I,
)


def without_spanned_period(prose: str, table: Table) -> str:
    """``prose`` without a time frame that the rows of ``table`` are all of, exactly, when
    it is the only time frame said."""
    dropped = _dropped(prose, table)
    if dropped == prose or _ANOTHER_FRAME.search(dropped):
        return prose
    return dropped


def _dropped(prose: str, table: Table) -> str:
    for values in _label_values(table):
        months = _distinct(values, _MONTH_NAMES)
        if months is not None:
            for frame, said in _MONTH_FRAMES:
                if months == frame:
                    prose = said.sub(" ", prose)
        days = _distinct(values, _DAY_NAMES)
        if days is not None and len(days) >= 5:
            # Five to seven days, each once: a week ("last week" of Monday to Friday).
            prose = _WEEK.sub(" ", prose)
    return prose
