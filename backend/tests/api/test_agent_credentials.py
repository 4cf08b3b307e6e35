"""Agents that require a token: our agents with AGENT_TOKEN, registered with and without the
credential, and tasks through them; real processes throughout."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.stack import Stack, wait_for_task

TOKEN = "agent-token-" + "x" * 20
MEAN = {
    "steps": [
        {"id": "s1", "title": "Mean", "capability": "statistics",
         "instruction": "Compute the mean of 2, 4 and 9"},
    ]
}  # fmt: skip


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    running = Stack(tmp_path_factory.mktemp("credentials"), settings={"STEP_MAX_ATTEMPTS": "1"})
    try:
        agent = running.add("analyst-agent")
        agent.env["AGENT_TOKEN"] = TOKEN
        agent.start()
        running.add("orchestrator").start()
        yield running
    finally:
        running.stop()


@pytest.fixture
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as client:
        yield client


def test_the_agent_refuses_calls_without_its_token(stack: Stack) -> None:
    url = stack["analyst-agent"].url
    card = httpx.get(f"{url}/.well-known/agent-card.json").json()
    assert card["securityRequirements"] == [{"schemes": {"bearer": {}}}]
    assert card["securitySchemes"]["bearer"]["httpAuthSecurityScheme"]["scheme"] == "Bearer"
    assert httpx.get(f"{url}/health").status_code == 200
    call = {"jsonrpc": "2.0", "id": 1, "method": "GetTask", "params": {"id": "nope"}}
    headers = {"A2A-Version": "1.0"}
    for auth in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        refused = httpx.post(url, json=call, headers={**headers, **auth})
        assert refused.status_code == 401, auth
        assert refused.headers["www-authenticate"] == "Bearer"
        assert refused.json()["error"]["data"][0]["reason"] == "UNAUTHENTICATED"
    rest = httpx.get(f"{url}/tasks/nope", headers=headers)
    assert rest.status_code == 401 and rest.json()["error"]["status"] == "UNAUTHENTICATED"
    allowed = httpx.post(url, json=call, headers={**headers, "Authorization": f"Bearer {TOKEN}"})
    assert allowed.status_code == 200 and allowed.json()["error"]["code"] == -32001  # not found


def test_an_agent_needing_a_credential_is_unusable_without_it_then_runs_tasks_with_it(
    stack: Stack, api: httpx.Client
) -> None:
    url = stack["analyst-agent"].url
    response = api.post("/api/agents", json={"card_url": url})
    assert response.status_code == 201, response.text
    agent = response.json()
    assert agent["usable"] is False and agent["has_credential"] is False
    assert "'bearer'" in agent["unusable_reason"] and "credential" in agent["unusable_reason"]
    # No step goes to it: its capabilities are not offered.
    refused = api.post("/api/tasks", json={"description": "mean", "plan": MEAN})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_plan"

    response = api.post("/api/agents", json={"card_url": url, "credential": TOKEN})
    assert response.status_code == 201, response.text
    agent = response.json()
    assert agent["usable"] is True and agent["unusable_reason"] is None
    assert agent["has_credential"] is True
    assert TOKEN not in response.text and TOKEN not in api.get("/api/agents").text
    submitted = api.post("/api/tasks", json={"description": "mean", "plan": MEAN})
    assert submitted.status_code == 202, submitted.text
    task = wait_for_task(api, submitted.json()["id"], ("completed", "failed"))
    assert task["status"] == "completed", task
    assert task["steps"][0]["output_data"]["result"] == pytest.approx(5.0)  # type: ignore[index]
    # At rest it is encrypted.
    with sqlite3.connect(Path(stack.data_dir) / "orchestra.db") as db:
        (stored,) = db.execute("SELECT credential FROM agents").fetchone()
    assert stored and TOKEN not in stored

    # Registered again without one: the credential given before is kept.
    again = api.post("/api/agents", json={"card_url": url})
    assert again.json()["usable"] is True and again.json()["has_credential"] is True


def test_a_wrong_credential_fails_the_step_with_the_agents_refusal(
    stack: Stack, api: httpx.Client
) -> None:
    url = stack["analyst-agent"].url
    assert api.post("/api/agents", json={"card_url": url, "credential": "wrong"}).status_code == 201
    try:
        submitted = api.post("/api/tasks", json={"description": "mean", "plan": MEAN})
        task = wait_for_task(api, submitted.json()["id"], ("completed", "failed"))
        assert task["status"] == "failed"
        assert "401" in str(task["steps"][0]["error"])  # type: ignore[index]
    finally:
        api.post("/api/agents", json={"card_url": url, "credential": TOKEN})
