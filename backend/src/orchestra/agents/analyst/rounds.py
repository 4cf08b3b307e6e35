"""Round things: the litres a round container holds, and the areas of pizzas by their size.

"round water butt is 0.6 m across and 0.9 m tall, how many litres", "round paddling pool,
2.4 m diameter, filling it to 40 cm. how many litres": a cylinder, pi r\u00b2 h, its diameter
said by "across", "diameter" or "wide" (or its radius by "radius") and its height by "tall",
"deep", "high" or "filled to", in metres, centimetres or millimetres, asked in litres. "12
inch pizza vs a 16 inch one, area of each": a pizza's size is its diameter, and each one's
area is asked, in the square of the unit its size is said in. Read only when the request is
said of a round thing, every number in it is a size read, and nothing is said of a part of
the container filled ("half full", "leave 5 cm at the top"), which is not read.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Name, Node, Num, Op

__all__ = ["read_round"]

_AMOUNT = r"\d+(?:\.\d+)?"
# Metres in each unit of length.
_METRES = {"m": 1.0, "metre": 1.0, "meter": 1.0, "cm": 0.01, "centimetre": 0.01,
           "centimeter": 0.01, "mm": 0.001, "millimetre": 0.001, "millimeter": 0.001}  # fmt: skip
_UNIT = r"(?:mm|cm|m|millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?)(?![\w\u00b2])"
_ROUND = re.compile(r"\b(?:round|circular|cylindrical|cylinder)\b", re.I)
# "0.6 m across", "2.4 m diameter", "2.4 m in diameter", "a diameter of 2.4 m".
_DIAMETER = re.compile(
    rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<u>{_UNIT})\s+(?:across|wide|(?:in\s+)?diameter)\b"
    rf"|\bdiameter\s+(?:of|is)\s+(?P<v2>{_AMOUNT})\s*(?P<u2>{_UNIT})",
    re.I,
)
_RADIUS = re.compile(
    rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<u>{_UNIT})\s+(?:in\s+)?radius\b"
    rf"|\bradius\s+(?:of|is)\s+(?P<v2>{_AMOUNT})\s*(?P<u2>{_UNIT})",
    re.I,
)
# "0.9 m tall", "45 cm deep", "filling it to 40 cm", "to a depth of 40 cm".
_HEIGHT = re.compile(
    rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<u>{_UNIT})\s+(?:tall|deep|high)\b"
    rf"|\b(?:fill(?:ing|ed)?\s+(?:it\s+)?to|to\s+a\s+depth\s+of|depth\s+of|height\s+of)\s+"
    rf"(?P<v2>{_AMOUNT})\s*(?P<u2>{_UNIT})",
    re.I,
)
_LITRES_ASKED = re.compile(r"\bhow\s+many\s+(?:litres|liters|l)\b", re.I)
# A part of the container filled or kept clear, which is not read.
_PART = re.compile(
    r"\b(?:half|quarter|third|thirds|full\s+to|leave|leaving|gap|below|rim|top|%|percent|"
    r"minus|less|overflow\w*)\b",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")


def _numbers_beyond(text: str, spans: list[tuple[int, int]]) -> bool:
    return any(
        not any(start <= m.start() < end for start, end in spans) for m in _NUMBER.finditer(text)
    )


def _one(pattern: re.Pattern[str], text: str) -> tuple[Node, tuple[int, int]] | bool | None:
    """The one length ``pattern`` finds, in metres, with its span; None when there is none,
    False when there are more."""
    found = list(pattern.finditer(text))
    if not found:
        return None
    if len(found) > 1:
        return False
    match = found[0]
    value = match.group("v") or match.group("v2")
    unit = (match.group("u") or match.group("u2")).lower()
    size = _METRES[unit if unit in _METRES else unit.rstrip("s")]
    amount: Node = Num(float(value), value)
    if size != 1.0:
        per = round(1 / size)
        amount = Op("/", amount, Num(per, str(per)))
    return amount, match.span()


def _litres_held(text: str) -> list[tuple[Node, str]] | None:
    """The litres a cylinder holds: pi r\u00b2 h, in cubic metres times 1000."""
    if not _ROUND.search(text) or not _LITRES_ASKED.search(text) or _PART.search(text):
        return None
    diameter, radius, height = _one(_DIAMETER, text), _one(_RADIUS, text), _one(_HEIGHT, text)
    if diameter is False or radius is False or not height:
        return None
    if (diameter is None) == (radius is None):
        return None  # no size across, or both a diameter and a radius
    across = diameter or radius
    assert isinstance(across, tuple) and isinstance(height, tuple)
    if _numbers_beyond(text, [across[1], height[1]]):
        return None
    half = Op("/", across[0], Num(2, "2")) if diameter else across[0]
    area = Op("*", Name("pi"), Op("**", half, Num(2, "2")))
    litres = Op("*", Op("*", area, height[0]), Num(1000, "1000"))
    return [(litres, "litres held: pi r\u00b2 h, 1000 litres a cubic metre")]


# "12 inch pizza", "a 16 inch one", "a 30 cm pizza": a pizza by its diameter.
_PIZZA = re.compile(
    r"(?<![\w.])(?P<v>\d+(?:\.\d+)?)\s*(?:-\s*)?(?P<u>inch|inches|in|\"|cm)\s+"
    r"(?P<thing>pizzas?|one)\b",
    re.I,
)
_AREA_ASKED = re.compile(
    r"\barea\b(?:\s+of\s+(?:each|both|them|the\s+two))?"
    r"(?:\s+in\s+(?:square\s+(?P<square>inches|cm|centimetres|centimeters)|sq\.?\s*(?P<sq>in|cm)|"
    r"(?P<sup>in|cm)(?:2|\u00b2)))?",
    re.I,
)


def _pizza_areas(text: str) -> list[tuple[Node, str]] | None:
    """Each pizza's area, its size its diameter, in the square of the unit it is said in."""
    sizes = list(_PIZZA.finditer(text))
    asked = _AREA_ASKED.search(text)
    if not sizes or asked is None or sizes[0].group("thing").lower() == "one":
        return None
    if not re.search(r"\bpizzas?\b", text, re.I) or _PART.search(text):
        return None
    units = {"cm" if m.group("u").lower() == "cm" else "in" for m in sizes}
    wanted = asked.group("square") or asked.group("sq") or asked.group("sup")
    if wanted is not None:
        units.add("cm" if wanted.lower().startswith("c") else "in")
    if len(units) != 1:
        return None  # sizes or the area asked in different units, not converted here
    if _numbers_beyond(text, [m.span() for m in sizes] + [asked.span()]):
        return None
    unit = units.pop()
    answers: list[tuple[Node, str]] = []
    for size in sizes:
        half = Op("/", Num(float(size.group("v")), size.group("v")), Num(2, "2"))
        area = Op("*", Name("pi"), Op("**", half, Num(2, "2")))
        square = "square inches" if unit == "in" else "cm\u00b2"
        answers.append((area, f"area of the {size.group('v')} {unit} pizza in {square}"))
    return answers


def read_round(text: str) -> list[tuple[Node, str]] | None:
    """The litres a round container holds, or each pizza's area, as the module describes;
    None unless ``text`` says every size needed and nothing besides."""
    return _litres_held(text) or _pizza_areas(text)
