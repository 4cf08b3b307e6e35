"""The executor with real processes: parallel DAG, dependency outputs, failure, cancel, crash."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime

import pytest

from tests.executor.slow import Slow, remote_state, wait_until_step_running, wait_until_step_status
from tests.stack import task_events, wait_for_task


def _interval(step: dict[str, object]) -> tuple[datetime, datetime]:
    return (
        datetime.fromisoformat(str(step["started_at"])),
        datetime.fromisoformat(str(step["finished_at"])),
    )


def test_diamond_runs_b_and_c_concurrently_and_passes_outputs(slow: Slow) -> None:
    task_id = slow.submit()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"))
    assert task["status"] == "completed", task
    assert task["planner"] == "user"
    steps = {s["id"]: s for s in task["steps"]}  # type: ignore[attr-defined]
    a, b, c, d = (_interval(steps[k]) for k in "abcd")
    assert a[1] <= b[0] and a[1] <= c[0], "B and C start after A"
    assert b[0] < c[1] and c[0] < b[1], "B and C overlap in time"
    assert d[0] >= max(b[1], c[1]), "D starts after both"
    assert steps["d"]["output_data"]["inputs"] == ["b", "c"]
    assert steps["b"]["output_data"]["inputs"] == ["a"]
    assert sorted(slow.received(task_id)) == ["a", "b", "c", "d"]


@pytest.mark.parametrize("slow", [(0.2, ("b",))], indirect=True)
def test_a_failed_step_fails_the_task_with_its_reason(slow: Slow) -> None:
    task_id = slow.submit()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"))
    assert task["status"] == "failed"
    assert "Step b" in str(task["error"]) and "told to fail" in str(task["error"])
    steps = {s["id"]: s for s in task["steps"]}  # type: ignore[attr-defined]
    assert steps["b"]["status"] == "failed"
    assert steps["d"]["status"] == "skipped"
    assert "d" not in slow.received(task_id)


@pytest.mark.parametrize("slow", [(30.0, ())], indirect=True)
def test_cancel_stops_a_running_task(slow: Slow) -> None:
    task_id = slow.submit()
    wait_for_task(slow.api, task_id, ("running",))
    deadline_steps = wait_until_step_running(slow.api, task_id, "a")
    assert deadline_steps
    response = slow.api.post(f"/api/tasks/{task_id}/cancel")
    assert response.status_code == 200, response.text
    task = wait_for_task(slow.api, task_id, ("canceled",), timeout=2)
    assert all(s["status"] == "canceled" for s in task["steps"])  # type: ignore[attr-defined]
    # The agent was told: its task for step a ends canceled too.
    deadline = time.monotonic() + 5
    while not task["steps"][0]["remote_task_id"] and time.monotonic() < deadline:  # type: ignore[index]
        # A cancel before the agent named its task reaches it once the name arrives.
        task = slow.api.get(f"/api/tasks/{task_id}").json()
        time.sleep(0.05)
    remote = task["steps"][0]["remote_task_id"]  # type: ignore[index]
    assert remote
    assert slow.received(task_id) == ["a"]
    assert remote_state(slow.agent.url, str(remote)) == "TASK_STATE_CANCELED"
    again = slow.api.post(f"/api/tasks/{task_id}/cancel")
    assert again.status_code == 409


@pytest.mark.parametrize("slow", [(1.5, ())], indirect=True)
def test_kill_9_mid_task_then_restart_completes_without_resending_done_steps(slow: Slow) -> None:
    task_id = slow.submit()
    wait_until_step_running(slow.api, task_id, "b")
    slow.orchestrator.kill()
    assert slow.received(task_id)[0] == "a"
    slow.orchestrator.start()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
    assert task["status"] == "completed", task
    received = slow.received(task_id)
    assert received.count("a") == 1, received  # finished before the crash: never sent again
    assert received.count("d") == 1
    assert {"b", "c"} <= set(received)  # in flight at the crash: may be sent again


@pytest.mark.parametrize("slow", [(3.0, ())], indirect=True)
def test_a_crash_after_steps_finished_out_of_plan_order_replays_each_result_to_its_step(
    slow: Slow,
) -> None:
    # b is listed after c but finishes first; c is still running at the crash.
    plan = {
        "steps": [
            {"id": "a", "title": "A", "instruction": "wait 0.1", "capability": "wait-a"},
            {"id": "c", "title": "C", "instruction": "step c", "capability": "wait-c",
             "depends_on": ["a"]},
            {"id": "b", "title": "B", "instruction": "wait 0.1", "capability": "wait-b",
             "depends_on": ["a"]},
            {"id": "d", "title": "D", "instruction": "wait 0.1", "capability": "wait-a",
             "depends_on": ["b", "c"]},
        ]
    }  # fmt: skip
    task_id = slow.submit(plan)
    wait_until_step_status(slow.api, task_id, "b", "completed")
    slow.orchestrator.kill()
    slow.orchestrator.start()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
    assert task["status"] == "completed", task
    received = slow.received(task_id)
    assert received.count("a") == 1 and received.count("b") == 1, received
    assert received.count("d") == 1, received
    outputs = {s["id"]: s["output"] for s in task["steps"]}
    assert "for b;" in outputs["b"] and "for c;" in outputs["c"], outputs
    assert "inputs: ['b', 'c']" in outputs["d"], outputs


def test_ready_steps_start_in_the_transaction_that_makes_them_ready(slow: Slow) -> None:
    """The first steps of a wide plan start together, in one transaction, and a step that
    waits for one other starts in that one's finishing transaction: fewer transactions per
    task, and no gap between a step and the next. (A transaction's events share one time.)"""
    plan = {
        "steps": [
            {"id": "a", "title": "A", "instruction": "wait 0.1", "capability": "wait-a"},
            {"id": "b", "title": "B", "instruction": "wait 0.3", "capability": "wait-b"},
            {"id": "c", "title": "C", "instruction": "step c", "capability": "wait-c",
             "depends_on": ["a"]},
            {"id": "d", "title": "D", "instruction": "step d", "capability": "wait-a",
             "depends_on": ["b", "c"]},
        ]
    }  # fmt: skip
    task_id = slow.submit(plan)
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
    assert task["status"] == "completed", task
    at = {
        (e["type"], e["step_id"]): e["created_at"]
        for e in task_events(slow.api, task_id)
        if e["type"] in ("step.running", "step.completed")
    }
    assert at["step.running", "a"] == at["step.running", "b"]
    assert at["step.completed", "a"] == at["step.running", "c"]
    # d waited for two: it starts with the later of them.
    assert at["step.running", "d"] in (at["step.completed", "b"], at["step.completed", "c"])
    assert slow.received(task_id).count("d") == 1
    # Started in a's finishing transaction, c still received a's outcome whole.
    data = {s["id"]: s["output_data"] for s in task["steps"]}
    assert data["c"]["from"] == {"a": "a"}, data
    assert data["d"]["from"] == {"b": "b", "c": "c"}, data


def test_a_task_that_never_waits_runs_without_a_durable_workflow(slow: Slow) -> None:
    """Its rows say how far it got (a crash resumes it from them: the kill -9 test above), so
    DBOS keeps no record of it: a workflow's records would cost as much as its steps'."""
    task_id = slow.submit()
    assert wait_for_task(slow.api, task_id, ("completed", "failed"))["status"] == "completed"
    with sqlite3.connect(slow.stack.data_dir / "dbos.sqlite") as dbos:
        found = dbos.execute(
            "SELECT status FROM workflow_status WHERE workflow_uuid = ?", (task_id,)
        ).fetchall()
    assert found == []
