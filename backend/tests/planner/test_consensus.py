"""The offline planner makes a consensus of models when the request asks for several."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orchestra.planner import CapabilitySpec, plan_deterministic, validate_plan

RESEARCH = CapabilitySpec(
    "research", "Research a topic and explain it", ("research",), ("Research the tides",)
)


@pytest.mark.parametrize(
    "request_text",
    [
        "Ask several models what causes tides",
        "What causes tides? Compare what the models say.",
        "Why is the sky blue? Get a second opinion from another model.",
    ],
)
def test_a_request_for_several_models_becomes_a_consensus_of_the_profiles(
    request_text: str,
) -> None:
    served = [replace(RESEARCH, profiles=("fast", "smart"))]
    plan = plan_deterministic(request_text, served, 8)
    (step,) = plan.steps
    assert step.kind == "consensus"
    assert step.participants is not None and step.participants.profiles == ["fast", "smart"]
    assert "model" not in step.instruction.lower()
    assert validate_plan(plan, ["research"], 8) == []


def test_with_one_profile_served_the_plan_is_as_before() -> None:
    one = [replace(RESEARCH, profiles=("fast",))]
    (step,) = plan_deterministic("Ask several models what causes tides", one, 8).steps
    # Planned as written: there is no second model to ask.
    assert (step.kind, step.instruction) == ("agent", "Ask several models what causes tides.")


def test_the_llm_planner_is_told_the_models_a_capability_has() -> None:
    from orchestra.planner.llm import build_messages

    served = [replace(RESEARCH, profiles=("fast", "smart"))]
    prompt = str(build_messages("Ask several models why", served, [], 8)[-1].content)
    assert "models: fast, smart" in prompt
    alone = str(build_messages("Why", [RESEARCH], [], 8)[-1].content)
    assert "models:" not in alone
