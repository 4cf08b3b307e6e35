"""Gift Aid: what a charity claims on top of donations, and the total with it.

"raised 2,460 and 65% of it is gift aid eligible, gift aid adds 25%. how much gift aid, and
the total with it": the claim is the eligible part of the donations times the Gift Aid
rate, 2,460 * 65 / 100 * 25 / 100, and the total is the donations plus the claim; each is
given in the order asked. "adds 25p per £1" is a rate of 25%. Without a share said, the
donations are eligible only when the request says so ("ticked gift aid", "all of it is
gift aided").

It is read only when the request names Gift Aid, says its rate (the rate is not assumed),
gives one amount of donations (and at most the eligible share), and the question asks the
claim, the total, or both, and nothing else.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_gift_aid"]

_N = r"\d+(?:\.\d+)?"
_GIFT_AID = re.compile(r"\bgift[\s-]+aid", re.I)
# "gift aid adds 25%", "we claim 25% on top", "adds 25p per £1".
_RATE = re.compile(
    rf"\b(?:adds|add|claim|claims|worth)\s+(?:an?\s+(?:extra|further)\s+)?(?P<rate>{_N})\s*%"
    rf"|\badds\s+(?P<pence>{_N})\s*p\s+(?:per|for\s+every|on\s+every|on\s+each|for\s+each)\s+"
    r"\u00a3\s*1\b(?!\.\d|\d)",
    re.I,
)
# "65% of it is gift aid eligible", "70% of it was gift aided".
_ELIGIBLE = re.compile(
    rf"(?<![\w.])(?P<share>{_N})\s*%\s+of\s+(?:it|that|them|the\s+donations|those)\s+"
    r"(?:is|was|were|are)\s+(?:gift[\s-]+aid(?:ed)?(?:\s+eligible)?|eligible)\b",
    re.I,
)
# Said of all the donations: "ticked gift aid", "all of it is gift aided".
_ALL_ELIGIBLE = re.compile(
    r"\bticked\s+(?:the\s+)?gift[\s-]+aid|\ball\s+(?:of\s+(?:it|them)\s+)?(?:is|was|were|are)\s+"
    r"gift[\s-]+aid(?:ed)?(?:\s+eligible)?\b",
    re.I,
)
# An amount whole: "1,480." at a sentence's end, never its "1" alone.
_AMOUNT = re.compile(
    r"(?<![\w.,])[$\u00a3\u20ac]?(?P<amount>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?![\w%]|[.,]\d)"
)
_ASKS_CLAIM = re.compile(
    r"\bhow\s+much\s+(?:is\s+(?:the\s+)?)?(?:extra\s+(?:from\s+)?)?gift[\s-]+aid\b(?:\s+is\s+that)?"
    r"|\bhow\s+much\s+(?:can|do|will|could)\s+(?:we|i|they)\s+claim\b"
    r"|\bhow\s+much\s+extra(?:\s+from\s+gift[\s-]+aid)?\b",
    re.I,
)
_ASKS_TOTAL = re.compile(
    r"\b(?:the\s+)?(?:new\s+)?total(?:\s+with\s+(?:it|gift[\s-]+aid))?\b", re.I
)
_FILLER = re.compile(
    r"\b(?:what(?:'s|s)?|whats|is|the|and|it|that|so|then|all|in|now)\b|[^\w\s]", re.I
)


def read_gift_aid(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """The Gift Aid claimed and the total with it, in the order asked; None unless the
    request is as the module says."""
    if context is None:
        return None
    said = f"{context} {task}"
    rate = _RATE.search(context)
    if _GIFT_AID.search(said) is None or rate is None or _AMOUNT.search(task):
        return None
    eligible = _ELIGIBLE.search(context)
    if eligible is None and _ALL_ELIGIBLE.search(context) is None:
        return None
    rest = context
    for found in sorted((m for m in (rate, eligible) if m is not None), key=lambda m: -m.start()):
        rest = rest[: found.start()] + " " + rest[found.end() :]
    amounts = _AMOUNT.findall(rest)
    if len(amounts) != 1 or re.search(r"\d", _AMOUNT.sub(" ", rest)):
        return None
    claim_asked, total_asked = _ASKS_CLAIM.search(task), _ASKS_TOTAL.search(task)
    if claim_asked is None and total_asked is None:
        return None
    left = _ASKS_TOTAL.sub(" ", _ASKS_CLAIM.sub(" ", task))
    if _FILLER.sub(" ", left).strip():
        return None  # something else asked too
    plain = amounts[0].replace(",", "")
    donated: Node = Num(float(plain), plain)
    base = donated
    if eligible is not None:
        share = eligible.group("share")
        base = Op("*", donated, Op("/", Num(float(share), share), Num(100, "100")))
    percent = rate.group("rate") or rate.group("pence")
    claim = Op("*", base, Op("/", Num(float(percent), percent), Num(100, "100")))
    asked: list[tuple[int, Node, str]] = []
    if claim_asked is not None:
        asked.append((claim_asked.start(), claim, "the gift aid claimed"))
    if total_asked is not None:
        asked.append((total_asked.start(), Op("+", donated, claim), "the total with gift aid"))
    return [(node, label) for _, node, label in sorted(asked, key=lambda a: a[0])]
