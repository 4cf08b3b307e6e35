"""Reading a model's text answer: `<think>` blocks apart, JSON out of a fenced code block."""

from __future__ import annotations

import json
import re
from typing import Any

from langchain_core.messages import BaseMessage

__all__ = ["AnswerStream", "extract_json", "message_text", "split_thinking"]

_THINK = re.compile(r"<think(?:ing)?>(.*?)(?:</think(?:ing)?>|$)", re.DOTALL | re.IGNORECASE)
_UNOPENED_CLOSE = re.compile(r"^(.*?)</think(?:ing)?>", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_-]*)[ \t]*\n(.*?)(?:```|$)", re.DOTALL)


def split_thinking(text: str) -> tuple[str, str]:
    """Split model output into (answer, thinking).

    Handles several `<think>` blocks, an unclosed one (the model stopped mid-thought), and
    a bare `</think>` whose opening tag the server stripped (some vLLM chat templates).
    """
    thinking: list[str] = []
    match = _UNOPENED_CLOSE.match(text)
    if match and "<think" not in match.group(1).lower():
        thinking.append(match.group(1).strip())
        text = text[match.end() :]

    def collect(found: re.Match[str]) -> str:
        thinking.append(found.group(1).strip())
        return ""

    answer = _THINK.sub(collect, text)
    return answer.strip(), "\n\n".join(t for t in thinking if t)


class AnswerStream:
    """A model's text as it streams, without its `<think>` blocks: `feed` each piece, get
    the answer's text that piece adds (what is shown live; the whole answer, read again
    with `split_thinking` once it is complete, replaces it).

    A piece that may end in half a tag is held back until the next piece says what it is.
    """

    _TAG = re.compile(r"</?think(?:ing)?>", re.IGNORECASE)
    _TAGS = ("<think>", "<thinking>", "</think>", "</thinking>")

    def __init__(self) -> None:
        self._pending = ""
        self._thinking = False
        self._started = False

    def feed(self, piece: str) -> str:
        text = self._pending + piece
        shown: list[str] = []
        while True:
            found = self._TAG.search(text)
            if found is None:
                break
            if not self._thinking:
                shown.append(text[: found.start()])
            self._thinking = not found.group(0).startswith("</")
            text = text[found.end() :]
        # Keep back a tail that may be the start of a tag ("<thi").
        cut = text.rfind("<")
        if cut >= 0 and any(tag.startswith(text[cut:].lower()) for tag in self._TAGS):
            text, self._pending = text[:cut], text[cut:]
        else:
            self._pending = ""
        if not self._thinking:
            shown.append(text)
        out = "".join(shown)
        if not self._started:  # the answer is stripped: so is its live start
            out = out.lstrip()
            self._started = bool(out)
        return out


def message_text(message: BaseMessage) -> tuple[str, str]:
    """A chat answer as (text, thinking).

    The text is the message content without `<think>` blocks; the thinking joins those
    blocks with the separate reasoning field some servers send (Groq, vLLM, DeepSeek).
    """
    content = message.content
    if isinstance(content, str):
        raw = content
    else:
        # Content blocks (e.g. the Responses API): keep the text ones, in order.
        raw = "".join(
            block if isinstance(block, str) else str(block.get("text", ""))
            for block in content
            if isinstance(block, str) or block.get("type") == "text"
        )
    answer, thinking = split_thinking(raw)
    reasoning = message.additional_kwargs.get("reasoning_content") or message.additional_kwargs.get(
        "reasoning"
    )
    if isinstance(reasoning, str) and reasoning.strip():
        thinking = "\n\n".join(t for t in (reasoning.strip(), thinking) if t)
    return answer, thinking


def extract_json(text: str) -> Any:
    """The JSON value a model wrote, bare or in a fenced code block, with prose around it.

    Tries, in order: the whole text; each fenced block (```json first); the first JSON
    object found in the text; the first JSON array found in it.

    Raises:
        ValueError: No JSON value was found; the message says what the text looked like.
    """
    stripped = text.strip()
    if not stripped:
        raise ValueError("the answer is empty")
    candidates = [stripped]
    fences = _FENCE.findall(stripped)
    candidates += [body for lang, body in fences if lang.lower() == "json"]
    candidates += [body for lang, body in fences if lang.lower() != "json"]
    for candidate in candidates:
        try:
            return json.loads(candidate)
        except json.JSONDecodeError:
            continue
    decoder = json.JSONDecoder()
    # Objects before arrays: prose such as "see [1]" must not hide the plan after it.
    for opener in "{[":
        for start in (i for i, char in enumerate(stripped) if char == opener):
            try:
                value, _ = decoder.raw_decode(stripped, start)
            except json.JSONDecodeError:
                continue
            return value
    preview = " ".join(stripped.split())[:120]
    raise ValueError(f"the answer contains no JSON: {preview!r}")
