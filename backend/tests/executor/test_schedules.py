"""Workflow schedules on real orchestrators and the controllable slow agent: they fire at
their times, once per time across processes, skip overlapping times, and catch up (or not)
after downtime."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, update

from orchestra.db import SCHEDULES
from tests.executor.slow import Slow
from tests.stack import wait_for_task

SETTINGS = {"SCHEDULE_TICK_SECONDS": "1", "SCHEDULE_LATE_SECONDS": "5"}

PAUSING: dict[str, Any] = {
    "name": "pausing",
    "input_schema": {
        "type": "object",
        "properties": {"pause": {"type": "number"}},
        "required": ["pause"],
    },
    "steps": [
        {"id": "a", "title": "A", "capability": "wait-a", "instruction": "wait {{ inputs.pause }}"}
    ],
}


def _schedule(api: httpx.Client, body: dict[str, Any]) -> tuple[str, str]:
    """A new workflow and a schedule of it; returns (workflow id, schedule id)."""
    saved = api.post("/api/workflows", json=PAUSING)
    assert saved.status_code == 201, saved.text
    workflow_id = saved.json()["id"]
    made = api.post(f"/api/workflows/{workflow_id}/schedules", json=body)
    assert made.status_code == 201, made.text
    return workflow_id, made.json()["id"]


def _runs(
    api: httpx.Client, workflow_id: str, at_least: int, timeout: float
) -> list[dict[str, Any]]:
    """The workflow's runs (whole tasks, oldest first) once there are `at_least`."""
    deadline = time.monotonic() + timeout
    while True:
        page = api.get(f"/api/workflows/{workflow_id}/runs", params={"limit": 200}).json()
        if page["total"] >= at_least:
            ids = [t["id"] for t in reversed(page["items"])]
            return [api.get(f"/api/tasks/{i}").json() for i in ids]
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page['total']} runs after {timeout} s, not {at_least}")
        time.sleep(0.1)


def _pause(api: httpx.Client, workflow_id: str, schedule_id: str) -> dict[str, Any]:
    paused = api.post(f"/api/workflows/{workflow_id}/schedules/{schedule_id}/pause")
    assert paused.status_code == 200, paused.text
    return dict(paused.json())


@pytest.fixture
def slow(tmp_path: Path) -> Iterator[Slow]:
    """An orchestrator whose clock ticks every second, and the slow agent."""
    running = Slow(tmp_path, 0.1, settings=dict(SETTINGS))
    yield running
    running.close()


def test_a_schedule_starts_runs_at_its_times_and_they_say_so(slow: Slow) -> None:
    every_second = {"cron": "* * * * * *", "inputs": {"pause": 0.1}, "overlap": "queue"}
    workflow_id, schedule_id = _schedule(slow.api, every_second)
    runs = _runs(slow.api, workflow_id, 3, timeout=30)
    schedule = _pause(slow.api, workflow_id, schedule_id)
    fired = []
    for run in runs:
        assert run["metadata"]["schedule"]["id"] == schedule_id
        fired.append(datetime.fromisoformat(run["metadata"]["schedule"]["fire_at"]))
        assert wait_for_task(slow.api, run["id"], ("completed", "failed"))["status"] == "completed"
    assert len(set(fired)) == len(fired) and fired == sorted(fired)
    assert all(t.microsecond == 0 for t in fired)  # cron times, not the moment a tick ran
    assert schedule["paused"] and schedule["next_fire_at"] is None
    assert schedule["last_task_id"] in {r["id"] for r in _runs(slow.api, workflow_id, 3, 5)}


def test_overlap_skip_starts_no_run_while_the_last_one_goes_on(slow: Slow) -> None:
    body = {"cron": "* * * * * *", "inputs": {"pause": 2.5}, "overlap": "skip"}
    workflow_id, schedule_id = _schedule(slow.api, body)
    runs = _runs(slow.api, workflow_id, 2, timeout=40)
    schedule = _pause(slow.api, workflow_id, schedule_id)
    first = wait_for_task(slow.api, runs[0]["id"], ("completed",))
    second = runs[1]
    # The second run started once the first had ended, not at the times in between.
    assert datetime.fromisoformat(second["created_at"]) >= datetime.fromisoformat(
        str(first["finished_at"])
    )
    assert schedule["skipped"] >= 1


def test_times_missed_while_down_are_made_up_once_or_skipped(slow: Slow) -> None:
    orchestrator = slow.stack["orchestrator"]
    yearly = {"cron": "0 0 1 1 *", "inputs": {"pause": 0.1}}
    once_workflow, once = _schedule(slow.api, {**yearly, "catch_up": "run_once"})
    skip_workflow, skip = _schedule(slow.api, {**yearly, "catch_up": "skip"})
    orchestrator.stop()
    # Down since New Year: both schedules waited for this year's time, which went by.
    this_year = datetime(datetime.now(UTC).year, 1, 1, tzinfo=UTC)
    engine = create_engine(f"sqlite:///{slow.stack.data_dir / 'orchestra.db'}")
    with engine.begin() as connection:
        connection.execute(update(SCHEDULES).values(next_fire_at=this_year))
    orchestrator.start()
    made_up = _runs(slow.api, once_workflow, 1, timeout=30)
    assert made_up[0]["metadata"]["schedule"]["fire_at"] == this_year.isoformat()
    next_year = this_year.replace(year=this_year.year + 1).isoformat().replace("+00:00", "Z")
    skipped = _wait_for(slow.api, skip_workflow, skip, lambda s: s["skipped"] == 1)
    assert skipped["last_task_id"] is None
    assert skipped["next_fire_at"] == next_year
    assert slow.api.get(f"/api/workflows/{skip_workflow}/runs").json()["total"] == 0
    once_now = slow.api.get(f"/api/workflows/{once_workflow}/schedules/{once}").json()
    assert once_now["next_fire_at"] == next_year and once_now["last_task_id"] == made_up[0]["id"]

    # A tick retried after it had started its run (its process died before DBOS recorded
    # the tick's end) finds this year's time due again: the run's key says it was started.
    with engine.begin() as connection:
        connection.execute(
            update(SCHEDULES).where(SCHEDULES.c.id == once).values(next_fire_at=this_year)
        )
    _wait_for(slow.api, once_workflow, once, lambda s: s["next_fire_at"] == next_year)
    assert slow.api.get(f"/api/workflows/{once_workflow}/runs").json()["total"] == 1
    engine.dispose()


def _wait_for(
    api: httpx.Client, workflow_id: str, schedule_id: str, check: Callable[[Any], bool]
) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while True:
        schedule = api.get(f"/api/workflows/{workflow_id}/schedules/{schedule_id}").json()
        if check(schedule):
            return dict(schedule)
        if time.monotonic() > deadline:
            raise TimeoutError(f"schedule {schedule_id} is {schedule}")
        time.sleep(0.1)


@pytest.mark.postgres
def test_two_processes_on_postgresql_fire_each_time_once(tmp_path: Path, postgres_url: str) -> None:
    slow = Slow(tmp_path, 0.05, settings=dict(SETTINGS), database_url=postgres_url)
    try:
        slow.stack.add("orchestrator", key="two").start()
        body = {"cron": "* * * * * *", "inputs": {"pause": 0.05}, "overlap": "queue"}
        workflow_id, schedule_id = _schedule(slow.api, body)
        _runs(slow.api, workflow_id, 6, timeout=60)
        _pause(slow.api, workflow_id, schedule_id)
        runs = _runs(slow.api, workflow_id, 6, timeout=5)
        fired = [r["metadata"]["schedule"]["fire_at"] for r in runs]
        assert len(fired) == len(set(fired)), sorted(fired)
    finally:
        slow.close()
