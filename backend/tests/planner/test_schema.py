"""Plan schema: defaults, strictness and the planner kinds recorded on tasks."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from orchestra.planner import CapabilitySpec, Plan, PlannerKind, PlanStep


def test_plan_step_defaults() -> None:
    step = PlanStep(id="s1", title="T", instruction="Do it.", capability="research")
    assert step.depends_on == []
    assert step.expected_output == ""


def test_plan_step_rejects_unknown_fields() -> None:
    # The LLM's structured output must not smuggle in fields such as an agent id.
    with pytest.raises(ValidationError):
        PlanStep.model_validate(
            {"id": "s1", "title": "T", "instruction": "I", "capability": "c", "agent": "x"}
        )


def test_plan_round_trips_through_json() -> None:
    plan = Plan(
        steps=[
            PlanStep(id="s1", title="A", instruction="a", capability="research"),
            PlanStep(id="s2", title="B", instruction="b", capability="writing", depends_on=["s1"]),
        ]
    )
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_plan_json_schema_describes_fields_for_the_llm() -> None:
    schema = PlanStep.model_json_schema()
    # An approval step has no capability; an agent step without one is refused by
    # `validate_plan`, whose message goes back to the LLM for repair.
    assert set(schema["required"]) == {"id", "title", "instruction"}
    assert "approval step has none" in schema["properties"]["capability"]["description"]
    assert "description" in schema["properties"]["instruction"]


def test_planner_kind_values() -> None:
    assert [k.value for k in PlannerKind] == [
        "offline",
        "llm",
        "llm-repaired",
        "fallback",
        "user",
        "workflow",
    ]
    assert PlannerKind("llm-repaired") is PlannerKind.LLM_REPAIRED


def test_capability_spec_is_hashable_and_immutable() -> None:
    spec = CapabilitySpec("statistics", tags=("mean",))
    assert spec in {spec}
    with pytest.raises(AttributeError):
        spec.name = "other"  # type: ignore[misc]
