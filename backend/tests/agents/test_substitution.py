"""A formula written with named quantities, and their values (`analyst.substitution`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # each value put in for the quantity of its unit; the one with none is the age
        (
            "work out my bmr with 10 x weight in kg + 6.25 x height in cm - 5 x age + 5. "
            "i'm 78 kg, 180 cm and 34",
            10 * 78 + 6.25 * 180 - 5 * 34 + 5,
        ),
        (
            "Context: she is 62 kg, 165 cm and 40 years. Task: work it out using 10 x "
            "weight in kg + 6.25 x height in cm - 5 x age - 161",
            10 * 62 + 6.25 * 165 - 5 * 40 - 161,
        ),
    ],
)
def test_a_formula_with_the_values_given(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # no value for the height
        "work out my bmr with 10 x weight in kg + 6.25 x height in cm - 5 x age + 5. "
        "i'm 78 kg and 34",
        # two values with no unit for the one quantity with none
        "work out my bmr with 10 x weight in kg + 6.25 x height in cm - 5 x age + 5. "
        "i'm 78 kg, 180 cm, 34 and 12",
    ],
)
def test_a_formula_missing_or_with_extra_values_is_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # any arithmetic of numbers and quantities named in one word, in brackets or not;
        # a value said in the quantity's name ("6 reps"), or in a unit of what it measures
        ("estimate my 1 rep max with weight x (1 + reps/30). i did 80 kg for 6 reps", 96),
        ("max heart rate = 220 minus age, i'm 46. what's my max", 174),
        # the arithmetic ends at "and" before the value given, not at a stop
        ("max hr = 220 - age and im 43. max?", 177),
        ("max hr = 220 - age and i'm 38. what is my max hr", 182),
    ],
)
def test_any_arithmetic_formula_with_the_values_given(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # no value for the reps, or a number left over
        "estimate my 1 rep max with weight x (1 + reps/30). i did 80 kg",
        "max heart rate = 220 minus age, i'm 46 and my dad is 70. what's my max",
        "max hr = 220 - age and im 43 and my dad is 70. my max?",
        # percentages of the result asked too: numbers this reading would leave out
        "max hr = 220 - age and im 43. max, 70% of max and 85% of max?",
    ],
)
def test_any_arithmetic_formula_missing_or_with_extra_values_is_not_read(
    instruction: str,
) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("units = abv% x ml / 1000. had 4 pints (568 ml each) at 4.5%, how many units", 10.224),
        ("units = abv% x ml / 1000. drank 3 cans of 440 ml each at 5%, how many units", 6.6),
        ("units = abv% x ml / 1000. a 750 ml bottle of wine at 13%, how many units", 9.75),
    ],
)
def test_a_quantity_named_in_percent_and_a_count_of_one_size(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_percentage_given_for_a_quantity_not_in_percent_is_refused() -> None:
    # 18% as 18 would be a rate a hundred times too large
    with pytest.raises(AgentInputError):
        run("interest = balance x rate / 12. balance 3000, rate 18%")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "elo expected score is 1 / (1 + 10^((their rating - my rating)/400)). im 1450 and "
            "they're 1610, what's my expected score",
            1 / (1 + 10 ** ((1610 - 1450) / 400)),
        ),
        (
            "the win chance is 1 / (1 + 10^((their rating - my rating)/400)). my rating is "
            "2000 and theirs is 1800. what's my win chance",
            1 / (1 + 10 ** ((1800 - 2000) / 400)),
        ),
    ],
)
def test_a_figure_said_by_whose_quantities_are_whose(instruction: str, result: float) -> None:
    # "my rating" takes the value said to be mine, "their rating" the one said to be theirs.
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_figure_said_but_not_asked_is_not_read_as_a_formula() -> None:
    # no value said to be whose: which rating is which is not guessed
    with pytest.raises(AgentInputError):
        run(
            "elo expected score is 1 / (1 + 10^((their rating - my rating)/400)). ratings "
            "are 1450 and 1610, what's my expected score"
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # each name said right before its value: 1.052 is og's, not the "fg" after it
        ("og 1.052 fg 1.010, abv using (og - fg) x 131.25", 5.5125),
        ("cable length: l 40 s 7.5, total using l + s x 2", 55),
    ],
)
def test_names_said_before_their_values(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)
