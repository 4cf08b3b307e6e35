"""Planning a task inside its workflow: ask the planner (or check the given plan), assign an
agent to every step, and store the steps, in one transaction after the planner answered."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from orchestra import tracing
from orchestra.changes import Change
from orchestra.consensus import Planned, expand
from orchestra.db import MESSAGES, STEPS, TASKS, InstanceHealth, StepKind, StepStatus, TaskStatus
from orchestra.db.base import new_id, utcnow
from orchestra.executor.completion import fail_task, tokens
from orchestra.executor.runtime import Runtime
from orchestra.llm.cost import cost_usd
from orchestra.planner import Plan, PlannerKind, PlanOutcome, validate_plan
from orchestra.planner.errors import PlannerError
from orchestra.registry import Capability, Registry, choose_instance

log = logging.getLogger(__name__)

HISTORY_MESSAGES = 10

PlanSummary = list[dict[str, Any]]
"""What the workflow needs of a plan: each step's id, dependencies, agent and kind (a
summary recorded before steps had kinds has none: its steps are all agent steps)."""


def _summary(rows: Any) -> PlanSummary:
    return [
        {
            "step_id": r["step_id"],
            "depends_on": list(r["depends_on"] or ()),
            "agent_id": r["agent_id"],
            "kind": r["kind"] or StepKind.AGENT.value,
        }
        for r in rows
    ]


def kind_of(node: dict[str, Any]) -> str:
    """A plan summary's step kind."""
    return str(node.get("kind") or StepKind.AGENT.value)


def step_id_of(node: dict[str, Any]) -> str:
    """A plan summary's step id. Workflows recorded before the step's id had one name
    everywhere call it `key`, and replay hands their recorded summaries back as they were."""
    return str(node["step_id"] if "step_id" in node else node["key"])


@dataclass(frozen=True)
class Brief:
    """What planning a task needs to know of it."""

    description: str
    history: list[str]
    given: Plan | None
    trace: dict[str, Any] | None
    review: bool = False
    """The plan waits for a person's approval once stored (`executor.review`)."""


async def begin(rt: Runtime, task_id: str) -> Brief | PlanSummary:
    """Mark the task planning; returns what the planner needs, or the plan already stored."""
    change = Change(task_id)

    def work(connection: Connection) -> Brief | PlanSummary:
        stored = _stored(connection, task_id)
        if stored:
            return stored
        task = connection.execute(
            select(
                TASKS.c.status,
                TASKS.c.description,
                TASKS.c.session_id,
                TASKS.c.requested_plan,
                TASKS.c.trace_context,
                TASKS.c.review_plan,
            ).where(TASKS.c.id == task_id)
        ).one()
        if TaskStatus(task.status).terminal:
            return []
        history: list[str] = []
        if task.session_id:
            rows: Any = connection.scalars(
                select(MESSAGES.c.content)
                .where(
                    MESSAGES.c.session_id == task.session_id,
                    MESSAGES.c.role == "user",
                    MESSAGES.c.task_id != task_id,
                )
                .order_by(MESSAGES.c.created_at.desc())
                .limit(HISTORY_MESSAGES)
            )
            history = list(reversed(list(rows)))
        if task.status != TaskStatus.PLANNING:
            change.set_task(status=TaskStatus.PLANNING, started_at=utcnow())
            change.event("task.planning", status="planning")
            change.write(connection)
        given = Plan.model_validate(task.requested_plan) if task.requested_plan else None
        return Brief(task.description, history, given, task.trace_context, task.review_plan)

    begun = await rt.db.run(work)
    rt.views.apply(change)
    return begun


async def stored(rt: Runtime, task_id: str) -> PlanSummary:
    """The task's plan as stored now (after a review, it may have been replaced)."""
    return await rt.db.read(lambda connection: _stored(connection, task_id))


def _stored(connection: Connection, task_id: str) -> PlanSummary:
    rows = connection.execute(
        select(STEPS.c.step_id, STEPS.c.depends_on, STEPS.c.agent_id, STEPS.c.kind)
        .where(STEPS.c.task_id == task_id)
        .order_by(STEPS.c.position)
    ).mappings()
    return _summary(rows)


async def make_plan(
    rt: Runtime, description: str, history: list[str], capabilities: dict[str, Capability]
) -> PlanOutcome:
    """Ask the configured planner (LLM with repair and fallback, or offline); check its plan."""
    outcome = await rt.planner.plan(
        description, [c.spec for c in capabilities.values()], history, rt.settings.max_plan_steps
    )
    errors = validate_plan(outcome.plan, capabilities.keys(), rt.settings.max_plan_steps)
    # Whether to wait for a person is the task's author's choice, not a planner's.
    errors += [
        f"step {step.id!r} is an approval step; only a plan given with the task may have one"
        for step in outcome.plan.steps
        if step.kind == "approval"
    ]
    if errors:
        raise PlannerError("the plan is invalid: " + "; ".join(errors))
    return outcome


def checked(rt: Runtime, plan: Plan, capabilities: dict[str, Capability]) -> PlanOutcome:
    """A plan given with the task: checked again, as agents may have gone since it was sent."""
    errors = validate_plan(plan, capabilities.keys(), rt.settings.max_plan_steps)
    if errors:
        raise PlannerError("the given plan is invalid: " + "; ".join(errors))
    return given(plan)


async def plan_task(rt: Runtime, task_id: str) -> PlanSummary:
    """Plan the task and store its steps; an empty list means the task is already finished."""
    begun = await begin(rt, task_id)
    if isinstance(begun, list):
        return begun
    attributes = {"orchestra.task_id": task_id}
    with tracing.span("task.plan", parent=begun.trace, attributes=attributes):
        return await _plan_and_store(rt, task_id, begun)


async def _plan_and_store(rt: Runtime, task_id: str, brief: Brief) -> PlanSummary:
    capabilities = await rt.registry.capabilities()
    try:
        plan = brief.given
        if plan is not None and validate_plan(
            plan, capabilities.keys(), rt.settings.max_plan_steps
        ):
            # Registered by another process a moment ago? Look in the database once.
            capabilities = await rt.registry.capabilities(fresh=True)
        if plan is not None:
            outcome = checked(rt, plan, capabilities)
        else:
            outcome = await make_plan(rt, brief.description, brief.history, capabilities)
        agents = assign(rt.registry, outcome.plan, capabilities)
    except PlannerError as exc:
        await fail_task(rt, task_id, f"Planning failed: {exc}")
        return []
    change = Change(task_id)

    def work(connection: Connection) -> PlanSummary:
        status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
        stored = _stored(connection, task_id)
        if stored or status is None or TaskStatus(status).terminal:
            return stored
        record_plan(change, outcome, agents)
        task = connection.execute(
            select(TASKS.c.tokens_in, TASKS.c.tokens_out, TASKS.c.usage, TASKS.c.metadata).where(
                TASKS.c.id == task_id
            )
        ).one()
        then = TaskStatus.AWAITING_APPROVAL if brief.review else TaskStatus.RUNNING
        change.set_task(status=then, **planner_tokens(rt, task, outcome))
        change.event(f"task.{then}", status=then)
        change.write(connection)
        return _summary(change.new_steps)

    summary = await rt.db.run(work)
    rt.views.apply(change)
    return summary


def given(plan: Plan) -> PlanOutcome:
    return PlanOutcome(plan, PlannerKind.USER, "the plan was given with the task", 0, 0, None)


Assigned = tuple[str | None, str | None]
"""A stored step's agent (id and name); none for a consensus or approval step, which no
agent runs."""


def planner_tokens(rt: Runtime, task: Any, outcome: PlanOutcome) -> dict[str, Any]:
    """The task row's token totals and usage after a call of the planner (`tokens`): the
    planner is built from PLANNER_MODEL's profile, so its tokens are that profile's."""
    profile = rt.settings.planner_model
    cost = cost_usd(rt.profiles, profile, outcome.tokens_in, outcome.tokens_out)
    return tokens(task, outcome.tokens_in, outcome.tokens_out, outcome.model, profile, cost)


def step_row(
    task_id: str,
    step_id: str,
    position: int,
    *,
    title: str,
    instruction: str,
    capability: str,
    depends_on: Iterable[str],
    expected_output: str,
    agent: tuple[str | None, str | None],
    kind: StepKind = StepKind.AGENT,
    profile: str | None = None,
    consensus: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The row of a new step, pending at `position` in its task's plan, for `agent`
    (id, name): a planned step's, or an item's of a step run per item."""
    return {
        "id": new_id(),
        "task_id": task_id,
        "step_id": step_id,
        "position": position,
        "title": title,
        "instruction": instruction,
        "capability": capability,
        "depends_on": list(depends_on),
        "expected_output": expected_output,
        "status": StepStatus.PENDING,
        "agent_id": agent[0],
        "agent_name": agent[1],
        "instance_id": None,
        "remote_task_id": None,
        "attempts": 0,
        "output": None,
        "output_data": None,
        "error": None,
        "tokens_in": 0,
        "tokens_out": 0,
        "started_at": None,
        "finished_at": None,
        "kind": StepKind(kind).value,
        "profile": profile,
        "consensus": consensus,
    }


def record_plan(
    change: Change, outcome: PlanOutcome, agents: list[Assigned], first_position: int = 0
) -> None:
    """The plan's steps (with their agents, a consensus step expanded into its participants
    and itself: `orchestra.consensus.expand`), which planner made it and why, in `change`.

    `first_position`: where the steps go after those the task has (a replan's), which
    then keep the task's planner and its `task.planned` event: `task.replanned` says it."""
    for position, (node, (agent_id, agent_name)) in enumerate(
        zip(expand(outcome.plan), agents, strict=True), start=first_position
    ):
        planned = node.step
        change.new_steps.append(
            step_row(
                change.task_id,
                planned.id,
                position,
                title=planned.title,
                instruction=planned.instruction,
                capability=planned.capability,
                depends_on=planned.depends_on,
                expected_output=planned.expected_output,
                agent=(agent_id, agent_name),
                kind=node.kind,
                profile=node.profile,
                consensus=node.consensus,
            )
        )
    if first_position:
        return
    change.set_task(planner=outcome.kind.value, planner_reason=outcome.reason)
    change.event(
        "task.planned",
        planner=outcome.kind.value,
        reason=outcome.reason,
        plan=outcome.plan.model_dump(mode="json"),
    )


def summary_of(change: Change) -> PlanSummary:
    return _summary(change.new_steps)


def summary_rows(rows: list[Any]) -> PlanSummary:
    """The plan summary of stored step rows."""
    return _summary(r._mapping for r in rows)


def assign_among(
    registry: Registry, capability: Capability, agent_ids: tuple[str, ...]
) -> tuple[str, str]:
    """The agent best placed now among `agent_ids` offering the capability.

    Raises:
        PlannerError: none of them has an instance to send a step to.
    """
    return _assign(registry, capability, agent_ids)


def assign(registry: Registry, plan: Plan, capabilities: dict[str, Capability]) -> list[Assigned]:
    """The agent of every step to store for the plan (id and name), by capability, in the
    order of `expand(plan)`: a participant pinned to an agent gets that agent; one pinned
    to a profile, the capability's agent with an instance serving it (if none does yet,
    the step fails when it runs, saying so); a consensus or approval step, none.

    Raises:
        PlannerError: a capability, or an agent named by a participant, has no instance
            any more.
    """
    return [
        (None, None)  # a person decides an approval step: it has no capability
        if node.kind == StepKind.APPROVAL
        else _assign_node(registry, node, capabilities[node.step.capability])
        for node in expand(plan)
    ]


def _assign_node(registry: Registry, node: Planned, capability: Capability) -> Assigned:
    if node.kind == StepKind.CONSENSUS:
        return None, None
    if node.agent is not None:
        for agent_id in capability.agent_ids:
            instances = registry.instances(agent_id)
            if instances and instances[0].agent_name == node.agent:
                return agent_id, node.agent
        raise PlannerError(
            f"the agent {node.agent!r} no longer offers capability '{capability.spec.name}'"
        )
    if node.profile is not None:
        serving = registry.serving(node.profile, capability.agent_ids)
        if serving:
            return _assign(registry, capability, serving)
    return _assign(registry, capability)


def _assign(
    registry: Registry, capability: Capability, among: tuple[str, ...] | None = None
) -> tuple[str, str]:
    """The agent for a step: among those offering the capability (or `among` them), the one
    best placed now."""
    best: tuple[tuple[bool, int], str, str] | None = None
    for agent_id in capability.agent_ids if among is None else among:
        instance = choose_instance(registry.instances(agent_id))
        if instance is None:
            continue
        rank = (instance.health != InstanceHealth.HEALTHY, instance.in_flight)
        if best is None or rank < best[0]:
            best = (rank, agent_id, instance.agent_name)
    if best is None:
        raise PlannerError(f"no agent offers capability '{capability.spec.name}' any more")
    return best[1], best[2]
