"""The research agent's seam for an LLM: prompt, call with timeout, split out `<think>`.

Offline mode never calls this; with a LangChain chat model the write node hands it the
gathered material and uses the answer. Reasoning models' `<think>...</think>` goes to a
separate field so it never reaches the answer text.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from orchestra.llm.answers import split_thinking

__all__ = ["LLMAnswer", "generate_answer", "split_thinking"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LLMAnswer:
    text: str
    thinking: str
    input_tokens: int = 0
    output_tokens: int = 0


SYSTEM_PROMPT = (
    "You are a careful research assistant. Answer only from the material provided and "
    "general knowledge you are sure of; say plainly when the material does not cover "
    "something. Write Markdown with short sections and cite material by its [n] label."
)


async def generate_answer(
    model: BaseChatModel, prompt: str, *, timeout_seconds: float = 120.0
) -> LLMAnswer:
    """Ask the model, bounded by a timeout; thinking split from the answer."""
    messages = [SystemMessage(content=SYSTEM_PROMPT), HumanMessage(content=prompt)]
    response = await asyncio.wait_for(model.ainvoke(messages), timeout=timeout_seconds)
    content = response.content if isinstance(response.content, str) else str(response.content)
    answer, thinking = split_thinking(content)
    reasoning = response.additional_kwargs.get("reasoning_content")
    if isinstance(reasoning, str) and reasoning.strip():
        thinking = "\n\n".join(t for t in (reasoning.strip(), thinking) if t)
    usage = getattr(response, "usage_metadata", None) or {}
    return LLMAnswer(
        text=answer,
        thinking=thinking,
        input_tokens=int(usage.get("input_tokens", 0)),
        output_tokens=int(usage.get("output_tokens", 0)),
    )
