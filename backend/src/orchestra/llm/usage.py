"""Token usage of LLM calls, read from LangChain's `usage_metadata`, with the model name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import BaseMessage

__all__ = ["TokenUsage"]


@dataclass(frozen=True)
class TokenUsage:
    """Tokens spent by one or more LLM calls.

    Attributes:
        input_tokens: Prompt tokens, summed over the calls.
        output_tokens: Completion tokens (reasoning included), summed over the calls.
        model: The model that answered (as the server names it, else as configured);
            None when no call was made.
        calls: Number of calls that returned an answer.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    model: str | None = None
    calls: int = 0

    @classmethod
    def of(cls, message: BaseMessage, model: str | None = None) -> TokenUsage:
        """The usage of the call that produced ``message`` (an `AIMessage`).

        Args:
            message: The model's answer; its ``usage_metadata`` (or, from older
                integrations, ``response_metadata["token_usage"]``) is read.
            model: The configured model name, used when the answer does not name one.
        """
        usage: Mapping[str, Any] = getattr(message, "usage_metadata", None) or {}
        if usage:
            tokens_in = int(usage.get("input_tokens") or 0)
            tokens_out = int(usage.get("output_tokens") or 0)
        else:
            raw: Mapping[str, Any] = message.response_metadata.get("token_usage") or {}
            tokens_in = int(raw.get("prompt_tokens") or 0)
            tokens_out = int(raw.get("completion_tokens") or 0)
        named = message.response_metadata.get("model_name") or message.response_metadata.get(
            "model"
        )
        return cls(tokens_in, tokens_out, str(named) if named else model, 1)

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            other.model or self.model,
            self.calls + other.calls,
        )
