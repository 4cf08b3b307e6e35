"""Alembic owns the schema: the migrations build it on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import IntegrityError

from orchestra.db import Database, Task, TaskEvent, upgrade
from orchestra.db.base import Base, utcnow
from orchestra.db.migrate import alembic_config


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


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
            # Columns, types, indexes and constraints as the models declare them.
            differences = await conn.run_sync(_differences)
        # Every table and column the models declare, and nothing the models do not know.
        declared = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
        assert "alembic_version" in built
        assert {t: c for t, c in built.items() if t != "alembic_version"} == declared
        assert differences == []
        async with db.transaction() as tx:
            task = Task(description="check")
            tx.add(task)
            await tx.flush()
            tx.add(TaskEvent(task_id=task.id, type="task.created", data={"a": 1}))
        async with db.transaction() as tx:
            stored = await tx.get(Task, task.id)
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


# Rows as revision 0005 stored them, when a step's identifier was `key` or `step_key`.
OLD_ROWS = [
    "INSERT INTO tasks (id, owner, description, status, metadata, tokens_in, tokens_out,"
    " created_at) VALUES ('t1', 'local', 'd', 'running', '{}', 0, 0, '2026-01-01 00:00:00')",
    "INSERT INTO task_steps (id, task_id, key, position, title, instruction, capability,"
    " depends_on, expected_output, status, attempts, tokens_in, tokens_out)"
    " VALUES ('r1', 't1', 's1', 0, 't', 'i', 'c', '[]', '', 'running', 1, 0, 0)",
    "INSERT INTO task_events (task_id, step_key, type, data, created_at)"
    " VALUES ('t1', 's1', 'step.running', '{}', '2026-01-01 00:00:00')",
    "INSERT INTO agent_slots (agent_id, slot, task_id, step_key, instance_id, executor_id,"
    " taken_at) VALUES ('a1', 0, 't1', 's1', 'i1', 'e1', '2026-01-01 00:00:00')",
]


async def _renames_step_ids(url: str) -> None:
    await upgrade(url, "0005")
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            for statement in OLD_ROWS:
                await conn.execute(text(statement))
        await upgrade(url, "0006")
        async with db.engine.connect() as conn:
            found = [
                (await conn.execute(text(f"SELECT step_id FROM {table}"))).scalar_one()
                for table in ("task_steps", "task_events", "agent_slots")
            ]
            assert found == ["s1", "s1", "s1"]
            # The step stays unique within its task under its new name.
            with pytest.raises(IntegrityError):
                await conn.execute(
                    text(
                        "INSERT INTO task_steps (id, task_id, step_id, position, title,"
                        " instruction, capability, depends_on, expected_output, status,"
                        " attempts, tokens_in, tokens_out) VALUES ('r2', 't1', 's1', 1, 't',"
                        " 'i', 'c', '[]', '', 'pending', 0, 0, 0)"
                    )
                )
        await db.engine.dispose()
        await asyncio.to_thread(command.downgrade, alembic_config(url), "0005")
        async with db.engine.connect() as conn:
            key = (await conn.execute(text("SELECT key FROM task_steps"))).scalar_one()
            slot = (await conn.execute(text("SELECT step_key FROM agent_slots"))).scalar_one()
            assert (key, slot) == ("s1", "s1")
    finally:
        await db.close()


async def test_step_ids_are_renamed_with_their_rows_on_sqlite(tmp_path: Path) -> None:
    await _renames_step_ids(f"sqlite+aiosqlite:///{tmp_path / 'o.db'}")


@pytest.mark.postgres
async def test_step_ids_are_renamed_with_their_rows_on_postgres(postgres_url: str) -> None:
    await _renames_step_ids(postgres_url)


async def _adds_workflows(url: str) -> None:
    """0009 adds workflows beside the tasks there are, which stay tasks without a workflow,
    and goes back down leaving them as they were."""
    await upgrade(url, "0008")
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            await conn.execute(text(OLD_ROWS[0]))
        await upgrade(url, "0009")
        async with db.engine.connect() as conn:
            row = (
                await conn.execute(
                    text("SELECT workflow_id, workflow_version, workflow_run FROM tasks")
                )
            ).one()
            assert tuple(row) == (None, None, None)
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
            assert {"workflows", "workflow_versions"} <= tables
        await db.engine.dispose()
        await asyncio.to_thread(command.downgrade, alembic_config(url), "0008")
        async with db.engine.connect() as conn:
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
            columns = await conn.run_sync(
                lambda c: {col["name"] for col in inspect(c).get_columns("tasks")}
            )
            assert not {"workflows", "workflow_versions"} & tables
            assert "workflow_id" not in columns
            count = (await conn.execute(text("SELECT count(*) FROM tasks"))).scalar_one()
            assert count == 1
    finally:
        await db.close()


async def test_workflows_are_added_beside_existing_tasks_on_sqlite(tmp_path: Path) -> None:
    await _adds_workflows(f"sqlite+aiosqlite:///{tmp_path / 'o.db'}")


@pytest.mark.postgres
async def test_workflows_are_added_beside_existing_tasks_on_postgres(postgres_url: str) -> None:
    await _adds_workflows(postgres_url)


async def _adds_step_kinds(url: str) -> None:
    """0010 gives the steps there are the kind `agent`, and goes back down keeping them."""
    await upgrade(url, "0009")
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            await conn.execute(text(OLD_ROWS[0]))
            await conn.execute(
                text(
                    "INSERT INTO task_steps (id, task_id, step_id, position, title,"
                    " instruction, capability, depends_on, expected_output, status,"
                    " attempts, tokens_in, tokens_out) VALUES ('r1', 't1', 's1', 0, 't',"
                    " 'i', 'c', '[]', '', 'completed', 1, 0, 0)"
                )
            )
        await upgrade(url, "0010")
        async with db.engine.connect() as conn:
            row = (
                await conn.execute(text("SELECT kind, profile, consensus FROM task_steps"))
            ).one()
            assert tuple(row) == ("agent", None, None)
        await db.engine.dispose()
        await asyncio.to_thread(command.downgrade, alembic_config(url), "0009")
        async with db.engine.connect() as conn:
            columns = await conn.run_sync(
                lambda c: {col["name"] for col in inspect(c).get_columns("task_steps")}
            )
            assert not {"kind", "profile", "consensus"} & columns
            count = (await conn.execute(text("SELECT count(*) FROM task_steps"))).scalar_one()
            assert count == 1
    finally:
        await db.close()


async def test_steps_get_the_agent_kind_on_sqlite(tmp_path: Path) -> None:
    await _adds_step_kinds(f"sqlite+aiosqlite:///{tmp_path / 'o.db'}")


@pytest.mark.postgres
async def test_steps_get_the_agent_kind_on_postgres(postgres_url: str) -> None:
    await _adds_step_kinds(postgres_url)
