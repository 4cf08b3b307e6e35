"""A whole shared unevenly: by the nights each person stays, by a ratio, or by room size.

"Cottage is 840 for the week (7 nights). 4 of us stay all 7 nights and 2 only come for 3
nights. What does each 3-night person pay?": the people are told apart by the nights they
stay, so the cost is shared by nights: 840 over the 4 * 7 + 2 * 3 person-nights, times the
3 nights of one who stays 3 (a full-week person's share is the same times 7). It is read
only when every group says how many people stay how many nights, the question names one
group by its nights, and no number is left over but the stay's own length.

"Bake sale made 486.40 and we're splitting it 60/40 between the pta and the hospice. how
much does each get": each named part gets the whole times its share of the ratio, 486.40 *
60 / (60 + 40). "Rent is 1,950 and we split by room size. mine is 14 m², the other two are
11 and 10 m². whats my share": 1,950 * 14 / (14 + 11 + 10). Each is read only when the
whole is the one number besides the ratio or the sizes, and the question asks a part the
request names (or each of them). The exercise "share 96 sweets in the ratio 3:5", said
alone, gives each part: 96 * 3 / (3 + 5) and 96 * 5 / (3 + 5).
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_share_by_nights", "read_split_shares", "split_among"]

_AMOUNT = r"\d+(?:\.\d+)?"
# "4 of us stay all 7 nights", "2 only come for 3 nights", "3 friends staying 5 nights".
_GROUP = re.compile(
    r"(?<![\w.])(?P<people>\d+)\s+(?:(?:of\s+us|people|friends|adults|guests|others)\s+)?"
    r"(?:(?:only|just|will|are|can)\s+)?(?:stay|stays|staying|come|comes|coming)\s+"
    r"(?:for\s+)?(?:(?:all|the\s+(?:full|whole))\s+)?(?P<nights>\d+)\s+nights?\b",
    re.I,
)
# "each 3-night person", "each full-week person", "each person staying 3 nights".
_ASKED = re.compile(
    r"\beach\s+(?:(?P<nights>\d+)[-\s]nights?|(?P<full>full[-\s](?:week|stay|weekend|time)|"
    r"whole[-\s](?:week|stay)))\s+(?:person|guest|one|adult|friend)\b",
    re.I,
)
_ANY_NUMBER = re.compile(rf"(?<![\w.])(?P<n>{_AMOUNT})(?P<nights>\s*nights?\b)?", re.I)


def _num(text: str) -> Num:
    return Num(float(text), text)


def read_share_by_nights(context: str | None, text: str) -> tuple[Node, str] | None:
    """One person's share of a cost shared by nights stayed, or None."""
    whole = f"{context} {text}" if context is not None else text
    asked = _ASKED.search(whole)
    groups = list(_GROUP.finditer(whole))
    if asked is None or len(groups) < 2:
        return None
    longest = max(float(g.group("nights")) for g in groups)
    if asked.group("full") and "week" in asked.group("full").lower() and longest != 7:
        return None  # no group stays the full week
    wanted = float(asked.group("nights")) if asked.group("nights") else longest
    chosen = [g for g in groups if float(g.group("nights")) == wanted]
    if len(chosen) != 1:
        return None  # no group, or two, stay that many nights
    taken = [(g.start(), g.end()) for g in groups] + [asked.span()]
    rest = [
        m
        for m in _ANY_NUMBER.finditer(whole)
        if not any(start <= m.start() < end for start, end in taken)
    ]
    # The cost, and at most the stay's own length ("for the week (7 nights)").
    costs = [m for m in rest if not m.group("nights")]
    lengths = [m for m in rest if m.group("nights")]
    if len(costs) != 1 or any(float(m.group("n")) != longest for m in lengths):
        return None
    nights: Node | None = None
    for group in groups:
        stayed = Op("*", _num(group.group("people")), _num(group.group("nights")))
        nights = stayed if nights is None else Op("+", nights, stayed)
    if nights is None:
        return None
    per_night = Op("/", _num(costs[0].group("n")), nights)
    share = Op("*", per_night, _num(chosen[0].group("nights")))
    return share, f"the share of one person staying {chosen[0].group('nights')} nights"


# --- a whole split in a ratio, or by the size of each room ---------------------------------

# "1,950", "486.40": an amount, with or without thousands commas.
_WHOLE_AMOUNT = re.compile(
    r"(?<![\w.,/:])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![\w/:]|\.\d)"
)
_SPLIT_WORD = (
    r"(?:split|splits|splitting|divide|divides|dividing|divided|share|shares|sharing|shared)"
)
# "splitting it 60/40 between the pta and the hospice", "split 3:2 between me and my sister".
_IN_RATIO = re.compile(
    rf"\b{_SPLIT_WORD}(?:\s+(?:it|this|that|them|everything|"
    r"(?:the|our|my)\s+(?:[\d,.]+\s+)?[a-z]+))?\s+"  # "split the 120 bill 2:1"
    r"(?:in\s+the\s+ratio\s+(?:of\s+)?)?(?P<ratio>\d+(?:\.\d+)?(?:\s*[/:]\s*\d+(?:\.\d+)?)+)"
    r"(?:\s+ratio)?\s+(?:between|among|amongst)\s+(?P<names>[a-z' ,]+?)\s*"
    r"(?=[.?!;]|,\s*(?:how|what|whats|so)\b|$)",
    re.I,
)
_EACH_ASKED = re.compile(
    r"\b(?:how\s+much\s+(?:does|do|will|would|should)\s+each\s+(?:one\s+|of\s+them\s+)?"
    r"(?:get|receive|have)|what\s+(?:does|do)\s+each\s+get|each\s+(?:one'?s\s+)?share|"
    r"how\s+much\s+(?:for|to)\s+each|each\s*\?)",
    re.I,
)
_ONE_ASKED = re.compile(
    r"\bhow\s+much\s+(?:does|do|will|would|should)\s+(?:the\s+)?(?P<name>[a-z' ]+?)\s+"
    r"(?:get|receive|have)\b",
    re.I,
)


def _amount(text: str) -> Num:
    plain = text.replace(",", "")
    return Num(float(plain), plain)


def _names(said: str) -> list[str]:
    """ "the pta and the hospice" -> ["pta", "hospice"]."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", said.strip())
    return [re.sub(r"^(?:the|my|our)\s+", "", p.strip(), flags=re.I).lower() for p in parts]


def _share_label(name: str) -> str:
    return "my share" if name in ("me", "i", "myself") else f"the {name}'s share"


def _in_ratio(whole_text: str) -> tuple[tuple[Node, str], ...] | None:
    """Each part of a whole split in a ratio between named parties, or None."""
    said = _IN_RATIO.search(whole_text)
    if said is None:
        return None
    ratio = re.split(r"\s*[/:]\s*", said.group("ratio"))
    names = _names(said.group("names"))
    if len(names) != len(ratio) or len(set(names)) != len(names) or not all(names):
        return None  # a share no one is named for
    rest = [
        m
        for m in _WHOLE_AMOUNT.finditer(whole_text)
        if not said.start("ratio") <= m.start() < said.end("ratio")
    ]
    if len(rest) != 1 or any(float(r) <= 0 for r in ratio):
        return None  # which amount is split, and what is the other for?
    whole = _amount(rest[0].group(0))
    total: Node = _num(ratio[0])
    for part in ratio[1:]:
        total = Op("+", total, _num(part))
    parts = tuple(
        (Op("/", Op("*", whole, _num(share)), total), _share_label(name))
        for share, name in zip(ratio, names, strict=True)
    )
    after = whole_text[said.end() :]
    if _EACH_ASKED.search(after):
        return parts
    one = _ONE_ASKED.search(after)
    if one is not None:
        asked = re.sub(r"^(?:the|my|our)\s+", "", one.group("name").strip(), flags=re.I).lower()
        chosen = [p for p, name in zip(parts, names, strict=True) if name == asked]
        if len(chosen) == 1:
            return (chosen[0],)
    return None


_AREA = r"(?:m²|m2|sq\.?\s*m|square\s+met(?:re|er)s?|sq\.?\s*ft|square\s+f(?:ee|oo)t)"
_SIZE = rf"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{_AREA})?"
# "split by room size", "divided by the size of the rooms", "in proportion to room size".
_BY_SIZE = re.compile(
    rf"\b{_SPLIT_WORD}\b[^.?!]*?\b(?:by|according\s+to|in\s+proportion\s+to)\s+(?:the\s+)?"
    r"(?:(?:bed)?room\s+(?:size|area)s?|size\s+of\s+(?:the\s+|our\s+|each\s+)?(?:bed)?rooms?|"
    r"floor\s+area|square\s+(?:footage|met(?:re|er)s?))\b",
    re.I,
)
# "mine is 14 m²", "my room is 12 sq m".
_MINE = re.compile(rf"\b(?:mine|my\s+(?:bed)?room)\s+is\s+(?:about\s+)?{_SIZE}", re.I)
_OTHERS_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# "the other two are 11 and 10 m²", "the others are 12, 12 and 9 sq m".
_OTHERS = re.compile(
    r"\b(?:the\s+)?others?(?:\s+(?P<count>one|two|three|four|five|\d+))?(?:\s+(?:bed)?rooms?)?"
    rf"\s+(?:are|is)\s+(?P<list>\d+(?:\.\d+)?(?:\s*{_AREA})?(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"\d+(?:\.\d+)?(?:\s*{_AREA})?)*)",
    re.I,
)
_MY_SHARE_ASKED = re.compile(
    r"\b(?:my\s+(?:share|part|bit|cut)|what\s+(?:do|should|would)\s+i\s+pay|how\s+much\s+"
    r"(?:do|should|would)\s+i\s+pay|how\s+much\s+is\s+mine)\b",
    re.I,
)


def _unit_family(unit: str | None) -> str | None:
    if unit is None:
        return None
    return "ft" if re.search(r"f(?:ee|oo)?t", unit, re.I) else "m"


def _by_room_size(whole_text: str) -> tuple[Node, str] | None:
    """My share of a whole split by the size of each room, or None."""
    by = _BY_SIZE.search(whole_text)
    mine = _MINE.search(whole_text)
    others = _OTHERS.search(whole_text)
    if by is None or mine is None or others is None or not _MY_SHARE_ASKED.search(whole_text):
        return None
    sizes = list(re.finditer(_SIZE, others.group("list"), re.I))
    said_count = others.group("count")
    if said_count and len(sizes) != (_OTHERS_COUNT.get(said_count.lower()) or int(said_count)):
        return None  # "the other two are 11, 10 and 9": the rooms and their sizes disagree
    units = {_unit_family(m.group("unit")) for m in [mine, *sizes]} - {None}
    if len(units) > 1:
        return None  # square metres against square feet
    taken = [mine.span(), others.span()]
    rest = [
        m
        for m in _WHOLE_AMOUNT.finditer(whole_text)
        if not any(a <= m.start() < b for a, b in taken)
    ]
    if len(rest) != 1:
        return None  # which amount is split?
    total: Node = _num(mine.group("n"))
    for size in sizes:
        total = Op("+", total, _num(size.group("n")))
    share = Op("/", Op("*", _amount(rest[0].group(0)), _num(mine.group("n"))), total)
    return share, "my share by room size"


# "share 96 sweets in the ratio 3:5", "divide £120 in the ratio 2:3:5": the exercise as set,
# a whole and a ratio with no names, each part asked; nothing else said after it.
_WHOLE_IN_RATIO = re.compile(
    rf"^\s*(?:please\s+)?{_SPLIT_WORD}\s+[$\u20ac\u00a3]?(?P<whole>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s+[a-z]+){0,2}?\s+(?:in|into)\s+the\s+ratio\s+(?:of\s+)?"
    r"(?P<ratio>\d+(?:\.\d+)?(?:\s*:\s*\d+(?:\.\d+)?)+)\s*[.?!]*\s*$",
    re.I,
)


def _whole_in_ratio(whole_text: str) -> tuple[tuple[Node, str], ...] | None:
    """ "share 96 sweets in the ratio 3:5": each part, 96 * 3 / (3 + 5) and 96 * 5 / (3 + 5);
    None unless the request is that alone."""
    said = _WHOLE_IN_RATIO.match(whole_text)
    if said is None:
        return None
    ratio = re.split(r"\s*:\s*", said.group("ratio"))
    if any(float(r) <= 0 for r in ratio):
        return None
    whole = _amount(said.group("whole"))
    total: Node = _num(ratio[0])
    for part in ratio[1:]:
        total = Op("+", total, _num(part))
    return tuple(
        (Op("/", Op("*", whole, _num(share)), total), f"the share of {share} parts")
        for share in ratio
    )


def read_split_shares(context: str | None, text: str) -> tuple[tuple[Node, str], ...] | None:
    """The shares asked of a whole split in a ratio or by room size, or None."""
    # The statement ends where the question starts, so the names split between end there.
    whole_text = f"{context.rstrip(' .,')}. {text}" if context is not None else text
    by_size = _by_room_size(whole_text)
    if by_size is not None:
        return (by_size,)
    return _in_ratio(whole_text) or (_whole_in_ratio(text) if context is None else None)


# ", split between 5 of us. each?": the whole just worked out, shared evenly by a count.
_SPLIT_AMONG = re.compile(
    rf"[,;.]?\s*(?:and\s+|then\s+)?{_SPLIT_WORD}\s+(?:it\s+|that\s+|the\s+(?:bill|cost|total)\s+)?"
    r"(?:equally\s+|evenly\s+)?(?:(?:between|among|amongst|across|by)\s+(?P<n>\d+)"
    r"(?:\s+(?:of\s+us|people|ways|friends|mates|[a-z]+s\b))?|(?P<ways>\d+)\s+ways)\s*",
    re.I,
)
# "each?", "how much each", "how much does each of us pay", "per person?".
_ASKS_EACH_ALONE = re.compile(
    r"^[\s.,?!]*(?:so\s+)?(?:(?:how\s+much|what)\s+(?:is\s+(?:it|that)\s+|do\s+we\s+|does\s+"
    r"(?:it\s+come\s+to\s+)?)?)?(?:each|per\s+(?:person|head)|a\s+head)"
    r"(?:\s+(?:of\s+us|person|one))?(?:\s+pay)?\s*\??\s*$",
    re.I,
)


def split_among(context: str | None, text: str) -> tuple[str, str, Num] | None:
    """ "3 large pizzas at 17.99 each, 40% off, split between 5 of us. each?": the statement
    without the split, a question asking its total, and the count it is split by; None
    unless the split is said last and the question asks only each one's share."""
    whole = f"{context.rstrip(' .,')}. {text}" if context is not None else text
    found = [m for m in _SPLIT_AMONG.finditer(whole) if m.start() > 0]
    if len(found) != 1 or not _ASKS_EACH_ALONE.match(whole[found[0].end() :]):
        return None
    count = found[0].group("n") or found[0].group("ways")
    if float(count) < 2:
        return None
    return whole[: found[0].start()].strip(), "what's the total?", _num(count)
