"""An earlier step's amount counted in portions of a size: bags, scoops, tins.

"How many 60 L bags is the result of step s1 (How many litres of soil)": the step's result
is in the unit its title asks for (litres), so it is divided by the size of one bag, with
the units converted between ("how many 25 kg sacks" of a result in tonnes). "How many 25 g
scoops would cover half of the result of step s1 (How many grams a day)" takes that share
of it first. Read only when the title names a unit of the same kind as the portion's and
the question gives no other number; containers bought whole are rounded up unless the
request says to just divide.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.quantities import CONTAINERS, NOT_ROUNDED, singular, unit_of
from orchestra.agents.analyst.wording import Call, Name, Node, Num, Op

__all__ = ["read_result_in_portions"]

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
    r"\bhow\s+(?:many|much)\s+(?P<many>[a-z]+\d?)\b|\b(?:in|into)\s+(?P<into>[a-z]+\d?)\b",
    re.I,
)


def _title_unit(title: str) -> tuple[tuple[tuple[str, int], ...], float] | None:
    units = {
        unit
        for match in _TITLE_UNIT.finditer(title)
        if (unit := unit_of(match.group("many") or match.group("into"))) is not None
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
