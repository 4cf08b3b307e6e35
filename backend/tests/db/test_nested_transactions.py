"""A task holds one database transaction at a time: a second one inside the first is refused.

On SQLite transactions take one turn at a time, so a transaction opened inside another
would wait forever for the outer one to end; on PostgreSQL it would hold two connections of
the pool and hang the same way once the pool is taken. The error names both callers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from orchestra.db import Database, NestedTransactionError

# Long enough for any real transaction here; without the check the nested one hangs.
HANG = 5


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'transactions.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database(url)
    yield database
    await database.close()


async def _inner_lookup(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute(text("SELECT 1"))


async def test_a_transaction_inside_a_transaction_is_refused_naming_both(db: Database) -> None:
    async with asyncio.timeout(HANG), db.transaction() as tx:
        await tx.execute(text("SELECT 1"))
        with pytest.raises(NestedTransactionError) as refused:
            await _inner_lookup(db)
    message = str(refused.value)
    assert "_inner_lookup" in message
    assert "test_a_transaction_inside_a_transaction_is_refused_naming_both" in message


async def test_transactions_one_after_the_other_in_one_task_are_fine(db: Database) -> None:
    async with asyncio.timeout(HANG):
        await _inner_lookup(db)
        await _inner_lookup(db)


async def test_a_task_started_inside_a_transaction_opens_its_own(db: Database) -> None:
    """Another task waits its turn: it inherited the context, not the transaction."""
    trying = asyncio.Event()

    async def other() -> None:
        trying.set()  # the outer transaction is still open when this one asks
        await _inner_lookup(db)

    async with asyncio.timeout(HANG):
        async with db.transaction():
            started = asyncio.create_task(other())
            await trying.wait()
        await started


async def test_transactions_of_two_databases_may_nest(tmp_path: Path) -> None:
    first = Database(f"sqlite+aiosqlite:///{tmp_path / 'first.db'}")
    second = Database(f"sqlite+aiosqlite:///{tmp_path / 'second.db'}")
    try:
        async with asyncio.timeout(HANG), first.transaction():
            await _inner_lookup(second)
    finally:
        await first.close()
        await second.close()
