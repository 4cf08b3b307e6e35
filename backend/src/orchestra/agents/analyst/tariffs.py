"""A price list by kind, then how many of each kind: the total, read as a careful person would.

"mini valet 25, full valet 65. did 14 minis and 5 fulls, takings?" is 14 * 25 + 5 * 65 =
675: the prices are named first, then the counts, each named again by its price's name
("14 minis", "7 full sets" of "full set of shoes 95", "22 families" of "family 480"). Two
shapes are read:

- a statement and its question ("Context: adult membership 240 a year, junior 95, family
  480. we have 86 adults, 54 juniors and 22 families. Task: total income"), where every
  number is a price said after its kind ("adults 12 each", "240 a year") or before the one
  thing it is for ("179 for a weekend"), or a count said before its kind; each count is the
  one price whose name its words begin (or that begins them);
- the whole request, where the first numbers are prices named before them ("mini valet 25")
  or after them ("£9 adult £5 child", "95/day in summer and 60 off peak") and the rest are
  counts, each sharing a word with exactly one price; the cut and side that read so must be
  the only ones.

Read only when the question asks the total and nothing else ("takings?", "how much",
"total income"; not "total cars?", "total people", "average takings"), in the prices' own
period if it names one ("total a year" of prices a month is refused); with no percentage or
price changed in words ("under 3s go free"); and with every kind priced once and counted
once. Anything else is left to the other readers, or to a refusal.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.quantities import PRICE_CHANGED_IN_WORDS
from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["priced_and_counted", "read_priced_counts"]

# A number, with a currency before it: "25", "£9", "7.50", "1,250". "2nd" and "25,65" are not.
_NUMBER = re.compile(
    r"(?<![\w.,])[\u00a3$\u20ac]?(?P<value>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?![\w.,]*\d|\w)"
)
_PERCENT = re.compile(r"%|percent\b|per\s+cent\b", re.I)
_DIGIT = re.compile(r"\d")
# Where one named amount ends and the next begins: "and", ",", "+", a full stop.
# A dash between spaces ("64 child - total revenue") ends a clause too.
_BREAK = re.compile(r"[,;:+?!]|\.(?!\d)|\s[-\u2013\u2014](?=\s|$)|\band\b|\bplus\b", re.I)
# A total asked: "takings?", "total", "how much", "what do they owe".
_TOTAL = re.compile(r"\b(?:total|takings|how\s+much|owe|come\s+to|bill|revenue|income)\b", re.I)
# The words a question asking the total may say ("so what's our total income a month?"),
# and the periods it may name, each as the period it is.
_ASK_WORDS = frozenset(
    """so what whats s is that the our my total takings how much in all altogether then
    income sales revenue cost costs bill come to do i we they owe it was were please
    collected money fees subs get take make collect a per each for""".split()  # noqa: SIM905
)
_PERIOD_OF = {
    word: period
    for period, words in {
        "day": "day days daily",
        "night": "night nights nightly",
        "week": "week weeks weekly",
        "month": "month months monthly",
        "year": "year years yearly annual annually",
        "season": "season seasons",
        "term": "term terms",
    }.items()
    for word in words.split()
}
# A plural ending: "minis", "classes", "batches" (not "class", "glass").
_PLURAL = re.compile(r"(?<=[a-z]{2})(?:(?:(?<=ss)|(?<=sh)|(?<=ch)|(?<=x))es|(?<!s)s)$")


def read_priced_counts(context: str | None, text: str) -> tuple[Node, str] | None:
    """The total of counts at the prices named for them, as the module describes; None
    unless the request (``context`` its statement, when said apart, and ``text``) says so."""
    if PRICE_CHANGED_IN_WORDS.search(f"{context} {text}"):
        return None  # "under 3s go free", "half price on mondays"
    total = _by_clauses(context, text) if context is not None else None
    if total is None:
        total = _by_cut(_whole(context, text))
    return None if total is None else (total, "the total of each kind's count times its price")


def priced_and_counted(context: str | None, text: str) -> bool:
    """Whether the whole request names prices of kinds, then counts of those kinds, as
    `read_priced_counts` reads them, whatever it asks: "mini valet 25, full valet 65. did 14
    minis and 5 fulls, total cars?" is no list of four numbers to add up (109)."""
    return _by_cut(_whole(context, text), asked=False) is not None


def _whole(context: str | None, text: str) -> str:
    """The statement and its question parted again: "... 12 large. how much?"; a question
    the planner put first ("Context: Takings. Task: ...") is asked last."""
    if context is not None and re.search(r"\d", context):
        return f"{context.rstrip(' .')}. {text}"
    if context is not None:
        return f"{text.rstrip(' .')}. {context}"
    return text


def _asked_periods(question: str) -> set[str] | None:
    """The periods ``question`` asks the total in ("total income a month": month), or None
    unless it asks the total and nothing else ("total people" counts heads)."""
    words = re.findall(r"[a-z]+", question.lower())
    if not _TOTAL.search(question) or not set(words) <= _ASK_WORDS | set(_PERIOD_OF):
        return None
    return {_PERIOD_OF[w] for w in words if w in _PERIOD_OF}


def _singular(word: str) -> str:
    """ "adults" -> "adult", "families" -> "family", "children" and "kids" -> "child",
    "classes" -> "class"."""
    word = word.lower()
    if word in {"children", "kid", "kids"}:
        return "child"  # "adult 14, child 9 ... 18 adults and 6 kids": a kid is a child
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return _PLURAL.sub("", word)


def _num(match: re.Match[str]) -> Num:
    value = match.group("value").replace(",", "")
    return Num(float(value), value)


def _added(terms: list[Node]) -> Node:
    total = terms[0]
    for term in terms[1:]:
        total = Op("+", total, term)
    return total


# The statement and its question -------------------------------------------------------

# "86 adults", "22 families": a count, then the kind of thing counted (not "240 a year").
_KIND_COUNTED = re.compile(
    r"(?P<count>\d[\d,]*)\s+(?!(?:a|an|per|each|every|for|at|is|are|and|or|of|the|to|in|"
    r"x|on|off|apiece|quid|pounds|dollars|euros)\b)(?P<kind>[a-z]+)\b",
    re.I,
)
# What a clause of prices says beside its kind and price: "adult membership 240 a year",
# "child tickets are 6 each".
_PRICE_WORDS = frozenset(
    """membership memberships ticket tickets price prices fee fees sub subs rate rates entry
    is are costs cost pays pay at and the a""".split()  # noqa: SIM905
)
_PRICE_AFTER = re.compile(
    r"\s*(?:each|apiece|(?:a|an|per)\s+(?P<period>year|month|week|season|term|head|person|"
    r"ticket))?\s*(?:,|;|\.(?!\d)|\band\b|$)",
    re.I,
)
# "179 for a weekend or 249 for a week": a price, then the one thing it is for.
_PRICE_FOR_ONE = re.compile(
    r"\s+for\s+(?:a|an|one)\s+(?P<kind>[a-z]+)\s*(?:,|;|\.(?!\d)|\band\b|\bor\b|$)", re.I
)
# Words after a count that end the kind counted: "12 trims this week", "3 weekends and".
_NOT_OF_THE_KIND = frozenset(
    """and or this that these those each every per a an the at for in on of is are was were
    to with booked done sold so far""".split()  # noqa: SIM905
)


def _by_clauses(context: str, task: str) -> Node | None:
    """The total when every number of ``context`` is a price said after its kind or a count
    said before one, and ``task`` asks the total (in the prices' period, if it names one)."""
    asked = _asked_periods(task)
    if _NUMBER.search(task) or asked is None:
        return None
    if _PERCENT.search(context):
        return None
    counted = {m.start(): m for m in _KIND_COUNTED.finditer(context) if m.group("count") != "0"}
    prices: dict[tuple[str, ...], Num] = {}
    counts: dict[tuple[str, ...], Num] = {}
    periods: set[str] = set()
    start = 0
    for number in _NUMBER.finditer(context):
        count = counted.get(number.start("value"))
        if count is not None and count.end("count") == number.end():
            kind = _kind_counted(context, count.end("count"))
            if kind in counts:
                return None
            counts[kind] = _num(number)
            start = count.end()
            continue
        after = _PRICE_AFTER.match(context, number.end())
        words = re.findall(r"[a-z]+", context[start : number.start()].lower())
        named = [w for w in words if w not in _PRICE_WORDS]
        if (said_after := _PRICE_FOR_ONE.match(context, number.end())) is not None:
            # "hire is 179 for a weekend or 249 for a week": the kind said after its price.
            after, named = said_after, [said_after.group("kind").lower()]
        if after is None or not 0 < len(named) <= 4 or tuple(map(_singular, named)) in prices:
            return None  # no price of one kind, said in a clause of its own
        prices[tuple(map(_singular, named))] = _num(number)
        if (period := after.groupdict().get("period")) and period.lower() in _PERIOD_OF:
            periods.add(_PERIOD_OF[period.lower()])
        start = after.end()
    counts = _counts_of_prices(counts, prices)
    if len(prices) < 2 or set(prices) != set(counts) or (asked and asked != periods):
        return None  # a kind not counted, or "240 a year ... total a month"
    return _added([Op("*", counts[kind], price) for kind, price in prices.items()])


def _kind_counted(context: str, end: int) -> tuple[str, ...]:
    """The kind a count counts, in its words ("7 full sets and" -> full, set)."""
    said = re.match(r"(?:\s+[a-z]+){1,2}", context[end:], re.I)
    words: list[str] = []
    for word in said.group(0).split() if said else ():
        if word.lower() in _NOT_OF_THE_KIND:
            break
        words.append(_singular(word))
    return tuple(words)


def _counts_of_prices(
    counts: dict[tuple[str, ...], Num], prices: dict[tuple[str, ...], Num]
) -> dict[tuple[str, ...], Num]:
    """Each count by the price it counts: the one price whose name begins with the count's
    words ("7 full sets" of "full set of shoes 95", "12 trims" of "trim only 40"), or whose
    name they begin with ("25 kids came" of "kids 6 each"); a count that begins no name, or
    more than one ("6 castles" of "castle on its own" and "castle with slide"), is left by
    its own words, and no total is read."""
    matched: dict[tuple[str, ...], Num] = {}
    for kind, count in counts.items():
        names = [n for n in prices if kind and n[: len(kind)] == kind[: len(n)]]
        if len(names) != 1 or names[0] in matched:
            return counts
        matched[names[0]] = count
    return matched


# The whole request, cut into prices then counts ------------------------------------------

# What a price is for, right after it: "18/hr", "95/day", "15 a night", "42 each".
_PER = re.compile(
    r"^\s*(?:/\s*[a-z]+|(?:a|an|per|each)\b(?:\s+(?:hour|hr|day|night|week|month|head))?)", re.I
)
# Any other figure asked, or a price changed: these are not a plain total.
_OTHER = re.compile(
    r"%|\bpercent|\boff\s+(?:the|a|an|each|per|all|every)\b|\boff\b\s*(?:[,.;]|$)|"
    r"\b(?:average|avg|mean|each|per|split|share|profit|then|discount|"
    r"vat|tax|tip|deposit|between|difference|more|less|minus|times|divided?|if|first|"
    r"extra|every)\b|\d\s*(?:x|\*)\s*\d",
    re.I,
)
# Words that name no kind of thing: a price's or count's name is what is left.
_FILLER = frozenset(
    """a an the is are was were at for in on of to so far did do does sold booked had got
    made we i they our my us with from it its this that hire hired total takings how much
    what owe come bill revenue hr hrs hour hours day days night nights week weeks month
    months year years min mins minute minutes head heads""".split()  # noqa: SIM905
)


def _by_cut(text: str, asked: bool = True) -> Node | None:
    """The total when one cut of ``text``'s numbers into prices then counts, with the prices
    named on one side, names every count's price, and (if ``asked``) what follows asks the
    total alone."""
    numbers = list(_NUMBER.finditer(text))
    if len(numbers) < 4 or (asked and _TOTAL.search(text) is None):
        return None
    if any(
        not any(n.start() <= d.start() < n.end() for n in numbers) for d in _DIGIT.finditer(text)
    ):
        # "group lessons are 25pp with 4 in a group": a number glued to letters is not read
        # here, and a total without it would take the group's size for its price.
        return None
    readings = [
        reading
        for cut in range(2, len(numbers) - 1)
        for before in (True, False)
        if (reading := _read_at(text, numbers, cut, before, asked)) is not None
    ]
    return readings[0] if len(readings) == 1 else None


def _read_at(
    text: str, numbers: list[re.Match[str]], cut: int, before: bool, asked: bool = True
) -> Node | None:
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
    if asked and _asked_periods(text[last:]) != set():
        return None  # another figure asked, or a total in a period the prices do not say
    terms: list[Node] = []
    used: set[int] = set()
    for k, count in enumerate(counts):
        end = counts[k + 1].start() if k + 1 < len(counts) else len(text)
        named = _words(_clause(text[count.end() : end]))
        which = [i for i, name in enumerate(names) if name & named]
        if len(which) != 1 or which[0] in used:
            return None
        used.add(which[0])
        terms.append(Op("*", _num(count), _num(prices[which[0]])))
    if len(used) != cut:
        return None  # a price no count names: "tonight we had 18 ..." is no price of "tonight"
    return _added(terms)


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
    return {_singular(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _FILLER}
