"""DBOS's SQLite engine: what DBOS sets, and what Orchestra adds for throughput."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from orchestra.executor.service import sqlite_system_engine


def test_dbos_sqlite_connections_are_wal_without_a_disk_sync_per_commit(tmp_path: Path) -> None:
    engine = sqlite_system_engine(f"sqlite:///{tmp_path / 'dbos' / 'dbos.sqlite'}")
    try:
        with engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
            }
            isolation = connection.connection.dbapi_connection.isolation_level  # type: ignore[union-attr]
        # synchronous 1 is NORMAL (2, FULL, syncs the disk at every commit).
        assert pragma == {
            "journal_mode": "wal",
            "synchronous": 1,
            "busy_timeout": 30000,
            "foreign_keys": 1,
        }
        assert isolation == "IMMEDIATE"
        assert engine.pool.size() == 1  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_the_engine_makes_the_data_directory(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dbos.sqlite"
    engine = sqlite_system_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        assert path.exists()
    finally:
        engine.dispose()
