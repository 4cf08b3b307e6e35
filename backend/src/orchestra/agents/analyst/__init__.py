"""Analyst agent: direct data and text operations (statistics, calculation, summaries...)."""

from __future__ import annotations

from fastapi import FastAPI

from orchestra.agents.analyst.card import SKILLS, analyst_card
from orchestra.agents.analyst.executor import AnalystExecutor
from orchestra.agents.server import build_agent_app
from orchestra.config import Settings

__all__ = ["SKILLS", "AnalystExecutor", "create_analyst_app"]

KIND = "analyst-agent"


def create_analyst_app(settings: Settings, port: int) -> FastAPI:
    return build_agent_app(
        KIND,
        analyst_card(settings, port),
        AnalystExecutor(settings.analysis_timeout_seconds),
        settings,
        port,
    )
