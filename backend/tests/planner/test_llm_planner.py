"""The LLM planner through langchain-openai and langchain-groq, over real HTTP.

Each test scripts a fake OpenAI-compatible server (tests/llm/fake_provider.py); the
planner, the LangChain integrations and the HTTP clients run unmodified.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from orchestra.planner import (
    EmptyTaskError,
    NoCapabilityError,
    OfflinePlanner,
    PlannerKind,
    build_planner,
    plan_deterministic,
)
from orchestra.planner.llm import LLMPlanner
from tests.llm.fake_provider import FakeProvider, Reply, settings_for

from .capabilities import BUILTIN

PROVIDERS = ["openai", "groq"]
TASK = "Research electric cars, then write a short report based on it"


def step(
    step_id: str, capability: str, depends_on: list[str] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "id": step_id,
        "title": f"{capability} step",
        "instruction": f"Do the {capability} part about electric cars.",
        "capability": capability,
        "depends_on": depends_on or [],
        "expected_output": "A result.",
        **extra,
    }


GOOD = {"steps": [step("s1", "research"), step("s2", "writing", ["s1"])]}
CYCLE = {"steps": [step("s1", "research", ["s2"]), step("s2", "writing", ["s1"])]}
UNKNOWN = {"steps": [step("s1", "web-search"), step("s2", "writing", ["s1"])]}


def planner_for(provider: str, server: FakeProvider, **overrides: Any) -> LLMPlanner:
    planner = build_planner(settings_for(provider, server, **overrides))
    assert isinstance(planner, LLMPlanner)
    return planner


async def run(planner: LLMPlanner, description: str = TASK, history: tuple[str, ...] = ()) -> Any:
    return await planner.plan(description, BUILTIN, history, 8)


def deterministic(description: str = TASK, history: tuple[str, ...] = ()) -> Any:
    return plan_deterministic(description, BUILTIN, 8, history)


# --- the cases of the issue, through both clients ------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_good_plan(server: FakeProvider, provider: str) -> None:
    server.script(Reply(tool_args=GOOD, tokens=(500, 80)))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.LLM
    assert [(s.capability, s.depends_on) for s in outcome.plan.steps] == [
        ("research", []),
        ("writing", ["s1"]),
    ]
    assert (outcome.tokens_in, outcome.tokens_out, outcome.model) == (500, 80, "fake-model")
    (request,) = server.chat_requests
    # Structured output through the Plan tool, forced.
    assert [t["function"]["name"] for t in request.body["tools"]] == ["Plan"]
    assert request.body["tool_choice"]["function"]["name"] == "Plan"
    # The model is told every capability with its description and examples, and the task.
    for spec in BUILTIN:
        assert f"- {spec.name}: {spec.description}" in request.prompt
    assert "Give an overview of the history of electric cars" in request.prompt
    assert TASK in request.prompt


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_plan_in_a_fenced_code_block_after_thinking(
    server: FakeProvider, provider: str
) -> None:
    decoy = json.dumps({"steps": [step("s1", "sentiment")]})
    content = (
        f"<think>Maybe one step: ```json\n{decoy}\n``` no, two steps.</think>\n"
        f"Here is the plan:\n```json\n{json.dumps(GOOD, indent=2)}\n```\n"
    )
    server.script(Reply(content=content))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.LLM
    assert [s.capability for s in outcome.plan.steps] == ["research", "writing"]
    assert "no, two steps" in outcome.thinking  # kept apart, never parsed as the plan


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_an_invalid_plan_is_repaired(server: FakeProvider, provider: str) -> None:
    server.script(Reply(tool_args=CYCLE, tokens=(500, 80)), Reply(tool_args=GOOD, tokens=(700, 90)))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.LLM_REPAIRED
    assert "cycle" in outcome.reason
    assert [s.depends_on for s in outcome.plan.steps] == [[], ["s1"]]
    assert (outcome.tokens_in, outcome.tokens_out) == (1200, 170)  # both calls
    first, second = server.chat_requests
    # The repair request replays the conversation, the invalid plan and its errors.
    assert second.messages[: len(first.messages)] == first.messages
    assert json.loads(second.messages[-2]["content"]) == CYCLE
    assert "The dependencies form a cycle" in second.messages[-1]["content"]


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_an_invalid_plan_twice_falls_back(server: FakeProvider, provider: str) -> None:
    server.script(Reply(tool_args=CYCLE), Reply(tool_args=CYCLE))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.FALLBACK
    assert "still invalid after a repair" in outcome.reason and "cycle" in outcome.reason
    assert outcome.plan == deterministic()
    assert (outcome.tokens_in, outcome.tokens_out, outcome.model) == (240, 60, "fake-model")
    assert len(server.chat_requests) == 2


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_timeout_falls_back(server: FakeProvider, provider: str) -> None:
    server.script(Reply(tool_args=GOOD, delay=5), Reply(tool_args=GOOD, delay=5))
    planner = planner_for(provider, server, llm_timeout_seconds=0.3, llm_max_retries=1)
    outcome = await run(planner)
    assert outcome.kind is PlannerKind.FALLBACK
    assert "timed out after 0.3s" in outcome.reason
    assert outcome.plan == deterministic()
    assert (outcome.tokens_in, outcome.tokens_out) == (0, 0)
    assert len(server.chat_requests) == 2  # the client retried once


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_429_is_retried(server: FakeProvider, provider: str) -> None:
    server.script(
        Reply(status=429, content="Rate limit reached", headers={"retry-after-ms": "50"}),
        Reply(tool_args=GOOD),
    )
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.LLM
    assert len(server.chat_requests) == 2


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_an_unknown_capability_is_never_used(server: FakeProvider, provider: str) -> None:
    server.script(Reply(tool_args=UNKNOWN), Reply(tool_args=UNKNOWN))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.FALLBACK
    assert "unknown capability 'web-search'" in outcome.reason
    assert {s.capability for s in outcome.plan.steps} <= {c.name for c in BUILTIN}
    repair = server.chat_requests[1].messages[-1]["content"]
    assert "Step 's1' needs unknown capability 'web-search'" in repair
    assert "Available capabilities: research, analysis, writing" in repair


# --- more failure modes --------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_an_unknown_capability_repaired(server: FakeProvider, provider: str) -> None:
    server.script(Reply(tool_args=UNKNOWN), Reply(tool_args=GOOD))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.LLM_REPAIRED
    assert "web-search" in outcome.reason


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_plan_off_the_schema_is_repaired(server: FakeProvider, provider: str) -> None:
    missing = {"steps": [{"id": "s1", "title": "t", "capability": "research"}]}
    server.script(Reply(tool_args=missing), Reply(tool_args=GOOD))
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.LLM_REPAIRED
    assert "steps.0.instruction" in server.chat_requests[1].messages[-1]["content"]


async def test_broken_tool_arguments_are_repaired(server: FakeProvider) -> None:
    server.script(Reply(tool_args='{"steps": [{"id": '), Reply(tool_args=GOOD))
    outcome = await run(planner_for("openai", server))
    assert outcome.kind is PlannerKind.LLM_REPAIRED


async def test_prose_without_a_plan_is_repaired(server: FakeProvider) -> None:
    server.script(Reply(content="I would research first."), Reply(tool_args=GOOD))
    outcome = await run(planner_for("groq", server))
    assert outcome.kind is PlannerKind.LLM_REPAIRED
    assert "not a plan" in outcome.reason


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_server_error_falls_back(server: FakeProvider, provider: str) -> None:
    server.script(*[Reply(status=500, content="upstream exploded")] * 2)
    outcome = await run(planner_for(provider, server))
    assert outcome.kind is PlannerKind.FALLBACK
    assert "HTTP 500" in outcome.reason and "upstream exploded" in outcome.reason


async def test_a_failed_repair_call_falls_back(server: FakeProvider) -> None:
    server.script(Reply(tool_args=CYCLE, tokens=(100, 10)), Reply(status=400, content="bad"))
    outcome = await run(planner_for("openai", server, llm_max_retries=0))
    assert outcome.kind is PlannerKind.FALLBACK
    assert "repair call failed: HTTP 400" in outcome.reason
    assert (outcome.tokens_in, outcome.tokens_out) == (100, 10)


async def test_a_rejected_key_falls_back_with_the_reason(server: FakeProvider) -> None:
    planner = planner_for("groq", server, groq_api_key="wrong")
    outcome = await run(planner)
    assert outcome.kind is PlannerKind.FALLBACK
    assert "HTTP 401" in outcome.reason


# --- history, methods, providers -----------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_follow_up_gets_the_session_history(server: FakeProvider, provider: str) -> None:
    previous = "Summarize the sales figures of 2024 for Europe"
    server.script(Reply(tool_args=GOOD))
    await run(planner_for(provider, server), "now do the same for 2025", (previous,))
    system, user = server.chat_requests[0].messages
    assert "do the same for" in system["content"]  # the rule on follow-ups
    assert f"1. {previous}" in user["content"]
    assert user["content"].index(previous) < user["content"].index("now do the same for 2025")


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_json_mode(server: FakeProvider, provider: str) -> None:
    server.script(Reply(content=json.dumps(GOOD)))
    outcome = await run(planner_for(provider, server, llm_structured_output="json_mode"))
    assert outcome.kind is PlannerKind.LLM
    assert server.chat_requests[0].body["response_format"] == {"type": "json_object"}


async def test_json_schema_through_groq(server: FakeProvider) -> None:
    server.script(Reply(content=json.dumps(GOOD)))
    outcome = await run(planner_for("groq", server, llm_structured_output="json_schema"))
    assert outcome.kind is PlannerKind.LLM
    assert server.chat_requests[0].body["response_format"]["type"] == "json_schema"


async def test_json_schema_through_openai(server: FakeProvider) -> None:
    server.script(Reply(content=json.dumps(GOOD)))
    outcome = await run(planner_for("openai", server, llm_structured_output="json_schema"))
    assert outcome.kind is PlannerKind.LLM
    assert server.chat_requests[0].body["response_format"]["type"] == "json_schema"


async def test_ollama() -> None:
    with FakeProvider(api_key=None) as server:
        server.script(Reply(tool_args=GOOD))
        outcome = await run(planner_for("ollama", server))
    assert outcome.kind is PlannerKind.LLM


# --- inputs and the offline planner --------------------------------------------------


async def test_inputs_are_checked_before_any_call(server: FakeProvider) -> None:
    planner = planner_for("openai", server)
    with pytest.raises(EmptyTaskError):
        await planner.plan("  ?! ", BUILTIN, (), 8)
    with pytest.raises(NoCapabilityError):
        await planner.plan(TASK, (), (), 8)
    assert server.requests == []


async def test_offline_planner() -> None:
    planner = build_planner(settings_for("offline", FakeProvider()))
    assert isinstance(planner, OfflinePlanner)
    outcome = await planner.plan(TASK, BUILTIN, (), 8)
    assert outcome.kind is PlannerKind.OFFLINE
    assert outcome.plan == deterministic()
    assert (outcome.tokens_in, outcome.tokens_out, outcome.model) == (0, 0, None)
    assert "LLM_PROVIDER=offline" in outcome.reason
