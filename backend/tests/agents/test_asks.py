"""Requests that ask two or three things of one statement (`analyst.asks`)."""

from __future__ import annotations

import pytest

from orchestra.agents.analyst.asks import asks_of, statement_and_questions
from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how much per can, and what's 15% of that", ["how much per can", "what's 15% of that"]),
        ("volume in m³, and tonnes at 1.6 t per m³", ["volume in m³", "tonnes at 1.6 t per m³"]),
        ("how many days does it last and whats the cost per shot",
         ["how many days does it last", "whats the cost per shot"]),
        ("total repaid? how much of that is interest",
         ["total repaid", "how much of that is interest"]),
        # one ask: "how much per can" is no second ask
        ("how much is it per can", None),
        ("how much and what", None),
    ],
)  # fmt: skip
def test_a_question_is_parted_where_a_new_ask_starts(question: str, asks: list[str] | None) -> None:
    assert asks_of(question) == asks


def test_the_statement_ends_at_the_first_question() -> None:
    assert statement_and_questions(
        "a box of 24 cans is 9.60. how much per can, and what's 15% of that"
    ) == ("a box of 24 cans is 9.60", "how much per can, and what's 15% of that")


def test_each_ask_is_answered_in_turn_and_that_is_the_last_result() -> None:
    # "15% of that" is of the price per can (0.4), not of the box (9.60)
    data = run("a box of 24 cans is 9.60. how much per can, and what's 15% of that")
    assert [step["result"] for step in data["steps"]] == pytest.approx([0.4, 0.06])
    assert data["result"] == pytest.approx(0.06)


def test_asks_not_all_answered_are_refused_whole() -> None:
    with pytest.raises(AgentInputError):
        run("a box of 24 cans is 9.60. how much per can, and how long is the bus ride")


def test_a_second_ask_said_without_its_question_words_is_asked_in_full() -> None:
    assert asks_of("scaling down to 15 litres, how much malt in kg and hops in g") == [
        "scaling down to 15 litres, how much malt in kg",
        "scaling down to 15 litres, how much hops in g",
    ]


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        ("recipe is for 23 litres using 4.6 kg of malt and 50 g of hops. scaling down to 15 "
         "litres, how much malt in kg and hops in g", [3, 50 * 15 / 23]),
        ("a batch for 20 litres uses 3 kg of malt and 40 g of hops. I want to scale it up to "
         "30 litres. how much malt in kg and hops in g", [4.5, 60]),
    ],
)  # fmt: skip
def test_each_ingredient_of_a_scaled_recipe_is_answered(
    instruction: str, results: list[float]
) -> None:
    # read whole, "and hops in g" would be left unanswered
    data = run(instruction)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


def test_what_the_first_ask_says_before_its_question_is_said_of_every_ask() -> None:
    # "for a 160 l tank" is of the tetras too
    data = run(
        "Context: stocking rule is 1 cm of fish per 2 litres. Task: for a 160 l tank how many "
        "cm of fish is that, and how many 4 cm tetras"
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([80, 20])


def test_a_reading_of_one_ask_does_not_answer_two() -> None:
    # the % rise alone was read whole (7.43) and "how much extra a year" left unsaid
    data = run(
        "Context: Landlord wants to put the rent up from 875 to 940 a month. "
        "Task: How much extra a year. Whats the % rise."
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([780, 7.428571], rel=1e-6)
    data = run(
        "council tax drops from 160 to 148 a month - how much less a year, and whats the % decrease"
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([144, 7.5])


def test_asks_after_amounts_with_only_commas_between_are_each_answered_or_refused() -> None:
    # "new rent" was taken into the statement and only the yearly extra answered.
    data = run("rent is 1,380 a month and going up 6.5%, new rent, and how much extra a year")
    assert [step["result"] for step in data["steps"]] == pytest.approx([1469.7, 1076.4])
    # A unit's power is no amount: "volume in m3" is asked.
    data = run(
        "shed base is 3m x 2.4m and 100mm deep, volume in m3, and how many 25kg bags of mix "
        "if one bag makes 0.0125 m3 (just divide)"
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([0.72, 57.6])
    # The planner's statement ends with the first ask: the bags alone were answered.
    data = run(
        "Context: spreading grit at 40 g per m2 over the 1,850 m2 playground, kg needed. "
        "Task: How many 25 kg bags (just divide)."
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([74, 2.96])
    # The % rise alone was answered, the extra per year left unsaid.
    with pytest.raises(AgentInputError, match="asks 2 things"):
        run("energy direct debit going from 118 to 149 a month, extra per year and % rise")


def test_two_asks_of_which_one_is_read_are_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "my phone bill is going up from 32 to 36.50 a month. how much more a year and "
            "what percent increase is that"
        )


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: Two separate q's, median of 12, 7, 15, 9. Task: What's 15% of 860.",
        "Context: Hey, the average of 3.5, 4 and 6. Task: Whats 7 x 12?",
        "Context: Quick ones: mean of 20, 30, 55. Task: how much is 12% of 300",
    ],
)
def test_a_figure_of_a_list_asked_in_the_context_is_not_left_unanswered(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="two things"):
        run(instruction)


def test_a_list_in_the_context_that_the_task_works_on_is_answered() -> None:
    # The context names values, and asks nothing of them: the task is the one ask.
    assert run("Context: I spent 12, 30 and 8. Task: What's the total?")["result"] == 50


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        ("Context: Cycle 7.5 km each way 4 days a week. Task: Whats that in km a week and "
         "over 44 weeks.", [60, 2640]),
        ("i walk 3.2 km each way 5 days a week, how many km is that a week and over 30 weeks",
         [32, 960]),
        ("Context: We spend 85 a week on groceries. Task: what's that per week and for 12 "
         "weeks?", [85, 1020]),
        # the period said by its adverb, the span as the days of a longer period
        ("Context: Kiln draws 9 kw and runs 6 hrs a day, power is 30p/kwh. Task: Daily cost "
         "and for a 4 day week", [16.2, 64.8]),
        ("heater is 3 kw on 4 hrs a day at 25p/kwh. what's the daily cost, and over a 6-day "
         "week?", [3, 18]),
    ],
)  # fmt: skip
def test_an_amount_a_period_and_over_so_many_periods_answers_both(
    instruction: str, results: list[float]
) -> None:
    data = run(instruction)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: Run 6 km 3 days a week. Task: Km a week and over a year?",
        "Context: Cycle 7.5 km each way 4 days a week. Task: km a week and over 2 years",
        "Context: Kiln draws 9 kw and runs 6 hrs a day, at 30p/kwh. Task: weekly cost and "
        "for a 4 day week",
    ],
)
def test_a_span_not_counted_in_the_period_asked_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="two things"):
        run(instruction)


def test_a_full_stop_parts_two_asks() -> None:
    assert asks_of("How much extra a year. Whats the % rise.") == [
        "How much extra a year",
        "Whats the % rise",
    ]


def test_that_keeps_the_unit_the_last_ask_named() -> None:
    # "how many hours is that": that is 178 minutes, not 178 of nothing
    data = run(
        "turkey needs 20 mins per kg plus 70 mins. its 5.4 kg - how many minutes, and how many "
        "hours is that"
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([178, 178 / 60])


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        ("Context: Varnishing 18 m2 of floorboards, 3 coats, 1 litre does 12 m2. Task: Litres, "
         "and how many 2.5 l tins (just divide).", [4.5, 1.8]),
        ("Context: Painting 40 m2 of wall, 2 coats, 1 litre covers 10 m2. Task: Litres, and "
         "how many 2.5 l tins (just divide).", [8, 3.2]),
        ("Context: Skirting is 3 rooms of 14 m each. Task: Metres, and how many 2.4 m lengths "
         "(just divide)", [42, 17.5]),
    ],
)  # fmt: skip
def test_an_ask_that_names_its_unit_alone_is_answered_too(
    instruction: str, results: list[float]
) -> None:
    # read whole, only the tins were answered and "litres" left unsaid
    data = run(instruction)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: Piano lessons are £32 for 45 mins, 36 a year. Task: Yearly cost and whats "
        "that per hour.",
        "Context: Guitar lessons cost £28 for 30 mins, 40 a year. Task: Annual cost, and what "
        "is that per hour?",
    ],
)
def test_an_ask_that_names_its_figure_alone_is_not_left_unanswered(instruction: str) -> None:
    # read whole, "per hour" alone was answered (wrongly, from all three amounts)
    with pytest.raises(AgentInputError, match="2 things"):
        run(instruction)


def test_a_figure_then_the_same_figure_per_a_unit_is_two_asks() -> None:
    assert asks_of("earnings and per hour") == ["earnings", "earnings per hour"]
    assert asks_of("total, and per head?") == ["total", "total per head"]
    # Read as one ask, "per hour" alone gave 17.14 and no earnings.
    with pytest.raises(AgentInputError):
        run("£1.10 per parcel, delivered 148 parcels today in 9.5 hrs. earnings and per hour")
