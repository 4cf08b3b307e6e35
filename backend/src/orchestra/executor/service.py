"""The executor's interface to the rest of Orchestra: start, submit, cancel, stop.

It is the only place that configures DBOS; nothing outside `executor/` imports it.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from dbos import DBOS, DBOSConfig, SetWorkflowID
from dbos import error as dbos_error
from sqlalchemy import Connection, and_, or_, select
from sqlalchemy.engine import make_url

from orchestra.db import TASKS, TaskStatus
from orchestra.errors import ConflictError
from orchestra.executor import (
    callbacks,
    cancels,
    clock,
    completion,
    dbos_internals,
    questions,
    review,
    slots,
    workflow,
)
from orchestra.executor.planning import PlanSummary
from orchestra.executor.runtime import Runtime, install

log = logging.getLogger(__name__)


def system_database_url(app_url: str, data_dir: Any) -> str:
    """DBOS keeps its state beside ours: its own SQLite file, or schema `dbos` in PostgreSQL."""
    url = make_url(app_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{data_dir / 'dbos.sqlite'}"
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def sqlite_system_engine(url: str) -> sa.Engine:
    """DBOS's engine for its SQLite file, made here for what DBOS's own lacks.

    What DBOS sets is kept: IMMEDIATE transactions, its busy timeout, foreign keys. Added:
    - WAL. DBOS writes several records per step; with SQLite's default rollback journal
      those serialise readers and writers on the file lock and cap throughput at a few tasks
      a second.
    - synchronous=NORMAL, as for our own database. With WAL, FULL syncs the disk at every
      commit (3 ms here, more under load), and DBOS commits six to eight times per task, one
      after another: that alone capped a process near 40 tasks a second. NORMAL keeps every
      commit through a crash of the process; only a power loss can take back the last ones.
    - One connection. Every transaction is IMMEDIATE, so with several connections concurrent
      steps wait for the file lock in sleeps of up to 100 ms; with one they queue for the
      pool instead, woken at once.
    - No ping before each use: a file does not drop connections.
    """
    Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, pool_size=1, max_overflow=0, pool_timeout=30)

    @sa.event.listens_for(engine, "connect")
    def configure(connection: sqlite3.Connection, record: Any) -> None:
        del record
        connection.isolation_level = "IMMEDIATE"
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA busy_timeout=30000")
        connection.execute("PRAGMA foreign_keys=ON")

    return engine


# How long a reply waits for the workflow of a task another process runs to start, and how
# often it looks: that process starts it once the task's running steps have settled.
HAND_OFF_WAIT_SECONDS = 10.0
HAND_OFF_POLL_SECONDS = 0.2

# How long a cancel keeps watching for steps whose agent had not named its task yet.
NAMING_GRACE_SECONDS = 10.0


class Executor:
    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime
        self._watchers: set[asyncio.Task[None]] = set()
        # Tasks of this process being run outside a workflow (`_run_inline`) or having theirs
        # started, by task id.
        self._starting: dict[str, asyncio.Task[None]] = {}

    async def start(self) -> None:
        """Launch DBOS on the running event loop (so workflows share our async engine).

        DBOS.launch is synchronous on purpose: DBOS adopts the loop of the thread that
        launches it, and it hands this process's unfinished tasks back for recovery. The
        agent slots those tasks' steps held are freed first; their steps take new ones.
        """
        settings = self.rt.settings
        install(self.rt)
        await self.rt.db.run(lambda c: slots.free_of_executors(c, [settings.process_id]))
        system_url = system_database_url(settings.orchestrator_database_url, settings.data_dir)
        config: DBOSConfig = {
            "name": "orchestra",
            "system_database_url": system_url,
            "application_version": settings.application_version,
            "log_level": "WARNING",
            "executor_id": settings.process_id,
        }
        if system_url.startswith("sqlite"):
            config["system_database_engine"] = sqlite_system_engine(system_url)
        DBOS(config=config)
        DBOS.launch()

    async def tick_every(self, seconds: int, callback: clock.Tick) -> None:
        """Call `callback` with the time of each tick of the clock, once per tick across all
        processes (`executor.clock`)."""
        clock.on_tick(callback)
        await clock.start(seconds)

    @property
    def id(self) -> str:
        """This process's executor id: the DBOS executor id, and the owner of the tasks it
        accepts (`tasks.executor_id`)."""
        return self.rt.settings.process_id

    async def resubmit_pending(self, adopted: Sequence[str] = ()) -> int:
        """Start the workflows of the unfinished tasks of this process (at its start) or of
        the dead processes it adopted: tasks it ran outside a workflow, or stored but never
        started (a crash in between). Tasks from before owners were kept are started if
        pending, as they were.

        Idempotent: a task whose workflow exists (waiting in line here or elsewhere) keeps
        it; DBOS starts nothing twice.
        """
        owners = [self.id, *adopted]
        unfinished = [s.value for s in TaskStatus if not s.terminal]

        def find(connection: Connection) -> list[str]:
            query = select(TASKS.c.id).where(
                or_(
                    and_(TASKS.c.executor_id.in_(owners), TASKS.c.status.in_(unfinished)),
                    and_(TASKS.c.executor_id.is_(None), TASKS.c.status == TaskStatus.PENDING),
                )
            )
            return list(connection.scalars(query.order_by(TASKS.c.created_at)))

        ids = await self.rt.db.read(find)
        for task_id in ids:
            # It runs here now, or already runs (or waits) where it was started.
            with SetWorkflowID(task_id):
                await DBOS.start_workflow_async(workflow.run_task, task_id, None)
        if self.rt.deliveries is not None:
            # Deliveries of tasks that ended just before a crash: their workflows start now.
            await callbacks.resubmit_pending(self.rt)
        return len(ids)

    def submit(
        self, task_id: str, plan: PlanSummary | None = None, review_asked: bool = True
    ) -> None:
        """Give a task stored just now its place in line and run it: outside a workflow until
        it must wait (`workflow.run_inline`), or as a workflow at once when its plan is to be
        reviewed.

        The submission is answered without waiting for either. A task this process leaves
        unfinished without a workflow (it died meanwhile) gets one from `resubmit_pending`,
        when this process starts again or when another one adopts its work. The task id is
        the workflow id, so starting twice runs it once.
        `plan`: the steps stored with the task (a plan given with it): no planning step.
        `review_asked`: whether the task was stored asking for plan review.
        """
        self.rt.admission.reserve(task_id)
        if review_asked:  # it waits for a person from the start: a workflow at once
            run = self._start(task_id, plan, review_asked)
        else:
            run = self._run_inline(task_id, plan)
        # A context of its own: the caller's may be a DBOS workflow's (a scheduled run), whose
        # steps this task's are not.
        job = asyncio.create_task(run, name=f"start {task_id}", context=contextvars.Context())
        self._starting[task_id] = job
        job.add_done_callback(lambda _: self._starting.pop(task_id, None))

    async def _run_inline(self, task_id: str, plan: PlanSummary | None) -> None:
        """Run the task outside a workflow (`workflow.run_inline`); its workflow takes over when
        it must wait or be replanned, or when running it here failed."""
        try:
            ended = await workflow.run_inline(task_id, plan)
        except Exception:  # the database stayed away: the workflow retries from the rows
            log.exception("task %s: running it failed; its workflow takes it over", task_id)
            ended = workflow.HAND_OFF
        if ended == workflow.HAND_OFF:
            await self._start(task_id, plan, review_asked=False)

    async def send_input(self, task_id: str, message: dict[str, Any]) -> None:
        """Send a reply or a step's decision to the task's workflow.

        A task run outside a workflow that came to wait has its workflow started once its
        other running steps have settled; a reply sent before then waits for that start,
        HAND_OFF_WAIT_SECONDS at most, and is then refused (409 `task_settling`) so that the
        request does not hang on a long step.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + HAND_OFF_WAIT_SECONDS
        job = self._starting.get(task_id)
        if job is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(job), HAND_OFF_WAIT_SECONDS)
        while True:
            try:
                await DBOS.send_async(task_id, message, questions.INPUT_TOPIC)
                return
            except dbos_error.DBOSNonExistentWorkflowError:
                if loop.time() >= deadline:
                    raise ConflictError(
                        f"Task {task_id} is still finishing the steps it was running when it "
                        "came to wait; send this again in a moment.",
                        code="task_settling",
                    ) from None
                await asyncio.sleep(HAND_OFF_POLL_SECONDS)

    async def _start(self, task_id: str, plan: PlanSummary | None, review_asked: bool) -> None:
        async def attempt() -> Any:
            with SetWorkflowID(task_id):
                return await DBOS.start_workflow_async(
                    workflow.run_task, task_id, plan, review_asked
                )

        try:
            handle = await workflow.retrying(attempt, f"task {task_id}: starting its workflow")
        except Exception as exc:
            log.exception("task %s: its workflow could not start", task_id)
            self.rt.admission.withdraw(task_id)
            reason = f"The task could not be started: {type(exc).__name__}: {exc}"[:500]
            with contextlib.suppress(Exception):  # else it is started again at restart
                await completion.fail_task(self.rt, task_id, reason)
            return
        if not dbos_internals.runs_here(handle):
            # Another process started it first (adopting this one's pending tasks).
            self.rt.admission.withdraw(task_id)

    async def cancel(self, task_id: str) -> bool:
        """Stop the task's workflows, mark it canceled, and tell agents to stop its steps.

        Returns False when the task had already finished.
        """
        view = await self.rt.views.get(task_id)
        if view is None or view.terminal:
            return False
        await DBOS.cancel_workflow_async(task_id)
        found = await cancels.cancel_task(self.rt, task_id)
        if found is None:
            return False
        # A task run outside a workflow has none yet (and, canceled, will end at once in one
        # started later): nothing waits for these messages then.
        with contextlib.suppress(dbos_error.DBOSNonExistentWorkflowError):
            if view.status == TaskStatus.AWAITING_APPROVAL:
                # Its workflow waits for a decision on the plan: end the wait now, not in days.
                await DBOS.send_async(task_id, {"decision": review.STOP}, review.PLAN_TOPIC)
            elif view.status == TaskStatus.INPUT_REQUIRED:
                # Its workflow may wait for a reply to a question: end that wait now too.
                await DBOS.send_async(task_id, {questions.STOP: True}, questions.INPUT_TOPIC)
        in_flight, unnamed = found
        for instance_id, card, remote_task_id in in_flight:
            await self.rt.dispatcher.cancel(instance_id, card, remote_task_id)
        if unnamed:
            # A step sent just now has no agent task id yet; reach it once it has one.
            watch = asyncio.create_task(self._cancel_when_named(task_id, unnamed))
            self._watchers.add(watch)
            watch.add_done_callback(self._watchers.discard)
        return True

    async def _cancel_when_named(self, task_id: str, step_ids: list[str]) -> None:
        deadline = asyncio.get_running_loop().time() + NAMING_GRACE_SECONDS
        waiting = list(step_ids)
        while waiting and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.1)
            found = await cancels.remote_tasks(self.rt, task_id, waiting)
            for step_id, (instance_id, card, remote_task_id) in found.items():
                await self.rt.dispatcher.cancel(instance_id, card, remote_task_id)
                waiting.remove(step_id)

    def stop(self) -> None:
        # Their tasks are unfinished, owned by this process: started again at its restart.
        for job in list(self._starting.values()):
            job.cancel()
        callbacks.stop()
        DBOS.destroy(destroy_registry=False)
        clock.on_tick(None)
        install(None)
