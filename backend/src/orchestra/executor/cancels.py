"""Booking a cancel: the task and its unfinished steps marked canceled, and the agent tasks of
steps in flight found, so the caller can ask their agents to stop them."""

from __future__ import annotations

from sqlalchemy import Connection, select

from orchestra.changes import Change
from orchestra.db import STEPS, TASKS, TaskStatus
from orchestra.executor import callbacks
from orchestra.executor.completion import RemoteTask, close, read_steps, remote_of, running
from orchestra.executor.runtime import Runtime


async def cancel_task(rt: Runtime, task_id: str) -> tuple[list[RemoteTask], list[str]] | None:
    """Mark a task canceled; None if it had already ended.

    Returns the agent tasks of steps in flight, and the ids of running steps whose agent
    has not named its task yet (the caller watches those for a while).
    """
    change = Change(task_id)

    def work(connection: Connection) -> tuple[list[RemoteTask], list[str]] | None:
        status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
        if status is None or TaskStatus(status).terminal:
            return None
        steps = read_steps(connection, task_id)
        found = running(connection, steps)
        close(change, steps, TaskStatus.CANCELED, error="Canceled by request.")
        change.write(connection)
        return found

    found = await rt.db.run(work)
    rt.views.apply(change)
    callbacks.start_if_due(change)
    return found


async def remote_tasks(rt: Runtime, task_id: str, step_ids: list[str]) -> dict[str, RemoteTask]:
    """The agent tasks of these steps, for those whose agent has named its task by now."""

    def read(connection: Connection) -> dict[str, RemoteTask]:
        rows = connection.execute(
            select(STEPS.c.step_id, STEPS.c.instance_id, STEPS.c.remote_task_id).where(
                STEPS.c.task_id == task_id, STEPS.c.step_id.in_(step_ids)
            )
        )
        found: dict[str, RemoteTask] = {}
        for row in rows:
            remote = remote_of(connection, row.instance_id, row.remote_task_id)
            if remote is not None:
                found[row.step_id] = remote
        return found

    return await rt.db.read(read)
