"""With an LLM configured, a task is planned, researched and synthesized by it, tokens counted.

Real processes (orchestrator, research agent) talk to a fake OpenAI-compatible server over
HTTP through the real LangChain clients.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, wait_for_task

PLAN = {
    "steps": [
        {
            "id": "s1",
            "title": "Research tides",
            "instruction": "Explain what causes tides",
            "capability": "research",
            "depends_on": [],
            "expected_output": "an explanation",
        }
    ]
}


def test_llm_plans_answers_and_synthesizes_with_tokens_recorded(tmp_path: Path) -> None:
    with FakeProvider() as provider:
        provider.script(
            Reply(tool_args=PLAN, tokens=(100, 20)),  # the orchestrator's planner
            Reply(content="<think>moon?</think>Tides come from the moon.", tokens=(50, 10)),
            Reply(content="Tides: the moon pulls the sea.", tokens=(30, 5)),  # synthesis
        )
        settings = {
            "LLM_PROVIDER": "openai",
            "LLM_MODEL": "fake-model",
            "OPENAI_API_KEY": "test-key",
            "OPENAI_BASE_URL": f"{provider.url}/v1",
            "LLM_MAX_RETRIES": "0",
        }
        stack = Stack(tmp_path, settings=settings)
        try:
            agent = stack.add("research-agent").start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                assert api.post("/api/agents", json={"card_url": agent.url}).status_code == 201
                created = api.post("/api/tasks", json={"description": "Why are there tides?"})
                task = wait_for_task(api, created.json()["id"], ("completed", "failed"))
        finally:
            stack.stop()
    assert task["status"] == "completed", task
    assert task["planner"] == "llm"
    step = task["steps"][0]  # type: ignore[index]
    assert step["output"] == "Tides come from the moon."  # the thinking is not in the answer
    assert (step["tokens_in"], step["tokens_out"]) == (50, 10)
    assert task["result"] == "Tides: the moon pulls the sea."
    # Totals: the planner's and the synthesis's calls on the task, plus the step's.
    assert (task["tokens_in"], task["tokens_out"]) == (180, 35)
    assert task["metadata"]["llm_model"] == "fake-model"  # type: ignore[index]
    assert len(provider.chat_requests) == 3
