"""Everyday formulas people ask for in words: unit conversions, speed, interest, gradient,
fuel economy, the volume of a box and the area of a circle.

"Convert 5 miles to km", "100 degrees Fahrenheit in Celsius", "how many days are in 6
weeks", "60 mph to km/h", "5 feet 10 inches to cm", "average speed if a car travels 150 km
in 2 hours", "compound interest on 1000 at 5% for 3 years", "18 mpg (US gallons) in
L/100km", "16 km per litre in litres per 100 km", "gains 320 m over 4.2 km, average
gradient in %", "36 x 18 x 16 inches, how many US gallons", "425°F — celsius?", "fermenter
holds 23 litres, how many uk pints is that". A
gallon or a pint whose size (US or UK) is unsaid is no unit. Each is recognised only
when the whole request fits it, and becomes an ordinary expression (``5 * 1609.344 /
1000``), so the answer shows what was computed.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable

from orchestra.agents.analyst.wording import (
    AND_A_PART,
    DAILY_TIMES_DAYS,
    MIXED_NUMBER,
    Name,
    Node,
    Num,
    Op,
    mixed_number,
    whole_and_part,
)

__all__ = [
    "asks_speed",
    "is_unit",
    "mixed_units",
    "names_unit",
    "read_formula",
    "read_pointed_conversion",
    "result_in_unit",
    "same_unit",
    "units_apart",
    "unsized_gallon",
]

# Units by dimension, with their size in the dimension's base unit.
_UNITS: dict[str, tuple[str, float]] = {}


def _add(dimension: str, size: float, *names: str) -> None:
    for name in names:
        _UNITS[name] = (dimension, size)


_add("length", 1000.0, "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres")
_add("length", 1.0, "m", "meter", "meters", "metre", "metres")
_add("length", 0.01, "cm", "centimeter", "centimeters", "centimetre", "centimetres")
_add("length", 0.001, "mm", "millimeter", "millimeters", "millimetre", "millimetres")
_add("length", 1609.344, "mile", "miles", "mi")
_add("length", 0.9144, "yard", "yards", "yd", "yds")
_add("length", 0.3048, "foot", "feet", "ft")
_add("length", 0.0254, "inch", "inches")
# A nautical mile, "nautical miles" written "nmi" before reading (`_asides_dropped`).
_add("length", 1852.0, "nmi")
_add("mass", 1.0, "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos")
_add("mass", 0.001, "g", "gram", "grams")
_add("mass", 0.45359237, "lb", "lbs", "pound", "pounds")
_add("mass", 0.028349523125, "oz", "ounce", "ounces")
_add("mass", 6.35029318, "stone", "stones")
_add("volume", 1.0, "l", "liter", "liters", "litre", "litres")
_add("volume", 0.001, "ml", "milliliter", "milliliters", "millilitre", "millilitres")
# A gallon is 3.785 L in the US and 4.546 L in the UK: only a gallon said to be one or the
# other is a unit ("US gallons" is written "usgal" before reading, `_gallons_said`).
_add("volume", 3.785411784, "usgal")
_add("volume", 4.54609, "impgal")
# So is a pint: 568 ml in the UK, 473 ml in the US ("UK pints" is written "imppint").
_add("volume", 0.56826125, "imppint")
_add("volume", 0.473176473, "uspint")
_add("area", 1.0, "m2", "sqm")
_add("area", 10000.0, "hectare", "hectares", "ha")
_add("area", 4046.8564224, "acre", "acres")
_add("area", 1_000_000.0, "km2")
_add("area", 1_000_000.0, "sqkm")
_add("area", 0.0001, "sqcm")
_add("area", 0.09290304, "sqft")
_add("area", 0.00064516, "sqin")
_add("area", 0.83612736, "sqyd")
_add("area", 2_589_988.110336, "sqmi")
# Units of volume in one word, sized in litres ("cubic feet" is written "cubft" before
# reading, `_squares_spelt`).
_add("volume", 1000.0, "cubm")
_add("volume", 0.001, "cubcm")
_add("volume", 28.316846592, "cubft")
_add("volume", 0.016387064, "cubin")
_add("volume", 764.554857984, "cubyd")
_add("time", 1.0, "second", "seconds", "sec", "secs")
_add("time", 60.0, "minute", "minutes", "mins")
_add("time", 3600.0, "hour", "hours", "hr", "hrs", "h")
_add("time", 86400.0, "day", "days")
_add("time", 604800.0, "week", "weeks")
_add("speed", 1.0, "m/s", "mps")
_add("speed", 1000.0 / 3600.0, "km/h", "kph", "kmh", "kmph", "km/hr")
_add("speed", 1609.344 / 3600.0, "mph", "mi/h")
# A knot is a nautical mile (1852 m) an hour.
_add("speed", 1852.0 / 3600.0, "knot", "knots", "kts")
# Tyre, weather and boiler pressures. "bar" alone: "2 bars" of chocolate are counted.
_add("pressure", 100_000.0, "bar")
_add("pressure", 100.0, "mbar", "millibar", "millibars", "hpa")
_add("pressure", 1000.0, "kpa")
_add("pressure", 6894.757293168, "psi")
_add("pressure", 101_325.0, "atm")


def same_unit(one: str, other: str) -> bool:
    """Whether two words name one unit ("ft" and "feet", "kg" and "kilos")."""
    a, b = _UNITS.get(one.lower()), _UNITS.get(other.lower())
    return a is not None and a == b


# Units whose size depends on where they are said: words of a unit, with no size to convert.
_UNSIZED = frozenset({"gallon", "gallons", "gal"})


def is_unit(word: str) -> bool:
    """Whether ``word`` names a unit of measure ("km", "hours", "pounds", "gallons")."""
    return word.lower() in _UNITS or word.lower() in _UNSIZED


def names_unit(word: str) -> bool:
    """Whether ``word`` names a unit or a temperature scale in full ("feet", "kelvin")."""
    word = word.lower()
    return is_unit(word) or (len(word) > 1 and word in _TEMPERATURES)


# "3.2kg", "7.5h", "250ml": a unit written against its number. "m" stays, since "5m" is as
# often five million as five metres.
_GLUED_UNIT = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)([a-z]+)\b", re.I)


# Units that a whole number written against them names no product or network by ("600ml",
# "12kg"), unlike "5g", "4k" or "3d".
_NO_NAME = frozenset({"ml", "kg", "kgs", "km", "cm", "mm", "lb", "lbs", "mins", "hrs", "litres"})
# Units that a measure said after them makes sure of ("4.2m wide", "250g of flour",
# "by 3.8m"): a size, or what is weighed, not millions nor a network. "st" and "lb" are for
# a weight in stones and pounds ("13st 2lb").
_MEASURED = frozenset({"m", "g", "st"})
_METRES_AFTER = re.compile(r"\s*(?:wide|long|high|tall|deep|across|by|x|\u00d7)\b", re.I)
_METRES_BEFORE = re.compile(r"(?:\bby|\bx|\u00d7)\s*$", re.I)
_GRAMS_AFTER = re.compile(r"\s+of\s+[a-z]", re.I)
_POUNDS_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s*(?:lb|lbs)\b", re.I)


def _metres_measured(text: str, match: re.Match[str]) -> bool:
    rest = text[match.end() :]
    return bool(_METRES_AFTER.match(rest) or _METRES_BEFORE.search(text[: match.start()]))


def _measured(text: str, match: re.Match[str]) -> bool:
    """Whether a unit written against its number is said to measure something: "4.2m wide",
    "4.5 by 3.8m", "250g of flour", "13st 2lb", "35g per m2"; or "0.6m for overlap" beside
    "2.5m long": a text measuring in metres does not count in millions with the same "m"."""
    unit, rest = match.group(2).lower(), text[match.end() :]
    if unit == "m":
        money = re.search(r"[$\u00a3\u20ac]\s*$", text[: match.start()]) is not None
        return _metres_measured(text, match) or (
            not money
            and any(
                _metres_measured(text, other)
                for other in _GLUED_UNIT.finditer(text)
                if other.group(2).lower() == "m"
            )
        )
    if unit == "g":
        # A network or a phone is named by one digit ("5g", "4g data"): "35g", "800g beef"
        # or "260g each" are grams.
        number = match.group(1).replace(",", "")
        return _GRAMS_AFTER.match(rest) is not None or len(number.split(".")[0]) > 1
    return unit == "st" and _POUNDS_AFTER.match(rest) is not None


def units_apart(text: str) -> str:
    """``text`` with each unit of measure written against its number set apart ("3.2kg" as
    "3.2 kg"), so that the number is read whole rather than cut at its decimal point.

    A whole number said once with its unit may be a name ("5g speeds", "4g data"), which is
    no amount: it is set apart only when its unit is written so again ("250g, 100g")."""
    glued = Counter(m.group(2).lower() for m in _GLUED_UNIT.finditer(text))

    def apart(match: re.Match[str]) -> str:
        number, unit = match.groups()
        if not is_unit(unit) and unit.lower() not in _MEASURED:
            return match.group(0)
        if _measured(text, match):
            return f"{number} {'stone' if unit.lower() == 'st' else unit}"
        if unit.lower() == "m" or not is_unit(unit):
            return match.group(0)
        if "." not in number and glued[unit.lower()] < 2 and unit.lower() not in _NO_NAME:
            return match.group(0)
        return f"{number} {unit}"

    return _STONE_SAID_APART.sub(r"\1 stone", _GLUED_UNIT.sub(apart, text))


# "12 st 4 lb": "st" said apart from its number is stone too when pounds follow it, as
# "13st 2lb" is (alone, "12 st" may be a street).
_STONE_SAID_APART = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s+st\b(?=\s*\d+(?:\.\d+)?\s*(?:lb|lbs)\b)", re.I
)


# A unit given to an amount ("2 hours", "500 m") or asked for ("in minutes", "into grams").
_UNIT_SAID = re.compile(r"(?:\d\s*|\b(?:in|into|to|as)\s+)(?P<unit>[a-z]+(?:/[a-z]+)?)\b", re.I)


def mixed_units(text: str) -> tuple[str, str] | None:
    """Two units of one measure and of different sizes that ``text`` gives or asks for
    ("2 km and then 500 m", "15% of 2 hours, in minutes"), or None.

    Arithmetic read from the words adds and scales the numbers as they stand: 2 km and 500 m
    made 502, and 15% of 2 hours "in minutes" 0.3. Units of different measures ("150 km in
    2 hours") are a rate, which the formulas read."""
    seen: dict[str, tuple[str, tuple[str, float]]] = {}
    # "7.5 hours x 22 days": so much a day times a number of days, in the first unit.
    text = DAILY_TIMES_DAYS.sub(r"\g<amount> \g<unit> x \g<count>", text)
    for match in _UNIT_SAID.finditer(_rates_spelt(text.lower())):
        word = match.group("unit").lower()
        if word not in _UNITS:
            continue
        dimension, size = _UNITS[word]
        earlier = seen.setdefault(dimension, (word, (dimension, size)))
        if earlier[1][1] != size:
            return earlier[0], word
    return None


# "what's 15% of 2 hours, in minutes": the arithmetic, then the unit its result is asked in.
_RESULT_IN = re.compile(
    r"^(?P<head>.*\d.*?)[\s,]+(?:in|into|to|as)\s+(?P<target>[a-z]+(?:/[a-z]+)?)\s*[?.!]*$",
    re.I | re.S,
)


def result_in_unit(text: str) -> tuple[str, float, str] | None:
    """The arithmetic of ``text``, the factor that turns its result into the unit asked at
    its end, and that unit ("15% of 2 hours, in minutes": "15% of 2 hours", 60, "minutes");
    None unless every amount of the arithmetic is in one unit of the same measure."""
    match = _RESULT_IN.match(text.strip())
    if match is None or match.group("target").lower() not in _UNITS:
        return None
    head, target = match.group("head"), match.group("target").lower()
    units = {m.group("unit").lower() for m in _UNIT_SAID.finditer(_rates_spelt(head.lower()))}
    units &= _UNITS.keys()
    if len(units) != 1:
        return None
    (source,) = units
    (dimension, size), (other, target_size) = _UNITS[source], _UNITS[target]
    if dimension != other:
        return None
    return head, size / target_size, target


_TEMPERATURES = {
    "celsius": "c",
    "centigrade": "c",
    "c": "c",
    "fahrenheit": "f",
    # the scale's name as often spelt
    "farenheit": "f",
    "farenheight": "f",
    "fahrenheight": "f",
    "farhenheit": "f",
    "f": "f",
    "kelvin": "k",
    "kelvins": "k",
    "k": "k",
}

_NUMBER = r"(?P<{}>-?\d[\d,]*(?:\.\d+)?)"
# A unit: a word, or a rate such as "km/h" or "m/s".
_WORD = r"(?P<{}>[a-z]+(?:/[a-z]+)?)"
_LEAD = (
    r"^(?:(?:please|can you|could you|what is|what's|whats|how much is|calculate|compute|"
    r"convert|change|turn|work out|express|how (?:far|long|tall|heavy|high|big|hot|cold) is)\s+)*"
    # "a 7 ft ceiling in metres": the thing measured may be named with its size.
    r"(?:(?:a|an|the)\s+(?=-?\d))?"
)
# "a 7 ft ceiling in metres": one word naming the thing measured, after its unit.
_THING = (
    r"(?:\s+(?!(?:to|in|into|as|and|or|more|less|plus|minus|times|per|each|of)\b)[a-z]+"
    # "3 lb of mince to kg": what is measured, after "of".
    r"|\s+of\s+(?!(?:to|in|into|as)\b)[a-z]+)?"
)
_CONVERT = re.compile(
    _LEAD
    + _NUMBER.format("value")
    + r"\s*(?:degrees?\s+)?"
    + _WORD.format("source")
    + _THING
    + r"\s+(?:to|in|into|in terms of|as)\s+(?:degrees?\s+)?"
    + _WORD.format("target")
    # "convert 72 km/h to m/s for my physics hw": who or what it is for asks nothing more.
    + r"(?:\s+for\s+(?:(?:my|a|an|the|our)\s+[a-z' ]+|homework|hw|school|work))?"
    + r"(?:\s+(?:please|pls|plz))?\s*[?.!]*$"
)
_HOW_MANY = re.compile(
    r"^(?:how many|what number of)\s+"
    + _WORD.format("target")
    + r"\s+(?:are there\s+|is that\s+|are\s+|is\s+)?(?:in|is)\s+"
    # "how many km is a marathon of 26.2 miles": the thing measured, named before its size.
    + r"(?:(?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+)?"
    # "how many seconds in a day": one of the unit, said in words.
    + r"(?:"
    + _NUMBER.format("value")
    + r"|(?P<one>a|an|one)\b"
    # "how many US gallons is a 20 litre water cooler bottle": the thing named after its size.
    + r"|(?:a|an|the)\s+(?=\d)"
    + _NUMBER.format("sized")
    + r")"
    + r"\s*"
    + _WORD.format("source")
    + r"(?P<thing>(?:\s+[a-z]+){0,3})"
    + r"\s*[?.!]*$"
)
_SPEED = re.compile(
    r"\b(?:travels?|travell?ed|drives?|drove|driven|runs?|ran|walks?|walked|cycles?|cycled|"
    # "the ride was 87 km in 3 h 15 min": a trip said to be its distance.
    r"goes|went|covers?|covered|flies|flew|rode|rides?|(?:ride|run|walk|trip|journey|drive|"
    r"route|loop|leg)\s+(?:was|is))\s+"
    + _NUMBER.format("distance")
    + r"\s*"
    + _WORD.format("length")
    # "drove 180 km in 2 hours", "drove 180 km and it took 2 hours".
    + r"(?:\s+in|,?\s+(?:and\s+)?(?:it\s+)?took)\s+"
    + _NUMBER.format("time")
    + r"\s*"
    + _WORD.format("duration")
    # "in 3 h 15 min": the hours, then the minutes.
    + r"(?:\s+(?:and\s+)?(?P<minutes>\d+)\s*(?:min|mins|minutes)\b)?"
    + r"\b"
)
_INTEREST = re.compile(
    r"\b(?P<kind>compound|simple)\s+interest\s+(?:on|for|of)\s+\$?"
    + _NUMBER.format("principal")
    + r"\s*(?:dollars|euros|pounds|usd|eur)?\s+at\s+"
    + _NUMBER.format("rate")
    + r"\s*(?:%|percent)\s*(?:(?:per|a)\s+year|annually|yearly|p\.?a\.?)?\s+(?:for|over)\s+"
    + _NUMBER.format("years")
    + r"\s+years?\b"
)


def read_formula(text: str) -> tuple[Node, str] | None:
    """The expression for a request that is wholly one of the known formulas, and a label.

    Returns None when the request is not one of them (or names units that do not fit).
    """
    request = _lead_verb_spelt(
        _rates_spelt(_gallons_said(" ".join(text.lower().replace("\u00b0", " degrees ").split())))
    )
    request = _asides_dropped(request)
    # "2 and a half hours", "2 1/2 hours": 2.5 hours.
    request = MIXED_NUMBER.sub(mixed_number, AND_A_PART.sub(whole_and_part, request))
    readers = (
        _conversion,
        _stated_conversion,
        _speed,
        _interest,
        _fuel_economy,
        _gradient,
        _box,
        _circle_area,
    )
    for reader in readers:
        # "650 sq ft in m2": a unit of area in one word, for the readers of an amount (the
        # circle's reader takes "in square metres" for the square of its size's unit).
        found = reader(_squares_spelt(request) if reader in _OF_AN_AMOUNT else request)
        if found is not None:
            return found
    return None


# "650 sq ft", "square metres", "24 m²": an area's unit in one word ("sqft", "sqm"), without
# a digit that would be read as a number.
_SQUARE_UNIT = re.compile(
    r"\b(?:sq\.?|square)\s+(?P<unit>km|kilomet(?:er|re)s?|m|met(?:er|re)s?|cm|centimet(?:er|re)s?|"
    r"ft|feet|foot|in|inch(?:es)?|yd|yards?|mi|miles?)\b"
    r"|\b(?P<glued>km|m|cm|ft|in|yd|mi)(?:\u00b2|2)(?![\w])"
)
# "1,250 cubic feet", "cu ft", "m3", "m³": a volume's unit in one word ("cubft", "cubm").
_CUBIC_UNIT = re.compile(
    r"\b(?:cubic|cu\.?)\s+(?P<unit>m|met(?:er|re)s?|cm|centimet(?:er|re)s?|ft|feet|foot|"
    r"in|inch(?:es)?|yd|yards?)\b"
    r"|\b(?P<glued>m|cm|ft|in|yd)(?:\u00b3|3)(?![\w])"
)
_SQUARE_OF = {
    "kilomet": "km", "met": "m", "centimet": "cm", "feet": "ft", "foot": "ft", "inch": "in",
    "yard": "yd", "mile": "mi",
}  # fmt: skip


def _squares_spelt(request: str) -> str:
    """``request`` with each unit of area or of volume written as one word ("sq ft" as
    "sqft", "cubic feet" as "cubft")."""

    def spelt(prefix: str) -> Callable[[re.Match[str]], str]:
        def word(match: re.Match[str]) -> str:
            unit = match.group("unit") or match.group("glued")
            short = next((v for k, v in _SQUARE_OF.items() if unit.startswith(k)), unit)
            return f"{prefix}{short}"

        return word

    return _CUBIC_UNIT.sub(spelt("cub"), _SQUARE_UNIT.sub(spelt("sq"), request))


# "a marathon (42.195 km)": an amount in brackets is said as if without them; "(weight, not
# fluid ounces)" only says which ounce is meant, the one this reading has.
_BRACKETED_AMOUNT = re.compile(r"\(\s*(-?\d[\d,]*(?:\.\d+)?\s*[a-z]+(?:/[a-z]+)?)\s*\)")
_MASS_OUNCE_SAID = re.compile(
    r"\s*\((?:by\s+)?weight(?:,?\s*not\s+(?:fluid|fl\.?)\s+(?:ounces|oz))?\)"
)


# "what is that in stone (as a decimal)": how the answer is written, which it is already.
_AS_DECIMAL = re.compile(
    r"\s*\(\s*(?:as|in)\s+(?:a\s+)?decimal(?:s|\s+number)?\s*\)"
    r"|,?\s+(?:as|in)\s+(?:a\s+)?decimal(?:s|\s+number)?(?=\s*[?.!]*$)"
)
# "(use pi not 22/7)", "(using the pi button, not 3.14)": pi itself, which this reading uses;
# an approximation asked for instead ("use 3.14 for pi") is not dropped.
_PI_ITSELF = re.compile(
    r"\s*\(\s*(?:use|using|with)\s+(?:the\s+)?(?:pi|\u03c0)(?:\s+(?:button|key))?"
    r"(?:\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+(?:22/7|3\.14|3\.142))?\s*\)"
)
# "the 7th hole is 410 yards": an ordinal says which, and is no amount.
_ORDINAL = re.compile(r"(?<![\w.])\d+(?:st|nd|rd|th)\b")
# "21 nautical miles": the one word the units read.
_NAUTICAL = re.compile(r"\bnautical\s+miles?\b")


# "10 ft 6 in wide": "in" after an amount in feet is its inches, unless it opens what follows
# ("6 ft 2 in a row" is no length in inches).
_INCHES_AS_IN = re.compile(
    r"(?<![\w.])(?P<feet>\d+(?:\.\d+)?\s*(?:ft|feet|foot)\s+(?:and\s+)?\d+(?:\.\d+)?)\s*in\b"
    r"(?!\s+(?:a|an|the|my|our|your|his|her|their|this|that|each|every|total|all)\b|\s*\d)"
)


# "(1 ft = 0.3048 m)", "(1 mile = 1.609344 km)": a reminder of how two units known convert.
_REMINDER = re.compile(
    r"\s*\(\s*(?:1|one|a|an)\s+(?P<one>[a-z]+)\s*(?:=|is|equals)\s*(?P<size>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[a-z]+)\s*\)"
)
# "(0.3048 m per ft)", "(3.785 litres to the gallon)": the same reminder, said the other way.
_REMINDER_PER = re.compile(
    r"\s*\(\s*(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\s+(?:per|to\s+(?:a|an|the|one|each)|"
    r"in\s+(?:a|an|one|each))\s+(?P<one>[a-z]+)\s*\)"
)
# How close a reminder's size must be to the table's to say the same: close enough that
# even a volume, a length cubed, stays well within 0.1 % of the reminder's.
_SAME_SIZE = 1e-4


def _reminder_dropped(match: re.Match[str]) -> str:
    """Nothing for a reminder whose size is the one this reading converts by; the reminder
    as it is otherwise ("(1 mile = 1.6 km)" asks for its rounder size, and is read so)."""
    one, unit = _UNITS.get(match["one"]), _UNITS.get(match["unit"])
    if one is None or unit is None or one[0] != unit[0]:
        return match.group(0)
    said = float(match["size"]) * unit[1]
    return "" if abs(said / one[1] - 1) < _SAME_SIZE else match.group(0)


def _asides_dropped(request: str) -> str:
    # "180 sq ft in m2 (1 ft = 0.3048 m)": the reminder says the factor the table holds,
    # and would be read as two more numbers.
    request = _REMINDER.sub(_reminder_dropped, request)
    request = _REMINDER_PER.sub(_reminder_dropped, request)
    request = _INCHES_AS_IN.sub(r"\g<feet> inches", request)
    request = _NAUTICAL.sub("nmi", _ORDINAL.sub("nth", _AS_DECIMAL.sub("", request)))
    request = _PI_ITSELF.sub("", request)
    return _MASS_OUNCE_SAID.sub("", _BRACKETED_AMOUNT.sub(r"\1", request))


# "US gallons", "imperial gallon", "UK gal": a gallon whose size is said.
_GALLON_OF = re.compile(
    r"\b(?:(?P<us>us|u\.s\.|american)|uk|imperial|imp|british)\s+(?:gallons?|gal)\b"
)
_GALLON = re.compile(r"\b(?:gallons?|gal)\b")
# "UK pints", "US pint": a pint whose size is said (a pint alone is no unit).
_PINT_OF = re.compile(r"\b(?:(?P<us>us|u\.s\.|american)|uk|imperial|british)\s+pints?\b")
_OTHER_VOLUME = re.compile(
    r"\b(?:l|liters?|litres?|ml|milliliters?|millilitres?|cubic|usgal|impgal|cc)\b|l\s*/\s*100"
)
_MPG = re.compile(r"\bmpg\b|\bmiles\s+(?:per|a|to\s+the)\s+gallon\b")


# "(231 cubic inches to a gallon)": the US gallon, defined; the gallons said are US ones.
_US_GALLON_DEFINED = re.compile(
    r"\(?\s*231\s+(?:cubic\s+inch(?:es)?|cu\.?\s*in\.?|in3)\s+(?:to|per|in|=|make)\s+"
    r"(?:a|an|one|the|1)?\s*(?:us\s+)?gallons?\s*\)?"
)


# "(1 gallon = 4.546 l)", "(3.785 litres to the gallon)", "11 gallons (4.546 l each)": a
# gallon defined by its size in litres, which says whose gallon it is.
_GALLON_IN_LITRES = re.compile(
    r"\s*\(\s*(?P<one>(?:1|one|a|an)\s+gallon\s*(?:=|is|equals)\s*)?"
    r"(?P<size>\d+(?:\.\d+)?)\s*(?:l|liters?|litres?)"
    r"(?P<per>\s+(?:per|a|(?:to|in)\s+(?:a|the|one))\s+gallon)?(?P<each>\s+each)?\s*\)"
)
_GALLON_SIZES = {"usgal": 3.785411784, "impgal": 4.54609}
# How close a size in litres must be to a gallon's to be it ("3.785", "4.546"; not "4.55").
_SAME_GALLON = 5e-4
_AFTER_GALLONS = re.compile(r"\b(?:gallons?|gal)\s*$")


def _gallon_defined(request: str) -> tuple[str, str | None]:
    """``request`` without a definition of its gallon in litres, and the gallon so defined
    ("impgal", "usgal"); as it is and None unless one definition gives one gallon's size."""
    found = []
    for match in _GALLON_IN_LITRES.finditer(request):
        defines = bool(match["one"]) != bool(match["per"] or match["each"]) and (
            # "(4.546 l each)" is of the gallons said just before it, not of "3 cans".
            not match["each"] or _AFTER_GALLONS.search(request[: match.start()]) is not None
        )
        size = float(match["size"])
        kinds = [k for k, v in _GALLON_SIZES.items() if abs(size / v - 1) < _SAME_GALLON]
        if defines and kinds:
            found.append((match, kinds[0]))
    if len(found) != 1:
        return request, None
    match, kind = found[0]
    return f"{request[: match.start()]} {request[match.end() :]}", kind


def _gallons_said(request: str) -> str:
    defined = "usgal" if _US_GALLON_DEFINED.search(request) is not None else None
    request = _US_GALLON_DEFINED.sub(" ", request)
    if defined is None:
        without, defined = _gallon_defined(request)
        said = {"usgal" if m.group("us") else "impgal" for m in _GALLON_OF.finditer(request)}
        # "11 US gallons (4.546 l each)": a gallon named other than the one defined leaves
        # the definition as it is.
        request, defined = (request, None) if said - {defined} else (without, defined)
    request = _PINT_OF.sub(lambda m: "uspint" if m.group("us") else "imppint", request)
    request = _GALLON_OF.sub(lambda m: "usgal" if m.group("us") else "impgal", request)
    return _GALLON.sub(defined, request) if defined else request


def unsized_gallon(text: str) -> bool:
    """Whether ``text`` turns gallons into another measure of volume, or miles per gallon
    into litres per 100 km, without saying whose gallon: the US one is 3.785 L, the UK one
    4.546 L, and either answer would be a guess."""
    request = _gallons_said(text.lower())
    if _MPG.search(request):
        return "l/100" in request.replace(" ", "") and not re.search(
            r"\b(?:usgal|impgal|us|uk|imperial|american|british)\b", request
        )
    return bool(_GALLON.search(request) and _OTHER_VOLUME.search(request))


# "18 mpg (US gallons), what's that in L/100km": fuel used over a distance, turned over.
_FUEL_ECONOMY = re.compile(
    r"(?<![\d.])(?P<value>\d+(?:\.\d+)?)\s*(?:mpg|miles\s+(?:per|a|to\s+the)\s+(?:usgal|impgal|gallon))\b"
)
_PER_100_KM = re.compile(r"\b(?:l|liters?|litres?)\s*(?:/|per)\s*100\s*(?:km|kilomet(?:er|re)s)\b")


# "16 km per litre", "14 km/l", "15 kmpl": distance a litre, metric; "6.2 l/100km" asked in
# km per litre is the same turned over.
_KM_PER_LITRE = (
    r"(?:kms?|kilomet(?:er|re)s?)\s*(?:per|/|a|an|to\s+(?:a|the|one))\s*(?:l|liters?|litres?)\b"
    r"|\b(?:kpl|kmpl)\b"
)
_GIVEN_KM_PER_LITRE = re.compile(rf"(?<![\d.])(?P<value>\d+(?:\.\d+)?)\s*(?:{_KM_PER_LITRE})")
_ASKED_KM_PER_LITRE = re.compile(rf"\b(?:in|into|to|as)\s+(?:{_KM_PER_LITRE})")
_GIVEN_PER_100_KM = re.compile(
    r"(?<![\d.])(?P<value>\d+(?:\.\d+)?)\s*(?:l|liters?|litres?)\s*(?:/|per)\s*100\s*"
    r"(?:km|kilomet(?:er|re)s)\b"
)


def _metric_fuel_economy(text: str) -> tuple[Node, str] | None:
    """Kilometres per litre in litres per 100 km, or back: 100 over the amount either way
    (16 km a litre is 100 / 16 litres for 100 km); None unless the request gives the amount
    and the 100 only."""
    if len(re.findall(r"\d+(?:\.\d+)?", text)) != 2:
        return None
    given = _GIVEN_KM_PER_LITRE.search(text)
    if given is not None and _PER_100_KM.search(text[given.end() :]):
        return Op("/", Num(100, "100"), _number(given.group("value"))), "km per litre to L/100km"
    given = _GIVEN_PER_100_KM.search(text)
    if given is not None and _ASKED_KM_PER_LITRE.search(text[given.end() :]):
        return Op("/", Num(100, "100"), _number(given.group("value"))), "L/100km to km per litre"
    return None


def _fuel_economy(text: str) -> tuple[Node, str] | None:
    """Miles per US or UK gallon in litres per 100 km, when the gallon is said; kilometres
    per litre in litres per 100 km and back (`_metric_fuel_economy`)."""
    metric = _metric_fuel_economy(text)
    if metric is not None:
        return metric
    match = _FUEL_ECONOMY.search(text)
    if match is None or _PER_100_KM.search(text) is None:
        return None
    if len(re.findall(r"\d+(?:\.\d+)?", text)) != 2:
        return None  # the amount and the 100 only
    us = re.search(r"\b(?:usgal|us|american)\b", text) is not None
    uk = re.search(r"\b(?:impgal|uk|imperial|british)\b", text) is not None
    if us == uk:
        return None
    gallon = _UNITS["usgal" if us else "impgal"][1]
    # litres per 100 km = 100 * litres a gallon / km a gallon
    km = Op("*", _number(match.group("value")), _size(1.609344))
    return Op("/", Op("*", Num(100, "100"), _size(gallon)), km), "miles per gallon to L/100km"


# "45 miles per hour", "3 meters per second": a speed in words, written as its unit.
_RATE_IN_WORDS = re.compile(
    r"\b(?P<length>miles?|km|kms|kilomet(?:er|re)s?|m|met(?:er|re)s?)\s+(?:per|an|a)\s+"
    r"(?P<time>hour|hr|h|second|sec|s)\b"
)


def _rates_spelt(request: str) -> str:
    def unit(match: re.Match[str]) -> str:
        length, time = match.group("length"), match.group("time")[0]
        if length.startswith("mile"):
            return "mph" if time == "h" else match.group(0)
        short = "km" if length.startswith("k") else "m"
        return f"{short}/{time}" if (short, time) in {("km", "h"), ("m", "s")} else match.group(0)

    return _RATE_IN_WORDS.sub(unit, request)


_LEAD_VERBS = ("convert", "calculate", "compute")


def _lead_verb_spelt(request: str) -> str:
    """ "conver 42 km into miles": a slip in the verb that opens the request, spelt right."""
    first, _, rest = request.partition(" ")
    if len(first) < 5 or first in _LEAD_VERBS:
        return request
    for verb in _LEAD_VERBS:
        if difflib.SequenceMatcher(None, first, verb).ratio() >= 0.85:
            # "cnvert 12 miles too km": "too" for "to" between the two units, too.
            return f"{verb} {_TOO_FOR_TO.sub(' to ', rest)}"
    return request


_TOO_FOR_TO = re.compile(r"(?<=[a-z])\s+too\s+(?=[a-z])")


def _number(raw: str) -> Num:
    value = float(raw.replace(",", ""))
    return Num(value, f"{value:.15g}")


# "5 feet 10 inches to cm", "3 hours 45 minutes in minutes": an amount in two units of one
# dimension, the larger first.
_TWO_UNITS = re.compile(
    _LEAD
    + _NUMBER.format("first")
    + r"\s*"
    + _WORD.format("larger")
    + r"\s+(?:and\s+)?"
    + _NUMBER.format("second")
    + r"\s*"
    + _WORD.format("smaller")
    + r"\s+(?:to|in|into|as)\s+"
    + _WORD.format("target")
    + r"\s*[?.!]*$"
)


def _two_units(text: str) -> tuple[Node, str] | None:
    match = _TWO_UNITS.match(text)
    if match is None:
        return None
    larger, smaller, target = (match.group(k) for k in ("larger", "smaller", "target"))
    if smaller == "in" and larger in {"ft", "feet", "foot"}:
        smaller = "inch"  # "6 ft 2 in to cm": "in" after feet is inches
    if larger not in _UNITS or smaller not in _UNITS or target not in _UNITS:
        return None
    (dimension, large), (other, small) = _UNITS[larger], _UNITS[smaller]
    if not dimension == other == _UNITS[target][0] or large <= small:
        return None
    amount = Op(
        "+",
        Op("*", _number(match.group("first")), _size(large)),
        Op("*", _number(match.group("second")), _size(small)),
    )
    return Op("/", amount, _size(_UNITS[target][1])), f"{larger} and {smaller} to {target}"


def _conversion(text: str) -> tuple[Node, str] | None:
    both = _two_units(text)
    if both is not None:
        return both
    match = _CONVERT.match(text) or _HOW_MANY.match(text)
    if match is None:
        return None
    found = match.groupdict()
    thing = found.get("thing") or ""
    if thing and (
        not found.get("sized") or not _words_after(thing) or _NOT_ONLY_STATED.search(thing)
    ):
        return None  # words after the unit only name what is measured, of a size said
    value = Num(1, "1") if found.get("one") else _number(found.get("value") or found["sized"])
    source, target = match.group("source"), match.group("target")
    if source in _TEMPERATURES and target in _TEMPERATURES:
        return _temperature(value, _TEMPERATURES[source], _TEMPERATURES[target]), (
            f"{source} to {target}"
        )
    if source not in _UNITS or target not in _UNITS:
        return None
    (dimension, size), (other, target_size) = _UNITS[source], _UNITS[target]
    if dimension != other:
        return None
    expression = Op("/", Op("*", value, _size(size)), _size(target_size))
    return expression, f"{source} to {target}"


# "what's that in celsius", "how many cm is that", "in oz": the unit an amount stated just
# before is asked in, at the end of the request.
_ASKED_IN = re.compile(
    r"[\s,.;:-]*(?:so\s+)?(?:"
    r"(?:what(?:'s|\s+is)|whats|how\s+much\s+is)\s+(?:that|it|this)\s+"
    r"(?:in|into|as|in\s+terms\s+of)\s+(?:degrees\s+)?" + _WORD.format("target") + r"|"
    # "how tall is that in cm"
    r"how\s+(?:tall|long|far|high|heavy|big|wide|deep)\s+(?:is|was)\s+(?:that|it|this)\s+"
    r"(?:in|into)\s+" + _WORD.format("how") + r"|"
    # "16 oz steak, how many grams of meat is that": what is measured may be named again.
    r"how\s+many\s+" + _WORD.format("asked") + r"(?:\s+of\s+[a-z]+)?\s+(?:is|are)\s+"
    # "15 ft x 15 ft, how many metres is each side": the side of a square, said twice
    r"(?:that|it|this|each\s+side)|"
    # "68 kg is how many lbs"
    r"(?:is|are|equals)\s+how\s+many\s+" + _WORD.format("many") + r"|"
    # "needs 4.5 yards of backing fabric, how many metres"
    r"how\s+many\s+" + _WORD.format("counted") + r"|"
    r"(?:in|into)\s+(?:degrees\s+)?" + _WORD.format("bare") + r")"
    # "... for my american friend", "... pls": words after the question that ask nothing.
    r"(?:\s+(?:for\s+(?:my|a|an|the|our)\s+[a-z ]+|please|pls|again|in\s+total|altogether|"
    # "a 10 inch cake tin is how many cm across": which way it is measured
    r"across|wide|long|tall|high|deep|"
    # "225 g of butter, how many ounces is that by weight": the ounce of weight, as read
    r"by\s+weight|in\s+weight))?"
    r"\s*[?.!]*$"
)
# "425 degrees f — celsius?", "165 lb at a clinic, kg?": the unit alone, asked after a
# break in the sentence.
_ASKED_ALONE = re.compile(
    r"\s*[,.;:\u2014\u2013-]+\s*(?:in\s+)?(?:degrees\s+)?" + _WORD.format("alone") + r"\s*\?+\s*$"
)
# "did the 10 mile race sunday", "24 degrees c to prove", "at a clinic in florida": a few
# words after the amount, saying what or where it is, with no number nor unit.
_WORDS_AFTER = re.compile(r"(?:\s+[a-z']+){1,5}[\s,.;:\u2014\u2013-]*")
# ... and words that share the amount out, which makes it no amount to convert as it is.
_SHARED = re.compile(
    r"\b(?:split|shar\w*|between|among|divided|dozen|couple|pairs?|halves|halved)\b"
)


def _words_after(rest: str) -> bool:
    """Whether ``rest``, after the amount stated, is only a few words of what or where it
    is: no unit (a second amount's, or the one asked), nothing sharing it out."""
    if not _WORDS_AFTER.fullmatch(rest) or _SHARED.search(rest):
        return False
    return not any(names_unit(word) or word in _TEMPERATURES for word in rest.split())


# "68 kilos", "350 f", "22 degrees c", "1.5 kilograms of flour": the amount stated, its unit,
# and what it measures.
_STATED = re.compile(
    _NUMBER.format("value")
    + r"\s*(?:degrees\s+)?"
    + _WORD.format("source")
    # "4.5 yards of backing fabric": what is measured, in a few words.
    + r"(?:\s+of\s+(?:[a-z]+\s+){0,2}[a-z]+)?\b"
)
# Words that do arithmetic on the amount stated ("twice", "half of", "per", "there and
# back"): with them the request is not only a conversion.
_NOT_ONLY_STATED = re.compile(
    r"\b(?:twice|double|doubled|triple|tripled|thrice|times|plus|minus|less|more|per|each|"
    r"every|total|sum|average|mean|altogether|squared|cubed|square|cubic|sq|percent|left|"
    r"remaining|round|return|back|both|ways|and|then|x|(?:half|third|quarter|fifth|tenth)s?\s+"
    r"(?:of|that|it|the|this))\b|[%*/+=]"
)


# Words that make a temperature a difference of temperatures.
_A_CHANGE = re.compile(
    r"\b(?:by|rose|rise|rises|risen|fell|falls|fall|drop|drops|dropped|up|down|warmer|colder|"
    r"hotter|cooler|difference|change|changed|increase|increased|decrease|decreased|higher|"
    r"lower|more|less|swing|range|between|apart)\b"
)


# "(1 hand = 4 inches)", "(a hand is 4 inches)": a unit the request defines, in brackets.
_DEFINED = re.compile(
    r"\(\s*(?:1|one|a|an)\s+(?P<name>[a-z]+)\s*(?:=|is|equals)\s*"
    + _NUMBER.format("size")
    + r"\s*"
    + _WORD.format("unit")
    + r"\s*\)"
)


def _defined_unit(text: str) -> tuple[str, dict[str, tuple[Num, str]]]:
    """``text`` without the unit it defines in brackets, and that unit by its names ("hand",
    "hands": 4 and "inches"), when it is no unit known and is defined in one that is."""
    match = _DEFINED.search(text)
    if match is None or match["name"] in _UNITS or match["unit"] not in _UNITS:
        return text, {}
    defined = (_number(match["size"]), match["unit"])
    names = {match["name"], f"{match['name']}s"}
    return f"{text[: match.start()]} {text[match.end() :]}", dict.fromkeys(names, defined)


# "chair seat is 18 inches square", "a 15 ft x 15 ft castle ... each side": a square said by
# its side, which is the one length to convert ("18 square inches" is an area, said apart).
_SIDE_OF_SQUARE = re.compile(
    _NUMBER.format("side") + r"\s*" + _WORD.format("unit") + r"\s+square\b(?!\s+[a-z]+\b)"
)
_SIDES_SAID_TWICE = re.compile(
    _NUMBER.format("side")
    + r"\s*"
    + _WORD.format("unit")
    + r"\s*(?:x|by)\s*(?P=side)\s*(?P=unit)\b(?=.*\beach\s+side\b)"
)


def _side_of_square(text: str) -> str:
    """``text`` with a square said by its side ("18 inches square", "15 ft x 15 ft" when each
    side is asked) as that one length, when the side is a length; else ``text``."""
    for pattern in (_SIDE_OF_SQUARE, _SIDES_SAID_TWICE):
        match = pattern.search(text)
        if match is not None and _UNITS.get(match["unit"], ("",))[0] == "length":
            return f"{text[: match.start()]}{match['side']} {match['unit']}{text[match.end() :]}"
    return text


def _stated_conversion(text: str) -> tuple[Node, str] | None:
    """ "my oven is set to 350 F, what's that in celsius?", "i weigh 68 kilos, what's that
    in lbs", "5 ft tall, how many cm is that", "1.5 kilograms of flour in oz": one amount
    stated with its unit (a height in feet and inches too, "5 ft 7"), then the unit it is asked
    in; None when any other number or word of arithmetic is said. A unit defined in brackets
    ("16 hands (1 hand = 4 inches), how tall is that in cm") is its size in the other."""
    text, defined = _defined_unit(_side_of_square(text))
    asked = _ASKED_IN.search(text) or _ASKED_ALONE.search(text)
    height = _FEET_AND_INCHES.search(text)
    if height is not None and asked is not None:
        text = f"{text[: height.start()]}1 ft{text[height.end() :]}"  # read as one amount
        asked = _ASKED_IN.search(text) or _ASKED_ALONE.search(text)
    pair = _pair_of_units(text) if height is None and asked is not None else None
    if pair is not None:
        text = f"{text[: pair.start()]}1 {pair.group('smaller')}{text[pair.end() :]}"
        asked = _ASKED_IN.search(text) or _ASKED_ALONE.search(text)
    if asked is None or len(re.findall(r"\d+(?:[.,]\d+)*", text)) != 1:
        return None
    head = text[: asked.start()]
    stated = _STATED.search(head)
    if stated is None or _NOT_ONLY_STATED.search(head.replace(stated.group(0), " ")):
        return None
    rest = head[stated.end() :]
    if (
        rest.strip(" ,.;:-")
        and not _words_after(rest)
        and not re.fullmatch(
            # "my daughter is 5 ft tall": a word of what is measured may follow the amount.
            r"[\s,]*(?:tall|long|high|wide|deep|away|here|today|now|heavy|outside|inside)?"
            # "2.4 bar for the front tyres", "-5 F in chicago today": what or where it is of.
            r"(?:\s*for\s+(?:the|my|our|a|an)\s+(?:[a-z]+\s+){0,2}[a-z]+)?"
            r"(?:\s*in\s+[a-z]+(?:\s+(?:today|now|tonight|this\s+morning))?)?[\s,.;:-]*"
            # "he's 210 lbs, what do i put on the chart (in kg)": what to write down, which is
            # the one amount in another unit ("how long is the model" asks of something else).
            r"(?:what\s+(?:do|should|shall|would|can)\s+(?:i|we)\s+(?:put|write|enter|record|"
            r"note|say|use)\b[a-z' ]*)?",
            head[stated.end() :],
        )
    ):
        return None
    target = next(
        asked.group(k)
        for k in ("target", "how", "asked", "many", "counted", "bare", "alone")
        if k in asked.groupdict() and asked.group(k)
    )
    value, source = _number(stated.group("value")), stated.group("source")
    if source in _TEMPERATURES and target in _TEMPERATURES:
        if _TEMPERATURES[source] == _TEMPERATURES[target] or _A_CHANGE.search(head):
            # "it rose by 10 C, what's that in F": a difference of 10 C is 18 F, not 50.
            return None
        return _temperature(value, _TEMPERATURES[source], _TEMPERATURES[target]), (
            f"{source} to {target}"
        )
    if source in defined and target in _UNITS and height is None and pair is None:
        # "16 hands (1 hand = 4 inches)": 16 * 4 inches, in the unit asked
        count, unit = defined[source]
        if _UNITS[unit][0] != _UNITS[target][0]:
            return None
        amount = Op("*", Op("*", value, count), _size(_UNITS[unit][1]))
        return Op("/", amount, _size(_UNITS[target][1])), f"{source} to {target}"
    if source not in _UNITS or target not in _UNITS:
        return None
    (dimension, size), (other, target_size) = _UNITS[source], _UNITS[target]
    if dimension != other or (size == target_size and pair is None):
        return None
    if height is not None:
        feet, inches = (_number(height.group(k)) for k in ("feet", "inches"))
        metres = Op(
            "+", Op("*", feet, _size(_UNITS["ft"][1])), Op("*", inches, _size(_UNITS["inch"][1]))
        )
        converted = metres if target_size == 1 else Op("/", metres, _size(target_size))
        return converted, f"feet and inches to {target}"
    if pair is not None:
        larger, smaller = pair.group("larger"), pair.group("smaller")
        amount = Op(
            "+",
            Op("*", _number(pair.group("first")), _size(_UNITS[larger][1])),
            Op("*", _number(pair.group("second")), _size(size)),
        )
        return Op("/", amount, _size(target_size)), f"{larger} and {smaller} to {target}"
    return Op("/", Op("*", value, _size(size)), _size(target_size)), f"{source} to {target}"


# "i'm 11 stone 4 lb", "2 hours 15 minutes": one amount in two units of one dimension, the
# larger first.
_PAIR = re.compile(
    r"(?<![\w.])(?P<first>\d+(?:\.\d+)?)\s*(?P<larger>[a-z]+)\s+(?:and\s+)?"
    r"(?P<second>\d+(?:\.\d+)?)\s*(?P<smaller>[a-z]+)\b"
)


def _pair_of_units(text: str) -> re.Match[str] | None:
    pair = _PAIR.search(text)
    if pair is None:
        return None
    larger, smaller = _UNITS.get(pair.group("larger")), _UNITS.get(pair.group("smaller"))
    if larger is None or smaller is None or larger[0] != smaller[0] or larger[1] <= smaller[1]:
        return None
    if _SYSTEMS.get(pair.group("larger")) != _SYSTEMS.get(pair.group("smaller")):
        return None  # "70 kg and 3 lb" is no way to say one weight
    return pair


# Which way of measuring a unit belongs to: one amount is said in units of one way.
_SYSTEMS = {
    name: system
    for system, names in (
        ("imperial", "mile miles mi yard yards yd yds foot feet ft inch inches stone stones "
         "lb lbs pound pounds oz ounce ounces"),
        ("metric", "km kms kilometer kilometers kilometre kilometres m meter meters metre "
         "metres cm centimeter centimeters centimetre centimetres mm kg kgs kilogram "
         "kilograms kilo kilos g gram grams l liter liters litre litres ml milliliter "
         "milliliters millilitre millilitres"),
        ("time", "week weeks day days hour hours hr hrs h minute minutes mins second seconds "
         "sec secs"),
    )
    for name in names.split()
}  # fmt: skip


# "she's 5 ft 7", "5'7\"", "5 foot 7 in": a height in feet and inches, the inches' unit
# often left unsaid (fewer than 12 of them).
_FEET_AND_INCHES = re.compile(
    r"(?<![\w.])(?P<feet>\d)\s*(?:ft|feet|foot|')\s*(?P<inches>1[01]|\d)(?:\.\d+)?"
    r"\s*(?:in\b|inches\b|inch\b|\"|'')?(?![\w.%])",
    re.I,
)


def _size(size: float) -> Num:
    return Num(size, f"{size:.15g}")


def _temperature(value: Num, source: str, target: str) -> Node:
    celsius: Node = value
    if source == "f":
        celsius = Op("/", Op("*", Op("-", value, Num(32, "32")), Num(5, "5")), Num(9, "9"))
    elif source == "k":
        celsius = Op("-", value, Num(273.15, "273.15"))
    if target == "f":
        return Op("+", Op("/", Op("*", celsius, Num(9, "9")), Num(5, "5")), Num(32, "32"))
    if target == "k":
        return Op("+", celsius, Num(273.15, "273.15"))
    return celsius


# "... in km/h", "in mph": the unit a speed is asked in.
_SPEED_TARGET = re.compile(r"\b(?:(?:in|as)|speed)\s+(km/h|kph|kmh|mph|m/s|mi/h|km/hr)(?!\w)")


def _speed_asked(lowered: str) -> bool:
    # A pace is a time per length ("5 min per km"), never a length per time: "ran 10 km
    # in 50 minutes, what was my pace" is not 0.2 (`durations` reads a pace).
    return ("speed" in lowered or "how fast" in lowered) and not re.search(r"\bpace\b", lowered)


def asks_speed(text: str) -> bool:
    """Whether the text states a distance covered in a time and asks how fast: a speed,
    whether or not it is one `read_formula` reads (two legs are not)."""
    lowered = text.lower()
    return _speed_asked(lowered) and _SPEED.search(lowered) is not None


def _speed(text: str) -> tuple[Node, str] | None:
    if not _speed_asked(text.lower()):
        return None
    match = _SPEED.search(text)
    # One distance in one time: "150 km in 2 hours and then 50 km in 1 hour" is not 75.
    said = 3 if match is not None and match.group("minutes") else 2
    if match is None or len(re.findall(r"\d+(?:[.,]\d+)*", text)) != said:
        return None
    length, duration = match.group("length"), match.group("duration")
    if _UNITS.get(length, ("",))[0] != "length" or _UNITS.get(duration, ("",))[0] != "time":
        return None
    time: Node = _number(match.group("time"))
    if match.group("minutes"):
        if _UNITS[duration][1] != 3600.0:
            return None  # "3 min 15 min"
        time = Op("+", time, Op("/", _number(match.group("minutes")), Num(60, "60")))
    expression: Node = Op("/", _number(match.group("distance")), time)
    target = _SPEED_TARGET.search(text)
    if target is None:
        return expression, f"speed in {length} per {duration.rstrip('s')}"
    # "150 km in 2 hours ... in mph": the speed in the unit asked, not in the ones given.
    in_metres_per_second = Op(
        "/", Op("*", expression, _size(_UNITS[length][1])), _size(_UNITS[duration][1])
    )
    unit = target.group(1)
    return Op("/", in_metres_per_second, _size(_UNITS[unit][1])), f"speed in {unit}"


def _interest(text: str) -> tuple[Node, str] | None:
    match = _INTEREST.search(text)
    if match is None:
        return None
    principal, rate, years = (_number(match.group(k)) for k in ("principal", "rate", "years"))
    fraction = Op("/", rate, Num(100, "100"))
    if match.group("kind") == "simple":
        return Op("*", Op("*", principal, fraction), years), "simple interest"
    grown = Op("*", principal, Op("**", Op("+", Num(1, "1"), fraction), years))
    return Op("-", grown, principal), "compound interest"


# "the climb gains 320 m over 4.2 km, average gradient in %?": height over distance.
_CLIMB = re.compile(
    r"\b(?:gains?|gained|climbs?|climbed|rises?|rose|risen|ascends?|ascended|goes\s+up|went\s+up)\s+"
    + _NUMBER.format("rise")
    + r"\s*"
    + _WORD.format("rise_unit")
    + r"\s+(?:over|in|across|along)\s+"
    + _NUMBER.format("run")
    + r"\s*"
    + _WORD.format("run_unit")
    + r"\b"
)


def _gradient(text: str) -> tuple[Node, str] | None:
    """The average gradient in percent of a climb said as its height over its length."""
    if not re.search(r"\b(?:gradient|grade|incline|slope)\b", text):
        return None
    match = _CLIMB.search(text)
    if match is None or len(re.findall(r"\d+(?:[.,]\d+)*", text)) != 2:
        return None
    rise, run = _UNITS.get(match.group("rise_unit")), _UNITS.get(match.group("run_unit"))
    if rise is None or run is None or rise[0] != "length" or run[0] != "length":
        return None
    height = Op("*", _number(match.group("rise")), _size(rise[1]))
    length = Op("*", _number(match.group("run")), _size(run[1]))
    return Op("*", Op("/", height, length), Num(100, "100")), "average gradient in %"


# "tank is 36 x 18 x 16 inches, how many US gallons is it": a box's volume in a unit asked.
_BOX = re.compile(
    r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)\s*(?:x|\u00d7|by)\s*(?P<b>\d+(?:\.\d+)?)\s*(?:x|\u00d7|by)\s*"
    r"(?P<c>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\b"
)
_VOLUME_ASKED = re.compile(r"\b(?:how\s+many|in|into)\s+(?P<target>[a-z]+)\b")


def _box(text: str) -> tuple[Node, str] | None:
    """The volume of a box given as its three sides in one unit of length, in the unit of
    volume asked ("how many US gallons", "in litres")."""
    match = _BOX.search(text)
    if match is None or len(re.findall(r"\d+(?:[.,]\d+)*", text)) != 3:
        return None
    side = _UNITS.get(match.group("unit"))
    targets = [
        t.group("target")
        for t in _VOLUME_ASKED.finditer(text[match.end() :])
        if _UNITS.get(t.group("target"), ("",))[0] == "volume"
    ]
    if side is None or side[0] != "length" or len(set(targets)) != 1:
        return None
    sides = Op(
        "*",
        Op("*", _number(match.group("a")), _number(match.group("b"))),
        _number(match.group("c")),
    )
    # cubic metres of the sides, 1000 litres each, in the unit asked (sized in litres)
    litres = Op("*", Op("*", sides, _size(side[1] ** 3)), Num(1000, "1000"))
    return Op("/", litres, _size(_UNITS[targets[0]][1])), f"volume in {targets[0]}"


# "the round pond is 3 m across, what's its surface area in m2", "area of a circle with a
# radius of 4 cm": a circle's area from its one size, in the square of that size's unit.
_ROUND = re.compile(r"\b(?:circle|circular|round)\b")
_CIRCLE_SIZE = re.compile(
    r"(?:\b(?P<said>radius|diameter)\s+(?:of\s+|is\s+)?)?(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>mm|cm|m|km|in|inches|ft|feet|metres|meters)?\b"
    r"(?:\s+(?P<after>across|wide|diameter|radius|in\s+diameter|in\s+radius))?"
)
_AREA_ASKED = re.compile(
    r"\barea\b(?:\s+in\s+(?P<unit>[a-z]+)(?:\s*(?:2|\u00b2)|\s+squared)?|\s+in\s+square\s+"
    r"(?P<square>[a-z]+))?"
)


def _circle_area(text: str) -> tuple[Node, str] | None:
    asked = _AREA_ASKED.search(text)
    sizes = list(_CIRCLE_SIZE.finditer(text))
    if (
        asked is None
        or not _ROUND.search(text)
        or len(re.findall(r"\d+(?:\.\d+)?", text)) != 1 + (asked.group(0).endswith("2"))
    ):
        return None
    size = next((m for m in sizes if m.group("value")), None)
    if size is None:
        return None
    said = (size.group("said") or size.group("after") or "").split()[-1:]
    if said not in (["radius"], ["diameter"], ["across"], ["wide"]):
        return None  # a size that is neither said as radius nor as diameter
    unit, wanted = size.group("unit"), asked.group("unit") or asked.group("square")
    if wanted and (unit is None or not same_unit(unit, wanted.rstrip("2"))):
        return None  # the area asked in another unit than its size: not converted
    value = _number(size.group("value"))
    radius = value if said == ["radius"] else Op("/", value, Num(2, "2"))
    return Op("*", Name("pi"), Op("**", radius, Num(2, "2"))), "the area of a circle (pi r\u00b2)"


# The readers of one amount in a unit, converted to another.
_OF_AN_AMOUNT = (_conversion, _stated_conversion)


# "Context: my bag is 55 lb. Task: convert that to kg", "... Task: in km please": the one
# amount of the unit's measure that the statement before gives, in the unit asked.
_POINTED = re.compile(
    r"^\s*(?:(?:and|so|now|ok|okay|then)\s+)*(?:please\s+)?(?:"
    r"(?:convert|change|turn|put)\s+(?:that|it|this|the\s+(?:distance|weight|amount|length))\s+"
    r"(?:to|into|in)"
    # "tank is 40 US gallons, convert to litres": the one amount stated, converted unnamed.
    r"|convert\s+(?:to|into)"
    r"|(?:what(?:'s|\s+is)\s+)?(?:that|it|this)\s+in"
    r"|in|into)\s+(?P<target>[a-z]+(?:/[a-z]+)?)(?:\s+(?:please|pls))?\s*[.!?]*\s*$"
    # "Context: the field's 4 hectares. Task: Acres?": the unit alone, asked.
    r"|^\s*(?P<alone>[a-z]+)\s*\?+\s*$",
    re.I,
)
_AMOUNT = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*([a-z]+(?:/[a-z]+)?)\b", re.I)
_EACH_WAY = re.compile(r"\b(?:each|every|one)\s+way\b")
# Words of arithmetic on an amount stated ("5 km twice", "3 laps of 400 m").
_ARITHMETIC_SAID = re.compile(
    r"\b(?:twice|double|doubled|triple|tripled|thrice|times|plus|minus|less|more|per|each|"
    r"every|total|sum|average|mean|altogether|squared|cubed|percent|left|remaining|both|x|"
    r"laps?|(?:half|third|quarter)s?\s+of)\b|[%*+]|\d\s*/\s*\d"
)


def read_pointed_conversion(context: str, task: str) -> tuple[Node, str] | None:
    """The conversion a task asks of the one amount of that measure its context states
    ("my bag is 55 lb" then "convert that to kg"); None when it is not one, or when the
    context gives no such amount or several."""
    asked = _POINTED.match(task)
    if asked is None:
        return None
    target = (asked.group("target") or asked.group("alone")).lower()
    if target not in _UNITS:
        return None
    dimension, target_size = _UNITS[target]
    # "40 US gallons": a gallon whose size is said is a unit ("usgal"), as in `read_formula`.
    context = _gallons_said(" ".join(context.lower().split()))
    amounts = [
        (m.group(1), m.group(2).lower())
        for m in _AMOUNT.finditer(context)
        if _UNITS.get(m.group(2).lower(), ("",))[0] == dimension
    ]
    # "i ran 5 km twice, what's that in miles": arithmetic on the amount is no conversion of
    # it ("18 km each way" says which way, not how many).
    if len(amounts) != 1 or _ARITHMETIC_SAID.search(_EACH_WAY.sub(" ", context.lower())):
        return None
    others = [m for m in _AMOUNT.finditer(context.lower()) if m.group(2).lower() not in _UNITS]
    if others or len(re.findall(r"\d+(?:[.,]\d+)*", context)) != len(
        list(_AMOUNT.finditer(context))
    ):
        return None  # "weighed 13st 2lb": another number, not an amount of a unit known

    value, source = amounts[0]
    size = _UNITS[source][1]
    if size == target_size:
        return None
    return Op(
        "/", Op("*", _number(value), _size(size)), _size(target_size)
    ), f"{source} to {target}"
