"""Gift Aid claimed on donations, and the total with it (`analyst.giftaid`)."""

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
        # The eligible share of the donations, the claim and the total, in the order asked.
        (
            "Context: the sponsored walk raised 3,200 and 80% of it was gift aided. gift aid "
            "adds 25%. Task: whats the total and how much gift aid",
            [3840, 640],
        ),
        # All of it eligible, said so; the claim alone.
        (
            "Context: a donor gave 400 and ticked gift aid, so we claim 25% on top. "
            "Task: how much can we claim",
            [100],
        ),
    ],
)
def test_the_gift_aid_claimed_and_the_total(instruction: str, expected: list[float]) -> None:
    assert results(run(instruction)) == [pytest.approx(e) for e in expected]


@pytest.mark.parametrize(
    "instruction",
    [
        # The rate not said; not said to be eligible; a second amount; another question.
        "Context: a donor gave 400 and ticked gift aid. Task: how much can we claim",
        "Context: a donor gave 400, we claim 25% on top with gift aid. Task: how much can we claim",
        "Context: a donor gave 400 and another 150 and ticked gift aid, so we claim 25% on top. "
        "Task: how much can we claim",
        "Context: a donor gave 400 and ticked gift aid, so we claim 25% on top. "
        "Task: how much can we claim and when does it arrive",
    ],
)
def test_gift_aid_not_read_surely_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
