"""Counts along a length or over an area, and what falls on an area.

"An 18 m fence with a post every 1.8 m, a post at both ends": 18 / 1.8 + 1 posts; "the
deck is 3.6 m wide and each board takes up 15 cm": 360 / 15 boards across (so too "the
garden is 18.3 m and fence panels are 1.83 m wide"); "180 cm long
and 60 cm high, tiles 10 x 10 cm": (180 / 10) * (60 / 10) tiles (so too "10cm x 10cm
tiles", and "just divide" asks the area over a tile's, cut tiles and all); "24 m² and 12 mm of
rain": 24 * 12 litres; "my stride is 0.74 m and i did 12,400 steps, how many km": 0.74 *
12400 metres, in km; "skirting for a room 4.6m x 3.2m, minus 0.8m for the door": 2 * (4.6 +
3.2) - 0.8 metres round the sides; "density 0.92 g/cm³, mass of 250 ml": 0.92 * 250 g, and
"12.5 g in 250 cm³, concentration in g/dm³": 12.5 / 250 * 1000. Each is read only when the
request says every amount it needs and nothing besides, and a count only when the lengths
divide into whole pieces: a part piece (cut, or a shorter last gap) is a choice the request
has not made, so it is not guessed.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.invoices import read_invoice
from orchestra.agents.analyst.times import read_clock_times
from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_measured"]

_AMOUNT = r"\d+(?:\.\d+)?"
# Lengths in millimetres per unit.
_LENGTHS = {
    "mm": 1, "millimetre": 1, "millimeter": 1,
    "cm": 10, "centimetre": 10, "centimeter": 10,
    "m": 1000, "metre": 1000, "meter": 1000,
}  # fmt: skip
_LENGTH_UNIT = r"(?:mm|cm|m|millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?)(?![\w\u00b2])"
_LENGTH = rf"(?P<{{0}}>{_AMOUNT})\s*(?P<{{0}}u>{_LENGTH_UNIT})"
_ANY_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]*\d)")
# "how many 60x60 cm tiles": the pieces asked, their sides said before them.
_HOW_MANY_SIZED = re.compile(
    rf"\bhow\s+many\s+(?P<sides>{_AMOUNT}\s*(?:{_LENGTH_UNIT})?\s*(?:x|by|\u00d7)\s*{_AMOUNT}\s*"
    rf"{_LENGTH_UNIT})\s+(?P<asked>tiles|slabs|pavers|panels|sheets)\b",
    re.I,
)
# Whole pieces only: a quotient this close to a whole number is that number.
_WHOLE = 1e-9


def _unit_size(unit: str) -> int:
    unit = unit.lower()
    return _LENGTHS[unit if unit in _LENGTHS else unit.rstrip("s")]


def _length(match: re.Match[str], name: str) -> Node:
    """The length a match names, in millimetres (as written, times its unit's size)."""
    amount = Num(float(match.group(name)), match.group(name))
    size = _unit_size(match.group(f"{name}u"))
    return amount if size == 1 else Op("*", amount, Num(size, str(size)))


def _millimetres(match: re.Match[str], name: str) -> float:
    return float(match.group(name)) * _unit_size(match.group(f"{name}u"))


def _whole(quotient: float) -> bool:
    return quotient > 0 and abs(quotient - round(quotient)) < _WHOLE * max(1.0, quotient)


def _forms(noun: str) -> set[str]:
    noun = noun.lower()
    return {noun, f"{noun}s", f"{noun}es", noun.removesuffix("s"), noun.removesuffix("es")}


def _numbers_beyond(text: str, *spans: tuple[int, int]) -> bool:
    """Whether ``text`` has a number outside the ``spans`` read."""
    return any(
        not any(start <= m.start() < end for start, end in spans)
        for m in _ANY_NUMBER.finditer(text)
    )


# "an 18 m fence with a post every 1.8 m", "a 12 m hedge, a stake every 2 m".
_ALONG = re.compile(
    rf"\b{_LENGTH.format('whole')}\s+(?:long\s+)?(?P<line>[a-z]+)\b[^.?!\d]{{0,40}}?"
    rf"\ban?\s+(?P<thing>[a-z]+)\s+every\s+{_LENGTH.format('gap')}",
    re.I,
)
_BOTH_ENDS = re.compile(r"\b(?:at|on)\s+(?:both|each|either)\s+ends?\b|\bboth\s+ends\b", re.I)
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?P<asked>[a-z]+)\b", re.I)


def _posts_along(text: str) -> tuple[Node, str] | None:
    """Posts along a straight line, one every so often and one at both ends."""
    along, asked = _ALONG.search(text), _HOW_MANY.search(text)
    if along is None or asked is None or not _BOTH_ENDS.search(text):
        return None
    if asked.group("asked").lower() not in _forms(along.group("thing")):
        return None
    if _numbers_beyond(text, along.span()):
        return None
    gaps = _millimetres(along, "whole") / _millimetres(along, "gap")
    if not _whole(gaps):
        return None  # a shorter last gap, or posts spaced evenly closer: not said which
    spaces = Op("/", _length(along, "whole"), _length(along, "gap"))
    return Op("+", spaces, Num(1, "1")), f"{asked.group('asked')}, one at both ends"


# "the deck is 3.6 m wide", "the shelf is 90 cm long", "back of the garden is 18.3 m": the
# length filled.
_FILLED = re.compile(
    rf"\b(?P<whole_thing>[a-z]+)\s+is\s+{_LENGTH.format('whole')}(?:\s+(?:wide|long|across))?"
    rf"(?![\w.\u00b2])",
    re.I,
)
# "each board takes up 15 cm", "each book uses 3 cm".
# "to cover a width of 4.8 m", "fill a length of 3 m": the length filled, said as the span
# the pieces cover, which says too that they lie across it.
_COVERED = re.compile(
    rf"\b(?:cover|covers|covering|fill|fills|filling|span|spans|spanning)\s+(?:a|the)\s+"
    rf"(?P<whole_thing>width|length|span|distance|run)\s+of\s+{_LENGTH.format('whole')}"
    rf"(?![\w\u00b2]|\.\d)",
    re.I,
)
_SIDE_BY_SIDE = re.compile(r"\bside\s+by\s+side\b|\bin\s+a\s+row\b", re.I)
_TAKES_UP = re.compile(
    rf"\beach\s+(?P<thing>[a-z]+)\s+(?:takes\s+up|uses|needs|fills|occupies)\s+"
    rf"{_LENGTH.format('piece')}",
    re.I,
)
# "fence panels are 1.83 m wide": each one's width, when nothing is said to take up more.
_ARE_WIDE = re.compile(
    rf"\b(?P<thing>[a-z]+s)\s+are\s+{_LENGTH.format('piece')}\s+(?:wide|long|across)\b", re.I
)
_ACROSS = re.compile(
    r"\bhow\s+many\s+(?P<asked>[a-z]+)\s+(?:across|along|in\s+a\s+row|fit|will\s+fit|"
    r"do\s+i\s+need\s+across)\b",
    re.I,
)


# Part of the length kept clear of pieces ("a 30 cm border", "a gap at each end").
_SET_ASIDE = re.compile(
    r"\b(?:borders?|margins?|trim|overhang|(?:at|on)\s+(?:each|both|either)\s+ends?)\b", re.I
)
_ANY_LENGTH = re.compile(rf"(?<![\w.]){_LENGTH.format('part')}")


def _parts_of(text: str, piece: re.Match[str], *spans: tuple[int, int]) -> bool:
    """Whether the numbers besides those read are the parts of one piece ("boards are
    14.5 cm wide with a 5 mm gap after each, so each takes up 15 cm"), or there are none."""
    others = [
        m for m in _ANY_LENGTH.finditer(text) if not any(a <= m.start() < b for a, b in spans)
    ]
    if _numbers_beyond(text, *spans, *(m.span() for m in others)):
        return False  # a number that is no length
    if not others:
        return True
    parts = sum(_millimetres(m, "part") for m in others)
    return abs(parts - _millimetres(piece, "piece")) < _WHOLE * max(1.0, parts)


def _pieces_across(text: str) -> tuple[Node, str] | None:
    """Pieces side by side across a length, each said to take up so much of it."""
    taken = _TAKES_UP.search(text)
    covered = _COVERED.search(text)
    filled, piece = _FILLED.search(text) or covered, taken or _ARE_WIDE.search(text)
    if filled is None or piece is None:
        return None
    # "panels are 1.83 m wide" is each one's width: "how many panels" asks how many across;
    # so too "how many boards" when they are laid side by side to cover a width.
    across = taken is None or covered is not None or _SIDE_BY_SIDE.search(text) is not None
    asked = _ACROSS.search(text) or (_HOW_MANY.search(text) if across else None)
    thing = piece.group("thing")
    if asked is None or asked.group("asked").lower() not in _forms(thing):
        return None
    if filled.group("whole_thing").lower() in _forms(thing):
        return None
    if len(_FILLED.findall(text)) + len(_COVERED.findall(text)) != 1 or _SET_ASIDE.search(text):
        return None
    if not _parts_of(text, piece, filled.span(), piece.span()):
        return None
    count = _millimetres(filled, "whole") / _millimetres(piece, "piece")
    if not _whole(count):
        return None  # the last piece cut to fit, or a gap left: not said which
    expression = Op("/", _length(filled, "whole"), _length(piece, "piece"))
    return expression, f"{asked.group('asked')} across"


# "180 cm long and 60 cm high", "2.4 m by 1.2 m", "180 x 60 cm": an area's sides.
_SIDES = re.compile(
    rf"\b(?P<a>{_AMOUNT})\s*(?P<au>{_LENGTH_UNIT})?\s*(?:long|wide|high|tall)?\s*"
    rf"(?:and|by|x|\u00d7)\s*{_LENGTH.format('b')}\s*(?:long|wide|high|tall)?",
    re.I,
)
_TILE_SIDES = re.compile(
    rf"\b(?P<thing>tiles?|panels?|slabs?|pavers?|sheets?)\s+(?:are|is|of|measure|measuring)?\s*"
    rf"(?P<c>{_AMOUNT})\s*(?P<cu>{_LENGTH_UNIT})?\s*(?:x|by|\u00d7)\s*{_LENGTH.format('d')}",
    re.I,
)
_SPARE = re.compile(r"\b(?:spares?|waste|extra|wastage|cuts?|offcuts?)\b", re.I)
_NO_SPARE = re.compile(
    r"\b(?:no|ignoring|ignore|without|not\s+counting)\s+(?:any\s+)?(?:spares?|waste|extras?|"
    r"wastage)\b",
    re.I,
)
# "10cm x 10cm tiles", "600 x 600 mm slabs": the sizes said before the pieces.
_SIDES_THEN_TILE = re.compile(
    rf"(?<![\w.])(?P<c>{_AMOUNT})\s*(?P<cu>{_LENGTH_UNIT})?\s*(?:x|by|\u00d7)\s*"
    rf"{_LENGTH.format('d')}\s+(?P<thing>tiles?|panels?|slabs?|pavers?|sheets?)\b",
    re.I,
)
# "how many slabs (just divide)": the area over a piece's area, whole pieces or not.
_JUST_DIVIDE = re.compile(r"\bjust\s+divide\b", re.I)


def _sides_mm(match: re.Match[str], first: str, second: str) -> tuple[float, float]:
    unit = match.group(f"{second}u")
    first_unit = match.group(f"{first}u") or unit
    return (
        float(match.group(first)) * _unit_size(first_unit),
        float(match.group(second)) * _unit_size(unit),
    )


def _side(match: re.Match[str], name: str, unit_of: str) -> Node:
    amount = Num(float(match.group(name)), match.group(name))
    size = _unit_size(match.group(f"{name}u") or match.group(f"{unit_of}u"))
    return amount if size == 1 else Op("*", amount, Num(size, str(size)))


def _tiles_over(text: str) -> tuple[Node, str] | None:
    """Tiles over a rectangle, whole tiles in both directions, none spare."""
    tile, asked = _TILE_SIDES.search(text) or _SIDES_THEN_TILE.search(text), _HOW_MANY.search(text)
    if tile is not None and (sized := _HOW_MANY_SIZED.search(text)) is not None:
        # "how many 60x60 cm tiles": the tile's sides said in the question
        if sized.start("sides") != tile.start():
            return None
        asked = sized
    if tile is None or asked is None:
        return None
    if asked.group("asked").lower() not in _forms(tile.group("thing")):
        return None
    if _SPARE.search(_NO_SPARE.sub("", text)):
        return None  # spares or cuts asked for, which a count of whole tiles leaves out
    areas = [m for m in _SIDES.finditer(text) if not (tile.start() <= m.start() < tile.end())]
    if len(areas) != 1 or _numbers_beyond(text, areas[0].span(), tile.span()):
        return None
    area = areas[0]
    length, height = _sides_mm(area, "a", "b")
    across, down = _sides_mm(tile, "c", "d")
    if not (_whole(length / across) and _whole(height / down)):
        if _JUST_DIVIDE.search(text):
            # "(just divide)": the area over a tile's area, cut pieces counted as parts.
            quotient = Op(
                "/",
                Op("*", _side(area, "a", "b"), _side(area, "b", "b")),
                Op("*", _side(tile, "c", "d"), _side(tile, "d", "d")),
            )
            return quotient, f"{asked.group('asked')}, the area over one's area"
        return None  # cut tiles, or tiles turned the other way: not said which
    expression = Op(
        "*",
        Op("/", _side(area, "a", "b"), _side(tile, "c", "d")),
        Op("/", _side(area, "b", "b"), _side(tile, "d", "d")),
    )
    return expression, f"{asked.group('asked')}, whole ones, none spare"


# "24 m² and 12 mm of rain": a litre for each millimetre on each square metre.
_SQUARE_METRES = (
    rf"(?P<area>{_AMOUNT})\s*(?:m\u00b2|m2|sq\.?\s*m|square\s+met(?:re|er)s?|sqm)(?![\w\u00b2])"
)
_RAIN = re.compile(rf"\b(?P<rain>{_AMOUNT})\s*mm\s+(?:of\s+)?(?:rain|rainfall)\b", re.I)
_LITRES_ASKED = re.compile(r"\bhow\s+many\s+(?:litres|liters)\b", re.I)
# "1 mm on 1 m² is 1 litre": the rule stated, no amount of its own.
_RULE = re.compile(
    r"\b1\s*mm\b[^.?!\d]{0,20}\b1\s*(?:m\u00b2|m2|sq\.?\s*m|square\s+met(?:re|er))"
    r"[^.?!\d]{0,20}\b1\s*(?:litre|liter|l)\b",
    re.I,
)


def _rain_on_area(text: str) -> tuple[Node, str] | None:
    """Litres of rain caught on an area: square metres times millimetres fallen."""
    area, rain = re.search(_SQUARE_METRES, text, re.I), _RAIN.search(text)
    if area is None or rain is None or not _LITRES_ASKED.search(text):
        return None
    rule = _RULE.search(text)
    read = [area.span("area"), rain.span("rain"), *([rule.span()] if rule else [])]
    if _numbers_beyond(text, *read):
        return None
    expression = Op(
        "*",
        Num(float(area.group("area")), area.group("area")),
        Num(float(rain.group("rain")), rain.group("rain")),
    )
    return expression, "litres of rain (1 mm on 1 m\u00b2 is 1 litre)"


# "my stride is about 0.74 m", "step length of 75 cm": the length of one step.
_STRIDE = re.compile(
    rf"\b(?:stride|step\s+length|stride\s+length|pace\s+length)\s+(?:is|of|=)?\s*"
    rf"(?:about|around|roughly|approx(?:imately)?|~)?\s*{_LENGTH.format('stride')}",
    re.I,
)
_STEPS = re.compile(r"(?<![\w.,])(?P<steps>\d{1,3}(?:,\d{3})+|\d+)\s+steps\b", re.I)
# "how many km", "how far in miles", "distance in km": the length asked, in a unit.
_DISTANCE_ASKED = re.compile(
    r"\bhow\s+many\s+(?P<many>[a-z]+)|\b(?:how\s+far|distance)\b(?:[a-z ]{0,20}?\b(?:in|into)\s+"
    r"(?P<in>[a-z]+))?",
    re.I,
)
_DISTANCES = {"km": 1_000_000, "kilometre": 1_000_000, "kilometer": 1_000_000,
              "mile": 1_609_344, "mi": 1_609_344, **_LENGTHS}  # fmt: skip


def _stepped(text: str) -> tuple[Node, str] | None:
    """The distance walked: the length of a step times the steps, in the unit asked."""
    stride, steps = _STRIDE.search(text), _STEPS.search(text)
    asked = _DISTANCE_ASKED.search(text)
    if stride is None or steps is None or asked is None:
        return None
    unit = (asked.group("many") or asked.group("in") or "").lower()
    size = _DISTANCES.get(unit, _DISTANCES.get(unit.rstrip("s")))
    if size is None or _numbers_beyond(text, stride.span("stride"), steps.span()):
        return None
    count = steps.group("steps").replace(",", "")
    walked = Op("*", _length(stride, "stride"), Num(float(count), count))
    return Op("/", walked, Num(size, str(size))), f"the distance in {unit}, a stride a step"


# Something taken out of the length or area, or of what falls on it, said in words ("with
# a gate", "less the window", "half of it overflowed"): not read.
_TAKEN_OUT = re.compile(
    r"\b(?:gates?|openings?|doors?|doorways?|windows?|sockets?|except|excluding|minus|less|"
    r"cut-?outs?|half|quarter|third|lost|loses|overflow\w*|leak\w*|spill\w*)\b",
    re.I,
)


# "skirting for a room 4.6m x 3.2m", "edging round a lawn 6 m by 4 m": what runs along the
# four sides of a rectangle, said by its two sides.
_ROUND_THE_SIDES = re.compile(
    r"\b(?P<what>skirting(?:\s+boards?)?|coving|edging|border|picture\s+rail|perimeter)\s+"
    r"(?:for|around|round|of|along)\s+(?:a|the|my|our)\s+(?P<thing>[a-z]+)\s+"
    r"(?:that\s+is\s+|which\s+is\s+|is\s+|of\s+|measuring\s+)?"
    rf"{_LENGTH.format('a')}\s*(?:x|by|\u00d7)\s*{_LENGTH.format('b')}(?![\w\u00b2])",
    re.I,
)
# ", minus 0.8m for the door": a length left out, said for the one thing in its place (not
# "for each door", which does not say how many).
_LEFT_OUT = re.compile(
    rf"\b(?:minus|less|take\s+off|taking\s+off|without|excluding)\s+{_LENGTH.format('out')}\s+"
    r"(?:for|of)\s+(?:the|a|an)\s+(?:door|doorway|opening|gate|fireplace|hearth|cupboard)\b",
    re.I,
)
_GAPS_IN_SIDES = re.compile(
    r"\b(?:doors?|doorways?|openings?|gates?|fireplaces?|hearths?|cupboards?|units?|"
    r"radiators?|bath|stairs?)\b",
    re.I,
)
_LENGTH_ASKED = re.compile(
    r"\bhow\s+(?:many\s+(?P<unit>metres|meters|m|cm|mm)\b|much\s+(?P<what>[a-z]+)\b)",
    re.I,
)


def _round_the_sides(text: str) -> tuple[Node, str] | None:
    """What runs round a rectangle: twice the two sides, less the lengths said to be left
    out, all in one unit and asked in it."""
    sides, asked = _ROUND_THE_SIDES.search(text), _LENGTH_ASKED.search(text)
    if sides is None or asked is None or len(_ROUND_THE_SIDES.findall(text)) != 1:
        return None
    left_out = list(_LEFT_OUT.finditer(text))
    units = {_unit_size(sides.group("au")), _unit_size(sides.group("bu"))}
    units |= {_unit_size(m.group("outu")) for m in left_out}
    if asked.group("unit"):
        units.add(_unit_size(asked.group("unit")))
    elif asked.group("what").lower() not in sides.group("what").lower():
        return None
    if len(units) != 1:
        return None  # lengths in different units, not converted here
    if _numbers_beyond(text, sides.span(), *(m.span() for m in left_out)):
        return None
    rest = _LEFT_OUT.sub("", text)
    if _TAKEN_OUT.search(rest) or _GAPS_IN_SIDES.search(rest):
        return None  # something else taken out, said without its length
    total: Node = Op(
        "*",
        Num(2, "2"),
        Op(
            "+",
            Num(float(sides.group("a")), sides.group("a")),
            Num(float(sides.group("b")), sides.group("b")),
        ),
    )
    for out in left_out:
        total = Op("-", total, Num(float(out.group("out")), out.group("out")))
    label = f"{sides.group('what').lower()} round the {sides.group('thing').lower()}"
    return total, label + (", less what is left out" if left_out else "")


# --- a mass from a density, a concentration from a mass in a volume -----------------------

_CUBED = r"(?:\u00b3|3|\^3)"
# Volumes in millilitres per unit; masses in grams per unit.
_VOLUMES_ML = {"ml": 1.0, "cm": 1.0, "cc": 1.0, "l": 1000.0, "litre": 1000.0, "liter": 1000.0,
               "dm": 1000.0, "m": 1_000_000.0}  # fmt: skip
_MASSES_G = {"g": 1.0, "kg": 1000.0}
_VOLUME_UNIT = rf"(?:ml|cc|l|litres?|liters?|(?:cm|dm|m){_CUBED})"
_PER_VOLUME = rf"(?P<mu>g|kg)\s*(?:/|per\s+)\s*(?P<pu>ml|l|litre|liter|(?:cm|dm|m){_CUBED})"
_DENSITY_SAID = re.compile(
    rf"\bdensity\b(?:\s+[a-z]+){{0,4}}?\s+(?:is|of|=|:)?\s*(?P<d>{_AMOUNT})\s*{_PER_VOLUME}"
    r"(?![\w/])",
    re.I,
)
_VOLUME_SAID = re.compile(rf"(?<![\w.])(?P<v>{_AMOUNT})\s*(?P<vu>{_VOLUME_UNIT})(?![\w/])", re.I)
_MASS_SAID = re.compile(rf"(?<![\w.])(?P<m>{_AMOUNT})\s*(?P<mu>g|kg)\b(?!\s*/)", re.I)
_ASKS_MASS = re.compile(
    r"\b(?:mass|weigh|weighs|weight)\b(?:[^.?!]*?\bin\s+(?P<unit>g|grams|kg|kilograms)\b)?",
    re.I,
)
_ASKS_CONCENTRATION = re.compile(rf"\bconcentration\b[^.?!]*?\bin\s+{_PER_VOLUME}", re.I)
_ANY_AMOUNT = re.compile(rf"(?<![\w.]){_AMOUNT}(?![\w.]|\.\d)")


def _volume_ml(unit: str) -> float:
    unit = re.sub(rf"{_CUBED}$", "", unit.lower())
    return _VOLUMES_ML[unit.rstrip("s").replace("litre", "l").replace("liter", "l")]


def _scaled(node: Node, factor: float) -> Node:
    if factor == 1:
        return node
    if factor > 1:
        return Op("*", node, Num(factor, f"{factor:g}"))
    return Op("/", node, Num(1 / factor, f"{1 / factor:g}"))


def _only_numbers(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every number of ``text`` outside its units lies in one of ``spans``."""
    plain = re.sub(rf"(?<=[a-z]){_CUBED}", " ", text, flags=re.I)
    return all(any(s <= m.start() < e for s, e in spans) for m in _ANY_AMOUNT.finditer(plain))


def _mass_from_density(text: str) -> tuple[Node, str] | None:
    """ "density of cooking oil is 0.92 g/cm³. what's the mass of 250 ml of it in g": the
    density times the volume in the density's unit, 0.92 * 250 grams; None unless those are
    the only two numbers and a mass is asked."""
    density, asked = _DENSITY_SAID.search(text), _ASKS_MASS.search(text)
    if density is None or asked is None:
        return None
    volumes = [v for v in _VOLUME_SAID.finditer(text) if v.start() >= density.end()]
    if len(volumes) != 1 or not _only_numbers(text, [density.span("d"), volumes[0].span("v")]):
        return None
    volume = volumes[0]
    in_unit = _volume_ml(volume.group("vu")) / _volume_ml(density.group("pu"))
    asked_unit = (asked.group("unit") or density.group("mu")).lower()
    asked_g = _MASSES_G["kg" if asked_unit.startswith("k") else "g"]
    factor = in_unit * _MASSES_G[density.group("mu").lower()] / asked_g
    d, v = density.group("d"), volume.group("v")
    mass = _scaled(Op("*", Num(float(d), d), Num(float(v), v)), factor)
    return mass, f"the mass in {'kg' if asked_g == 1000 else 'g'}"


def _concentration(text: str) -> tuple[Node, str] | None:
    """ "dissolved 12.5 g of salt in 250 cm³ of water, concentration in g/dm³": the mass over
    the volume in the units asked, 12.5 / 250 * 1000; None unless those are the only two
    numbers."""
    asked = _ASKS_CONCENTRATION.search(text)
    if asked is None:
        return None
    said = text[: asked.start()]
    masses, volumes = list(_MASS_SAID.finditer(said)), list(_VOLUME_SAID.finditer(said))
    if len(masses) != 1 or len(volumes) != 1:
        return None
    if not _only_numbers(text, [masses[0].span("m"), volumes[0].span("v")]):
        return None
    if float(volumes[0].group("v")) == 0:
        return None
    factor = (
        _MASSES_G[masses[0].group("mu").lower()]
        / _MASSES_G[asked.group("mu").lower()]
        * _volume_ml(asked.group("pu"))
        / _volume_ml(volumes[0].group("vu"))
    )
    m, v = masses[0].group("m"), volumes[0].group("v")
    unit = f"{asked.group('mu')}/{asked.group('pu')}"
    return _scaled(
        Op("/", Num(float(m), m), Num(float(v), v)), factor
    ), f"the concentration in {unit}"


def read_measured(text: str) -> tuple[Node, str] | None:
    """The expression and label of a count along a length or over an area, of rain on an
    area, of a time between clock times (`times`) or of an invoice's lines (`invoices`)
    that ``text`` states and asks; None when it asks none of them."""
    invoice = read_invoice(text)  # its lines say what is taken off ("less 10% discount")
    if invoice is None:
        # "minus 0.8m for the door": a length taken out of what runs round the sides.
        invoice = _round_the_sides(text)
    if invoice is not None or _TAKEN_OUT.search(text):
        return invoice
    for reader in (
        _posts_along,
        _pieces_across,
        _tiles_over,
        _rain_on_area,
        _stepped,
        _mass_from_density,
        _concentration,
        read_clock_times,
    ):
        found = reader(text)
        if found is not None:
            return found
    return None
