"""Replanning: a step that failed for good has its work planned again, within MAX_REPLANS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.executor.slow import Slow
from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import task_events, wait_for_task

FAST = {"STEP_MAX_ATTEMPTS": "2", "STEP_TIMEOUT_SECONDS": "5"}
A_THEN_B = {
    "steps": [
        {"id": "a", "title": "A", "instruction": "step a", "capability": "wait-a"},
        {
            "id": "b",
            "title": "B",
            "instruction": "step b",
            "capability": "wait-b",
            "depends_on": ["a"],
        },
    ]
}


def _with_backup(tmp_path: Path, fail: tuple[str, ...], settings: dict[str, str]) -> Slow:
    """Two agents offering the same capabilities, both failing the steps in `fail`."""
    slow = Slow(tmp_path, 0.05, fail=fail, settings={**FAST, **settings})
    backup = slow.stack.add_slow_agent("backup", 0.05, tmp_path / "backup.txt", fail)
    (tmp_path / "backup.txt").touch()
    backup.start()
    response = slow.api.post("/api/agents", json={"card_url": backup.url})
    assert response.status_code == 201, response.text
    return slow


def _steps(task: dict[str, object]) -> dict[str, dict[str, object]]:
    return {s["id"]: s for s in task["steps"]}  # type: ignore[attr-defined]


def test_a_failed_step_is_replanned_on_another_agent_and_the_task_completes(
    tmp_path: Path,
) -> None:
    slow = _with_backup(tmp_path, ("b",), {})
    try:
        task_id = slow.submit(A_THEN_B)
        task = wait_for_task(slow.api, task_id, ("completed", "failed"))
        assert task["status"] == "completed", task
        steps = _steps(task)
        # The failed step stays failed in the task's history; its work was done again.
        assert steps["a"]["status"] == "completed"
        assert steps["b"]["status"] == "failed"
        again = steps["r1-b"]
        assert again["status"] == "completed"
        assert again["depends_on"] == ["a"]  # the completed step is its input, not redone
        assert again["agent"] != steps["b"]["agent"]
        received = slow.received(task_id) + [
            line.split()[1]
            for line in (tmp_path / "backup.txt").read_text().splitlines()
            if line.startswith(task_id)
        ]
        assert received.count("a") == 1

        plans = slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"]
        assert [p["version"] for p in plans] == [1, 2]
        assert [s["id"] for s in plans[0]["plan"]["steps"]] == ["a", "b"]
        assert plans[1]["planner"] == "offline"
        assert plans[1]["reason"].startswith("Step b (wait-b, B) failed:")
        assert [s["id"] for s in plans[1]["plan"]["steps"]] == ["r1-b"]
        replanned = [e for e in task_events(slow.api, task_id) if e["type"] == "task.replanned"]
        assert len(replanned) == 1
        assert replanned[0]["data"]["version"] == 2  # type: ignore[index]
        assert replanned[0]["data"]["replaces"] == ["b"]  # type: ignore[index]
    finally:
        slow.close()


def test_with_max_replans_zero_the_task_fails_as_before(tmp_path: Path) -> None:
    slow = _with_backup(tmp_path, ("b",), {"MAX_REPLANS": "0"})
    try:
        task_id = slow.submit(A_THEN_B)
        task = wait_for_task(slow.api, task_id, ("completed", "failed"))
        assert task["status"] == "failed"
        assert set(_steps(task)) == {"a", "b"}
        assert "Step b" in str(task["error"]) and "replanned" not in str(task["error"])
        assert slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"] == []
        missing = slow.api.get("/api/tasks/nosuchtask/plans")
        assert missing.status_code == 404
        assert missing.json()["error"]["code"] == "task_not_found"
    finally:
        slow.close()


def test_a_replan_that_fails_again_fails_the_task_once_the_replans_are_spent(
    tmp_path: Path,
) -> None:
    slow = _with_backup(tmp_path, ("b", "r1-b"), {"MAX_REPLANS": "1"})
    try:
        task_id = slow.submit(A_THEN_B)
        task = wait_for_task(slow.api, task_id, ("completed", "failed"))
        assert task["status"] == "failed"
        steps = _steps(task)
        assert set(steps) == {"a", "b", "r1-b"}  # one replan, no second
        assert steps["r1-b"]["status"] == "failed"
        assert "Step r1-b" in str(task["error"])
        versions = slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"]
        assert len(versions) == 2
    finally:
        slow.close()


def test_with_one_agent_there_is_no_other_plan_and_the_task_says_so(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 0.05, fail=("b",), settings=FAST)
    try:
        task_id = slow.submit(A_THEN_B)
        task = wait_for_task(slow.api, task_id, ("completed", "failed"))
        assert task["status"] == "failed"
        assert set(_steps(task)) == {"a", "b"}
        error = str(task["error"])
        assert error.startswith("Step b (wait-b, B) failed:")
        assert "not replanned: no other plan: no agent other than slow-agent" in error
        refused = [e for e in task_events(slow.api, task_id) if e["type"] == "task.not_replanned"]
        assert len(refused) == 1
    finally:
        slow.close()


def _llm(provider: FakeProvider) -> dict[str, str]:
    return {
        "LLM_PROVIDER": "openai",
        "LLM_MODEL": "fake-model",
        "OPENAI_API_KEY": "test-key",
        "OPENAI_BASE_URL": f"{provider.url}/v1",
        "LLM_MAX_RETRIES": "0",
    }


def _replan(capability: str) -> dict[str, object]:
    return {
        "steps": [
            {
                "id": "s1",
                "title": "B another way",
                "instruction": "step b, done with capability c",
                "capability": capability,
                "depends_on": ["a"],
            }
        ]
    }


def test_the_llm_replans_the_remaining_work_and_its_plan_is_run(tmp_path: Path) -> None:
    with FakeProvider() as provider:
        provider.script(
            Reply(tool_args=_replan("wait-c"), tokens=(40, 10)),  # the replan
            Reply(content="Both parts are done."),  # the task's result
        )
        slow = Slow(tmp_path, 0.05, fail=("b",), settings={**FAST, **_llm(provider)})
        try:
            task_id = slow.submit(A_THEN_B)
            task = wait_for_task(slow.api, task_id, ("completed", "failed"))
            assert task["status"] == "completed", task
            steps = _steps(task)
            assert steps["b"]["status"] == "failed"
            assert steps["r1-s1"]["capability"] == "wait-c"
            assert steps["r1-s1"]["status"] == "completed"
            assert steps["r1-s1"]["depends_on"] == ["a"]
            versions = slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"]
            assert versions[1]["planner"] == "llm"
            # The replan's tokens are the task's own, counted under the planner's profile.
            assert task["tokens_in"] >= 40 and sum(u["tokens_in"] for u in task["usage"]) >= 40
        finally:
            slow.close()
        prompt = provider.chat_requests[0].prompt
        assert "Completed steps" in prompt and "- a [wait-a] A:" in prompt
        assert "Failed steps:" in prompt and "step b was told to fail" in prompt


def test_an_invalid_replan_from_the_llm_fails_the_task_with_the_reason(tmp_path: Path) -> None:
    with FakeProvider() as provider:
        provider.script(Reply(tool_args=_replan("teleport")))
        slow = Slow(tmp_path, 0.05, fail=("b",), settings={**FAST, **_llm(provider)})
        try:
            task_id = slow.submit(A_THEN_B)
            task = wait_for_task(slow.api, task_id, ("completed", "failed"))
            assert task["status"] == "failed"
            assert set(_steps(task)) == {"a", "b"}
            error = str(task["error"])
            assert "not replanned: the replanned plan is invalid:" in error
            assert "teleport" in error
            assert slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"] == []
        finally:
            slow.close()


# b uses a's data, and c b's (its instruction, its condition, its mapped values): after a
# replan, r1-c must read r1-b's result where the workflow says `steps.b`, and so must outputs.
WORKFLOW: dict[str, Any] = {
    "name": "replanned chain",
    "steps": [
        {"id": "a", "title": "A", "capability": "wait-a", "instruction": "wait 0.05"},
        {"id": "b", "title": "B", "capability": "wait-b", "depends_on": ["a"],
         "instruction": "wait 0.05 after {{ steps.a.data.step }}"},
        {"id": "c", "title": "C", "capability": "wait-c", "depends_on": ["b"],
         "instruction": "wait 0.05 after {{ steps.b.data.step }}",
         "condition": "steps.b.data.step == 'r1-b'", "inputs": {"seen": "steps.b.data.step"}},
    ],
    "outputs": {"b": "steps.b.data.step", "c": "steps.c.data.given"},
}  # fmt: skip


def _run_workflow(slow: Slow, definition: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    saved = slow.api.post("/api/workflows", json=definition)
    assert saved.status_code == 201, saved.text
    run = slow.api.post(f"/api/workflows/{saved.json()['id']}/runs", json={"inputs": {}})
    assert run.status_code == 202, run.text
    return str(run.json()["id"]), saved.json()


def test_a_workflow_run_is_not_replanned_unless_its_workflow_says_so(tmp_path: Path) -> None:
    slow = _with_backup(tmp_path, ("b",), {})
    try:
        task_id, saved = _run_workflow(slow, WORKFLOW)
        assert saved["replan"] is False
        task = wait_for_task(slow.api, task_id, ("completed", "failed"))
        assert task["status"] == "failed", task
        assert set(_steps(task)) == {"a", "b", "c"}
        assert "replanned" not in str(task["error"])
        assert slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"] == []
    finally:
        slow.close()


def test_a_workflow_that_says_replan_has_its_failed_step_replanned_and_completes(
    tmp_path: Path,
) -> None:
    slow = _with_backup(tmp_path, ("b",), {})
    try:
        task_id, saved = _run_workflow(slow, {**WORKFLOW, "replan": True})
        assert saved["replan"] is True
        task = wait_for_task(slow.api, task_id, ("completed", "failed"))
        assert task["status"] == "completed", task
        steps = _steps(task)
        assert (steps["b"]["status"], steps["c"]["status"]) == ("failed", "skipped")
        assert steps["r1-b"]["status"] == "completed"
        assert steps["r1-b"]["instruction"] == "wait 0.05 after a"
        # c's work, replanned, is prepared as c: its template, condition and mapping read
        # the replanned b where the workflow says `steps.b`.
        again = steps["r1-c"]
        assert again["status"] == "completed", again
        assert again["depends_on"] == ["r1-b"]
        assert again["instruction"] == "wait 0.05 after r1-b"
        assert task["result_data"]["outputs"] == {"b": "r1-b", "c": {"seen": "r1-b"}}
        versions = slow.api.get(f"/api/tasks/{task_id}/plans").json()["items"]
        assert [s["id"] for s in versions[1]["plan"]["steps"]] == ["r1-b", "r1-c"]
    finally:
        slow.close()
