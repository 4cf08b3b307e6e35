"""A database that is away or busy answers 503 with Retry-After, and nothing is lost.

The orchestrator reaches PostgreSQL through a TCP proxy in a process of its own, which the
test stops (connections cut, new ones refused) and pauses (everything hangs). On SQLite a
lock held past the busy timeout is the same kind of answer.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.executor.slow import DIAMOND, Slow, wait_until_step_running
from tests.stack import Stack, wait_for_task
from tests.support.tcp_proxy import Proxy

# How long the outage lasts while requests are made: several steps' worth of the slow agent.
OUTAGE_SECONDS = 4.0


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[Proxy]:
    running = Proxy(5432, tmp_path / "proxy.log").start()
    yield running
    running.stop()


def _through(proxy: Proxy, postgres_url: str) -> str:
    return postgres_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")


def _assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "database_unavailable"
    assert int(response.headers["Retry-After"]) > 0


def _wait_ready(api: httpx.Client, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if api.get("/ready").status_code == 200:
            return
        time.sleep(0.1)
    raise TimeoutError("the orchestrator never became ready again")


@pytest.mark.postgres
def test_a_postgres_outage_answers_503_and_tasks_survive(
    tmp_path: Path, postgres_url: str, proxy: Proxy
) -> None:
    slow = Slow(tmp_path, 1.0, database_url=_through(proxy, postgres_url))
    try:
        tasks = [slow.submit(DIAMOND), slow.submit(DIAMOND)]
        wait_until_step_running(slow.api, tasks[0], "a")
        proxy.stop()
        ended = time.monotonic() + OUTAGE_SECONDS
        while time.monotonic() < ended:
            _assert_unavailable(slow.api.get("/api/tasks"))
            _assert_unavailable(slow.api.post("/api/tasks", json={"description": "anything"}))
            _assert_unavailable(slow.api.get("/ready"))
            time.sleep(0.2)  # paces the requests; the outage's length is the loop's deadline
        proxy.start()
        _wait_ready(slow.api)
        assert slow.api.get("/api/tasks").status_code == 200
        for task_id in tasks:
            task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=90)
            assert task["status"] == "completed", task
            assert sorted(slow.received(task_id)) == ["a", "b", "c", "d"]  # none ran twice
    finally:
        slow.close()


@pytest.mark.postgres
def test_ready_answers_quickly_when_the_database_hangs(
    tmp_path: Path, postgres_url: str, proxy: Proxy
) -> None:
    stack = Stack(tmp_path, _through(proxy, postgres_url))
    try:
        stack.add("orchestrator").start()
        with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as api:
            proxy.pause()
            started = time.monotonic()
            response = api.get("/ready")
            assert time.monotonic() - started < 5
            _assert_unavailable(response)
            assert "did not answer within" in response.json()["error"]["message"]
            proxy.resume()
            _wait_ready(api)
    finally:
        proxy.resume()
        stack.stop()


def test_sqlite_locked_past_the_busy_timeout_answers_503(tmp_path: Path) -> None:
    database = tmp_path / "orchestra.db"
    stack = Stack(tmp_path, f"sqlite+aiosqlite:///{database}?timeout=0.5")
    try:
        stack.add("orchestrator").start()
        with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as api:
            holder = sqlite3.connect(database, isolation_level=None)
            try:
                holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
                _assert_unavailable(api.post("/api/sessions", json={"title": "locked out"}))
            finally:
                holder.execute("ROLLBACK")
                holder.close()
            assert api.post("/api/sessions", json={"title": "let in"}).status_code == 201
    finally:
        stack.stop()
