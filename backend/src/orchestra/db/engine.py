"""Async engine and session factory for SQLite (WAL) and PostgreSQL, one code path."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from orchestra.db.errors import NestedSessionError

# Connections one process opens to PostgreSQL (plus DBOS's own pool): two processes stay
# well inside the default max_connections of 100.
POOL_SIZE = 10
POOL_OVERFLOW = 10

SQLITE_BUSY_SECONDS = 30.0


def create_engine(url: str) -> AsyncEngine:
    """Engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    SQLite's busy timeout is SQLITE_BUSY_SECONDS unless the URL says `?timeout=SECONDS`.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(
            url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW
        )
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # How long a writer waits for another's lock before "database is locked": `?timeout=`
    # (seconds) in the URL, as for Python's sqlite3.
    busy = float(str(parsed.query.get("timeout", SQLITE_BUSY_SECONDS)))
    parsed = parsed.difference_update_query(["timeout"])
    engine = create_async_engine(parsed, connect_args={"timeout": busy})

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # WAL lets readers (SSE, API) run while the executor writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={round(busy * 1000)}")
        cursor.close()

    return engine


class Database:
    """Owns the engine; hands out short-lived sessions (never held across network awaits)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # Transactions wait here, in order, for a connection the pool can give at once:
        # under load a pool's own wait times out after 30 s and the transaction fails.
        # SQLite takes one at a time: it admits one writer, and a writer that finds the
        # file locked sleeps in growing steps (1, 2, 5 ... 100 ms) before it looks again
        # (ten steps starting at once took a quarter of a second each); here the next
        # transaction starts the moment the previous one ends.
        sqlite = self.engine.dialect.name == "sqlite"
        self._turns = asyncio.Semaphore(1 if sqlite else POOL_SIZE + POOL_OVERFLOW)
        # The session each task has open here, to refuse a second one (see `session`).
        self._opened: ContextVar[_Opened | None] = ContextVar(
            f"db_session_{id(self)}", default=None
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error.

        Raises:
            NestedSessionError: this task already has a session open. The inner one would
                wait for a turn the outer one holds (on SQLite there is one turn): the
                process would hang instead.
        """
        task = asyncio.current_task()
        outer = self._opened.get()
        if outer is not None and outer.task is task:
            raise NestedSessionError(
                f"{_caller()} opened a database session while this task holds the one opened "
                f"by {outer.where}; it would wait for that one to end, forever. Pass the open "
                "session down, or open the second one after the first has ended."
            )
        # Tasks started inside the session inherit this value, but they are other tasks:
        # they wait their turn like any other.
        token = self._opened.set(_Opened(_caller(), task))
        try:
            async with (
                self._turns,
                self.sessions() as session,
                session.begin(),
            ):
                yield session
        finally:
            self._opened.reset(token)

    async def close(self) -> None:
        await self.engine.dispose()


@dataclass(frozen=True, slots=True)
class _Opened:
    """The session a task has open: where it was opened, and by which task."""

    where: str
    task: asyncio.Task[Any] | None


_SKIPPED = (__file__, "contextlib.py")


def _caller() -> str:
    """Who asked for a session: the first frame outside this module and contextlib."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.endswith(_SKIPPED):
        frame = frame.f_back
    module = frame.f_globals.get("__name__", "?")
    return f"{module}.{frame.f_code.co_qualname} (line {frame.f_lineno})"
