"""Unit tests for materials for things counted: how many and their cost (materials)."""

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
        ("8 fence posts, each one needs 2.5 bags of postcrete at 6.40 a bag. how many bags and "
         "how much", [20, 128]),
        ("10 shelves, each needs 4 brackets at 1.25 per bracket. how many brackets and what's "
         "the cost", [40, 50]),
    ],
)  # fmt: skip
def test_containers_for_things_counted_and_their_cost(
    instruction: str, expected: list[float]
) -> None:
    assert [s["result"] for s in run(instruction)["steps"]] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # A number besides those read.
        "8 fence posts, each one needs 2.5 bags of postcrete at 6.40 a bag and 2 screws. how "
        "many bags and how much",
        # The price said of another container than the one needed.
        "8 fence posts, each one needs 2.5 bags of postcrete at 6.40 a tub. how many bags and "
        "how much",
    ],
)
def test_materials_not_all_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
