"""The agents get the configured chat model from the provider layer, and use it."""

from __future__ import annotations

from pathlib import Path

from orchestra.config import Settings
from tests.agents.helpers import COMPLETED, AgentServer, ask, make_client

from .fake_provider import FakeProvider, Reply, settings_for


async def test_the_research_agent_answers_with_the_configured_model(
    server: FakeProvider, tmp_path: Path
) -> None:
    server.script(Reply(content="Tides follow the moon.", tokens=(21, 6)))
    settings: Settings = settings_for("groq", server, data_dir=tmp_path, host="127.0.0.1")
    agent = AgentServer("research-agent", settings)
    agent.start()
    try:
        client = await make_client(agent.url)
        outcome = await ask(client, "Explain tides", capability="research")
        await client.close()
    finally:
        agent.stop()
    assert outcome.state == COMPLETED, outcome.reason
    assert outcome.text == "Tides follow the moon."
    assert outcome.data["mode"] == "llm"
    assert outcome.data["usage"]["inputTokens"] == 21
    (request,) = server.chat_requests
    assert request.body["model"] == "fake-model"
    assert "Explain tides" in str(request.body["messages"])
