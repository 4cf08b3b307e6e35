"""The hop limit of nested orchestrators: two orchestrators registered as each other's
agents, a task that would go round between them forever, between real processes."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.stack import Stack, wait_for_task

#: The whole round trip (four tasks deep and back) ends within this.
TIMEOUT = 60.0


def _task(url: str, task_id: str) -> dict[str, object]:
    with httpx.Client(base_url=url, timeout=30) as api:
        found: dict[str, object] = api.get(f"/api/tasks/{task_id}").json()
        return found


# Two orchestrators start in it, on a machine that may be busy.
@pytest.mark.timeout(300)
def test_orchestrators_registered_to_each_other_stop_at_the_hop_limit(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A's task goes to B, B's to A, and so on; the fourth orchestrator on the way refuses
    it (MAX_HOPS 4), and every task of the chain ends failed with that reason."""
    a_stack = Stack(tmp_path_factory.mktemp("loop-a"))
    b_stack = Stack(tmp_path_factory.mktemp("loop-b"))
    try:
        a = a_stack.add("orchestrator").start()
        b = b_stack.add("orchestrator").start()
        for here, there in ((a, b), (b, a)):
            with httpx.Client(base_url=here.url, timeout=30) as api:
                registered = api.post("/api/agents", json={"card_url": there.url})
                assert registered.status_code == 201, registered.text
        started = time.monotonic()
        with httpx.Client(base_url=a.url, timeout=30) as api:
            task = api.post("/api/tasks", json={"description": "Compute the median of 1 and 3"})
            assert task.status_code in (201, 202), task.text
            done = wait_for_task(api, task.json()["id"], ("completed", "failed"), TIMEOUT)
        assert time.monotonic() - started < TIMEOUT
        assert done["status"] == "failed", done
        assert "Hop limit reached" in str(done["error"]), done["error"]
        # Down the chain: A (hops 0) -> B (1) -> A (2) -> B (3) -> A refuses hops 4.
        parent = done
        for depth in range(1, 4):
            (step,) = parent["steps"]  # type: ignore[misc]
            assert step["capability"] == "orchestrate", step
            parent = _task(b.url if depth % 2 else a.url, step["remote_task_id"])
            assert parent["status"] == "failed", parent
            assert "Hop limit reached" in str(parent["error"]), parent["error"]
        # The deepest task's step was refused: no task was made for it on A.
        (last,) = parent["steps"]  # type: ignore[misc]
        assert "has already gone through 4 orchestrators" in str(last["error"]), last
        with httpx.Client(base_url=a.url, timeout=30) as api:
            assert api.get("/api/tasks", params={"limit": 50}).json()["total"] == 2
        with httpx.Client(base_url=b.url, timeout=30) as api:
            assert api.get("/api/tasks", params={"limit": 50}).json()["total"] == 2
    finally:
        a_stack.stop()
        b_stack.stop()
