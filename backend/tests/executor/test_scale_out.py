"""Several orchestrator processes on one PostgreSQL share the work, and adopt a dead one's."""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, insert, select

from orchestra.db import TASKS
from orchestra.db.base import new_id
from tests.stack import Stack, task_events, wait_for_task

SETTINGS = {
    "HEARTBEAT_SECONDS": "0.5",
    "EXECUTOR_DEAD_AFTER_SECONDS": "3",
    "AGENT_CONCURRENCY": "2",
}


def _plan(n: int) -> dict[str, object]:
    step = {"title": "s", "instruction": "s", "capability": "wait-a"}
    return {
        "steps": [
            {**step, "id": f"x{n}"},
            {**step, "id": f"y{n}"},
            {**step, "id": f"z{n}", "depends_on": [f"x{n}", f"y{n}"]},
        ]
    }


def _cluster(tmp_path: Path, postgres_url: str, delay: float) -> tuple[Stack, Path]:
    calls = tmp_path / "calls.txt"
    calls.touch()
    stack = Stack(tmp_path, postgres_url, dict(SETTINGS))
    try:
        agent = stack.add_slow_agent("slow-agent", delay, calls).start()
        stack.add("orchestrator", key="one").start()
        stack.add("orchestrator", key="two").start()
        with httpx.Client(base_url=stack["one"].url) as api:
            assert api.post("/api/agents", json={"card_url": agent.url}).status_code == 201
    except BaseException:
        stack.stop()
        raise
    return stack, calls


@pytest.mark.postgres
def test_two_processes_share_the_work_once_each_within_the_agent_cap(
    tmp_path: Path, postgres_url: str
) -> None:
    stack, calls = _cluster(tmp_path, postgres_url, 0.3)
    try:
        apis = [httpx.Client(base_url=stack[k].url, timeout=30) for k in ("one", "two")]
        ids = []
        for n in range(8):
            response = apis[n % 2].post("/api/tasks", json={"description": "p", "plan": _plan(n)})
            assert response.status_code == 202, response.text
            ids.append(response.json()["id"])
        executors: set[object] = set()
        spans = []
        for n, task_id in enumerate(ids):
            task = wait_for_task(apis[(n + 1) % 2], task_id, ("completed", "failed"), timeout=90)
            assert task["status"] == "completed", task
            for step in task["steps"]:  # type: ignore[attr-defined]
                spans.append((step["started_at"], step["finished_at"]))
            executors |= {
                e["data"]["executor"]  # type: ignore[index]
                for e in task_events(apis[0], task_id)
                if e["type"] == "step.attempt"
            }
        sent = Counter(calls.read_text().splitlines())
        assert len(sent) == 8 * 3 and set(sent.values()) == {1}, sent
        assert len(executors) == 2, f"only {executors} took work"
        # At no instant more than AGENT_CONCURRENCY=2 steps of the one agent were running.
        points = sorted(
            [(datetime.fromisoformat(a), 1) for a, _ in spans]
            + [(datetime.fromisoformat(b), -1) for _, b in spans]
        )
        running = peak = 0
        for _, delta in points:
            running += delta
            peak = max(peak, running)
        assert peak <= 2, f"{peak} steps of one agent ran at once"
        for api in apis:
            api.close()
    finally:
        stack.stop()


@pytest.mark.postgres
def test_a_dead_process_has_its_task_adopted(tmp_path: Path, postgres_url: str) -> None:
    stack, calls = _cluster(tmp_path, postgres_url, 2.0)
    try:
        one = httpx.Client(base_url=stack["one"].url, timeout=30)
        two = httpx.Client(base_url=stack["two"].url, timeout=30)
        plan = {"steps": [{"id": "a", "title": "a", "instruction": "a", "capability": "wait-a"}]}
        task_id = one.post("/api/tasks", json={"description": "p", "plan": plan}).json()["id"]
        deadline = time.monotonic() + 20
        runner = None
        while runner is None and time.monotonic() < deadline:
            for event in _events_so_far(one, task_id):
                if event["type"] == "step.attempt":
                    runner = str(event["data"]["executor"])  # type: ignore[index]
        assert runner is not None
        victim, survivor = (
            ("one", two) if runner.endswith(f"-{stack['one'].port}") else ("two", one)
        )
        stack[victim].kill()
        started = time.monotonic()
        task = wait_for_task(survivor, task_id, ("completed", "failed"), timeout=60)
        assert task["status"] == "completed", task
        assert time.monotonic() - started < 30
        # In flight at the kill: resent by the survivor under the same idempotency key (the agent
        # may answer it from the first run instead of working again).
        assert task["steps"][0]["attempts"] == 2  # type: ignore[index]
        assert 1 <= calls.read_text().splitlines().count(f"{task_id} a") <= 2
        one.close()
        two.close()
    finally:
        stack.stop()


def _events_so_far(api: httpx.Client, task_id: str) -> list[dict[str, object]]:
    """The events already logged, without waiting for the task to end."""
    found = []
    # The stream stays open while the task runs: read what is there, then give up quickly.
    with api.stream("GET", f"/api/tasks/{task_id}/events", timeout=0.3) as stream:
        try:
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    found.append(json.loads(line[5:]))
        except httpx.ReadTimeout:
            pass
    return found


@pytest.mark.postgres
def test_a_task_accepted_by_a_process_that_died_before_starting_it_is_run(
    tmp_path: Path, postgres_url: str
) -> None:
    """A submission is answered once the task is stored, before its workflow is recorded:
    a task a process accepted and died with, still pending and without a workflow, is
    started by the survivor when it adopts the dead process's work."""
    stack, calls = _cluster(tmp_path, postgres_url, 0.1)
    engine = create_engine(postgres_url.replace("+asyncpg", "+psycopg"))
    try:
        one = httpx.Client(base_url=stack["one"].url, timeout=30)
        two = httpx.Client(base_url=stack["two"].url, timeout=30)
        plan = {"steps": [{"id": "a", "title": "a", "instruction": "a", "capability": "wait-a"}]}
        done = one.post("/api/tasks", json={"description": "p", "plan": plan}).json()["id"]
        assert wait_for_task(one, done, ("completed", "failed"))["status"] == "completed"
        stack["one"].kill()
        # What the dead process wrote for a task it accepted, before it started its workflow.
        with engine.begin() as connection:
            row = dict(connection.execute(select(TASKS).where(TASKS.c.id == done)).one()._mapping)
            orphan = new_id()
            row.update(
                id=orphan,
                status="pending",
                requested_plan=plan,
                result=None,
                result_data=None,
                started_at=None,
                finished_at=None,
                idempotency_key=None,
            )
            connection.execute(insert(TASKS).values(**row))
        task = wait_for_task(two, orphan, ("completed", "failed"), timeout=60)
        assert task["status"] == "completed", task
        assert calls.read_text().splitlines().count(f"{orphan} a") == 1
        one.close()
        two.close()
    finally:
        engine.dispose()
        stack.stop()
