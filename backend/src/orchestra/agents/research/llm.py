"""The research agent's seam for an LLM: prompt, call with timeout, split out `<think>`.

Offline mode never calls this; with a LangChain chat model the write node hands it the
gathered material and uses the answer. The model's answer is streamed: each piece of it
goes to `on_text` as it comes (the caller shows it live), then the whole is read once.
Reasoning models' `<think>...</think>` goes to a separate field so it never reaches the
answer text, the live one included.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessageChunk, HumanMessage, SystemMessage

from orchestra.llm.answers import AnswerStream, message_text, split_thinking

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
    model: BaseChatModel,
    prompt: str,
    *,
    timeout_seconds: float = 120.0,
    on_text: Callable[[str], None] | None = None,
) -> LLMAnswer:
    """Ask the model, bounded by a timeout; thinking split from the answer.

    `on_text` gets the answer's text as it streams (without thinking), piece by piece.
    """
    messages = [SystemMessage(content=SYSTEM_PROMPT), HumanMessage(content=prompt)]
    live = AnswerStream()
    response: BaseMessageChunk | None = None
    async with asyncio.timeout(timeout_seconds):
        async for chunk in model.astream(messages):
            response = chunk if response is None else response + chunk
            if on_text is not None and isinstance(chunk.content, str) and chunk.content:
                shown = live.feed(chunk.content)
                if shown:
                    on_text(shown)
    if response is None:
        raise ValueError("the model's stream ended without an answer")
    answer, thinking = message_text(response)
    usage = getattr(response, "usage_metadata", None) or {}
    return LLMAnswer(
        text=answer,
        thinking=thinking,
        input_tokens=int(usage.get("input_tokens", 0)),
        output_tokens=int(usage.get("output_tokens", 0)),
    )
