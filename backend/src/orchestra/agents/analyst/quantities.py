"""Word problems read by their units: what is asked of amounts that carry units.

"38.4 tonnes off 4.8 ha, what's that per hectare", "15 mg/kg and the child weighs 22 kg,
how many mg", "1000 ml over 8 hours at 20 drops/ml, how many drops per minute", "22
stitches per 10 cm, 35 cm wide, how many stitches": each amount given has a unit (a unit
of measure, a thing counted, money, a period), the question asks for a unit, and the
answer is the one way of multiplying and dividing ALL the amounts given whose units come
out as the unit asked. That reading is general, and strict: an amount without a unit, a
number left over, or two ways that fit (four litres from 2.5 kg, need ten: 2.5 * 10 / 4
or 2.5 * 4 / 10?) leave it to the other readers, which refuse what they do not read. The
ties broken: of two amounts of one unit, the one the question gives, or else the one said
with "need", "want", "doing", is the amount wanted and the other the recipe's; a ratio of
one dimension ("15 mg/kg") is used as stated; and a share asked in percent ("pass rate as
a %", "hydration %", "gradient in %") of two amounts of one unit is the smaller over the
larger. A number with no unit is money only beside a currency or a word of buying ("costs
22.99"), or, in a request about cost, when it is the only such number. "k/d" names things
given by their first letters; a BMI is kg over metres squared. "3 times a day" is how
often (a number per period), "serves 6" and "cooking for 4" count people, "74 miles each
way" is there and back, a clock time "1:22:30" is a duration, and one rate alone may be
asked per another period ("1,200 requests per minute, per day"). What one thing gives ("a
bottle pours 6 glasses") is per that thing when the thing is counted too; "3 glasses each"
is per the one other thing counted ("42 guests"); "2 coats" multiply an area; "add 10% for
waste" grows the amount; "a recipe for 6" counts people; "1 in the morning and 2 at night"
is 3 a day of the one thing counted; "it's on 20% and i want it at 80%" fills 60% of
the whole; "how many pence" asks the money given in hundredths; a volume is a length cubed
("80 cm by 50 cm, 15 cm deep, how many litres"), and "4.5 by 3.8 m" gives both sides in
metres; "1 litre covers 12 m2" is 12 m2 per litre; a rule of units said ("1 m3 = 1000 L")
adds nothing when it is so, and one defining a unit the table leaves out ("if a gallon is 4.546
litres") gives a rate per it ("mpg"); "how many 450 g jars" asks for things of that size
each, only a whole number of them; containers counted are rounded up unless "just divide" asks the
quotient itself; "150 ml per kg per day" is a
rate of a rate; "4 days a week" is days, or how often where days give no answer; "if each
bag makes 0.01 m3" in the question is said of the amounts; "1.6 g of protein per kg" is a
day's intake. "120 mg in 5 ml" is a strength, 120 mg per 5 ml. "3/4 cup" is 0.75 cup (a
fraction with a short decimal), and a thing counted is said in the singular after one or
less ("1 cup", "0.75 cup"). Money paid once
("49 upfront then 31.50 a month for 24 months, total?") is added to the one product of the
rest that is money (`read_upfront_plus_rate`); a price for the first hour then a rate for
each hour after is added up for the whole hours spent (`read_first_then_each`). The same
reading of amounts tells when a total or an average would join amounts of different kinds
(two measures, two currencies, a measure and things counted), which is no number
(`kinds_apart`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from orchestra.agents.analyst.asks import asks_of, statement_and_questions
from orchestra.agents.analyst.wording import Call, Node, Num, Op

__all__ = [
    "CONTAINERS",
    "NOT_ROUNDED",
    "PRICE_CHANGED_IN_WORDS",
    "Quantity",
    "kinds_apart",
    "read_first_then_each",
    "read_quantities",
    "read_rate_plus_amount",
    "read_upfront_plus_rate",
    "singular",
    "split_question",
    "unit_asked_apart",
    "unit_of",
]

# Units of measure: dimension exponents and size in the dimension's base unit. Month and
# year are a dimension of their own, since a month is no whole number of days or weeks.
_UNITS: dict[str, tuple[dict[str, int], float]] = {}


def _add(dims: dict[str, int], size: float, *names: str) -> None:
    for name in names:
        _UNITS[name] = (dims, size)


# A volume is a length cubed, so that "80 cm by 50 cm, 15 cm deep" is so many litres.
_LENGTH, _MASS, _VOLUME, _TIME = {"length": 1}, {"mass": 1}, {"length": 3}, {"time": 1}
_add(_LENGTH, 1000.0, "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres")
_add(_LENGTH, 1.0, "m", "meter", "meters", "metre", "metres")
_add(_LENGTH, 0.01, "cm", "centimeter", "centimeters", "centimetre", "centimetres")
_add(_LENGTH, 0.001, "mm", "millimeter", "millimeters", "millimetre", "millimetres")
_add(_LENGTH, 1609.344, "mile", "miles", "mi")
_add(_LENGTH, 0.3048, "foot", "feet", "ft")
_add({"length": 2}, 10_000.0, "ha", "hectare", "hectares")
# Areas said as squares ("38 m\u00b2", "sq ft"), as `_plain_units` writes them.
_add({"length": 2}, 1.0, "sqm")
_add({"length": 2}, 0.0001, "sqcm")
_add({"length": 2}, 1_000_000.0, "sqkm")
_add({"length": 2}, 0.09290304, "sqft")
_add({"length": 2}, 4046.8564224, "acre", "acres")
_add(_MASS, 1000.0, "t", "tonne", "tonnes", "ton", "tons")
_add(_MASS, 1.0, "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos")
_add(_MASS, 0.001, "g", "gram", "grams")
_add(_MASS, 0.000001, "mg", "milligram", "milligrams")
_add(_MASS, 0.45359237, "lb", "lbs")
_add(_VOLUME, 1.0, "cubicm")
_add(_VOLUME, 0.001, "l", "liter", "liters", "litre", "litres")
_add(_VOLUME, 0.000001, "ml", "milliliter", "milliliters", "millilitre", "millilitres")
_add(_TIME, 1.0, "s", "sec", "secs", "second", "seconds")
_add(_TIME, 60.0, "min", "mins", "minute", "minutes")
_add(_TIME, 3600.0, "h", "hr", "hrs", "hour", "hours")
_add(_TIME, 86400.0, "day", "days")
_add(_TIME, 604800.0, "week", "weeks", "wk", "wks")
_add({"month": 1}, 1.0, "month", "months")
_add({"month": 1}, 12.0, "year", "years", "yr", "yrs", "annum")
_add({"power": 1}, 1.0, "w", "watt", "watts")
_add({"power": 1}, 1000.0, "kw", "kilowatt", "kilowatts")
# Energy is power for a time: "27.5p per kWh" over "3 kW for 5.5 hours".
_add({"power": 1, "time": 1}, 3_600_000.0, "kwh")
_add({"power": 1, "time": 1}, 3_600.0, "wh")
# Food energy: "38 kcal per km"; "calories" of food and exercise are kilocalories.
_add({"power": 1, "time": 1}, 4_184.0, "kcal", "kcals", "kilocalorie", "kilocalories")
_add({"power": 1, "time": 1}, 4_184.0, "calorie", "calories", "cals")
_add({"power": 1, "time": 1}, 1_000.0, "kj", "kilojoule", "kilojoules")
# Knots: nautical miles ("nmi", written so by `_plain_units`) an hour.
_add(_LENGTH, 1852.0, "nmi")
_add({"length": 1, "time": -1}, 1852.0 / 3600.0, "knot", "knots", "kn", "kts")
# Speeds said in one word ("125 mph"), as "km/h" is read as km per h.
_add({"length": 1, "time": -1}, 1609.344 / 3600.0, "mph")
_add({"length": 1, "time": -1}, 1000.0 / 3600.0, "kph", "kmh")
# "per head", "4 of us", "split 3 ways": people, as a thing counted.
# Pressures, as the formulas have them ("bar" alone: "2 bars" of chocolate are counted).
_add({"pressure": 1}, 100_000.0, "bar")
_add({"pressure": 1}, 6894.757293168, "psi")
_add({"pressure": 1}, 1000.0, "kpa")
_add({"person": 1}, 1.0, "person", "persons", "people", "head", "heads", "ways")

# Words after a number that are no unit nor thing counted.
_NOT_THINGS = frozenset(
    """a an and or the of to in on at for from by with this that these those is are was
    were be it its as so but than then per each every each off over into i we you he she
    they my our your his her their more less left years old ago times""".split()  # noqa: SIM905
) | frozenset(("uses", "needs", "takes", "makes", "requires"))  # "a recipe for 6 uses 450 g"
# Cues that a number without a unit is money: a currency sign or word beside it, or a
# word of buying just before it ("costs 22.99", "rent is 870", "came to 18,600").
_MONEY_BEFORE = re.compile(
    r"(?:[$\u20ac\u00a3\u00a5\u20b9]|\b(?:cost|costs|costing|price|priced|pay|paid|pays|"
    r"rent|rents|spend|spent|sell|sells|sold|bill|fee|salary|wage|charge|charges|budget|"
    r"bought|buy|came\s+to|comes\s+to|usd|eur|gbp|aud|au\$|chf|kr|r|"
    # "borrowed 500 off my brother, paying back 35 a week": money lent and paid back.
    r"borrowed|borrow|lent|lend|loaned|owe|owes|owed|paying|repaying|repay|repays|repaid)"
    r"(?:\s+[a-z']+){0,3}?(?:\s+(?:is|was|are|were|of|for|at|me|us|about|around|just|only))*)"
    r"\s*$",
    re.I,
)
# A number of people fed, said by the verb before it.
_SERVES_BEFORE = re.compile(
    r"\b(?:serves|serving|feeds|feeding|(?:cooking|making\s+(?:it\s+|this\s+)?|baking|recipe)\s+for)"
    r"\s*$",
    re.I,
)
_MONEY_AFTER = re.compile(r"\s*(?:dollars|euros|pounds|bucks|quid|yen|kr|rupees)\b", re.I)
_MONEY_DIMS: dict[str, int] = {"money": 1}


@dataclass(frozen=True)
class Quantity:
    """An amount given: its value as written, its size in base units, its dimensions, and
    where it is said; ``noun`` is what it is of ("800 ml cream")."""

    value: Node
    size: float
    dims: tuple[tuple[str, int], ...]
    start: int
    end: int
    noun: str = ""
    guessed: bool = False  # money, for want of another unit
    one_of: str = ""  # "a bottle pours 6 glasses": what one of which gives the amount
    each: bool = False  # "3 glasses each": of each one of something counted
    # "1.6 g protein per kg": the unit of the amount itself (g), before it was made a rate,
    # which "how much protein" asks.
    measured: tuple[tuple[tuple[str, int], ...], float] | None = None


def singular(word: str) -> str:
    """A counted noun in the singular: "stitches" stitch, "v-bucks" v-buck, "bags" bag."""
    word = word.lower()
    if re.search(r"(?:ch|sh|ss|x)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def unit_key(word: str) -> str:
    """One name for every spelling of a unit ("hrs", "hour" and "h" alike), or for a thing
    counted in the singular ("containers" container): two words name the same unit when
    their keys are equal."""
    known = _UNITS.get(word.lower())
    if known is None:
        return singular(word)
    dims, size = known
    return f"{sorted(dims.items())}*{size:g}"


def _unit(word: str, *, plural_only: bool) -> tuple[dict[str, int], float] | None:
    """The dimensions and size of a unit or of a thing counted ("bags": one of a bag); a
    singular noun that is no unit is a thing counted only when not ``plural_only``."""
    word = word.lower()
    if word in _UNITS:
        return _UNITS[word]
    if word in _NOT_THINGS or len(word) < 3 or not re.fullmatch(r"[a-z][a-z-]*", word):
        return None
    if plural_only and not word.endswith("s"):
        return None
    return {f"#{singular(word)}": 1}, 1.0


def _divide(
    top: tuple[dict[str, int], float], bottom: tuple[dict[str, int], float]
) -> tuple[dict[str, int], float]:
    dims = Counter(top[0])
    dims.subtract(bottom[0])
    return {k: v for k, v in dims.items() if v}, top[1] / bottom[1]


def _key(dims: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((k, v) for k, v in dims.items() if v))


def _num(raw: str) -> Num:
    plain = raw.replace(",", "")
    return Num(float(plain), plain)


_TOKEN = re.compile(
    r"(?P<num>(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![\w]|\.\d))"
    r"|(?P<word>[a-z][a-z'-]*)|(?P<sym>[/%])|(?P<stop>[^\s\w])"
    # "100km" left against its letters: a number not read, so no amount may be left out
    # (an ordinal, "3rd", or a number's plural, "year 9s", is a name and no amount).
    r"|(?<![\w.])(?!\d+(?:st|nd|rd|th|s)\b)(?P<glued>\d[\w.]*)",
    re.I,
)
_RATE_WORDS = frozenset({"per", "/"})
# "2 coats", "3 layers": a number of times an area is covered, with no unit of its own.
_TIMES_OVER = frozenset({"coat", "coats", "layer", "layers"})
# "a bottle of prosecco pours 6 glasses", "one pack covers 2.2 m\u00b2": what one of a thing
# gives, which is per that thing when the thing is counted too (`_per_one`).
_ONE_GIVES = re.compile(
    # "the van holds 18 m3", "luton holds 18 m3" (the request's first words): one of it too.
    r"(?:\b(?:a|an|one|each|every|the)\s+|^\s*)(?P<thing>[a-z]+)(?:\s+of\s+[a-z]+)?\s+"
    r"(?:uses|covers|pours|holds|has|makes|gives|contains|needs|fills|"
    # "each cow gets about 12 kg of hay a day": what one of a living thing eats or gives.
    r"gets|eats|drinks|produces)\s*(?:(?:about|around|roughly|approx(?:imately)?)\s+)?$",
    re.I,
)
# "laminate packs cover 2.13 m² each": what each of the things named gives, per that thing
# as `_ONE_GIVES`.
_THINGS_GIVE = re.compile(
    r"\b(?P<things>[a-z]+s)\s+(?:cover|hold|pour|make|give|contain|fill|weigh|take\s+up)\s*$",
    re.I,
)
_EACH_WORDS = frozenset({"a", "an", "every", "each"})
# Containers bought whole: "how many bags" of 64.2 is 65; yarn and cable come in balls,
# skeins and reels bought whole too.
_CONTAINERS = frozenset(
    "bag sack box tin can bottle pack packet roll tub carton jar tile pot tube crate".split()  # noqa: SIM905
) | frozenset(("ball", "skein", "reel", "spool"))
CONTAINERS = _CONTAINERS
# "i need 10 L", "i'm doing 30 covers", "order for 40 loaves": the amount wanted, beside the
# recipe's own ("the recipe needs 250 g": the recipe's).
_WANTED = re.compile(
    r"\b(?<!recipe\s)(?:need|needs|want|wants|doing|making\s+for|feeding|serving|cooking\s+for|"
    r"planning|expecting|have\s+to\s+(?:make|feed|serve)|"
    # "order for 40 loaves", "an order of 60 rolls": the amount a customer wants.
    r"(?:an?\s+)?order(?:ed)?\s+(?:is\s+)?(?:for|of)|"
    r"scal(?:e|es|ed|ing)(?:\s+it)?(?:\s+(?:down|up|back))?\s+to)\b[^\d,.;?!]{0,20}$",
    re.I,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "stop"
        found.append(_Token(kind, match.group(0).lower(), match.start(), match.end()))
    return found


def _word_at(tokens: list[_Token], i: int) -> str:
    return tokens[i].text if i < len(tokens) and tokens[i].kind in {"word", "sym"} else ""


def _quantities(text: str, priced: bool = False) -> list[Quantity] | None:
    """Every amount ``text`` gives, with its unit, or None when one has none. When the
    request is ``priced`` (it says "cost", "price"), one number with no unit and no word of
    buying before it is money too ("750 g for 3.60", "fuel is 1.72 a litre"); two are not
    ("84 nappies is 21.99 and the baby goes through 7 a day": 7 of what?)."""
    found = _all_quantities(text, loose=False)
    if found is not None or not priced:
        return found
    loose = _all_quantities(text, loose=True)
    if loose is None or sum(q.guessed for q in loose) != 1:
        return None
    guess = next(q for q in loose if q.guessed)
    if guess.dims == _key(_MONEY_DIMS) and any(
        "money" in dict(q.dims) for q in loose if q != guess
    ):
        # "£1.10 per parcel, delivered 148": beside money said as money, a bare number that
        # is no rate ("saves 650 a year" is) is something counted without its noun.
        return None
    return loose


# Words that make a request about money, though not said next to its price.
_PRICED = re.compile(
    r"\b(?:cost|costs|price|prices|priced|spend|pay|paid|fee|charge|charges|charged|owe|owed|"
    r"revenue|takings|income|earnings|turnover)\b",
    re.I,
)


def _all_quantities(text: str, *, loose: bool) -> list[Quantity] | None:
    tokens = _tokens(text)
    if any(t.kind == "glued" for t in tokens):
        return None
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        if tokens[i].kind != "num":
            i += 1
            continue
        whole = _whole_after(tokens, i)
        read = _read_quantity(text, tokens, whole if whole is not None else i, loose)
        if read is None:
            return None
        quantity, after = read
        if whole is not None:
            # "58 of my 145 games": the part is of the whole's unit.
            part = _num(tokens[i].text)
            found.append(
                Quantity(part, quantity.size, quantity.dims, tokens[i].start, tokens[i].end)
            )
        found.append(quantity)
        i = after
    return found


_OWNERS = frozenset("the my our your his her their its all".split())  # noqa: SIM905


def _whole_after(tokens: list[_Token], i: int) -> int | None:
    """Where the whole's number is in "27 of my 32", "12 out of the 30", else None."""
    j = i + 1
    if _word_at(tokens, j) == "out":
        j += 1
    if _word_at(tokens, j) != "of":
        return None
    j += 1
    if _word_at(tokens, j) in _OWNERS:
        j += 1
    return j if j < len(tokens) and tokens[j].kind == "num" else None


def _read_quantity(
    text: str, tokens: list[_Token], i: int, loose: bool = False
) -> tuple[Quantity, int] | None:
    """The amount whose number is ``tokens[i]``, and the index after it."""
    value: Node = _num(tokens[i].text)
    start = tokens[i].start
    guessed = False
    j = i + 1
    if _word_at(tokens, j) == "of" and _word_at(tokens, j + 1) == "us":
        return Quantity(value, 1.0, _key({"person": 1}), start, tokens[j + 1].end), j + 2
    word = _word_at(tokens, j)
    # "0.75 cup", "1 bag": a thing counted is said in the singular of one or less.
    unit = _unit(word, plural_only=float(tokens[i].text.replace(",", "")) > 1) if word else None
    if word == "times" and _word_at(tokens, j + 1) in _EACH_WORDS | _RATE_WORDS:
        unit = ({}, 1.0)  # "3 times a day": how often, a number per period
    elif word in _TIMES_OVER:
        unit = ({}, 1.0)  # "2 coats": the area covered that many times over
    described = _word_at(tokens, j + 1)
    if unit is None and word not in _NOT_THINGS and described not in _UNITS:
        # "145 ranked games": the things counted, said with a word before them.
        unit = _unit(described, plural_only=True) if described else None
        j += unit is not None
        word = described if unit is not None else word
    if unit is not None:
        j += 1
        # "3 h 15 min": one duration said in two units.
        if j + 1 < len(tokens) and tokens[j].kind == "num" and _word_at(tokens, j + 1) in _UNITS:
            dims, size = _UNITS[_word_at(tokens, j + 1)]
            if dims != unit[0] or size >= unit[1] or word not in _UNITS:
                return None
            ratio = unit[1] / size
            value = Op("+", value, Op("/", _num(tokens[j].text), Num(ratio, f"{ratio:g}")))
            j += 2
    elif _MONEY_BEFORE.search(text[: tokens[i].start]) or _MONEY_AFTER.match(text, tokens[i].end):
        unit = (_MONEY_DIMS, 1.0)
    elif _SERVES_BEFORE.search(text[: tokens[i].start]):
        unit = _UNITS["people"]  # "serves 6", "cooking for 4": people fed
    elif loose:
        unit, guessed = (_MONEY_DIMS, 1.0), True
    else:
        return None
    noun = ""
    if (
        _word_at(tokens, j) == "of"
        and _word_at(tokens, j + 1)
        and _word_at(tokens, j + 2) in _RATE_WORDS
    ):
        noun = _word_at(tokens, j + 1)  # "250 kg of fertiliser per hectare"
        j += 2
    elif (
        _word_at(tokens, j) == "of"
        and tokens[j - 1].kind == "word"
        and _word_at(tokens, j + 1) not in _NOT_THINGS | _OWNERS
        and _word_at(tokens, j + 1) not in _UNITS
        and tokens[j + 1].kind == "word"
    ):
        noun = _word_at(tokens, j + 1)  # "600 g of chicken": what the amount is of
        j += 2
    if (
        not noun
        and word in _UNITS
        and j + 2 < len(tokens)
        and tokens[j].kind == "word"
        and _word_at(tokens, j) not in _NOT_THINGS | _OWNERS
        and _unit(_word_at(tokens, j), plural_only=True) is None
        and _word_at(tokens, j + 1) in _RATE_WORDS
        and _word_at(tokens, j + 2) in _UNITS
    ):
        noun = _word_at(tokens, j)  # "1.6 g protein per kg": of protein, per kg
        j += 1
    measured: tuple[tuple[tuple[str, int], ...], float] | None = None
    rate = _word_at(tokens, j)
    per_at = j + 1
    each = rate == "each" and (_word_at(tokens, per_at) or "and") in _NOT_THINGS
    # "5 shelves each 68 cm": "each" before the amount says it of each thing, as after it.
    each_before = i > 0 and tokens[i - 1].text == "each" and rate not in _RATE_WORDS
    if each:
        rate, j, per_at = "", j + 1, per_at + 1  # "3 glasses each": resolved by `_per_one`
        if _word_at(tokens, j) in _EACH_WORDS | _RATE_WORDS and _word_at(tokens, j + 1) in _UNITS:
            rate, per_at = _word_at(tokens, j), j + 1  # "1.5 litres each a day": a rate too
    count: Node | None = None
    if per_at < len(tokens) and tokens[per_at].kind == "num" and rate in _RATE_WORDS:
        count, per_at = _num(tokens[per_at].text), per_at + 1  # "22 stitches per 10 cm"
    per_word = _word_at(tokens, per_at)
    per = _unit(per_word, plural_only=False) if per_word else None
    if rate in _RATE_WORDS or (
        rate in _EACH_WORDS and (per_word in _UNITS or _counted_elsewhere(text, per_word, start))
    ):
        if per is None:
            return None
        measured = (_key(unit[0]), unit[1]) if word in _UNITS else None
        unit = _divide(unit, per)
        if count is not None:
            value = Op("/", value, count)
        j = per_at + 1
        # "150 ml per kg per day": a rate of a rate, over each unit said in turn.
        while _word_at(tokens, j) in _RATE_WORDS and _word_at(tokens, j + 1) in _UNITS:
            unit, j = _divide(unit, _UNITS[_word_at(tokens, j + 1)]), j + 2
    elif rate == "pcm" and unit[0] == _MONEY_DIMS:
        unit, j = _divide(unit, _UNITS["month"]), j + 1
    elif rate and word in _UNITS:
        nxt = _unit(rate, plural_only=True)
        if nxt is not None and rate not in _UNITS:
            unit, j = _divide(unit, nxt), j + 1  # "25 kg bags": the amount of one bag
        elif rate in {"week", "month", "year"} and _UNITS[word][0] == _TIME:
            unit, j = _divide(unit, _UNITS[rate]), j + 1  # "a 30 day month"
        elif rate not in _NOT_THINGS:
            noun = noun or rate  # "800 ml cream"
    end = tokens[j - 1].end
    subject = _RATIO_OF.search(text[:start])
    if not noun and measured is not None and not _key(unit[0]) and subject is not None:
        # "tomato feed is 10 ml per litre": a ratio of one unit to another of its kind, of
        # the thing said before it, so that "how much feed" asks it in ml.
        noun = subject["thing"].lower()
    one = _ONE_GIVES.search(text[:start])
    one_of = one.group("thing").lower() if one else ""
    things = _THINGS_GIVE.search(text[:start]) if each and not one_of else None
    if things is not None:
        one_of, each = singular(things.group("things")), False  # "packs cover 2.13 m² each"
    each = each or each_before
    return (
        Quantity(value, unit[1], _key(unit[0]), start, end, noun, guessed, one_of, each, measured),
        j,
    )


# "feed is", "feed says", "dose:": the thing an amount said next is of.
_RATIO_OF = re.compile(
    r"\b(?!(?:it|that|this|which|what|there|here|each|one|and|or)\b)(?P<thing>[a-z]+)\s+"
    r"(?:is|says|at|:)\s*(?:about\s+|around\s+|roughly\s+)?$",
    re.I,
)


def _counted_elsewhere(text: str, word: str, start: int) -> bool:
    """Whether ``word`` is a thing counted by another number of ``text`` ("1.1 kWh a wash"
    beside "5 washes a week"): then "a wash" is per wash, as "per wash" would be."""
    if not word or word in _NOT_THINGS or _unit(word, plural_only=False) is None:
        return False
    counted = re.compile(rf"(?<![\w.])\d+(?:\.\d+)?\s+{re.escape(word)}(?:s|es)?\b", re.I)
    return any(m.start() != start for m in counted.finditer(text))


# The question: the last piece of the request that starts with a question's word.
_PIECE_BREAK = re.compile(r"(?<=[,.;:?!])\s+|\s+(?:-|\u2013|\u2014)\s+")
_ASKS = re.compile(
    r"^(?:so\s+|and\s+)?(?:how|what|what's|whats|wat's|wats|per|avg|average|tell\s+me|"
    r"work\s+out|find)\b",
    re.I,
)


# "cost per head", "fee per member": an amount asked for each one of those counted.
_ASKS_A_HEAD = re.compile(
    r"\b(?:per|a)\s+(?:head|person|member|guest|student|player|pupil|runner|child|kid|adult)\b",
    re.I,
)


def split_question(text: str) -> tuple[str, str] | None:
    """The statement and the question of a request said in one go, or None."""
    pieces = [(m.end(), text[m.end() :]) for m in _PIECE_BREAK.finditer(text)]
    for at, rest in reversed(pieces):
        if _ASKS.match(rest):
            return text[:at].strip(), rest.strip()
    last = pieces[-1][1] if pieces else ""
    if re.fullmatch(r"(?:[a-z%/']+\s*){1,5}[?.!]*\s*", last, re.I) and (
        last.rstrip().endswith("?")
        or re.search(r"%|\bperc[ae]nt", last, re.I)
        or _ASKS_A_HEAD.search(last)
        or _PERIODIC_MONEY.search(last)
        or _MONEY_ASKED.search(last.strip())
    ):
        # "..., food cost percentage?", "..., cost per head", ". weekly takings": a few
        # words asked, after the statement.
        return text[: pieces[-1][0]].strip(), pieces[-1][1].strip()
    return None


# Words after "how much" that name no thing: "how much per can", "how much to fill it".
_NOT_NAMED = (
    r"(?:per|a|an|each|every|to|for|in|is|was|will|would|does|do|did|should|shall|can|could|"
    r"it|that|this|they|we|i|you|he|she|on|at|over|altogether|overall|roughly|then)\b"
)
_HOW_MANY = re.compile(rf"\bhow\s+(?:many|much)\s+(?!{_NOT_NAMED})(?P<unit>[a-z][a-z'-]*)", re.I)
_SLASH = re.compile(r"(?<![\w/])(?P<unit>[a-z]+)\s*/\s*(?P<per>[a-z]+)\b", re.I)
_PER = re.compile(
    r"\b(?:per|a|an|each|every)\s+(?:(?P<count>\d+(?:\.\d+)?)\s+)?(?P<per>[a-z][a-z'-]*)|"
    r"/\s*(?P<slash>[a-z]+)\b",
    re.I,
)
_AFTER_NUMBER = re.compile(r"\d\s*$")
_UNIT_PER = re.compile(
    r"\b(?P<unit>[a-z]+)\s+(?:per|a|an|each|every)\s+(?:\d+(?:\.\d+)?\s*)?[a-z]", re.I
)
_UNIT_NEEDED = re.compile(r"\b(?P<unit>[a-z]+)\s+(?:needed|required)\b", re.I)
_IN_UNIT = re.compile(r"\b(?:in|into)\s+(?P<unit>[a-z]+)\b", re.I)
# "litres for the month", "tonnes at 1.6 t per m3": the unit asked, named first and alone.
_UNIT_FIRST = re.compile(r"\s*(?:(?:so|and|the|total)\s+)*(?P<unit>[a-z]+)\s+(?:for|at|in)\b", re.I)
# "..., grams?", "so how many litres?" (without "many" read as a thing counted), "total kg?":
# the question is the unit alone, asked of the amounts given.
_UNIT_ALONE = re.compile(
    r"\s*(?:(?:so|and|the|total|how\s+many|how\s+much)\s+)*(?P<unit>[a-z]+)\s*[?.!]*\s*$", re.I
)


# A question asking for what is added or taken away, which no product of amounts gives.
_ADDS = re.compile(
    r"\b(?:save|saves|saved|saving|savings|left|leftover|remain|remains|remaining|minus|plus|"
    r"more|less|fewer|difference|change|profit|loss|altogether|combined|sum|after|before|still|"
    r"extra|together|overall|net)\b|[+-]\s*\d",
    re.I,
)
# A question asking for a part of a whole in percent: "pass rate as a %", "hydration %",
# "food cost percentage", "gradient in %".
_ASKS_SHARE = re.compile(
    r"(?:\b(?:as|in)\s+(?:a\s+)?|\b(?!(?:what|which|by|the|a|of|is|was)\b)[a-z]+\s+(?:rate\s+)?)"
    r"(?:%|perc[ae]nt(?:age)?\b)",
    re.I,
)
# ... and what is no part of a whole: a change, a markup, a margin, a tax.
_CHANGE = re.compile(
    r"\b(?:markup|mark-up|margin|profit|increase|increased|decrease|decreased|change|changed|"
    r"growth|grew|grow|rise|rose|risen|drop|dropped|fall|fell|fallen|went|from|gain|gains|"
    r"gained|lost|"
    r"discount|off|tax|vat|gst|tip|interest|return|roi|difference|error)\b",
    re.I,
)
# Shares asked per year though the amounts are per month: a yield is yearly.
_YEARLY = re.compile(r"\byield\b", re.I)


def _share_asked(task: str) -> _Asked:
    if _YEARLY.search(task):
        return _Asked((), _key(_UNITS["year"][0]), 0.01 / _UNITS["year"][1])
    return _Asked((), (), 0.01)


# A question asking for money: "how much is it", "the rent for those 12 days".
_MONEY_ASKED = re.compile(
    r"\bhow\s+much\s+(?:is|was|will|would|does|do|did)\b|\b(?:rent|cost|price|pay|fee|charge|"
    r"bill)\s+(?:for|of)\b|\bwhat\s+(?:do|does|did|will|would)\s+(?:i|we|you|they|he|she)\s+owe\b"
    # "cost?", "total cost?", "what will it cost": the cost asked bare, of what is stated;
    # so is a sum of money named by what it is ("total claim", "the bill in total").
    # "fuel cost?", "what will the fuel cost": the cost of a thing named, not a rate
    # ("daily cost", "unit cost", "average cost" are others').
    r"|^\W*(?:(?:the|total|overall|my|our)\s+)*(?:(?!(?:[a-z]+ly|annual|unit|average|mean|per|"
    r"each|a|an)\b)[a-z]+\s+)?(?:cost|claim|bill|fare|spend|revenue|takings|income|earnings|turnover)"
    r"(?:\s+(?:in\s+)?total)?\s*[?!.]*\s*$"
    r"|\bwhat\s+(?:will|would|does|did)\s+(?:it|that|this|they|the\s+lot|the\s+(?!(?:[a-z]+ly|"
    r"annual|unit|average|mean)\b)[a-z]+)\s+cost\b(?![^\d]*\d)",
    re.I,
)


# "petrol's 1.48 a litre and i put 42 litres in, how much", "a box of 24 cans is 9.60, how
# much per can": a "how much" that names no thing asks what it comes to, money, when a price
# is among the amounts.
_BARE_HOW_MUCH = re.compile(rf"\bhow\s+much\s*(?:[?!.]*\s*$|(?={_NOT_NAMED}))", re.I)


_IN_MONEY = re.compile(r"\b(?:in|into)\s+(?:[$\u00a3\u20ac]|(?:pounds|dollars|euros|quid)\b)", re.I)


# "weekly bill", "monthly cost", "as an hourly rate": money asked a period.
_PERIODIC_MONEY = re.compile(
    r"\b(?P<adverb>hourly|daily|weekly|monthly|yearly|annual)\s+(?:bill|cost|rent|fee|charge|"
    r"pay|wage|wages|salary|spend|rate|revenue|takings|income|earnings|turnover)\b",
    re.I,
)
_ADVERB_PERIODS = {
    "hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
    "annual": "year", "annually": "year",
}  # fmt: skip


@dataclass(frozen=True)
class _Asked:
    top: tuple[tuple[str, int], ...] | None  # None: whatever the amounts give
    bottom: tuple[tuple[str, int], ...]
    size: float
    thing: str = ""
    span: tuple[int, int] = (0, 0)


def _asked_unit(word: str, given: list[Quantity]) -> tuple[dict[str, int], float] | None:
    """A unit asked for: a unit, a thing counted, or what a given amount is of."""
    if word in _UNITS:
        return _UNITS[word]
    for quantity in given:
        if quantity.noun and singular(quantity.noun) == singular(word):
            # "how much cream" of "800 ml cream"; "how much butter" of "one batch uses 185 g
            # butter", the butter itself and not per batch
            if quantity.measured is not None and quantity.measured[0]:
                # "how much protein" of "1.6 g protein per kg": grams of it, not a rate
                return dict(quantity.measured[0]), quantity.measured[1]
            dims = {k: v for k, v in quantity.dims if k != f"#{quantity.one_of}"}
            return dims, quantity.size
    if word in _NOT_THINGS:
        return None
    # "per can" of "24 cans": a thing counted, though "can" may also be a verb.
    thing = f"#{singular(word)}"
    if any(thing in dict(q.dims) for q in given):
        return {thing: 1}, 1.0
    return None


def _slashed(word: str, given: list[Quantity]) -> tuple[dict[str, int], float] | None:
    """A unit of "km/h", or a thing given by its first letter, as "k/d" of "312 kills and
    104 deaths" (when exactly one thing given starts so)."""
    given_dims = {name for q in given for name, _ in q.dims}
    if word in _UNITS and set(_UNITS[word][0]) <= given_dims:
        return _UNITS[word]
    things = {name for name in given_dims if name.startswith(f"#{word}")}
    return ({things.pop(): 1}, 1.0) if len(things) == 1 and len(word) <= 2 else None


# Hundredths of money asked for ("how many pence", "how many cents"): the money given,
# times 100.
_HUNDREDTHS = frozenset({"pence", "cents"})


# Money whose hundredths are no pence ("$", "euros"), or no cents ("£", "quid").
_NOT_HUNDREDTHS = {
    "pence": re.compile(r"[$\u20ac\u00a5\u20b9]|\b(?:dollars?|bucks|euros?|usd|eur)\b", re.I),
    "cents": re.compile(r"[\u00a3\u00a5\u20b9]|\b(?:pounds|quid|gbp|yen|rupees)\b", re.I),
}


# "how many pence", and "pence per page?", "price per pod in pence": hundredths asked, not
# said of a number given ("at 45 pence a mile").
_HUNDREDTHS_ASKED = re.compile(r"(?<![\d.])(?<![\d.]\s)\b(pence|cents)\b", re.I)


def _hundredths_of(text: str, unit: str) -> bool:
    """Whether ``text`` asks pence or cents of money that has them (not cents of pounds)."""
    return _NOT_HUNDREDTHS[unit.lower()].search(text) is None


def _asked(question: str, given: list[Quantity]) -> _Asked | None:
    how = _HOW_MANY.search(question)
    slash = _SLASH.search(question)
    top: tuple[dict[str, int], float] | None = None
    thing = ""
    if slash:
        over = _slashed(slash.group("unit").lower(), given)
        under = _slashed(slash.group("per").lower(), given)
        if over is not None and under is not None:
            return _Asked(_key(over[0]), _key(under[0]), over[1] / under[1], span=slash.span())
    if how is not None:
        top = _asked_unit(how.group("unit").lower(), given)
        if how.group("unit").lower() in _HUNDREDTHS and _MONEY_DIMS in (
            dict(q.dims) for q in given
        ):
            # "costs £119.99, how many pence per piece": money asked in hundredths of it.
            top = (_MONEY_DIMS, 0.01)
        if top is not None and how.group("unit").lower() not in _UNITS:
            thing = singular(how.group("unit"))
        elif top is not None and (of := re.match(r"\s+of\s+([a-z]+)", question[how.end() :])):
            thing = singular(of.group(1).lower())  # "how many g of hops": hops asked
    if top is None and (named := _UNIT_PER.search(question)) is not None:
        # "kcal per week from commuting?": the unit named before the rate asked.
        unit = named.group("unit").lower()
        counted = f"#{singular(unit)}"
        if _AFTER_NUMBER.search(question[: named.start()]):
            pass
        elif unit in _UNITS:
            top = _UNITS[unit]
        elif unit not in _NOT_THINGS and any(counted in dict(q.dims) for q in given):
            top = {counted: 1}, 1.0  # "drops per minute?" of "20 drops per ml"
    hundredths = _HUNDREDTHS_ASKED.search(question)
    if top is None and hundredths and any(dict(q.dims).get("money") == 1 for q in given):
        # "pence per page?" of "costs 24.99", "cost per day in pence" of "26p per kWh": money
        # in hundredths
        top = (_MONEY_DIMS, 0.01)
    if top is not None:
        pass
    elif (needed := _UNIT_NEEDED.search(question)) and needed.group("unit").lower() in _UNITS:
        top = _UNITS[needed.group("unit").lower()]  # "litres needed": how many litres
    elif (within := _IN_UNIT.search(question)) and within.group("unit").lower() in _UNITS:
        top = _UNITS[within.group("unit").lower()]
    elif (named := _UNIT_FIRST.match(question)) and named.group("unit").lower() in _UNITS:
        top = _UNITS[named.group("unit").lower()]  # "litres for the month": litres asked
    elif (alone := _UNIT_ALONE.match(question)) and alone.group("unit").lower() in _UNITS:
        top = _UNITS[alone.group("unit").lower()]  # "..., grams?": grams asked
    elif _IN_MONEY.search(question):
        top = (_MONEY_DIMS, 1.0)  # "how much is that in £", "in pounds"
    elif _MONEY_ASKED.search(question):
        top = (_MONEY_DIMS, 1.0)  # "how much is that a month", "pro rata rent for 12 days"
    elif _BARE_HOW_MUCH.search(question) and any(dict(q.dims).get("money") for q in given):
        top = (_MONEY_DIMS, 1.0)
    per = _PER.search(question, how.end() if how else 0)
    periodic = _PERIODIC_MONEY.search(question)
    while per is not None and (
        _rate_given_before(question[: per.start()])
        or _names_what_lasts(question, per, given)
        # "as an hourly rate": the "an" of the money asked a period, no unit asked per.
        or (periodic is not None and per.start("per") == periodic.start())
    ):
        # "what does that cost at 9.80 a litre", "how many tonnes at 1.6 t per m3": an
        # amount's own rate, not the one asked
        per = _PER.search(question, per.end())
    if per is None and top is None and periodic is not None:
        # "weekly bill?": money a week
        period = _UNITS[_ADVERB_PERIODS[periodic.group("adverb").lower()]]
        return _Asked(_key(_MONEY_DIMS), _key(period[0]), 1.0 / period[1], span=periodic.span())
    if hundredths and (top is None or top[0] != _MONEY_DIMS):
        return None  # "12 pounds ... per pod in pence": pence of what no money was read as
    if per is None:
        if top is None:
            return None
        return _Asked(_key(top[0]), (), top[1], thing)
    word = (per.group("per") or per.group("slash")).lower()
    bottom_unit = _asked_unit(word, given) if word not in {"head", "person"} else _UNITS[word]
    if bottom_unit is None:
        return None
    if per.group("slash") and re.search(r"\d\s*[a-z]+\s*$", question[: per.start()], re.I):
        # "how many hours at 25 km/h": a slash after an amount's unit is the rate given,
        # not what is asked per (read so, hours per hour fits any ratio of two lengths).
        return None
    size = bottom_unit[1]
    if per.group("count"):
        size *= float(per.group("count"))
    return _Asked(
        None if top is None else _key(top[0]),
        _key(bottom_unit[0]),
        (top[1] if top else 1.0) / size,
        thing,
        per.span(),
    )


_AFTER_AMOUNT = re.compile(r"\d\s*(?P<unit>[a-z]+)\s*$", re.I)
# "how many weeks does a chain last": "a" after the verb's helper opens what is asked of.
_HELPER_BEFORE = re.compile(r"\b(?:does|do|did|will|would|should|can|could)\s*$", re.I)


def _names_what_lasts(question: str, per: re.Match[str], given: list[Quantity]) -> bool:
    """Whether "a <word>" after a verb's helper names the thing asked of ("how many weeks
    does a chain last"), not a unit asked per ("how much does a litre cost" is per litre)."""
    if per.group("per") is None or per.group("count") or not per.group(0).lower().startswith("a"):
        return False
    if not _HELPER_BEFORE.search(question[: per.start()]):
        return False
    return _asked_unit(per.group("per").lower(), given) is None


def _rate_given_before(before: str) -> bool:
    """Whether a rate word after ``before`` is an amount's own ("9.80 a litre", "1.6 t per
    m3"), not what is asked per."""
    if _AFTER_NUMBER.search(before):
        return True
    amount = _AFTER_AMOUNT.search(before)
    return amount is not None and amount["unit"].lower() in _UNITS


def _counted_per_period(dims: tuple[tuple[str, int], ...]) -> bool:
    """Whether amounts of ``dims`` count things done a period ("6 boils a day")."""
    named = dict(dims)
    return (
        len(named) == 2
        and named.get("time") == -1
        and any(k.startswith("#") and v == 1 for k, v in named.items())
    )


def _fits(dims: Counter[str], asked: _Asked) -> bool:
    """Whether amounts of ``dims`` are what is asked."""
    if asked.top is not None:
        want = Counter(dict(asked.top))
        want.subtract(dict(asked.bottom))
        return {k: v for k, v in dims.items() if v} == {k: v for k, v in want.items() if v}
    # "per hectare": over exactly one hectare, and what is left over nothing.
    bottom = dict(asked.bottom)
    if any(dims[name] != -power for name, power in bottom.items()):
        return False
    left = {k: v for k, v in dims.items() if v and k not in bottom}
    return list(left.values()) == [1]  # one amount of one thing: not money squared


def _others_of_kind_dropped(
    given: list[Quantity], wanted: list[bool], asked: _Asked, task: str
) -> tuple[list[Quantity], list[bool]]:
    """``given`` (and which of it is ``wanted``) without the amounts of other things of the
    kind of the thing asked, when the thing asked is named by one amount given and the
    question names none of the others ("how much flour and how much sugar" asks both)."""
    thing = singular(asked.thing) if asked.thing else ""
    named = {q.dims for q in given if thing and singular(q.noun) == thing}
    if len(named) != 1:
        return given, wanted
    kind = named.pop()
    kept = [i for i, q in enumerate(given) if not (q.dims == kind and singular(q.noun) != thing)]
    said = {singular(w) for w in _WORD.findall(task.lower())}
    if any(singular(given[i].noun) in said for i in range(len(given)) if i not in kept):
        return given, wanted
    return [given[i] for i in kept], [wanted[i] for i in kept]


def _price_apart(
    given: list[Quantity], wanted: list[bool], asked: _Asked
) -> tuple[list[Quantity], list[bool]]:
    """``given`` (and which of it is ``wanted``) without its one price, when it is the only
    amount of money given, a sum and not a rate ("costs 11.49", not "1.55 a litre"), and a
    unit with no money is asked: then no way of multiplying and dividing can use it."""
    if asked.top is None:
        return given, wanted  # "cost per shot": whatever the amounts give, money too
    asked_dims = dict(asked.top) | dict(asked.bottom)
    money = [i for i, q in enumerate(given) if "money" in dict(q.dims)]
    if "money" in asked_dims or len(money) != 1 or given[money[0]].dims != _key(_MONEY_DIMS):
        return given, wanted
    kept = [i for i in range(len(given)) if i != money[0]]
    return [given[i] for i in kept], [wanted[i] for i in kept]


def _ways(given: list[Quantity], asked: _Asked) -> list[tuple[int, ...]]:
    """Each way of multiplying (1) and dividing (-1) by every amount that gives what is
    asked."""
    ways = []
    for signs in itertools.product((1, -1), repeat=len(given)):
        dims: Counter[str] = Counter()
        for quantity, sign in zip(given, signs, strict=True):
            for name, power in quantity.dims:
                dims[name] += sign * power
        if _fits(dims, asked):
            ways.append(signs)
    return ways


def _wanted_way(
    wanted: list[bool], given: list[Quantity], ways: list[tuple[int, ...]]
) -> list[tuple[int, ...]]:
    """Of ways that differ in which of two amounts of one unit divides, the one where the
    amount said as wanted ("i need 10 L", or in the question) multiplies."""
    if wanted.count(True) != 1:
        return ways
    target = wanted.index(True)
    twins = [i for i, q in enumerate(given) if q.dims == given[target].dims and i != target]
    noun = singular(given[target].noun) if given[target].noun else ""
    if len(twins) > 1 and noun:
        # "500 g flour and 350 g water, how much water for 800 g of flour": 800 g of flour
        # is wanted in place of the 500 g of flour, not of the water.
        twins = [i for i in twins if given[i].noun and singular(given[i].noun) == noun]
    if len(twins) != 1:
        return ways
    return [w for w in ways if w[target] == 1 and w[twins[0]] == -1]


def _value(node: Node) -> float:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Op):
        left, right = _value(node.left), _value(node.right)
        return {"+": left + right, "-": left - right, "*": left * right}.get(
            node.symbol, left / right if right else math.inf
        )
    return math.nan


def _factor(size: float) -> Num:
    return Num(size, f"{round(size):d}" if abs(size - round(size)) < 1e-9 else f"{size:.12g}")


def _product(nodes: list[Node]) -> Node | None:
    result: Node | None = None
    for node in nodes:
        result = node if result is None else Op("*", result, node)
    return result


# The square's unit, by the first letters of its name.
_SQUARED = {
    "km": "km", "kil": "km", "m": "m", "met": "m", "cm": "cm", "cen": "cm",
    "ft": "ft", "fee": "ft", "foo": "ft",
}  # fmt: skip


# "the floor is 4 x 3 m", "measuring 4 x 3 m": a thing said to be of that size.
_SIZE_SAID = re.compile(r"\b(?:is|are|measures|measuring|of)\s*$", re.I)


def _sides(match: re.Match[str]) -> str:
    """ "4.5 by 3.8 m" as two lengths in metres; "x" so only when its first number is no
    whole count ("5.2 x 3.9 m") or a thing is said to be of that size ("the floor is 4 x 3
    m"), for "3 x 2.4 m" may be three lengths of 2.4 m."""
    crossed = match["op"].lower() != "by"
    if crossed and "." not in match["a"] and not _SIZE_SAID.search(match.string[: match.start()]):
        return match.group(0)
    return f"{match['a']} {match['unit']} by {match['b']} {match['unit']}"


def _strength(match: re.Match[str]) -> str:
    """ "120 mg in 5 ml" as "120 mg per 5 ml" when it is a mass in a volume; else as said."""
    mass, volume = _UNITS.get(match["munit"].lower()), _UNITS.get(match["vunit"].lower())
    if mass is None or volume is None or mass[0] != _MASS or volume[0] != _VOLUME:
        return match.group(0)
    return f"{match['mass']} per {match['volume']}"


def _fraction(match: re.Match[str]) -> str:
    """ "3/4" as "0.75"; a fraction with no short decimal ("1/3") or more than one whole as
    it stands (a ratio, a score, a date)."""
    top, bottom = int(match.group(1)), int(match.group(2))
    if not 0 < top < bottom or f"{top / bottom:.6g}" != f"{top / bottom:.15g}":
        return match.group(0)
    return f"{top / bottom:.6g}"


# Units said in more than one word, or by their initials, and times said as a clock
# ("1:22:30", hours, minutes and seconds), written as the tokens above read them.
_PLAIN_UNITS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\bnautical\s+miles?\b", re.I), "nmi"),
    # "38 m\u00b2", "12 sq m", "square metres": an area's unit in one word.
    (
        re.compile(
            r"\b(?:sq\.?|square)\s+(?P<unit>km|kilomet(?:er|re)s?|m|met(?:er|re)s?|cm|"
            r"centimet(?:er|re)s?|ft|feet|foot)\b|\b(?P<glued>km|m|cm|ft)(?:\u00b2|2)(?!\w)",
            re.I,
        ),
        lambda m: "sq" + _SQUARED[(m.group("unit") or m.group("glued")).lower()[:3]],
    ),
    # "4.5 by 3.8 m": two sides of one unit, said once after the second ("3 x 2.4 m" may
    # be three lengths of 2.4 m, so "x" is read so only as `_sides`).
    (
        re.compile(
            r"(?<![\w.])(?P<a>\d+(?:\.\d+)?)\s*(?P<op>by|x|\u00d7)\s*(?P<b>\d+(?:\.\d+)?)\s*"
            r"(?P<unit>km|m|cm|mm|ft|metres|meters|centimetres|centimeters)\b",
            re.I,
        ),
        _sides,
    ),
    # "1.6 tonnes per cubic metre", "2 m\u00b3": a volume's unit in one word.
    (re.compile(r"\bcubic\s+met(?:re|er)s?\b|\bm(?:\u00b3|3)(?!\w)", re.I), "cubicm"),
    (re.compile(r"\bbpm\b", re.I), "beats per minute"),
    # "the syrup is 120 mg in 5 ml": a strength, so much mass in so much volume.
    (
        re.compile(
            r"(?<![\w.])(?P<mass>\d+(?:\.\d+)?\s*(?P<munit>[a-z]+))\s+in\s+(?:each\s+|every\s+)?"
            r"(?P<volume>\d+(?:\.\d+)?\s*(?P<vunit>[a-z]+))\b",
            re.I,
        ),
        lambda m: _strength(m),
    ),
    # "3/4 cup of sugar": a fraction of what follows, as its decimal when it has one.
    (re.compile(r"(?<![\w./])(\d+)/(\d+)(?=\s+[a-z])", re.I), lambda m: _fraction(m)),
    # "twice a day", "three times a day" (as `problems.spelt` writes "3 times a day").
    (re.compile(r"\bonce\s+(?=(?:a|an|per|each|every)\s)", re.I), "1 times "),
    (re.compile(r"\btwice\b", re.I), "2 times"),
    (re.compile(r"\bthrice\b", re.I), "3 times"),
    # "1 h 24 min", "5 hrs 15 mins", "2 hours and 10 minutes": one time, in minutes.
    (
        re.compile(
            r"(?<![\w.:])(\d+)\s*(?:hours?|hrs?|h)\s*(?:and\s+)?([0-5]?\d)\s*(?:minutes?|mins?)\b",
            re.I,
        ),
        lambda m: f"{int(m.group(1)) * 60 + int(m.group(2))} min",
    ),
    # "1h20", "2 hrs 15." (the minutes after the hours, their unit left out): one time.
    (
        re.compile(
            r"(?<![\w.:])(\d+)(?:h|\s*(?:hours?|hrs?)\s+)([0-5]\d)(?=\s*(?:[.,;?!)]|$))"
            r"|(?<![\w.:])(\d+)h([0-5]\d)\b(?![.:]\d)",
            re.I,
        ),
        lambda m: f"{int(m[1] or m[3]) * 60 + int(m[2] or m[4])} min",
    ),
    # "3 min 30 sec", "6 mins and 45 seconds": one time, in seconds.
    (
        re.compile(
            r"(?<![\w.:])(\d+)\s*(?:minutes?|mins?|m)\s*(?:and\s+)?([0-5]?\d(?:\.\d+)?)\s*"
            r"(?:seconds?|secs?|s)\b",
            re.I,
        ),
        lambda m: f"{int(m.group(1)) * 60 + float(m.group(2)):.10g} s",
    ),
    (
        re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:]|\.\d)"),
        lambda m: f"{int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))} s",
    ),
)


# "6.2 L/100km", "per 100g": the count a rate is per, written against its unit; after a
# slash or "per" it is no name ("5g speeds"), so it is set apart to be read.
_PER_GLUED = re.compile(r"((?:/|\bper)\s*)(\d+(?:\.\d+)?)([a-z]+)\b", re.I)


# "1 litre covers 12 sqm": what an amount gives, said as a rate of it ("12 sqm per 1 litre").
_AMOUNT_GIVES = re.compile(
    r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\s+(?:covers|does|makes|gives|fills)\s+"
    r"(?P<m>\d+(?:\.\d+)?)\s*(?P<other>[a-z]+)\b",
    re.I,
)


def _amount_gives(match: re.Match[str]) -> str:
    if match["unit"].lower() not in _UNITS or match["other"].lower() not in _UNITS:
        return match.group(0)
    return f"{match['m']} {match['other']} per {match['n']} {match['unit']}"


# "5 bottles of 210 ml a day": things so often a period, each of that amount ("5 bottles a
# day, 210 ml per bottle").
_THINGS_OF_AMOUNT = re.compile(
    r"(?<![\w.])(?P<n>\d+)\s+(?P<things>[a-z]+s)\s+of\s+(?P<amount>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[a-z]+)\s+(?P<rate>a|an|per|each|every)\s+(?P<period>[a-z]+)\b",
    re.I,
)


def _things_of_amount(match: re.Match[str]) -> str:
    unit, period = _UNITS.get(match["unit"].lower()), _UNITS.get(match["period"].lower())
    if (
        unit is None
        or period is None
        or match["things"].lower() in _UNITS
        or period[0] not in (_TIME, {"month": 1})
    ):
        return match.group(0)
    thing = singular(match["things"])
    return (
        f"{match['n']} {match['things']} {match['rate']} {match['period']}, "
        f"{match['amount']} {match['unit']} per {thing}"
    )


# "8 lessons of 45 minutes", "3 bags of 20 kg": things counted, each of that amount (a rate
# after it, "5 bottles of 210 ml a day", is `_THINGS_OF_AMOUNT`'s).
_THINGS_EACH_OF = re.compile(
    r"(?<![\w.])(?P<n>\d+)\s+(?P<things>[a-z]+s)\s+of\s+(?P<amount>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[a-z]+)\b(?!\s+(?:a|an|per|each|every|of)\b|\s*/)",
    re.I,
)
# "my average handle time was 6 min 45 sec": what each one of the things counted took.
_AVERAGE_EACH = re.compile(
    r"\b(?:(?:my|our|the|an?|their|his|her)\s+)?average\s+(?:[a-z]+\s+){0,2}?(?:was|is|of)\s+"
    r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\b(?=\s*(?:[.,;?!]|$))",
    re.I,
)


def _things_each_of(match: re.Match[str]) -> str:
    unit = _UNITS.get(match["unit"].lower())
    if unit is None or match["things"].lower() in _UNITS or unit[0] != _TIME:
        return match.group(0)
    return f"{match['n']} {match['things']} of {match['amount']} {match['unit']} each"


def _average_each(match: re.Match[str]) -> str:
    unit = _UNITS.get(match["unit"].lower())
    if unit is None or unit[0] != _TIME:
        return match.group(0)
    return f"{match['amount']} {match['unit']} each"


# "bare root whips are £1.35 each": a price for each of things named before it.
_THINGS_PRICED_EACH = re.compile(
    r"\b(?P<things>[a-z]+s)\s+(?:are\s+(?P<price>[$\u00a3\u20ac]\s?\d[\d,]*(?:\.\d+)?|"
    r"\d[\d,]*(?:\.\d+)?\s*p)|cost\s+(?P<cost>[$\u00a3\u20ac]?\s?\d[\d,]*(?:\.\d+)?p?))"
    r"\s+each\b",
    re.I,
)


def _things_priced_each(match: re.Match[str]) -> str:
    """ "whips are £1.35 each" said as "£1.35 per whip" when the things are counted by
    another number ("5 whips per metre"), so the price is per the thing named, not per
    whichever other thing is counted."""
    things = match["things"]
    if things.lower() in _UNITS:
        return match.group(0)
    counted = re.compile(rf"(?<![\w.])\d+(?:\.\d+)?\s+{re.escape(things)}\b", re.I)
    if not counted.search(match.string):
        return match.group(0)
    if match["cost"]:
        return f"{things} cost {match['cost']} per {singular(things)}"
    return f"{things} at {match['price']} per {singular(things)}"


# "at 96 kHz": so many a second of the things the question counts ("how many samples").
_FREQUENCY = re.compile(r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s*(?P<kilo>k)?(?:hz|hertz)\b", re.I)
_COUNTED_ASKED = re.compile(r"\bhow\s+many\s+(?P<things>[a-z]+s)\b", re.I)


def _frequency(text: str, question: str) -> str:
    """ "at 96 khz, how many samples" as "at 96000 samples per s": a frequency is of the
    things the ``question`` asks for, and is left as said when it counts no things."""
    asked = _COUNTED_ASKED.search(question)
    if asked is None or asked["things"].lower() in _UNITS:
        return text

    def per_second(match: re.Match[str]) -> str:
        size = float(match["n"]) * (1000 if match["kilo"] else 1)
        return f"{size:.10g} {asked['things']} per s"

    return _FREQUENCY.sub(per_second, text)


def _plain_units(text: str) -> str:
    for pattern, plain in _PLAIN_UNITS:
        text = pattern.sub(plain, text)
    text = _frequency(text, text)
    text = _AMOUNT_GIVES.sub(_amount_gives, text)
    text = _THINGS_OF_AMOUNT.sub(_things_of_amount, text)
    text = _THINGS_EACH_OF.sub(_things_each_of, text)
    text = _AVERAGE_EACH.sub(_average_each, text)
    text = _THINGS_PRICED_EACH.sub(_things_priced_each, text)
    return _PER_GLUED.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2)} {m.group(3)}" if m.group(3).lower() in _UNITS else m.group(0)
        ),
        text,
    )


# "(1 m3 = 1000 L)", "1 kg = 1000 g": a rule of units said beside the amounts.
_RULE_SAID = re.compile(
    r"\(?\s*(?<![\w.])(?:1|one|a)\s+(?P<one>[a-z]+)\s*(?:=|is)\s*(?P<size>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[a-z]+)\b\s*\)?",
    re.I,
)


def _known_rules_dropped(text: str) -> str:
    """``text`` without the rules of units it states that the units read already keep
    ("1 m3 = 1000 L"): no amounts of their own. A rule that is not so is left, and so the
    request is not read."""

    def dropped(match: re.Match[str]) -> str:
        one, unit = _UNITS.get(match["one"].lower()), _UNITS.get(match["unit"].lower())
        if one is None or unit is None or _key(one[0]) != _key(unit[0]):
            return match.group(0)
        if abs(float(match["size"]) * unit[1] - one[1]) > 1e-9 * one[1]:
            return match.group(0)
        return " "

    return _RULE_SAID.sub(dropped, text)


# "i ride in 4 days a week": days in a week, or how often something done on each of them
# happens (4 times a week).
_DAYS_A_PERIOD = re.compile(
    r"(?<![\w.])(?P<n>\d+)\s+(?:days|nights)\s+(?:a|per|each|every)\s+(?P<period>week|month|year)\b",
    re.I,
)


def unit_of(word: str) -> tuple[tuple[tuple[str, int], ...], float] | None:
    """The dimensions and size of the unit ``word`` names ("L", "m3", "litres"), or None."""
    plain = _plain_units(f"1 {word}").split()[-1].lower()
    unit = _UNITS.get(plain)
    return None if unit is None else (_key(unit[0]), unit[1])


# "their second dog is half price", "the third one is free", "kids go half-price": a price
# changed in words for some of the things counted, which a count times one price ignores.
PRICE_CHANGED_IN_WORDS = re.compile(
    r"\b(?:half|a\s+third|a\s+quarter|double|twice|triple|full)[\s-]+(?:the\s+)?price\b"
    r"|\bhalf\s+off\b|\b(?:is|are|go|goes|come|comes|gets?)\s+(?:in\s+)?(?:for\s+)?free\b"
    r"|\bfree\s+of\s+charge\b|\bget\s+one\s+free\b",
    re.I,
)


# "$3 cpm", "an ecpm of 4": a price per thousand of things, which no unit here says.
_PER_THOUSAND_PRICE = re.compile(r"\be?cpm\b", re.I)


# "how many hours is 8 lessons of 45 minutes": the question said first, of the amounts after.
# A time asked, of amounts said plainly: no rule of units ("(4.546 l each)", "if a day is 8
# hours") among them.
_ASKED_FIRST = re.compile(
    r"^\s*how\s+(?P<how>many)\s+(?P<unit>hours|minutes|seconds|days|weeks)\s+(?:is|are)\s+"
    r"(?P<said>(?!(?:that|this|it|there)\b)(?![^?]*\b(?:each|per|every|if|assuming|where|"
    r"taking|a|an)\b)[^?(=]*\d[^?(=]*?)\s*[?.!]*\s*$",
    re.I,
)


# A factor said in words, which no unit carries: "both sides", "twice over", "double".
_TIMES_IN_WORDS = re.compile(
    r"\bboth\s+(?:sides|faces|ends)\b|\btwice\s+over\b|\b(?:double|triple|treble)\s+(?:it|that)\b",
    re.I,
)


def read_quantities(context: str | None, task: str) -> tuple[Node, str] | None:
    """The answer to a request whose amounts carry units and whose question asks for a
    unit ("38.4 tonnes off 4.8 ha, what's that per hectare"), or None. "4 days a week" is
    days in a week ("5 km a day, 4 days a week": 20 km a week), or, where that gives no
    answer, how often a thing done on those days is done ("9.5 km each way, 4 days a week":
    the trip 4 times a week)."""
    if PRICE_CHANGED_IN_WORDS.search(f"{context} {task}"):
        return None  # "20 a visit, 14 visits, the second cat is half price": not one price
    if _TIMES_IN_WORDS.search(f"{context} {task}"):
        return None  # "staining both sides", "twice a day ... double it": a factor unread
    if _PER_THOUSAND_PRICE.search(f"{context} {task}"):
        # "50,000 impressions at $3 cpm, how many for $500": the price is of a thousand of
        # them, not of the 50,000, which units alone would take it to be.
        return None
    if context is not None:
        context = _frequency(context, task)  # "at 48 kHz for 5 s." "how many samples?"
    found = _read_quantities(context, task)
    asked_first = _ASKED_FIRST.match(task) if found is None and context is None else None
    if asked_first is not None:
        # "how many hours is 8 lessons of 45 minutes": the amounts, then what is asked of them.
        context, task = asked_first["said"], f"how {asked_first['how']} {asked_first['unit']}?"
        found = _read_quantities(context, task)
    said = f"{context} {task}"
    if found is None and _DAYS_A_PERIOD.search(said):
        often = r"\g<n> times a \g<period>"
        found = _read_quantities(
            None if context is None else _DAYS_A_PERIOD.sub(often, context),
            _DAYS_A_PERIOD.sub(often, task),
        )
    return found


# "if a gallon is 4.546 litres", "(1 gallon = 4.546 L)": a unit the table leaves out (a
# gallon is a UK or a US one), defined by the request in one it knows.
_UNIT_DEFINED = re.compile(
    r"(?:,?\s*\b(?:if|where|assuming|taking|with)\s+)?\(?\s*(?<![\w.])(?:1|one|a)\s+"
    r"(?P<one>[a-z]+)\s*(?:=|is|as|equals)\s*(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\b\s*\)?",
    re.I,
)
# ... or said aside, in brackets: "(4.546 l per gallon)", "(4.54609 litres a gallon)",
# "(uk gallons, call it 4.546 litres each)".
_UNIT_DEFINED_ASIDE = (
    re.compile(
        r"\s*\(\s*(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\s+(?:per|a|an|to\s+the|to\s+a|in\s+a)\s+"
        r"(?P<one>[a-z]+)\s*\)",
        re.I,
    ),
    re.compile(
        r"\s*\(\s*(?:[a-z]+\s+)?(?P<one>[a-z]+?)s?\s*,\s*(?:(?:call\s+it|say|about|so)\s+)?"
        r"(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\s+each\s*\)",
        re.I,
    ),
)
# Rates said in one word of a unit the request may define.
_ONE_WORD_RATES = {"mpg": ("miles", "gallon")}


def _units_defined(context: str | None, task: str) -> tuple[str | None, str]:
    """``context`` and ``task`` with a unit they define ("a gallon is 4.546 litres") written
    as that amount where a rate is per it ("mpg": miles per 4.546 litres), and the rule left
    out; as they are unless one such unit is defined and every mention of it is so."""
    said = f"{context or ''} {task}"
    patterns = (_UNIT_DEFINED, *_UNIT_DEFINED_ASIDE)
    rules = [
        m
        for pattern in patterns
        for m in pattern.finditer(said)
        if singular(m["one"].lower()) not in _UNITS and m["unit"].lower() in _UNITS
    ]
    if len(rules) != 1:
        return context, task
    one, defined = singular(rules[0]["one"].lower()), f"{rules[0]['size']} {rules[0]['unit']}"

    def rewritten(text: str) -> str:
        for pattern in patterns:
            text = pattern.sub(
                lambda m: " " if singular(m["one"].lower()) == one else m.group(0), text
            )
        for word, (top, per) in _ONE_WORD_RATES.items():
            if per == one:
                text = re.sub(rf"\b{word}\b", f"{top} per {one}", text, flags=re.I)
        return re.sub(rf"\b(per|a|an|each|every)\s+{one}s?\b", rf"\1 {defined}", text, flags=re.I)

    new_context, new_task = None if context is None else rewritten(context), rewritten(task)
    if re.search(rf"\b{one}s?\b", f"{new_context or ''} {new_task}", re.I):
        return context, task  # "how many gallons": an amount of it, not read so
    return new_context, new_task


# "how many nights", "how many goes": the things a question counts.
_HOW_MANY_THINGS = re.compile(r"\bhow\s+many\s+(?P<things>[a-z]+s)\b", re.I)
# "a luton holds 18 m3 ... how many loads": loads, trips or fills of the one thing said to
# hold an amount are a count of that thing.
_GOES_ASKED = re.compile(
    r"\b(?P<how>how\s+many\s+)(?:loads|trips|runs|journeys|fills|goes)\b", re.I
)


def _goes_as_holder(task: str, given: list[Quantity]) -> str:
    """``task`` with the loads (trips, fills) it asks said as the one thing that holds an
    amount ("how many luton"), when it asks the quotient itself ("just divide"); as it is
    when no one such thing is given."""
    holders = {q.one_of for q in given if q.one_of}
    goes = _GOES_ASKED.search(task)
    if goes is None or len(holders) != 1 or not NOT_ROUNDED.search(task):
        return task  # 2.9 loads are 3 trips: the part trip is asked for, or none is read
    return f"{task[: goes.start()]}{goes.group('how')}{holders.pop()}{task[goes.end() :]}"


_PER_THING_ASKED = re.compile(r"\bper\s+(?P<things>[a-z]+)\b", re.I)


def _asked_thing_per(context: str, task: str) -> str:
    """``context`` with "a night" said as "per night" when the question counts nights
    ("reads 18 pages a night. how many nights"): what is done a thing the question counts
    is a rate per it, as a thing another number counts is (`_counted_elsewhere`); so is
    what the question asks a figure per ("25 ml a treatment. cost per treatment")."""
    asked = _HOW_MANY_THINGS.search(task) or _PER_THING_ASKED.search(task)
    if asked is None:
        return context
    one = singular(asked.group("things").lower())
    if one in _UNITS or one in _NOT_THINGS:
        return context  # "a day", "a week": periods are read as rates already
    # Only said right after an amount and its unit ("18 pages a night"), not "a bottle
    # pours 6 glasses", where the thing is the subject.
    return re.sub(
        rf"(?<![\w.])(\d[\d,]*(?:\.\d+)?\s+[a-z]+\s+)(?:a|an)\s+(?={re.escape(one)}\b)",
        r"\1per ",
        context,
        flags=re.I,
    )


def _read_quantities(context: str | None, task: str) -> tuple[Node, str] | None:
    context, task = _units_defined(context, task)
    task = _known_rules_dropped(_plain_units(task))
    context = None if context is None else _known_rules_dropped(_plain_units(context))
    if context is None:
        parts = split_question(task)
        said_first = _BMI_FIRST.match(task)
        if parts is None and said_first is not None:
            # "bmi for 82 kg and 1.78 m": the figure asked first, then what it is of.
            parts = task[said_first.end() :], said_first.group("asked")
        sized_first = _SIZED_FIRST.match(task)
        if parts is None and sized_first is not None and "?" not in task[: sized_first.end()]:
            # "how many 250 ml glasses can i pour from a 2 litre bottle": the things of a size
            # asked first, then what they are poured, cut or filled from.
            parts = task[sized_first.end() :], sized_first.group("asked")
        if parts is None:
            return None
        context, task = parts
    context, task = _condition_stated(context, task)
    context = _asked_thing_per(context, task)
    share = _ASKS_SHARE.search(task)
    context, waste = _waste_set_apart(context)
    context, day_parts = _day_parts_set_apart(context)
    context, filled = _filled_share_set_apart(context)
    context, stop = _stop_set_apart(context)
    # "how much butter altogether": the whole amount asked, which units alone still settle.
    task = _ALTOGETHER.sub("", task)
    if re.search(r"%|\bpercent|\bthen\b", context, re.I) or _ADDS.search(task):
        return None  # a percentage given, a chain of steps, a sum or difference: others'
    if (share and _CHANGE.search(f"{context} {task}")) or (
        share is None and re.search(r"%|\bpercent", task, re.I)
    ):
        return None  # a markup, a margin, a tax: not a part of a whole
    if _BMI.search(task):
        context = _GLUED_AMOUNT.sub(_body_unit_apart, context)
    priced = _PRICED.search(f"{context} {task}") or _BARE_HOW_MUCH.search(task)
    given = _quantities(context, priced=bool(priced))
    if given is None or not 1 <= len(given) <= 5:
        return None
    if _BMI.search(task):
        return _body_mass_index(given)
    given = [_both_ways(q, context, task) for q in given]
    task = _goes_as_holder(task, given)
    if day_parts is not None:
        # "1 in the morning and 2 at night": of the one thing counted, a day
        things = {q.dims[0][0] for q in given if _counted(q.dims) and q.dims[0][0][0] == "#"}
        if len(things) != 1:
            return None
        day = _UNITS["day"]
        dims = _key({things.pop(): 1, "time": -1})
        given.append(Quantity(day_parts[0], 1 / day[1], dims, *day_parts[1]))
    task, sized = _sized_asked(task, given)
    given = _per_one(given, task) + waste + filled
    hundredths = _HUNDREDTHS_ASKED.search(task)
    if hundredths and not _hundredths_of(f"{context} {task}", hundredths.group(1)):
        return None  # "$5 a pack, how many pence": the money has none
    if sized is not None and any(f"#{q.one_of}" in dict(sized.dims) for q in given):
        sized = None  # "how many 20 kg bags if each bag makes 0.01 m3": the size names them
    if sized is not None:
        given.append(sized)
    asked = _share_asked(task) if share else _asked(task, given) or _scaled_asked(task, given)
    if asked is None:
        return None
    given = _daily_intakes(given, asked)
    more = _asked_amounts(task, asked, given)
    if more is None:
        return None
    # The amount wanted: one the question gives ("for 6 people"), else one said as needed,
    # or what a thing holds when the question asks how long it lasts ("a pen holds 300").
    wanted = [
        not more
        and bool(
            _WANTED.search(context[: q.start])
            or (_LASTS.search(task) and _HOLDS.search(context[: q.start]))
        )
        for q in given
    ]
    wanted += [True] * len(more)
    given = given + more
    ways = _ways(given, asked)
    if not ways:
        # "4.6 kg of malt and 50 g of hops ... how much malt": another ingredient of the
        # same kind as the one asked is no part of its amount.
        given, wanted = _others_of_kind_dropped(given, wanted, asked, task)
        ways = _ways(given, asked)
    if (
        not ways
        and not re.search(r"\d", task)
        and asks_of(task) is None
        and not re.search(r"\?|\b(?:how|what|what's|whats)\b", context, re.I)
    ):
        # "the bag is 2.8 kg and costs 11.49, 140 g a day: how many days does a bag last":
        # the one sum of money, when nothing else given is money and none is asked, can be
        # in no way of the units asked; the price is of what lasts, not of the days. (Not
        # when the question says more: "and at 54.99 a bag, the cost per day" is an ask.)
        given, wanted = _price_apart(given, wanted, asked)
        ways = _ways(given, asked)
    if len(ways) > 1:
        # "15 mg/kg": a ratio of one dimension, which fits either way up, is as stated.
        ways = [w for w in ways if all(s == 1 or q.dims for q, s in zip(given, w, strict=True))]
    if len(ways) > 1:
        ways = _wanted_way(wanted, given, ways)
    if len(ways) == 2 and share is not None and ways[0] == tuple(-s for s in ways[1]):
        # "500 g flour and 365 g water, the hydration %": a part of a whole, not over it.
        ways = [w for w in ways if _value(_expression(given, w, asked)[0]) <= 100]
    if len(ways) == 2 and ways[0] == tuple(-s for s in ways[1]):
        # "takes 4 min 20 s and runs 37 times a day": how often multiplies, not divides.
        often = [i for i, q in enumerate(given) if q.dims == _key({"time": -1})]
        ways = [w for w in ways if often and all(w[i] == 1 for i in often)] or ways
    if len(ways) == 2:
        # "4 min per boil, 6 boils a day": things done so often a period are multiplied by
        # what each one takes, not divided.
        often = [i for i, q in enumerate(given) if _counted_per_period(q.dims)]
        ways = [w for w in ways if often and all(w[i] == 1 for i in often)] or ways
    if len(ways) != 1:
        return None
    paused = stop is not None or bool(_PAUSE_SAID.search(context))
    if paused and (stop is None or asked.top != _key(_TIME) or asked.bottom):
        # "we'll stop for lunch. how many hours all in": the time of a pause is part of the
        # time asked, so one not said leaves it unknown; and it is added to no other unit.
        return None
    if _working_time_converted(given, ways[0], asked):
        return None  # `working_period_unsaid` says why, in the refusal
    if len(given) == 1:
        return _rate_per_other(given[0], asked)
    if not _keeps_own_unit(given, ways[0], asked):
        return None
    found = _expression(given, ways[0], asked)
    if isinstance(found[0], Call) and NOT_ROUNDED.search(task):
        # "how many packs (just divide, i'll round up)": the quotient itself, as asked.
        found = found[0].args[0], "the amount asked, from the units of the amounts given"
    if stop is not None:
        paused_time = _scaled(stop[0], stop[1] / asked.size)
        return Op("+", found[0], paused_time), "the time on the way plus the stop"
    if (
        sized is not None
        and not NOT_ROUNDED.search(task)
        and (isinstance(found[0], Call) or abs(_value(found[0]) - round(_value(found[0]))) > 1e-9)
    ):
        # "how many 450 g jars can i fill": the part jar, filled or not? ("just divide" asks
        # the quotient itself.)
        return None
    return found


# "how many bags if each bag makes 0.01 m3": what the question supposes, said after "if".
_IF_STATED = re.compile(
    r"(?:,\s*|\s+)(?:if|assuming|given\s+that)\s+(?P<stated>[^?!()]*?\d[^?!()]*?)"
    r"(?=\s*(?:\(|[?!]|\.(?!\d)|$))",
    re.I,
)


def _condition_stated(context: str, task: str) -> tuple[str, str]:
    """The context with what the question supposes ("if each bag makes 0.01 m3") said
    after it, and the question without it; both as they are when it supposes nothing."""
    stated = _IF_STATED.search(task)
    if stated is None:
        return context, task
    question = f"{task[: stated.start()]}{task[stated.end() :]}"
    return f"{context.rstrip()} {stated.group('stated')}.", question


# "(just divide)", "i'll round up myself", "don't round": the quotient asked as it is.
NOT_ROUNDED = re.compile(
    r"\bjust\s+divide\b|\b(?:i'?ll|i\s+will|we'?ll)\s+round\b|\b(?:don'?t|do\s+not|no|without)\s+"
    r"round(?:ing)?\b|\bunrounded\b",
    re.I,
)


# "how many 450 g jars can i fill": things asked for, each of the size said ("how many 250
# kg round bales", "10 l jerry cans": a word may say which kind, before them).
_SIZED = re.compile(
    r"\bhow\s+many\s+(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\s+(?:[a-z]+\s+)??"
    r"(?P<things>[a-z]+s)\b",
    re.I,
)


# "how many fills of my 200 litre water butt": times a container of that size is filled.
_FILLS = re.compile(
    r"\bhow\s+many\s+(?P<things>fills|refills|loads|trips|runs)\s+(?:of|with)\s+"
    r"(?:my|the|a|an|our|your|this|that)\s+(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)"
    r"(?:\s+[a-z]+){0,2}?(?=\s*(?:\(|[?.!,]|$))",
    re.I,
)


def _sized_asked(task: str, given: list[Quantity]) -> tuple[str, Quantity | None]:
    """The task asking for the things alone ("how many jars"), and the size of each as an
    amount per thing (450 g a jar); the task as it is and None when it asks no such things.
    "how many fills of my 200 litre butt" asks fills, each of 200 litres."""
    fills = _FILLS.search(task)
    unit = _UNITS.get(fills["unit"].lower()) if fills else None
    if fills is not None and unit is not None:
        dims = Counter(unit[0])
        dims[f"#{singular(fills['things'])}"] -= 1
        each = Quantity(_num(fills["num"]), unit[1], _key(dict(dims)), 0, 0)
        return f"{task[: fills.start()]}how many {fills['things']}{task[fills.end() :]}", each
    sized = _SIZED.search(task)
    unit = _UNITS.get(sized["unit"].lower()) if sized else None
    if sized is None or unit is None or sized["things"].lower() in _UNITS:
        return task, None
    dims = Counter(unit[0])
    dims[f"#{singular(sized['things'])}"] -= 1
    each = Quantity(_num(sized["num"]), unit[1], _key(dict(dims)), 0, 0)
    return f"{task[: sized.start('num')]}{task[sized.start('things') :]}", each


_ALTOGETHER = re.compile(r"\s+(?:altogether|in\s+total)(?=\s*[?.!]*\s*$)", re.I)
# "I add 10% for cutting waste", "allow 5% extra for breakages", "i want 10% extra for
# waste": the amount grown by a share.
_WASTE = re.compile(
    r"\b(?:add|adding|plus|allow|allowing|(?:i|we)\s+(?:want|need|like)|(?:i|we)'d\s+like|"
    r"with)\s+(?:an?\s+)?(?:extra\s+)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b)(?:\s+extra)?\s+for\s+(?:[a-z]+\s+)?"
    r"(?:waste|wastage|offcuts|cuts|breakages?|spares)\b",
    re.I,
)


def _waste_set_apart(context: str) -> tuple[str, list[Quantity]]:
    """``context`` without its one share added for waste, and that share as a factor
    with no unit (1 + 10 / 100), which multiplies; the context as it is when there is none
    or more than one."""
    found = list(_WASTE.finditer(context))
    if len(found) != 1:
        return context, []
    match = found[0]
    rate = match.group("rate")
    factor = Op("+", Num(1, "1"), Op("/", Num(float(rate), rate), Num(100, "100")))
    blank = context[: match.start()] + " " * (match.end() - match.start()) + context[match.end() :]
    return blank, [Quantity(factor, 1.0, (), match.start(), match.end())]


# "i take 1 in the morning and 2 at night": how many a day, said by the parts of a day.
_DAY_PARTS = re.compile(
    r"(?<![\w.])(?P<first>\d+)\s+(?:in\s+the\s+morning|at\s+breakfast)\s+and\s+"
    r"(?P<second>\d+)\s+(?:at\s+night|in\s+the\s+evening|at\s+bedtime)\b",
    re.I,
)


# "it's on 20% and i want it at 80%", "from 20% to 80%": the share of a whole filled.
# (A rate "went from 20% to 25%" is a change, no share filled: the filling is said.)
_FILLED_SHARE = re.compile(
    r"(?:\b(?:on|at)\s+(?P<low>\d+)\s*%\s+and\s+(?:i\s+|we\s+)?(?:want|need)\s+it\s+(?:at|on|to)"
    r"|\b(?:charg(?:e|es|ed|ing)|fill(?:s|ed|ing)?|top(?:ping)?\s+(?:it\s+)?up)\s+(?:it\s+)?"
    r"from\s+(?P<low_from>\d+)\s*%\s+to)\s+(?P<high>\d+)\s*%",
    re.I,
)


def _filled_share_set_apart(context: str) -> tuple[str, list[Quantity]]:
    """``context`` without its one share filled (from 20% to 80%), and that share as a
    factor with no unit ((80 - 20) / 100), which multiplies; the context as it is when
    there is none, more, or the share does not rise."""
    found = list(_FILLED_SHARE.finditer(context))
    if len(found) != 1:
        return context, []
    match = found[0]
    low, high = match.group("low") or match.group("low_from"), match.group("high")
    if not 0 <= int(low) < int(high) <= 100:
        return context, []
    share = Op("/", Op("-", Num(float(high), high), Num(float(low), low)), Num(100, "100"))
    blank = context[: match.start()] + " " * (match.end() - match.start()) + context[match.end() :]
    return blank, [Quantity(share, 1.0, (), match.start(), match.end())]


# "stop an hour for lunch", "a 30 minute break", "rest for 20 mins": a pause on the way,
# whose time is added to a time the amounts give ("how many hours all in").
_PAUSE = r"(?:stop|stops|stopping|break|breaks|rest|pause)"
_PAUSE_TIME = (
    r"(?:(?P<num>\d+(?:\.\d+)?)[\s-]*(?P<unit>hours?|hrs?|h|minutes?|mins?)"
    r"|(?P<half>half\s+an\s+hour)|(?:an?|one)\s+(?:hour|hr))\b"
)
_STOPS = (
    re.compile(rf"\b{_PAUSE}\s+(?:for\s+|of\s+)?(?:about\s+|around\s+)?{_PAUSE_TIME}", re.I),
    re.compile(
        rf"(?<![\w.]){_PAUSE_TIME}\s+(?:lunch\s+|coffee\s+|tea\s+|rest\s+)?{_PAUSE}\b", re.I
    ),
)
# "we'll stop for lunch", "with breaks": a pause said, with or without its time.
_PAUSE_SAID = re.compile(rf"\b{_PAUSE}\b|\blunch\b", re.I)


def _stop_set_apart(context: str) -> tuple[str, tuple[Node, float] | None]:
    """``context`` without its one pause said with its time, and that time as said with the
    size of its unit in seconds; the context as it is and None when none is said or more."""
    found = [m for pattern in _STOPS for m in pattern.finditer(context)]
    if len(found) != 1:
        return context, None
    match = found[0]
    if match.group("num"):
        time = (_num(match.group("num")), _UNITS[match.group("unit").lower()][1])
    else:
        time = (Num(0.5, "0.5") if match.group("half") else Num(1, "1"), 3600.0)
    blank = context[: match.start()] + " " * (match.end() - match.start()) + context[match.end() :]
    return blank, time


def _day_parts_set_apart(context: str) -> tuple[str, tuple[Node, tuple[int, int]] | None]:
    """``context`` without its one count said by the parts of a day, and that count's sum
    (1 + 2) with where it is said; the context as it is when there is none or more."""
    found = list(_DAY_PARTS.finditer(context))
    if len(found) != 1:
        return context, None
    match = found[0]
    first, second = match.group("first"), match.group("second")
    total = Op("+", Num(float(first), first), Num(float(second), second))
    blank = context[: match.start()] + " " * (match.end() - match.start()) + context[match.end() :]
    return blank, (total, match.span())


def _per_one(given: list[Quantity], task: str) -> list[Quantity]:
    """The amounts with what one thing gives made per that thing when the thing is counted
    too ("a bottle pours 6 glasses, how many bottles"; "one batch uses 185 g, making 2.5
    batches"), then "3 glasses each" made per the one other thing counted ("42 guests")."""
    how = _HOW_MANY.search(task)
    asked = {f"#{singular(how.group('unit'))}"} if how else set()
    # "how many days does a tin last" of "one tin makes 5.6 litres": asked per that thing.
    asked |= {f"#{singular(m['per'])}" for m in _PER.finditer(task) if m["per"]}
    counted = {name for q in given for name, _ in q.dims}
    given = [
        replace(q, dims=_key(_divide((dict(q.dims), 1.0), ({f"#{q.one_of}": 1}, 1.0))[0]))
        if q.one_of and f"#{q.one_of}" in counted | asked and f"#{q.one_of}" not in dict(q.dims)
        else q
        for q in given
    ]
    for i, quantity in enumerate(given):
        if not quantity.each:
            continue
        # "42 guests", or "40 coffees a day": "3.10 each" is per coffee.
        others = {
            next(name for name, _ in q.dims if name.startswith("#") or name == "person")
            for k, q in enumerate(given)
            if k != i and (_counted(q.dims) or _counted_per_period(q.dims))
        }
        if len(others) == 1:
            dims = _divide((dict(quantity.dims), 1.0), ({others.pop(): 1}, 1.0))[0]
            given[i] = replace(quantity, dims=_key(dims))
    return given


def _scaled_asked(task: str, given: list[Quantity]) -> _Asked | None:
    """ "recipe for 6 uses 450 g of rice, how much for 9 people": the unit of the one other
    amount given, when the question asks "how much for" an amount like one given."""
    if not re.search(r"\bhow\s+much\s+for\b", task, re.I) or len(given) != 2:
        return None
    more = _quantities(task)
    if more is None or len(more) != 1:
        return None
    others = [q for q in given if q.dims != more[0].dims]
    if len(others) != 1:
        return None
    return _Asked(others[0].dims, (), others[0].size)


# "49 upfront", "a 200 deposit", "300 up front": money paid once, before the rest.
_UPFRONT = re.compile(
    r"(?:\b(?:an?\s+)?[$\u00a3\u20ac]?(?P<before>(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s+"
    r"(?:upfront|up\s+front|deposit|down)\b"
    r"|\b(?:upfront|up\s+front|deposit)\s+(?:of\s+|is\s+|was\s+)?[$\u00a3\u20ac]?"
    r"(?P<after>(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?![\w,]|\.\d)"
    # "plus a flat 60 travel charge", "a flat fee of 45": charged once, whatever the time.
    r"|\b(?:(?:plus|and)\s+)?(?:an?\s+)?flat\s+(?:(?:[a-z-]+\s+)?(?:fee|charge|rate)\s+of\s+)?[$\u00a3\u20ac]?"
    r"(?P<flat>(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?![\w,%]|\.\d)"
    r"(?:\s+(?:[a-z-]+\s+)?(?:fee|charge))?)"
    r"(?:\s*,)?(?:\s+(?:then|and|plus))?",
    re.I,
)
# A question asking for the whole of what is paid, and none asking for a part of it.
_WHOLE_ASKED = re.compile(r"\b(?:total|altogether|in\s+all|overall|whole)\b", re.I)
_PART_ASKED = re.compile(
    r"\b(?:per|a|an|each|every|monthly|weekly|average|left|save|difference|more|less)\b|%",
    re.I,
)


def read_upfront_plus_rate(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "phone contract: 49 upfront then 31.50 a month for 24 months. total over the whole
    contract?": the money paid once plus the one product of the other amounts that is
    money; None unless one amount is said paid upfront and the question asks the total."""
    text = _plain_units(task if context is None else f"{context} {task}")
    found = list(_UPFRONT.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    rest = f"{text[: match.start()]} {text[match.end() :]}"
    parts = split_question(rest)
    if parts is None or re.search(r"%|\bpercent|\bthen\b", rest, re.I):
        return None
    statement, question = parts
    if not _WHOLE_ASKED.search(question) or _PART_ASKED.search(question):
        return None
    given = _quantities(statement, priced=True)
    if given is None or not 2 <= len(given) <= 4 or _quantities(question) != []:
        return None
    money = _Asked(_key(_MONEY_DIMS), (), 1.0)
    ways = [
        w
        for w in _ways(given, money)
        if all(s == 1 or q.dims for q, s in zip(given, w, strict=True))
    ]
    if len(ways) != 1:
        return None
    paid = match.group("before") or match.group("after") or match.group("flat")
    expression, _ = _expression(given, ways[0], money)
    upfront = _num(paid)
    return Op("+", upfront, expression), "the amount paid upfront plus the rest"


# "20 mins per kg plus 70 mins", "15 min a kg and another 20 min": a rate, and an amount
# of the unit it gives added once, whatever the amount the rate is of.
_RATE_PLUS = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s*[a-z]+\s+(?:per|a|an|each|every|/)\s*(?:\d+(?:\.\d+)?\s*)?"
    r"[a-z]+(?P<plus>\s*,?\s*"
    r"(?:plus|\+|and\s+(?:then\s+)?(?:an?\s+)?(?:extra|another|additional|further))\s+"
    r"(?:an?\s+)?(?:extra\s+|additional\s+|further\s+)?"
    r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+))\b",
    re.I,
)


def read_rate_plus_amount(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "turkey needs 20 mins per kg plus 70 mins. its 5.4 kg - how many minutes": what the
    rate gives (`read_quantities` of the rest) plus the amount added once, in the unit
    asked; None unless the amount added is of the unit asked, and the rest is read."""
    text = _plain_units(task if context is None else f"{context} {task}")
    found = list(_RATE_PLUS.finditer(text))
    if len(found) != 1 or found[0]["unit"].lower() not in _UNITS:
        return None
    match = found[0]
    rest = f"{text[: match.start('plus')]}{text[match.end('plus') :]}"
    asks = statement_and_questions(rest)
    if asks is not None and asks_of(asks[1]) is not None:
        return None  # "how many minutes, and how many hours": each ask in turn, not one
    parts = split_question(rest)
    if parts is None or re.search(r"\b(?:how|what|what's|whats)\b", parts[0], re.I):
        return None  # "how many minutes. how many hours is that": the last ask is not all
    given = _quantities(parts[0])
    asked = None if given is None else _asked(parts[1], given)
    dims, size = _UNITS[match["unit"].lower()]
    if asked is None or asked.bottom or asked.top != _key(dims):
        return None
    read = _read_quantities(None, rest)
    if read is None or isinstance(read[0], Call):
        return None
    added = _scaled(_num(match["amount"]), size / asked.size)
    return Op("+", read[0], added), "what the rate gives plus the amount added once"


# "2.20 for the first hour then 1.60 for every hour after that": a price for the first
# periods, then one for each period after them.
_FIRST_THEN_EACH = re.compile(
    r"[$\u00a3\u20ac]?(?P<first>(?<![\w.,])\d+(?:\.\d+)?)\s+for\s+the\s+first\s+"
    r"(?:(?P<count>\d+)\s+)?(?P<unit>hour|day|night|week|month|mile|km|minute)s?\s*,?\s+"
    r"(?:and\s+)?then\s+[$\u00a3\u20ac]?(?P<rate>\d+(?:\.\d+)?)\s+(?:for\s+)?(?:every|each|per|a|an)\s+"
    r"(?:(?:additional|extra|further)\s+)?(?P=unit)\b(?:\s+after(?:\s+that)?)?",
    re.I,
)
_HOW_MUCH_ASKED = re.compile(r"\b(?:how\s+much|total|cost|charge|pay|owe)\b", re.I)


def read_first_then_each(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "car park is 2.20 for the first hour then 1.60 for every hour after that. i was there
    5 hours, how much": the first price plus the rate for each period after the first ones
    (2.20 + 1.60 * (5 - 1)); None unless the one other number is a whole number of those
    periods, at least the first ones, and the request asks what it comes to."""
    text = task if context is None else f"{context} {task}"
    found = list(_FIRST_THEN_EACH.finditer(text))
    if len(found) != 1 or re.search(r"%|\bpercent", text, re.I):
        return None
    match = found[0]
    rest = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    numbers = re.findall(r"(?<![\w.,])\d+(?:\.\d+)?(?![\w,]|\.\d)", rest)
    unit = match.group("unit").lower()
    spent = list(re.finditer(rf"(?<![\w.,])(?P<n>\d+)\s+{unit}s?\b", rest, re.I))
    if len(numbers) != 1 or len(spent) != 1 or not _HOW_MUCH_ASKED.search(rest):
        return None
    first = match.group("count") or "1"
    if int(spent[0].group("n")) < int(first):
        return None
    after: Node = Op("-", _num(spent[0].group("n")), _num(first))
    total = Op("+", _num(match.group("first")), Op("*", _num(match.group("rate")), after))
    return total, f"the price for the first {unit}s plus the rate for each {unit} after"


# Money for an hour or a day ("£50 a day", "12 an hour"), and a longer period asked of it.
_MONEY_PER_WORK_PERIOD = re.compile(
    r"(?:[$\u20ac\u00a3]\s*\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s*(?:pounds?|quid|dollars?|"
    r"euros?|p)\b)\s*(?:an?|per|/|each)\s*(?P<period>hour|hr|day)\b",
    re.I,
)
_LONGER_PERIOD_ASKED = re.compile(
    r"\b(?:an?|per|each|every|for\s+(?:a|the)|in\s+a|/)\s*(?P<period>day|week|month|year)\b"
    r"|\b(?P<adverb>daily|weekly|monthly|yearly|annually)\b",
    re.I,
)
# How long the work runs, said: "8 hours a day", "5 days a week", "a 38 hour week".
_WORK_TIME_SAID = re.compile(
    r"\d+(?:\.\d+)?\s*(?:-\s*)?(?:hours?|hrs?|h|days?)\s*(?:a|per|each|every|/)?\s*"
    r"(?:day|week|month|year|shift)\b|\b(?:all|every)\s+day\b|\b24\s*/\s*7\b",
    re.I,
)
_PERIOD_ORDER = {"hour": 0, "hr": 0, "day": 1, "week": 2, "month": 3, "year": 4}


def working_period_unsaid(text: str) -> tuple[str, str] | None:
    """The period money is said for ("£50 a day") and the longer one asked ("how much a
    week"), when how many of the first make the second is not said and the clock would
    guess it: money is paid for time worked or open, and a working week is no 7 days nor a
    working day 24 hours. None when the request says how long the work runs."""
    given = _MONEY_PER_WORK_PERIOD.search(text)
    if given is None or _WORK_TIME_SAID.search(text):
        return None
    period = given.group("period").lower()
    for asked in _LONGER_PERIOD_ASKED.finditer(text, given.end()):
        longer = (asked.group("period") or _ADVERB_PERIODS[asked.group("adverb").lower()]).lower()
        if _PERIOD_ORDER[longer] > _PERIOD_ORDER[period]:
            return ("hour" if period == "hr" else period), longer
    return None


# Turning hours into days, days into weeks, hours into weeks by the clock.
_CLOCK_FACTORS = (24.0, 7.0, 168.0)


def _working_time_converted(given: list[Quantity], signs: tuple[int, ...], asked: _Asked) -> bool:
    """Whether an answer about time worked would turn hours into days or days into weeks
    by the clock ("i earn 50 a day, how much a week": 5 working days or 7?). A working day
    or week is no number of hours or days the request gives, so it is not guessed; "38
    hours a week" given says it, and then the clock turns nothing."""
    if not all(
        all(k in {"money", "time"} or k.startswith("#") for k, _ in q.dims) for q in given
    ) or not all(k in {"money", "time"} or k.startswith("#") for k, _ in asked.bottom):
        return False
    if not any(k == "money" for q in given for k, _ in q.dims):
        return False  # "600 jobs per hour, how many a day": things done run by the clock
    factor = math.prod(q.size**s for q, s in zip(given, signs, strict=True)) / asked.size
    return any(
        math.isclose(factor, clock, rel_tol=1e-9) or math.isclose(factor, 1 / clock, rel_tol=1e-9)
        for clock in _CLOCK_FACTORS
    )


def _rate_per_other(rate: Quantity, asked: _Asked) -> tuple[Node, str] | None:
    """ "1,200 requests per minute, how many is that per day": one rate, per another
    period; None for one amount that is no rate, or a rate of amounts whose own size
    would be lost (only things counted and money, of size one, keep it)."""
    top = tuple((name, power) for name, power in rate.dims if power > 0)
    # "16 km per litre" has no amount on top once its units cancel (length over a length
    # cubed): nothing of it is kept per another unit, so none is read.
    if not asked.bottom or not top or len(top) == len(rate.dims):
        return None
    if not all(name.startswith("#") or name == "money" for name, _ in top):
        return None
    return _expression([rate], (1,), replace(asked, top=top))


_LASTS = re.compile(r"\b(?:last|lasts|last\s+for)\b", re.I)
_HOLDS = re.compile(
    r"\b(?:holds|contains|comes\s+with|of)\s*$|\b(?:box|pack|pen|tub|bag|bottle)\s+is\s*$",
    re.I,
)
_BMI = re.compile(r"\b(?:bmi|body\s+mass\s+index)\b", re.I)
_BMI_FIRST = re.compile(
    r"^\s*(?:(?:what(?:'s|\s+is|s)|whats|work\s+out|calculate)\s+)?(?:the\s+|my\s+|his\s+|"
    r"her\s+)?(?P<asked>bmi|body\s+mass\s+index)\s+(?:for|of|at)\s+(?=\S)",
    re.I,
)
# "how many 250 ml glasses can i pour from ...", "how many 330 ml cans in a 24 litre keg":
# things of one size asked first, the amount they come from said after.
_SIZED_FIRST = re.compile(
    r"^\W*(?:so\s+)?(?P<asked>how\s+many\s+\d+(?:\.\d+)?\s*[a-z]+\s+(?:[a-z]+\s+)??[a-z]+s)\b"
    r"(?=[^\d?]*\d)",
    re.I,
)
_EACH_WAY = re.compile(r"\s+(?:each|every)\s+way\b", re.I)
_ONE_WAY_ASKED = re.compile(r"\b(?:each|one|every|either)\s+way\b|\bper\s+trip\b", re.I)


# What people take in by their body weight, a day's amount when no period is said ("1.6 g
# of protein per kg" is a day's protein).
_INTAKES = frozenset(
    (
        *("protein", "proteins", "carbs", "carb", "carbohydrate", "carbohydrates"),
        *("fat", "fats", "fibre", "fiber", "water", "fluid", "fluids"),
    )
)


def _daily_intakes(given: list[Quantity], asked: _Asked) -> list[Quantity]:
    """The amounts with an intake per kg of body weight ("1.6 g of protein per kg") made a
    day's, when the question asks an amount a day and no amount is said for a period."""
    day = _UNITS["day"]
    if asked.bottom != _key(day[0]) or any(dict(q.dims).get("time") for q in given):
        return given
    return [
        replace(q, dims=_key({"time": -1}), size=q.size / day[1])
        if q.noun.lower() in _INTAKES and not q.dims
        else q
        for q in given
    ]


def _both_ways(quantity: Quantity, context: str, task: str) -> Quantity:
    """ "drove 74 miles each way": there and back, twice the amount, unless the question
    asks for one way itself."""
    if not _EACH_WAY.match(context, quantity.end) or _ONE_WAY_ASKED.search(task):
        return quantity
    return replace(quantity, value=Op("*", quantity.value, Num(2, "2")))


# "82kg", "1.78m": an amount written against its unit.
_GLUED_AMOUNT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)([a-z]+)\b", re.I)


def _body_unit_apart(match: re.Match[str]) -> str:
    """ "1.78m" as "1.78 m", where a BMI is asked and the letters are a unit of weight or
    height; other letters are left against the number, and so it is not read."""
    unit = _UNITS.get(match.group(2).lower())
    if unit is None or unit[0] not in (_MASS, _LENGTH):
        return match.group(0)
    return f"{match.group(1)} {match.group(2)}"


def _body_mass_index(given: list[Quantity]) -> tuple[Node, str] | None:
    """The body mass index of one weight and one height: kg over metres squared."""
    mass = [q for q in given if q.dims == _key(_MASS)]
    height = [q for q in given if q.dims == _key(_LENGTH)]
    if len(given) != 2 or len(mass) != 1 or len(height) != 1:
        return None
    kg: Node = mass[0].value if mass[0].size == 1 else Op("*", mass[0].value, _factor(mass[0].size))
    metres: Node = height[0].value
    if height[0].size != 1:
        metres = Op("*", metres, _factor(height[0].size))
    return Op("/", kg, Op("**", metres, Num(2, "2"))), "the body mass index (kg / m\u00b2)"


def _asked_amounts(task: str, asked: _Asked, given: list[Quantity]) -> list[Quantity] | None:
    """The amounts the question itself gives ("how much for 30 eggs"), beside its own
    "per 100" and those the statement gave already ("for those 12 days"); None when one
    of its numbers has no unit."""
    blank = task[: asked.span[0]] + " " * (asked.span[1] - asked.span[0]) + task[asked.span[1] :]
    found = _quantities(blank)
    if found is None:
        return None
    said = {(_value(q.value), q.dims) for q in given}
    return [q for q in found if (_value(q.value), q.dims) not in said]


def _scaled(expression: Node, size: float) -> Node:
    """``expression`` times ``size`` (a ratio of unit sizes), said as a division where the
    size is a whole fraction ("/ 60", not "* 0.01666")."""
    if abs(size - 1) <= 1e-12:
        return expression
    if size < 1 and abs(1 / size - round(1 / size)) < 1e-9:
        return Op("/", expression, _factor(1 / size))
    return Op("*", expression, _factor(size))


def _keeps_own_unit(given: list[Quantity], signs: tuple[int, ...], asked: _Asked) -> bool:
    """Whether the answer, when no unit is asked ("cost per day?"), can keep the unit its
    amounts are given in. An amount said as a rate ("140 g a day") has no unit of its own to
    keep, so the answer is then read only in money, the one unit of one size (with the
    rate's grams over the bag's kilograms converted: "11.49 a 2.8 kg bag, 140 g a day"
    is 0.57 a day, not 11.49 * 140 / 2.8)."""
    if asked.top is not None:
        return True
    rates = [q for q, s in zip(given, signs, strict=True) if s == 1 and len(q.dims) > 1]
    if not rates:
        return True
    dims: Counter[str] = Counter()
    for quantity, sign in zip(given, signs, strict=True):
        for name, power in quantity.dims:
            dims[name] += sign * power
    return {k for k, v in dims.items() if v and k not in dict(asked.bottom)} == {"money"}


def _expression(given: list[Quantity], signs: tuple[int, ...], asked: _Asked) -> tuple[Node, str]:
    top = _product([q.value for q, s in zip(given, signs, strict=True) if s == 1])
    bottom = _product([q.value for q, s in zip(given, signs, strict=True) if s == -1])
    assert top is not None
    expression: Node = top if bottom is None else Op("/", top, bottom)
    multiplied = [q for q, s in zip(given, signs, strict=True) if s == 1]
    if asked.top is None and all(len(q.dims) == 1 for q in multiplied):
        # "per hectare" of 38.4 tonnes: the amounts multiplied keep their own unit.
        size = math.prod(1 / q.size for q, s in zip(given, signs, strict=True) if s == -1)
        size /= asked.size
    else:
        size = math.prod(q.size**s for q, s in zip(given, signs, strict=True)) / asked.size
    expression = _scaled(expression, size)
    amount = _value(expression)
    if asked.thing in _CONTAINERS and abs(amount - round(amount)) > 1e-9:
        return Call("ceil", (expression,)), f"whole {asked.thing}s needed"
    return expression, "the amount asked, from the units of the amounts given"


# "510 minutes", "4.5 km": a number and the word after it.
_NUMBER_AND_WORD = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s*([a-z]+)", re.I)
# A word, with what follows its apostrophe ("what's", not "what" and an "s" of seconds).
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?", re.I)
# A figure of all the amounts: their total or their average.
_FIGURE_OF_ALL = re.compile(
    r"\b(?:total|sum|altogether|in\s+all|combined|average|mean|overall)\b", re.I
)


def unit_asked_apart(context: str, task: str) -> tuple[str, str] | None:
    """The unit every number stated is in and a unit of the same kind the task asks instead,
    or None: "mon 510 minutes, tue 450 minutes. total hours?" gives ("minutes", "hours").
    A total of minutes is no total of hours; summed as they are, it would be a wrong answer
    in the unit asked."""
    stated = [_UNITS.get(w.lower()) for w in _NUMBER_AND_WORD.findall(context)]
    if len(stated) < 2 or any(u is None for u in stated) or not _FIGURE_OF_ALL.search(task):
        # One amount asked in another unit is a conversion, which the formulas make.
        return None
    given = {(_key(u[0]), u[1]) for u in stated if u is not None}
    if len(given) != 1:
        return None
    ((dims, size),) = given
    for word in _WORD.findall(task):
        unit = _UNITS.get(word.lower())
        if unit is not None and _key(unit[0]) == dims and unit[1] != size:
            given_word = _NUMBER_AND_WORD.findall(context)[0]
            return given_word, word
    return None


# Which money an amount is in, by the sign before it or the word after it.
_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<sign>[$\u20ac\u00a3\u00a5\u20b9])|\b(?P<code>usd|eur|gbp|chf|aud|jpy|inr))\s*$", re.I
)
_CURRENCY_AFTER = re.compile(r"\s*(?:(?P<sign>[$\u20ac\u00a3\u00a5\u20b9])|(?P<word>[a-z]+))", re.I)
_CURRENCIES = {
    "$": "dollar", "dollar": "dollar", "dollars": "dollar", "bucks": "dollar", "usd": "dollar",
    "\u20ac": "euro", "euro": "euro", "euros": "euro", "eur": "euro",
    "\u00a3": "pound", "pound": "pound", "pounds": "pound", "quid": "pound", "gbp": "pound",
    "\u00a5": "yen", "yen": "yen", "jpy": "yen", "\u20b9": "rupee", "rupees": "rupee",
    "inr": "rupee", "chf": "franc", "francs": "franc", "aud": "australian dollar",
}  # fmt: skip


def _currency(text: str, quantity: Quantity) -> tuple[str, str]:
    """The money ``quantity`` is in ("40 euros", "£30"), or "" when not said or when it is
    no money, and the amount as said."""
    said = text[quantity.start : quantity.end]
    if len(quantity.dims) == 1 and quantity.dims[0][0].startswith("#"):
        # "40 euros": read as euros counted
        thing = quantity.dims[0][0][1:]
        return _CURRENCIES.get(thing, _CURRENCIES.get(f"{thing}s", "")), said
    if quantity.dims != _key(_MONEY_DIMS):
        return "", said
    before = _CURRENCY_BEFORE.search(text[: quantity.start])
    if before:
        return _CURRENCIES[(before.group("sign") or before.group("code")).lower()], (
            text[before.start() : quantity.end].strip()
        )
    after = _CURRENCY_AFTER.match(text, quantity.end)
    word = (after.group("sign") or after.group("word") or "").lower() if after else ""
    return _CURRENCIES.get(word, ""), said


def _counted(dims: tuple[tuple[str, int], ...]) -> bool:
    """Whether amounts of ``dims`` are things counted ("6 eggs", "4 of us")."""
    if len(dims) != 1 or dims[0][1] != 1:
        return False
    return dims[0][0].startswith("#") or dims[0][0] == "person"


def kinds_apart(text: str, values: Collection[float]) -> tuple[str, str] | None:
    """Two amounts ``text`` gives, of the ``values`` joined, that no total or average joins,
    as said, or None: of two measures ("2 kg of potatoes, 1.5 litres of milk"), a measure
    and things counted ("250 g sugar and 3 eggs"), two moneys ("40 euros, 25 dollars"), a
    price per unit and an amount ("312 kWh at 24.5p per kWh"). Things counted are joined
    ("3 apples and 2 pears" are 5 fruit); a number with no unit, or money with no currency
    said ("sold 30"), is no kind said; a number not joined ("my last 5 intervals") is none
    of the values."""
    text = _plain_units(text)
    tokens = _tokens(text)
    seen: list[tuple[str, tuple[tuple[str, int], ...], float, str]] = []
    i = 0
    while i < len(tokens):
        read = _read_quantity(text, tokens, i) if tokens[i].kind == "num" else None
        if read is None:
            i += 1
            continue
        quantity, i = read
        money, said = _currency(text, quantity)
        dims = _key(_MONEY_DIMS) if money else quantity.dims
        if _value(quantity.value) not in values or (dims == _key(_MONEY_DIMS) and not money):
            continue
        for other, other_dims, size, currency in seen:
            if currency and money:
                joined = currency == money
            else:
                joined = (_counted(dims) and _counted(other_dims)) or (
                    dims == other_dims and size == quantity.size
                )
            if not joined:
                return other, said
        seen.append((said, dims, quantity.size, money))
    return None
