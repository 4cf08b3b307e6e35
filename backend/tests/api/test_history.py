"""Users delete tasks and sessions, with everything they hold; old tasks are pruned."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.executor.slow import Slow, remote_state, wait_until_step_running
from tests.stack import Stack, wait_for_task


def _rows(data_dir: Path, task_id: str) -> dict[str, int]:
    """What the databases still hold of a task: our tables and DBOS's record of its run."""
    found = {}
    with sqlite3.connect(data_dir / "orchestra.db") as db:
        for table, column in (
            ("tasks", "id"),
            ("task_steps", "task_id"),
            ("task_events", "task_id"),
            ("messages", "task_id"),
        ):
            found[table] = db.execute(
                f"SELECT count(*) FROM {table} WHERE {column} = ?", (task_id,)
            ).fetchone()[0]
    with sqlite3.connect(data_dir / "dbos.sqlite") as db:
        found["workflow"] = db.execute(
            "SELECT count(*) FROM workflow_status WHERE workflow_uuid = ?", (task_id,)
        ).fetchone()[0]
    return found


GONE = {"tasks": 0, "task_steps": 0, "task_events": 0, "messages": 0, "workflow": 0}


def test_deleting_a_finished_task_deletes_all_it_holds(api: httpx.Client, stack: Stack) -> None:
    session = api.post("/api/sessions", json={"title": "to forget"}).json()
    kept = api.post(
        "/api/tasks", json={"description": "average of 1, 2 and 3", "session_id": session["id"]}
    ).json()
    gone = api.post(
        "/api/tasks", json={"description": "average of 4, 5 and 9", "session_id": session["id"]}
    ).json()
    wait_for_task(api, kept["id"], ("completed",))
    wait_for_task(api, gone["id"], ("completed",))
    assert _rows(stack.data_dir, gone["id"])["task_events"] > 0

    response = api.delete(f"/api/tasks/{gone['id']}")
    assert response.status_code == 204, response.text
    assert api.get(f"/api/tasks/{gone['id']}").status_code == 404
    assert api.get(f"/api/tasks/{gone['id']}/events").status_code == 404
    assert _rows(stack.data_dir, gone["id"]) == GONE
    # The session keeps the other task and its messages only.
    messages = api.get(f"/api/sessions/{session['id']}/messages").json()["items"]
    assert {m["task_id"] for m in messages} == {kept["id"]}
    listed = api.get("/api/tasks", params={"session_id": session["id"]}).json()["items"]
    assert [t["id"] for t in listed] == [kept["id"]]
    again = api.delete(f"/api/tasks/{gone['id']}")
    assert again.status_code == 404
    assert again.json()["error"]["code"] == "task_not_found"


def test_deleting_a_session_deletes_its_tasks_and_messages(api: httpx.Client, stack: Stack) -> None:
    session = api.post("/api/sessions", json={"title": "all of it"}).json()
    task = api.post(
        "/api/tasks", json={"description": "sum of 2 and 3", "session_id": session["id"]}
    ).json()
    wait_for_task(api, task["id"], ("completed",))

    response = api.delete(f"/api/sessions/{session['id']}")
    assert response.status_code == 204, response.text
    assert api.get(f"/api/sessions/{session['id']}").status_code == 404
    assert api.get(f"/api/tasks/{task['id']}").status_code == 404
    assert _rows(stack.data_dir, task["id"]) == GONE
    assert api.delete(f"/api/sessions/{session['id']}").status_code == 404


@pytest.fixture
def slow(tmp_path: Path) -> Iterator[Slow]:
    running = Slow(tmp_path, delay=30.0)
    yield running
    running.close()


def test_deleting_a_running_task_stops_it_at_its_agent_first(slow: Slow) -> None:
    task_id = slow.submit()
    wait_until_step_running(slow.api, task_id, "a")
    remote = ""
    deadline = time.monotonic() + 10
    while not remote and time.monotonic() < deadline:
        remote = slow.api.get(f"/api/tasks/{task_id}").json()["steps"][0]["remote_task_id"]
        time.sleep(0.05)
    assert remote, "the agent never named its task"

    response = slow.api.delete(f"/api/tasks/{task_id}")
    assert response.status_code == 204, response.text
    assert slow.api.get(f"/api/tasks/{task_id}").status_code == 404
    assert _rows(slow.stack.data_dir, task_id) == GONE
    # The agent was asked to stop the step: its task there ends canceled, and no other
    # step of the deleted task was sent.
    assert remote_state(slow.agent.url, remote) == "TASK_STATE_CANCELED"
    assert slow.received(task_id) == ["a"]


def test_old_finished_tasks_are_pruned(tmp_path: Path) -> None:
    stack = Stack(
        tmp_path,
        settings={"RETENTION_DAYS": str(2 / 86400), "RETENTION_SWEEP_SECONDS": "0.2"},
    )
    try:
        analyst = stack.add("analyst-agent").start()
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
            assert api.post("/api/agents", json={"card_url": analyst.url}).status_code == 201
            task = api.post("/api/tasks", json={"description": "sum of 2 and 3"}).json()
            wait_for_task(api, task["id"], ("completed",))
            deadline = time.monotonic() + 30
            while api.get(f"/api/tasks/{task['id']}").status_code != 404:
                assert time.monotonic() < deadline, "a task older than RETENTION_DAYS was kept"
                time.sleep(0.1)
            assert _rows(tmp_path, task["id"]) == GONE
    finally:
        stack.stop()


@pytest.mark.postgres
def test_a_task_deleted_through_one_process_is_gone_from_the_others(
    tmp_path: Path, postgres_url: str
) -> None:
    stack = Stack(tmp_path, postgres_url)
    try:
        analyst = stack.add("analyst-agent").start()
        one = stack.add("orchestrator", key="one").start()
        two = stack.add("orchestrator", key="two").start()
        with (
            httpx.Client(base_url=one.url, timeout=30) as api_one,
            httpx.Client(base_url=two.url, timeout=30) as api_two,
        ):
            assert api_one.post("/api/agents", json={"card_url": analyst.url}).status_code == 201
            task = api_one.post("/api/tasks", json={"description": "sum of 2 and 3"}).json()
            wait_for_task(api_one, task["id"], ("completed",))
            # The other process now keeps the finished task in memory...
            assert api_two.get(f"/api/tasks/{task['id']}").status_code == 200
            assert api_one.delete(f"/api/tasks/{task['id']}").status_code == 204
            # ...until its view sync reads the deletion.
            deadline = time.monotonic() + 10
            while api_two.get(f"/api/tasks/{task['id']}").status_code != 404:
                assert time.monotonic() < deadline, "another process still serves the task"
                time.sleep(0.05)
    finally:
        stack.stop()


def test_the_records_of_ended_clock_ticks_do_not_pile_up(tmp_path: Path) -> None:
    """The schedules' clock ticks every SCHEDULE_TICK_SECONDS, each tick a DBOS workflow:
    their records go after CLOCK_TICKS_KEPT_SECONDS, retention or not."""
    settings = {
        "SCHEDULE_TICK_SECONDS": "1",
        "CLOCK_TICKS_KEPT_SECONDS": "2",
        "RETENTION_SWEEP_SECONDS": "0.5",
    }
    stack = Stack(tmp_path, settings=settings)
    ticks = "SELECT count(*), min(created_at) FROM workflow_status WHERE name = ?"
    try:
        stack.add("orchestrator").start()
        started = time.monotonic()
        deadline = started + 40
        while True:
            with sqlite3.connect(tmp_path / "dbos.sqlite") as db:
                count, oldest = db.execute(ticks, ("orchestra.clock.tick",)).fetchone()
            age = time.time() - oldest / 1000 if oldest else 0.0
            # After 12 s of ticks, at most the last few seconds' are left.
            if time.monotonic() - started > 12 and 0 < count <= 6 and age < 6:
                break
            assert time.monotonic() < deadline, f"{count} tick records, the oldest {age:.0f} s"
            time.sleep(0.5)
    finally:
        stack.stop()
