"""Reading answers: thinking apart from the answer, JSON out of prose and code fences."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage

from orchestra.llm import extract_json, message_text, split_thinking


@pytest.mark.parametrize(
    ("text", "answer", "thinking"),
    [
        ("<think>hmm</think>Answer", "Answer", "hmm"),
        ("<think>a</think>x<think>b</think>y", "xy", "a\n\nb"),
        ("<think>cut off", "", "cut off"),
        ("stripped opening</think>Answer", "Answer", "stripped opening"),
        ("Plain", "Plain", ""),
    ],
)
def test_split_thinking(text: str, answer: str, thinking: str) -> None:
    assert split_thinking(text) == (answer, thinking)


def test_message_text_joins_reasoning_field_and_think_blocks() -> None:
    message = AIMessage(
        content="<think>inline</think>Result",
        additional_kwargs={"reasoning_content": "separate"},
    )
    assert message_text(message) == ("Result", "separate\n\ninline")


def test_message_text_reads_content_blocks() -> None:
    message = AIMessage(content=[{"type": "text", "text": "a"}, {"type": "text", "text": "b"}])
    assert message_text(message) == ("ab", "")


@pytest.mark.parametrize(
    "text",
    [
        '{"steps": []}',
        'Here is the plan:\n```json\n{"steps": []}\n```\nDone.',
        '```\n{"steps": []}\n```',
        'Sure, see [1]. {"steps": []} as requested',
        '```json\n{"steps": []}',  # unclosed fence (the answer hit max tokens after it)
    ],
)
def test_extract_json(text: str) -> None:
    assert extract_json(text) == {"steps": []}


@pytest.mark.parametrize("text", ["", "no json here", "```json\n{broken\n```"])
def test_extract_json_without_json(text: str) -> None:
    with pytest.raises(ValueError, match="answer"):
        extract_json(text)
