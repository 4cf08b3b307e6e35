"""How many of one part of a whole shared in a ratio."""

from __future__ import annotations

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def result(instruction: str) -> float:
    request = StepRequest(instruction=instruction, capability="calculation")
    return float(run_operation(request).data["result"])


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            "Context: boys to girls in the class is 3:4 and there are 28 kids. "
            "Task: how many girls",
            16,
        ),
        ("the ratio of sheep to goats is 2:7 and there are 45 animals. how many sheep?", 10),
        ("we have 3 cats for every 2 dogs at the shelter, 40 pets in all. how many dogs", 16),
    ],
)
def test_a_part_of_a_whole_shared_in_a_ratio(instruction: str, expected: float) -> None:
    assert result(instruction) == expected


def test_a_ratio_that_does_not_share_the_whole_into_whole_people_is_refused() -> None:
    with pytest.raises(AgentInputError):
        result("boys to girls is 3:4 and there are 30 kids. how many girls")
