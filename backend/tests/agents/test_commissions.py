"""A fee taken as a share of an amount, VAT on the fee, and what is left (`analyst.commissions`)."""

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
        # Both asked, in the order asked; the VAT rate said before or after "vat".
        (
            "Context: flat lets for 1,200 a month and the agency takes 10% plus vat at 20%. "
            "Task: what do i actually keep and what's the agency fee",
            [1056, 144],
        ),
        (
            "Context: managing agent charges 8% + 20% vat on the fee, rent is 850 pcm. "
            "Task: agent fee and what i get",
            [81.6, 768.4],
        ),
        # One asked.
        (
            "Context: booking agent takes 15% plus vat at 20% of the 2,400 gig fee. "
            "Task: what's left for the band",
            [1968],
        ),
    ],
)
def test_a_fee_with_vat_on_it_and_what_is_left(instruction: str, expected: list[float]) -> None:
    assert results(run(instruction)) == [pytest.approx(e) for e in expected]


@pytest.mark.parametrize(
    "instruction",
    [
        # Another period asked; a second amount; no VAT rate said.
        "Context: managing agent charges 8% + 20% vat on the fee, rent is 850 pcm. "
        "Task: agent fee per year",
        "Context: managing agent charges 8% + 20% vat on the fee, rent is 850 pcm and parking "
        "is 40. Task: agent fee and what i get",
        "Context: managing agent charges 8% + vat, rent is 850 pcm. Task: agent fee",
    ],
)
def test_a_fee_with_vat_not_read_surely_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)
