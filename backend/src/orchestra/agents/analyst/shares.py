"""A cost shared by the nights each person stays.

"Cottage is 840 for the week (7 nights). 4 of us stay all 7 nights and 2 only come for 3
nights. What does each 3-night person pay?": the people are told apart by the nights they
stay, so the cost is shared by nights: 840 over the 4 * 7 + 2 * 3 person-nights, times the
3 nights of one who stays 3 (a full-week person's share is the same times 7). It is read
only when every group says how many people stay how many nights, the question names one
group by its nights, and no number is left over but the stay's own length.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_share_by_nights"]

_AMOUNT = r"\d+(?:\.\d+)?"
# "4 of us stay all 7 nights", "2 only come for 3 nights", "3 friends staying 5 nights".
_GROUP = re.compile(
    r"(?<![\w.])(?P<people>\d+)\s+(?:(?:of\s+us|people|friends|adults|guests|others)\s+)?"
    r"(?:(?:only|just|will|are|can)\s+)?(?:stay|stays|staying|come|comes|coming)\s+"
    r"(?:for\s+)?(?:(?:all|the\s+(?:full|whole))\s+)?(?P<nights>\d+)\s+nights?\b",
    re.I,
)
# "each 3-night person", "each full-week person", "each person staying 3 nights".
_ASKED = re.compile(
    r"\beach\s+(?:(?P<nights>\d+)[-\s]nights?|(?P<full>full[-\s](?:week|stay|weekend|time)|"
    r"whole[-\s](?:week|stay)))\s+(?:person|guest|one|adult|friend)\b",
    re.I,
)
_ANY_NUMBER = re.compile(rf"(?<![\w.])(?P<n>{_AMOUNT})(?P<nights>\s*nights?\b)?", re.I)


def _num(text: str) -> Num:
    return Num(float(text), text)


def read_share_by_nights(context: str | None, text: str) -> tuple[Node, str] | None:
    """One person's share of a cost shared by nights stayed, or None."""
    whole = f"{context} {text}" if context is not None else text
    asked = _ASKED.search(whole)
    groups = list(_GROUP.finditer(whole))
    if asked is None or len(groups) < 2:
        return None
    longest = max(float(g.group("nights")) for g in groups)
    if asked.group("full") and "week" in asked.group("full").lower() and longest != 7:
        return None  # no group stays the full week
    wanted = float(asked.group("nights")) if asked.group("nights") else longest
    chosen = [g for g in groups if float(g.group("nights")) == wanted]
    if len(chosen) != 1:
        return None  # no group, or two, stay that many nights
    taken = [(g.start(), g.end()) for g in groups] + [asked.span()]
    rest = [
        m
        for m in _ANY_NUMBER.finditer(whole)
        if not any(start <= m.start() < end for start, end in taken)
    ]
    # The cost, and at most the stay's own length ("for the week (7 nights)").
    costs = [m for m in rest if not m.group("nights")]
    lengths = [m for m in rest if m.group("nights")]
    if len(costs) != 1 or any(float(m.group("n")) != longest for m in lengths):
        return None
    nights: Node | None = None
    for group in groups:
        stayed = Op("*", _num(group.group("people")), _num(group.group("nights")))
        nights = stayed if nights is None else Op("+", nights, stayed)
    if nights is None:
        return None
    per_night = Op("/", _num(costs[0].group("n")), nights)
    share = Op("*", per_night, _num(chosen[0].group("nights")))
    return share, f"the share of one person staying {chosen[0].group('nights')} nights"
