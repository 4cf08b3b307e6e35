"""Word problems the analyst answers: a price per item, an amount changed by a percentage.

"If 3 tickets cost $45, how much is one?" divides the total by the count (and multiplies it
for "how much are 5?"). "A TV is 500 and it's 20% off. What do I pay?" states its numbers
in one sentence and asks in another, so no operator joins them. The readings here are narrow
on purpose: for a percentage, exactly one amount and one percentage, words saying whether
the percentage is added (tax, tip, shipping, "goes up") or taken off (off, discount, spent,
"goes down"), and a question asking for what is paid or left in the end, or for the share
itself. Anything else is left to the general reader, which refuses an amount and a
percentage added together. Interest asked as the amount at the end and the interest in it
gives both, in that order; "what percent of my income goes to rent" is the named outgoing
over the amount earned. Everyday money said in other set shapes is read too: a share set
aside ("save 15% of it") or spent ("what % is gone"), a value that loses a share every
year, the change from a note handed over, what is still owed of an amount lent, a target
less what is done so far, a count at a price each plus one more thing, a price for each
one of the things counted, a discount then a voucher, an interest-only payment a month, a
loan's total repaid then the interest in it, paying yearly against twelve months, a markup
on cost, the number to sell to break even, and equity as a share of a value.

`read_stated_problem` is tried last: the days between two dates, hours less a break, the
periods until a target at a rate, a conversion factor the request states, a charge made once
plus a rate, the units reading of `quantities`, a share taken once a period, a length at a
scale, a start plus an amount for each, what is left after several amounts taken, a profit,
the money made an hour, a group's items at their prices, a share of two amounts added,
what groups of a size each need, a share paid of what was sold (a commission), a change in
percent said in one sentence, a mark weighted over a course's parts (or the mark one part
needs for a target), a credit-weighted average, a loan to value, a time as a share of a day,
a share by weight of a named amount, and chains whose every stage is shown (percentages in
turn, a share then the rest, what is left then spread over periods, a profit then its
margin).
"""

from __future__ import annotations

import calendar
import datetime
import itertools
import re
from collections.abc import Callable, Sequence

from orchestra.agents.analyst.asks import PERIOD_OF_WORD, asks_of, asks_per_period_unsaid
from orchestra.agents.analyst.building import read_sized_by_rule
from orchestra.agents.analyst.formulas import is_unit
from orchestra.agents.analyst.quantities import (
    NOT_ROUNDED,
    PRICE_CHANGED_IN_WORDS,
    read_first_then_each,
    read_quantities,
    read_rate_plus_amount,
    read_upfront_plus_rate,
    split_question,
    unit_key,
)
from orchestra.agents.analyst.wording import Call, Neg, Node, Num, Op

__all__ = [
    "read_amortised_loan",
    "read_amount_left",
    "read_asked_count_at_price",
    "read_at_least_one",
    "read_balance_and_interest",
    "read_before_change",
    "read_break_even",
    "read_change_given",
    "read_changed_then_spread",
    "read_count_at_price",
    "read_count_at_price_and_one",
    "read_credit_weighted",
    "read_days_between",
    "read_discount_then_voucher",
    "read_equity_share",
    "read_group_items",
    "read_grown_each_period",
    "read_held_less_taken",
    "read_interest",
    "read_interest_only_payment",
    "read_listed_costs_total",
    "read_loan_repaid",
    "read_loan_to_value",
    "read_macro_grams",
    "read_made_per_hour",
    "read_markup_on_cost",
    "read_markup_then_margin",
    "read_named_share",
    "read_parts_of_whole",
    "read_per_group",
    "read_per_period",
    "read_percentage_asked_twice",
    "read_percentage_error",
    "read_percentage_problem",
    "read_periods_to_target",
    "read_points_and_relative_change",
    "read_price_for_margin",
    "read_price_per_one_counted",
    "read_pro_rata",
    "read_profit_then_margin",
    "read_rate_for_periods",
    "read_rates_in_turn",
    "read_relative_change",
    "read_saving",
    "read_saving_to_target",
    "read_scaled_amount",
    "read_share_and_kept",
    "read_share_and_rest",
    "read_share_by_weight",
    "read_share_earned",
    "read_share_of_income",
    "read_share_of_sum",
    "read_share_or_flat",
    "read_share_per_period",
    "read_share_per_person",
    "read_share_set_aside",
    "read_share_spent",
    "read_stated_problem",
    "read_still_owed",
    "read_still_to_go",
    "read_tables_needed",
    "read_time_less_break",
    "read_time_share",
    "read_toward_limit",
    "read_two_discounts",
    "read_unit_price",
    "read_value_after_years",
    "read_weighted_mark",
    "read_whole_from_part",
    "read_yearly_against_monthly",
    "share_over_periods",
    "spelt",
    "states_count_and_price",
]

_NUMBER = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\w|\.\d)")

# Words of a word problem said the short way or in words, written as the readers read them.
_SMALL_COUNTS = {
    word: str(number)
    for number, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
        start=2,
    )
}
_SHORT_FORMS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "a dozen eggs cost 4.20", "half a dozen rolls": 12 and 6 of them.
    (re.compile(r"\bhalf\s+a\s+dozen\b", re.I), "6"),
    (re.compile(r"\b(?:a|one)\s+dozen\b", re.I), "12"),
    # "two dozen eggs", "3 dozen rolls": that many twelves (not "2 dozen eggs", 2 of them).
    (
        re.compile(rf"\b(\d+|{'|'.join(_SMALL_COUNTS)})\s+dozen\b", re.I),
        lambda m: str(12 * int(_SMALL_COUNTS.get(m.group(1).lower(), m.group(1)))),
    ),
    # "five and a half hours", "2 and a half days": a count and a half.
    (
        re.compile(rf"\b(\d+|one|{'|'.join(_SMALL_COUNTS)})\s+and\s+a\s+half\b", re.I),
        lambda m: f"{_SMALL_COUNTS.get(m.group(1).lower(), m.group(1)).replace('one', '1')}.5",
    ),
    # "three of us", "split four ways": a count said in words.
    (
        re.compile(rf"\b({'|'.join(_SMALL_COUNTS)})\b(?!\s*(?:-|and\s+a|point)\b)", re.I),
        lambda m: _SMALL_COUNTS[m.group(1).lower()],
    ),
    # "18.75/hr", "900/month": an amount a period.
    (
        re.compile(r"(\d)\s*/\s*(hour|hr|h|day|week|wk|month|mo|year|yr)\b", re.I),
        lambda m: f"{m.group(1)} a {_SHORT_PERIOD.get(m.group(2).lower(), m.group(2).lower())}",
    ),
    # "32 hrs", "3 yrs": hours and years, abbreviated.
    (re.compile(r"\bhrs\b", re.I), "hours"),
    (re.compile(r"\bhr\b", re.I), "hour"),
    (re.compile(r"\byrs\b", re.I), "years"),
    (re.compile(r"\byr\b", re.I), "year"),
)
_SHORT_PERIOD: dict[str, str] = {
    "hr": "hour",
    "h": "hour",
    "wk": "week",
    "mo": "month",
    "yr": "year",
}


def spelt(text: str) -> str:
    """``text`` with the short forms and small counts of everyday word problems written
    out ("a dozen eggs", "three of us", "32 hrs at 18.75/hr"): 12 eggs, 3 of us, 32 hours
    at 18.75 an hour."""
    priced_by_dozen = _PRICED_BY_DOZEN.search(text) is not None
    for number, (pattern, plain) in enumerate(_SHORT_FORMS):
        if priced_by_dozen and number < _DOZEN_FORMS:
            continue
        text = pattern.sub(plain, text)
    if priced_by_dozen:
        # "16 dozen eggs at 3.20 a dozen": the dozen is the unit priced, so the count stays
        # in dozens ("16 dozens at 3.20 a dozen"), as "16 boxes at 3.20 a box" is read.
        text = _DOZENS_OF.sub(r"\1 dozens", text)
    return text


# "3.20 a dozen", "3.20 per dozen", "3.20/dozen": a price for each twelve.
_PRICED_BY_DOZEN = re.compile(r"\d\s*(?:a|per|/|each)\s*dozen\b", re.I)
# "16 dozen eggs": that many dozens of a thing named after them.
_DOZENS_OF = re.compile(
    r"\b(\d+(?:\.\d+)?)\s+dozens?(?:\s+(?!at\b|for\b|a\b|per\b|and\b)[a-z]+)?", re.I
)
# The first short forms, which write dozens out as twelves.
_DOZEN_FORMS = 3


_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.I)

# What is added to an amount, and what is taken off it.
_ADDED = re.compile(
    r"\b(?:tax|taxes|vat|tip|gratuity|shipping|delivery|postage|fee|fees|surcharge|markup|"
    r"service charge|adds?|added|plus|goes up|go up|went up|going up|gone up|rises?|rose|"
    r"rising|risen|increases?|increasing|"
    # "putting the rent up 4.5%": a rise said with the thing between.
    r"(?:putting|puts|put)\s+(?:[a-z]+\s+){0,2}up|"
    r"increased|raised?)\b",
    re.I,
)
_TAKEN_OFF = re.compile(
    r"\b(?:off|discount|discounted|reduced|reduction|cheaper|goes down|go down|went down|"
    r"going down|gone down|"
    r"marked down|"
    r"drops?|dropped|falls?|fell|decreases?|decreased|markdown|cut|spend|spends|spent|"
    r"use|uses|used|lose|loses|lost|"
    # "35% of my budget went on the flight": spent.
    r"went\s+on|goes\s+on|go\s+on|gone\s+on|"
    # "paid a 30% deposit": paid up front, taken off what is still due.
    r"deposit|down\s+payment|paid\s+up\s*front|"
    # "bike is 1,200 and i save 32% through the scheme": a saving of a share of the price.
    r"sav(?:e|es|ed|ing)\s+(?:of\s+)?\d+(?:\.\d+)?(?=\s*(?:%|percent\b|per\s+cent\b)))\b",
    re.I,
)
# "a 15% tip": the share named after its percentage.
_SHARE_NAMED = re.compile(
    r"(?:%|\bpercent|\bper\s+cent)\s+(?:tip|tax|vat|fee|discount|commission|surcharge|"
    r"markup|deposit|raise|increase)\b",
    re.I,
)
# "add 20% vat", "then put a 10% tip on": the percentage added, as told, not asked about.
_TOLD_TO_ADD = re.compile(r"^\s*(?:(?:and\s+)?then\s+)?(?:add|put)\s+(?:an?\s+)?\d", re.I)
# "How much is left?" after something is taken off.
# "the balance due", "what's outstanding": what is left to pay after a deposit.
_ASKS_LEFT = re.compile(
    r"\b(?:left|remain|remains|remaining|leftover|balance|outstanding|still\s+owe)\b", re.I
)
# Tax on income is taken off it, tax on a price is added: with income, which is not known.
# A raise on a salary goes one way only ("3200 a month and a 4% raise").
_INCOME = re.compile(r"\b(?:earn|earns|earned|salary|income|wage|wages|paycheck)\b", re.I)
_TAXED = re.compile(r"\b(?:tax|taxes|taxed|vat|deductions?|deducted)\b", re.I)
# The question asks for the amount in the end ...
_ASKS_FINAL = re.compile(
    r"\b(?:pay|paying|total|altogether|in all|owe|cost|costs|end up|"
    # "adult fee is 240, a 7.5% rise. new fee?": any price named new is the amount after.
    r"new (?:price|rent|salary|pay|wage|income|amount|total|balance|value|cost|bill|fee|"
    r"charge|fare|premium|subscription|membership)|"
    r"final|comes? to|come out|price now|will it be|does it cost|sale price|"
    r"discounted price|reduced price|price after|gross|"
    # "whats it worth now": what is left of a value after a loss.
    r"(?:it|they|that)(?:'s|\s+is|\s+are)?\s+worth|"
    # "what do I sell them for", "the selling price": a price with its markup.
    r"sell\s+(?:it|them|this|that|these|those|each|one)?\s*for|selling\s+price|retail\s+price|"
    r"(?:including|incl\.?|inclusive\s+of)\s+(?:vat|tax))\b",
    re.I,
)
# ... or for the share itself ("how much is the tip?", "how much do I save?").
_ASKS_SHARE = re.compile(
    r"\b(?:save|saving|savings|how much (?:extra|more)|"
    r"(?:how much|what) (?:is|was|will be|would be) the (?:tax|tip|vat|"
    r"fee|discount|shipping|surcharge|increase|markup)|what's the (?:tax|tip|vat|fee|discount|"
    r"shipping|surcharge|increase|markup)|how much (?:tax|tip|vat))\b",
    re.I,
)
# "the card machine takes 1.69%", "the agent keeps 10%": a share kept by whoever takes it
# is taken off the amount, whatever it is called (a fee is else added to a price).
_KEPT_BY = re.compile(
    r"\b(?:takes|keeps|retains|deducts|skims)\s+(?:off\s+)?\d+(?:\.\d+)?\s*"
    r"(?:%|percent\b|per\s+cent\b)",
    re.I,
)
# "how much do we lose to fees": the share so taken, asked as what is lost.
_ASKS_LOST = re.compile(
    r"\b(?:how\s+much|what)\s+(?:do|did|will|would|are)\s+(?:i|we|you|they)\s+(?:lose|losing)\b",
    re.I,
)


# "A 15% tip on a $60 bill", "A discount of 30% on 90": a statement whose subject is the
# share itself, so that "how much is it?" asks for the share.
# "12.5% service charge on a 96 bill": the service charge is a share too.
_SHARES = r"(?:tip|tax|vat|fee|discount|commission|surcharge|markup|service\s+charge)"
_SHARE_STATED = re.compile(
    r"\s*(?:an?\s+)?(?:"
    + _SHARES
    + r"\s+of\s+\d[\d,.]*\s*(?:%|percent\b)|\d[\d,.]*\s*(?:%|percent\b)\s+"
    + _SHARES
    + r")\s+(?:on|of|for)\b",
    re.I,
)
_ASKS_IT = re.compile(
    r"\s*(?:so\s+)?(?:how\s+much|what)(?:\s+is|'s|\s+would|\s+will)\s+(?:it|that|this)"
    r"(?:\s+be)?\s*[?.!]*\s*",
    re.I,
)


# "we're 4", "there are 3 of us", "a table for 6": how many people share a bill.
_PARTY = re.compile(
    r"\bwe(?:'re|\s+are)\s+\d+\b(?!\s*(?:%|percent|[a-z]*s\b))|\b\d+\s+of\s+us\b|"
    r"\b(?:party|table|group)\s+(?:of|for)\s+\d+\b",
    re.I,
)


# "22 per person", "25pp", "18 a head", "12 each": an amount for each one of a party.
_PRICED_PER_HEAD = re.compile(
    r"\d\s*(?:pp\b|per\s+(?:person|head|pax|guest|adult|child)\b|an?\s+(?:head|person)\b|each\b)",
    re.I,
)


# "64.80 including 20% vat", "120 incl. VAT at 20%", "gross 59.50 with 19% tax", "86.10 and
# that includes 5% vat": an amount the percentage is already in.
_TAXES = r"(?:vat|tax|gst|hst|mwst|sales\s+tax)"
# "137.60 and that already includes a 12.5% service charge": a service charge or tip in it,
# said so ("with a 12.5% service charge" may be on top).
_SERVICE = r"(?:service(?:\s+charge)?|tip|gratuity)"
_INCLUDED = re.compile(
    r"\b(?:including|includes|included|incl\.?|inc\.?|inclusive\s+of|with)\s+(?:(?:the|a)\s+)?"
    rf"(?:\d+(?:\.\d+)?\s*(?:%|percent\b)\s*{_TAXES}|{_TAXES}\s+(?:at|of)\s+\d+(?:\.\d+)?\s*%)"
    r"|\b(?:including|includes|included|inclusive\s+of)\s+(?:(?:the|a)\s+)?"
    rf"\d+(?:\.\d+)?\s*(?:%|percent\b)\s*{_SERVICE}",
    re.I,
)
# "how much of that is the vat", "what's the vat": the tax in it; "before vat", "ex vat",
# "net": the amount without it.
_ASKS_TAX_IN_IT = re.compile(
    rf"\b(?:how\s+much\s+(?:of\s+(?:that|it|this)\s+)?(?:is|was)\s+(?:the\s+)?(?:{_TAXES}|{_SERVICE})|"
    # "whats the vat bit": the tax, said without the apostrophe.
    rf"what(?:'s|s|\s+is|\s+was)\s+the\s+(?:{_TAXES}|{_SERVICE})|how\s+much\s+{_TAXES})\b",
    re.I,
)
# "899 inc vat", "incl. tax", "vat included": a tax already in the amount, its rate unsaid.
_TAX_SAID_INCLUDED = re.compile(
    rf"\b(?:inc|incl|including|includes|inclusive\s+of)\.?\s+(?:the\s+)?{_TAXES}\b|"
    rf"\b{_TAXES}\s+(?:included|inclusive|incl)\b",
    re.I,
)
_TAX_RATE = re.compile(rf"\d\s*(?:%|percent\b)\s*{_TAXES}\b", re.I)
_ASKS_NET = re.compile(
    rf"\b(?:before|without|excluding|excl\.?|ex)\s+(?:{_TAXES}|(?:the\s+)?{_SERVICE})\b|\bnet\b|"
    r"\bnetto\b",
    re.I,
)


def _read_included(context: str, task: str) -> tuple[Node, str] | str | None:
    """ "The receipt says 64.80 including 20% VAT. How much of that is the VAT?": the tax in
    an amount that includes it, 64.80 * 20 / 120 (or the amount before it, 64.80 / 1.2);
    "unread" when the amount includes the percentage but the question asks neither, and
    None when no amount is said to include one."""
    if not _INCLUDED.search(context):
        return None
    amounts = [
        m.group(0).replace(",", "")
        for m in _NUMBER.finditer(context)
        if not _PERCENT_AFTER.match(context, m.end())
    ]
    rates = [
        m.group(0) for m in _NUMBER.finditer(context) if _PERCENT_AFTER.match(context, m.end())
    ]
    if len(amounts) != 1 or len(rates) != 1 or _NUMBER.search(task):
        return "unread"
    amount, rate = Num(float(amounts[0]), amounts[0]), Num(float(rates[0]), rates[0])
    asks_tax, asks_net = bool(_ASKS_TAX_IN_IT.search(task)), bool(_ASKS_NET.search(task))
    if asks_tax == asks_net:
        return "unread"
    grossed = Op("+", Num(100, "100"), rate)
    if asks_tax:
        return Op("/", Op("*", amount, rate), grossed), "the tax included in the amount"
    return Op("/", Op("*", amount, Num(100, "100")), grossed), "the amount before the tax"


# "paid 68 ...", "now earn 3,400 ...": the amount said is what came of the change.
_PAID_AFTER = re.compile(
    r"\b(?:paid|pay|paying|now|came\s+to|ended\s+up|cost\s+me|got\s+(?:it|them)\s+for)\b", re.I
)


# "number 27", "flat 4", "room 12": a number that names a place, no amount.
_LABEL_BEFORE = re.compile(
    r"\b(?:number|no\.|flat|apartment|apt|room|house|door|platform|gate)\s*#?\s*$", re.I
)


_SAVE_ASKED = re.compile(r"\b(?:save|saving|saved)\b", re.I)
# Shares paid on top of an amount, which nobody saves.
_ADDED_SHARE = re.compile(
    r"\b(?:tip|tax|vat|fee|surcharge|markup|service(?:\s+charge)?|commission|interest)\b", re.I
)


# "their share", "its cut": the taker's share asked by name.
_TAKERS_SHARE = re.compile(r"\b(?:their|its|his|her)\s+(?:share|cut|commission|take)\b", re.I)


_SET_ASIDE = re.compile(r"\b(?:aside|put\s+away|set\s+by)\b", re.I)


def read_percentage_problem(context: str, task: str) -> tuple[Node, str] | None:
    """The expression for an amount changed by a percentage, and what it is, or None.

    Args:
        context: The sentences that state the numbers ("A TV is 500 and is 20% off.").
        task: The question asked about them ("What do I pay?").
    """
    if _SAVE_ASKED.search(task) and _ADDED_SHARE.search(context):
        return None  # "the tip is 15%. how much do i save": a tip is paid on top, not saved
    if _ASKS_MARGIN.search(task):
        return None  # "60% markup. selling price and my margin": a margin is no markup
    if _SET_ASIDE.search(f"{context} {task}"):
        # "put 28% aside for tax": a share taken out of the amount, no tax added to it
        return None
    included = _read_included(context, task)
    if isinstance(included, str):
        return None  # an amount with the percentage in it, asked neither of the two
    if included is not None:
        return included
    if not _ASKS_EACH.search(task) and not _PRICED_PER_HEAD.search(context):
        # "We're 4 at dinner and the check says 86.50. How much is a 20% tip on that?": the
        # party's size is no amount, unless a share for each is asked, or the amount is for
        # each of them ("22 per person, group of 5, 15% off": the party's size multiplies).
        context = _PARTY.sub(" ", context)
    amounts: list[Num] = []
    percentages: list[Num] = []
    # The amount is stated; the percentage may be stated too, or asked about ("The bill is
    # 80. What's a 15% tip?").
    for text, stated in ((context, True), (task, False)):
        for match in _NUMBER.finditer(text):
            raw = match.group(0).replace(",", "")
            number = Num(float(raw), raw)
            if _PERCENT_AFTER.match(text, match.end()):
                percentages.append(number)
            elif _LABEL_BEFORE.search(text, 0, match.start()):
                return None  # "i live at number 27": a name, and the amount is not said
            elif stated:
                amounts.append(number)
            else:
                return None  # an amount in the question: not this problem
    if len(amounts) != 1 or len(percentages) != 1:
        return None
    periods, asked_periods = _period(context), _period(task)
    longer = None
    if any(p not in periods for p in asked_periods):
        # "rent is 1,380 a month and going up 6.5%. how much extra a year": the change over
        # the longer period, so many of the stated one in it; what is left or paid over
        # another period is not read ("my 2,000 monthly budget ..., what's left per year?").
        longer = _IN_PERIOD.get((periods[0], asked_periods[0])) if len(periods) == 1 else None
        if longer is None or len(asked_periods) != 1:
            return None
    if _INCOME.search(context) and _TAXED.search(f"{context} {task}"):
        return None
    if _AFTER_CHANGE.search(context) and _PAID_AFTER.search(context):
        return None  # "paid 68 after 15% off": 68 is the amount after the change, not before
    said = f"{context} {task}"
    # "the bursary takes 15%. their share, then how much is left": a chain of two asks, which
    # the chains read stage by stage.
    kept = bool(_KEPT_BY.search(context))
    if kept and (re.search(r"\bthen\b", task, re.I) or _TAKERS_SHARE.search(context)):
        # ... also when the planner put the first ask, "their share", in the context
        return None
    added = not kept and bool(_ADDED.search(said))
    taken_off = kept or bool(_TAKEN_OFF.search(said))
    if added == taken_off:
        return None  # neither said, or both: which way the percentage goes is not known
    share = Op("*", amounts[0], Op("/", percentages[0], Num(100, "100")))
    asks_left = bool(_ASKS_LEFT.search(task))
    if asks_left and not taken_off:
        return None
    # "the job came to 2,340. add 20% vat": told to add it, the amount with it is asked.
    asks_final = asks_left or bool(_ASKS_FINAL.search(task) or _TOLD_TO_ADD.match(task))
    # "What's a 15% tip?" asks for the share; "What do I pay with a 15% tip?" does not.
    asks_share = bool(_ASKS_SHARE.search(task) or (kept and _ASKS_LOST.search(task))) or (
        not asks_final
        and (
            bool(_SHARE_NAMED.search(task))
            or bool(_SHARE_STATED.match(context) and _ASKS_IT.fullmatch(task))
        )
    )
    if asks_share == asks_final or (longer is not None and not asks_share):
        return None
    if kept and asks_final and not asks_left:
        return None  # "the agency takes 15%. what do i pay": the share, or what is left?
    if asks_share and longer is not None:
        return Op("*", share, Num(longer, str(longer))), f"the change over a {asked_periods[0]}"
    if asks_share:
        return share, "the percentage of the amount"
    sign = "+" if added else "-"
    change = Op(sign, Num(1, "1"), Op("/", percentages[0], Num(100, "100")))
    return Op("*", amounts[0], change), "the amount " + ("with" if added else "less") + " it"


# "new rent, and how much extra a year": two asks of one change, each a question of its own.
_SECOND_ASK = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:what|how|whats|what's|the|new)\b)", re.I
)


_EXTRA_ASKED = re.compile(r"\b(?:extra|more|increase|rise)\b", re.I)


# "new annual and then monthly?", "the new salary, and per month": the amount changed,
# then the same over a shorter period.
_NEW_THEN_PER = re.compile(
    r"^\s*(?:so\s+)?(?:what(?:'s|s|\s+is|\s+will\s+be)\s+)?(?:the\s+|my\s+)?new\s+"
    r"(?:(?:annual|yearly)\s+)?(?:salary|pay|amount|annual|yearly|figure)?\s*(?:,\s*|\s+)"
    r"(?:and\s+)?(?:then\s+)?(?:(?:what(?:'s|s|\s+is)\s+)?(?:that|it)\s+)?(?:the\s+)?"
    r"(?P<per>monthly|weekly|per\s+month|a\s+month|per\s+week|a\s+week)\s*[?.!]*\s*$",
    re.I,
)
# A yearly amount: a salary, or an amount said a year.
_YEARLY = re.compile(r"\b(?:salary|a\s+year|per\s+year|per\s+annum|p\.?a\.?|annual|yearly)\b", re.I)
_OTHER_PERIOD = re.compile(
    r"\b(?:a|per|each|every)\s+(?:month|week|day|hour)\b|\bmonthly\b|\bweekly\b", re.I
)


def _new_then_per_period(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "salary is 31,200 and getting a 3.5% rise. new annual and then monthly?": the yearly
    amount with the change, then that over 12 months (or 52 weeks); None unless the amount
    is said to be yearly and the change reads as `read_percentage_problem` reads it."""
    asked = _NEW_THEN_PER.match(task)
    if asked is None or not _YEARLY.search(context) or _OTHER_PERIOD.search(context):
        return None
    new = read_percentage_problem(context, "what's the new amount")
    if new is None or not new[1].startswith("the amount"):
        return None
    weekly = "week" in asked["per"].lower()
    periods = Num(52, "52") if weekly else Num(12, "12")
    per = "week" if weekly else "month"
    return [(new[0], f"{new[1]}, a year"), (Op("/", new[0], periods), f"{new[1]}, a {per}")]


def read_percentage_asked_twice(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "rent is 1,380 a month and going up 6.5%. new rent, and how much extra a year": each
    of the two asks read as `read_percentage_problem` reads it alone; None unless the task
    is two asks and both are read."""
    yearly = _new_then_per_period(context, task)
    if yearly is not None:
        return yearly
    asks = _SECOND_ASK.split(task)
    # The new amount, then what more it comes to: a rise. "what do i save" of a tip added,
    # or both asks of one kind, is not so.
    if len(asks) != 2 or not _EXTRA_ASKED.search(asks[1]) or _EXTRA_ASKED.search(asks[0]):
        return None
    found = [read_percentage_problem(context, ask) for ask in asks]
    if found[0] is None or found[1] is None:
        return None
    return [found[0], found[1]]


# "6 packs of batteries at 7.99 each", "4 tickets for 12.50 apiece": a count at a price.
_COUNT_AT_PRICE = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?:[a-z]+\s+){1,3}?(?:at|for|@)\s+[$\u20ac\u00a3]?"
    r"(?P<price>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s*(?:dollars|euros|pounds|bucks)?\s+"
    r"(?:each|apiece|a\s+piece|per\s+(?:item|piece|unit|one))\b",
    re.I,
)
# "45 litres at 1.72 a litre", "3 kg for 4.50 per kg": an amount at a price per its unit.
_AMOUNT_AT_UNIT_PRICE = re.compile(
    r"(?<![\w.])(?P<count>\d+(?:\.\d+)?)\s+(?P<unit>[a-z]+?)s?\s+(?:[a-z]+\s+){0,2}?"
    r"(?:at|for|@)\s+[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s+"
    r"(?:a|an|per)\s+(?P=unit)\b",
    re.I,
)
# "5 nights at 86 plus a 45 cleaning fee": a count at a price, and one charge on top.
_COUNT_AT_PRICE_PLUS = re.compile(
    r"^\D*?(?<![\w.])(?P<count>\d+)\s+[a-z]+\s+at\s+[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s+(?:a|an|per|each)\s+[a-z]+)?\s+plus\s+(?:an?\s+)?[$\u20ac\u00a3]?"
    r"(?P<extra>\d[\d,]*(?:\.\d+)?)\s+(?:[a-z]+\s+)?(?:fee|charge)\b\D*$",
    re.I,
)
_ASKS_TOTAL = re.compile(
    r"\b(?:total|altogether|in\s+all|all\s+together|how\s+much\s+(?:is|was|will|would|do|did)\s+"
    r"(?:that|it|this|they|i|we)\b|what\s+(?:do|did|will|would)\s+(?:i|we)\s+(?:pay|spend))",
    re.I,
)


def read_count_at_price(context: str, task: str) -> tuple[Node, str] | None:
    """ "6 packs of batteries at 7.99 each. What's the total?": the count times the price,
    or None unless those are the only two numbers and the question asks for the total."""
    stated = _COUNT_AT_PRICE.search(context) or _AMOUNT_AT_UNIT_PRICE.search(context)
    if stated is None or not _ASKS_TOTAL.search(task) or _ASKS_ONE.search(task):
        return None
    if PRICE_CHANGED_IN_WORDS.search(context):
        return None
    if _NUMBER.search(task) or len(_NUMBER.findall(context)) != 2:
        return None
    if _period(f"{context} {task}"):
        return None  # "2 coffees at 3 each every day, the total for a week": how many days
    count, price = stated.group("count"), stated.group("price").replace(",", "")
    return Op("*", Num(float(count), count), Num(float(price), price)), "the total price"


# "whats 7 nights at 135", "how much is 3 tickets at 12.50 each", "what's 4 hours at 22
# an hour": a question that is wholly a count of things at a price, each. A length or a
# time of minutes at a number is a speed, a pace or an oven's heat ("60 miles at 30", "40
# minutes at 180"), no price, and is left to the other readers. An area or a volume
# ("22.5 m2 at 34 per m2") is an amount at a price per its unit like any other.
_ASKED_COUNT_AT_PRICE = re.compile(
    r"^\s*(?:what'?s|what\s+(?:is|are|would\s+be|will\s+be)|how\s+much\s+(?:is|are|for|"
    r"would\s+be|will\s+be)|total\s+(?:for|of|cost\s+of)|(?:the\s+)?cost\s+of)\s+"
    r"(?P<count>\d+(?:\.\d+)?)\s+(?P<things>(?:[a-z]+\s+){0,2}[a-z]+[23\u00b2\u00b3]?)\s+(?:at|@)\s+"
    r"[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)(?!\s*%)(?:\s*(?:dollars|euros|pounds|quid|bucks))?"
    r"(?:\s+(?:each|apiece|a\s+piece|(?:a|an|per)\s+(?P<unit>[a-z]+[23\u00b2\u00b3]?)))?"
    r"\s*[?.!]*\s*$",
    re.I,
)
_NOT_PRICED = re.compile(
    r"\b(?:miles?|kms?|kilomet(?:re|er)s?|met(?:re|er)s?|yards?|foot|feet|laps?|lengths?|"
    r"minutes?|mins?|seconds?|secs?|degrees?|percent)\b",
    re.I,
)


def read_asked_count_at_price(text: str) -> tuple[Node, str] | None:
    """ "whats 7 nights at 135": the count times the price, or None unless the question is
    that and nothing else (a price said for a unit must be for the thing counted: "7 nights
    at 135 a week" is no price a night)."""
    stated = _ASKED_COUNT_AT_PRICE.match(text)
    if stated is None or len(_NUMBER.findall(text)) != 2:
        return None
    things = stated.group("things").lower().split()
    if _NOT_PRICED.search(stated.group("things")):
        return None
    unit = stated.group("unit")
    if unit is not None and _thing_word(unit.lower()) != _thing_word(things[-1]):
        return None
    count, price = _plain(stated.group("count")), _plain(stated.group("price"))
    return Op("*", count, price), "the total price"


# "3 bags of dog food at 18.75 each and a 6 chew toy": a count at a price, and one more
# thing at its own price.
_COUNT_AT_PRICE_AND_ONE = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?:[a-z]+\s+){1,4}?(?:at|for|@)\s+[$\u20ac\u00a3]?"
    r"(?P<price>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s+(?:each|apiece|a\s+piece)\s+(?:and|plus|\+)\s+"
    r"(?:a|an|one)\s+[$\u20ac\u00a3]?(?P<extra>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s+(?:[a-z-]+\s+){0,2}"
    r"[a-z-]+\s*[.!]?\s*$",
    re.I,
)
# "... and a pen for 1.25": the one more thing named before its price.
_COUNT_AT_PRICE_AND_NAMED = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?:[a-z]+\s+){1,4}?(?:at|for|@)\s+[$\u20ac\u00a3]?"
    r"(?P<price>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s+(?:each|apiece|a\s+piece)\s+(?:and|plus|\+)\s+"
    r"(?:a|an|one)\s+(?:[a-z-]+\s+){1,3}?(?:for|at|@)\s+[$\u20ac\u00a3]?"
    r"(?P<extra>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s*[.!]?\s*$",
    re.I,
)
# "whats that come to", "what's the bill": the total asked.
_ASKS_COMES_TO = re.compile(
    r"\bcomes?\s+to\b|\bhow\s+much\s+altogether\b|\bwhat(?:'s|s|\s+is)\s+the\s+bill\b", re.I
)


def read_count_at_price_and_one(context: str, task: str) -> tuple[Node, str] | None:
    """ "bought 3 bags of dog food at 18.75 each and a 6 chew toy, whats that come to": the
    count times the price, plus the one thing's price; None unless those are the only three
    numbers and the question asks for the total."""
    stated = _COUNT_AT_PRICE_AND_ONE.search(context) or _COUNT_AT_PRICE_AND_NAMED.search(context)
    if stated is None or _NUMBER.search(task) or len(_NUMBER.findall(context)) != 3:
        return None
    if PRICE_CHANGED_IN_WORDS.search(context):
        return None
    if not (_ASKS_TOTAL.search(task) or _ASKS_COMES_TO.search(task)) or _ASKS_ONE.search(task):
        return None
    if _period(f"{context} {task}"):
        return None  # "2 coffees at 3 each every day": how many days is not said
    count = stated.group("count")
    each = Op("*", Num(float(count), count), _plain(stated.group("price")))
    extra: Node = _plain(stated.group("extra"))
    if _FOR_EACH.search(context[stated.end("extra") :]):
        # "5 dresses at 149 each plus a 12.50 sash for each": one more thing with each of
        # them, so as many of it as of them (807.5, not 757.5).
        extra = Op("*", Num(float(count), count), extra)
    return Op("+", each, extra), "the total price"


# After the one more thing's price: it comes with each of the things counted.
_FOR_EACH = re.compile(r"\b(?:each|per|every|apiece|a\s+piece)\b", re.I)


# "18 per kid ... 27 kids", "12 a head and there are 30 guests": a price for each one of
# the things counted, and their count.
_PRICE_PER_ONE = re.compile(
    r"[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s*(?:quid|pounds|dollars|euros)?\s+"
    r"(?:per|a|each|for\s+each)\s+(?P<thing>[a-z]+)\b",
    re.I,
)


def read_price_per_one_counted(context: str, task: str) -> tuple[Node, str] | None:
    """ "school trip is 18 per kid and there are 27 kids in the class, how much should i
    collect altogether": the price for one times the count of the same things; None unless
    those are the only two numbers, the count is said of the thing the price is for, and
    the question asks the total."""
    stated = _PRICE_PER_ONE.search(context)
    if stated is None or _NUMBER.search(task) or len(_NUMBER.findall(context)) != 2:
        return None
    if PRICE_CHANGED_IN_WORDS.search(context):
        return None  # "65 a night, 9 nights, and their second dog is half price"
    if not (_ASKS_TOTAL.search(task) or _ASKS_COMES_TO.search(task)) or _ASKS_ONE.search(task):
        return None
    thing = _singular_unit(stated.group("thing").lower())
    if thing in {"day", "week", "month", "year", "hour", "minute"} or is_unit(thing):
        return None  # "18 a day": a rate over time, read elsewhere
    counted = re.search(rf"(?<![\w.])(?P<count>\d+)\s+{re.escape(thing)}(?:s|es)?\b", context, re.I)
    if counted is None:
        return None
    count = counted.group("count")
    return Op("*", _plain(stated.group("price")), Num(float(count), count)), "the total"


# "after a 15% pay cut I now earn 3,400", "after a 10% raise it is 550": the amount after a
# change, and the change.
_AFTER_CHANGE = re.compile(
    r"\bafter\s+(?:an?\s+|the\s+)?(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*"
    # "paid 68 after 15% off": off the price, said without a noun.
    r"(?:[a-z]+\s+)?(?:(?P<down>cut|drop|decrease|reduction|discount|markdown|fall|off)|"
    r"(?P<up>raise|rise|increase|increment|markup|hike))\b",
    re.I,
)
# "the price went up by 8% and it's now 54": the change, then the amount it came to.
_CHANGED_NOW = re.compile(
    r"\b(?:went|gone|goes|go)\s+(?:(?P<up>up)|(?P<down>down))\s+(?:by\s+)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*(?:,\s*|\s+and\s+|\s+so\s+)"
    r"(?:it's|its|it\s+is|it\s+costs|they're|they\s+are)\s+now\b",
    re.I,
)
# "jacket is reduced by 35% and now costs 58.50", "rent was put up by 5%, it's now 840": the
# change said with a passive verb, then the amount it came to.
_CHANGED_BY_NOW = re.compile(
    r"\b(?:is|was|are|were|been|got|gets|has\s+been)\s+(?:(?P<down>reduced|cut|discounted|marked\s+down)"
    r"|(?P<up>increased|raised|marked\s+up|put\s+up))\s+by\s+(?P<rate>\d+(?:\.\d+)?)\s*"
    r"(?:%|percent\b|per\s+cent\b)\s*(?:,\s*|\s+and\s+|\s+so\s+)"
    r"(?:(?:it's|its|it\s+is|they're|they\s+are|it|they)\s+)?(?:(?:costs?|is|are)\s+)?now\b",
    re.I,
)
# Words that make the amount stated the change itself, or a part of it.
_NOT_THE_AMOUNT_AFTER = re.compile(
    r"\b(?:sav(?:e|ed|es|ing|ings)|more|less|extra|difference|lost|lose|gained)\b", re.I
)
_ASKS_BEFORE = re.compile(
    r"\b(?:before|originally|original|used\s+to|previously|previous|old)\b", re.I
)


def _amount_beside_share(context: str) -> str | None:
    """The one amount a statement gives beside its one percentage ("paid 68 after 15% off"),
    without its thousands separators; None for any other count of numbers."""
    amounts = [
        m.group(0).replace(",", "")
        for m in _NUMBER.finditer(context)
        if not _PERCENT_AFTER.match(context, m.end())
    ]
    if len(amounts) != 1 or len(_NUMBER.findall(context)) != 2:
        return None
    return amounts[0]


def read_before_change(context: str, task: str) -> tuple[Node, str] | None:
    """ "After a 15% pay cut I now earn 3,400. What did I earn before the cut?": the amount
    the change was applied to, 3,400 / (1 - 15%), or None unless the text gives one amount,
    the one percentage of the change, and the question asks for the amount before it."""
    change = (
        _AFTER_CHANGE.search(context)
        or _CHANGED_NOW.search(context)
        or _CHANGED_BY_NOW.search(context)
    )
    if change is None or not _ASKS_BEFORE.search(task) or _NUMBER.search(task):
        return None
    if _NOT_THE_AMOUNT_AFTER.search(context):
        return None  # "after a 20% discount I saved 80": 80 is the change, not the price
    if _period(task):
        return None  # "... 3,300 a month, what did I earn before per year?": another period
    amount = _amount_beside_share(context)
    if amount is None:
        return None
    rate = change.group("rate")
    if change.group("down") and float(rate) >= 100:
        return None
    factor = Op(
        "-" if change.group("down") else "+",
        Num(1, "1"),
        Op("/", Num(float(rate), rate), Num(100, "100")),
    )
    return Op("/", Num(float(amount), amount), factor), "the amount before the change"


# "raised 3,780, which is 63% of our target": an amount, then the share it is of a whole
# that a noun names; "what's the target?" asks that whole.
_PART_THEN_SHARE_OF = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d%]*?[,;]?\s*"
    r"\b(?:which|that|this|that's|thats|this\s+is)\s+(?:(?:is|was|makes)\s+)?"
    r"(?:(?:only|just|exactly)\s+)?(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+of\s+"
    r"(?:the|our|my|their|your|his|her)\s+(?P<whole>[a-z]+)\b\s*[.!]?\s*$",
    re.I,
)
_ASKS_NAMED_WHOLE = re.compile(
    r"\s*(?:so\s+)?(?:what(?:'s|s|\s+is|\s+was)|whats|how\s+(?:big|much)\s+is)\s+"
    r"(?:the|our|my|their|your|his|her)\s+(?:full\s+|whole\s+)?(?P<whole>[a-z]+)\s*"
    r"(?:then\s*)?[?.!]*\s*",
    re.I,
)


def read_whole_from_part(context: str, task: str) -> tuple[Node, str] | None:
    """ "we've raised 3,780, which is 63% of our target. what's the target?": the whole a
    share was of, 3,780 / (63 / 100); None unless the statement gives just the amount and
    its percentage, said "which is ... % of the <whole>", and the question asks that same
    whole by its name and nothing else."""
    stated = _PART_THEN_SHARE_OF.search(context)
    asked = _ASKS_NAMED_WHOLE.fullmatch(task)
    if stated is None or asked is None or _NUMBER.search(task):
        return None
    if (
        len(_NUMBER.findall(context)) != 2
        or asked.group("whole").lower() != stated.group("whole").lower()
    ):
        return None
    rate, amount = stated.group("rate"), stated.group("amount").replace(",", "")
    if float(rate) == 0:
        return None
    share = Op("/", Num(float(rate), rate), Num(100, "100"))
    return Op("/", Num(float(amount), amount), share), f"the whole {asked.group('whole')}"


# "20% off, then an extra 10% off": two discounts, the second off the reduced price.
_OFF = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*(?:off|discount)\b", re.I
)
_SECOND = re.compile(r"\b(?:then|extra|another|further|additional|more)\b", re.I)


def read_two_discounts(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "A 500 jacket gets 20% off, then an extra 10% off the reduced price. What do I
    pay?": 500 * (1 - 20%), then that * (1 - 10%), or None unless the text gives one amount and two
    percentages, each one off, the second said to come after, and the question asks the
    price paid."""
    said = f"{context} {task}"
    offs = list(_OFF.finditer(said))
    amounts = [
        m.group(0) for m in _NUMBER.finditer(said) if not _PERCENT_AFTER.match(said, m.end())
    ]
    if len(offs) != 2 or len(amounts) != 1 or len(_NUMBER.findall(said)) != 3:
        return None
    if not _ASKS_FINAL.search(task) or _ADDED.search(said):
        return None
    if not _SECOND.search(said[offs[0].end() : offs[1].start()]):
        return None  # "20% off and 10% off": one after the other, or 30% off?
    amount = amounts[0].replace(",", "")
    value: Node = Num(float(amount), amount)
    stages: list[tuple[Node, str]] = []
    for off, label in zip(
        offs, ("the price after the first discount", "the price paid"), strict=True
    ):
        rate = off.group("rate")
        value = Op(
            "*", value, Op("-", Num(1, "1"), Op("/", Num(float(rate), rate), Num(100, "100")))
        )
        stages.append((value, label))
    return stages


# "then i have a 5 voucher", "a £10 gift card on top": an amount taken off as money.
_VOUCHER = re.compile(
    r"[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s*(?:quid|pounds|dollars|euros)?\s+"
    r"(?:off\s+)?(?:voucher|coupon|gift\s+card|code|cash\s*-?\s*back|rebate)\b",
    re.I,
)
# ... said to come off after the discount.
_AFTER_DISCOUNT = re.compile(r"\bthen\b|\bafter\s+the\s+discount\b|\bon\s+top\b", re.I)


def read_discount_then_voucher(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "trainers are 85 with 20% off, then I've got a 5 voucher on top of that. what do I
    pay": 85 * (1 - 20%), then that less 5; None unless the text gives one price, one
    percentage off and one voucher said after it, and the question asks the price paid."""
    said = f"{context} {task}"
    offs, voucher = list(_OFF.finditer(said)), _VOUCHER.search(said)
    if len(offs) != 1 or voucher is None or voucher.start() < offs[0].end():
        return None
    if len(_NUMBER.findall(said)) != 3 or not _ASKS_FINAL.search(task) or _ADDED.search(said):
        return None
    if not _AFTER_DISCOUNT.search(said, offs[0].end()) or re.search(r"\bbefore\b", said, re.I):
        return None  # the voucher first, then the discount, would give another price
    prices = [
        m.group(0)
        for m in _NUMBER.finditer(said, 0, offs[0].start())
        if not _PERCENT_AFTER.match(said, m.end())
    ]
    if len(prices) != 1:
        return None
    rate = offs[0].group("rate")
    reduced = Op(
        "*",
        _plain(prices[0]),
        Op("-", Num(1, "1"), Op("/", Num(float(rate), rate), Num(100, "100"))),
    )
    paid = Op("-", reduced, _plain(voucher.group("amount")))
    return [(reduced, "the price after the discount"), (paid, "the price paid")]


# "48 of our 640 replies", "12 out of the 30 players": a part of a whole, counted.
_PART_OF_WHOLE = re.compile(
    r"(?<![\w.])(?P<part>\d[\d,]*(?:\.\d+)?)\s+(?:(?:right|correct)\s+)?(?:(?:out\s+)?of|"
    # "9 mispicks out of 3,600 picks": what the part counts, before "out of" only ("3 boxes
    # of 12 eggs" is no part of a whole).
    r"(?!(?:out|of|from)\b)(?P<counted>[a-z]+)\s+out\s+of|"
    # "scored 38 from 51 attempts": the whole after "from", when no range ("from 5 to 9")
    r"(?P<from>from))\s+(?:(?:the|our|my|your|their|its|his|her|all|all\s+the|"
    # "542 out of a possible 720", "out of a maximum of 50": the whole, said so.
    r"a\s+possible|a\s+max(?:imum)?(?:\s+of)?|a\s+total\s+of)\s+)?"
    r"(?P<whole>\d[\d,]*(?:\.\d+)?)(?![\d%])(?(from)(?!\s*(?:to|-|until|till)\b))",
    re.I,
)
# "take-home 2,850 a month, 1,140 of it is rent", "had 8 slices and i ate 3 of them": the
# whole first, then the part "of it".
_PART_OF_IT = re.compile(
    r"(?<![\w.])(?P<whole>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?(?<![\w.])"
    r"(?P<part>\d[\d,]*(?:\.\d+)?)\s+of\s+(?:it|that|this|them|those)\b",
    re.I,
)
# "sowed 72 seeds and 58 germinated", "38 in the choir, 29 came tonight": the whole, then
# the part said with what it did, which the question names ("germination rate %",
# "attendance %").
_PART_BY_ITS_VERB = re.compile(
    r"(?<![\w.])(?P<whole>\d[\d,]*(?:\.\d+)?)(?![\d%])(?P<between>[^\d]*?)(?<![\w.])"
    r"(?P<part>\d[\d,]*(?:\.\d+)?)\s+(?:(?:have|had|were|of\s+them)\s+)?(?P<verb>[a-z]+)",
    re.I,
)
# What being there is called: "29 came", "33 turned up" are its attendance.
_ATTENDED = re.compile(r"^(?:came|attended|turned|showed)$", re.I)
_ATTENDANCE = re.compile(r"\b(?:attendance|turnout)\b", re.I)
# A rate named by a noun whose verb the part is said with in other words: "19 passed" is
# the "pass rate", "87 came back" the "return rate", "251 came up" the "germination".
_RATE_NOUN_VERBS = (
    (re.compile(r"\bpass\s+rate\b", re.I), re.compile(r"^passed\b", re.I)),
    (
        re.compile(r"\breturns?\s+rate\b", re.I),
        re.compile(r"^(?:came\s+back|were\s+returned|got\s+returned|were\s+sent\s+back)\b", re.I),
    ),
    (
        re.compile(r"\bgermination\b", re.I),
        re.compile(r"^(?:came\s+up|sprouted|germinated)\b", re.I),
    ),
)


def _part_by_its_verb(context: str, task: str) -> re.Match[str] | None:
    """The whole and the part of ``context`` when the part is said with a verb the task
    names ("58 germinated": "germination rate"); None when the whole is said with it too
    ("72 came last week and 58 this week" is two parts)."""
    stated = _PART_BY_ITS_VERB.search(context)
    if stated is None:
        return None
    verb = stated.group("verb").lower()
    stem = verb[:5]
    if len(stem) < 4 or re.search(rf"\b{stem}", stated.group("between"), re.I):
        return None
    names_it = re.search(rf"\b{stem}", task, re.I) is not None
    attended = _ATTENDED.match(verb) is not None and _ATTENDANCE.search(task) is not None
    said = context[stated.start("verb") :]
    if stated.group(0)[stated.end("part") - stated.start() :].lower().startswith(" were "):
        said = "were " + said  # "87 were returned": the verb said with its helper
    named = any(
        noun.search(task) is not None and verbs.match(said) is not None
        for noun, verbs in _RATE_NOUN_VERBS
    )
    return stated if names_it or attended or named else None


# "what percent is that", "what's that as a percentage": the part's share, out of a hundred.
_ASKS_PERCENT_OF_IT = re.compile(
    r"\s*(?:so\s+)?(?:what\s+(?:percent|percentage|%)\s+(?:is|was|are|were)\s+"
    r"(?:that|it|this|those|they)|"
    # "what share is that in %": the share, asked in percent.
    r"what\s+(?:share|proportion)\s+(?:is|was)\s+(?:that|it|this)\s+(?:in|as\s+a)\s+"
    r"(?:percent|percentage|%)|(?:what(?:'s|\s+is)|whats)\s+(?:that|it|this|my\s+score|"
    r"the\s+score|my\s+mark)\s+"
    r"(?:as|in)\s+(?:a\s+)?(?:percent|percentage|%)"
    # "as a %?" alone after the part and the whole.
    r"|(?:as|in)\s+(?:a\s+)?(?:percent|percentage|%)"
    # "shooting %?", "pass rate percentage": the share named in a word or two, then asked.
    r"|(?:(?:what(?:'s|\s+is|s)|whats)\s+(?:the\s+|my\s+|our\s+|their\s+|his\s+|her\s+)?)?"
    r"(?!(?:increase|decrease|change|more|less|off|discount|saving|savings|profit|loss|tip|"
    r"tax|rise|drop|fall|growth|interest|vat|markup|margin)\b)[a-z]+(?:\s+(?:rate|ratio|"
    # "error rate as a %?": the share named, then asked in percent.
    r"success))?\s*(?:(?:as|in)\s+(?:a\s+)?)?(?:%|percent|percentage)"
    # "what percentage germinated", "what percent of the pizza was that": the part's
    # share said with the part's own verb; a change ("what percentage increase") is not.
    r"|what\s+(?:percent|percentage|%)(?:\s+of\s+(?:them|those|it|the\s+[a-z]+))?"
    r"(?:\s+(?!(?:increase|decrease|change|more|less|off|discount|saving|savings|profit|"
    r"loss|tip|tax|rise|drop|fall|growth|of)\b)[a-z']+){1,3})\s*[?.!]*\s*(?:lol\s*)?",
    re.I,
)


_ASKS_SCORE = re.compile(r"\b(?:score|mark|grade)\b", re.I)
_GOT = re.compile(r"\b(?:got|get|scored|right|correct|passed)\b", re.I)
_MISSED = re.compile(r"\b(?:missed|miss|wrong|incorrect|failed|lost|dropped)\b", re.I)


def read_part_of_whole(context: str, task: str) -> tuple[Node, str] | None:
    """ "48 of our 640 survey replies said yes. What percent is that?": the part out of
    the whole, times 100, or None unless those are the only two numbers and the part is
    not the larger."""
    if not _ASKS_PERCENT_OF_IT.fullmatch(task) or _PERCENT_AFTER.search(context):
        return None
    stated = (
        _PART_OF_WHOLE.search(context)
        or _PART_OF_IT.search(context)
        or _part_by_its_verb(context, task)
    )
    if stated is None or len(_NUMBER.findall(context)) != 2:
        return None
    if _ASKS_SCORE.search(task) and (_MISSED.search(context) or not _GOT.search(context)):
        return None  # "I missed 3 out of 12, what's my score?": the score is not 3 of 12
    counted = stated.groupdict().get("counted")
    if counted and is_unit(counted):
        return None  # "20 minutes out of 24 hours": amounts of two units, maybe
    part, whole = (stated.group(k).replace(",", "") for k in ("part", "whole"))
    if float(part) > float(whole) or float(whole) == 0:
        return None
    share = Op("/", Num(float(part), part), Num(float(whole), whole))
    return Op("*", share, Num(100, "100")), "the part as a percentage of the whole"


# "what percent is admin", "what % under asking is that": a share or a difference asked
# of the amount a word names.
_ASKS_NAMED_SHARE = re.compile(
    r"^\s*(?:so\s+)?what\s+(?:percent(?:age)?|%|share|proportion)\s+(?:of\s+(?:it|that|the\s+"
    r"(?P<whole>[a-z]+))\s+)?(?:is|was|went\s+on|goes\s+on|is\s+spent\s+on|was\s+spent\s+on)\s+"
    r"(?P<name>[a-z]+)\s*[?.!]*\s*$",
    re.I,
)
_ASKS_NAMED_GAP = re.compile(
    r"^\s*(?:so\s+)?(?:what|how\s+many)\s+(?:percent(?:age)?|%)\s+(?P<way>under|below|over|"
    r"above)\s+(?:the\s+)?(?P<name>[a-z]+)(?:\s+(?:price|value))?(?:\s+(?:is|was)\s+"
    r"(?:that|it|this))?\s*[?.!]*\s*$",
    re.I,
)


def read_named_share(context: str, task: str) -> tuple[Node, str] | None:
    """ "got 12,400 in donations and 1,860 went on admin. what percent is admin": the
    amount the question names (the number said nearest its one mention) out of the other,
    in percent; "asking price 325,000, offer came in at 308,750. what % under asking": how
    far the other is under (or over) the one named, in percent of it. None unless the
    context gives exactly two amounts, no percentage, and the name once."""
    share, gap = _ASKS_NAMED_SHARE.match(task), _ASKS_NAMED_GAP.match(task)
    asked = share or gap
    if asked is None or _PERCENT_AFTER.search(context):
        return None
    numbers = list(_NUMBER.finditer(context))
    said = list(re.finditer(rf"\b{re.escape(asked.group('name'))}s?\b", context, re.I))
    if len(numbers) != 2 or len(said) != 1:
        return None
    whole_named = (share.group("whole") or "") if share is not None else ""
    unsaid = bool(whole_named) and not re.search(rf"\b{re.escape(whole_named)}", context, re.I)
    if unsaid and whole_named.lower() not in {"total", "sum", "lot", "whole"}:
        return None  # "rent 240, bills 300. what % of the budget is rent": no budget said
    at = said[0].start()
    named, other = sorted(numbers, key=lambda m: min(abs(m.start() - at), abs(m.end() - at)))
    part, whole = _plain(named.group(0)), _plain(other.group(0))
    if unsaid and gap is None:
        # "rent 240, bills 300. what % of the total is rent": the total is the two together,
        # not the other one; the part is the amount said right after its name ("rent 240",
        # "rent is 240") or right before it ("240 on rent"), and only one is.
        name = re.escape(asked.group("name"))
        after = re.search(
            rf"\b{name}s?\s*(?::|=|-|(?:is|was|are|were|costs?|came\s+to)\b)?\s*"
            rf"[$\u00a3\u20ac]?(?P<n>{_NUMBER.pattern})",
            context,
            re.I,
        )
        before = re.search(
            rf"(?P<n>{_NUMBER.pattern})\s+(?:(?:went|goes|spent|is|was)\s+)?(?:on|for|in)\s+"
            rf"(?:the\s+)?{name}s?\b",
            context,
            re.I,
        )
        stated = after or before
        if stated is None or (after is not None and before is not None):
            return None
        if stated.start("n") != named.start():
            named, other = other, named
        part, whole = _plain(named.group(0)), _plain(other.group(0))
        return Op(
            "*", Op("/", part, Op("+", part, whole)), Num(100, "100")
        ), "the part as a percentage of the total"
    if gap is None:
        if part.value > whole.value or whole.value == 0:
            return None
        return Op(
            "*", Op("/", part, whole), Num(100, "100")
        ), "the part as a percentage of the whole"
    under = gap.group("way").lower() in {"under", "below"}
    if part.value == 0 or (whole.value > part.value if under else whole.value < part.value):
        return None  # "under" of an amount above it: not what was said
    change = Op("-", part, whole) if under else Op("-", whole, part)
    return Op(
        "*", Op("/", change, part), Num(100, "100")
    ), "the difference in percent of the amount named"


# A share asked: "what % goes on rent", "what share is admin", "as a percentage"; not a
# change or a difference in percent ("what % cheaper", "what percentage increase").
_ASKS_A_SHARE = re.compile(
    r"\b(?:what|which)\s+(?:(?:percent(?:age)?|share|proportion|fraction|portion|part)\b|%)"
    r"(?!\s+(?:increase|decrease|change|more|less|cheaper|dearer|higher|lower|off|discount|"
    r"saving|savings|profit|loss|rise|drop|fall|growth|up|down|over|under|above|below)\b)|"
    r"\b(?:as|in)\s+(?:a\s+)?(?:(?:percent(?:age)?|share|proportion|fraction)\b|%)|\bratio\b",
    re.I,
)
_AN_AMOUNT = r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:k\b)?(?![\w%]|\.\d|\s*%)"
# The words between an amount and its period: "on food", not "and i earn" (another's).
_WORDS_OF_IT = (
    r"(?:(?!(?:and|or|but|plus|then|while|whilst|whereas|i|we|you|he|she|they|my|our|your|"
    r"his|her|their)\b)[a-z]+\s+){0,3}?"
)
_PERIOD_NOUN = r"(?P<noun>hour|day|week|fortnight|month|year|annum)s?"
_PERIOD_ADJ = r"(?P<adj>hourly|daily|weekly|fortnightly|monthly|yearly|annually|annual|pcm|pw|pa)"
# "240 a week", "2,800 each month", "£90 on food every week", "36k per annum", "950 pcm":
# an amount and the period it is of, said after it.
_AMOUNT_THEN_PERIOD = re.compile(
    rf"{_AN_AMOUNT}\s*{_WORDS_OF_IT}(?:(?:a|an|per|each|every|/)\s*"
    rf"{_PERIOD_NOUN}\b|{_PERIOD_ADJ}\b)",
    re.I,
)
# "weekly rent is 240", "my monthly salary of 2,400": the period said before the amount.
_PERIOD_THEN_AMOUNT = re.compile(
    rf"\b{_PERIOD_ADJ}\s+(?:[a-z]+\s+){{0,3}}?[$\u00a3\u20ac]?{_AN_AMOUNT}", re.I
)
# "5 days a week", "8 hours a day": a count of time said per period, not an amount of one.
_TIME_COUNTED = re.compile(
    r"\s*(?:hours?|hrs?|days?|nights?|weeks?|months?|years?|minutes?|mins?|shifts?)\b", re.I
)
# "for 12 months", "7 weeks", "a month is 4.33 weeks": periods counted, which say how one
# converts to another.
_PERIOD_SPAN_SAID = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s*(?:days?|weeks?|fortnights?|months?|years?|yrs?)\b", re.I
)


def share_over_periods(text: str) -> tuple[str, str] | None:
    """ "rent £240 a week and i earn £2,800 a month. what % goes on rent": the two periods
    (week, month) when a share is asked of amounts said over different periods, which no
    reading converts between (a month is no whole number of weeks); None when a share is
    not asked or every amount with a period is of the same one."""
    if not _ASKS_A_SHARE.search(text) or _PERIOD_SPAN_SAID.search(text):
        # "paid in 2,500 a month for 12 months" of a yearly allowance: how many of one
        # period are in the other is said, and the readings count by it.
        return None
    periods: dict[int, str] = {}
    for pattern in (_AMOUNT_THEN_PERIOD, _PERIOD_THEN_AMOUNT):
        for said in pattern.finditer(text):
            number = re.search(_AN_AMOUNT, said.group(0))
            if number is None:
                continue
            at = said.start() + number.start()
            if _TIME_COUNTED.match(text, said.start() + number.end()):
                continue  # "3 days a week": how often, not an amount
            word = (said.groupdict().get("noun") or said.group("adj")).lower()
            periods.setdefault(at, PERIOD_OF_WORD.get(word, word))
    found = sorted(set(periods.values()))
    return (found[0], found[1]) if len(found) > 1 else None


# "what percent of my income goes to rent", "what % of our take-home pay goes on the
# mortgage": the share of what is earned that one named outgoing takes.
_ASKS_SHARE_OF_INCOME = re.compile(
    # "what % goes on chair rent": of what is earned, unsaid.
    r"^\s*(?:so\s+)?what\s+(?:percent(?:age)?|%|share|proportion)\s+(?:of\s+(?:my|our|his|her|"
    r"their|the)\s+(?:monthly\s+|weekly\s+|yearly\s+|annual\s+)?(?:income|salary|pay|wages?|"
    r"earnings|take[\s-]?home(?:\s+pay)?)\s+)?(?:goes|went|is\s+going|is\s+spent|gets\s+spent)\s+"
    r"(?:on|to|towards?)\s+(?:the\s+|my\s+|our\s+)?(?P<name>[a-z]+(?:\s+[a-z]+)?)\s*[?.!]*\s*$",
    re.I,
)
# "I earn 2800 a month", "we take home 3,400 a month": the amount earned, and how often.
_EARNED = re.compile(
    r"\b(?:make|makes|earn|earns|get\s+paid|take\s+home|takes\s+home|bring\s+in|brings\s+in|"
    # "i take £1,120 a week": what comes in, said so with its money sign.
    r"(?:income|salary|pay)\s+is|takes?(?=\s+[$\u20ac\u00a3]))\s+(?:about\s+)?[$\u20ac\u00a3]?"
    r"(?P<income>\d[\d,]*(?:\.\d+)?)(?![\d%])(?:\s+(?:a|an|per|each|every)\s+"
    r"(?P<period>day|week|month|year))?",
    re.I,
)
_PERIOD_SAID = re.compile(r"\b(?:a|an|per|each|every)\s+(day|week|month|year)\b", re.I)


def read_share_of_income(context: str, task: str) -> tuple[Node, str] | None:
    """ "I earn 2800 a month and rent is 950. What percent of my income goes to rent?": the
    named outgoing out of the amount earned, in percent; None unless the context gives
    exactly two amounts (no percentage), the one earned said with its verb, the outgoing
    named once after it (or before it, its amount right after its name: "chair rent £180 a
    week and i take £1,120 a week. what % goes on chair rent"), both said of one period (or
    the outgoing of none), and the outgoing no larger."""
    asked = _ASKS_SHARE_OF_INCOME.match(task)
    earned = _EARNED.search(context)
    if asked is None or earned is None or _PERCENT_AFTER.search(context):
        return None
    name = asked.group("name")
    rest = context[earned.end() :]
    said = list(re.finditer(rf"\b{re.escape(name)}\b", context, re.I))
    after = _NUMBER.findall(rest)
    if len(_NUMBER.findall(context)) != 2 or len(said) != 1:
        return None
    if said[0].start() < earned.end():
        # "chair rent £180 a week and i take £1,120 a week": the outgoing named first, its
        # amount right after its name.
        named = re.match(
            r"\s+(?:is\s+|was\s+|costs?\s+|of\s+)?[$\u20ac\u00a3]?(?P<out>\d[\d,]*(?:\.\d+)?)(?![\d%])",
            context[said[0].end() :],
        )
        if named is None or said[0].end() + named.end() > earned.start():
            return None
        after = [named.group("out")]
        rest = context[said[0].end() : earned.start()] + context[earned.end() :]
    elif len(after) != 1:
        return None
    periods = {p.lower() for p in _PERIOD_SAID.findall(rest)}
    if periods - {(earned.group("period") or "").lower()}:
        return None  # "rent is 240 a week" against a monthly income: not one period
    income, outgoing = _plain(earned.group("income")), _plain(after[0])
    if outgoing.value > income.value or income.value == 0:
        return None
    share = Op("*", Op("/", outgoing, income), Num(100, "100"))
    return share, f"{name} as a percentage of the income"


# "works 3 days out of 5", "3 of the 5 days": the fraction of the full amount had.
_FRACTION_WORKED = re.compile(
    r"(?<![\w.])(?P<part>\d+(?:\.\d+)?)\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+(?:the\s+)?"
    r"(?P<whole>\d+(?:\.\d+)?)(?![\d%])",
    re.I,
)
_PRO_RATA = re.compile(r"\bpro[\s-]?rata\b", re.I)


def read_pro_rata(context: str, task: str) -> tuple[Node, str] | None:
    """ "full timers get 28 days holiday, new starter works 3 days out of 5. pro rata
    entitlement?": the full amount times the part of the whole worked, or None unless the
    request asks "pro rata" of exactly one amount and one such fraction."""
    if not _PRO_RATA.search(f"{context} {task}") or _NUMBER.search(task):
        return None
    fraction = _FRACTION_WORKED.search(context)
    if fraction is None or _PERCENT_AFTER.search(context):
        return None
    rest = context[: fraction.start()] + " " + context[fraction.end() :]
    amounts = _NUMBER.findall(rest)
    part, whole = _plain(fraction.group("part")), _plain(fraction.group("whole"))
    if len(amounts) != 1 or whole.value == 0 or part.value > whole.value:
        return None
    full = _plain(amounts[0])
    return Op("*", full, Op("/", part, whole)), "the full amount pro rata"


# "if 1 W = 3.412 BTU/h", "1 hand is 4 inches": a conversion the request states itself.
_STATED_FACTOR = re.compile(
    r"\b(?:if|where|with|given|using|and|,)?\s*\b1\s+(?P<one>[a-z][a-z/]*)\s*(?:=|is|equals)\s*"
    r"(?P<factor>\d[\d,]*(?:\.\d+)?)\s*(?P<other>[a-z][a-z/]*)",
    re.I,
)


def read_stated_factor(text: str) -> tuple[Node, str] | None:
    """ "1,800 W, whats that in BTU/h if 1 W = 3.412 BTU/h": the one amount given in one of
    the units, times (or over) the factor stated, asked in the other unit; None unless
    exactly one other amount is given, in one of the two units, and the other is asked."""
    stated = _STATED_FACTOR.search(text)
    if stated is None:
        return None
    rest = text[: stated.start()] + " " + text[stated.end() :]
    one, other = stated.group("one").lower(), stated.group("other").lower()
    amounts = list(_NUMBER.finditer(rest))
    if len(amounts) != 1 or one == other:
        return None
    after = re.match(r"\s*([a-z][a-z/]*)", rest[amounts[0].end() :], re.I)
    unit = after.group(1).lower() if after else ""
    factor = _plain(stated.group("factor"))
    amount = _plain(amounts[0].group(0))
    asks = re.search(r"\b(?:in|into|to)\s+([a-z][a-z/]*)", rest[amounts[0].end() :], re.I)
    asked = asks.group(1).lower() if asks else ""
    unit, asked, one, other = (_singular_unit(u) for u in (unit, asked, one, other))
    if unit == one and asked == other:
        return Op(
            "*", amount, factor
        ), f"the amount in {stated.group('other')}, at the factor given"
    if unit == other and asked == one:
        return Op("/", amount, factor), f"the amount in {stated.group('one')}, at the factor given"
    return None


# "2.10 per mile", "45 an hour": a rate per one of a unit.
_RATE_PER = re.compile(
    r"(?<![\w.])[$\u00a3\u20ac]?(?P<rate>\d[\d,]*(?:\.\d+)?)\s*(?:\s(?:per|a|an|each|every)\s+|/\s*)"
    r"(?P<unit>[a-z]+)\b",
    re.I,
)
# "3.20 pick-up charge", "a call-out fee of 60": an amount charged once, whatever the rest.
_FIXED_CHARGE = re.compile(
    r"\b(?:pick-?up|call-?out|standing|flag-?fall|base|fixed|booking|set-?up|minimum|"
    r"admin|entry)\s+(?:charge|fee|cost|rate|price)\b"
    # "3.20 flag fall", "45 call-out": words that name a charge made once by themselves.
    r"|\bflag[\s-]?fall\b|\bcall[\s-]?out\b",
    re.I,
)
_ASKS_CHARGE = re.compile(
    r"\b(?:how\s+much|what\s+(?:should|will|would|does)\s+(?:the\s+)?[a-z]+\s+(?:say|show|"
    r"read|be|come\s+to|cost)|fare|total|cost|charge|bill|price)\b",
    re.I,
)


# "a 53p daily standing charge", "a standing charge of 40p a day": a charge made each day
# (week, month), which is no charge made once.
_CHARGE_WORDS = r"(?:[a-z-]+\s+)?(?:charge|fee|cost)\b"
_SIGNED = r"[$\u00a3\u20ac]?(?P<{}>\d+(?:\.\d+)?)"
_REPEATED_CHARGE = re.compile(
    rf"{_SIGNED.format('before')}\s+(?P<often>daily|weekly|monthly)\s+{_CHARGE_WORDS}"
    rf"|(?P<often_first>daily|weekly|monthly)\s+{_CHARGE_WORDS}\s+(?:of\s+)?{_SIGNED.format('of')}"
    rf"|{_CHARGE_WORDS}\s+(?:of\s+)?{_SIGNED.format('after')}\s+(?:a|an|per|each|every)\s+"
    r"(?P<each>day|week|month)\b"
    # "plus 50p a day standing charge": the period said before the charge's name.
    rf"|{_SIGNED.format('ahead')}\s+(?:a|an|per|each|every)\s+(?P<each_ahead>day|week|month)\s+"
    rf"{_CHARGE_WORDS}",
    re.I,
)
_OFTEN = {"daily": "day", "weekly": "week", "monthly": "month"}
_AMOUNT_EACH_PERIOD = re.compile(
    r"\s*-?\s*[a-z]+\s+(?:(?:a|an|per|each|every)\s+(?:day|week|month|year)|daily|weekly|"
    r"monthly)\b",
    re.I,
)
_GLUED_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?[a-z]+\b", re.I)


def _repeated_charge(text: str) -> tuple[re.Match[str], str] | None:
    """The charge made each period the text says ("53p daily standing charge": 0.53 a
    day), where its number is, and the period."""
    found = _REPEATED_CHARGE.search(text)
    if found is None:
        return None
    often = found.group("often") or found.group("often_first")
    period = (
        _OFTEN[often.lower()]
        if often
        else (found.group("each") or found.group("each_ahead")).lower()
    )
    return found, period


def read_fixed_plus_rate(text: str) -> tuple[Node, str] | None:
    """ "fare is 3.20 pick-up charge then 2.10 per mile. 7.5 mile job, what should the meter
    say": the charge made once plus the rate times the amount of its unit; None unless the
    request gives exactly those three numbers, the one said as a charge made once. A charge
    made each day ("a 53p daily standing charge") is made for each day given ("30 day
    month"), and with no number of days given the request is not read. Several rates of one
    unit ("water is 1.92 per m3, sewerage 2.31 per m3") are each charged on the amount."""
    text = _CUBIC_SAID.sub(r"cu\g<unit>", text)
    if _GLUED_NUMBER.search(text):
        return None  # "53p daily": a number this reading would leave out
    if _FROM_TO.search(text):
        return None  # "standing charge went from 53.35p to 60.99p a day": a change, not a charge
    numbers = list(_NUMBER.finditer(text))
    repeated = _repeated_charge(text)
    if repeated is not None:
        found, period = repeated
        charged = next(g for g in ("before", "of", "after", "ahead") if found.group(g))
        # "30 day month", "for 30 days": how many periods the charge is made for.
        counts = [m for m in numbers if re.match(rf"\s*-?\s*{period}s?\b", text[m.end() :], re.I)]
        if len(counts) != 1:
            return None
        numbers = [m for m in numbers if m.start() not in {found.start(charged), counts[0].start()}]
        if len(numbers) != 2:
            return None
        each = _plain(found.group(charged))
        periods = _plain(counts[0].group(0))
        text = text[: found.start()] + " " * (found.end() - found.start()) + text[found.end() :]
    rate = _RATE_PER.search(text)
    if rate is None:
        return None
    unit = _singular_unit(rate.group("unit").lower())
    rates = [r for r in _RATE_PER.finditer(text) if _singular_unit(r.group("unit").lower()) == unit]
    if len(numbers) != len(rates) + (1 if repeated else 2) or _PERCENT_AFTER.search(text):
        return None
    if not _ASKS_CHARGE.search(text[rate.end() :]):
        return None
    others = [m for m in numbers if m.start() not in {r.start("rate") for r in rates}]
    amount = [
        m
        for m in others
        if (after := re.match(r"\s*-?\s*([a-z]+)", text[m.end() :], re.I))
        and _singular_unit(after.group(1).lower()) == unit
    ]
    fixed = [m for m in others if m not in amount]
    if repeated is not None:
        if len(amount) != 1 or fixed or unit == period:
            return None
        if _AMOUNT_EACH_PERIOD.match(text, amount[0].end()):
            return None  # "5 GB a month": for each period too, not once
        used = Op("*", _rates_summed(rates), _plain(amount[0].group(0)))
        label = f"the rate for the amount plus the charge each {period}"
        return Op("+", used, Op("*", each, periods)), label
    if len(amount) != 1 or len(fixed) != 1:
        return None
    near = text[max(0, fixed[0].start() - 30) : fixed[0].end() + 30]
    if not _FIXED_CHARGE.search(near):
        return None
    counted: Node = _plain(amount[0].group(0))
    covered = _COVERS_FIRST.search(text)
    if covered is not None:
        # "call out is 65 which covers the first hour, then 48 an hour after that. job took
        # 3 hrs": the rate is charged on the hours after the first (65 + 48 * 2, not * 3).
        if _singular_unit(covered.group("unit").lower()) != unit:
            return None
        counted = Op("-", counted, Num(1, "1"))
    priced = Op("*", _rates_summed(rates), counted)
    if _MINIMUM_CHARGE.search(near):
        # "2.20 per kg with a 15 minimum charge. 4.8 kg": a minimum is a floor, charged
        # instead of the rate when the rate comes to less, never added to it (not 25.56).
        if covered is not None:
            return None
        picked = Call("max", (_plain(fixed[0].group(0)), priced))
        return picked, "the rate for the amount, or the minimum charge, whichever is higher"
    total = Op("+", _plain(fixed[0].group(0)), priced)
    return total, "the charge made once plus the rate for the amount"


# "a 15 minimum charge", "minimum fee of 30", "min. charge 20": an amount charged at least.
_MINIMUM_CHARGE = re.compile(
    r"\b(?:minimum|min\.?)\s+(?:charge|fee|cost|rate|price|fare|spend|order)\b", re.I
)


# "covers the first hour", "includes the first mile": one of the unit charged for by the
# charge made once, which the rate is not charged on.
_COVERS_FIRST = re.compile(
    r"\b(?:covers?|covering|includes?|including)\s+(?:the\s+)?first\s+(?P<unit>[a-z]+)\b", re.I
)


# "48 m³", "1.92 per m3": a unit of volume said with its power, as one word ("cum").
_CUBIC_SAID = re.compile(r"(?<![\w.])(?P<unit>m|cm|ft)(?:\u00b3|3)(?![\w.])", re.I)


def _rates_summed(rates: list[re.Match[str]]) -> Node:
    """The rates charged on one amount, added ("1.92 per m3, sewerage 2.31 per m3")."""
    summed: Node = _plain(rates[0].group("rate"))
    for rate in rates[1:]:
        summed = Op("+", summed, _plain(rate.group("rate")))
    return summed


def _singular_unit(word: str) -> str:
    """ "inches" inch, "hands" hand, "btu/h" as it is."""
    if re.search(r"(?:ch|sh|x)es$", word):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and "/" not in word else word


# "8 mugs cost 36", "3 tickets come to 45 dollars"
_COUNT_COSTS = re.compile(
    r"\b(?P<count>\d+)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:cost|costs|come to|comes to|sell for|"
    r"sold for|add up to|are|were)\s+(?:a total of\s+)?[$\u20ac\u00a3]?"
    r"(?P<total>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?!\s*%)"
    # "We paid 72 for 6 movie tickets": the total first, then the count of things; "62 for 4
    # concert passes" opening the request says the same without the verb.
    r"|(?:\b(?:paid|spent|pay|spend)\s+(?:a total of\s+)?|^\s*)[$\u20ac\u00a3]?"
    r"(?P<total_first>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?!\s*%)\s*"
    r"(?:dollars|euros|pounds|bucks)?\s+(?:for|on)\s+(?P<count_after>\d+)\s+[a-z]+"
)
# "tickets are 12.50 each": the price of one, said with "each".
_PRICE_EACH = re.compile(
    r"\b(?:is|are|cost|costs)\s+[$\u20ac\u00a3]?(?P<price>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?!\s*%)\s*(?:dollars|euros|pounds|bucks)?\s+(?:each|apiece|a\s+piece)\b"
)
# "how much are 5 (tickets)?", "what do 5 cost?": the price of another number of them
_ASKS_SEVERAL = re.compile(
    r"\bhow much (?:are|do|would|will|for|is it for)\s+(?P<n>\d+)\b"
    r"|\bwhat (?:do|would|will) (?P<m>\d+)\b"
)
# "how much is one (ticket)?", "what does one cost?", "the price of each"
_ASKS_ONE = re.compile(
    r"\bhow much (?:is|are|does|do|would|will|for)\s+(?:one|a single|each|1)\b"
    r"|\bwhat (?:does|do|did|would|will) (?:one|each|a single|1)\b"
    r"|\b(?:price|cost) (?:of|for|per) (?:one|each|a single|1)\b|\bhow much each\b",
    re.I,
)


# "how much per ticket?", "what's the cost per mug": the price of one of the things counted.
_ASKS_PER_THING = re.compile(
    r"\b(?:how\s+much|what(?:'s|\s+is)(?:\s+(?:the|that|it))?(?:\s+(?:price|cost))?|price|cost)"
    r"\s+(?:is\s+(?:it|that)\s+)?per\s+(?P<thing>[a-z]+)\b"
)


def _asks_per_thing(text: str, count: str) -> bool:
    """Whether the question asks the price per one of the things counted ("8 tickets ...
    how much per ticket?"); "per hour" after "8 tickets" asks something else."""
    asked = _ASKS_PER_THING.search(text)
    if asked is None:
        return False
    thing = re.escape(asked.group("thing"))
    return re.search(rf"\b{re.escape(count)}\s+{thing}(?:e?s)?\b", text) is not None


def _count_and_total(stated: re.Match[str]) -> tuple[str, str]:
    """The count of things and their total price, in either order of `_COUNT_COSTS`."""
    return (
        stated.group("count") or stated.group("count_after"),
        stated.group("total") or stated.group("total_first"),
    )


def read_unit_price(text: str) -> tuple[Node, str] | None:
    """ "If 3 tickets cost $45, how much is one ticket?": the total over the count, or None
    unless those are the only numbers and the question asks for one item."""
    lowered = text.lower()
    if re.search(r"\b(?:pence|cents)\b", lowered):
        # "52 pods cost 12 pounds, how much per pod in pence?": money in hundredths, which
        # the units reading gives (`quantities`); this one would answer in pounds.
        return None
    stated = _COUNT_COSTS.search(lowered)
    several = _ASKS_SEVERAL.search(lowered)
    if stated is not None:
        count, total = _count_and_total(stated)
    if stated is not None and several is not None:
        wanted = several.group("n") or several.group("m")
        numbers = [m.group(0) for m in _NUMBER.finditer(lowered)]
        if sorted(numbers) != sorted([count, total, wanted]):
            return None
        total = total.replace(",", "")
        one = Op("/", Num(float(total), total), Num(float(count), count))
        return Op("*", one, Num(float(wanted), wanted)), f"the price of {wanted}"
    if stated is None and several is not None:
        return _price_each_times(lowered, several.group("n") or several.group("m"))
    if stated is None or not (_ASKS_ONE.search(lowered) or _asks_per_thing(lowered, count)):
        return None
    others = [m.group(0) for m in _NUMBER.finditer(lowered)]
    if sorted(others) != sorted([count, total]) and sorted(others) != sorted([count, total, "1"]):
        return None
    total = total.replace(",", "")
    return Op("/", Num(float(total), total), Num(float(count), count)), "the price of one"


def _price_each_times(lowered: str, wanted: str) -> tuple[Node, str] | None:
    """ "tickets are 12.50 each, how much for 6?": the price of one times the number asked
    for, or None unless those are the only two numbers."""
    each = _PRICE_EACH.search(lowered)
    if each is None:
        return None
    price = each.group("price")
    if sorted(m.group(0) for m in _NUMBER.finditer(lowered)) != sorted([price, wanted]):
        return None
    return Op("*", _plain(price), Num(float(wanted), wanted)), f"the price of {wanted}"


def states_count_and_price(text: str) -> bool:
    """Whether the text gives a number of items and what they cost ("3 tickets cost 45"),
    or a number of people beside other numbers ("There are 3 of us. Each pays 20."): numbers
    of different kinds, which no figure of a list may add or average."""
    lowered = text.lower()
    if _COUNT_COSTS.search(lowered) is not None or _counts_things(lowered):
        return True
    if _prices_beside_amounts(lowered):
        return True
    return _PEOPLE.search(lowered) is not None and len(_NUMBER.findall(lowered)) > 1


# "68 a head", "12 each", "34.99/m2", "18 per m2", "22 an hour", "1.45 a litre": a price or
# rate, said by the words right after its number.
_PRICED = re.compile(
    r"\s*(?:each\b|apiece\b|a\s+(?:head|pop)\b|an?\s+(?:hour|hr)\b|per\s+(?!cent\b)[a-z]|"
    # "fuel at 1.45 a litre for 96 miles": a price a unit of measure.
    r"an?\s+(?:litre|liter|mile|km|kilometre|kilometer|kg|kilo|gallon|metre|meter|m2|sqm|"
    r"foot|yard|kwh|unit)\b|"
    r"/\s*[a-z])",
    re.I,
)


def _prices_beside_amounts(text: str) -> bool:
    """Whether the text gives a price or rate ("evening buffet is 14 a head", "tickets are 12
    each") beside numbers that are none ("110 day guests"): the guests at 14 a head are a
    product, and a total or average of 110 and 14 is no figure of anything."""
    priced = [_PRICED.match(text, m.end()) is not None for m in _NUMBER.finditer(text)]
    return any(priced) and not all(priced)


# "3 kids", "2 dogs": a number of things, then a plural noun, outside a list of numbers
# (the last of a list, "7 14 3 4 nights", names what the list measures).
_COUNTED_THINGS = re.compile(
    r"(?<![\w.,])(?<!and )(?<!or )(?<!\d )(?<!\d, )"
    r"(?P<count>\d+)\s+(?:[a-z]+\s+)?(?P<things>[a-z]+s)\b"
    r"(?!\s*(?:,|and|or)\s*\d)"
)
# Words after a number that measure it rather than count things.
_MEASURES = frozenset(
    """dollars euros pounds bucks cents percent points units years months weeks days hours
    minutes seconds degrees""".split()  # noqa: SIM905
)


def _counts_things(text: str) -> bool:
    """Whether the text counts the things its other numbers are about ("I have 3 kids aged
    4, 7 and 10", "2 dogs that weigh 12 and 30 kg"): the count is not one of the values.
    A next number joined by "and" ("12 apples on Monday and 18 on Tuesday") is another
    amount of the same things, and a noun said after the other numbers too ("40 units on
    Monday and 50 units") is what they measure."""
    numbers = _NUMBER.findall(text)
    for match in _COUNTED_THINGS.finditer(text):
        things = match.group("things")
        if is_unit(things) or things in _MEASURES or len(numbers) < 2:
            continue
        following = _NUMBER.search(text, match.end())
        if following and re.search(r"(?:\band|,)\s*$", text[match.end() : following.start()]):
            continue
        measured = re.search(rf"(?<![\w.])\d[\d,.]*\s+{things}\b", text[match.end() :])
        if measured is None:
            return True
    return False


# "went from 80 to 60", "from 40k to 50k": an old and a new value.
_FROM_TO = re.compile(
    r"\bfrom\s+[$\u20ac\u00a3]?(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    # "from 2,400 subs to 3,150": what is counted, said once after the first value.
    r"(?P<scale_old>\s+(?:thousand|million|billion))?(?P<pct_old>\s*%)?(?:\s+(?P<counted>[a-z]+))??"
    # "from 142 picks an hour to 167": a rate, whose period the new value keeps (checked
    # where it is read); "from 12,800 last year to 15,360": the old value's time, said
    # only as the earlier one, so that the order of the two is the order of time.
    r"(?:\s+(?:an?|per|each|every)\s+(?P<period_old>hour|hr|day|week|month|year))?"
    r"(?P<time_old>\s+(?:last|the\s+previous|the\s+year\s+before)(?:\s+(?:year|month|week|quarter|"
    r"season|term))?)?"
    r"\s+(?:(?:down|up)\s+)?to\s+[$\u20ac\u00a3]?"
    r"(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_new>\s+(?:thousand|million|billion))?"
    r"(?P<pct_new>\s*%)?",
    re.I,
)
# "64 down to 48 - what's the percentage change?": the old value first, then where it went,
# said without "from" (at the start, so that "saves up to 40" is no change).
_DOWN_TO = re.compile(
    r"^\s*(?:[a-z]+\s*:\s*)?[$\u20ac\u00a3]?(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_old>)\s+(?:down|up)\s+to\s+[$\u20ac\u00a3]?"
    r"(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_new>)(?![\d%])",
    re.I,
)
# "Bought a TV for 600 and sold it for 450": what was paid, then what it was sold for.
_BOUGHT_SOLD = re.compile(
    r"\b(?:bought|buy|paid)\b[^\d.?!]*?\bfor\s+[$\u20ac\u00a3]?"
    r"(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_old>)(?!\s*%)"
    r"[^\d.?!]*?\b(?:sold|sell|resold)\b[^\d.?!]*?\bfor\s+[$\u20ac\u00a3]?"
    r"(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_new>)(?!\s*%)",
    re.I,
)
# "A jacket was 80 and now it's 60": an old and a new value, said with "was" and "now".
_WAS_NOW = re.compile(
    # "started at 92 kg, now i'm 84.64 kg": the first value said as where it started.
    r"\b(?:was|were|used\s+to\s+be|started\s+(?:at|on|out\s+at))\s+[$\u20ac\u00a3]?"
    r"(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_old>\s+(?:thousand|million|billion))?"
    r"(?!\s*%)[^.?!\d]*?\bnow\s+(?:(?:it's|its|it\s+is|they're|they\s+are|i'm|i\s+am|we're|"
    r"we\s+are|is|are|costs?|just|only)\s+)*"
    r"[$\u20ac\u00a3]?(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_new>\s+(?:thousand|million|billion))?(?!\s*%)",
    re.I,
)
# "tickets were 40 last year and 50 now": the new value said before "now".
_WAS_AND_NOW = re.compile(
    r"\b(?:was|were)\s+[$\u20ac\u00a3]?(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_old>)(?!\s*%)[^.?!\d]*?\b(?:and|but)\s+(?:(?:it's|its|it\s+is|they're|they\s+are|"
    r"is|are)\s+)?[$\u20ac\u00a3]?(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_new>)"
    r"(?!\s*%)\s+(?:now|today|this\s+year)\b",
    re.I,
)
# "dress was 80, it's 56 in the sale": the old value, then the price it is now sold at.
_WAS_IN_SALE = re.compile(
    r"\b(?:was|were)\s+[$\u20ac\u00a3]?(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_old>)(?!\s*%)\s*(?:,|\band\b|\bbut\b)\s*(?:it's|its|it\s+is|they're|they\s+are)\s+"
    r"(?:(?:now|only|just)\s+)?[$\u20ac\u00a3]?(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_new>)(?!\s*%)\s+(?:in\s+the\s+sales?|on\s+sale|reduced)\b",
    re.I,
)
# "kettle's on sale for 39, it used to be 52": the new value first, then the old one.
_NOW_USED_TO = re.compile(
    r"\b(?:on\s+sale\s+for|(?:is|are|costs?)\s+now|now\s+(?:is|costs?))\s+[$\u20ac\u00a3]?"
    r"(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_new>)(?!\s*%)\s*"
    r"(?:,|\band\b|\bbut\b)\s*(?:it|they)\s+used\s+to\s+(?:be|cost)\s+[$\u20ac\u00a3]?"
    r"(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?P<scale_old>)(?!\s*%)",
    re.I,
)
# "q3 sales were 184k vs 152k in the same quarter last year": the new value against the
# old, the old one said to be of a time before.
_VERSUS = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?(?P<new>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_new>\s+(?:thousand|million|billion))?(?!\s*%)\s+(?:vs\.?|versus|against|"
    r"compared\s+(?:to|with))\s+[$\u20ac\u00a3]?(?P<old>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"(?P<scale_old>\s+(?:thousand|million|billion))?(?!\s*%)[^.?!\d]*?\b(?:last|previous|"
    r"prior|the\s+year\s+before|a\s+year\s+(?:ago|earlier|before))\b",
    re.I,
)
# "184k": a thousand said in a letter, written out for the readers of values.
_THOUSANDS_K = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)k\b", re.I)
# The question asks for the relative change, and which way it is said to go.
_ASKS_RELATIVE = re.compile(
    r"(?:\bpercent(?:age)?|(?<![\d.])%)\s+(?P<way>increase|rise|growth|gain|decrease|drop|fall|decline|"
    r"reduction|change|difference|off|discount|loss|profit|raise|hike)\b"
    # "% up?", "percent down": the way alone, the whole question.
    r"|^\s*(?:(?:what(?:'s|s|\s+is)|whats|how\s+many)\s+)?(?:the\s+)?(?:percent(?:age)?|%)\s+"
    r"(?P<way_alone>up|down)\s*[?.!]*\s*$"
    # "what's the discount in percent?", "how big a rise is that in %"
    # "bought for 185k, sold for 232k. whats the gain in %": the way named, as a change.
    r"|\b(?P<named>discount|markdown|increase|decrease|rise|drop|reduction|raise|hike|gain|"
    r"growth|loss|profit|change)\s+"
    r"(?:(?:is|was)\s+(?:that|it|this)\s+)?(?:in\s+)?(?:percent(?:age)?|%)"
    # "rent up from 1200 to 1320, what's that in percent": the way the statement says.
    r"|\bwhat(?:'s|s|\s+is)\s+(?:that|this|it)\s+in\s+(?:percent(?:age)?|%)"
    # "got a pay rise from 34,500 to 36,800, what % is that": "that" is the change only when
    # the statement names its way (below), else it may be the one value of the other.
    r"|\bwhat\s+(?:percent(?:age)?|%)\s+(?:is|was)\s+(?P<that>that|this|it)\b"
    # "what percentage am i saving": a saving, so a decrease.
    r"|\bwhat\s+(?:percent(?:age)?|%)\s+(?:am|are|is|do|did|will)\s+(?:i|we|you)\s+"
    r"(?P<saved>saving|save)\b"
    # "What percent did I lose?", "what percentage did we gain": the way in the verb.
    # "what percentage of my body weight have i lost": the whole named, then the verb.
    r"|\b(?:what|how\s+many)\s+(?:percent(?:age)?|%)\s+(?:of\s+(?:my|our|your|their|"
    r"his|her|its|the)\s+(?:[a-z]+\s+){1,2})?(?:did|do|have|has|will)\s+"
    r"(?:i|we|you|they|he|she|it)\s+(?P<asked_verb>lose|lost|gain|gained|make|made)\b"
    r"|\bby\s+(?:what|how\s+many|how\s+much\s+of\s+a)\s+(?:percent(?:age)?|%)"
    r"(?:\s+(?:did|has|have|was|were)\s+\w+\s+(?P<verb>\w+))?",
    re.I,
)
_DOWN = frozenset(
    [
        "decrease",
        "drop",
        "drops",
        "dropped",
        "fall",
        "fell",
        "falls",
        "decline",
        "declined",
        "reduction",
        "go",
        "down",
        "shrink",
        "shrank",
        "off",
        "discount",
        "markdown",
        "lose",
        "lost",
        "loss",
        "saving",
        "save",
    ]
)
_UP = frozenset(
    "increase rise rose rises growth grow grew gain gained go up profit make made "  # noqa: SIM905
    "raise hike".split()
)


# "the price dropped from 125 to 100, by what percentage?": the way said in the statement
# only, so that a rise said of values that fell is not answered.
_STATED_DOWN = re.compile(
    r"\b(?:fell|fallen|falls?|dropped|drops?|decreased|declined|shrank|shrunk|went\s+down|"
    r"gone\s+down|came\s+down|lost|cut|reduced)\b",
    re.I,
)
_STATED_UP = re.compile(
    r"\b(?:rose|risen|rises?|grew|grown|grows?|increased|climbed|jumped|went\s+up|gone\s+up|"
    r"gained|raised)\b",
    re.I,
)


def _way_stated(context: str) -> str:
    """ "decrease" or "increase" as the statement's verb says, or "change" when it says
    neither (or both)."""
    down, up = bool(_STATED_DOWN.search(context)), bool(_STATED_UP.search(context))
    if down == up:
        return "change"
    return "decrease" if down else "increase"


# "(not percentage points)", "the relative change": a change of two percentages asked
# as a share of the first, not as their difference.
_NOT_POINTS = re.compile(
    r"\bnot\s+(?:in\s+)?(?:percentage\s+)?points\b|\brelative\s+(?:change|increase|decrease|rise)",
    re.I,
)
_DATED = re.compile(
    r"\s+in\s+(?:(?:19|20)\d{2}\b(?!\s*(?:%|percent))|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b(?!\s*\d))",
    re.I,
)
# "band 5 going from 29,970 to 31,049", "grade 7": a number naming a rank, which is no value.
_RANK_NAMED = re.compile(
    r"\b(?P<rank>band|grade|level|tier|key\s+stage)\s+\d{1,2}\b(?![.,]\d|\s*(?:%|percent\b))",
    re.I,
)


# A rate said after the new value ("... to 167 an hour"), read against the old one's period.
_RATE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:an?|per|each|every)\s+([a-z]+)", re.I)


def read_relative_change(context: str, task: str) -> tuple[Node, str] | None:
    """ "Sales fell from 80 to 60. What's the percentage decrease?": the change over the old
    value, in percent, or None. The numbers must be exactly the two of "from ... to ...",
    and a decrease asked of values that rose (or the other way) is not answered."""
    # "from 900 in 2022 to 990 in 2024": the years say when, and are no values.
    context = _THOUSANDS_K.sub(r"\1 thousand", _DATED.sub("", context))
    context = _RANK_NAMED.sub(r"\g<rank>", context)
    stated = (
        _FROM_TO.search(context)
        or _DOWN_TO.search(context)
        or _WAS_NOW.search(context)
        or _WAS_AND_NOW.search(context)
        or _WAS_IN_SALE.search(context)
        or _NOW_USED_TO.search(context)
        or _BOUGHT_SOLD.search(context)
        or _VERSUS.search(context)
    )
    asked = _ASKS_RELATIVE.search(task)
    if stated is None or asked is None or _NUMBER.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2:
        return None
    if asked.group("that") and _way_stated(context) == "change":
        return None  # "from 40 to 50, what % is that": 50 of 40, or the change? Unsaid.
    percents = [bool(stated.groupdict().get(k)) for k in ("pct_old", "pct_new")]
    if any(percents) and not (all(percents) and _NOT_POINTS.search(f"{context} {task}")):
        # "from 4.25% to 5%": a change in percentage points, or relative? Only said apart.
        return None
    period = stated.groupdict().get("period_old")
    said_after = _RATE_AFTER.match(context, stated.end())
    if period and said_after and unit_key(said_after.group(1)) != unit_key(period):
        return None  # "from 2 a day to 10 a week": two rates of different periods
    counted = stated.groupdict().get("counted")
    # "from 96.4 kg to 88.7 kg": one unit said of both values is two amounts of one thing.
    same_unit = counted and re.match(rf"\s*{re.escape(counted)}\b", context[stated.end() :])
    if counted and (is_unit(counted) or counted.lower() in {"am", "pm"}) and not same_unit:
        return None  # "from 5 km to 3", "from 9 am to 5 pm": no two amounts of one thing
    old_text = stated.group("old").replace(",", "")
    new_text = stated.group("new").replace(",", "")
    old, new = float(old_text), float(new_text)
    # "from 40k to 50k": a scale on one value only would change the ratio.
    if bool(stated.group("scale_old")) != bool(stated.group("scale_new")) or old == 0:
        return None
    way = (
        asked.group("way")
        or asked.group("way_alone")
        or asked.group("verb")
        or asked.group("named")
        or asked.group("asked_verb")
        or asked.group("saved")
        or _way_stated(context)
    ).lower()
    change = Op("-", Num(new, new_text), Num(old, old_text))
    if way in _DOWN:
        if new > old:
            return None
        change = Op("-", Num(old, old_text), Num(new, new_text))
    elif way in _UP and new < old:
        return None
    relative = Op("*", Op("/", change, Num(old, old_text)), Num(100, "100"))
    return relative, "the change in percent of the first value"


# Two percentages, and the change between them asked in percentage points, in percent of
# the first, or both: "mock was 58%, final was 71%. how many percentage points up and what %
# increase is that" is 71 - 58 points and (71 - 58) / 58 * 100 percent. Points and percent
# of a percentage are two answers, so each is given only when asked by its name.
_TWO_PERCENTS = re.compile(
    r"(?<![\w.])(?P<old>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
    r"[^\d?!]*?(?<![\w.])(?P<new>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)",
    re.I,
)
# Words that may say the two the other way round ("71% vs 58% last year"): not read.
_ORDER_SAID = re.compile(
    r"\b(?:vs\.?|versus|compared|than|against|ago|last|previous|prior|earlier|before|used\s+to)\b",
    re.I,
)
_ASKS_POINTS = re.compile(
    r"\b(?:percentage|%|percent)?\s*(?:points?|pts|pp)\s*(?P<way>up|down|higher|lower|more|less|"
    r"increase|rise|drop|fall|decrease)?\b|\bpp\b",
    re.I,
)
_ASKS_PERCENT_CHANGE = re.compile(
    r"(?:\bpercent(?:age)?|(?<![\d.])%)\s+(?P<way>increase|rise|growth|gain|decrease|drop|fall|"
    r"decline|change|reduction)\b(?!\s+(?:in\s+)?(?:percentage\s+)?points)|"
    r"\brelative\s+(?P<relative>change|increase|decrease|rise|drop|fall)\b",
    re.I,
)
_WAYS_DOWN = frozenset("down lower less decrease drop fall decline reduction".split())  # noqa: SIM905


def read_points_and_relative_change(
    context: str | None, task: str
) -> list[tuple[Node, str]] | None:
    """ "mock was 58%, final was 71%. how many percentage points up and what % increase is
    that": the change in percentage points, the change in percent of the first value, or
    both, in the order asked; None unless the statement gives exactly two percentages, the
    first said first, and the question names points or a percent change and no number."""
    if context is None:
        parts = split_question(task)
        if parts is None:
            return None
        context, task = parts
    stated = _TWO_PERCENTS.search(context)
    if stated is None or _ORDER_SAID.search(context) or _NUMBER.search(task):
        return None
    if _NOT_POINTS.search(task) or len(_NUMBER.findall(context)) != 2:
        # "(not percentage points)": the relative change alone, read by `read_relative_change`
        return None
    points = _ASKS_POINTS.search(_ASKS_PERCENT_CHANGE.sub(" ", task))
    relative = _ASKS_PERCENT_CHANGE.search(task)
    if points is None:
        # "from 58% to 71%, what % increase": percent or points may be meant, unless both
        # are asked apart (`read_relative_change` reads one said not to be points).
        return None
    old_text, new_text = stated.group("old"), stated.group("new")
    old, new = Num(float(old_text), old_text), Num(float(new_text), new_text)
    ways = [m.group("way") for m in (points, relative) if m is not None and m.group("way")]
    down = {w.lower() in _WAYS_DOWN for w in ways}
    if len(down) > 1 or old.value == 0:
        return None  # up and down asked at once
    if down == {True}:
        if new.value > old.value:
            return None
        change = Op("-", old, new)
    else:
        if ways and new.value < old.value:
            return None  # a rise asked of values that fell
        change = Op("-", new, old)
    asked: list[tuple[int, Node, str]] = []
    if points is not None:
        asked.append((points.start(), change, "the change in percentage points"))
    if relative is not None:
        share = Op("*", Op("/", change, old), Num(100, "100"))
        asked.append((relative.start(), share, "the change in percent of the first value"))
    return [(node, label) for _, node, label in sorted(asked, key=lambda a: a[0])]


# "how much extra a year", "how much more is that per week", "how much less a month": the
# change itself asked, the way it goes named.
_ASKS_CHANGE_OVER = re.compile(
    r"\bhow\s+much\s+(?:(?P<up>extra|more)|(?P<down>less|cheaper|lower))\b", re.I
)


def read_change_over_period(context: str, task: str) -> tuple[Node, str] | None:
    """ "landlord wants to put the rent up from 875 to 940 a month. how much extra a year":
    the new amount less the old, times the stated periods in the one asked (12 months in a
    year); None unless those are the only two numbers, one period is said of them, the
    question asks the change the way it goes and asks a period holding a whole number of
    the stated one (or the same period)."""
    stated, asked = _FROM_TO.search(context), _ASKS_CHANGE_OVER.search(task)
    if stated is None or asked is None or _NUMBER.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2 or _PERCENT_AFTER.search(context):
        return None
    if stated.group("scale_old") or stated.group("scale_new") or stated.group("counted"):
        return None
    if stated.group("period_old") or stated.group("time_old"):
        return None  # "from 875 a month to ...": the periods are read by `_period` alone
    periods, asked_periods = _period(context), _period(task)
    if len(periods) != 1 or len(asked_periods) > 1:
        return None
    wanted = asked_periods[0] if asked_periods else periods[0]
    times = 1 if wanted == periods[0] else _IN_PERIOD.get((periods[0], wanted))
    if times is None:
        return None  # "a month ... how much extra a week": no whole number of weeks
    old_text = stated.group("old").replace(",", "")
    new_text = stated.group("new").replace(",", "")
    old, new = Num(float(old_text), old_text), Num(float(new_text), new_text)
    if (new.value > old.value) != bool(asked.group("up")) or new.value == old.value:
        return None  # "how much extra" of an amount that fell: the way is not the one said
    change = Op("-", new, old) if asked.group("up") else Op("-", old, new)
    if times == 1:
        return change, f"the change a {wanted}"
    return Op("*", change, Num(times, str(times))), f"the change over a {wanted}"


# "4 people", "6 of us", "3 friends": how many shares an amount is split into.
_PEOPLE = re.compile(
    r"\b(?P<count>\d+)\s+(?:(?:equal|even)\s+)?(?:of us|people|persons|friends|guests|colleagues|"
    r"ways|roommates|housemates|flatmates|teammates|coworkers|instal(?:l)?ments|payments|"
    r"employees|staff|workers|members|players|students|kids|children|siblings|adults)\b",
    re.I,
)
# "how much does each person pay?", "what's that per head?"
_ASKS_EACH = re.compile(
    r"\b(?:each(?:\s+(?:person|one|of us|pay|owe))?|per\s+(?:person|head)|a\s+head|apiece|"
    # "whats my share" of a bill split between flatmates.
    r"(?:my|our|your)\s+share)\b",
    re.I,
)


# "the bride doesn't pay", "the birthday girl goes free": one of those counted pays nothing.
_ONE_NOT_PAYING = re.compile(
    r"\b(?:the\s+[a-z]+(?:\s+[a-z]+)?|one(?:\s+of\s+us)?|s?he)\s+(?:doesn'?t|does\s+not|won'?t|"
    r"will\s+not|isn'?t|is\s+not)\s+pay(?:ing)?\b|\b(?:the\s+[a-z]+(?:\s+[a-z]+)?|one(?:\s+of\s+us)?|"
    r"s?he)\s+(?:goes|is|comes)\s+(?:for\s+)?free\b",
    re.I,
)
# Words that say someone pays nothing, however many: read only as above.
# ... or a part of a share ("one pays half a share"): shares that are not equal.
_NOT_PAYING = re.compile(
    r"\b(?:pay|paying|pays)\b.{0,20}\bnothing\b|\bfree\b|\bn'?t\s+pay|"
    r"\bpays?\s+(?:only\s+)?(?:half|a\s+half|a\s+third|a\s+quarter|double|twice)\b",
    re.I,
)
# "1,560 plus 240 for activities": another amount added to the first.
_PLUS_AMOUNT = re.compile(r"(?:\bplus|\+|\band\s+another)\s*[$\u20ac\u00a3]?\s*$", re.I)
# "energy 186 a month, wifi 32, water 48", "drinks came to 27.40 and nachos 8.50": another
# amount of a list of costs, each named before it.
_NAMED_AMOUNT = re.compile(
    r"(?:[,;:]|\band)\s+(?:the\s+|an?\s+)?(?P<name>[a-z]+(?:[ -][a-z]+){0,2})\s+"
    r"(?:(?:is|was|were|are|came\s+to|comes?\s+to|costs?|at)\s+)?[$\u20ac\u00a3]?\s*$",
    re.I,
)
# Words that name no cost of a list: a count, a share, a rate, money off, money paid
# towards it ("the plan covers 3,200").
_NOT_A_COST_NAME = frozenset(
    """each per head a an split share shared between off discount tip deposit free half
    of us people person ways and or then but so i we weve ive you spent spend spending paid
    pay put took take taken left owe owed gave give got get lost saved save earned earn
    raised made make sold refund refunded back in out covers cover covered contributes
    contributed chips chipped""".split()  # noqa: SIM905
)
# What may follow an amount of a list of costs, up to the next break: nothing, its period
# ("186 a month"), or what it is for ("86.40 for pizza").
_AFTER_LISTED = re.compile(
    r"\s*(?:(?:a|per|an|every)\s+(?:day|week|month|year)|(?:for|on)\s+[a-z][a-z ]*)?\s*", re.I
)
# Asked what each gets or keeps: money shared out, not costs shared.
_ASKS_SHARED_OUT = re.compile(
    r"\b(?:get|gets|getting|earn|earns|receive|receives|keep|keeps|left|make|makes|profit)\b", re.I
)
# "the plan covers 3,200 and the rest gets split": what is shared is what is left of one
# amount after another, never a sum of the two.
_SAYS_REMAINDER = re.compile(
    r"\b(?:the\s+rest|remainder|remaining|balance|what'?s\s+left|left\s+over|leftover)\b", re.I
)
# "186 a month": the period an amount is said for.
_AMOUNT_PERIOD = re.compile(r"\s*(?:a|per|an|every)\s+(?P<period>day|week|month|year)\b", re.I)


def _added_amount(said: str, start: int) -> bool:
    """Whether the amount at ``start`` is added to those before it: said after "plus", or
    named as one more cost of a list ("..., wifi 32")."""
    if _PLUS_AMOUNT.search(said[:start]):
        return True
    named = _NAMED_AMOUNT.search(said[:start])
    return named is not None and not (
        set(re.split(r"[ -]", named.group("name").lower())) & _NOT_A_COST_NAME
    )


# "£12.50 a head", "30 per person", "8 each": an amount for each one counted, not a total.
_EACH_ONES = re.compile(
    r"\s*(?:(?:a|per|for\s+each)\s+(?:head|person|guest|kid|child|adult|player|student)\b|"
    r"each\b)",
    re.I,
)


# "£6 cover each": an amount for each one counted, its name between it and "each".
_EACH_NAMED = re.compile(
    r"\s+(?:(?!(?:how|much|what|whats|is|that|does|do|pay|pays|owe)\b)[a-z]+\s+){1,2}each\b", re.I
)
# "20 each way", "5 each time": each of something else than the ones counted.
_EACH_OTHER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}each\s+(?:way|time|trip|day|night|week|month|year|hour)\b", re.I
)
_EACH_WORD = re.compile(r"\b(?:each|per|head|apiece|every)\b", re.I)


def _listed_cost(said: str, m: re.Match[str], context: str) -> bool:
    """Whether the amount ``m`` is said as one cost of a list: named before it (after a
    break or at the start), and followed by nothing but its period, what it is for, or a
    rate for each one counted ("£6 cover each")."""
    before = re.split(r"[,;:.]|\band\b|\bplus\b", said[: m.start()])[-1]
    name = [
        w
        for w in re.findall(r"[a-z]+", before.lower())
        if w
        not in {
            "is",
            "was",
            "were",
            "are",
            "came",
            "comes",
            "to",
            "costs",
            "cost",
            "at",
            "the",
            "an",
            "a",
        }
    ]
    clause = re.split(r"[,;.?!]|\band\b|\bplus\b", said[m.end() : len(context)], maxsplit=1)[0]
    if _EACH_NAMED.match(clause):
        return not name  # "£6 cover each": named after it, as a rate for each one
    if not name or set(name) & _NOT_A_COST_NAME or re.search(r"\d", before):
        return False
    return bool(_AFTER_LISTED.fullmatch(clause) or _EACH_ONES.match(clause))


def _asks_per_one_counted(task: str, people: re.Match[str]) -> bool:
    """Whether ``task`` asks the share of one of those counted by their own name: "16
    players ... subs per player?"."""
    counted = people.group(0).split()[-1].lower()
    return any(
        counted in (word, word + "s", word + "es")
        for word in re.findall(r"\bper\s+([a-z]+)\b", task.lower())
    )


def read_share_per_person(context: str, task: str) -> tuple[Node, str] | None:
    """ "We're 4 people and the bill is $138. How much does each person pay?": the amount
    over the number of people, or None unless those are the only two numbers. Amounts
    said with "plus" between them are added first, and so are the costs of a list, each
    named before its amount ("energy 186 a month, wifi 32, water 48", of one period or
    none) or a rate named before "each" ("£6 cover each"), when the question asks no
    money got or left; "12 of us including the bride, and the bride doesn't pay" shares it
    between the 11 others; "16 players ... per player" asks the share by their name."""
    said = f"{context} {task}"
    people = _PEOPLE.search(said)
    if people is None or "\u27e8" in task:
        return None  # "split ⟨s1⟩ 4 ways": what is split is an earlier step's result
    if not _ASKS_EACH.search(task) and not _asks_per_one_counted(task, people):
        return None
    found = [m for m in _NUMBER.finditer(said) if m.start() != people.start("count")]
    if len(found) + 1 != len(_NUMBER.findall(said)) or not found or _PERCENT_AFTER.search(said):
        return None
    if any(not _added_amount(said, m.start()) for m in found[1:]):
        return None  # an amount not added to the first: no one amount to share
    listed = any(not _PLUS_AMOUNT.search(said[: m.start()]) for m in found[1:])
    if listed and re.search(r"instal|payments", people.group(0), re.I):
        return None  # "sofa 900, delivery 50, in 12 payments": is the delivery paid apart?
    if listed and (
        _ASKS_SHARED_OUT.search(task)
        or _SAYS_REMAINDER.search(said)
        or not all(_listed_cost(said, m, context) for m in found)
    ):
        return None  # "year 6 trip: coach is 640", "gig fee 450 ... what does each get"
    if len(found) > 1:
        # "energy 186 a month, wifi 32": amounts of one period, or of none said, are added;
        # the share asked in another period would need them changed.
        periods = {
            p.group("period").lower() for m in found if (p := _AMOUNT_PERIOD.match(said, m.end()))
        }
        asked = {
            p.lower() for p in re.findall(r"\b(?:per|a|each)\s+(day|week|month|year)\b", task, re.I)
        }
        if len(periods | asked) > 1:
            return None
    count = people.group("count")
    payers: Node = Num(float(count), count)
    amount: Node | None = None
    for m in found:
        raw = m.group(0).replace(",", "")
        part: Node = Num(float(raw), raw)
        # What the statement says after the amount, up to the next break.
        clause = re.split(r"[,;.?!]|\band\b|\bplus\b", said[m.end() : len(context)], maxsplit=1)[0]
        if _EACH_OTHER.match(clause):
            return None
        named_each = _EACH_NAMED.match(clause)
        if not _EACH_ONES.match(said, m.end()) and not named_each and _EACH_WORD.search(clause):
            return None  # "6 for a ticket each way": a rate this reading does not take
        if _EACH_ONES.match(said, m.end()) or named_each:
            # "£12.50 a head for 45 people plus £60 delivery": the rate for all of them.
            part = Op("*", part, Num(float(count), count))
        amount = part if amount is None else Op("+", amount, part)
    assert amount is not None
    if _ONE_NOT_PAYING.search(said):
        # Only one counted among those sharing ("12 of us", "including the bride").
        if not re.search(r"\bof\s+us\b|\bincluding\b", said[people.start() :], re.I):
            return None
        payers = Op("-", payers, Num(1, "1"))
    elif _NOT_PAYING.search(said):
        return None  # someone pays nothing, and who or how many is not read
    return Op("/", amount, payers), "the amount for each person"


# "I have $200 and spend $45.75", "My budget is 80. I paid 34.50 for a jacket.", "I have
# 10 apples and eat 3": an amount held, then one amount taken from it.
_HELD_THEN_TAKEN = re.compile(
    r"\b(?:have|had|has|got|budget\s+(?:is|was)|start(?:ed)?\s+with)\b[^\d.]*?"
    r"(?P<held>\d[\d,]*(?:\.\d+)?)(?![\d%])\D*?"
    r"\b(?:spen[dt]s?|spending|paid|pays?|used?|uses|ate|eats?|gave|gives?|lost|lose|loses|"
    r"sold|sells?|withdr[ae]w|withdraws?|took|takes?)\b[^\d]*?"
    r"(?P<taken>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
# "started with 300, 87.50 went on groceries": the amount taken said before its verb.
_HELD_THEN_SPENT_ON = re.compile(
    r"\b(?:have|had|has|got|budget\s+(?:is|was)|start(?:ed)?\s+with)\b[^\d.]*?"
    r"(?P<held>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?"
    r"(?<![\d.])(?P<taken>\d[\d,]*(?:\.\d+)?)(?![\d%])\s*(?:dollars|euros|pounds|bucks)?\s+"
    r"(?:went|goes|go|was\s+spent|were\s+spent)\s+on\b",
    re.I,
)
_ASKS_HOW_MUCH_LEFT = re.compile(
    r"\b(?:how\s+(?:much|many)\b[^.?!]*\b(?:left|remain|remains|remaining|leftover)|"
    r"what(?:'s|\s+is)\s+left|what\s+remains|"
    # "What's my balance now?": what is left in the account.
    r"what(?:'s|\s+is)\s+(?:my|our|the)\s+(?:new\s+)?balance|"
    # "what should be left in the tin", "how much do I give back" (of a deposit).
    r"what\s+(?:should|will|would|is)\s+(?:be\s+)?left|how\s+much\s+do\s+(?:i|we)\s+"
    r"(?:give|pay|hand)\s+back)\b",
    re.I,
)
# "spend 20 a day", "30 on each": a rate or a count, not one amount taken.
_REPEATED = re.compile(r"\b(?:each|every|per|a\s+(?:day|week|month|year))\b", re.I)


def read_amount_left(context: str, task: str) -> tuple[Node, str] | None:
    """ "I have $200 and spend $45.75. How much is left?": the amount held less the amount
    taken, or None unless those are the only two numbers and the second is not larger."""
    if not _ASKS_HOW_MUCH_LEFT.search(task) or _NUMBER.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2 or _PERCENT_AFTER.search(context):
        return None
    if _REPEATED.search(context):
        return None
    match = _HELD_THEN_TAKEN.search(context) or _HELD_THEN_SPENT_ON.search(context)
    if match is None:
        return None
    held, taken = (match.group(k).replace(",", "") for k in ("held", "taken"))
    if float(taken) > float(held):
        return None  # more taken than held: something is not said
    return Op("-", Num(float(held), held), Num(float(taken), taken)), "the amount left"


# "the venue holds 180", "we had 64 in stock": the amount there is at first, said of it.
_HELD = re.compile(
    r"\b(?:have|had|has|got|holds?|held|seats?|sleeps|capacity\s+(?:is|of)|budget\s+(?:is|was)|"
    r"start(?:ed)?\s+with|there\s+(?:are|were)|in\s+stock|"
    # "the petty cash float was 200", "tenant's deposit was 1,150": what is held, named.
    r"(?:float|deposit|kitty)\s+(?:was|is|of))\b(?:\s+[a-z']+){0,2}\s*[$\u00a3\u20ac]?$",
    re.I,
)
# Each amount taken from it: "sold 137 tickets", "comped 18", "gave away 6".
_TAKEN = re.compile(
    r"\b(?:spen[dt]s?|spending|paid|pays?|used?|uses|ate|eats?|gave|gives?|given|lost|loses?|"
    r"sold|sells?|withdr[ae]w|withdraws?|took|takes?|taken|comped|comp|reserved|booked|"
    r"allocated|donated|broke|broken|handed\s+out)\b",
    re.I,
)


# "receipts this week: 12.40, 36.85", "deductions are 185 for cleaning and 60 for a key": a
# list of amounts each taken, named once before them.
_OUTGOINGS = re.compile(
    r"\b(?:receipts|deductions|expenses|outgoings|withdrawals|spent|spending)\b", re.I
)
_GAINED = re.compile(r"\b(?:paid\s+in|added|topped\s+up|got\s+back|refund(?:ed)?|received)\b", re.I)


_CLAUSE_BREAK = re.compile(r",|;|\.(?!\d)|\band\b|\bthen\b", re.I)


def _clause_of(text: str, numbers: list[re.Match[str]], i: int) -> str:
    """The words said with the ``i``-th number: from the last break before it ("sold 137",
    "and comped 18") to the first break after it ("9 are booked and")."""
    start = numbers[i - 1].end() if i else 0
    end = numbers[i + 1].start() if i + 1 < len(numbers) else len(text)
    before = text[start : numbers[i].start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    after = text[numbers[i].end() : end]
    cut = _CLAUSE_BREAK.search(after)
    return f"{before} {after[: cut.start()] if cut else after}"


# "loses 15% of its value every year", "depreciates by 20% a year": a loss each year, taken
# of what is left at the start of that year.
_YEARLY_LOSS = re.compile(
    r"\b(?:loses?|losing|lost|depreciates?|depreciating|drops?|falls?)\s+(?:by\s+)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+(?:of\s+(?:its|their|the)\s+"
    r"value\s+)?(?:every|each|a|per)\s+year\b",
    re.I,
)
# "after 3 years", "value after 3 yrs?", "in 4 years": how many years it loses for.
_AFTER_YEARS = re.compile(r"\b(?:after|in|over)\s+(?P<years>\d+)\s+(?:years?|yrs?)\b", re.I)
_ASKS_VALUE = re.compile(r"\b(?:worth|value)\b", re.I)


def read_value_after_years(context: str, task: str) -> tuple[Node, str] | None:
    """ "van cost 24,000 new and loses 15% of its value every year. value after 3 yrs?": the
    amount times (1 - 15%) once a year, 24000 * 0.85 ** 3; None unless the text gives one
    amount, one rate (said again only as itself), a whole number of years asked after, and
    asks what it is worth."""
    text = f"{context} {task}"
    loss, years = _YEARLY_LOSS.search(context), _AFTER_YEARS.search(task)
    if loss is None or years is None or not _ASKS_VALUE.search(task):
        return None
    rates = {m.group(0) for m in _NUMBER.finditer(text) if _PERCENT_AFTER.match(text, m.end())}
    amounts = [
        m.group(0) for m in _NUMBER.finditer(context) if not _PERCENT_AFTER.match(context, m.end())
    ]
    if rates != {loss.group("rate")} or len(amounts) != 1:
        return None
    if [m.group(0) for m in _NUMBER.finditer(task)] != [years.group("years")]:
        return None
    kept = Op("-", Num(1, "1"), Op("/", _plain(loss.group("rate")), Num(100, "100")))
    count = years.group("years")
    value = Op("*", _plain(amounts[0]), Op("**", kept, Num(float(count), count)))
    return value, f"the value after {count} years"


# "adding 10% each week", "increasing it by 5% every month": an amount grown by a share
# once a period.
_GROWN_EACH = re.compile(
    r"\b(?:add|adds|adding|increase|increases|increasing|grow|grows|growing|up|ups|upping|"
    r"raise|raises|raising|build\s+up|building\s+up)\s+(?:it\s+|that\s+)?(?:by\s+)?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+(?:each|every|a|per)\s+"
    r"(?P<period>day|week|month|year|session|run|time)\b",
    re.I,
)
# "after 3 increases", "after 4 weeks": how many times it has grown.
_AFTER_GROWN = re.compile(
    r"\bafter\s+(?P<count>\d+)\s+(?:(?P<steps>increases|rises|raises|increments|goes)|"
    r"(?P<periods>days|weeks|months|years|sessions|runs))\b",
    re.I,
)
# "in week 4": the period it is in, one more than the times it has grown by then.
_NTH_PERIOD = re.compile(r"\b(?:in|for|by)\s+(?:day|week|month|year)\s+(?P<nth>\d+)\b", re.I)
_ASKS_SUMMED = re.compile(r"\b(?:total|altogether|in\s+all|overall|sum|combined)\b", re.I)


def read_grown_each_period(context: str, task: str) -> tuple[Node, str] | None:
    """ "running 20 km a week now and adding 10% each week. how many km after 3 increases":
    the amount times (1 + 10%) once each time, 20 * 1.1 ** 3; None unless the context gives
    one amount and the one share it grows by each period, the question asks after how many
    times (or periods of the rate's own kind) and asks no total over them. "in week 4" is
    read only beside the count it agrees with ("in week 4, so after 3 increases")."""
    grown, after = _GROWN_EACH.search(context), _AFTER_GROWN.search(task)
    if grown is None or after is None or _ASKS_SUMMED.search(task):
        return None
    count = after.group("count")
    periods = after.group("periods")
    if periods is not None and periods.lower().rstrip("s") != grown.group("period").lower():
        return None
    text = f"{context} {task}"
    rates = {m.group(0) for m in _NUMBER.finditer(text) if _PERCENT_AFTER.match(text, m.end())}
    amounts = [
        m.group(0) for m in _NUMBER.finditer(context) if not _PERCENT_AFTER.match(context, m.end())
    ]
    if rates != {grown.group("rate")} or len(amounts) != 1:
        return None
    told = [m.group(0) for m in _NUMBER.finditer(task)]
    nth = [m.group("nth") for m in _NTH_PERIOD.finditer(task)]
    if any(int(n) != int(count) + 1 for n in nth) or sorted(told) != sorted([count, *nth]):
        return None  # "in week 3, after 3 increases": which is it?
    factor = Op("+", Num(1, "1"), Op("/", _plain(grown.group("rate")), Num(100, "100")))
    value = Op("*", _plain(amounts[0]), Op("**", factor, Num(float(count), count)))
    return value, f"the amount after growing {count} times"


# "with 30% from protein", "35% of it from carbs": a share of the day's energy from a macro.
_MACROS = r"(?P<macro>protein|carbs|carbohydrates?|fat|fats)"
_SHARE_FROM_MACRO = re.compile(
    rf"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+(?:of\s+(?:it|that|them)\s+)?"
    rf"(?:from|as|is|in)\s+{_MACROS}\b",
    re.I,
)
# "protein is 4 kcal per gram", "fat has 9 kcal/g": the energy of one gram of it.
_KCAL_PER_GRAM = re.compile(
    rf"\b{_MACROS}\s+(?:is|are|has|have|gives|give|provides|provide|=)\s+(?:about\s+)?(?P<kcal>\d+(?:\.\d+)?)\s*"
    r"(?:kcal|calories|cals)\s*(?:per|a|/|an?)\s*(?:g|gram|gramme)\b",
    re.I,
)
_DAY_ENERGY = re.compile(r"(?P<kcal>\d{1,3}(?:,\d{3})+|\d+)\s*(?:kcal|calories|cals)\b", re.I)
_ASKS_GRAMS = re.compile(rf"\bhow\s+many\s+(?:g|grams)\b(?:\s+(?:of\s+)?{_MACROS}\b)?", re.I)


def _macro(word: str) -> str:
    word = word.lower()
    return "carbs" if word.startswith("carb") else word.rstrip("s") if word == "fats" else word


def read_macro_grams(context: str, task: str) -> tuple[Node, str] | None:
    """ "on 2,200 kcal a day with 30% from protein, protein is 4 kcal per gram. how many grams
    of protein": the day's energy times the share, over the energy of a gram, 2200 * 30 /
    100 / 4; None unless the text gives the day's energy once, one share of one macro, that
    macro's energy per gram, and nothing more, and asks grams (of that macro)."""
    text = f"{context} {task}"
    shares = list(_SHARE_FROM_MACRO.finditer(text))
    per_gram = list(_KCAL_PER_GRAM.finditer(text))
    asked = _ASKS_GRAMS.search(task)
    if len(shares) != 1 or len(per_gram) != 1 or asked is None:
        return None
    share, gram = shares[0], per_gram[0]
    macro = _macro(share.group("macro"))
    if _macro(gram.group("macro")) != macro or (
        asked.group("macro") and _macro(asked.group("macro")) != macro
    ):
        return None
    energies = [m for m in _DAY_ENERGY.finditer(text) if not gram.start() <= m.start() < gram.end()]
    if len(energies) != 1:
        return None
    said = sorted(m.group(0).replace(",", "") for m in _NUMBER.finditer(text))
    used = sorted(
        [energies[0].group("kcal").replace(",", ""), share.group("rate"), gram.group("kcal")]
    )
    if said != used:
        return None  # a number not read
    energy = Op("*", _plain(energies[0].group("kcal")), _plain(share.group("rate")))
    value = Op("/", Op("/", energy, Num(100, "100")), _plain(gram.group("kcal")))
    return value, f"grams of {macro}"


# "save 15% of it", "put away 10% of my pay": a share of the amount set aside.
_SHARE_SET_ASIDE = re.compile(
    r"\b(?P<verb>save|saves|put\s+away|put\s+aside|invest|invests)\s+(?P<rate>\d+(?:\.\d+)?)\s*"
    r"(?:%|percent\b|per\s+cent\b)\s+of\s+(?:it|that|my\s+(?:income|pay|salary|wages?))\b",
    re.I,
)
_ASKS_SET_ASIDE = re.compile(
    r"^\s*how\s+much\s+(?:do|does|will|would|can|did)\s+(?:i|we|he|she|they)\s+"
    r"(?:save|put\s+away|put\s+aside|invest)\b",
    re.I,
)


def read_share_set_aside(context: str, task: str) -> tuple[Node, str] | None:
    """ "I earn 2,800 a month and save 15% of it. how much do I save each month?": the
    share of the amount earned, or None unless the context gives one amount and the one
    percentage set aside of it, and the question asks what is set aside in the period
    said (or none)."""
    share = _SHARE_SET_ASIDE.search(context)
    if share is None or not _ASKS_SET_ASIDE.search(task) or _NUMBER.search(task):
        return None
    amounts = [
        m.group(0) for m in _NUMBER.finditer(context) if not _PERCENT_AFTER.match(context, m.end())
    ]
    if len(amounts) != 1 or len(_NUMBER.findall(context)) != 2:
        return None
    if any(p not in _period(context) for p in _period(task)):
        return None  # "15% of a monthly 2,800 ... a year?": another period
    rate = Op("/", _plain(share.group("rate")), Num(100, "100"))
    return Op("*", _plain(amounts[0]), rate), "the share set aside"


# "been given 360 ... and already spent 45": an amount had, then an amount spent of it.
_HAD_THEN_SPENT = re.compile(
    r"\b(?:been\s+given|was\s+given|got|received|had|have|started\s+with)\s+[$\u20ac\u00a3]?"
    r"(?P<held>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?\b(?:spent|spend|used|used\s+up)\s+"
    r"(?:(?:already|about)\s+)?[$\u20ac\u00a3]?(?P<spent>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
# "what % is gone", "what percentage have i spent": the share spent of what was had.
_ASKS_SHARE_SPENT = re.compile(
    r"^\s*(?:so\s+)?what\s+(?:percent(?:age)?|%|share|proportion)\s+(?:of\s+(?:it|that|the\s+"
    r"money)\s+)?(?:(?:is|has|'s)\s+(?:been\s+)?(?:gone|spent|used(?:\s+up)?)|(?:have|did)\s+"
    r"(?:i|we)\s+(?:spent|spend|used?))\b[\s\w]*[?.!]*\s*$",
    re.I,
)


def read_share_spent(context: str, task: str) -> tuple[Node, str] | None:
    """ "been given 360 for my birthday and already spent 45. what % is gone": the amount
    spent out of the amount had, in percent; None unless those are the only two numbers
    and no more is spent than was had."""
    stated = _HAD_THEN_SPENT.search(context)
    if stated is None or not _ASKS_SHARE_SPENT.match(task) or _NUMBER.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2 or _PERCENT_AFTER.search(context):
        return None
    held, spent = _plain(stated.group("held")), _plain(stated.group("spent"))
    if spent.value > held.value or held.value == 0:
        return None
    return Op("*", Op("/", spent, held), Num(100, "100")), "the share spent, in percent"


# "420 up front for the year or 39 a month": one price a year, another a month.
_A_YEAR_PRICE = re.compile(
    r"[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s+(?:up\s*front\s+)?(?:for\s+the\s+year|"
    r"a\s+year|per\s+year|per\s+annum|yearly|annually)\b",
    re.I,
)
_A_MONTH_PRICE = re.compile(
    r"[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s+(?:a\s+month|per\s+month|monthly|pcm)\b",
    re.I,
)
# "how much cheaper is paying yearly", "how much do i save paying annually".
_ASKS_YEARLY_SAVING = re.compile(
    r"\bhow\s+much\s+(?:cheaper|less|do\s+i\s+save|would\s+i\s+save|will\s+i\s+save)\b"
    r"[^?.!]*\b(?:yearly|annually|for\s+the\s+year|up\s*front|the\s+year)\b",
    re.I,
)

# "how much extra is paying monthly", "how much more do i pay monthly": the same difference,
# asked the other way round.
_ASKS_MONTHLY_EXTRA = re.compile(
    r"\bhow\s+much\s+(?:extra|more)\b[^?.!]*\b(?:monthly|a\s+month|per\s+month|"
    r"in\s+instal(?:l)?ments)\b",
    re.I,
)
# "12 monthly payments of 62.40": a year's price paid a month at a time.
_TWELVE_PAYMENTS = re.compile(
    r"(?<![\w.])12\s+(?:monthly\s+)?(?:payments|instal(?:l)?ments|direct\s+debits)\s+of\s+"
    r"[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
# "684 paid upfront", "684 in one go": the price paid at once, against twelve payments.
_PAID_AT_ONCE = re.compile(
    r"[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)(?![\d%])\s+(?:paid\s+)?"
    r"(?:up\s*front|in\s+one\s+go|in\s+full|all\s+at\s+once)\b",
    re.I,
)


def read_yearly_against_monthly(context: str, task: str) -> tuple[Node, str] | None:
    """ "gym wants 420 up front for the year or 39 a month. how much cheaper is paying
    yearly?": twelve monthly payments less the yearly price; None unless those are the only
    two numbers and the yearly price is the lower."""
    year, month = _A_YEAR_PRICE.search(context), _A_MONTH_PRICE.search(context)
    numbers = 2
    if (twelve := _TWELVE_PAYMENTS.search(context)) is not None:
        # "684 paid upfront or 12 monthly payments of 62.40": the count of payments is a
        # number said too.
        month, year, numbers = twelve, year or _PAID_AT_ONCE.search(context), 3
    asked = _ASKS_YEARLY_SAVING.search(task) or _ASKS_MONTHLY_EXTRA.search(task)
    if year is None or month is None or not asked:
        return None
    if _NUMBER.search(task) or len(_NUMBER.findall(context)) != numbers:
        return None
    yearly, monthly = _plain(year.group("amount")), _plain(month.group("amount"))
    if monthly.value * 12 < yearly.value:
        return None  # paying yearly costs more: "cheaper" does not hold
    return Op("-", Op("*", monthly, Num(12, "12")), yearly), "the saving of paying yearly"


# "cost me 2.40 each ... i flog them at 9": what one costs, then what it sells for; "we buy
# them in at 36 and sell at 54": the cost said as the price bought at.
_COST_THEN_SELL = re.compile(
    r"(?:\bcosts?\s+(?:me|us)?|\b(?:buy|buys|bought)\s+"
    r"(?:them|it|each|one|these|those|(?:the|my|our)\s+[a-z]+)?\s*"
    r"(?:in\s+)?(?:at|for))"
    r"\s*[$\u20ac\u00a3]?(?P<cost>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?"
    r"\b(?:sell|sells|flog|flogs|charge|charges|sold)\s+(?:them|it|each|one)?\s*(?:at|for)\s+"
    r"[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
_ASKS_MARKUP_ON_COST = re.compile(r"\bmark-?up\b(?:\s+on\s+(?:the\s+)?cost)?", re.I)
# "margin as a % of the selling price", "gross margin in %", "margin on the price": the
# profit over the price; a margin said on the cost is a markup, which the wording leaves
# unsure, so it is not read.
_ASKS_MARGIN_ON_PRICE = re.compile(r"\b(?:gross\s+|profit\s+)?margin\b(?![^.?!]*\bcost\b)", re.I)


def read_markup_on_cost(context: str, task: str) -> tuple[Node, str] | None:
    """ "phone cases cost me 2.40 each and i flog them at 9. markup on cost in %?": the
    price less the cost, over the cost, in percent; "we buy them in at 36 and sell at 54.
    margin as a % of the selling price?": the price less the cost over the price. None
    unless those are the only two numbers, the question asks a markup or a margin in
    percent (not both), and the price is not below the cost."""
    stated = _COST_THEN_SELL.search(context)
    if stated is None or _NUMBER.search(task):
        return None
    markup_asked = _ASKS_MARKUP_ON_COST.search(task) is not None
    margin_asked = _ASKS_MARGIN_ON_PRICE.search(task) is not None
    if markup_asked == margin_asked:
        return None  # neither asked, or both named and which one is meant is unsure
    if not re.search(r"%|percent", task, re.I) or len(_NUMBER.findall(context)) != 2:
        return None
    cost, price = _plain(stated.group("cost")), _plain(stated.group("price"))
    if cost.value == 0 or price.value < cost.value:
        return None
    if margin_asked:
        margin = Op("*", Op("/", Op("-", price, cost), price), Num(100, "100"))
        return margin, "the margin on the selling price, in percent"
    markup = Op("*", Op("/", Op("-", price, cost), cost), Num(100, "100"))
    return markup, "the markup on cost, in percent"


# "cost price 12.50 and i put a 60% markup on", "it costs me 8, marked up 25%": what one
# costs and the share of the cost added to it.
_MARKUP_SAID = re.compile(
    r"(?<![\w.])(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*mark-?up\b"
    r"|\bmark-?up\s+(?:of\s+|is\s+|at\s+)?(?P<after>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
    r"|\bmark(?:ed|s|ing)?\s+(?:it\s+|them\s+)?up\s+(?:by\s+)?(?P<up>\d+(?:\.\d+)?)\s*"
    r"(?:%|percent\b|per\s+cent\b)",
    re.I,
)
_COST_NAMED = re.compile(
    r"\b(?:cost\s+price|costs?|bought|buy|buying|paid|pay)\b[^\d]{0,20}?[$\u20ac\u00a3]?"
    r"(?P<cost>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
_ASKS_MARGIN = re.compile(r"\bmargin\b", re.I)
_ASKS_APART = re.compile(r"\s*(?:[,;?]\s*(?:and\s+)?|\s+and\s+)", re.I)
_ASKS_SELLING = re.compile(
    r"\b(?:selling\s+price|sale\s+price|retail\s+price|sell\s+(?:it|them|each|one)?\s*"
    r"(?:for|at)|what\s+(?:do|should|will)\s+i\s+charge|(?:new|final)\s+price)\b",
    re.I,
)


def read_markup_then_margin(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "cost price 12.50 and i put a 60% markup on. selling price and whats my margin %":
    the price, the cost times (1 + 60 / 100), then the margin, the price less the cost over
    the price, in percent; the margin alone when only it is asked. None unless the cost and
    the markup are the only numbers, the margin is asked in percent (a markup is no
    margin) and nothing else is asked."""
    markup, cost = _MARKUP_SAID.search(context), _COST_NAMED.search(context)
    asked = _ASKS_MARGIN.search(task)
    if markup is None or cost is None or asked is None:
        return None
    if _NUMBER.search(task) or len(_NUMBER.findall(context)) != 2:
        return None
    if not re.search(r"%|\bpercent", task, re.I):
        return None  # "whats my margin": in money, or in percent?
    rate = _plain(markup["rate"] or markup["after"] or markup["up"])
    price = Op("*", _plain(cost["cost"]), Op("+", Num(1, "1"), Op("/", rate, Num(100, "100"))))
    margin = Op("*", Op("/", Op("-", price, _plain(cost["cost"])), price), Num(100, "100"))
    stages: list[tuple[Node, str]] = [(margin, "the margin, in percent of the selling price")]
    selling = _ASKS_SELLING.search(task)
    # Every ask is one of the two read ("my margin and the vat" asks what is not read).
    asks = [a for a in _ASKS_APART.split(task.strip(" ?.!")) if a.strip()]
    if len(asks) != (1 if selling is None else 2) or not all(
        _ASKS_MARGIN.search(a) or _ASKS_SELLING.search(a) for a in asks
    ):
        return None
    if selling is None:
        return stages
    both = [(price, "the selling price, the cost with the markup"), *stages]
    return both if selling.start() < asked.start() else both[::-1]


# "stall costs 63 for the day, each bracelet costs me 1.80 ... i sell them at 6": a fixed
# cost, then what each costs and what each sells for.
_FIXED_THEN_EACH = re.compile(
    r"(?P<fixed>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?\beach\s+[a-z]+\s+costs?\s+(?:me|us)?\s*"
    r"[$\u20ac\u00a3]?(?P<cost>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?\b(?:sell|sells|flog|charge)\s+"
    r"(?:them|it|each)?\s*(?:at|for)\s+[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
# "fixed costs are 18,000 a month, each unit sells for 45 and costs 27 to make": the fixed
# cost, then what each sells for and what each costs, in that order.
_FIXED_THEN_EACH_SOLD = re.compile(
    r"(?P<fixed>\d[\d,]*(?:\.\d+)?)(?![\d%])[^\d]*?\beach\s+(?:one|[a-z]+)\s+"
    r"(?:sells|is\s+sold|goes)\s+(?:at|for)\s+[$\u20ac\u00a3]?(?P<price>\d[\d,]*(?:\.\d+)?)"
    r"(?![\d%])\s*(?:,\s*|\s+)(?:and\s+)?(?:it\s+)?costs?\s+(?:me\s+|us\s+)?"
    r"[$\u20ac\u00a3]?(?P<cost>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
_ASKS_BREAK_EVEN = re.compile(r"\bbreak[\s-]?even\b", re.I)


# "costs: hall 320, accompanist 150, printing 45", "expenses are hall hire 240 and costumes
# 130": the fixed costs named one by one, all before the price.
_COSTS_LISTED = re.compile(r"\b(?:costs|expenses|outgoings)\b\s*(?::|are\b|were\b)", re.I)
# "tickets are £12", "tickets sell at 8", "tickets are 5 each": the price of each one sold.
_PRICE_OF_EACH = re.compile(
    r"\b(?:tickets?|entry|admission)\s+(?:are|is|costs?|sells?\s+(?:at|for)|"
    r"(?:are\s+|is\s+)?(?:priced|sold)\s+at)\s+[$\u20ac\u00a3]?"
    r"(?P<price>\d[\d,]*(?:\.\d+)?)(?![\w%]|\.\d)(?:\s+(?:each|a\s+head|per\s+(?:ticket|person|head)))?"
    r"\s*[.,;]?\s*$",
    re.I,
)
# "printing 0.50 per programme": a cost for each one, which a sum of fixed costs leaves out.
_COST_EACH = re.compile(r"\s*(?:each|per|a|an|every)\b", re.I)


def _listed_costs(context: str) -> tuple[list[Num], Num] | None:
    """ "choir concert costs: hall 320, accompanist 150, printing 45. tickets are £12": the
    listed costs and the price; None unless every number before the price is one of the
    listed costs (no cost for each one sold) and the price is the last number."""
    listed, priced = _COSTS_LISTED.search(context), _PRICE_OF_EACH.search(context)
    if listed is None or priced is None or _PERCENT_AFTER.search(context):
        return None
    costs = list(_NUMBER.finditer(context, listed.end(), priced.start("price")))
    if len(costs) < 1 or len(_NUMBER.findall(context)) != len(costs) + 1:
        return None  # a number before the costs are named, or after the price
    if _NUMBER.search(context[: listed.end()]) or any(
        _COST_EACH.match(context, m.end()) for m in costs
    ):
        return None
    price = _plain(priced.group("price"))
    return ([_plain(m.group(0)) for m in costs], price) if price.value != 0 else None


def _break_even_listed_costs(context: str, task: str) -> tuple[Node, str] | None:
    """The listed costs (`_listed_costs`) added, over the price, rounded up unless the
    task says not to round ("just divide")."""
    stated = _listed_costs(context)
    if stated is None:
        return None
    costs, price = stated
    count = Op("/", _added(costs), price)
    exact = sum(cost.value for cost in costs) / price.value
    if abs(exact - round(exact)) < 1e-9 or NOT_ROUNDED.search(task):
        return count, "the number to sell to break even"
    return Call("ceil", (count,)), "the number to sell to break even (rounded up)"


# "total costs", "what are the total expenses": the listed costs added, the price of each
# ticket left out of them.
_ASKS_TOTAL_COSTS = re.compile(
    r"^\W*(?:(?:what\s+(?:are|is|were)|what'?s)\s+)?(?:the\s+|my\s+|our\s+)?total\s+"
    r"(?P<noun>costs?|expenses|outgoings)\s*[?.!]*\s*$",
    re.I,
)


def read_listed_costs_total(context: str, task: str) -> tuple[Node, str] | None:
    """ "costs: hall 1,200, set 650, costumes 480. tickets are 12 each. total costs": the
    listed costs added (`_listed_costs`), the ticket price no cost; None unless the task
    asks that total of the costs as they were named."""
    asked = _ASKS_TOTAL_COSTS.match(task)
    stated = _listed_costs(context) if asked is not None else None
    if asked is None or stated is None:
        return None
    named = _COSTS_LISTED.search(context)
    heading = "" if named is None else named.group(0).split()[0].rstrip(":").lower()
    if asked.group("noun").lower().rstrip("s") != heading.rstrip("s"):
        return None  # "costs: ...  total expenses"
    return _added(stated[0]), "the total costs"


def read_break_even(context: str, task: str) -> tuple[Node, str] | None:
    """ "stall costs 63 for the day, each bracelet costs me 1.80 in beads and i sell them at
    6. how many to break even" (or "each unit sells for 45 and costs 27 to make"): the
    fixed cost over what each makes, rounded up; None unless those are the only three
    numbers and each sells for more than it costs. Fixed costs listed with a ticket price
    and no cost each ("costs: hall 320, accompanist 150. tickets are £12") are added and
    shared over the price."""
    if not _ASKS_BREAK_EVEN.search(task) or _NUMBER.search(task):
        return None
    stated = _FIXED_THEN_EACH.search(context) or _FIXED_THEN_EACH_SOLD.search(context)
    if stated is None:
        return _break_even_listed_costs(context, task)
    if len(_NUMBER.findall(context)) != 3 or _PERCENT_AFTER.search(context):
        return None
    fixed, cost, price = (_plain(stated.group(k)) for k in ("fixed", "cost", "price"))
    if price.value <= cost.value:
        return None  # none sold ever covers the fixed cost
    count = Op("/", fixed, Op("-", price, cost))
    exact = fixed.value / (price.value - cost.value)
    if abs(exact - round(exact)) < 1e-9:
        return count, "the number to sell to break even"  # 63 / 4.20 is 15, no rounding
    return Call("ceil", (count,)), "the number to sell to break even (rounded up)"


# "house is valued at 340,000 and there's 212,500 left on the mortgage": a value, then what
# is still owed on it.
_VALUE_THEN_OWED = re.compile(
    r"\b(?:valued\s+at|worth|value\s+is)\s+[$\u20ac\u00a3]?(?P<value>\d[\d,]*(?:\.\d+)?)(?![\d%])"
    r"[^\d]*?[$\u20ac\u00a3]?(?P<owed>\d[\d,]*(?:\.\d+)?)(?![\d%])\s+(?:left|owed|outstanding|"
    r"still\s+owed|remaining)\s+on\s+(?:the|our|my)\s+(?:mortgage|loan)\b",
    re.I,
)
_ASKS_EQUITY_SHARE = re.compile(r"\bwhat\s+(?:percent(?:age)?\b|%|share\b)[^?.!]*\bequity\b", re.I)


def read_equity_share(context: str, task: str) -> tuple[Node, str] | None:
    """ "house is valued at 340,000 and there's 212,500 left on the mortgage. what % of the
    value is our equity": the value less what is owed, over the value, in percent; None
    unless those are the only two numbers and no more is owed than the value."""
    stated = _VALUE_THEN_OWED.search(context)
    if stated is None or not _ASKS_EQUITY_SHARE.search(task) or _NUMBER.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2 or _PERCENT_AFTER.search(context):
        return None
    value, owed = _plain(stated.group("value")), _plain(stated.group("owed"))
    if value.value == 0 or owed.value > value.value:
        return None
    equity = Op("-", value, owed)
    return Op("*", Op("/", equity, value), Num(100, "100")), "the equity as a share of the value"


# "how much change do I get", "what's my change": what comes back from a note handed over.
_ASKS_CHANGE = re.compile(
    r"\bhow\s+much\s+change\b|\bwhat(?:'s|s|\s+is|\s+will\s+be)\s+(?:my|the|our)\s+change\b",
    re.I,
)
# "paid with a 100 note", "handed over a 50": the amount handed over.
_HANDED = re.compile(
    r"\b(?:paid|pay|paying)\s+with\s+(?:a|an|one)?\s*[$\u00a3\u20ac]?(?P<paid>\d[\d,]*(?:\.\d+)?)"
    r"(?![\d%])|\b(?:handed\s+over|gave\s+(?:them|him|her|the\s+\w+))\s+(?:a|an|one)?\s*"
    r"[$\u00a3\u20ac]?(?P<given>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)


def read_change_given(context: str, task: str) -> tuple[Node, str] | None:
    """ "Groceries cost 63.40 and I paid with a 100 note. How much change do I get?": the
    amount handed over less the cost, or None unless those are the only two numbers and
    the cost is not more."""
    handed = _HANDED.search(context)
    if handed is None or not _ASKS_CHANGE.search(task) or _NUMBER.search(task):
        return None
    if _PERCENT_AFTER.search(context) or _REPEATED.search(context):
        return None
    numbers = _NUMBER.findall(context)
    paid = handed.group("paid") or handed.group("given")
    if len(numbers) != 2 or paid not in numbers:
        return None
    cost = numbers[1] if numbers[0] == paid else numbers[0]
    if _plain(cost).value > _plain(paid).value:
        return None
    return Op("-", _plain(paid), _plain(cost)), "the change"


# "word limit is 3000", "target of 10,000 steps": the amount to reach.
_TARGET = re.compile(
    # "target 15,000, raised 9,870 so far": the amount said straight after its name too.
    r"\b(?:limit|target|goal|aim)\s+(?:(?:is|of|was)\s+)?[$\u00a3\u20ac]?"
    r"(?P<target>\d[\d,]*(?:\.\d+)?)"
    r"(?![\d%])",
    re.I,
)
# "ive done 2,170 so far", "written 1,200 so far": the amount reached until now.
_DONE_SO_FAR = re.compile(
    r"\b(?:done|written|wrote|did|read|walked|ran|saved|raised|got|have)\s+[$\u00a3\u20ac]?"
    r"(?P<done>\d[\d,]*(?:\.\d+)?)(?![\d%])(?:\s+[a-z]+)?\s+so\s+far\b",
    re.I,
)
_ASKS_MORE = re.compile(
    r"\bhow\s+(?:many|much)\s+more\b|\bhow\s+(?:many|much)\s+(?:is\s+|are\s+)?(?:left|to\s+go)\b",
    re.I,
)
# "% of target", "what percentage of the goal is that": the share of the target reached.
_ASKS_SHARE_OF_TARGET = re.compile(
    r"(?:%|\bpercent(?:age)?)\s+of\s+(?:the\s+|my\s+|our\s+)?(?:target|goal|aim|limit)\b",
    re.I,
)


def read_still_to_go(context: str, task: str) -> tuple[Node, str] | None:
    """ "uni essay limit is 3000 words and ive done 2,170 so far. how many more do i need
    to write": the target less what is done; "what % of the target is that": what is done
    over the target, in percent. None unless those are the only two numbers, no more is
    done than the target, and the question asks one of the two."""
    target, done = _TARGET.search(context), _DONE_SO_FAR.search(context)
    if target is None or done is None or _NUMBER.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2 or _PERCENT_AFTER.search(context):
        return None
    goal, reached = _plain(target.group("target")), _plain(done.group("done"))
    if reached.value > goal.value or goal.value == 0:
        return None
    asks_more, asks_share = bool(_ASKS_MORE.search(task)), bool(_ASKS_SHARE_OF_TARGET.search(task))
    if asks_more == asks_share:
        return None  # neither asked, or both: each is read as an ask of its own
    if asks_share:
        return Op("*", Op("/", reached, goal), Num(100, "100")), "the share of the target reached"
    return Op("-", goal, reached), "the amount still to go"


# "budget is 18k", "capacity 240", "target of 2,000": a whole to reach, named, with its amount.
_WHOLE_TO_REACH = re.compile(
    r"\b(?P<name>limit|target|goal|aim|budget|capacity)\s+(?:(?:is|of|was)\s+)?[$\u00a3\u20ac]?"
    r"(?P<whole>\d[\d,]*(?:\.\d+)?)(?P<k>k)?(?![\d%\w])",
    re.I,
)
# "raised 15,360 so far", "we've spent 11,240", "on 1,365 so far", "sold 183 so far": what
# is reached of it, said with its verb (none for "on ... so far").
_REACHED = re.compile(
    r"(?:\b(?:i've|ive|i\s+have|we've|weve|we\s+have|i|we)\s+(?:already\s+)?)?"
    r"\b(?:(?P<verb>raised|sold|spent|used|saved|done|collected|booked)|on)\s+[$\u00a3\u20ac]?"
    r"(?P<done>\d[\d,]*(?:\.\d+)?)(?P<k>k)?(?![\d%\w])(?P<so_far>\s+so\s+far\b)?",
    re.I,
)
_ANY_AMOUNT = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?k?(?![\w.]|\.\d)", re.I)
_ASKS_REST = re.compile(
    r"\bhow\s+(?:many|much)\s+(?:is\s+|are\s+)?(?:still\s+)?(?:left|to\s+go|remaining)\b",
    re.I,
)
# "what % of the target is that", "% raised", "what % have we spent": the share reached.
_ASKS_SHARE_REACHED = re.compile(
    r"(?:%|\bpercent(?:age)?)\s+(?:of\s+(?:the\s+|my\s+|our\s+)?(?P<name>[a-z]+)\b|"
    r"(?:(?:have|has|did)\s+(?:i|we|you|they)\s+|(?:is|was|are|were)\s+)?(?P<verb>[a-z]+))",
    re.I,
)


def read_share_and_rest(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "marathon target is 2,000, on 1,365 so far. what % of the target is that and how much
    to go": what is reached over the whole, in percent, and the whole less it, in the order
    asked. None unless the statement gives just the named whole and the amount reached (said
    with a verb, or "on ... so far"), no more than the whole, and the question asks both: the
    share by the whole's name or by the reaching verb, and what is left."""
    whole, reached = _WHOLE_TO_REACH.search(context), _REACHED.search(context)
    rest, share = _ASKS_REST.search(task), _ASKS_SHARE_REACHED.search(task)
    if whole is None or reached is None or rest is None or share is None:
        return None
    if _NUMBER.search(task) or len(_ANY_AMOUNT.findall(context)) != 2:
        return None
    if _PERCENT_AFTER.search(context) or (
        reached.group("verb") is None and not reached.group("so_far")
    ):
        return None
    if share.group("name"):
        if share.group("name").lower() != whole.group("name").lower():
            return None  # "what % of my income": another whole
    elif (share.group("verb") or "").lower() != (reached.group("verb") or "").lower():
        return None  # "% sold" of an amount spent: another part
    goal = _thousands(whole.group("whole"), whole.group("k"))
    done = _thousands(reached.group("done"), reached.group("k"))
    if done.value > goal.value or goal.value == 0:
        return None
    asked = [
        (share.start(), Op("*", Op("/", done, goal), Num(100, "100")), "the share reached"),
        (rest.start(), Op("-", goal, done), "the amount still to go"),
    ]
    return [(node, label) for _, node, label in sorted(asked, key=lambda a: a[0])]


# "room rent is 18% of my takings", "techs get 40% commission", "putting 28% aside for tax":
# a share of an amount taken by or for someone.
_SHARE_TAKEN = re.compile(
    r"(?<![\w.])(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*"
    r"(?:of\s+(?:my|our|the|her|his|their|your)\s+(?:takings|turnover|income|earnings|sales|pay|"
    r"wages?|salary|profit|profits|gross)\b|(?:commission|cut|aside)\b)",
    re.I,
)
# "what do i keep", "what the salon keeps", "whats left", "and the rest": the amount less it.
_ASKS_WHAT_IS_KEPT = re.compile(
    r"\b(?:keep|keeps|kept|left|left\s+over|the\s+rest|remaining|take\s+home)\b", re.I
)


def read_share_and_kept(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "room rent is 18% of my takings, took 2,340 this month. how much is rent and what do
    i keep": the share of the one amount, and the amount less it, in the order asked. None
    unless the statement gives just the share (said as a share of takings or pay, or as a
    commission, a cut or money put aside) and one amount, and the question asks two things,
    one of them what is kept or left."""
    asks = asks_of(task)
    shares = list(_SHARE_TAKEN.finditer(context))
    if asks is None or len(asks) != 2 or len(shares) != 1 or _NUMBER.search(task):
        return None
    numbers = [m for m in _NUMBER.finditer(context) if m.start() != shares[0].start("rate")]
    if len(numbers) != 1 or re.search(r"\d\s*k\b|%", context[numbers[0].end() :][:3], re.I):
        return None
    kept = [bool(_ASKS_WHAT_IS_KEPT.search(ask)) for ask in asks]
    if kept.count(True) != 1:
        return None
    amount = _plain(numbers[0].group(0))
    rate = shares[0].group("rate")
    share = Op("*", amount, Op("/", Num(float(rate), rate), Num(100, "100")))
    rest = Op("-", amount, share)
    return [(rest, "the amount kept") if keeps else (share, "the share") for keeps in kept]


# "vat threshold is 90k", "isa allowance 20k", "overdraft limit of 1,500": a limit named,
# with its amount ("20k" is 20,000).
_LIMIT = re.compile(
    r"\b(?:allowance|threshold|limit|cap)\s+(?:is\s+|of\s+|was\s+|=\s*)?[$\u00a3\u20ac]?"
    r"(?P<target>\d[\d,]*(?:\.\d+)?)(?P<k>k)?(?![\d%\w])",
    re.I,
)
# "ive turned over 71,400", "i've put 650 a month in for 7 months", "used 12.5 so far": what
# has gone toward the limit; an amount a period for a number of periods is their product.
_GONE_TOWARD = re.compile(
    r"\b(?:i've|ive|i\s+have|i|we've|weve|we\s+have|we)\s+(?:already\s+)?"
    r"(?:turned\s+over|used|put|paid|paid\s+in|spent|earned|made|saved|contributed|drawn)\s+"
    r"(?:in\s+)?[$\u00a3\u20ac]?(?P<done>\d[\d,]*(?:\.\d+)?)(?P<k>k)?(?![\d%\w])"
    r"(?:\s+(?:a|per|each)\s+(?P<period>week|month|year)(?:\s+in(?:to\s+it)?)?\s+for\s+"
    r"(?P<count>\d+)\s+(?P<periods>weeks|months|years))?",
    re.I,
)
# "in the last 12 months", "over the past 2 years": when, which is no amount.
_SPAN_SAID = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?:last|past|previous)\s+\d+\s+(?:weeks|months|years)\b", re.I
)
_ASKS_HEADROOM = re.compile(
    r"\bhow\s+much\s+(?:more|further)\b|\bhow\s+much\b[^.?!]*?\bleft\b|"
    r"\bbefore\s+(?:i|we)\s+(?:hit|reach|go\s+over)\b",
    re.I,
)
_ASKS_SHARE_OF_LIMIT = re.compile(
    r"\bwhat\s+(?:%|percent(?:age)?)\s+of\s+(?:the|my|our)\s+(?:[a-z]+\s+)?"
    r"(?:allowance|threshold|limit|cap)\b",
    re.I,
)


def _thousands(raw: str, k: str | None) -> Num:
    plain = raw.replace(",", "")
    return Num(float(plain) * 1000, _k_written(plain)) if k else _plain(raw)


def read_toward_limit(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "vat threshold is 90k and ive turned over 71,400 in the last 12 months. how much more
    before i hit it": the limit less what has gone toward it; "... what % of the threshold am
    i at": that over the limit, in percent. "isa allowance 20k, ive put 650 a month in for 7
    months. how much allowance left": what has gone is 650 * 7. None unless those are the
    only numbers (a span of time said is none), the period of the amount is the one counted,
    and no more has gone than the limit."""
    if context is None:
        parts = split_question(task)
        if parts is None:
            return None
        context, task = parts
    limit, gone = _LIMIT.search(context), _GONE_TOWARD.search(context)
    if limit is None or gone is None or _NUMBER.search(task) or _PERCENT_AFTER.search(context):
        return None
    numbers = _NUMBER.findall(_SPAN_SAID.sub(" ", context))
    if len(numbers) != 2 + bool(gone.group("count")):
        return None
    if gone.group("count") and not gone.group("periods").lower().startswith(gone.group("period")):
        return None  # "650 a month for 7 weeks": how many months is not said
    target = _thousands(limit.group("target"), limit.group("k"))
    each = _thousands(gone.group("done"), gone.group("k"))
    done: Node = each
    reached = each.value
    if gone.group("count"):
        done = Op("*", each, _plain(gone.group("count")))
        reached *= float(gone.group("count"))
    if reached > target.value:
        return None
    if _ASKS_SHARE_OF_LIMIT.search(task):
        return Op("*", Op("/", done, target), Num(100, "100")), "the share of the limit reached"
    if _ASKS_HEADROOM.search(task):
        return Op("-", target, done), "the amount left before the limit"
    return None


# "and a phone bill of 40", "and then another 240": an amount said with no verb of its own,
# which the verb of the amount before it ("paid rent of 650") takes too.
_TAKEN_TOO = re.compile(
    r"\s*(?:(?:a|an|the|my|our|his|her|their)\s+)?(?:[a-z]+\s+){1,3}(?:of|for)\s*"
    r"[$\u00a3\u20ac]?\s*|\s*(?:another|a\s+further|an\s+(?:extra|other))\s*[$\u00a3\u20ac]?\s*",
    re.I,
)
# ... unless it comes in: "and a refund of 40".
_COMES_IN = re.compile(
    r"\b(?:refund|refunded|bonus|gift|cashback|interest|prize|income|wages?|salary|tips?|"
    r"winnings|back|received|got|earned|deposit(?:ed)?|added|topped)\b",
    re.I,
)


def _each_taken(context: str, found: list[re.Match[str]]) -> bool:
    """Whether every number after the first is said with a verb of taking, its own or the
    one before it carried over ("paid rent of 650 and a phone bill of 40")."""
    for i in range(1, len(found)):
        clause = _clause_of(context, found, i)
        if _TAKEN.search(clause):
            continue
        if i == 1 or not _TAKEN_TOO.fullmatch(clause) or _COMES_IN.search(clause):
            return False
    return True


# "lent my brother 600": an amount lent, said before its number.
_LENT = re.compile(r"\blent\s+(?:[a-z']+\s+){0,2}[$\u00a3\u20ac]?$", re.I)
# "he paid back 175", "repaid 100": an amount paid back of it.
_REPAID = re.compile(
    r"\b(?:paid|pays|sent|gave|given)\s+(?:(?:me|us|him|her)\s+)?back\b|\brepaid\b|\brepays?\b",
    re.I,
)
_ASKS_OWED = re.compile(
    r"\bhow\s+much\s+(?:does|do|did)\s+(?:he|she|they|[a-z]+)\s+still\s+owe\b"
    r"|\bhow\s+much\s+(?:is\s+)?still\s+owed\b|\bhow\s+much\s+is\s+left\s+to\s+(?:pay|repay)\b",
    re.I,
)


def read_still_owed(context: str, task: str) -> tuple[Node, str] | None:
    """ "lent my brother 600, he paid back 175 and then another 240. how much does he still
    owe": the amount lent less each amount paid back; None unless the first number is said
    as lent, every later one as paid back (or "another" after one), and no more is paid
    back than was lent."""
    found = list(_NUMBER.finditer(context))
    if not _ASKS_OWED.search(task) or _NUMBER.search(task) or not 2 <= len(found) <= 6:
        return None
    if _PERCENT_AFTER.search(context) or not _LENT.search(context[: found[0].start()]):
        return None
    for i in range(1, len(found)):
        clause = _clause_of(context, found, i)
        if _REPAID.search(clause):
            continue
        if i == 1 or not re.fullmatch(r"\s*(?:another|a\s+further)\s*[$\u00a3\u20ac]?\s*", clause):
            return None
    lent, *repaid = (_plain(m.group(0)) for m in found)
    if sum(n.value for n in repaid) > lent.value:
        return None
    result: Node = lent
    for amount in repaid:
        result = Op("-", result, amount)
    return result, "the amount still owed"


def read_held_less_taken(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "venue holds 180, we've sold 137 tickets and comped 18, how many are left": the
    amount there was less each amount taken, or None unless the first number is said as
    held, every later one with a verb of taking since the one before, and no more is taken
    than there was."""
    if context is not None and _NUMBER.search(task):
        # "Context: Deposit was 1,150. Task: Deductions are 185 and 60, how much do I give
        # back?": the statement goes on in the task, before its question.
        context, task = None, f"{context} {task}"
    if context is None:
        parts = split_question(task)
        if parts is None:
            return None
        context, task = parts
    if not _ASKS_HOW_MUCH_LEFT.search(task) or _NUMBER.search(task):
        return None
    if _PERCENT_AFTER.search(context) or _REPEATED.search(context):
        return None
    found = list(_NUMBER.finditer(context))
    if not 3 <= len(found) <= 6 or not _HELD.search(context[: found[0].start()]):
        return None
    listed = _OUTGOINGS.search(context, found[0].end(), found[1].start())
    if listed is None and not _each_taken(context, found):
        return None
    if listed is not None and _GAINED.search(context, found[1].start()):
        return None  # "receipts: 12.40, 8.99, then 20 paid in": not all taken
    held, *taken = (
        Num(float(m.group(0).replace(",", "")), m.group(0).replace(",", "")) for m in found
    )
    if sum(n.value for n in taken) > held.value:
        return None  # more taken than there was: something is not said
    result: Node = held
    for amount in taken:
        result = Op("-", result, amount)
    return result, "the amount left"


# "the bake sale took 286.40", "we raised 1,200": money coming in, said before its amount.
_TOOK_IN = re.compile(
    r"\b(?:took|takes|taken|made|makes|raised|earned|brought\s+in|sold\s+for|takings|"
    r"revenue|income|sales|turnover)\b(?:\s+(?:in|of|was|were|is|are|came\s+to))*\s*[$\u00a3\u20ac]?$",
    re.I,
)
# ... and money going out, between one amount and the next: "and ingredients cost 73.15".
_COST = re.compile(r"\b(?:cost|costs|costing|spent|spend|paid|expenses|outgoings)\b", re.I)
_ASKS_PROFIT = re.compile(r"\b(?:profit|net)\b", re.I)


def read_profit(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "bake sale took 286.40 and ingredients cost 73.15, profit?": the money taken less
    each cost, or None unless the first number is said as money taken and every later one
    as a cost."""
    if context is None:
        parts = split_question(task)
        if parts is None:
            return None
        context, task = parts
    if not _ASKS_PROFIT.search(task) or _NUMBER.search(task) or _PERCENT_AFTER.search(context):
        return None
    if asks_per_period_unsaid(context, task):
        return None  # "profit per day?" of amounts said of no day
    if _REPEATED.search(context):
        return None  # "costs 2 each": a price, not one cost
    if re.search(r"\bthen\b", task, re.I):
        return None  # "profit, then as a % of revenue": a second question, left unanswered
    found = list(_NUMBER.finditer(context))
    if not 2 <= len(found) <= 5 or not _TOOK_IN.search(context[: found[0].start()]):
        return None
    gaps = [context[a.end() : b.start()] for a, b in itertools.pairwise(found)]
    if not all(_COST.search(gap) and not _TOOK_IN.search(gap) for gap in gaps):
        return None
    result: Node = _plain(found[0].group(0))
    for match in found[1:]:
        result = Op("-", result, _plain(match.group(0)))
    return result, "the profit: the money taken less the costs"


# "got paid 65, 80 and 45", "earned 1,140": money made, one amount or a list of them.
_MONEY = r"[$\u00a3\u20ac]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_LIST_OF = rf"(?P<NAME>{_MONEY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_MONEY})*)"
_MADE = re.compile(
    r"\b(?:got\s+paid|was\s+paid|earned|made|took\s+(?:in|home)|brought\s+in|"
    # "rota is 75 hours and i get 2,640 for it": the money for the hours, said with a person.
    r"(?:i|we)\s+(?:get|got|get\s+paid|am\s+paid|are\s+paid))\s+"
    + _LIST_OF.replace("NAME", "made"),
    re.I,
)
# "spent 168 on fuel", "costs were 40": money going out.
_SPENT = re.compile(
    r"\b(?:spent|paid\s+out|(?:costs|expenses)\s+(?:were|was|of|came\s+to))\s+"
    + _LIST_OF.replace("NAME", "spent"),
    re.I,
)
# "took 7.5 hours", "drove 42 hours": the time it took (not "15 an hour", a rate).
_HOURS_TAKEN = re.compile(
    r"(?<![\w.])(?P<hours>\d+(?:\.\d+)?)\s*(?:hours|hrs|hr|h)\b(?!\s+(?:a|an|per|each)\b)", re.I
)
# "3 houses": a count of the jobs paid for, said before the amounts.
_COUNTED = re.compile(r"(?<![\w.,])(?P<count>\d+)\s+[a-z]+", re.I)
_ASKS_HOURLY = re.compile(
    r"\b(?:make|made|earn|earned|earning|earnings|get|got|take\s+home|clear|cleared)\b.*"
    r"\b(?:per|an|a|each)\s+(?:hour|hr)\b|\bhourly\b",
    re.I,
)
_ASKS_NET_MADE = re.compile(
    r"\b(?:after|net|less|minus|take[\s-]home|profit|clear|cleared)\b", re.I
)
_PER_THING = re.compile(r"\b(?:each|every|per|an?\s+(?:hour|day|week|month|year))\b", re.I)


def read_made_per_hour(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "got paid 65, 80 and 45 and it took 7.5 hours, what did I make per hour", "earned
    1,140 in 42 hours and spent 168 on fuel, hourly after fuel": the money made, less what
    was spent, over the hours; None unless every number is one of those (or the count of
    the amounts made), and the question asks for the net when something was spent."""
    if context is None:
        parts = split_question(task)
        if parts is None:
            return None
        context, task = parts
    if not _ASKS_HOURLY.search(task) or _NUMBER.search(task) or _PERCENT_AFTER.search(context):
        return None
    if _PER_THING.search(context):
        return None  # "65 each", "15 an hour": a rate or a price, not an amount made
    made, spent = list(_MADE.finditer(context)), list(_SPENT.finditer(context))
    hours = list(_HOURS_TAKEN.finditer(context))
    if len(made) != 1 or len(spent) > 1 or len(hours) != 1:
        return None
    if bool(spent) != bool(_ASKS_NET_MADE.search(task)):
        return None  # what was spent is taken off only when the net is asked, and said
    earned = _NUMBER.findall(made[0].group("made"))
    costs = _NUMBER.findall(spent[0].group("spent")) if spent else []
    for number in _NUMBER.finditer(context):
        where = number.start()
        if where == hours[0].start() or any(m.start() <= where < m.end() for m in made + spent):
            continue
        count = _COUNTED.match(context, where)
        if count is None or where > made[0].start() or int(count.group("count")) != len(earned):
            return None  # a number that is none of these (but "3 houses"): something unread
    total: Node = _plain(earned[0])
    for amount in earned[1:]:
        total = Op("+", total, _plain(amount))
    for amount in costs:
        total = Op("-", total, _plain(amount))
    if sum(_plain(a).value for a in costs) >= sum(_plain(a).value for a in earned):
        return None  # more spent than made: something is not said
    return Op("/", total, _plain(hours[0].group("hours"))), "the amount made per hour"


# "squad of 18", "a class of 30": a group and how many are in it.
_GROUP_OF = re.compile(
    r"\b(?:squad|team|group|class|crew|troop|choir|party|side)\s+of\s+(?P<size>\d+)\b(?!\s*%)",
    re.I,
)
# "each player gets", "every kid needs": what one member of the group has.
_EACH_MEMBER = re.compile(
    r"\b(?:each|every)\s+(?:one|[a-z]+)\s+(?:gets|needs|has|receives|is\s+given|wants)\s+", re.I
)
# "2 shirts at 14.50", "one pair of shorts at 9.75": a count of an item at its price (not
# "2 rides for 5", which may be the price of both).
_ITEMS_AT = re.compile(
    rf"(?P<count>\d+|one|an?)\s+(?:pairs?\s+of\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:at|@)\s+"
    rf"(?P<price>{_MONEY})(?![\d.,]\d)(?:\s+(?:each|apiece|a\s+piece))?"
    r"(?P<join>\s*,\s*(?:and\s+)?|\s+and\s+)?",
    re.I,
)
_ASKS_GROUP_TOTAL = re.compile(
    r"\b(?:total|altogether|in\s+all|all\s+together|bill|how\s+much|cost)\b", re.I
)


def read_group_items(context: str | None, task: str) -> tuple[Node, str] | None:
    """ "squad of 18 and each player gets 2 shirts at 14.50 and one pair of shorts at 9.75,
    total?": the group's size times what one member's items cost; None unless every number
    is the size, a count or a price, and the question asks for the total."""
    text = task if context is None else f"{context} {task}"
    group, each = _GROUP_OF.search(text), _EACH_MEMBER.search(text)
    if group is None or each is None or each.start() < group.end():
        return None
    if not _ASKS_GROUP_TOTAL.search(text, each.end()) or _PERCENT_AFTER.search(text):
        return None
    items, at = [], each.end()
    while (item := _ITEMS_AT.match(text, at)) is not None:
        items.append(item)
        at = item.end()
        if item.group("join") is None:
            break  # the sentence ends: no more items
    if _PER_THING.search(text, at) or re.search(r"\b(?:one|head|apiece)\b", text[at:], re.I):
        return None  # "how much per player": one member's cost, not the group's
    if not items or len(_NUMBER.findall(text)) != 1 + sum(
        2 if i.group("count")[0].isdigit() else 1 for i in items
    ):
        return None  # a number not read as the size, a count or a price
    one: Node | None = None
    for item in items:
        raw = item.group("count")
        price = _plain(item.group("price").lstrip("$\u00a3\u20ac"))
        cost: Node = price if not raw[0].isdigit() or raw == "1" else Op("*", _plain(raw), price)
        one = cost if one is None else Op("+", one, cost)
    assert one is not None
    return Op("*", _plain(group.group("size")), one), "the total for the group"


# "work out the profit, then the profit as a % of turnover": the profit, then its margin.
_THEN_MARGIN = re.compile(
    r"^(?P<first>.*\bprofit\b.*?)(?:\s*,\s*|\s+)(?:and\s+)?then\s+(?P<second>.*)$", re.I
)
_AS_SHARE_OF_TAKEN = re.compile(
    r"\b(?:as\s+an?\s+(?:%|percent(?:age)?)\s+of\s+(?:the\s+)?(?P<base>turnover|revenue|sales|"
    r"takings|income)|(?:profit\s+)?margin)\b",
    re.I,
)


def read_profit_then_margin(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """ "turnover was 18,400 and costs were 13,800, the profit, then the profit as a % of
    turnover": the profit, then the profit over the money taken times 100; None unless the
    profit is read and the second question names the money taken (or a margin) alone."""
    if context is None:
        return None
    asked = _THEN_MARGIN.match(task.strip())
    if asked is None or _NUMBER.search(asked.group("second")):
        return None
    share = _AS_SHARE_OF_TAKEN.search(asked.group("second"))
    if share is None or (
        share.group("base") and share.group("base").lower() not in context.lower()
    ):
        return None
    profit = read_profit(context, asked.group("first"))
    if profit is None:
        return None
    taken = _plain(_NUMBER.findall(context)[0])
    margin = Op("*", Op("/", profit[0], taken), Num(100, "100"))
    return [profit, (margin, "the profit as a percentage of the money taken")]


# "takes 6.5% of the item price plus shipping": a share of two amounts added, named.
_SHARE_OF_SUM = re.compile(
    r"(?P<share>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+of\s+(?:the\s+)?"
    r"(?P<first>[a-z]+(?:\s+[a-z]+)?)\s+(?:plus|and|\+)\s+(?:the\s+)?(?P<second>[a-z]+)\b",
    re.I,
)
_ASKS_FEE = re.compile(r"\b(?:fee|fees|cut|commission|charge)\b", re.I)
_NOT_THE_FEE = re.compile(r"\b(?:total|altogether|in\s+all|left|keep|receive|net)\b", re.I)


def read_share_of_sum(text: str) -> tuple[Node, str] | None:
    """ "etsy takes 6.5% of the item price plus shipping. item is 24.00 and shipping is 4.50,
    their fee?": the share of the two amounts added; None unless each named amount is said
    once, those are the only numbers, and the question asks for the fee itself."""
    said = _SHARE_OF_SUM.search(text)
    if said is None or len(_NUMBER.findall(text)) != 3:
        return None
    values = []
    for name in (said.group("first"), said.group("second")):
        words = "|".join(re.escape(w) for w in name.lower().split() if w != "price")
        amounts = re.findall(
            rf"\b(?:{words})(?:\s+price)?\s+(?:is|was|are|were|costs?|comes\s+to|came\s+to)\s+"
            rf"({_MONEY})(?![\d.,]\d|\s*%)",
            text[said.end() :],
            re.I,
        )
        if len(amounts) != 1:
            return None
        values.append(_plain(amounts[0].lstrip("$\u00a3\u20ac")))
    rest = text[list(_NUMBER.finditer(text))[-1].end() :]  # the question, after the amounts
    if not _ASKS_FEE.search(rest) or _NOT_THE_FEE.search(rest):
        return None  # "what do I get": the amount less the fee, not the fee
    share = said.group("share")
    whole = Op("+", values[0], values[1])
    return Op("*", Op("/", Num(float(share), share), Num(100, "100")), whole), "the fee"


# "28 kids in groups of 4 ... each group needs 3 sheets": so many groups, each needing some.
_IN_GROUPS = re.compile(
    r"(?P<people>\d+)\s+[a-z]+\s+in\s+(?:teams|groups|tables)\s+of\s+(?P<size>\d+)\b", re.I
)
_EACH_GROUP_NEEDS = re.compile(
    r"\beach\s+(?:team|group|table)\s+(?:needs|gets|uses|has|will\s+need)\s+(?P<each>\d+)\s+"
    r"(?P<things>[a-z]+)\b",
    re.I,
)


def read_per_group(text: str) -> tuple[Node, str] | None:
    """ "28 kids in groups of 4 and each group needs 3 sheets, how many sheets": the number of
    groups times what each needs; None unless those are the only numbers, the groups come
    out whole, and the question asks how many of the things each group needs."""
    grouped, needs = _IN_GROUPS.search(text), _EACH_GROUP_NEEDS.search(text)
    if grouped is None or needs is None or len(_NUMBER.findall(text)) != 3:
        return None
    people, size = int(grouped.group("people")), int(grouped.group("size"))
    if size == 0 or people % size:
        return None  # a group left part-full: whether it needs a full set is not said
    asked = re.search(r"\bhow\s+many\s+(?P<things>[a-z]+)\b", text[needs.end() :], re.I)
    if asked is None or _thing_word(asked.group("things")) != _thing_word(needs.group("things")):
        return None
    groups = Op("/", _plain(grouped.group("people")), _plain(grouped.group("size")))
    return Op("*", groups, _plain(needs.group("each"))), f"the {needs.group('things')} needed"


def _plain(raw: str) -> Num:
    return Num(float(raw.replace(",", "")), raw.replace(",", ""))


# "a month", "per week", "monthly", "every day": how often an amount is paid.
_PERIODS = {
    "day": ("day", "daily"),
    "week": ("week", "weekly"),
    "month": ("month", "monthly"),
    "year": ("year", "yearly", "annually", "annual", "annum"),
}
_WORK = re.compile(r"\b(?:work|works|worked|working|shift|shifts|job|paid|pay)\b", re.I)
# How many of the shorter period are in the longer one, where that is exact.
_IN_PERIOD = {("day", "week"): 7, ("week", "year"): 52, ("month", "year"): 12, ("day", "year"): 365}


def _period(text: str) -> list[str]:
    found = []
    for period, words in _PERIODS.items():
        nouns = (
            r"(?:a|an|per|each|every|in\s+a|a\s+single|(?:for\s+)?a\s+(?:full|whole))\s+" + words[0]
        )
        adjectives = "|".join(words[1:])
        if re.search(rf"\b(?:{nouns}|{adjectives})\b", text, re.I):
            found.append(period)
    return found


def read_per_period(context: str, task: str) -> tuple[Node, str] | None:
    """ "A subscription is 12.99 a month. How much is that per year?": the amount times the
    number of periods (or divided, from a longer period to a shorter one), or None unless
    exactly one amount and one period of each side are given and the ratio is exact."""
    numbers = _NUMBER.findall(context)
    if len(numbers) != 1 or _PERCENT_AFTER.search(context):
        return None
    given, wanted = _period(context), _period(task)
    if len(given) != 1 or len(wanted) != 1 or given == wanted:
        return None
    stated = _periods_stated(task, given[0], wanted[0])
    if _NUMBER.search(task) and stated is None:
        return None
    if given[0] == "day" and stated is None and (_INCOME.search(context) or _WORK.search(context)):
        # "I earn 50 a day": how many days a week are worked is not said.
        return None
    amount = numbers[0].replace(",", "")
    value = Num(float(amount), amount)
    longer_asked = _LENGTHS.index(given[0]) < _LENGTHS.index(wanted[0])
    shorter, longer = (given[0], wanted[0]) if longer_asked else (wanted[0], given[0])
    times = stated or (
        str(_IN_PERIOD[(shorter, longer)]) if (shorter, longer) in _IN_PERIOD else None
    )
    if times is None:
        return None  # "1200 a month, per day": how many days is not exact, nor said
    return Op("*" if longer_asked else "/", value, Num(float(times), times)), (
        f"the amount per {wanted[0]}"
    )


_LENGTHS = ("day", "week", "month", "year")


def _periods_stated(task: str, given: str, wanted: str) -> str | None:
    """How many of the shorter period the longer one holds, when the question says so and
    gives no other number ("per week (52 weeks)", "per day, assuming 30 days")."""
    numbers = _NUMBER.findall(task)
    stated = _PERIODS_COUNTED.search(task)
    if stated is None or numbers != [stated.group("count")]:
        return None
    shorter = min(given, wanted, key=_LENGTHS.index)
    return stated.group("count") if stated.group("period").lower() == shorter else None


# "doubling a recipe", "I'll triple the batch", "halving it": how many times the amount.
_SCALING = {
    "doubling": 2.0,
    "double": 2.0,
    "doubled": 2.0,
    "tripling": 3.0,
    "triple": 3.0,
    "tripled": 3.0,
    "quadrupling": 4.0,
    "quadruple": 4.0,
    "quadrupled": 4.0,
    "halving": 0.5,
    "halve": 0.5,
    "halved": 0.5,
}
_SCALED = re.compile(rf"\b(?P<verb>{'|'.join(_SCALING)})\s+(?:a|an|the|my|our|this|it)\b", re.I)
_ASKS_HOW_MANY_OR_MUCH = re.compile(r"\bhow\s+(?:many|much)\b", re.I)


def read_scaled_amount(context: str, task: str) -> tuple[Node, str] | None:
    """ "I'm tripling a recipe that needs 1.75 cups of milk, how many cups now?": the one
    amount given times the scale said, or None unless the context scales something once,
    gives one amount (no percentage) and the question asks how many or how much, with no
    number of its own."""
    scaled = _SCALED.findall(f"{context} {task}")
    numbers = _NUMBER.findall(context)
    if len(scaled) != 1 or len(numbers) != 1 or _PERCENT_AFTER.search(context):
        return None
    if not _ASKS_HOW_MANY_OR_MUCH.search(task) or _NUMBER.search(task):
        return None
    amount = numbers[0].replace(",", "")
    factor = _SCALING[scaled[0].lower()]
    return Op("*", Num(float(amount), amount), Num(factor, f"{factor:g}")), "the amount scaled"


# "22 an hour", "150 a month", "$9 per day", "175 aside each month": an amount paid or put
# away at a rate.
_RATE = re.compile(
    r"(?<![\w.])\$?(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?:dollars|euros|pounds|bucks)?\s+"
    r"(?:(?:aside|away|into\s+savings)\s+)?"
    r"(?:a|an|per|each|every)\s+(?P<period>hour|day|week|month|year)\b",
    re.I,
)
# How many of the shorter period a longer one holds, where that is exact: "for 2 years"
# of "each month" is 24 months, but "for 3 months" of "a week" is not a whole count.
_WHOLE_PERIODS = {("month", "year"): 12, ("day", "week"): 7}
# "35 hours", "for 8 months", "190 school days", "20 working days": how many of those
# periods (a word between says which of them, not what is counted).
_PERIODS_COUNTED = re.compile(
    r"(?<![\w.])(?P<count>\d+(?:\.\d+)?)\s+(?:(?!(?:and|or|to|of|per|a|an)\b)[a-z]+\s+)?"
    r"(?P<period>hour|day|week|month|year)s\b",
    re.I,
)
_ASKS_AMOUNT = re.compile(
    # "total for the year?": the total, asked in its one word
    r"^\W*(?:the\s+)?total\b|\bhow\s+much\b"
    r"|\bwhat\b.*\b(?:earn|make|made|save|saved|have|total|sum|cost|pay|paid|spend|spent)\b",
    re.I,
)


_ASKS_PER_PERIOD = re.compile(
    r"(?<!\bin\s)(?<!\bfor\s)(?<!\bover\s)(?<!\bof\s)\b(?:per|each|every|a|an)\s+"
    r"(?:hour|day|week|month|year)\b|\b(?:hourly|daily|weekly|monthly|yearly|annually)\b",
    re.I,
)


# "at time and a half", "double time", "1.5x": the rate said, multiplied for some hours.
_RATE_MULTIPLIED = re.compile(
    r"\btime\s+and\s+a\s+(?:half|quarter|third)\b|\b(?:double|triple|treble)\s+time\b|"
    r"(?<![\w.,])\d+(?:\.\d+)?x\b",
    re.I,
)


def read_rate_for_periods(context: str, task: str) -> tuple[Node, str] | None:
    """ "I make $22 an hour and worked 35 hours. What did I earn?", "I saved 150 a month
    for 8 months. How much do I have?": the amount times the number of periods, or None
    unless those are the only two numbers and the periods are of one kind."""
    rate, counted = _RATE.search(context), _PERIODS_COUNTED.search(context)
    if PRICE_CHANGED_IN_WORDS.search(context):
        return None  # "65 a night for 9 nights, the second dog half price": not one rate
    if _RATE_MULTIPLIED.search(f"{context} {task}"):
        return None  # "12 hours at time and a quarter": not at the rate said
    if rate is None or not _ASKS_AMOUNT.search(task) or _ASKS_LEFT.search(task):
        # "How much is left after 10 days?" asks what remains of an amount not given.
        return None
    if _ASKS_PER_PERIOD.search(task):
        # "... for 2 years, how much per year?" asks an amount for one period, not the total
        # ("how much is that in a year of 52 weeks" asks the total).
        return None
    if counted is None:
        # "If I save 250 every month, how much will I have after 18 months?": the number of
        # periods asked about, the only number of the question.
        counted = _PERIODS_COUNTED.search(task)
        if counted is None or _NUMBER.findall(task) != [counted.group("count")]:
            return None
        if _PERCENT_AFTER.search(context) or len(_NUMBER.findall(context)) != 1:
            return None
    elif (
        _NUMBER.search(task) or _PERCENT_AFTER.search(context) or len(_NUMBER.findall(context)) != 2
    ):
        return None
    amount, count = rate.group("amount").replace(",", ""), counted.group("count")
    periods: Node = Num(float(count), count)
    each, over = rate.group("period").lower(), counted.group("period").lower()
    if each != over:
        worked = _WORK.search(context) or _INCOME.search(context)
        if (each, over) not in _WHOLE_PERIODS or (each == "day" and worked):
            # "50 a day for 3 months", "I earn 100 a day for 2 weeks": how many days are
            # worked is not said.
            return None
        inside = _WHOLE_PERIODS[(each, over)]
        periods = Op("*", periods, Num(inside, str(inside)))
    label = f"the amount for {count} {over}s"
    return Op("*", Num(float(amount), amount), periods), label


# "15 a week for the first 26 weeks", "then 25 a week for the next 26": an amount at a rate
# for a number of those periods, one stretch of several in turn.
_RATE_STRETCH = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?:dollars|euros|pounds|bucks)?\s+"
    r"(?:(?:aside|away)\s+)?(?:a|an|per|each|every)\s+(?P<period>day|week|month|year)\s+"
    r"(?:for|over)\s+(?:the\s+(?:first|next|last|remaining|following|other)\s+|another\s+|"
    r"a\s+further\s+)?(?P<count>\d+)(?:\s+(?P<counted>day|week|month|year)s?\b)?",
    re.I,
)
_IN_A_YEAR = {"week": 52, "month": 12}


def read_rates_in_turn(context: str, task: str) -> tuple[Node, str] | None:
    """ "saving 15 a week for the first 26 weeks then 25 a week for the next 26. how much
    will i have at the end of the year": each amount times its periods, added; None unless
    every number is one of those stretches, all of one period, the question asks the amount
    and, when it says the year, the stretches make up that year."""
    stretches = list(_RATE_STRETCH.finditer(context))
    if len(stretches) < 2 or not _ASKS_AMOUNT.search(task) or _ASKS_LEFT.search(task):
        return None
    if _NUMBER.search(task) or _PERCENT_AFTER.search(context) or _ASKS_PER_PERIOD.search(task):
        return None
    if len(_NUMBER.findall(context)) != 2 * len(stretches):
        return None
    period = stretches[0].group("period").lower()
    if any(m.group("period").lower() != period for m in stretches):
        return None
    if any((m.group("counted") or period).lower() != period for m in stretches):
        return None  # "15 a week for 3 months": how many weeks is not said
    if stretches[0].group("counted") is None:
        return None  # "15 a week for 26": the periods first counted are not said
    counts = [float(m.group("count")) for m in stretches]
    if re.search(r"\byear\b", task, re.I) and sum(counts) != _IN_A_YEAR.get(period):
        return None  # "at the end of the year" asked of stretches that are not one year
    total: Node | None = None
    for m in stretches:
        amount, count = m.group("amount").replace(",", ""), m.group("count")
        part = Op("*", Num(float(amount), amount), Num(float(count), count))
        total = part if total is None else Op("+", total, part)
    assert total is not None
    return total, f"the amounts for each stretch of {period}s, added"


# "callouts per week the last 6 weeks 18 24 15 31 22 20": how many values the list holds,
# said by the periods they are of.
_LAST_PERIODS = re.compile(
    r"\b(?:last|past|previous)\s+(?P<count>\d+)\s+(?:hour|day|night|week|month|year)s\b", re.I
)


def _periods_of_the_list(text: str) -> bool:
    """Whether "the last 6 weeks" counts the values said after it, and no number before it."""
    said = _LAST_PERIODS.search(text)
    if said is None or _NUMBER.search(text[: said.start()]):
        return False
    return len(_NUMBER.findall(text[said.end() :])) == int(said.group("count"))


def states_rate_and_duration(text: str) -> bool:
    """Whether the text gives an amount at a rate and how long it runs ("175 each month for
    2 years", "50 a week over 3 months"): a rate and a number of periods, which no figure
    of a list may add or average (the total saved is not 177)."""
    if _periods_of_the_list(text):
        return False
    if _REPEATED.search(text) and _PERIODS_COUNTED.search(text) is not None:
        return True
    # "10 or 11 nights at 85 a night", "320 CHF a night for 3 nights", "38 kcal per km and
    # 9.5 km each way": a rate for one of something and a count of that same thing.
    for rate in _RATE_OF_ONE.finditer(text):
        unit = re.escape(rate.group("unit").lower())
        counted = re.compile(rf"{_COUNT_OF}{unit}(?:s|es)?\b", re.I)
        if any(m.start() != rate.start() for m in counted.finditer(text)):
            return True
    # "holiday is 2 weeks, christmas 1 week. weekly rate is 198": a rate said by its adverb
    # and a count of the period it is per.
    for rate in _ADVERB_RATE.finditer(text):
        unit = _ADVERB_PERIOD[(rate.group("adverb") or rate.group("after")).lower()]
        counted = re.compile(rf"{_COUNT_OF}{unit}s?\b", re.I)
        said = rate.start("amount") if rate.group("amount") else rate.start()
        if any(m.start() != said for m in counted.finditer(text)):
            return True
    return False


# "weekly rate is 198", "the daily allowance of 12.50", "198 weekly": an amount said to be
# for each period by the period's adverb.
_ADVERB_RATE = re.compile(
    r"\b(?P<adverb>hourly|daily|nightly|weekly|monthly|quarterly|yearly|annual)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:is\s+|was\s+|of\s+|=\s*|:\s*)?[$\u20ac\u00a3]?"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?![\w%]|\.\d)"
    r"|(?<![\w.])[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?\s+(?P<after>hourly|daily|nightly|weekly|"
    r"monthly|quarterly|yearly)\b",
    re.I,
)


_PERIOD_NAMES = r"(?:hour|day|night|week|fortnight|month|quarter|year|annum)"
# "netflix 10.99, spotify 11.99 and disney+ 7.99 a month - how much is that a year": amounts
# said a period, and the figure asked a period that is another ("a year", "yearly").
_PERIOD_OF_AMOUNT = re.compile(
    rf"(?<![\w.])\d[\d,]*(?:\.\d+)?\s*(?:[a-z$\u20ac\u00a3+]{{1,12}}\s+)?(?:a|an|per|each|every|/)\s*"
    rf"(?P<period>{_PERIOD_NAMES})\b",
    re.I,
)
_PERIOD_ASKED = re.compile(
    rf"\b(?:a|an|per|each|every|over\s+a|for\s+a|in\s+a|/)\s*(?P<period>{_PERIOD_NAMES})\b|"
    r"\b(?P<adverb>hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually|annual)\b",
    re.I,
)
_ADVERB_PERIOD = {
    "hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week", "monthly": "month",
    "quarterly": "quarter", "yearly": "year", "annually": "year", "annual": "year",
}  # fmt: skip


# "yearly car costs: ...", "our annual bills -": a heading that says the period of every
# amount listed after it.
_PERIOD_HEADER = re.compile(
    r"\s*(?:context:\s*)?(?:(?:my|our|the|his|her|their)\s+)?(?P<adverb>yearly|annual|monthly|weekly|quarterly)"
    r"\s+(?:[a-z']+\s+){0,2}?(?:costs|bills|expenses|outgoings|spending|charges|fees|payments)"
    r"\s*[:\-\u2013\u2014]",
    re.I,
)
_HEADER_PERIOD = {"yearly": "year", "annual": "year", "monthly": "month", "weekly": "week",
                  "quarterly": "quarter"}  # fmt: skip


def under_period_heading(text: str) -> bool:
    """Whether ``text`` opens with a heading that says the period of its amounts ("yearly car
    costs: insurance 540, ...")."""
    return _PERIOD_HEADER.match(text) is not None


def period_asked_apart(text: str) -> tuple[str, str] | None:
    """The one period amounts are said in ("7.99 a month") and another period named where
    no amount is said of it ("how much is that a year"), or None: a total of the amounts
    is a month's, not the year's asked."""
    stated = {m.group("period").lower() for m in _PERIOD_OF_AMOUNT.finditer(text)}
    said_at = {m.start("period") for m in _PERIOD_OF_AMOUNT.finditer(text)}
    header = _PERIOD_HEADER.match(text)
    if header is not None and not stated:
        # "yearly car costs: insurance 540, road tax 190": the amounts listed are each a year's.
        stated = {_HEADER_PERIOD[header.group("adverb").lower()]}
        said_at = {header.start("adverb")}
    if len(stated) != 1:
        return None
    for asked in _PERIOD_ASKED.finditer(text):
        if (asked.group("period") and asked.start("period") in said_at) or (
            asked.group("adverb") and asked.start("adverb") in said_at
        ):
            continue
        period = (asked.group("period") or _ADVERB_PERIOD[asked.group("adverb").lower()]).lower()
        if period not in stated:
            return next(iter(stated)), "year" if period == "annum" else period
    return None


# How many of a period make another, where the calendar settles it (a month is no whole
# number of weeks, and a working week no number of days).
PERIODS_IN = {
    ("month", "year"): 12.0, ("week", "year"): 52.0, ("fortnight", "year"): 26.0,
    ("quarter", "year"): 4.0, ("month", "quarter"): 3.0, ("year", "month"): 1 / 12,
    ("year", "week"): 1 / 52, ("year", "quarter"): 0.25, ("quarter", "month"): 1 / 3,
    ("week", "fortnight"): 2.0, ("fortnight", "week"): 0.5,
}  # fmt: skip


# "85 a night", "320 CHF a night", "6.20 an hour", "38 kcal per km", "(94 + 15) a night",
# "2 points for a win": an amount for one unit.
_RATE_OF_ONE = re.compile(
    r"(?<![\w.])\d[\d,]*(?:\.\d+)?\)?\s*(?:[a-z$\u20ac\u00a3]{1,12}\s+)?"
    r"(?:a|an|per|each|every|for\s+(?:a|an|each|every))\s+(?P<unit>[a-z]{2,})\b",
    re.I,
)
# "3 nights", "11 nights", "9.5 km": a count of a unit, with at most one word between that is
# not itself the "a" / "per" of a rate.
_COUNT_OF = r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s*(?:(?!(?:a|an|per|each|every)\b)[a-z]+\s+)?"


# "interest only mortgage of 165,000 at 4.6% a year": only the interest is paid each period.
_INTEREST_ONLY = re.compile(r"\binterest[\s-]only\b", re.I)
_RATE_A_YEAR = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*(?:a\s+year|per\s+year|per\s+annum|"
    r"p\.?a\.?|annual(?:ly)?|yearly|apr)(?!\w)",
    re.I,
)
_ASKS_MONTHLY = re.compile(r"\bmonthly\b|\b(?:a|per|each)\s+month\b", re.I)


def read_interest_only_payment(context: str, task: str) -> tuple[Node, str] | None:
    """ "interest only mortgage of 165,000 at 4.6% a year, what's the monthly payment": the
    amount times the yearly rate, over 12 for a month; None unless the text says interest
    only and gives one amount and one yearly rate, and the question asks a monthly payment."""
    said = f"{context} {task}"
    rate = _RATE_A_YEAR.search(said)
    if not _INTEREST_ONLY.search(said) or rate is None or not _ASKS_MONTHLY.search(task):
        return None
    # "monthly interest?": on an interest-only loan the interest is the payment.
    if not re.search(r"\b(?:payment|payments|pay|repayment|cost|interest)\b", task, re.I):
        return None
    amounts = [
        m.group(0) for m in _NUMBER.finditer(said) if not _PERCENT_AFTER.match(said, m.end())
    ]
    if len(amounts) != 1 or len(_NUMBER.findall(said)) != 2:
        return None
    yearly = Op("*", _plain(amounts[0]), Op("/", _plain(rate.group("rate")), Num(100, "100")))
    return Op("/", yearly, Num(12, "12")), "the monthly interest payment"


# "borrowed 12,000 ... and pay 238.60 a month for 60 months": a loan and its repayments.
_BORROWED = re.compile(
    r"\b(?:borrowed|borrow|borrowing|loan\s+of|took\s+out)\s+(?:a\s+loan\s+of\s+)?[$\u20ac\u00a3]?"
    r"(?P<loan>\d[\d,]*(?:\.\d+)?)(?![\d%])",
    re.I,
)
# "on an 11,500 loan", "the 8k car loan": the amount lent said before the word loan.
_LOAN_NAMED = re.compile(
    r"\b(?:an?|the|my|our)\s+[$\u20ac\u00a3]?(?P<loan>\d[\d,]*(?:\.\d+)?)(?![\d%.])"
    r"\s+(?:(?:car|personal|bank|student)\s+)?loan\b",
    re.I,
)
_REPAYMENTS = re.compile(
    r"\b(?:pay|paying|repay|repaying|payments?\s+(?:of|are|is))\s+(?:back\s+)?[$\u20ac\u00a3]?"
    r"(?P<each>\d[\d,]*(?:\.\d+)?)(?![\d%])\s+(?:a|per|each|every)\s+(?P<period>month|week|year)\s+"
    r"for\s+(?P<count>\d+)\s+(?P=period)s\b",
    re.I,
)
_ASKS_INTEREST_PAID = re.compile(r"\binterest\b", re.I)


def read_loan_repaid(context: str, task: str) -> list[tuple[Node, str]] | None:
    """ "borrowed 12,000 for the car and pay 238.60 a month for 60 months. total interest
    paid?": the total repaid, 238.60 * 60, then that less the loan; None unless those are
    the only three numbers, the question asks the interest, and more is repaid than lent."""
    said = f"{context} {task}"
    loan = _BORROWED.search(said) or _LOAN_NAMED.search(said)
    paid = _REPAYMENTS.search(said)
    if loan is None or paid is None or not _ASKS_INTEREST_PAID.search(task):
        return None
    if len(_NUMBER.findall(said)) != 3 or _PERCENT_AFTER.search(said):
        return None
    each, count, lent = (
        _plain(paid.group("each")),
        _plain(paid.group("count")),
        _plain(loan.group("loan")),
    )
    if each.value * count.value < lent.value:
        return None  # less repaid than borrowed: no interest, something is not said
    repaid = Op("*", each, count)
    return [(repaid, "the total repaid"), (Op("-", repaid, lent), "the interest paid")]


# A repayment loan: the same payment each month pays the interest on what is still owed
# and some of the loan, so that the last payment clears it (amortisation). Read only when
# the request says so ("standard amortisation", "repayment mortgage", "standard formula"):
# a monthly payment of a loan said without it may be of simple or flat-rate interest.
_AMORTISED = re.compile(
    r"\bamorti[sz](?:ed|ing|ation|e)\b|\brepayment\s+(?:mortgage|loan|basis)\b|"
    # "over 25 years repayment": the kind of mortgage, not "the monthly repayment" asked
    r"\b(?:years?|yrs?)\s+repayment\b|\bstandard\s+formula\b|\bannuity\b",
    re.I,
)
# Interest said to be simple or flat is not amortised, whatever else is said.
_NOT_AMORTISED = re.compile(r"\bsimple\b|\bflat\b|\binterest[\s-]only\b", re.I)
# "8,000 loan", "mortgage 210k", "210k mortgage", "borrowing 15,000": the amount lent.
_AMOUNT_LENT = re.compile(
    r"(?:\b(?:loan|mortgage|borrow(?:ed|ing)?)\s+(?:of\s+)?(?P<after>[$\u20ac\u00a3]?\d[\d,]*"
    r"(?:\.\d+)?k?)(?![\d%.\w])|(?<![\w.,])(?P<before>[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?k?)"
    r"(?![\d%.\w])\s+(?:(?:car|personal|bank|student)\s+)?(?:loan|mortgage)\b)",
    re.I,
)
# "at 6.9% apr", "4.5% a year", "4.5% interest": the yearly rate.
_LOAN_RATE = re.compile(
    r"(?<![\w.,])(?P<rate>\d+(?:\.\d+)?)\s*%(?!\s*/)(?:\s*(?:apr|a\s+year|per\s+year|per\s+annum|"
    r"p\.?a\.?|interest|annual(?:ly)?|yearly)\b)?",
    re.I,
)
# "(6.9%/12 per month)", "(4.5%/12 a month)", "6.9/12 % a month": the monthly rate said as
# the yearly one over twelve, which is how amortisation takes it.
_MONTHLY_RATE_SAID = re.compile(
    r"(?<![\w.,])(?P<rate>\d+(?:\.\d+)?)\s*%?\s*/\s*12\s*%?"
    r"(?:\s*(?:a|per|each|every)\s+month\b)?",
    re.I,
)
_TERM = re.compile(
    r"\b(?:over|for)\s+(?P<years>\d+)\s+(?:years?|yrs?)\b|"
    r"\b(?:over|for)\s+(?P<months>\d+)\s+months?\b",
    re.I,
)
_ASKS_LOAN_PAYMENT = re.compile(
    r"\bmonthly(?:\s+(?:payments?|repayments?|instal(?:l)?ments?|cost))?\b|"
    r"\b(?:payments?|repayments?|pay)\s+(?:a|per|each)\s+month\b",
    re.I,
)
_ASKS_TOTAL_REPAID = re.compile(
    r"\btotal\s+(?:repaid|paid|repayable|to\s+(?:re)?pay|cost)\b|\bpaid\s+back\s+in\s+total\b|"
    r"\b(?:repay|pay\s+back)\s+(?:altogether|in\s+total)\b",
    re.I,
)
_ASKS_LOAN_INTEREST = re.compile(r"\b(?:total|how\s+much)\s+interest\b", re.I)


def _lent(raw: str) -> Num:
    """An amount lent as written: "8,000", "210k", "\u00a315,000"."""
    plain = raw.lstrip("$\u20ac\u00a3").replace(",", "")
    if plain.lower().endswith("k"):
        return Num(float(plain[:-1]) * 1000, f"{float(plain[:-1]) * 1000:.0f}")
    return Num(float(plain), plain)


def read_amortised_loan(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """ "8,000 loan at 6.9% apr over 4 years (standard amortisation). monthly payment and total
    repaid": the payment that clears the loan over the months, L * r / (1 - (1 + r) ** -n)
    with r the yearly rate over 12 and n the months, then what those payments come to, or
    the interest in them, when asked. None unless amortisation is said, and the request gives
    one amount lent, one yearly rate (said again as a month's, over 12, at most) and one term,
    and no other number."""
    said = f"{context} {task}" if context is not None else task
    if not _AMORTISED.search(said) or _NOT_AMORTISED.search(said):
        return None
    if not _ASKS_LOAN_PAYMENT.search(said):
        return None
    lent = list(_AMOUNT_LENT.finditer(said))
    monthly = list(_MONTHLY_RATE_SAID.finditer(said))
    rates = [
        m
        for m in _LOAN_RATE.finditer(said)
        if not any(s <= m.start() < e for s, e in (said_so.span() for said_so in monthly))
    ]
    terms = list(_TERM.finditer(said))
    if len(lent) != 1 or len(terms) != 1 or len(rates) != 1:
        return None
    rate = float(rates[0].group("rate"))
    if any(float(m.group("rate")) != rate for m in monthly):
        return None  # a month's rate that is not the year's over 12
    spans = [lent[0].span(), rates[0].span(), terms[0].span()] + [m.span() for m in monthly]
    if any(not any(s <= m.start() < e for s, e in spans) for m in _NUMBER.finditer(said)):
        return None  # a number this reading leaves out: a fee, a deposit, a rate change
    if re.search(r"\d\s*k\b", said.replace(lent[0].group(0), " "), re.I):
        return None
    term = terms[0]
    months: Node = (
        Op("*", _plain(term.group("years")), Num(12, "12"))
        if term.group("years")
        else _plain(term.group("months"))
    )
    amount = _lent(lent[0].group("after") or lent[0].group("before"))
    a_month = Op("/", Op("/", _plain(rates[0].group("rate")), Num(100, "100")), Num(12, "12"))
    payment = Op(
        "/",
        Op("*", amount, a_month),
        Op("-", Num(1, "1"), Op("**", Op("+", Num(1, "1"), a_month), Neg(months))),
    )
    found: list[tuple[Node, str]] = [(payment, "the monthly payment")]
    if _ASKS_TOTAL_REPAID.search(said):
        found.append((Op("*", payment, months), "the total repaid"))
    if _ASKS_LOAN_INTEREST.search(said):
        found.append((Op("-", Op("*", payment, months), amount), "the interest paid"))
    return found


# Interest, said in everyday words: which kind, and what the question asks for.
_SIMPLE = re.compile(
    r"\bsimple\b|\bwithout\s+compounding\b|\bnot\s+compounded\b|\bno\s+compounding\b", re.I
)
_COMPOUND = re.compile(r"\bcompound(?:ed|ing)?\b", re.I)
# "taking a month as one twelfth of that", "a month is 1/12 of the yearly rate": a month's
# interest as a share of the year's, which is simple interest for the month.
_MONTH_A_TWELFTH = re.compile(
    r"\b(?:a|each|one|the)\s+month\s+(?:as|is|being)\s+(?:(?:one|a)\s+twelfth|1\s*/\s*12)\b"
    r"|\b(?:one|a)\s+twelfth\s+of\s+(?:that|it|the\s+(?:yearly|annual)\s+rate)\s+"
    r"(?:a|each|per|every)\s+month\b",
    re.I,
)
# "interest this month", "for one month": the interest of a single month.
_ONE_MONTH = re.compile(r"\b(?:this|next|one|1|for\s+a|a\s+single)\s+month\b", re.I)
# How long: "3 years", "after one year", "for a year" ("5% a year" is the rate's period).
_YEARS = re.compile(
    r"(?<![\w.])(?P<years>\d+(?:\.\d+)?)\s+years?\b"
    r"|\b(?:after|in|for|over|within)\s+(?:a|one)\s+(?:single\s+)?year\b",
    re.I,
)
_MONTHS_SAID = re.compile(r"(?<![\w.])(?P<months>\d+)\s+months?\b", re.I)
_YEARLY_RATE = re.compile(
    r"%\s*(?:a|per|each)\s+(?:year|annum)\b|%\s*p\.?a\b|\b(?:annual|yearly)\b", re.I
)
_ASKS_BALANCE = re.compile(
    r"\b(?:total|in the end|at the end|altogether|will i have|do i have|balance|end up with|"
    r"worth|"
    # "whats the total to pay back", "how much will i owe": the loan with its interest.
    r"(?:to\s+)?pay\s+(?:it\s+)?back|repay|repaid|owe|owed|owing|"
    # "how much will there be after 3 years": what the account holds then; "what will it be
    # at the end": the amount it grows to.
    r"(?:will|would)\s+there\s+be|what\s+(?:will|would)\s+it\s+(?:be|come\s+to|grow\s+to))\b",
    re.I,
)
_ASKS_GAIN = re.compile(
    r"\b(?:earn|earns|earned|gain|gains|gained|make|makes|made|grow\s+by|grew\s+by|growth|"
    r"return|returns|profit)\b",
    re.I,
)
# "compounded monthly", "compounding daily": interest added more often than the yearly rate
# says, which a yearly compounding does not give.
_COMPOUNDED_OFTEN = re.compile(
    r"\bcompound(?:ed|ing|s)?\s+(?:(?:every|each|per|a)\s+)?(?P<often>monthly|quarterly|daily|"
    r"weekly|semi-?annually|half-?yearly|biannually|twice|continuously|month|quarter|day|week)\b",
    re.I,
)
# "(so 0.5% a month)", "(i.e. 1.5% a quarter)": the rate for each time interest is added.
_RATE_EACH_TIME = re.compile(
    r"\(\s*(?:so\s+|i\.?e\.?,?\s+|that'?s\s+|which\s+is\s+|=\s*)?(?P<rate>\d+(?:\.\d+)?)\s*%\s*"
    r"(?:a|per|each|every)\s+(?P<period>month|quarter|week)\s*\)",
    re.I,
)
# How many times a year interest is added, for the periods whose count is plain.
_TIMES_A_YEAR = {
    "monthly": 12, "month": 12, "quarterly": 4, "quarter": 4, "weekly": 52, "week": 52,
    "semiannually": 2, "semi-annually": 2, "halfyearly": 2, "half-yearly": 2,
}  # fmt: skip
# "how much interest do i pay in total", "the total interest": the interest itself, though
# "total" is said (of the interest, not of the amount with it).
_ASKS_INTEREST = re.compile(
    r"\bhow\s+much\s+interest\b|\btotal\s+interest\b"
    # "how much of that is interest": the interest inside the amount just asked for.
    r"|\bhow\s+much\s+(?:of\s+(?:that|it|this)\s+)?(?:is|was|will\s+be|would\s+be)\s+"
    r"(?:the\s+)?interest\b",
    re.I,
)
# "what will it be at the end and how much of that is interest": both, in that order.
_ASKS_BALANCE_AND_INTEREST = re.compile(
    r"\b(?:what|how\s+much)\b[^?.!]*?\band\s+(?:how\s+much\s+(?:of\s+(?:that|it|this)\s+)?"
    r"(?:is|was|will\s+be|would\s+be)\s+(?:the\s+)?interest|how\s+much\s+interest)\b",
    re.I,
)


def read_interest(text: str) -> tuple[Node, str] | None:
    """ "I put 2000 in savings at 5% a year. How much interest do I earn in 3 years without
    compounding?": the interest (or the balance, when asked), or None unless the text says
    interest, gives exactly one amount, one yearly rate and one number of years, and says
    whether it compounds."""
    parts = _interest_parts(text)
    if parts is None:
        return None
    principal, interest, kind = parts
    if _ASKS_PER_PERIOD.search(_RATE_PERIOD.sub(" ", _question_of(text))):
        # "9,600 over 48 months, flat 4.9% a year simple interest. monthly payment?": the
        # loan and its interest over the months it runs; any other figure a period is not
        # the interest of the whole term.
        return _payment_per_period(text, principal, interest, kind)
    if not re.search(r"\binterest\b", text, re.I):
        # "5,000 at 4% compounded yearly for 3 years, what will it be": interest not named,
        # so the amount is asked, unless what it gains is ("how much will it earn").
        if _ASKS_GAIN.search(text):
            return None
        return Op("+", principal, interest), f"the amount with {kind} interest"
    question = _question_of(text)
    if (
        _ASKS_BALANCE.search(text)
        and not _ASKS_INTEREST.search(text)
        # "card balance is 2,350 ... interest this month?": the balance is said, the
        # interest asked.
        and not (re.search(r"\binterest\b", question, re.I) and not _ASKS_BALANCE.search(question))
    ):
        return Op("+", principal, interest), f"the amount with {kind} interest"
    return interest, f"{kind} interest"


# "over 48 months", "48 monthly payments": how many months a loan is paid over.
_PAID_OVER_MONTHS = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?:months?\b|monthly\s+(?:payments|instal(?:l)?ments)\b)",
    re.I,
)
# "4.9% a year", "0.5% a month": the period of a rate, which asks for no amount a period.
_RATE_PERIOD = re.compile(r"%\s*(?:a|per|each)\s+(?:year|annum|month|week)\b", re.I)
_ASKS_PAYMENT = re.compile(r"\b(?:payments?|repayments?|instal(?:l)?ments?|pay|paying)\b", re.I)


def _question_of(text: str) -> str:
    """The question of a request: the task after "Task:", the question `split_question`
    finds, or the last sentence, from after its last number ("... for 3 years - how much
    interest": the rate's "a year" before it is no period asked)."""
    task = re.split(r"\bTask:\s*", text)
    if len(task) > 1:
        return task[-1]
    parts = split_question(text)
    if parts is not None:
        return parts[1]
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip()]
    last = sentences[-1] if sentences else text
    numbers = list(_NUMBER.finditer(last))
    return last[numbers[-1].end() :] if numbers else last


def _payment_per_period(
    text: str, principal: Node, interest: Node, kind: str
) -> tuple[Node, str] | None:
    """A monthly payment of a loan with simple interest on the whole amount: the loan and
    its interest over the number of months it runs, or None unless the question asks a
    monthly payment, the interest is simple and the term is said in months."""
    question = _RATE_PERIOD.sub(" ", _question_of(text))
    over = [m.group("count") for m in _PAID_OVER_MONTHS.finditer(text)]
    if kind != "simple" or len(over) != 1 or not _ASKS_PAYMENT.search(question):
        return None
    if not _ASKS_MONTHLY.search(question) or _ASKS_INTEREST.search(question):
        return None  # "how much interest a month": not the payment
    months = Num(float(over[0]), over[0])
    return Op("/", Op("+", principal, interest), months), "the monthly payment"


def read_balance_and_interest(text: str) -> list[tuple[Node, str]] | None:
    """ "2,500 in a fixed saver at 4.5% a year compounded annually for 2 years. what will it
    be at the end and how much of that is interest": the amount at the end, then the interest
    in it; None unless the question asks both, the amount first, and `read_interest` would
    read the amount, rate and years."""
    asked = _ASKS_BALANCE_AND_INTEREST.search(text)
    if asked is None or not _ASKS_BALANCE.search(asked.group(0)):
        return None
    parts = _interest_parts(text)
    if parts is None:
        return None
    principal, interest, kind = parts
    return [
        (Op("+", principal, interest), f"the amount with {kind} interest"),
        (interest, f"{kind} interest"),
    ]


# "150 in at the end of every month", "put 200 a month in": an amount paid in again each
# period, whose pot is the sum of each payment grown, not the first amount grown.
_PAID_IN_EACH = re.compile(
    r"\s*(?:in\s+|into\s+(?:it|the\s+\w+|an?\s+\w+)\s+)?"
    r"(?:(?P<when>at\s+the\s+(?:end|start|beginning)\s+of)\s+)?"
    r"(?:every|each|a|per)\s+(?P<period>month|quarter|week|year)\b"
    r"|\s+(?P<often>monthly|quarterly|weekly|yearly|annually)\b(?!\s+(?:rate|interest))",
    re.I,
)
_PAID_IN_TIMES = {"month": 12, "monthly": 12, "quarter": 4, "quarterly": 4, "week": 52,
                  "weekly": 52, "year": 1, "yearly": 1, "annually": 1}  # fmt: skip


def _interest_parts(text: str) -> tuple[Node, Node, str] | None:
    """The amount put in, the interest it earns and its kind ("simple", "compound"), or None
    unless the text gives exactly one amount, one yearly rate and one number of years, and
    says whether it compounds."""
    # "5,000 at 4% a year, compounded annually": a rate that compounds is interest, named
    # or not.
    if not re.search(r"\binterest\b|\bcompounded\b", text, re.I):
        return None
    often = _COMPOUNDED_OFTEN.search(text)
    times = _TIMES_A_YEAR.get(often.group("often").lower()) if often else 1
    if times is None:
        return None  # "daily" (365 or 360 days?), "biannually", "continuously": unsaid here
    aside = _RATE_EACH_TIME.search(text)
    if aside is not None:
        # "6% a year compounded monthly (so 0.5% a month)": the rate each time, said again;
        # it adds nothing when it is the yearly rate over the times a year, else it differs.
        yearly = _RATE_A_YEAR.search(text)
        period = _TIMES_A_YEAR.get(aside.group("period").lower())
        if yearly is None or period != times:
            return None
        if abs(float(aside.group("rate")) * period - float(yearly.group("rate"))) > 1e-9:
            return None
        text = text[: aside.start()] + " " + text[aside.end() :]
    # "without compounding" says simple, not compound.
    twelfth = _MONTH_A_TWELFTH.search(text)
    if twelfth is not None:
        text = f"{text[: twelfth.start()]} {text[twelfth.end() :]}"  # its "1/12" is no amount
    simple = bool(_SIMPLE.search(text)) or twelfth is not None
    compound = bool(_COMPOUND.search(_SIMPLE.sub(" ", text)))
    if simple == compound:
        return None  # which kind is not said (or both are)
    years = [m.group("years") for m in _YEARS.finditer(text)]
    # "3% a year simple interest for 18 months": simple interest runs in months as a share
    # of the year (compounding yearly over part of a year would be a convention unsaid).
    months = [m.group("months") for m in _MONTHS_SAID.finditer(text)]
    if not months and len(_ONE_MONTH.findall(text)) == 1:
        months = ["1"]
    if simple and not years and len(months) == 1 and _YEARLY_RATE.search(text):
        years = [months[0]]
    else:
        months = []
    if len(years) != 1:
        return None
    rates: list[str] = []
    amounts: list[str] = []
    for match in _NUMBER.finditer(text):
        raw = match.group(0).replace(",", "")
        if _PERCENT_AFTER.match(text, match.end()):
            rates.append(raw)
        elif raw != (years[0] or ""):
            amounts.append(raw)
    if len(rates) != 1 or len(amounts) != 1:
        return None
    paid = next(
        (
            _PAID_IN_EACH.match(text, m.end())
            for m in _NUMBER.finditer(text)
            if m.group(0).replace(",", "") == amounts[0]
        ),
        None,
    )
    if paid is not None:
        return _paid_in_each_parts(text, paid, amounts[0], rates[0], years[0], times, simple)
    principal, rate = Num(float(amounts[0]), amounts[0]), Num(float(rates[0]), rates[0])
    duration: Node = Num(float(years[0]), years[0]) if years[0] else Num(1, "1")
    if months:
        duration = Op("/", duration, Num(12, "12"))
    fraction: Node = Op("/", rate, Num(100, "100"))
    if simple:
        interest: Node = Op("*", Op("*", principal, fraction), duration)
    else:
        if times != 1:
            # "5% a year compounded monthly": a twelfth of the rate, twelve times a year.
            count = Num(float(times), str(times))
            fraction, duration = Op("/", fraction, count), Op("*", count, duration)
        grown = Op("*", principal, Op("**", Op("+", Num(1, "1"), fraction), duration))
        interest = Op("-", grown, principal)
    return principal, interest, "simple" if simple else "compound"


def _paid_in_each_parts(
    text: str,
    paid: re.Match[str],
    amount: str,
    rate: str,
    years: str,
    times: int,
    simple: bool,
) -> tuple[Node, Node, str] | None:
    """ "150 in at the end of every month for 5 years at 4.5% a year compounded monthly":
    the payments, the interest they earn and "compound"; each payment grows from when it is
    paid, so the pot is 150 * ((1 + r)^n - 1) / r (times 1 + r when paid at the start of each
    month). None unless interest compounds as often as the payments are made, over a whole
    number of years said: payments and compounding that differ need a convention unsaid."""
    period = (paid.group("period") or paid.group("often")).lower()
    if simple or not years or _PAID_IN_TIMES[period] != times:
        return None
    count = Num(float(times), str(times))
    periods = Op("*", count, Num(float(years), years))
    each = Op("/", Op("/", Num(float(rate), rate), Num(100, "100")), count)
    grown = Op("**", Op("+", Num(1, "1"), each), periods)
    payment = Num(float(amount), amount)
    pot: Node = Op("/", Op("*", payment, Op("-", grown, Num(1, "1"))), each)
    when = (paid.group("when") or "").lower()
    if when.startswith(("at the start", "at the beginning")):
        pot = Op("*", pot, Op("+", Num(1, "1"), each))
    elif not when and not re.search(r"\bat\s+the\s+end\s+of\b", text, re.I):
        return None  # paid at the start or the end of each month: the pot differs, unsaid
    paid_in = Op("*", payment, periods)
    return paid_in, Op("-", pot, paid_in), "compound"


# "I make 3,200 a month and spend 2,450": an income and a spending at one rate.
_INCOME_RATE = re.compile(
    r"\b(?:make|makes|made|earn|earns|earned|get\s+paid|take\s+home|bring\s+in)\s+"
    r"[$\u20ac\u00a3]?(?P<income>\d[\d,]*(?:\.\d+)?)(?!\s*%)\s*(?:dollars|euros|pounds|bucks)?\s+"
    r"(?:a|an|per|each|every)\s+(?P<period>day|week|month|year)\b",
    re.I,
)
_SPENDING = re.compile(
    r"\b(?:spend|spends|spent|pay\s+out|use\s+up)\s+(?:about\s+)?[$\u20ac\u00a3]?"
    r"(?P<spent>\d[\d,]*(?:\.\d+)?)(?!\s*%)(?:\s*(?:dollars|euros|pounds|bucks))?"
    r"(?:\s+(?:a|an|per|each|every)\s+(?P<period>day|week|month|year)\b)?",
    re.I,
)
_ASKS_SAVED = re.compile(
    r"\bhow\s+much\b[^?.!]*\b(?:save|saved|saving|savings|left|left\s+over|put\s+away)\b", re.I
)


def read_saving(context: str, task: str) -> tuple[Node, str] | None:
    """ "I make 3,200 a month and spend 2,450. How much do I save each month?": the income
    less the spending (times 12 when a year is asked of a month), or None unless those are
    the only two numbers and the income and the spending are said of one period."""
    income, spending = _INCOME_RATE.search(context), _SPENDING.search(context)
    if income is None or spending is None or not _ASKS_SAVED.search(task):
        return None
    if (
        _NUMBER.search(task)
        or len(_NUMBER.findall(context)) != 2
        or spending.start() < income.start()
    ):
        return None
    period = income.group("period").lower()
    if spending.group("period") and spending.group("period").lower() != period:
        return None
    asked = _period(task)
    if _period(context) != [period] or len(set(asked)) > 1:
        return None
    # "a month ... how much a year?": a whole number of the periods said in the one asked.
    times = _WHOLE_PERIODS.get((period, asked[0])) if asked and asked[0] != period else 1
    if times is None:
        return None  # "a month ... how much a week?": no whole number of weeks in a month
    earned, spent = (m.replace(",", "") for m in (income.group("income"), spending.group("spent")))
    if float(spent) > float(earned):
        return None
    left: Node = Op("-", Num(float(earned), earned), Num(float(spent), spent))
    if times != 1:
        return Op("*", left, Num(times, str(times))), f"the amount left each {asked[0]}"
    return left, f"the amount left each {period}"


# "draw 4% a year", "5 percent annually": a share taken once a period.
_SHARE_A_PERIOD = re.compile(
    r"(?<![\w.])(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+"
    r"(?:(?:a|per|each|every)\s+(?P<period>year|month|week)|(?P<adverb>annually|yearly|monthly|"
    r"weekly))\b",
    re.I,
)
_ASKS_SHARE_A_PERIOD = re.compile(
    r"\bhow\s+much\s+(?:is\s+(?:that|it)|do\s+i\s+get|would\s+(?:that|it)\s+be|does\s+that\s+give)"
    r"\s+(?:(?:a|per|each|every)\s+(?P<period>year|month|week)|(?P<adverb>annually|yearly|"
    r"monthly|weekly))\b",
    re.I,
)


def read_share_per_period(text: str) -> tuple[Node, str] | None:
    """ "Pension pot is 340,000, if I draw 4% a year how much is that a month?": the share
    of the one amount, for the period asked (4% of 340,000, over 12), or None unless the
    text gives one amount and one percentage a period, and asks how much a period."""
    share, asked = _SHARE_A_PERIOD.search(text), _ASKS_SHARE_A_PERIOD.search(text)
    if share is None or asked is None or re.search(r"\binterest\b|\bcompound", text, re.I):
        return None
    amounts = [
        m.group(0).replace(",", "")
        for m in _NUMBER.finditer(text)
        if not _PERCENT_AFTER.match(text, m.end())
    ]
    if len(amounts) != 1 or len(_NUMBER.findall(text)) != 2:
        return None
    given = share.group("period") or _ADVERB_PERIOD[share.group("adverb").lower()]
    wanted = asked.group("period") or _ADVERB_PERIOD[asked.group("adverb").lower()]
    rate = share.group("rate")
    value: Node = Op(
        "*", Num(float(amounts[0]), amounts[0]), Op("/", Num(float(rate), rate), Num(100, "100"))
    )
    if given != wanted:
        longer = _LENGTHS.index(given) < _LENGTHS.index(wanted)
        pair = (given, wanted) if longer else (wanted, given)
        if pair not in _IN_PERIOD or pair == ("day", "year"):
            return None
        times = str(_IN_PERIOD[pair])
        value = Op("*" if longer else "/", value, Num(float(times), times))
    return value, f"the share a {wanted}"


# "my commission is 3.5% of sales", "i get a 2% bonus on": a share of an amount paid to
# whoever speaks, so that the share is what they get.
_SHARE_PAID = r"(?:commission|royalty|royalties|bonus|cut|finder'?s\s+fee)"
# What the share is of: what is sold, said as such ("of sales", "on everything i sell"),
# not a profit or a margin, which the amount sold is not.
_SOLD = r"(?:sales|sale|revenue|turnover|takings|bookings|billings|invoices|everything|what)"
_SHARE_EARNED = re.compile(
    rf"\b(?:(?:my|our|his|her|their)\s+{_SHARE_PAID}(?:\s+rate)?\s+(?:is|was|will\s+be|of)\s+"
    rf"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+(?:of|on)\b|"
    rf"\b(?:i|we|she|he|they)\s+(?:get|gets|earn|earns|make|makes|receive|receives)\s+"
    rf"(?P<rate_got>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+{_SHARE_PAID}\s+(?:of|on)\b)"
    rf"\s+(?:(?:my|our|the|all|total|gross)\s+)?(?P<base>{_SOLD}\b|[$\u00a3\u20ac]?\d)",
    re.I,
)
# "of sales over target", "on anything above 10,000": a share of a part of the amount.
_SHARE_BOUNDED = re.compile(
    r"\s*(?:over|above|beyond|exceeding|in\s+excess|past|after|up\s+to|below|under|less|"
    r"minus|net|once|when|if)\b",
    re.I,
)
# "i sold 46,800", "sales came to 46,800", "46,800 in sales": the amount is what was sold.
_SOLD_SAID = re.compile(
    r"\b(?:sold|sell|sells|selling|sales|revenue|turnover|took|takings|billed|invoiced|"
    r"brought\s+in)\b",
    re.I,
)
_ASKS_EARNED = re.compile(
    r"^\s*(?:so\s+)?(?:what|how\s+much)\s+(?:do|does|will|would|did)\s+(?:i|we|she|he|they)\s+"
    rf"(?:get|earn|make|receive|take\s+home)\b|\bhow\s+much\s+{_SHARE_PAID}\b|"
    rf"\bwhat(?:'s|\s+is|\s+will\s+be|\s+would\s+be)\s+(?:my|our|his|her|their|the)\s+"
    rf"{_SHARE_PAID}\b",
    re.I,
)


def read_share_earned(context: str, task: str) -> tuple[Node, str] | None:
    """ "my commission is 3.5% of sales and i sold 46,800 this quarter, what do i get": the
    share paid of the one amount, 46,800 * 3.5 / 100, or None unless the text gives one
    amount and that one percentage, and the question asks what the share comes to."""
    stated = _SHARE_EARNED.search(context)
    if stated is None or not _ASKS_EARNED.search(task) or _NUMBER.search(task):
        return None
    if not stated.group("base")[-1].isdigit() and not _SOLD_SAID.search(context[stated.end() :]):
        return None  # "3.5% of sales ... 46,800": the amount is not said to be sold
    if _SHARE_BOUNDED.match(context, stated.end()):
        return None  # "10% of sales over target": of a part of the amount only
    amount = _amount_beside_share(context)
    if amount is None:
        return None
    if any(p not in _period(context) for p in _period(task)):
        return None  # "... this month, what do i get a year": another period
    rate = stated.group("rate") or stated.group("rate_got")
    share = Op("*", Num(float(amount), amount), Op("/", Num(float(rate), rate), Num(100, "100")))
    return share, "the share paid"


def _read_share_change(context: str | None, task: str) -> tuple[Node, str] | None:
    """A share paid, or a change in percent, stated then asked; said in one sentence, the
    question is found after the statement ("channel went from 2,400 subs to 3,150 in a
    month, % growth?")."""
    parts = (context, task) if context is not None else split_question(task)
    if parts is None:
        return None
    return read_share_earned(*parts) or read_relative_change(*parts)


# "i need my average across 3 tests to be 80. i got 72 and 85 on the first two, what do i
# need on the third": the mark the last one needs for the average wanted.
_AVERAGE_WANTED = re.compile(
    r"\b(?:average|mean)\s+(?:across|over|of|for|in)\s+(?:the\s+|my\s+|all\s+)?"
    r"(?P<count>\d+|two|three|four|five|six)\s+(?P<what>[a-z]+)\s+(?:to\s+be|of|at)\s+"
    r"(?:at\s+least\s+)?(?P<target>\d+(?:\.\d+)?)\b",
    re.I,
)
# "need a 70 average across 4 tests": the average wanted said before the word.
_AVERAGE_WANTED_BEFORE = re.compile(
    r"\b(?:an?\s+)?(?P<target>\d+(?:\.\d+)?)\s*%?\s+(?:average|mean)\s+(?:across|over|of|for|"
    r"in)\s+(?:the\s+|my\s+|all\s+)?(?P<count>\d+|two|three|four|five|six)\s+(?P<what>[a-z]+)\b",
    re.I,
)
# "what do i need on the last one" (spelt "last 1"): the test asked, no number.
_LAST_ONE = re.compile(r"\b(?:last|final|next)\s+(?:one|1)\b(?![.\d])", re.I)
_MARKS_GOT = re.compile(
    r"\b(?:i\s+)?(?:got|scored|have|had)\s+(?P<marks>\d+(?:\.\d+)?(?:\s*(?:,|and)\s*\d+(?:\.\d+)?)*)"
    r"(?:\s+(?:on|in|for)\s+the\s+(?:first|other)\s+(?P<first>one|two|three|four|five|\d+))?\b",
    re.I,
)
_LAST_ASKED = re.compile(
    r"\bwhat\s+(?:do|would|will|must|should)\s+i\s+need\s+(?:to\s+(?:get|score)\s+)?"
    r"(?:on|in|for)\s+the\s+(?:third|fourth|fifth|sixth|last|final|next)\b",
    re.I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def read_mark_for_average(text: str) -> tuple[Node, str] | None:
    """The mark the one test left needs for an average wanted over all of them: the target
    times their count, less the marks got; None unless every mark but one is given and no
    other number is said."""
    wanted = _AVERAGE_WANTED.search(text) or _AVERAGE_WANTED_BEFORE.search(text)
    got = _MARKS_GOT.search(text)
    if wanted is None or got is None or not _LAST_ASKED.search(text):
        return None
    count = wanted.group("count").lower()
    tests = _COUNT_WORDS.get(count) or int(count)
    marks = [_plain(m) for m in re.findall(r"\d+(?:\.\d+)?", got.group("marks"))]
    if len(marks) != tests - 1:
        return None
    said = {
        wanted.group("count"),
        wanted.group("target"),
        got.group("first") or "",
        *re.findall(r"\d+(?:\.\d+)?", got.group("marks")),
    }
    if any(n not in said for n in re.findall(r"\d+(?:\.\d+)?", _LAST_ONE.sub("last", text))):
        return None  # a number no part of the average accounts for
    target = _plain(wanted.group("target"))
    total = Op("*", target, Num(float(tests), str(tests)))
    return Op("-", total, _added(marks)), "the mark needed for the average wanted"


# --- pay less the deductions taken from it in percent ----------------------------------------

# "taxed at 40% plus 2% ni", "20% tax and 8% ni", "5% pension": shares of pay that go in
# deductions, each of the same gross amount, so they add up before they are taken off.
_DEDUCTION_KIND = r"(?:income\s+)?(?:tax|ni|nic|national\s+insurance|pension|student\s+loan)\b"
_DEDUCTED_PERCENT = re.compile(
    rf"(?<![\w.])(?P<rate>\d+(?:\.\d+)?)\s*%\s*(?:in\s+)?(?P<kind>{_DEDUCTION_KIND})?", re.I
)
_TAXED_AT = re.compile(r"\btaxed\s+at\s*$", re.I)
# Pay, of which deductions are taken: "bonus of 4k", "gross 2,950", "overtime 340".
_PAY = re.compile(
    r"\b(?:bonus|salary|pay|payslip|wage|wages|gross|overtime|earnings|income|commission)\b", re.I
)
# "saving me 20% tax and 8% ni": a scheme paid from gross pay, the deductions saved.
_SAVING_DEDUCTIONS = re.compile(r"\bsav(?:e|es|ed|ing)\b(?:\s+(?:me|us|you))?\s*$", re.I)
_ASKS_KEPT = re.compile(
    r"\bwhat\s+(?:do|will|would|did)\s+(?:i|we|you|they|he|she)\s+(?:actually\s+|really\s+)?"
    r"(?:get|take\s+home|keep|receive|end\s+up\s+with|pocket)\b|\btake[\s-]?home\b"
    r"|\bafter\s+(?:tax|deductions)\b",
    re.I,
)
_ASKS_REAL_COST = re.compile(
    r"\b(?:really|actually|truly)\s+cost\b|\b(?:real|actual|true)\s+cost\b", re.I
)


def read_pay_less_deductions(text: str) -> tuple[Node, str] | None:
    """ "bonus of 4k, taxed at 40% plus 2% ni. what do i actually get": the pay less every
    deduction's share of it, 4000 * (1 - (40 + 2) / 100); and "cycle to work scheme takes
    300 a month off my gross, saving me 20% tax and 8% ni. what does the bike really cost
    me": the amount less the deductions saved on it. None unless there is one amount, each
    percentage is said as a deduction (named, or after "taxed at"), and what is kept (or
    what it really costs) is asked."""
    parts = split_question(text)
    if parts is None:
        return None
    context, task = parts
    context = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)k\b", lambda m: _k_written(m.group(1)), context)
    if _NUMBER.search(task):
        return None
    rates = list(_DEDUCTED_PERCENT.finditer(context))
    amounts = [m for m in _NUMBER.finditer(context) if not _PERCENT_AFTER.match(context, m.end())]
    if not rates or len(amounts) != 1:
        return None
    saved = _SAVING_DEDUCTIONS.search(context[: rates[0].start()]) is not None
    if saved and not _ASKS_REAL_COST.search(task):
        return None
    if not saved and (not _ASKS_KEPT.search(task) or not _PAY.search(context)):
        return None
    for i, rate in enumerate(rates):
        taxed = i == 0 and _TAXED_AT.search(context[: rate.start()])
        if rate.group("kind") is None and not taxed:
            return None  # "40% plus 2% ni" reads only as "taxed at 40%"; "10% off" is no deduction
    if not amounts[0].start() < rates[0].start():
        return None  # the pay, then what is taken of it
    if sum(float(r.group("rate")) for r in rates) >= 100:
        return None
    if any(p not in _period(context) for p in _period(task)):
        return None  # "300 a month ... what does it cost me a year": another period asked
    total: Node = _plain(rates[0].group("rate"))
    for rate in rates[1:]:
        total = Op("+", total, _plain(rate.group("rate")))
    kept = Op("-", Num(1, "1"), Op("/", total, Num(100, "100")))
    what = "the amount less the deductions saved" if saved else "the pay less its deductions"
    return Op("*", _plain(amounts[0].group(0)), kept), what


def _k_written(number: str) -> str:
    """ "4k" written out as 4000 (and "2.5k" as 2500)."""
    value = float(number) * 1000
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


# "personal savings allowance is 1,000 tax free", "the first 3k is tax free": an amount
# free of the tax.
_TAX_FREE = re.compile(
    r"\b(?:(?:allowance|first)\s+(?:is\s+|of\s+)?)[$\u00a3\u20ac]?(?P<free>\d[\d,]*(?:\.\d+)?)"
    r"(?P<k>k)?(?![\d%\w])(?:\s+(?:is|are))?\s+tax[\s-]?free\b",
    re.I,
)
# "earned 1,480 interest", "made a 14k gain": the amount the tax is on.
_EARNED_AMOUNT = re.compile(
    r"\b(?:earned|earn|made|make|got|received|gained)\s+(?:an?\s+)?[$\u00a3\u20ac]?"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?P<k>k)?(?![\d%\w])",
    re.I,
)
# "rest taxed at 20%", "anything over that is taxed at 20%": the rate on what is not free.
_REST_TAXED = re.compile(
    r"\b(?:(?:the\s+)?rest|(?:the\s+)?remainder|anything\s+(?:over|above)(?:\s+that)?|"
    r"(?:over|above)\s+that)\s+(?:is\s+|gets\s+)?taxed\s+at\s+(?P<rate>\d+(?:\.\d+)?)\s*%",
    re.I,
)
_ASKS_TAX = re.compile(
    r"^\W*(?:(?:so\s+)?(?:how\s+much|what(?:'s|s|\s+is)?)\s+(?:(?:is\s+)?the\s+)?)?tax"
    r"(?:\s+(?:do|will|would)\s+(?:i|we)\s+(?:pay|owe))?(?:\s+(?:to\s+pay|due|owed))?\s*[?.!]*\s*$",
    re.I,
)


def read_taxed_over_allowance(text: str) -> tuple[Node, str] | None:
    """ "personal savings allowance is 1,000 tax free. earned 1,480 interest, rest taxed at
    20%. tax?": the amount over what is free, taxed at the rate, (1480 - 1000) * 20 / 100;
    None unless those are the only three numbers, more is earned than is free, and the tax
    itself is asked."""
    parts = split_question(text)
    if parts is None or not _ASKS_TAX.match(parts[1]):
        return None
    context = parts[0]
    free, earned, rest = (
        _TAX_FREE.search(context),
        _EARNED_AMOUNT.search(context),
        _REST_TAXED.search(context),
    )
    if free is None or earned is None or rest is None or len(_NUMBER.findall(context)) != 3:
        return None
    allowance = _thousands(free.group("free"), free.group("k"))
    amount = _thousands(earned.group("amount"), earned.group("k"))
    if amount.value <= allowance.value:
        return None  # nothing over the allowance: no tax, which is no arithmetic to show
    over = Op("-", amount, allowance)
    return Op("*", over, Op("/", _plain(rest.group("rate")), Num(100, "100"))), (
        "the tax on the amount over the allowance"
    )


def read_stated_problem(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """Word problems read from the whole request, with its question found in it when the
    request is said in one go: by the units of its amounts, a share a period, or a chain
    (changes in turn, a share then the rest, what is left then spread over periods)."""
    text = task if context is None else f"{context} {task}"
    margin = read_profit_then_margin(context, task)
    if margin is not None:
        return margin  # before the profit alone, which would leave the margin unanswered
    found = (
        read_days_between(text)
        or read_pay_less_deductions(text)
        or read_taxed_over_allowance(text)
        or read_percentage_error(text)
        or read_at_least_one(text)
        or read_tables_needed(text)
        or read_share_or_flat(text)
        or read_parts_of_whole(text)
        or read_price_for_margin(text)
        or read_time_less_break(text)
        or read_periods_to_target(text)
        or read_stock_lasting(text)
        or read_cpm_revenue(text)
        or read_cpm_count(text)
        or read_saving_to_target(text)
        or (read_changed_then_spread(context, task) if context is not None else None)
        or read_stated_factor(text)
        or read_fixed_plus_rate(text)
        or read_quantities(context, task)
        or read_upfront_plus_rate(context, task)
        or read_rate_plus_amount(context, task)
        or read_first_then_each(context, task)
        or read_share_per_period(text)
        or read_scale_model(text)
        or read_start_plus_each(text)
        or read_held_less_taken(context, task)
        or read_toward_limit(context, task)
        or read_profit(context, task)
        or read_made_per_hour(context, task)
        or read_group_items(context, task)
        or read_share_of_sum(text)
        or read_per_group(text)
    )
    if found is None:
        found = _read_share_change(context, task)
    if found is None:
        found = (
            read_weighted_mark(text)
            or read_credit_weighted(text)
            or read_loan_to_value(text)
            or read_time_share(text)
            or read_share_by_weight(text)
            or read_mark_for_average(text)
        )
    if found is not None:
        return [found]
    for chain in (
        read_successive_changes,
        read_share_then_rest,
        read_left_then_spread,
        read_sized_by_rule,  # "liner size is length + 2 x depth + 0.6 m ... and width?"
    ):
        stages = chain(text)
        if stages is not None:
            return stages
    return None


# --- weighted figures: a mark over weighted parts, a credit-weighted average ---------------

_NUM = r"\d+(?:\.\d+)?"
# The parts of a course a mark is weighted over, named as people name them.
_ASSESSED = (
    r"(?:coursework|exam|exams|final|finals|midterm|midterms|project|projects|essay|essays|"
    r"assignments?|homework|quiz|quizzes|tests?|labs?|practicals?|dissertation|presentation|"
    r"participation|portfolio|report|orals?)"
)
# "paper 1", "component 2": a part named by its number, which is no mark or weight.
_NUMBERED_PART = r"(?:paper|component|unit|module|section|part)\s+\d{1,2}(?![\d.%])"
# "40% coursework", "coursework is worth 40%", "the exam is the other 60%", "exam 60%".
_WEIGHT_SAID = (
    re.compile(
        # "25% test 1, 25% test 2": a part named with its number.
        rf"(?<![\w.])(?P<weight>{_NUM})\s*%\s+(?:is\s+)?(?:the\s+)?"
        rf"(?P<name>{_ASSESSED}(?:\s+\d{{1,2}}(?![\d.%]))?)\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<name>{_ASSESSED}|{_NUMBERED_PART})\s+(?:is|are|was|counts?(?:\s+for)?|makes?\s+up)\s+"
        rf"(?:worth\s+)?"
        rf"(?:the\s+(?:other|remaining|rest\s+of\s+the)\s+)?(?P<weight>{_NUM})\s*%"
        rf"(?P<mark_after>\s+(?:and|,)\s+(?:i|we|she|he|you)\s+(?:got|scored|have|had|received)\s+"
        rf"(?:an?\s+)?(?P<mark>{_NUM})(?!\d|\.\d|\s*(?:%|percent\b|per\s+cent\b)))?",
        re.I,
    ),
    re.compile(rf"\b(?P<name>{_ASSESSED}|{_NUMBERED_PART})\s+(?P<weight>{_NUM})\s*%", re.I),
)
# "i got 71, 64 and 58": the marks listed in the order the parts' weights were said.
_MARKS_LISTED = re.compile(
    # "Lily got 64, 78 and 71": a pupil named.
    rf"\b(?:i|we|she|he|you|[a-z]+)\s+(?:got|scored)\s+(?P<marks>{_NUM}(?:\s*,\s*{_NUM})*\s*,?\s+and\s+"
    rf"{_NUM})(?!\d|\.\d|\s*(?:%|percent\b|per\s+cent\b|on\b|in\s+the\b|for\b))",
    re.I,
)
# "72 on the coursework", "58 in the exam", "scored 64 for the project".
_MARK_SAID = re.compile(
    rf"(?<![\w.])(?P<mark>{_NUM})(?!\s*(?:%|percent\b|per\s+cent\b))\s+(?:on|in|for)\s+"
    rf"(?:the\s+|my\s+|our\s+)?(?P<name>{_ASSESSED})\b",
    re.I,
)
_ASKS_OVERALL = re.compile(
    r"\b(?:overall|final|weighted|module|course|total|year)\s+(?:mark|grade|score|result|percentage)\b|"
    r"\b(?:mark|grade|score)\s+overall\b|\bwhat\s+(?:do|did|will)\s+(?:i|we)\s+get\s+overall\b",
    re.I,
)
# "what do i need in the exam to finish on 70 overall": the mark a part needs for a target.
_ASKS_NEEDED = re.compile(
    rf"\bwhat\s+(?:mark\s+|score\s+|grade\s+)?(?:do|would|will|does)\s+(?:i|we|she|he|you)\s+"
    rf"need\s+(?:to\s+(?:get|score)\s+)?(?:in|on|for)\s+(?:the\s+|my\s+)?(?P<name>{_ASSESSED})\b"
    rf"[^.?!\d]*?\b(?:to\s+(?:finish|end|end\s+up|come\s+out|get|be)\s+(?:on|with|at)?\s*)"
    rf"(?P<target>{_NUM})(?!\s*%)(?:\s+(?:overall|in\s+total|for\s+the\s+(?:module|course)))?"
    rf"\s*[?.!]*\s*$",
    re.I,
)


def _added(terms: Sequence[Node]) -> Node:
    total = terms[0]
    for term in terms[1:]:
        total = Op("+", total, term)
    return total


def _part_name(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and word not in {"quizzes", "homework"} else word


def read_weighted_mark(text: str) -> tuple[Node, str] | None:
    """ "module is 40% coursework and 60% exam. got 72 on the coursework and 58 in the
    exam, what's my overall mark?": each mark times its weight, 72 * 40% + 58 * 60%; or,
    asked "what do i need in the exam to finish on 70 overall", the mark the one part
    without one needs, (70 - 62 * 40%) / 60%. None unless each part is named once with its
    weight, the weights make 100%, every other number is a part's mark, and one of the two
    is asked."""
    weights: dict[str, Num] = {}
    marks: dict[str, Num] = {}
    used: list[tuple[int, int]] = []
    for pattern in _WEIGHT_SAID:
        for said in pattern.finditer(text):
            if any(said.start() < end and start < said.end() for start, end in used):
                continue
            name = _part_name(said.group("name"))
            if name in weights:
                return None  # a part weighted twice
            weights[name] = _plain(said.group("weight"))
            if said.groupdict().get("mark"):
                marks[name] = _plain(said.group("mark"))
            used.append(said.span())
    if len(weights) < 2 or sum(w.value for w in weights.values()) != 100:
        return None
    for said in _MARK_SAID.finditer(text):
        name = _part_name(said.group("name"))
        if name not in weights or name in marks:
            return None  # a mark for a part with no weight, or two marks for one
        marks[name] = _plain(said.group("mark"))
    listed = _MARKS_LISTED.search(text)
    if listed is not None and not marks and listed.start() > max(end for _, end in used):
        # "paper 1 is 25%, paper 2 35%, paper 3 40%. i got 71, 64 and 58": one mark a part,
        # in the order the parts were said, when there are as many.
        said_marks = _NUMBER.findall(listed.group("marks"))
        if len(said_marks) != len(weights):
            return None
        marks = dict(zip(weights, (_plain(m) for m in said_marks), strict=True))
    needed = _ASKS_NEEDED.search(text)
    numbered = sum(1 for name in weights if re.search(r"\d", name))
    counted = len(weights) + len(marks) + numbered + (1 if needed else 0)
    if len(_NUMBER.findall(text)) != counted:
        return None  # a number no part's weight or mark accounts for
    got = [
        Op("*", marks[name], Op("/", weight, Num(100, "100")))
        for name, weight in weights.items()
        if name in marks
    ]
    if needed is not None:
        asked = _part_name(needed.group("name"))
        if asked not in weights or asked in marks or len(marks) != len(weights) - 1:
            return None
        target = _plain(needed.group("target"))
        share = Op("/", weights[asked], Num(100, "100"))
        return Op("/", Op("-", target, _added(got)), share), f"the mark needed in the {asked}"
    if not _ASKS_OVERALL.search(text) or len(marks) != len(weights):
        return None
    return _added(got), "the weighted mark"


# "4.0 in a 3 credit class": a grade and the credits it counts for.
_GRADE_FOR_CREDITS = re.compile(
    rf"(?<![\w.])(?P<grade>{_NUM})\s+(?:in|on|for)\s+(?:a|an|the|my)\s+(?P<credits>{_NUM})"
    r"[\s-]+(?:credit|unit|hour|credit[\s-]hour|semester[\s-]hour)s?\s+"
    r"(?:class|course|module|subject|paper|unit)\b",
    re.I,
)
_ASKS_WEIGHTED_AVERAGE = re.compile(
    r"\b(?:gpa|grade\s+point\s+average|weighted\s+(?:average|mean|gpa|grade))\b", re.I
)


def read_credit_weighted(text: str) -> tuple[Node, str] | None:
    """ "4.0 in a 3 credit class, 3.3 in a 4 credit class and 3.7 in a 3 credit class.
    credit weighted gpa?": each grade times its credits, over the credits, or None unless
    every number is a grade or its credits and a GPA or weighted average is asked."""
    pairs = list(_GRADE_FOR_CREDITS.finditer(text))
    if len(pairs) < 2 or not _ASKS_WEIGHTED_AVERAGE.search(text):
        return None
    if re.search(r"\bun-?weighted\b|\bnot\s+weighted\b|\bsimple\s+(?:average|mean)\b", text, re.I):
        return None  # the grades' plain mean is asked
    if len(_NUMBER.findall(text)) != 2 * len(pairs):
        return None
    credits = [_plain(pair.group("credits")) for pair in pairs]
    points = [
        Op("*", _plain(pair.group("grade")), weight)
        for pair, weight in zip(pairs, credits, strict=True)
    ]
    return Op("/", _added(points), _added(credits)), "the credit-weighted average"


# "house is 285,000 and we have a 42,750 deposit. what LTV": the loan over the value.
_ASKS_LTV = re.compile(r"\b(?:ltv|loan[\s-]+to[\s-]+value)\b", re.I)
_DEPOSIT_SAID = re.compile(
    rf"(?<![\w.])[$\u00a3\u20ac]?(?P<amount>{_MONEY})(?!\s*%)\s+deposit\b|"
    rf"\bdeposit\s+(?:of|is|was|will\s+be)\s+[$\u00a3\u20ac]?(?P<amount_after>{_MONEY})(?!\s*%)",
    re.I,
)


def read_loan_to_value(text: str) -> tuple[Node, str] | None:
    """ "house is 285,000 and we have a 42,750 deposit. what LTV would the mortgage be":
    the price less the deposit, over the price, in percent; None unless the text gives those
    two amounts only, the deposit said as one, and asks the loan to value."""
    deposit = _DEPOSIT_SAID.search(text)
    if deposit is None or not _ASKS_LTV.search(text):
        return None
    numbers = [m.group(0) for m in _NUMBER.finditer(text)]
    said = (deposit.group("amount") or deposit.group("amount_after")).lstrip("$\u00a3\u20ac")
    if len(numbers) != 2 or said not in numbers:
        return None
    numbers.remove(said)
    price, paid = _plain(numbers[0]), _plain(said)
    if paid.value >= price.value:
        return None
    loan = Op("-", price, paid)
    return Op("*", Op("/", loan, price), Num(100, "100")), "the loan to value in percent"


# "4 h 48 min", "3 hours 20 minutes", "95 minutes": a time said in hours and minutes.
_TIME_SPENT = re.compile(
    rf"(?<![\w.])(?:(?P<hours>{_NUM})\s*(?:h|hours?)\b(?:\s*(?:and\s+)?(?P<minutes>\d+)\s*"
    rf"(?:m|mins?|minutes?)\b)?|(?P<only_minutes>{_NUM})\s*(?:mins?|minutes?)\b)",
    re.I,
)
_ASKS_SHARE_OF_HOURS = re.compile(
    rf"\bwhat\s+(?:percent(?:age)?|%|share|proportion)\s+of\s+(?:the|a|my)\s+"
    rf"(?:(?P<hours>{_NUM})[\s-]*(?:h|hours?)\s+)?(?P<span>day|working\s+day|week)\b"
    r"(?:\s+(?:is|was)\s+(?:that|it|this))?\s*[?.!]*\s*$",
    re.I,
)
_SPAN_HOURS = {"day": 24, "week": 168}


def read_time_share(text: str) -> tuple[Node, str] | None:
    """ "screen time averaged 4 h 48 min a day. what % of the 24 hour day is that": the
    time in hours over the hours of the day, in percent, or None unless the text gives one
    time and asks its share of a day (of the hours said, or of 24) or a week (168)."""
    asked = _ASKS_SHARE_OF_HOURS.search(text)
    if asked is None:
        return None
    span = asked.group("span").lower()
    if asked.group("hours") is None and span not in _SPAN_HOURS:
        return None  # "of the working day": how long it is is not said
    statement = text[: asked.start()]
    if any(period != span for period in _period(statement)):
        return None  # "2 hours a day ... what % of the week": the time for another span
    times = list(_TIME_SPENT.finditer(statement))
    if len(times) != 1:
        return None
    time = times[0]
    said = [time.group(k) for k in ("hours", "minutes", "only_minutes") if time.group(k)]
    if len(_NUMBER.findall(text)) != len(said) + (asked.group("hours") is not None):
        return None  # a number neither the time nor the hours of the span
    if time.group("only_minutes"):
        spent: Node = Op("/", _plain(time.group("only_minutes")), Num(60, "60"))
    else:
        spent = _plain(time.group("hours"))
        if time.group("minutes"):
            spent = Op("+", spent, Op("/", _plain(time.group("minutes")), Num(60, "60")))
    whole = (
        _plain(asked.group("hours"))
        if asked.group("hours")
        else Num(_SPAN_HOURS[span], str(_SPAN_HOURS[span]))
    )
    return Op("*", Op("/", spent, whole), Num(100, "100")), "the time as a percentage"


# "6% salt by weight of the water": a share of another amount, named by what it is of.
_SHARE_OF_NAMED = re.compile(
    rf"(?<![\w.])(?P<rate>{_NUM})\s*%\s+(?P<part>[a-z]+)\s+(?:by\s+(?:weight|mass|volume)\s+)?"
    r"of\s+(?:the\s+)?(?P<base>[a-z]+)\b",
    re.I,
)
_MASSES = {
    "g": "g", "gram": "g", "grams": "g", "kg": "kg", "kilo": "kg", "kilos": "kg",
    "kilogram": "kg", "kilograms": "kg", "ml": "ml", "millilitre": "ml", "millilitres": "ml",
    "milliliter": "ml", "milliliters": "ml", "l": "l", "litre": "l", "litres": "l",
    "liter": "l", "liters": "l", "oz": "oz", "ounce": "oz", "ounces": "oz", "lb": "lb",
    "lbs": "lb", "pound": "lb", "pounds": "lb",
}  # fmt: skip
_UNIT_WORD = r"(?P<unit>[a-z]+)"


def read_share_by_weight(text: str) -> tuple[Node, str] | None:
    """ "the brine should be 6% salt by weight of the water. i'm using 2.5 litres of water
    (2,500 g), how many grams of salt": the share of the amount of the thing named in the
    unit asked, 2,500 * 6 / 100; None unless exactly one amount of it is said in that unit
    (a second, in parentheses or before them, may say the same in another) and nothing
    else is counted."""
    share = _SHARE_OF_NAMED.search(text)
    if share is None:
        return None
    part, base = share.group("part"), share.group("base")
    asked = re.search(
        rf"\bhow\s+(?:many|much)\s+{_UNIT_WORD}\s+of\s+(?:the\s+)?{re.escape(part)}\b", text, re.I
    )
    if asked is None or asked.group("unit").lower() not in _MASSES:
        return None
    wanted = _MASSES[asked.group("unit").lower()]
    # "2.5 litres of water (2,500 g)": the amount of the base, said once or twice over.
    said = re.search(
        rf"(?<![\w.])(?P<first>{_MONEY})\s*(?P<first_unit>[a-z]+)\s+of\s+(?:the\s+)?"
        rf"{re.escape(base)}\b(?:\s*\(\s*(?P<second>{_MONEY})\s*(?P<second_unit>[a-z]+)\s*\))?",
        text[share.end() :],
        re.I,
    )
    if said is None:
        return None
    amounts = [
        (said.group(k), said.group(f"{k}_unit").lower())
        for k in ("first", "second")
        if said.group(k)
    ]
    if any(unit not in _MASSES for _, unit in amounts):
        return None
    fitting = [raw for raw, unit in amounts if _MASSES[unit] == wanted]
    if len(fitting) != 1 or len(_NUMBER.findall(text)) != 1 + len(amounts):
        return None
    rate = _plain(share.group("rate"))
    return Op("*", _plain(fitting[0]), Op("/", rate, Num(100, "100"))), f"the {part} in {wanted}"


# "squash is 1 part to 7 parts water": two things mixed in parts, the first named before.
_PARTS_TO = re.compile(
    rf"\b(?P<first>[a-z]+)\s+(?:is|at)\s+(?P<a>{_NUM})\s+parts?\s+to\s+(?P<b>{_NUM})\s+"
    r"parts?\s+(?:of\s+)?(?P<second>[a-z]+)\b",
    re.I,
)
# The size of the units `_MASSES` names, within their kind.
_MEASURE_SIZES = {
    "g": ("mass", 1.0), "kg": ("mass", 1000.0), "ml": ("volume", 1.0), "l": ("volume", 1000.0),
}  # fmt: skip


def read_parts_of_whole(text: str) -> tuple[Node, str] | None:
    """ "squash is 1 part to 7 parts water and i'm making a 2 litre jug. how much squash in
    ml": the share of the whole that one thing's parts are, 2 * 1000 * 1 / (1 + 7); None
    unless the whole is one amount said in a unit of the kind asked and those are the only
    three numbers."""
    parts = _PARTS_TO.search(text)
    if parts is None or len(_NUMBER.findall(text)) != 3:
        return None
    after = text[parts.end() :]
    asked = re.search(
        rf"\bhow\s+much\s+(?P<thing>[a-z]+)(?:\s+(?:in|as)\s+{_UNIT_WORD})?", after, re.I
    )
    whole = re.search(rf"(?<![\w.])(?P<total>{_NUM})[\s-]*{_UNIT_WORD}\b", after, re.I)
    if asked is None or whole is None:
        return None
    thing = asked["thing"].lower()
    if thing not in (parts["first"].lower(), parts["second"].lower()):
        return None
    given = _MEASURE_SIZES.get(_MASSES.get(whole["unit"].lower(), ""))
    wanted = _MEASURE_SIZES.get(_MASSES.get((asked["unit"] or whole["unit"]).lower(), ""))
    if given is None or wanted is None or given[0] != wanted[0]:
        return None
    a, b = _plain(parts["a"]), _plain(parts["b"])
    share = Op("/", a if thing == parts["first"].lower() else b, Op("+", a, b))
    amount: Node = _plain(whole["total"])
    if given[1] != wanted[1]:
        amount = Op("*", amount, _plain(f"{given[1] / wanted[1]:g}"))
    return Op("*", amount, share), f"the {thing} in the whole"


# --- chains: a first answer, then one worked out from it ----------------------------------

# Where one step of a chain ends: a sentence, a comma, "then", "and".
_STEP_BREAK = re.compile(r"([.;?!]\s+|,\s+|\s+(?:and\s+)?then\s+|\s+and\s+)", re.I)
# ... and those that say one step comes after the other ("20% off and 10% off" may be 30%).
_AFTERWARDS = re.compile(r"[.;?!]|\bthen\b", re.I)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_CHANGE_DOWN = re.compile(
    r"\b(?:off|discount|knock|deduct|deducted|minus|less|take|takes|taking|taken|reduce|cut|"
    # "my distributor keeps 15%": their share, kept from what comes to me.
    r"keeps|kept|"
    # "went down 10% in january": a price that fell by the share.
    r"(?:went|go|goes|gone|come|came|comes)\s+down|dropped|drops|fell|falls)\b",
    re.I,
)
_CHANGE_UP = re.compile(
    r"\b(?:add|adds|added|plus|on\s+top|vat|tax|gst|hst|markup|increase|raise|surcharge|tip|"
    r"(?:went|go|goes|gone)\s+up|rose|rises)\b",
    re.I,
)
# "4% next year", "the year after": a change said of the period after the one before.
_LATER_PERIOD = re.compile(
    r"\b(?:next|the\s+following)\s+(?:year|month|week)\b|\bthe\s+(?:year|month|week)\s+after\b",
    re.I,
)
# What a chain may ask in the end: the amount after all of it, or nothing ("then add 20%").
_ASKS_OTHER = re.compile(r"\b(?:how|what|whats|which)\b", re.I)
_ASKS_GOT = re.compile(
    r"\bwhat\s+(?:do|did|will|would)\s+(?:i|we)\s+(?:actually\s+|really\s+)?(?:get|pay|end\s+up|"
    r"take\s+home|make|receive)\b"
    # "what I actually receive", "what's my payout", "the fee before and after the charge".
    r"|\bwhat\s+(?:i|we)\s+(?:actually\s+|really\s+)?(?:get|receive|take\s+home)\b"
    # "what is it now": the amount after the changes.
    r"|\bwhat(?:'s|\s+is)\s+(?:it|the\s+price)\s+now\b"
    r"|\bwhat(?:'s|\s+is)\s+(?:my|our)\s+payout\b|\bbefore\s+and\s+after\b",
    re.I,
)


def read_successive_changes(text: str) -> list[tuple[Node, str]] | None:
    """ "Shelf price is 45 ex VAT, knock 10% off then add 20% VAT on top", "Sold 9,200
    litres at 0.38 a litre, then take off the 4% fee, what do I get": the amount (or a count
    at a price), then each percentage taken off or added in turn, each on the amount before
    it; None unless each percentage is said in a step of its own with one way to go, and
    the request asks nothing else."""
    if _ASKS_OTHER.search(text) and not (_ASKS_GOT.search(text) or _ASKS_FINAL.search(text)):
        return None
    if _ASKS_TAX_IN_IT.search(text) or (_TAX_SAID_INCLUDED.search(text) and _TAX_RATE.search(text)):
        # "laptop is 899 inc vat, 10% off. what do i pay, and how much of that is the 20%
        # vat": the tax is in the amount, not added on top of it again.
        return None
    pieces = _STEP_BREAK.split(_THOUSANDS.sub("", text))
    steps, breaks = pieces[::2], pieces[1::2]
    start = _chain_start(steps)
    if start is None:
        return None
    value, stages = start
    changes = 0
    said_after = True  # the first change comes after the amount, whatever the words
    last_way: tuple[bool, bool] | None = None
    for index, step in enumerate(steps):
        rates = [m for m in _NUMBER.finditer(step) if _PERCENT_AFTER.match(step, m.end())]
        if not rates:
            said_after = said_after or bool(
                index < len(breaks) and _AFTERWARDS.search(breaks[index])
            )
            continue
        later = bool(_LATER_PERIOD.search(step))
        if not (said_after or later):
            return None
        said_after = index < len(breaks) and bool(_AFTERWARDS.search(breaks[index]))
        down, up = bool(_CHANGE_DOWN.search(step)), bool(_CHANGE_UP.search(step))
        if not down and not up and later and last_way is not None:
            # "go up 6.7% this year and 4% next year": the next period's share goes the
            # same way as the one before it.
            down, up = last_way
        if len(rates) != 1 or down == up:
            return None
        last_way = (down, up)
        rate = rates[0].group(0)
        factor = Op(
            "-" if down else "+", Num(1, "1"), Op("/", Num(float(rate), rate), Num(100, "100"))
        )
        value = Op("*", value, factor)
        stages.append((value, f"after {rate}% {'off' if down else 'added'}"))
        changes += 1
    return stages if changes and len(stages) >= 2 else None


def _chain_start(steps: list[str]) -> tuple[Node, list[tuple[Node, str]]] | None:
    """The amount a chain of changes starts from: the one amount given, or a count at a
    price ("9,200 litres at 0.38 a litre"), the first stage of the chain."""
    plain = [
        (step, m)
        for step in steps
        for m in _NUMBER.finditer(step)
        if not _PERCENT_AFTER.match(step, m.end())
    ]
    if len(plain) == 1:
        raw = plain[0][1].group(0).replace(",", "")
        return Num(float(raw), raw), []
    if len(plain) == 3 and plain[0][0] is plain[2][0]:
        plus = _COUNT_AT_PRICE_PLUS.search(plain[0][0])
        if plus is None:
            return None
        count, price, extra = (plus.group(k).replace(",", "") for k in ("count", "price", "extra"))
        total = Op(
            "+",
            Op("*", Num(float(count), count), Num(float(price), price)),
            Num(float(extra), extra),
        )
        return total, [(total, "the total price")]
    if len(plain) != 2 or plain[0][0] is not plain[1][0]:
        return None
    stated = _COUNT_AT_PRICE.search(plain[0][0]) or _AMOUNT_AT_UNIT_PRICE.search(plain[0][0])
    if stated is None:
        return None
    count = stated.group("count").replace(",", "")
    price = stated.group("price").replace(",", "")
    total = Op("*", Num(float(count), count), Num(float(price), price))
    return total, [(total, "the total price")]


_TAKES_SHARE = re.compile(
    r"\b(?:takes|take|taking|took|charges|charge|keeps|keep|gets)\b[^.?!\d]{0,30}?"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b)"
    r"|(?P<rate2>\d+(?:\.\d+)?)\s*(?:%|percent\b)\s+(?:fee|commission|cut|deposit)\b",
    re.I,
)
_ASKS_THE_SHARE = re.compile(
    r"\b(?:their|the|his|her|its)\s+(?:fee|commission|cut|share)\b|\bhow\s+much\s+is\s+that\b",
    re.I,
)
# "40% deposit on a 1,350 job, deposit and balance": the share asked by its name alone,
# after the sentence that takes it.
_SHARE_NAMED_AFTER = re.compile(r"\b(?:fee|commission|cut|share|deposit)\b", re.I)
_ASKS_THE_REST = re.compile(
    r"\b(?:left|left\s+over|rest|remaining|remains|what\s+i\s+keep|i'm\s+left|balance)\b",
    re.I,
)


def read_share_then_rest(text: str) -> list[tuple[Node, str]] | None:
    """ "Rent is 1,150 pcm and the agent takes 12%. Work out their fee, then what I'm left
    with": the share taken, then the amount less it; None unless the text gives one amount
    and one percentage taken from it, and asks the share before the rest."""
    taken = _TAKES_SHARE.search(text)
    if taken is None:
        return None
    share = _ASKS_THE_SHARE.search(text) or _SHARE_NAMED_AFTER.search(text, taken.end())
    rest = _ASKS_THE_REST.search(text)
    if share is None or rest is None or rest.start() < share.start():
        return None
    amounts = [
        m.group(0).replace(",", "")
        for m in _NUMBER.finditer(text)
        if not _PERCENT_AFTER.match(text, m.end())
    ]
    if len(amounts) != 1 or len(_NUMBER.findall(text)) != 2:
        return None
    rate = taken.group("rate") or taken.group("rate2")
    amount = Num(float(amounts[0]), amounts[0])
    part = Op("*", amount, Op("/", Num(float(rate), rate), Num(100, "100")))
    return [(part, f"the {rate}% taken"), (Op("-", amount, part), "the amount left")]


# "4,767 ... rent takes 2,940 of it, then whatever's left has to last 12 weeks": what is
# left of an amount, spread over a number of periods.
# ("i've used 18.6 GB", "i'm on page 118": what is done of it so far.)
_TAKEN_FROM = re.compile(
    r"\b(?:takes?|took|taken|spend|spent|pay|paid|costs?|uses?|used|on\s+page)\s+"
    r"(?P<taken>\d[\d,]*(?:\.\d+)?)(?!\s*%)",
    re.I,
)
# "what's left has to last 12 weeks"; "there are 13 days left", "it's due back in 9 days":
# the periods the rest is spread over.
_LEFT_OVER = re.compile(
    r"\bleft\b[^.?!\d]*?\b(?:last|over|across|for|cover)\s+(?P<count>\d+)\s+"
    r"(?P<period>day|week|month)s\b"
    r"|(?<![\w.])(?P<count2>\d+)\s+(?P<period2>day|week|month)s\s+(?:left|to\s+go|remaining)\b"
    r"|\bdue\s+(?:back\s+)?in\s+(?P<count3>\d+)\s+(?P<period3>day|week|month)s\b",
    re.I,
)


def read_left_then_spread(text: str) -> list[tuple[Node, str]] | None:
    """ "The loan is 4,767 and rent takes 2,940 of it, then what's left has to last 12
    weeks. How much a week?": what is left, then that over the periods; None unless those
    are the only three numbers and the question asks for one of those periods."""
    taken, spread = _TAKEN_FROM.search(text), _LEFT_OVER.search(text)
    if taken is None or spread is None or _PERCENT_AFTER.search(text):
        return None
    period = (spread["period"] or spread["period2"] or spread["period3"]).lower()
    # "how much a week", "how many GB a day can i use": an amount asked a period.
    asked = rf"\bhow\s+(?:much|many(?:\s+[a-z]+)?)\s+(?:is\s+that\s+)?(?:a|per|each)\s+{period}\b"
    if not re.search(asked, text, re.I):
        return None
    numbers = [n.replace(",", "") for n in _NUMBER.findall(text)]
    used = taken.group("taken").replace(",", "")
    count = spread["count"] or spread["count2"] or spread["count3"]
    others = [n for n in numbers if n not in (used, count)]
    if len(numbers) != 3 or len(others) != 1 or numbers.index(others[0]) != 0:
        return None
    held = others[0]
    if float(used) > float(held):
        return None
    left = Op("-", Num(float(held), held), Num(float(used), used))
    return [
        (left, "the amount left"),
        (Op("/", left, Num(float(count), count)), f"the amount a {period}"),
    ]


# "HO scale is 1:87", "a 1/24 scale model": a model's size over the real one's.
_SCALE_RATIO = re.compile(
    r"(?<![\w.:/])1\s*(?::|/)\s*(?P<n>\d+(?:\.\d+)?)(?![\w:/]|\.\d)(?=[^.?!]*\bscale\b)"
    r"|\bscale\b[^.?!\d]*?(?<![\w.:/])1\s*(?::|/)\s*(?P<m>\d+(?:\.\d+)?)(?![\w:/]|\.\d)",
    re.I,
)
_LENGTH_GIVEN = re.compile(
    r"(?<![\w.])(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>km|m|cm|mm|ft|feet|foot|inches|inch|in|"
    r"metres?|meters?|centimetres?|centimeters?|millimetres?|millimeters?)\b",
    re.I,
)
_LENGTH_SIZE = {
    "km": 1000.0,
    "m": 1.0,
    "cm": 0.01,
    "mm": 0.001,
    "ft": 0.3048,
    "feet": 0.3048,
    "foot": 0.3048,
    "inch": 0.0254,
    "inches": 0.0254,
    "in": 0.0254,
}
_REAL = re.compile(r"\b(?:real|actual|full[\s-]size|life[\s-]size|prototype|original)\b", re.I)
_MODEL = re.compile(r"\b(?:model|replica|miniature)\b", re.I)
_ASKED_IN_LENGTH = re.compile(
    r"\bin\s+(?P<unit>km|m|cm|mm|ft|feet|inches|metres?|meters?|"
    r"centimetres?|centimeters?|millimetres?|millimeters?)\s*[?.!]*\s*$",
    re.I,
)


def _length_size(unit: str) -> float:
    unit = unit.lower()
    for prefix, size in (("kilo", 1000.0), ("centi", 0.01), ("milli", 0.001)):
        if unit.startswith(prefix):
            return size
    if unit.startswith(("metre", "meter")):
        return 1.0
    return _LENGTH_SIZE[unit]


def read_scale_model(text: str) -> tuple[Node, str] | None:
    """ "HO scale is 1:87. The real loco is 19.5 m long, how long is the model in cm?": the
    real length over the scale (or the model's times it, when the real one is asked), in
    the unit asked; None unless the text gives one scale, one length said of the real
    thing or of the model, and asks the other's."""
    scales = list(_SCALE_RATIO.finditer(text))
    lengths = list(_LENGTH_GIVEN.finditer(text))
    if len(scales) != 1 or len(lengths) != 1 or len(_NUMBER.findall(text)) != 3:
        return None
    sentence = re.split(r"(?<=[.?!,])\s+", text[: lengths[0].start()])[-1]
    asked_part = text[lengths[0].end() :]
    real_given, model_given = bool(_REAL.search(sentence)), bool(_MODEL.search(sentence))
    asks_model, asks_real = bool(_MODEL.search(asked_part)), bool(_REAL.search(asked_part))
    if (
        real_given == model_given
        or (real_given and not asks_model)
        or (model_given and not asks_real)
    ):
        return None
    n = scales[0].group("n") or scales[0].group("m")
    amount = lengths[0].group("amount").replace(",", "")
    value: Node = Op("/" if real_given else "*", Num(float(amount), amount), Num(float(n), n))
    unit = _ASKED_IN_LENGTH.search(text)
    if unit is not None:
        factor = _length_size(lengths[0].group("unit")) / _length_size(unit.group("unit"))
        if abs(factor - 1) > 1e-12:
            value = Op("*", value, Num(factor, f"{factor:.12g}"))
    return value, "the model's length" if real_given else "the real length"


# "I'm at 12,300 xp and each match gives 850, where will I be after 24 matches": a start,
# an amount added for each of something, and how many of them.
_START_AT = re.compile(
    r"\b(?:i'm\s+at|i\s+am\s+at|i\s+have|i've\s+got|i\s+got|starting\s+at|start\s+at|"
    r"currently\s+(?:at|on)|i'm\s+on|balance\s+is)\s+(?P<start>\d[\d,]*(?:\.\d+)?)(?!\s*%)",
    re.I,
)
_EACH_GIVES = re.compile(
    r"\beach\s+(?P<thing>[a-z]+)\s+(?:gives|adds|earns|is\s+worth|pays|brings)\s+(?:me\s+)?"
    r"(?P<each>\d[\d,]*(?:\.\d+)?)(?!\s*%)",
    re.I,
)
_AFTER_COUNT = re.compile(
    r"\b(?:after|in|with)\s+(?:another\s+|(?:a\s+)?further\s+)?(?P<count>\d+)\s+(?:more\s+)?"
    r"(?P<things>[a-z]+)\b",
    re.I,
)
_ASKS_WHERE = re.compile(
    r"\b(?:where\s+will\s+i\s+be|what\s+will\s+i\s+(?:be\s+(?:at|on)|have)|how\s+much\s+will\s+i\s+"
    r"have|how\s+many\s+will\s+i\s+have|what'?s\s+my\s+total)\b",
    re.I,
)


def read_start_plus_each(text: str) -> tuple[Node, str] | None:
    """The start plus the amount for each thing times how many ("12,300 xp, each match
    gives 850, after 24 matches": 12,300 + 850 * 24), or None unless those are the only
    three numbers, the count is of the things each gives for, and the question asks where
    that ends."""
    start, each, after = _START_AT.search(text), _EACH_GIVES.search(text), _AFTER_COUNT.search(text)
    if start is None or each is None or after is None or not _ASKS_WHERE.search(text):
        return None
    if _thing_word(after.group("things")) != _thing_word(each.group("thing")):
        return None
    if len(_NUMBER.findall(text)) != 3 or _PERCENT_AFTER.search(text):
        return None
    first, gain = (m.replace(",", "") for m in (start.group("start"), each.group("each")))
    count = after.group("count")
    gained = Op("*", Num(float(gain), gain), Num(float(count), count))
    return Op("+", Num(float(first), first), gained), "the start plus each one's amount"


def _thing_word(word: str) -> str:
    word = word.lower()
    if word.endswith("es") and word[:-2].endswith(("ch", "sh", "s", "x")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


# --- days between two dates ---------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = rf"(?P<month>{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# "14 feb 2025", "14th of February 2025", "feb 14 2025", "February 14th, 2025": a day, a
# month named and a year, all three said.
_DATE = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH.replace('month', 'month2')}\s+"
    rf"{_DAY.replace('day', 'day2')}),?\s+(?P<year>\d{{4}})\b",
    re.I,
)
# "how many days ...", "days between 10 jan 2028 and 10 apr 2028?": the days asked.
_ASKS_DAYS = re.compile(
    r"\b(?:how\s+many|number\s+of)\s+days\b"
    r"|(?:^|[.:?!]\s*)(?:the\s+)?days\s+(?:between|from)\b",
    re.I | re.M,
)
# "christmas day 2025", "new year's eve 2026": a day of the calendar named, as its date.
_NAMED_DAYS = {
    "christmas eve": "24 december", "christmas day": "25 december", "christmas": "25 december",
    "boxing day": "26 december", "new year's eve": "31 december", "new years eve": "31 december",
    "new year's day": "1 january", "new years day": "1 january", "halloween": "31 october",
    "valentine's day": "14 february", "valentines day": "14 february",
}  # fmt: skip
_NAMED_DAY = re.compile(
    rf"\b(?P<name>{'|'.join(sorted(_NAMED_DAYS, key=len, reverse=True))})(?=,?\s+\d{{4}}\b)",
    re.I,
)


_THE_TWO_DATES = re.compile(r"\b(?:the|these|those)\s+(?:2|two)\s+dates\b", re.I)


def read_days_between(text: str) -> tuple[Node, str] | None:
    """ "How many days between 14 feb 2025 and 3 april 2025", "born on 20 nov 2024, how many
    days old on 1 march 2025": the days from one date to the other, or None unless the text
    gives exactly two whole dates (day, month and year), no other number, and asks for days.
    """
    if not _ASKS_DAYS.search(text):
        return None
    text = _NAMED_DAY.sub(lambda m: _NAMED_DAYS[m.group("name").lower()], text)
    # "between the two dates" (or "the 2 dates", as a number in words is written) counts
    # the dates given, it is no number of the sum.
    text = _THE_TWO_DATES.sub("them", text)
    found = list(_DATE.finditer(text))
    if len(found) != 2 or re.search(r"\d", _DATE.sub(" ", text)):
        return None
    dates = []
    for match in found:
        month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        try:
            dates.append(datetime.date(int(match.group("year")), month, day))
        except ValueError:
            return None  # "30 feb 2025" is no date
    first, last = sorted(dates)
    label = f"days from {first:%d %b %Y} to {last:%d %b %Y}"
    return _days_counted(first, last), label


def _days_counted(first: datetime.date, last: datetime.date) -> Node:
    """The days from ``first`` to ``last`` as one counts them on a calendar: the rest of the
    first month, each whole month between, and the days into the last (28 - 14 + 31 + 3)."""
    if (first.year, first.month) == (last.year, last.month):
        return Op("-", Num(float(last.day), str(last.day)), Num(float(first.day), str(first.day)))
    month_days = calendar.monthrange(first.year, first.month)[1]
    terms: list[Node] = [
        Op("-", Num(float(month_days), str(month_days)), Num(float(first.day), str(first.day)))
    ]
    year, month = first.year, first.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if (year, month) == (last.year, last.month):
            break
        days = calendar.monthrange(year, month)[1]
        terms.append(Num(float(days), str(days)))
    terms.append(Num(float(last.day), str(last.day)))
    if len(terms) > 14:
        days = (last - first).days  # years apart: the months would not be read
        return Num(float(days), str(days))
    total = terms[0]
    for term in terms[1:]:
        total = Op("+", total, term)
    return total


# --- a share or a flat amount, whichever is more ------------------------------------------

_AMOUNT_SAID = r"[$\u00a3\u20ac]?(?P<flat>\d[\d,]*(?:\.\d+)?)(?!\s*%)"
_SHARE_OF = (
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b)\s+of\s+(?:the\s+|my\s+|your\s+)?(?P<noun>[a-z]+)"
)
_WHICHEVER = (
    r"\s*,?\s*\(?\s*whichever(?:'s|\s+is)?\s+(?:the\s+)?"
    r"(?P<which>higher|greater|more|bigger|larger|lower|less|smaller)\b"
)
# "2.5% of the balance or £25, whichever's higher", "£25 or 2.5% of the balance, whichever
# is greater": the larger (or smaller) of a share of an amount named and a flat amount.
_SHARE_OR_FLAT = (
    re.compile(rf"{_SHARE_OF}\s*,?\s+or\s+{_AMOUNT_SAID}{_WHICHEVER}", re.I),
    re.compile(rf"{_AMOUNT_SAID}\s*,?\s+or\s+{_SHARE_OF}{_WHICHEVER}", re.I),
)


# "i measured g as 9.62", "my estimate was 48", "i got 330": the value measured.
_MEASURED = re.compile(
    r"\b(?:(?:i|we|she|he|they)\s+(?:measured|got|recorded|estimated|guessed|calculated|"
    r"worked\s+out)|(?:my|our|the)\s+(?:measurement|measured\s+value|estimate|guess|"
    r"reading|result)\s+(?:is|was|came\s+out\s+(?:at|as))|(?:measured|estimated)\s+"
    r"(?:value\s+)?(?:is|was|of))\s+(?:(?:[a-z]+\s+)?(?:as|at|to\s+be)\s+|it\s+(?:as|at)\s+)?"
    rf"(?P<measured>{_MONEY})(?!\s*%)",
    re.I,
)
# "the real value is 9.81", "actual figure was 50", "accepted value of 343": the true value.
_TRUE_VALUE = re.compile(
    r"\b(?:real|true|actual|accepted|correct|known|exact)\s+(?:value|figure|answer|number|"
    r"amount)\s+(?:is|was|of|=|:)\s*(?:actually\s+)?"
    rf"(?P<true>{_MONEY})(?!\s*%)",
    re.I,
)
_ASKS_PERCENT_ERROR = re.compile(r"\b(?:percent(?:age)?|%)\s+error\b|%\s*error\b", re.I)


def read_percentage_error(text: str) -> tuple[Node, str] | None:
    """ "i measured g as 9.62 and the real value is 9.81. percentage error?": how far the
    value measured is from the true value, over the true value, in percent; None unless
    those are the only two numbers, each is said as what it is, and the true value is not
    zero."""
    measured, true = _MEASURED.search(text), _TRUE_VALUE.search(text)
    if measured is None or true is None or not _ASKS_PERCENT_ERROR.search(text):
        return None
    if len(_NUMBER.findall(text)) != 2 or measured.start("measured") == true.start("true"):
        return None
    got = _plain(measured["measured"].lstrip("$\u00a3\u20ac"))
    exact = _plain(true["true"].lstrip("$\u00a3\u20ac"))
    if exact.value == 0:
        return None
    error = Op("*", Op("/", Call("abs", (Op("-", got, exact),)), exact), Num(100, "100"))
    return error, "the percentage error of the value measured"


# "at least one six in 4 rolls of a normal die", "at least 1 head in 3 flips of a fair
# coin": one face of a fair die or coin, at least once in a number of goes.
_FACES = {
    "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4,
    "five": 5, "5": 5, "six": 6, "6": 6, "sixes": 6, "ones": 1, "twos": 2, "threes": 3,
    "fours": 4, "fives": 5,
}  # fmt: skip
_AT_LEAST_ONE = re.compile(
    r"\bat\s+least\s+(?:one|1|a|an)\s+(?P<face>one|two|three|four|five|six|sixes|[1-6]|"
    r"heads?|tails?)\s+(?:in|from|with|out\s+of)\s+(?P<goes>\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+(?P<how>rolls?|throws?|goes|tries|flips?|tosses?)\s+of\s+"
    r"(?:a|an|one|the)\s+(?:(?:normal|fair|standard|regular|ordinary|six-sided|6-sided)\s+)?"
    r"(?P<thing>die|dice|coin)\b",
    re.I,
)
_GOES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10}  # fmt: skip
_ASKS_CHANCE = re.compile(r"\b(?:chance|probability|likelihood)\b", re.I)


def read_at_least_one(text: str) -> tuple[Node, str] | None:
    """ "chance of getting at least one six in 4 rolls of a normal die, as a %": one less
    the chance of missing every time, 1 - (5/6)^4, in percent when a percent is asked;
    None unless the die or coin is a fair one said so or plainly ("a die", "a normal die"),
    the face fits what is thrown, and no other number is said."""
    found = _AT_LEAST_ONE.search(text)
    if found is None or not _ASKS_CHANCE.search(text):
        return None
    face, goes, thing = found["face"].lower(), found["goes"].lower(), found["thing"].lower()
    coin = thing == "coin"
    if coin != face.startswith(("head", "tail")):
        return None  # a six of a coin, a head of a die
    rest = text[: found.start()] + " " + text[found.end() :]
    if _NUMBER.search(rest.replace("%", " ")) or (not coin and face not in _FACES):
        return None
    count = int(goes) if goes.isdigit() else _GOES[goes]
    if not 0 < count <= 1000:
        return None
    sides = Num(2, "2") if coin else Num(6, "6")
    miss = Op("/", Op("-", sides, Num(1, "1")), sides)
    chance: Node = Op("-", Num(1, "1"), Op("**", miss, Num(count, str(count))))
    if re.search(r"%|\bpercent(?:age)?\b|\bper\s+cent\b", text, re.I):
        return Op("*", chance, Num(100, "100")), "the chance of at least one, in percent"
    return chance, "the chance of at least one"


# "94 guests, top table seats 8 and the round tables seat 10": people to seat, a table of
# its own, then the size of each of the other tables.
_SEATING = re.compile(
    r"(?<![\w.])(?P<guests>\d+)\s+(?:guests|people|adults)\b[^\d]*?\b(?:the\s+)?"
    r"(?:top|head|top\s+table|bride'?s)\s*(?:table)?\s+(?:seats|takes|holds|sits)\s+(?P<top>\d+)"
    r"(?:\s+people)?\b[^\d]*?\b(?:the\s+)?(?P<kind>round|other|rest\s+of\s+the|remaining|"
    r"long|trestle)\s+tables\s+(?:each\s+)?(?:seat|take|hold|sit)\s+(?P<each>\d+)"
    r"(?:\s+(?:each|people|apiece))?\b",
    re.I,
)
# "how many round tables": the other tables; "how many tables" bare may count the top table
# too, which is not read.
_ASKS_TABLES = re.compile(r"\bhow\s+many\s+(?:round|other|more|long|trestle)\s+tables\b", re.I)


def read_tables_needed(text: str) -> tuple[Node, str] | None:
    """ "94 guests, top table seats 8 and the round tables seat 10. how many round tables":
    the guests not at the top table over the size of the others, rounded up unless "just
    divide" says so; None unless those are the only three numbers, a count of tables is
    asked, and the top table seats no more than there are guests."""
    found = _SEATING.search(text)
    if found is None or not _ASKS_TABLES.search(text[found.end() :]):
        return None
    if len(_NUMBER.findall(text)) != 3 or _PERCENT_AFTER.search(text):
        return None
    guests, top, each = (_plain(found[k]) for k in ("guests", "top", "each"))
    if each.value == 0 or top.value > guests.value:
        return None
    tables = Op("/", Op("-", guests, top), each)
    if NOT_ROUNDED.search(text):
        return tables, "the other tables needed (divided, not rounded)"
    return Call("ceil", (tables,)), "the other tables needed (rounded up)"


def read_share_or_flat(text: str) -> tuple[Node, str] | None:
    """ "minimum payment is 2.5% of the balance or £25, whichever's higher. balance is 1,840":
    the larger (or smaller) of the share of the amount named and the flat amount; None
    unless the amount is said with its name ("balance is 1,840") and those are the only
    three numbers."""
    found = [m for pattern in _SHARE_OR_FLAT for m in pattern.finditer(text)]
    if len(found) != 1 or len(_NUMBER.findall(text)) != 3:
        return None
    match = found[0]
    noun = re.escape(match["noun"])
    named = list(
        re.finditer(
            rf"\b{noun}\s+(?:is|was|of|=|:)\s+[$\u00a3\u20ac]?(?P<amount>\d[\d,]*(?:\.\d+)?)"
            r"(?!\s*%)",
            text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :],
            re.I,
        )
    )
    if len(named) != 1:
        return None
    share = Op("*", _plain(named[0]["amount"]), Op("/", _plain(match["rate"]), Num(100, "100")))
    more = match["which"].lower() in ("higher", "greater", "more", "bigger", "larger")
    picked = Call("max" if more else "min", (share, _plain(match["flat"])))
    return picked, f"the share or the flat amount, whichever is {match['which'].lower()}"


# --- a price that leaves a margin ---------------------------------------------------------

# "a 40% margin on the selling price", "40% gross margin": the profit as a share of the
# price, not of the cost (which "on cost" says, a markup).
_MARGIN_WANTED = re.compile(
    rf"(?<![\w.])(?P<rate>{_NUM})\s*%\s+(?:gross\s+|profit\s+)?margin\b"
    r"(?!\s+(?:on|of)\s+(?:the\s+)?cost)",
    re.I,
)
_COST_SAID = re.compile(
    rf"\bcosts?\s+(?:me\s+|us\s+)?(?:about\s+)?[$\u00a3\u20ac]?(?P<cost>{_MONEY})", re.I
)
_ASKS_PRICE = re.compile(
    r"\b(?:charge|sell\s+(?:it|them|each|one|these|those)?\s*(?:for|at)|selling\s+price|"
    r"what\s+price|price\s+(?:it|them)\s+at)\b",
    re.I,
)


def read_price_for_margin(text: str) -> tuple[Node, str] | None:
    """ "each mug costs me 6.30 to make and i want a 40% margin on the selling price. what
    should i charge": the price whose margin is that share of it, 6.30 / (1 - 40 / 100);
    None unless the cost and the margin are the only numbers and a price is asked."""
    margin, cost = _MARGIN_WANTED.search(text), _COST_SAID.search(text)
    if margin is None or cost is None or not _ASKS_PRICE.search(text[margin.end() :]):
        return None
    if len(_NUMBER.findall(text)) != 2 or not 0 < float(margin["rate"]) < 100:
        return None
    share = Op("/", _plain(margin["rate"]), Num(100, "100"))
    price = Op("/", _plain(cost["cost"].lstrip("$\u00a3\u20ac")), Op("-", Num(1, "1"), share))
    return price, "the price that leaves the margin"


# --- a time worked less its break ----------------------------------------------------------

_SHIFT_HOURS = re.compile(
    r"(?<![\w.])(?P<hours>\d+(?:\.\d+)?)\s+hours\b(?!\s+(?:a|an|per)\b)", re.I
)
_BREAK = re.compile(
    r"\b(?:with|minus|less|and)\s+(?:an?\s+)?(?P<value>\d+(?:\.\d+)?)[\s-]*"
    r"(?P<unit>hours?|hrs?|minutes?|mins?)\s+(?:unpaid\s+)?(?:lunch\s+|meal\s+)?break\b",
    re.I,
)
_ASKS_WORKED = re.compile(
    r"\bhow\s+many\s+(?:paid\s+|working\s+)?hours\b|\bpaid\s+hours\b|\bhours\s+(?:worked|paid)\b",
    re.I,
)


def read_time_less_break(text: str) -> tuple[Node, str] | None:
    """ "night shift is 12.5 hours with a 1 hour unpaid break, how many paid hours": the time
    less its break, in hours; None unless those are the only two numbers and hours worked
    or paid are asked."""
    shift, pause = _SHIFT_HOURS.search(text), _BREAK.search(text)
    if shift is None or pause is None or not _ASKS_WORKED.search(text):
        return None
    # "3 long days 07:30 to 20:00 each with a 1 hr unpaid break": that many shifts, each
    # with its break ("each" said: a break for the shifts together is not taken off each).
    shifts = _SHIFTS_EACH.match(text)
    if len(_NUMBER.findall(text)) != 2 + (shifts is not None) or _PERCENT_AFTER.search(text):
        return None
    hours, value = shift.group("hours"), pause.group("value")
    taken: Node = Num(float(value), value)
    if pause.group("unit").lower().startswith("m"):
        taken = Op("/", taken, Num(60, "60"))
    worked = Op("-", Num(float(hours), hours), taken)
    if shifts is not None:
        count = shifts.group("count")
        return Op("*", Num(float(count), count), worked), "the shifts' hours less their breaks"
    return worked, "the hours less the break"


# "3 long days ... each", "4 nights of ... each": a count of shifts said first, each alike.
_SHIFTS_EACH = re.compile(
    r"\W*(?:i\s+(?:did|do|worked|work)\s+)?(?P<count>\d+)\s+(?:long\s+|night\s+|day\s+|late\s+|"
    r"early\s+)?(?:shifts|days|nights)\b(?=(?:[^.?!]|\.(?=\d))*\beach\b)",
    re.I,
)


# --- periods until a target --------------------------------------------------------------

_AMOUNT = r"\d[\d,]*(?:\.\d+)?"
_NEED_SAID = re.compile(
    rf"\b(?:i\s+)?need\s+(?:about\s+)?[$\u00a3\u20ac]?(?P<need>{_AMOUNT})(?![\d%])"
    # "holiday ... costs 2,940": the price of the thing saved for is what is needed (not a
    # price a period, which is paid again).
    rf"|\bcosts\s+(?:about\s+)?[$\u00a3\u20ac]?(?P<costs>{_AMOUNT})(?![\d%])"
    r"(?!\s*(?:a|an|per|each|every)\s+(?:day|week|month|year)\b)",
    re.I,
)
_HAVE_SAID = re.compile(
    rf"\b(?:i've\s+got|ive\s+got|i\s+have|i've|ive|i\s+got|got|have|"
    # "we've saved 800 so far": what is held, said as saved.
    r"(?:i've|ive|i\s+have|we've|weve|we\s+have)\s+(?:already\s+)?saved)\s+(?:about\s+)?"
    rf"[$\u00a3\u20ac]?(?P<have>{_AMOUNT})(?![\d%])",
    re.I,
)
# "target is 120" (bpm), "goal of 1,000": what is needed, said as a target.
_TARGET_SAID = re.compile(
    rf"\b(?:target|goal|aim)\s+(?:is|of|was)\s+[$\u00a3\u20ac]?(?P<need>{_AMOUNT})(?![\d%])", re.I
)
# "playing the piece at 84 bpm", "currently on 62": where it is now, with a target said.
_NOW_SAID = re.compile(
    rf"\b(?:at|currently(?:\s+(?:at|on))?|now\s+(?:at|on))\s+[$\u00a3\u20ac]?(?P<have>{_AMOUNT})"
    r"(?![\d%])",
    re.I,
)
_GAIN_RATE = re.compile(
    rf"\b(?:make|makes|earn|earns|farm|farms|get|gets|save|saves|saving|gain|gains|add|adds|"
    rf"adding|go(?:ing)?\s+up(?:\s+by)?|increas(?:e|ing)\s+(?:it\s+)?by)\s+"
    rf"(?:about\s+|around\s+)?[$\u00a3\u20ac]?(?P<rate>{_AMOUNT})\s+(?:[a-z]+\s+)?"
    r"(?:an?|per|each|every)\s+(?P<period>minute|hour|day|week|month|year|session)\b",
    re.I,
)


def read_periods_to_target(text: str) -> tuple[Node, str] | None:
    """ "need 45,000 gold, I've got 12,750 and farm 1,500 an hour, how many hours left": what
    is still needed over the amount gained each period; None unless those are the only three
    numbers, less is held than needed, and the question asks for that many periods."""
    need, have, rate = _NEED_SAID.search(text), _HAVE_SAID.search(text), _GAIN_RATE.search(text)
    if need is None and have is None:
        # "at 84 bpm, target is 120. if i add 4 bpm a week how many weeks": a target, and
        # where it stands now.
        need, have = _TARGET_SAID.search(text), _NOW_SAID.search(text)
    if need is None or have is None or rate is None or len(_NUMBER.findall(text)) != 3:
        return None
    if _PERCENT_AFTER.search(text):
        return None
    period = rate.group("period").lower()
    if not re.search(rf"\bhow\s+(?:many|much)\s+(?:more\s+)?{period}s?\b", text, re.I):
        return None
    amounts = [
        (m.group(k) or m.group("costs")).replace(",", "")
        for m, k in ((need, "need"), (have, "have"), (rate, "rate"))
    ]
    if float(amounts[1]) >= float(amounts[0]) or float(amounts[2]) <= 0:
        return None
    needed, held, each = (Num(float(a), a) for a in amounts)
    return Op("/", Op("-", needed, held), each), f"{period}s until the amount needed"


# "1,240 packs of paracetamol in stock", "we have 300 litres left": what is held now.
_STOCK_HELD = re.compile(
    rf"(?<![\w.,])(?P<held>{_AMOUNT})\s+(?:[a-z]+\s+){{0,3}}?(?:in\s+stock|on\s+hand|left)\b",
    re.I,
)
# "selling 85 a day", "we use 12 a week", "going through 3 boxes a month": what goes out.
_USED_RATE = re.compile(
    r"\b(?:sell|sells|selling|use|uses|using|go(?:es|ing)?\s+through|burn|burns|burning|"
    rf"eat|eats|eating)\s+(?:about\s+|around\s+)?(?P<rate>{_AMOUNT})\s+(?:[a-z]+\s+)?"
    r"(?:an?|per|each|every)\s+(?P<period>hour|day|week|month|year)\b",
    re.I,
)


def read_stock_lasting(text: str) -> tuple[Node, str] | None:
    """ "1,240 packs in stock, selling 85 a day. days of stock left": how many periods what
    is held lasts at the amount that goes out each period, 1,240 / 85; None unless those
    are the only two numbers and the question asks for that many periods (or how long it
    lasts)."""
    held, rate = _STOCK_HELD.search(text), _USED_RATE.search(text)
    if held is None or rate is None or len(_NUMBER.findall(text)) != 2:
        return None
    if _PERCENT_AFTER.search(text) or held.start("held") == rate.start("rate"):
        return None
    period = rate.group("period").lower()
    asked = re.search(
        rf"\bhow\s+many\s+{period}s?\b|\b{period}s\s+(?:of\s+(?:stock|supply)\s+)?"
        r"(?:left|remaining)\b|\bhow\s+long\s+(?:will|would|does)\s+(?:it|that|this|they|"
        r"the\s+stock)\s+last\b",
        text,
        re.I,
    )
    amounts = [held.group("held").replace(",", ""), rate.group("rate").replace(",", "")]
    if asked is None or float(amounts[1]) <= 0:
        return None
    return Op("/", Num(float(amounts[0]), amounts[0]), Num(float(amounts[1]), amounts[1])), (
        f"{period}s the stock lasts"
    )


# "18,400 downloads", "50,000 impressions": the count an ad's price per thousand is paid on.
_CPM_COUNT = re.compile(
    rf"(?<![\w.,])(?P<count>{_AMOUNT})\s+(?:ad\s+)?(?:downloads|impressions|views|plays|"
    r"listens|streams)\b",
    re.I,
)
# "$22 cpm", "at 18 CPM", "cpm is $22", "a cpm of 18": the price per thousand of them.
_CPM_RATE = re.compile(
    rf"(?<![\w.,])[$\u00a3\u20ac]?(?P<rate>{_AMOUNT})\s*cpm\b|"
    rf"\bcpm\s+(?:is\s+|of\s+|at\s+|was\s+)?[$\u00a3\u20ac]?(?P<rate2>{_AMOUNT})(?![\d%])",
    re.I,
)
# "(per 1000)", "per thousand": the reminder of what a cpm is, no number to compute on.
_CPM_REMINDER = re.compile(r"\(?\bper\s+(?:1,?000|thousand)\b\s*\)?", re.I)
_ASKS_BROUGHT_IN = re.compile(
    r"\b(?:revenue|earn|earns|earnings|make|makes|income|pays?|worth|how\s+much|whats|"
    r"what(?:'s|\s+is|\s+do|\s+does|\s+would))\b",
    re.I,
)


def read_cpm_revenue(text: str) -> tuple[Node, str] | None:
    """ "ep got 18,400 downloads, ad cpm is $22 (per 1000). ad revenue": a count paid for at
    a price per thousand of it (cpm), 18,400 / 1000 x 22; None unless those are the only two
    numbers (a reminder "(per 1000)" aside) and the request asks what it brings in."""
    plain = _CPM_REMINDER.sub(" ", text)
    counts, rates = list(_CPM_COUNT.finditer(plain)), list(_CPM_RATE.finditer(plain))
    if len(counts) != 1 or len(rates) != 1 or len(_NUMBER.findall(plain)) != 2:
        return None
    if _PERCENT_AFTER.search(plain) or not _ASKS_BROUGHT_IN.search(plain):
        return None
    count = counts[0].group("count").replace(",", "")
    rate = (rates[0].group("rate") or rates[0].group("rate2")).replace(",", "")
    thousands = Op("/", Num(float(count), count), Num(1000, "1000"))
    return Op("*", thousands, Num(float(rate), rate)), "the revenue at the cpm"


# "how many impressions for $500", "how many views do i need to make $200": the count a sum
# of money buys (or brings in) at a price per thousand of them.
_ASKS_CPM_COUNT = re.compile(
    r"\bhow\s+many\s+(?:more\s+)?(?:ad\s+)?(?P<things>downloads|impressions|views|plays|listens|"
    r"streams)\b",
    re.I,
)
# "$500", "500 dollars", "a budget of 500": the sum the count is asked of.
_CPM_SUM = re.compile(
    rf"(?<![\w.,])[$\u00a3\u20ac](?P<sum>{_AMOUNT})(?![\d%]|[.,]\d)|"
    rf"(?<![\w.,$\u00a3\u20ac])(?P<sum2>{_AMOUNT})\s*(?:dollars|pounds|euros|bucks|quid)\b|"
    rf"\bbudget\s+(?:is\s+|of\s+)?(?P<sum3>{_AMOUNT})(?![\d%])",
    re.I,
)


def read_cpm_count(text: str) -> tuple[Node, str] | None:
    """ "how many views do i need for $200 at $4 cpm": the count a sum buys (or brings in)
    at a price per thousand of it, 200 / 4 x 1000 (not the revenue of a count, the reverse);
    None unless the cpm and the sum are said once each, nothing else is asked of them (no
    percentage) and any other number is a count of the very things asked ("50,000
    impressions at $3 cpm, how many impressions for $500": the campaign the price is of)."""
    plain = _CPM_REMINDER.sub(" ", text)
    asked = _ASKS_CPM_COUNT.search(plain)
    rates = list(_CPM_RATE.finditer(plain))
    sums = [
        m
        for m in _CPM_SUM.finditer(plain)
        if not any(m.start() < r.end() and r.start() < m.end() for r in rates)
    ]
    if asked is None or len(rates) != 1 or len(sums) != 1 or _PERCENT_AFTER.search(plain):
        return None
    if re.search(r"\bhow\s+many\s+more\b", plain, re.I):
        return None  # more than what: the count had is not said to be paid for
    things = asked.group("things").lower()
    counts = list(_CPM_COUNT.finditer(plain))
    if any(not c.group(0).lower().rstrip("s").endswith(things.rstrip("s")) for c in counts):
        return None  # a count of other things: what it is for is not said
    if len(_NUMBER.findall(plain)) != 2 + len(counts) or len(counts) > 1:
        return None
    rate = (rates[0].group("rate") or rates[0].group("rate2")).replace(",", "")
    amount = next(g for g in sums[0].group("sum", "sum2", "sum3") if g).replace(",", "")
    if float(rate) <= 0:
        return None
    per_one = Op("/", Num(float(amount), amount), Num(float(rate), rate))
    return Op("*", per_one, Num(1000, "1000")), f"the {things} the sum pays for at the cpm"


# "in 3 years", "within 18 months", "by 2 years' time": how long there is to save it.
_TARGET_IN = re.compile(
    rf"\b(?:in|within|over|by)\s+(?:the\s+next\s+)?(?P<count>{_AMOUNT})\s+"
    r"(?P<period>week|month|year)s?\b",
    re.I,
)
_ASKS_SAVING_A_PERIOD = re.compile(
    r"\bhow\s+much\b[^.?!]*?\b(?:put\s+(?:away|aside|by)|set\s+aside|save|saving|pay\s+in)\b"
    r"[^.?!]*?\b(?:a|an|per|each|every)\s+(?P<period>week|month|year)\b"
    # "how much a month do we need to save": the period said first.
    r"|\bhow\s+much\s+(?:a|an|per|each|every)\s+(?P<first>week|month|year)\b[^.?!]*?"
    r"\b(?:put\s+(?:away|aside|by)|set\s+aside|save|saving|pay\s+in)\b",
    re.I,
)
# How many of the shorter period a longer one holds, where that is a whole number.
_PERIODS_IN = {("year", "month"): 12, ("year", "week"): 52}


def read_saving_to_target(text: str) -> tuple[Node, str] | None:
    """ "need 12,000 for a deposit in 3 years, i've got 2,400 saved already. how much do i
    need to put away per month": what is still needed over the periods left, 9,600 / 36;
    None unless those are the only three numbers, less is held than needed, and the time
    left holds a whole number of the period asked."""
    need, have = _NEED_SAID.search(text), _HAVE_SAID.search(text)
    within, asked = _TARGET_IN.search(text), _ASKS_SAVING_A_PERIOD.search(text)
    if need is None or have is None or within is None or asked is None:
        return None
    if len(_NUMBER.findall(text)) != 3 or _PERCENT_AFTER.search(text):
        return None
    said = ((need, "need"), (have, "have"), (within, "count"))
    raw = [(m.group(k) or m.group("costs")).replace(",", "") for m, k in said]
    if len(set(raw)) != 3 or float(raw[1]) >= float(raw[0]) or float(raw[2]) <= 0:
        return None
    needed, held, count = (Num(float(a), a) for a in raw)
    given = within.group("period").lower()
    wanted = (asked.group("period") or asked.group("first")).lower()
    periods: Node = count
    if given != wanted:
        if (given, wanted) not in _PERIODS_IN:
            return None  # "in 3 months ... a week": no whole number of weeks
        inside = _PERIODS_IN[(given, wanted)]
        periods = Op("*", count, Num(inside, str(inside)))
    return Op("/", Op("-", needed, held), periods), f"the amount to save each {wanted}"


# "then pay it over 12 months", "spread across 6 months": an amount paid out in equal parts.
_PAID_OVER = re.compile(
    r"\b(?:pay|pays|paid|paying|spread|spreads|split|splits|divide|divided)\s+"
    r"(?:(?:it|that|this|the\s+lot)\s+)?(?:out\s+)?(?:over|across)\s+(?P<count>\d+)\s+"
    r"(?:equal\s+)?(?P<period>week|month|year)s\b",
    re.I,
)


def read_changed_then_spread(context: str, task: str) -> tuple[Node, str] | None:
    """ "bonus is 1,250, they add an 8% uplift and then pay it over 12 months. how much a
    month": the amount with the percentage added (or taken off), over the periods it is
    paid over; None unless those are the only three numbers, the percentage goes one way,
    and the question asks an amount of that period."""
    spread = _PAID_OVER.search(context)
    if spread is None or _NUMBER.search(task) or len(_NUMBER.findall(context)) != 3:
        return None
    period = spread.group("period").lower()
    asked = rf"\bhow\s+much\b[^.?!]*?\b(?:a|per|each|every)\s+{period}\b|\b{_ADVERB_OF[period]}\b"
    if not re.search(asked, task, re.I):
        return None
    pieces = [p for p in re.split(r",|;|\bthen\b|[.?!](?=\s|$)", context) if p.strip()]
    changed = [p for p in pieces if _PERCENT_AFTER.search(p)]
    rates = [m for m in _NUMBER.finditer(context) if _PERCENT_AFTER.match(context, m.end())]
    amounts = [
        m
        for m in _NUMBER.finditer(context)
        if not _PERCENT_AFTER.match(context, m.end()) and m.start() != spread.start("count")
    ]
    if len(changed) != 1 or len(rates) != 1 or len(amounts) != 1:
        return None
    if not amounts[0].start() < rates[0].start() < spread.start():
        return None  # the amount, its change and its spreading, said in that order only
    down = bool(_CHANGE_DOWN.search(changed[0]))
    up = bool(_CHANGE_UP.search(changed[0]) or re.search(r"\buplift\b", changed[0], re.I))
    if down == up:
        return None  # which way the percentage goes is not said (or both are)
    rate, count = rates[0].group(0), spread.group("count")
    amount = amounts[0].group(0).replace(",", "")
    factor = Op("-" if down else "+", Num(1, "1"), Op("/", Num(float(rate), rate), Num(100, "100")))
    whole = Op("*", Num(float(amount), amount), factor)
    return Op("/", whole, Num(float(count), count)), f"the amount a {period}"


_ADVERB_OF = {"week": "weekly", "month": "monthly", "year": "yearly"}
