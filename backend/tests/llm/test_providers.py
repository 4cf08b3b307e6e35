"""Provider settings and chat models, through the real clients against a fake server."""

from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage
from langchain_groq import ChatGroq
from langchain_openai import ChatOpenAI
from pydantic import ValidationError

from orchestra.config import Settings
from orchestra.llm import (
    LLMConfigurationError,
    LLMPolicy,
    TokenUsage,
    build_chat_model,
    verify_provider,
)

from .fake_provider import FakeProvider, Reply, settings_for


def bare_settings(**values: object) -> Settings:
    base: dict[str, object] = {"openai_api_key": "", "groq_api_key": "", "openai_base_url": ""}
    return Settings(_env_file=None, **(base | values))  # type: ignore[arg-type]


# --- settings ------------------------------------------------------------------------


def test_offline_is_the_default_and_has_no_model() -> None:
    settings = bare_settings()
    assert settings.llm_provider == "offline"
    assert build_chat_model(settings) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"llm_provider": "groq", "llm_model": "m"}, "GROQ_API_KEY is empty"),
        ({"llm_provider": "openai", "llm_model": "m"}, "OPENAI_API_KEY is empty"),
        ({"llm_provider": "groq", "groq_api_key": "gsk_x"}, "LLM_MODEL is empty"),
        ({"llm_provider": "ollama", "llm_model": "m", "ollama_base_url": " "}, "OLLAMA_BASE_URL"),
    ],
)
def test_a_provider_without_what_it_needs_is_refused_at_start(
    values: dict[str, object], expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        bare_settings(**values)
    message = str(caught.value)
    assert expected in message
    assert "LLM_PROVIDER=offline" in message  # says how to run without an LLM
    assert "gsk_x" not in message  # settings errors never echo a key


def test_a_local_openai_compatible_server_needs_no_key() -> None:
    settings = bare_settings(
        llm_provider="openai", llm_model="qwen3", openai_base_url="http://127.0.0.1:8000/v1"
    )
    model = build_chat_model(settings)
    assert isinstance(model, ChatOpenAI)
    assert model.openai_api_base == "http://127.0.0.1:8000/v1"


def test_keys_are_not_shown_in_settings_repr() -> None:
    settings = bare_settings(llm_provider="groq", llm_model="m", groq_api_key="gsk_secret")
    assert "gsk_secret" not in repr(settings)


def test_empty_values_mean_the_provider_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_MAX_TOKENS", "")
    monkeypatch.setenv("LLM_TEMPERATURE", "")
    settings = bare_settings()
    assert settings.llm_max_tokens is None
    assert settings.llm_temperature is None


def test_models_carry_the_llm_settings() -> None:
    common = {
        "llm_model": "some-model",
        "llm_temperature": 0.3,
        "llm_timeout_seconds": 12.0,
        "llm_max_retries": 4,
        "llm_max_tokens": 999,
    }
    openai_model = build_chat_model(
        bare_settings(llm_provider="openai", openai_api_key="sk-x", **common)
    )
    assert isinstance(openai_model, ChatOpenAI)
    assert (openai_model.model_name, openai_model.temperature) == ("some-model", 0.3)
    assert (openai_model.request_timeout, openai_model.max_retries) == (12.0, 4)
    assert openai_model.max_tokens == 999

    groq_model = build_chat_model(
        bare_settings(llm_provider="groq", groq_api_key="gsk_x", **common)
    )
    assert isinstance(groq_model, ChatGroq)
    assert (groq_model.model_name, groq_model.temperature) == ("some-model", 0.3)
    assert (groq_model.request_timeout, groq_model.max_retries) == (12.0, 4)
    assert groq_model.max_tokens == 999

    ollama_model = build_chat_model(
        bare_settings(llm_provider="ollama", ollama_base_url="http://127.0.0.1:11434/", **common)
    )
    assert isinstance(ollama_model, ChatOpenAI)
    assert ollama_model.openai_api_base == "http://127.0.0.1:11434/v1"


def test_policy_deadline_covers_every_attempt() -> None:
    policy = LLMPolicy(timeout_seconds=10, max_retries=2)
    assert policy.deadline_seconds >= 30


# --- real calls through each client --------------------------------------------------


@pytest.mark.parametrize("provider", ["openai", "groq"])
async def test_a_call_goes_over_http_with_settings_and_reports_tokens(
    server: FakeProvider, provider: str
) -> None:
    server.script(Reply(content="Hello.", tokens=(11, 3), model="fake-model-2025"))
    settings = settings_for(provider, server, llm_temperature=0.5, llm_max_tokens=77)
    model = build_chat_model(settings)
    assert model is not None
    answer = await model.ainvoke([HumanMessage(content="Say hello")])
    assert answer.content == "Hello."
    usage = TokenUsage.of(answer, "fake-model")
    assert (usage.input_tokens, usage.output_tokens, usage.calls) == (11, 3, 1)
    # ChatOpenAI reports the model the server names; ChatGroq the configured one.
    assert usage.model == ("fake-model-2025" if provider == "openai" else "fake-model")
    (request,) = server.chat_requests
    expected_path = (
        "/v1/chat/completions" if provider == "openai" else "/openai/v1/chat/completions"
    )
    assert request.path == expected_path
    assert request.headers["authorization"] == f"Bearer {server.api_key}"
    assert request.body["model"] == "fake-model"
    assert request.body["temperature"] == 0.5
    assert 77 in (request.body.get("max_tokens"), request.body.get("max_completion_tokens"))


async def test_ollama_uses_its_openai_compatible_api() -> None:
    with FakeProvider(api_key=None) as server:
        server.script(Reply(content="Hi."))
        model = build_chat_model(settings_for("ollama", server))
        assert model is not None
        answer = await model.ainvoke([HumanMessage(content="Say hi")])
        assert answer.content == "Hi."
        assert server.chat_requests[0].path == "/v1/chat/completions"


def test_token_usage_adds_up() -> None:
    total = TokenUsage(model="m") + TokenUsage(10, 2, "m-1", 1) + TokenUsage(5, 1, None, 1)
    assert total == TokenUsage(15, 3, "m-1", 2)


# --- start-up check ------------------------------------------------------------------


@pytest.mark.parametrize("provider", ["openai", "groq"])
async def test_verify_provider_accepts_a_working_setup(server: FakeProvider, provider: str) -> None:
    assert await verify_provider(settings_for(provider, server)) == ["fake-model"]


@pytest.mark.parametrize(
    ("provider", "key_setting"), [("openai", "OPENAI_API_KEY"), ("groq", "GROQ_API_KEY")]
)
async def test_verify_provider_reports_a_rejected_key(
    server: FakeProvider, provider: str, key_setting: str
) -> None:
    key = {"openai": "openai_api_key", "groq": "groq_api_key"}[provider]
    settings = settings_for(provider, server, **{key: "wrong"})
    with pytest.raises(LLMConfigurationError, match=f"rejected the API key.*{key_setting}"):
        await verify_provider(settings)


async def test_verify_provider_reports_an_unknown_model(server: FakeProvider) -> None:
    settings = settings_for("groq", server, llm_model="no-such-model")
    with pytest.raises(LLMConfigurationError, match="does not offer LLM_MODEL='no-such-model'"):
        await verify_provider(settings)


async def test_verify_provider_reports_an_unreachable_server() -> None:
    with FakeProvider(api_key=None) as server:
        settings = settings_for("ollama", server, llm_max_retries=0, llm_timeout_seconds=2)
    # The server is stopped now: nothing listens on its port.
    with pytest.raises(LLMConfigurationError, match="is the server running"):
        await verify_provider(settings)


async def test_ollama_latest_tag_counts_as_the_model() -> None:
    with FakeProvider(api_key=None, models=("llama3.1:latest",)) as server:
        settings = settings_for("ollama", server, llm_model="llama3.1")
        assert await verify_provider(settings) == ["llama3.1:latest"]
