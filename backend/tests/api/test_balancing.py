"""Balancing strategies through the API, with two real instances of the analyst agent."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.stack import Stack, wait_for_task


def _sum_task(client: httpx.Client, n: int) -> dict[str, object]:
    plan = {
        "steps": [
            {
                "id": "s1",
                "title": "Sum",
                "instruction": f"Compute the sum of 1, 2 and {n}",
                "capability": "statistics",
            }
        ]
    }
    created = client.post("/api/tasks", json={"description": f"sum {n}", "plan": plan})
    assert created.status_code == 202, created.text
    return wait_for_task(client, created.json()["id"], ("completed", "failed"))


def test_round_robin_alternates_between_two_instances(tmp_path: Path) -> None:
    stack = Stack(tmp_path, settings={"BALANCING_DEFAULT": "fastest"})
    try:
        first = stack.add("analyst-agent").start()
        second = stack.add("analyst-agent", key="analyst-2").start()
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url, timeout=30) as client:
            for agent in (first, second):
                response = client.post("/api/agents", json={"card_url": agent.url})
                assert response.status_code == 201, response.text
            agent = response.json()
            assert len(agent["instances"]) == 2
            # No strategy of its own: BALANCING_DEFAULT applies.
            assert (agent["balancing"], agent["balancing_default"]) == ("fastest", True)

            changed = client.patch(f"/api/agents/{agent['id']}", json={"balancing": "round_robin"})
            assert changed.status_code == 200, changed.text
            assert (changed.json()["balancing"], changed.json()["balancing_default"]) == (
                "round_robin",
                False,
            )
            tasks = [_sum_task(client, n) for n in range(6)]
            assert all(t["status"] == "completed" for t in tasks), tasks
            used = [t["steps"][0]["instance_id"] for t in tasks]  # type: ignore[index]
            assert used[0] != used[1]
            assert used == [used[0], used[1]] * 3

            instances = client.get(f"/api/agents/{agent['id']}").json()["instances"]
            assert [(i["calls"], i["share"]) for i in instances] == [(3, 0.5), (3, 0.5)]

            reset = client.patch(f"/api/agents/{agent['id']}", json={"balancing": None})
            assert (reset.json()["balancing"], reset.json()["balancing_default"]) == (
                "fastest",
                True,
            )
    finally:
        stack.stop()


def test_an_unknown_strategy_or_agent_is_refused(tmp_path: Path) -> None:
    stack = Stack(tmp_path)
    try:
        analyst = stack.add("analyst-agent").start()
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url, timeout=30) as client:
            agent = client.post("/api/agents", json={"card_url": analyst.url}).json()
            refused = client.patch(f"/api/agents/{agent['id']}", json={"balancing": "zigzag"})
            assert refused.status_code == 422
            error = refused.json()["error"]
            assert error["code"] == "invalid_input"
            assert "balancing" in error["message"]
            assert "'least_loaded', 'round_robin', 'fastest' or 'random'" in error["message"]
            missing = client.patch("/api/agents/nope", json={"balancing": "random"})
            assert missing.status_code == 404
            assert missing.json()["error"]["code"] == "agent_not_found"
            unchanged = client.get(f"/api/agents/{agent['id']}").json()
            assert unchanged["balancing"] == "least_loaded"
    finally:
        stack.stop()
