"""Sizes worked out by a rule said in words (`analyst.building`), and an earlier step's
amount counted in portions of a size (`analyst.portions`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepInput, StepRequest


def run(instruction: str, *inputs: StepInput) -> dict[str, Any]:
    request = StepRequest(instruction=instruction, capability="calculation", inputs=inputs)
    return run_operation(request).data


def results(data: dict[str, Any]) -> list[float]:
    return [step["result"] for step in data["steps"]]


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            "Context: Pond liner size is length + 2 x depth + 0.6 m for overlap, and the same "
            "for the width. Pond will be 3 m long, 2 m wide and 0.6 m deep. Task: Liner length "
            "and width?",
            [4.8, 3.8],
        ),
        # in another unit, asked in the other order
        (
            "liner size is length + 2 x depth + 30 cm, and the same for the width. pond is 250 "
            "cm long, 150 cm wide and 40 cm deep. what liner width and length do i need?",
            [260, 360],
        ),
    ],
)
def test_sides_by_a_rule_said_in_words(instruction: str, expected: list[float]) -> None:
    assert results(run(instruction)) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # a rule said as "rule:", over the deepest side, amounts glued to their metres
        (
            "pond liner rule: length + 2 x max depth + 0.5m for overlap. pond is 3m long and "
            "0.7m deep at the deepest, what length of liner do i order",
            [4.9],
        ),
        (
            "liner rule: width + 2 x maximum depth + 50 cm. the pond is 180 cm wide and 60 cm "
            "deep, liner width?",
            [350],
        ),
        ("pond liner rule = length + 2 x depth + 0.6 m. pond is 2 m long, 0.5 m deep. liner "
         "length?", [3.6]),
    ],
)  # fmt: skip
def test_sides_by_a_rule_said_as_a_rule(instruction: str, expected: list[float]) -> None:
    assert results(run(instruction)) == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # the rule is said for the length only
        "liner size is length + 2 x depth + 0.5 m. pond is 3 m long, 2 m wide and 0.6 m "
        "deep. liner length and width?",
        # sides in two units, which the rule does not convert
        "liner size is length + 2 x depth + 0.5 m, and the same for the width. pond is 3 m "
        "long, 2 m wide and 60 cm deep. liner length and width?",
    ],
)
def test_rules_not_said_for_all_asked_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


SOIL = StepInput("s1", "How many litres of soil", "**864**", {"result": 864.0})
PROTEIN = StepInput("s1", "How many grams a day", "**108.8**", {"result": 108.8})


@pytest.mark.parametrize(
    ("instruction", "step", "expected"),
    [
        (
            "How many 60 L bags is the result of step s1 (How many litres of soil) (just divide).",
            SOIL,
            14.4,
        ),
        # containers bought whole, when not said to just divide
        ("How many 60 L bags is the result of step s1 (How many litres of soil).", SOIL, 15),
        # a share of the amount, then over the size of one portion
        (
            "How many 25 g scoops of whey would cover half of the result of step s1 (How many "
            "grams a day).",
            PROTEIN,
            2.176,
        ),
        # the portion in another unit of the same kind
        ("How many 0.5 kg tubs is the result of step s1 (How many grams a day) (just divide)",
         PROTEIN, 0.2176),
    ],
)  # fmt: skip
def test_an_earlier_amount_in_portions(instruction: str, step: StepInput, expected: float) -> None:
    assert run(instruction, step)["result"] == pytest.approx(expected)


def test_portions_of_another_kind_are_not_read() -> None:
    # litres in bags of a weight: no division of one by the other
    with pytest.raises(AgentInputError):
        run("How many 25 kg bags is the result of step s1 (How many litres of soil).", SOIL)


DAYS = StepInput(
    "s1", "How many days between 22 july 2026 and 2 september 2026", "**42**", {"result": 42}
)


@pytest.mark.parametrize(
    ("instruction", "step", "expected"),
    [
        (
            "What's the result of step s1 (How many days between 22 july 2026 and 2 september "
            "2026) in weeks.",
            DAYS,
            6,
        ),
        ("How many weeks is the result of step s1 (How many days between ...)?", DAYS, 6),
        ("Convert the result of step s1 (How many litres of soil) to ml", SOIL, 864_000),
    ],
)
def test_an_earlier_amount_in_another_unit(
    instruction: str, step: StepInput, expected: float
) -> None:
    assert run(instruction, step)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # days are no whole number of months
        "What's the result of step s1 (How many days between ...) in months.",
        # a length asked of a time
        "What's the result of step s1 (How many days between ...) in km.",
    ],
)
def test_an_earlier_amount_in_a_unit_of_another_kind_is_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, DAYS)
