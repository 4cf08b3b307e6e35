"""A formula the request writes with named quantities, and the values it gives for them.

"Work out my BMR with 10 x weight in kg + 6.25 x height in cm - 5 x age + 5. I'm 78 kg,
180 cm and 34": the formula's quantities are weight (in kg), height (in cm) and age; the
values given are 78 kg, 180 cm and 34, each matched to its quantity by its unit (a value
with no unit to the one quantity with none), so the arithmetic is 10 * 78 + 6.25 * 180 - 5
* 34 + 5. It is read only when every quantity gets exactly one value and every value given
is used: a quantity left without one, or a number left over, is not guessed.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, read_numeric_request

__all__ = ["read_given_formula"]

_AMOUNT = r"\d+(?:\.\d+)?"
# A quantity named in a formula: "weight in kg", "age", "height (cm)".
_QUANTITY = r"[a-z]+(?:\s+in\s+[a-z]+|\s*\(\s*[a-z]+\s*\))?"
_TIMES = r"(?:x|\*|\u00d7|times)"
_TERM = rf"(?:{_AMOUNT}\s*{_TIMES}\s*{_QUANTITY}|{_QUANTITY}\s*{_TIMES}\s*{_AMOUNT}|{_AMOUNT})"
# "10 x weight in kg + 6.25 x height in cm - 5 x age + 5", after "with", "using", "=", ":".
_FORMULA = re.compile(
    rf"(?:\bwith|\busing|\bformula(?:\s+is)?|=|:)\s+(?P<formula>{_TERM}(?:\s*[-+]\s*{_TERM})+)",
    re.I,
)
_NAMED = re.compile(
    rf"(?:(?<=\d)|(?<=\d\s))\s*{_TIMES}\s*(?P<a>{_QUANTITY})|(?P<b>{_QUANTITY})\s*{_TIMES}"
    rf"(?=\s*\d)",
    re.I,
)
_GIVEN = re.compile(rf"(?<![\w.])(?P<value>{_AMOUNT})(?:\s*(?P<unit>[a-z]+)\b)?", re.I)
# Words after a number that are no unit of it ("180 cm and 34": "and").
_NOT_UNITS = frozenset({"and", "or", "then", "so", "but", "with", "for", "to", "in", "at", "x"})
# Units said of an age: "34 years", "34 yrs old".
_AGE_UNITS = frozenset({"years", "year", "yrs", "yr", "yo"})


def _quantity(phrase: str) -> tuple[str, str | None]:
    """The name and unit of a quantity phrase: ("weight", "kg") of "weight in kg"."""
    words = re.findall(r"[a-z]+", phrase.lower())
    if len(words) >= 3 and words[1] == "in":
        return words[0], words[2]
    if len(words) == 2 and "(" in phrase:
        return words[0], words[1]
    return words[0], None


def read_given_formula(context: str | None, text: str) -> tuple[Node, str] | None:
    """The formula written with named quantities, with the values given put in; None
    unless each quantity gets exactly one value and every value is used."""
    whole = f"{context} {text}" if context is not None else text
    found = _FORMULA.search(whole)
    if found is None:
        return None
    formula = found.group("formula")
    named = [m for m in _NAMED.finditer(formula)]
    quantities = [_quantity(m.group("a") or m.group("b")) for m in named]
    if len(quantities) < 2 or len({q for q in quantities}) != len(quantities):
        return None
    rest = whole[: found.start("formula")] + " " + whole[found.end("formula") :]
    given = [(m.group("value"), (m.group("unit") or "").lower()) for m in _GIVEN.finditer(rest)]
    given = [(v, "" if u in _NOT_UNITS else u) for v, u in given]
    values: dict[tuple[str, str | None], str] = {}
    for name, unit in quantities:
        if unit is not None:
            matching = [v for v, u in given if u == unit]
        elif name == "age":
            matching = [v for v, u in given if u in _AGE_UNITS or not u]
        else:
            matching = [v for v, u in given if not u]
        if len(matching) != 1:
            return None
        values[(name, unit)] = matching[0]
    if len(set(values.values())) != len(given) or len(given) != len(quantities):
        return None  # a value left over, or one said twice
    # The formula with each quantity's value written in, read as plain arithmetic.
    arithmetic = formula
    for match in reversed(named):
        span = match.span("a") if match.group("a") else match.span("b")
        value = values[_quantity(match.group("a") or match.group("b"))]
        arithmetic = arithmetic[: span[0]] + value + arithmetic[span[1] :]
    arithmetic = re.sub(_TIMES, "*", arithmetic)
    reading = read_numeric_request(arithmetic)
    if not reading.trusted or reading.expression is None or len(reading.clauses) != 1:
        return None
    return reading.expression, "the formula with the values given"
