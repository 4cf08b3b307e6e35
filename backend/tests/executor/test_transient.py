"""Which database errors a durable step retries: a busy pool or a broken connection, not bad SQL."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from orchestra.executor.workflow import transient


def test_a_pool_that_gave_no_connection_in_time_is_retried() -> None:
    assert transient(PoolTimeout("QueuePool limit of size 10 overflow 10 reached"))


def test_a_lost_connection_is_retried() -> None:
    assert transient(OperationalError("SELECT 1", {}, sqlite3.OperationalError("locked")))
    assert transient(ConnectionResetError())


def test_a_constraint_violation_is_not_retried() -> None:
    assert not transient(IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE")))
    assert not transient(ValueError("bad plan"))
