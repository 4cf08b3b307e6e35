"""Fixtures for the agent tests: one real server per agent kind per module, A2A clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from a2a.client import Client

from tests.agents.helpers import (
    CORPUS_ENERGY,
    CORPUS_GARDEN,
    AgentServer,
    make_client,
    make_settings,
)


@pytest.fixture(scope="module")
def analyst_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentServer]:
    server = AgentServer("analyst-agent", make_settings(tmp_path_factory.mktemp("analyst")))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def research_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgentServer]:
    data_dir = tmp_path_factory.mktemp("research")
    corpus = data_dir / "corpus"
    corpus.mkdir()
    (corpus / "energy.md").write_text(CORPUS_ENERGY, encoding="utf-8")
    (corpus / "gardening.txt").write_text(CORPUS_GARDEN, encoding="utf-8")
    server = AgentServer("research-agent", make_settings(data_dir))
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def analyst_client(analyst_server: AgentServer) -> AsyncIterator[Client]:
    client = await make_client(analyst_server.url)
    yield client
    await client.close()


@pytest.fixture
async def research_client(research_server: AgentServer) -> AsyncIterator[Client]:
    client = await make_client(research_server.url)
    yield client
    await client.close()
