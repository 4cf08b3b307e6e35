"""Right-angled triangles of everyday things (`analyst.triangles`), read through the
analyst's calculation step."""

from __future__ import annotations

import math
from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a ladder's height up the wall from its length and the distance out
        ("4 m ladder with the foot 1 m out from the wall. how high up the wall does it reach",
         math.sqrt(15)),
        ("my ladder is 6 m and the base is 1.5 m from the wall, how far up will it go",
         math.sqrt(36 - 2.25)),
        ("i have a 13 ft ladder with its base 5 ft out from the house. how high does it go", 12),
        # the ladder's length from the height and the distance out
        ("ladder reaches 3.8 m up the wall with its foot 1.2 m out, how long is the ladder",
         math.hypot(3.8, 1.2)),
        # a screen's sides from its diagonal and ratio
        ("tv is 65 inch on the diagonal and 16:9. how wide is the screen in inches",
         65 * 16 / math.hypot(16, 9)),
        ("the monitor is 27 inches, 16:9. how tall is it?", 27 * 9 / math.hypot(16, 9)),
        ('55" telly, 16:9, how wide is it in cm', 55 * 16 / math.hypot(16, 9) * 2.54),
    ],
)  # fmt: skip
def test_a_side_of_a_right_angled_triangle(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # an angle said too, or two ladders: not read
        "a 5 m ladder, the foot is 1.2 m from the wall and it's at 75 degrees. how high up "
        "does it reach",
        "a 5 m ladder and a 3 m ladder, the foot is 1 m out, how high does it reach",
        # a screen with no ratio
        "32 inch tv, how wide is it",
    ],
)
def test_a_triangle_not_fully_said_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
