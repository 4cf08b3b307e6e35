"""Database errors: which mean "busy or unreachable for a moment", and misuse of transactions.

Busy or unreachable, on SQLite and PostgreSQL (`transient`), passes: a durable step tries
again after a while, and the API answers 503 with Retry-After. Every other database error
(bad SQL, a missing table, a violated constraint) is a bug or a conflict, and fails at once:
retrying it only hides it behind half a minute of backoff.
"""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout

__all__ = ["NestedTransactionError", "transient"]

# SQLite's primary result codes for "another connection holds the lock": the writer gave up
# after its busy timeout (extended codes such as SQLITE_BUSY_SNAPSHOT share the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6

# PostgreSQL SQLSTATEs that say the connection or the server went away, or that the same
# transaction may well succeed when run again. Class 08 is "connection exception".
_PG_TRANSIENT_STATES = frozenset(
    {
        "40001",  # serialization_failure: run the transaction again
        "40P01",  # deadlock_detected: one side was rolled back; run it again
        "55P03",  # lock_not_available: PostgreSQL's "busy"
        "53300",  # too_many_connections: the server is full for now
        "57P01",  # admin_shutdown: the server is stopping or the backend was terminated
        "57P02",  # crash_shutdown
        "57P03",  # cannot_connect_now: the server is starting up or shutting down
    }
)

# Socket errors of a connection that could not be made or was cut.
_NETWORK_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EPIPE,
        errno.ETIMEDOUT,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ENETDOWN,
        errno.EHOSTDOWN,
    }
)


class NestedTransactionError(RuntimeError):
    """A task asked for a database transaction while it already held one (a bug in the caller)."""


def transient(error: BaseException) -> bool:
    """The database was busy or unreachable: the same work may succeed if tried again soon.

    Looks through SQLAlchemy's wrapper (`.orig`) and the chain of causes, since drivers and
    DBOS raise their own errors from the driver's.
    """
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if _transient_itself(current):
            return True
        if isinstance(current, DBAPIError):
            pending.append(current.orig)
        pending.append(current.__cause__)
    return False


def _transient_itself(error: BaseException) -> bool:
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True  # SQLAlchemy saw the connection die under the statement
    # A pool that gave no connection in time is busy, not broken.
    if isinstance(error, PoolTimeout | DisconnectionError):
        return True
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", 0)  # set on every error SQLite raised
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate:
        return sqlstate.startswith("08") or sqlstate in _PG_TRANSIENT_STATES
    if _driver_connection_failure(error):
        return True
    if isinstance(error, ConnectionError | TimeoutError):
        return True
    return isinstance(error, OSError) and error.errno in _NETWORK_ERRNOS


def _driver_connection_failure(error: BaseException) -> bool:
    """A PostgreSQL driver's own report of a connection it could not make or lost.

    psycopg (DBOS's driver) says so with an OperationalError that carries no SQLSTATE;
    asyncpg (ours) with an InterfaceError about a closed connection, the test SQLAlchemy's
    dialect applies too.
    """
    try:
        import asyncpg
        import psycopg
    except ImportError:  # the postgres extra is not installed: no such error can occur
        return False
    if isinstance(error, psycopg.OperationalError):
        return not error.sqlstate
    return isinstance(error, asyncpg.InterfaceError) and "connection is closed" in str(error)
