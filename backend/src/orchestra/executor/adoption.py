"""Adopting the tasks of orchestrator processes that died for good.

DBOS resumes a process's unfinished workflows when that same process (same executor id)
starts again. A process that never comes back would leave its tasks pending forever, so
every process heartbeats, and each round one leader (a PostgreSQL advisory lock; on SQLite
there is only one machine) frees the agent slots of silent executors and hands their
workflows back to DBOS's internal queue, where any live process picks them up. DBOS's
dequeue admits one runner per workflow, so adopting twice is harmless. Tasks the dead
process ran outside a workflow, or had accepted but not yet started (see
`Executor.resubmit_pending`), get their workflows started by the leader. DBOS has no public
call for this: `dbos_internals` holds the private one, checked at start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy import Connection, delete, insert, select, text, update

from orchestra.db import EXECUTORS, Database
from orchestra.db.base import utcnow
from orchestra.executor import dbos_internals, slots

log = logging.getLogger(__name__)

# Any constant shared by all orchestrator processes; names the leader lock.
LEADER_LOCK = 0x0C4E57A


def _lead(connection: Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return True
    # Transaction-scoped: released at commit, so no connection is held between rounds.
    got = connection.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": LEADER_LOCK})
    return bool(got)


class Adoption:
    def __init__(
        self,
        db: Database,
        executor_id: str,
        interval: float,
        dead_after: float,
        resubmit_pending: Callable[[list[str]], Awaitable[int]],
    ) -> None:
        dbos_internals.check()  # at start, not when a process has died
        self.db = db
        self.resubmit_pending = resubmit_pending
        self.executor_id = executor_id
        self.interval = interval
        self.dead_after = dead_after

    async def beat(self) -> None:
        def work(connection: Connection) -> None:
            now = utcnow()
            found = connection.execute(
                update(EXECUTORS).where(EXECUTORS.c.id == self.executor_id).values(last_seen_at=now)
            )
            if not found.rowcount:
                connection.execute(
                    insert(EXECUTORS).values(id=self.executor_id, started_at=now, last_seen_at=now)
                )

        await self.db.run(work)

    async def silent(self) -> list[str]:
        """Claim the executors silent for longer than `dead_after` (leader only)."""

        def work(connection: Connection) -> list[str]:
            if not _lead(connection):
                return []
            cutoff = utcnow() - timedelta(seconds=self.dead_after)
            ids: list[str] = list(
                connection.scalars(
                    select(EXECUTORS.c.id).where(
                        EXECUTORS.c.last_seen_at < cutoff, EXECUTORS.c.id != self.executor_id
                    )
                )
            )
            if ids:
                connection.execute(delete(EXECUTORS).where(EXECUTORS.c.id.in_(ids)))
                # Their steps take new slots when the adopted workflows run them again.
                slots.free_of_executors(connection, ids)
            return ids

        return await self.db.run(work)

    async def round(self) -> list[str]:
        await self.beat()
        adopted = await self.silent()
        for executor_id in adopted:
            handed = await asyncio.to_thread(dbos_internals.recover_pending_workflows, executor_id)
            log.warning(
                "executor %s went silent; %d of its workflows handed back for recovery",
                executor_id,
                handed,
            )
        if adopted:
            started = await self.resubmit_pending(adopted)
            log.warning("%d pending tasks looked at after adoption", started)
        return adopted

    async def run(self) -> None:
        """Heartbeat and adopt until cancelled; a failed round is logged and retried."""
        while True:
            try:
                await self.round()
            except Exception:  # the database may be briefly away; the next round retries
                log.exception("heartbeat round failed")
            await asyncio.sleep(self.interval)
