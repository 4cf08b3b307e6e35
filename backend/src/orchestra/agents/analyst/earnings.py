"""Pay, tax in bands, a share named by what it pays for, tax and a tip.

Everyday money said in set shapes that the word problems of `problems` do not read:

- hours at an hourly rate, with a premium on the rate ("12.60 an hour plus a 25% night
  premium. 4 nights of 10 hours") or overtime past a number of hours ("22 a hour and worked
  46 hours. anything over 40 is paid at 1.5x"): the gross pay; the hours may be said with
  minutes ("6 hrs 45 mins"), a day for a count of days or days a week, a week (asked over
  a year of the weeks said paid), or clocked in and out less a break said unpaid; when the
  overtime pay alone is asked, the hours past the limit at their rate;
- hours at multiples of a base rate ("base rate 14.20/hr. did 37.5 normal hours and 6 hours
  OT at time and a half", "night rate is 1.75x my normal 55/hr. 2 hrs 15 mins"): each block
  of hours at its multiple, added up; only those at a multiple when the overtime pay is
  asked;
- rates in bands ("5% on the first 20k and 8% on anything above that. i sold 34,500";
  "0% on the first 125,000, 2% on the next 125,000 and 5% on the rest"): the sum of each
  band's rate on the part of the amount in it;
- a pay rise ("a 4.2% pay rise on 28,750"): the new salary, and how much more that is a
  month;
- a percentage named by what it pays for ("super is 11.5% on top", "allowed to overpay
  10% of it a year") of the one amount, when the question asks that name ("how much
  super", "the max overpayment"), over the period asked;
- pro rata by days a week: an entitlement for a full week ("28 days holiday for a 5 day
  week. i do 3 days a week, pro rata") times the share of it worked; a week's pay worked
  out per day ("116.75 a week, worked out per day on a 5 day week. off 3 weeks and 2
  days"), the weeks and each day's share of a week;
- tax and a tip both on the amount before tax ("86 before tax. HST is 13% and tipping 18%
  on the pre-tax amount"): the total.

Each is read only when every number of the request has its place in it: a number left
over may be a condition (a deduction, a cap, a break) this reading would leave out.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_earnings"]

Reading = list[tuple[Node, str]]

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?"
# An amount of money: "34,500", "20k", "$22", "95,000 AUD" (the currency is read apart).
_MONEY = rf"[$\u20ac\u00a3]?(?:{_AMOUNT})(?:k\b)?"
# Every number written, glued to letters or not ("1.5x", "20k"): each must be read.
_ANY_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")
_PERCENT = r"\s*(?:%|percent\b|per\s+cent\b)"


def _num(raw: str) -> Num:
    """The number of ``raw`` ("34,500", "20k", "$22") as written, without its marks."""
    plain = raw.lstrip("$\u20ac\u00a3").replace(",", "")
    if plain.lower().endswith("k"):
        plain = f"{float(plain[:-1]) * 1000:g}"
    return Num(float(plain), plain)


def _rate(raw: str) -> Node:
    """A percentage as a fraction: 5 is 5 / 100."""
    return Op("/", _num(raw), Num(100, "100"))


# Periods one is said in, as how many of each a year holds.
_A_YEAR = {"year": 1, "month": 12, "week": 52}


def _over(value: Node, have: str, want: str) -> Node | None:
    """``value`` a ``have`` (year, month, week) as an amount a ``want``; None for a period
    not read."""
    if have not in _A_YEAR or want not in _A_YEAR:
        return None
    if have == want:
        return value
    if have == "year":
        return Op("/", value, Num(_A_YEAR[want], str(_A_YEAR[want])))
    if want == "year":
        return Op("*", value, Num(_A_YEAR[have], str(_A_YEAR[have])))
    return None  # a month in weeks is no whole number of them


def _all_read(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every number of ``text`` starts inside one of ``spans``."""
    return all(any(s <= m.start() < e for s, e in spans) for m in _ANY_NUMBER.finditer(text))


# --- Hours at an hourly rate --------------------------------------------------------------

_HOURLY = re.compile(
    rf"(?P<rate>{_MONEY})\s*(?:dollars|euros|pounds|quid|bucks)?\s*(?:an?|per|each)\s+hour\b",
    re.I,
)
# "my 16.40 rate", "the hourly rate of 14.20": a rate an hour named as the rate.
_RATE_NAMED = re.compile(
    rf"\b(?:my|the|an?|our|his|her|their)\s+(?:hourly\s+)?(?:rate\s+of\s+)?(?P<rate>{_MONEY})"
    r"\s+(?:hourly\s+|an\s+hour\s+|per\s+hour\s+)?rate\b",
    re.I,
)
# Minutes after the hours ("6 hours 45 mins", "9 hours and 20 minutes"), and the period
# the hours are said for ("a day for 4 days", "a week").
_MINUTES_TOO = r"(?:\s+(?:and\s+)?(?P<mins>[0-5]?\d)\s*(?:minutes?|mins?)\b)?"
_PERIOD_OF_HOURS = (
    r"(?:\s+(?:a|per|each|every)\s+(?P<per>day|week)(?:\s+for\s+(?P<days>\d+)\s+days\b)?)?"
)
# "worked 36 hours at 12.40": a rate right after the hours is one an hour.
_HOURS_AT = re.compile(
    rf"(?<![\w.,])(?P<hours>{_AMOUNT})\s+hours?{_MINUTES_TOO}{_PERIOD_OF_HOURS},?\s+at\s+"
    rf"(?P<rate>{_MONEY})(?![\w%]|\s*%)(?:\s*(?:an?|per|each)\s+hour\b)?",
    re.I,
)
# "worked 38 hours", "logged 6 hours 45 mins", "did 41.5 this week" (the hours word left out
# before the week they were worked in).
_WORKED_HOURS = re.compile(
    rf"\b(?:worked|work|working|did|do|doing|put\s+in|clocked(?:\s+up)?|logged|spent)\s+"
    rf"(?P<hours>{_AMOUNT})(?:\s+hours?{_MINUTES_TOO}{_PERIOD_OF_HOURS}\b"
    r"|(?=\s+(?:this|last)\s+week\b))",
    re.I,
)
# "clock in 08:50 and out at 17:20": a day's hours between two times on a 24-hour clock.
_CLOCKED = re.compile(
    r"\bclock(?:ed|s)?\s+in\s+(?:at\s+)?(?P<ah>[01]?\d|2[0-3]):(?P<am>[0-5]\d)\s+and\s+"
    r"(?:clock(?:ed|s)?\s+)?out\s+(?:at\s+)?(?P<bh>[01]?\d|2[0-3]):(?P<bm>[0-5]\d)"
    r"(?![\d:]|\s*[ap]\.?m\b)",
    re.I,
)
# "with a 45 min unpaid lunch": a break said to be unpaid, taken off each day's hours.
_UNPAID_BREAK = re.compile(
    r"(?:\bwith\s+)?(?:an?\s+)?(?<![\w.,])(?P<mins>\d+)\s*(?:minutes?|mins?)\s+unpaid\s+"
    r"(?:lunch|break)(?:\s+break)?\b",
    re.I,
)
# "5 days a week": the days worked in each week.
_DAYS_A_WEEK = re.compile(
    r"(?<![\w.,])(?P<days>[1-7])\s+days\s+(?:a|per|each|every)\s+week\b", re.I
)
# "over a year if i'm paid for all 52 weeks": the weeks paid in the year.
_WEEKS_PAID = re.compile(r"(?<![\w.,])(?P<weeks>\d{1,2})\s+weeks\b", re.I)
_ASKS_YEAR = re.compile(
    r"\b(?:over|in|for)\s+(?:a|the|one)\s+(?:whole\s+|full\s+)?year\b|"
    r"\b(?:annual(?:ly)?|yearly)\b|\b(?:a|per)\s+year\b",
    re.I,
)
_ASKS_THAT = re.compile(r"\bwhat(?:'?s|\s+is)\s+(?:that|this|it)\b", re.I)
_ASKS_OVERTIME = re.compile(
    r"\bovertime\s+(?:pay|payment|earnings|comes?\s+to)\b|\bhow\s+much\s+overtime\b|"
    r"\bpay\s+for\s+(?:the\s+)?overtime\b",
    re.I,
)
# "contracted 37 hrs": the hours past which overtime is paid, said again.
_CONTRACT = re.compile(
    rf"\bcontract(?:ed)?\s+(?:for\s+|to\s+(?:do|work)\s+)?(?P<hours>{_AMOUNT})\s+hours?"
    r"(?:\s+(?:a|per)\s+week)?\b",
    re.I,
)
# "4 nights of 10 hours", "3 shifts of 7.5 hours each".
_SHIFTS = re.compile(
    rf"(?<![\w.,])(?P<count>\d+)\s+(?:nights?|shifts?|days?|evenings?|mornings?)\s+of\s+"
    rf"(?P<hours>{_AMOUNT})\s+hours?(?:\s+each)?\b",
    re.I,
)
# "plus a 25% night premium", "with a 10% weekend enhancement".
_PREMIUM = re.compile(
    rf"\b(?:plus|with|and|\+)\s+(?:an?\s+)?(?P<rate>{_AMOUNT}){_PERCENT}\s*"
    r"(?:[a-z]+\s+){0,2}?(?:premium|enhancement|uplift|supplement|shift\s+allowance)\b",
    re.I,
)
# "anything over 40 is paid at 1.5x", "hours above 37.5 are paid at time and a half".
_OVERTIME = re.compile(
    rf"\b(?:anything|everything|any\s+hours?|hours?|time|the\s+hours?|overtime)\s+"
    rf"(?:over|above|beyond|past|after|more\s+than)\s+(?P<limit>{_AMOUNT})(?:\s+hours?)?"
    r"(?:\s+(?:a|per|each|in\s+a)\s+week)?\s+(?:is|are|gets?|get)\s+(?:paid\s+)?(?:at\s+)?"
    rf"(?:(?P<times>{_AMOUNT})\s*(?:x\b|times\b)|(?P<half>time\s+and\s+a\s+half)|"
    r"(?P<double>double(?:\s+time)?))",
    re.I,
)
# A multiple of the rate said in words or glued ("time and a half", "double time", "1.5x"),
# not "3 times a week".
_MULTIPLE_WORDS = re.compile(
    r"\btime\s+and\s+a\s+(?:half|quarter|third)\b|\b(?:double|triple|treble)\s+time\b|"
    r"(?<![\w.,])\d+(?:\.\d+)?x\b",
    re.I,
)
_ASKS_PAY = re.compile(
    r"\b(?:gross\s+pay|(?:my|the|his|her|their|total|weekly|week'?s)\s+pay\b|"
    r"how\s+much\s+(?:do|did|will|would|should)\s+(?:i|you|we|he|she|they)\s+"
    r"(?:earn|make|get(?:\s+paid)?|be\s+paid|take|bill|charge|invoice)|"
    r"what\s+(?:do|did|will|would|should)\s+(?:i|you|we|he|she|they)\s+"
    r"(?:earn|make|get(?:\s+paid)?|be\s+paid|bill|charge|invoice)|(?:total\s+)?earnings|"
    # "what's the shift worth": the pay for the time worked.
    r"what(?:'?s|\s+is)\s+(?:the|my|that|this|a)\s+(?:shift|day|night|week)\s+worth)\b|"
    # "what 7 hours at 13.15 an hour comes to", "comes to how much a week"
    r"\bcomes?\s+to(?:\s+how\s+much\b|\s*[?.!]*\s*$)|"
    # "Pay?" asked alone
    r"^\W*(?:my\s+|the\s+|total\s+)?pay\s*\?",
    re.I,
)
# Pay taken out or not paid, which this reading does not take off.
_NOT_PAID = re.compile(
    r"\b(?:net|take[\s-]?home|tax|taxes|deduct\w*|national\s+insurance|pension|unpaid|"
    r"break|breaks|lunch|minus|less|bonus|tips?|holiday\s+pay)\b",
    re.I,
)


def _overlap(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()


def _hours_of(said: re.Match[str]) -> Node:
    """The hours of ``said``, with the minutes said after them ("6 hours 45 mins")."""
    hours: Node = _num(said.group("hours"))
    minutes = said.groupdict().get("mins")
    if minutes:
        hours = Op("+", hours, Op("/", _num(minutes), Num(60, "60")))
    return hours


def _clocked_hours(text: str, spans: list[tuple[int, int]]) -> Node | None:
    """ "clock in 08:50 and out at 17:20 with a 45 min unpaid lunch": a day's hours between
    the times, less the unpaid break; None when no such times are said, or they run over
    midnight (a clock read either way)."""
    clocked = list(_CLOCKED.finditer(text))
    if len(clocked) != 1:
        return None
    said = clocked[0]
    start = int(said.group("ah")) * 60 + int(said.group("am"))
    end = int(said.group("bh")) * 60 + int(said.group("bm"))
    if end <= start:
        return None
    spans.append(said.span())
    hours: Node = Num((end - start) / 60, f"{(end - start) / 60:.15g}")
    breaks = list(_UNPAID_BREAK.finditer(text))
    if len(breaks) > 1:
        return None
    if breaks:
        hours = Op("-", hours, Op("/", _num(breaks[0].group("mins")), Num(60, "60")))
        spans.append(breaks[0].span())
    return hours


def _hourly_pay(text: str, ask: str) -> Reading | None:
    """ "Nights pay 12.60 an hour plus a 25% night premium. I did 4 nights of 10 hours. Gross
    pay?": the hours times the rate, with its premium or its overtime. The hours may be said
    with minutes ("6 hrs 45 mins"), a day for a count of days, a day for days a week, or a
    week (and the pay asked over a year of the weeks said); or between the times clocked in
    and out, less a break said to be unpaid. When only the overtime pay is asked, only the
    hours past the limit, at their rate."""
    text = re.sub(r"\s*@\s*(?=[$\u20ac\u00a3]?\d)", " at ", text)
    ask = re.sub(r"\s*@\s*(?=[$\u20ac\u00a3]?\d)", " at ", ask)
    year_asked = _ASKS_YEAR.search(ask) is not None
    overtime_asked = _ASKS_OVERTIME.search(ask) is not None
    if not (_ASKS_PAY.search(ask) or overtime_asked or (year_asked and _ASKS_THAT.search(ask))):
        return None
    breaks = list(_UNPAID_BREAK.finditer(text))
    unread = text
    for taken in breaks:
        blank = " " * (taken.end() - taken.start())
        unread = f"{unread[: taken.start()]}{blank}{unread[taken.end() :]}"
    if _NOT_PAID.search(unread):
        return None
    shifts = list(_SHIFTS.finditer(text))
    at = _HOURS_AT.search(text)
    if len(shifts) == 1 and at is not None and shifts[0].start() <= at.start() < shifts[0].end():
        # "3 shifts of 8 hours at 11 an hour": the rate of the shifts' hours.
        rate_at = re.compile(rf"\s*at\s+(?P<rate>{_MONEY})\s*(?:an?|per|each)\s+hour\b", re.I)
        said = rate_at.match(text, shifts[0].end())
        if said is None:
            return None
        at = None
        text = f"{text[: said.start()]} {said.group('rate')} an hour{text[said.end() :]}"
    rates = [m for m in _HOURLY.finditer(text) if at is None or m.start() >= at.end()]
    rates += [m for m in _RATE_NAMED.finditer(text) if at is None or m.start() >= at.end()]
    if at is not None:
        rate_said, spans = at.group("rate"), [at.span()]
    elif len(rates) == 1:
        rate_said, spans = rates[0].group("rate"), [rates[0].span()]
    else:
        return None
    if at is not None and rates:
        return None  # a second rate an hour
    shifts = list(_SHIFTS.finditer(text))
    worked = [w for w in _WORKED_HOURS.finditer(text) if not any(_overlap(w, s) for s in shifts)]
    hours: Node
    period: re.Match[str] | None = None  # what said the hours, with their period
    clocked: Node | None = None
    if at is not None:
        if shifts or len(worked) > 1:
            return None
        hours, period = _hours_of(at), at
    elif len(shifts) == 1 and not worked:
        count, each = shifts[0].group("count"), shifts[0].group("hours")
        hours = Op("*", _num(count), _num(each))
        spans.append(shifts[0].span())
    elif len(worked) == 1 and not shifts:
        hours, period = _hours_of(worked[0]), worked[0]
        spans.append(worked[0].span())
    elif not worked and not shifts and (clocked := _clocked_hours(text, spans)) is not None:
        hours = clocked
    else:
        return None
    if breaks and clocked is None:
        return None  # a break not taken off hours clocked
    # The period the hours are said for: a day ("for 4 days", "5 days a week") or a week.
    per = (period.group("per") or "").lower() if period is not None else ""
    days = period.group("days") if period is not None else None
    days_a_week = list(_DAYS_A_WEEK.finditer(text))
    weekly = per == "week"
    if per == "day" or clocked is not None:
        if days is not None:
            hours = Op("*", hours, _num(days))
            if days_a_week:
                return None
        elif len(days_a_week) == 1:
            hours = Op("*", hours, _num(days_a_week[0].group("days")))
            spans.append(days_a_week[0].span())
            weekly = True
        elif per == "day" or days_a_week:
            return None  # a day's hours on days not counted
    elif days_a_week:
        return None
    weeks: Node | None = None
    if year_asked:
        paid = [
            w for w in _WEEKS_PAID.finditer(text) if not any(s <= w.start() < e for s, e in spans)
        ]
        if not weekly or len(paid) != 1:
            return None  # the weeks of the year paid for are not said
        weeks = _num(paid[0].group("weeks"))
        spans.append(paid[0].span())
    rate: Node = _num(rate_said)
    premium, overtime = _PREMIUM.search(text), _OVERTIME.search(text)
    multiple = _MULTIPLE_WORDS.search(text)
    if multiple is not None and (overtime is None or not _overlap(multiple, overtime)):
        # "7.5 hours on the bank holiday at double time": hours at a multiple of the rate,
        # which the rate times the hours would leave out.
        return None
    if premium is not None and overtime is not None:
        return None  # whether the premium is paid on overtime too is not said
    if overtime_asked and (overtime is None or weeks is not None):
        return None
    label = "the gross pay"
    if premium is not None:
        rate = Op("*", rate, Op("+", Num(1, "1"), _rate(premium.group("rate"))))
        spans.append(premium.span())
        label = "the gross pay, with the premium"
    if overtime is not None:
        spans.append(overtime.span())
        limit = _num(overtime.group("limit"))
        contract = list(_CONTRACT.finditer(text))
        if len(contract) > 1 or any(float(c.group("hours")) != limit.value for c in contract):
            return None  # hours contracted other than the limit said
        spans.extend(c.span() for c in contract)
        if overtime.group("times"):
            times = _num(overtime.group("times"))
        else:
            times = Num(1.5, "1.5") if overtime.group("half") else Num(2, "2")
        if not isinstance(hours, Num) or hours.value <= limit.value or times.value < 1:
            return None  # no overtime worked: the limit would be a number left unused
        over = Op("-", hours, limit)
        if not _all_read(text, spans):
            return None
        if overtime_asked:
            return [(Op("*", Op("*", rate, times), over), "the overtime pay")]
        pay = Op("+", Op("*", rate, limit), Op("*", Op("*", rate, times), over))
        return [(pay, "the gross pay, with overtime")]
    if overtime_asked or not _all_read(text, spans):
        return None
    pay = Op("*", rate, hours)
    if weeks is not None:
        return [(Op("*", pay, weeks), f"{label} a week, over the weeks paid in a year")]
    if weekly:
        label = f"{label} a week"
    return [(pay, label)]


# --- Hours at multiples of a base rate ----------------------------------------------------

# How many times the base rate an hour is paid at: "time and a half", "double time", "1.75x".
_MULTIPLE = (
    r"(?:time\s+and\s+a\s+(?P<half>half)|time\s+and\s+a\s+(?P<quarter>quarter)|"
    r"(?P<double>double)\s+time|(?P<triple>triple|treble)\s+time|"
    rf"(?P<times>{_AMOUNT})\s*(?:x\b|times\b))"
)
# "base rate £14.20/hr", "base 17.90", "on 14.20/hr", "18.50 an hour", "my 21.15 base rate".
_BASE_RATE = re.compile(
    rf"(?P<rate>{_MONEY})\s*(?:/\s*(?:hr|hour|h)\b|(?:an?|per)\s+(?:hr|hour)\b)|"
    rf"\bbase(?:\s+rate)?(?:\s+(?:is|of))?\s+(?P<base>{_MONEY})(?![\w%]|\s*%)|"
    rf"(?P<named>{_MONEY})\s+base(?:\s+rate)?\b",
    re.I,
)
# "37.5 normal hours", "6 hours OT", "4 hours overtime", "2 hrs 15 mins", "8 hrs saturday".
_HOURS_BLOCK = re.compile(
    rf"(?<![\w.,/])(?P<hours>{_AMOUNT})\s*(?:(?P<kind>normal|regular|basic|standard|"
    r"overtime|ot)\s+)?(?:hours?|hrs?|h)\b"
    r"(?:\s+(?:and\s+)?(?P<mins>[0-5]?\d)\s*(?:minutes?|mins?)\b)?"
    r"(?:\s+(?P<over>overtime|ot|of\s+overtime)\b)?",
    re.I,
)
# "at time and a half", "at double time", "at double": the multiple of the hours just said.
_AT_MULTIPLE = re.compile(
    r"^,?\s*(?:(?!(?:is|are|was|were|paid|gets?|over|above|after|past)\b)[\w'-]+,?\s+){0,4}?"
    rf"at\s+(?:{_MULTIPLE}|(?P<bare>double)\b)",
    re.I,
)
# "overtime is paid at time and a half", "emergency rate is 1.5x my normal 55/hr".
_MULTIPLE_SAID = re.compile(
    r"\b(?P<name>overtime|ot|emergency|night|weekend|sunday|saturday|holiday|call[\s-]?out|"
    r"out[\s-]of[\s-]hours|unsocial)(?:\s+(?:rate|hours))?\s+(?:is|are)\s+(?:paid\s+)?"
    rf"(?:at\s+)?{_MULTIPLE}",
    re.I,
)
# A time of day ("at 3am", "10:30 pm"): no amount of the pay.
_TIME_OF_DAY = re.compile(r"(?<![\w.,])\d{1,2}(?::[0-5]\d)?\s*[ap]\.?m\b", re.I)
_ASKS_CHARGE = re.compile(
    r"\b(?:gross|pay|paid|total|charge|earn|bill|invoice|comes?\s+to|worth|cost)\b", re.I
)
_ASKS_OVERTIME_TOO = re.compile(r"\bovertime\s+(?:pay|payment|cost|earnings)\b", re.I)


def _multiple(said: re.Match[str]) -> Num | None:
    """The multiple of the base rate ``said`` names."""
    if said.group("half"):
        return Num(1.5, "1.5")
    if said.group("quarter"):
        return Num(1.25, "1.25")
    if said.group("double") or said.groupdict().get("bare"):
        return Num(2, "2")
    if said.group("triple"):
        return Num(3, "3")
    times = _num(said.group("times"))
    return times if times.value >= 1 else None


def _multiplied_hours(text: str, ask: str) -> Reading | None:
    """ "base rate 14.20/hr. did 37.5 normal hours and 6 hours OT at time and a half. gross?",
    "emergency rate is 1.5x my normal 55/hr. 2.5 hrs, what do i charge": each block of hours
    at the base rate times its multiple, added up. A block's multiple is said after it ("at
    double time"), or by a rate said of hours of its kind ("overtime is paid at time and a
    half" of "6 hrs overtime"); a block with none is at the base rate, unless it is the one
    block said and the multiple is said of the rate asked for (the overtime pay asked, or a
    rate of its own, "emergency rate is 1.5x my normal"). When the overtime pay is asked, only
    hours at a multiple are paid; a number left over leaves the request unread."""
    overtime_asked = _ASKS_OVERTIME_TOO.search(ask) is not None
    if not (overtime_asked or _ASKS_CHARGE.search(ask)) or _NOT_PAID.search(text):
        return None
    bases = list(_BASE_RATE.finditer(text))
    if len({(m.group("rate") or m.group("base") or m.group("named")) for m in bases}) != 1:
        return None
    spans = [m.span() for m in bases]
    spans += [m.span() for m in _TIME_OF_DAY.finditer(text)]
    base = _num(bases[0].group("rate") or bases[0].group("base") or bases[0].group("named"))
    stated = list(_MULTIPLE_SAID.finditer(text))
    if len(stated) > 1:
        return None
    said = stated[0] if stated else None
    said_multiple = _multiple(said) if said is not None else None
    if said is not None:
        if said_multiple is None:
            return None
        spans.append(said.span())
    blocks = [
        b for b in _HOURS_BLOCK.finditer(text) if not any(s <= b.start() < e for s, e in spans)
    ]
    if not blocks:
        return None
    parts: list[tuple[Node, bool]] = []  # the pay of each block, and whether at a multiple
    for i, block in enumerate(blocks):
        hours = _hours_of(block)
        end = blocks[i + 1].start() if i + 1 < len(blocks) else len(text)
        at = _AT_MULTIPLE.match(text[block.end() : end])
        times: Num | None = None
        if at is not None:
            times = _multiple(at)
            if times is None:
                return None
            spans.append((block.end(), block.end() + at.end()))
        elif (block.group("kind") or "").lower() in ("overtime", "ot") or block.group("over"):
            if said is None or said.group("name").lower() not in ("overtime", "ot"):
                return None
            times = said_multiple
        elif said is not None and len(blocks) == 1:
            named_overtime = said.group("name").lower() in ("overtime", "ot")
            if named_overtime and not overtime_asked:
                return None  # the hours may be all at the base rate
            times = said_multiple
        spans.append(block.span())
        pay = Op("*", Op("*", base, times), hours) if times is not None else Op("*", base, hours)
        parts.append((pay, times is not None))
    if not any(multiplied for _, multiplied in parts) or not _all_read(text, spans):
        return None
    if overtime_asked:
        if not all(multiplied for _, multiplied in parts):
            return None
        label = "the overtime pay"
    else:
        label = "the pay, each block of hours at its multiple of the base rate"
    total: Node = parts[0][0]
    for more, _ in parts[1:]:
        total = Op("+", total, more)
    return [(total, label)]


# --- Pro rata by days a week ---------------------------------------------------------------

# "28 days holiday for a 5 day week": an entitlement for a full week of days.
_FULL_ENTITLEMENT = re.compile(
    rf"(?<![\w.,])(?P<amount>{_AMOUNT})\s+days?\s+(?:of\s+)?(?:holiday|leave|annual\s+leave|"
    r"holidays)\s+(?:a\s+year\s+)?(?:for|on)\s+(?:a\s+)?(?P<full>[1-7])[\s-]*days?[\s-]+week\b",
    re.I,
)
_MY_DAYS = re.compile(
    r"\b(?:i|i'm|we)\s+(?:do|work|only\s+work|only\s+do|am\s+on)\s+(?P<days>[1-7])\s+days?\s+"
    r"(?:a|per|each)\s+week\b",
    re.I,
)
_ASKS_PRO_RATA = re.compile(r"\bpro[\s-]?rata\b|\b(?:my|what'?s\s+my)\s+entitlement\b", re.I)
# "116.75 a week, worked out per day on a 5 day week": a week's amount, a day's a fifth.
_WEEKLY_PER_DAY = re.compile(
    rf"(?<![\w.,])(?P<amount>{_MONEY})\s+(?:a|per)\s+week\b[^.?!]*?\bper\s+day\s+on\s+"
    r"(?:a\s+)?(?P<full>[1-7])[\s-]*days?[\s-]+week\b",
    re.I,
)
_WEEKS_AND_DAYS = re.compile(
    r"(?<![\w.,])(?P<weeks>\d+)\s+weeks?\s+(?:and\s+)?(?P<days>\d+)\s+days?\b", re.I
)
_ASKS_GET = re.compile(
    r"\bhow\s+much\s+(?:do|will|would|should)\s+i\s+(?:get|be\s+paid|receive)\b|"
    r"\bwhat\s+(?:do|will|would)\s+i\s+get\b",
    re.I,
)


# "full time salary is 34.5k for 37.5 hrs a week": a full-time salary and the week it is for.
_FULL_SALARY = re.compile(
    rf"\b(?:salary|pay|wage)\s+(?:is|of)\s+(?P<amount>{_MONEY})\s*(?:a\s+year\s+|pa\s+)?"
    rf"(?:for|on)\s+(?:a\s+)?(?P<full>{_AMOUNT})[\s-]*(?P<unit>hours?|hrs?|days?)"
    r"(?:[\s-]+week\b|\s+(?:a|per|each)\s+week\b)",
    re.I,
)
# "i do 22.5 hrs", "i work 3 days a week": the part of that week worked.
_MY_PART = re.compile(
    r"\b(?:i|i'm|we)\s+(?:do|work|only\s+work|only\s+do|am\s+on)\s+(?:only\s+)?"
    rf"(?P<part>{_AMOUNT})\s*(?P<unit>hours?|hrs?|days?)(?:\s+(?:a|per|each)\s+week)?\b",
    re.I,
)
_ASKS_PRO_RATA_SALARY = re.compile(
    r"\bpro[\s-]?rata\s+(?:salary|pay|wage)\b|\b(?:salary|pay|wage)\s+pro[\s-]?rata\b|"
    r"^\W*pro[\s-]?rata\s*\??\s*$",
    re.I,
)


def _pro_rata_salary(text: str, ask: str) -> Reading | None:
    """ "full time salary is 34.5k for 37.5 hrs a week and i do 22.5 hrs. pro rata salary?":
    the salary times the part of the full week worked, both in hours (or both in days)."""
    full, mine = _FULL_SALARY.search(text), list(_MY_PART.finditer(text))
    if full is None or len(mine) != 1 or not _ASKS_PRO_RATA_SALARY.search(ask):
        return None
    if full.group("unit")[0].lower() != mine[0].group("unit")[0].lower():
        return None  # hours against days: the length of a day is not said
    part, whole = _num(mine[0].group("part")), _num(full.group("full"))
    if not 0 < part.value <= whole.value or not _all_read(text, [full.span(), mine[0].span()]):
        return None
    return [(Op("*", _num(full.group("amount")), Op("/", part, whole)), "the salary, pro rata")]


def _pro_rata(text: str, ask: str) -> Reading | None:
    """ "full timers get 28 days holiday for a 5 day week. i do 3 days a week - whats my pro
    rata entitlement": the entitlement times the days worked over the full week's; "sick
    pay is 116.75 a week, worked out per day on a 5 day week. off 3 weeks and 2 days": the
    weeks' pay and each day's share of a week."""
    full, mine = _FULL_ENTITLEMENT.search(text), list(_MY_DAYS.finditer(text))
    if full is not None and len(mine) == 1 and _ASKS_PRO_RATA.search(text):
        days, whole = int(mine[0].group("days")), int(full.group("full"))
        if days > whole or not _all_read(text, [full.span(), mine[0].span()]):
            return None
        share = Op("/", _num(mine[0].group("days")), _num(full.group("full")))
        return [(Op("*", _num(full.group("amount")), share), "the entitlement, pro rata")]
    weekly, off = _WEEKLY_PER_DAY.search(text), list(_WEEKS_AND_DAYS.finditer(text))
    if weekly is None or len(off) != 1 or not _ASKS_GET.search(ask):
        return None
    if int(off[0].group("days")) >= int(weekly.group("full")):
        return None  # more days than a week holds: weeks and days not read so
    if _NOT_PAID.search(text.replace(weekly.group(0), " ")) or not _all_read(
        text, [weekly.span(), off[0].span()]
    ):
        return None
    amount = _num(weekly.group("amount"))
    day = Op("/", amount, _num(weekly.group("full")))
    pay = Op(
        "+", Op("*", amount, _num(off[0].group("weeks"))), Op("*", day, _num(off[0].group("days")))
    )
    return [(pay, "the pay for the weeks and days")]


# --- Rates in bands -----------------------------------------------------------------------

# "5% on the first 20k", "2% on the next 125,000", "0% up to 12,570".
_BAND = re.compile(
    rf"(?<![\w.,])(?P<rate>{_AMOUNT}){_PERCENT}\s+(?:on|of|for)\s+(?:the\s+)?"
    rf"(?P<which>first|next)\s+(?P<size>{_MONEY})",
    re.I,
)
# "8% on anything above that", "5% on the rest", "10% on everything over that".
_TOP_BAND = re.compile(
    rf"(?<![\w.,])(?P<rate>{_AMOUNT}){_PERCENT}\s+(?:on|of|for)\s+(?:the\s+)?"
    r"(?:(?:anything|everything|any\s+amount|whatever\s+is|the\s+part|the\s+amount|sales)\s+)?"
    r"(?:(?:above|over|beyond|after|past)\s+(?:that|this|it|those)\b|"
    r"(?:rest|remainder|balance)\b)",
    re.I,
)
# What a banded rate is charged as: "tax", "income tax", "NI", "national insurance".
_BANDED_NOUN = (
    r"(?:(?:income\s+|dividend\s+)?tax|commission|duty|stamp\s+duty|levy|bonus|ni|nics?|"
    r"national\s+insurance)"
)
_ASKS_BANDED = re.compile(
    rf"\bhow\s+much\s+{_BANDED_NOUN}\b|"
    r"\b(?:what'?s|what\s+is|whats|what\s+will\s+be|work\s+out)\s+(?:my|the|our|his|her)\s+"
    rf"(?:total\s+)?{_BANDED_NOUN}\b|"
    rf"\b{_BANDED_NOUN}\s+(?:due|owed|payable|to\s+pay)\b|"
    # "... i sold 15,000. commission?", "total income tax", "tax a year?": the noun alone
    # asked, over the year at most.
    r"(?:^|[.?!]\s*|Task:\s*)(?:my\s+|the\s+)?(?:total\s+)?"
    rf"{_BANDED_NOUN}(?:\s+(?:a|per|for\s+the)\s+year)?\s*(?:\?|\.?\s*$)",
    re.I,
)
# "... for the year and per month": the yearly amount asked a month too.
_ASKS_A_MONTH_TOO = re.compile(r"\band\s+(?:per|a|each)\s+month\b|\band\s+monthly\b", re.I)


# "the first 12,570 is tax free", "the first 1,000 isn't taxed": a band at no rate.
# "the first 1,000 of side income is tax free", "personal allowance is 12,570", "tax free
# 12,570": an allowance is the first band, at no rate.
_FIRST_FREE = re.compile(
    rf"\b(?:the\s+)?first\s+(?P<size>{_MONEY})\s+(?:of\s+(?:[a-z]+\s+){{1,3}}?)?(?:(?:is|are)\s+)?"
    r"(?:tax[\s-]free|untaxed|not\s+taxed|free\s+of\s+tax)\b|"
    r"\b(?:(?:personal|dividend|trading|tax[\s-]free)\s+)?allowance\s+(?:is|of)\s+"
    rf"(?P<allowance>{_MONEY})|"
    rf"\btax[\s-]free\s+(?:up\s+to\s+|on\s+(?:the\s+)?first\s+)?(?P<free>{_MONEY})",
    re.I,
)
# "the next 37,700 is taxed at 20%": a band after the one before, at its rate.
_NEXT_TAXED = re.compile(
    rf"\b(?:the\s+)?next\s+(?P<size>{_MONEY})\s+(?:is|are|gets?)\s+taxed\s+at\s+"
    rf"(?P<rate>{_AMOUNT}){_PERCENT}",
    re.I,
)
# "the rest is taxed at 20%", "anything above that is taxed at 40%": the top band's rate.
_REST_TAXED = re.compile(
    r"\b(?:the\s+)?(?P<rest>rest|remainder|balance|(?:anything|everything)\s+(?:above|over)"
    r"(?:\s+(?:that|this|it))?)\s+(?:(?:is|are|gets?)\s+)?taxed\s+at\s+"
    rf"(?P<rate>{_AMOUNT}){_PERCENT}",
    re.I,
)


def _bands_said_as_taxed(text: str) -> str:
    """``text`` with bands said as taxed or tax free written as rates on them: "the first
    12,570 is tax free and the rest is taxed at 20%" as "0% on the first 12,570 and 20% on
    the rest"."""
    text = _FIRST_FREE.sub(
        lambda m: f"0% on the first {m.group('size') or m.group('allowance') or m.group('free')}",
        text,
    )
    text = _NEXT_TAXED.sub(lambda m: f"{m.group('rate')}% on the next {m.group('size')}", text)
    return _REST_TAXED.sub(lambda m: f"{m.group('rate')}% on the rest", text)


# Bands said by where they end or start rather than by their size, as tax bands are:
# "20% up to 50,270" and "20% on the rest (up to 50,270)" end at 50,270; "8% on earnings
# between 12,570 and 50,270" starts and ends so; "40% above" and "2% above 50,270" are the
# top band, from where the one before ends. Each is written as a band's size from that end.
_THRESHOLD = re.compile(
    rf"(?<![\w.,])(?P<rate>{_AMOUNT}){_PERCENT}\s+"
    r"(?:(?:on|of)\s+(?:the\s+)?(?:(?:rest|earnings|income|profits?|salary|pay|anything|"
    r"everything)\s+)?)?(?:\(\s*)?"
    rf"(?:up\s+to\s+(?P<upto>{_MONEY})|between\s+(?P<low>{_MONEY})\s+and\s+(?P<high>{_MONEY})|"
    rf"(?P<above>above|over)(?:\s+(?P<from>{_MONEY}))?(?![\w,.]*\d))(?:\s*\))?",
    re.I,
)
# "first 12,570 tax free then 20%.": a rate said alone right after the bands is the rest's.
_THEN_RATE = re.compile(
    rf"\bthen\s+(?P<rate>{_AMOUNT}){_PERCENT}(?=\s*(?:[.,;?!]|$|and\b))",
    re.I,
)


def _said(value: float) -> str:
    """``value`` written as a plain number ("37700", "12.5"), as a band's size is read."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _thresholds_as_bands(text: str) -> str | None:
    """``text`` (its bands already said as rates) with bands said by their ends written by
    their sizes, in order: "0% on the first 12,570, then 20% up to 50,270, then 40% above" as
    "0% on the first 12,570, then 20% on the next 37700, then 40% on the rest"; None when an
    end does not follow on from the band before (an end below it, a gap, a top band from
    elsewhere), which is no ladder read in order."""
    said = sorted(
        [(m.start(), m.end(), "band", m) for m in _BAND.finditer(text)]
        + [(m.start(), m.end(), "end", m) for m in _THRESHOLD.finditer(text)]
        + [(m.start(), m.end(), "then", m) for m in _THEN_RATE.finditer(text)],
        key=lambda found: found[0],
    )
    lower = 0.0
    pieces: list[str] = []
    at = 0
    for start, end, kind, m in said:
        if start < at:
            return None  # two readings of the same words
        if kind == "band":
            size = _num(m.group("size")).value
            lower = size if m.group("which").lower() == "first" else lower + size
            continue
        rate = m.group("rate")
        if kind == "then" or m.group("above"):
            edge = m.group("from") if kind == "end" else None
            if not lower or (edge is not None and _num(edge).value != lower):
                return None
            written = f"then {rate}% on the rest" if kind == "then" else f"{rate}% on the rest"
        elif m.group("upto"):
            upper = _num(m.group("upto")).value
            if upper <= lower:
                return None
            written = f"{rate}% on the next {_said(upper - lower)}"
            lower = upper
        else:
            low, high = _num(m.group("low")).value, _num(m.group("high")).value
            if high <= low or (lower and low != lower):
                return None
            written = f"{rate}% on the next {_said(high - low)}"
            if not lower and low:  # below the first band said: at no rate
                written = f"0% on the first {_said(low)} and {written}"
            lower = high
        pieces.append(text[at:start] + written)
        at = end
    return "".join(pieces) + text[at:]


def _banded(text: str, ask: str) -> Reading | None:
    """ "Commission is 5% on the first 20k of sales and 8% on anything above that. I sold
    34,500": each band's rate on the part of the amount in it, added."""
    if not _ASKS_BANDED.search(ask):
        return None
    ended = _thresholds_as_bands(_bands_said_as_taxed(text))
    if ended is None:
        return None
    text = ended
    bands = list(_BAND.finditer(text))
    tops = list(_TOP_BAND.finditer(text))
    if not bands or len(tops) > 1 or bands[0].group("which").lower() != "first":
        return None
    if any(b.group("which").lower() != "next" for b in bands[1:]):
        return None
    if tops and tops[0].start() < bands[-1].end():
        return None  # the rest said before a band: not a ladder read in order
    spans = [b.span() for b in bands] + [t.span() for t in tops]
    amounts = [
        m
        for m in re.finditer(rf"(?<![\w.,]){_MONEY}(?![\w%]|\s*%|[.,]\d)", text)
        if not any(s <= m.start() < e for s, e in spans)
    ]
    if len(amounts) != 1:
        return None
    amount = _num(amounts[0].group(0))
    spans.append(amounts[0].span())
    if not _all_read(text, spans):
        return None
    parts: list[Node] = []
    lower = 0.0
    for band in bands:
        size = _num(band.group("size"))
        if amount.value <= lower:
            break
        if amount.value >= lower + size.value:
            part: Node = size
        else:
            part = Op("-", amount, Num(lower, f"{lower:g}")) if lower else amount
        parts.append(Op("*", _rate(band.group("rate")), part))
        lower += size.value
    if amount.value > lower:
        if not tops:
            return None  # an amount past the bands said, at a rate not said
        parts.append(
            Op("*", _rate(tops[0].group("rate")), Op("-", amount, Num(lower, f"{lower:g}")))
        )
    total = parts[0]
    for part in parts[1:]:
        total = Op("+", total, part)
    if _ASKS_A_MONTH_TOO.search(ask):  # "for the year and per month"
        return [
            (total, "the amount at each band's rate, added"),
            (Op("/", total, Num(12, "12")), "that a month"),
        ]
    return [(total, "the amount at each band's rate, added")]


# --- A pay rise ---------------------------------------------------------------------------

_RISE = (
    r"(?:pay\s+rise|pay\s+raise|raise|rise|pay\s+increase|salary\s+increase|increase|"
    r"pay\s+bump|bump)"
)
# "a 4.2% pay rise on 28,750", "a 3% raise from 41,000".
_RISE_ON = re.compile(
    rf"(?<![\w.,])(?P<rate>{_AMOUNT}){_PERCENT}\s+{_RISE}\s+(?:on|from|to)\s+(?:my\s+|a\s+|the\s+)?"
    rf"(?:salary\s+of\s+)?(?P<salary>{_MONEY})(?![\w%]|\s*%)",
    re.I,
)
# "my salary is 28,750 and I'm getting a 4.2% pay rise".
_SALARY_THEN_RISE = re.compile(
    rf"\b(?:salary|pay|wage)\s+(?:is|of)\s+(?P<salary>{_MONEY})(?![\w%]|\s*%)[^.?!]*?"
    rf"(?<![\w.,])(?P<rate>{_AMOUNT}){_PERCENT}\s+{_RISE}\b",
    re.I,
)
_ASKS_NEW = re.compile(
    r"\bnew\s+(?:salary|pay|wage|income)\b|\bwhat\s+will\s+i\s+(?:earn|get)\b", re.I
)
_ASKS_MORE = re.compile(
    r"\bhow\s+much\s+more\b(?:[^.?!]*?\b(?:per|a|each|every)\s+(?P<period>month|week|year)\b)?",
    re.I,
)
_SALARY_PERIOD = re.compile(r"\s*(?:a|per|each|every)\s+(?P<period>month|week|year)\b", re.I)
_PERIOD_SAID = re.compile(r"\b(?:a|per|each|every)\s+(?:month|week|day|hour)\b|\bmonthly\b", re.I)


def _pay_rise(text: str, ask: str) -> Reading | None:
    """ "Getting a 4.2% pay rise on 28,750. What's the new salary and how much more is that
    per month": the salary with the rise, then the rise a month (a salary is a year's)."""
    said = _RISE_ON.search(text) or _SALARY_THEN_RISE.search(text)
    if said is None or not _all_read(text, [said.span()]):
        return None
    # The salary is a year's unless a period is said with it ("2,400 a month").
    period_said = _SALARY_PERIOD.match(text, said.end("salary"))
    have = period_said.group("period").lower() if period_said else "year"
    if _PERIOD_SAID.search(text[: said.start()]) or (
        period_said is None and _PERIOD_SAID.match(text, said.end())
    ):
        return None
    salary, rate = _num(said.group("salary")), _rate(said.group("rate"))
    asks: list[tuple[int, Node, str]] = []
    new = _ASKS_NEW.search(text, said.end())
    if new is not None:
        asks.append((new.start(), Op("*", salary, Op("+", Num(1, "1"), rate)), "the new salary"))
    more = _ASKS_MORE.search(text, said.end())
    if more is not None:
        period = (more.group("period") or have).lower()
        rise = _over(Op("*", salary, rate), have, period)
        if rise is None:
            return None
        asks.append((more.start(), rise, f"the rise a {period}"))
    if not asks:
        return None
    return [(node, label) for _, node, label in sorted(asks, key=lambda a: a[0])]


# --- A percentage named by what it pays for -----------------------------------------------

# "super is 11.5% on top", "the deposit is 15%", "allowed to overpay 10% of it a year".
_NAMED_SHARE = re.compile(
    rf"\b(?P<name>[a-z]{{3,}})\s+(?:is|are|of|at)\s+(?P<rate>{_AMOUNT}){_PERCENT}"
    r"(?P<after>(?:\s+(?:on\s+top|extra|of\s+(?:it|that|the\s+salary|salary|pay)))?"
    r"(?:\s+(?:a|per|each|every)\s+(?P<p1>year|month))?)"
    rf"|\b(?:(?:allowed|able|permitted|entitled)\s+to|can|could|may)\s+(?P<verb>[a-z]{{3,}})\s+(?:up\s+to\s+)?"
    rf"(?P<vrate>{_AMOUNT}){_PERCENT}\s+of\s+(?:it|that|the\s+(?:balance|loan|amount))"
    r"(?:\s+(?:a|per|each|every)\s+(?P<p2>year|month))?",
    re.I,
)
_ASKS_NAMED = re.compile(
    r"\bhow\s+much\s+(?P<a>[a-z]{3,})\b|"
    r"\b(?:max|maximum|most|biggest|largest|total)\s+(?P<b>[a-z]{3,})\b|"
    # "commission?", "the fee?": the share asked by its name alone
    r"^\W*(?:(?:the|my|our|their|her|his)\s+)?(?P<c>[a-z]{3,})\s*[?.!]*\s*$|"
    r"\bwhat(?:'s|s|\s+is)\s+(?:that|this|it)\b",
    re.I,
)
_ASKED_PERIOD = re.compile(
    r"\b(?:(?:per|a|each|every)\s+(?P<period>month|year|week)|(?P<ly>monthly|yearly|annually)|"
    r"over\s+the\s+(?P<over>year|month))\b"
    r"(?:\s+over\s+(?P<months>\d+)\s+months\b)?",
    re.I,
)
_AMOUNT_PERIOD = re.compile(
    r"\b(?:a|per|each|every)\s+(?P<period>month|year|week)\b|\b(?P<ly>monthly|yearly|annual(?:ly)?)\b",
    re.I,
)
_NOT_A_SHARE_NAME = frozenset({"this", "that", "which", "what", "rate", "interest", "tax", "vat"})


def _stem_of(name: str, asked: str) -> bool:
    """Whether the asked word names the same thing ("overpay" and "overpayment")."""
    name, asked = name.lower(), asked.lower()
    return asked == name or (len(name) >= 5 and asked.startswith(name))


def _named_share(context: str, task: str) -> Reading | None:
    """ "Salary is 95,000 AUD and super is 11.5% on top. How much super goes in over the
    year": the named percentage of the one amount, over the period asked."""
    shares = list(_NAMED_SHARE.finditer(context))
    if len(shares) != 1 or _NAMED_SHARE.search(task):
        return None
    share = shares[0]
    name = share.group("name") or share.group("verb")
    if name.lower() in _NOT_A_SHARE_NAME:
        return None
    asked = _ASKS_NAMED.search(task)
    if asked is None:
        return None
    word = asked.group("a") or asked.group("b") or asked.group("c")
    if word is not None and not _stem_of(name, word):
        return None
    if word is None and not re.match(
        r"\W*(?:and\s+)?what(?:'s|s|\s+is)\s+(?:that|this|it)\b", task, re.I
    ):
        return None  # "that" is the share only as the question's first words
    amounts = [
        m
        for m in re.finditer(rf"(?<![\w.,]){_MONEY}(?![\w%]|\s*%|[.,]\d)", context)
        if not (share.start() <= m.start() < share.end())
    ]
    if len(amounts) != 1:
        return None
    period_of_task = _ASKED_PERIOD.search(task)
    spans = [(0, 0)]
    if period_of_task is not None and period_of_task.group("months"):
        spans = [period_of_task.span("months")]
    if not _all_read(context, [share.span(), amounts[0].span()]) or not _all_read(task, spans):
        return None
    amount = _num(amounts[0].group(0))
    # The period of the share: said with it, with the amount, or a salary's year.
    period = (share.group("p1") or share.group("p2") or "").lower()
    stated = _AMOUNT_PERIOD.search(context[amounts[0].end() : amounts[0].end() + 20])
    if not period and stated is not None:
        period = (stated.group("period") or stated.group("ly") or "").lower()
        period = {"monthly": "month", "yearly": "year", "annual": "year", "annually": "year"}.get(
            period, period
        )
    if not period and re.search(r"\b(?:salary|salaries)\b", context[: amounts[0].end()], re.I):
        period = "year"
    wanted = ""
    if period_of_task is not None:
        wanted = (
            period_of_task.group("period")
            or period_of_task.group("over")
            or {"monthly": "month", "yearly": "year", "annually": "year"}[
                period_of_task.group("ly").lower()
            ]
        ).lower()
    value: Node = Op("*", amount, _rate(share.group("rate") or share.group("vrate")))
    label = f"the {name.lower()}"
    if wanted:
        months = period_of_task.group("months") if period_of_task else None
        if months and (period, wanted, months) != ("year", "month", "12"):
            return None  # "over 18 months" is more than the year the share is said for
        if wanted != period:
            if not period:
                return None  # the share's own period is not said
            spread = _over(value, period, wanted)
            if spread is None:
                return None
            value = spread
        label = f"{label} a {wanted}"
    return [(value, label)]


# --- Tax and a tip on the amount before tax -----------------------------------------------

_BEFORE_TAX = re.compile(
    rf"(?P<amount>{_MONEY})(?:\s*[a-z]{{3}}\b)?\s+(?:before\s+tax|pre-?\s?tax|excluding\s+tax|"
    r"ex(?:cl?\.?)?\s+tax|plus\s+tax)",
    re.I,
)
_TAX_RATE = re.compile(
    rf"\b(?:tax|hst|gst|pst|vat|sales\s+tax)\s+(?:is|of|at)\s+(?P<rate>{_AMOUNT}){_PERCENT}"
    rf"|(?<![\w.,])(?P<rate2>{_AMOUNT}){_PERCENT}\s+(?:tax|hst|gst|pst|vat|sales\s+tax)\b",
    re.I,
)
# The tip said to be on the amount before tax: nothing else says which it is on.
_TIP_PRE_TAX = re.compile(
    rf"\btip(?:ping|ped)?\s+(?:of\s+)?(?P<rate>{_AMOUNT}){_PERCENT}\s+(?:on|of)\s+the\s+"
    r"(?:pre-?\s?tax|before[\s-]tax)\s+(?:amount|bill|total|price|cost)"
    rf"|\btip(?:ping|ped)?\s+(?:of\s+)?(?P<rate2>{_AMOUNT}){_PERCENT}\s+(?:on\s+the\s+"
    r"(?:amount|bill|total|price|cost)\s+)?before\s+tax\b",
    re.I,
)
_ASKS_TOTAL = re.compile(
    r"\btotal\b|\bwhat\s+(?:do|did|will|would|should)\s+(?:i|we)\s+pay\b|"
    r"\bhow\s+much\s+(?:altogether|in\s+all|all\s+in|do\s+(?:i|we)\s+pay)\b",
    re.I,
)


def _tax_and_tip(text: str, ask: str) -> Reading | None:
    """ "Dinner was 86 CAD before tax. HST is 13% and I'm tipping 18% on the pre-tax amount.
    Total?": the amount, its tax and the tip on it before tax, added."""
    amount, tax, tip = _BEFORE_TAX.search(text), _TAX_RATE.search(text), _TIP_PRE_TAX.search(text)
    if amount is None or tax is None or tip is None or not _ASKS_TOTAL.search(ask):
        return None
    if not _all_read(text, [amount.span(), tax.span(), tip.span()]):
        return None
    base = _num(amount.group("amount"))
    taxed = _rate(tax.group("rate") or tax.group("rate2"))
    tipped = _rate(tip.group("rate") or tip.group("rate2"))
    total = Op("+", Op("+", base, Op("*", base, taxed)), Op("*", base, tipped))
    return [(total, "the total with tax and the tip on the amount before tax")]


def read_earnings(context: str | None, task: str) -> Reading | None:
    """The expressions and labels of the pay, banded rate, pay rise, named share, or tax and
    tip that ``context`` (the statement, when apart) and ``task`` state and
    ask, in the order asked; None when they ask none of them (see the module docstring)."""
    text = f"{context} {task}" if context is not None else task
    # What is asked is read in the question alone: "the pay is 12 an hour" states.
    ask = task if context is not None else re.split(r"(?<=[.?!])\s+(?=\S)", task.strip())[-1]
    readers = (_multiplied_hours, _hourly_pay, _pro_rata, _pro_rata_salary, _banded, _pay_rise)
    for reader in (*readers, _tax_and_tip):
        found = reader(text, ask)
        if found is not None:
            return found
    if context is not None:
        return _named_share(context, task)
    return None
