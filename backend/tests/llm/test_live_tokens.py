"""The answer's tokens reach the task's event stream while the step runs (`step.delta`),
before the step completes, and are never stored: the event log keeps the answer once.

Real orchestrator and research agent; the model is the fake OpenAI-compatible server,
streaming its answer in pieces, slowly.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, task_events, wait_for_task

PLAN = {
    "steps": [
        {"id": "s1", "title": "Tides", "instruction": "Explain tides", "capability": "research"}
    ]
}
PIECES = ("<think>The moon</think>", "Tides ", "come ", "from ", "the moon.")


def test_tokens_stream_to_the_event_stream_before_the_step_completes(tmp_path: Path) -> None:
    with FakeProvider() as provider:
        provider.script(Reply(content="".join(PIECES), chunks=PIECES, chunk_delay=0.4))
        profiles = {
            "streamer": {
                "provider": "openai",
                "model": "fake-model",
                "base_url": f"{provider.url}/v1",
                "api_key_env": "FAKE_KEY",
            }
        }
        settings = {"MODEL_PROFILES": json.dumps(profiles), "FAKE_KEY": "test-key"}
        stack = Stack(tmp_path, settings=settings)
        try:
            research = stack.add("research-agent", options=("--model", "streamer")).start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                assert api.post("/api/agents", json={"card_url": research.url}).status_code == 201
                created = api.post("/api/tasks", json={"description": "tides", "plan": PLAN})
                task_id = created.json()["id"]
                live = task_events(api, task_id)  # followed while it runs, until it ends
                task = wait_for_task(api, task_id, ("completed", "failed"))
                later = task_events(api, task_id)  # read again once it has ended
        finally:
            stack.stop()
    assert task["status"] == "completed", task
    (step,) = task["steps"]
    assert step["output"] == "Tides come from the moon."
    assert step["reasoning"] == "The moon"
    types = [e["type"] for e in live]
    completed = types.index("step.completed")
    deltas = [e for e in live[:completed] if e["type"] == "step.delta"]
    assert len(deltas) >= 2, types
    assert all(d["step_id"] == "s1" and "id" not in d for d in deltas)
    # Pieces in order, each where the previous ended; the thinking never shown as answer.
    text = ""
    for delta in deltas:
        assert delta["data"]["offset"] == len(text), deltas
        text += delta["data"]["text"]
    assert "Tides come from" in text
    assert "moon</think>" not in text and not text.startswith("The moon")
    assert "step.delta" not in types[completed:]
    # Deltas are not in the event log: a client that comes later gets the answer once.
    assert [e["type"] for e in later] == [t for t in types if t != "step.delta"]
    assert not any(e["type"] == "step.delta" for e in later)
