"""Model profiles: read from settings and files, `default` from LLM_PROVIDER, built alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import HumanMessage

from orchestra.api.schemas import ModelPublic
from orchestra.config import Settings
from orchestra.llm import (
    LLMConfigurationError,
    ModelProfiles,
    UnknownProfileError,
    build_chat_model,
    verify_provider,
)

from .fake_provider import FakeProvider, Reply, settings_for


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_llm_provider_and_model_are_the_default_profile() -> None:
    settings = _settings(
        llm_provider="groq", llm_model="llama-3.3-70b-versatile", groq_api_key="gsk_secret"
    )
    profiles = ModelProfiles.from_settings(settings)
    assert list(profiles) == ["default"]
    default = profiles.get_profile("default")
    assert (default.provider, default.model) == ("groq", "llama-3.3-70b-versatile")
    assert (default.temperature, default.max_tokens) == (0.0, 4096)
    assert default.key_set and default.key_env == "GROQ_API_KEY"


def test_offline_is_the_default_profile_when_nothing_is_set() -> None:
    default = ModelProfiles.from_settings(_settings()).get_profile("default")
    assert default.offline and default.problems() == []
    assert build_chat_model(_settings()) is None


def test_profiles_come_from_json_and_a_toml_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCAL_VLLM_KEY", "vllm-secret")
    path = tmp_path / "profiles.toml"
    path.write_text(
        '[local]\nprovider = "ollama"\nmodel = "llama3.1"\nbase_url = "http://gpu:11434"\n\n'
        '[fast]\nprovider = "groq"\nmodel = "overridden-below"\n\n'
        '[vllm]\nprovider = "openai"\nmodel = "qwen"\nbase_url = "http://10.0.0.5:8000/v1"\n'
        'api_key_env = "LOCAL_VLLM_KEY"\ntemperature = 0.3\nmax_tokens = 512\n'
    )
    settings = _settings(
        groq_api_key="gsk_secret",
        openai_api_key="sk-openai-secret",
        model_profiles_file=path,
        model_profiles={"fast": {"provider": "groq", "model": "llama-3.1-8b-instant"}},
    )
    profiles = ModelProfiles.from_settings(settings)
    assert sorted(profiles) == ["default", "fast", "local", "vllm"]
    assert profiles["fast"].model == "llama-3.1-8b-instant"  # MODEL_PROFILES wins
    assert profiles["fast"].key_set  # GROQ_API_KEY, on Groq's own endpoint
    assert profiles["local"].base_url_host == "gpu:11434"
    vllm = profiles["vllm"]
    assert (vllm.temperature, vllm.max_tokens) == (0.3, 512)
    assert vllm.api_key.get_secret_value() == "vllm-secret"
    # Unset values are the LLM_ settings'.
    assert (profiles["local"].temperature, profiles["local"].max_tokens) == (0.0, 4096)


def test_a_profile_with_its_own_server_never_gets_the_openai_key() -> None:
    settings = _settings(
        openai_api_key="sk-openai-secret",
        model_profiles={"lab": {"provider": "openai", "model": "m", "base_url": "http://lab/v1"}},
    )
    lab = ModelProfiles.from_settings(settings).get_profile("lab")
    assert not lab.key_set and lab.key_env == ""


def test_a_json_profiles_file_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_text(json.dumps({"quiet": {"provider": "offline"}}))
    profiles = ModelProfiles.from_settings(_settings(model_profiles_file=path))
    assert profiles.get_profile("quiet").offline


def test_an_unknown_profile_is_refused_with_the_known_ones() -> None:
    settings = _settings(model_profiles={"fast": {"provider": "offline"}})
    with pytest.raises(UnknownProfileError) as caught:
        ModelProfiles.from_settings(settings).get_profile("smart", "PLANNER_MODEL")
    message = str(caught.value)
    assert "PLANNER_MODEL names the model profile 'smart'" in message
    assert "default, fast" in message


@pytest.mark.parametrize(
    ("profiles", "expected"),
    [
        ({"x": {"provider": "claude", "model": "m"}}, "the profile 'x' is not valid: provider"),
        ({"x": {"provider": "groq", "model": "m", "colour": 1}}, "colour: Extra inputs"),
        ({"x": {"provider": "openai", "model": "m", "temperature": 9}}, "temperature"),
        ({"bad name!": {"provider": "offline"}}, "is not a usable profile name"),
    ],
)
def test_an_invalid_profile_is_refused_saying_what_is_wrong(
    profiles: dict[str, Any], expected: str
) -> None:
    with pytest.raises(LLMConfigurationError, match="MODEL_PROFILES") as caught:
        ModelProfiles.from_settings(_settings(model_profiles=profiles))
    assert expected in str(caught.value)


def test_a_profile_without_its_key_or_model_cannot_be_used() -> None:
    settings = _settings(
        model_profiles={
            "fast": {"provider": "groq", "model": "llama"},
            "blank": {"provider": "openai"},
        }
    )
    profiles = ModelProfiles.from_settings(settings)
    with pytest.raises(LLMConfigurationError, match=r"'fast' \(groq\).*GROQ_API_KEY"):
        profiles.get_profile("fast")
    with pytest.raises(LLMConfigurationError, match="its model is empty"):
        profiles.get_profile("blank")


def test_default_is_defined_once(tmp_path: Path) -> None:
    settings = _settings(
        llm_provider="ollama",
        llm_model="llama3.1",
        model_profiles={"default": {"provider": "offline"}},
    )
    with pytest.raises(LLMConfigurationError, match="keep one of them"):
        ModelProfiles.from_settings(settings)
    # Offline (nothing set), a profiles file may define `default` itself.
    path = tmp_path / "p.toml"
    path.write_text('[default]\nprovider = "ollama"\nmodel = "llama3.1"\n')
    default = ModelProfiles.from_settings(_settings(model_profiles_file=path))["default"]
    assert default.provider == "ollama"


def test_an_unreadable_or_broken_profiles_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(LLMConfigurationError, match="cannot be read"):
        ModelProfiles.from_settings(_settings(model_profiles_file=missing))
    broken = tmp_path / "broken.toml"
    broken.write_text("[fast\n")
    with pytest.raises(LLMConfigurationError, match="is not valid TOML"):
        ModelProfiles.from_settings(_settings(model_profiles_file=broken))


def test_the_public_view_of_a_profile_says_whether_a_key_is_set_never_the_key() -> None:
    settings = _settings(llm_provider="openai", llm_model="gpt-4o-mini", openai_api_key="sk-x1y2")
    public = ModelPublic.of(ModelProfiles.from_settings(settings)["default"])
    assert public.key_set is True
    assert "sk-x1y2" not in public.model_dump_json()


async def test_two_profiles_reach_two_models_through_one_builder(server: FakeProvider) -> None:
    server.script(Reply(content="fast answer"), Reply(content="smart answer"))
    profiles = {
        name: {
            "provider": "openai",
            "model": f"{name}-model",
            "base_url": f"{server.url}/v1",
            "api_key_env": "OPENAI_API_KEY",
            "temperature": temperature,
            "max_tokens": tokens,
        }
        for name, temperature, tokens in (("fast", 0.0, 100), ("smart", 0.7, 2000))
    }
    settings = settings_for("openai", server, model_profiles=profiles)
    for name in ("fast", "smart"):
        model = build_chat_model(settings, name)
        assert model is not None
        await model.ainvoke([HumanMessage(content=f"hello {name}")])
    fast, smart = server.chat_requests
    assert (fast.body["model"], fast.body["max_completion_tokens"]) == ("fast-model", 100)
    assert (smart.body["model"], smart.body["temperature"]) == ("smart-model", 0.7)
    assert smart.headers["authorization"] == f"Bearer {server.api_key}"


async def test_a_profile_whose_model_the_provider_lacks_is_named(server: FakeProvider) -> None:
    settings = settings_for(
        "openai",
        server,
        model_profiles={
            "smart": {
                "provider": "openai",
                "model": "gpt-9",
                "base_url": f"{server.url}/v1",
                "api_key_env": "OPENAI_API_KEY",
            }
        },
    )
    with pytest.raises(LLMConfigurationError, match=r"model profile 'smart' \(openai\).*gpt-9"):
        await verify_provider(settings, "smart")
