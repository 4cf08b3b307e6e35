"""Chat models for the configured provider, and a start-up check that the provider works.

Every provider goes through LangChain: `openai` is `ChatOpenAI` (``OPENAI_BASE_URL`` points
it at any OpenAI-compatible server: vLLM, LM Studio, llama.cpp), `groq` is `ChatGroq`, and
`ollama` is `ChatOpenAI` on Ollama's OpenAI-compatible ``/v1`` API, which needs no extra
package and supports tools and JSON schemas.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import groq
import openai
from langchain_core.language_models import BaseChatModel
from pydantic import SecretStr

from orchestra.config import Settings
from orchestra.llm.errors import LLMConfigurationError, describe_provider_error

__all__ = ["LLMPolicy", "build_chat_model", "provider_base_url", "verify_provider"]

logger = logging.getLogger(__name__)

# The OpenAI client refuses to start without a key; local servers ignore it.
_NO_KEY = "not-needed"
# The clients' longest pause between retries (their exponential backoff is capped there).
_MAX_BACKOFF_SECONDS = 8.0


@dataclass(frozen=True)
class LLMPolicy:
    """How long LLM calls may take.

    Attributes:
        timeout_seconds: Timeout of one HTTP request, enforced by the client.
        max_retries: Retries of a failed request (429, 5xx, timeout, connection error)
            by the client, with exponential backoff and the server's ``Retry-After``.
    """

    timeout_seconds: float = 60.0
    max_retries: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMPolicy:
        return cls(settings.llm_timeout_seconds, settings.llm_max_retries)

    @property
    def deadline_seconds(self) -> float:
        """Bound on one call with all its retries.

        The client's own timeout and retries normally end a call first; the deadline
        also stops a server that keeps a response open by trickling bytes.
        """
        attempts = self.max_retries + 1
        return attempts * self.timeout_seconds + self.max_retries * _MAX_BACKOFF_SECONDS


def provider_base_url(settings: Settings) -> str | None:
    """The OpenAI-style API root the provider is reached at (None: the client's default)."""
    if settings.llm_provider == "openai":
        return settings.openai_base_url.strip() or None
    if settings.llm_provider == "groq":
        return settings.groq_base_url.strip() or None
    if settings.llm_provider == "ollama":
        return settings.ollama_base_url.strip().rstrip("/") + "/v1"
    return None


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model of the configured provider, or None when ``LLM_PROVIDER=offline``.

    Model, temperature, request timeout, retries and max tokens come from the settings;
    `Settings` has already refused a provider without its key or model.
    """
    provider = settings.llm_provider
    if provider == "offline":
        return None
    common: dict[str, Any] = {
        "model": settings.llm_model,
        "temperature": settings.llm_temperature,
        "max_tokens": settings.llm_max_tokens,
        "timeout": settings.llm_timeout_seconds,
        "max_retries": settings.llm_max_retries,
    }
    if provider == "groq":
        from langchain_groq import ChatGroq

        groq_options: dict[str, Any] = {"api_key": settings.groq_api_key}
        if settings.groq_base_url.strip():
            groq_options["base_url"] = settings.groq_base_url.strip()
        return ChatGroq(**common, **groq_options)

    from langchain_openai import ChatOpenAI

    if provider == "openai":
        key = settings.openai_api_key.get_secret_value().strip() or _NO_KEY
    else:
        key = _NO_KEY
    return ChatOpenAI(**common, api_key=SecretStr(key), base_url=provider_base_url(settings))


async def verify_provider(settings: Settings) -> list[str]:
    """Check at start that the provider answers, accepts the key and offers the model.

    Lists the provider's models (one cheap request, no tokens spent). Call it when a
    service starts so that a wrong key is a clear error then, not a failed task later.

    Returns:
        The model ids the provider offers (empty when offline).

    Raises:
        LLMConfigurationError: The provider is unreachable, rejects the key, or does not
            offer ``LLM_MODEL``; the message says which setting to fix.
    """
    provider = settings.llm_provider
    if provider == "offline":
        return []
    policy = LLMPolicy.from_settings(settings)
    base_url = provider_base_url(settings)
    where = base_url or {"openai": "api.openai.com", "groq": "api.groq.com"}.get(provider, "")
    key_setting = {"openai": "OPENAI_API_KEY", "groq": "GROQ_API_KEY"}.get(provider)
    try:
        if provider == "groq":
            async with groq.AsyncGroq(
                api_key=settings.groq_api_key.get_secret_value(),
                base_url=base_url,
                timeout=policy.timeout_seconds,
                max_retries=policy.max_retries,
            ) as groq_client:
                listed = await groq_client.models.list()
                ids = [model.id for model in listed.data]
        else:
            key = settings.openai_api_key.get_secret_value() if provider == "openai" else ""
            async with openai.AsyncOpenAI(
                api_key=key.strip() or _NO_KEY,
                base_url=base_url,
                timeout=policy.timeout_seconds,
                max_retries=policy.max_retries,
            ) as openai_client:
                ids = [model.id async for model in openai_client.models.list()]
    except (openai.AuthenticationError, groq.AuthenticationError) as error:
        raise LLMConfigurationError(
            f"LLM_PROVIDER={provider}: {where} rejected the API key "
            f"({describe_provider_error(error)}); check {key_setting or 'the key'}."
        ) from error
    except (openai.OpenAIError, groq.GroqError) as error:
        raise LLMConfigurationError(
            f"LLM_PROVIDER={provider}: cannot list models at {where} "
            f"({describe_provider_error(error)}); is the server running and the URL right?"
        ) from error
    if ids and not _offers(ids, settings.llm_model):
        shown = ", ".join(sorted(ids)[:20])
        raise LLMConfigurationError(
            f"LLM_PROVIDER={provider}: {where} does not offer LLM_MODEL={settings.llm_model!r}; "
            f"it offers: {shown}"
            + (" (pull it with `ollama pull <model>`)" if provider == "ollama" else "")
        )
    logger.info("LLM provider %s at %s offers model %s", provider, where, settings.llm_model)
    return ids


def _offers(ids: list[str], model: str) -> bool:
    # Ollama lists "llama3.1:latest" for "llama3.1".
    return any(i == model or i == f"{model}:latest" for i in ids)
