"""A fee taken as a share of an amount, with VAT charged on the fee, and what is left.

"licensing fee is 12% of box office, box office was 6,250. fee and whats left": the fee is
12% of the amount, 6,250 * 12 / 100, and what is left is the amount less the fee; "pitch
fee is 650 plus 15% of our takings. took 4,820" adds the flat 650 to the share; "putting
28% aside for tax" is a share set aside the same way. Each is given in the order asked,
only when the amount is the one number besides the rate (and the flat part).

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

__all__ = ["read_fee_plus_vat", "read_share_taken"]

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
# "takes 28% commission", "keeps 15%", "fee is 12% of box office", "putting 28% aside",
# "pitch fee is 650 plus 15% of our takings": a share taken, with a flat part before it.
_SHARE_TAKEN = re.compile(
    rf"\b(?:(?:takes?|keeps?|charges?)\s+(?:a\s+)?(?P<rate>{_RATE})\s*%"
    rf"|(?:fee|commission|cut)\s+(?:is|of)\s+(?:(?P<flat>{_RATE})\s+(?:plus|\+)\s+)?"
    rf"(?P<rate_of>{_RATE})\s*%\s+of\b"
    rf"|(?:putting|put|setting|set)\s+(?P<rate_aside>{_RATE})\s*%\s+aside\b)",
    re.I,
)
_ASKS_TAKEN = re.compile(
    r"\b(?:(?:agent'?s?|agency|their|the|app'?s?)\s+)?(?:fee|commission|cut)\b(?!\s+is\b)"
    r"|\bhow\s+much\s+to\s+(?:put|set)\s+aside\b"
    r"|\bwhat\s+(?:do|does|will)\s+(?:i|we)\s+pay\b"
    r"|\bhow\s+much\s+(?:do|does|will)\s+(?:the\s+)?[a-z]+\s+get\b",
    re.I,
)
_ASKS_KEPT = re.compile(
    r"\bwhat\s+(?:(?:do|will|would)\s+)?(?:i|we)\s+(?:actually\s+)?(?:get|keep|receive|end\s+up\s+with)\b"
    r"|\bwhat'?s\s+left\b|\bwhats\s+left\b|\bhow\s+much\s+(?:do|will)\s+(?:i|we)\s+(?:actually\s+)?"
    r"(?:get|keep)\b",
    re.I,
)
_KEPT_FILLER = re.compile(
    r"\b(?:what(?:'s|s)?|whats|is|the|and|it|that|so|then|in|after|commission|fees?|for|"
    r"total|to|organisers|festival|them|they|how|much|do|does|we|i|us|me)\b|[^\w\s]",
    re.I,
)


def read_share_taken(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """The share taken of an amount (and a flat part), and what is left, in the order
    asked; None unless the amount is the one other number and the question asks nothing
    else."""
    if context is None or _FEE_PLUS_VAT.search(f"{context} {task}"):
        return None
    taken = _SHARE_TAKEN.search(context)
    if taken is None or _ANY_NUMBER.search(task) or _OTHER_PERIOD.search(task):
        return None
    if len(_SHARE_TAKEN.findall(context)) != 1 or re.search(r"%", context[taken.end() :]):
        return None  # two shares: one on the other, or added?
    rest = context[: taken.start()] + " " + context[taken.end() :]
    amounts = _AMOUNT.findall(rest)
    flat_text = taken.group("flat")
    if len(amounts) != 1 or len(_ANY_NUMBER.findall(context)) != (3 if flat_text else 2):
        return None
    asks_taken, asks_kept = _ASKS_TAKEN.search(task), _ASKS_KEPT.search(task)
    if asks_taken is not None and re.search(r"\bafter\s+$", task[: asks_taken.start()], re.I):
        asks_taken = None  # "what do we get after commission": the commission is not asked
    if asks_taken is None and asks_kept is None:
        return None
    if _KEPT_FILLER.sub(" ", _ASKS_KEPT.sub(" ", _ASKS_TAKEN.sub(" ", task))).strip():
        return None  # something else asked too
    plain = amounts[0].replace(",", "")
    whole = Num(float(plain), plain)
    rate = taken.group("rate") or taken.group("rate_of") or taken.group("rate_aside")
    share: Node = Op("*", whole, Op("/", Num(float(rate), rate), Num(100, "100")))
    if flat_text:
        share = Op("+", Num(float(flat_text), flat_text), share)
    asked: list[tuple[int, Node, str]] = []
    if asks_taken is not None:
        asked.append((asks_taken.start(), share, "the share taken"))
    if asks_kept is not None:
        asked.append((asks_kept.start(), Op("-", whole, share), "what is left after it"))
    return [(node, label) for _, node, label in sorted(asked, key=lambda a: a[0])]


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
