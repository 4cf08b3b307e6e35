"""Model profiles: the named models a deployment offers (`default`, `fast`, `smart`, ...).

A profile is a provider (offline, openai, groq, ollama; openai with a base URL is any
OpenAI-compatible server), a model, a temperature and a max tokens, and where needed the
name of the environment variable holding its key and a base URL. Profiles come from
``MODEL_PROFILES`` (JSON) and ``MODEL_PROFILES_FILE`` (TOML or JSON); ``LLM_PROVIDER`` and
``LLM_MODEL`` are the `default` profile, so settings written before profiles existed keep
their meaning. The planner, the synthesis (``PLANNER_MODEL``, ``SYNTHESIS_MODEL``) and each
agent server (``--model``) name the profile they use; a name that is not a profile stops
the service at start.

This module reads settings and files only: building a chat model from a profile is
`orchestra.llm.providers.build_chat_model`'s job, the same code for every profile.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dotenv import dotenv_values
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from orchestra.config import LLMProvider, Settings, StructuredOutputMethod
from orchestra.llm.errors import LLMConfigurationError

__all__ = [
    "DEFAULT_PROFILE",
    "MODEL_EXTENSION_URI",
    "ModelProfile",
    "ModelProfiles",
    "UnknownProfileError",
]

DEFAULT_PROFILE = "default"
#: The agent-card extension (under capabilities) that names the model an instance runs;
#: its params are {"profile", "provider", "model"}.
MODEL_EXTENSION_URI = "urn:orchestra:model-profile:v1"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$")
# The key settings the default profile and profiles on a provider's own endpoint read.
PROVIDER_KEYS = {"openai": "OPENAI_API_KEY", "groq": "GROQ_API_KEY"}
EXAMPLE_MODELS = {"openai": "gpt-4o-mini", "groq": "llama-3.3-70b-versatile", "ollama": "llama3.1"}


class UnknownProfileError(LLMConfigurationError):
    """A setting or option names a model profile that is not defined."""


class ProfileSpec(BaseModel):
    """One profile as written in ``MODEL_PROFILES`` or the profiles file."""

    model_config = ConfigDict(extra="forbid")

    provider: LLMProvider
    model: str = ""
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    max_tokens: int | None = Field(default=None, ge=1)
    base_url: str = ""
    hosts: list[str] = Field(default_factory=list, max_length=20)
    api_key_env: str = Field(default="", pattern=r"^([A-Za-z_][A-Za-z0-9_]*)?$")
    structured_output: StructuredOutputMethod | None = None
    # USD per million tokens; a negative price is refused (the service does not start).
    input_price: float | None = Field(default=None, ge=0.0)
    output_price: float | None = Field(default=None, ge=0.0)

    @field_validator("hosts")
    @classmethod
    def _hosts(cls, hosts: list[str]) -> list[str]:
        cleaned = [h.strip().rstrip("/") for h in hosts]
        for host in cleaned:
            parts = urlsplit(host)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{host!r} is not an http(s) URL")
        if len(set(cleaned)) != len(cleaned):
            raise ValueError("a host is listed twice")
        return cleaned

    @model_validator(mode="after")
    def _hosts_fit(self) -> ProfileSpec:
        if self.hosts and self.provider not in ("ollama", "openai"):
            raise ValueError(
                f"hosts are for ollama or OpenAI-compatible servers, not {self.provider}"
            )
        if self.hosts and self.base_url.strip():
            raise ValueError("give either base_url or hosts, not both")
        return self


class ModelProfile(BaseModel):
    """A profile with every value resolved: what a chat model is built from.

    Attributes:
        name: The profile's name.
        provider: offline, openai, groq or ollama.
        model: The model's name at the provider (empty offline).
        temperature: None means the provider's default.
        max_tokens: Most tokens one answer may have; None: no limit.
        base_url: Where the provider is reached (for ollama, the server's root); empty
            means the client's default endpoint.
        hosts: Several servers that serve the model alike (each a root URL, like
            base_url): calls go to a healthy one and fail over to another
            (`orchestra.llm.hosts`); empty: the base URL only.
        key_env: The environment variable the key was read from (empty: none needed).
        api_key: The key; never shown, only whether it is set.
        structured_output: How the planner asks this model for a structured plan.
        input_price: USD per million prompt tokens; None: unknown (costs are then unknown,
            never counted as free).
        output_price: USD per million completion tokens; None: unknown.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    provider: LLMProvider
    model: str = ""
    temperature: float | None = None
    max_tokens: int | None = None
    base_url: str = ""
    hosts: tuple[str, ...] = ()
    key_env: str = ""
    api_key: SecretStr = SecretStr("")
    structured_output: StructuredOutputMethod = "function_calling"
    input_price: float | None = None
    output_price: float | None = None

    @property
    def offline(self) -> bool:
        return self.provider == "offline"

    @property
    def key_set(self) -> bool:
        return bool(self.api_key.get_secret_value().strip())

    @property
    def base_url_host(self) -> str | None:
        """The host (and port) of the base URL, for display; None for the default endpoint."""
        if not self.base_url:
            return None
        return url_host(self.base_url)

    def problems(self) -> list[str]:
        """What keeps this profile from working (empty: nothing)."""
        if self.offline:
            return []
        found: list[str] = []
        if not self.model.strip():
            found.append(f"its model is empty, e.g. {EXAMPLE_MODELS[self.provider]}")
        if self.provider == "groq" and not self.key_set:
            found.append(f"its key ({self.key_env or 'GROQ_API_KEY'}) is empty")
        if self.provider == "openai" and not self.key_set and not self.base_url and not self.hosts:
            found.append(
                f"its key ({self.key_env or 'OPENAI_API_KEY'}) is empty and it has no base "
                "URL of a server that needs none"
            )
        if self.provider == "ollama" and not self.base_url and not self.hosts:
            found.append("its base URL is empty, e.g. http://127.0.0.1:11434")
        return found


class ModelProfiles(Mapping[str, ModelProfile]):
    """Every profile of a deployment, by name; `default` is always one of them."""

    def __init__(self, profiles: Mapping[str, ModelProfile]) -> None:
        self._profiles = dict(profiles)

    def __getitem__(self, name: str) -> ModelProfile:
        return self._profiles[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._profiles)

    def __len__(self) -> int:
        return len(self._profiles)

    def get_profile(self, name: str, setting: str = "the model profile") -> ModelProfile:
        """The profile called `name`, ready to use.

        Args:
            name: The profile's name.
            setting: What named it (``PLANNER_MODEL``, ``--model``...), for the message.

        Raises:
            UnknownProfileError: There is no such profile.
            LLMConfigurationError: The profile lacks its model, key or base URL.
        """
        profile = self._profiles.get(name)
        if profile is None:
            known = ", ".join(sorted(self._profiles))
            raise UnknownProfileError(
                f"{setting} names the model profile {name!r}, which is not defined; "
                f"the profiles are: {known}. Define it in MODEL_PROFILES or "
                "MODEL_PROFILES_FILE (see .env.example)."
            )
        problems = profile.problems()
        if problems:
            raise LLMConfigurationError(
                f"The model profile {name!r} ({profile.provider}) cannot be used: "
                + "; ".join(problems)
                + "."
            )
        return profile

    @classmethod
    def from_settings(cls, settings: Settings) -> ModelProfiles:
        """The profiles these settings define: `default`, then MODEL_PROFILES_FILE's, then
        MODEL_PROFILES's (a name defined in both is MODEL_PROFILES's).

        Reads the profiles file: call it when a service starts, not on a request.

        Raises:
            LLMConfigurationError: The file cannot be read or parsed, a profile is not
                valid, or `default` is defined while LLM_PROVIDER defines it too.
        """
        specs: dict[str, tuple[str, Any]] = {}
        if settings.model_profiles_file is not None:
            path = settings.model_profiles_file
            specs |= {name: (str(path), spec) for name, spec in _read_file(path).items()}
        specs |= {name: ("MODEL_PROFILES", spec) for name, spec in settings.model_profiles.items()}
        profiles = {DEFAULT_PROFILE: default_profile(settings)}
        for name, (source, raw) in specs.items():
            if not NAME_PATTERN.match(name):
                raise LLMConfigurationError(
                    f"{source}: {name!r} is not a usable profile name (letters, digits, "
                    "'_', '.', '-'; at most 50 characters)."
                )
            if name == DEFAULT_PROFILE and settings.llm_provider != "offline":
                raise LLMConfigurationError(
                    f"{source} defines the profile 'default', and LLM_PROVIDER="
                    f"{settings.llm_provider} defines it too: keep one of them."
                )
            profiles[name] = _resolve(name, source, raw, settings)
        return cls(profiles)


def url_host(url: str) -> str:
    """The host and port of a URL, for display: never its user or password."""
    parts = urlsplit(url)
    if not parts.hostname:
        return url
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{host}:{parts.port}" if parts.port else host


def card_model(card: Mapping[str, Any]) -> dict[str, str] | None:
    """The model an agent card says its instance runs ({"profile", "provider", "model"}),
    from the card as the registry stores it; None when it says none."""
    capabilities = card.get("capabilities")
    if not isinstance(capabilities, Mapping):
        return None
    for extension in capabilities.get("extensions") or ():
        if isinstance(extension, Mapping) and extension.get("uri") == MODEL_EXTENSION_URI:
            params = extension.get("params")
            if isinstance(params, Mapping):
                return {k: str(params.get(k) or "") for k in ("profile", "provider", "model")}
    return None


def default_profile(settings: Settings) -> ModelProfile:
    """The `default` profile: LLM_PROVIDER, LLM_MODEL and the provider's own settings."""
    provider = settings.llm_provider
    base_url = {
        "openai": settings.openai_base_url,
        "groq": settings.groq_base_url,
        "ollama": settings.ollama_base_url,
    }.get(provider, "")
    return ModelProfile(
        name=DEFAULT_PROFILE,
        provider=provider,
        model="" if provider == "offline" else settings.llm_model.strip(),
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        base_url=base_url.strip(),
        key_env=PROVIDER_KEYS.get(provider, ""),
        api_key=_provider_key(settings, provider),
        structured_output=settings.llm_structured_output,
        input_price=settings.llm_input_price,
        output_price=settings.llm_output_price,
    )


def _resolve(name: str, source: str, raw: Any, settings: Settings) -> ModelProfile:
    try:
        spec = ProfileSpec.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'profile'}: {e['msg']}" for e in error.errors()
        )
        raise LLMConfigurationError(
            f"{source}: the profile {name!r} is not valid: {problems}"
        ) from None
    base_url = spec.base_url.strip()
    if spec.provider == "ollama" and not base_url and not spec.hosts:
        base_url = settings.ollama_base_url.strip()
    # A key goes only where it belongs: a profile on its provider's own endpoint reads the
    # provider's key setting; one with a base URL of its own (any OpenAI-compatible server)
    # gets only the key its api_key_env names, never the OpenAI key by accident.
    if spec.api_key_env:
        key_env = spec.api_key_env
        key = _named_key(settings, key_env)
    elif spec.provider in PROVIDER_KEYS and not base_url and not spec.hosts:
        key_env = PROVIDER_KEYS[spec.provider]
        key = _provider_key(settings, spec.provider)
    else:
        key_env, key = "", SecretStr("")
    return ModelProfile(
        name=name,
        provider=spec.provider,
        model=spec.model.strip(),
        temperature=spec.temperature
        if "temperature" in spec.model_fields_set
        else settings.llm_temperature,
        max_tokens=spec.max_tokens
        if "max_tokens" in spec.model_fields_set
        else settings.llm_max_tokens,
        base_url=base_url,
        hosts=tuple(spec.hosts),
        key_env=key_env,
        api_key=key,
        structured_output=spec.structured_output or settings.llm_structured_output,
        input_price=spec.input_price,
        output_price=spec.output_price,
    )


def _provider_key(settings: Settings, provider: str) -> SecretStr:
    if provider == "openai":
        return settings.openai_api_key
    if provider == "groq":
        return settings.groq_api_key
    return SecretStr("")


def _named_key(settings: Settings, name: str) -> SecretStr:
    """The key in the environment variable `name`, or in `.env` as settings read it."""
    if name == "OPENAI_API_KEY":
        return settings.openai_api_key
    if name == "GROQ_API_KEY":
        return settings.groq_api_key
    value = os.environ.get(name)
    if value is None:
        env_file = settings.model_config.get("env_file")
        if isinstance(env_file, str) and Path(env_file).is_file():
            value = dotenv_values(env_file).get(name)
    return SecretStr((value or "").strip())


def _read_file(path: Path) -> dict[str, Any]:
    """Profiles from a TOML file (one table per profile) or a JSON file (one object)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LLMConfigurationError(
            f"MODEL_PROFILES_FILE={path} cannot be read: {error.strerror or error}."
        ) from error
    try:
        data: Any = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
        raise LLMConfigurationError(
            f"MODEL_PROFILES_FILE={path} is not valid {kind}: {error}"
        ) from error
    if not isinstance(data, dict):
        raise LLMConfigurationError(
            f"MODEL_PROFILES_FILE={path} must map profile names to profiles."
        )
    return data
