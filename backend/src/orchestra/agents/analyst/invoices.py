"""An invoice written a line at a time: lines of count x item @ price, then percentages
taken off or added, in the order written.

    invoice lines:
    3 x consultation @ 85
    2 x written report @ 140
    less 10% loyalty discount
    what's the total

is (3 * 85 + 2 * 140) * (1 - 10 / 100). An item may be named first, with hours or a count
("design 6.5h @ 60", "stock photos 3 x 12.99"), and lines said on one line are parted by
commas. Every line must be one of these (a heading ending
in a colon, an item line, a percentage off or on, the question for the total): a line of
anything else may be an amount or a condition this reading would leave out.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_invoice"]

_AMOUNT = r"\d+(?:\.\d+)?"
_MONEY = rf"[$\u20ac\u00a3]?\s?(?P<price>{_AMOUNT})\s?(?:[$\u20ac\u00a3]|eur|usd|gbp)?"
# "3 x consultation @ 85", "2 x written report at £140 each".
_ITEM = re.compile(
    rf"^[-*\u2022]?\s*(?P<count>\d+)\s*(?:x|\u00d7|\*)\s*(?P<item>[a-z][a-z '\-/&]*?)\s*"
    rf"(?:@|\bat\b)\s*{_MONEY}\s*(?:each|ea\.?|per\s+[a-z]+)?\s*$",
    re.I,
)
# "design 6.5h @ 60", "revisions 2 hrs at 45/h", "stock photos 3 x 12.99": the item named
# first, then its count (hours, or a count times) and its price.
_HOURS = r"(?:h|hrs?|hours?)"
_NAMED_ITEM = re.compile(
    rf"^[-*\u2022]?\s*(?P<item>[a-z][a-z '\-/&]*?)\s*:?\s+(?P<count>{_AMOUNT})\s*"
    rf"(?:{_HOURS}\s*(?:@|\bat\b)|(?:{_HOURS}\s*)?(?:x|\u00d7|\*))\s*{_MONEY}\s*"
    rf"(?:each|ea\.?|per\s+[a-z]+|an?\s+hour|/\s*{_HOURS}|ph)?\s*$",
    re.I,
)
# "6.5h design @ 60", "2 hrs revisions at 45": hours, then the item.
_HOURS_ITEM = re.compile(
    rf"^[-*\u2022]?\s*(?P<count>{_AMOUNT})\s*{_HOURS}\s+(?:of\s+)?(?P<item>[a-z][a-z '\-/&]*?)\s*"
    rf"(?:@|\bat\b)\s*{_MONEY}\s*(?:each|per\s+[a-z]+|an?\s+hour|/\s*{_HOURS}|ph)?\s*$",
    re.I,
)
# "less 10% loyalty discount", "minus 5% off", "plus 20% vat".
_OFF = re.compile(
    rf"^(?:less|minus|take\s+off|deduct|discount(?:\s+of)?)\s+(?P<rate>{_AMOUNT})\s*%"
    r"[a-z '\-]*$",
    re.I,
)
_ON = re.compile(
    rf"^(?:plus|add|\+)\s+(?P<rate>{_AMOUNT})\s*%\s*(?:vat|tax|gst|sales\s+tax|"
    r"service(?:\s+charge)?|tip)?$",
    re.I,
)
_HEADING = re.compile(r"^[a-z '\-]{0,40}:$", re.I)
# Lines end at a line break, or at a sentence's end where the planner joined them ("...
# @ 85. 2 x written report @ 140. Less 10% loyalty discount."); a heading may run on into
# the first line ("Invoice lines: 3 x consultation @ 85").
# Lines said on one line are parted by commas ("design 6.5h @ 60, revisions 2h @ 60"); a
# comma inside an amount ("1,140") has no space after it.
_LINE_END = re.compile(r"\n|(?<=[.?!])\s+|\s*[,;]\s+")
# ("Invoice lines: design 6.5h @ 60").
_HEADED = re.compile(r"^[a-z '\-]{0,40}:\s*(?=\d|[a-z][a-z '\-/&]*?\s+\d)", re.I)
_QUESTION = re.compile(
    r"^(?:what'?s|what\s+is|whats|so\s+what'?s)?\s*(?:the\s+)?(?:grand\s+)?"
    r"(?:total|amount\s+due|amount\s+to\s+pay|bill)(?:\s+to\s+pay)?\s*\??$",
    re.I,
)


def _rate(match: re.Match[str]) -> float:
    return float(match.group("rate"))


def read_invoice(text: str) -> tuple[Node, str] | None:
    """The total of the invoice ``text`` writes a line at a time, or None when it is not
    one (see the module docstring)."""
    lines = [
        _HEADED.sub("", line).strip().rstrip(".").strip() for line in _LINE_END.split(text.strip())
    ]
    lines = [line for line in lines if line]
    if len(lines) < 3 or not _QUESTION.match(lines[-1]):
        return None
    total: Node | None = None
    adjusted = False
    for line in lines[:-1]:
        item = _ITEM.match(line) or _NAMED_ITEM.match(line) or _HOURS_ITEM.match(line)
        percentage = _OFF.match(line) or _ON.match(line)
        if item is not None and not adjusted:
            cost = Op(
                "*",
                Num(float(item.group("count")), item.group("count")),
                Num(float(item.group("price")), item.group("price")),
            )
            total = cost if total is None else Op("+", total, cost)
        elif percentage is not None and total is not None and _rate(percentage) < 100:
            # A percentage applies to all that comes before it.
            said = percentage.group("rate")
            rate = Op("/", Num(float(said), said), Num(100, "100"))
            off = percentage.re is _OFF
            total = Op("*", total, Op("-" if off else "+", Num(1, "1"), rate))
            adjusted = True
        elif not (_HEADING.match(line) and total is None):
            return None  # an item after a percentage, or a line of something else
    if total is None:
        return None
    return total, "the invoice total"
