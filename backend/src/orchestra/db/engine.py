"""Engines and transactions for SQLite (WAL) and PostgreSQL, one code path.

Two ways in:
- `Database.run(work)` / `Database.read(work)`: `work` is a plain function of a SQLAlchemy
  `Connection`, run as one transaction. It cannot await anything, so no transaction is ever
  held across a network call. On SQLite it runs whole in a database thread (one hop per
  transaction instead of three or four per statement through aiosqlite, which made most of
  a step's cost); on PostgreSQL it runs on the asyncpg connection through `run_sync`.
  The executor and the hot read paths use these, with Core statements.
- `Database.transaction()` / `Database.reading()`: an ORM `AsyncSession` in one transaction
  (one that only reads), for the rest. ("Session" in Orchestra is a user's session of tasks;
  SQLAlchemy's sessions appear only as these transactions.)
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from orchestra.db.errors import NestedTransactionError

T = TypeVar("T")

# Connections one process opens to PostgreSQL (plus DBOS's own pool): two processes stay
# well inside the default max_connections of 100. All of them kept open: under load,
# overflow connections were closed and opened again all the time, each new one paying for
# its connection set-up and for preparing every statement again (7 % of the process's time
# at 50 clients; a fifth less CPU per task without, in two runs).
POOL_SIZE = 20
POOL_OVERFLOW = 0
# SQLite readers beside the one writer (WAL lets them read while it writes).
SQLITE_READERS = 2
SQLITE_BUSY_SECONDS = 30.0
# Writes between two checkpoints of the WAL, for writes made on the event loop.
CHECKPOINT_EVERY = 500


def _sqlite_pragmas(dbapi_connection: Any, busy: float) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (SSE, API) run while the executor writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={round(busy * 1000)}")
    cursor.close()


def _sqlite_busy(url: str) -> tuple[Any, float]:
    """The URL without its `?timeout=`, and that timeout: how long a writer waits for
    another's lock before "database is locked" (seconds, as for Python's sqlite3)."""
    parsed = make_url(url)
    busy = float(str(parsed.query.get("timeout", SQLITE_BUSY_SECONDS)))
    return parsed.difference_update_query(["timeout"]), busy


def create_engine(url: str) -> AsyncEngine:
    """Engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    SQLite's busy timeout is SQLITE_BUSY_SECONDS unless the URL says `?timeout=SECONDS`.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # No ping before each transaction: it was one more round trip per transaction,
        # waiting its turn on a busy event loop. A connection found dead fails its
        # transaction as transient (retried, or 503 for a request) and SQLAlchemy then
        # replaces every connection of the pool.
        return create_async_engine(
            url, pool_pre_ping=False, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW
        )
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    parsed, busy = _sqlite_busy(url)
    engine = create_async_engine(parsed, connect_args={"timeout": busy})

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        _sqlite_pragmas(dbapi_connection, busy)

    return engine


def _sqlite_sync_engine(url: str, *, writer: bool, pool_size: int, waits: bool = True) -> Engine:
    """A pysqlite engine on the same file, for whole transactions in one thread.

    `waits=False`: a transaction that cannot take the write lock at once fails at BEGIN
    instead of waiting for it, and the connection leaves checkpoints to others (both would
    block: this engine runs on the event loop).
    """
    parsed, busy = _sqlite_busy(url)
    if not waits:
        busy = 0.0
    engine = create_sync_engine(
        parsed.set(drivername="sqlite"),
        connect_args={"timeout": busy, "check_same_thread": False},
        pool_size=pool_size,
        max_overflow=0,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Transactions are begun by the listener below, not by the driver's own guess.
        dbapi_connection.isolation_level = None
        _sqlite_pragmas(dbapi_connection, busy)
        if not waits:
            dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A writer takes the write lock at once: a read transaction that later writes fails
        # outright when another process wrote meanwhile (WAL snapshots), instead of waiting.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


class Database:
    """Owns the engines; hands out short transactions (never held across network awaits)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self._orm = async_sessionmaker(self.engine, expire_on_commit=False)
        self.sqlite = self.engine.dialect.name == "sqlite"
        # Transactions wait here, in order, for a connection the pool can give at once:
        # under load a pool's own wait times out after 30 s and the transaction fails.
        # SQLite takes one writer at a time: a writer that finds the file locked sleeps in
        # growing steps (1, 2, 5 ... 100 ms) before it looks again; here the next
        # transaction starts the moment the previous one ends.
        self._turns = asyncio.Semaphore(1 if self.sqlite else POOL_SIZE + POOL_OVERFLOW)
        self._writer: Engine | None = None
        self._reader: Engine | None = None
        self._at_once: Engine | None = None
        self._unchecked = 0
        self._write_thread: concurrent.futures.ThreadPoolExecutor | None = None
        self._read_threads: concurrent.futures.ThreadPoolExecutor | None = None
        if self.sqlite:
            self._writer = _sqlite_sync_engine(url, writer=True, pool_size=1)
            self._at_once = _sqlite_sync_engine(url, writer=True, pool_size=1, waits=False)
            self._reader = _sqlite_sync_engine(url, writer=False, pool_size=SQLITE_READERS)
            self._write_thread = concurrent.futures.ThreadPoolExecutor(
                1, thread_name_prefix="sqlite-writer"
            )
            self._read_threads = concurrent.futures.ThreadPoolExecutor(
                SQLITE_READERS, thread_name_prefix="sqlite-reader"
            )
        # The transaction each task has open here, to refuse a second one (see `transaction`).
        self._opened: ContextVar[_Opened | None] = ContextVar(
            f"db_transaction_{id(self)}", default=None
        )

    def _refuse_nesting(self) -> None:
        task = asyncio.current_task()
        outer = self._opened.get()
        if outer is not None and outer.task is task:
            raise NestedTransactionError(
                f"{_caller()} opened a database transaction while this task holds the one "
                f"opened by {outer.where}; it would wait for that one to end, forever. Pass the "
                "open transaction down, or open the second one after the first has ended."
            )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """An ORM session in one transaction: committed on success, rolled back on error.

        Raises:
            NestedTransactionError: this task already has a transaction open. The inner one
                would wait for a turn the outer one holds (on SQLite there is one turn): the
                process would hang instead.
        """
        self._refuse_nesting()
        # Tasks started inside the transaction inherit this value, but they are other tasks:
        # they wait their turn like any other.
        token = self._opened.set(_Opened(_caller(), asyncio.current_task()))
        try:
            async with (
                self._turns,
                self._orm() as tx,
                tx.begin(),
            ):
                yield tx
        finally:
            self._opened.reset(token)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """An ORM session in a transaction that only reads: on SQLite it does not wait for the
        writers' turn (WAL readers run beside the writer); on PostgreSQL it waits for a
        pooled connection."""
        if not self.sqlite:
            async with self.transaction() as tx:
                yield tx
            return
        async with self._orm() as tx, tx.begin():
            yield tx

    async def run(self, work: Callable[[Connection], T]) -> T:
        """Run `work` as one write transaction: committed if it returns, rolled back if not.

        Raises:
            NestedTransactionError: called inside a `transaction` of the same task (see there).
        """
        self._refuse_nesting()
        async with self._turns:
            if self._at_once is not None:
                done = _at_once(self._at_once, work)
                if done is not _LOCKED:
                    self._checkpoint_now_and_then()
                    return cast(T, done)
            if self._writer is not None and self._write_thread is not None:
                return await asyncio.get_running_loop().run_in_executor(
                    self._write_thread, _in_transaction, self._writer, work
                )
            async with self.engine.begin() as connection:
                return await connection.run_sync(work)

    async def read(self, work: Callable[[Connection], T]) -> T:
        """Run `work` as one read-only transaction; on SQLite beside the writer, not after it."""
        if self._reader is not None and self._read_threads is not None:
            return await asyncio.get_running_loop().run_in_executor(
                self._read_threads, _in_transaction, self._reader, work
            )
        self._refuse_nesting()
        async with self._turns, self.engine.connect() as connection, connection.begin():
            return await connection.run_sync(work)

    def _checkpoint_now_and_then(self) -> None:
        """Copy the WAL into the database file every so many writes, in a reader thread
        (writes on the event loop leave checkpoints to others: one can wait for disk)."""
        self._unchecked += 1
        if self._unchecked < CHECKPOINT_EVERY or self._reader is None:
            return
        self._unchecked = 0
        assert self._read_threads is not None
        self._read_threads.submit(_checkpoint, self._reader)

    async def close(self) -> None:
        await self.engine.dispose()
        for engine in (self._writer, self._reader, self._at_once):
            if engine is not None:
                engine.dispose()
        for threads in (self._write_thread, self._read_threads):
            if threads is not None:
                threads.shutdown(wait=False)


_LOCKED = object()


def _at_once(engine: Engine, work: Callable[[Connection], T]) -> T | object:
    """Run `work` as a write transaction if the write lock can be had at once: _LOCKED if not
    (another process writes), before `work` ran."""
    with engine.connect() as connection:
        try:
            transaction = connection.begin()
        except OperationalError as exc:
            if _locked(exc):
                return _LOCKED
            raise
        with transaction:
            return work(connection)


def _locked(error: OperationalError) -> bool:
    name = getattr(error.orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _checkpoint(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def _in_transaction(engine: Engine, work: Callable[[Connection], T]) -> T:
    with engine.begin() as connection:
        return work(connection)


@dataclass(frozen=True, slots=True)
class _Opened:
    """The transaction a task has open: where it was opened, and by which task."""

    where: str
    task: asyncio.Task[Any] | None


_SKIPPED = (__file__, "contextlib.py")


def _caller() -> str:
    """Who asked for a transaction: the first frame outside this module and contextlib."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.endswith(_SKIPPED):
        frame = frame.f_back
    module = frame.f_globals.get("__name__", "?")
    return f"{module}.{frame.f_code.co_qualname} (line {frame.f_lineno})"
