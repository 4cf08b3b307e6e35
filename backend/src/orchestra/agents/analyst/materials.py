"""Materials for things counted: how many are needed and what they cost, asked together.

"12 fence posts, each one needs 1.5 bags of postcrete at 7.20 a bag. how many bags and how
much": the things counted (12 posts) times what each needs (1.5 bags), then that times the
price of one (7.20 a bag), each answered in the order asked. Read only when the request
counts one kind of thing, says what each needs in one container named again with its price
("a bag", "per bag"), asks how many of that container and what it costs, and has no other
number: a count of part containers is asked as it comes out, not rounded, since the request
asks how many are needed, not how many are bought.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_materials"]

_AMOUNT = r"\d+(?:\.\d+)?"
# "12 fence posts, each one needs 1.5 bags of postcrete", "8 posts, each needs 2 bags".
_EACH_NEEDS = re.compile(
    rf"(?<![\w.])(?P<count>\d+)\s+(?P<things>[a-z]+(?:\s+[a-z]+)?)\s*,?\s+(?:and\s+)?"
    rf"each\s+(?:one\s+)?(?:needs|takes|uses|requires)\s+(?P<amount>{_AMOUNT})\s+"
    r"(?P<container>[a-z]+?)s?\b(?:\s+of\s+[a-z]+)?",
    re.I,
)
_PRICE = r"[\u00a3$\u20ac]?\s*(?P<price>\d+(?:\.\d+)?)\s+(?:a|per|each|for\s+each|for\s+one)\s+"
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
_COST_ASKED = re.compile(
    r"\bhow\s+much\b(?!\s+[a-z]+\s+(?:do|does|is|are))|\b(?:cost|costs|price|total\s+cost)\b",
    re.I,
)


def read_materials(text: str) -> list[tuple[Node, str]] | None:
    """How many containers the things counted need, and their cost, in the order asked;
    None unless ``text`` says it as the module describes."""
    needs = list(_EACH_NEEDS.finditer(text))
    if len(needs) != 1:
        return None
    need = needs[0]
    container = need.group("container").lower()
    prices = list(re.finditer(_PRICE + rf"{re.escape(container)}\b", text, re.I))
    many = re.search(rf"\bhow\s+many\s+{re.escape(container)}s?\b", text, re.I)
    if len(prices) != 1 or many is None:
        return None
    cost = _COST_ASKED.search(text, many.end())
    if cost is None:
        return None
    spans = [need.span(), prices[0].span()]
    if any(not any(a <= m.start() < b for a, b in spans) for m in _NUMBER.finditer(text)):
        return None
    amount = need.group("amount")
    count = Op(
        "*", Num(float(need.group("count")), need.group("count")), Num(float(amount), amount)
    )
    price = prices[0].group("price")
    total = Op("*", count, Num(float(price), price))
    return [
        (count, f"{container}s needed: {need.group('things')} times what each needs"),
        (total, f"cost: the {container}s at the price of one"),
    ]
