"""`Database.run` and `Database.read`: whole transactions as functions of a connection.

On SQLite a write runs on the event loop when it can take the write lock at once; when
another process holds the lock it runs in the writer thread, so the loop never waits for a
lock; the WAL is checkpointed in the background. Both databases commit a function that
returns and roll back one that raises.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from orchestra.db import Database, engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'transactions.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database(url)
    await database.run(lambda c: c.execute(text("CREATE TABLE notes (n INTEGER, body TEXT)")))
    yield database
    await database.close()


def _count(connection: Connection) -> int:
    return int(connection.scalar(text("SELECT count(*) FROM notes")) or 0)


async def test_a_function_that_returns_is_committed_and_one_that_raises_is_not(
    db: Database,
) -> None:
    await db.run(lambda c: c.execute(text("INSERT INTO notes VALUES (1, 'kept')")))

    def fails(connection: Connection) -> None:
        connection.execute(text("INSERT INTO notes VALUES (2, 'dropped')"))
        raise ValueError("changed my mind")

    with pytest.raises(ValueError, match="changed my mind"):
        await db.run(fails)
    assert await db.read(_count) == 1


async def test_a_write_waits_for_another_process_lock_without_blocking_the_loop(
    tmp_path: Path,
) -> None:
    path = tmp_path / "locked.db"
    db = Database(f"sqlite+aiosqlite:///{path}")
    try:
        await db.run(lambda c: c.execute(text("CREATE TABLE notes (n INTEGER, body TEXT)")))
        holder = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process writing, as far as SQLite knows
        released = threading.Event()

        def release_later() -> None:
            released.wait(5)
            holder.execute("COMMIT")

        threading.Thread(target=release_later, daemon=True).start()
        write = asyncio.create_task(
            db.run(lambda c: c.execute(text("INSERT INTO notes VALUES (1, 'after')")))
        )
        ticks = 0
        while ticks < 20:  # the loop keeps turning while the write waits for the lock
            await asyncio.sleep(0.01)
            ticks += 1
        assert not write.done(), "the write did not wait for the lock"
        released.set()
        await asyncio.wait_for(write, 10)
        assert await db.read(_count) == 1
        holder.close()
    finally:
        await db.close()


async def test_writes_made_on_the_loop_are_checkpointed_into_the_database_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "CHECKPOINT_EVERY", 10)
    path = tmp_path / "wal.db"
    db = Database(f"sqlite+aiosqlite:///{path}")
    try:
        await db.run(lambda c: c.execute(text("CREATE TABLE notes (n INTEGER, body TEXT)")))
        await db.read(lambda c: c.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).all())
        before = path.stat().st_size
        for n in range(30):
            await db.run(
                lambda c, n=n: c.execute(
                    text("INSERT INTO notes VALUES (:n, :body)"), {"n": n, "body": "x" * 4000}
                )
            )
        async with asyncio.timeout(10):
            while path.stat().st_size <= before:  # noqa: ASYNC110 - a file has no event
                await asyncio.sleep(0.05)
        assert await db.read(_count) == 30
    finally:
        await db.close()
