"""Unit tests for round things: the litres a round container holds, pizzas' areas (rounds)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("round water butt is 0.5 m across and 1.2 m tall. how many litres does it hold",
         math.pi * 0.25**2 * 1.2 * 1000),
        ("Context: Round paddling pool, 3 m diameter, filling it to 30 cm. Task: How many litres.",
         math.pi * 1.5**2 * 0.3 * 1000),
        ("a cylindrical tank with a radius of 40 cm, 90 cm deep. how many litres",
         math.pi * 0.4**2 * 0.9 * 1000),
    ],
)  # fmt: skip
def test_litres_a_round_container_holds(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


def test_each_pizzas_area_by_its_diameter() -> None:
    data = run("10 inch pizza vs a 14 inch one, area of each in square inches")
    assert [s["result"] for s in data["steps"]] == pytest.approx([math.pi * 25, math.pi * 49])


@pytest.mark.parametrize(
    "instruction",
    [
        # A part of it filled, which is not read.
        "round planter is 40 cm across and 45 cm deep, fill it to 5 cm below the rim. how "
        "many litres of compost",
        # No height said.
        "round water butt is 0.6 m across. how many litres does it hold",
        # A number that is no size.
        "2 round planters, each 40 cm across and 45 cm deep. how many litres of compost",
        # An area asked in another unit than the sizes.
        "12 inch pizza vs a 30 cm one, area of each in square inches",
    ],
)
def test_round_things_not_all_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
