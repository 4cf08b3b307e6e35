"""The agents get the configured chat model from the provider layer."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from orchestra.agents import create_agent_app

from .fake_provider import FakeProvider, settings_for


def test_the_research_agent_gets_the_chat_model(
    server: FakeProvider, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for("groq", server, data_dir=tmp_path)
    with caplog.at_level(logging.WARNING, logger="orchestra.agents"):
        create_agent_app("research-agent", settings, 8801)
    # The research app warns, and runs offline, only when it is given no model.
    assert not [r for r in caplog.records if "not wired" in r.getMessage()]
