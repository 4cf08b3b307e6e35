"""Sizes for building and garden jobs worked out by a rule the request states in words.

"Pond liner size is length + 2 x depth + 0.6 m for overlap, and the same for the width.
Pond will be 3 m long, 2 m wide and 0.6 m deep. Liner length and width?": the rule is an
expression over the sides of the thing (length, width, depth, height), "the same for the
width" says it again with the width in the length's place, and each side is given by its
word ("3 m long", "2 m wide", "0.6 m deep"). Read only when every side the rule uses is
given once, all in one unit, and the question asks for sides the rule is said for.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_sized_by_rule"]

_SIDES = ("length", "width", "depth", "height")
# "3 m long", "0.6 m deep": a side given by the word after its amount.
_SIDE_WORDS = {
    "long": "length",
    "wide": "width",
    "deep": "depth",
    "high": "height",
    "tall": "height",
}
_UNIT = r"(?:m|cm|mm|ft|metres|meters|centimetres|centimeters)"
_SIDE_GIVEN = re.compile(
    rf"(?<![\w.])(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})\s+(?P<word>long|wide|deep|high|tall)\b",
    re.I,
)
# "max depth", "maximum depth": the side itself, the deepest (or widest) being what is given.
_MAX = r"(?:max(?:imum)?\s+)?"
# A term of the rule: a side, a number times a side ("2 x depth"), or a length ("0.6 m").
_TERM = (
    rf"(?:(?:\d+(?:\.\d+)?\s*(?:x|\*|\u00d7|times)\s*)?{_MAX}(?:{'|'.join(_SIDES)})\b"
    rf"|\d+(?:\.\d+)?\s*{_UNIT}\b)"
)
# "liner size is length + 2 x depth + 0.6 m", "pond liner rule: length + ...": a rule over
# the sides, with at least one side.
_RULE = re.compile(
    rf"\b(?P<thing>[a-z]+)\s+(?:(?:size|dimensions?)\s+(?:is|are|=)|rule\s*(?::|is|=))\s+"
    rf"(?P<rule>{_TERM}(?:\s*[+-]\s*{_TERM})+)",
    re.I,
)
_SAME_FOR = re.compile(rf"\bthe\s+same\s+for\s+(?:the\s+)?(?P<side>{'|'.join(_SIDES)})\b", re.I)
_PRODUCT = re.compile(
    rf"(?:(?P<factor>\d+(?:\.\d+)?)\s*(?:x|\*|\u00d7|times)\s*)?{_MAX}(?P<side>{'|'.join(_SIDES)})\b"
    rf"|(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})\b",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")


def _plain_unit(unit: str) -> str:
    unit = unit.lower()
    return {"metres": "m", "meters": "m", "centimetres": "cm", "centimeters": "cm"}.get(unit, unit)


def read_sized_by_rule(text: str) -> list[tuple[Node, str]] | None:
    """Each side asked of a thing whose size ``text`` gives by a rule over the sides of
    another, in the order asked; None unless the rule, its sides and the question are all
    said as the module describes."""
    rules = list(_RULE.finditer(text))
    if len(rules) != 1:
        return None
    rule = rules[0]
    terms = list(_PRODUCT.finditer(rule.group("rule")))
    sides_used = [t.group("side").lower() for t in terms if t.group("side")]
    if not sides_used:
        return None
    main = sides_used[0]
    units = {_plain_unit(t.group("unit")) for t in terms if t.group("unit")}
    given: dict[str, Num] = {}
    spans: list[tuple[int, int]] = [rule.span()]
    for found in _SIDE_GIVEN.finditer(text):
        side = _SIDE_WORDS[found.group("word").lower()]
        if side in given:
            return None  # a side given twice: of which thing?
        given[side] = Num(float(found.group("value")), found.group("value"))
        units.add(_plain_unit(found.group("unit")))
        spans.append(found.span())
    if len(units) != 1:
        return None  # sides in different units, which the rule does not convert
    # Every number is in the rule or gives a side.
    for number in _NUMBER.finditer(text):
        if not any(start <= number.start() < end for start, end in spans):
            return None
    said_for = [main, *(m.group("side").lower() for m in _SAME_FOR.finditer(text))]
    question = text[max(end for _, end in spans) :]
    asked = sorted(
        (m.start(), m.group(0).lower())
        for m in re.finditer(rf"\b(?:{'|'.join(_SIDES)})\b", question, re.I)
    )
    if not asked or any(side not in said_for for _, side in asked):
        return None
    answers: list[tuple[Node, str]] = []
    for _, side in asked:
        expression = _applied(terms, rule.group("rule"), main, side, given)
        if expression is None:
            return None
        answers.append((expression, f"{rule.group('thing').lower()} {side}"))
    return answers


def _applied(
    terms: list[re.Match[str]], rule: str, main: str, side: str, given: dict[str, Num]
) -> Node | None:
    """The rule with ``side`` in the place of ``main`` and the sides given put in."""
    total: Node | None = None
    for i, term in enumerate(terms):
        if term.group("side"):
            name = term.group("side").lower()
            name = side if name == main else name
            if name not in given:
                return None
            node: Node = given[name]
            if term.group("factor"):
                node = Op("*", Num(float(term.group("factor")), term.group("factor")), node)
        else:
            node = Num(float(term.group("amount")), term.group("amount"))
        if total is None:
            total = node
            continue
        sign = rule[terms[i - 1].end() : term.start()].strip()
        if sign not in {"+", "-"}:
            return None
        total = Op(sign, total, node)
    return total
