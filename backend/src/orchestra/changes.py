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

from sqlalchemy import Connection, insert, update

from orchestra.db import EVENTS, STEPS, TASKS
from orchestra.db.base import utcnow


@dataclass
class Change:
    """Writes to one task, kept to be applied to its view once they are committed."""

    task_id: str
    task: dict[str, Any] = field(default_factory=dict)
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_steps: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    new_task: dict[str, Any] | None = None

    def set_task(self, **values: Any) -> None:
        self.task.update(values)

    def set_step(self, key: str, **values: Any) -> None:
        self.steps.setdefault(key, {}).update(values)

    def event(self, type_: str, step: str | None = None, **data: Any) -> None:
        """Append an event to the task's log; it commits (or not) with the change it describes."""
        self.events.append({"task_id": self.task_id, "step_key": step, "type": type_, "data": data})

    @property
    def empty(self) -> bool:
        return not (self.task or self.steps or self.new_steps or self.events or self.new_task)

    def write(self, connection: Connection, at: datetime | None = None) -> None:
        """Execute the change in the caller's transaction."""
        if self.new_task is not None:
            connection.execute(insert(TASKS), [self.new_task])
        if self.new_steps:
            connection.execute(insert(STEPS), self.new_steps)
        if self.task:
            connection.execute(update(TASKS).where(TASKS.c.id == self.task_id).values(self.task))
        for key, values in self.steps.items():
            connection.execute(
                update(STEPS)
                .where(STEPS.c.task_id == self.task_id, STEPS.c.key == key)
                .values(values)
            )
        if self.events:
            now = at or utcnow()
            rows = [{**event, "created_at": now} for event in self.events]
            self.event_ids = list(
                connection.scalars(
                    insert(EVENTS).returning(EVENTS.c.id, sort_by_parameter_order=True), rows
                )
            )
