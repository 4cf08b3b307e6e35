"""A task's end: completed with a result made of its steps' outputs, failed with the reason
of the step that failed, or canceled. Steps still at their agents are canceled there."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from orchestra import metrics
from orchestra.changes import Change
from orchestra.db import INSTANCES, MESSAGES, STEPS, TASKS, StepKind, StepStatus, TaskStatus
from orchestra.db.base import new_id, utcnow
from orchestra.executor import callbacks
from orchestra.executor.result import join_step_outputs
from orchestra.executor.runtime import Runtime
from orchestra.llm.cost import add_usage, cost_usd
from orchestra.llm.errors import LLMError
from orchestra.planner.synthesis import StepOutput, Synthesis
from orchestra.workflows.run import outputs_of

log = logging.getLogger(__name__)

DONE = (StepStatus.COMPLETED, StepStatus.SKIPPED)
"""A task whose steps all ended so completes: a workflow's steps may be skipped by its
conditions (any other task's steps are skipped only once it has failed)."""

RemoteTask = tuple[str, dict[str, Any], str]
"""(instance id, its card, the agent's task id) of a step in flight at an agent."""

STEP_COLUMNS = (
    STEPS.c.step_id,
    STEPS.c.depends_on,
    STEPS.c.title,
    STEPS.c.capability,
    STEPS.c.agent_name,
    STEPS.c.status,
    STEPS.c.output,
    STEPS.c.output_data,
    STEPS.c.error,
    STEPS.c.instance_id,
    STEPS.c.remote_task_id,
    STEPS.c.kind,
    STEPS.c.superseded_by,
)


READ_STEPS = (
    select(*STEP_COLUMNS).where(STEPS.c.task_id == bindparam("_task")).order_by(STEPS.c.position)
)
READ_TASK = select(
    TASKS.c.status,
    TASKS.c.description,
    TASKS.c.session_id,
    TASKS.c.tokens_in,
    TASKS.c.tokens_out,
    TASKS.c.usage,
    TASKS.c.metadata,
    TASKS.c.workflow_run,
).where(TASKS.c.id == bindparam("_task"))
INSERT_MESSAGE = insert(MESSAGES)
TASK_STATUS = select(TASKS.c.status).where(TASKS.c.id == bindparam("_task"))
INSTANCE_CARD = select(INSTANCES.c.card).where(INSTANCES.c.id == bindparam("_instance"))


def done(step: Any) -> bool:
    """Whether a step lets its task complete: completed or skipped; a consensus
    participant that failed too, since its consensus (a step of its own) says whether
    enough participants answered; and a step a replan took over."""
    if step.status in DONE:
        return True
    if step.superseded_by is not None:
        return True  # a replan took its work over (`executor.replanning`)
    return bool(step.kind == StepKind.PARTICIPANT and StepStatus(step.status).terminal)


def in_result(step: Any) -> bool:
    """Whether a step's output is part of the task's result: a participant's answer is in
    its consensus step's output already, a fanned-out step's results are its items', and
    an approval is a decision on the work, not part of it."""
    return bool(
        step.status == StepStatus.COMPLETED
        and step.kind not in (StepKind.PARTICIPANT, StepKind.FAN_OUT, StepKind.APPROVAL)
    )


def what_failed(step: Any) -> str:
    """A failed step as its task's error names it: its id, capability (if any) and title."""
    about = ", ".join(part for part in (step.capability, step.title) if part)
    return f"{step.step_id} ({about})"


def read_steps(connection: Connection, task_id: str) -> list[Any]:
    return list(connection.execute(READ_STEPS, {"_task": task_id}))


def _task(connection: Connection, task_id: str) -> Any:
    return connection.execute(READ_TASK, {"_task": task_id}).one()


async def finish_task(rt: Runtime, task_id: str, note: str = "") -> str:
    """Complete the task from its steps' outputs, or fail it with the failed step's reason
    (and `note`, e.g. why it was not replanned, after it).

    With an LLM configured, the result is written by it from the step outputs (outside any
    transaction); offline, or if that call fails, the outputs are joined in plan order.
    """
    written = None
    if rt.synthesizer is not None:

        def read(connection: Connection) -> tuple[str, str, list[Any]]:
            task = _task(connection, task_id)
            return task.status, task.description, read_steps(connection, task_id)

        status, description, steps = await rt.db.read(read)
        if TaskStatus(status).terminal:
            return status
        if steps and all(done(s) for s in steps):
            outputs = [
                StepOutput(s.step_id, s.title, s.capability, s.output or "")
                for s in steps
                if in_result(s)
            ]
            written = await _synthesize(rt, description, outputs)
    cost = (
        cost_usd(rt.profiles, written.profile, written.tokens_in, written.tokens_out)
        if written is not None
        else None
    )
    change = Change(task_id)
    in_flight: list[RemoteTask] = []

    def work(connection: Connection) -> str:
        task = _task(connection, task_id)
        if TaskStatus(task.status).terminal:
            return str(task.status)
        steps = read_steps(connection, task_id)
        if steps and all(done(s) for s in steps):
            complete(connection, change, task, steps, written, cost)
        else:
            in_flight.extend(running(connection, steps)[0])
            failed = [s for s in steps if s.status == StepStatus.FAILED and s.superseded_by is None]
            # A consensus that failed says why (too few answers) better than a participant.
            failed = [s for s in failed if s.kind != StepKind.PARTICIPANT] or failed
            if failed:
                first = failed[0]
                error = f"Step {what_failed(first)} failed: {first.error}"
            else:
                unfinished = [s.step_id for s in steps if not StepStatus(s.status).terminal]
                error = f"Steps never finished: {unfinished}"
            if note:
                error = f"{error}; {note}"
            close(change, steps, TaskStatus.FAILED, error=error)
        change.write(connection)
        return str(change.task["status"])

    status = await rt.db.run(work)
    finished(rt, change)
    for instance_id, card, remote_task_id in in_flight:
        await rt.dispatcher.cancel(instance_id, card, remote_task_id)
    return status


def complete(
    connection: Connection,
    change: Change,
    task: Any,
    steps: list[Any],
    written: Synthesis | None = None,
    cost: float | None = None,
) -> None:
    """Complete the task with a result made of its steps' outputs (`written` by an LLM from
    them, when there is one, at `cost` USD), and answer in its session."""
    joined, result_data = join_step_outputs([s for s in steps if in_result(s)])
    if task.workflow_run is not None:
        results = {
            s.step_id: {
                "status": s.status,
                "title": s.title,
                "text": s.output,
                "data": s.output_data,
            }
            for s in steps
        }
        result_data = {**result_data, "outputs": outputs_of(task.workflow_run, results)}
    result = joined
    if written is not None:
        result = written.text
        result_data = {**result_data, "joined": joined}
        change.set_task(
            **tokens(
                task, written.tokens_in, written.tokens_out, written.model, written.profile, cost
            )
        )
    change.set_task(result=result, result_data=result_data)
    close(change, steps, TaskStatus.COMPLETED)
    if task.session_id:
        connection.execute(
            INSERT_MESSAGE,
            {
                "id": new_id(),
                "session_id": task.session_id,
                "role": "assistant",
                "content": result,
                "task_id": change.task_id,
                "created_at": utcnow(),
            },
        )


def complete_if_last(connection: Connection, change: Change) -> bool:
    """Complete the task in the transaction of its last step, if every step has completed
    (counting those `change` completes); True if it did."""
    steps = [SimpleNamespace(**row._mapping) for row in read_steps(connection, change.task_id)]
    for step in steps:
        step.__dict__.update(change.steps.get(step.step_id, {}))
    if not all(done(s) for s in steps):
        return False
    task = _task(connection, change.task_id)
    if TaskStatus(task.status).terminal:
        return False
    complete(connection, change, task, steps)
    return True


async def _synthesize(rt: Runtime, description: str, outputs: list[StepOutput]) -> Synthesis | None:
    if rt.synthesizer is None:
        return None
    try:
        return await rt.synthesizer.synthesize(description, outputs)
    except LLMError as exc:  # the joined outputs are a fine result too
        log.warning("synthesis failed, joining step outputs instead: %s", exc)
        return None


async def fail_task(rt: Runtime, task_id: str, error: str) -> None:
    change = Change(task_id)

    def work(connection: Connection) -> None:
        status = connection.scalar(TASK_STATUS, {"_task": task_id})
        if status is None or TaskStatus(status).terminal:
            return
        close(change, read_steps(connection, task_id), TaskStatus.FAILED, error=error)
        change.write(connection)

    await rt.db.run(work)
    finished(rt, change)


def tokens(
    task: Any,
    tokens_in: int,
    tokens_out: int,
    model: str | None,
    profile: str | None = None,
    cost: float | None = None,
) -> dict[str, Any]:
    """A task row's token totals (and model), and its usage by profile, after an LLM call
    of its own (the planner's or the synthesis's, with `profile`, at `cost` USD)."""
    values: dict[str, Any] = {
        "tokens_in": task.tokens_in + tokens_in,
        "tokens_out": task.tokens_out + tokens_out,
    }
    if model:
        values["metadata"] = {**(task._mapping["metadata"] or {}), "llm_model": model}
    if tokens_in or tokens_out:
        values["usage"] = add_usage(task.usage, profile, model, tokens_in, tokens_out, cost)
    metrics.count_tokens(model, profile, tokens_in, tokens_out, cost)
    return values


def finished(rt: Runtime, change: Change) -> None:
    """A change that may have ended its task was committed."""
    rt.views.apply(change)
    callbacks.start_if_due(change)
    status = change.task.get("status")
    if status is not None and TaskStatus(status).terminal:  # not a task that waits for input
        metrics.TASKS_FINISHED.labels(str(status)).inc()


def close(change: Change, steps: list[Any], status: TaskStatus, error: str | None = None) -> None:
    """Set a final status; steps that had not finished are canceled, or skipped if they had
    not started and the task did not end by a cancel."""
    now = utcnow()
    for step in steps:
        if not StepStatus(step.status).terminal:
            leftover = (
                StepStatus.SKIPPED
                if status != TaskStatus.CANCELED and step.status == StepStatus.PENDING
                else StepStatus.CANCELED
            )
            change.set_step(step.step_id, status=leftover, finished_at=now)
            change.event(f"step.{leftover}", step.step_id, status=leftover)
    change.set_task(status=status, error=error, finished_at=now)
    change.event(f"task.{status}", status=status, error=error)


def running(connection: Connection, steps: list[Any]) -> tuple[list[RemoteTask], list[str]]:
    """The agent tasks of the running steps (and of those waiting for a reply), and the ids
    of those whose agent has not named its task yet."""
    in_flight: list[RemoteTask] = []
    unnamed: list[str] = []
    for step in steps:
        # A step waiting for a reply has its agent's task open too (input-required).
        if step.status not in (StepStatus.RUNNING, StepStatus.INPUT_REQUIRED):
            continue
        if not step.remote_task_id:
            unnamed.append(step.step_id)
            continue
        remote = remote_of(connection, step.instance_id, step.remote_task_id)
        if remote is not None:
            in_flight.append(remote)
    return in_flight, unnamed


def remote_of(
    connection: Connection, instance_id: str | None, remote_task_id: str | None
) -> RemoteTask | None:
    """The agent task of a step, if its agent named it and its instance is still known."""
    if not (instance_id and remote_task_id):
        return None
    card = connection.scalar(INSTANCE_CARD, {"_instance": instance_id})
    return None if card is None else (instance_id, dict(card), remote_task_id)
