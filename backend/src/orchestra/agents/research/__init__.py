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
from orchestra.llm.profiles import ModelProfile

__all__ = ["SKILLS", "ResearchExecutor", "create_research_app", "split_thinking"]

logger = logging.getLogger(__name__)

KIND = "research-agent"


def create_research_app(
    settings: Settings,
    port: int,
    model: BaseChatModel | None = None,
    profile: ModelProfile | None = None,
) -> FastAPI:
    """The research agent's app; `model=None` runs offline with real algorithms.

    `profile` is the model profile `model` was built from; the card names it.
    """
    if model is None and profile is not None and not profile.offline:
        logger.warning(
            "model profile %r has no chat model in the research agent; running offline",
            profile.name,
        )
    executor = ResearchExecutor(
        checkpoint_path=settings.data_dir / "agents" / f"{KIND}-{port}-graph.db",
        corpus_dir=settings.data_dir / "corpus",
        model=model,
        llm_timeout_seconds=settings.llm_timeout_seconds,
        checkpoint_days=settings.checkpoint_days,
        profile=profile.name if profile is not None else None,
    )
    card = research_card(settings, port, profile)
    return build_agent_app(KIND, card, executor, settings, port)
