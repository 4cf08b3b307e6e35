"""How long between two clock times said as a start and an end, not as a span.

"In bed at 23:15, up at 06:45, every night for a week (7 nights)": 7.5 hours a night, 52.5
in all; "departs 09:40 and lands 13:05 local time, the destination is 2 hours ahead of
us": 3 h 25 min on the clocks, 1 h 25 min flown; "leaving heathrow 10:15 uk time and
landing at JFK 13:05 new york time. NY is 5 hrs behind the UK": the places of a difference
named by the zones the times are said in, or their initials. ("10:40 to 17:15", a span,
is read where the numbers are, in `numeric`.) As there, a time runs over midnight only on
a clock that is plainly 24-hour ("in bed at 11:15, up at 6:45" may be either). A time
difference is read only when it says which side is ahead, and a count of nights only when
it is the one number besides the times.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_clock_times"]

_CLOCK = r"(?P<{0}h>[01]?\d|2[0-3]):(?P<{0}m>[0-5]\d)(?![\d:]|\.\d|\s*(?:[ap]\.?m\b|per\b|/))"
_STARTS = (
    r"in\s+bed|asleep|(?:went|go|goes|get|got)\s+to\s+(?:bed|sleep)|lights\s+out|"
    r"departs?|departed|departing|leaves?|left|leaving|takes?\s+off|took\s+off|"
    r"starts?|started|starting|begins?|began|set\s+off|sets\s+off|clock(?:ed|s)?\s+in"
)
_ENDS = (
    r"up|awake|wakes?\s+up|woke(?:\s+up)?|wake|get\s+up|got\s+up|gets\s+up|"
    r"lands?|landed|landing|arrives?|arrived|arriving|gets\s+in|got\s+in|(?:gets|got)\s+into|"
    r"ends?|ended|finish(?:es|ed)?|stops?|stopped|clock(?:ed|s)?\s+out"
)
# "leaves manchester at 21:40", "lands in dubai at 07:55", "leaving heathrow 10:15": a place
# between.
_PLACE = r"(?:(?:from|in|into|at)\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:at\s+)?"
_START_END = re.compile(
    rf"\b(?:{_STARTS})\s+(?:at\s+|{_PLACE})?{_CLOCK.format('a')}[^.?!\d]{{0,30}}?"
    rf"\b(?:{_ENDS})\s+(?:at\s+|{_PLACE})?{_CLOCK.format('b')}",
    re.I,
)
# "the destination is 2 hours ahead of us", "we're 3 hours behind the destination".
_THERE_AHEAD = re.compile(
    r"\b(?:destination|arrival\s+(?:city|airport))(?:'s\s+(?:time|clock))?\s+(?:is|are)\s+"
    r"(?P<hours>\d+(?:\.\d+)?)\s+hours?\s+(?P<side>ahead|behind)\b",
    re.I,
)
_HERE_AHEAD = re.compile(
    r"\b(?:we\s+are|we're|we\s+were|home\s+is|our\s+(?:time|clock)\s+is)\s+"
    r"(?P<hours>\d+(?:\.\d+)?)\s+hours?\s+(?P<side>ahead|behind)\s+(?:of\s+)?"
    r"(?:the\s+)?(?:destination|there)\b",
    re.I,
)
# "7 nights", "5 days", "(3 times)": how many times the span is taken.
_TIMES_TAKEN = re.compile(
    r"(?<![\w.])(?P<count>\d+)\s+(?:nights|days|times|shifts|evenings|mornings|weekdays|"
    r"workdays|sessions)\b",
    re.I,
)
_EVERY = re.compile(r"\b(?:every|each)\s+(?:night|day|evening|morning|shift)\b|\bnightly\b", re.I)
# A time taken asked, and not a time of day ("what time is it there when it lands").
_ASKS_TIME = re.compile(
    # "journey time in mins": the units said short, too.
    r"\bhow\s+long\b|\bhow\s+many\s+(?:hours|hrs|minutes|mins)\b|"
    r"\btotal\s+(?:hours|hrs|minutes|mins|time)\b|"
    r"\bhours\s+(?:asleep|of\s+sleep|slept|in\s+bed|flying|worked|at\s+work)\b|"
    r"\bin\s+(?:hours|hrs|minutes|mins)\b|\bduration\b|\bhow\s+much\s+(?:sleep|time)\b",
    re.I,
)
_ASKS_CLOCK = re.compile(r"\bwhat\s+time\b|\bwhen\b|\bo'?clock\b", re.I)
_ASKS_MINUTES = re.compile(r"\b(?:in|how\s+many)\s+(?:minutes|mins)\b", re.I)
# Time taken out of the span, said in words ("with an hour for lunch", "less a break").
_TAKEN_OUT = re.compile(
    r"\b(?:breaks?|lunch|pause[sd]?|minus|less|except|excluding|not\s+counting|apart\s+from|"
    r"delay(?:ed|s)?|stopover|layover|woke\s+(?:up\s+)?(?:for|during)|awake\s+for)\b",
    re.I,
)
# "dubai is 4 hours ahead of the uk", said of the place landed in ("lands in dubai") or
# left ("leaves dubai"): which side is ahead follows from which place it names.
_PLACE_AHEAD = re.compile(
    r"\b(?P<place>[a-z]+)(?:'s\s+(?:time|clock))?\s+(?:is|are|runs?)\s+"
    r"(?P<hours>\d+(?:\.\d+)?)\s+hours?\s+(?P<side>ahead|behind)\s+(?:of\s+)?(?:the\s+)?"
    r"(?P<other>[a-z]+)\b",
    re.I,
)
_LANDS_IN = re.compile(
    r"\b(?:lands?|landing|landed|arrives?|arriving|arrived)\s+(?:in|at)\s+([a-z]+)", re.I
)
_LEAVES = re.compile(
    r"\b(?:leaves?|leaving|left|departs?|departing|departed)\s+(?:from\s+)?([a-z]+)", re.I
)


# "10:15 uk time", "13:05 new york time": the zone a clock time is said in.
_ZONE_OF_TIME = re.compile(r"\s+(?P<zone>[a-z]+(?:\s+[a-z]+)?)\s+time\b", re.I)


def _names(place: str | None) -> set[str]:
    """What a place may be called: its name, its last word, and the initials of a name of
    two words ("new york" is "ny")."""
    if not place:
        return set()
    words = place.lower().split()
    names = {" ".join(words), words[-1]}
    if len(words) > 1:
        names.add("".join(word[0] for word in words))
    return names


def _place_ahead(text: str, times: re.Match[str]) -> tuple[bool, re.Match[str]] | None:
    """Whether the clock where the flight lands is ahead, and what said it, when a time
    difference names the place landed in or left (or the zone of the time it lands or
    leaves at: "13:05 new york time"); None otherwise."""
    said = _PLACE_AHEAD.search(text)
    lands, leaves = _LANDS_IN.search(text), _LEAVES.search(text)
    start_zone = _ZONE_OF_TIME.match(text, times.end("am"))
    end_zone = _ZONE_OF_TIME.match(text, times.end("bm"))
    if said is None or (lands is None and end_zone is None):
        return None
    ahead = said.group("side").lower() == "ahead"
    there = _names(lands.group(1) if lands else None) | _names(
        end_zone.group("zone") if end_zone else None
    )
    here = _names(leaves.group(1) if leaves else None) | _names(
        start_zone.group("zone") if start_zone else None
    )
    place, other = said.group("place").lower(), said.group("other").lower()
    if place in there and other not in there:
        return ahead, said
    if (other in there and place not in there) or (place in here and other not in here):
        return not ahead, said
    return None


# "(same time zone)": no difference to take.
_SAME_ZONE = re.compile(r"\b(?:same|one)\s+time\s*zone\b|\bno\s+time\s+difference\b", re.I)
_ANY_NUMBER = re.compile(r"(?<![\w.:])\d+(?:\.\d+)?(?![\w:]|\.\d)")


def read_clock_times(text: str) -> tuple[Node, str] | None:
    """The hours between a start and an end said at two clock times in ``text``, less a
    time difference and times a count of nights when it says them; None otherwise."""
    said = _START_END.search(text)
    if said is None or not _ASKS_TIME.search(text) or _ASKS_CLOCK.search(text):
        return None
    if _TAKEN_OUT.search(text):
        return None  # time out of the span, which this reading does not take off
    if len(_START_END.findall(text)) != 1:
        return None
    start = int(said.group("ah")) * 60 + int(said.group("am"))
    end = int(said.group("bh")) * 60 + int(said.group("bm"))
    if end == start or (end < start and int(said.group("ah")) < 13):
        return None  # over midnight only on a clock that is plainly 24-hour
    minutes = (end - start) % (24 * 60)
    read = [said.span()]
    hours: Node = Op("/", Num(minutes, str(minutes)), Num(60, "60"))
    label = "hours between the clock times"
    difference = _THERE_AHEAD.search(text) or _HERE_AHEAD.search(text)
    placed = _place_ahead(text, said) if difference is None else None
    if placed is not None:
        difference = placed[1]
    if difference is not None:
        # The end's clock ahead runs the time on it: that much less was spent.
        there_ahead = (
            placed[0]
            if placed is not None
            else (difference.re is _THERE_AHEAD) == (difference.group("side") == "ahead")
        )
        shift = Num(float(difference.group("hours")), difference.group("hours"))
        if there_ahead and shift.value * 60 >= minutes:
            return None  # no time taken at all: a day's change the request has not said
        hours = Op("-" if there_ahead else "+", hours, shift)
        label = "hours, with the time difference"
        read.append(difference.span())
    elif re.search(
        r"\b(?:ahead|behind|time\s*zones?|time\s+difference)\b", _SAME_ZONE.sub(" ", text), re.I
    ):
        return None  # a difference of clocks not said as one this reads
    taken = _TIMES_TAKEN.search(text)
    if taken is not None:
        hours = Op("*", hours, Num(float(taken.group("count")), taken.group("count")))
        label = f"{label}, over {taken.group(0)}"
        read.append(taken.span())
    if any(not any(s <= m.start() < e for s, e in read) for m in _ANY_NUMBER.finditer(text)):
        return None  # a number this reading does not use
    if taken is None and _EVERY.search(text):
        return None  # every night, but not said how many
    if _ASKS_MINUTES.search(text):
        return Op("*", hours, Num(60, "60")), label.replace("hours", "minutes", 1)
    return hours, label
