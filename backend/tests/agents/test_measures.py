"""Unit tests for counts along a length or over an area, times between clock times, invoice
lines, and what "how many" counts of a table (measures, times, invoices, rows)."""

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
        ("putting up an 18 m fence with a post every 1.8 m. counting a post at both ends, "
         "how many posts do i need", 11),
        ("a 20 m hedge with a stake every 2 m, a stake at each end. how many stakes", 11),
        ("deck is 3.6 m wide. boards are 14.5 cm wide and i leave a 5 mm gap after each one, "
         "so each board takes up 15 cm. how many boards across", 24),
        ("kitchen splashback is 180 cm long and 60 cm high and the tiles are 10 x 10 cm. how "
         "many tiles do i need (no spares)", 108),
        ("wall is 2.4 m by 1.2 m and tiles are 20 x 30 cm. how many tiles", 48),
        # the tile's sides said before the tiles, and waste said to be left out
        ("splashback is 1.8 m by 0.5 m and i'm using 10cm x 10cm tiles. how many tiles "
         "ignoring waste", 90),
        # cut pieces counted as parts when asked to just divide: 7.2 m\u00b2 / 0.36 m\u00b2
        ("path is 8 m long by 0.9 m wide and slabs are 600 x 600 mm. how many slabs "
         "(just divide)", 20),
        ("shed roof is 24 m\u00b2 and we had 12 mm of rain overnight, how many litres", 288),
        # the tile's sides said in the question
        ("a kitchen floor 4.2 m by 3.6 m, how many 60x60 cm tiles, no waste", 42),
        # what runs round a rectangle, less a length left out for the door
        ("skirting for a room 5.2m x 3.5m, minus 0.9m for the door. how many metres", 16.5),
        ("edging round a lawn 6 m by 4 m. how many metres of edging", 20),
        # each piece's width, said of them all
        ("the side of the plot is 12 m and the fence panels are 1.5 m wide. how many panels", 8),
        # the length filled said as the width the pieces cover, side by side
        ("laying deck boards side by side to cover a width of 4.8 m. each board takes up "
         "150 mm including the gap. how many boards", 32),
    ],
)  # fmt: skip
def test_counts_along_a_length_or_over_an_area(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # 20 / 3 is no whole number of gaps: a shorter last gap, or closer posts?
        "a 20 m fence with a post every 3 m, a post at both ends, how many posts",
        # Without the ends said, a post at each end (or a closed loop) is a guess.
        "a 20 m fence with a post every 2 m, how many posts",
        # 90 / 4: the last book does not fit whole.
        "the shelf is 90 cm long and each book takes up 4 cm. how many books fit",
        # A border kept clear, which the pieces do not fill.
        "deck is 3.6 m wide with a trim board at both ends, each board takes up 15 cm. how "
        "many boards across",
        # A number that is not a part of the piece.
        "deck is 3.6 m wide and 2 are spares; each board takes up 15 cm. how many boards across",
        # A gate in the fence, said in words.
        "an 18 m fence with a gate, a post every 1.8 m, a post at both ends. how many posts",
        # 4 m / 60 cm: cut tiles
        "a kitchen floor 4 m by 3.6 m, how many 60x60 cm tiles, no waste",
        # How many doors, each with 0.8 m left out?
        "skirting for a room 4.6 m x 3.2 m, minus 0.8 m for each door. how many metres",
        # A length left out in another unit, not converted.
        "skirting for a room 4.6 m x 3.2 m, minus 80 cm for the door. how many metres",
        # Something left out whose length is not said.
        "skirting for a room 4.6 m x 3.2 m, minus 0.8 m for the door and the fireplace. how "
        "many metres",
        # Spares asked for, which whole tiles leave out.
        "wall is 2.4 m by 1.2 m and tiles are 20 x 20 cm. how many tiles, with spares",
        # 8 m / 600 mm: cut slabs, and no quotient asked for.
        "path is 8 m long by 0.9 m wide and slabs are 600 x 600 mm. how many slabs",
        # Waste ignored, but 1.25 m / 10 cm is no whole number of tiles.
        "splashback is 1.25 m by 0.5 m, using 10cm x 10cm tiles. how many tiles ignoring waste",
        # 4.8 m / 140 mm: the last board cut to fit?
        "laying boards side by side to cover a width of 4.8 m. each board takes up 140 mm. "
        "how many boards",
        # 12 / 1.83: the last panel cut to fit, or a gap left?
        "the side of the plot is 12 m and the fence panels are 1.83 m wide. how many panels",
    ],
)
def test_counts_not_whole_or_not_all_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("in bed at 23:15, up at 06:45, every night for a week (7 nights). total hours asleep",
         52.5),
        ("flight departs 09:40 and lands 13:05 local time. the destination is 2 hours ahead "
         "of us. how long is the flight actually, in hours", 85 / 60),
        ("flight departs 22:40 and lands 06:05 local time. we are 3 hours ahead of the "
         "destination. how long is the flight", 625 / 60),
        ("left at 08:10 and arrived at 09:25, how long did it take", 1.25),
    ],
)  # fmt: skip
def test_hours_between_a_start_and_an_end(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # A time of day asked, not a time taken.
        "flight departs 09:40 and lands 13:05 local time. the destination is 2 hours ahead "
        "of us. what time is it at home when it lands, in hours and minutes",
        # 11:15 to 6:45 may be 7.5 hours or 19.5 on a 12-hour clock.
        "in bed at 11:15, up at 6:45, 7 nights. total hours asleep",
        # Time taken out of the span, said in words.
        "started at 09:00 and finished at 17:30, with an hour for lunch. how many hours worked",
        # Every night, but not how many.
        "in bed at 23:15, up at 06:45, every night. total hours asleep",
        # A time difference not said in hours, nor which side is ahead.
        "flight departs 09:40 and lands 13:05 local time, in another time zone. how long is "
        "the flight",
    ],
)
def test_clock_times_not_read_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "capability", "expected"),
    [
        ("invoice lines:\n3 x consultation @ 85\n2 x written report @ 140\n"
         "less 10% loyalty discount\nwhat's the total", "calculation", 481.5),
        ("Context: Invoice lines: 3 x consultation @ 85. 2 x written report @ 140. Less 10% "
         "loyalty discount. Task: What's the total.", "statistics", 481.5),
        ("invoice:\n2 x widget @ 10\n1 x gadget @ 5.50\nplus 20% vat\ntotal?", "calculation",
         30.6),
        # Lines on one line, parted by commas; the item named first, then hours or a count.
        ("Context: Invoice lines: design 6.5h @ 60, revisions 2h @ 60, stock photos 3 x 12.99. "
         "Task: Total?", "statistics", 548.97),
        ("Context: Bill lines: labour 7.5 hours at 42, parts 3 x 18.25. Task: Total?",
         "statistics", 369.75),
        ("invoice items: copywriting 3.25 hrs @ 70, hosting 12 x 9.5, plus 20% vat. "
         "what's the total?", "calculation", 409.8),
        ("invoice:\n- 4 hrs editing @ 55\n- fonts 2 x 15\ntotal?", "calculation", 250),
    ],
)  # fmt: skip
def test_invoice_lines_then_percentages(instruction: str, capability: str, expected: float) -> None:
    assert run(instruction, capability)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # An item after the discount: does the discount take it in?
        "invoice:\n2 x widget @ 10\nless 10%\n1 x gadget @ 5.50\ntotal?",
        # A line of something else may be an amount the total leaves out.
        "invoice:\n2 x widget @ 10\nshipping 5\n1 x gadget @ 3\ntotal?",
        # A line with hours and no price: not summed with the prices as a list.
        "Context: Invoice lines: design 6.5h @ 60, revisions 2h, stock photos 3 x 12.99. "
        "Task: Total?",
        "Context: Bill: widgets 4 @ 2.50, delivery 6, cables 3 x 1.20. Task: What's the total?",
        # counts at prices, said with "at": no two values of one list
        "picked up 8 at 4.25 and 2 at 19, total?",
        "Context: 6 at 2.80 and 10 at 1.15. Task: Total?",
    ],
)
def test_invoice_lines_not_all_read_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # A count at a rate for so long, each: the product of the three.
        ("2 storage containers at 28 a week each for 9 weeks, total", 504),
        ("3 skips at 240 a week each for 2 weeks - total cost?", 1440),
        ("Context: 4 scaffold towers at 55 a day each for 6 days. Task: Total.", 1320),
        # A price a head, of the people counted.
        ("110 guests at 68 a head, total catering", 7480),
        ("110 guests at 68 a head and 45 kids at 20 a head, what's the total", 8380),
        ("2 adults at 15 each and 3 children at 8 each, total", 54),
        # An amount at a price per its unit, and a second price per the same unit.
        ("22 m2 of oak flooring at 34.99/m2 plus fitting at 18/m2. total", 1165.78),
        ("12 m of fencing at 25/m and painting at 3/m, total cost", 336),
        # Lines of each kind, and one price for the whole day.
        ("quote: 3 men at 22/hr each for 7 hrs, van hire 140 for the day, fuel at 0.35 a mile "
         "for 96 miles. total", 635.6),
        ("Context: 2 fitters at 30 an hour each for 5 hours, skip 180 for the week, mileage at "
         "0.45 a mile for 40 miles. Task: What's the total?", 498),
    ],
)  # fmt: skip
def test_lines_said_in_words_are_the_products_summed(instruction: str, expected: float) -> None:
    assert run(instruction, "statistics")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # The rate of each man, or of the three? ("each" says it.)
        "3 men at 22/hr for 7 hrs, total",
        # A rate a week, for how many weeks?
        "2 storage containers at 28 a week, total",
        # 25 each for each night, or for the three nights?
        "4 people at 25 each for 3 nights, total",
        # A price per m2, with no m2 said.
        "fitting at 18/m2 and 3 doors at 40 each, total",
        # A line of something else: the total may leave it out.
        "10 guests at 68 a head, 2 paid already, total",
        "12 tickets at 8 each and 2 free, total",
    ],
)
def test_lines_said_in_words_not_all_read_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, "statistics")


def test_how_many_of_a_noun_no_column_names_is_not_the_count_of_rows() -> None:
    with pytest.raises(AgentInputError, match="no column of errors"):
        run('how many errors are in here? [{"a":1},{"a":2}]', "statistics")


@pytest.mark.parametrize(
    "instruction",
    [
        "how many pupils?\nname,score\nann,3\nbob,4\ncy,5",
        "how many rows?\nname,score\nann,3\nbob,4\ncy,5",
        "how many scores are there?\nname,score\nann,3\nbob,4\ncy,5",
        "how many tickets are in this list?\nid,status\n1,open\n2,closed\n3,open",
    ],
)
def test_how_many_of_what_the_rows_are_counts_them(instruction: str) -> None:
    assert run(instruction, "statistics")["result"] == 3


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("my stride is about 0.74 m and i did 12,400 steps today. how many km", 9.176),
        ("my stride is 0.8 m. i walked 10,000 steps. how far in km", 8),
        ("stride length of 70 cm, walked 8000 steps, how far in miles", 3.479679),
    ],
)
def test_distance_walked_is_a_stride_a_step(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected, rel=1e-6)


def test_steps_besides_those_counted_are_not_read_as_walked() -> None:
    with pytest.raises(AgentInputError):
        run("my stride is 0.74 m and i did 12400 steps and 300 more. how many km")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # a mass from a density and a volume, the volume in the density's unit
        (
            "Context: density of cooking oil is 0.92 g/cm³. Task: what's the mass of 250 ml of "
            "it in g",
            230,
        ),
        ("the density of olive oil is 0.91 g/ml, how much does 2 litres weigh in kg", 1.82),
        ("Context: density of copper is 8.96 g/cm3. Task: mass of a 15 cm3 block?", 134.4),
        # a concentration from a mass in a volume, in the units asked
        ("dissolved 12.5 g of salt in 250 cm³ of water, concentration in g/dm³", 50),
        ("40 g of sugar dissolved in 500 ml, what's the concentration in g/l", 80),
    ],
)
def test_a_mass_from_a_density_and_a_concentration(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # two volumes: which is weighed?
        "Context: density of oil is 0.92 g/cm³. Task: what's the mass of 250 ml plus 100 ml",
        # two masses in one volume
        "dissolved 12.5 g of salt and 3 g of sugar in 250 cm³ of water, concentration in g/dm³",
    ],
)
def test_a_density_or_concentration_with_a_number_left_over_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
