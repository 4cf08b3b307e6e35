"""The LLM provider layer: chat models from settings, token usage, reading answers.

`ModelProfiles.from_settings(settings)` reads the deployment's model profiles (`default` is
LLM_PROVIDER's); `build_chat_model(settings, profile)` gives a profile's LangChain chat model
(None offline) for the planner, the synthesis and the agents; `verify_provider` checks it at
start. Exceptions are drawn in `orchestra.llm.errors`.
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
from orchestra.llm.profiles import (
    DEFAULT_PROFILE,
    ModelProfile,
    ModelProfiles,
    UnknownProfileError,
)
from orchestra.llm.providers import LLMPolicy, build_chat_model, provider_base_url, verify_provider
from orchestra.llm.usage import TokenUsage

__all__ = [
    "DEFAULT_PROFILE",
    "PROVIDER_ERRORS",
    "LLMCallError",
    "LLMConfigurationError",
    "LLMError",
    "LLMPolicy",
    "LLMTimeoutError",
    "ModelProfile",
    "ModelProfiles",
    "TokenUsage",
    "UnknownProfileError",
    "build_chat_model",
    "describe_provider_error",
    "extract_json",
    "message_text",
    "provider_base_url",
    "split_thinking",
    "verify_provider",
]
