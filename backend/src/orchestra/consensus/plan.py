"""A plan's consensus steps expanded into the steps the executor runs.

A consensus step `s2` with participants `fast` and `smart` becomes `s2@fast` and `s2@smart`,
ordinary agent steps with the consensus step's instruction and dependencies, each pinned to
its model profile (or agent), and `s2` itself, which depends on them and aggregates their
answers. Steps after `s2` depend on `s2` as written. The expansion is a pure function of
the plan, so the steps stored at submit and the plan a restarted workflow reads agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orchestra.db import StepKind
from orchestra.planner.schema import Plan, PlanStep

__all__ = ["Planned", "expand", "participant_step_id"]

TITLE_MAX = 200


@dataclass(frozen=True)
class Planned:
    """One step as stored: the plan step, what runs it and, for a consensus, its role.

    Attributes:
        step: Id, title, instruction, capability, dependencies, expected output.
        kind: agent, participant, consensus or approval (`StepKind`).
        profile: The model profile a participant's instance must serve.
        agent: The agent (by name) a participant is sent to.
        consensus: The consensus step's settings, or a participant's {"of", "label"}.
    """

    step: PlanStep
    kind: StepKind = StepKind.AGENT
    profile: str | None = None
    agent: str | None = None
    consensus: dict[str, Any] | None = None


def participant_step_id(step_id: str, label: str) -> str:
    """The id of a consensus step's participant: `<id>@<label>`."""
    return f"{step_id}@{label}"


def expand(plan: Plan) -> list[Planned]:
    """Every step to store for the plan, in plan order (a consensus step's participants just
    before it). Assumes a plan `plan_problems` found sound."""
    planned: list[Planned] = []
    for step in plan.steps:
        if step.kind == "approval":
            planned.append(Planned(step, StepKind.APPROVAL))
            continue
        if step.kind != "consensus" or step.participants is None:
            planned.append(Planned(step))
            continue
        by_profile = step.participants.profiles is not None
        ids: list[str] = []
        for label in step.participants.labels:
            step_id = participant_step_id(step.id, label)
            ids.append(step_id)
            participant = PlanStep(
                id=step_id,
                title=f"{step.title} ({label})"[:TITLE_MAX],
                instruction=step.instruction,
                capability=step.capability,
                depends_on=list(step.depends_on),
                expected_output=step.expected_output,
            )
            planned.append(
                Planned(
                    participant,
                    StepKind.PARTICIPANT,
                    profile=label if by_profile else None,
                    agent=None if by_profile else label,
                    consensus={"of": step.id, "label": label},
                )
            )
        aggregate = PlanStep(
            id=step.id,
            title=step.title,
            instruction=step.instruction,
            capability=step.capability,
            depends_on=ids,
            expected_output=step.expected_output,
        )
        settings = {
            "participants": step.participants.model_dump(exclude_none=True),
            "aggregator": step.aggregator or "vote",
            "aggregator_profile": step.aggregator_profile,
            "quorum": step.quorum or 1,
            "steps": ids,
        }
        planned.append(Planned(aggregate, StepKind.CONSENSUS, consensus=settings))
    return planned
