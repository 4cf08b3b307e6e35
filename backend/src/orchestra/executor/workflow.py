"""The durable workflows: one per task, and one child per step on the agents' queue.

DBOS records each step's result, so a restarted process replays a task from its record: the
plan is not made again and a finished step is never sent to an agent again. A step in flight
at a crash runs again with the same message id (its idempotency key).

Workflows must be deterministic on replay, so every decision is taken from recorded values:
the plan returned by `plan_step` and the step results received from the children.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from dbos import DBOS, SetEnqueueOptions, SetWorkflowID
from opentelemetry.trace import SpanKind
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from orchestra import logs, metrics, tracing
from orchestra.executor import store
from orchestra.executor.dispatch import TransportError, build_message
from orchestra.executor.runtime import current

log = logging.getLogger(__name__)

TASK_QUEUE = "orchestra_tasks"
STEP_QUEUE = "orchestra_steps"
STEP_TOPIC = "step-finished"
# A child reports back long before this; the timeout only bounds how long the parent sleeps.
WAIT_SECONDS = 3600


def transient(error: BaseException) -> bool:
    """A database connection that broke or is briefly unavailable: worth trying again."""
    if isinstance(error, DBAPIError):
        return bool(error.connection_invalidated) or isinstance(
            error, (OperationalError, InterfaceError)
        )
    return isinstance(error, ConnectionError | TimeoutError)


# Every durable step reads or writes our database; a connection cut or a database restart
# must not kill the task, so those steps retry for about half a minute before giving up.
DB_RETRY: dict[str, Any] = {
    "retries_allowed": True,
    "interval_seconds": 0.5,
    "backoff_rate": 2.0,
    "max_attempts": 7,
    "should_retry": transient,
}


class StepStopped(Exception):
    """The task was canceled while its step was being handed to an agent."""


def step_workflow_id(task_id: str, key: str) -> str:
    return f"{task_id}:{key}"


@DBOS.step(name="orchestra.plan", **DB_RETRY)
async def plan_step(task_id: str) -> list[dict[str, Any]]:
    logs.bind(task_id)
    return await store.plan_task(current(), task_id)


@DBOS.step(name="orchestra.start_step", **DB_RETRY)
async def start_step(task_id: str, key: str) -> dict[str, Any] | None:
    logs.bind(task_id, key)
    return await store.start_step(current(), task_id, key)


@DBOS.step(name="orchestra.call_agent", **DB_RETRY)
async def call_agent(job: dict[str, Any]) -> dict[str, Any]:
    attrs = {"orchestra.task_id": job["task_id"], "orchestra.step": job["key"]}
    with tracing.span(f"step {job['key']}", parent=job.get("trace"), attributes=attrs):
        return await _call_agent(job)


async def _call_agent(job: dict[str, Any]) -> dict[str, Any]:
    """Send the step to an instance of its agent; retry elsewhere when worth it.

    Transport failures (unreachable, 5xx, broken stream, timeout) resend the same message id:
    the agent may have received it, and must not run it twice. A failure the agent marks
    retryable was certainly finished, so the next attempt gets a new message id.
    """
    logs.bind(job["task_id"], job["key"])
    rt = current()
    policy = rt.policy
    tried: set[str] = set()
    previous: str | None = None
    rerun = 0
    last_error = "no attempt was made"
    for attempt in range(1, policy.max_attempts + 1):
        if attempt > 1:
            await asyncio.sleep(policy.delay(attempt - 1))
        chosen = await store.begin_attempt(rt, job["task_id"], job["key"], job["agent_id"], tried)
        if chosen is None:
            return {"state": "failed", "error": f"agent {job['agent_id']} has no instance"}
        instance_id, card, _ = chosen
        tried.add(instance_id)
        if previous is not None and previous != instance_id:
            metrics.FAILOVERS.inc()
        previous = instance_id
        message_id = job["message_id"] if rerun == 0 else f"{job['message_id']}:rerun{rerun}"
        message = build_message(message_id, job["context_id"], job["instruction"], job["data"])

        async def on_task(remote_id: str, instance_id: str = instance_id, card: Any = card) -> None:
            if not await store.note_remote_task(rt, job["task_id"], job["key"], remote_id):
                await rt.dispatcher.cancel(instance_id, card, remote_id)
                raise StepStopped(f"step {job['key']} was stopped while the agent started it")

        await rt.registry.call_started(instance_id)
        started = time.monotonic()
        error: str | None = None
        reachable = True
        try:
            attempt_attrs: dict[str, str | int] = {
                "a2a.message_id": message_id,
                "orchestra.attempt": attempt,
            }
            with tracing.span("a2a.send", kind=SpanKind.CLIENT, attributes=attempt_attrs):
                reply = await rt.dispatcher.send(
                    instance_id, card, message, policy.timeout, on_task
                )
            error = reply.error or None
        except StepStopped as exc:
            return {"state": "canceled", "error": str(exc)}
        except TransportError as exc:
            error, reachable = str(exc), False
            last_error = error
            log.warning(
                "task %s step %s attempt %d failed: %s", job["task_id"], job["key"], attempt, exc
            )
            if attempt < policy.max_attempts:
                metrics.RETRIES.labels("transport").inc()
            continue
        finally:
            # Also when the workflow is cancelled mid-call: in-flight counts must not leak.
            elapsed = (time.monotonic() - started) * 1000
            await rt.registry.call_finished(instance_id, elapsed, error, reachable=reachable)
        if reply.retryable:
            last_error = f"the agent failed (retryable): {reply.error}"
            rerun += 1
            if attempt < policy.max_attempts:
                metrics.RETRIES.labels("agent").inc()
            log.warning(
                "task %s step %s attempt %d: %s", job["task_id"], job["key"], attempt, last_error
            )
            continue
        return store.outcome_of(reply)
    return {
        "state": "failed",
        "error": f"{policy.max_attempts} attempts failed; last: {last_error}",
    }


@DBOS.step(name="orchestra.finish_step", **DB_RETRY)
async def finish_step(task_id: str, key: str, outcome: dict[str, Any]) -> str:
    logs.bind(task_id, key)
    return await store.finish_step(current(), task_id, key, outcome)


@DBOS.step(name="orchestra.finish_task", **DB_RETRY)
async def finish_task_step(task_id: str) -> str:
    logs.bind(task_id)
    return await store.finish_task(current(), task_id)


@DBOS.workflow(name="orchestra.run_step")
async def run_step(task_id: str, key: str) -> str:
    # The parent waits for this message: it is sent however the step ends, so a step that
    # fails for good fails its task instead of leaving it running.
    status = "failed"
    try:
        job = await start_step(task_id, key)
        status = "canceled"
        if job is not None:
            outcome = await call_agent(job)
            status = await finish_step(task_id, key, outcome)
    finally:
        await DBOS.send_async(task_id, {"key": key, "status": status}, topic=STEP_TOPIC)
    return status


@DBOS.workflow(name="orchestra.run_task")
async def run_task(task_id: str) -> str:
    plan = await plan_step(task_id)
    if not plan:
        return await finish_task_step(task_id)
    finished: dict[str, str] = {}
    started: set[str] = set()
    while len(finished) < len(plan):
        if any(status != "completed" for status in finished.values()):
            break  # a failed or canceled step ends the task; nothing new starts
        for step in plan:
            key = step["key"]
            if key in started or any(finished.get(d) != "completed" for d in step["depends_on"]):
                continue
            started.add(key)
            with (
                SetWorkflowID(step_workflow_id(task_id, key)),
                SetEnqueueOptions(queue_partition_key=step["agent_id"] or "none"),
            ):
                await DBOS.enqueue_workflow_async(STEP_QUEUE, run_step, task_id, key)
        message = await DBOS.recv_async(STEP_TOPIC, timeout_seconds=WAIT_SECONDS)
        if message is not None:
            finished[message["key"]] = message["status"]
    return await finish_task_step(task_id)
