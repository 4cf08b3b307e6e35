"""Plan review: a task that stops after planning until a person approves or rejects its plan.

A task asks for it with `review_plan` (or REVIEW_PLANS for every planned task). Once its
plan is stored, the task is `awaiting_approval`. Its workflow then waits for a decision
with DBOS `recv`, outside the line of running tasks (`executor.admission`): the wait costs
no place, survives restarts and can last days (PLAN_REVIEW_HOURS, then the task fails).

The API sends the decision as a DBOS message (`send`) and the workflow applies it in a
durable step: approve makes the task `running` (with the plan as it is then: it may have
been replaced meanwhile, `Tasks.replace_plan`), reject cancels it with the comment. A
message that finds the task no longer awaiting (canceled meanwhile) changes nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from orchestra.changes import Change
from orchestra.db import TASKS, TaskStatus
from orchestra.db.base import utcnow
from orchestra.executor.completion import close, finished, read_steps
from orchestra.executor.runtime import Runtime

__all__ = ["PLAN_TOPIC", "decide", "hold"]

PLAN_TOPIC = "orchestra.plan-decision"
"""The DBOS topic of the messages that carry a decision on a task's plan."""
APPROVE, REJECT, STOP = "approve", "reject", "stop"


async def hold(rt: Runtime, task_id: str) -> bool:
    """Whether the task waits for a decision on its plan now: it asked for review and its
    plan is stored (planned here, or given with it and still pending)."""
    change = Change(task_id)

    def work(connection: Connection) -> bool:
        task = connection.execute(
            select(TASKS.c.status, TASKS.c.review_plan).where(TASKS.c.id == task_id)
        ).one_or_none()
        if task is None or not task.review_plan:
            return False
        if task.status == TaskStatus.PENDING:  # its plan came with it
            change.set_task(status=TaskStatus.AWAITING_APPROVAL, started_at=utcnow())
            change.event("task.awaiting_approval", status="awaiting_approval")
            change.write(connection)
            return True
        return bool(task.status == TaskStatus.AWAITING_APPROVAL)

    holding = await rt.db.run(work)
    rt.views.apply(change)
    return holding


async def decide(rt: Runtime, task_id: str, message: dict[str, Any] | None, hours: float) -> str:
    """Apply the decision `message` (None: none came in time); returns "approve" when the
    task is to run its plan, else how it ended."""
    change = Change(task_id)
    decision = (message or {}).get("decision")
    comment = str((message or {}).get("comment") or "").strip()
    by = (message or {}).get("by")

    def work(connection: Connection) -> str:
        status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
        if status != TaskStatus.AWAITING_APPROVAL or decision == STOP:
            return str(status)  # canceled (or deleted) while it waited
        if decision == APPROVE:
            change.set_task(status=TaskStatus.RUNNING)
            change.event("task.approved", by=by, comment=comment or None)
            change.event("task.running", status="running")
        elif decision == REJECT:
            reason = f"The plan was rejected{f': {comment}' if comment else '.'}"
            close(change, read_steps(connection, task_id), TaskStatus.CANCELED, error=reason)
        else:
            error = f"No one approved or rejected the plan within {hours:g} hours."
            close(change, read_steps(connection, task_id), TaskStatus.FAILED, error=error)
        change.write(connection)
        return APPROVE if decision == APPROVE else str(change.task["status"])

    outcome = await rt.db.run(work)
    if outcome == APPROVE:
        rt.views.apply(change)
    else:
        finished(rt, change)
    return outcome
