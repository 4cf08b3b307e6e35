"""Registering agents from their A2A cards."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import start_stack
from tests.stack import Stack, free_port, wait_for_task


def test_both_agents_are_listed_with_capabilities(api: httpx.Client) -> None:
    agents = {a["name"]: a for a in api.get("/api/agents").json()["items"]}
    assert len(agents) >= 2
    capabilities = {c for a in agents.values() for c in a["capabilities"]}
    assert {"research", "analysis", "writing"} <= capabilities
    assert {"statistics", "calculation", "summarization", "keywords", "sentiment"} <= capabilities
    for agent in agents.values():
        assert agent["instances"][0]["health"] == "healthy"
        detail = api.get(f"/api/agents/{agent['id']}").json()
        assert detail["skills"] and detail["skills"][0]["tags"]


def test_registering_again_is_idempotent(api: httpx.Client, stack: Stack) -> None:
    before = api.get("/api/agents").json()["items"]
    response = api.post("/api/agents", json={"card_url": stack["analyst-agent"].url})
    assert response.status_code == 201
    after = api.get("/api/agents").json()["items"]
    assert len(before) == len(after)
    assert len(response.json()["instances"]) == 1


def test_a_second_instance_joins_its_agent_and_takes_over_when_the_first_dies(
    tmp_path: Path,
) -> None:
    """Own stack: the shared one must not keep a dead instance around."""
    own = start_stack(tmp_path)
    try:
        extra = own.add("analyst-agent", key="analyst-2").start()
        with httpx.Client(base_url=own["orchestrator"].url, timeout=30) as client:
            response = client.post(
                "/api/agents", json={"card_url": f"{extra.url}/.well-known/agent-card.json"}
            )
            assert response.status_code == 201, response.text
            agent = response.json()
            assert len(agent["instances"]) == 2
            assert len({i["url"] for i in agent["instances"]}) == 2
            own["analyst-agent"].kill()
            for n in range(3):
                created = client.post(
                    "/api/tasks", json={"description": f"compute the sum of 1, 2 and {n}"}
                ).json()
                task = wait_for_task(client, created["id"], ("completed", "failed"))
                assert task["status"] == "completed", task
            instances = client.get(f"/api/agents/{agent['id']}").json()["instances"]
            health = {i["card_url"]: i["health"] for i in instances}
            assert health[f"{extra.url}/.well-known/agent-card.json"] == "healthy"
            assert list(health.values()).count("unhealthy") == 1
    finally:
        own.stop()


def test_delete_agent(tmp_path: Path) -> None:
    """A throwaway orchestrator so the shared one keeps its agents."""
    own = start_stack(tmp_path)
    try:
        with httpx.Client(base_url=own["orchestrator"].url) as client:
            agent = client.get("/api/agents").json()["items"][0]
            assert client.delete(f"/api/agents/{agent['id']}").status_code == 204
            assert client.get(f"/api/agents/{agent['id']}").status_code == 404
            assert client.delete(f"/api/agents/{agent['id']}").status_code == 404
            assert len(client.get("/api/agents").json()["items"]) == 1
    finally:
        own.stop()


@pytest.mark.parametrize(
    ("card_url", "code"),
    [
        ("not a url", "invalid_card_url"),
        ("ftp://127.0.0.1/card", "invalid_card_url"),
        ("http://127.0.0.1:{free port}", "agent_card_unreachable"),
    ],
)
def test_bad_card_urls(api: httpx.Client, card_url: str, code: str) -> None:
    # The port is taken when the test runs, not when it is collected: parallel workers
    # must collect the same test ids.
    card_url = card_url.replace("{free port}", str(free_port()))
    before = len(api.get("/api/agents").json()["items"])
    response = api.post("/api/agents", json={"card_url": card_url})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == code
    assert len(api.get("/api/agents").json()["items"]) == before


def test_a_server_that_is_not_an_agent(api: httpx.Client, stack: Stack) -> None:
    """The orchestrator's own card is refused (it would send its tasks to itself), and its
    OpenAPI document is no card."""
    response = api.post("/api/agents", json={"card_url": stack["orchestrator"].url})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "agent_is_this_orchestrator"
    assert "Orchestra" not in {a["name"] for a in api.get("/api/agents").json()["items"]}
    response = api.post(
        "/api/agents", json={"card_url": f"{stack['orchestrator'].url}/openapi.json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "agent_card_invalid"
