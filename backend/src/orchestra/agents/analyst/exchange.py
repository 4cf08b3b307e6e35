"""An amount in one currency at an exchange rate the request states.

"1 GBP = 1.27 USD. how many pounds is 450 dollars", "hotel in zurich is 320 CHF a night for
3 nights. 1 CHF = 0.89 GBP. total in pounds?", "dinner in rome was 96 euros and we added a
10% tip. with 1 euro = 0.86 pounds, what did it cost us in pounds": the amount (one amount,
a price a unit for a count of units, or an amount with a tip added first or a percentage
commission taken off), times the rate or divided by it, by which way round the rate is
said ("1.16 euros per pound", "0.79 £ per $" too). Two amounts of one currency added ("$2,340
plus $410 shipping") are the amount, shown before the change; asked in both currencies ("total
in $ and in £") it is given in its own first; an amount in the currency asked taken off
("minus £120 in tolls") comes off after the change.

Read only when the request states one rate, asks for one of the rate's two currencies, and
every other number is part of the amount: a number left over may be a fee or a condition
this reading would leave out. A dollar or "$" alone is one of several dollars: it is the
rate's own dollar, when the rate names one.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Name, Node, Num, Op

__all__ = ["read_exchanged", "read_rate_got", "signs_named"]

Reading = list[tuple[Node, str]]

_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD"})
_CURRENCIES: dict[str, frozenset[str]] = {
    **{word: frozenset({"GBP"}) for word in ("gbp", "pound", "pounds", "quid", "sterling")},
    **{word: frozenset({"EUR"}) for word in ("eur", "euro", "euros")},
    **{word: frozenset({"CHF"}) for word in ("chf", "franc", "francs")},
    **{word: frozenset({"JPY"}) for word in ("jpy", "yen")},
    **{word: frozenset({"INR"}) for word in ("inr", "rupee", "rupees")},
    **{word: frozenset({word.upper()}) for word in (
        "usd", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk", "huf")},
    **{word: _DOLLARS for word in ("dollar", "dollars", "bucks")},
    "\u00a3": frozenset({"GBP"}), "\u20ac": frozenset({"EUR"}), "\u00a5": frozenset({"JPY"}),
    "\u20b9": frozenset({"INR"}),
    "$": _DOLLARS,
}  # fmt: skip
_SYMBOL = r"[$\u20ac\u00a3\u00a5\u20b9]"
_NAME = (
    r"\b(?:"
    + "|".join(sorted((c for c in _CURRENCIES if c.isalpha()), key=len, reverse=True))
    + r")\b"
)
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?"
# "1 CHF = 0.89 GBP", "1 euro is 0.86 pounds", "£1 = $1.27", "1 GBP gets you 1.17 EUR".
_RATE = re.compile(
    rf"(?<![\w.,])(?:(?P<fsym>{_SYMBOL})\s?1(?![\d.,])|1\s*(?P<from>{_NAME}))\s*"
    r"(?:=|is\s+worth|is|equals|gets?\s+(?:you\s+)?|buys?|to)\s*(?:about\s+)?"
    rf"(?:(?P<tsym>{_SYMBOL})\s?(?P<rate>{_AMOUNT})|(?P<rate2>{_AMOUNT})\s*(?P<to>{_NAME}))"
    # "1.16 euros per pound", "1.16 euros to the pound", "0.79 £ per $": the rate said the
    # other way about.
    rf"|(?<![\w.,])(?P<rate3>{_AMOUNT})\s*(?P<to3>{_NAME}|{_SYMBOL})\s+(?:per|to\s+the|to\s+a|for\s+(?:a|one|"
    rf"each|every)|a|an|each)\s+(?P<from3>{_NAME}|{_SYMBOL})"
    # "£300 in euros at 1.16 to the pound": the other currency unnamed, the one asked or the
    # amount's.
    rf"|\b(?:at|rate\s+(?:of|is|was))\s+(?P<rate4>{_AMOUNT})\s+(?:to\s+the|to\s+a|to\s+one|per|"
    rf"for\s+(?:a|one|each))\s+(?P<from4>{_NAME}|{_SYMBOL})",
    re.I,
)
# "total in pounds?", "convert it into euros", "how many pounds is ...".
_ASKED = re.compile(
    rf"\b(?:in|into|to)\s+(?P<cur>{_SYMBOL}|{_NAME})|\bhow\s+many\s+(?P<many>{_NAME})", re.I
)
# "320 CHF a night for 3 nights", "£40 a day for 5 days": a price for each of a count.
_A_UNIT_FOR = re.compile(
    rf"(?<![\w.,])(?P<sym>{_SYMBOL})?\s?(?P<price>{_AMOUNT})\s*(?P<cur>{_NAME})?\s+"
    r"(?:a|per|each)\s+(?P<unit>[a-z]+)\s+for\s+(?P<count>\d+)\s+(?P<units>[a-z]+)\b",
    re.I,
)
# "96 euros", "$450", "£1,200": one amount and the currency written by it, if any.
_HELD = re.compile(
    rf"(?:(?P<sym>{_SYMBOL})\s?(?P<amount>{_AMOUNT})|(?<![\w.,])(?P<amount2>{_AMOUNT})"
    rf"(?:\s*(?P<cur>{_NAME}))?)",
    re.I,
)
# "$2,340 plus $410 shipping": two amounts, each with its currency written, added before
# the change.
_PLUS = re.compile(
    rf"(?:(?P<sym>{_SYMBOL})\s?(?P<a>{_AMOUNT})|(?<![\w.,])(?P<a2>{_AMOUNT})\s*(?P<cur>{_NAME}))"
    rf"\s*(?:plus|\+)\s*(?:(?P<sym2>{_SYMBOL})\s?(?P<b>{_AMOUNT})|(?<![\w.,])(?P<b2>{_AMOUNT})\s*"
    rf"(?P<cur2>{_NAME}))",
    re.I,
)
# "minus £120 in tolls", "less £15 fees": an amount taken off what the change gives, read
# only when written in the currency asked.
_LESS_AFTER = re.compile(
    rf"\b(?:minus|less)\s+(?:(?P<sym>{_SYMBOL})\s?(?P<a>{_AMOUNT})|(?<![\w.,])(?P<a2>{_AMOUNT})\s*"
    rf"(?P<cur>{_NAME}))",
    re.I,
)
# "we added a 10% tip", "plus 12.5% service": added to the amount before it is changed.
_TIP = re.compile(
    rf"\b(?:added|add|adding|plus|with|and)\s+(?:an?\s+)?(?P<rate>{_AMOUNT})\s*"
    r"(?:%|percent\b|per\s+cent\b)\s+(?:tip|gratuity|service(?:\s+charge)?)\b",
    re.I,
)
# "takes 3% commission", "less a 2% fee": taken off the amount (before the change or after,
# which comes to the same).
_COMMISSION = re.compile(
    rf"\b(?:takes?|taking|took|charges?|charging|minus|less|after|with|and)\s+(?:an?\s+)?"
    rf"(?P<rate>{_AMOUNT})\s*(?:%|percent\b|per\s+cent\b)\s+(?:commission|fee)\b",
    re.I,
)
# A commission comes off what is handed over ("changing 600 quid"); for an amount wanted
# ("need 600 euros") it would be added to what is paid, so that is not read.
_HANDED_OVER = re.compile(r"\b(?:chang|exchang|swap|convert|trad)(?:e|es|ed|ing)\b", re.I)
_WANTED = re.compile(r"\b(?:need|needs|needed|want|wants|to\s+get|to\s+buy)\b", re.I)
# Every number written, glued to letters or not: each must be read.
_ANY_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")


def _codes(word: str | None) -> frozenset[str]:
    return _CURRENCIES.get((word or "").lower(), frozenset())


def _num(raw: str) -> Num:
    plain = raw.replace(",", "")
    return Num(float(plain), plain)


def _blank(text: str, span: tuple[int, int]) -> str:
    """``text`` with ``span`` blanked out, keeping every other position where it was."""
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _amount(rest: str) -> tuple[Node, frozenset[str], Reading] | None:
    """The amount of ``rest`` (the request without its rate and its ask), the currencies
    written by it, and the steps before the change (a price for a count), or None unless
    every number of ``rest`` is part of it."""
    steps: Reading = []
    tip = _TIP.search(rest)
    if tip is not None:
        rest = _blank(rest, tip.span())
    commission = _COMMISSION.search(rest)
    if commission is not None:
        if not _HANDED_OVER.search(rest) or _WANTED.search(rest):
            return None
        rest = _blank(rest, commission.span())
    numbers = _ANY_NUMBER.findall(rest)
    priced = _A_UNIT_FOR.search(rest)
    if priced is not None and len(numbers) == 2 and tip is None:
        if priced.group("units").lower().rstrip("s") != priced.group("unit").lower():
            return None
        amount: Node = Op("*", _num(priced.group("price")), _num(priced.group("count")))
        steps.append((amount, "the amount in the currency given"))
        return amount, _codes(priced.group("sym") or priced.group("cur")), steps
    added = _PLUS.search(rest)
    if added is not None and len(numbers) == 2 and tip is None and commission is None:
        first = _codes(added.group("sym") or added.group("cur"))
        if not first or first != _codes(added.group("sym2") or added.group("cur2")):
            return None
        amount = Op(
            "+",
            _num(added.group("a") or added.group("a2")),
            _num(added.group("b") or added.group("b2")),
        )
        steps.append((amount, "the amount in the currency given"))
        return amount, first, steps
    held = list(_HELD.finditer(rest))
    if len(numbers) != 1 or len(held) != 1 or (priced is not None and commission is not None):
        return None
    amount = _num(held[0].group("amount") or held[0].group("amount2"))
    if tip is not None:
        amount = Op("*", amount, Op("+", Num(1, "1"), Op("/", _num(tip["rate"]), Num(100, "100"))))
    if commission is not None:
        kept = Op("-", Num(1, "1"), Op("/", _num(commission["rate"]), Num(100, "100")))
        amount = Op("*", amount, kept)
    return amount, _codes(held[0].group("sym") or held[0].group("cur")), steps


# "Convert to pounds at 1.17 euros per £. Use ⟨s1⟩.": an earlier step's result, marked.
_MARKED = re.compile(r"\u27e8(?P<step>[^\u27e9]+)\u27e9")


def _earlier_result(rest: str) -> tuple[Node, frozenset[str], Reading] | None:
    """The one earlier result ``rest`` (the request without its rate and its ask) points
    at, as the amount, its currency unsaid: the side of the rate not asked for; None when
    ``rest`` holds a number too, or more than one result."""
    marked = list(_MARKED.finditer(rest))
    if len(marked) != 1 or _ANY_NUMBER.search(_MARKED.sub(" ", rest)):
        return None
    return Name(marked[0].group("step")), frozenset(), []


def read_exchanged(context: str | None, task: str) -> Reading | None:
    """The amount ``context`` and ``task`` state, in the currency asked at the one rate they
    state (with the amount before the change first, when it is a price for a count); None
    unless the reading fits every number (see the module docstring)."""
    text = task if context is None else f"{context} {task}"
    rates = list(_RATE.finditer(text))
    if len(rates) != 1:
        return None
    rate = rates[0]
    one = _codes(
        rate.group("fsym") or rate.group("from") or rate.group("from3") or rate.group("from4")
    )
    other = _codes(rate.group("tsym") or rate.group("to") or rate.group("to3"))
    rest = _blank(text, rate.span())
    asks = list(_ASKED.finditer(rest))
    wanted = {_codes(m.group("cur") or m.group("many")) for m in asks}
    if not one or len(wanted) not in (1, 2):
        return None
    for ask in asks:
        rest = _blank(rest, ask.span())
    less = _LESS_AFTER.search(rest)
    if less is not None:
        if len(wanted) != 1 or _codes(less.group("sym") or less.group("cur")) != next(iter(wanted)):
            return None
        rest = _blank(rest, less.span())
    found = _amount(rest) or _earlier_result(rest)
    if found is None:
        return None
    amount, said, steps = found
    target = next(iter(wanted))
    if len(wanted) == 2:
        # "total in $ and in £": the amount in its own currency, as written, then changed.
        others = [w for w in wanted if not w & said]
        if not said or len(others) != 1:
            return None
        target = others[0]
        steps = steps or [(amount, "the amount in the currency given")]
    if rate.group("rate4"):
        # "at 1.16 to the pound": the other side is whichever of the currency asked and the
        # amount's is not the pound; both must be known, one of them the pound.
        sides = [side for side in (target, said) if side and not side & one]
        if len(sides) != 1 or not (target & one or said & one):
            return None
        other = sides[0]
    if not other or one & other:
        return None
    # The amount is in the side of the rate not asked for: the currency written by it, or
    # that side when none is. "1 CHF = 0.89 GBP" asked in pounds: times the rate.
    if target & other and not target & one:
        source, goal, times = one, other, True
    elif target & one and not target & other:
        source, goal, times = other, one, False
    else:
        return None
    if said and (not said & source or said & goal):
        return None
    factor = _num(
        rate.group("rate") or rate.group("rate2") or rate.group("rate3") or rate.group("rate4")
    )
    changed = Op("*", amount, factor) if times else Op("/", amount, factor)
    if less is not None:
        # "€1,450 ... minus £120 in tolls. what i get in £": taken off in the currency asked.
        steps = [*steps, (changed, f"the amount in {'/'.join(sorted(target & goal))}")]
        changed = Op("-", changed, _num(less.group("a") or less.group("a2")))
        return [*steps, (changed, f"the amount in {'/'.join(sorted(target & goal))} less")]
    tipped = " with the tip" if _TIP.search(text) else ""
    tipped += " less the commission" if _COMMISSION.search(text) else ""
    return [*steps, (changed, f"the amount{tipped} in {'/'.join(sorted(target & goal))}")]


# "¥42,000", "₹98,500": signs the other readers do not know, named where a rate needs them.
_SIGN_NAMES = {"\u00a5": "yen", "\u20b9": "rupees"}
_SIGNED = re.compile(rf"[\u00a5\u20b9]\s?(?P<amount>{_AMOUNT})")


def signs_named(text: str) -> str | None:
    """``text`` with each "¥" or "₹" before an amount written as its name after it ("¥149.5"
    as "149.5 yen"), when the text states an exchange rate that names such a sign; else
    None."""
    if not any(
        _SIGN_NAMES.get(r.group("fsym") or "") or _SIGN_NAMES.get(r.group("tsym") or "")
        for r in _RATE.finditer(text)
    ):
        return None
    return _SIGNED.sub(lambda m: f"{m.group('amount')} {_SIGN_NAMES[m.group(0)[0]]}", text)


# "got 500 euros for £436", "paid $300 for 41,000 yen": one currency bought with another.
_GOT_FOR = re.compile(
    rf"\b(?:got|get|bought|buy|received|changed?\s+\w+\s+(?:in)?to)\s+(?:(?P<gsym>{_SYMBOL})\s?"
    rf"(?P<got>{_AMOUNT})|(?P<got2>{_AMOUNT})\s*(?P<gcur>{_NAME}))\s+for\s+"
    rf"(?:(?P<psym>{_SYMBOL})\s?(?P<paid>{_AMOUNT})|(?P<paid2>{_AMOUNT})\s*(?P<pcur>{_NAME}))",
    re.I,
)
# "how many euros per pound", "how many euros to the pound", "how many euros for a pound".
_ASKS_RATE = re.compile(
    rf"\bhow\s+many\s+(?P<many>{_NAME})\s+(?:per|to\s+(?:the|a|one)|for\s+(?:a|one|each)|"
    rf"a|each)\s+(?P<one>{_NAME})",
    re.I,
)


def read_rate_got(context: str | None, task: str) -> Reading | None:
    """ "got 500 euros for £436 at the bureau. how many euros per pound is that": the rate
    the exchange gave, the amount of the currency asked over the other's; None unless the
    text gives those two amounts only, in two currencies, and asks one for one of the
    other."""
    text = task if context is None else f"{context} {task}"
    got, asked = _GOT_FOR.search(text), _ASKS_RATE.search(text)
    if got is None or asked is None or len(_ANY_NUMBER.findall(text)) != 2:
        return None
    bought = _codes(got.group("gsym") or got.group("gcur"))
    paid = _codes(got.group("psym") or got.group("pcur"))
    many, one = _codes(asked.group("many")), _codes(asked.group("one"))
    if not bought or not paid or bought & paid or not many or not one:
        return None
    bought_raw, paid_raw = (
        got.group("got") or got.group("got2"),
        got.group("paid") or got.group("paid2"),
    )
    if many & bought and one & paid and not many & paid and not one & bought:
        top, bottom = bought_raw, paid_raw
    elif many & paid and one & bought and not many & bought and not one & paid:
        top, bottom = paid_raw, bought_raw
    else:
        return None
    if float(bottom.replace(",", "")) == 0:
        return None
    label = f"{asked.group('many').lower()} per {asked.group('one').lower()}"
    return [(Op("/", _num(top), _num(bottom)), label)]
