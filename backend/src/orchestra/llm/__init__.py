"""The LLM provider layer: chat models from settings, token usage, reading answers.

`build_chat_model(settings)` gives the configured LangChain chat model (None offline) for
the planner and the agents; `verify_provider` checks it at start. Exceptions are drawn in
`orchestra.llm.errors`.
"""

from __future__ import annotations

from orchestra.llm.answers import extract_json, message_text, split_thinking
from orchestra.llm.errors import (
    PROVIDER_ERRORS,
    LLMCallError,
    LLMConfigurationError,
    LLMError,
    LLMTimeoutError,
    describe_provider_error,
)
from orchestra.llm.providers import LLMPolicy, build_chat_model, provider_base_url, verify_provider
from orchestra.llm.usage import TokenUsage

__all__ = [
    "PROVIDER_ERRORS",
    "LLMCallError",
    "LLMConfigurationError",
    "LLMError",
    "LLMPolicy",
    "LLMTimeoutError",
    "TokenUsage",
    "build_chat_model",
    "describe_provider_error",
    "extract_json",
    "message_text",
    "provider_base_url",
    "split_thinking",
    "verify_provider",
]
