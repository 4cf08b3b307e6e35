"""A reader waiting for a task to change can always be stopped.

The A2A relay follows a task by waiting on `TaskViews.changed`; CancelTask stops it there.
A change that lands in the same moment as the cancel must not swallow the cancel (Python
3.11's `asyncio.wait_for` does, and the relay then followed the task to its end).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from orchestra.db import Database
from orchestra.views import TaskViews


async def test_a_reader_canceled_as_the_task_changes_stops(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'views.db'}")
    try:
        views = TaskViews(db)

        async def follow() -> None:  # as `events.follow` does, until the task ends
            while True:
                await views.changed("t1", 30)

        reader = asyncio.create_task(follow())
        await asyncio.sleep(0)  # it waits now
        views._signal("t1")  # the task changed...
        await asyncio.sleep(0)  # ...and the wait has seen it
        reader.cancel()  # the cancel comes before the reader runs again
        done, _ = await asyncio.wait({reader}, timeout=5)
        assert reader in done and reader.cancelled()
    finally:
        await db.close()
