"""Replanning: a plan for the work left when a step of a task failed for good.

A `Setback` says what the planner needs: the task, the steps that completed (with their
outputs), the steps that failed and why, and those that never ran because of them. A
planner answers a `Plan` of the remaining work whose steps may depend on completed steps
by their ids. `adopt` checks that plan as any plan (`validate_plan`) and gives its steps
ids of their own (`r<n>-<id>`), so they never collide with the steps kept in the task's
history.

The offline replan (`replan_offline`) sends the failed steps' work again, unchanged, to
another agent offering the same capability, with the steps that waited for them after it.
When no other agent offers a failed step's capability there is no other plan: it says so
(`ReplanError`) and the task fails.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from orchestra.planner.errors import PlannerError
from orchestra.planner.schema import Plan, PlanStep
from orchestra.planner.validation import validate_plan

__all__ = [
    "DoneStep",
    "OpenStep",
    "ReplanError",
    "Setback",
    "adopt",
    "original_id",
    "replan_offline",
]

NO_OTHER_PLAN = "no other plan"
_PREFIX = re.compile(r"^r[0-9]+-")


class ReplanError(PlannerError):
    """No usable plan for the remaining work; the message says why (shown on the task)."""


@dataclass(frozen=True)
class DoneStep:
    """A completed step; later steps may depend on it (its output is their input)."""

    id: str
    title: str
    capability: str
    output: str


@dataclass(frozen=True)
class OpenStep:
    """A step whose work is left: it failed (`error` says why) or never ran."""

    id: str
    title: str
    instruction: str
    capability: str
    depends_on: tuple[str, ...]
    expected_output: str = ""
    error: str | None = None
    agent: str | None = None
    """The agent that failed it (a failed step only)."""
    other_agent: bool = False
    """Whether another agent with an instance offers its capability."""
    kind: str = "agent"


@dataclass(frozen=True)
class Setback:
    """What a replan is made from.

    Attributes:
        description: The task.
        number: Which replan of the task this is (1 for the first); the new steps' ids
            begin `r<number>-`.
        completed: The steps that completed, in plan order.
        open: The failed steps and those left waiting for them, in plan order.
    """

    description: str
    number: int
    completed: tuple[DoneStep, ...]
    open: tuple[OpenStep, ...]

    @property
    def failed(self) -> tuple[OpenStep, ...]:
        return tuple(s for s in self.open if s.error is not None)


def new_step_id(number: int, step_id: str) -> str:
    """A replanned step's id: `r<number>-` and the id without an earlier replan's prefix."""
    return f"r{number}-{original_id(step_id)}"


def original_id(step_id: str) -> str:
    """A step's id without a replan's `r<n>-` prefix: the id it had in the first plan."""
    return _PREFIX.sub("", step_id)


def replan_offline(setback: Setback) -> Plan:
    """The failed steps sent again to another agent, and the steps that waited for them.

    The plan has the open steps as they were (same ids, instructions, capabilities and
    dependencies): `adopt` renames them. Which agent runs a step is chosen when the plan is
    stored, away from the one that failed it.

    Raises:
        ReplanError: a failed step's capability is offered by its agent only, or an open
            step is not a plain agent step (a consensus or a step run per item).
    """
    if not setback.failed:
        raise ReplanError(f"{NO_OTHER_PLAN}: no step failed")
    for step in setback.open:
        if step.kind != "agent":
            raise ReplanError(
                f"{NO_OTHER_PLAN}: step {step.id} is a {step.kind} step, which the offline "
                "planner does not plan again"
            )
    for step in setback.failed:
        if not step.other_agent:
            raise ReplanError(
                f"{NO_OTHER_PLAN}: no agent other than {step.agent or 'the one that failed'} "
                f"offers capability '{step.capability}' of step {step.id}"
            )
    return Plan(
        steps=[
            PlanStep(
                id=step.id,
                title=step.title,
                instruction=step.instruction,
                capability=step.capability,
                depends_on=list(step.depends_on),
                expected_output=step.expected_output,
            )
            for step in setback.open
        ]
    )


def adopt(plan: Plan, setback: Setback, capabilities: Collection[str], max_steps: int) -> Plan:
    """Check a replanned plan and give its steps their ids in the task.

    A dependency on a completed step is allowed (by the completed step's id); one on a
    step of the plan names it by the plan's own id. Every other check is `validate_plan`'s.

    Raises:
        ReplanError: the plan is invalid; the message lists why.
    """
    own = {step.id for step in plan.steps}
    done = {step.id for step in setback.completed}
    inside = Plan(
        steps=[
            step.model_copy(
                update={"depends_on": [d for d in step.depends_on if d in own or d not in done]}
            )
            for step in plan.steps
        ]
    )
    errors = validate_plan(inside, capabilities, max_steps)
    if errors:
        raise ReplanError("the replanned plan is invalid: " + "; ".join(errors))
    renamed = {step_id: new_step_id(setback.number, step_id) for step_id in own}
    if len(set(renamed.values())) < len(renamed):
        raise ReplanError(
            "the replanned plan is invalid: two step ids differ only by an 'r<n>-' prefix"
        )
    return Plan(
        steps=[
            step.model_copy(
                update={
                    "id": renamed[step.id],
                    "depends_on": [renamed.get(d, d) for d in step.depends_on],
                }
            )
            for step in plan.steps
        ]
    )


def describe(setback: Setback, output_chars: int) -> list[str]:
    """The setback in lines of text for a model: completed steps (outputs cut short), the
    failed ones with their errors, and those left."""
    lines = ["Completed steps (later steps may depend on them by id):"]
    lines += [
        f"- {s.id} [{s.capability}] {s.title}: {_shorten(s.output, output_chars)!r}"
        for s in setback.completed
    ] or ["- none"]
    lines += ["", "Failed steps:"]
    lines += [
        f"- {s.id} [{s.capability}] {s.title}: {s.instruction!r}; failed on agent "
        f"{s.agent or '?'}: {s.error}"
        for s in setback.failed
    ]
    left = [s for s in setback.open if s.error is None]
    if left:
        lines += ["", "Steps that did not run because a step they need failed:"]
        lines += [
            f"- {s.id} [{s.capability}] {s.title}: {s.instruction!r} "
            f"(after {', '.join(s.depends_on) or 'none'})"
            for s in left
        ]
    return lines


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failed_agents(setback: Setback) -> Sequence[tuple[str, str]]:
    """(capability, agent name) of every failed step: agents to keep away from that work."""
    return [(s.capability, s.agent) for s in setback.failed if s.agent]
