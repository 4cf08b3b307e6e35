"""Agents that ask: a step whose agent answered A2A `input-required` waits for a person's reply.

The step stores the agent's question and becomes `input_required`, and so does its task
(`steps.finish`); the task's other steps go on, and those that need the waiting one wait
too. Once nothing else can run, the task's workflow leaves the line of running tasks
(`executor.admission`) and waits for a reply with DBOS `recv`, as a plan under review does
(`executor.review`): the wait costs no place, survives restarts and can last days
(INPUT_WAIT_HOURS, then the task fails).

The API sends the reply as a DBOS message (`send`); the workflow applies it in a durable
step (`answer`): the step keeps the reply and is pending again, and the task runs its plan
once more, in a new run (`round`). The step then sends the reply to the agent as a
follow-up message of the agent's own task (same task and context ids). A reply that finds
its step no longer waiting (answered already, or the task canceled), or waiting with
another question than the one it answers, changes nothing. A decision on an approval step
(`executor.approvals`) comes the same way and is applied here too.

Each run of the plan is numbered, and a reply records the run it is for: a run repeated
after a crash treats a step answered for a later run as still waiting, so it takes the
decisions it took the first time, and DBOS finds the workflow's steps in the same order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from orchestra.changes import Change
from orchestra.db import STEPS, TASKS, StepKind, StepStatus, TaskStatus
from orchestra.db.base import utcnow
from orchestra.executor import approvals
from orchestra.executor.completion import RemoteTask, close, finished, read_steps, running
from orchestra.executor.runtime import Runtime

__all__ = ["ANSWERED", "INPUT_TOPIC", "STILL_WAITING", "STOP", "answer"]

INPUT_TOPIC = "orchestra.step-input"
"""The DBOS topic of the messages that carry a reply to a step's question."""
STOP = "stop"
"""A message (`{"stop": true}`) that ends the wait: the task was canceled."""
ANSWERED = "answered"
"""`answer`: the reply was stored; the task runs its plan again."""
STILL_WAITING = "input_required"
"""`answer`: the message changed nothing (its step was not waiting); wait on."""


async def answer(
    rt: Runtime, task_id: str, message: dict[str, Any] | None, round: int, hours: float
) -> str:
    """Apply the reply `message` (None: none came in time) for the plan's run `round`.

    Returns `ANSWERED`, `STILL_WAITING`, or how the task ended (failed when no reply came
    in time; its status when it had ended meanwhile).
    """
    change = Change(task_id)
    message = message or {}
    open_at_agents: list[RemoteTask] = []

    def work(connection: Connection) -> str:
        status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
        if status is None or TaskStatus(status).terminal or message.get(STOP):
            return str(status)  # canceled (or deleted) while it waited
        steps = read_steps(connection, task_id)
        waiting = [s.step_id for s in steps if s.status == StepStatus.INPUT_REQUIRED]
        if not message:
            asked = ", ".join(waiting)
            error = f"No one replied to the question of step {asked} within {hours:g} hours."
            open_at_agents.extend(running(connection, steps)[0])
            close(change, steps, TaskStatus.FAILED, error=error)
            change.write(connection)
            return str(change.task["status"])
        step_id = str(message.get("step") or "")
        if step_id not in waiting or not _asks(connection, task_id, step_id, message):
            return STILL_WAITING if waiting else str(status)
        step = next(s for s in steps if s.step_id == step_id)
        is_approval = step.kind == StepKind.APPROVAL
        if is_approval != (message.get("decision") in (approvals.APPROVE, approvals.REJECT)):
            return STILL_WAITING  # a reply to an approval, or a decision on a question
        if is_approval:
            if approvals.decide(connection, change, step, steps, message, round):
                open_at_agents.extend(running(connection, steps)[0])
                change.write(connection)
                return str(change.task["status"])  # rejected: the task failed with it
        else:
            reply = {
                "text": str(message.get("text") or ""),
                "data": message.get("data"),
                "by": message.get("by"),
                "at": utcnow().isoformat(),
                "round": round,
            }
            change.set_step(step_id, status=StepStatus.PENDING, reply=reply)
            change.event("step.replied", step_id, status=StepStatus.PENDING, by=reply["by"])
        if len(waiting) == 1:
            change.set_task(status=TaskStatus.RUNNING)
            change.event("task.running", status="running")
        change.write(connection)
        return ANSWERED

    outcome = await rt.db.run(work)
    if outcome in (ANSWERED, STILL_WAITING):
        rt.views.apply(change)
    else:
        finished(rt, change)
    for instance_id, card, remote_task_id in open_at_agents:  # they wait for input too
        await rt.dispatcher.cancel(instance_id, card, remote_task_id)
    return outcome


def _asks(connection: Connection, task_id: str, step_id: str, message: dict[str, Any]) -> bool:
    """Whether the reply is to the step's question now: two replies sent at once to one
    question must not have the second taken as the reply to the next question."""
    question = connection.scalar(
        select(STEPS.c.question).where(STEPS.c.task_id == task_id, STEPS.c.step_id == step_id)
    )
    asked = (question or {}).get("asked_at")
    return message.get("asked_at") in (None, asked)
