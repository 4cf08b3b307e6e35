"""Alembic owns the schema: the migrations build it on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from orchestra.db import Database, Task, TaskEvent, upgrade
from orchestra.db.base import Base, utcnow


async def _check(url: str) -> None:
    await upgrade(url)
    await upgrade(url)  # a second run is a no-op
    db = Database(url)
    try:
        async with db.engine.connect() as conn:
            built = await conn.run_sync(
                lambda c: {
                    table: {column["name"] for column in inspect(c).get_columns(table)}
                    for table in inspect(c).get_table_names()
                }
            )
        # Every table and column the models declare, and nothing the models do not know.
        declared = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
        assert "alembic_version" in built
        assert {t: c for t, c in built.items() if t != "alembic_version"} == declared
        async with db.session() as session:
            task = Task(description="check")
            session.add(task)
            await session.flush()
            session.add(TaskEvent(task_id=task.id, type="task.created", data={"a": 1}))
        async with db.session() as session:
            stored = await session.get(Task, task.id)
            assert stored is not None
            assert stored.created_at.tzinfo is not None
            assert abs((utcnow() - stored.created_at).total_seconds()) < 60
            assert stored.steps == []
    finally:
        await db.close()


async def test_migrations_on_sqlite(tmp_path: Path) -> None:
    await _check(f"sqlite+aiosqlite:///{tmp_path / 'o.db'}")


@pytest.mark.postgres
async def test_migrations_on_postgres(postgres_url: str) -> None:
    await _check(postgres_url)
