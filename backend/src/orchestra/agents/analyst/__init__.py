"""Analyst agent: direct data and text operations (statistics, calculation, summaries...).

The package imports nothing of the A2A server: the offline planner and the worker
processes that run the analyst's readings (`orchestra.offload`) import its modules
without it, in a third of the time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from orchestra.config import Settings

__all__ = ["KIND", "create_analyst_app"]

KIND = "analyst-agent"


def create_analyst_app(settings: Settings, port: int) -> FastAPI:
    from orchestra.agents.analyst.card import analyst_card
    from orchestra.agents.analyst.executor import AnalystExecutor
    from orchestra.agents.server import build_agent_app

    return build_agent_app(
        KIND,
        analyst_card(settings, port),
        AnalystExecutor(settings.analysis_timeout_seconds),
        settings,
        port,
    )
