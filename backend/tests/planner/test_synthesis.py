"""The final synthesis through both clients, and its failure modes."""

from __future__ import annotations

import pytest

from orchestra.llm import LLMCallError, LLMTimeoutError
from orchestra.planner.synthesis import StepOutput, Synthesizer, build_synthesizer
from tests.llm.fake_provider import FakeProvider, Reply, settings_for

OUTPUTS = [
    StepOutput("s1", "Research electric cars", "research", "Electric cars use batteries."),
    StepOutput("s2", "Average", "statistics", "The average is 6."),
]


def synthesizer_for(provider: str, server: FakeProvider, **overrides: object) -> Synthesizer:
    synthesizer = build_synthesizer(settings_for(provider, server, **overrides))
    assert synthesizer is not None
    return synthesizer


def test_offline_has_no_synthesizer() -> None:
    assert build_synthesizer(settings_for("offline", FakeProvider())) is None


@pytest.mark.parametrize("provider", ["openai", "groq"])
async def test_synthesis_writes_the_result_from_the_outputs(
    server: FakeProvider, provider: str
) -> None:
    server.script(
        Reply(content="<think>combine</think>## Result\nBatteries; average 6.", tokens=(300, 40))
    )
    result = await synthesizer_for(provider, server).synthesize("Research and average", OUTPUTS)
    assert result.text == "## Result\nBatteries; average 6."
    assert result.thinking == "combine"
    assert (result.tokens_in, result.tokens_out, result.model) == (300, 40, "fake-model")
    prompt = server.chat_requests[0].prompt
    assert "Research and average" in prompt
    assert "## s1: Research electric cars (research)\nElectric cars use batteries." in prompt
    assert "The average is 6." in prompt


async def test_a_failed_synthesis_raises(server: FakeProvider) -> None:
    server.script(Reply(status=503, content="overloaded"))
    with pytest.raises(LLMCallError, match="HTTP 503"):
        await synthesizer_for("openai", server, llm_max_retries=0).synthesize("t", OUTPUTS)


async def test_a_slow_synthesis_times_out(server: FakeProvider) -> None:
    server.script(Reply(content="late", delay=5))
    synthesizer = synthesizer_for("groq", server, llm_max_retries=0, llm_timeout_seconds=0.3)
    with pytest.raises(LLMTimeoutError):
        await synthesizer.synthesize("t", OUTPUTS)


async def test_an_answer_that_is_only_thinking_is_a_failure(server: FakeProvider) -> None:
    server.script(Reply(content="<think>I ran out of tokens"))
    with pytest.raises(LLMCallError, match="empty"):
        await synthesizer_for("openai", server).synthesize("t", OUTPUTS)
