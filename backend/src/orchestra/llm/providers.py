"""Chat models for model profiles, and a start-up check that a profile's provider works.

Every provider goes through LangChain: `openai` is `ChatOpenAI` (``OPENAI_BASE_URL`` points
it at any OpenAI-compatible server: vLLM, LM Studio, llama.cpp), `groq` is `ChatGroq`, and
`ollama` is `ChatOpenAI` on Ollama's OpenAI-compatible ``/v1`` API, which needs no extra
package and supports tools and JSON schemas.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import groq
import openai
from langchain_core.language_models import BaseChatModel
from pydantic import SecretStr

from orchestra.config import Settings
from orchestra.llm.errors import LLMConfigurationError, describe_provider_error
from orchestra.llm.profiles import DEFAULT_PROFILE, ModelProfile, ModelProfiles

if TYPE_CHECKING:
    from orchestra.llm.hosts import HostPool

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


def provider_base_url(profile: ModelProfile) -> str | None:
    """The OpenAI-style API root the profile's provider is reached at (None: the client's
    default)."""
    if profile.provider in ("openai", "groq") and not profile.hosts:
        return profile.base_url or None
    if profile.provider == "ollama":
        root = profile.base_url or (profile.hosts[0] if profile.hosts else "")
        return root.rstrip("/") + "/v1"
    if profile.hosts:
        return profile.hosts[0]
    return None


def _profile(settings: Settings, profile: ModelProfile | str) -> ModelProfile:
    if isinstance(profile, ModelProfile):
        return profile
    return ModelProfiles.from_settings(settings).get_profile(profile)


def build_chat_model(
    settings: Settings,
    profile: ModelProfile | str = DEFAULT_PROFILE,
    pool: HostPool | None = None,
) -> BaseChatModel | None:
    """The chat model of a profile (by default LLM_PROVIDER's), or None when it is offline.

    Every profile is built here: model, temperature and max tokens from the profile;
    request timeout and retries from the settings (LLM_TIMEOUT_SECONDS, LLM_MAX_RETRIES).
    A profile with hosts gets a model that fails over between them
    (`orchestra.llm.hosts`), over `pool` (one of its own when None: pass the pool the
    process probes, so that its health is the one the model goes by).

    Raises:
        UnknownProfileError: `profile` names no profile.
        LLMConfigurationError: The profile lacks its model, key or base URL.
    """
    chosen = _profile(settings, profile)
    provider = chosen.provider
    if provider == "offline":
        return None
    common: dict[str, Any] = {
        "model": chosen.model,
        "temperature": chosen.temperature,
        "max_tokens": chosen.max_tokens,
        "timeout": settings.llm_timeout_seconds,
        "max_retries": settings.llm_max_retries,
    }
    if provider == "groq":
        from langchain_groq import ChatGroq

        groq_options: dict[str, Any] = {"api_key": chosen.api_key}
        if chosen.base_url:
            groq_options["base_url"] = chosen.base_url
        return ChatGroq(**common, **groq_options)

    from langchain_openai import ChatOpenAI

    key = chosen.api_key.get_secret_value().strip() or _NO_KEY
    # Token usage comes in a last chunk of a stream only when asked for.
    common["stream_usage"] = True
    if chosen.hosts:
        from orchestra.llm.failover import FailoverChatModel
        from orchestra.llm.hosts import HostPool

        retries = common.pop("max_retries")
        return FailoverChatModel.over(
            pool or HostPool(chosen), retries, **common, api_key=SecretStr(key)
        )
    return ChatOpenAI(**common, api_key=SecretStr(key), base_url=provider_base_url(chosen))


async def verify_provider(
    settings: Settings, profile: ModelProfile | str = DEFAULT_PROFILE
) -> list[str]:
    """Check at start that a profile's provider answers, accepts the key and offers the model.

    Lists the provider's models (one cheap request, no tokens spent). Call it when a
    service starts so that a wrong key is a clear error then, not a failed task later.

    Returns:
        The model ids the provider offers (empty when offline).

    Raises:
        LLMConfigurationError: The provider is unreachable, rejects the key, or does not
            offer the profile's model; the message says which setting to fix.
    """
    chosen = _profile(settings, profile)
    provider = chosen.provider
    if provider == "offline":
        return []
    if chosen.hosts:
        # Failover covers the hosts that are down: one that works is enough to start on.
        problems: list[str] = []
        for host in chosen.hosts:
            single = chosen.model_copy(update={"hosts": (), "base_url": host})
            try:
                return await verify_provider(settings, single)
            except LLMConfigurationError as error:
                problems.append(str(error))
        raise LLMConfigurationError(" ".join(problems))
    # The default profile is LLM_PROVIDER's: messages name the settings people wrote.
    if chosen.name == DEFAULT_PROFILE:
        what, model_setting = f"LLM_PROVIDER={provider}", "LLM_MODEL"
    else:
        what, model_setting = f"model profile {chosen.name!r} ({provider})", "its model"
    policy = LLMPolicy.from_settings(settings)
    base_url = provider_base_url(chosen)
    where = base_url or {"openai": "api.openai.com", "groq": "api.groq.com"}.get(provider, "")
    key_setting = chosen.key_env or "the key"
    key = chosen.api_key.get_secret_value().strip()
    try:
        if provider == "groq":
            async with groq.AsyncGroq(
                api_key=key,
                base_url=base_url,
                timeout=policy.timeout_seconds,
                max_retries=policy.max_retries,
            ) as groq_client:
                listed = await groq_client.models.list()
                ids = [model.id for model in listed.data]
        else:
            async with openai.AsyncOpenAI(
                api_key=key or _NO_KEY,
                base_url=base_url,
                timeout=policy.timeout_seconds,
                max_retries=policy.max_retries,
            ) as openai_client:
                ids = [model.id async for model in openai_client.models.list()]
    except (openai.AuthenticationError, groq.AuthenticationError) as error:
        raise LLMConfigurationError(
            f"{what}: {where} rejected the API key "
            f"({describe_provider_error(error)}); check {key_setting}."
        ) from error
    except (openai.OpenAIError, groq.GroqError) as error:
        raise LLMConfigurationError(
            f"{what}: cannot list models at {where} "
            f"({describe_provider_error(error)}); is the server running and the URL right?"
        ) from error
    if ids and not _offers(ids, chosen.model):
        shown = ", ".join(sorted(ids)[:20])
        raise LLMConfigurationError(
            f"{what}: {where} does not offer {model_setting}={chosen.model!r}; "
            f"it offers: {shown}"
            + (" (pull it with `ollama pull <model>`)" if provider == "ollama" else "")
        )
    logger.info("LLM provider %s at %s offers model %s", provider, where, chosen.model)
    return ids


def _offers(ids: list[str], model: str) -> bool:
    # Ollama lists "llama3.1:latest" for "llama3.1".
    return any(i == model or i == f"{model}:latest" for i in ids)
