"""An invoice written a line at a time: lines of count x item @ price, then percentages
taken off or added, in the order written.

    invoice lines:
    3 x consultation @ 85
    2 x written report @ 140
    less 10% loyalty discount
    what's the total

is (3 * 85 + 2 * 140) * (1 - 10 / 100). An item may be named first, with hours or a count
("design 6.5h @ 60", "stock photos 3 x 12.99"), and lines said on one line are parted by
commas. A line may also be said in words, as a count or amount at a price for one of them
or a rate for so long ("2 containers at 28 a week each for 9 weeks", "22 m2 of flooring at
34.99/m2 plus fitting at 18/m2", "fuel at 0.35 a mile for 96 miles"), or as one price for
the whole day or job ("van hire 140 for the day"). Every line must be one of these (a
heading ending in a colon, an item line, a percentage off or on, the question for the
total): a line of anything else may be an amount or a condition this reading would leave
out.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.quantities import unit_key
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
# "2 storage containers at 28 a week each for 9 weeks", "110 guests at 68 a head", "22 m2 of
# oak flooring at 34.99/m2", "fuel at 0.35 a mile for 96 miles": a count or amount (or a
# thing named alone) at a price for one of them, or at a rate for so long.
_UNIT_WORD = r"[a-z][a-z0-9]*"
_RATED = re.compile(
    rf"^[-*\u2022]?\s*(?:(?P<count>{_AMOUNT})\s*"
    # "m2 of oak flooring", "storage containers": words, no numbers nor another price.
    r"(?P<things>[a-z][a-z0-9]*(?:\s+(?!at\b)[a-z][a-z'\-]*)*?)|"
    rf"(?P<item>[a-z][a-z '\-]*?))\s+(?:at|@)\s*{_MONEY}\s*"
    rf"(?:(?P<each_only>each|apiece)|(?:(?:a|an|per)\s+|/\s*)(?P<per>{_UNIT_WORD})"
    rf"(?P<each>\s+each)?)"
    rf"(?:\s+for\s+(?P<span>{_AMOUNT})\s*(?P<span_unit>{_UNIT_WORD}))?$",
    re.I,
)
# "van hire 140 for the day": one price for the whole of the day or job. A line with a bare
# amount ("shipping 5") is not read: it may be an amount the total leaves out.
_WHOLE_PRICE = re.compile(
    rf"^[-*\u2022]?\s*(?P<item>[a-z][a-z '\-]*?)\s+{_MONEY}\s+for\s+the\s+"
    r"(?:day|job|move|trip|night|week|evening)$",
    re.I,
)
# Said of one person: "68 a head" is the price for each one counted ("110 guests").
_PER_ONE = frozenset({"head", "person", "guest", "one", "item", "piece", "unit", "pop"})
# "plus" or "and" may join two lines said in words: "22 m2 of oak flooring at 34.99/m2 plus
# fitting at 18/m2", "110 guests at 68 a head and 45 kids at 20 a head".
_PLUS = re.compile(
    r"\s+(?:plus|and)\s+(?=(?:\d+(?:\.\d+)?\s*)?[a-z][a-z0-9 '\-]*?\s+(?:at|@)\s)", re.I
)


def _lines_joined(said: str) -> list[str]:
    """The lines ``said`` joins with "plus" or "and", or ``said`` alone when it is one line
    as it stands ("2 x written report and binding @ 140")."""
    if _ITEM.match(said) or _NAMED_ITEM.match(said) or _HOURS_ITEM.match(said):
        return [said]
    return [part.strip() for part in _PLUS.split(said)]


def _rated_cost(line: re.Match[str], amounts: dict[str, list[str]]) -> Node | None:
    """The cost of a line read by `_RATED`, or None when what it is a price of is not said
    (a rate a week with no weeks, a rate of a unit no amount is in): ``amounts`` holds the
    amounts of each unit said on the lines before, which a line with none may take."""
    price = Num(float(line.group("price")), line.group("price"))
    count, per = line.group("count"), line.group("per")
    span, span_unit = line.group("span"), line.group("span_unit")
    if span is not None and (per is None or unit_key(span_unit) != unit_key(per)):
        return None  # "3 men at 150 each for 2 days": for each day, or the two days?
    if count is None:
        if span is not None:  # "fuel at 0.35 a mile for 96 miles"
            return Op("*", price, Num(float(span), span))
        said = amounts.get(unit_key(per)) if per is not None else None
        if said is None or len(said) != 1:
            return None  # "fitting at 18/m2" with no m2, or with two amounts of it
        return Op("*", Num(float(said[0]), said[0]), price)
    counted = Num(float(count), count)
    unit = unit_key(line.group("things").split()[0])
    if per is None or unit_key(per) == unit or (per.lower() in _PER_ONE and span is None):
        if span is not None:
            return None  # "22 m2 at 34.99/m2 for 3 days"
        amounts.setdefault(unit, []).append(count)  # "22 m2 of oak flooring at 34.99/m2"
        return Op("*", counted, price)
    if span is None or line.group("each") is None:
        # "2 containers at 28 a week": for how many weeks? "3 men at 22/hr for 7 hrs": the
        # rate of each man, or of the three?
        return None
    return Op("*", Op("*", counted, price), Num(float(span), span))


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
    r"(?:total|amount\s+due|amount\s+to\s+pay|bill)(?:\s+to\s+pay)?"
    # "total cost", "total catering": the total of what the lines price.
    r"(?:\s+(?:cost|costs|price|spend|bill|catering|charge|charges|quote))?\s*\??$",
    re.I,
)
# "... 9 weeks total": the question of the total, after the last line with no break.
_ASKED_AT_END = re.compile(
    r"\s+(?=(?:what'?s\s+|whats\s+|what\s+is\s+)?(?:the\s+)?(?:grand\s+)?total\b\D*$)", re.I
)


def _rate(match: re.Match[str]) -> float:
    return float(match.group("rate"))


def read_invoice(text: str) -> tuple[Node, str] | None:
    """The total of the invoice ``text`` writes a line at a time, or None when it is not
    one (see the module docstring)."""
    lines = [
        line
        for said in _LINE_END.split(text.strip())
        for line in _lines_joined(_HEADED.sub("", said).strip().rstrip(".").strip())
    ]
    lines = [line for line in lines if line]
    if lines and not _QUESTION.match(lines[-1]):
        # "... for 9 weeks total": a request's "..., total" comes read as its statement and
        # its question, joined again by a space.
        lines[-1:] = _ASKED_AT_END.split(lines[-1], maxsplit=1)
    if len(lines) < 2 or not _QUESTION.match(lines[-1]):
        return None
    total: Node | None = None
    adjusted = False
    amounts: dict[str, list[str]] = {}
    for line in lines[:-1]:
        item = _ITEM.match(line) or _NAMED_ITEM.match(line) or _HOURS_ITEM.match(line)
        rated = _RATED.match(line) if item is None else None
        whole = _WHOLE_PRICE.match(line) if item is None and rated is None else None
        percentage = _OFF.match(line) or _ON.match(line)
        cost: Node | None = None
        if item is not None:
            cost = Op(
                "*",
                Num(float(item.group("count")), item.group("count")),
                Num(float(item.group("price")), item.group("price")),
            )
        elif rated is not None:
            cost = _rated_cost(rated, amounts)
            if cost is None:
                return None
        elif whole is not None:
            cost = Num(float(whole.group("price")), whole.group("price"))
        if item is not None and len(lines) < 3:
            # "3 x widget @ 10. total?" alone is left to the readers of a count at a price;
            # a line said in words ("2 containers at 28 a week each for 9 weeks") is read
            # here, with the question of its total.
            return None
        if cost is not None and not adjusted:
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
