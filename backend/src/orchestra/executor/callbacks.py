"""The durable delivery of a finished task to its callback_url: one DBOS workflow per task;
and of each A2A push notification (`orchestra.callbacks.push`): one per delivery.

Each attempt is a DBOS step and each wait between attempts a durable sleep, so a process
that restarts (or adopts a dead one's work) goes on where the delivery was, without sending
a delivered task again. The workflow is started after the transaction that ended the task
committed its delivery row; a process that died in between leaves the row pending, and
`resubmit_pending` starts it at the next start or adoption. The workflow id is derived from
the task id, so starting it twice runs it once.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Coroutine
from typing import Any

from dbos import DBOS, SetWorkflowID

from orchestra import logs
from orchestra.callbacks import push, records
from orchestra.callbacks.delivery import Outcome
from orchestra.changes import Change
from orchestra.executor.runtime import Runtime, current
from orchestra.executor.workflow import DB_RETRY

log = logging.getLogger(__name__)

_starting: set[asyncio.Task[None]] = set()


def workflow_id(task_id: str) -> str:
    return f"callback:{task_id}"


# An attempt reads and writes our database around its POST: a database that is briefly away
# is waited for as in any step (the POST may then be sent again: receivers dedupe by task id).
@DBOS.step(name="orchestra.callback_attempt", **DB_RETRY)
async def attempt_step(task_id: str) -> Outcome:
    logs.bind(task_id)
    deliveries = current().deliveries
    if deliveries is None:
        raise RuntimeError("callbacks are not configured in this process")
    return await deliveries.attempt(task_id)


@DBOS.workflow(name="orchestra.callback")
async def deliver(task_id: str) -> str:
    """Attempt, wait, attempt again, until delivered or given up; returns the final status."""
    while True:
        outcome = await attempt_step(task_id)
        if outcome["state"] != "retry":
            return outcome["state"]
        await DBOS.sleep_async(outcome["delay"])


@DBOS.step(name="orchestra.push_attempt", **DB_RETRY)
async def push_attempt_step(task_id: str, config_id: str, delivery_id: str) -> Outcome:
    logs.bind(task_id)
    deliveries = current().deliveries
    if deliveries is None:
        raise RuntimeError("callbacks are not configured in this process")
    return await push.attempt(deliveries, push.Due(task_id, config_id, delivery_id))


@DBOS.workflow(name="orchestra.push")
async def deliver_push(task_id: str, config_id: str, delivery_id: str) -> str:
    """One delivery of an A2A push notification, tried as a callback is; returns its status."""
    while True:
        outcome = await push_attempt_step(task_id, config_id, delivery_id)
        if outcome["state"] != "retry":
            return outcome["state"]
        await DBOS.sleep_async(outcome["delay"])


async def _start_push(due: push.Due) -> None:
    with SetWorkflowID(f"push:{due.delivery_id}"):
        await DBOS.start_workflow_async(deliver_push, due.task_id, due.config_id, due.delivery_id)


async def _start(task_id: str) -> None:
    with SetWorkflowID(workflow_id(task_id)):
        await DBOS.start_workflow_async(deliver, task_id)


def start_if_due(change: Change) -> None:
    """After the commit of a change that ended a task with a callback_url: start its delivery.

    Not awaited: the task's end is answered at once. Should the start fail, the row stays
    pending and is started again at the next start of a process (`resubmit_pending`).
    """
    start_pushes(change.pushes)
    if not change.delivery:
        return
    _in_background(_start(change.task_id), f"callback {change.task_id}")


def start_pushes(pushes: list[push.Due]) -> None:
    """Start the deliveries of A2A push notifications on record (committed) now."""
    for due in pushes:
        _in_background(_start_push(due), f"push {due.task_id} {due.config_id}")


def _in_background(start: Coroutine[Any, Any, None], name: str) -> None:
    # In a context of its own: started from inside the task's workflow with that workflow's
    # context, DBOS would take it for a child of the task's workflow.
    job = asyncio.create_task(start, name=name, context=contextvars.Context())
    _starting.add(job)
    job.add_done_callback(_started)


def _started(job: asyncio.Task[None]) -> None:
    _starting.discard(job)
    if not job.cancelled() and job.exception() is not None:
        log.error(
            "a callback delivery could not start (it starts again at restart)",
            exc_info=job.exception(),
        )


async def resubmit_pending(rt: Runtime) -> int:
    """Start the deliveries still pending (their workflow exists already: a no-op)."""
    ids = await rt.db.read(records.pending)
    for task_id in ids:
        await _start(task_id)
    pushes = await rt.db.read(push.pending)
    for due in pushes:
        await _start_push(due)
    return len(ids) + len(pushes)


def stop() -> None:
    for job in _starting:  # their rows are pending: started again at restart
        job.cancel()
