"""History users control: delete a task or a session with all it holds; prune old tasks.

A task goes with its steps, its events, the session messages it wrote and its durable
workflow's records (DBOS keeps the plan and the task's inputs there). A task still running
is canceled first and deleted once it has stopped, so no step of it starts afterwards. A
session goes with its tasks and messages.

Every deletion leaves a row in `task_deletions` in the same transaction: each process's
view sync reads those (`TaskViews.sync`), so no process goes on serving a deleted task
from memory. The rows are pruned after a day.

With RETENTION_DAYS set, every process deletes finished tasks older than that each
RETENTION_SWEEP_SECONDS. Deleting is idempotent, so the processes need no coordination.
The records of the schedules' clock ticks go after CLOCK_TICKS_KEPT_SECONDS in any case.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta

from dbos import DBOS
from sqlalchemy import Connection, delete, insert, select

from orchestra.auth import Principal
from orchestra.config import Settings
from orchestra.db import (
    DELETIONS,
    EVENTS,
    MESSAGES,
    PLANS,
    PUSH_CONFIGS,
    STEPS,
    TASKS,
    Database,
    Session,
    TaskStatus,
)
from orchestra.db.base import utcnow
from orchestra.errors import ConflictError, NotFoundError
from orchestra.executor import Executor
from orchestra.executor.clock import CLOCK_TICK
from orchestra.tasks import Tasks
from orchestra.views import TaskViews

log = logging.getLogger(__name__)

__all__ = ["History"]

# How long a delete waits for a running task to stop before answering 409: a cancel is
# booked at once, so only a database outage keeps a task from stopping within this.
STOP_SECONDS = 10.0
# Tasks deleted per transaction when pruning, so a large backlog never holds the one
# SQLite writer for long.
BATCH = 200
# A deletion's row is kept this long: every live process syncs far sooner than that.
DELETIONS_KEPT = timedelta(days=1)
TERMINAL = [s.value for s in TaskStatus if s.terminal]
ENDED_WORKFLOWS = ["SUCCESS", "ERROR", "CANCELLED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED"]


class History:
    def __init__(
        self, db: Database, executor: Executor, tasks: Tasks, views: TaskViews, settings: Settings
    ) -> None:
        self.db = db
        self.executor = executor
        self.tasks = tasks
        self.views = views
        self.retention_days = settings.retention_days
        self.sweep_seconds = settings.retention_sweep_seconds
        self.ticks_kept = timedelta(seconds=settings.clock_ticks_kept_seconds)

    async def delete_task(self, task_id: str, principal: Principal) -> None:
        """Delete the task (the owner's or, for an admin, anyone's), stopping it first.

        Raises:
            NotFoundError: no such task, or another owner's.
            ConflictError: it did not stop within STOP_SECONDS.
        """
        view = await self.tasks.view(task_id, principal)
        if not view.terminal:
            await self._stop([task_id])
        await self._delete([task_id])

    async def delete_session(self, session_id: str, principal: Principal) -> int:
        """Delete the session with its tasks (stopped first) and messages; returns how many
        tasks went with it."""

        def read(connection: Connection) -> tuple[str | None, list[tuple[str, str]]]:
            owner = connection.scalar(select(Session.owner).where(Session.id == session_id))
            rows = connection.execute(
                select(TASKS.c.id, TASKS.c.status).where(TASKS.c.session_id == session_id)
            )
            return owner, [(r.id, r.status) for r in rows]

        owner, found = await self.db.read(read)
        if owner is None or not principal.owns(owner):
            raise NotFoundError("session", session_id)
        running = [task_id for task_id, status in found if not TaskStatus(status).terminal]
        if running:
            await self._stop(running)
        task_ids = [task_id for task_id, _ in found]

        def work(connection: Connection) -> None:
            _delete_rows(connection, task_ids)
            # A task created in the session after the read above keeps its row (its
            # session id is then cleared by the database) rather than being deleted unseen.
            connection.execute(delete(MESSAGES).where(MESSAGES.c.session_id == session_id))
            connection.execute(delete(Session).where(Session.id == session_id))

        await self.db.run(work)
        await self._forget(task_ids)
        return len(task_ids)

    async def prune(self) -> int:
        """Delete finished tasks older than RETENTION_DAYS, and deletion rows older than a
        day; returns how many tasks went."""
        now = utcnow()
        pruned = 0
        if self.retention_days is not None:
            cutoff = now - timedelta(days=self.retention_days)
            while True:
                task_ids: list[str] = await self.db.read(
                    lambda c: list(
                        c.scalars(
                            select(TASKS.c.id)
                            .where(TASKS.c.status.in_(TERMINAL), TASKS.c.finished_at < cutoff)
                            .limit(BATCH)
                        )
                    )
                )
                if not task_ids:
                    break
                await self._delete(task_ids)
                pruned += len(task_ids)
            await _prune_workflow_records(cutoff.isoformat())
        # The schedules' clock ticks every few seconds, each tick a DBOS workflow: their
        # records are worth nothing once ended, and would grow by thousands a day.
        await _prune_workflow_records((now - self.ticks_kept).isoformat(), name=CLOCK_TICK)
        kept = DELETIONS.c.deleted_at >= now - DELETIONS_KEPT
        await self.db.run(lambda c: c.execute(delete(DELETIONS).where(~kept)))
        if pruned:
            log.info("deleted %d tasks finished more than %s days ago", pruned, self.retention_days)
        return pruned

    async def run(self) -> None:
        """Prune every RETENTION_SWEEP_SECONDS until cancelled."""
        while True:
            try:
                await self.prune()
            except Exception:  # the database may be briefly away; the next round retries
                log.exception("pruning old tasks failed")
            await asyncio.sleep(self.sweep_seconds)

    async def _stop(self, task_ids: Sequence[str]) -> None:
        for task_id in task_ids:
            await self.executor.cancel(task_id)  # False: it ended meanwhile, as well
        for task_id in task_ids:
            view = await self.views.wait(task_id, None, STOP_SECONDS, until_end=True)
            if view is not None and not view.terminal:
                raise ConflictError(
                    f"Task {task_id} is still stopping; nothing was deleted. Try again.",
                    code="task_still_running",
                )

    async def _delete(self, task_ids: list[str]) -> None:
        await self.db.run(lambda c: _delete_rows(c, task_ids))
        await self._forget(task_ids)

    async def _forget(self, task_ids: list[str]) -> None:
        for task_id in task_ids:
            self.views.forget(task_id)
        if not task_ids:
            return
        try:
            # DBOS's records of the task's workflow hold its plan and inputs.
            await DBOS.delete_workflows_async(task_ids)
        except Exception:  # our rows are gone; RETENTION_DAYS prunes what is left in DBOS
            log.warning("could not delete the workflow records of %s", task_ids, exc_info=True)


async def _prune_workflow_records(before: str, name: str | None = None) -> None:
    """Delete DBOS's records of workflows (named `name`, or all) that ended before `before`
    (ISO 8601): those of tasks deleted while their workflow was still winding down, too."""
    while True:
        ended = await DBOS.list_workflows_async(
            name=name,
            status=ENDED_WORKFLOWS,
            completed_before=before,
            limit=BATCH,
            load_input=False,
            load_output=False,
        )
        if not ended:
            return
        await DBOS.delete_workflows_async([w.workflow_id for w in ended])


def _delete_rows(connection: Connection, task_ids: list[str]) -> None:
    if not task_ids:
        return
    connection.execute(delete(EVENTS).where(EVENTS.c.task_id.in_(task_ids)))
    connection.execute(delete(STEPS).where(STEPS.c.task_id.in_(task_ids)))
    connection.execute(delete(PLANS).where(PLANS.c.task_id.in_(task_ids)))
    connection.execute(delete(MESSAGES).where(MESSAGES.c.task_id.in_(task_ids)))
    connection.execute(delete(PUSH_CONFIGS).where(PUSH_CONFIGS.c.task_id.in_(task_ids)))
    connection.execute(delete(TASKS).where(TASKS.c.id.in_(task_ids)))
    now = utcnow()
    connection.execute(insert(DELETIONS), [{"task_id": t, "deleted_at": now} for t in task_ids])
