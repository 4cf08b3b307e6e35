"""Times, dates and rates over time, each read only when the request says every amount.

- a time said in one unit asked in another: "7 h 42 min, what's that as decimal hours" is
  7 + 42 / 60; "shift from 22:15 to 06:45, how many hours is that" (the span already said
  as 8.5 hours by `numeric`) is 8.5;
- the days between two dates said in words: "due on 3 march 2026 and today is 18 november
  2025, how many weeks to go" is 105 / 7; "born on 22 july 1990, how many days old on my
  35th birthday" counts to the same day 35 years on;
- a journey's time: "186 miles at 55 mph and one stop for 40 mins, how many hours" is
  186 / 55 + 40 / 60;
- a flight's time across clocks: "leave 11:20, land 14:05 local time, 5 hours behind, how
  long in hours" is 14 + 5 / 60 + 5 - (11 + 20 / 60), the clocks' difference added or taken
  off, whichever alone leaves a time between 0 and 24 hours;
- a pace or a split: "4 hours for 42.195 km, pace per km in minutes" is 4 * 60 / 42.195;
  "2000 m in 7:48, split per 500 m in seconds" is 468 / 2000 * 500 (a time written "7:48"
  is minutes and seconds or hours and minutes, whichever gives a speed a person moves at);
- a speed from a distance and a time ("ran 5 km in 24:30, as a speed in km/h"), and a
  finish time from a pace ("5:30 per km for 10 km, finish time in minutes" is 5.5 * 10);
- a download's time: "4.2 GB at 80 Mbps, how many minutes" is 4.2 * 8000 / 80 / 60;
- hours at an hourly rate: "6.20 an hour, there 8:00 till 17:30 on mon, tue and thu" is
  6.20 * 9.5 * 3; "worked mon 9 till 5:30 and wed 9 till 1 at 13.85 an hour" sums each
  day's hours first (a day's times on a 12-hour clock run from the morning on);
- how many sittings to finish: "40 pages an hour, 45 mins every night, the book is 384
  pages, how many nights" is 384 / (40 * 45 / 60);
- a charge for each period begun: "1.20 for every 30 min or part of 30 min, parked 2 h 45
  min" is 1.20 * ceil(165 / 30);
- times of several things added: "3 episodes at 47 mins each and then a film that's 2 h 12
  min, how many hours altogether" is (3 * 47 + 2 * 60 + 12) / 60;
- what is left of a total at a rate: "book's 612 pages, i've read 188 of them. at 40 pages a
  day how many days to finish" is (612 - 188) / 40;
- a yearly amount per hour worked, and a price per use: "31,200 a year for 37.5 hours a
  week, 52 weeks, per hour" is 31200 / (37.5 * 52); "boots are 140, worn 3 times a week for
  2 years (52 weeks a year), cost per wear" is 140 / (3 * 52 * 2).

A number the reading does not use, or a break, delay or second stop it does not take
off, leaves the request unread (None), for the other readings or a refusal.
"""

from __future__ import annotations

import re
from datetime import date

from orchestra.agents.analyst.wording import Call, Node, Num, Op

__all__ = ["read_durations"]

_AMOUNT = r"\d+(?:\.\d+)?"
# Any number, a clock time ("21:40") or a date's parts among them.
_ANY_NUMBER = re.compile(r"(?<![\w.:])\d+(?:[.:/]\d+)*")
_HOURS = r"(?:hours?|hrs?|h)"
_MINUTES = r"(?:minutes?|mins?|m)"
_SECONDS = r"(?:seconds?|secs?|s)"
_UNIT_MINUTES = {"hour": 60.0, "minute": 1.0, "second": 1 / 60}


def _in_minutes(node: Node, unit: str) -> Node:
    """A time said in ``unit`` (hour, minute or second), in minutes."""
    return _over(node, 60) if unit == "second" else _times(node, _UNIT_MINUTES[unit])


def _from_minutes(node: Node, unit: str) -> Node:
    """A time in minutes, in ``unit``."""
    return _times(node, 60) if unit == "second" else _over(node, _UNIT_MINUTES[unit])


def _num(value: float, text: str | None = None) -> Num:
    return Num(value, text if text is not None else f"{value:.15g}")


def _times(node: Node, factor: float) -> Node:
    """``node`` times ``factor``, written without a factor of 1 ("90 minutes" in minutes)."""
    return node if factor == 1 else Op("*", node, _num(factor))


def _over(node: Node, factor: float) -> Node:
    return node if factor == 1 else Op("/", node, _num(factor))


def _plain(text: str) -> str:
    """``text`` with thousands written without their commas ("31,200" as 31200)."""
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)


def _all_read(text: str, read: list[tuple[int, int]]) -> bool:
    """Whether every number of ``text`` lies in one of the spans ``read``."""
    return all(any(s <= m.start() < e for s, e in read) for m in _ANY_NUMBER.finditer(text))


def _unit_of(word: str) -> str:
    word = word.lower()
    if word.startswith("h"):
        return "hour"
    if word.startswith("s"):
        return "second"
    return "minute"


# --- a time said in one unit, asked in another --------------------------------------------

# "7 h 42 min", "2 hours and 15 minutes", "7h45".
_HOURS_AND_MINUTES = re.compile(
    rf"(?<![\w.:])(?P<h>\d+)\s*{_HOURS}\s*(?:and\s+)?(?P<m>\d+)\s*{_MINUTES}\b"
    r"|(?<![\w.:])(?P<hh>\d+)h(?P<mm>[0-5]\d)(?![\w:]|\.\d)",
    re.I,
)


def _hours_and_minutes(said: re.Match[str]) -> Node:
    """A time said in hours and minutes, in minutes."""
    hours, minutes = said.group("h") or said.group("hh"), said.group("m") or said.group("mm")
    return Op("+", Op("*", _num(float(hours), hours), _num(60)), _num(float(minutes), minutes))


_ONE_TIME = re.compile(
    rf"(?<![\w.:])(?P<n>{_AMOUNT})\s*(?P<u>hours?|hrs?|minutes?|mins?|seconds?|secs?)\b", re.I
)
_ASKED_UNIT = re.compile(
    r"\b(?:how\s+many\s+|(?:as|in|into|to)\s+(?:decimal\s+)?)(?P<u>hours|minutes|seconds)\b", re.I
)
# Anything that makes the time one of several, or a rate ("7 h a day, how many hours a
# week").
_MORE_THAN_A_TIME = re.compile(
    r"\b(?:per|each|every|a\s+(?:day|week|month|year|night)|times|"
    r"break|lunch|plus|minus|less|and\s+then|weekly|daily|monthly|x|half|halve|quarter|"
    r"thirds?|double|twice|triple|divided|split|shared?|average|mean|of)\b|[%+*/]",
    re.I,
)
# "add up my hours: 7h45, 8h10 and 6h30": the times listed, summed.
_SUM_SAID = re.compile(
    r"\b(?:total|altogether|add(?:ed)?(?:\s+(?:up|together))?|sum|in\s+all)\b", re.I
)


# "at 1.5x speed", "on 2x": a recording played faster (or slower) takes its time over that.
_PLAYED_AT = re.compile(
    r"\b(?:at|on)\s+(?P<x>\d+(?:\.\d+)?)\s*(?:x|\u00d7|times)(?:\s+(?:the\s+)?(?:speed|playback))?"
    r"(?!\w|\.\d)",
    re.I,
)


def _time_in_unit(text: str) -> tuple[Node, str] | None:
    played = _PLAYED_AT.search(text)
    if played is not None:
        if not 0 < float(played.group("x")) <= 4:
            return None
        text = f"{text[: played.start()]} {text[played.end() :]}"
    asked = _ASKED_UNIT.search(text)
    if asked is None or _MORE_THAN_A_TIME.search(text):
        return None
    both = list(_HOURS_AND_MINUTES.finditer(text))
    summed = _SUM_SAID.search(text) is not None
    if summed != (len(both) > 1):
        return None  # several times not said to be added, or one said to be
    time: Node
    if both:
        time = _hours_and_minutes(both[0])
        for said in both[1:]:
            time = Op("+", time, _hours_and_minutes(said))
        read = [said.span() for said in both]
    else:
        ones = list(_ONE_TIME.finditer(text))
        if len(ones) != 1:
            return None
        said = ones[0]
        time = _in_minutes(_num(float(said.group("n")), said.group("n")), _unit_of(said.group("u")))
        read = [said.span()]
    if not _all_read(text, read):
        return None
    unit = _unit_of(asked.group("u"))
    label = f"the times added, in {unit}s" if summed else f"the time in {unit}s"
    if played is not None:
        x = played.group("x")
        time, label = Op("/", time, _num(float(x), x)), f"{label}, played at {x}x"
    return _from_minutes(time, unit), label


# --- days between dates -------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january", "feb february", "mar march", "apr april", "may", "jun june",
            "jul july", "aug august", "sep sept september", "oct october", "nov november",
            "dec december",
        ]
    )
    for m in names.split()
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"(?<![\w.])(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+"
    rf"(?P<y1>(?:19|20)\d\d)|(?P<m2>{_MONTH})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
    rf"(?P<y2>(?:19|20)\d\d))(?!\d)",
    re.I,
)
_DAYS_ASKED = re.compile(r"\bhow\s+many\s+(?P<u>days|weeks)\b|\bin\s+(?P<v>days|weeks)\b", re.I)
_BIRTHDAY = re.compile(r"(?<![\w.])(?P<n>\d+)(?:st|nd|rd|th)\s+birthday\b", re.I)
_BORN = re.compile(r"\bborn\b", re.I)


def _date(match: re.Match[str]) -> date | None:
    day = match.group("d1") or match.group("d2")
    month = _MONTHS[(match.group("m1") or match.group("m2")).lower().rstrip(".")]
    year = match.group("y1") or match.group("y2")
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None  # "31 june": no such day


def _days_between(text: str) -> tuple[Node, str] | None:
    asked = _DAYS_ASKED.search(text)
    if asked is None:
        return None
    unit = (asked.group("u") or asked.group("v")).lower()
    dates = list(_DATE.finditer(text))
    read = [d.span() for d in dates]
    birthday = _BIRTHDAY.search(text)
    if len(dates) == 1 and birthday is not None and _BORN.search(text):
        born = _date(dates[0])
        years = int(birthday.group("n"))
        if born is None or (born.month, born.day) == (2, 29) or years < 1:
            return None  # a 29 February birthday falls on a day the request has not said
        first, second = born, born.replace(year=born.year + years)
        read.append(birthday.span())
        label = f"{unit} old on the {birthday.group(0)}"
    elif len(dates) == 2 and birthday is None:
        first_date, second_date = _date(dates[0]), _date(dates[1])
        if first_date is None or second_date is None:
            return None
        first, second = sorted((first_date, second_date))
        label = f"{unit} between the dates"
    else:
        return None
    if not _all_read(text, read):
        return None
    days: Node = _num(float((second - first).days))
    return (Op("/", days, _num(7)) if unit == "weeks" else days), label


# --- a journey's time ---------------------------------------------------------------------

_DISTANCE = re.compile(
    rf"(?<![\w.])(?P<d>{_AMOUNT})\s*(?P<u>miles?|mi|km|kilomet(?:re|er)s?)\b"
    r"(?!/|\s+(?:an|per|a)\s+hour)",
    re.I,
)
_SPEED = re.compile(
    rf"(?<![\w.])(?P<s>{_AMOUNT})\s*(?P<u>mph|miles?\s+(?:an|per)\s+hour|km/h|kmh|kph|"
    r"km\s+(?:an|per)\s+hour|kilomet(?:re|er)s\s+(?:an|per)\s+hour)(?!\w)",
    re.I,
)
_STOP = re.compile(
    rf"\bstop(?:ping)?\s+(?:once\s+)?for\s+(?:about\s+|around\s+)?(?P<n>{_AMOUNT})\s*"
    rf"(?P<u>minutes?|mins?|hours?|hrs?)\b"
    rf"|(?<![\w.])(?P<n2>{_AMOUNT})[\s-]*(?P<u2>minutes?|mins?|hours?|hrs?)\s+"
    r"(?:stop|break|rest)\b"
    # "plus about 45 minutes of stops": the time stopped, in all
    rf"|\b(?:plus|with|and)\s+(?:about\s+|around\s+)?(?P<n3>{_AMOUNT})\s*"
    r"(?P<u3>minutes?|mins?|hours?|hrs?)\s+(?:of\s+)?(?:stops|breaks|stopping)\b",
    re.I,
)
_JOURNEY_ASKED = re.compile(
    r"\bhow\s+(?:long|many\s+(?P<u>hours|hrs|minutes|mins))\b"
    r"|\bin\s+(?P<v>hours|hrs|minutes|mins|seconds|secs|days)\b",
    re.I,
)
_MORE_STOPS = re.compile(
    r"\b(?:stops|twice|two\s+stops|each\s+way|return|there\s+and\s+back|delays?|traffic|"
    r"roadworks|per|every|each)\b",
    re.I,
)


# "we'll stop an hour for lunch", "with a break": a time not moving, said in words this
# reading does not take a length from.
_STOPPED = re.compile(
    r"\b(?:stop|stopping|stopped|break|lunch|rest|pause|detour|wait|waiting|queue|all\s+in)\b",
    re.I,
)


def _journey(text: str) -> tuple[Node, str] | None:
    asked = _JOURNEY_ASKED.search(text)
    distances = list(_DISTANCE.finditer(text))
    speeds = list(_SPEED.finditer(text))
    stops = list(_STOP.finditer(text))
    if asked is None or len(distances) != 1 or len(speeds) != 1 or len(stops) > 1:
        return None
    # "how long ... answer in minutes": the unit may be asked after the question.
    units = {
        unit.lower()[0]
        for said in _JOURNEY_ASKED.finditer(text)
        for unit in (said.group("u"), said.group("v"))
        if unit
    }
    if len(units) > 1 or not units <= {"h", "m"}:
        return None  # hours and minutes both asked, or seconds or days: not read here
    in_minutes = units == {"m"}
    distance, speed = distances[0], speeds[0]
    if distance.group("u").lower().startswith("k") != speed.group("u").lower().startswith("k"):
        return None  # miles at km/h: a conversion the request has not said
    if not stops:
        # "how long to drive 210 miles at 60 mph": the distance at the speed, no stop said
        # (stops or traffic said in other words are a time this reading does not know).
        if (
            _MORE_STOPS.search(text)
            or _STOPPED.search(text)
            or not _all_read(text, [distance.span(), speed.span()])
        ):
            return None
        driving = Op(
            "/",
            _num(float(distance.group("d")), distance.group("d")),
            _num(float(speed.group("s")), speed.group("s")),
        )
        if in_minutes:
            return Op("*", driving, _num(60)), "minutes, driving"
        return driving, "hours, driving"
    stop = stops[0]
    if _MORE_STOPS.search(text[: stop.start()] + text[stop.end() :]):
        return None
    if not _all_read(text, [distance.span(), speed.span(), stop.span()]):
        return None
    stop_unit = _unit_of(stop.group("u") or stop.group("u2") or stop.group("u3"))
    stop_amount = stop.group("n") or stop.group("n2") or stop.group("n3")
    hours = Op(
        "+",
        Op(
            "/",
            _num(float(distance.group("d")), distance.group("d")),
            _num(float(speed.group("s")), speed.group("s")),
        ),
        _over(_in_minutes(_num(float(stop_amount), stop_amount), stop_unit), 60),
    )
    if in_minutes:
        return Op("*", hours, _num(60)), "minutes, driving and stopped"
    return hours, "hours, driving and stopped"


# --- a pace or a split --------------------------------------------------------------------

_LENGTH_M = {"m": 1.0, "metre": 1.0, "meter": 1.0, "km": 1000.0, "kilometre": 1000.0,
             "kilometer": 1000.0, "mile": 1609.344, "mi": 1609.344}  # fmt: skip
_LENGTH_UNIT = r"(?:km|m|mi|miles?|kilomet(?:re|er)s?|met(?:re|er)s?)"
_COVERED = re.compile(rf"(?<![\w.])(?P<d>{_AMOUNT})\s*(?P<u>{_LENGTH_UNIT})(?![\w/\u00b2])", re.I)
_PER_LENGTH = re.compile(
    rf"\b(?:pace|split|time|minutes|seconds|mins|secs)\s+(?:is\s+that\s+|is\s+it\s+)?"
    rf"(?:per|a|each|every)\s+(?:(?P<n>{_AMOUNT})\s*)?(?P<u>{_LENGTH_UNIT})\b",
    re.I,
)
_IN_UNIT = re.compile(r"\bin\s+(?P<u>minutes|seconds|mins|secs)\b", re.I)
_COLON_TIME = re.compile(r"(?<![\w.:])(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?::(?P<c>[0-5]\d))?(?![\d:])")
_MOVING_KMH = (1.0, 60.0)  # walking to cycling: the speeds a pace or a split is said of


def _length_m(unit: str) -> float:
    unit = unit.lower()
    unit = unit if unit in _LENGTH_M else unit.removesuffix("s")
    return _LENGTH_M[unit]


def _time_taken(text: str, metres: float) -> tuple[Node, tuple[int, int]] | None:
    """The one time ``text`` says, in minutes, and where; a time written "7:48" is read
    as minutes and seconds or hours and minutes, whichever gives a speed over ``metres``
    that a person moves at ("7:48" for 2000 m, "3:45" for a marathon), else not at all."""
    both = list(_HOURS_AND_MINUTES.finditer(text))
    colons = list(_COLON_TIME.finditer(text))
    times = [
        t
        for t in _ONE_TIME.finditer(text)
        if t.group("u").lower().startswith(("h", "m"))
        and not any(b.start() <= t.start() < b.end() for b in both)
    ]
    if len(colons) + len(times) + len(both) != 1:
        return None
    if both:
        return _hours_and_minutes(both[0]), both[0].span()
    if times:
        said = times[0]
        unit = _unit_of(said.group("u"))
        return _in_minutes(_num(float(said.group("n")), said.group("n")), unit), said.span()
    said = colons[0]
    a, b = int(said.group("a")), int(said.group("b"))
    if said.group("c") is not None:
        return _num(a * 60 + b + int(said.group("c")) / 60), said.span()
    readings = [
        m
        for m in (a + b / 60, a * 60 + b)
        if m > 0 and _MOVING_KMH[0] <= metres / 1000 / (m / 60) <= _MOVING_KMH[1]
    ]
    return None if len(readings) != 1 else (_num(readings[0]), said.span())


def _distance_run(text: str, skip: tuple[int, int] | None = None) -> re.Match[str] | None:
    said = [
        c for c in _COVERED.finditer(text) if skip is None or not skip[0] <= c.start() < skip[1]
    ]
    return said[0] if len(said) == 1 else None


def _distance_m(said: re.Match[str]) -> float:
    return float(said.group("d")) * _length_m(said.group("u"))


_SPEED_ASKED = re.compile(r"\b(?:speed|how\s+fast)\b.*?\bin\s+(?P<u>km/h|kph|mph)\b", re.I)
_RUN_SAID = re.compile(
    r"\b(?:ran|run|running|jog\w*|walk\w*|cycl\w*|rode|ride|swam|swim|rowed)\b", re.I
)


def _speed(text: str) -> tuple[Node, str] | None:
    """ "ran 5k in 24:30, what's that as a speed in km/h": 5 / (24.5 / 60)."""
    asked = _SPEED_ASKED.search(text)
    distance = _distance_run(text)
    if asked is None or distance is None or not _RUN_SAID.search(text):
        return None
    unit = distance.group("u").lower()
    per_hour = asked.group("u").lower()
    if unit.startswith("k") != per_hour.startswith("k") or unit == "m":
        return None  # miles in km/h, or metres: a conversion this reading does not make
    taken = _time_taken(text, _distance_m(distance))
    if taken is None or not _all_read(text, [distance.span(), taken[1]]):
        return None
    speed = Op(
        "/", _num(float(distance.group("d")), distance.group("d")), Op("/", taken[0], _num(60))
    )
    return speed, f"speed in {per_hour}"


_PACE_SAID = re.compile(
    # "5:30 per km", "8:00 min/mile", "6 minutes a mile".
    rf"(?<![\w.:])(?:(?P<a>\d{{1,2}}):(?P<b>[0-5]\d)(?:\s*(?:minutes?|mins?|min))?"
    rf"|(?P<n>{_AMOUNT})\s*(?:minutes?|mins?|min))"
    r"\s*(?:per|a|/|each)\s*(?P<u>km|kilomet(?:re|er)|mile|mi)\b",
    re.I,
)
_FINISH_ASKED = re.compile(
    r"\b(?:finish(?:ing)?\s+time|how\s+long|total\s+time|time\s+to\s+finish)\b.*?"
    r"\bin\s+(?P<u>minutes|hours)\b|\bhow\s+many\s+(?P<v>minutes|hours)\b",
    re.I,
)


def _finish_from_pace(text: str) -> tuple[Node, str] | None:
    """ "hold 5:30 per km for 10 km, finish time in minutes": 5.5 * 10."""
    paces, asked = list(_PACE_SAID.finditer(text)), _FINISH_ASKED.search(text)
    if len(paces) != 1 or asked is None:
        return None
    pace = paces[0]
    distance = _distance_run(text, pace.span())
    if distance is None:
        return None
    per_km = pace.group("u").lower().startswith("k")
    unit = distance.group("u").lower()
    if (unit.startswith("k") or unit == "m") != per_km:
        return None  # miles at a pace per km: a conversion the request has not said
    if not _all_read(text, [pace.span(), distance.span()]):
        return None
    if pace.group("n") is not None:
        minutes: Node = _num(float(pace.group("n")), pace.group("n"))
    else:
        minutes = _num(int(pace.group("a")) + int(pace.group("b")) / 60)
    length: Node = _num(float(distance.group("d")), distance.group("d"))
    if unit == "m":
        length = Op("/", length, _num(1000))
    finish: Node = Op("*", minutes, length)
    if (asked.group("u") or asked.group("v")).lower() == "hours":
        return Op("/", finish, _num(60)), "hours to finish at the pace"
    return finish, "minutes to finish at the pace"


# "what's that in min per km", "how much is that per mile", "in min/km": a pace asked per
# another length.
_PACE_ASKED = re.compile(
    r"\b(?:in|to|into|as|that|it)\s+(?:(?:minutes?|mins?|min)\s*)?(?:per|/|a)\s*"
    r"(?P<u>km|kilomet(?:re|er)|mile|mi)\b",
    re.I,
)
# "(1 mile = 1.609344 km)", "(1 km = 0.621 miles)": the factor the request converts by.
_MILE_IN_KM = re.compile(
    rf"\(?\s*(?:1|one|a|an)\s+(?P<one>km|kilomet(?:re|er)|mile|mi)\s*(?:=|is|equals)\s*"
    rf"(?P<n>{_AMOUNT})\s*(?P<u>km|kilomet(?:re|er)s?|miles?|mi)\s*\)?",
    re.I,
)
_KM_A_MILE = 1.609344


def _pace_converted(text: str) -> tuple[Node, str] | None:
    """ "my pace is 8:00 min/mile, what's that in min per km": 8 / 1.609344 minutes, by
    the request's own factor where it says one ("1 mile = 1.609344 km")."""
    paces, asked = list(_PACE_SAID.finditer(text)), list(_PACE_ASKED.finditer(text))
    if len(paces) != 1 or len(asked) != 1 or asked[0].start() < paces[0].end():
        return None
    pace = paces[0]
    per_km = pace.group("u").lower().startswith("k")
    if asked[0].group("u").lower().startswith("k") == per_km:
        return None  # the pace asked per the length it is said per
    read = [pace.span()]
    factor = _num(_KM_A_MILE)
    stated = list(_MILE_IN_KM.finditer(text))
    if len(stated) > 1:
        return None
    if stated:
        one, unit = (stated[0].group(k).lower()[0] for k in ("one", "u"))
        if one == unit:
            return None  # "1 km = 1000 m" is no factor between a mile and a km
        size = float(stated[0].group("n"))
        factor = _num(size, stated[0].group("n")) if one == "m" else _num(1 / size)
        read.append(stated[0].span())
    if not _all_read(text, read):
        return None
    if pace.group("n") is not None:
        minutes: Node = _num(float(pace.group("n")), pace.group("n"))
    else:
        minutes = _num(int(pace.group("a")) + int(pace.group("b")) / 60)
    if per_km:
        return Op("*", minutes, factor), "minutes per mile"
    return Op("/", minutes, factor), "minutes per km"


def _pace(text: str) -> tuple[Node, str] | None:
    per = _PER_LENGTH.search(text)
    if per is None:
        return None
    covered = [c for c in _COVERED.finditer(text) if not (per.start() <= c.start() < per.end())]
    if len(covered) != 1:
        return None
    distance = covered[0]
    metres = float(distance.group("d")) * _length_m(distance.group("u"))
    read = [per.span(), distance.span()]
    taken = _time_taken(text, metres)
    if taken is None:
        return None
    minutes = taken[0]
    read.append(taken[1])
    if not _all_read(text, read):
        return None
    per_metres = float(per.group("n") or 1) * _length_m(per.group("u"))
    in_unit = _IN_UNIT.search(text)
    word = (in_unit.group("u") if in_unit else per.group(0).split()[0]).lower()
    if not word.startswith(("min", "sec")):
        return None  # a pace with no unit asked: minutes, or minutes and seconds?
    covered_in = _num(float(distance.group("d")), distance.group("d"))
    ratio = per_metres / _length_m(distance.group("u"))  # the length asked, in the unit said
    pace: Node = _times(Op("/", minutes, covered_in), ratio)
    per_said = f"{per.group('n') + ' ' if per.group('n') else ''}{per.group('u')}"
    if word.startswith("sec"):
        return Op("*", pace, _num(60)), f"seconds per {per_said}"
    return pace, f"minutes per {per_said}"


# --- a download's time --------------------------------------------------------------------

_SIZE = re.compile(rf"(?<![\w.])(?P<n>{_AMOUNT})\s*(?P<u>[MGT]B)\b")
_RATE = re.compile(rf"(?<![\w.])(?P<n>{_AMOUNT})\s*(?P<u>[MG])(?:bps|bit/s|b/s)\b")
_BYTES_AS = re.compile(
    rf"\b(?:taking|counting|using|with|assuming)\s+1\s*(?P<u>[MGT]B)\s+(?:as|=|is)\s+"
    rf"(?P<n>{_AMOUNT})\s*(?P<v>megabits|Mb|gigabits|Gb)\b",
    re.I,
)
_SIZE_MEGABITS = {"M": 8.0, "G": 8000.0, "T": 8_000_000.0}
_DOWNLOAD_ASKED = re.compile(
    r"\bhow\s+(?:long|many\s+(?P<u>hours|minutes|seconds))\b|\bin\s+(?P<v>hours|minutes|seconds)\b",
    re.I,
)


def _download(text: str) -> tuple[Node, str] | None:
    asked = _DOWNLOAD_ASKED.search(text)
    sizes, rates = list(_SIZE.finditer(text)), list(_RATE.finditer(text))
    if asked is None or len(rates) != 1:
        return None
    rate = rates[0]
    said = _BYTES_AS.search(text)
    read = [rate.span()]
    if said is not None:
        sizes = [s for s in sizes if not said.start() <= s.start() < said.end()]
        read.append(said.span())
    if len(sizes) != 1 or re.search(r"\b(?:per|each|every|files|times)\b", text, re.I):
        return None
    size = sizes[0]
    read.append(size.span())
    if not _all_read(text, read):
        return None
    if said is not None:
        if said.group("u") != size.group("u"):
            return None
        per_unit = float(said.group("n")) * (1000 if said.group("v")[0] in "gG" else 1)
        factor = _num(per_unit, said.group("n"))
    else:
        factor = _num(_SIZE_MEGABITS[size.group("u")[0]])  # a GB is 10^9 bytes, 8,000 megabits
    megabits = Op("*", _num(float(size.group("n")), size.group("n")), factor)
    per_second = _num(float(rate.group("n")) * (1000 if rate.group("u") == "G" else 1))
    seconds: Node = Op("/", megabits, per_second)
    unit = (asked.group("u") or asked.group("v") or "minutes").lower()
    if unit == "seconds":
        return seconds, "seconds to download"
    return _from_minutes(_over(seconds, 60), unit[:-1]), f"{unit} to download"


# --- hours at an hourly rate --------------------------------------------------------------

_HOURLY = re.compile(
    rf"(?<![\w.])[\u00a3$\u20ac]?(?P<n>{_AMOUNT})\s*(?:an|a|per|/)\s*(?:hour|hr|h)\b", re.I
)
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?"
_CLOCK = r"(?P<{0}h>[012]?\d)(?::(?P<{0}m>[0-5]\d))?"
_DAY_SPAN = re.compile(
    rf"\b(?P<day>{_DAY})\s+(?:from\s+)?{_CLOCK.format('a')}\s*(?:till|til|until|to|-)\s*"
    rf"{_CLOCK.format('b')}(?![\d:.]|\s*[ap]\.?m\b)",
    re.I,
)
_HOURS_ON_DAYS = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s*(?:hours|hrs)\s+(?:on|every)\s+(?P<days>{_DAY}"
    rf"(?:\s*(?:,\s*and|,|and|&)\s*{_DAY})*)\b",
    re.I,
)
_PAY_ASKED = re.compile(
    r"\b(?:earn(?:ed|t)?|bill|pay|paid|owe|cost|charge|total|how\s+much|wages?)\b", re.I
)
_NOT_ALL_HOURS = re.compile(
    r"\b(?:breaks?|lunch|unpaid|overtime|premium|tips?|tax|deduct\w*|except|minus|less|"
    r"double|time\s+and\s+a\s+half|bank\s+holiday)\b",
    re.I,
)


def _span_hours(match: re.Match[str]) -> float | None:
    """The hours of a day's span; a day's times on a 12-hour clock ("9 till 5:30") run from
    the morning to the afternoon; a span said otherwise is not read."""
    ah, bh = int(match.group("ah")), int(match.group("bh"))
    am, bm = int(match.group("am") or 0), int(match.group("bm") or 0)
    if ah > 23 or bh > 23:
        return None
    start, end = ah * 60 + am, bh * 60 + bm
    if end <= start:
        if not (6 <= ah <= 12 and 1 <= bh < ah):
            return None  # over midnight, or a clock read either way
        end += 12 * 60
    return (end - start) / 60


_HOURS_ASKED = re.compile(
    r"\bhow\s+many\s+hours\b|\b(?:total|paid)\s+(?:hours|hrs)\b|\bhours\s+(?:in\s+total|worked|altogether)",
    re.I,
)


def _hours_at_rate(text: str) -> tuple[Node, str] | None:
    rates = list(_HOURLY.finditer(text))
    if len(rates) != 1 or not _PAY_ASKED.search(text) or _HOURS_ASKED.search(text):
        return None
    cleaned = re.sub(r"\bno\s+breaks?\b", " ", text, flags=re.I)
    if _NOT_ALL_HOURS.search(cleaned):
        return None
    read = [rates[0].span()]
    hours: Node | None = None
    for span in _DAY_SPAN.finditer(text):
        each = _span_hours(span)
        if each is None:
            return None
        hours = _num(each) if hours is None else Op("+", hours, _num(each))
        read.append(span.span())
    for said in _HOURS_ON_DAYS.finditer(text):
        days = len(re.findall(_DAY, said.group("days"), re.I))
        plural = re.search(r"days\b|\b(?:mon|wed|fri|sat|sun)s\b", said.group("days"), re.I)
        if plural or re.search(r"\bevery\b", said.group(0), re.I):
            return None  # "on mondays", "every monday": how many of them is not said
        on_days = Op("*", _num(float(said.group("n")), said.group("n")), _num(days))
        hours = on_days if hours is None else Op("+", hours, on_days)
        read.append(said.span())
    if hours is None or not _all_read(text, read):
        return None
    rate = rates[0]
    return Op("*", hours, _num(float(rate.group("n")), rate.group("n"))), "pay for the hours"


# --- a yearly amount per hour, a price per use --------------------------------------------

_PER_YEAR_AMOUNT = re.compile(
    rf"(?<![\w.])[\u00a3$\u20ac]?(?P<n>{_AMOUNT})\s*(?:k\b)?\s*(?:a|per|/)\s*(?:year|yr|annum)\b",
    re.I,
)
_HOURS_A_WEEK = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s*(?:hours|hrs)\s+(?:a|per|/|each)\s*week\b", re.I
)
_WEEKS_A_YEAR = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s*(?:paid\s+|working\s+|worked\s+)?weeks"
    r"(?:\s+(?:a|per|each|of\s+the)\s+year)?\b",
    re.I,
)
_PER_HOUR_ASKED = re.compile(r"\bper\s+hour\b|\bhourly\b|\ban\s+hour\b", re.I)


def _yearly_per_hour(text: str) -> tuple[Node, str] | None:
    amounts, hours = list(_PER_YEAR_AMOUNT.finditer(text)), list(_HOURS_A_WEEK.finditer(text))
    weeks = list(_WEEKS_A_YEAR.finditer(text))
    if len(amounts) != 1 or len(hours) != 1 or len(weeks) != 1:
        return None  # weeks worked a year unsaid: holidays taken out, or not?
    asked = [
        a
        for a in _PER_HOUR_ASKED.finditer(text)
        if not hours[0].start() <= a.start() < hours[0].end()
    ]
    if not asked or _NOT_ALL_HOURS.search(text) or re.search(r"k\b", amounts[0].group(0)):
        return None
    if not _all_read(text, [amounts[0].span(), hours[0].span(), weeks[0].span()]):
        return None
    n = amounts[0].group("n")
    worked = Op(
        "*",
        _num(float(hours[0].group("n")), hours[0].group("n")),
        _num(float(weeks[0].group("n")), weeks[0].group("n")),
    )
    return Op("/", _num(float(n), n), worked), "per hour worked"


_PRICE = re.compile(
    rf"\b(?:are|is|cost(?:s|ing)?|was|were|paid|for)\s+(?:about\s+)?[\u00a3$\u20ac]?"
    rf"(?P<n>{_AMOUNT})(?![\d.]|\s*(?:%|times|a|per|x|years?|months?|weeks?|days?|hours?)\b)",
    re.I,
)
_USES = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s+times\s+(?:a|per|each)\s+(?P<per>day|week|month)\b", re.I
)
_OVER = re.compile(rf"\bfor\s+(?P<n>{_AMOUNT})\s+(?P<u>years?|months?|weeks?)\b", re.I)
_PERIODS_SAID = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s+(?P<u>weeks|months|days)\s+(?:a|per|in\s+a|each)\s+"
    rf"(?P<per>year|month|week)\b",
    re.I,
)
_PER_USE_ASKED = re.compile(
    r"\b(?:cost|price)\s+(?:per|a|each)\s+(?:wear|use|wash|ride|visit|session|time|game)\b|"
    r"\bper\s+(?:wear|use|wash|ride|visit|session)\b",
    re.I,
)
_IN_A = {("day", "week"): 7.0, ("week", "year"): 52.0, ("month", "year"): 12.0}


def _per_use(text: str) -> tuple[Node, str] | None:
    if not _PER_USE_ASKED.search(text):
        return None
    prices, uses, over = (
        list(_PRICE.finditer(text)),
        list(_USES.finditer(text)),
        list(_OVER.finditer(text)),
    )
    if len(prices) != 1 or len(uses) != 1 or len(over) != 1:
        return None
    read = [prices[0].span(), uses[0].span(), over[0].span()]
    per = uses[0].group("per").lower()
    span = over[0].group("u").lower().rstrip("s")
    count: Node = _num(float(over[0].group("n")), over[0].group("n"))
    uses_count: Node = Op("*", _num(float(uses[0].group("n")), uses[0].group("n")), count)
    if per != span:
        said = [
            p
            for p in _PERIODS_SAID.finditer(text)
            if p.group("u").lower().rstrip("s") == per and p.group("per").lower() == span
        ]
        if len(said) > 1:
            return None
        if said:
            factor = _num(float(said[0].group("n")), said[0].group("n"))
            read.append(said[0].span())
        elif (per, span) in _IN_A:
            factor = _num(_IN_A[(per, span)])
        else:
            return None  # weeks in a month: not a whole number to take
        uses_count = Op("*", uses_count, factor)
    if not _all_read(text, read):
        return None
    n = prices[0].group("n")
    return Op("/", _num(float(n), n), uses_count), "cost per use"


# --- sessions to finish at a rate -----------------------------------------------------------

_THINGS_AN_HOUR = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s+(?P<thing>[a-z]+?)s?\s+(?:an|a|per|each|every)\s+"
    r"(?P<per>hour|minute)\b",
    re.I,
)
_TIME_EACH = re.compile(
    rf"(?<![\w.])(?P<t>{_AMOUNT})\s*(?P<u>minutes?|mins?|hours?|hrs?)\s+(?:every|each|a|per)\s+"
    r"(?P<period>night|day|evening|morning|week|session|lunchtime|weekday)\b",
    re.I,
)
_SESSIONS_ASKED = re.compile(r"\bhow\s+many\s+(?P<period>[a-z]+?)s\b", re.I)


def _sessions_to_finish(text: str) -> tuple[Node, str] | None:
    rates, each = list(_THINGS_AN_HOUR.finditer(text)), list(_TIME_EACH.finditer(text))
    asked = _SESSIONS_ASKED.search(text)
    if len(rates) != 1 or len(each) != 1 or asked is None:
        return None
    rate, time = rates[0], each[0]
    if asked.group("period").lower() != time.group("period").lower():
        return None
    thing = rate.group("thing")
    totals = [
        t
        for t in re.finditer(rf"(?<![\w.])(?P<n>{_AMOUNT})\s+{re.escape(thing)}s?\b", text, re.I)
        if t.start() != rate.start()
    ]
    if len(totals) != 1 or not _all_read(text, [rate.span(), time.span(), totals[0].span()]):
        return None
    spent: Node = _num(float(time.group("t")), time.group("t"))
    if _unit_of(time.group("u")) != rate.group("per").lower():
        spent = _from_minutes(
            _in_minutes(spent, _unit_of(time.group("u"))), rate.group("per").lower()
        )
    done = Op("*", _num(float(rate.group("n")), rate.group("n")), spent)
    total = totals[0].group("n")
    return Op("/", _num(float(total), total), done), f"{asked.group('period')}s to finish"


# --- what is left of a total, at a rate ----------------------------------------------------

_LEFT_RATE = re.compile(
    rf"(?<![\w.])(?P<n>{_AMOUNT})\s+(?P<thing>[a-z]+?)s?\s+(?:an|a|per|each|every)\s+"
    r"(?P<per>day|night|week|hour|minute)\b",
    re.I,
)
_LEFT_ASKED = re.compile(
    r"\bhow\s+many\s+(?:more\s+)?(?P<asked>days|nights|weeks|hours|minutes)\b", re.I
)
# What is done of it: "i've read 188 of them", "i've done 6240".
_DONE = re.compile(
    rf"\b(?:read|done|did|walked|finished|completed|written|wrote|covered|watched|made|"
    rf"knitted|painted|saved)\s+(?:about\s+|around\s+)?(?P<n>{_AMOUNT})\b"
    r"(?:\s+(?!of\b|so\b|far\b)(?P<thing>[a-z]+?)s?\b)?(?:\s+of\s+(?:them|it|those))?",
    re.I,
)


def _left_at_rate(text: str) -> tuple[Node, str] | None:
    """ "book's 612 pages, i've read 188 of them. at 40 pages a day how many days to
    finish": what is left of the total, over the rate; "10k step goal and i've done 6,240.
    110 steps a minute, how many more minutes" the same."""
    asked, rates = _LEFT_ASKED.search(text), list(_LEFT_RATE.finditer(text))
    done = list(_DONE.finditer(text))
    if asked is None or len(rates) != 1 or len(done) != 1:
        return None
    rate = rates[0]
    if asked.group("asked").lower().rstrip("s") != rate.group("per").lower():
        return None
    thing = rate.group("thing").lower()
    if done[0].group("thing") and done[0].group("thing").lower() != thing:
        return None
    # The total: "612 pages", "10000 step goal", the one other number of the thing.
    totals = [
        t
        for t in re.finditer(rf"(?<![\w.])(?P<n>{_AMOUNT})\s+{re.escape(thing)}s?\b", text, re.I)
        if not rate.start() <= t.start() < rate.end()
        and not done[0].start() <= t.start() < done[0].end()
    ]
    if len(totals) != 1:
        return None
    read = [rate.span(), done[0].span(), totals[0].span()]
    if not _all_read(text, read):
        return None
    total, gone = float(totals[0].group("n")), float(done[0].group("n"))
    if gone >= total:
        return None
    left = Op("-", _num(total, totals[0].group("n")), _num(gone, done[0].group("n")))
    per = rate.group("per").lower()
    return Op("/", left, _num(float(rate.group("n")), rate.group("n"))), f"{per}s to finish"


# --- a charge for each period started ------------------------------------------------------

# "1.20 for every 30 min or part of 30 min", "2 per hour or part thereof", "3 for each
# started hour": a charge for each period begun, the last one part used.
_CHARGE_PER_STARTED = re.compile(
    rf"(?<![\w.])[\u00a3$\u20ac]?(?P<price>{_AMOUNT})\s+(?:for\s+)?(?:every|each|per|an?)\s+"
    rf"(?:(?P<started>started|begun)\s+)?(?:(?P<n>{_AMOUNT})\s*)?(?P<u>{_HOURS}|{_MINUTES})\b"
    rf"(?P<part>\s+or\s+part(?:\s+of\s+(?:an?\s+)?(?P<again>{_AMOUNT})?\s*(?:{_HOURS}|{_MINUTES})"
    r"|\s+thereof)?\b)?",
    re.I,
)
_STAYED = re.compile(
    rf"\b(?:parked|there|stayed|stay|staying|in\s+for|for)\s+(?:for\s+)?(?:(?P<h>\d+)\s*{_HOURS}"
    rf"(?:\s*(?:and\s+)?(?P<m>\d+)\s*{_MINUTES})?|(?P<mo>\d+)\s*{_MINUTES})\b",
    re.I,
)
_CHARGE_ASKED = re.compile(r"\bhow\s+much\b|\bwhat\s+(?:do|will|did)\s+i\s+pay\b|\bcost\b", re.I)


def _charge_per_started(text: str) -> tuple[Node, str] | None:
    """ "car park charges 1.20 for every 30 min or part of 30 min. i was parked 2 h 45 min,
    how much": the charge times the periods begun (165 minutes begin 6 of 30)."""
    charges, stays = list(_CHARGE_PER_STARTED.finditer(text)), list(_STAYED.finditer(text))
    if len(charges) != 1 or len(stays) != 1 or not _CHARGE_ASKED.search(text):
        return None
    charge, stay = charges[0], stays[0]
    if not (charge.group("part") or charge.group("started")):
        return None  # a part period charged in part or in full is not said
    if charge.group("again") and charge.group("again") != (charge.group("n") or "1"):
        return None
    if not _all_read(text, [charge.span(), stay.span()]):
        return None
    size = float(charge.group("n") or 1)
    period = _in_minutes(_num(size, charge.group("n") or "1"), _unit_of(charge.group("u")))
    if stay.group("mo"):
        stayed: Node = _num(float(stay.group("mo")), stay.group("mo"))
    else:
        stayed = _in_minutes(_num(float(stay.group("h")), stay.group("h")), "hour")
        if stay.group("m"):
            stayed = Op("+", stayed, _num(float(stay.group("m")), stay.group("m")))
    price = _num(float(charge.group("price")), charge.group("price"))
    return Op(
        "*", price, Call("ceil", (Op("/", stayed, period),))
    ), "the charge for each period begun"


# --- times of several things, added ---------------------------------------------------------

# "3 episodes at 47 mins each": a count of things of one time each.
_EACH_TIME = re.compile(
    rf"(?<![\w.:])(?P<count>\d+)\s+[a-z]+\s+(?:at|of)\s+(?P<n>{_AMOUNT})\s*"
    rf"(?P<u>{_HOURS}|{_MINUTES})\s+each\b",
    re.I,
)
_ADDED_ASKED = re.compile(
    r"\bhow\s+many\s+(?P<u>hours|minutes)\b[^.?!]*\b(?:altogether|all\s+together|in\s+total|"
    r"total|in\s+all)\b",
    re.I,
)


def _times_added(text: str) -> tuple[Node, str] | None:
    """ "3 episodes at 47 mins each and then a film that's 2 h 12 min. how many hours is that
    altogether": each time, times its count, added, in the unit asked."""
    asked = _ADDED_ASKED.search(text)
    if asked is None or re.search(r"\b(?:breaks?|minus|less|except|skip\w*)\b", text, re.I):
        return None
    read: list[tuple[int, int]] = []
    parts: list[Node] = []
    for each in _EACH_TIME.finditer(text):
        time = _in_minutes(_num(float(each.group("n")), each.group("n")), _unit_of(each.group("u")))
        parts.append(Op("*", _num(float(each.group("count")), each.group("count")), time))
        read.append(each.span())
    for both in _HOURS_AND_MINUTES.finditer(text):
        if not any(s <= both.start() < e for s, e in read):
            parts.append(_hours_and_minutes(both))
            read.append(both.span())
    for one in _ONE_TIME.finditer(text):
        if not any(s <= one.start() < e for s, e in read):
            parts.append(
                _in_minutes(_num(float(one.group("n")), one.group("n")), _unit_of(one.group("u")))
            )
            read.append(one.span())
    if len(parts) < 2 or not any(_EACH_TIME.finditer(text)) or not _all_read(text, read):
        return None
    total = parts[0]
    for part in parts[1:]:
        total = Op("+", total, part)
    unit = _unit_of(asked.group("u"))
    return _from_minutes(total, unit), f"the times added, in {unit}s"


# "leave heathrow 11:20, land at JFK 14:05 local time. new york is 5 hours behind london":
# the times of leaving and landing, each on its own clock, and the hours between the clocks.
_LEAVES_AT = re.compile(
    r"\b(?:leaves?|leaving|left|departs?|departing|departed|takes?\s+off|took\s+off)\b"
    r"[^.;?!\d]{0,40}?(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:]|\s*[ap]\.?m\b)",
    re.I,
)
_LANDS_AT = re.compile(
    r"\b(?:lands?|landing|landed|arrives?|arriving|arrived|gets?\s+in)\b"
    r"[^.;?!\d]{0,40}?(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:]|\s*[ap]\.?m\b)",
    re.I,
)
_ZONES_APART = re.compile(
    rf"(?<![\w.])(?P<hours>{_AMOUNT})\s*{_HOURS}\s+(?P<way>behind|ahead)\b", re.I
)
_FLIGHT_ASKED = re.compile(
    r"\bhow\s+long\b[^.;?!]*?\bin\s+(?P<unit>hours|minutes)\b|"
    r"\b(?:flight|journey|travel)\s+time\b[^.;?!]*?\bin\s+(?P<unit2>hours|minutes)\b",
    re.I,
)


def _across_zones(text: str) -> tuple[Node, str] | None:
    """The time of a journey left on one clock and landed on another ("leave 11:20, land
    14:05 local time, 5 hours behind"): the clocks' difference is taken off or added,
    whichever leaves a time between 0 and 24 hours; when both would, which clock is behind
    is not read from the names, and the request is left unread."""
    leaves, lands = _LEAVES_AT.search(text), _LANDS_AT.search(text)
    zones = list(_ZONES_APART.finditer(text))
    asked = _FLIGHT_ASKED.search(text)
    if leaves is None or lands is None or len(zones) != 1 or asked is None:
        return None
    if leaves.start("h") > lands.start("h") or re.search(
        r"\bnext\s+day\b|\bovernight\b|\+\s*1\b|\bstop(?:s|over)?\b|\blayover\b|\bdelay",
        text,
        re.I,
    ):
        return None
    if not _all_read(text, [leaves.span(), lands.span(), zones[0].span()]):
        return None
    if not re.match(r"\s*(?:\(?\s*local\b|(?:their|there)\s+time\b)", text[lands.end() :], re.I):
        return None  # "landing at 12:45": on which clock is not said
    minutes = int(lands["h"]) * 60 + int(lands["m"]) - int(leaves["h"]) * 60 - int(leaves["m"])
    apart = float(zones[0]["hours"]) * 60
    fits = [sign for sign in (1, -1) if 0 < minutes + sign * apart < 24 * 60]
    if len(fits) != 1:
        return None
    landed: Node = Op("+", _num(int(lands["h"])), Op("/", _num(int(lands["m"])), _num(60)))
    left: Node = Op(
        "+",
        _num(int(leaves["h"])),
        Op("/", _num(int(leaves["m"])), _num(60)),
    )
    shift = _num(float(zones[0]["hours"]), zones[0]["hours"])
    hours: Node = Op("-", Op("+" if fits[0] == 1 else "-", landed, shift), left)
    unit = (asked["unit"] or asked["unit2"]).lower()
    if unit == "minutes":
        return Op("*", hours, _num(60)), "the journey's time, in minutes, across the clocks"
    return hours, "the journey's time, in hours, across the clocks"


def read_durations(text: str) -> tuple[Node, str] | None:
    """The expression and label of a time, a count of days, a journey's time, a pace, a
    download's time, pay for hours or a cost per hour or use that ``text`` states and asks,
    or None."""
    text = _plain(text)
    for reader in (
        _across_zones,
        _days_between,
        _journey,
        _pace,
        _speed,
        _finish_from_pace,
        _pace_converted,
        _download,
        _hours_at_rate,
        _yearly_per_hour,
        _per_use,
        _sessions_to_finish,
        _left_at_rate,
        _charge_per_started,
        _times_added,
        _time_in_unit,
    ):
        found = reader(text)
        if found is not None:
            return found
    return None
