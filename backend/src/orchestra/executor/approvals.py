"""Approval steps: a step of kind `approval` calls no agent; a person approves or rejects it.

Once the steps it depends on have completed, the step asks (`ask`): it becomes
`input_required` with its instruction as its question, and so does its task, as when an
agent asks (`executor.questions`). The wait is that of a question: once nothing else can
run, the task's workflow leaves the line of running tasks and waits with DBOS `recv`, so it
costs no place and survives restarts (INPUT_WAIT_HOURS, then the task fails).

The API sends the decision as a message on the questions' topic; `questions.answer` hands
it to `decide`: approve completes the step (its output says by whom, with the comment) and
the task runs its plan again, in a new run, where the steps after it start; reject fails
the step ("Rejected: <comment>") and the task with it, as any failed step does.

The decision records the run it was taken for (`round`), as a reply does: a run repeated
after a crash finds the step waiting still, and takes the decisions it took the first time.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from orchestra.changes import Change
from orchestra.db import TASKS, StepStatus, TaskStatus
from orchestra.db.base import utcnow
from orchestra.executor.completion import close, what_failed
from orchestra.executor.runtime import Runtime
from orchestra.executor.steps import (
    READ_FOR_START,
    RUNS,
    SKIPPED,
    WAITING,
    prepare_workflow_step,
    read_inputs,
    waits,
)
from orchestra.workflows import run as workflow_run

__all__ = ["APPROVE", "REJECT", "ask", "decide"]

APPROVE, REJECT = "approve", "reject"
"""The decisions a message on the questions' topic may carry for an approval step."""


async def ask(rt: Runtime, task_id: str, step_id: str, round: int) -> str:
    """Make the approval step wait for a person, now that the steps it needs completed.

    Returns `steps.WAITING` while it waits in this run (`round`) of the plan; else its
    status: completed (approved), failed (rejected, or its workflow template failed),
    skipped (a workflow condition), or canceled (the task was stopped).
    """
    change = Change(task_id)

    def work(connection: Connection) -> str:
        step = connection.execute(READ_FOR_START, {"_task": task_id, "_step_id": step_id}).one()
        if waits(step, round):
            return WAITING
        if StepStatus(step.status).terminal:
            return str(step.status)
        if step.task_status not in RUNS:
            return StepStatus.CANCELED.value
        text = step.instruction
        if step.workflow_run is not None:
            reads = workflow_run.reads(step.workflow_run, step_id, step.depends_on)
            results = read_inputs(connection, task_id, reads)
            prepared = prepare_workflow_step(change, step, step_id, results)
            if prepared == SKIPPED:
                change.write(connection)
                return SKIPPED
            if isinstance(prepared, str):  # its template or condition failed
                failed = {"status": StepStatus.FAILED, "error": prepared, "finished_at": utcnow()}
                change.set_step(step_id, **failed)
                change.event("step.failed", step_id, status=StepStatus.FAILED, error=prepared)
                change.write(connection)
                return StepStatus.FAILED.value
            text = prepared.instruction or text
        now = utcnow()
        if step.task_status == TaskStatus.PENDING:  # its plan came with it: its first step
            change.start_task(connection, now)
        question = {"text": text, "data": None, "asked_at": now.isoformat()}
        change.set_step(
            step_id, status=StepStatus.INPUT_REQUIRED, question=question, reply=None, started_at=now
        )
        told = {"text": text, "approval": True}
        change.event("step.input_required", step_id, status=StepStatus.INPUT_REQUIRED, **told)
        change.set_task(status=TaskStatus.INPUT_REQUIRED)
        # Told on the task too, as a question is: a client follows the task's events.
        change.event("task.input_required", status=TaskStatus.INPUT_REQUIRED, step=step_id, **told)
        change.write(connection, at=now)
        return WAITING

    asked = await rt.db.run(work)
    rt.views.apply(change)
    return asked


def decide(
    connection: Connection,
    change: Change,
    step: Any,
    steps: list[Any],
    message: dict[str, Any],
    round: int,
) -> bool:
    """Apply a decision on the waiting approval step `step` (a row of `read_steps`), in the
    caller's transaction, for the plan's run `round`. Returns True when it ended the task
    (rejected: the step failed, the task with it); False when approved (the step completed).
    """
    approved = message.get("decision") == APPROVE
    comment = str(message.get("comment") or "").strip()
    by = message.get("by")
    now = utcnow()
    decision = {"approved": approved, "comment": comment or None}
    reply = {"text": comment, "data": decision, "by": by, "at": now.isoformat(), "round": round}
    if approved:
        output = f"Approved by {by}" + (f": {comment}" if comment else ".")
        change.set_step(
            step.step_id,
            status=StepStatus.COMPLETED,
            output=output,
            output_data=decision,
            reply=reply,
            finished_at=now,
        )
        change.event(
            "step.completed", step.step_id, status=StepStatus.COMPLETED, output=output, by=by
        )
        return False
    error = f"Rejected: {comment}" if comment else "Rejected."
    change.set_step(
        step.step_id,
        status=StepStatus.FAILED,
        error=error,
        output_data=decision,
        reply=reply,
        finished_at=now,
    )
    change.event("step.failed", step.step_id, status=StepStatus.FAILED, error=error, by=by)
    task_status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == change.task_id))
    if task_status is not None and not TaskStatus(task_status).terminal:
        others = [s for s in steps if s.step_id != step.step_id]
        close(change, others, TaskStatus.FAILED, error=f"Step {what_failed(step)} failed: {error}")
    return True
