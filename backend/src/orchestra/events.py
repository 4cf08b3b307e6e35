"""The task event log: every state change of a task or step, appended in the same transaction.

Readers follow it by id (the SSE `Last-Event-ID`), so any orchestrator replica can serve a
stream: a local wake-up makes it prompt, a short poll makes it correct across processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra.db import Database, Task, TaskEvent

POLL_SECONDS = 0.5


class EventBus:
    """Wakes local followers when this process appended events (other replicas are polled)."""

    def __init__(self) -> None:
        self._changed = asyncio.Event()

    def notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        changed = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), timeout)


def record(
    session: AsyncSession, task_id: str, type_: str, step_key: str | None = None, **data: Any
) -> None:
    """Append one event; it commits (or not) with the change it describes."""
    session.add(TaskEvent(task_id=task_id, step_key=step_key, type=type_, data=data))


def event_json(event: TaskEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "task_id": event.task_id,
        "step": event.step_key,
        "type": event.type,
        "data": event.data,
        "created_at": event.created_at.isoformat(),
    }


async def read_after(db: Database, task_id: str, after: int, limit: int = 500) -> list[TaskEvent]:
    async with db.session() as session:
        rows = await session.scalars(
            select(TaskEvent)
            .where(TaskEvent.task_id == task_id, TaskEvent.id > after)
            .order_by(TaskEvent.id)
            .limit(limit)
        )
        return list(rows)


async def task_finished(db: Database, task_id: str) -> bool:
    async with db.session() as session:
        status = await session.scalar(select(Task.status).where(Task.id == task_id))
    return status in ("completed", "failed", "canceled")


async def follow(
    db: Database, bus: EventBus, task_id: str, after: int = 0
) -> AsyncIterator[dict[str, Any]]:
    """Yield SSE messages for every event after `after`, until the task has ended."""
    last = after
    while True:
        events = await read_after(db, task_id, last)
        for event in events:
            last = event.id
            yield {"id": str(event.id), "event": event.type, "data": json.dumps(event_json(event))}
        if not events and await task_finished(db, task_id):
            # Read once more: the final events may have landed between the two queries.
            if not await read_after(db, task_id, last, limit=1):
                return
            continue
        if not events:
            await bus.wait(POLL_SECONDS)
