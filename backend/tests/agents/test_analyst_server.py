"""The analyst agent over real HTTP, driven by the a2a-sdk client (JSON-RPC and HTTP+JSON)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from a2a.client import Client
from a2a.types import GetTaskRequest, InvalidParamsError

from tests.agents.helpers import (
    COMPLETED,
    FAILED,
    AgentServer,
    ask,
    make_client,
    make_settings,
    send,
    user_message,
)

ANALYST_SKILLS = {
    "statistics",
    "calculation",
    "summarization",
    "keywords",
    "sentiment",
    "conversion",
}


async def test_card_is_served_with_both_interfaces(analyst_server: AgentServer) -> None:
    async with httpx.AsyncClient(base_url=analyst_server.url) as http:
        response = await http.get("/.well-known/agent-card.json")
        health = await http.get("/health")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=60"
    card = response.json()
    assert card["name"] == "Analyst Agent"
    assert card["capabilities"]["streaming"] is True
    assert {s["id"] for s in card["skills"]} == ANALYST_SKILLS
    for skill in card["skills"]:
        assert skill["tags"] and 2 <= len(skill["examples"]) <= 4 and skill["description"]
    interfaces = {i["protocolBinding"]: i for i in card["supportedInterfaces"]}
    assert set(interfaces) == {"JSONRPC", "HTTP+JSON"}
    assert all(i["protocolVersion"] == "1.0" for i in interfaces.values())
    assert interfaces["JSONRPC"]["url"] == f"{analyst_server.url}/"
    assert health.json() == {"status": "ok", "agent": "analyst-agent"}


async def test_average_of_three_numbers(analyst_client: Client) -> None:
    outcome = await ask(analyst_client, "compute the average of 3, 5 and 10")
    assert outcome.state == COMPLETED
    assert outcome.data["operation"] == "mean"
    assert outcome.data["result"] == pytest.approx(6.0)
    assert "Mean (average): 6" in outcome.text
    # Task first, then working updates, then the artifact, then COMPLETED.
    kinds = [e.WhichOneof("payload") for e in outcome.events]
    assert kinds[0] == "task"
    assert kinds.index("artifact_update") > kinds.index("status_update")
    assert outcome.events[-1].status_update.status.state == COMPLETED


async def test_csv_statistics_and_group_by(analyst_client: Client) -> None:
    csv_text = "region,revenue\nnorth,100\nsouth,50\nnorth,300\n"
    stats = await ask(analyst_client, f"What is the median revenue?\n{csv_text}")
    assert stats.state == COMPLETED
    assert stats.data["operation"] == "median" and stats.data["result"] == 100
    grouped = await ask(
        analyst_client,
        "Total revenue grouped by region",
        data={"data": csv_text},
        capability="statistics",
    )
    assert grouped.state == COMPLETED, grouped.reason
    totals = {g["region"]: g["sum"]["revenue"] for g in grouped.data["result"]}
    assert totals == {"north": 400, "south": 50}


async def test_statistics_on_dependency_inputs(analyst_client: Client) -> None:
    data = {
        "task": "Research sales and compute the mean",
        "step": {"id": "stats", "title": "Mean sales", "capability": "statistics"},
        "inputs": {
            "research": {"title": "Sales", "text": "Units sold: 12, 18 and 30.", "data": None}
        },
    }
    outcome = await ask(analyst_client, "Compute the mean of the figures", data=data)
    assert outcome.state == COMPLETED
    assert outcome.data["result"] == 20 and outcome.data["source"] == "inputs"


async def test_calculation(analyst_client: Client) -> None:
    outcome = await ask(analyst_client, "what is 12 * (3 + 4)?")
    assert outcome.state == COMPLETED
    assert outcome.data == {
        "operation": "calculation",
        "expression": "12 * (3 + 4)",
        "result": 84,
        "formatted": "84",
        "steps": [{"expression": "12 * (3 + 4)", "result": 84}],
        "inputs": {},
        "confidence": 1.0,
        "understood": "12 * (3 + 4)",
    }


async def test_summarization_keywords_sentiment(analyst_client: Client) -> None:
    article = (
        "Solar power is cheap to run. Solar power produces no emissions while operating. "
        "However, solar power depends on the weather. Batteries store solar power for the night. "
        "Many households now install solar panels."
    )
    inputs = {"inputs": {"r1": {"title": "Research", "text": article, "data": None}}}
    summary = await ask(analyst_client, "Summarize in 2 sentences", data=inputs)
    assert summary.state == COMPLETED and len(summary.data["sentences"]) == 2
    keywords = await ask(analyst_client, "Extract 3 keywords", data=inputs, capability="keywords")
    assert keywords.state == COMPLETED
    assert keywords.data["keywords"][0]["phrase"] == "solar power"
    sentiment = await ask(
        analyst_client, "I love it, the support was excellent!", capability="sentiment"
    )
    assert sentiment.state == COMPLETED and sentiment.data["label"] == "positive"


async def test_conversion(analyst_client: Client) -> None:
    outcome = await ask(analyst_client, "Convert this CSV to JSON:\nname,age\nann,30\nbob,41")
    assert outcome.state == COMPLETED
    assert outcome.data["records"] == [{"name": "ann", "age": 30}, {"name": "bob", "age": 41}]
    table = await ask(
        analyst_client, "Make a markdown table", data={"data": [{"city": "Oslo", "pop": 709000}]}
    )
    assert table.state == COMPLETED and table.data["to"] == "markdown"
    # Protobuf Struct does not keep key order, so the columns may come in either order.
    assert "| Oslo |" in table.text and "| 709000 |" in table.text


@pytest.mark.parametrize(
    ("text", "data", "reason"),
    [
        ("", None, "empty"),
        ("what is 1 / 0", None, "Division by zero"),
        ("what is 2 * foo", None, "Unknown name 'foo'"),
        ("Convert this CSV to JSON:\nname,age\nann,30,x,y\nbob", None, "No table found"),
        (
            "do it",
            {"step": {"id": "s", "title": "t", "capability": "astrology"}},
            "Unknown operation",
        ),
        ("hello there", None, "Cannot tell which operation"),
        ("x" * 1_100_000, None, "limit is 1,000,000 bytes"),
    ],
)
async def test_bad_input_fails_with_reason(
    analyst_client: Client, text: str, data: dict[str, object] | None, reason: str
) -> None:
    outcome = await ask(analyst_client, text, data=data)
    assert outcome.state == FAILED
    assert reason in outcome.reason
    # The server keeps serving.
    again = await ask(analyst_client, "what is 1 + 1")
    assert again.state == COMPLETED and again.data["result"] == 2


@pytest.mark.parametrize(
    ("path", "code_field", "code"),
    [("/", "code", -32005), ("/message:send", "details", "CONTENT_TYPE_NOT_SUPPORTED")],
)
async def test_body_that_is_not_json_gets_415(
    analyst_server: AgentServer, path: str, code_field: str, code: object
) -> None:
    body = '{"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {}}'
    async with httpx.AsyncClient(base_url=analyst_server.url) as http:
        response = await http.post(
            path, content=body, headers={"Content-Type": "text/plain", "A2A-Version": "1.0"}
        )
        # JSON with parameters, and the A2A media type, pass on to the SDK.
        for content_type in ("application/json; charset=utf-8", "application/a2a+json"):
            accepted = await http.post(
                path, content=body, headers={"Content-Type": content_type, "A2A-Version": "1.0"}
            )
            assert accepted.status_code != 415
    assert response.status_code == 415
    error = response.json()["error"]
    assert "not supported" in error["message"]
    found = error[code_field] if code_field == "code" else error["details"][0]["reason"]
    assert found == code


async def test_message_without_parts_is_rejected_by_protocol(analyst_client: Client) -> None:
    # parts is REQUIRED in A2A 1.0: the SDK answers -32602 before the executor runs.
    with pytest.raises(InvalidParamsError, match="Validation failed"):
        await send(analyst_client, user_message(None))


@pytest.mark.parametrize(
    ("binding", "streaming"), [("HTTP+JSON", True), ("HTTP+JSON", False), ("JSONRPC", False)]
)
async def test_other_bindings(analyst_server: AgentServer, binding: str, streaming: bool) -> None:
    client = await make_client(analyst_server.url, binding=binding, streaming=streaming)
    try:
        outcome = await ask(client, "the sum of 1, 2 and 3.5")
        assert outcome.state == COMPLETED
        assert outcome.data["result"] == pytest.approx(6.5)
        if not streaming:
            assert [e.WhichOneof("payload") for e in outcome.events] == ["task"]
    finally:
        await client.close()


async def test_finished_task_survives_restart(tmp_path: Path) -> None:
    server = AgentServer("analyst-agent", make_settings(tmp_path))
    server.start()
    try:
        client = await make_client(server.url)
        outcome = await ask(client, "the max of 4, 8 and 2")
        await client.close()
        assert outcome.state == COMPLETED
        server.stop()
        assert (tmp_path / "agents" / f"analyst-agent-{server.port}.db").is_file()
        server.start()
        client = await make_client(server.url)
        task = await client.get_task(GetTaskRequest(id=outcome.task.id))
        await client.close()
    finally:
        server.stop()
    assert task.status.state == COMPLETED
    assert task.artifacts[0].parts[0].text == outcome.text


async def test_metrics_count_runs_by_capability(
    analyst_client: Client, analyst_server: AgentServer
) -> None:
    outcome = await ask(
        analyst_client, "compute the average of 1, 2 and 3", capability="statistics"
    )
    assert outcome.state == COMPLETED
    async with httpx.AsyncClient() as http:
        text = (await http.get(f"{analyst_server.url}/metrics")).text
    assert 'orchestra_agent_runs_total{capability="statistics",outcome="completed"}' in text
    assert "orchestra_agent_run_duration_seconds_bucket" in text
