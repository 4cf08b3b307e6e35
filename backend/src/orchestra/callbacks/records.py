"""Callback deliveries as stored: one row per finished task that has a callback_url.

The row is written by the transaction that ends the task (`ENQUEUE`, run by
`orchestra.changes`), so a task cannot end without its delivery being on record, whatever
happens to the process a moment later; the durable workflow that delivers it is started
after the commit, and again at start for any row still pending.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, exists, insert, literal, select, update

from orchestra.db import DELIVERIES, TASKS, DeliveryStatus
from orchestra.db.base import UTCDateTime

ENDED = frozenset({"completed", "failed", "canceled"})

# INSERT ... SELECT: a task without a callback_url adds nothing (and costs one indexed read).
ENQUEUE = insert(DELIVERIES).from_select(
    ["task_id", "url", "status", "attempts", "created_at"],
    select(
        TASKS.c.id,
        TASKS.c.callback_url,
        literal(DeliveryStatus.PENDING.value),
        literal(0),
        bindparam("_now", type_=UTCDateTime()),
    ).where(
        TASKS.c.id == bindparam("_task"),
        TASKS.c.callback_url.is_not(None),
        ~exists().where(DELIVERIES.c.task_id == bindparam("_task")),
    ),
)


def enqueue(connection: Connection, task_id: str, now: datetime) -> bool:
    """Record the delivery of a task that ends in this transaction; True if it has one."""
    return bool(connection.execute(ENQUEUE, {"_task": task_id, "_now": now}).rowcount)


def read(connection: Connection, task_id: str) -> Any:
    """The task's delivery row (with its owner), or None."""
    return connection.execute(
        select(DELIVERIES, TASKS.c.owner)
        .join(TASKS, TASKS.c.id == DELIVERIES.c.task_id)
        .where(DELIVERIES.c.task_id == task_id)
    ).first()


def pending(connection: Connection) -> list[str]:
    """The tasks whose delivery is still being tried (or was never started)."""
    query = select(DELIVERIES.c.task_id).where(DELIVERIES.c.status == DeliveryStatus.PENDING)
    return list(connection.scalars(query))


def of_task(connection: Connection, task_id: str) -> list[Any]:
    return list(connection.execute(select(DELIVERIES).where(DELIVERIES.c.task_id == task_id)))


def record(connection: Connection, task_id: str, **values: Any) -> None:
    """Write an attempt's outcome, unless the delivery was settled meanwhile (a replay)."""
    connection.execute(
        update(DELIVERIES)
        .where(DELIVERIES.c.task_id == task_id, DELIVERIES.c.status == DeliveryStatus.PENDING)
        .values(**values)
    )
