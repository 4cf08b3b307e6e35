"""Itemised bills and takings: a list of things bought, or of a sale and its costs.

Each reader takes a request's statement (``context``, None when said in one go) and its
question (``task``), cuts the whole request into clauses (at commas, "and", "plus",
"then", full stops and dashes) and reads every clause that holds a number as one part of
the bill; a clause with a number that is no such part makes the reader give None, so no
number is ever left out. What is read here:

- a bill of lines, "3 tins at 65p, 2 packs of pasta at 1.15 and cheese for 3.80", "gig
  tickets are 58 each ... buying 4", "sold 40 scones at 1.50 and 25 brownies at 2" (one
  verb for every line said with one), "returned 12 shirts at 19.99 and 3 at 35", with a
  percentage fee on top ("plus a 12% booking fee") or money off ("then 10% off for booking
  online"): the total, or the change from what is paid with ("paying with a tenner, how
  much change");
- takings less costs, "sold 145 candles at 12 each, materials cost 2.80 a candle and the
  stall fees were 120", "etsy takes a 6.5% fee plus 0.20 to list it. sold a print for 25":
  the profit, or what is kept ("what did we take after paying the pitch": less that one
  cost, the only one said);
- a charge past a limit, "case weighs 26.4 kg, limit is 23 kg and they charge £12 per kg or
  part of a kg over": the rate for each unit over, a part one charged whole when said so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from orchestra.agents.analyst.wording import Call, Node, Num, Op

__all__ = [
    "read_bill",
    "read_capped_fares",
    "read_charge_over_limit",
    "read_each_with_shared",
    "read_gift_aid",
    "read_hire_with_excess",
    "read_instalment",
    "read_pledges",
    "read_takings",
    "read_tip_split",
    "read_unit_prices",
    "read_weighted_shares",
]

Reading = tuple[Node, str]

_NUM = r"\d[\d,]*(?:\.\d+)?"
_SIGN = r"(?:[$\u20ac\u00a3]\s?)?"
# A price: "3.80", "£3.80", "65p" (pence).
_PRICE = rf"{_SIGN}(?P<price>{_NUM})(?P<pence>p)?(?!\w|\.\d)"
# Any number of a clause, a price in pence or a percentage included.
_ANY_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
# Where a request is cut into clauses.
# (A comma between digits grouping thousands, "1,450", cuts nothing.)
_CUT = re.compile(
    r"\s*(?:[;:?!]|(?<!\d),|,(?!\d{3}(?!\d))|\.(?!\d)|\s[-\u2013\u2014](?=\s|$)|\band\b|\bplus\b|\bthen\b|\bbut\b)\s*",
    re.I,
)
_WORDS = r"[a-z][a-z' +&-]*?"


def _num(raw: str) -> Num:
    plain = raw.replace(",", "")
    return Num(float(plain), plain)


def _price(match: re.Match[str]) -> Node:
    price = _num(match.group("price"))
    return Op("/", price, Num(100, "100")) if match.group("pence") else price


def _clauses(context: str | None, task: str) -> list[str]:
    # The statement ends where the question starts, with or without its full stop.
    text = task if context is None else f"{context.rstrip()}. {task}"
    return [c.strip() for c in _CUT.split(text) if c and c.strip()]


def _count_numbers(clause: str) -> int:
    return len(_ANY_NUMBER.findall(clause))


def _sum(parts: list[Node]) -> Node:
    total = parts[0]
    for part in parts[1:]:
        total = Op("+", total, part)
    return total


def _rate(raw: str) -> Node:
    return Op("/", _num(raw), Num(100, "100"))


# --- a bill of lines ----------------------------------------------------------------------

# "3 tins of toms at 65p", "38 small boxes at 1.10", "3 rooms at 35 each": a count at a price.
# When, which changes no amount: "5 portrait sessions at 180 this month", "38 keys today".
_WHEN = r"(?:\s+(?:this|last)\s+(?:week|month|quarter|year)|\s+today|\s+tonight|\s+so\s+far)?"
# "sold 154 jars at 7.50", "we refunded 23 items at 34.99": what was done with the things
# counted, said before the count (`read_bill` takes one such verb to a bill).
_DONE_WITH = (
    r"(?:(?:i|we)\s+)?(?P<verb>sold|refunded|ordered|bought|cut|did|made|booked|returned|"
    r"printed|fitted)\s+"
)
_COUNTED_LINE = re.compile(
    # "rat job is 3 visits at 85": the line named by what it is for, first.
    rf"(?:it'?s\s+|{_DONE_WITH}|(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:is|was)\s+)?(?P<count>\d+)\s+(?P<what>{_WORDS}){_WHEN}\s+(?:at|@|for)\s+{_PRICE}"
    rf"(?:\s+(?:each|apiece|a\s+piece))?{_WHEN}",
    re.I,
)
# "... and 9 at 59": another count at a price, of the things of the line before it.
_BARE_COUNTED_LINE = re.compile(
    rf"(?P<count>\d+)\s+(?:more\s+)?(?:at|@)\s+{_PRICE}(?:\s+(?:each|apiece|a\s+piece))?",
    re.I,
)
# "a block of cheese for 3.80", "the stairs at 45", "tape for 6.50": one thing at a price.
_LINE = re.compile(
    rf"(?:(?:an?|the|some|one)\s+)?(?P<what>{_WORDS})\s+(?:at|@|for|is|costs?)\s+{_PRICE}",
    re.I,
)
# "ticket €185": one thing and its price, said without a verb when the price has its sign.
_SIGNED_LINE = re.compile(
    rf"(?:(?:an?|the|some|one)\s+)?(?P<what>{_WORDS})\s+(?=[$\u20ac\u00a3]){_PRICE}", re.I
)
# "€30 a day spending for 4 days", "parking at 12 a night for 5 nights": a price each
# day (night, week, month), for the number of them said.
_PERIOD_LINE = re.compile(
    rf"(?:(?P<what>{_WORDS})\s+(?:(?:of|is|at|costs?)\s+)?)?{_PRICE}\s+(?:a|an|per)\s+"
    rf"(?P<period>day|night|week|month)(?:\s+{_WORDS})?\s+(?:for|over)\s+(?P<count>\d+)\s+"
    r"(?P<periods>days?|nights?|weeks?|months?)",
    re.I,
)
# Who a price each is for: "6 of us", "95 guests", "16 players".
_HEADS = (
    r"(?P<heads>\d+)\s+(?:of\s+us|people|persons|guests|players|kids|children|adults|friends|"
    r"mates|pupils|members)"
)
# "gig tickets are 58 each", "tickets were 23 each for 6 of us": a price each, for the count
# bought said apart or with it.
_EACH_LINE = re.compile(
    rf"(?P<what>{_WORDS})\s+(?:are|is|were|was|cost|costs|at)\s+{_PRICE}\s+"
    rf"(?:each|apiece|a\s+ticket)(?:\s+for\s+{_HEADS})?",
    re.I,
)
# "wedding favours for 95 guests", "there are 6 of us": how many the prices each are for.
_HEAD_COUNT = re.compile(
    rf"(?:there\s+(?:are|were|will\s+be)\s+|we'?re\s+|we\s+are\s+|(?:{_WORDS}\s+)?for\s+)?{_HEADS}",
    re.I,
)
# "a mini jar of honey at 1.35": one thing at a price, which a line after it said "each"
# ("... and a name tag at 12p each") makes a price each too.
_A_THING_AT = re.compile(rf"an?\s+{_WORDS}\s+(?:at|@)\s+{_PRICE}", re.I)
_BUYING = re.compile(
    r"(?:i'?m\s+|we'?re\s+)?(?:buying|getting|ordering|booking|need|want|taking)\s+(?P<count>\d+)"
    r"(?:\s+of\s+them)?",
    re.I,
)
_FEE = re.compile(
    r"(?:with\s+)?(?:an?\s+)?(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+"
    r"(?:(?:booking|service|card|admin|handling|transaction|processing)\s+)?"
    r"(?:fee|charge|surcharge|service(?:\s+charge)?|vat)(?:\s+on\s+top)?",
    re.I,
)
_OFF = re.compile(
    r"(?:with\s+|get\s+|less\s+)?(?:an?\s+)?(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+"
    r"(?:off|discount)(?:\s+(?:for|if|when)\s+[a-z ]+)?",
    re.I,
)
_NOTES = {"tenner": 10, "fiver": 5, "twenty": 20, "score": 20}
_PAYING = re.compile(
    rf"(?:i'?m\s+)?(?:paying|pay|paid|handing\s+over)\s+(?:with\s+)?(?:an?\s+)?"
    rf"(?:(?P<note>tenner|fiver|twenty)|{_SIGN}(?P<paid>{_NUM})(?:\s+note)?)",
    re.I,
)
# "whats my turnover", "takings?": the money taken for the things sold, a total of lines
# that are each a count at a price (a line of one thing may be a cost, read by
# `read_takings`).
_ASKS_TAKEN = re.compile(r"\b(?:turnover|takings|revenue|gross\s+sales)\b", re.I)
_ASKS_TOTAL = re.compile(
    r"\b(?:total|altogether|come\s+to|comes\s+to|what\s+do\s+(?:i|we)\s+(?:pay|owe|spend)|"
    r"how\s+much\s+(?:is\s+that|do\s+(?:i|we)\s+(?:pay|owe|spend)|will\s+(?:it|that)\s+be))\b",
    re.I,
)
# What a clause without a number may not name: a charge or money off not priced, a share.
_UNPRICED = re.compile(
    r"\b(?:split|share|each|per|between|shipping|delivery|postage|tax|vat|tips?|tipping|fees?|"
    r"service|charges?|discount|off|voucher|coupon|deposit|free|half|every|a\s+(?:day|"
    r"night|week|month|year|head|person))\b",
    re.I,
)
_ASKS_CHANGE = re.compile(r"\bchange\b", re.I)
# Words that ask something else than the bill: a share of it, a rate, a saving.
_ASKS_OTHER = re.compile(
    r"\b(?:each|per|split|splitting|share|shared|between|every|left|save|saving|difference|"
    r"average|profit|keep|cheaper|a\s+(?:day|night|week|month|year|mile|head|person))\b",
    re.I,
)


# "total in euros": the currency a total is asked in, by its sign or its name.
_CURRENCY_ASKED = re.compile(
    r"\bin\s+(?:(?P<euro>\u20ac|euros?)|(?P<pound>\u00a3|pounds?|gbp)|(?P<dollar>\$|dollars?))",
    re.I,
)
_SIGNS = {"euro": "\u20ac", "pound": "\u00a3", "dollar": "$"}


def _other_currency_asked(said: str, asked: str) -> bool:
    """Whether the total is asked in a currency other than a sign the prices are given in
    ("ticket \u00a3185 ... total in euros" would need a rate of exchange)."""
    currency = _CURRENCY_ASKED.search(asked)
    if currency is None:
        return False
    sign = _SIGNS[next(k for k, v in currency.groupdict().items() if v)]
    given = set(re.findall(r"[$\u20ac\u00a3](?=\s?\d)", said))
    return bool(given - {sign})


def _periods_line(clause: str) -> re.Match[str] | None:
    """A price each period for a number of those periods ("30 a day for 4 days")."""
    m = _PERIOD_LINE.fullmatch(clause)
    if m is None or not m.group("periods").lower().startswith(m.group("period").lower()):
        return None
    return m


def read_bill(context: str | None, task: str) -> Reading | None:
    """ "3 tins at 65p, 2 packs of pasta at 1.15 and cheese for 3.80. paying with a tenner,
    how much change": the lines summed, 3 * 0.65 + 2 * 1.15 + 3.80, with any percentage fee
    or money off said after them applied to the sum, then taken from what is paid with when
    the change is asked; None unless every clause with a number is a line, a fee, money
    off, the count bought of the one price each, or what is paid with."""
    # Said in one go ("gig tickets are 58 each, buying 4, total?"), the question is its last
    # clause: the "each" of a line asks nothing.
    asked = task if context is not None else _clauses(None, task)[-1]
    if _ASKS_OTHER.search(asked) or _other_currency_asked(f"{context or ''} {task}", asked):
        return None
    lines: list[Node] = []
    each: list[Node] = []
    counts: list[str] = []
    factors: list[Node] = []
    things: list[Node] = []  # the lines just read that are one thing at a price
    paid: Node | None = None
    counted = 0  # the lines that are a count at a price
    last_counted = -1  # how many lines there were after the last count at a price
    verbs: set[str] = set()  # "sold 154 jars at 7.50": what was done with the things counted
    clauses = _clauses(context, task)
    # The question's own words ("total inc vat") name what is asked, no line left unpriced.
    asking = len(_clauses(None, task)) if context is not None else 1
    for position, clause in enumerate(clauses):
        numbers = _count_numbers(clause)
        if (m := _PAYING.fullmatch(clause)) is not None:
            if paid is not None:
                return None
            note = m.group("note")
            paid = _num(str(_NOTES[note.lower()])) if note else _num(m.group("paid"))
            continue
        if numbers == 0:
            if _UNPRICED.search(clause) and position < len(clauses) - asking:
                return None  # "plus shipping": a part of the bill without its amount
            continue
        if numbers > 2 or (
            numbers == 2
            and _COUNTED_LINE.fullmatch(clause) is None
            and _BARE_COUNTED_LINE.fullmatch(clause) is None
            and _periods_line(clause) is None
            and ((m := _EACH_LINE.fullmatch(clause)) is None or not m.group("heads"))
        ):
            return None  # only a counted line holds two numbers, its count and its price
        if (m := _FEE.fullmatch(clause)) is not None:
            factors.append(Op("+", Num(1, "1"), _rate(m.group("rate"))))
        elif (m := _OFF.fullmatch(clause)) is not None:
            if float(m.group("rate")) >= 100:
                return None
            factors.append(Op("-", Num(1, "1"), _rate(m.group("rate"))))
        elif (m := _BUYING.fullmatch(clause)) is not None:
            counts.append(m.group("count"))
        elif (m := _HEAD_COUNT.fullmatch(clause)) is not None:
            counts.append(m.group("heads"))
        elif factors:
            return None  # a line after a fee or money off: in which order is not said
        elif (m := _COUNTED_LINE.fullmatch(clause)) is not None:
            if m.group("verb") is not None:
                verbs.add(m.group("verb").lower())
            lines.append(Op("*", _num(m.group("count")), _price(m)))
            counted += 1
            last_counted = len(lines)
        elif last_counted == len(lines) and (m := _BARE_COUNTED_LINE.fullmatch(clause)):
            lines.append(Op("*", _num(m.group("count")), _price(m)))
            counted += 1
            last_counted = len(lines)
        elif (m := _periods_line(clause)) is not None:
            lines.append(Op("*", _price(m), _num(m.group("count"))))
        elif (m := _EACH_LINE.fullmatch(clause)) is not None:
            # "a jar at 1.35 and a tag at 12p each": the things just before are each too
            before: list[Node] = []
            while things and lines and lines[-1] is things[-1]:
                before.insert(0, lines.pop())
                things.pop()
            each.extend([*before, _price(m)])
            if m.group("heads"):
                counts.append(m.group("heads"))
        elif (m := _LINE.fullmatch(clause) or _SIGNED_LINE.fullmatch(clause)) is not None:
            lines.append(_price(m))
            if _A_THING_AT.fullmatch(clause):
                things.append(lines[-1])
        else:
            return None
        if not lines or not things or lines[-1] is not things[-1]:
            things.clear()  # only things said one after the other share an "each"
    if len(verbs) > 1:
        return None  # "bought 40 at 2 and sold 30 at 5": a cost and money taken, not one bill
    if counts or each:
        if len(counts) != 1 or not each:
            return None  # a price each needs the one count bought, and the other way round
        lines.append(Op("*", _sum(each), _num(counts[0])))
    if not lines or (len(lines) == 1 and not factors and paid is None and not each):
        return None  # one line alone is no bill to add up (a price each times a count is)
    if len(factors) > 1 and not re.search(r"\bthen\b", f"{context} {task}", re.I):
        return None  # "20% off and 10% off": one after the other, or 30% off?
    total = _sum(lines)
    for factor in factors:
        total = Op("*", total, factor)
    if paid is not None:
        if not _ASKS_CHANGE.search(task):
            return None
        return Op("-", paid, total), "the change from what is paid with"
    if _ASKS_TAKEN.search(task):
        if counted != len(lines) or factors or each:
            return None  # a line of one thing, a fee or money off: a cost, or money taken?
        return total, "the money taken: each count at its price"
    if not _ASKS_TOTAL.search(task):
        return None
    return total, "the total of the bill"


# --- takings less costs --------------------------------------------------------------------

_SOLD_COUNTED = re.compile(
    rf"(?:i\s+|we\s+)?(?:sold|sell|selling)\s+(?P<count>\d+)\s+(?P<what>{_WORDS})\s+(?:at|for|@)\s+"
    rf"{_PRICE}(?:\s+(?:each|apiece|a\s+piece))?",
    re.I,
)
_SOLD_ONE = re.compile(
    rf"(?:i\s+|we\s+)?(?:sold|sell|selling)\s+(?:an?|the|my|one)\s+(?P<what>{_WORDS})\s+for\s+{_PRICE}",
    re.I,
)
# "wax + wicks + jars cost me 2.80 a candle": a cost for each thing sold.
_UNIT_COST = re.compile(
    rf"(?P<what>{_WORDS})\s+(?:costs?|cost\s+me|costs\s+me|are|is|comes?\s+to)\s+{_PRICE}\s+"
    r"(?:each|apiece|(?:a|per)\s+(?P<unit>[a-z]+))",
    re.I,
)
# "the stall fees for the season were 120": a cost once, whatever the count sold.
_FIXED_COST = re.compile(
    rf"(?P<what>{_WORDS})\s+(?:were|was|is|are|costs?|cost\s+me|came\s+to|of)\s+{_PRICE}",
    re.I,
)
_COST_WORDS = re.compile(
    r"\b(?:fees?|rent|pitch|stall|table|insurance|licence|license|listing|postage|"
    r"advertising|costs|overheads|packaging|ingredients|materials|supplies)\b",
    re.I,
)
# "0.20 to list it": a fee said by what it pays for.
_FIXED_FOR = re.compile(
    rf"{_PRICE}\s+(?:to\s+list(?:\s+(?:it|each|one))?|(?:for\s+)?(?:the\s+)?(?:listing|postage|"
    r"packaging)(?:\s+fee)?)",
    re.I,
)
# "etsy takes a 6.5% transaction fee": a share of the takings taken.
_CUT_TAKEN = re.compile(
    rf"(?:{_WORDS}\s+)?(?:takes?|charges?|keeps?)\s+(?:an?\s+)?(?P<rate>\d+(?:\.\d+)?)\s*%"
    r"(?:\s+(?:transaction|selling|platform|sales|processing|payment|listing))?"
    r"(?:\s+(?:fee|commission|cut))?",
    re.I,
)
_ASKS_KEPT = re.compile(
    r"\b(?:profit|keep|kept|clear|net|take\s+home|left\s+with|(?:do|did)\s+(?:i|we)\s+make|"
    # "how much did we raise after costs": what the sale raised once its costs are paid
    r"(?:raise|raised|make|made)\b.*\bafter\s+(?:the\s+)?(?:costs|expenses))\b",
    re.I,
)
# "what did we take after paying the pitch": the takings less the one cost it names.
_ASKS_TAKEN_AFTER = re.compile(
    r"\b(?:take|took|taken)\b.*\bafter\s+(?:paying\s+(?:for\s+)?)?(?:the\s+|our\s+|my\s+)?"
    r"(?P<named>[a-z]+)(?:\s+(?:fee|fees|hire|cost|costs))?\s*[.?!]*\s*$",
    re.I,
)
_ASKS_OTHER_THAN_KEPT = re.compile(
    r"\b(?:each|per|margin|percent|percentage|rate|a\s+[a-z]+\s*$|how\s+many)\b|%", re.I
)


def _fixed_cost(clause: str) -> Node | None:
    """The cost said once of ``clause`` ("stall fees were 120", "0.20 to list it"), or None."""
    if (m := _FIXED_FOR.fullmatch(clause)) is not None:
        return _price(m)
    m = _FIXED_COST.fullmatch(clause)
    return None if m is None or not _COST_WORDS.search(m.group("what")) else _price(m)


def read_takings(context: str | None, task: str) -> Reading | None:
    """ "sold 145 candles at 12 each, materials cost 2.80 a candle and the stall fees were
    120. profit?": the takings less each cost, 145 * 12 - 145 * 2.80 - 120; a share taken
    ("etsy takes a 6.5% fee") is that share of the takings. None unless one sale is said,
    every other clause with a number is a cost, and the question asks what is kept."""
    after = _ASKS_TAKEN_AFTER.search(task)
    if not (_ASKS_KEPT.search(task) or after) or _ASKS_OTHER_THAN_KEPT.search(task):
        return None
    fixed_said: list[str] = []  # the clauses of the costs said once
    sold: tuple[Node, Node | None, str] | None = None  # takings, count, what was sold
    selling = False  # the clause before was a sale: "sold 64 brownies at 1.50 and 40 ..."
    unit_costs: list[tuple[Node, str | None]] = []
    costs: list[Node] = []
    rates: list[str] = []
    for clause in _clauses(context, task):
        numbers = _count_numbers(clause)
        if numbers == 0:
            if _UNPRICED.search(clause):
                return None
            continue
        was_selling, selling = selling, False
        if numbers > 2 or (
            numbers == 2
            and _SOLD_COUNTED.fullmatch(clause) is None
            and not (was_selling and _COUNTED_LINE.fullmatch(clause))
        ):
            return None
        if (m := _SOLD_COUNTED.fullmatch(clause)) is not None:
            if sold is not None:
                return None
            many = _num(m.group("count"))
            sold = Op("*", many, _price(m)), many, m.group("what").lower()
            selling = True
        elif (
            was_selling
            and sold is not None
            and (m := _COUNTED_LINE.fullmatch(clause))
            and m.group("verb") is None
        ):
            # "... and 40 flapjacks at 1.20": another thing sold; a cost for each thing
            # sold no longer has one count to go by.
            more = Op("*", _num(m.group("count")), _price(m))
            sold = Op("+", sold[0], more), None, f"{sold[2]} {m.group('what').lower()}"
            selling = True
        elif (m := _SOLD_ONE.fullmatch(clause)) is not None:
            if sold is not None:
                return None
            sold = _price(m), None, m.group("what").lower()
        elif (m := _CUT_TAKEN.fullmatch(clause)) is not None:
            rates.append(m.group("rate"))
        elif (m := _UNIT_COST.fullmatch(clause)) is not None:
            unit_costs.append((_price(m), m.group("unit")))
        elif (fixed := _fixed_cost(clause)) is not None:
            costs.append(fixed)
            fixed_said.append(clause.lower())
        else:
            return None
    if sold is None or not (unit_costs or costs or rates):
        return None
    if after is not None and not _ASKS_KEPT.search(task):
        # "after paying the pitch": the one cost said, and it is the one named.
        named = after.group("named").lower()
        if named in {"costs", "expenses", "everything", "outgoings"}:
            pass  # "after costs": every cost said
        elif unit_costs or rates or len(fixed_said) != 1 or named not in fixed_said[0].split():
            return None
    takings, count, what = sold
    kept: Node = takings
    for rate in rates:
        kept = Op("-", kept, Op("*", takings, _rate(rate)))
    for cost, unit in unit_costs:
        if count is None:
            return None  # a cost for each thing, and no count of them sold
        if unit is not None and unit.lower()[:4] not in what and unit.lower() not in _ANY_UNIT:
            return None  # "2.80 a day": a cost for something else than each thing sold
        kept = Op("-", kept, Op("*", count, cost))
    for cost in costs:
        kept = Op("-", kept, cost)
    return kept, "the takings less the costs"


_ANY_UNIT = frozenset({"one", "unit", "item", "piece", "sale"})


# --- an amount paid in instalments -----------------------------------------------------------

# "they take it in 10 monthly instalments", "paying it off over 12 payments".
_IN_PARTS = re.compile(
    r"\b(?:in|into|over|as|across)\s+(?:(?:equal|even)\s+)?(?P<count>\d+)\s+"
    r"(?:(?:equal|even|monthly|weekly|yearly|annual|quarterly|fortnightly)\s+)?"
    r"(?:instal(?:l)?ments|payments|parts|chunks|tranches|direct\s+debits)\b",
    re.I,
)
_ASKS_EACH_ONE = re.compile(
    r"^\s*(?:so\s+)?(?:how\s+much\s+(?:is|are|will\s+be|would\s+be)|what(?:'s|\s+is|\s+will\s+be)?)"
    r"\s+each(?:\s+one)?(?:\s+be)?\s*[.?!]*\s*$",
    re.I,
)


def read_instalment(context: str | None, task: str) -> Reading | None:
    """ "council tax is 1,842 and they take it in 10 monthly instalments. how much is each
    one": the amount over the count of parts, 1842 / 10; None unless the statement holds just
    the amount and the count, and the question asks what each one is."""
    if context is None or not _ASKS_EACH_ONE.match(task) or _count_numbers(task):
        return None
    parts = _IN_PARTS.search(context)
    if parts is None or "%" in context:
        return None
    amounts = [
        m for m in re.finditer(rf"{_SIGN}{_NUM}", context) if m.start() != parts.start("count")
    ]
    if len(_ANY_NUMBER.findall(context)) != 2 or len(amounts) != 1:
        return None
    amount = _num(amounts[0].group(0).lstrip("$\u20ac\u00a3 "))
    count = _num(parts.group("count"))
    if count.value == 0:
        return None
    return Op("/", amount, count), "each instalment"


# --- fares with a cap, hire with an allowance, a cost each with a shared one, a tip split ----

_ASKS_PAID = re.compile(
    r"\b(?:pay|paying|cost|costs|total|spend|come\s+to|comes\s+to|owe|charge)\b", re.I
)
_FARE = re.compile(rf"{_PRICE}\s+(?:a|per|each)\s+(?P<unit>journey|trip|ride|fare|go|tap)\b", re.I)
_CAP = re.compile(
    rf"\bcapped\s+at\s+(?:{_SIGN}(?P<cap>{_NUM})(?P<cap_pence>p)?)(?![\w.])"
    r"(?:\s+(?:a|per)\s+(?:day|week|month))?",
    re.I,
)
_JOURNEYS = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?:journeys|trips|rides|fares|goes|taps)\b", re.I
)


def read_capped_fares(context: str | None, task: str) -> Reading | None:
    """ "bus fares are 1.75 a journey but capped at 5.25 a day. doing 4 journeys today, what
    will i pay": the fares, but no more than the cap, min(1.75 * 4, 5.25); None unless those
    are the request's three numbers and it asks what is paid."""
    text = task if context is None else f"{context} {task}"
    fare, cap, count = _FARE.search(text), _CAP.search(text), _JOURNEYS.search(text)
    if fare is None or cap is None or count is None or not _ASKS_PAID.search(task):
        return None
    if len(_ANY_NUMBER.findall(text)) != 3 or "%" in text:
        return None
    capped = _num(cap.group("cap"))
    cap_node: Node = Op("/", capped, Num(100, "100")) if cap.group("cap_pence") else capped
    fares = Op("*", _price(fare), _num(count.group("count")))
    return Call("min", (fares, cap_node)), "the fares, capped"


_DAY_RATE = re.compile(
    rf"{_PRICE}\s+(?:a|per)\s+(?P<period>day|week)\s+for\s+(?P<periods>\d+)\s+(?:days|weeks)\b",
    re.I,
)
_ALLOWANCE = re.compile(
    r"\bfirst\s+(?P<free>\d[\d,]*)\s+(?P<unit>miles|km|kilometres|kilometers)\s+"
    r"(?:are\s+|is\s+)?(?:included|free)\b",
    re.I,
)
_EXCESS = re.compile(
    rf"{_PRICE}\s+(?:a|per|for\s+each)\s+(?P<unit>mile|km|kilometre|kilometer)\b", re.I
)
_USED = re.compile(
    r"\b(?:drove|driven|did|do|doing|covered|travelled|traveled|went)\s+(?P<used>\d[\d,]*)\s+"
    r"(?P<unit>miles|km|kilometres|kilometers)\b",
    re.I,
)


def read_hire_with_excess(context: str | None, task: str) -> Reading | None:
    """ "van hire is 65 a day for 3 days, first 100 miles included then 25p a mile after
    that. we drove 240 miles, total?": the days at the day rate and the distance over the
    allowance at the rate for it, 65 * 3 + (240 - 100) * 0.25; None unless those are the
    request's five numbers in one unit of distance, driven past the allowance."""
    text = task if context is None else f"{context} {task}"
    rate, free = _DAY_RATE.search(text), _ALLOWANCE.search(text)
    excess, used = _EXCESS.search(text), _USED.search(text)
    if rate is None or free is None or excess is None or used is None:
        return None
    if not _ASKS_PAID.search(task) or len(_ANY_NUMBER.findall(text)) != 5 or "%" in text:
        return None
    units = {m.group("unit").lower()[:2] for m in (free, excess, used)}
    if len(units) != 1:
        return None
    over = _num(used.group("used")).value - _num(free.group("free")).value
    if over < 0:
        return None  # within the allowance: the excess rate does not come in
    days = Op("*", _price(rate), _num(rate.group("periods")))
    extra = Op("*", Op("-", _num(used.group("used")), _num(free.group("free"))), _price(excess))
    return Op("+", days, extra), "the hire with the distance over the allowance"


# "limit is 23 kg", "a 20 kg allowance": the amount allowed before a charge for each unit over.
_LIMIT_UNITS = r"(?:kg|kgs|kilos?|lbs?|g|grams?|gb|mb|minutes?|mins?|texts?)"
_LIMIT = re.compile(
    rf"\b(?:limit|allowance|max(?:imum)?)\s+(?:is\s+|of\s+)?(?P<limit>{_NUM})\s*"
    rf"(?P<unit>{_LIMIT_UNITS})\b|(?<![\w.])(?P<limit2>{_NUM})\s*(?P<unit2>{_LIMIT_UNITS})\s+"
    r"(?:limit|allowance)\b",
    re.I,
)
# "£12 per kg or part of a kg over", "10 a kilo over": the charge for each unit past it.
_OVER_CHARGE = re.compile(
    rf"{_PRICE}\s+(?:a|an|per|for\s+each|for\s+every|each)\s+(?:extra\s+|additional\s+)?"
    rf"(?P<unit>{_LIMIT_UNITS})\b(?P<part>\s+or\s+part(?:\s+of\s+(?:an?\s+)?{_LIMIT_UNITS}|"
    r"\s+thereof)?\b)?(?:\s+(?:over|above|extra|in\s+excess))?",
    re.I,
)
_MEASURED = re.compile(rf"(?<![\w.])(?P<used>{_NUM})\s*(?P<unit>{_LIMIT_UNITS})\b", re.I)


def read_charge_over_limit(context: str | None, task: str) -> Reading | None:
    """ "case weighs 26.4 kg, limit is 23 kg and they charge £12 per kg or part of a kg
    over. how much will i pay": the rate for each unit past the limit, each part of one
    charged as a whole one when said so, 12 * ceil(26.4 - 23); None unless those are the
    request's three numbers, in one unit, past the limit, and it asks what is paid."""
    text = task if context is None else f"{context} {task}"
    limit, charge = _LIMIT.search(text), _OVER_CHARGE.search(text)
    if limit is None or charge is None or not _ASKS_PAID.search(task):
        return None
    if len(_ANY_NUMBER.findall(text)) != 3 or "%" in text:
        return None
    rest = text[: limit.start()] + " " + text[limit.end() :]
    rest = rest.replace(charge.group(0), " ")
    measured = list(_MEASURED.finditer(rest))
    if len(measured) != 1:
        return None
    units = {
        m.lower().rstrip("s")[:2]
        for m in (limit.group("unit") or limit.group("unit2"), charge["unit"], measured[0]["unit"])
    }
    if len(units) != 1:
        return None
    allowed = _num(limit.group("limit") or limit.group("limit2"))
    used = _num(measured[0].group("used"))
    if used.value <= allowed.value:
        return None  # within the limit: whether anything is charged is not said
    over: Node = Op("-", used, allowed)
    if charge.group("part"):
        over = Call("ceil", (over,))
    return Op("*", _price(charge), over), "the charge for the amount over the limit"


_PEOPLE = (
    r"(?:child|children|kid|kids|person|people|head|pupil|pupils|student|students|guest|guests)"
)
_PER_HEAD = re.compile(rf"{_PRICE}\s+(?:per|a|each)\s+(?:{_PEOPLE})\b", re.I)
_SHARED = re.compile(
    rf"(?:is\s+|of\s+)?{_SIGN}(?P<shared>{_NUM})(?![\w.])\s+(?:shared|split|divided)\s+"
    rf"(?:equally\s+)?(?:across|between|among|amongst|by)\s+(?:all\s+)?(?:the\s+)?"
    rf"(?P<count>\d+)\s+(?:{_PEOPLE}|of\s+us|of\s+them)\b",
    re.I,
)
_ASKS_EACH = re.compile(r"\b(?:each|per\s+(?:child|kid|person|head|pupil|student))\b", re.I)


def read_each_with_shared(context: str | None, task: str) -> Reading | None:
    """ "entry is 14 per child and the coach is 380 shared across all 27 kids. what does each
    child pay": the cost each and a share of the shared cost, 14 + 380 / 27; None unless
    those are the request's three numbers and it asks what each pays."""
    text = task if context is None else f"{context} {task}"
    each, shared = _PER_HEAD.search(text), _SHARED.search(text)
    if each is None or shared is None or not _ASKS_EACH.search(task):
        return None
    if len(_ANY_NUMBER.findall(text)) != 3 or "%" in text:
        return None
    count = _num(shared.group("count"))
    if count.value == 0:
        return None
    return Op("+", _price(each), Op("/", _num(shared.group("shared")), count)), "what each pays"


_BILL_SAID = re.compile(
    rf"\b(?:check|cheque|bill|meal|dinner|lunch|tab)\s+(?:is|was|came\s+to|comes\s+to|of)\s+"
    rf"{_PRICE}",
    re.I,
)
_TIPPING = re.compile(
    r"\b(?:tipping|tip|tipped|leaving|leave|adding|add)\s+(?:a\s+)?(?P<rate>\d+(?:\.\d+)?)\s*%"
    r"(?:\s+tip)?",
    re.I,
)
_SPLIT = re.compile(
    r"\b(?:split|splitting|share|sharing|divide|dividing)\s+(?:it\s+|that\s+|the\s+lot\s+)?"
    r"(?:(?:between|among|amongst|by)\s+(?P<people>\d+)(?:\s+(?:of\s+us|people|ways))?|"
    r"(?P<ways>\d+)\s+ways)\b",
    re.I,
)


def read_tip_split(context: str | None, task: str) -> Reading | None:
    """ "check is 73.40, we're tipping 20% and splitting it between 2. each pays?": the bill
    with the tip, shared, 73.40 * (1 + 20 / 100) / 2; None unless those are the request's
    three numbers and it asks what each pays."""
    text = task if context is None else f"{context} {task}"
    bill, tip, split = _BILL_SAID.search(text), _TIPPING.search(text), _SPLIT.search(text)
    if bill is None or tip is None or split is None or not re.search(r"\beach\b", task, re.I):
        return None
    if len(_ANY_NUMBER.findall(text)) != 3:
        return None
    if not bill.start() < tip.start() < split.start():
        return None  # the tip said before the bill, or the split before the tip
    people = _num(split.group("people") or split.group("ways"))
    if people.value == 0:
        return None
    tipped = Op("*", _price(bill), Op("+", Num(1, "1"), _rate(tip.group("rate"))))
    return Op("/", tipped, people), "what each pays, the tip included"


# --- the price per 100 g (or per litre) of each size --------------------------------------

# How many grams or millilitres each unit of size is.
_SIZE_UNITS = {
    "g": ("mass", 1),
    "gram": ("mass", 1),
    "grams": ("mass", 1),
    "kg": ("mass", 1000),
    "kilo": ("mass", 1000),
    "kilos": ("mass", 1000),
    "ml": ("volume", 1),
    "cl": ("volume", 10),
    "l": ("volume", 1000),
    "litre": ("volume", 1000),
    "litres": ("volume", 1000),
    "liter": ("volume", 1000),
    "liters": ("volume", 1000),
}
_SIZE = r"(?P<size>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>kg|g|grams?|kilos?|ml|cl|l|litres?|liters?)\b"
_SIZED_PRICE = re.compile(
    rf"(?<![\w.]){_SIZE}(?:\s+[a-z]+){{0,2}}?\s+(?:is|are|for|at|costs?|=)\s+{_PRICE}", re.I
)
_ASKS_PER = re.compile(
    r"\b(?:(?P<pence>pence|p)\s+|(?:price|cost)\s+)?per\s+(?:(?P<per>\d[\d,]*(?:\.\d+)?)\s*)?"
    r"(?P<unit>kg|g|grams?|kilos?|ml|cl|l|litres?|liters?)\b[^.?!]*?\b(?:each|both|all)\b",
    re.I,
)


def read_unit_prices(context: str | None, task: str) -> list[Reading] | None:
    """ "cereal comes in a 500g box for 2.75 or a 750g box for 3.90. price per 100 g of
    each?": each price over its size in the unit asked, 2.75 / 500 * 100 and 3.90 / 750 *
    100 (sizes in kg, litres or ml converted; times 100 when pence are asked); None unless
    the request's numbers are the sizes, their prices and the amount asked per."""
    text = task if context is None else f"{context} {task}"
    asked = _ASKS_PER.search(task)
    sized = list(_SIZED_PRICE.finditer(text))
    if asked is None or len(sized) < 2 or "%" in text:
        return None
    said = len(sized) * 2 + (1 if asked.group("per") else 0)
    if len(_ANY_NUMBER.findall(text)) != said:
        return None  # a number the reading leaves out
    kind, per_size = _SIZE_UNITS[asked.group("unit").lower()]
    per: Node = _num(asked.group("per")) if asked.group("per") else Num(1, "1")
    if per_size != 1:
        per = Op("*", per, Num(per_size, str(per_size)))
    readings: list[Reading] = []
    for item in sized:
        item_kind, size_unit = _SIZE_UNITS[item.group("unit").lower()]
        if item_kind != kind or _num(item.group("size")).value == 0:
            return None  # grams against millilitres: not one measure
        size: Node = _num(item.group("size"))
        if size_unit != 1:
            size = Op("*", size, Num(size_unit, str(size_unit)))
        price = Op("*", Op("/", _price(item), size), per)
        if asked.group("pence") and not item.group("pence"):
            price = Op("*", price, Num(100, "100"))
        elif item.group("pence") and not asked.group("pence"):
            return None  # a price in pence asked in pounds: leave it
        label = f"the price per {asked.group('per') or ''} {asked.group('unit')} of the "
        readings.append((price, label.replace("  ", " ") + f"{item.group(0).split()[0]} size"))
    return readings


# --- shares that are not equal: a kid pays half, one pays more -------------------------------

_GROUPS = re.compile(
    r"(?<![\w.])(?P<big>\d+)\s+(?:adults|grown[-\s]ups)\s*(?:,|and|&|\+)\s*"
    r"(?P<small>\d+)\s+(?P<word>kids|children|teens|teenagers)\b",
    re.I,
)
_FRACTIONS = {"half": 2, "a half": 2, "a third": 3, "a quarter": 4}
_PART_SHARE = re.compile(
    r"\b(?:a|each|every)\s+(?:kid|child|teen|teenager)\s+(?:pays|is|counts\s+as|gets\s+charged)\s+"
    r"(?P<part>half|a\s+half|a\s+third|a\s+quarter)\s+(?:of\s+)?(?:an?\s+|the\s+)?"
    r"adult(?:'s)?\s+(?:share|price|rate)\b",
    re.I,
)
_ASKS_BOTH_SHARES = re.compile(
    r"\badult(?:'s)?\s+share\b.*\b(?:kid|child|teen)(?:'s)?\s+share\b", re.I
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4}
# "one moved in halfway so pays half a share": one of those sharing pays a part of a share.
_ONE_PART_SHARE = re.compile(
    r"\bone\b[^.?!]{0,60}?\bpays?\s+(?:only\s+)?(?P<part>half|a\s+half|a\s+third|a\s+quarter)\s+"
    r"(?:of\s+)?(?:a|the|one)?\s*(?:full\s+)?share\b",
    re.I,
)
_ASKS_FULL_AND_PART = re.compile(
    r"\bfull\s+share\b.*\b(?:half|third|quarter|smaller|their|his|her)(?:'s)?\s+share\b", re.I
)
_PEOPLE_OF_US = re.compile(r"(?<![\w.])(?P<people>\d+)\s+of\s+us\b", re.I)
_PAYS_MORE = re.compile(
    rf"\b(?:i|i'll|i\s+will|i\s+should)\s+pay\s+{_SIGN}(?P<more>{_NUM})(?![\w.])\s+more\s+than\s+"
    r"(?:each\s+of\s+)?(?:the\s+)?(?:other|others)(?:\s+(?P<others>\d+|two|three|four))?\b",
    re.I,
)
_ASKS_ME_AND_THEM = re.compile(
    r"\bwhat\s+do\s+i\s+pay\b.*\b(?:they|the\s+others?|each\s+of\s+them)\b", re.I
)


def read_weighted_shares(context: str | None, task: str) -> list[Reading] | None:
    """Two shares of one cost that are not equal. "villa is 1,980, 4 adults and 2 kids, and a
    kid pays half of an adult share. what's an adult share and a kid share": 1980 / (4 + 2 /
    2), then half of it. "rent's 2,100 plus 240 bills, 3 of us. i pay 100 more than each of
    the other two. what do i pay and what do they each pay": (2100 + 240 - 100) / 3 + 100,
    then (2100 + 240 - 100) / 3. None unless every number has its part."""
    text = task if context is None else f"{context} {task}"
    numbers = [m for m in _ANY_NUMBER.finditer(text)]
    groups, part = _GROUPS.search(text), _PART_SHARE.search(text)
    if groups is not None and part is not None and _ASKS_BOTH_SHARES.search(task):
        said = {groups.start("big"), groups.start("small")}
        rest = [m for m in numbers if m.start() not in said]
        if len(rest) != 1 or "%" in text:
            return None
        whole = _num(rest[0].group(0))
        parts = _FRACTIONS[re.sub(r"\s+", " ", part.group("part").lower())]
        divisor = Num(parts, str(parts))
        small = Op("/", _num(groups.group("small")), divisor)
        adult = Op("/", whole, Op("+", _num(groups.group("big")), small))
        return [(adult, "an adult share"), (Op("/", adult, divisor), "a smaller share")]
    people, one_part = _PEOPLE_OF_US.search(text), _ONE_PART_SHARE.search(text)
    if people is not None and one_part is not None and _ASKS_FULL_AND_PART.search(task):
        # "4 of us, but one moved in halfway so pays half a share": a full share is the
        # cost over 3 + 1/2 shares, and the one pays half of it.
        rest = [m for m in numbers if m.start() != people.start("people")]
        count = _num(people.group("people"))
        if len(rest) != 1 or "%" in text or count.value < 2:
            return None
        parts = _FRACTIONS[re.sub(r"\s+", " ", one_part.group("part").lower())]
        divisor = Num(parts, str(parts))
        shares = Op("+", Op("-", count, Num(1, "1")), Op("/", Num(1, "1"), divisor))
        full = Op("/", _num(rest[0].group(0)), shares)
        return [(full, "a full share"), (Op("/", full, divisor), "the smaller share")]
    more = _PAYS_MORE.search(text)
    if people is None or more is None or not _ASKS_ME_AND_THEM.search(task) or "%" in text:
        return None
    said = {people.start("people"), more.start("more")}
    if more.group("others") is not None:
        others_said = more.group("others").lower()
        others_count = _COUNT_WORDS.get(others_said) or int(others_said)
        if others_count != _num(people.group("people")).value - 1:
            return None  # "the other two" of three of us, not of some other count
        said.add(more.start("others"))
    rest = [m for m in numbers if m.start() not in said]
    if not 1 <= len(rest) <= 2 or any(m.start() > people.start() for m in rest):
        return None  # the cost is said before the people sharing it
    if len(rest) == 2 and not re.search(
        r"^\s*(?:[a-z']+\s+){0,3}?(?:plus|and|\+)\s+(?:[$\u20ac\u00a3]\s?)?$",
        text[rest[0].end() : rest[1].start()],
        re.I,
    ):
        return None  # two amounts not said to add up
    cost = _sum([_num(m.group(0)) for m in rest])
    count = _num(people.group("people"))
    if count.value < 2:
        return None
    others = Op("/", Op("-", cost, _num(more.group("more"))), count)
    return [(Op("+", others, _num(more.group("more"))), "my share"), (others, "each other share")]


_READERS: tuple[Callable[[str | None, str], Reading | None], ...] = (read_bill, read_takings)


# --- pledges at a rate for each length done ----------------------------------------------------

# "sponsors pledged 2.50, 4 and 1.75 per mile": several rates for the one length.
_RATES_EACH = re.compile(
    rf"(?P<rates>{_SIGN}{_NUM}p?(?:\s*(?:,|and|&|\+)\s*{_SIGN}{_NUM}p?)+)\s+(?:per|a|an|for\s+each)\s+"
    r"(?P<unit>mile|km|kilometre|kilometer|lap|length|hole|hour|k)\b",
    re.I,
)
# "i ran 13 miles", "we did 40 lengths": how many of that length were done.
_DONE = re.compile(
    r"\b(?:ran|run|walked|walk|swam|swim|cycled|rode|did|done|completed|managed|covered)\s+"
    rf"(?:a\s+total\s+of\s+)?(?P<count>{_NUM})\s*(?P<unit>miles?|km|kilometres?|kilometers?|laps?|"
    r"lengths?|holes?|hours?|k)\b",
    re.I,
)
_ASKS_RAISED = re.compile(
    r"\b(?:raised?|raising|total|altogether|in\s+all|how\s+much\s+(?:have|did|will|do)\s+"
    r"(?:i|we)\s+(?:get|make|collect))\b",
    re.I,
)


def read_pledges(context: str | None, task: str) -> Reading | None:
    """ "sponsors pledged 2.50, 4 and 1.75 per mile and i ran 13 miles. how much have i
    raised": the rates added, times the lengths done, (2.50 + 4 + 1.75) * 13; None unless
    those are all the numbers said and the question asks what was raised in all."""
    text = task if context is None else f"{context} {task}"
    rates, done = _RATES_EACH.search(text), _DONE.search(text)
    if rates is None or done is None or not _ASKS_RAISED.search(task):
        return None
    if _ASKS_OTHER.search(task):
        return None  # "how much each", "per mile": not what was raised in all
    if done["unit"].lower().rstrip("s")[:3] != rates["unit"].lower()[:3]:
        return None  # pledged per mile, and laps done: not the same length
    said = _ANY_NUMBER.findall(rates["rates"]) + _ANY_NUMBER.findall(done.group(0))
    if sorted(said) != sorted(_ANY_NUMBER.findall(text)):
        return None  # a number that is neither a rate nor the lengths done
    each: list[Node] = []
    for m in _ANY_NUMBER.finditer(rates["rates"]):
        pence = rates["rates"][m.end() : m.end() + 1].lower() == "p"  # "50p, 1 and 2"
        each.append(Op("/", _num(m.group(0)), Num(100, "100")) if pence else _num(m.group(0)))
    asked = "the pledges for each length, times the lengths done"
    return Op("*", _sum(each), _num(done["count"])), asked


# --- gift aid on donations -------------------------------------------------------------------

# "raised 3,450", "bake sale raised 420": what was raised in all.
_RAISED = re.compile(rf"\braised\s+{_SIGN}(?P<raised>{_NUM})(?![\w.%])", re.I)
# "2,100 of that is eligible", "70% of that", "300 of the 420 was donations": the part eligible.
_ELIGIBLE = re.compile(
    rf"(?<![\w.])(?P<part>{_NUM})(?P<percent>\s*%)?\s+of\s+(?:that|it|this|the\s+{_SIGN}"
    rf"(?P<again>{_NUM}))\s+(?:is|was|are|were)\s+(?:eligible|donations|gift[\s-]aided)",
    re.I,
)
# "gift aid at 25%", "gift aid adds 25%": what gift aid adds on what is eligible.
_GIFT_AID = re.compile(
    r"\bgift[\s-]aid\s+(?:at|of|adds|is|gives|adds\s+on)\s+(?:an?\s+(?:extra\s+)?)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*%",
    re.I,
)
_ASKS_GIFT_AID_ALONE = re.compile(
    r"\b(?:how\s+much\s+(?:extra|more)|extra|how\s+much\s+(?:does|will|would)\s+(?:the\s+)?"
    r"gift[\s-]aid\s+(?:add|be|give|come\s+to))\b",
    re.I,
)
_ASKS_WITH_GIFT_AID = re.compile(r"\b(?:total|altogether|in\s+all|with\s+gift[\s-]aid)\b", re.I)


def read_gift_aid(context: str | None, task: str) -> Reading | None:
    """ "raised 640 and 70% of that is eligible for gift aid at 25%. how much extra does gift
    aid add": the part eligible times the rate, 640 * 70 / 100 * 25 / 100; asked the total,
    what was raised plus that. None unless those are all the numbers said."""
    text = task if context is None else f"{context} {task}"
    raised, part, rate = _RAISED.search(text), _ELIGIBLE.search(text), _GIFT_AID.search(text)
    if raised is None or part is None or rate is None:
        return None
    if part["again"] is not None and float(part["again"].replace(",", "")) != float(
        raised["raised"].replace(",", "")
    ):
        return None  # "300 of the 500" when 420 was raised: of what is not clear
    said = {raised.start("raised"), part.start("part"), rate.start("rate")}
    if part["again"] is not None:
        said.add(part.start("again"))
    if {m.start() for m in _ANY_NUMBER.finditer(text)} != said:
        return None  # a number that has no part here
    total = _num(raised["raised"])
    eligible = Op("*", total, _rate(part["part"])) if part["percent"] else _num(part["part"])
    added = Op("*", eligible, _rate(rate["rate"]))
    alone, with_it = _ASKS_GIFT_AID_ALONE.search(task), _ASKS_WITH_GIFT_AID.search(task)
    if alone and not with_it:
        return added, "what gift aid adds"
    if with_it and not alone:
        return Op("+", total, added), "what was raised with gift aid added"
    return None
