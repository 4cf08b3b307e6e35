"""A profile served by two Ollama hosts: calls go on at the other when one stops, even in
the middle of a call, and the stopped one shows unhealthy in `GET /api/models`.

Real orchestrator and research agent; the two hosts are fake OpenAI-compatible servers
(answering Ollama's `/api/tags` probe too).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx

from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, wait_for_task

PLAN = {
    "steps": [
        {"id": "s1", "title": "Tides", "instruction": "Explain tides", "capability": "research"}
    ]
}


def _hosts(api: httpx.Client) -> dict[str, str]:
    (cluster,) = [m for m in api.get("/api/models").json()["items"] if m["name"] == "cluster"]
    return {host["host"]: host["health"] for host in cluster["hosts"]}


def _until(check: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not within the deadline"
        time.sleep(0.05)


def test_calls_fail_over_to_the_other_host_and_the_stopped_one_shows_unhealthy(
    tmp_path: Path,
) -> None:
    first = FakeProvider(api_key=None).__enter__()  # stopped by the test, mid-call
    with FakeProvider(api_key=None) as second:
        # The first host takes its time: it is stopped while it holds the call.
        first.answer("fake-model", Reply(content="Answer from the first host.", delay=30))
        second.answer("fake-model", Reply(content="Answer from the second host."))
        profiles = {
            "cluster": {
                "provider": "ollama",
                "model": "fake-model",
                "hosts": [first.url, second.url],
            }
        }
        settings = {
            "MODEL_PROFILES": json.dumps(profiles),
            "HEALTH_INTERVAL_SECONDS": "0.5",
            "STEP_MAX_ATTEMPTS": "1",  # the failover is the model's, not a step's retry
        }
        stack = Stack(tmp_path, settings=settings)
        try:
            research = stack.add("research-agent", options=("--model", "cluster")).start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                assert api.post("/api/agents", json={"card_url": research.url}).status_code == 201
                a, b = first.url.removeprefix("http://"), second.url.removeprefix("http://")
                _until(lambda: _hosts(api) == {a: "healthy", b: "healthy"})

                created = api.post("/api/tasks", json={"description": "tides", "plan": PLAN})
                _until(lambda: len(first.chat_requests) == 1)  # the call is at the first host
                first.__exit__(None, None, None)
                during = wait_for_task(api, created.json()["id"], ("completed", "failed"))

                created = api.post("/api/tasks", json={"description": "tides", "plan": PLAN})
                after = wait_for_task(api, created.json()["id"], ("completed", "failed"))
                _until(lambda: _hosts(api) == {a: "unhealthy", b: "healthy"})
                (cluster,) = [
                    m for m in api.get("/api/models").json()["items"] if m["name"] == "cluster"
                ]
        finally:
            stack.stop()
            first.__exit__(None, None, None)
    assert during["status"] == "completed", during
    assert during["steps"][0]["output"] == "Answer from the second host."
    assert after["status"] == "completed", after
    assert after["steps"][0]["output"] == "Answer from the second host."
    assert len(first.chat_requests) == 1  # the stopped host got no other call
    assert len(second.chat_requests) == 2
    (stopped,) = [h for h in cluster["hosts"] if h["health"] == "unhealthy"]
    assert stopped["last_error"].startswith("model host probe failed")
    assert "api_key" not in json.dumps(cluster)
