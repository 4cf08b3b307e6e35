"""The task event log: every state change of a task or step, appended in the same transaction.

Events are written by `orchestra.changes` with the change they describe. Readers follow the
log by id (the SSE `Last-Event-ID`), so any orchestrator replica can serve a stream: the task
views' wake-ups make it prompt, a poll every `POLL_SECONDS` makes it correct regardless.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import Connection, select

from orchestra.db import EVENTS, Database
from orchestra.views import TaskViews

POLL_SECONDS = 1.0


def event_json(event: Any) -> dict[str, Any]:
    """An event row in the API's shape (`TaskEventPublic`)."""
    return {
        "id": event.id,
        "task_id": event.task_id,
        "step_id": event.step_id,
        "type": event.type,
        "data": event.data,
        "created_at": event.created_at.isoformat(),
    }


async def read_after(db: Database, task_id: str, after: int, limit: int = 500) -> list[Any]:
    """Events of the task after the id `after`, in order, and whether the task had ended."""

    def read(connection: Connection) -> list[Any]:
        return list(
            connection.execute(
                select(EVENTS)
                .where(EVENTS.c.task_id == task_id, EVENTS.c.id > after)
                .order_by(EVENTS.c.id)
                .limit(limit)
            )
        )

    return await db.read(read)


async def follow(
    db: Database, views: TaskViews, task_id: str, after: int = 0, live: bool = False
) -> AsyncIterator[dict[str, Any]]:
    """Yield SSE messages for every event after `after`, until the task has ended.

    `live`: also the `step.delta` events of the steps this process runs (`orchestra.deltas`),
    each after the stored events that came before it.
    """
    with views.deltas.subscribe(task_id) if live else contextlib.nullcontext() as deltas:
        last = after
        read = True
        while True:
            events: list[Any] = []
            if read:
                view = await views.get(task_id)
                ended = view is None or view.terminal
                events = await read_after(db, task_id, last)
                for event in events:
                    last = event.id
                    yield {
                        "id": str(event.id),
                        "event": event.type,
                        "data": json.dumps(event_json(event)),
                    }
                if ended and len(events) < 500:
                    # Ended before the read: the read had every event, the final ones included.
                    return
            if deltas is not None:
                for delta in deltas.take():
                    yield delta.message(task_id)
            if not events:
                await views.changed(task_id, POLL_SECONDS)
                # Woken by live text only (the task has no event newer than those sent,
                # as this process knows it firsthand): no need to read the log again.
                known = views.known_event(task_id)
                only_live = bool(deltas and deltas.pending) and known is not None and known <= last
                read = not only_live
