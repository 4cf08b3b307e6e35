"""A time improved: the seconds faster and the improvement in percent (`analyst.improvements`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


def results(data: dict[str, Any]) -> list[float]:
    return [step["result"] for step in data["steps"]] if "steps" in data else [data["result"]]


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # Both asked, in the order asked.
        (
            "Context: my river loop came down from 48:20 to 46:50. Task: seconds quicker and % "
            "improvement on the old time",
            [90, 90 / 2900 * 100],
        ),
        (
            "Context: 200 back went from 2:31.60 to 2:28.10. Task: what % faster is that and "
            "how many seconds faster",
            [3.5 / 151.6 * 100, 3.5],
        ),
        # One asked; hours, minutes and seconds.
        ("marathon went from 3:42:10 to 3:35:40, how many seconds faster", [390]),
    ],
)
def test_the_seconds_faster_and_the_improvement_in_percent(
    instruction: str, expected: list[float]
) -> None:
    assert results(run(instruction)) == [pytest.approx(e) for e in expected]


@pytest.mark.parametrize(
    "instruction",
    [
        # Slower, not faster; something else asked too; a third number.
        "Context: my river loop went from 46:50 to 48:20. Task: how many seconds faster",
        "Context: my river loop went from 48:20 to 46:50. Task: seconds faster and my pace per lap",
        "Context: my river loop went from 48:20 to 46:50 in 6 weeks. Task: how many seconds faster",
        # Hours and minutes, or minutes and seconds: unsaid.
        "Context: my half went from 1:58 to 1:52. Task: how many seconds faster",
    ],
)
def test_a_time_improvement_not_read_surely_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
