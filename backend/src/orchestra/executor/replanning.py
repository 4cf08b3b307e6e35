"""Replanning a task whose step failed for good, inside its workflow.

When a step failed after its retries and failover, and the task may be replanned
(`MAX_REPLANS`; a run of a workflow only if its workflow says `replan: true`), the planner
is given the task, the completed steps with their outputs, the failed steps with their
errors and the steps left waiting for them (`orchestra.planner.replanning.Setback`). Its
plan of the remaining work is checked as any plan, its steps get ids of their own
(`r<n>-...`), and are stored after the task's steps, with their agents (away from the
agent that failed the work, when another offers it). The failed step stays failed, and
the steps that never ran are skipped; both are marked superseded by the new plan version,
so the task no longer waits for them.

The task's plan versions are kept in `task_plans` from its first replan on: version 1
(the plan it had) and each replan, with why it was made. One transaction writes the new
version, its steps and the `task.replanned` event; in a workflow's run, also the run's
record (`orchestra.workflows.run.replanned`), so a replanned step that does a workflow
step's work again is prepared as it, and read in its place by later steps and outputs.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection, func, insert, select

from orchestra.changes import Change
from orchestra.consensus import expand
from orchestra.db import PLANS, STEPS, TASKS, StepKind, StepStatus, TaskStatus
from orchestra.db.base import new_id, utcnow
from orchestra.executor import planning
from orchestra.executor.planning import Assigned, PlanSummary
from orchestra.executor.runtime import Runtime
from orchestra.planner import PlanOutcome
from orchestra.planner.errors import PlannerError
from orchestra.planner.replanning import (
    DoneStep,
    OpenStep,
    Setback,
    adopt,
    new_step_id,
    original_id,
)
from orchestra.registry import Capability, Registry
from orchestra.workflows import run as workflow_run

log = logging.getLogger(__name__)

NOT_REPLANNED = ""
"""`replan`'s answer when the task is not to be replanned at all (it ended meanwhile, or is
a run of a workflow that does not say `replan: true`): the task ends as it would have
without replanning."""

READ_STEPS = select(
    STEPS.c.step_id,
    STEPS.c.title,
    STEPS.c.instruction,
    STEPS.c.capability,
    STEPS.c.depends_on,
    STEPS.c.expected_output,
    STEPS.c.status,
    STEPS.c.output,
    STEPS.c.error,
    STEPS.c.agent_id,
    STEPS.c.agent_name,
    STEPS.c.kind,
    STEPS.c.position,
    STEPS.c.superseded_by,
)


async def replan(rt: Runtime, task_id: str, number: int) -> PlanSummary | str:
    """Make the task's replan `number` (1 for its first) and store it.

    Returns the new steps' plan summary (what the workflow runs next), or why the task is
    not replanned: `NOT_REPLANNED`, or a note the task's error ends with.
    """

    def read(connection: Connection) -> tuple[Any, list[Any]]:
        task = connection.execute(
            select(TASKS.c.status, TASKS.c.description, TASKS.c.workflow_run).where(
                TASKS.c.id == task_id
            )
        ).one()
        rows = connection.execute(
            READ_STEPS.where(STEPS.c.task_id == task_id).order_by(STEPS.c.position)
        ).all()
        return task, list(rows)

    task, rows = await rt.db.read(read)
    prefix = new_step_id(number, "")
    if any(r.step_id.startswith(prefix) for r in rows):
        # Stored before a crash: DBOS runs this step again; the replan is the one stored.
        return planning.summary_rows([r for r in rows if r.step_id.startswith(prefix)])
    if TaskStatus(task.status).terminal or not _may_replan(task.workflow_run):
        return NOT_REPLANNED
    capabilities = await rt.registry.capabilities()
    setback = _setback(rt.registry, task.description, number, rows, capabilities)
    if not setback.failed:
        return NOT_REPLANNED
    try:
        outcome = await rt.planner.replan(
            setback, [c.spec for c in capabilities.values()], rt.settings.max_plan_steps
        )
        plan = adopt(outcome.plan, setback, capabilities.keys(), rt.settings.max_plan_steps)
        outcome = PlanOutcome(plan, outcome.kind, outcome.reason, *_costs(outcome))
        agents = _assign(rt.registry, setback, outcome, capabilities)
    except PlannerError as exc:
        return await _refused(rt, task_id, number, str(exc))
    return await _store(rt, task_id, number, setback, outcome, agents)


def _may_replan(run: dict[str, Any] | None) -> bool:
    """A task may be replanned; a workflow's run, only when its workflow says so."""
    return run is None or bool(run.get("replan"))


def _costs(outcome: PlanOutcome) -> tuple[int, int, str | None, str]:
    return outcome.tokens_in, outcome.tokens_out, outcome.model, outcome.thinking


def _setback(
    registry: Registry,
    description: str,
    number: int,
    rows: list[Any],
    capabilities: dict[str, Capability],
) -> Setback:
    """What the planner is told: the task's steps not superseded yet, completed or open."""
    current = [r for r in rows if r.superseded_by is None and r.kind != StepKind.PARTICIPANT]
    completed = tuple(
        DoneStep(r.step_id, r.title, r.capability, r.output or "")
        for r in current
        if r.status == StepStatus.COMPLETED
    )
    open_steps = []
    for r in current:
        if r.status == StepStatus.FAILED:
            offered = capabilities.get(r.capability)
            others = [
                a
                for a in (offered.agent_ids if offered else ())
                if a != r.agent_id and registry.instances(a)
            ]
            open_steps.append(_open(r, r.error or "failed", bool(others)))
        elif r.status in (StepStatus.PENDING, StepStatus.CANCELED):
            open_steps.append(_open(r, None, False))
    return Setback(description, number, completed, tuple(open_steps))


def _open(row: Any, error: str | None, other_agent: bool) -> OpenStep:
    return OpenStep(
        id=row.step_id,
        title=row.title,
        instruction=row.instruction,
        capability=row.capability,
        depends_on=tuple(row.depends_on or ()),
        expected_output=row.expected_output or "",
        error=error,
        agent=row.agent_name if error is not None else None,
        other_agent=other_agent,
        kind=row.kind or StepKind.AGENT.value,
    )


def _assign(
    registry: Registry,
    setback: Setback,
    outcome: PlanOutcome,
    capabilities: dict[str, Capability],
) -> list[Assigned]:
    """The new steps' agents, as for any plan, but a step with a failed step's capability
    goes to another agent offering it when there is one."""
    agents = planning.assign(registry, outcome.plan, capabilities)
    avoid = {(s.capability, s.agent) for s in setback.failed}
    chosen: list[Assigned] = []
    for node, (agent_id, agent_name) in zip(expand(outcome.plan), agents, strict=True):
        capability = capabilities[node.step.capability]
        if (node.step.capability, agent_name) in avoid and node.kind == StepKind.AGENT:
            others = tuple(
                a for a in capability.agent_ids if a != agent_id and registry.instances(a)
            )
            if others:
                agent_id, agent_name = planning.assign_among(registry, capability, others)
        chosen.append((agent_id, agent_name))
    return chosen


async def _refused(rt: Runtime, task_id: str, number: int, reason: str) -> str:
    """Record why the task is not replanned; returns the note its error ends with."""
    change = Change(task_id)

    def work(connection: Connection) -> None:
        status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
        if status is None or TaskStatus(status).terminal:
            return
        change.event("task.not_replanned", version=number + 1, reason=reason)
        change.write(connection)

    await rt.db.run(work)
    rt.views.apply(change)
    log.info("task %s not replanned: %s", task_id, reason)
    return f"not replanned: {reason}"


def _plan_json(rows: list[Any]) -> dict[str, Any]:
    return {
        "steps": [
            {
                "id": r.step_id,
                "title": r.title,
                "capability": r.capability,
                "depends_on": list(r.depends_on or ()),
                "status": r.status,
            }
            for r in rows
        ]
    }


async def _store(
    rt: Runtime,
    task_id: str,
    number: int,
    setback: Setback,
    outcome: PlanOutcome,
    agents: list[Assigned],
) -> PlanSummary | str:
    version = number + 1
    failed = setback.failed[0]
    reason = f"Step {failed.id} ({failed.capability}, {failed.title}) failed: {failed.error}"
    change = Change(task_id)

    def work(connection: Connection) -> PlanSummary | str:
        task = connection.execute(
            select(
                TASKS.c.status,
                TASKS.c.planner,
                TASKS.c.planner_reason,
                TASKS.c.started_at,
                TASKS.c.created_at,
                TASKS.c.tokens_in,
                TASKS.c.tokens_out,
                TASKS.c.usage,
                TASKS.c.metadata,
                TASKS.c.workflow_run,
            ).where(TASKS.c.id == task_id)
        ).one()
        if TaskStatus(task.status).terminal:
            return NOT_REPLANNED
        rows = connection.execute(
            READ_STEPS.where(STEPS.c.task_id == task_id).order_by(STEPS.c.position)
        ).all()
        now = utcnow()
        versions = connection.scalar(
            select(func.count()).select_from(PLANS).where(PLANS.c.task_id == task_id)
        )
        if not versions:
            connection.execute(
                insert(PLANS),
                {
                    "id": new_id(),
                    "task_id": task_id,
                    "version": 1,
                    "plan": _plan_json(list(rows)),
                    "planner": task.planner,
                    "reason": task.planner_reason or "",
                    "created_at": task.started_at or task.created_at,
                },
            )
        open_ids = {s.id for s in setback.open}
        for row in rows:
            if row.step_id not in open_ids and not (
                row.kind == StepKind.PARTICIPANT
                and row.superseded_by is None
                and row.status != StepStatus.COMPLETED
                and _participant_of_open(row, open_ids)
            ):
                continue
            values: dict[str, Any] = {"superseded_by": version}
            if row.status == StepStatus.PENDING:
                values.update(status=StepStatus.SKIPPED, finished_at=now)
                change.event(
                    "step.skipped",
                    row.step_id,
                    status=StepStatus.SKIPPED,
                    reason=f"replanned (plan version {version})",
                )
            change.set_step(row.step_id, **values)
        first = max((r.position for r in rows), default=-1) + 1
        planning.record_plan(change, outcome, agents, first_position=first)
        if task.workflow_run is not None:
            _record_in_run(change, task.workflow_run, setback, outcome)
        plan = outcome.plan.model_dump(mode="json", exclude_defaults=True)
        connection.execute(
            insert(PLANS),
            {
                "id": new_id(),
                "task_id": task_id,
                "version": version,
                "plan": plan,
                "planner": outcome.kind.value,
                "reason": reason,
                "created_at": now,
            },
        )
        if outcome.tokens_in or outcome.tokens_out:
            change.set_task(**planning.planner_tokens(rt, task, outcome))
        change.event(
            "task.replanned",
            version=version,
            reason=reason,
            planner=outcome.kind.value,
            planner_reason=outcome.reason,
            replaces=sorted(open_ids),
            plan=outcome.plan.model_dump(mode="json"),
        )
        change.write(connection, at=now)
        return planning.summary_of(change)

    stored = await rt.db.run(work)
    rt.views.apply(change)
    if not isinstance(stored, str):
        log.info("task %s replanned (version %d): %s", task_id, version, reason)
    return stored


def _participant_of_open(row: Any, open_ids: set[str]) -> bool:
    """Whether a participant step belongs to a consensus step whose work is replanned."""
    return bool(row.step_id.partition("@")[0] in open_ids)


def _record_in_run(
    change: Change, run: dict[str, Any], setback: Setback, outcome: PlanOutcome
) -> None:
    """A workflow run's record once replanned: each new step that keeps an open step's id
    (`r<n>-<id>`) takes over that step's place in the run (`workflow_run.replanned`); one
    run per item of a step's data again waits for those items, as the step did."""
    open_steps = {original_id(s.id): s for s in setback.open}
    replaced: dict[str, str] = {}
    rewritten: list[str] = []
    for step in outcome.plan.steps:
        old = open_steps.get(original_id(step.id))
        if old is None:
            continue  # work of the replan's own: nothing of the workflow to prepare it as
        replaced[old.id] = step.id
        if step.instruction != old.instruction:
            rewritten.append(step.id)
    if not replaced:
        return
    record = workflow_run.replanned(run, replaced, rewritten)
    per_item = workflow_run.fan_outs(record)
    for row in change.new_steps:
        if row["step_id"] in per_item and row["step_id"] in replaced.values():
            row["kind"] = StepKind.FAN_OUT.value
    change.set_task(workflow_run=record)
