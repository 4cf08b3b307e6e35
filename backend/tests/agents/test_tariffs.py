"""Unit tests for a price list by kind, then how many of each kind (tariffs)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.tariffs import read_priced_counts
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # The name before its price.
        ("small box 4.50, large box 7.20. sent 30 small and 12 large, how much?", 221.4),
        ("mini valet 25, full valet 65. did 14 minis and 5 fulls on saturday, takings?", 675),
        # The name after its price.
        ("entry is 6 for members and 11 for guests. 40 members and 25 guests came, total "
         "takings", 515),
        ("tickets £9 adult £5 child, sold 214 adult and 96 child. takings", 2406),
        ("room is 95/day in summer and 60 off peak. booked 12 summer days and 9 off peak. "
         "total", 1680),
        ("classes are 8 for juniors and 12 for seniors. 10 seniors and 6 juniors, total", 168),
        # A question after a dash; kids are children.
        ("swim session: adult 6, child 3.50. 12 adults and 9 kids came - total takings", 103.5),
        ("Context: entry: member 5, guest 8. Task: let in 30 member, 12 guest - total income",
         246),
        # Words before the counts that name no price ("this evening").
        ("trip: member 20, guest 26. this evening we had 7 members and 3 guests. takings?", 218),
    ],
)  # fmt: skip
def test_counts_at_the_prices_named_for_them(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # A count that names both prices, or neither.
        "mini valet 25, full valet 65. did 14 valets and 5 fulls, takings?",
        "mini valet 25, full valet 65. did 14 washes and 5 fulls, takings?",
        # Another figure asked than the total.
        "mini valet 25, full valet 65. did 14 minis and 5 fulls, average takings?",
        "mini valet 25, full valet 65. did 14 minis and 5 fulls, 10% off, takings?",
        # A price that no count names.
        "mini valet 25, full valet 65, wax 9. did 14 minis and 5 fulls, takings?",
        # A price glued to its letters ("25pp"), not read: the group's size is no price.
        "private lesson is 35, group lessons are 25pp with 4 in a group, did 6 privates and 3 "
        "full groups today, takings",
    ],
)
def test_counts_not_named_by_one_price_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        # Not the money taken: how many.
        "mini valet 25, full valet 65. did 14 minis and 5 fulls, total cars?",
        # A total a year of prices a month: how many months?
        "mini valet 25 a month, full valet 65. 14 minis and 5 fulls signed up, total a year",
    ],
)
def test_another_total_than_the_takings_is_not_read(instruction: str) -> None:
    assert read_priced_counts(None, instruction) is None


@pytest.mark.parametrize(
    ("instruction", "capability"),
    [
        ("mini valet 25, full valet 65. did 14 minis and 5 fulls, total cars?", "statistics"),
        ("£9 adult £5 child, 40 adults and 25 childs came, how many people", "calculation"),
    ],
)
def test_prices_and_counts_of_kinds_are_not_added_up_as_one_list(
    instruction: str, capability: str
) -> None:
    # Added up as one list, 25 + 65 + 14 + 5 = 109 "cars".
    with pytest.raises(AgentInputError, match="prices of kinds and counts"):
        run(instruction, capability)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # A price for each kind, then a count of each kind: the products, added.
        ("Context: adult membership 240 a year, junior 95, family 480. we have 86 adults, 54 "
         "juniors and 22 families. Task: total income", 36330),
        ("Context: adult tickets are 12, child tickets 6. we sold 40 adults and 25 children. "
         "Task: total takings", 630),
        ("Context: adults 12 each, kids 6 each. 40 adults and 25 kids came. Task: total", 630),
        # A kid is a child: the child's price.
        ("Context: adult 12, child 6. 40 adults and 25 kids. Task: total", 630),
        # The total asked in the prices' own period.
        ("Context: adult membership 20 a month, junior 10. we have 30 adults and 12 juniors. "
         "Task: total income a month", 720),
    ],
)  # fmt: skip
def test_prices_of_kinds_and_counts_of_kinds(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # A total a year of prices a month: how many months?
        "Context: adult membership 20 a month, junior 10. we have 30 adults and 12 juniors. "
        "Task: total income a year",
        # Teens are no children said: which price is theirs?
        "Context: adult 12, child 6. 40 adults and 25 teens. Task: total",
        # Not the money taken in: how many people.
        "Context: adult 12, child 6. 40 adults and 25 children. Task: total people",
        "Context: adult 12, child 6. 40 adults and 25 children. Task: total profit",
        # A kind counted with no price.
        "Context: adult 12, child 6. 40 adults, 25 children and 3 babies. Task: total",
        # A price changed in words, or a share off.
        "Context: adult 12, child 6, under 3s go free. 40 adults and 25 children. Task: total",
        "Context: adult 12, child 6. 40 adults and 25 children, 10% off for groups. Task: total",
    ],
)
def test_prices_of_kinds_not_all_counted_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # Kinds named in more than one word: a count names the one price its words begin.
        ("Context: full set of shoes 95, trim only 40. did 7 full sets and 12 trims this "
         "week. Task: takings?", 1145),
        ("Context: deep clean 120, standard clean 65. did 4 deep cleans and 9 standard cleans "
         "this month. Task: total", 1065),
        # The kind said after its price.
        ("Context: hire is 179 for a weekend or 249 for a week. 3 weekends and 1 week booked "
         "this month. Task: total", 786),
        ("Context: the van is 60 for a day or 150 for a weekend. 5 days and 2 weekends booked. "
         "Task: total", 600),
    ],
)  # fmt: skip
def test_prices_of_kinds_named_in_several_words(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_a_count_whose_words_begin_two_prices_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: castle on its own is 85 a day, castle with slide 120. booked 6 castles "
            "and 4 slide combos this weekend. Task: takings"
        )
