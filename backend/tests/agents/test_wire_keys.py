"""Every key our agents put on the wire is camelCase, data parts included (A2A spec 5.5).

The JSON read here is what the HTTP+JSON binding sends: the streamed events of a
SendStreamingMessage and the task GetTask returns, walked recursively, as the A2A TCK's
DM-SERIAL-001 check does. Inputs use no snake_case keys of their own (the analyst's table
columns, for instance, are the caller's and come back as sent).
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from a2a.helpers import new_data_part, new_text_part
from a2a.types import Message, Part, Role
from fastapi import FastAPI
from google.protobuf.json_format import MessageToDict

from orchestra.agents.research import create_research_app
from orchestra.config import Settings
from orchestra.llm import build_chat_model
from tests.agents.helpers import AgentServer, make_settings
from tests.llm.fake_provider import FakeProvider, Reply, settings_for

A2A_HEADERS = {"A2A-Version": "1.0", "Content-Type": "application/json"}
CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")

NOTES = (
    "Remote work saves employees hours of commuting every week. "
    "However, remote work can cause isolation and loneliness. "
    "Critics worry that team culture suffers without an office."
)


def keys_of(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, key) of every object key in a JSON value, at any depth."""
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((path, key))
            found.extend(keys_of(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(keys_of(item, f"{path}[{index}]"))
    return found


def not_camel(documents: list[Any]) -> list[str]:
    return sorted(
        {f"{path}.{key}" for doc in documents for path, key in keys_of(doc) if not CAMEL.match(key)}
    )


def wire_documents(url: str, text: str, data: dict[str, Any] | None = None) -> list[Any]:
    """The streamed events and the final GetTask answer of one request, as JSON."""
    parts: list[Part] = [new_text_part(text)]
    if data is not None:
        parts.append(new_data_part(data))
    message = Message(role=Role.ROLE_USER, message_id=str(uuid.uuid4()), parts=parts)
    body = {"message": MessageToDict(message)}
    documents: list[Any] = []
    with httpx.Client(base_url=url, headers=A2A_HEADERS, timeout=30) as http:
        with http.stream("POST", "/message:stream", json=body) as stream:
            assert stream.status_code == 200, stream.read()
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    documents.append(json.loads(line[5:]))
        assert documents, "no events streamed"
        first = documents[0]
        task_id = first["task"]["id"] if "task" in first else first["statusUpdate"]["taskId"]
        stored = http.get(f"/tasks/{task_id}", params={"historyLength": 50})
        assert stored.status_code == 200, stored.text
        documents.append(stored.json())
    # The walk must reach inside artifacts' data parts, or it proves nothing.
    assert any(path.endswith(".data") for doc in documents for path, _ in keys_of(doc)), documents
    return documents


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("Summarize the main arguments for and against remote work", None),
        (
            "Write a short report on remote work",
            {
                "task": "Research remote work",
                "step": {"id": "w1", "title": "Report", "capability": "writing"},
                "inputs": {"notes": {"title": "Notes", "text": NOTES, "data": {"count": 3}}},
            },
        ),
        ("Give an overview of quantum gravity", None),  # no material found
        ("", {"step": {"id": "x", "title": "empty", "capability": "research"}}),  # fails
    ],
)
def test_research_agent_speaks_camel_case(
    research_server: AgentServer, text: str, data: dict[str, Any] | None
) -> None:
    assert not_camel(wire_documents(research_server.url, text, data)) == []


def test_research_agent_with_an_llm_speaks_camel_case(tmp_path: Path) -> None:
    """Token usage and the thinking part's metadata appear only when an LLM answers."""
    with FakeProvider() as provider:
        # Streamed as OpenAI-compatible servers do: the usage comes with the last piece.
        provider.script(
            Reply(content="<think>the moon</think>Tides follow the moon.", tokens=(12, 4))
        )
        model = build_chat_model(settings_for("openai", provider))

        def factory(settings: Settings, port: int) -> FastAPI:
            return create_research_app(settings, port, model=model)

        server = AgentServer("research-agent", make_settings(tmp_path), app_factory=factory)
        server.start()
        try:
            documents = wire_documents(server.url, "Explain tides")
        finally:
            server.stop()
    wire = json.dumps(documents)
    assert '"usage"' in wire and '"inputTokens": 12' in wire and '"thinking"' in wire
    assert not_camel(documents) == []


#: One request per kind of answer, including those whose keys were snake_case once.
ANALYST_REQUESTS = [
    ("Calculate (3 + 5) * 2", None),
    ("Extract the keywords", {"data": NOTES}),
    ("Convert to CSV", {"data": [{"city": "Oslo", "rain": 3}, {"city": "Rome", "rain": 1}]}),
    ("Compute the mean and median of 4, 8, 15, 16, 23 and 42", None),
    ("What is the sentiment of this text", {"data": NOTES}),
    (
        "Group by city and sum rain",
        {"data": [{"city": "Oslo", "rain": 3}, {"city": "Oslo", "rain": 2}]},
    ),
    ("Summarize this text", {"data": NOTES * 4}),
    # A chain: the values an earlier step gave are named after it.
    (
        "Compute the average of the values of step s1 (List the values)",
        {
            "inputs": {
                "s1": {"title": "List the values", "text": "3, 5", "data": {"values": [3, 5]}}
            }
        },
    ),
]


@pytest.mark.parametrize(("text", "data"), ANALYST_REQUESTS)
def test_analyst_agent_speaks_camel_case(
    analyst_server: AgentServer, text: str, data: dict[str, Any] | None
) -> None:
    assert not_camel(wire_documents(analyst_server.url, text, data)) == []
