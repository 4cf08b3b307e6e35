"""A price list by kind, then how many of each kind: the takings, read as a careful person would.

"mini valet 25, full valet 65. did 14 minis and 5 fulls, takings?": the prices are named
first (a mini valet is 25, a full one 65), then the counts, each named again by a word of
its price's name ("14 minis", "5 fulls"), so the total is 14 * 25 + 5 * 65 = 675. The name
may come before its price ("mini valet 25") or after it ("£9 adult £5 child", "18/hr for
community groups and 28/hr private"); the side is the one that names every count's price.

Read only when the request asks a total ("total", "takings", "how much"), with no percent,
share or other figure asked; when every number before the counts is a price named by words
of its own; when every count names exactly one price and no two counts the same one; and
when only one side reads so. Anything else is left to the other readers, or to a refusal.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_priced_counts"]

# A number, with a currency before it: "25", "£9", "7.50". "2nd" and "1,250" are not.
_NUMBER = re.compile(r"(?<![\w.,])[\u00a3$\u20ac]?(?P<value>\d+(?:\.\d+)?)(?![\w.,]*\d|\w)")
# What a price is for, right after it: "18/hr", "95/day", "15 a night", "42 each".
_PER = re.compile(
    r"^\s*(?:/\s*[a-z]+|(?:a|an|per|each)\b(?:\s+(?:hour|hr|day|night|week|month|head))?)", re.I
)
# Where one named amount ends and the next begins: "and", ",", "+", a full stop.
_BREAK = re.compile(r"[,;:+?!]|\.(?!\d)|\band\b|\bplus\b", re.I)
# A total asked: "takings?", "total", "how much", "what do they owe".
_TOTAL = re.compile(r"\b(?:total|takings|how\s+much|owe|come\s+to|bill|revenue)\b", re.I)
# Any other figure asked, or a price changed: these are not a plain total.
_OTHER = re.compile(
    r"%|\bpercent|\boff\s+(?:the|a|an|each|per|all|every)\b|\boff\b\s*(?:[,.;]|$)|"
    r"\b(?:average|avg|mean|each|per|split|share|profit|then|discount|"
    r"vat|tax|tip|deposit|between|difference|more|less|minus|times|divided?|if|first|"
    r"extra|every)\b|\d\s*(?:x|\*)\s*\d",
    re.I,
)
# A plural ending: "minis", "classes", "batches" (not "class", "glass").
_PLURAL = re.compile(r"(?<=[a-z]{2})(?:(?:(?<=ss)|(?<=sh)|(?<=ch)|(?<=x))es|(?<!s)s)$")
# Words that name no kind of thing: a price's or count's name is what is left.
_FILLER_WORDS = (
    "a an the is are was were at for in on of to so far did do does sold booked had got "
    "made we i they our my us with from it its this that hire hired total takings how much "
    "what owe come bill revenue hr hrs hour hours day days night nights week weeks month "
    "months year years min mins minute minutes head heads"
)
_FILLER = frozenset(_FILLER_WORDS.split())
# The words of a question that asks the total: "so what's the total takings?".
_ASK_WORDS = frozenset(
    [
        "so",
        "what",
        "whats",
        "s",
        "is",
        "the",
        "total",
        "takings",
        "how",
        "much",
        "in",
        "all",
        "altogether",
        "then",
        "income",
        "sales",
        "revenue",
        "cost",
        "costs",
        "bill",
        "come",
        "to",
        "do",
        "i",
        "we",
        "they",
        "owe",
        "is",
        "it",
        "was",
        "were",
        "please",
    ]
)
_PERIODS = frozenset(
    ["day", "days", "week", "weeks", "month", "months", "year", "years", "night", "nights"]
)


def read_priced_counts(text: str) -> list[tuple[Node, str]] | None:
    """The total of counts at the prices named for them, as the module describes; None
    unless ``text`` says it so."""
    numbers = list(_NUMBER.finditer(text))
    if len(numbers) < 4 or _TOTAL.search(text) is None:
        return None
    readings = [
        reading
        for cut in range(2, len(numbers) - 1)
        for before in (True, False)
        if (reading := _read_at(text, numbers, cut, before)) is not None
    ]
    if len(readings) != 1:
        return None
    return [(readings[0], "total: each count at the price named for it")]


def _read_at(text: str, numbers: list[re.Match[str]], cut: int, before: bool) -> Node | None:
    """The total when the first ``cut`` numbers are prices named ``before`` them (or after),
    and the rest counts named after them; None unless each count names one price."""
    prices, counts = numbers[:cut], numbers[cut:]
    if _BREAK.search(text, prices[-1].end(), counts[0].start()) is None:
        return None  # "mini valet 25, 14 minis": the counts start a clause of their own
    if _OTHER.search(text[counts[0].start() :]) or _OTHER.search(text[: prices[-1].end()]):
        return None
    names = [_price_name(text, numbers, i, before) for i in range(cut)]
    if any(not name for name in names) or len(set(map(frozenset, names))) != len(names):
        return None
    last = counts[-1].end() + len(_clause(text[counts[-1].end() :]))
    if not _asks_total_only(text[last:]):
        return None
    total: Node | None = None
    used: set[int] = set()
    for k, count in enumerate(counts):
        end = counts[k + 1].start() if k + 1 < len(counts) else len(text)
        named = _words(_clause(text[count.end() : end]))
        which = [i for i, name in enumerate(names) if name & named]
        if len(which) != 1 or which[0] in used:
            return None
        used.add(which[0])
        price = prices[which[0]]
        term = Op("*", _num(count), _num(price))
        total = term if total is None else Op("+", total, term)
    return total


def _asks_total_only(question: str) -> bool:
    """Whether ``question`` (what follows the counts) asks the total and nothing else:
    "takings?", "total" ("total people" counts heads; "total income a year" of prices a
    month asks for months unsaid)."""
    words = re.findall(r"[a-z]+", question.lower())
    periods = _PERIODS & set(words)
    return bool(_TOTAL.search(question)) and not periods and set(words) <= _ASK_WORDS


def _price_name(text: str, numbers: list[re.Match[str]], i: int, before: bool) -> set[str]:
    """The words naming price ``i``: those between it and the number before it (up to the
    last break), or those after it (and its "/hr") up to the next break."""
    if before:
        start = numbers[i - 1].end() if i else 0
        said = _BREAK.split(text[start : numbers[i].start()])[-1]
    else:
        rest = text[numbers[i].end() : numbers[i + 1].start()]
        said = _clause(rest[len(per.group(0)) :] if (per := _PER.match(rest)) else rest)
    return _words(said)


def _clause(text: str) -> str:
    """``text`` up to its first break: "fulls on saturday, takings?" is "fulls on saturday"."""
    return _BREAK.split(text, maxsplit=1)[0]


def _words(text: str) -> set[str]:
    """The naming words of ``text``, each without a plural ending: "minis" is "mini"."""
    words = re.findall(r"[a-z]+", text.lower())
    return {_PLURAL.sub("", w) for w in words if w not in _FILLER}


def _num(match: re.Match[str]) -> Num:
    value = match.group("value")
    return Num(float(value), value)
