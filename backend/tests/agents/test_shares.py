"""A cost shared by the nights each person stays (`analyst.shares`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest

_COTTAGE = (
    "Context: Cottage is 840 for the week (7 nights). 4 of us stay all 7 nights and 2 only "
    "come for 3 nights. Task: "
)


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            f"{_COTTAGE}Splitting by nights stayed, what does each full-week person pay",
            840 / 34 * 7,
        ),
        (f"{_COTTAGE}What does each 3-night person pay", 840 / 34 * 3),
        (
            "villa is 1200. 3 friends stay 5 nights and 2 others stay 2 nights. what does each "
            "2-night person pay",
            1200 / 19 * 2,
        ),
    ],
)
def test_a_share_by_nights_stayed(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # no group stays 4 nights
        f"{_COTTAGE}What does each 4-night person pay",
        # a number left over (a deposit?) that the sharing would leave out
        "villa is 1200 plus 150. 3 friends stay 5 nights and 2 others stay 2 nights. what does "
        "each 2-night person pay",
    ],
)
def test_a_share_by_nights_not_said_whole_is_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
