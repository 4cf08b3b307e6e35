"""Shopping and bills: the everyday money asks people type in one or two sentences.

Each reader takes a request's statement (``context``, None when the request is said in one
go) and its question (``task``), and gives the expression of the one answer it reads, or
None. The readings are narrow on purpose: every number of the request must have a part in
the reading, and anything else is left to the other readers, which refuse what they do
not read. What is read here:

- an order given as a step, "add 10% service", "take off the 10 coupon", on the one amount
  the statement gives;
- the price before a sale from what was paid in it ("paid 68 in a 15% off sale");
- a budget with shares taken from it, and what is left ("venue takes 35% and food 25%");
- a count at a price less a discount ("rrp 16.99, 40% trade discount, ordered 50");
- a "3 for 2" offer on a price each, for the count bought;
- a deal against the same things bought separately, and what the deal saves;
- a pass or permit for a period against paying each time, and what it saves;
- a yearly charge paid monthly with a surcharge on it;
- the fuel for a trip from its distance, the car's economy and the price of the fuel.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from orchestra.agents.analyst.bills import (
    read_bill,
    read_capped_fares,
    read_charge_over_limit,
    read_each_with_shared,
    read_gift_aid,
    read_hire_with_excess,
    read_instalment,
    read_pledges,
    read_takings,
    read_tip_split,
    read_unit_prices,
    read_weighted_shares,
)
from orchestra.agents.analyst.formulas import read_formula
from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_money"]

_NUM = r"\d[\d,]*(?:\.\d+)?"
# A number as the readers see it: not part of a word or of another number.
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w]|\.\d)")
_PERCENT = re.compile(r"(?<![\w.])(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)", re.I)
_SIGN = r"[$\u20ac\u00a3]?\s?"

Reading = tuple[Node, str]


def _num(raw: str) -> Num:
    plain = raw.replace(",", "")
    return Num(float(plain), plain)


def _numbers(text: str) -> list[str]:
    return [m.group(0) for m in _NUMBER.finditer(text)]


def _percents(text: str) -> list[str]:
    return [m.group("rate") for m in _PERCENT.finditer(text)]


def _amounts(text: str) -> list[str]:
    """The numbers of ``text`` that are no percentage."""
    return [
        m.group(0)
        for m in _NUMBER.finditer(text)
        if not re.match(r"\s*(?:%|percent\b|per\s+cent\b)", text[m.end() :], re.I)
    ]


def _share(rate: str) -> Op:
    return Op("/", _num(rate), Num(100, "100"))


# --- an order given as a step -------------------------------------------------------------

# "Add 10% service", "then add a 12.5% tip", "take off the 10 coupon", "knock 15% off": the
# planner's steps of a chain say what to do to the amount before them, and ask nothing.
_ORDER = re.compile(
    r"^\s*(?:then\s+|and\s+)?(?:(?P<add>add|adding|put\s+on|plus)|(?P<off>take\s+off|taking\s+off|"
    r"knock\s+off|deduct|subtract|minus|less|take\s+away))\s+(?:on\s+)?(?:the\s+|a\s+|an\s+)?"
    rf"{_SIGN}(?P<amount>{_NUM})(?P<percent>\s*(?:%|percent\b|per\s+cent\b))?"
    r"(?:\s+(?:euros?|pounds?|dollars?|quid|bucks))?"
    r"(?P<words>(?:\s+[a-z]+){0,3}?)(?:\s+(?:off|on|on\s+top|from\s+it|to\s+it))?\s*[.!]?\s*$",
    re.I,
)
# What such an order adds or takes: a charge on a bill, or money off it.
_ADDED_WORDS = frozenset(
    "service service-charge charge tip gratuity tax vat delivery postage shipping fee fees "  # noqa: SIM905
    "surcharge booking".split()
)
_TAKEN_WORDS = frozenset(
    "coupon voucher discount off deposit refund gift card credit".split()  # noqa: SIM905
)


def read_order(context: str | None, task: str) -> Reading | None:
    """ "Context: dinner came to 212 euro. Task: add 10% service": the one amount of the
    statement with the percentage added (or taken off, "take off the 10 coupon": less the
    amount); None unless the task is wholly that order and the statement gives one amount."""
    if context is None:
        return None
    order = _ORDER.match(task)
    if order is None or _percents(context) or len(_numbers(context)) != 1:
        return None
    if read_formula(context) is not None:
        return None  # "5 kg in lbs, then add 2": on the conversion, not on the 5
    words = set(order.group("words").lower().split())
    known = _ADDED_WORDS if order.group("add") else _TAKEN_WORDS
    if not words & known and not (words == set() and order.group("percent")):
        return None  # "add 2", "add 10 guests": no charge on a bill nor money off it
    base = _num(_numbers(context)[0])
    sign = "+" if order.group("add") else "-"
    if order.group("percent"):
        factor = Op(sign, Num(1, "1"), _share(order.group("amount")))
        return Op("*", base, factor), "the amount " + ("with" if sign == "+" else "less") + " it"
    amount = _num(order.group("amount"))
    if sign == "-" and amount.value > base.value:
        return None
    return Op(sign, base, amount), "the amount " + ("with" if sign == "+" else "less") + " it"


# --- the price before a sale ---------------------------------------------------------------

# "paid 68 for a coat in a 15% off sale", "got it for 42 with 30% off", "cost me 85 at 15%
# off": what was paid, with the discount it was paid under.
_PAID_IN_SALE = re.compile(
    rf"\b(?:paid|pay|got\s+(?:it|them|one)\s+for|bought\s+(?:it|them|one)\s+for|cost\s+me)\s+"
    rf"{_SIGN}(?P<paid>{_NUM})(?!\s*%)\b[^.?!%]*?\b(?:in|with|at|during|from)\s+(?:an?\s+|the\s+)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*(?:off|discount|reduction)\b",
    re.I,
)
_ASKS_ORIGINAL = re.compile(
    r"\b(?:original|originally|full|normal|usual|regular|before\s+the\s+(?:sale|discount)|"
    r"without\s+the\s+(?:sale|discount)|rrp)\b",
    re.I,
)


def read_price_before_sale(context: str | None, task: str) -> Reading | None:
    """ "paid 68 for a coat in a 15% off sale. what was the original price": the amount
    paid over what was left to pay, 68 / (1 - 15%); None unless those are the request's two
    numbers and the question asks the price before the discount."""
    if context is None:
        return None
    paid = _PAID_IN_SALE.search(context)
    if paid is None or not _ASKS_ORIGINAL.search(task) or _numbers(task):
        return None
    if len(_numbers(context)) != 2 or float(paid.group("rate")) >= 100:
        return None
    left = Op("-", Num(1, "1"), _share(paid.group("rate")))
    return Op("/", _num(paid.group("paid")), left), "the price before the discount"


# --- shares taken from a budget, and what is left -------------------------------------------

_BUDGET = re.compile(r"\b(?:budget|pot|fund|kitty|allowance|grant)\b", re.I)
_TAKES = re.compile(
    r"\b(?:takes?|taking|goes\s+on|go\s+on|going\s+on|spent\s+on|spend\s+on|for\s+the|on\s+the)\b",
    re.I,
)
_ASKS_REST = re.compile(
    r"\b(?:left|left\s+over|remaining|remains|the\s+rest|everything\s+else|anything\s+else|"
    r"what's\s+over)\b",
    re.I,
)


def read_budget_left(context: str | None, task: str) -> Reading | None:
    """ "wedding budget is 18,000. the venue takes 35% and food 25%. how much is left for
    everything else": the budget less each share, 18,000 * (1 - (35% + 25%)); None unless
    the request gives one budget, two or more shares taken of it, adding to less than all,
    and asks what is left."""
    if context is None or not _BUDGET.search(context) or not _TAKES.search(context):
        return None
    if not _ASKS_REST.search(task) or _numbers(task):
        return None
    amounts, rates = _amounts(context), _percents(context)
    if len(amounts) != 1 or len(rates) < 2:
        return None
    if sum(float(r) for r in rates) >= 100:
        return None
    taken: Node = _num(rates[0])
    for rate in rates[1:]:
        taken = Op("+", taken, _num(rate))
    left = Op("-", Num(1, "1"), Op("/", taken, Num(100, "100")))
    return Op("*", _num(amounts[0]), left), "the amount left after the shares"


# --- a count at a price less a discount -----------------------------------------------------

_PRICE_SAID = re.compile(
    rf"\b(?:rrp|price|priced|costs?|retails?|sells?|list\s+price|cover\s+price)\s+"
    rf"(?:is\s+|are\s+|at\s+|of\s+|for\s+)?{_SIGN}(?P<price>{_NUM})(?!\s*%)(?:\s+each)?\b",
    re.I,
)
_DISCOUNT = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*(?:[a-z]+\s+)?"
    r"(?:off|discount|reduction)\b",
    re.I,
)
_ORDERED = re.compile(
    r"\b(?:ordered|order|ordering|buying|buy|bought|taking|want|need|getting)\s+(?P<count>\d+)"
    r"(?:\s+(?:copies|units|items|books|boxes|packs|cases|bottles|of\s+them))?\b(?!\s*%|\.\d)",
    re.I,
)
_ASKS_BILL = re.compile(
    r"\b(?:invoice|bill|charge|total|pay|owe|cost|altogether|come\s+to|comes\s+to)\b", re.I
)


def read_discounted_order(context: str | None, task: str) -> Reading | None:
    """ "my book's rrp is 16.99 and the shop gets 40% trade discount. they've ordered 50
    copies, what do i invoice": the price less the discount, times the count, 16.99 * (1 -
    40%) * 50; None unless those are the request's three numbers and the total is asked."""
    text = task if context is None else f"{context} {task}"
    price, discount = _PRICE_SAID.search(text), _DISCOUNT.search(text)
    ordered = next(reversed(list(_ORDERED.finditer(text))), None)  # the count, said last
    if price is None or discount is None or ordered is None or not _ASKS_BILL.search(task):
        return None
    if len(_numbers(text)) != 3 or float(discount.group("rate")) >= 100:
        return None
    each = Op("*", _num(price.group("price")), Op("-", Num(1, "1"), _share(discount.group("rate"))))
    return Op("*", each, _num(ordered.group("count"))), "the total for the count ordered"


# --- a "3 for 2" offer ------------------------------------------------------------------------

_EACH_PRICE = re.compile(
    rf"(?:\bis|\bare|\bcosts?|\bat|\bfor)\s+{_SIGN}(?P<price>{_NUM})(?!\s*%)\s*(?:each|apiece|"
    r"(?:a|per)\s+(?:bottle|pack|tin|can|box|jar|tub|bag|item|one|piece|visit|session|class|"
    r"lesson|wash|cut|coffee|go|time))\b",
    re.I,
)
# "3 for 2", "buy 2 get 1 free", "bogof", "every 5th visit is free": how many are taken for
# how many paid.
_OFFER = re.compile(
    r"(?<![\w.$\u20ac\u00a3])(?P<take>\d+)\s+for\s+(?P<pay>\d+)(?!\w|\.\d|\s*(?:quid|pounds?|"
    r"dollars?|euros?|bucks|p\b|each))|\bbuy\s+(?P<bought>\d+|one)\s+(?:and\s+)?get\s+"
    r"(?P<free>\d+|one)\s+free\b|\b(?P<bogof>bogof|bogo)\b|"
    r"\bevery\s+(?P<nth>\d+)(?:st|nd|rd|th)\s+(?:[a-z]+\s+)?(?:is\s+|one\s+is\s+)?free\b",
    re.I,
)
_BUYING = re.compile(
    r"\b(?:buying|buy|bought|getting|get|taking|take|want|need|grab|grabbing)\s+(?P<count>\d+)\b"
    r"(?!\s*(?:for|get|free)\b)",
    re.I,
)
# "what do 10 visits cost me": the count asked the price of.
_ASKED_COUNT = re.compile(
    r"\b(?:what\s+(?:do|does|would|will)|how\s+much\s+(?:do|would|will|are))\s+(?P<count>\d+)\s+"
    r"[a-z]+\s+(?:cost|come\s+to)\b",
    re.I,
)
_ASKS_PAY = re.compile(r"\b(?:pay|cost|costs|total|spend|come\s+to|comes\s+to|owe)\b", re.I)


def _offer_sizes(offer: re.Match[str]) -> tuple[int, int]:
    """How many are taken, and how many of them paid for."""
    if offer.group("bogof"):
        return 2, 1
    if offer.group("nth"):
        return int(offer.group("nth")), int(offer.group("nth")) - 1
    if offer.group("bought"):
        bought = 1 if offer.group("bought").lower() == "one" else int(offer.group("bought"))
        free = 1 if offer.group("free").lower() == "one" else int(offer.group("free"))
        return bought + free, bought
    return int(offer.group("take")), int(offer.group("pay"))


def read_multibuy(context: str | None, task: str) -> Reading | None:
    """ "shower gel is 3.75 each and it's 3 for 2. i'm buying 6, what do i pay": each whole
    group of the offer paid at its count paid, the rest at the price each: (6 // 3 * 2 + 6
    % 3) * 3.75; or, asked what it saves ("how much do i save"), the count at the price
    each less that: 6 * 3.75 - (6 // 3 * 2 + 6 % 3) * 3.75. None unless the request gives
    one price each, one offer taking more than it pays for, and one count bought, and asks
    what is paid or saved."""
    text = task if context is None else f"{context} {task}"
    price, offer = _EACH_PRICE.search(text), _OFFER.search(text)
    bought = next(reversed(list(_BUYING.finditer(text))), None)  # the count bought is said last
    if bought is None and context is not None:
        bought = _ASKED_COUNT.search(text, len(context))
    saved = _MULTIBUY_SAVED.search(task) is not None
    if price is None or offer is None or bought is None:
        return None
    if not saved and not _ASKS_PAY.search(task):
        return None
    take, pay = _offer_sizes(offer)
    count = int(bought.group("count"))
    if not 0 < pay < take or count == 0:
        return None
    said = {price.start("price"), bought.start("count")}
    if offer.group("take"):
        said |= {offer.start("take"), offer.start("pay")}
    elif offer.group("bought"):
        said |= {offer.start("bought"), offer.start("free")}
    elif offer.group("nth"):
        said |= {offer.start("nth")}
    if {m.start() for m in _NUMBER.finditer(text)} - said:
        return None  # a number the reading leaves out
    counted = Op(
        "+",
        Op("*", Op("//", Num(count, str(count)), Num(take, str(take))), Num(pay, str(pay))),
        Op("%", Num(count, str(count)), Num(take, str(take))),
    )
    paid = Op("*", counted, _num(price.group("price")))
    if saved:
        full = Op("*", Num(count, str(count)), _num(price.group("price")))
        return Op("-", full, paid), "what the offer saves on the count at the price each"
    return paid, "the price paid with the offer"


# "how much do i save", "what's the saving": what the offer takes off, asked alone ("what do
# i pay and how much do i save" asks each in turn).
_MULTIBUY_SAVED = re.compile(r"\b(?:save|saves|saving|saved)\b", re.I)


# "buy one and the second is half price", "buy 1 get the 2nd half price".
_SECOND_HALF = re.compile(
    r"\bbuy\s+(?:one|1)\b[\s,]*(?:and\s+)?(?:get\s+)?(?:the\s+)?(?:second|2nd|next|other)"
    r"(?:\s+one)?\s+(?:is\s+|at\s+|for\s+)?half[\s-](?:price|off)\b",
    re.I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10}
_GETTING = re.compile(
    r"\b(?:buying|getting|taking|want|need|grab|grabbing|ordering)\s+"
    r"(?P<count>\d+|two|three|four|five|six|eight|ten)\b",
    re.I,
)


def read_second_half_price(context: str | None, task: str) -> Reading | None:
    """ "candles are 7.99 each, buy one and the second is half price. i'm getting two,
    total?": each pair at one and a half prices, any one left over at the full price,
    (2 // 2 * 1.5 + 2 % 2) * 7.99; None unless the price each and the count bought are the
    request's numbers and it asks what is paid."""
    text = task if context is None else f"{context} {task}"
    price, offer = _EACH_PRICE.search(text), _SECOND_HALF.search(text)
    getting = next(reversed(list(_GETTING.finditer(text))), None)
    if price is None or offer is None or getting is None or not _ASKS_PAY.search(task):
        return None
    said = getting.group("count").lower()
    count = _COUNT_WORDS[said] if said in _COUNT_WORDS else int(said)
    said_at = {price.start("price"), getting.start("count")}
    left = {m.start() for m in _NUMBER.finditer(text)} - said_at
    if any(not offer.start() <= at < offer.end() for at in left):
        return None  # a number the reading leaves out
    if count == 0 or _percents(text):
        return None
    n = Num(count, str(count))
    pairs = Op("+", Op("*", Op("//", n, Num(2, "2")), Num(1.5, "1.5")), Op("%", n, Num(2, "2")))
    return Op("*", pairs, _num(price.group("price"))), "the price paid with the offer"


# --- a deal against the same things bought separately ---------------------------------------

_DEAL = re.compile(
    rf"\b(?:deal|bundle|combo|package|set\s+menu|offer|multipack|box\s+set)\s+(?:is|costs?|for)\s+"
    rf"{_SIGN}(?P<deal>{_NUM})(?!\s*%)",
    re.I,
)
_SEPARATELY = re.compile(
    r"\b(?:separately|individually|on\s+(?:their|its)\s+own|one\s+by\s+one|singly)\b", re.I
)
_ASKS_SAVED = re.compile(r"\b(?:save|saves|saving|saved|cheaper|less|difference)\b", re.I)


def read_deal_saving(context: str | None, task: str) -> Reading | None:
    """ "meal deal is 3.85. bought separately the sandwich is 2.90, crisps 1.25 and the
    drink 1.65. how much does the deal save me": the prices bought separately added, less
    the deal; None unless every other number is a price said after "separately" and the
    deal is the cheaper."""
    if context is None:
        return None
    deal, apart = _DEAL.search(context), _SEPARATELY.search(context)
    if deal is None or apart is None or not _ASKS_SAVED.search(task) or _numbers(task):
        return None
    if _percents(context):
        return None
    prices = [m for m in _NUMBER.finditer(context) if m.start() != deal.start("deal")]
    if len(prices) < 2 or any(m.start() < apart.start() for m in prices):
        return None
    total: Node = _num(prices[0].group(0))
    for price in prices[1:]:
        total = Op("+", total, _num(price.group(0)))
    if sum(float(m.group(0).replace(",", "")) for m in prices) <= float(deal.group("deal")):
        return None  # the deal costs more: it saves nothing
    return Op("-", total, _num(deal.group("deal"))), "the saving of the deal"


# --- a pass or permit against paying each time ------------------------------------------------

_PERIOD_WORDS = {
    "day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month",
    "monthly": "month", "year": "year", "yearly": "year", "annual": "year",
}  # fmt: skip
_PASS_NOUN = r"(?:pass|permit|season\s+ticket|travelcard|ticket|membership|card)"
# "a weekly pass is 17", "95 for a monthly permit", "the pass is 60 a month".
_PASS = (
    re.compile(
        rf"\b(?P<period>daily|weekly|monthly|yearly|annual)\s+{_PASS_NOUN}\s+(?:is|costs?|for)\s+"
        rf"{_SIGN}(?P<price>{_NUM})(?!\s*%)",
        re.I,
    ),
    re.compile(
        rf"{_SIGN}(?P<price>{_NUM})(?!\s*%)\s+(?:for\s+)?(?:an?\s+|the\s+)?"
        rf"(?P<period>daily|weekly|monthly|yearly|annual)\s+{_PASS_NOUN}\b",
        re.I,
    ),
    re.compile(
        rf"\b{_PASS_NOUN}\s+(?:is|costs?)\s+{_SIGN}(?P<price>{_NUM})(?!\s*%)\s+"
        r"(?:a|per|each)\s+(?P<period>week|month|year)\b",
        re.I,
    ),
)
# "6.50 a day", "2 each way", "3.40 a trip": paid each time.
_EACH_TIME = re.compile(
    rf"{_SIGN}(?P<price>{_NUM})(?!\s*%)\s+(?:(?P<way>each\s+way|a\s+way|one\s+way|per\s+journey|"
    r"a\s+journey|per\s+trip|a\s+trip|a\s+ride|per\s+ride|a\s+go|a\s+visit|per\s+visit|"
    r"a\s+session|per\s+session|a\s+class|per\s+class|a\s+single)|(?P<day>a\s+day|per\s+day))\b",
    re.I,
)
# "i'm in 16 days a month", "5 return trips a week", "go 3 times a week".
_USES = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?P<kind>days?|return\s+(?:trips?|journeys?)|trips?|"
    r"journeys?|rides?|visits?|sessions?|classes|times)\s+(?:a|per|each|every)\s+"
    r"(?P<period>week|month|year)\b",
    re.I,
)
_ASKS_PASS_SAVING = re.compile(
    rf"\b(?:{_PASS_NOUN}|it)\b[^.?!]*\b(?:save|saves|saving|cheaper)\b|"
    rf"\b(?:save|saving|cheaper)\b[^.?!]*\b{_PASS_NOUN}\b",
    re.I,
)


def read_pass_saving(context: str | None, task: str) -> Reading | None:
    """ "parking is 6.50 a day or 95 for a monthly permit, and i'm in 16 days a month. how
    much does the permit save me": paying each time for the uses of the pass's period, less
    the pass, 16 * 6.50 - 95 ("2 each way" is paid twice on a return trip); None unless
    those are the request's three numbers, the uses are counted in the pass's period, and
    the pass is the cheaper."""
    text = task if context is None else f"{context} {task}"
    if not _ASKS_PASS_SAVING.search(text):
        return None
    found = [p.search(text) for p in _PASS]
    passes = [p for p in found if p is not None]
    each, uses = _EACH_TIME.search(text), _USES.search(text)
    if not passes or each is None or uses is None or len(_numbers(text)) != 3:
        return None
    period = _PERIOD_WORDS[passes[0].group("period").lower()]
    if _PERIOD_WORDS[uses.group("period").lower()] != period:
        return None  # "a weekly pass" and "16 days a month": no one period
    kind = uses.group("kind").lower()
    if each.group("day") and not kind.startswith("day"):
        return None
    if each.group("way") and kind.startswith("day"):
        return None
    price, count = _num(each.group("price")), _num(uses.group("count"))
    pass_price = _num(passes[0].group("price"))
    paid: Node = Op("*", count, price)
    ways = 1
    if kind.startswith("return") and re.search(r"\b(?:each|a|one)\s+way\b", each.group(0), re.I):
        paid, ways = Op("*", paid, Num(2, "2")), 2  # "2 each way", "5 return trips": both ways
    elif kind.startswith("return"):
        return None  # a price a trip and return trips: one way or both is not said
    if count.value * price.value * ways <= pass_price.value:
        return None  # paying each time is cheaper: the pass saves nothing
    return Op("-", paid, pass_price), "the saving of the pass over paying each time"


# --- a yearly charge paid monthly with a surcharge ---------------------------------------------

_YEARLY = re.compile(
    rf"{_SIGN}(?P<amount>{_NUM})(?!\s*%)\s+(?:for\s+the\s+year|a\s+year|per\s+year|per\s+annum|"
    r"yearly|annually|for\s+12\s+months)\b",
    re.I,
)
_MONTHLY_SURCHARGE = re.compile(
    r"\bmonthly\b[^.?!]*?\b(?:adds?|adding|plus|with|costs?|is)\s+(?:an?\s+|another\s+|an\s+extra\s+)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)(?:\s+(?:more|extra|on\s+top|"
    r"surcharge|interest))?",
    re.I,
)
_ASKS_MONTHLY = re.compile(
    r"\b(?:monthly\s+(?:payment|amount|cost|instal?ments?|debit|charge)|a\s+month|per\s+month|"
    r"each\s+month|every\s+month)\b",
    re.I,
)


def read_monthly_with_surcharge(context: str | None, task: str) -> Reading | None:
    """ "car tax is 195 for the year, or by monthly direct debit which adds 5%. what's the
    monthly payment": the yearly amount with the surcharge, over 12 months; None unless
    those are the request's two numbers and a monthly payment is asked."""
    text = task if context is None else f"{context} {task}"
    year, surcharge = _YEARLY.search(text), _MONTHLY_SURCHARGE.search(text)
    if year is None or surcharge is None or not _ASKS_MONTHLY.search(task):
        return None
    if len(_numbers(text)) != 2:
        return None
    grown = Op("*", _num(year.group("amount")), Op("+", Num(1, "1"), _share(surcharge["rate"])))
    return Op("/", grown, Num(12, "12")), "the monthly payment with the surcharge"


# --- fuel for a trip ---------------------------------------------------------------------------

_DISTANCE = re.compile(
    r"(?<![\w.])(?P<distance>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>miles|mi|km)\b", re.I
)
_ECONOMY = re.compile(
    r"(?<![\w.])(?P<economy>\d+(?:\.\d+)?)\s*(?:(?P<mpg>mpg|miles\s+(?:per|a|to\s+the)\s+gallon)|"
    r"(?P<kpl>km\s*/\s*l|km\s+(?:per|a|to\s+the)\s+litre|km\s+per\s+liter|kpl))\b",
    re.I,
)
_FUEL_PRICE = re.compile(
    rf"{_SIGN}(?P<price>{_NUM})(?!\s*%)\s*(?:dollars|pounds|euros)?\s*(?:a|per|/)\s*"
    r"(?P<volume>gallon|gal|litre|liter|l)\b",
    re.I,
)
_ASKS_FUEL_COST = re.compile(
    r"\b(?:cost|costs|spend|price|how\s+much|dollars|pounds|euros)\b", re.I
)


def read_fuel_cost(context: str | None, task: str) -> Reading | None:
    """ "road trip is 620 miles, the car gets 28 mpg and gas is $3.19 a gallon. fuel cost?":
    the fuel used, 620 / 28 gallons, at its price, 620 / 28 * 3.19; None unless the distance,
    the economy and the price are said in one distance unit and one volume (miles to the
    gallon and a price a gallon: whichever gallon it is, the same), and are the request's
    three numbers."""
    text = task if context is None else f"{context} {task}"
    distance, economy, price = (
        _DISTANCE.search(text),
        _ECONOMY.search(text),
        _FUEL_PRICE.search(text),
    )
    if distance is None or economy is None or price is None or not _ASKS_FUEL_COST.search(task):
        return None
    if len(_numbers(text)) != 3 or distance.start() == economy.start():
        return None
    by_gallon = bool(economy.group("mpg"))
    if by_gallon != price.group("volume").lower().startswith("gal"):
        return None  # miles to the gallon and a price a litre: not read
    if by_gallon != distance.group("unit").lower().startswith("mi"):
        return None
    used = Op("/", _num(distance.group("distance")), _num(economy.group("economy")))
    return Op("*", used, _num(price.group("price"))), "the cost of the fuel for the trip"


# --- two ways of paying compared over a period -------------------------------------------------

# "..., or i buy the phone outright ...", "without it i'd pay ...": where the second way of
# paying starts.
_OTHER_WAY = re.compile(r"(?:^|[.,;]\s*|\s)(?:or|otherwise|without\s+it|instead)\b", re.I)
_MONTHS = re.compile(r"\b(?:for|over)\s+(?:the\s+)?(?P<months>\d+)\s+months?\b", re.I)
_YEAR_ASKED = re.compile(r"\b(?:over|for|in)\s+(?:the|a|this)\s+(?:whole\s+)?year\b", re.I)
_A_MONTH = re.compile(r"^\s*(?:a|per|each|every)\s+month\b|^\s*monthly\b|^\s*pcm\b", re.I)
_NOT_MONEY_AFTER = re.compile(
    r"^\s*(?:%|percent\b|months?\b|years?\b|weeks?\b|days?\b|times\b|hours?\b)", re.I
)
# "how much cheaper is the outright route", "how much more is paying as i go than having
# the cover", "how much does the contract save": the way asked about, and how.
_ASKS_COMPARED = re.compile(
    r"\bhow\s+much\s+(?P<how>cheaper|more|less|dearer|extra)\s+(?:is|are|would\s+be|will\s+be)\s+"
    r"(?P<subject>[a-z' ]+?)(?:\s+than\s+(?P<other>[a-z' ]+?))?(?:\s*,?\s+(?:over|for|in)\b.*)?"
    r"\s*[?.!]*\s*$",
    re.I,
)
_STOP = frozenset(
    "the a an i i'd id we my our you it is be to of and for as than route option way one "  # noqa: SIM905
    "having have get go going".split()
)


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z']+", text.lower())
    return {re.sub(r"(?:ing|ed|s)$", "", w) or w for w in words if w not in _STOP}


_YEARLY_SAID = re.compile(r"\b(?:a|per)\s+year\b|\bannual(?:ly)?\b|\byearly\b", re.I)
_SHORTER_SAID = re.compile(
    r"\d\s+(?:a|per|each|every)\s+(?:day|week|quarter)\b|\b(?:daily|weekly)\b", re.I
)


def _way_cost(text: str, months: int) -> tuple[Node, float] | None:
    """What one way of paying costs over ``months``: each amount a month times the months,
    each other amount once; None when it names another number of months."""
    said = _MONTHS.search(text)
    if said is not None and int(said.group("months")) != months:
        return None
    if months != 12 and _YEARLY_SAID.search(text):
        return None  # a yearly amount over another period: how often it falls is not read
    if _SHORTER_SAID.search(text):
        return None  # amounts a day or a week: not read against months
    terms: list[Node] = []
    value = 0.0
    for match in _NUMBER.finditer(text):
        after = text[match.end() :]
        if _NOT_MONEY_AFTER.match(after):
            continue
        amount = _num(match.group(0))
        if _A_MONTH.match(after):
            terms.append(Op("*", amount, Num(months, str(months))))
            value += amount.value * months
        else:
            terms.append(amount)
            value += amount.value
    if not terms:
        return None
    total = terms[0]
    for term in terms[1:]:
        total = Op("+", total, term)
    return total, value


def read_ways_compared(context: str | None, task: str) -> Reading | None:
    """ "phone contract is 38.99 a month for 36 months plus 30 upfront. or i buy the phone
    outright for 799 and go sim only at 12 a month for 36 months. how much cheaper is the
    outright route over the 36 months": what each way costs over the period (amounts a
    month times its months, the others once), and the difference the question asks, the
    way it names against the other; None unless the period is said (in months, or "over
    the year"), the way asked is told by its words, and the difference is more than none."""
    asked = _ASKS_COMPARED.search(task)
    if context is None or asked is None:
        return None
    split = [m for m in _OTHER_WAY.finditer(context) if m.start() > 0]
    if len(split) != 1:
        return None
    first, second = context[: split[0].start()], context[split[0].end() :]
    said = [int(m.group("months")) for m in _MONTHS.finditer(f"{context} {task}")]
    if said and len(set(said)) == 1:
        months = said[0]
    elif not said and (_YEAR_ASKED.search(task) or _YEAR_ASKED.search(context)):
        months = 12
    else:
        return None
    costs = (_way_cost(first, months), _way_cost(second, months))
    if costs[0] is None or costs[1] is None:
        return None
    subject = _stems(asked.group("subject"))
    matches = [len(subject & _stems(way)) for way in (first, second)]
    if matches[0] == matches[1]:
        return None  # which way is asked about is not told
    if asked.group("other") is not None:
        other = _stems(asked.group("other"))
        if len(other & _stems(first)) == len(other & _stems(second)):
            return None
        if (len(other & _stems(first)) > len(other & _stems(second))) == (matches[0] > matches[1]):
            return None  # both ways named are the same way
    named, rest = (costs[0], costs[1]) if matches[0] > matches[1] else (costs[1], costs[0])
    more = asked.group("how").lower() in {"more", "dearer", "extra"}
    high, low = (named, rest) if more else (rest, named)
    if high[1] <= low[1]:
        return None  # the way named is not the dearer (or the cheaper) one asked
    return Op("-", high[0], low[0]), "the difference between the two ways over the period"


# --- prices risen, taken together ---------------------------------------------------------------

# "colour was 65 and is now 72", "a cut went from 38 to 42": a price before and after.
_PRICE_NOW = re.compile(
    rf"\b(?:was|were|used\s+to\s+be)\s+{_SIGN}(?P<old>{_NUM})\s*,?\s+(?:and\s+)?(?:(?:is|are)\s+)?"
    rf"(?:now|gone\s+up\s+to|risen\s+to)\s+(?:(?:is|are)\s+)?{_SIGN}(?P<new>{_NUM})"
    rf"|\b(?:went|gone|going|rose|risen|up)\s+from\s+{_SIGN}(?P<older>{_NUM})\s+to\s+"
    rf"{_SIGN}(?P<newer>{_NUM})",
    re.I,
)
_ASKS_RISE_TOGETHER = re.compile(
    r"(?:%|\bper\s*cent(?:age)?\b|\bpercent(?:age)?\b).*\b(?:rise|increase|up|change)\b.*"
    r"\b(?:together|combined|overall|in\s+total|altogether|both|all)\b",
    re.I,
)


def read_prices_risen_together(context: str | None, task: str) -> Reading | None:
    """ "colour was 65 and is now 72, cut was 38 and now 42. whats the % rise on the two
    together": the prices after added against the prices before added, (72 + 42 - (65 +
    38)) / (65 + 38) * 100; None unless every number is a price before or after and the
    question asks the percentage rise of them together."""
    text = task if context is None else f"{context} {task}"
    if not _ASKS_RISE_TOGETHER.search(task):
        return None
    pairs = [
        (m.group("old") or m.group("older"), m.group("new") or m.group("newer"))
        for m in _PRICE_NOW.finditer(text)
    ]
    # "the two together" (read as "the 2 together") counts the prices, and is none of them.
    counted = re.sub(r"\b(?:the|all|these)\s+\d+\s+(?:together|combined|of\s+them)\b", "", text)
    if len(pairs) < 2 or 2 * len(pairs) != len(_numbers(counted)):
        return None  # a number that is no price before or after
    before = _sum_of([_num(old) for old, _ in pairs])
    after = _sum_of([_num(new) for _, new in pairs])
    rise = Op("*", Op("/", Op("-", after, before), before), Num(100, "100"))
    return rise, "the percentage rise of the prices together"


def _sum_of(parts: list[Node]) -> Node:
    total = parts[0]
    for part in parts[1:]:
        total = Op("+", total, part)
    return total


# --- all of them ------------------------------------------------------------------------------

_READERS: tuple[Callable[[str | None, str], Reading | None], ...] = (
    read_order,
    read_price_before_sale,
    read_budget_left,
    read_discounted_order,
    read_multibuy,
    read_second_half_price,
    read_deal_saving,
    read_pass_saving,
    read_monthly_with_surcharge,
    read_fuel_cost,
    read_ways_compared,
    read_prices_risen_together,
    read_bill,  # a bill of lines, its total or the change (bills.py)
    read_takings,  # a sale less its costs: the profit, what is kept (bills.py)
    read_instalment,  # an amount in N instalments, each one (bills.py)
    read_capped_fares,  # fares each, no more than a cap (bills.py)
    read_hire_with_excess,  # a day rate and a rate past an allowance of miles (bills.py)
    read_charge_over_limit,  # a rate for each kg past a limit (bills.py)
    read_each_with_shared,  # a cost each and a share of a shared cost (bills.py)
    read_gift_aid,  # what gift aid adds to the part of donations eligible (bills.py)
    read_pledges,  # pledges at rates for each length, times the lengths done (bills.py)
    read_tip_split,  # a bill with a tip, split (bills.py)
)


# Where the question of a request said in one go starts ("... 5 return trips a week how much
# does the pass save me"), with or without the punctuation before it.
_QUESTION = re.compile(r"\b(?:how\s+much|how\s+many|what(?:'s|s)?|whats)\b", re.I)


def read_money(context: str | None, task: str) -> list[Reading] | None:
    """The readings of an everyday money ask, each an expression and what it is, or None."""
    if context is None:
        asked = [m.start() for m in _QUESTION.finditer(task) if m.start() > 0]
        if asked:
            context, task = task[: asked[-1]].strip(), task[asked[-1] :].strip()
    each_size = read_unit_prices(context, task)  # "price per 100 g of each" (bills.py)
    if each_size is not None:
        return each_size
    shares = read_weighted_shares(context, task)  # "a kid pays half", "i pay 100 more"
    if shares is not None:
        return shares
    for reader in _READERS:
        found = reader(context, task)
        if found is not None:
            return [found]
    return None
