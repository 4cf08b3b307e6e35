"""Task callbacks through real processes: an orchestrator, the slow test agent, and a real
HTTP receiver that answers as each test scripts it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from orchestra.client import InvalidSignature, verify_callback
from tests.executor.slow import Slow
from tests.stack import wait_for_task
from tests.support.receiver import HANG, Receiver

ONE_STEP = {"steps": [{"id": "a", "title": "A", "instruction": "step a", "capability": "wait-a"}]}
# Quick retries, a short give-up time, and a short wait for a hanging receiver.
SETTINGS = {
    "CALLBACK_BACKOFF_SECONDS": "0.2",
    "CALLBACK_RETRY_SECONDS": "3",
    "CALLBACK_TIMEOUT_SECONDS": "1",
}


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.close()


@pytest.fixture(scope="module")
def orchestra(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slow]:
    running = Slow(tmp_path_factory.mktemp("callbacks"), 0.1, settings=SETTINGS)
    yield running
    running.close()


def submit(api: httpx.Client, callback_url: str) -> str:
    body = {"description": "one step", "plan": ONE_STEP, "callback_url": callback_url}
    response = api.post("/api/tasks", json=body)
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


def settled(api: httpx.Client, task_id: str, timeout: float = 30.0) -> dict[str, Any]:
    """The task's delivery once it is delivered or undelivered (bounded polling)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = api.get(f"/api/tasks/{task_id}/deliveries").json()["items"]
        if items and items[0]["status"] != "pending":
            return dict(items[0])
        time.sleep(0.05)
    raise TimeoutError(f"the delivery of {task_id} never settled: {items}")


def test_a_callback_refused_once_is_retried_then_delivered_signed(
    orchestra: Slow, receiver: Receiver
) -> None:
    api = orchestra.api
    task_id = submit(api, receiver.url("flaky", [500, 200]))
    task = wait_for_task(api, task_id, ("completed", "failed"))
    assert task["status"] == "completed"
    first, second = receiver.wait_for("flaky", 2)
    delivery = settled(api, task_id)
    assert delivery["status"] == "delivered"
    assert delivery["attempts"] == 2 and delivery["last_status_code"] == 200
    assert delivery["delivered_at"] and delivery["last_error"] is None
    # The body is the finished task as the API shows it.
    assert json.loads(second.body) == api.get(f"/api/tasks/{task_id}").json()
    assert second.headers["Orchestra-Task-Id"] == task_id
    assert [first.headers["Orchestra-Attempt"], second.headers["Orchestra-Attempt"]] == ["1", "2"]
    key = api.get("/api/auth/callback-key").json()["key"]
    assert verify_callback(key, second.headers, second.body) > 0
    with pytest.raises(InvalidSignature, match="does not match"):
        verify_callback(key, second.headers, second.body.replace(b"completed", b"failed"))
    assert len(receiver.of("flaky")) == 2  # delivered: not sent again


@pytest.mark.parametrize("answer", [500, HANG])
def test_a_receiver_that_never_takes_it_leaves_it_undelivered_and_the_task_as_it_was(
    orchestra: Slow, receiver: Receiver, answer: int | str
) -> None:
    name = f"broken-{answer}"
    task_id = submit(orchestra.api, receiver.url(name, [answer]))
    delivery = settled(orchestra.api, task_id)
    assert delivery["status"] == "undelivered"
    assert delivery["attempts"] >= 2 and len(receiver.of(name)) == delivery["attempts"]
    assert "given up after" in delivery["last_error"]
    assert ("HTTP 500" if answer == 500 else "no answer within 1 s") in delivery["last_error"]
    assert orchestra.api.get(f"/api/tasks/{task_id}").json()["status"] == "completed"


def test_a_4xx_is_given_up_at_once_with_the_reason(orchestra: Slow, receiver: Receiver) -> None:
    task_id = submit(orchestra.api, receiver.url("gone", [404]))
    delivery = settled(orchestra.api, task_id)
    assert delivery["status"] == "undelivered" and delivery["attempts"] == 1
    assert delivery["last_status_code"] == 404
    assert "not tried again" in delivery["last_error"]


def test_a_workflow_run_carries_a_callback(orchestra: Slow, receiver: Receiver) -> None:
    definition = {"name": "one wait", "steps": ONE_STEP["steps"]}
    saved = orchestra.api.post("/api/workflows", json=definition)
    assert saved.status_code == 201, saved.text
    body = {"inputs": {}, "callback_url": receiver.url("run", [200])}
    response = orchestra.api.post(f"/api/workflows/{saved.json()['id']}/runs", json=body)
    assert response.status_code == 202, response.text
    run_id = response.json()["id"]
    assert settled(orchestra.api, run_id)["status"] == "delivered"
    (received,) = receiver.of("run")
    assert json.loads(received.body)["id"] == run_id


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://169.254.169.254/latest/meta-data", "callback_url_not_allowed"),
        ("http://10.1.2.3/hook", "callback_url_not_allowed"),
        ("ftp://127.0.0.1/hook", "invalid_callback_url"),
    ],
)
def test_a_callback_url_orchestra_may_not_call_is_refused_at_submit(
    orchestra: Slow, url: str, code: str
) -> None:
    for path, body in (
        ("/api/tasks", {"description": "one step", "plan": ONE_STEP, "callback_url": url}),
        ("/api/workflows/unknown/runs", {"inputs": {}, "callback_url": url}),
    ):
        if path.startswith("/api/workflows"):
            saved = orchestra.api.post("/api/workflows", json={"name": "w", **ONE_STEP})
            path = f"/api/workflows/{saved.json()['id']}/runs"
        response = orchestra.api.post(path, json=body)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["code"] == code and error["details"]["field"] == "callback_url"
        assert "callback_url" in error["message"]


def test_deliveries_are_the_owners_only(orchestra: Slow, receiver: Receiver) -> None:
    task_id = submit(orchestra.api, receiver.url("mine", [200]))
    settled(orchestra.api, task_id)
    missing = orchestra.api.get("/api/tasks/no-such-task/deliveries")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "task_not_found"


@pytest.mark.parametrize("dbos_lost", [False, True], ids=["resumed", "restarted_from_record"])
def test_a_crash_after_the_end_delivers_after_restart(tmp_path: Path, dbos_lost: bool) -> None:
    """Killed while its callback hangs at the receiver, the orchestrator delivers it after it
    starts again: its DBOS workflow resumes, or, when DBOS never recorded it (lost here with
    DBOS's whole database), it is started again from the delivery's own record."""
    receiver = Receiver()
    slow = Slow(tmp_path, 0.1, settings={**SETTINGS, "CALLBACK_RETRY_SECONDS": "600"})
    try:
        task_id = submit(slow.api, receiver.url("crash", [HANG]))
        receiver.wait_for("crash", 1)
        slow.orchestrator.kill()
        if dbos_lost:
            for path in tmp_path.glob("dbos.sqlite*"):
                path.unlink()
        receiver.answer("crash", [200])
        slow.orchestrator.start()
        delivery = settled(slow.api, task_id, timeout=60)
        assert delivery["status"] == "delivered", delivery
        assert slow.api.get(f"/api/tasks/{task_id}").json()["status"] == "completed"
    finally:
        slow.close()
        receiver.close()


@pytest.mark.postgres
def test_a_callback_is_recorded_and_delivered_on_postgresql(
    tmp_path: Path, postgres_url: str
) -> None:
    receiver = Receiver()
    slow = Slow(tmp_path, 0.1, settings=SETTINGS, database_url=postgres_url)
    try:
        task_id = submit(slow.api, receiver.url("pg", [500, 200]))
        delivery = settled(slow.api, task_id)
        assert delivery["status"] == "delivered" and delivery["attempts"] == 2
    finally:
        slow.close()
        receiver.close()
