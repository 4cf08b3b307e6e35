"""The durable delivery of a finished task to its callback_url: one DBOS workflow per task.

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

from dbos import DBOS, SetWorkflowID

from orchestra import logs
from orchestra.callbacks import records
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


async def _start(task_id: str) -> None:
    with SetWorkflowID(workflow_id(task_id)):
        await DBOS.start_workflow_async(deliver, task_id)


def start_if_due(change: Change) -> None:
    """After the commit of a change that ended a task with a callback_url: start its delivery.

    Not awaited: the task's end is answered at once. Should the start fail, the row stays
    pending and is started again at the next start of a process (`resubmit_pending`).
    """
    if not change.delivery:
        return
    # In a context of its own: started from inside the task's workflow with that workflow's
    # context, DBOS would take it for a child of the task's workflow.
    job = asyncio.create_task(
        _start(change.task_id), name=f"callback {change.task_id}", context=contextvars.Context()
    )
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
    return len(ids)


def stop() -> None:
    for job in _starting:  # their rows are pending: started again at restart
        job.cancel()
