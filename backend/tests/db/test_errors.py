"""Which database errors pass (busy, unreachable) and which fail at once (bad SQL, constraints).

Every error here is raised by a real database, through the drivers the code uses: aiosqlite
and asyncpg under SQLAlchemy, and psycopg (DBOS's driver for PostgreSQL).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from orchestra.db import create_engine
from orchestra.db.errors import transient

Work = Callable[[], Awaitable[object]]


async def _error_of(work: Work) -> BaseException:
    try:
        await work()
    except Exception as exc:
        return exc
    raise AssertionError("the database accepted what should have failed")


async def _run(engine: AsyncEngine, *statements: str) -> None:
    async with engine.begin() as conn:
        for statement in statements:
            await conn.execute(text(statement))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def sqlite(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'errors.db'}")
    await _run(engine, "CREATE TABLE item (name TEXT PRIMARY KEY)")
    yield engine
    await engine.dispose()


@pytest.fixture
async def postgres(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(postgres_url)
    await _run(engine, "CREATE TABLE item (name TEXT PRIMARY KEY)")
    yield engine
    await engine.dispose()


# SQLite


async def test_sqlite_missing_table_fails_at_once(sqlite: AsyncEngine) -> None:
    error = await _error_of(lambda: _run(sqlite, "SELECT * FROM no_such_table"))
    assert "no such table" in str(error)
    assert not transient(error)


async def test_sqlite_bad_sql_fails_at_once(sqlite: AsyncEngine) -> None:
    error = await _error_of(lambda: _run(sqlite, "SELEC 1"))
    assert "syntax error" in str(error)
    assert not transient(error)


async def test_sqlite_constraint_violation_fails_at_once(sqlite: AsyncEngine) -> None:
    twice = ("INSERT INTO item VALUES ('a')", "INSERT INTO item VALUES ('a')")
    error = await _error_of(lambda: _run(sqlite, *twice))
    assert "UNIQUE" in str(error)
    assert not transient(error)


async def test_sqlite_locked_past_the_busy_timeout_passes(sqlite: AsyncEngine) -> None:
    other = create_engine(str(sqlite.url))
    try:
        async with other.connect() as holder:
            await holder.exec_driver_sql("BEGIN IMMEDIATE")  # holds the write lock
            await holder.exec_driver_sql("INSERT INTO item VALUES ('held')")
            write = ("PRAGMA busy_timeout=50", "INSERT INTO item VALUES ('b')")
            error = await _error_of(lambda: _run(sqlite, *write))
            await holder.exec_driver_sql("ROLLBACK")
    finally:
        await other.dispose()
    assert "database is locked" in str(error)
    assert transient(error)


# PostgreSQL through asyncpg (our engine)


@pytest.mark.postgres
async def test_postgres_missing_table_fails_at_once(postgres: AsyncEngine) -> None:
    error = await _error_of(lambda: _run(postgres, "SELECT * FROM no_such_table"))
    assert "does not exist" in str(error)
    assert not transient(error)


@pytest.mark.postgres
async def test_postgres_constraint_violation_fails_at_once(postgres: AsyncEngine) -> None:
    twice = ("INSERT INTO item VALUES ('a')", "INSERT INTO item VALUES ('a')")
    error = await _error_of(lambda: _run(postgres, *twice))
    assert "duplicate key" in str(error)
    assert not transient(error)


@pytest.mark.postgres
async def test_postgres_connection_cut_mid_statement_passes(
    postgres: AsyncEngine, postgres_url: str
) -> None:
    async def cut() -> None:
        async with postgres.connect() as conn:
            pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
            query = asyncio.ensure_future(conn.execute(text("SELECT pg_sleep(10)")))
            admin = await psycopg.AsyncConnection.connect(_plain(postgres_url), autocommit=True)
            async with admin:
                await admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            await query

    error = await _error_of(cut)
    assert "closed" in str(error) or "terminat" in str(error)
    assert transient(error)


@pytest.mark.postgres
async def test_postgres_refused_connection_passes() -> None:
    engine = create_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{_closed_port()}/test")
    try:
        error = await _error_of(lambda: _run(engine, "SELECT 1"))
    finally:
        await engine.dispose()
    assert transient(error)


@pytest.mark.postgres
async def test_postgres_serialization_failure_passes(postgres: AsyncEngine) -> None:
    async def conflict() -> None:
        serializable = postgres.execution_options(isolation_level="SERIALIZABLE")
        async with serializable.connect() as a, serializable.connect() as b:
            await a.begin()
            await b.begin()
            for conn in (a, b):
                await conn.execute(text("SELECT count(*) FROM item"))
            await a.execute(text("INSERT INTO item VALUES ('a')"))
            await b.execute(text("INSERT INTO item VALUES ('b')"))
            await a.commit()
            await b.commit()

    error = await _error_of(conflict)
    assert "could not serialize" in str(error)
    assert transient(error)


@pytest.mark.postgres
async def test_a_pool_that_gave_no_connection_in_time_passes(postgres_url: str) -> None:
    engine = create_async_engine(postgres_url, pool_size=1, max_overflow=0, pool_timeout=0.1)
    try:
        async with engine.connect():
            error = await _error_of(lambda: _run(engine, "SELECT 1"))
    finally:
        await engine.dispose()
    assert "QueuePool limit" in str(error)
    assert transient(error)


# PostgreSQL through psycopg (DBOS's driver)


@pytest.mark.postgres
async def test_psycopg_refused_connection_passes() -> None:
    url = f"postgresql://postgres@127.0.0.1:{_closed_port()}/test"
    error = await _error_of(lambda: psycopg.AsyncConnection.connect(url, connect_timeout=3))
    assert isinstance(error, psycopg.OperationalError)
    assert transient(error)


@pytest.mark.postgres
async def test_psycopg_missing_table_fails_at_once(postgres_url: str) -> None:
    async def query() -> None:
        async with await psycopg.AsyncConnection.connect(_plain(postgres_url)) as conn:
            await conn.execute("SELECT * FROM no_such_table")

    error = await _error_of(query)
    assert not transient(error)


def test_errors_outside_the_database_fail_at_once() -> None:
    assert not transient(ValueError("bad plan"))
    assert not transient(FileNotFoundError("/nowhere"))


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")
