"""Replanning a task's remaining work: the offline replan, `adopt`'s checks, the LLM's replan."""

from __future__ import annotations

import pytest

from orchestra.planner import Plan, PlannerKind, build_planner
from orchestra.planner.llm import LLMPlanner
from orchestra.planner.replanning import (
    DoneStep,
    OpenStep,
    ReplanError,
    Setback,
    adopt,
    new_step_id,
    replan_offline,
)
from tests.llm.fake_provider import FakeProvider, Reply, settings_for

from .capabilities import BUILTIN

NAMES = [c.name for c in BUILTIN]
CAPABILITY = NAMES[0]


def setback(other_agent: bool = True, number: int = 1) -> Setback:
    return Setback(
        description="Compute the mean of 4 and 8, then write it up",
        number=number,
        completed=(DoneStep("s1", "Read", CAPABILITY, "4 and 8"),),
        open=(
            OpenStep(
                "s2",
                "Mean",
                "compute the mean",
                CAPABILITY,
                ("s1",),
                error="3 attempts failed; last: HTTP 500",
                agent="analyst",
                other_agent=other_agent,
            ),
            OpenStep("s3", "Write", "write it up", CAPABILITY, ("s2",)),
        ),
    )


def test_the_offline_replan_sends_the_open_steps_again_with_ids_of_their_own() -> None:
    plan = adopt(replan_offline(setback()), setback(), NAMES, 10)
    assert [(s.id, s.depends_on, s.instruction) for s in plan.steps] == [
        ("r1-s2", ["s1"], "compute the mean"),
        ("r1-s3", ["r1-s2"], "write it up"),
    ]


def test_a_second_replan_renames_from_the_first_ids() -> None:
    assert new_step_id(2, "r1-s2") == "r2-s2"


def test_with_no_other_agent_there_is_no_other_plan() -> None:
    with pytest.raises(ReplanError, match="no other plan: no agent other than analyst"):
        replan_offline(setback(other_agent=False))


def test_adopt_refuses_an_invalid_plan_with_the_validation_reasons() -> None:
    bad = Plan.model_validate(
        {
            "steps": [
                {"id": "x", "title": "X", "instruction": "x", "capability": "teleport"},
                {
                    "id": "y",
                    "title": "Y",
                    "instruction": "y",
                    "capability": CAPABILITY,
                    "depends_on": ["nowhere"],
                },
            ]
        }
    )
    with pytest.raises(ReplanError) as raised:
        adopt(bad, setback(), NAMES, 10)
    assert "the replanned plan is invalid" in str(raised.value)
    assert "teleport" in str(raised.value) and "nowhere" in str(raised.value)


async def test_the_llm_is_told_what_completed_and_what_failed(server: FakeProvider) -> None:
    replan = {
        "steps": [
            {
                "id": "s1",
                "title": "Mean",
                "instruction": "mean of 4 and 8",
                "capability": CAPABILITY,
                "depends_on": ["s1"],
            },
        ]
    }
    server.script(Reply(tool_args=replan))
    planner = build_planner(settings_for("openai", server))
    assert isinstance(planner, LLMPlanner)
    outcome = await planner.replan(setback(), BUILTIN, 10)
    assert outcome.kind == PlannerKind.LLM
    prompt = server.chat_requests[0].prompt
    assert "- s1 [" in prompt and "'4 and 8'" in prompt
    assert "HTTP 500" in prompt and "failed on agent analyst" in prompt
    # Its own "s1" depends on itself there: `adopt` says so, as for any plan.
    with pytest.raises(ReplanError, match="depends on itself"):
        adopt(outcome.plan, setback(), NAMES, 10)


async def test_a_failed_llm_call_falls_back_to_the_offline_replan(server: FakeProvider) -> None:
    server.script(Reply(status=400))
    planner = build_planner(settings_for("openai", server, llm_max_retries=0))
    outcome = await planner.replan(setback(), BUILTIN, 10)
    assert outcome.kind == PlannerKind.FALLBACK
    assert [s.id for s in outcome.plan.steps] == ["s2", "s3"]
