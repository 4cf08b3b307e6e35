"""An orchestrator wired to the controllable slow agent, for executor tests."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from tests.stack import Stack


def _step(step_id: str, capability: str, *after: str) -> dict[str, object]:
    return {
        "id": step_id,
        "title": step_id.upper(),
        "instruction": f"step {step_id}",
        "capability": capability,
        "depends_on": list(after),
    }


DIAMOND = {
    "steps": [
        _step("a", "wait-a"),
        _step("b", "wait-b", "a"),
        _step("c", "wait-c", "a"),
        _step("d", "wait-a", "b", "c"),
    ]
}


class Slow:
    """An orchestrator with one slow test agent; `calls` lists every step the agent received."""

    def __init__(
        self,
        tmp_path: Path,
        delay: float,
        fail: tuple[str, ...] = (),
        settings: dict[str, str] | None = None,
        fault: str = "",
        database_url: str = "",
        agent_env: dict[str, str] | None = None,
    ) -> None:
        self.calls = tmp_path / "calls.txt"
        self.calls.touch()
        self.stack = Stack(tmp_path, database_url, settings or {})
        self.agent = self.stack.add_slow_agent(
            "slow-agent", delay, self.calls, fail, FAULT=fault, **(agent_env or {})
        ).start()
        self.orchestrator = self.stack.add("orchestrator").start()
        self.api = httpx.Client(base_url=self.orchestrator.url, timeout=30)
        response = self.api.post("/api/agents", json={"card_url": self.agent.url})
        assert response.status_code == 201, response.text

    def submit(self, plan: dict[str, object] = DIAMOND) -> str:
        response = self.api.post("/api/tasks", json={"description": "diamond", "plan": plan})
        assert response.status_code == 202, response.text
        return str(response.json()["id"])

    def received(self, task_id: str) -> list[str]:
        return [
            line.split()[1]
            for line in self.calls.read_text().splitlines()
            if line.startswith(task_id)
        ]

    def close(self) -> None:
        self.api.close()
        self.stack.stop()


def wait_until_step_running(api: httpx.Client, task_id: str, step_id: str) -> bool:
    return wait_until_step_status(api, task_id, step_id, "running")


def wait_until_step_status(api: httpx.Client, task_id: str, step_id: str, status: str) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        task = api.get(f"/api/tasks/{task_id}").json()
        if any(s["id"] == step_id and s["status"] == status for s in task["steps"]):
            return True
        time.sleep(0.05)
    raise TimeoutError(f"step {step_id} of {task_id} never was {status}")


def remote_state(url: str, remote_task_id: str, timeout: float = 5) -> str:
    """The agent's own view of its task, asked over A2A JSON-RPC (GetTask)."""
    deadline = time.monotonic() + timeout
    state = ""
    while time.monotonic() < deadline:
        response = httpx.post(
            url + "/",
            headers={"A2A-Version": "1.0"},
            json={"jsonrpc": "2.0", "id": 1, "method": "GetTask", "params": {"id": remote_task_id}},
        )
        state = response.json()["result"]["status"]["state"]
        if state == "TASK_STATE_CANCELED":
            break
        time.sleep(0.05)
    return state
