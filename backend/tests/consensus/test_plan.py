"""A consensus step expanded into the steps the executor runs, and what the validator refuses."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.consensus import expand
from orchestra.planner import Plan
from orchestra.planner.validation import ConsensusContext, validate_plan


def _plan(*extra: dict[str, Any], **consensus: Any) -> Plan:
    step = {
        "id": "s2",
        "title": "Ask",
        "instruction": "What is 6 times 7?",
        "capability": "research",
        "kind": "consensus",
        "participants": {"profiles": ["fast", "smart"]},
        "depends_on": ["s1"],
        **consensus,
    }
    first = {"id": "s1", "title": "First", "instruction": "Go", "capability": "research"}
    return Plan.model_validate({"steps": [first, step, *extra]})


def test_a_consensus_expands_into_pinned_participants_then_itself() -> None:
    after = {"id": "s3", "title": "After", "instruction": "Use it", "capability": "research",
             "depends_on": ["s2"]}  # fmt: skip
    stored = expand(_plan(after, aggregator="central", quorum=2))
    assert [(n.step.id, n.kind.value) for n in stored] == [
        ("s1", "agent"),
        ("s2@fast", "participant"),
        ("s2@smart", "participant"),
        ("s2", "consensus"),
        ("s3", "agent"),
    ]
    fast, smart, itself = stored[1:4]
    assert (fast.profile, fast.agent, fast.step.depends_on) == ("fast", None, ["s1"])
    assert fast.consensus == {"of": "s2", "label": "fast"}
    assert smart.step.instruction == "What is 6 times 7?"
    assert itself.step.depends_on == ["s2@fast", "s2@smart"]
    assert itself.consensus == {
        "participants": {"profiles": ["fast", "smart"]},
        "aggregator": "central",
        "aggregator_profile": None,
        "quorum": 2,
        "steps": ["s2@fast", "s2@smart"],
    }
    assert stored[4].step.depends_on == ["s2"]


def test_agents_as_participants_pin_the_agent() -> None:
    stored = expand(_plan(participants={"agents": ["alpha", "beta"]}))
    assert [(n.agent, n.profile) for n in stored[1:3]] == [("alpha", None), ("beta", None)]


CONTEXT = ConsensusContext(
    profiles={"default": False, "fast": True, "smart": True},
    agents={"alpha": {"research"}},
    aggregator_profile="default",
)


@pytest.mark.parametrize(
    ("plan", "says"),
    [
        (_plan(participants={"profiles": ["fast", "fast"]}), "'fast' named more than once"),
        (_plan(participants={"profiles": ["fast", "x" * 48]}), "longer than 50 characters"),
        (
            _plan({"id": "s2@fast", "title": "T", "instruction": "I", "capability": "research"}),
            "'s2@fast' is also the id of another step",
        ),
        (_plan(aggregator_profile="fast"), 'only the "llm" aggregator uses a model profile'),
        (_plan(kind="agent"), 'only a step of kind "consensus" has this field'),
        (_plan(participants=None), "a consensus step needs participants"),
        (_plan(aggregator="llm", aggregator_profile="nope"), "unknown model profile 'nope'"),
    ],
)
def test_the_validator_names_the_step_and_field(plan: Plan, says: str) -> None:
    problems = validate_plan(plan, ["research"], 10, CONTEXT)
    assert any(says in p and p.startswith("Step 's2") for p in problems), problems


def test_a_participants_object_needs_exactly_one_kind() -> None:
    with pytest.raises(ValueError, match="either profiles or agents"):
        _plan(participants={"profiles": ["fast", "smart"], "agents": ["alpha", "beta"]})


def test_a_sound_consensus_passes() -> None:
    assert (
        validate_plan(
            _plan(aggregator="llm", aggregator_profile="smart"), ["research"], 10, CONTEXT
        )
        == []
    )
