"""What an agent says besides its answer reaches the step: a reasoning model's thinking and
the status messages it sent while working; stored, in the API and in the task's events.

Real orchestrator and agents; the research agent's model is the fake OpenAI-compatible server.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from a2a.types import Artifact, Message, Part, Role, StreamResponse, Task, TaskState, TaskStatus
from google.protobuf.json_format import ParseDict
from google.protobuf.struct_pb2 import Struct

from orchestra.executor.dispatch import AgentReply, Dispatcher
from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, task_events, wait_for_task

PLAN = {
    "steps": [
        {"id": "s1", "title": "Tides", "instruction": "Explain tides", "capability": "research"},
        {
            "id": "s2",
            "title": "Mean",
            "instruction": "Compute the mean of 4, 8 and 15",
            "capability": "statistics",
        },
    ]
}
THINKING = "The moon pulls the water; " * 40  # longer than an event carries


def test_reasoning_and_progress_reach_the_step(tmp_path: Path) -> None:
    with FakeProvider() as provider:
        provider.script(Reply(content=f"<think>{THINKING}</think>Tides come from the moon."))
        profiles = {
            "thinker": {
                "provider": "openai",
                "model": "fake-model",
                "base_url": f"{provider.url}/v1",
                "api_key_env": "FAKE_KEY",
            }
        }
        settings = {"MODEL_PROFILES": json.dumps(profiles), "FAKE_KEY": "test-key"}
        stack = Stack(tmp_path, settings=settings)
        try:
            research = stack.add("research-agent", options=("--model", "thinker")).start()
            analyst = stack.add("analyst-agent").start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                for agent in (research, analyst):
                    assert api.post("/api/agents", json={"card_url": agent.url}).status_code == 201
                created = api.post("/api/tasks", json={"description": "tides", "plan": PLAN})
                task = wait_for_task(api, created.json()["id"], ("completed", "failed"))
                events = task_events(api, created.json()["id"])
        finally:
            stack.stop()
    assert task["status"] == "completed", task
    thought, computed = task["steps"]  # type: ignore[misc]
    assert thought["output"] == "Tides come from the moon."  # the thinking is not in the answer
    assert thought["reasoning"] == THINKING.strip()
    assert thought["progress"] == [
        "Understanding the question",
        "Gathering sources",
        "Analyzing the material",
        "Writing the answer",
    ]
    # An agent without a reasoning model: no reasoning, its own progress.
    assert computed["reasoning"] is None
    assert computed["progress"] == ["Running statistics"]
    done = {e["step_id"]: e["data"] for e in events if e["type"] == "step.completed"}
    assert done["s1"]["progress"] == thought["progress"]
    assert done["s1"]["reasoning"] == THINKING.strip()[:500]
    assert "reasoning" not in done["s2"]
    assert done["s2"]["progress"] == ["Running statistics"]


def _parts() -> list[Part]:
    thinking = Part(text="Which way is up?", metadata=ParseDict({"kind": "thinking"}, Struct()))
    return [Part(text="The answer."), thinking]


async def test_an_answer_read_whole_keeps_its_reasoning_apart() -> None:
    """A repeated message is answered with the finished task, and a direct answer is a
    message: the thinking is read from those too."""
    finished = Task(
        id="r1",
        status=TaskStatus(state=TaskState.TASK_STATE_COMPLETED),
        artifacts=[Artifact(artifact_id="a1", parts=_parts())],
    )
    direct = Message(message_id="m1", role=Role.ROLE_AGENT, parts=_parts())
    async with httpx.AsyncClient() as http:
        dispatcher = Dispatcher(http)
        for event in (StreamResponse(task=finished), StreamResponse(message=direct)):
            reply = AgentReply(state="unknown")
            assert await dispatcher._absorb(event, reply, None)
            assert (reply.state, reply.text) == ("completed", "The answer.")
            assert reply.reasoning == "Which way is up?"
