"""A profile's host pool in one process: which errors fail over, which do not, a stream's
failover before its first token, what happens when every host is down, and the profile
checks of `hosts`. The hosts are fake OpenAI-compatible servers on loopback ports.
"""

from __future__ import annotations

import json

import openai
import pytest
from langchain_core.messages import HumanMessage

from orchestra.llm import LLMConfigurationError, ModelProfiles
from orchestra.llm.failover import FailoverChatModel
from orchestra.llm.providers import build_chat_model, verify_provider

from .fake_provider import FakeProvider, Reply, settings_for


def _model(*servers: FakeProvider, retries: int = 0) -> FailoverChatModel:
    profile = {"provider": "ollama", "model": "fake-model", "hosts": [s.url for s in servers]}
    settings = settings_for(
        "ollama", servers[0], model_profiles={"cluster": profile}, llm_max_retries=retries
    )
    model = build_chat_model(settings, "cluster")
    assert isinstance(model, FailoverChatModel)
    return model


def _health(model: FailoverChatModel) -> list[str]:
    return [host.health for host in model.pool.hosts]


async def test_a_5xx_fails_over_and_marks_the_host_unhealthy() -> None:
    with FakeProvider(api_key=None) as first, FakeProvider(api_key=None) as second:
        first.script(Reply(status=503, content="overloaded"))
        second.script(Reply(content="from the second"))
        model = _model(first, second)
        answer = await model.ainvoke([HumanMessage(content="hi")])
    assert answer.content == "from the second"
    assert _health(model) == ["unhealthy", "healthy"]
    assert "HTTP 503" in (model.pool.hosts[0].last_error or "")


async def test_a_request_error_is_not_failed_over() -> None:
    with FakeProvider(api_key=None) as first, FakeProvider(api_key=None) as second:
        first.script(Reply(status=400, content="bad request"))
        model = _model(first, second)
        with pytest.raises(openai.BadRequestError):
            await model.ainvoke([HumanMessage(content="hi")])
        assert second.chat_requests == []  # another host would refuse it as well
    assert _health(model) == ["healthy", "healthy"]


async def test_a_stream_fails_over_before_its_first_token() -> None:
    with FakeProvider(api_key=None) as first, FakeProvider(api_key=None) as second:
        first.script(Reply(status=500))
        second.script(Reply(content="ab", chunks=("a", "b")))
        model = _model(first, second)
        pieces = [chunk.content async for chunk in model.astream([HumanMessage(content="hi")])]
    assert "".join(str(p) for p in pieces) == "ab"
    assert _health(model) == ["unhealthy", "healthy"]


async def test_every_host_down_fails_the_call_after_trying_each() -> None:
    first, second = FakeProvider(api_key=None), FakeProvider(api_key=None)
    with first, second:
        model = _model(first, second)  # the URLs of servers that are gone once this block ends
    with pytest.raises(openai.APIConnectionError):
        await model.ainvoke([HumanMessage(content="hi")])
    assert _health(model) == ["unhealthy", "unhealthy"]
    assert [h.calls for h in model.pool.hosts] == [1, 1]


@pytest.mark.parametrize(
    ("profile", "problem"),
    [
        ({"provider": "groq", "model": "m", "hosts": ["http://a:1"]}, "not groq"),
        (
            {"provider": "ollama", "model": "m", "hosts": ["http://a:1"], "base_url": "http://b:1"},
            "either base_url or hosts",
        ),
        ({"provider": "ollama", "model": "m", "hosts": ["ftp://a:1"]}, "not an http(s) URL"),
        ({"provider": "ollama", "model": "m", "hosts": ["http://a:1", "http://a:1/"]}, "twice"),
    ],
)
def test_hosts_that_cannot_work_stop_the_service_at_start(
    profile: dict[str, object], problem: str
) -> None:
    with FakeProvider() as server:
        settings = settings_for("openai", server, model_profiles={"cluster": profile})
        with pytest.raises(LLMConfigurationError, match="cluster") as raised:
            ModelProfiles.from_settings(settings)
    assert problem in str(raised.value), json.dumps(profile)


async def test_one_host_that_answers_is_enough_to_start() -> None:
    gone = FakeProvider(api_key=None)
    with gone:
        pass  # its URL now refuses connections
    with FakeProvider(api_key=None) as up:
        profile = {"provider": "ollama", "model": "fake-model", "hosts": [gone.url, up.url]}
        settings = settings_for(
            "ollama", up, model_profiles={"cluster": profile}, llm_max_retries=0
        )
        assert await verify_provider(settings, "cluster") == ["fake-model"]
        down = {**profile, "hosts": [gone.url]}
        settings = settings_for("ollama", up, model_profiles={"cluster": down}, llm_max_retries=0)
        with pytest.raises(LLMConfigurationError, match="cannot list models"):
            await verify_provider(settings, "cluster")
