"""An earlier step's amount counted in portions of a size: bags, scoops, tins.

"How many 60 L bags is the result of step s1 (How many litres of soil)": the step's result
is in the unit its title asks for (litres), so it is divided by the size of one bag, with
the units converted between ("how many 25 kg sacks" of a result in tonnes). "How many 25 g
scoops would cover half of the result of step s1 (How many grams a day)" takes that share
of it first. Read only when the title names a unit of the same kind as the portion's and
the question gives no other number; containers bought whole are rounded up unless the
request says to just divide. "What's the result of step s1 (How many days between ...) in
weeks" is that result in the other unit, read so only when the title names a unit of the
same kind.
"""

from __future__ import annotations

import re
from itertools import pairwise

from orchestra.agents.analyst.quantities import CONTAINERS, NOT_ROUNDED, singular, unit_of
from orchestra.agents.analyst.wording import Call, Name, Node, Num, Op

__all__ = [
    "read_result_at_rate",
    "read_result_in_portions",
    "read_result_in_unit",
    "read_result_lasting",
    "without_result_unit",
]

# "how many 60 L bags is ⟨s1⟩", "how many 25 g scoops of whey would cover half of ⟨s1⟩".
_PORTIONS = re.compile(
    r"\bhow\s+many\s+(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+\d?)\s+(?P<things>[a-z]+s)\b"
    r"(?P<between>[^\d\u27e8\u27e9?]{0,40}?)\s*"
    r"(?:\b(?P<share>half|a\s+third|a\s+quarter|two\s+thirds|three\s+quarters)\s+of\s+)?"
    r"\u27e8(?P<step>[^\u27e9]+)\u27e9(?P<rest>[^\d\u27e8]*)$",
    re.I,
)
# Words that may join the portions asked to the amount: "is", "of whey would cover".
_JOINING = re.compile(
    r"^(?:\s*(?:of\s+[a-z]+|is|are|would|will|do|does|i|we|need|needed|to|cover|make|"
    r"make\s+up|fill|for|in|hold|that))*\s*$",
    re.I,
)
_SHARES = {
    "half": (1, 2),
    "a third": (1, 3),
    "a quarter": (1, 4),
    "two thirds": (2, 3),
    "three quarters": (3, 4),
}
# The unit a step's title asks for: "How many litres of soil", "the volume in m3".
_TITLE_UNIT = re.compile(
    r"\bhow\s+(?:many|much)\s+(?P<many>[a-z]+\d?)\b|\b(?:in|into)\s+(?P<into>[a-z]+\d?)\b"
    # "Convert to litres": the unit converted to.
    r"|\bconvert\b[^.?!]*?\bto\s+(?P<to>[a-z]+\d?)\b",
    re.I,
)


def _title_unit(title: str) -> tuple[tuple[tuple[str, int], ...], float] | None:
    units = {
        unit
        for match in _TITLE_UNIT.finditer(title)
        if (unit := unit_of(match.group("many") or match.group("into") or match.group("to")))
        is not None
    }
    if not units:
        listed = _listed_unit(title)
        return None if listed is None else unit_of(listed)
    return units.pop() if len(units) == 1 else None


# "Average of my hikes 14.2 km, 18.6 km, 11.9 km", "Total the runs 5.2, 6.8 and 7.5 km": a
# figure that keeps the unit of the values it is of (not a count, a spread or a share).
_FIGURE_OF_LIST = re.compile(
    r"^\s*(?:(?:what(?:'s|\s+is)|work\s+out|find|get|give\s+me)\s+)?(?:the\s+)?"
    r"(?:average|mean|median|total|sum|add\s+up|highest|lowest|max(?:imum)?|min(?:imum)?)\b",
    re.I,
)
_LISTED_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d.,]\d)", re.I)
_UNIT_AFTER = re.compile(r"\s*(?P<unit>[a-z]+\d?)\b", re.I)
_LIST_JOIN = re.compile(r"^\s*(?:,|/|&|\band\b)?\s*(?:\band\b)?\s*$", re.I)


def _listed_unit(title: str) -> str | None:
    """The unit of every value a title takes a figure of, written after each value or once
    after the last one ("5.2, 6.8, 4.5 and 7.5 km"); None when the title was cut short, is
    no figure of a list, or its values are in different units, or some in none."""
    if "\u2026" in title or not _FIGURE_OF_LIST.match(title):
        return None
    numbers: list[tuple[int, int, str | None]] = []
    for number in _LISTED_NUMBER.finditer(title):
        unit = _UNIT_AFTER.match(title, number.end())
        if unit is not None and unit_of(unit.group("unit")) is not None:
            numbers.append((number.start(), unit.end(), unit.group("unit")))
        else:
            numbers.append((number.start(), number.end(), None))
    if len(numbers) < 2 or title[numbers[-1][1] :].strip(" .?!"):
        return None  # the list is not the title's end: more is said after it
    for before, after in pairwise(numbers):
        if not _LIST_JOIN.match(title[before[1] : after[0]]):
            return None
    said = [unit for _, _, unit in numbers]
    last = said[-1]
    if last is None:
        return None
    if any(unit is not None and unit_of(unit) != unit_of(last) for unit in said):
        return None
    if any(unit is None for unit in said[:-1]) and any(unit is not None for unit in said[:-1]):
        return None  # "5 km, 6, 7 km": some values said with the unit and some without
    return last


def read_result_in_portions(text: str, titles: dict[str, str]) -> tuple[Node, str] | None:
    """``text`` (a task with earlier results marked) asking how many portions of a size an
    earlier step's amount makes, as that result (or a share of it) over one portion's
    size; None unless the step's title says its unit, of the portion's kind."""
    asked = _PORTIONS.search(text)
    if asked is None or not _JOINING.match(asked.group("between")):
        return None
    if asked.group("rest").count("\u27e8") or re.search(r"[a-z]", _rounding_removed(asked)):
        return None  # more asked after the amount than how it is to be rounded
    step = asked.group("step")
    portion = unit_of(asked.group("unit"))
    result = _title_unit(titles.get(step, ""))
    if portion is None or result is None or portion[0] != result[0]:
        return None
    amount: Node = Name(step)
    share = asked.group("share")
    if share:
        top, bottom = _SHARES[re.sub(r"\s+", " ", share.lower())]
        part = amount if top == 1 else Op("*", amount, Num(top, str(top)))
        amount = Op("/", part, Num(bottom, str(bottom)))
    ratio = result[1] / portion[1]
    if abs(ratio - 1) > 1e-12:
        text_ratio = f"{round(ratio):d}" if abs(ratio - round(ratio)) < 1e-9 else f"{ratio:.12g}"
        amount = Op("*", amount, Num(ratio, text_ratio))
    size = asked.group("size")
    expression: Node = Op("/", amount, Num(float(size), size))
    thing = singular(asked.group("things"))
    if thing in CONTAINERS and not NOT_ROUNDED.search(text):
        return Call("ceil", (expression,)), f"whole {thing}s needed"
    return expression, f"{asked.group('things')} of {size} {asked.group('unit')} in step {step}'s"


def _rounding_removed(asked: re.Match[str]) -> str:
    """What the question says after the amount, without how to round it."""
    left = NOT_ROUNDED.sub(" ", asked.group("rest"))
    return re.sub(r"\b(?:up|down|it|myself|later|please)\b|[().,!;\s]+", " ", left).strip()


# "what's ⟨s1⟩ in weeks", "convert ⟨s1⟩ to miles", "how many weeks is ⟨s1⟩": the result alone,
# in another unit.
_RESULT_IN = re.compile(
    r"^\s*(?:(?:and\s+)?(?:what(?:'s|\s+is|\s+are)|convert|express|give|show)\s+)?(?:that\s+is\s+)?"
    r"\u27e8(?P<step>[^\u27e9]+)\u27e9\s*,?\s*(?:(?:is|as)\s+)?(?:in|into|to|as)\s+(?:decimal\s+)?"
    r"(?P<unit>[a-z]+\d?)\s*[?.!]*\s*$"
    r"|^\s*(?:and\s+)?how\s+many\s+(?P<many>[a-z]+\d?)\s+(?:is|are)\s+(?:that\s+is\s+)?"
    r"\u27e8(?P<other>[^\u27e9]+)\u27e9\s*[?.!]*\s*$",
    re.I,
)


def read_result_in_unit(text: str, titles: dict[str, str]) -> tuple[Node, str] | None:
    """``text`` (a task with earlier results marked) asking an earlier step's amount in
    another unit of the same kind as the one its title asks for ("what's ⟨s1⟩ in weeks" of
    "How many days between ..."), as that result times the ratio of the units; None unless
    the title says the unit and the task asks nothing more."""
    asked = _RESULT_IN.match(text)
    if asked is None:
        return None
    step = asked.group("step") or asked.group("other")
    word = asked.group("unit") or asked.group("many")
    target = unit_of(word)
    result = _title_unit(titles.get(step, ""))
    if target is None or result is None or target[0] != result[0]:
        return None
    ratio = result[1] / target[1]
    if abs(ratio - 1) < 1e-12:
        return None  # asked in the unit it is in: no conversion to read
    text_ratio = f"{round(ratio):d}" if abs(ratio - round(ratio)) < 1e-9 else f"{ratio:.12g}"
    if ratio < 1 and abs(1 / ratio - round(1 / ratio)) < 1e-9:
        factor = round(1 / ratio)
        return Op("/", Name(step), Num(factor, str(factor))), f"step {step}'s result in {word}"
    return Op("*", Name(step), Num(ratio, text_ratio)), f"step {step}'s result in {word}"


# "work out a 20% water change in litres. Use ⟨s1⟩": the unit a result is asked in.
_ASKED_IN = re.compile(r"\s*,?\s+in\s+(?P<unit>[a-z]+\d?)\b(?=\s*[?.!]|\s*$)", re.I)


def without_result_unit(text: str, titles: dict[str, str]) -> str:
    """``text`` (a task with earlier results marked) without "in litres" when every earlier
    result it works on is in that unit already, as its step's title says ("Convert to
    litres"): arithmetic on the result keeps its unit, and nothing is left to convert. Any
    other unit asked is left for the reader to refuse."""
    steps = re.findall(r"\u27e8([^\u27e9]+)\u27e9", text)
    asked = list(_ASKED_IN.finditer(text))
    if not steps or len(asked) != 1:
        return text
    wanted = unit_of(asked[0].group("unit"))
    units = [_title_unit(titles.get(step, "")) for step in steps]
    if wanted is None or any(unit is None or unit != wanted for unit in units):
        return text
    return text[: asked[0].start()] + text[asked[0].end() :]


# "work out the allowance at £0.45 a mile. Use ⟨s1⟩.": an earlier amount priced at a rate
# per one of its units, the rate the task's only number.
_RESULT_AT_RATE = re.compile(
    r"^(?P<lead>[^\d\u27e8]*?)\bat\s+[$\u20ac\u00a3]?(?P<rate>\d+(?:\.\d+)?)\s+"
    r"(?:a|an|per|each)\s+(?P<unit>[a-z]+)\s*[.?!]?\s*(?:use\s+)?"
    r"\u27e8(?P<step>[^\u27e9]+)\u27e9\s*[.?!]?\s*$",
    re.I,
)


# "what would ⟨s1⟩ cost to fill at 1.52 a litre", "work out his dose at 0.5 mg per kg. Use
# ⟨s1⟩", "how many litres of compost at 40 l per m2. Use ⟨s1⟩": an earlier amount at a rate
# per its unit, the rate said as an amount of another unit ("mg") or of money.
_RESULT_AT_UNIT_RATE = re.compile(
    r"^(?P<lead>[^\d\u27e8\u27e9]*?(?:\u27e8(?P<inner>[^\u27e9]+)\u27e9[^\d\u27e8\u27e9]*?)?)"
    r"\bat\s+[$\u20ac\u00a3]?(?P<rate>\d+(?:\.\d+)?)\s+(?:(?P<top>[a-z]+\d?)\s+)?"
    r"(?:a|an|per|each)\s+(?P<unit>[a-z]+\d?)\s*[.?!]?\s*"
    r"(?:(?:use\s+)?\u27e8(?P<step>[^\u27e9]+)\u27e9\s*[.?!]?)?\s*$",
    re.I,
)
# What the lead of such a request may ask: the cost, a price, a dose or an amount.
_AT_RATE_ASKED = re.compile(
    r"^\s*(?:(?:and\s+)?(?:then\s+)?(?:work\s+out|what(?:'s|\s+is)|find|give\s+me)\s+)?"
    r"(?:(?:what\s+(?:would|does|will|do)\s+\u27e8[^\u27e9]+\u27e9\s+cost(?:\s+to\s+(?:fill|buy))?)"
    r"|(?:(?:the|his|her|its|their|my|our)\s+)?(?:cost|price|dose|bill)"
    r"|how\s+many\s+(?P<many>[a-z]+\d?)(?:\s+of\s+[a-z]+)?)\s*$",
    re.I,
)


def _read_result_at_unit_rate(text: str, titles: dict[str, str]) -> tuple[Node, str] | None:
    """An earlier amount priced or scaled at a rate per the unit its title says it is in
    ("How many litres is that", "Average of 28.4, 27.9 kg"): the amount times the rate;
    None unless the one earlier result is named once, the question is a cost, price, dose
    or an amount of the rate's own unit, and the title's unit is the rate's."""
    asked = _RESULT_AT_UNIT_RATE.match(text.strip())
    if asked is None or (asked.group("inner") is None) == (asked.group("step") is None):
        return None
    lead = asked.group("lead")
    question = _AT_RATE_ASKED.match(lead)
    if question is None or ("\u27e8" in lead) != lead.lower().lstrip().startswith(
        ("what would", "what does", "what will", "what do")
    ):
        return None
    step = asked.group("inner") or asked.group("step")
    top = asked.group("top")
    if top is not None and unit_of(top) is None:
        return None  # "at 2.40 a litre" is money; "at 0.5 mg per kg" a unit over a unit
    many = question.group("many")
    if many is not None and (top is None or unit_of(many) != unit_of(top)):
        return None  # "how many days ... at 0.65 kg a day" asks another figure
    per, result = unit_of(asked.group("unit")), _title_unit(titles.get(step, ""))
    if per is None or result is None or per != result:
        return None
    rate = asked.group("rate")
    said = f"at {rate} {top + ' ' if top else ''}a {asked.group('unit')}"
    return Op("*", Name(step), Num(float(rate), rate)), said


# "how many days does that last at 0.65 kg a day. Use ⟨s1⟩": an earlier amount used up at
# a rate of its own unit per period.
_RESULT_LASTS = re.compile(
    r"^\s*(?:and\s+)?(?:then\s+)?how\s+many\s+(?P<periods>[a-z]+)\s+(?:does|will|would)\s+"
    r"(?:\u27e8(?P<inner>[^\u27e9]+)\u27e9|that|it|this)\s+last(?:\s+(?:me|us|him|her|them))?"
    r"\s+at\s+(?P<rate>\d+(?:\.\d+)?)\s*(?P<top>[a-z]+\d?)\s+(?:a|an|per|each)\s+"
    r"(?P<per>[a-z]+)\s*[.?!]?\s*(?:(?:use\s+)?\u27e8(?P<step>[^\u27e9]+)\u27e9\s*[.?!]?)?\s*$",
    re.I,
)
_PERIODS = frozenset({"hour", "day", "week", "fortnight", "month", "year"})


def read_result_lasting(text: str, titles: dict[str, str]) -> tuple[Node, str] | None:
    """ "how many days does ⟨s1⟩ last at 0.65 kg a day" of a total in kg: that amount over
    the rate; None unless the earlier result is named once, the periods asked are the
    rate's and the rate's amount is in the unit the step's title says its result is in."""
    asked = _RESULT_LASTS.match(text.strip())
    if asked is None or (asked.group("inner") is None) == (asked.group("step") is None):
        return None
    period = asked.group("per").lower()
    if period not in _PERIODS or singular(asked.group("periods").lower()) != period:
        return None
    step = asked.group("inner") or asked.group("step")
    used, result = unit_of(asked.group("top")), _title_unit(titles.get(step, ""))
    if used is None or result is None or used != result:
        return None
    rate = asked.group("rate")
    return Op("/", Name(step), Num(float(rate), rate)), f"{period}s at {rate} a {period}"


def read_result_at_rate(text: str, titles: dict[str, str]) -> tuple[Node, str] | None:
    """ "add up my mileage this week 42, 67, 38 then work out the allowance at 45p a mile":
    the earlier step's amount times the rate for each of its units; None unless the step's
    title names that unit ("mileage", "miles", "how many km") and the rate is the task's
    only number."""
    asked = _RESULT_AT_RATE.search(text.strip())
    if asked is None:
        return _read_result_at_unit_rate(text, titles)
    unit = asked.group("unit").lower()
    title = titles.get(asked.group("step"), "").lower()
    if not any(_names_unit(word, unit) for word in re.findall(r"[a-z]+", title)):
        return None
    rate = asked.group("rate")
    return Op("*", Name(asked.group("step")), Num(float(rate), rate)), f"at {rate} a {unit}"


def _names_unit(word: str, unit: str) -> bool:
    """Whether ``word`` of a title says its amount is in ``unit``: "miles", "mileage" of a
    mile, "km" of a kilometre."""
    if word in {unit, f"{unit}s", f"{unit}es", f"{unit}age"}:
        return True
    known, said = unit_of(word), unit_of(unit)
    return known is not None and known == said
