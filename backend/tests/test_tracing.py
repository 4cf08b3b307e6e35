"""One trace across processes: HTTP request -> task -> step -> A2A call -> agent."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.stack import Stack, wait_for_task

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"


def _spans(log: Path) -> list[dict[str, object]]:
    found = []
    for line in log.read_text().splitlines():
        if line.startswith('{"name"'):
            found.append(json.loads(line))
    return found


def test_a_task_is_one_trace_across_orchestrator_and_agent(tmp_path: Path) -> None:
    stack = Stack(tmp_path, settings={"TRACE_EXPORTER": "console"})
    try:
        agent = stack.add("analyst-agent").start()
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
            assert api.post("/api/agents", json={"card_url": agent.url}).status_code == 201
            traceparent = f"00-{TRACE_ID}-00f067aa0ba902b7-01"
            task = api.post(
                "/api/tasks",
                json={"description": "compute the average of 3, 5 and 10"},
                headers={"traceparent": traceparent},
            ).json()
            wait_for_task(api, task["id"], ("completed",))
        stack.stop()  # flush
        ours = [s for s in _spans(orchestrator.log_path) if TRACE_ID in str(s["context"])]
        theirs = [s for s in _spans(agent.log_path) if TRACE_ID in str(s["context"])]
        names = {str(s["name"]) for s in ours}
        assert {"POST /api/tasks", "task.plan", "step s1", "a2a.send"} <= names, names
        assert theirs, "the agent's spans are not in the caller's trace"
        sends = {s["context"]["span_id"] for s in ours if s["name"] == "a2a.send"}  # type: ignore[index]
        # The agent's server span is a child of the orchestrator's A2A call.
        assert any(s["parent_id"] in sends for s in theirs), theirs
        assert any(str(s["name"]).startswith("agent ") for s in theirs)
    finally:
        stack.stop()


def test_tracing_is_off_by_default(tmp_path: Path) -> None:
    stack = Stack(tmp_path)
    try:
        agent = stack.add("analyst-agent").start()
        with httpx.Client(base_url=agent.url) as client:
            assert client.get("/.well-known/agent-card.json").status_code == 200
        stack.stop()
        assert not _spans(agent.log_path)
    finally:
        stack.stop()
