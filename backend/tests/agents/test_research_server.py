"""The research agent over real HTTP: sections, streamed progress, GetTask, cancel, LLM seam."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from a2a.client import Client
from a2a.helpers import get_text_parts
from a2a.types import CancelTaskRequest, GetTaskRequest, SendMessageRequest, StreamResponse
from fastapi import FastAPI
from google.protobuf.json_format import MessageToDict
from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult

from orchestra.agents.research import create_research_app
from orchestra.config import Settings
from tests.agents.helpers import (
    CANCELED,
    COMPLETED,
    FAILED,
    AgentServer,
    ask,
    make_client,
    make_settings,
    user_message,
)

REMOTE_WORK = (
    "Remote work saves employees hours of commuting every week. "
    "Many workers report better focus and flexibility at home. "
    "However, remote work can cause isolation and loneliness. "
    "Critics worry that team culture and mentoring suffer without an office. "
    "Companies cut office costs when teams work remotely."
)


def sections_of(data: dict[str, Any]) -> dict[str, str]:
    return {s["title"]: s["content"] for s in data["sections"]}


async def test_card(research_server: AgentServer) -> None:
    async with httpx.AsyncClient(base_url=research_server.url) as http:
        response = await http.get("/.well-known/agent-card.json")
        health = await http.get("/health")
    assert response.headers["cache-control"] == "public, max-age=60"
    assert health.json() == {"status": "ok", "agent": "research-agent"}
    card = response.json()
    assert card["name"] == "Research Agent"
    skills = {s["id"]: s for s in card["skills"]}
    assert set(skills) == {"research", "analysis", "writing"}
    assert (
        "Summarize the main arguments for and against remote work" in skills["research"]["examples"]
    )
    assert {i["protocolBinding"] for i in card["supportedInterfaces"]} == {"JSONRPC", "HTTP+JSON"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "The message is empty"), ("x" * 1_100_000, "limit is 1,000,000 bytes")],
)
async def test_bad_input_fails_with_reason(research_client: Client, text: str, reason: str) -> None:
    outcome = await ask(research_client, text)
    assert outcome.state == FAILED
    assert reason in outcome.reason
    again = await ask(research_client, "Give an overview of wind power")
    assert again.state == COMPLETED


async def test_arguments_for_and_against_from_inputs(research_client: Client) -> None:
    data = {
        "task": "Research remote work and write a summary",
        "step": {"id": "r1", "title": "Arguments", "capability": "research"},
        "inputs": {"notes": {"title": "Interview notes", "text": REMOTE_WORK, "data": None}},
    }
    outcome = await ask(
        research_client, "Summarize the main arguments for and against remote work", data=data
    )
    assert outcome.state == COMPLETED, outcome.reason
    # Each graph node streamed its progress as a working status update.
    statuses = outcome.status_texts()
    for expected in (
        "Understanding the question",
        "Gathering sources",
        "Analyzing the material",
        "Writing the answer",
    ):
        assert expected in statuses
    sections = sections_of(outcome.data)
    assert list(sections)[:3] == ["Overview", "Arguments for", "Arguments against"]
    assert "commuting" in sections["Arguments for"]
    assert "isolation" in sections["Arguments against"]
    assert outcome.data["sources"][0] == {
        "label": "1",
        "title": "Step 'Interview notes'",
        "kind": "input",
    }
    assert "## Arguments for" in outcome.text and "[1]" in outcome.text
    # GetTask (done by `ask`) returned the stored task with the same artifact.
    assert outcome.task.artifacts[0].name == "answer"


async def test_corpus_passages_are_ranked(research_client: Client) -> None:
    outcome = await ask(research_client, "Explain the pros and cons of nuclear power")
    assert outcome.state == COMPLETED
    sources = outcome.data["sources"]
    assert sources and all(s["kind"] == "corpus" for s in sources)
    assert all(s["title"].startswith("energy.md") for s in sources)
    sections = sections_of(outcome.data)
    assert "expensive" in sections["Arguments against"] or "waste" in sections["Arguments against"]
    assert "Sources" in sections


async def test_no_material_is_said_plainly(research_client: Client) -> None:
    outcome = await ask(research_client, "Give an overview of quantum gravity")
    assert outcome.state == COMPLETED
    assert outcome.data["materialFound"] is False
    assert "No source material" in outcome.text
    assert outcome.data["sources"] == []


async def test_writing_skill_and_http_json_binding(research_server: AgentServer) -> None:
    client = await make_client(research_server.url, binding="HTTP+JSON")
    try:
        data = {"inputs": {"n": {"title": "Notes", "text": REMOTE_WORK, "data": None}}}
        outcome = await ask(client, "Write a short report on remote work", data=data)
    finally:
        await client.close()
    assert outcome.state == COMPLETED
    assert outcome.data["skill"] == "writing"
    sections = sections_of(outcome.data)
    assert list(sections)[:3] == ["Introduction", "Discussion", "Conclusion"]
    assert "On the other hand" in sections["Discussion"] and "- " not in sections["Discussion"]


class _BlockingChatModel(BaseChatModel):
    """A chat model that never answers, so a test can cancel the graph mid-run."""

    @property
    def _llm_type(self) -> str:
        return "blocking"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        raise NotImplementedError

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


def _server_with_model(data_dir: Path, model: BaseChatModel) -> AgentServer:
    def factory(settings: Settings, port: int) -> FastAPI:
        return create_research_app(settings, port, model=model)

    return AgentServer("research-agent", make_settings(data_dir), app_factory=factory)


async def test_cancel_stops_the_graph(tmp_path: Path) -> None:
    server = _server_with_model(tmp_path, _BlockingChatModel())
    server.start()
    client = await make_client(server.url)
    writing = asyncio.Event()
    events: list[StreamResponse] = []
    task_ids: list[str] = []

    async def consume() -> None:
        request = SendMessageRequest(message=user_message("Explain tides"))
        async for event in client.send_message(request):
            events.append(event)
            if event.HasField("task"):
                task_ids.append(event.task.id)
            texts = get_text_parts(event.status_update.status.message.parts)
            if "Writing the answer" in texts:
                writing.set()

    stream = asyncio.create_task(consume())
    try:
        await asyncio.wait_for(writing.wait(), 20)
        cancelled = await asyncio.wait_for(
            client.cancel_task(CancelTaskRequest(id=task_ids[0])), 20
        )
        assert cancelled.status.state == CANCELED
        await asyncio.wait_for(stream, 20)
        stored = await client.get_task(GetTaskRequest(id=task_ids[0]))
        assert stored.status.state == CANCELED
        assert not stored.artifacts
        assert events[-1].status_update.status.state == CANCELED
    finally:
        stream.cancel()
        await client.close()
        server.stop()


async def test_llm_thinking_goes_to_its_own_part(tmp_path: Path) -> None:
    model = GenericFakeChatModel(
        messages=iter(
            [AIMessage(content="<think>check the tide tables</think>Tides follow the moon.")]
        )
    )
    server = _server_with_model(tmp_path, model)
    server.start()
    try:
        client = await make_client(server.url)
        outcome = await ask(client, "Explain tides")
        await client.close()
    finally:
        server.stop()
    assert outcome.state == COMPLETED
    parts = outcome.task.artifacts[0].parts
    assert parts[0].text == "Tides follow the moon."
    assert parts[2].text == "check the tide tables"
    assert MessageToDict(parts[2].metadata) == {"kind": "thinking"}
    assert outcome.data["mode"] == "llm"


async def test_an_earlier_step_that_found_nothing_is_not_quoted(research_client: Client) -> None:
    empty = await ask(research_client, "Research quantum gravity", capability="research")
    assert empty.data["materialFound"] is False
    report = await ask(
        research_client,
        "Write a short report based on it",
        capability="writing",
        data={"inputs": {"s1": {"title": "Research", "text": empty.text, "data": empty.data}}},
    )
    assert report.state == COMPLETED
    assert report.data["materialFound"] is False
    assert report.data["sources"] == []
