"""Word problems the analyst answers: a price per item, an amount changed by a percentage.

"If 3 tickets cost $45, how much is one?" divides the total by the count (and multiplies it
for "how much are 5?"). "A TV is 500 and it's 20% off. What do I pay?" states its numbers
in one sentence and asks in another, so no operator joins them. The readings here are narrow
on purpose: for a percentage, exactly one amount and one percentage, words saying whether
the percentage is added (tax, tip, shipping, "goes up") or taken off (off, discount, spent,
"goes down"), and a question asking for what is paid or left in the end, or for the share
itself. Anything else is left to the general reader, which refuses an amount and a
percentage added together.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_percentage_problem", "read_unit_price", "states_count_and_price"]

_NUMBER = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\w)")
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.I)

# What is added to an amount, and what is taken off it.
_ADDED = re.compile(
    r"\b(?:tax|taxes|vat|tip|gratuity|shipping|delivery|postage|fee|fees|surcharge|markup|"
    r"service charge|adds?|added|plus|goes up|go up|went up|rises?|rose|increases?|"
    r"increased|raised?)\b",
    re.I,
)
_TAKEN_OFF = re.compile(
    r"\b(?:off|discount|discounted|reduced|reduction|cheaper|goes down|go down|went down|"
    r"drops?|dropped|falls?|fell|decreases?|decreased|markdown|cut|spend|spends|spent|"
    r"use|uses|used|lose|loses|lost)\b",
    re.I,
)
# "a 15% tip": the share named after its percentage.
_SHARE_NAMED = re.compile(
    r"(?:%|\bpercent|\bper\s+cent)\s+(?:tip|tax|vat|fee|discount|commission|surcharge|"
    r"markup|deposit|raise|increase)\b",
    re.I,
)
# "How much is left?" after something is taken off.
_ASKS_LEFT = re.compile(r"\b(?:left|remain|remains|remaining|leftover)\b", re.I)
# Tax on income is taken off it, tax on a price is added: with income, which is not known.
_INCOME = re.compile(r"\b(?:earn|earns|earned|salary|income|wage|wages|paycheck)\b", re.I)
# The question asks for the amount in the end ...
_ASKS_FINAL = re.compile(
    r"\b(?:pay|paying|total|altogether|in all|owe|cost|costs|new price|new rent|end up|"
    r"final|comes? to|come out|price now|will it be|does it cost)\b",
    re.I,
)
# ... or for the share itself ("how much is the tip?", "how much do I save?").
_ASKS_SHARE = re.compile(
    r"\b(?:save|saving|savings|how much (?:is|was|will be) the (?:tax|tip|vat|fee|discount|"
    r"shipping|surcharge|increase|markup)|how much (?:tax|tip|vat))\b",
    re.I,
)


def read_percentage_problem(context: str, task: str) -> tuple[Node, str] | None:
    """The expression for an amount changed by a percentage, and what it is, or None.

    Args:
        context: The sentences that state the numbers ("A TV is 500 and is 20% off.").
        task: The question asked about them ("What do I pay?").
    """
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
            elif stated:
                amounts.append(number)
            else:
                return None  # an amount in the question: not this problem
    if len(amounts) != 1 or len(percentages) != 1:
        return None
    if _INCOME.search(context):
        return None
    said = f"{context} {task}"
    added = bool(_ADDED.search(said))
    taken_off = bool(_TAKEN_OFF.search(said))
    if added == taken_off:
        return None  # neither said, or both: which way the percentage goes is not known
    share = Op("*", amounts[0], Op("/", percentages[0], Num(100, "100")))
    asks_left = bool(_ASKS_LEFT.search(task))
    if asks_left and not taken_off:
        return None
    asks_final = asks_left or bool(_ASKS_FINAL.search(task))
    # "What's a 15% tip?" asks for the share; "What do I pay with a 15% tip?" does not.
    asks_share = bool(_ASKS_SHARE.search(task)) or (
        not asks_final and bool(_SHARE_NAMED.search(task))
    )
    if asks_share == asks_final:
        return None
    if asks_share:
        return share, "the percentage of the amount"
    sign = "+" if added else "-"
    change = Op(sign, Num(1, "1"), Op("/", percentages[0], Num(100, "100")))
    return Op("*", amounts[0], change), "the amount " + ("with" if added else "less") + " it"


# "8 mugs cost 36", "3 tickets come to 45 dollars"
_COUNT_COSTS = re.compile(
    r"\b(?P<count>\d+)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:cost|costs|come to|comes to|sell for|"
    r"sold for|add up to|are|were)\s+(?:a total of\s+)?[$\u20ac\u00a3]?"
    r"(?P<total>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?!\s*%)"
)
# "how much are 5 (tickets)?", "what do 5 cost?": the price of another number of them
_ASKS_SEVERAL = re.compile(
    r"\bhow much (?:are|do|would|will|for|is it for)\s+(?P<n>\d+)\b"
    r"|\bwhat (?:do|would|will) (?P<m>\d+)\b"
)
# "how much is one (ticket)?", "what does one cost?", "the price of each"
_ASKS_ONE = re.compile(
    r"\bhow much (?:is|are|does|do|would|will|for)\s+(?:one|a single|each|1)\b"
    r"|\bwhat (?:does|do|would|will) (?:one|each|a single|1)\b"
    r"|\b(?:price|cost) (?:of|for|per) (?:one|each|a single|1)\b|\bhow much each\b",
    re.I,
)


def read_unit_price(text: str) -> tuple[Node, str] | None:
    """ "If 3 tickets cost $45, how much is one ticket?": the total over the count, or None
    unless those are the only numbers and the question asks for one item."""
    lowered = text.lower()
    stated = _COUNT_COSTS.search(lowered)
    several = _ASKS_SEVERAL.search(lowered)
    if stated is not None and several is not None:
        wanted = several.group("n") or several.group("m")
        numbers = [m.group(0) for m in _NUMBER.finditer(lowered)]
        if sorted(numbers) != sorted([stated.group("count"), stated.group("total"), wanted]):
            return None
        total = stated.group("total").replace(",", "")
        count = stated.group("count")
        one = Op("/", Num(float(total), total), Num(float(count), count))
        return Op("*", one, Num(float(wanted), wanted)), f"the price of {wanted}"
    if stated is None or not _ASKS_ONE.search(lowered):
        return None
    others = [m.group(0) for m in _NUMBER.finditer(lowered)]
    if sorted(others) != sorted([stated.group("count"), stated.group("total")]) and sorted(
        others
    ) != sorted([stated.group("count"), stated.group("total"), "1"]):
        return None
    total = stated.group("total").replace(",", "")
    count = stated.group("count")
    return Op("/", Num(float(total), total), Num(float(count), count)), "the price of one"


def states_count_and_price(text: str) -> bool:
    """Whether the text gives a number of items and what they cost ("3 tickets cost 45"):
    two numbers of different kinds, which no figure of a list may add or average."""
    return _COUNT_COSTS.search(text.lower()) is not None
