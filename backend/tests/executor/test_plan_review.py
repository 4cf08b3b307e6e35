"""Plan review: a task waits after planning until a person approves, edits or rejects it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.executor.slow import DIAMOND, Slow
from tests.stack import task_events, wait_for_task

TWO_STEPS = {
    "steps": [
        {"id": "x", "title": "X", "instruction": "step x", "capability": "wait-a"},
        {"id": "y", "title": "Y", "instruction": "step y", "capability": "wait-b",
         "depends_on": ["x"]},
    ]
}  # fmt: skip


def _submit(slow: Slow, **extra: object) -> str:
    body = {"description": "diamond", "plan": DIAMOND, "review_plan": True, **extra}
    response = slow.api.post("/api/tasks", json=body)
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


@pytest.mark.parametrize("slow", [(0.05, ())], indirect=True)
def test_a_reviewed_plan_waits_then_runs_as_edited_once_approved(slow: Slow) -> None:
    task_id = _submit(slow)
    task = wait_for_task(slow.api, task_id, ("awaiting_approval",), timeout=30)
    assert [s["status"] for s in task["steps"]] == ["pending"] * 4  # type: ignore[attr-defined]
    assert slow.received(task_id) == []

    bad = slow.api.post(f"/api/tasks/{task_id}/plan", json={"steps": [
        {"id": "x", "title": "X", "instruction": "x", "capability": "nobody-has-this"}
    ]})  # fmt: skip
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_plan"
    edited = slow.api.post(f"/api/tasks/{task_id}/plan", json=TWO_STEPS)
    assert edited.status_code == 200, edited.text
    assert [s["id"] for s in edited.json()["steps"]] == ["x", "y"]
    assert edited.json()["status"] == "awaiting_approval"

    approved = slow.api.post(f"/api/tasks/{task_id}/approve", json={"comment": "fine"})
    assert approved.status_code == 200, approved.text
    done = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=30)
    assert done["status"] == "completed", done
    assert slow.received(task_id) == ["x", "y"]  # the plan as edited, not the first one
    types = [e["type"] for e in task_events(slow.api, task_id)]
    assert types.index("task.awaiting_approval") < types.index("task.plan_changed")
    assert types.index("task.plan_changed") < types.index("task.approved")
    assert types.index("task.approved") < types.index("task.running")
    again = slow.api.post(f"/api/tasks/{task_id}/approve")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "task_not_awaiting_approval"


@pytest.mark.parametrize("slow", [(0.05, ())], indirect=True)
def test_a_rejected_plan_cancels_its_task_with_the_comment(slow: Slow) -> None:
    task_id = _submit(slow)
    wait_for_task(slow.api, task_id, ("awaiting_approval",), timeout=30)
    rejected = slow.api.post(f"/api/tasks/{task_id}/reject", json={"comment": "too many steps"})
    assert rejected.status_code == 200, rejected.text
    task = wait_for_task(slow.api, task_id, ("canceled",), timeout=30)
    assert task["error"] == "The plan was rejected: too many steps"
    assert slow.received(task_id) == []
    assert slow.api.post(f"/api/tasks/{task_id}/plan", json=TWO_STEPS).status_code == 409


@pytest.mark.parametrize("slow", [(0.05, ())], indirect=True)
def test_the_wait_survives_a_crash_and_a_cancel_ends_it(slow: Slow) -> None:
    kept = _submit(slow)
    stopped = _submit(slow)
    wait_for_task(slow.api, kept, ("awaiting_approval",), timeout=30)
    wait_for_task(slow.api, stopped, ("awaiting_approval",), timeout=30)
    slow.orchestrator.kill()
    slow.orchestrator.start()
    assert slow.api.get(f"/api/tasks/{kept}").json()["status"] == "awaiting_approval"
    assert slow.api.post(f"/api/tasks/{stopped}/cancel").status_code == 200
    assert slow.api.post(f"/api/tasks/{kept}/approve").status_code == 200
    done = wait_for_task(slow.api, kept, ("completed", "failed"), timeout=60)
    assert done["status"] == "completed", done
    assert sorted(slow.received(kept)) == ["a", "b", "c", "d"]
    assert slow.received(stopped) == []
    assert slow.api.get(f"/api/tasks/{stopped}").json()["status"] == "canceled"


def test_a_planned_task_is_reviewed_too(api: httpx.Client) -> None:
    task = api.post(
        "/api/tasks", json={"description": "compute the sum of 2 and 3", "review_plan": True}
    ).json()
    waiting = wait_for_task(api, task["id"], ("awaiting_approval",))
    assert waiting["planner"] == "offline" and waiting["steps"]
    assert api.post(f"/api/tasks/{task['id']}/approve").status_code == 200
    done = wait_for_task(api, task["id"], ("completed", "failed"))
    assert done["status"] == "completed" and "5" in str(done["result"])


def test_a_plan_awaiting_approval_holds_no_place_in_the_line(tmp_path: Path) -> None:
    """With room for one running task, a task waiting for approval lets others run."""
    slow = Slow(tmp_path, 0.05, settings={"MAX_RUNNING_TASKS": "1"})
    try:
        waiting = _submit(slow)
        wait_for_task(slow.api, waiting, ("awaiting_approval",), timeout=30)
        other = slow.submit(TWO_STEPS)
        done = wait_for_task(slow.api, other, ("completed", "failed"), timeout=30)
        assert done["status"] == "completed", done
        assert slow.api.get(f"/api/tasks/{waiting}").json()["status"] == "awaiting_approval"
    finally:
        slow.close()


@pytest.mark.parametrize("slow", [(0.05, ())], indirect=True)
def test_only_a_task_that_asked_for_review_records_a_review_step(slow: Slow) -> None:
    plain = slow.submit()
    reviewed = _submit(slow)
    assert wait_for_task(slow.api, plain, ("completed",), timeout=30)["status"] == "completed"
    wait_for_task(slow.api, reviewed, ("awaiting_approval",), timeout=30)
    dbos = sqlite3.connect(slow.stack.data_dir / "dbos.sqlite")
    try:
        steps = dict(
            dbos.execute(
                "SELECT workflow_uuid, count(*) FROM operation_outputs "
                "WHERE function_name = 'orchestra.review' GROUP BY workflow_uuid"
            ).fetchall()
        )
    finally:
        dbos.close()
    assert steps == {reviewed: 1}  # a task stored without review asks DBOS nothing
