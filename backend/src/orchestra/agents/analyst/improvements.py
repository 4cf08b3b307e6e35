"""A time improved: how many seconds faster a new time is than the old, and by what percent.

"parkrun pb went from 27:40 to 25:55. how many seconds quicker is that and what %
improvement on the old time": the two times are read as minutes and seconds (27 * 60 + 40
and 25 * 60 + 55), the seconds gained are the old less the new, and the improvement is
those seconds over the old time, times 100; each is given in the order asked. "1:12.40"
is a minute and 12.40 seconds, "1:02:30" an hour, 2 minutes and 30 seconds; "1:58" alone
may be hours and minutes as well as minutes and seconds, so a time of two parts under 10
is read only with its hundredths.

It is read only when the statement gives exactly two clock times, said as old and new
("from ... to ...", "old ... new ..."), the new one is faster, every other number names
the event ("5k", "100 free"), and the question asks the seconds faster, the improvement in
percent, or both, and nothing else that holds a number.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.quantities import split_question
from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_time_improvement"]

# "27:40", "1:12.40", "1:02:30": a clock time of a race.
_TIME = r"(?<![\w.:])\d{1,2}(?::[0-5]\d){1,2}(?:\.\d{1,2})?(?![\w:]|\.\d)"
_FROM_TO = re.compile(rf"\bfrom\s+(?P<old>{_TIME})\s+(?:down\s+)?to\s+(?P<new>{_TIME})", re.I)
# "old 5k pb 24:10, new time 23:22": the old one named, then the new one.
_OLD_NEW = re.compile(
    rf"\b(?:old|previous|last)\b[^\d:]*?(?:\d+\s*(?:k|km)\b[^\d:]*?)?(?P<old>{_TIME})"
    rf"[^\d:]*?\bnew\b[^\d:]*?(?P<new>{_TIME})",
    re.I,
)
_ANY_NUMBER = re.compile(r"(?<![\w.:])\d+(?:[.:]\d+)*")
# "5k", "100 free", "400m": a number that names the event, not a time.
_EVENT = re.compile(
    r"(?<![\w.:])\d+\s*(?:k|km|m|mi|miles?|metres?|meters?|free|freestyle|back|backstroke|"
    r"breast|breaststroke|fly|butterfly|im)\b",
    re.I,
)
_ASKS_SECONDS = re.compile(
    r"\bhow\s+many\s+(?:seconds|secs)\s+(?:faster|quicker)\b|\b(?:seconds|secs)\s+(?:faster|quicker)\b",
    re.I,
)
_ASKS_PERCENT = re.compile(
    r"(?:%|\bpercent(?:age)?)\s+(?:improvement|quicker|faster)\b"
    r"(?:\s+(?:on|over|from)\s+(?:the|my)\s+old\s+(?:time|pb))?",
    re.I,
)

# The words around the two asks, which ask nothing more.
_FILLER = re.compile(
    r"\b(?:what(?:'s|s)?|whats|is|was|that|this|it|and|the|on|old|time|pb|as|a|an|my|so|"
    r"then)\b|[^\w\s]",
    re.I,
)


def _seconds(time: str) -> Node:
    """ "27:40" as 27 * 60 + 40, "1:02:30" as (1 * 60 + 2) * 60 + 30."""
    parts = time.split(":")
    value: Node = _num(parts[0])
    for part in parts[1:]:
        value = Op("+", Op("*", value, Num(60, "60")), _num(part))
    return value


def _num(part: str) -> Num:
    """ "05" as 5, "09.85" as 9.85: the seconds of a clock time without their leading 0."""
    return Num(float(part), f"{float(part):g}")


def _value(time: str) -> float:
    total = 0.0
    for part in time.split(":"):
        total = total * 60 + float(part)
    return total


def read_time_improvement(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """The seconds gained and the improvement in percent of the old time, in the order the
    question asks them; None unless the request is as the module says."""
    if context is None:
        parts = split_question(task)
        if parts is None:
            return None
        context, task = parts
    stated = _FROM_TO.search(context) or _OLD_NEW.search(context)
    if stated is None or _ANY_NUMBER.search(task):
        return None
    times = re.findall(_TIME, context)
    others = _ANY_NUMBER.findall(_EVENT.sub(" ", re.sub(_TIME, " ", context)))
    if len(times) != 2 or others:
        return None
    old, new = stated.group("old"), stated.group("new")
    if old.count(":") != new.count(":") or _value(new) >= _value(old):
        return None  # "from 9:58 to 1:02:10": not one kind of time; or no faster
    if any(t.count(":") == 1 and "." not in t and float(t.split(":")[0]) < 10 for t in (old, new)):
        return None  # "from 1:58 to 1:52": hours and minutes, or minutes and seconds?
    seconds, percent = _ASKS_SECONDS.search(task), _ASKS_PERCENT.search(task)
    if seconds is None and percent is None:
        return None
    rest = _ASKS_PERCENT.sub(" ", _ASKS_SECONDS.sub(" ", task))
    if _FILLER.sub(" ", rest).strip():
        return None  # "... and my pace per km": something else asked too
    gained = Op("-", _seconds(old), _seconds(new))
    asked: list[tuple[int, Node, str]] = []
    if seconds is not None:
        asked.append((seconds.start(), gained, "the seconds faster"))
    if percent is not None:
        share = Op("*", Op("/", gained, _seconds(old)), Num(100, "100"))
        asked.append((percent.start(), share, "the improvement in percent of the old time"))
    return [(node, label) for _, node, label in sorted(asked, key=lambda a: a[0])]
