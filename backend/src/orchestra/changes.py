"""What one transaction changes on a task: its row, its steps' rows, and its event log.

A `Change` is built while a transaction decides, written in it (`write`), and after the
commit applied to the in-memory task views (`orchestra.views`), which therefore never
read the database to follow a task this process runs. Field names are the tables' column
names, so the same dictionary updates the row and the view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update

from orchestra.callbacks import push
from orchestra.callbacks import records as callbacks
from orchestra.db import EVENTS, STEPS, TASKS, EventType
from orchestra.db.base import utcnow

# Built once: building a statement and its cache key costs several times what running it
# does. An UPDATE without values() sets the columns named in its parameters.
INSERT_TASK = insert(TASKS)
INSERT_STEPS = insert(STEPS)
# One statement for all the change's events; their ids come back with it.
INSERT_EVENTS = insert(EVENTS).returning(EVENTS.c.id, sort_by_parameter_order=True)
UPDATE_TASK = update(TASKS).where(TASKS.c.id == bindparam("_task"))
UPDATE_STEP = update(STEPS).where(
    STEPS.c.task_id == bindparam("_task"), STEPS.c.step_id == bindparam("_step_id")
)
START_TASK = (
    update(TASKS)
    .where(TASKS.c.id == bindparam("_task"), TASKS.c.status == "pending")
    .values(status=bindparam("status"), started_at=bindparam("started_at"))
)


@dataclass
class Change:
    """Writes to one task, kept to be applied to its view once they are committed."""

    task_id: str
    task: dict[str, Any] = field(default_factory=dict)
    written_task: dict[str, Any] = field(default_factory=dict)
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)  # by step id
    new_steps: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    last_event: int = 0
    new_task: dict[str, Any] | None = None
    delivery: bool = False
    """The change ended a task that has a callback_url: its delivery is on record now."""
    pushes: list[push.Due] = field(default_factory=list)
    """The A2A push notifications this change made due (it ended the task or made it wait
    for input): on record now, to be started after the commit."""

    def set_task(self, **values: Any) -> None:
        self.task.update(values)

    def start_task(self, connection: Connection, at: datetime) -> bool:
        """Mark a pending task running (at once, not in `write`); True if this change did."""
        values = {"status": "running", "started_at": at}
        started = connection.execute(START_TASK, {**values, "_task": self.task_id}).rowcount
        if started:
            self.written_task.update(values)
            self.event("task.running", status="running")
        return bool(started)

    def set_step(self, step_id: str, **values: Any) -> None:
        self.steps.setdefault(step_id, {}).update(values)

    def event(self, type_: str, step_id: str | None = None, **data: Any) -> None:
        """Append an event to the task's log; it commits (or not) with the change it describes.

        Raises:
            ValueError: `type_` is not an `EventType` (clients rely on that list).
        """
        self.events.append(
            {
                "task_id": self.task_id,
                "step_id": step_id,
                "type": EventType(type_).value,
                "data": data,
            }
        )

    @property
    def empty(self) -> bool:
        return not (
            self.task
            or self.written_task
            or self.steps
            or self.new_steps
            or self.events
            or self.new_task
        )

    def write(self, connection: Connection, at: datetime | None = None) -> None:
        """Execute the change in the caller's transaction."""
        if self.new_task is not None:
            connection.execute(INSERT_TASK, [self.new_task])
        if self.new_steps:
            connection.execute(INSERT_STEPS, self.new_steps)
        if self.task:
            connection.execute(UPDATE_TASK, {**self.task, "_task": self.task_id})
            if self.task.get("status") in callbacks.ENDED:
                # In the transaction that ends the task: no end without its delivery.
                self.delivery = callbacks.enqueue(connection, self.task_id, at or utcnow())
            if self.task.get("status") in push.DUE:
                self.pushes = push.due(connection, self.task_id, at or utcnow())
        for step_id, values in self.steps.items():
            connection.execute(UPDATE_STEP, {**values, "_task": self.task_id, "_step_id": step_id})
        if self.events:
            now = at or utcnow()
            ids = connection.scalars(
                INSERT_EVENTS, [{**event, "created_at": now} for event in self.events]
            )
            # The task's newest event: its view, patched with this change, is current up to
            # there (`views.sync` reads it again only for events written elsewhere after it).
            self.last_event = max(ids)
