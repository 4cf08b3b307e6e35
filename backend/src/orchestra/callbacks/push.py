"""A2A push notifications: a task's push-notification configs and their durable delivery.

An A2A client gives a config (a URL, and maybe a token and an `authentication`) with its
message or through `tasks/pushNotificationConfig/set` (`orchestra.a2a_server.push`). Each
config is delivered as a task's callback is: checked against the same egress rules when
it is set and before each attempt, tried by a durable workflow
(`orchestra.executor.callbacks`) with the CALLBACK_* retry settings, its attempts kept on
its row.

When: each time the task ends (completed, failed, canceled) or comes to wait for input
(input-required), and at once for a config set on a task that is in one of those states.
Not on every step: those are what the stream is for. Each time is a delivery of its own
(`delivery_id`); a newer one supersedes one still being tried.

What: what A2A 1.0 receivers expect, not Orchestra's callback body: a StreamResponse
holding the Task as GetTask shows it when the attempt is made, with the config's token in
`X-A2A-Notification-Token` and, for an `authentication` with credentials,
`Authorization: <scheme> <credentials>`. It is not signed with the callback key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, literal, select, update

from orchestra.callbacks.records import ENDED
from orchestra.db import PUSH_CONFIGS, TASKS, DeliveryStatus
from orchestra.db.base import new_id, utcnow

if TYPE_CHECKING:  # `views` (and `delivery`, which reads views) import this module
    from orchestra.callbacks.delivery import Deliveries, Outcome
    from orchestra.views import TaskView

__all__ = ["DUE", "TOKEN_HEADER", "Due", "attempt", "configs_of", "due", "remove", "save"]

log = logging.getLogger(__name__)

TOKEN_HEADER = "X-A2A-Notification-Token"
#: The task statuses that are notified: its end, and each wait for input.
DUE = ENDED | {"input_required"}


@dataclass(frozen=True)
class Due:
    """One delivery of a config to start (its workflow is named after `delivery_id`)."""

    task_id: str
    config_id: str
    delivery_id: str


def _pending(now: datetime) -> dict[str, Any]:
    """A config's delivery columns for a new delivery due `now`."""
    return {
        "status": DeliveryStatus.PENDING.value,
        "delivery_id": new_id(),
        "due_at": now,
        "attempts": 0,
        "last_status_code": None,
        "last_error": None,
        "last_attempt_at": None,
        "next_attempt_at": None,
        "delivered_at": None,
    }


def save(connection: Connection, config: dict[str, Any]) -> Due | None:
    """Store a config (one with the same task and id is replaced); if its task is in a
    notified status already, its delivery is due now and returned, to be started."""
    # The task's row is locked (on PostgreSQL) so that it cannot end between this read and
    # the insert: the transaction ending it would not see the config and never notify it.
    status = connection.scalar(
        select(TASKS.c.status).where(TASKS.c.id == config["task_id"]).with_for_update()
    )
    connection.execute(
        delete(PUSH_CONFIGS).where(
            PUSH_CONFIGS.c.task_id == config["task_id"], PUSH_CONFIGS.c.id == config["id"]
        )
    )
    row = {**config, "created_at": utcnow(), "status": None, "attempts": 0}
    now = utcnow()
    if status in DUE:
        row.update(_pending(now))
    connection.execute(insert(PUSH_CONFIGS), [row])
    if status not in DUE:
        return None
    return Due(config["task_id"], config["id"], row["delivery_id"])


def configs_of(connection: Connection, task_id: str, owner: str) -> list[Any]:
    """The configs `owner` set on the task, oldest first."""
    query = (
        select(PUSH_CONFIGS)
        .where(PUSH_CONFIGS.c.task_id == task_id, PUSH_CONFIGS.c.owner == owner)
        .order_by(PUSH_CONFIGS.c.created_at, PUSH_CONFIGS.c.id)
    )
    return list(connection.execute(query))


def remove(connection: Connection, task_id: str, owner: str, config_id: str | None) -> int:
    """Delete one of `owner`'s configs of the task (all of them without `config_id`); a
    delivery being tried stops at its next attempt (its row is gone)."""
    query = delete(PUSH_CONFIGS).where(
        PUSH_CONFIGS.c.task_id == task_id, PUSH_CONFIGS.c.owner == owner
    )
    if config_id is not None:
        query = query.where(PUSH_CONFIGS.c.id == config_id)
    return int(connection.execute(query).rowcount)


def due(connection: Connection, task_id: str, now: datetime) -> list[Due]:
    """In the transaction that ends the task or makes it wait for input: a new delivery of
    each of its configs (none: one indexed read)."""
    query = select(PUSH_CONFIGS.c.id).where(PUSH_CONFIGS.c.task_id == task_id)
    ids: list[str] = list(connection.scalars(query))
    found: list[Due] = []
    for config_id in ids:
        values = _pending(now)
        connection.execute(
            update(PUSH_CONFIGS)
            .where(PUSH_CONFIGS.c.task_id == task_id, PUSH_CONFIGS.c.id == config_id)
            .values(**values)
        )
        found.append(Due(task_id, config_id, values["delivery_id"]))
    return found


def deliveries_of(connection: Connection, task_id: str) -> list[Any]:
    """The task's configs that were notified, as its callback deliveries read (the API's
    `DeliveryPublic`: `kind` push, `push_config_id`, `created_at` when it became due)."""
    query = (
        select(
            PUSH_CONFIGS.c.task_id,
            PUSH_CONFIGS.c.url,
            PUSH_CONFIGS.c.status,
            PUSH_CONFIGS.c.attempts,
            PUSH_CONFIGS.c.last_status_code,
            PUSH_CONFIGS.c.last_error,
            PUSH_CONFIGS.c.due_at.label("created_at"),
            PUSH_CONFIGS.c.last_attempt_at,
            PUSH_CONFIGS.c.next_attempt_at,
            PUSH_CONFIGS.c.delivered_at,
            literal("push").label("kind"),
            PUSH_CONFIGS.c.id.label("push_config_id"),
        )
        .where(PUSH_CONFIGS.c.task_id == task_id, PUSH_CONFIGS.c.status.is_not(None))
        .order_by(PUSH_CONFIGS.c.created_at, PUSH_CONFIGS.c.id)
    )
    return list(connection.execute(query))


def pending(connection: Connection) -> list[Due]:
    """The deliveries still being tried (or never started), for a process that starts."""
    query = select(PUSH_CONFIGS.c.task_id, PUSH_CONFIGS.c.id, PUSH_CONFIGS.c.delivery_id).where(
        PUSH_CONFIGS.c.status == DeliveryStatus.PENDING
    )
    return [Due(r.task_id, r.id, r.delivery_id) for r in connection.execute(query)]


def _this(due: Due) -> Any:
    return (
        PUSH_CONFIGS.c.task_id == due.task_id,
        PUSH_CONFIGS.c.id == due.config_id,
        PUSH_CONFIGS.c.delivery_id == due.delivery_id,
    )


def _record(connection: Connection, due: Due, values: dict[str, Any]) -> None:
    """Write an attempt's outcome, unless the delivery was settled or superseded meanwhile."""
    connection.execute(
        update(PUSH_CONFIGS)
        .where(*_this(due), PUSH_CONFIGS.c.status == DeliveryStatus.PENDING)
        .values(**values)
    )


def body_of(view: TaskView) -> bytes:
    """The notification of a task: an A2A StreamResponse holding it, as JSON."""
    # Imported here: the A2A server's modules import the task service, which imports this
    # package (through `orchestra.changes`).
    from a2a.utils.proto_utils import to_stream_response
    from google.protobuf.json_format import MessageToJson

    from orchestra.a2a_server.tasks import render

    return MessageToJson(to_stream_response(render(view)), indent=None).encode()


async def attempt(deliveries: Deliveries, due: Due) -> Outcome:
    """Try once to deliver the task to the config; record and return what follows."""
    from orchestra import views  # see TYPE_CHECKING above

    def read(connection: Connection) -> tuple[Any, TaskView | None]:
        row = connection.execute(select(PUSH_CONFIGS).where(*_this(due))).first()
        return row, views.load(connection, due.task_id) if row is not None else None

    row, view = await deliveries.db.read(read)
    if row is None or view is None or row.status != DeliveryStatus.PENDING:
        # Settled already (a replay), superseded by a newer delivery, or deleted.
        settled = row is not None and row.status == DeliveryStatus.DELIVERED
        return {"state": "delivered" if settled else "undelivered", "delay": 0.0}
    headers = {"Content-Type": "application/json"}
    if row.token:
        headers[TOKEN_HEADER] = row.token
    if row.auth_scheme and row.auth_credentials:
        credentials = deliveries.vault.open(row.auth_credentials)
        if credentials is not None:
            headers["Authorization"] = f"{row.auth_scheme} {credentials}"
    number = row.attempts + 1
    code, error, final = await deliveries.send(row.url, headers, body_of(view))
    outcome, values = deliveries.judge(number, code, error, final, row.due_at)
    await deliveries.db.run(lambda c: _record(c, due, values))
    log.info(
        "task %s push notification %s attempt %d: %s (%s)",
        due.task_id,
        due.config_id,
        number,
        outcome["state"],
        code if code is not None else error,
    )
    return outcome
