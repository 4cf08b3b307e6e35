"""Right-angled triangles of everyday things: a ladder against a wall, a screen's diagonal.

"4 m ladder with the foot 1 m out from the wall, how high up the wall does it reach": the
ladder, the wall and the ground make a right angle at the wall's foot, so the height is
the square root of the ladder squared less the distance out squared; "the ladder reaches 3.8
m up the wall with its foot 1.2 m out, how long is the ladder" is the other way round (the
ladder the root of the sum of the squares), and "a 5 m ladder has to reach 4.8 m up, how
far out does the foot go" the root of the difference again. "tv is 65 inch on the diagonal
and 16:9, how wide is the screen": a screen's size is its diagonal, and its sides are in
the ratio said, so the width is the diagonal times 16 over the root of 16 squared plus 9
squared (and the height likewise with 9). Read only when every number in the request is one
of these, lengths all in one unit, and the question asks one of the sides named.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Call, Node, Num, Op

__all__ = ["read_right_triangle"]

_AMOUNT = r"\d+(?:\.\d+)?"
_UNIT = (
    r"(?:mm|cm|m|ft|feet|foot|millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?)"
    r"(?![\w\u00b2\u00b3])"
)
# One name for each unit, so that lengths said "m" and "metres" are seen to be one unit.
_UNIT_NAMES = {"feet": "ft", "foot": "ft"}
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?!\w|\.\d)|(?<![\w.])\d+(?=[a-z])", re.I)

_LADDER = re.compile(r"\bladders?\b", re.I)
# "4 m ladder", "a ladder of 4 m", "the ladder is 4 m long".
_LADDER_LENGTH = re.compile(
    rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<u>{_UNIT})\s+(?:long\s+)?(?:extension\s+)?ladder\b"
    rf"|\bladder\s+(?:is|of|that\s+is|which\s+is)\s+(?P<v2>{_AMOUNT})\s*(?P<u2>{_UNIT})",
    re.I,
)
# "the foot 1 m out from the wall", "base is 1.2 m from the wall", "1 m away from the wall".
_DISTANCE_OUT = re.compile(
    rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<u>{_UNIT})\s+(?:out|away)?\s*(?:from|off)\s+"
    rf"(?:the\s+)?(?:wall|house|building|fence)\b"
    rf"|(?<![\w.])(?P<v2>{_AMOUNT})\s*(?P<u2>{_UNIT})\s+out\b",
    re.I,
)
# "reaches 3.8 m up the wall", "has to reach 4.8 m up", "3.8 m up the wall".
_HEIGHT_UP = re.compile(rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<u>{_UNIT})\s+(?:up|high)\b", re.I)
_ASKS_HEIGHT = re.compile(r"\bhow\s+(?:high|far\s+up|tall)\b|\bheight\b|\bwhat\s+height\b", re.I)
_ASKS_LENGTH = re.compile(
    r"\bhow\s+long\s+(?:is|a|does|should|must|will|would)\b.*\bladder\b|"
    r"\b(?:length|size)\s+of\s+(?:the\s+)?ladder\b|\bwhat\s+(?:length|size)\s+(?:of\s+)?ladder\b",
    re.I,
)
_ASKS_OUT = re.compile(
    r"\bhow\s+far\s+(?:out|away|from)\b|\bhow\s+far\s+(?:should|does|must|will|would|do)\b.*"
    r"\b(?:foot|base|bottom)\b",
    re.I,
)

_SCREEN = re.compile(r"\b(?:tv|television|screen|monitor|display|telly|laptop)\b", re.I)
# "65 inch", "65-inch", "65in", "65\"": a screen's size, its diagonal.
_DIAGONAL = re.compile(
    rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?:-\s*)?(?:inch(?:es)?\b|\"|\u201d|'')"
    r"|(?<![\w.])(?P<v2>\d+(?:\.\d+)?)\s*(?P<u2>cm)\s+(?:on\s+the\s+)?diagonal\b",
    re.I,
)
_RATIO = re.compile(r"(?<![\w.:])(?P<a>\d+(?:\.\d+)?)\s*[:x]\s*(?P<b>\d+(?:\.\d+)?)(?![\w:]|\.\d)")
_ASKS_WIDTH = re.compile(r"\bhow\s+wide\b|\bwidth\b", re.I)
_ASKS_SCREEN_HEIGHT = re.compile(r"\bhow\s+(?:tall|high)\b|\bheight\b", re.I)
_IN_CM = re.compile(r"\b(?:in|into)\s+(?:cm|centimet(?:re|er)s)\b", re.I)


def _unit(name: str) -> str:
    name = name.lower()
    name = _UNIT_NAMES.get(name, name)
    for short in ("mm", "cm", "m"):
        if name in (short,) or name.startswith({"mm": "milli", "cm": "centi", "m": "met"}[short]):
            return short
    return name


def _num(raw: str) -> Num:
    return Num(float(raw), raw)


def _square(node: Node) -> Node:
    return Op("**", node, Num(2, "2"))


def _one(pattern: re.Pattern[str], text: str) -> tuple[str, str] | None:
    """The one amount and unit ``pattern`` finds in ``text``, or None (none, or two)."""
    found = list(pattern.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    value = match["v"] or match["v2"]
    unit = match["u"] or match["u2"]
    return value, _unit(unit)


def _ladder(text: str) -> list[tuple[Node, str]] | None:
    length = _one(_LADDER_LENGTH, text)
    out = _one(_DISTANCE_OUT, text)
    up = _one(_HEIGHT_UP, text)
    said = [amount for amount in (length, out, up) if amount is not None]
    if len(said) != 2 or len({unit for _, unit in said}) != 1:
        return None
    if sorted(n for n in _NUMBER.findall(text)) != sorted(value for value, _ in said):
        return None  # a number not read: a ladder's angle, a second ladder
    asks = [
        name
        for name, pattern in (("up", _ASKS_HEIGHT), ("length", _ASKS_LENGTH), ("out", _ASKS_OUT))
        if pattern.search(text)
    ]
    if len(asks) != 1:
        return None
    unit = said[0][1]
    if length is not None and out is not None and asks == ["up"]:
        if float(length[0]) <= float(out[0]):
            return None
        side = Op("-", _square(_num(length[0])), _square(_num(out[0])))
        return [(Call("sqrt", (side,)), f"the height up the wall, in {unit}")]
    if length is not None and up is not None and asks == ["out"]:
        if float(length[0]) <= float(up[0]):
            return None
        side = Op("-", _square(_num(length[0])), _square(_num(up[0])))
        return [(Call("sqrt", (side,)), f"the distance of the foot from the wall, in {unit}")]
    if up is not None and out is not None and asks == ["length"]:
        side = Op("+", _square(_num(up[0])), _square(_num(out[0])))
        return [(Call("sqrt", (side,)), f"the length of the ladder, in {unit}")]
    return None


def _screen(text: str) -> list[tuple[Node, str]] | None:
    diagonals = list(_DIAGONAL.finditer(text))
    ratios = list(_RATIO.finditer(text))
    if len(diagonals) != 1 or len(ratios) != 1:
        return None
    diagonal, ratio = diagonals[0], ratios[0]
    size = diagonal["v"] or diagonal["v2"]
    in_cm = diagonal["u2"] is not None
    if sorted(_NUMBER.findall(text)) != sorted([size, ratio["a"], ratio["b"]]):
        return None
    wide, high = _num(ratio["a"]), _num(ratio["b"])
    if wide.value <= 0 or high.value <= 0:
        return None
    root = Call("sqrt", (Op("+", _square(wide), _square(high)),))
    asked = []
    # In the order asked: "how wide and how tall".
    for name, side, pattern in (
        ("width", wide, _ASKS_WIDTH),
        ("height", high, _ASKS_SCREEN_HEIGHT),
    ):
        said = pattern.search(text)
        if said is not None:
            asked.append((said.start(), name, side))
    if not asked:
        return None
    converted = bool(_IN_CM.search(text)) and not in_cm
    unit = "cm" if in_cm or converted else "inches"
    found: list[tuple[Node, str]] = []
    for _, name, side in sorted(asked, key=lambda a: a[0]):
        node: Node = Op("/", Op("*", _num(size), side), root)
        if converted:
            node = Op("*", node, Num(2.54, "2.54"))
        found.append((node, f"the screen's {name}, in {unit}"))
    return found


def read_right_triangle(text: str) -> list[tuple[Node, str]] | None:
    """The side asked of a right-angled triangle ``text`` describes (a ladder against a
    wall, a screen by its diagonal and ratio), as the module describes, or None."""
    if _LADDER.search(text):
        return _ladder(text)
    if _SCREEN.search(text) and re.search(r"\bdiagonal|\binch|\d\s*(?:\"|\u201d)", text, re.I):
        return _screen(text)
    return None
