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

from orchestra.agents.analyst.quantities import CONTAINERS, NOT_ROUNDED, singular, unit_of
from orchestra.agents.analyst.wording import Call, Name, Node, Num, Op

__all__ = [
    "read_result_at_rate",
    "read_result_in_portions",
    "read_result_in_unit",
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
    return units.pop() if len(units) == 1 else None


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


def read_result_at_rate(text: str, titles: dict[str, str]) -> tuple[Node, str] | None:
    """ "add up my mileage this week 42, 67, 38 then work out the allowance at 45p a mile":
    the earlier step's amount times the rate for each of its units; None unless the step's
    title names that unit ("mileage", "miles", "how many km") and the rate is the task's
    only number."""
    asked = _RESULT_AT_RATE.search(text.strip())
    if asked is None:
        return None
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
