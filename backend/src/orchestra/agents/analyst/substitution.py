"""A formula the request writes with named quantities, and the values it gives for them.

"Work out my BMR with 10 x weight in kg + 6.25 x height in cm - 5 x age + 5. I'm 78 kg,
180 cm and 34": the formula's quantities are weight (in kg), height (in cm) and age; the
values given are 78 kg, 180 cm and 34, each matched to its quantity by its unit (a value
with no unit to the one quantity with none), so the arithmetic is 10 * 78 + 6.25 * 180 - 5
* 34 + 5. It is read only when every quantity gets exactly one value and every value given
is used: a quantity left without one, or a number left over, is not guessed. Any other
arithmetic of numbers and quantities in one word is read so too ("max heart rate = 220 minus
age, i'm 46", "weight x (1 + reps/30). i did 80 kg for 6 reps"): a value said in the
quantity's name ("6 reps") or in a unit of what it measures ("80 kg", a weight) is its; a
quantity named with "%" ("abv% x ml / 1000") takes the value given in percent, and no other
does; "4 pints (568 ml each)" is 4 * 568 ml.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.asks import asks_per_period_unsaid
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
_GIVEN = re.compile(rf"(?<![\w.])(?P<value>{_AMOUNT})(?:\s*(?P<unit>[a-z]+\b|%))?", re.I)
# "4 pints (568 ml each)", "3 cans of 440 ml each": a count of things of one size, so much
# in that size's unit.
_COUNT_OF_SIZE = re.compile(
    rf"(?<![\w.])(?P<count>\d+)\s+[a-z]+\s*(?:\(\s*|of\s+)?(?P<size>{_AMOUNT})\s*(?P<unit>[a-z]+)"
    r"\s+each\b\s*\)?",
    re.I,
)
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


# "220 minus age", "weight x (1 + reps/30)": any arithmetic of numbers and quantities named
# in one word each, in brackets or not, after "with", "using", "=", ":".
_OPERATOR = r"(?:[-+*/^\u00d7]|\b(?:x|times|minus|plus|over)\b)"
_WORD_OPERATORS = frozenset({"x", "times", "minus", "plus", "over"})
# "their rating - my rating": a quantity named by whose it is, in two words.
_OWNERS = r"(?:my|their|his|her|your|our)"
# "abv% x ml / 1000": a quantity named with "%" takes a value given in percent.
_OPERAND = rf"(?:\(\s*)*(?:{_AMOUNT}|(?!{_OPERATOR})(?:{_OWNERS}\s+)?[a-z]+%?)(?:\s*\))*"
# It ends at a stop, or at "and" before what is given ("220 - age and im 43").
_ARITHMETIC_SAID = (
    rf"(?P<formula>{_OPERAND}(?:\s*{_OPERATOR}\s*{_OPERAND})+)(?=\s*(?:[,.;?!]|$)|\s+and\s)"
)
_ARITHMETIC = re.compile(
    rf"(?:\bwith|\busing|\bformula(?:\s+is)?|=|:)\s+{_ARITHMETIC_SAID}",
    re.I,
)
# "elo expected score is 1 / (1 + 10^((their rating - my rating)/400)) ... what's my
# expected score": a figure said to be an arithmetic of quantities, and asked by its name.
_FIGURE_IS = re.compile(
    rf"(?:^|[.!?;]\s*)(?:the\s+|an?\s+)?(?P<figure>[a-z]+(?:\s+[a-z]+){{0,3}})\s+is\s+"
    rf"{_ARITHMETIC_SAID}",
    re.I,
)
_NAME = re.compile(rf"(?<![\w.])(?:{_OWNERS}\s+)?[a-z]+\b", re.I)
# Whose a value is, by the words before it: "i'm 1450", "they're 1610", "my rating is 1450".
_WHOSE = {
    "my": r"\b(?:i'?m|i\s+am|mine\s+is|my\s+[a-z]+\s+(?:is|=))",
    "their": r"\b(?:they'?re|they\s+are|theirs\s+is|their\s+[a-z]+\s+(?:is|=))",
    "his": r"\b(?:he'?s|he\s+is|his\s+[a-z]+\s+(?:is|=))",
    "her": r"\b(?:she'?s|she\s+is|hers\s+is|her\s+[a-z]+\s+(?:is|=))",
    "your": r"\b(?:you'?re|you\s+are|yours\s+is|your\s+[a-z]+\s+(?:is|=))",
    "our": r"\b(?:we'?re|we\s+are|ours\s+is|our\s+[a-z]+\s+(?:is|=))",
}
_WHOSE_BEFORE = {
    owner: re.compile(rf"{said}\s*(?:on\s+|rated\s+|at\s+)?$", re.I)
    for owner, said in _WHOSE.items()
}


def _owned_values(whole: str, start: int, end: int) -> dict[str, list[str]]:
    """The values said to be someone's, by owner: {"my": ["1450"], "their": ["1610"]}."""
    rest = whole[:start] + " " + whole[end:]
    owned: dict[str, list[str]] = {}
    for m in _GIVEN.finditer(rest):
        before = rest[: m.start()]
        for owner, pattern in _WHOSE_BEFORE.items():
            if pattern.search(before):
                owned.setdefault(owner, []).append(m.group("value"))
    return owned


def _find_arithmetic(whole: str) -> re.Match[str] | None:
    """The arithmetic of quantities the request writes, after "with", "=", ":" or after
    the name of a figure that the question asks again."""
    found = _ARITHMETIC.search(whole)
    if found is not None:
        return found
    found = _FIGURE_IS.search(whole)
    if found is None:
        return None
    figure = found.group("figure").lower().split()[-1]
    asked = re.search(rf"\b{re.escape(figure)}\b", whole[found.end() :], re.I)
    return found if asked is not None else None


_WORD_SAID = {"x": "*", "times": "*", "minus": "-", "plus": "+", "over": "/", "\u00d7": "*"}
# "1 rep max", "one-rep max": the name of what is asked, no value given.
_ONE_REP_MAX = re.compile(r"\b(?:1|one)[\s-]*rep\s+max\b", re.I)
# A quantity named by what it measures takes a value said in a unit of that.
_UNITS_OF = {
    "weight": frozenset({"kg", "kgs", "kilos", "kilo", "lb", "lbs", "pounds", "stone"}),
    "height": frozenset({"cm", "m", "metres", "meters", "inches", "ft", "feet"}),
}


def _value_for(name: str, unit: str | None, given: list[tuple[str, str]]) -> list[str]:
    """The values given that may be the quantity's: of its unit, or said in its name ("6
    reps"), or by what it measures ("80 kg" a weight), else those with no unit."""
    if unit is not None:
        return [v for v, u in given if u == unit]
    named = [v for v, u in given if u and u.rstrip("s") == name.rstrip("s")]
    if named:
        return named
    if name in _UNITS_OF:
        return [v for v, u in given if u in _UNITS_OF[name]]
    if name == "age":
        return [v for v, u in given if u in _AGE_UNITS or not u]
    return [v for v, u in given if not u]


def _values_given(whole: str, start: int, end: int) -> list[tuple[str, str]]:
    rest = whole[:start] + " " + whole[end:]
    sized = [
        (f"({m.group('count')} * {m.group('size')})", m.group("unit").lower())
        for m in _COUNT_OF_SIZE.finditer(rest)
    ]
    rest = _COUNT_OF_SIZE.sub(" ", rest)
    given = [(m.group("value"), (m.group("unit") or "").lower()) for m in _GIVEN.finditer(rest)]
    return sized + [(v, "" if u in _NOT_UNITS else u) for v, u in given]


def _labelled(whole: str, start: int, end: int, names: list[str]) -> dict[str, str] | None:
    """Each of the formula's names said once right before a value of its own ("og 1.052 fg
    1.010", "a = 3, b: 4"), outside the formula; None unless every name is. Read by the word
    after it, "1.052 fg" would make 1.052 fg's."""
    rest = whole[:start] + " " + whole[end:]
    labelled: dict[str, str] = {}
    for name in names:
        said = re.findall(
            rf"(?<![\w.]){re.escape(name)}\s*(?:=|:|is\s+)?\s*({_AMOUNT})(?!\w|\.\d|\s*%)",
            rest,
            re.I,
        )
        if len(said) != 1:
            return None
        labelled[name] = said[0]
    return labelled if len(set(labelled.values())) == len(labelled) else None


def _arithmetic_formula(whole: str) -> tuple[Node, str] | None:
    """Any arithmetic of numbers and quantities in one word ("weight x (1 + reps/30)"), each
    quantity given one value and every value used."""
    found = _find_arithmetic(whole)
    if found is None:
        return None
    formula = found.group("formula")
    if formula.count("(") != formula.count(")"):
        return None
    names = [
        m for m in _NAME.finditer(formula)
        if m.group(0).lower() not in _WORD_OPERATORS
    ]  # fmt: skip
    if not names or len({m.group(0).lower() for m in names}) != len(names):
        return None
    given = _values_given(whole, found.start("formula"), found.end("formula"))
    owned = _owned_values(whole, found.start("formula"), found.end("formula"))
    # With quantities named by whose they are, a value said to be someone's is for them
    # alone; without, "i'm 46" is only how the age is said.
    by_owner = any(" " in m.group(0) for m in names)
    anyones = {v for values in owned.values() for v in values} if by_owner else set()
    values: dict[str, str] = {}
    said = [m.group(0).lower() for m in names]
    labelled = _labelled(whole, found.start("formula"), found.end("formula"), said)
    if labelled is not None and set(labelled.values()) == {v for v, _ in given}:
        values = labelled  # "og 1.052 fg 1.010, abv using (og - fg) x 131.25"
    for match in names if not values else []:
        owner = match.group(0).lower().split()[0]
        if owner in _WHOSE and " " in match.group(0):
            matching = owned.get(owner, [])  # "my rating": the value said to be mine
        elif formula[match.end() : match.end() + 1] == "%":
            matching = [v for v, u in given if u == "%"]
        else:
            unowned = [g for g in given if g[1] != "%" and g[0] not in anyones]
            matching = _value_for(match.group(0).lower(), None, unowned)
        if len(matching) != 1:
            return None
        values[match.group(0).lower()] = matching[0]
    if len(set(values.values())) != len(given) or len(given) != len(names):
        return None  # a value left over, or one said twice
    arithmetic = re.sub(
        rf"(?<![\w.])(?:{_OWNERS}\s+)?[a-z]+\b%?|\u00d7",
        lambda m: (
            values.get(m.group(0).lower().rstrip("%"))
            or _WORD_SAID.get(m.group(0).lower(), m.group(0))
        ),
        formula,
        flags=re.I,
    )
    reading = read_numeric_request(arithmetic)
    if not reading.trusted or reading.expression is None or len(reading.clauses) != 1:
        return None
    return reading.expression, "the formula with the values given"


def read_given_formula(context: str | None, text: str) -> tuple[Node, str] | None:
    """The formula written with named quantities, with the values given put in; None
    unless each quantity gets exactly one value and every value is used."""
    whole = f"{context} {text}" if context is not None else text
    whole = _ONE_REP_MAX.sub("one-rep max", whole)
    parts = re.split(r"(?<=[.?!])\s+", whole.strip())
    if len(parts) > 1 and asks_per_period_unsaid(" ".join(parts[:-1]), parts[-1]):
        return None  # "profit per day?" of amounts said of no day
    found = _FORMULA.search(whole)
    if found is None:
        return _arithmetic_formula(whole)
    formula = found.group("formula")
    named = [m for m in _NAMED.finditer(formula)]
    quantities = [_quantity(m.group("a") or m.group("b")) for m in named]
    if len(quantities) < 2 or len({q for q in quantities}) != len(quantities):
        return _arithmetic_formula(whole)
    given = _values_given(whole, found.start("formula"), found.end("formula"))
    values: dict[tuple[str, str | None], str] = {}
    labelled = _labelled(
        whole, found.start("formula"), found.end("formula"), [n for n, _ in quantities]
    )
    if labelled is not None and set(labelled.values()) == {v for v, _ in given}:
        # "l 40 s 7.5, total using l + s x 2": read by the word after it, 40 was s's
        values = {(n, u): labelled[n] for n, u in quantities}
    for name, unit in quantities if not values else []:
        matching = (
            _value_for(name, unit, given)
            if unit is not None or name == "age"
            else [v for v, u in given if not u]
        )
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
