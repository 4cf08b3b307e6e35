"""LLM exceptions.

The hierarchy, drawn once::

    LLMError                     base of every LLM failure
    ├── LLMConfigurationError    the provider settings cannot work (no key, rejected key,
    │                            unknown model, server unreachable at start): fix settings
    └── LLMCallError             one call failed after the client's retries (HTTP error,
        │                        connection error, unusable answer)
        └── LLMTimeoutError      the call did not finish within its deadline

`PROVIDER_ERRORS` are the client libraries' own exceptions; code that calls a chat model
catches them (and `TimeoutError`) and turns them into `LLMCallError` or a fallback.
"""

from __future__ import annotations

from collections.abc import Mapping

import groq
import httpx
import openai

__all__ = [
    "PROVIDER_ERRORS",
    "LLMCallError",
    "LLMConfigurationError",
    "LLMError",
    "LLMTimeoutError",
    "describe_provider_error",
]

PROVIDER_ERRORS: tuple[type[Exception], ...] = (openai.OpenAIError, groq.GroqError, httpx.HTTPError)
"""What the OpenAI and Groq clients (and raw HTTP) raise for a failed call."""


class LLMError(Exception):
    """Base class of every LLM failure."""


class LLMConfigurationError(LLMError):
    """The LLM settings cannot work; the message says which setting to change."""


class LLMCallError(LLMError):
    """A call to the model failed after the client's retries."""


class LLMTimeoutError(LLMCallError):
    """A call to the model did not finish in time."""


def describe_provider_error(error: BaseException) -> str:
    """A one-line description of a client error, without the request body or key."""
    if isinstance(error, openai.APITimeoutError | groq.APITimeoutError | TimeoutError):
        return "the request timed out"
    if isinstance(error, openai.APIStatusError | groq.APIStatusError):
        return f"HTTP {error.status_code}: {_shorten(_status_message(error))}"
    if isinstance(error, openai.APIConnectionError | groq.APIConnectionError):
        return f"cannot connect to the provider: {_shorten(str(error.__cause__ or error))}"
    return f"{type(error).__name__}: {_shorten(str(error))}"


def _status_message(error: openai.APIStatusError | groq.APIStatusError) -> str:
    # The clients keep the body's "error" object; its "message" is the provider's words.
    body = error.body
    if isinstance(body, Mapping):
        inner = body.get("error", body)
        if isinstance(inner, Mapping) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    return error.message or str(error)


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
