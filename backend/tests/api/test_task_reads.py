"""Reading a task cheaply: ETag and 304, waiting for a change (`?wait=`), submitting and waiting
for the end, and a task read in another process than the one running it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.executor.slow import Slow, wait_until_step_running
from tests.stack import Stack, wait_for_task


def _step(step_id: str, *after: str) -> dict[str, object]:
    return {
        "id": step_id,
        "title": step_id,
        "instruction": f"step {step_id}",
        "capability": "wait-a",
        "depends_on": list(after),
    }


ONE = {"steps": [_step("a")]}
TWO = {"steps": [_step("a"), _step("b", "a")]}


def _settled(api: httpx.Client, task_id: str) -> str:
    """The ETag of the task once its first step runs at the agent (named by it): then
    nothing changes until the step ends."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        response = api.get(f"/api/tasks/{task_id}")
        step = response.json()["steps"][0]
        if step["status"] == "running" and step["remote_task_id"]:
            return str(response.headers["etag"])
        time.sleep(0.05)
    raise TimeoutError(f"the first step of {task_id} never settled")


@pytest.fixture(scope="module")
def slow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slow]:
    """Each step takes 1 s at the agent."""
    running = Slow(tmp_path_factory.mktemp("reads"), 1.0)
    yield running
    running.close()


def test_an_unchanged_task_answers_304_and_a_changed_one_200(slow: Slow) -> None:
    task_id = slow.submit(TWO)
    wait_until_step_running(slow.api, task_id, "a")
    running = slow.api.get(f"/api/tasks/{task_id}")
    assert running.status_code == 200
    etag = running.headers["etag"]
    # The same read through the route (any query string goes there) has the same ETag.
    assert slow.api.get(f"/api/tasks/{task_id}?wait=0").headers["etag"] == etag
    done = wait_for_task(slow.api, task_id, ("completed",))
    again = slow.api.get(f"/api/tasks/{task_id}", headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again.json() == done
    final = again.headers["etag"]
    assert final != etag
    unchanged = slow.api.get(f"/api/tasks/{task_id}", headers={"If-None-Match": final})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged.headers["etag"] == final


def test_wait_answers_as_soon_as_the_task_changes(slow: Slow) -> None:
    task_id = slow.submit(TWO)
    wait_until_step_running(slow.api, task_id, "a")
    seen = slow.api.get(f"/api/tasks/{task_id}")
    etag, task = seen.headers["etag"], seen.json()
    started = time.monotonic()
    answers = 0
    # A client following the task with waits: every answer is a change, none a timeout.
    while task["status"] not in ("completed", "failed"):
        changed = slow.api.get(
            f"/api/tasks/{task_id}?wait=30", headers={"If-None-Match": etag}, timeout=40
        )
        answers += 1
        assert changed.status_code == 200, changed.text
        assert changed.headers["etag"] != etag
        etag, task = changed.headers["etag"], changed.json()
    assert task["status"] == "completed"
    assert time.monotonic() - started < 20, "some answer came at the deadline, not at a change"
    assert answers <= 12


def test_wait_on_a_finished_task_answers_at_once(slow: Slow) -> None:
    task_id = slow.submit(ONE)
    wait_for_task(slow.api, task_id, ("completed",))
    etag = slow.api.get(f"/api/tasks/{task_id}").headers["etag"]
    started = time.monotonic()
    unchanged = slow.api.get(
        f"/api/tasks/{task_id}?wait=30", headers={"If-None-Match": etag}, timeout=40
    )
    assert unchanged.status_code == 304
    assert time.monotonic() - started < 10


def test_wait_gives_up_at_its_deadline_with_the_task_as_it_is(slow: Slow) -> None:
    task_id = slow.submit({"steps": [{**_step("a"), "instruction": "wait 20"}]})
    etag = _settled(slow.api, task_id)
    started = time.monotonic()
    unchanged = slow.api.get(
        f"/api/tasks/{task_id}?wait=0.5", headers={"If-None-Match": etag}, timeout=10
    )
    assert unchanged.status_code == 304
    assert 0.4 < time.monotonic() - started < 5
    slow.api.post(f"/api/tasks/{task_id}/cancel")


def test_submit_and_wait_answers_with_the_finished_task(slow: Slow) -> None:
    body = {"description": "one step", "plan": ONE}
    finished = slow.api.post("/api/tasks?wait=30", json=body, timeout=40)
    assert finished.status_code == 200, finished.text
    assert finished.json()["status"] == "completed"
    assert finished.json()["steps"][0]["status"] == "completed"
    assert finished.headers["location"] == f"/api/tasks/{finished.json()['id']}"
    going = slow.api.post("/api/tasks?wait=0.2", json=body, timeout=10)
    assert going.status_code == 202, going.text
    assert going.json()["status"] in ("pending", "running")


@pytest.mark.parametrize("wait", ["-1", "61", "soon"])
def test_a_bad_wait_is_422(slow: Slow, wait: str) -> None:
    response = slow.api.get(f"/api/tasks/{'0' * 32}?wait={wait}")
    assert response.status_code == 422
    assert "wait" in response.json()["error"]["message"]


def test_an_if_none_match_longer_than_documented_is_422(slow: Slow) -> None:
    task_id = slow.submit(ONE)
    assert slow.api.get(f"/api/tasks/{task_id}").status_code == 200  # its view is kept
    too_long = '"' + "x" * 1000 + '"'
    response = slow.api.get(f"/api/tasks/{task_id}", headers={"If-None-Match": too_long})
    assert response.status_code == 422
    assert "if-none-match" in response.json()["error"]["message"].lower()


@pytest.mark.postgres
def test_a_task_of_another_process_is_read_and_waited_for(
    tmp_path: Path, postgres_url: str
) -> None:
    calls = tmp_path / "calls.txt"
    calls.touch()
    stack = Stack(tmp_path, postgres_url, {"HEALTH_INTERVAL_SECONDS": "60"})
    try:
        agent = stack.add_slow_agent("slow-agent", 1.0, calls).start()
        one = stack.add("orchestrator", key="one").start()
        two = stack.add("orchestrator", key="two").start()
        with (
            httpx.Client(base_url=one.url, timeout=30) as a,
            httpx.Client(base_url=two.url, timeout=40) as b,
        ):
            assert a.post("/api/agents", json={"card_url": agent.url}).status_code == 201
            task_id = a.post("/api/tasks", json={"description": "x", "plan": TWO}).json()["id"]
            # Watched where it runs: the other process trusts what it read for a second
            # (REMOTE_FRESH_SECONDS), as long as the step runs, and could miss it running.
            wait_until_step_running(a, task_id, "a")
            etag = b.get(f"/api/tasks/{task_id}").headers["etag"]
            changed = b.get(f"/api/tasks/{task_id}?wait=30", headers={"If-None-Match": etag})
            assert changed.status_code == 200
            assert changed.headers["etag"] != etag
            done = wait_for_task(b, task_id, ("completed",), timeout=30)
            assert done == a.get(f"/api/tasks/{task_id}").json()
    finally:
        stack.stop()
