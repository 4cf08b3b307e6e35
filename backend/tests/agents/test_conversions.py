"""Several unit conversions asked in one request (`analyst.conversions`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.conversions import read_conversions
from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        ("three quick ones: 5 km in miles, 10 kg in lb, and 30 C in F", [3.106856, 22.046226, 86]),
        # as the planner states it: the first in the context, the rest in the task
        ("Context: 5 km in miles. Task: 10 kg in lb, and 30 C in F.", [3.106856, 22.046226, 86]),
        # joined by "and" alone
        ("5 km in miles and 10 kg in lb", [3.106856, 22.046226]),
    ],
)
def test_each_conversion_of_a_list_is_answered_in_turn(
    instruction: str, results: list[float]
) -> None:
    steps = run(instruction)["steps"]
    assert [s["result"] for s in steps] == pytest.approx(results, rel=1e-6)


def test_a_list_with_a_piece_that_is_no_conversion_is_not_read() -> None:
    assert read_conversions("5 km in miles, and double it") is None
    assert read_conversions("5 km in miles") is None  # one alone is the formula's
    with pytest.raises(AgentInputError):
        run("5 km in miles, 10 kg in lb and add 3")


def test_a_conversion_of_a_number_in_words() -> None:
    data = run_operation(
        StepRequest(instruction="ten mile race, how many km", capability="calculation")
    ).data
    assert data["result"] == pytest.approx(16.09344)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("caravan awning is 10 ft 6 in wide, how many metres is that", 3.2004),
        ("the shed is 12 ft 4 in long, what is that in cm", 375.92),
        ("6 ft 2 in to cm", 187.96),
    ],
)
def test_feet_and_inches_said_as_in_are_one_length(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-6)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("sign is 96 inches wide, in cm? (2.54)", 243.84),
        ("board is 127 cm long, in inches? (2.54)", 50),
        # The factor said is the one used.
        ("a 5 mile walk in km (1.609)", 8.045),
    ],
)
def test_a_conversion_with_its_factor_said_in_brackets(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_bracketed_number_that_is_no_factor_of_the_conversion_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("sign is 96 inches wide, in cm? (2.6)")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("chair seat is 18 inches square, in cm? (2.54 cm per inch)", 45.72),
        ("the rug is 3 m square, in feet?", 9.8425197),
        ("castle is 15 ft x 15 ft, how many metres is each side (1 ft = 0.3048 m)", 4.572),
        ("the patio is 4 yards by 4 yards, how many metres is each side", 3.6576),
    ],
)
def test_a_square_said_by_its_side_converts_the_side(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-6)


@pytest.mark.parametrize(
    "instruction",
    [
        # sides that differ: each side is no one length
        "the patio is 4 yards x 5 yards, how many metres is each side",
        # an area asked of the square: not the side
        "the rug is 3 m square, area in feet?",
    ],
)
def test_a_square_with_no_one_side_is_not_converted(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


def test_the_rule_of_a_temperature_conversion_said_aside_adds_nothing() -> None:
    assert run("freezer is at -18 c, whats that in f (c x 1.8 + 32)")["result"] == pytest.approx(
        -0.4
    )
    assert run("oven says 350 f, what's that in c ((f - 32) x 5/9)")["result"] == pytest.approx(
        176.6666667
    )


def test_knots_are_a_speed() -> None:
    assert run("forecast says gusts of 25 knots, what's that in km/h")["result"] == pytest.approx(
        46.3
    )
    assert run("20 knots in mph")["result"] == pytest.approx(23.0155890)
