"""Approval steps, end to end: a plan's step of kind approval waits for a person (through an
orchestrator crash); approved, the steps after it run; rejected, the task fails. Real
processes: an orchestrator and the controllable slow agent (tests/executor/slow.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from orchestra.client import BadRequest, Conflict, Orchestra
from tests.executor.slow import Slow
from tests.stack import task_events, wait_for_task

GATED = {
    "steps": [
        {"id": "a", "title": "Draft", "instruction": "draft it", "capability": "wait-a"},
        {"id": "ok", "title": "Sign-off", "instruction": "Publish the draft?", "kind": "approval",
         "depends_on": ["a"]},
        {"id": "b", "title": "Publish", "instruction": "publish it", "capability": "wait-b",
         "depends_on": ["ok"]},
    ]
}  # fmt: skip


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slow]:
    running = Slow(tmp_path_factory.mktemp("approvals"), 0.05)
    yield running
    running.close()


def _waiting(slow: Slow, plan: dict[str, Any] = GATED) -> dict[str, Any]:
    """A task with `plan`, once it waits at its approval step."""
    task_id = slow.submit(plan)
    task = wait_for_task(slow.api, task_id, ("input_required", "completed", "failed"))
    assert task["status"] == "input_required", task
    return task


def _steps(task: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in task["steps"]}


def test_an_approval_waits_then_approved_runs_the_steps_after_it(gate: Slow) -> None:
    task = _waiting(gate)
    task_id = task["id"]
    steps = _steps(task)
    assert steps["a"]["status"] == "completed"
    assert steps["ok"]["status"] == "input_required" and steps["ok"]["kind"] == "approval"
    assert steps["ok"]["question"]["text"] == "Publish the draft?"
    assert steps["ok"]["agent_id"] is None and steps["ok"]["capability"] == ""
    assert steps["b"]["status"] == "pending"
    assert gate.received(task_id) == ["a"]  # b waits; no agent was sent the approval

    approved = gate.api.post(
        f"/api/tasks/{task_id}/steps/ok/approve", json={"comment": "looks good"}
    )
    assert approved.status_code == 200, approved.text
    done = wait_for_task(gate.api, task_id, ("completed", "failed"))
    assert done["status"] == "completed", done
    assert gate.received(task_id) == ["a", "b"]
    ok = _steps(done)["ok"]
    assert ok["status"] == "completed"
    assert ok["output"] == "Approved by local: looks good"
    assert ok["output_data"] == {"approved": True, "comment": "looks good"}
    assert ok["reply"]["text"] == "looks good" and ok["reply"]["by"] == "local"
    assert "Approved by" not in str(done["result"])  # a decision, not part of the result

    events = task_events(gate.api, task_id)
    types = [(e["type"], e["step_id"]) for e in events]
    asked = next(e for e in events if e["type"] == "task.input_required")
    assert asked["data"]["step"] == "ok" and asked["data"]["approval"] is True
    assert types.index(("step.input_required", "ok")) < types.index(("step.completed", "ok"))
    assert types.index(("step.completed", "ok")) < types.index(("step.running", "b"))

    again = gate.api.post(f"/api/tasks/{task_id}/steps/ok/approve")
    assert again.status_code == 409 and again.json()["error"]["code"] == "step_not_waiting"


def test_a_rejection_fails_the_task_and_skips_the_steps_after_it(gate: Slow) -> None:
    task_id = _waiting(gate)["id"]
    with Orchestra(gate.orchestrator.url) as client:  # the Python client's call
        with pytest.raises(BadRequest):
            client.reject(task_id, "ok", " ")  # a rejection says why
        client.reject(task_id, "ok", "numbers are off")
        with pytest.raises(Conflict):
            client.approve(task_id, "ok")  # decided already
    done = wait_for_task(gate.api, task_id, ("completed", "failed"))
    assert done["status"] == "failed", done
    assert "Rejected: numbers are off" in done["error"]
    steps = _steps(done)
    assert steps["ok"]["status"] == "failed"
    assert steps["ok"]["error"] == "Rejected: numbers are off"
    assert steps["ok"]["output_data"] == {"approved": False, "comment": "numbers are off"}
    assert steps["b"]["status"] == "skipped"
    assert gate.received(task_id) == ["a"]


def test_an_approval_waits_through_a_crash(gate: Slow) -> None:
    task = _waiting(gate)
    task_id = task["id"]
    gate.orchestrator.kill()  # kill -9 while the task waits
    gate.orchestrator.start()
    after = gate.api.get(f"/api/tasks/{task_id}").json()
    assert after["status"] == "input_required"
    # The workflow, run again, finds the step waiting: it does not ask a second time.
    assert _steps(after)["ok"]["question"] == _steps(task)["ok"]["question"]
    approved = gate.api.post(f"/api/tasks/{task_id}/steps/ok/approve")
    assert approved.status_code == 200, approved.text
    done = wait_for_task(gate.api, task_id, ("completed", "failed"))
    assert done["status"] == "completed", done
    assert _steps(done)["ok"]["output"] == "Approved by local."
    assert gate.received(task_id) == ["a", "b"]  # a was not sent again
    asked = [e for e in task_events(gate.api, task_id) if e["type"] == "step.input_required"]
    assert len(asked) == 1


def test_bad_decisions_are_refused(gate: Slow) -> None:
    task_id = _waiting(gate)["id"]
    api = gate.api
    unknown = api.post("/api/tasks/" + "0" * 32 + "/steps/ok/approve")
    assert unknown.status_code == 404
    no_step = api.post(f"/api/tasks/{task_id}/steps/zz/approve")
    assert no_step.status_code == 422 and no_step.json()["error"]["code"] == "unknown_step"
    agent_step = api.post(f"/api/tasks/{task_id}/steps/b/approve")
    assert agent_step.status_code == 422
    assert agent_step.json()["error"]["code"] == "not_an_approval_step"
    no_reason = api.post(f"/api/tasks/{task_id}/steps/ok/reject", json={"comment": " "})
    assert no_reason.status_code == 422 and no_reason.json()["error"]["code"] == "empty_comment"
    as_reply = api.post(f"/api/tasks/{task_id}/input", json={"step": "ok", "text": "yes"})
    assert as_reply.status_code == 422 and as_reply.json()["error"]["code"] == "approval_step"
    assert api.get(f"/api/tasks/{task_id}").json()["status"] == "input_required"
    assert api.post(f"/api/tasks/{task_id}/cancel").status_code == 200
    wait_for_task(api, task_id, ("canceled",))
    late = api.post(f"/api/tasks/{task_id}/steps/ok/approve")
    assert late.status_code == 409 and late.json()["error"]["code"] == "step_not_waiting"


def test_an_approval_step_takes_no_capability_and_its_kind_must_be_known(gate: Slow) -> None:
    def refused(step: dict[str, Any]) -> str:
        body = {"description": "x", "plan": {"steps": [step]}}
        response = gate.api.post("/api/tasks", json=body)
        assert response.status_code == 422, response.text
        return str(response.json())

    step = {"id": "ok", "title": "OK", "instruction": "go?", "kind": "approval"}
    said = refused({**step, "capability": "wait-a"})
    assert "approval step" in said and "takes no capability" in said
    assert "kind" in refused({**step, "kind": "vote"})
    assert "has no capability" in refused({**step, "kind": "agent"})


def test_a_workflow_s_approval_step_asks_with_its_rendered_instruction(gate: Slow) -> None:
    workflow = {
        "name": "Gated",
        "input_schema": {"type": "object", "properties": {"what": {"type": "string"}}},
        "steps": [
            {"id": "s1", "title": "Draft", "capability": "wait-a", "instruction": "draft"},
            {"id": "ok", "title": "Sign-off", "kind": "approval", "depends_on": ["s1"],
             "instruction": "Publish {{ inputs.what }} ({{ steps.s1.status }})?"},
            {"id": "s2", "title": "Publish", "capability": "wait-b", "instruction": "publish",
             "depends_on": ["ok"]},
        ],
    }  # fmt: skip
    wrong = {**workflow, "steps": [{**workflow["steps"][1], "capability": "wait-a"}]}  # type: ignore[dict-item]
    refused = gate.api.post("/api/workflows", json=wrong)
    assert refused.status_code == 422 and "takes no capability" in refused.text
    saved = gate.api.post("/api/workflows", json=workflow)
    assert saved.status_code == 201, saved.text
    assert saved.json()["steps"][1]["kind"] == "approval"

    started = gate.api.post(
        f"/api/workflows/{saved.json()['id']}/runs", json={"inputs": {"what": "the report"}}
    )
    assert started.status_code == 202, started.text
    task_id = started.json()["id"]
    task = wait_for_task(gate.api, task_id, ("input_required", "completed", "failed"))
    assert task["status"] == "input_required", task
    assert _steps(task)["ok"]["question"]["text"] == "Publish the report (completed)?"
    assert gate.api.post(f"/api/tasks/{task_id}/steps/ok/approve").status_code == 200
    done = wait_for_task(gate.api, task_id, ("completed", "failed"))
    assert done["status"] == "completed", done
    assert _steps(done)["s2"]["status"] == "completed"
