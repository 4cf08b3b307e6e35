"""Complaints told as what happened, with no word of opinion: a thing that took long to
come, no word of how it was going, a visit later than was said, a mess left behind, money
a machine kept, a thing done that gave way soon after, a charge to put right what gave way,
a sleeper woken.

Each reader takes the tokens of `orchestra.agents.sentiment` and an index, and says how
many tokens the complaint spans there (0 when there is none), so that the scorer can
read the span as one term: "the glasses took 5 weeks to come in", "always turns up an
hour after he says", "they left sawdust all over my car", "the machine ate my 4 quid",
"the van woke the baby".
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["charged_to_put_right", "failure_told", "sleep_taken"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "took 5 weeks to come in", "takes ages to warm up": how long a thing due took.
_TOOK = _words("took takes taking")
# Spans long whatever their number: "took 3 weeks", "took months", "took forever".
_LONG_UNITS = _words("weeks months years ages forever week month year")
# Spans long only when stressed: "took a whole day", "took over an hour" ("took a day"
# or "took two hours" may be as quick as was hoped).
_STRESSED_UNITS = _words("day days hour hours")
_STRESSES = _words("whole full entire over nearly almost several")
# What a thing due does when it comes or is ready: "to arrive", "to come in", "to warm
# up" ("took 3 weeks to hike the trail" tells of an effort, and is none).
_DUE_VERBS = _words(
    """arrive come get be turn warm heat cool dry fix sort repair deliver reply respond
    answer load charge process refund install connect ship dispatch"""
)
_TOOK_GAP = 4
# "3 weeks longer than promised": more time than the writer was told.
_TOLD = _words("promised quoted agreed said planned stated advertised")
# Whoever said when they would come: "an hour after he says", "later than they said".
_SAYERS = _words("he she they you it we")
_SAYS = _words("says said say promised told quoted")
_LATE_UNITS = _words("minutes mins minute hour hours day days week weeks")
# What may follow "said" in the same promise: "after he says he will".
_PROMISE_GOES_ON = _words("he she they you it he'd she'd they'd would will")
_CLAUSE_ENDS = _words("and or but because while . , ; : ! ?")
# The writer as the doer: "I left my stuff everywhere", "we kept our change", "I woke the
# kids": the writer's own doing, no complaint of anyone.
_WRITERS = _words("i we i'd we'd i've we've")


def _writers_own(tokens: Sequence[str], index: int) -> bool:
    return index > 0 and tokens[index - 1] in _WRITERS


def _took_long(tokens: Sequence[str], index: int) -> int:
    """How many tokens a long time taken by a thing due spans from ``index`` ("took 5 weeks
    to come in" is 5, "took 3 weeks longer than promised" 6), or 0."""
    if tokens[index] not in _TOOK:
        return 0
    for position in range(index + 1, min(index + 1 + _TOOK_GAP, len(tokens))):
        word = tokens[position]
        if word in _CLAUSE_ENDS:
            return 0
        following = tokens[position + 1 : position + 4]
        if word in _LATE_UNITS | _LONG_UNITS and following[:2] == ["longer", "than"]:
            if len(following) == 3 and following[2] in _TOLD:
                return position + 4 - index
            return 0
        long = word in _LONG_UNITS or (
            word in _STRESSED_UNITS and _STRESSES.intersection(tokens[index + 1 : position])
        )
        if long:
            if following[:1] == ["to"] and following[1:2] and following[1] in _DUE_VERBS:
                return position + 3 - index
            return 0
    return 0


def _later_than_said(tokens: Sequence[str], index: int) -> int:
    """How many tokens a visit later than was said spans from the time at ``index`` ("hour
    after he says" is 4, "mins later than she said" 5), or 0: the time, then "after" or
    "later than", who said it and the saying, ending its clause or going on with the
    promise ("an hour after he says he will")."""
    if tokens[index] not in _LATE_UNITS:
        return 0
    rest = list(tokens[index + 1 : index + 5])
    if rest[:1] == ["after"]:
        told = rest[1:3]
    elif rest[:2] == ["later", "than"]:
        told = rest[2:4]
    else:
        return 0
    if len(told) < 2 or told[0] not in _SAYERS or told[1] not in _SAYS:
        return 0
    end = index + 1 + rest.index(told[1]) + 1
    following = tokens[end] if end < len(tokens) else "."
    return end - index if following in _CLAUSE_ENDS | _PROMISE_GOES_ON else 0


def failure_told(tokens: Sequence[str], index: int) -> int:
    """How many tokens a service that failed the writer, told as what happened, spans from
    ``index``: "the glasses took 5 weeks to come in", "always turns up an hour after he
    says", "they left sawdust all over my car", "the machine ate my 4 quid"."""
    return (
        _took_long(tokens, index)
        or _none_heard(tokens, index)
        or _later_than_said(tokens, index)
        or _mess_left(tokens, index)
        or _money_swallowed(tokens, index)
        or _gave_way_soon(tokens, index)
    )


# "zero updates", "no communication from the builder", "not a single update since March":
# nothing heard from whoever owed word of how a thing due was going.
_NONE = (("no",), ("zero",), ("not", "a", "single"), ("not", "one"), ("never", "any"))
_NEWS_OWED = _words("updates update communication contact word")
# What may follow the news missing within its clause: who it was owed by, since when
# ("no news is good news", "no updates available" say no complaint, and are none).
_OWED_BY = _words("from since")


def _none_heard(tokens: Sequence[str], index: int) -> int:
    """How many tokens word owed and never given spans from ``index`` ("zero updates" is 2,
    "not a single update" 4), or 0: "no", "zero", "not a single" and the like, then the
    news, ending its clause or said of whom or since when."""
    for none in _NONE:
        end = index + len(none)
        if tuple(tokens[index:end]) != none or end >= len(tokens):
            continue
        if tokens[end] not in _NEWS_OWED:
            return 0
        following = tokens[end + 1] if end + 1 < len(tokens) else "."
        return end + 1 - index if following in _CLAUSE_ENDS | _OWED_BY else 0
    return 0


# "they left sawdust all over my car", "left mud everywhere": a mess left behind.
_LEFT = _words("left leaves leaving")
_ALL_OVER = ("all", "over")
_MESS_GAP = 4


def _mess_left(tokens: Sequence[str], index: int) -> int:
    """How many tokens a mess left behind spans from ``index`` ("left sawdust all over" is
    4), or 0: "left", then within a few words of its clause "all over" or "everywhere"."""
    if tokens[index] not in _LEFT or _writers_own(tokens, index):
        return 0
    for position in range(index + 2, min(index + 2 + _MESS_GAP, len(tokens))):
        if tokens[position] in _CLAUSE_ENDS:
            return 0
        if tokens[position] == "everywhere":
            return position + 1 - index
        if tuple(tokens[position : position + 2]) == _ALL_OVER:
            return position + 2 - index
    return 0


# "the machine ate my 4 quid", "the ATM swallowed my card", "the meter kept my coins":
# money or a card taken by what should have served the writer.
_SWALLOWS = _words("ate eats eaten swallowed swallows kept keeps")
_WHOSE = _words("my our his her")
_MONEY = _words(
    "money cash coins coin card quid pounds pound fiver tenner deposit change euros dollars"
)


def _money_swallowed(tokens: Sequence[str], index: int) -> int:
    """How many tokens money swallowed spans from ``index`` ("ate my 4 quid" is 4), or 0."""
    whose = tokens[index + 1] if index + 1 < len(tokens) else "."
    if tokens[index] not in _SWALLOWS or whose not in _WHOSE or _writers_own(tokens, index):
        return 0
    position = index + 2
    if position < len(tokens) and tokens[position].isdigit():
        position += 1
    if position < len(tokens) and tokens[position] in _MONEY:
        return position + 1 - index
    return 0


# "lifted after 3 days", "the heel came off after a week", "chipped after one wash": a
# thing done or bought that gave way soon after, a service or a make that failed (verbs
# that are complaints of their own, "broke", "cracked", are read by the lexicon).
_GAVE_WAY = (
    *((verb,) for verb in _words("lifted lifting chipped chipping peeled peeling snapped")),
    *((verb, part) for verb in ("came", "fell") for part in ("off", "loose", "unstuck")),
)
# Things whose lifting or going is good news: "the fog lifted after 3 days", "the ban was
# lifted after a week", "my mood lifted after a day".
_GOOD_TO_GO = _words(
    """fog mist cloud clouds haze smog ban bans restrictions restriction curfew lockdown
    gloom mood spirits embargo sanctions suspension cast plaster scab"""
)
_GOOD_TO_GO_GAP = 3
# A short time: "after 3 days", "after only a week", "after one wash", "within hours".
_SOON = _words("after within")
_SOON_AMOUNTS = _words("only just a an one two three four five few couple of 1 2 3 4 5")
_SHORT_UNITS = _words("hour hours day days week wash washes wear wears use uses")
_SOON_GAP = 3


def _gave_way_soon(tokens: Sequence[str], index: int) -> int:
    """How many tokens a thing that gave way soon after it was done spans from ``index``
    ("lifted after 3 days" is 4, "came off after a week" 5), or 0."""
    way = next((w for w in _GAVE_WAY if tuple(tokens[index : index + len(w)]) == w), None)
    if way is None:
        return 0
    before = tokens[max(0, index - _GOOD_TO_GO_GAP) : index]
    if _GOOD_TO_GO.intersection(before):
        return 0
    position = index + len(way)
    if position >= len(tokens) or tokens[position] not in _SOON:
        return 0
    for unit in range(position + 1, min(position + 2 + _SOON_GAP, len(tokens))):
        if tokens[unit] in _SHORT_UNITS:
            return unit + 1 - index
        if tokens[unit] not in _SOON_AMOUNTS and not tokens[unit].isdigit():
            return 0
    return 0


# "they wanted to charge me to fix them", "charged us again to redo it": paying to have put
# right what gave way; read only after a failure told ("the garage charged me to fix it",
# alone, is a bill).
_CHARGES = _words("charge charges charged charging")
_CHARGED = _words("me us him her")
_CHARGE_GAP = 3
_PUT_RIGHT = _words(
    """fix fixing redo redoing repair repairing replace replacing mend mending sort sorting
    correct correcting"""
)
_PUT_RIGHT_WHAT = _words("it them this that")


def charged_to_put_right(tokens: Sequence[str], index: int) -> int:
    """How many tokens a charge to put a thing right spans from ``index`` ("charge me to
    fix them" is 5, "charged us 40 quid to redo it" 7), or 0: a charge, to whom, up to a few
    words (how much, "again"), then "to" or "for" and the putting right."""
    if tokens[index] not in _CHARGES or index + 1 >= len(tokens):
        return 0
    if tokens[index + 1] not in _CHARGED:
        return 0
    for position in range(index + 2, min(index + 3 + _CHARGE_GAP, len(tokens) - 1)):
        if tokens[position] in _CLAUSE_ENDS:
            return 0
        if tokens[position] in ("to", "for") and tokens[position + 1] in _PUT_RIGHT:
            end = position + 2
            if end < len(tokens) and tokens[end] in _PUT_RIGHT_WHAT:
                end += 1
            return end - index
    return 0


# "woke the baby", "woke us at 5am", "woke the whole street": sleep taken from others; "I
# woke the kids for school", the writer's own doing (see `_writers_own`), is none, and so
# is a kindness ("woke me with breakfast in bed").
_WOKE = _words("woke wakes waking")
_SLEEPERS = (
    ("me",),
    ("us",),
    ("everyone",),
    ("everybody",),
    *(("the", who) for who in _words("baby babies kids children toddler twins dog neighbours")),
    *(("the", "whole", place) for place in _words("street house building road family")),
    *(("my", who) for who in _words("baby son daughter kids children toddler husband wife")),
    *(("our", who) for who in _words("baby son daughter kids children toddler")),
)


def _woke_someone(tokens: Sequence[str], index: int) -> int:
    """How many tokens a sleeper woken by someone else spans from ``index`` ("woke the
    baby" is 3), or 0."""
    if tokens[index] not in _WOKE or _writers_own(tokens, index):
        return 0
    for sleeper in _SLEEPERS:
        end = index + 1 + len(sleeper)
        if tuple(tokens[index + 1 : end]) == sleeper:
            following = tokens[end] if end < len(tokens) else "."
            return 0 if following == "with" else end - index
    return 0


def sleep_taken(tokens: Sequence[str], index: int) -> int:
    """How many tokens a sleeper woken by someone else spans from ``index``: "the van
    played its jingle at 9pm and woke the baby"."""
    return _woke_someone(tokens, index)
