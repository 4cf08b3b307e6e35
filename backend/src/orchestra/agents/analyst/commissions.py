"""A fee taken as a share of an amount, with VAT charged on the fee, and what is left.

"rent is 975 pcm, agent takes 12% plus 20% vat on their fee. agent fee and what i get each
month": the fee is 12% of the rent with 20% VAT on top of it, 975 * 12 / 100 * (1 + 20 /
100), and what is left is the rent less that fee; each is given in the order asked. VAT
said with a fee is VAT on the fee: it is the agent's charge that VAT is due on, not the
rent.

It is read only when the statement says the one rate "plus VAT" (at its own rate), the
amount it is taken of is the one other number, and the question asks the fee, what is
left, or both, for the amount's own period (no "a year" of a monthly rent).
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_fee_plus_vat"]

_RATE = r"\d+(?:\.\d+)?"
# "takes 12% plus vat at 20%", "takes 12% + 20% vat on their fee", "fee is 10% + vat at 20%".
_FEE_PLUS_VAT = re.compile(
    rf"\b(?:takes?|charges?|fee\s+(?:is|of))\s+(?P<rate>{_RATE})\s*%\s*(?:\+|plus)\s*"
    rf"(?:vat\s+(?:at\s+)?(?P<vat>{_RATE})\s*%|(?P<vat_first>{_RATE})\s*%\s+vat)"
    r"(?:\s+(?:on|of)\s+(?:the|their|its|his|her|that)\s+fee)?",
    re.I,
)
# An amount whole: "6,250." at a sentence's end, never its "6" alone.
_AMOUNT = re.compile(
    r"(?<![\w.,])[$\u00a3\u20ac]?(?P<amount>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?![\w%]|[.,]\d)"
)
_ANY_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_ASKS_FEE = re.compile(
    r"\b(?:(?:agent'?s?|agency|their|the)\s+)?(?:fee|commission|cut)\b|"
    r"\bwhat\s+(?:do|does|will|would)\s+(?:they|the\s+agent|the\s+agency|it)\s+(?:take|charge|get)\b",
    re.I,
)
_ASKS_LEFT = re.compile(
    r"\bwhat\s+(?:(?:do|will|would)\s+)?(?:i|we)\s+(?:actually\s+)?(?:get|keep|receive|end\s+up\s+with)\b|"
    r"\bwhat'?s\s+left\b|\bhow\s+much\s+(?:do|will)\s+(?:i|we)\s+(?:actually\s+)?(?:get|keep)\b",
    re.I,
)
# A period the question asks that the amount may not be said for.
_OTHER_PERIOD = re.compile(
    r"\b(?:year|yearly|annual|annually|week|weekly|day|daily|total|altogether)\b", re.I
)


def read_fee_plus_vat(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """The fee with VAT on it and what is left of the amount, in the order asked; None
    unless the request is as the module says."""
    if context is None:
        return None
    said = f"{context} {task}"
    fee = _FEE_PLUS_VAT.search(said)
    if fee is None or _ANY_NUMBER.search(task) or _OTHER_PERIOD.search(task):
        return None
    rest = said[: fee.start()] + " " + said[fee.end() :]
    amounts = _AMOUNT.findall(rest)
    if len(amounts) != 1 or len(_ANY_NUMBER.findall(said)) != 3:
        return None
    asks_fee = _ASKS_FEE.search(task)
    asks_left = _ASKS_LEFT.search(task)
    if asks_fee is None and asks_left is None:
        return None
    plain = amounts[0].replace(",", "")
    whole = Num(float(plain), plain)
    rate, vat = fee.group("rate"), fee.group("vat") or fee.group("vat_first")
    charged = Op(
        "*",
        Op("*", whole, Op("/", Num(float(rate), rate), Num(100, "100"))),
        Op("+", Num(1, "1"), Op("/", Num(float(vat), vat), Num(100, "100"))),
    )
    asked: list[tuple[int, Node, str]] = []
    if asks_fee is not None:
        asked.append((asks_fee.start(), charged, "the fee with VAT on it"))
    if asks_left is not None:
        asked.append((asks_left.start(), Op("-", whole, charged), "what is left after the fee"))
    return [(node, label) for _, node, label in sorted(asked, key=lambda a: a[0])]
