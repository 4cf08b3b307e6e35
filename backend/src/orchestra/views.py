"""Task views: what `GET /api/tasks/{id}` answers, kept in memory and current.

A view is a task's row and its steps' rows. The process that runs a task patches its view
with every change it commits (`apply`, from `orchestra.changes`), so reading a task it runs
costs no database query; the JSON body and its ETag are made once per change, not once per
read. A finished task never changes, so its view is kept until the cache is full (least
recently read first out).

Other processes' changes are seen by `sync`, which reads which tasks have new events (or
were deleted, `orchestra.history`) every `VIEW_SYNC_SECONDS` and drops their views; and a
view this process did not patch is read again after `REMOTE_FRESH_SECONDS` at most, so a
missed event cannot leave it stale.

Waiting readers (`?wait=`, event streams) are woken per task.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, func, select

from orchestra.changes import Change
from orchestra.db import (
    DELETIONS,
    EVENTS,
    STEPS,
    TASKS,
    Database,
    StepKind,
    StepStatus,
    TaskStatus,
)
from orchestra.deltas import Deltas
from orchestra.llm.cost import task_cost

log = logging.getLogger(__name__)

# How long a view patched here is trusted without hearing of other processes' changes to
# its task (only cancels come from elsewhere, and `sync` reports those): long, as a task
# may wait in line for minutes and be read all along.
LOCAL_FRESH_SECONDS = 600.0
# How long a view read from the database is trusted while its task runs elsewhere.
REMOTE_FRESH_SECONDS = 1.0
# PostgreSQL hands out event ids before commit, so a later commit can carry a lower id:
# `sync` looks again at this many ids below the highest it has seen.
SYNC_WINDOW = 1000

TASK_FIELDS = (
    "id",
    "owner",
    "session_id",
    "description",
    "status",
    "planner",
    "planner_reason",
    "result",
    "result_data",
    "error",
    "metadata",
    "tokens_in",
    "tokens_out",
    "usage",
    "created_at",
    "started_at",
    "finished_at",
    "workflow_id",
    "workflow_version",
    "callback_url",
)
STEP_FIELDS = (
    "step_id",
    "position",
    "title",
    "instruction",
    "capability",
    "depends_on",
    "expected_output",
    "status",
    "agent_id",
    "agent_name",
    "instance_id",
    "remote_task_id",
    "attempts",
    "output",
    "output_data",
    "error",
    "reasoning",
    "progress",
    "tokens_in",
    "tokens_out",
    "llm_profile",
    "llm_model",
    "cost_usd",
    "started_at",
    "finished_at",
    "kind",
    "profile",
    "consensus",
    "question",
    "reply",
)


def _duration(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() * 1000, 1)


def render_step(step: dict[str, Any]) -> dict[str, Any]:
    """A step in the API's shape (`StepPublic`)."""
    return {
        "id": step["step_id"],
        "title": step["title"],
        "instruction": step["instruction"],
        "capability": step["capability"],
        "depends_on": list(step["depends_on"] or ()),
        "expected_output": step["expected_output"],
        "status": step["status"],
        "agent_id": step["agent_id"],
        "agent": step["agent_name"],
        "instance_id": step["instance_id"],
        "remote_task_id": step["remote_task_id"],
        "attempts": step["attempts"],
        "output": step["output"],
        "output_data": step["output_data"],
        "error": step["error"],
        "reasoning": step["reasoning"],
        "progress": list(step["progress"] or ()),
        "tokens_in": step["tokens_in"],
        "tokens_out": step["tokens_out"],
        "llm_profile": step.get("llm_profile"),
        "llm_model": step.get("llm_model"),
        "cost_usd": step.get("cost_usd"),
        "started_at": step["started_at"],
        "finished_at": step["finished_at"],
        "duration_ms": _duration(step["started_at"], step["finished_at"]),
        **_consensus_fields(step),
        "question": step.get("question"),
        "reply": _public_reply(step.get("reply")),
    }


def _public_reply(reply: dict[str, Any] | None) -> dict[str, Any] | None:
    """A reply as the API shows it (without the executor's run number)."""
    if reply is None:
        return None
    return {k: reply.get(k) for k in ("text", "data", "by", "at")}


def _consensus_fields(step: dict[str, Any]) -> dict[str, Any]:
    """A step's kind and, for a consensus or one of its participants, its settings."""
    kind = step.get("kind") or StepKind.AGENT.value
    role = step.get("consensus") or None
    return {
        "kind": kind,
        "profile": step.get("profile"),
        "consensus": role if kind == StepKind.CONSENSUS else None,
        "participant": role if kind == StepKind.PARTICIPANT else None,
    }


def render_summary(task: dict[str, Any], steps: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A task in the API's list shape (`TaskSummary`)."""
    steps = list(steps)
    bill = task_cost(task.get("usage"), steps)
    return {
        "id": task["id"],
        "description": task["description"],
        "status": task["status"],
        "session_id": task["session_id"],
        "planner": task["planner"],
        "workflow_id": task["workflow_id"],
        "workflow_version": task["workflow_version"],
        "error": task["error"],
        "steps_total": len(steps),
        "steps_completed": sum(1 for s in steps if s["status"] == StepStatus.COMPLETED),
        "tokens_in": task["tokens_in"] + sum(s["tokens_in"] for s in steps),
        "tokens_out": task["tokens_out"] + sum(s["tokens_out"] for s in steps),
        "cost_usd": bill.cost_usd,
        "cost_complete": bill.cost_complete,
        "created_at": task["created_at"],
        "started_at": task["started_at"],
        "finished_at": task["finished_at"],
        "duration_ms": _duration(task["started_at"], task["finished_at"]),
    }


def render(task: dict[str, Any], steps: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A task in the API's full shape (`TaskPublic`)."""
    steps = list(steps)
    return {
        **render_summary(task, steps),
        "planner_reason": task["planner_reason"],
        "metadata": task["metadata"],
        "callback_url": task["callback_url"],
        "steps": [render_step(s) for s in steps],
        "usage": task_cost(task.get("usage"), steps).usage,
        "result": task["result"],
        "result_data": task["result_data"],
    }


@dataclass
class TaskView:
    """A task's row and its steps' rows (by step id, in plan order), and the JSON made of them."""

    task: dict[str, Any]
    steps: dict[str, dict[str, Any]]
    event_id: int = 0
    fresh_until: float = float("inf")
    _body: bytes | None = field(default=None, repr=False)
    _etag: str = ""

    @property
    def id(self) -> str:
        return str(self.task["id"])

    @property
    def owner(self) -> str:
        return str(self.task["owner"])

    @property
    def status(self) -> str:
        return str(self.task["status"])

    @property
    def terminal(self) -> bool:
        return TaskStatus(self.status).terminal

    @property
    def body(self) -> bytes:
        if self._body is None:
            self._body = orjson.dumps(
                render(self.task, self.steps.values()), option=orjson.OPT_UTC_Z
            )
            self._etag = '"' + hashlib.blake2b(self._body, digest_size=12).hexdigest() + '"'
        return self._body

    @property
    def etag(self) -> str:
        if self._body is None:
            _ = self.body
        return self._etag

    def patch(self, change: Change) -> bool:
        """Apply a committed change; False if the view cannot follow it (read it again)."""
        if change.new_task is not None:
            self.task.update({k: change.new_task.get(k) for k in TASK_FIELDS})
        for values in (change.written_task, change.task):
            self.task.update({k: v for k, v in values.items() if k in self.task})
        for row in change.new_steps:
            self.steps[row["step_id"]] = {k: row.get(k) for k in STEP_FIELDS}
        for step_id, values in change.steps.items():
            step = self.steps.get(step_id)
            if step is None:
                return False
            step.update({k: v for k, v in values.items() if k in step})
        self.event_id = max(self.event_id, change.last_event)
        self._body = None
        return True

    @classmethod
    def of_new(cls, change: Change) -> TaskView:
        """The view of a task just created by `change`."""
        assert change.new_task is not None
        view = cls({k: change.new_task.get(k) for k in TASK_FIELDS}, {})
        view.patch(change)
        view.fresh_until = time.monotonic() + LOCAL_FRESH_SECONDS
        return view


READ_TASK = select(*(TASKS.c[k] for k in TASK_FIELDS)).where(TASKS.c.id == bindparam("_task"))
LAST_EVENT = select(func.max(EVENTS.c.id)).where(EVENTS.c.task_id == bindparam("_task"))
READ_STEPS = (
    select(*(STEPS.c[k] for k in STEP_FIELDS))
    .where(STEPS.c.task_id == bindparam("_task"))
    .order_by(STEPS.c.position)
)


def load(connection: Connection, task_id: str) -> TaskView | None:
    """Read a task's view from the database."""
    params = {"_task": task_id}
    task = connection.execute(READ_TASK, params).mappings().first()
    if task is None:
        return None
    steps = connection.execute(READ_STEPS, params).mappings()
    last = connection.scalar(LAST_EVENT, params)
    return TaskView(dict(task), {s["step_id"]: dict(s) for s in steps}, int(last or 0))


class _Load:
    def __init__(self) -> None:
        self.stale = False
        self.done: asyncio.Future[TaskView | None] = asyncio.get_running_loop().create_future()


class TaskViews:
    """The views of the tasks read or run lately, at most `capacity` of them."""

    def __init__(self, db: Database, capacity: int = 2000, sync_seconds: float = 0.25) -> None:
        self.db = db
        self.capacity = capacity
        self.sync_seconds = sync_seconds
        self._views: OrderedDict[str, TaskView] = OrderedDict()
        self._loads: dict[str, _Load] = {}
        self._signals: dict[str, asyncio.Event] = {}
        self._cursor: int | None = None
        self._deleted_cursor: int | None = None
        #: The live text of the steps run here, for the event streams served here.
        self.deltas = Deltas(self._signal)

    async def get(self, task_id: str) -> TaskView | None:
        """The task's view, from memory when it is current there."""
        view = self._views.get(task_id)
        if view is not None and (view.terminal or time.monotonic() < view.fresh_until):
            self._views.move_to_end(task_id)
            return view
        return await self._load(task_id)

    async def _load(self, task_id: str) -> TaskView | None:
        pending = self._loads.get(task_id)
        if pending is not None:  # one read serves every reader that came meanwhile
            return await asyncio.shield(pending.done)
        pending = self._loads[task_id] = _Load()
        try:
            while True:
                view = await self.db.read(lambda c: load(c, task_id))
                if not pending.stale:
                    break
                pending.stale = False  # changed while it was read: read it again
            if view is not None:
                if not view.terminal:
                    view.fresh_until = time.monotonic() + REMOTE_FRESH_SECONDS
                self._keep(view)
            pending.done.set_result(view)
            return view
        except BaseException as exc:
            pending.done.set_exception(exc)
            pending.done.exception()  # retrieved: readers that came meanwhile re-raise it
            raise
        finally:
            del self._loads[task_id]

    def _keep(self, view: TaskView) -> None:
        self._views[view.id] = view
        self._views.move_to_end(view.id)
        while len(self._views) > self.capacity:
            self._views.popitem(last=False)

    def add(self, change: Change) -> TaskView:
        """Keep the view of a task `change` created (committed)."""
        view = TaskView.of_new(change)
        self._keep(view)
        return view

    def apply(self, change: Change) -> None:
        """A change to a task was committed here: patch its view and wake its readers."""
        if change.empty:
            return
        view = self._views.get(change.task_id)
        if view is not None:
            if view.patch(change):
                view.fresh_until = time.monotonic() + LOCAL_FRESH_SECONDS
            else:
                del self._views[change.task_id]
        pending = self._loads.get(change.task_id)
        if pending is not None:
            pending.stale = True
        self._signal(change.task_id)

    def forget(self, task_id: str) -> None:
        """The task changed in a way no patch describes: read it again next time."""
        self._views.pop(task_id, None)
        pending = self._loads.get(task_id)
        if pending is not None:
            pending.stale = True
        self._signal(task_id)

    def known_event(self, task_id: str) -> int | None:
        """The task's newest event id, when this process follows the task's changes itself
        (its view is current here); None when only the database knows."""
        view = self._views.get(task_id)
        if view is None or time.monotonic() >= view.fresh_until:
            return None
        return view.event_id

    def _signal(self, task_id: str) -> None:
        signal = self._signals.pop(task_id, None)
        if signal is not None:
            signal.set()

    async def changed(self, task_id: str, timeout: float) -> None:
        """Until the task changes (as far as this process hears of it), or `timeout`."""
        signal = self._signals.get(task_id)
        if signal is None:
            signal = self._signals[task_id] = asyncio.Event()
        # asyncio.timeout, not wait_for: Python 3.11's wait_for swallows a cancel that
        # comes as the signal is set, and a reader told to stop read on to the task's end.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await signal.wait()

    async def wait(
        self, task_id: str, etag: str | None, timeout: float, until_end: bool = False
    ) -> TaskView | None:
        """The task's view once it differs from `etag` (the current one if None) or the task
        has ended (with `until_end`: once it has ended); at the latest after `timeout`
        seconds, as it is then."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        view = await self.get(task_id)
        if etag is None and view is not None:
            etag = view.etag
        while view is not None and not view.terminal and (until_end or view.etag == etag):
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            # Look again at least every REMOTE_FRESH_SECONDS: a task run by another
            # process may change without this process hearing of it at once.
            await self.changed(task_id, min(remaining, REMOTE_FRESH_SECONDS))
            view = await self.get(task_id)
        return view

    async def sync(self) -> None:
        """Drop the views of tasks other processes changed; wake their readers."""
        window = 0 if self.db.sqlite else SYNC_WINDOW
        cursor, deleted_cursor = self._cursor, self._deleted_cursor

        def read(connection: Connection) -> tuple[list[Any], list[Any]]:
            if cursor is None or deleted_cursor is None:
                last_event = connection.scalar(select(func.max(EVENTS.c.id))) or 0
                last_deleted = connection.scalar(select(func.max(DELETIONS.c.id))) or 0
                return [(None, last_event)], [(last_deleted, None)]
            changed = connection.execute(
                select(EVENTS.c.task_id, func.max(EVENTS.c.id))
                .where(EVENTS.c.id > cursor - window)
                .group_by(EVENTS.c.task_id)
            )
            deleted = connection.execute(
                select(DELETIONS.c.id, DELETIONS.c.task_id).where(
                    DELETIONS.c.id > deleted_cursor - window
                )
            )
            return list(changed), list(deleted)

        changed, deleted = await self.db.read(read)
        for deletion_id, task_id in deleted:
            self._deleted_cursor = max(self._deleted_cursor or 0, int(deletion_id))
            if task_id is not None:
                self.forget(task_id)
        for task_id, last in changed:
            self._cursor = max(self._cursor or 0, int(last))
            if task_id is None:
                continue
            view = self._views.get(task_id)
            if view is not None and last > view.event_id:
                self.forget(task_id)
            elif view is None and task_id in self._signals:
                self._signal(task_id)

    async def run(self) -> None:
        """Follow other processes' changes until cancelled."""
        while True:
            try:
                await self.sync()
            except Exception:  # the database may be briefly away; the next round retries
                log.exception("task view sync failed")
            await asyncio.sleep(self.sync_seconds)
