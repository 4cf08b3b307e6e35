"""Meter readings and bills by use: the units used between two readings, and their cost.

"gas meter said 14382 last time and 14517 now. each unit is 11.2 kWh and we pay 6.3p per
kWh. how many kWh was that and what's the cost in £": the units used are the later reading
less the earlier (14517 - 14382), each so many kWh ("each unit is 11.2 kWh", "1 unit = 11.2
kWh", "times the difference by 11.2 to get kWh"); a meter with no such factor reads kWh
itself. The cost is the kWh at the price per kWh, in pounds when asked in "£" or pounds and
the price is in pence (6.3p is 0.063), in pence when asked in pence. "water is 1.92 per m3
plus 2.31 per m3 sewerage, and we used 38 m3. total?": prices by one unit, said joined, are
added and times the amount used in that unit. "swapping a 60 W bulb for a 9 W LED, on 5
hours a day every day of the year (365), 27p/kWh, yearly saving": the kW saved times the
hours a day and the days, at the price. What is asked ("how
many kWh", "the cost", "how much") is answered in the order asked. Read only when there are
two readings, the later one the larger, and every number is a reading, the factor or the
price: a standing charge or VAT, say, is not read.
"""

from __future__ import annotations

import itertools
import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_meter"]

_AMOUNT = r"\d+(?:\.\d+)?"
_READING = r"(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)"
# "meter said 14382 last time and 14517 now", "meter read 4812 last month and 4907 today".
_READINGS = re.compile(
    r"\bmeter\s+(?:reading\s+)?(?:said|read|reads|was|showed|showing|on)\s+"
    + _READING.format("before")
    + r"\s+(?:last\s+(?:time|month|quarter|week|year)|before|at\s+the\s+start)"
    r"[^\d]{0,30}?\band\s+(?:(?:it\s+)?(?:says|reads|is|shows)\s+)?"
    + _READING.format("after")
    + r"\s+(?:now|today|this\s+(?:time|month|quarter|week|year))\b",
    re.I,
)
# "each unit is 11.2 kWh", "1 unit = 11.2 kWh", "times the difference by 11.2 to get kWh".
_FACTOR = re.compile(
    rf"\b(?:(?:each|one|1|a)\s+unit\s+(?:is|=|equals|is\s+worth)\s+(?P<a>{_AMOUNT})\s*kwh\b"
    rf"|(?:times|multiply)\s+(?:the\s+)?(?:difference|units|that)\s+by\s+(?P<b>{_AMOUNT})\s+"
    r"to\s+get\s+kwh\b)",
    re.I,
)
# "6.3p per kWh", "27p/kWh", "£0.27 per kWh", "0.27 a kWh".
_PRICE = re.compile(
    rf"(?P<pound>\u00a3\s*)?(?<![\w.])(?P<price>{_AMOUNT})\s*(?P<pence>p\b)?\s*"
    r"(?:per|a|/|for\s+each)\s*kwh\b",
    re.I,
)
_KWH_ASKED = re.compile(r"\bhow\s+many\s+kwh\b|\bkwh\s+(?:used|is\s+that|was\s+that)\b", re.I)
_COST_ASKED = re.compile(
    r"\b(?:cost|costs|how\s+much\s+(?:is\s+that|was\s+that|does\s+that|did\s+that|will|do|"
    r"to\s+pay)|how\s+much\s*[?.]?$|bill|charge)\b",
    re.I,
)
_IN_POUNDS = re.compile(r"\bin\s+(?:\u00a3|pounds\b|gbp\b)|\u00a3\s*[?.]?\s*$", re.I)
_IN_PENCE = re.compile(r"\bin\s+(?:pence|p)\b", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")


def _num(raw: str) -> Num:
    plain = raw.replace(",", "")
    return Num(float(plain), plain)


# A unit a bill charges by: "m3", "m\u00b3", "cubic metre", "kWh", "litre", "unit".
_BY = r"(?:m3|m\u00b3|cubic\s+met(?:re|er)s?|kwh|litres?|liters?|units?)"
# "1.92 per m3 for the water plus 2.31 per m3 sewerage": prices by one unit, added.
_PER_UNIT = re.compile(
    rf"(?<![\w.])\u00a3?(?P<price>{_AMOUNT})\s*(?P<pence>p\b)?\s*(?:per|a|/)\s*(?P<by>{_BY})(?![\w\u00b2\u00b3])",
    re.I,
)
_JOINED = re.compile(r"^[^\d]{0,40}?\b(?:plus|and|\+|with)\b[^\d]{0,30}$", re.I)
# "we used 38 m3", "used 38 m3 this half year".
_USED = re.compile(
    rf"\b(?:used|use|using|usage\s+(?:was|is|of))\s+(?P<amount>{_AMOUNT})\s*(?P<by>{_BY})"
    r"(?![\w\u00b2\u00b3])",
    re.I,
)
_TOTAL_ASKED = re.compile(r"\b(?:total|cost|bill|how\s+much)\b", re.I)


def _same_unit(a: str, b: str) -> bool:
    def plain(unit: str) -> str:
        unit = re.sub(r"\s+", " ", unit.lower()).replace("\u00b3", "3")
        if unit.startswith("cubic"):
            return "m3"
        return unit.rstrip("s").replace("liter", "litre")

    return plain(a) == plain(b)


def _rates_added(text: str) -> list[tuple[Node, str]] | None:
    """Prices by one unit said one after another ("1.92 per m3 ... plus 2.31 per m3"), times
    the amount used in that unit: the total of the bill."""
    prices, used = list(_PER_UNIT.finditer(text)), list(_USED.finditer(text))
    if len(prices) < 2 or len(used) != 1 or not _TOTAL_ASKED.search(text, used[0].end()):
        return None
    if any(m.group("pence") for m in prices):
        return None  # pence said, with pounds or pence asked: not read here
    if not all(_same_unit(m.group("by"), used[0].group("by")) for m in prices):
        return None
    if not all(_JOINED.match(text[a.end() : b.start()]) for a, b in itertools.pairwise(prices)):
        return None  # prices not said as parts of one charge
    spans = [m.span() for m in prices] + [used[0].span()]
    if any(not any(a <= m.start() < b for a, b in spans) for m in _NUMBER.finditer(text)):
        return None
    rate: Node = _num(prices[0].group("price"))
    for price in prices[1:]:
        rate = Op("+", rate, _num(price.group("price")))
    total = Op("*", rate, _num(used[0].group("amount")))
    return [(total, "the prices by the unit added, times the amount used")]


# "swapping a 60 W bulb for a 9 W LED", "replace the 2 kW heater with a 1.2 kW one".
_SWAP = re.compile(
    rf"\b(?:swap(?:ping)?|replac(?:e|ing)|chang(?:e|ing))\s+(?:(?:a|an|the|my|our)\s+)?"
    rf"(?P<old>{_AMOUNT})\s*(?P<ou>w|kw|watts?|kilowatts?)\s+[a-z]+(?:\s+[a-z]+)?\s+"
    rf"(?:for|with)\s+(?:(?:a|an|the)\s+)?(?P<new>{_AMOUNT})\s*(?P<nu>w|kw|watts?|kilowatts?)\b",
    re.I,
)
_HOURS_A_DAY = re.compile(
    rf"(?<![\w.])(?P<hours>{_AMOUNT})\s*(?:hours?|hrs?|h)\s+(?:a|per|each|every)\s+day\b", re.I
)
# "every day of the year (365)", "365 days a year".
_DAYS_A_YEAR = re.compile(
    rf"\bevery\s+day\s+of\s+the\s+year\s*\((?P<a>{_AMOUNT})\)"
    rf"|(?<![\w.])(?P<b>{_AMOUNT})\s+days\s+(?:a|per|each)\s+year\b",
    re.I,
)
_YEARLY_SAVING = re.compile(
    r"\b(?:yearly|annual|a\s+year|per\s+year|each\s+year)\s+(?:saving|savings)\b"
    r"|\b(?:save|saving|savings)\s+(?:a|per|each)\s+year\b",
    re.I,
)


def _swap_saving(text: str) -> list[tuple[Node, str]] | None:
    """A year's saving from swapping one appliance for a lower-powered one: the watts saved,
    times the hours a day and the days a year, at the price per kWh."""
    swap, hours, days = _SWAP.search(text), _HOURS_A_DAY.search(text), _DAYS_A_YEAR.search(text)
    prices = list(_PRICE.finditer(text))
    if swap is None or hours is None or days is None or len(prices) != 1:
        return None
    if not _YEARLY_SAVING.search(text) or (prices[0].group("pence") and prices[0].group("pound")):
        return None
    spans = [swap.span(), hours.span(), days.span(), prices[0].span()]
    if any(not any(a <= m.start() < b for a, b in spans) for m in _NUMBER.finditer(text)):
        return None

    def kilowatts(value: str, unit: str) -> Node:
        amount = _num(value)
        return amount if unit.lower().startswith("k") else Op("/", amount, Num(1000, "1000"))

    saved = Op(
        "-",
        kilowatts(swap.group("old"), swap.group("ou")),
        kilowatts(swap.group("new"), swap.group("nu")),
    )
    old_watts, new_watts = (
        float(swap.group(n)) * (1000 if swap.group(f"{n[0]}u").lower().startswith("k") else 1)
        for n in ("old", "new")
    )
    if old_watts <= new_watts:
        return None  # no saving: the new one is no lower-powered
    kwh = Op(
        "*", Op("*", saved, _num(hours.group("hours"))), _num(days.group("a") or days.group("b"))
    )
    price: Node = _num(prices[0].group("price"))
    if prices[0].group("pence"):
        price = Op("/", price, Num(100, "100"))
    return [(Op("*", kwh, price), "a year's saving: kW saved x hours a day x days x price per kWh")]


def read_meter(text: str) -> list[tuple[Node, str]] | None:
    """The kWh used between two meter readings and what they cost, each as asked, in the
    order asked, or a bill's prices by one unit added and times the amount used; None unless
    ``text`` says it as the module describes."""
    added = _rates_added(text) or _swap_saving(text)
    if added is not None:
        return added
    readings = list(_READINGS.finditer(text))
    if len(readings) != 1:
        return None
    reading = readings[0]
    before, after = _num(reading.group("before")), _num(reading.group("after"))
    if after.value <= before.value:
        return None  # a meter that went round, or readings the other way: not read
    factors, prices = list(_FACTOR.finditer(text)), list(_PRICE.finditer(text))
    if len(factors) > 1 or len(prices) > 1:
        return None
    spans = [reading.span(), *(m.span() for m in factors), *(m.span() for m in prices)]
    if any(not any(a <= m.start() < b for a, b in spans) for m in _NUMBER.finditer(text)):
        return None  # a number read as none of these
    used: Node = Op("-", after, before)
    if factors:
        factor = factors[0].group("a") or factors[0].group("b")
        used = Op("*", used, _num(factor))
    elif re.search(r"\bgas\b", text, re.I):
        return None  # a gas meter reads units (cubic metres, hundreds of cubic feet), not kWh
    asked: list[tuple[int, str]] = []
    kwh = _KWH_ASKED.search(text)
    if kwh is not None:
        asked.append((kwh.start(), "kwh"))
    cost = _COST_ASKED.search(text, reading.end())
    if cost is not None:
        asked.append((cost.start(), "cost"))
    if not asked:
        return None
    answers: list[tuple[Node, str]] = []
    for _, what in sorted(asked):
        if what == "kwh":
            answers.append((used, "kWh used: the later reading less the earlier, in kWh"))
            continue
        if not prices:
            return None
        price = prices[0]
        in_pence = bool(price.group("pence"))
        if in_pence and price.group("pound"):
            return None
        if in_pence and _IN_POUNDS.search(text):
            answers.append(
                (Op("/", Op("*", used, _num(price.group("price"))), Num(100, "100")), "cost in £")
            )
        elif in_pence and _IN_PENCE.search(text):
            answers.append((Op("*", used, _num(price.group("price"))), "cost in pence"))
        elif not in_pence and not _IN_PENCE.search(text):
            answers.append((Op("*", used, _num(price.group("price"))), "cost"))
        else:
            return None  # the cost in pence or pounds: not said which
    return answers
