"""The executor's interface to the rest of Orchestra: start, submit, cancel, stop.

It is the only place that configures DBOS; nothing outside `executor/` imports it.
"""

from __future__ import annotations

import logging
from typing import Any

from dbos import DBOS, DBOSConfig, SetWorkflowID
from sqlalchemy import select
from sqlalchemy.engine import make_url

from orchestra.db import Task, TaskStatus
from orchestra.executor import store, workflow
from orchestra.executor.runtime import Runtime, install

log = logging.getLogger(__name__)

# Queue polling defaults to 1 s; a step is small, so poll faster.
QUEUE_POLL_SECONDS = 0.1


def system_database_url(app_url: str, data_dir: Any) -> str:
    """DBOS keeps its state beside ours: its own SQLite file, or schema `dbos` in PostgreSQL."""
    url = make_url(app_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{data_dir / 'dbos.sqlite'}"
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


class Executor:
    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    async def start(self) -> None:
        """Launch DBOS on the running event loop (so workflows share our async engine).

        Synchronous on purpose: DBOS adopts the loop of the thread that launches it, and it
        recovers this process's unfinished tasks during launch.
        """
        settings = self.rt.settings
        install(self.rt)
        config: DBOSConfig = {
            "name": "orchestra",
            "system_database_url": system_database_url(
                settings.orchestrator_database_url, settings.data_dir
            ),
            "application_version": settings.application_version,
            # SQLite has no LISTEN/NOTIFY: waits on step results poll at this interval.
            "notification_listener_polling_interval_sec": 0.05,
            "log_level": "WARNING",
            "executor_id": settings.process_id,
        }
        DBOS(config=config)
        DBOS.launch()
        await DBOS.register_queue_async(
            workflow.TASK_QUEUE, polling_interval_sec=QUEUE_POLL_SECONDS
        )
        await DBOS.register_queue_async(
            workflow.STEP_QUEUE,
            partition_concurrency=settings.agent_concurrency,
            polling_interval_sec=QUEUE_POLL_SECONDS,
        )

    async def resubmit_pending(self) -> int:
        """Tasks written but never handed to DBOS (a crash in between) are submitted now."""
        async with self.rt.db.session() as session:
            ids = list(await session.scalars(select(Task.id).where(Task.status == "pending")))
        for task_id in ids:
            await self.submit(task_id)
        return len(ids)

    async def submit(self, task_id: str) -> None:
        """Queue the task's workflow; the task id is the workflow id, so this is idempotent."""
        with SetWorkflowID(task_id):
            await DBOS.enqueue_workflow_async(workflow.TASK_QUEUE, workflow.run_task, task_id)

    async def cancel(self, task_id: str) -> bool:
        """Stop the task's workflows, mark it canceled, and tell agents to stop its steps.

        Returns False when the task had already finished.
        """
        async with self.rt.db.session() as session:
            task = await session.get(Task, task_id)
            finished = task is None or TaskStatus(task.status).terminal
        if finished:
            return False
        await DBOS.cancel_workflow_async(task_id, cancel_children=True)
        in_flight = await store.cancel_task(self.rt, task_id)
        for instance_id, card, remote_task_id in in_flight:
            await self.rt.dispatcher.cancel(instance_id, card, remote_task_id)
        return True

    def stop(self) -> None:
        DBOS.destroy(destroy_registry=False)
        install(None)
