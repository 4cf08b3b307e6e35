"""Unit tests for times, dates and rates over time (durations) and a flight's time with a
time difference said of a place (times)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # a time in another unit
        ("timesheet shows 7 h 42 min, what's that as decimal hours", 7.7),
        ("a film is 2 hours 15 minutes, how many minutes is that", 135),
        ("the meeting lasted 95 minutes, what is that in hours", 95 / 60),
        ("add up my hours for the timesheet: 7h45, 8h10 and 6h30. total in hours as a "
         "decimal", 22 + 25 / 60),
        ("shift from 22:15 to 06:45, how many hours is that", 8.5),
        # a part of a time is arithmetic on it, not the time
        ("half of 90 minutes in hours", 0.75),
        # days between dates
        ("baby's due on 3 march 2026 and today is 18 november 2025. how many weeks to go", 15),
        ("due on 14 feb 2027, today is 1st of january 2027. how many days to go", 44),
        ("i was born on 22 july 1990. how many days old will i be on my 35th birthday", 12784),
        # a journey with a stop
        ("it's 186 miles to the cottage, i average about 55 mph and we'll stop once for 40 "
         "mins. how many hours will it take all in", 186 / 55 + 40 / 60),
        ("it is 300 km to the coast, we average 100 km/h and stop for 30 minutes. how long "
         "will it take", 3.5),
        ("312 miles to grandma's at an average of 52 mph, plus about 45 minutes of stops. how "
         "long will it take in total, in hours", 6.75),
        # a journey with no stop: the distance at the speed
        ("how long to drive 210 miles at 60 mph", 3.5),
        # a slash after the speed's unit is its rate, not what is asked per (hours per hour)
        ("the ride is 100 km. how many hours at 25 km/h", 4.0),
        ("how long does it take to cycle 45 km at 18 km/h", 2.5),
        ("how many minutes to walk 3 miles at 4 mph", 45),
        # the unit asked after the question
        ("how long does it take to travel 150 km at 60 km/h, answer in minutes", 150),
        ("how long to cycle 12 km at 18 km/h? in mins", 40),
        # a stop said in words is no journey without one
        (
            "the ridge walk is 14 km, i do about 4.5 km/h, and we'll stop an hour for lunch. "
            "how many hours all in",
            14 / 4.5 + 1,
        ),
        # a pace or a split
        ("want to break 4 hours at the marathon (42.195 km). what pace per km is that, in "
         "minutes", 240 / 42.195),
        ("rowed 2000 m in 7:48 on the erg. what's my average split per 500 m in seconds", 117),
        ("ran 10 km in 52:30, what is my pace per km in minutes", 5.25),
        # a run said in "k" is kilometres, not thousands
        ("ran 10k in 52:30, pace per km in minutes?", 5.25),
        ("jogged 8k in 46:00, what's my pace per km in minutes", 46 / 8),
        ("ran 5k in 24:30, what's that as a speed in km/h", 5 / (24.5 / 60)),
        ("ran a marathon (42.2 km) in 3:45, pace per km in minutes", 225 / 42.2),
        # a pace per km is a time over a length, not a speed
        ("ran 42.2 km in 3 h 45 min, pace per km in minutes", 225 / 42.2),
        ("ran 42.2 km in 225 minutes, what pace per km is that, in minutes", 225 / 42.2),
        # a speed from a distance and a time, a finish time from a pace
        ("ran 5 km in 24:30 - what's that as a speed in km/h", 5 / (24.5 / 60)),
        ("if i hold 5:30 per km for the whole 10 km what's my finish time in minutes", 55),
        # a download
        ("game download is 4.2 GB and my connection does 80 Mbps. how many minutes, taking "
         "1 GB as 8,000 megabits", 7),
        ("file is 700 MB and the line does 20 Mbps, how many seconds", 280),
        # hours at an hourly rate
        ("worked mon 9 till 5:30, tue 9 till 5:30 and wed 9 till 1, no breaks, at 13.85 an "
         "hour. what have i earned", 290.85),
        ("childminder charges 6.20 an hour and my daughter is there 8:00 till 17:30 on mon, "
         "tue and thu. what's the weekly bill", 176.7),
        # sittings to finish at a rate
        ("i read about 40 pages an hour and read 45 mins every night. the book is 384 pages. "
         "how many nights to finish it", 12.8),
        ("I knit 12 rows an hour and knit for 2 hours every evening; the scarf is 300 rows. "
         "how many evenings", 12.5),
        # times of several things, each count times its time, added
        ("4 episodes at 30 mins each and then a film that's 1 h 30 min. how many hours is "
         "that altogether", 3.5),
        ("2 talks of 45 minutes each plus a 1 hour workshop, how many minutes in total", 150),
        # a charge for each period begun
        ("car park charges 2.50 for every 20 min or part of 20 min. i was parked 1 h 5 min, "
         "how much", 10),
        ("parking is 3 per hour or part thereof, i stayed 4 hours 10 minutes. how much", 15),
        # what is left of a total, at a rate
        ("the novel is 450 pages and i've read 130 of them. at 25 pages a day how many days "
         "to finish", 12.8),
        ("8000 step goal, i've done 5,600 so far. i do 120 steps a minute, how many more "
         "minutes", 20),
        # a yearly amount per hour, a price per use
        ("salary is 31,200 a year for 37.5 hours a week, 52 weeks. what's that per hour", 16),
        ("job ad says 27,300 a year for 35 hours a week. what's that per hour, assuming 52 "
         "paid weeks", 15),
        ("boots are 140 and i'll wear them 3 times a week for 2 years (52 weeks a year). "
         "cost per wear?", 140 / 312),
        ("coat was 200, i'll wear it 4 times a week for 3 years. cost per wear?", 200 / 624),
    ],
)  # fmt: skip
def test_times_dates_and_rates_over_time(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # a 29 February birthday falls on a day not said
        "born 29 february 2000, how many days old on my 18th birthday",
        # miles at km/h: a conversion not said
        "it is 300 km to the coast, we average 60 mph and stop for 30 minutes. how long",
        "how long to drive 300 km at 60 mph",
        # a journey's time asked in seconds: not read here
        "how long does it take to travel 150 km at 60 km/h, answer in seconds",
        # time lost to traffic, not said how much
        "how long to drive 210 miles at 60 mph with traffic",
        # a stop said in words, with no number
        "how long to drive 210 miles at 60 mph with a lunch break",
        # "1:00" for 1 km: a minute (on a bike) or an hour (a stroll), both speeds people move at
        "did 1 km in 1:00, pace per 100 m in seconds",
        # a break not said as one this reading takes off
        "worked mon 9 till 5 at 12 an hour with a 30 min lunch. what did i earn",
        # miles at a pace per km
        "if i hold 5:30 per km for the whole 10 miles what's my finish time in minutes",
        # a time zone said, but not which side is ahead
        "flight leaves at 22:40 and lands 06:15 the next morning (different time zone). how "
        "long is that in minutes",
        # weeks in a month: no whole number to take
        "gym is 30 and i go 2 times a week for 1 month. cost per visit",
        # weeks worked a year not said
        "salary is 31,200 a year for 37.5 hours a week. what's that per hour",
        # what is left at a rate, with a number not placed (a second amount done)
        "the novel is 450 pages, i read 130 and then 40. at 25 pages a day how many days to finish",
        # a time difference between places the flight's times are not said in
        "leaving at 09:30 and landing at 12:45. LA is 8 hours behind the UK. how long's the "
        "flight in hours",
        # a charge per period with a part period's charge not said
        "car park charges 2.50 for every 20 min. i was parked 1 h 5 min, how much",
        # times added with a number that is no time (a count not said of a time each)
        "4 episodes at 30 mins each and then 2 films. how many hours is that altogether",
        # a pace with no length it is per: never the speed (10 / 50 = 0.2 km a minute)
        "ran 10 km in 50 minutes, what was my pace",
    ],
)
def test_times_and_rates_not_all_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("flight leaves manchester at 21:40 and lands in dubai at 07:55 the next day, local "
         "time. dubai is 4 hours ahead of the uk. how long is the flight in hours", 6.25),
        ("flight leaves at 22:40 and lands 06:15 the next morning (same time zone). how long "
         "is that in minutes", 455),
        ("night bus left london at 23:50 and got into edinburgh at 07:35 the next morning. how "
         "many hours was i on it", 7.75),
        # the place left is ahead: the flight took longer than the clocks say
        ("flight leaves dubai at 09:00 and lands in london at 13:00 local time. dubai is 4 "
         "hours ahead of london. how long is the flight in hours", 8),
        # the places named by the zones of the times, one by its initials
        ("leaving gatwick 09:30 uk time and landing at LAX 12:45 los angeles time. LA is 8 "
         "hours behind the UK. how long's the flight in hours", 11.25),
    ],
)  # fmt: skip
def test_flight_time_with_a_difference_said_of_a_place(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


def test_a_pace_without_the_length_it_is_per_is_refused_saying_so() -> None:
    with pytest.raises(AgentInputError, match="a pace is a time per length"):
        run("ran 10 km in 50 minutes, what was my pace")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("podcast is 1 h 24 min long, at 1.5x speed how many minutes", 56),
        ("the lecture recording is 2 hours 10 minutes. how many minutes on 2x", 65),
        ("audiobook is 9 hours, how many hours at 1.25x speed", 7.2),
    ],
)
def test_a_recording_played_faster_takes_its_time_over_the_speed(
    instruction: str, expected: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("train leaves 08:47 and gets in at 11:32. journey time in mins?", 165),
        ("bus leaves at 14:05, arrives 16:20, how many mins is that", 135),
        ("flight departs 09:15 and lands 13:40, how many hrs is that?", 265 / 60),
    ],
)
def test_a_span_of_clock_times_is_asked_in_units_said_short(
    instruction: str, expected: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("tenancy runs from 1 march 2026 to 31 august 2026, how many days between the two "
         "dates", 183),
        ("contract starts 3 jan 2027 and ends 14 feb 2027 - how many days between these 2 "
         "dates", 42),
    ],
)  # fmt: skip
def test_days_between_the_two_dates_named_by_their_count(instruction: str, expected: float) -> None:
    assert run(instruction, "statistics")["result"] == expected


def test_days_between_dates_with_another_number_are_still_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "from 1 march 2026 to 31 august 2026 and 5 days more, how many days between the "
            "two dates"
        )


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # the clocks' difference added: taken off, the flight would be under nothing
        (
            "we take off from madrid 09:30 and land in lisbon 09:45 local time. lisbon is 1 "
            "hour behind. how long is the flight in hours",
            1.25,
        ),
        # taken off: added, the flight would be over a day
        (
            "leaving perth 01:00, arriving in auckland 23:00 local time, auckland is 3 hrs "
            "ahead. how long in hours",
            19.0,
        ),
        # asked in minutes
        (
            "departs 10:10 and arrives 10:40 local time, they are 2 hours behind us. how long "
            "is that in minutes",
            150.0,
        ),
    ],
)
def test_a_flight_across_clocks_where_one_way_alone_fits(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # either way leaves a time under a day, and nothing here says which clock is behind
        "leave 08:00, land 17:00 local time, they are 2 hours ahead. how long in hours",
        # the clock of the landing time not said
        "leave 09:30, land 12:45, they are 5 hours behind. how long in hours",
        # a stop on the way, which this reading does not take off
        "leave 09:00, land 12:00 local time with a 1 hour stopover, 5 hours behind. how long "
        "in hours",
    ],
)
def test_a_flight_across_clocks_not_settled_is_not_read(instruction: str) -> None:
    from orchestra.agents.analyst.durations import read_durations

    assert read_durations(instruction) is None
