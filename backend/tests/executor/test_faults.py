"""Faults at the agent: every one is survived or shows on the task with a reason."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import httpx
import pytest

from tests.executor.slow import Slow
from tests.stack import wait_for_task

ONE_STEP = {"steps": [{"id": "a", "title": "A", "instruction": "step a", "capability": "wait-a"}]}
FAST_RETRY = {"STEP_MAX_ATTEMPTS": "3", "STEP_TIMEOUT_SECONDS": "5"}


@pytest.mark.parametrize("fault", ["http500:1", "drop:1", "garbage:1", "rpcerror:1"])
def test_a_broken_first_answer_is_retried(tmp_path: Path, fault: str) -> None:
    slow = Slow(tmp_path, 0.1, settings=FAST_RETRY, fault=fault)
    try:
        task = wait_for_task(slow.api, slow.submit(ONE_STEP), ("completed", "failed"))
        assert task["status"] == "completed", task
        step = task["steps"][0]  # type: ignore[index]
        assert step["attempts"] == 2
        assert step["output_data"]["step"] == "a"
        instance = slow.api.get("/api/agents").json()["items"][0]["instances"][0]
        assert instance["errors"] == 1 and instance["last_error"]
    finally:
        slow.close()


def test_a_failure_the_agent_marks_retryable_is_retried_as_a_new_run(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 0.1, settings=FAST_RETRY, agent_env={"FLAKY": "a"})
    try:
        task = wait_for_task(slow.api, slow.submit(ONE_STEP), ("completed", "failed"))
        assert task["status"] == "completed", task
        assert task["steps"][0]["attempts"] == 2  # type: ignore[index]
        assert slow.received(str(task["id"])) == ["a", "a"]
    finally:
        slow.close()


def test_an_agent_broken_on_every_attempt_fails_the_task_with_the_reason(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 0.1, settings=FAST_RETRY, fault="http500:100")
    try:
        task = wait_for_task(slow.api, slow.submit(ONE_STEP), ("completed", "failed"))
        assert task["status"] == "failed"
        step = task["steps"][0]  # type: ignore[index]
        assert step["attempts"] == 3
        assert "3 attempts failed" in step["error"] and "500" in step["error"]
        assert "Step a" in str(task["error"])
    finally:
        slow.close()


def test_a_hanging_agent_times_out(tmp_path: Path) -> None:
    settings = {"STEP_MAX_ATTEMPTS": "2", "STEP_TIMEOUT_SECONDS": "1"}
    slow = Slow(tmp_path, 30.0, settings=settings)
    try:
        task = wait_for_task(slow.api, slow.submit(ONE_STEP), ("completed", "failed"), timeout=30)
        assert task["status"] == "failed"
        error = task["steps"][0]["error"]  # type: ignore[index]
        assert "no final answer within 1 s" in error
    finally:
        slow.close()


def test_an_agent_that_disappears_mid_step_is_retried_elsewhere(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 2.0, settings=FAST_RETRY)
    try:
        second = slow.stack.add_slow_agent("slow-2", 2.0, slow.calls, name="slow-agent")
        second.start()
        response = slow.api.post("/api/agents", json={"card_url": second.url})
        assert response.status_code == 201 and len(response.json()["instances"]) == 2
        task_id = slow.submit(ONE_STEP)
        # Wait until the step is on the slow instance, then kill that instance.
        deadline = time.monotonic() + 20
        victim = None
        while victim is None and time.monotonic() < deadline:
            step = slow.api.get(f"/api/tasks/{task_id}").json()["steps"]
            if step and step[0]["status"] == "running" and step[0]["instance_id"]:
                victim = step[0]["instance_id"]
            time.sleep(0.05)
        instances = {i["id"]: i for i in _instances(slow.api)}
        url = instances[str(victim)]["card_url"]
        (slow.agent if slow.agent.url in url else second).kill()
        task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=30)
        assert task["status"] == "completed", task
        step = task["steps"][0]  # type: ignore[index]
        assert step["attempts"] == 2 and step["instance_id"] != victim
    finally:
        slow.close()


def test_an_agent_quiet_for_longer_than_a_call_timeout_is_waited_for(tmp_path: Path) -> None:
    """A step may stay silent (an LLM call, say) as long as its deadline allows.

    The HTTP client's call timeout bounds requests such as card fetches and health probes;
    applied to the stream it would end a quiet step as a transport error, cost an attempt
    and mark a working instance unhealthy.
    """
    settings = {"AGENT_CALL_TIMEOUT_SECONDS": "1", "STEP_TIMEOUT_SECONDS": "30"}
    slow = Slow(tmp_path, 0.1, settings=settings)
    try:
        quiet = {
            "steps": [{"id": "a", "title": "A", "instruction": "wait 3", "capability": "wait-a"}]
        }
        task = wait_for_task(slow.api, slow.submit(quiet), ("completed", "failed"), timeout=30)
        assert task["status"] == "completed", task
        assert task["steps"][0]["attempts"] == 1  # type: ignore[index]
        [instance] = _instances(slow.api)
        assert instance["health"] == "healthy" and instance["errors"] == 0, instance
    finally:
        slow.close()


def test_health_probe_marks_a_dead_instance_and_brings_it_back(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 0.1, settings={"HEALTH_INTERVAL_SECONDS": "0.3"})
    try:
        slow.agent.kill()
        _wait_health(slow.api, "unhealthy")
        slow.agent.start()
        _wait_health(slow.api, "healthy")
        task = wait_for_task(slow.api, slow.submit(ONE_STEP), ("completed", "failed"))
        assert task["status"] == "completed"
    finally:
        slow.close()


def test_concurrency_per_agent_is_capped(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 0.4, settings={"AGENT_CONCURRENCY": "1"})
    try:
        plan = {
            "steps": [
                {"id": k, "title": k, "instruction": k, "capability": "wait-a"} for k in "xyz"
            ]
        }
        task = wait_for_task(slow.api, slow.submit(plan), ("completed", "failed"))
        assert task["status"] == "completed"
        spans = sorted((s["started_at"], s["finished_at"]) for s in task["steps"])  # type: ignore[attr-defined]
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start >= end, f"steps overlapped with AGENT_CONCURRENCY=1: {spans}"
    finally:
        slow.close()


def _instances(api: httpx.Client) -> list[dict[str, object]]:
    return [i for a in api.get("/api/agents").json()["items"] for i in a["instances"]]


def _wait_health(api: httpx.Client, health: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(i["health"] == health for i in _instances(api)):
            return
        time.sleep(0.1)
    raise TimeoutError(f"instances never became {health}: {_instances(api)}")


@pytest.mark.postgres
def test_database_connections_cut_mid_task(tmp_path: Path, postgres_url: str) -> None:
    """Every connection to the database is killed while steps run: the task still completes."""
    import psycopg

    from tests.conftest import PG_ADMIN
    from tests.executor.slow import DIAMOND, wait_until_step_running

    slow = Slow(tmp_path, 1.0, database_url=postgres_url)
    try:
        task_id = slow.submit(DIAMOND)
        wait_until_step_running(slow.api, task_id, "b")
        name = postgres_url.rsplit("/", 1)[1]
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            cut = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            ).fetchone()
        assert cut and cut[0] > 0
        task = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
        assert task["status"] == "completed", task
        assert sorted(slow.received(task_id)) == ["a", "b", "c", "d"]
    finally:
        slow.close()
