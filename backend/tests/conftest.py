"""Shared fixtures: a running stack of real services, and per-test PostgreSQL databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.stack import Stack

PG_ADMIN = os.environ.get("TEST_POSTGRES_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under CI a missing PostgreSQL fails the postgres tests; elsewhere it skips them."""
    if not any(item.get_closest_marker("postgres") for item in items):
        return
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
    except psycopg.Error as exc:
        if os.environ.get("CI") == "true":
            raise pytest.UsageError(f"CI=true but PostgreSQL is not reachable: {exc}") from exc
        skip = pytest.mark.skip(reason=f"PostgreSQL not reachable at {PG_ADMIN}")
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(skip)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    name = f"orchestra_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_stack(data_dir: Path, database_url: str = "") -> Stack:
    stack = Stack(data_dir, database_url)
    try:
        stack.add("research-agent").start()
        stack.add("analyst-agent").start()
        stack.add("orchestrator").start()
        with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as client:
            for agent in ("research-agent", "analyst-agent"):
                response = client.post("/api/agents", json={"card_url": stack[agent].url})
                assert response.status_code == 201, response.text
    except BaseException:
        stack.stop()
        raise
    return stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One orchestrator with both agents registered, shared by the tests that only read or add."""
    running = start_stack(tmp_path_factory.mktemp("stack"))
    yield running
    running.stop()


@pytest.fixture
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as client:
        yield client
