"""Workflow runs on the durable executor: crash and resume, cancel, and a step's own limits,
with the controllable slow agent."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.executor.slow import Slow, wait_until_step_running
from tests.stack import wait_for_task

# a -> b -> c: b's instruction uses a's data, so it is rendered when b is sent; c runs only
# if b reported what it was told.
CHAIN: dict[str, Any] = {
    "name": "chain",
    "input_schema": {
        "type": "object",
        "properties": {"pause": {"type": "number", "default": 0.1}},
    },
    "steps": [
        {"id": "a", "title": "A", "capability": "wait-a", "instruction": "wait {{ inputs.pause }}"},
        {"id": "b", "title": "B", "capability": "wait-b", "depends_on": ["a"],
         "instruction": "wait 2 after {{ steps.a.data.step }}"},
        {"id": "c", "title": "C", "capability": "wait-c", "depends_on": ["b"],
         "instruction": "wait 0.1", "condition": "steps.b.data.inputs == ['a']"},
        {"id": "d", "title": "D", "capability": "wait-a", "depends_on": ["b"],
         "instruction": "wait 0.1", "condition": "steps.b.data.step == 'nothing'"},
    ],
    "outputs": {"b_saw": "steps.b.data.inputs", "d": "steps.d.data"},
}  # fmt: skip


# "each" waits as long as each item of the input says; "join" names the items it read.
PER_ITEM: dict[str, Any] = {
    "name": "per item",
    "input_schema": {
        "type": "object",
        "properties": {"pauses": {"type": "array", "items": {"type": "number"}}},
    },
    "steps": [
        {"id": "each", "title": "Each", "capability": "wait-a",
         "for_each": "inputs.pauses", "instruction": "wait {{ item }} ({{ index }})"},
        {"id": "join", "title": "Join", "capability": "wait-b", "depends_on": ["each"],
         "instruction": "wait 0.1 after "
                        "{{ steps.each.data | map(attribute='step') | join(' ') }}"},
    ],
    "outputs": {"order": "steps.each.data"},
}  # fmt: skip


def _start(slow: Slow, definition: dict[str, Any], inputs: dict[str, Any]) -> str:
    saved = slow.api.post("/api/workflows", json=definition)
    assert saved.status_code == 201, saved.text
    run = slow.api.post(f"/api/workflows/{saved.json()['id']}/runs", json={"inputs": inputs})
    assert run.status_code == 202, run.text
    return str(run.json()["id"])


@pytest.mark.parametrize("slow", [(0.1, ())], indirect=True)
def test_kill_9_mid_run_then_restart_completes_the_run(slow: Slow) -> None:
    task_id = _start(slow, CHAIN, {})
    wait_until_step_running(slow.api, task_id, "b")
    slow.orchestrator.kill()
    slow.orchestrator.start()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
    assert task["status"] == "completed", task
    steps = {s["id"]: s for s in task["steps"]}
    assert steps["b"]["instruction"] == "wait 2 after a"
    assert (steps["c"]["status"], steps["d"]["status"]) == ("completed", "skipped")
    received = slow.received(task_id)
    assert received.count("a") == 1, received  # finished before the crash: never sent again
    assert received.count("c") == 1 and "d" not in received, received
    assert task["result_data"]["outputs"] == {"b_saw": ["a"], "d": None}


@pytest.mark.parametrize("slow", [(0.1, ())], indirect=True)
def test_a_run_is_canceled_as_any_task(slow: Slow) -> None:
    task_id = _start(slow, CHAIN, {"pause": 30})
    wait_until_step_running(slow.api, task_id, "a")
    deadline = time.monotonic() + 10
    while not slow.received(task_id):  # at the agent, not only marked running
        assert time.monotonic() < deadline, "step a never reached the agent"
        time.sleep(0.05)
    response = slow.api.post(f"/api/tasks/{task_id}/cancel")
    assert response.status_code == 200, response.text
    task = wait_for_task(slow.api, task_id, ("canceled",))
    assert {s["status"] for s in task["steps"]} == {"canceled"}
    assert slow.received(task_id) == ["a"]


@pytest.mark.parametrize("slow", [(0.1, ())], indirect=True)
def test_a_step_s_own_timeout_and_attempts_apply_to_it(slow: Slow) -> None:
    definition = {
        "name": "hurried",
        "steps": [
            {"id": "a", "title": "A", "capability": "wait-a", "instruction": "wait 20",
             "timeout_seconds": 0.5, "max_attempts": 1},
        ],
    }  # fmt: skip
    task_id = _start(slow, definition, {})
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=15)
    assert task["status"] == "failed", task
    step = task["steps"][0]
    assert step["attempts"] == 1
    assert "1 attempts failed" in step["error"] and "within 0.5 s" in step["error"], step


def test_a_fanned_out_step_runs_per_item_in_parallel_within_the_agent_cap(
    tmp_path: Path,
) -> None:
    slow = Slow(tmp_path, 0.1, settings={"AGENT_CONCURRENCY": "2"})
    try:
        definition = PER_ITEM
        pauses = [1.0, 0.6, 0.8, 0.2]
        task_id = _start(slow, definition, {"pauses": pauses})
        task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
        assert task["status"] == "completed", task
        steps = {s["id"]: s for s in task["steps"]}
        ids = [f"each#{i}" for i in range(len(pauses))]
        assert list(steps) == [*ids, "join"]
        assert [steps[i]["instruction"] for i in ids] == [
            f"wait {p} ({n})" for n, p in enumerate(pauses)
        ]
        assert steps["join"]["depends_on"] == ids
        # The join sees the items' results in the items' order, whatever order they ended in.
        assert steps["join"]["instruction"] == "wait 0.1 after " + " ".join(ids)
        assert [d["step"] for d in task["result_data"]["outputs"]["order"]] == ids
        # Two at once at most (AGENT_CONCURRENCY=2), and two at once at some point.
        spans = [(steps[i]["started_at"], steps[i]["finished_at"]) for i in ids]
        points = sorted(
            [(datetime.fromisoformat(a), 1) for a, _ in spans]
            + [(datetime.fromisoformat(b), -1) for _, b in spans]
        )
        running = peak = 0
        for _, delta in points:
            running += delta
            peak = max(peak, running)
        assert peak == 2, spans
    finally:
        slow.close()


@pytest.mark.parametrize("slow", [(0.1, ())], indirect=True)
def test_a_crash_mid_fan_out_resumes_without_resending_finished_items(slow: Slow) -> None:
    definition = PER_ITEM
    # Two quick items end before the crash; three slow ones are in flight or waiting.
    pauses = [0.1, 0.1, 3.0, 3.0, 3.0]
    task_id = _start(slow, definition, {"pauses": pauses})
    deadline = time.monotonic() + 30
    while slow.received(task_id).count("each#0") + slow.received(task_id).count("each#1") < 2:
        assert time.monotonic() < deadline, slow.received(task_id)
        time.sleep(0.05)
    ended: list[str] = []
    while len(ended) < 2:
        task = slow.api.get(f"/api/tasks/{task_id}").json()
        ended = [s["id"] for s in task["steps"] if s["status"] == "completed"]
        assert time.monotonic() < deadline, task
        time.sleep(0.05)
    slow.orchestrator.kill()
    slow.orchestrator.start()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=90)
    assert task["status"] == "completed", task
    received = slow.received(task_id)
    attempts = {s["id"]: s["attempts"] for s in task["steps"]}
    for item in ended:  # finished before the crash: never sent again
        assert received.count(item) == 1, received
        assert attempts[item] == 1, attempts
    ids = [f"each#{i}" for i in range(len(pauses))]
    assert all(received.count(i) >= 1 for i in ids), received
    join = next(s for s in task["steps"] if s["id"] == "join")
    assert join["instruction"] == "wait 0.1 after " + " ".join(ids)
    assert received.count("join") == 1, received


# "src" sends back the pauses it is given (the slow agent returns its mapped values as
# `given`); "each" runs once per item of that list, known only once "src" has ended.
OVER_DATA: dict[str, Any] = {
    "name": "per item of a step's data",
    "input_schema": {"type": "object", "properties": {"pauses": {}}},
    "steps": [
        {"id": "src", "title": "Source", "capability": "wait-b", "instruction": "wait 0.1",
         "inputs": {"pauses": "inputs.pauses"}},
        {"id": "each", "title": "Each", "capability": "wait-a", "depends_on": ["src"],
         "for_each": "steps.src.data.given.pauses", "instruction": "wait {{ item }} ({{ index }})"},
        {"id": "join", "title": "Join", "capability": "wait-c", "depends_on": ["each"],
         "instruction": "wait 0.1 after "
                        "{{ steps.each.data | map(attribute='step') | join(' ') }}"},
    ],
    "outputs": {"order": "steps.each.data"},
}  # fmt: skip


def test_a_step_runs_per_item_of_an_earlier_step_s_data(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 0.1, settings={"AGENT_CONCURRENCY": "2"})
    try:
        wrong = {**OVER_DATA, "steps": [dict(s) for s in OVER_DATA["steps"]]}
        wrong["steps"][1]["for_each"] = "steps.nope.data.pauses"
        refused = slow.api.post("/api/workflows", json=wrong)
        assert refused.status_code == 422, refused.text
        errors = refused.json()["error"]["details"]["errors"]
        assert [e["field"] for e in errors] == ["steps.1.for_each"], errors

        pauses = [0.8, 0.2, 0.6, 0.2]
        task_id = _start(slow, OVER_DATA, {"pauses": pauses})
        task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
        assert task["status"] == "completed", task
        steps = {s["id"]: s for s in task["steps"]}
        ids = [f"each#{i}" for i in range(len(pauses))]
        assert list(steps) == ["src", "each", "join", *ids]
        assert steps["each"]["kind"] == "fan_out" and steps["each"]["status"] == "completed"
        assert [steps[i]["instruction"] for i in ids] == [
            f"wait {p} ({n})" for n, p in enumerate(pauses)
        ]
        # The join sees the items' results in the items' order, whatever order they ended in.
        assert steps["join"]["instruction"] == "wait 0.1 after " + " ".join(ids)
        assert [d["step"] for d in task["result_data"]["outputs"]["order"]] == ids
        assert slow.received(task_id).count("each") == 0  # the step itself calls no agent
        assert {steps[i]["attempts"] for i in ids} == {1}  # each started once
        spans = [(steps[i]["started_at"], steps[i]["finished_at"]) for i in ids]
        points = sorted(
            [(datetime.fromisoformat(a), 1) for a, _ in spans]
            + [(datetime.fromisoformat(b), -1) for _, b in spans]
        )
        running = peak = 0
        for _, delta in points:
            running += delta
            peak = max(peak, running)
        assert peak == 2, spans  # within AGENT_CONCURRENCY, and in parallel

        # No item: the step is skipped, and the join reads an empty list.
        task_id = _start(slow, OVER_DATA, {"pauses": []})
        task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
        assert task["status"] == "completed", task
        steps = {s["id"]: s for s in task["steps"]}
        assert list(steps) == ["src", "each", "join"]
        assert (steps["each"]["status"], steps["join"]["status"]) == ("skipped", "completed")
        assert steps["join"]["instruction"] == "wait 0.1 after "
        assert task["result_data"]["outputs"] == {"order": []}

        # Not a list: the step fails, saying so, and the task with it.
        task_id = _start(slow, OVER_DATA, {"pauses": "soon"})
        task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
        assert task["status"] == "failed", task
        each = next(s for s in task["steps"] if s["id"] == "each")
        assert each["status"] == "failed"
        assert "steps.src.data.given.pauses is str, not a list" in each["error"], each
        assert "join" not in slow.received(task_id)
    finally:
        slow.close()


@pytest.mark.parametrize("slow", [(0.1, ())], indirect=True)
def test_a_crash_mid_fan_out_over_a_step_s_data_resends_no_finished_item(slow: Slow) -> None:
    # Two quick items end before the crash; three slow ones are in flight or waiting.
    pauses = [0.1, 0.1, 3.0, 3.0, 3.0]
    task_id = _start(slow, OVER_DATA, {"pauses": pauses})
    deadline = time.monotonic() + 30
    ended: list[str] = []
    while len(ended) < 2:
        task = slow.api.get(f"/api/tasks/{task_id}").json()
        ended = [s["id"] for s in task["steps"] if "#" in s["id"] and s["status"] == "completed"]
        assert time.monotonic() < deadline, task
        time.sleep(0.05)
    slow.orchestrator.kill()
    slow.orchestrator.start()
    task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=90)
    assert task["status"] == "completed", task
    received = slow.received(task_id)
    attempts = {s["id"]: s["attempts"] for s in task["steps"]}
    for item in ended:  # finished before the crash: never sent again
        assert received.count(item) == 1, received
        assert attempts[item] == 1, attempts
    ids = [f"each#{i}" for i in range(len(pauses))]
    assert [s["id"] for s in task["steps"]] == ["src", "each", "join", *ids]  # made once
    assert all(received.count(i) >= 1 for i in ids), received
    assert received.count("src") == 1 and received.count("join") == 1, received
    join = next(s for s in task["steps"] if s["id"] == "join")
    assert join["instruction"] == "wait 0.1 after " + " ".join(ids)
    assert [d["step"] for d in task["result_data"]["outputs"]["order"]] == ids
