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


# "swapping a 60 W bulb for a 9 W LED", "replace the 2 kW heater with a 1.2 kW one",
# "swapping 12 x 50W spots for 5W LEDs" (each of the 12 swapped).
_SWAP = re.compile(
    rf"\b(?:swap(?:ping)?|replac(?:e|ing)|chang(?:e|ing))\s+(?:(?:a|an|the|my|our)\s+)?"
    rf"(?:(?P<count>\d+)\s*x\s*)?(?P<old>{_AMOUNT})\s*(?P<ou>w|kw|watts?|kilowatts?)\s+[a-z]+(?:\s+[a-z]+)?\s+"
    rf"(?:for|with)\s+(?:(?:a|an|the)\s+)?(?P<new>{_AMOUNT})\s*(?P<nu>w|kw|watts?|kilowatts?)\b",
    re.I,
)
_HOURS_A_DAY = re.compile(
    rf"(?<![\w.])(?P<hours>{_AMOUNT})\s*(?:hours?|hrs?|h)\s+(?:a|per|each|every)\s+day\b", re.I
)
# "every day of the year (365)", "365 days a year", "per year (365 days)".
_DAYS_A_YEAR = re.compile(
    rf"\bevery\s+day\s+of\s+the\s+year\s*\((?P<a>{_AMOUNT})\)"
    rf"|\b(?:a|per|each)\s+year\s*\((?P<c>{_AMOUNT})\s+days\)"
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
    if swap.group("count"):
        saved = Op("*", _num(swap.group("count")), saved)
    kwh = Op(
        "*",
        Op("*", saved, _num(hours.group("hours"))),
        _num(days.group("a") or days.group("b") or days.group("c")),
    )
    price: Node = _num(prices[0].group("price"))
    if prices[0].group("pence"):
        price = Op("/", price, Num(100, "100"))
    return [(Op("*", kwh, price), "a year's saving: kW saved x hours a day x days x price per kWh")]


# "a 1.5 kW air fryer", "12 x 50W spots", "a 100W heat lamp": an appliance by its power.
_POWER = re.compile(
    rf"(?<![\w.])(?:(?P<count>\d+)\s*x\s*)?(?P<power>{_AMOUNT})\s*"
    r"(?P<unit>kw|kilowatts?|w|watts?)(?![\w/])",
    re.I,
)
# "for 18 mins", "takes 2.5 mins", "of 8 mins each", "on 12 hrs a day": how long it runs, a
# use at a time or (with "a day") every day.
_RUNS = re.compile(
    rf"(?<![\w.])(?P<amount>{_AMOUNT})\s*(?P<unit>mins?|minutes?|hrs?|hours?)\b"
    r"(?:\s+each)?(?P<daily>\s+(?:a|per|each|every)\s+day\b)?",
    re.I,
)
# "we boil it 6 times a day", "2 showers a day": how often it is used a day.
_USES_A_DAY = re.compile(
    rf"(?<![\w.])(?P<amount>{_AMOUNT})\s+(?!(?:mins|minutes|hrs|hours|days)\b)(?:times|[a-z]+s)\s+"
    r"(?:a|per|each|every)\s+day\b",
    re.I,
)
# "for 30 days", "a 30 day month", "per year (365 days)": the days it is run over (never "5
# days a week", days of another period).
_DAYS = re.compile(
    rf"(?<![\w.])(?P<amount>{_AMOUNT})[\s-]*days?\b(?!\s+(?:a|per|each|every)\s+\w)", re.I
)
_RUNNING_COST_ASKED = re.compile(r"\b(?:cost|costs|how\s+much|bill)\b", re.I)
# "cost of each", "each in pence": every appliance's cost on its own.
_EACH_ASKED = re.compile(r"\b(?:of|for)\s+each\b|\beach\s+(?:in|one|cost)\b", re.I)
# "both on 12 hrs a day", "together", "in total": the appliances' costs added.
_TOGETHER = re.compile(r"\b(?:both|all|together|altogether|total|combined)\b", re.I)


def _running_cost(text: str) -> list[tuple[Node, str]] | None:
    """What running appliances costs: each one's kW, times the hours it runs (a use, or a
    day), the uses a day and the days, at the price per kWh; in pounds, or in pence when
    asked so and the price is in pence."""
    if re.search(r"\bsav(?:e|es|ing|ings)\b", text, re.I):
        return None  # a saving against another appliance: `_swap_saving`'s
    powers, runs = list(_POWER.finditer(text)), list(_RUNS.finditer(text))
    uses, days = list(_USES_A_DAY.finditer(text)), list(_DAYS.finditer(text))
    prices = list(_PRICE.finditer(text))
    if not powers or not runs or len(uses) > 1 or len(days) > 1 or len(prices) != 1:
        return None
    price_said = prices[0]
    if price_said.group("pence") and price_said.group("pound"):
        return None
    if not _RUNNING_COST_ASKED.search(text, price_said.start() if len(powers) == 1 else 0):
        return None
    spans = [m.span() for m in (*powers, *runs, *uses, *days, price_said)]
    if any(not any(a <= m.start() < b for a, b in spans) for m in _NUMBER.finditer(text)):
        return None  # a number read as none of these (a battery's kWh, a standing charge)
    if len(runs) == 1:
        run_of = [runs[0]] * len(powers)  # "both on 12 hrs a day": one time for all
    elif len(runs) == len(powers) and all(
        p.end() <= r.start() and (i + 1 == len(powers) or r.start() < powers[i + 1].start())
        for i, (p, r) in enumerate(zip(powers, runs, strict=True))
    ):
        run_of = runs  # "1.5 kW for 18 mins, oven is 2.2 kW for 40 mins": each its own time
    else:
        return None
    daily = {bool(r.group("daily")) for r in run_of}
    if len(daily) != 1 or (True in daily and uses):
        return None  # hours a day and uses a day besides: which is it
    if (True in daily or uses) and not days:
        return None  # so much a day, and the days it runs over not said
    if len(powers) > 1:
        each = bool(_EACH_ASKED.search(text))
        if each == bool(_TOGETHER.search(text)):
            return None  # the cost of each or of all together: not said which
    else:
        each = True
    in_pence = bool(_IN_PENCE.search(text))
    if in_pence and not (price_said.group("pence") or price_said.group("pound")):
        return None  # "0.245 per kWh" asked in pence: pounds or pence, not said

    def kilowatts(power: re.Match[str]) -> Node:
        kw: Node = _num(power.group("power"))
        if not power.group("unit").lower().startswith("k"):
            kw = Op("/", kw, Num(1000, "1000"))
        if power.group("count"):
            kw = Op("*", _num(power.group("count")), kw)
        return kw

    def hours_run(run: re.Match[str]) -> Node:
        hours: Node = _num(run.group("amount"))
        if run.group("unit").lower().startswith("m"):
            hours = Op("/", hours, Num(60, "60"))
        return hours

    def kwh(power: re.Match[str], run: re.Match[str]) -> Node:
        return Op("*", kilowatts(power), hours_run(run))

    def cost(energy: Node) -> Node:
        if uses:
            energy = Op("*", energy, _num(uses[0].group("amount")))
        if days:
            energy = Op("*", energy, _num(days[0].group("amount")))
        total = Op("*", energy, _num(price_said.group("price")))
        if price_said.group("pence") and not in_pence:
            return Op("/", total, Num(100, "100"))
        if price_said.group("pound") and in_pence:
            return Op("*", total, Num(100, "100"))
        return total

    unit = "pence" if in_pence else "\u00a3" if price_said.group("pence") else "the price's money"
    label = f"cost in {unit}: kW x hours run x uses a day x days x price per kWh"
    if each:
        return [(cost(kwh(p, r)), label) for p, r in zip(powers, run_of, strict=True)]
    if len(runs) == 1:
        # "a 100W and a 13W lamp, both on 12 hrs a day": the powers added, then run.
        kw_all = kilowatts(powers[0])
        for power in powers[1:]:
            kw_all = Op("+", kw_all, kilowatts(power))
        return [(cost(Op("*", kw_all, hours_run(runs[0]))), label)]
    energy = kwh(powers[0], run_of[0])
    for power, run in zip(powers[1:], run_of[1:], strict=True):
        energy = Op("+", energy, kwh(power, run))
    return [(cost(energy), label)]


# "plus 60.12p a day standing charge", "+ 45p/day": a charge for every day of the bill.
_STANDING = re.compile(
    rf"(?P<pound>\u00a3\s*)?(?<![\w.])(?P<price>{_AMOUNT})\s*(?P<pence>p\b)?\s*"
    r"(?:a|per|/)\s*day\b",
    re.I,
)
# "used 3,100 kWh last year at 24.5p": the unit price said after the kWh it is of.
_AT_PRICE = re.compile(
    rf"\bkwh\b[^.\d]{{0,25}}?\bat\s+(?P<pound>\u00a3\s*)?(?P<price>{_AMOUNT})\s*(?P<pence>p\b)?"
    r"(?!\s*(?:a|per|/)\s*(?:day|kwh)\b)",
    re.I,
)
_KWH_USED = re.compile(r"(?<![\w.])(?P<amount>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*kwh\b", re.I)
# "we use 2,900 kWh a year", "used 3,100 kWh last year": a year's use, its bill a year's.
_A_YEAR = re.compile(r"\b(?:a|per|each|last|this)\s+year\b|\bannual(?:ly)?\b|\byearly\b", re.I)
# "and the monthly direct debit over 12": the bill paid in 12 parts.
_MONTHLY_OVER = re.compile(
    r"\b(?:monthly|a\s+month|per\s+month)\b[^.?!\d]*?\bover\s+(?P<months>12)(?:\s+months)?\b",
    re.I,
)
_JOINED_CHARGE = re.compile(r"^\s*(?:\+|plus|and|with)\s*$", re.I)


def _standing_charge(text: str) -> list[tuple[Node, str]] | None:
    """An energy bill of a price per kWh and a standing charge a day: the kWh used at the
    price plus the days at the charge, for each tariff when several are asked of; the days
    are a year's 365 only when the use is said for a year and no days are said."""
    standing = list(_STANDING.finditer(text))
    if not standing:
        return None
    rates = sorted([*_PRICE.finditer(text), *_AT_PRICE.finditer(text)], key=lambda m: m.start())
    used, days = list(_KWH_USED.finditer(text)), list(_DAYS.finditer(text))
    monthly = list(_MONTHLY_OVER.finditer(text))
    if len(rates) != len(standing) or len(used) != 1 or len(days) > 1 or len(monthly) > 1:
        return None
    tariffs = list(zip(rates, standing, strict=True))
    for rate, charge in tariffs:
        if not (
            rate.end() <= charge.start() and _JOINED_CHARGE.match(text[rate.end() : charge.start()])
        ):
            return None  # a charge a day not said with its price per kWh
    said = [m for pair in tariffs for m in pair]
    if len({bool(m.group("pence")) for m in said}) != 1 or any(
        m.group("pence") and m.group("pound") for m in said
    ):
        return None  # pence and pounds mixed
    if not re.search(r"\b(?:cost|costs|bill|how\s+much|pay)\b", text, re.I):
        return None
    if len(tariffs) > 1 and not _EACH_ASKED.search(text):
        return None  # several tariffs, the one asked not said
    if _IN_PENCE.search(text):
        return None
    spans = [m.span() for m in (*said, *used, *days, *monthly)]
    spans += [(m.start("price"), m.end("price")) for m in rates]
    if any(not any(a <= m.start() < b for a, b in spans) for m in _NUMBER.finditer(text)):
        return None  # a number read as none of these
    if days:
        day_count: Node = _num(days[0].group("amount"))
    elif _A_YEAR.search(text):
        day_count = Num(365, "365")
    else:
        return None  # the days the charge is for, not said
    pence = bool(said[0].group("pence"))
    answers: list[tuple[Node, str]] = []
    for rate, charge in tariffs:
        bill: Node = Op(
            "+",
            Op("*", _num(used[0].group("amount")), _num(rate.group("price"))),
            Op("*", day_count, _num(charge.group("price"))),
        )
        if pence:
            bill = Op("/", bill, Num(100, "100"))
        answers.append((bill, "the bill: kWh used x price per kWh + days x standing charge a day"))
    if monthly:
        if len(answers) != 1:
            return None
        answers.append(
            (Op("/", answers[0][0], _num(monthly[0].group("months"))), "the bill paid monthly")
        )
    return answers


def read_meter(text: str) -> list[tuple[Node, str]] | None:
    """The kWh used between two meter readings and what they cost, each as asked, in the
    order asked, or a bill's prices by one unit added and times the amount used; None unless
    ``text`` says it as the module describes."""
    added = (
        _rates_added(text) or _swap_saving(text) or _running_cost(text) or _standing_charge(text)
    )
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
