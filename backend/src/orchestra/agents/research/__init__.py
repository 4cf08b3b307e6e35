"""Research agent: a LangGraph workflow behind an A2A server (research, analysis, writing)."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from langchain_core.language_models import BaseChatModel

from orchestra.agents.research.card import SKILLS, research_card
from orchestra.agents.research.executor import ResearchExecutor
from orchestra.agents.research.llm import split_thinking
from orchestra.agents.server import build_agent_app
from orchestra.config import Settings

__all__ = ["SKILLS", "ResearchExecutor", "create_research_app", "split_thinking"]

logger = logging.getLogger(__name__)

KIND = "research-agent"


def create_research_app(
    settings: Settings, port: int, model: BaseChatModel | None = None
) -> FastAPI:
    """The research agent's app; `model=None` runs offline with real algorithms."""
    if model is None and settings.llm_provider != "offline":
        logger.warning(
            "LLM provider %r is not wired into the research agent yet; running offline",
            settings.llm_provider,
        )
    executor = ResearchExecutor(
        checkpoint_path=settings.data_dir / "agents" / f"{KIND}-{port}-graph.db",
        corpus_dir=settings.data_dir / "corpus",
        model=model,
        llm_timeout_seconds=settings.llm_timeout_seconds,
    )
    return build_agent_app(KIND, research_card(settings, port), executor, settings, port)
