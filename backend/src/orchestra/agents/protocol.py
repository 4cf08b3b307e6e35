"""The message contract between the orchestrator and our agents, on top of A2A parts.

Incoming message: text part(s) are the instruction; an optional data part holds
structured context::

    {"task": "<whole task description>",
     "step": {"id": "...", "title": "...", "capability": "<skill id>"},
     "inputs": {"<dependency step id>": {"title": "...", "text": "...", "data": <json|null>}},
     "data": <json, optional: material to operate on, e.g. a list of records>,
     "documents": [{"document": "<name>", "passage": <n from 1>, "text": "..."}]}

`documents` are passages of the documents the task's owner uploaded, found for the step's
instruction; the orchestrator sends them only to agents whose card declares the
extension `DOCUMENTS_EXTENSION_URI` (the research agent), which cite them by document and
passage.

Result: one artifact with a text part (Markdown for people) and a data part (a dict
for programs); a reasoning model's hidden reasoning, if any, goes in a third text part
with metadata {"kind": "thinking"}, never in the answer. Failures end the task FAILED
with a status message saying why.

A request that lacks something a person can give (`NeedsInput`) ends the call with the
task in `input-required` and the question as its status message. The reply is a follow-up
message naming that task (its text, and any data part); the agent then runs the original
request again with the replies given so far (`StepRequest.replies`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from a2a.helpers import get_data_parts, get_text_parts, new_data_part, new_text_part
from a2a.types import Message, Part

__all__ = [
    "DOCUMENTS_EXTENSION_URI",
    "MAX_PAYLOAD_BYTES",
    "REPLY_INPUT",
    "AgentInputError",
    "DocumentPassage",
    "NeedsInput",
    "Reply",
    "StepInput",
    "StepRequest",
    "StepResult",
    "parse_reply",
    "parse_step_request",
]

logger = logging.getLogger(__name__)

MAX_PAYLOAD_BYTES = 1_000_000
"""Largest message (text plus JSON data) an agent accepts; bigger ones fail fast."""

REPLY_INPUT = "reply"
"""The name (`StepInput.step_id`) under which a person's reply reaches the agent as an input."""

DOCUMENTS_EXTENSION_URI = "urn:orchestra:documents:v1"
"""The agent-card extension (under capabilities) of an agent that reads `documents`."""


@dataclass(frozen=True)
class DocumentPassage:
    """A passage of an uploaded document, passed along by the orchestrator."""

    document: str
    passage: int
    text: str


class AgentInputError(ValueError):
    """The request cannot be served as sent; the message says what to change.

    Raised by parsing and by operations; the executor turns it into a FAILED task whose
    status message is this error's text, so it must be safe and useful to show a user.
    """


class NeedsInput(AgentInputError):
    """The request lacks something a person can give (numbers to compute on, a subject to
    research): the executor asks for it, leaving the task in `input-required`, instead of
    failing it. The message is the question; `data`, if any, goes with it as a data part."""

    def __init__(self, question: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(question)
        self.data = data


@dataclass(frozen=True)
class Reply:
    """A person's reply to an agent's question (a follow-up message of its task)."""

    text: str
    data: Any = None


@dataclass(frozen=True)
class StepInput:
    """Output of a dependency step, passed along by the orchestrator."""

    step_id: str
    title: str
    text: str
    data: Any = None


@dataclass(frozen=True)
class StepRequest:
    """What an agent reads from one A2A message."""

    instruction: str
    task: str = ""
    step_id: str = ""
    step_title: str = ""
    capability: str = ""
    inputs: tuple[StepInput, ...] = ()
    data: Any = None
    documents: tuple[DocumentPassage, ...] = ()
    #: The replies to the questions the agent asked in this task, in order (`NeedsInput`).
    replies: tuple[Reply, ...] = ()
    #: Set by the executor from the A2A task, not read from the message.
    task_id: str = ""
    context_id: str = ""

    @property
    def input_text(self) -> str:
        """The dependencies' text outputs, joined; the material most operations work on."""
        return "\n\n".join(i.text for i in self.inputs if i.text.strip())

    def input_data(self) -> list[Any]:
        """Structured material: the message's own `data`, then each dependency's data."""
        found: list[Any] = [] if self.data is None else [self.data]
        found.extend(i.data for i in self.inputs if i.data is not None)
        return found


@dataclass
class StepResult:
    """An agent's answer: Markdown for people, a JSON-able dict for programs."""

    text: str
    data: dict[str, Any] = field(default_factory=dict)
    thinking: str = ""

    def to_parts(self) -> list[Part]:
        """Text part, data part, and (only for reasoning models) a separate thinking part."""
        parts = [new_text_part(self.text, media_type="text/markdown")]
        parts.append(new_data_part(_jsonable(self.data), media_type="application/json"))
        if self.thinking:
            parts.append(
                Part(text=self.thinking, media_type="text/plain", metadata={"kind": "thinking"})
            )
        return parts


def _jsonable(value: Any) -> Any:
    # protobuf Struct takes only JSON types; round-trip turns tuples, NaN etc. into them.
    return json.loads(json.dumps(value, default=str, allow_nan=False))


def _as_str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _parse_documents(raw: Any) -> tuple[DocumentPassage, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise AgentInputError("'documents' in the data part must be a list of passages.")
    passages = []
    for item in raw:
        if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
            raise AgentInputError("Each of 'documents' must be an object with a 'text'.")
        number = item.get("passage")
        passages.append(
            DocumentPassage(
                document=_as_str(item.get("document")) or "document",
                passage=int(number) if isinstance(number, int | float) else 0,
                text=item["text"],
            )
        )
    return tuple(passages)


def _parse_inputs(raw: Any) -> tuple[StepInput, ...]:
    if raw is None:
        return ()
    items: list[tuple[str, Any]]
    if isinstance(raw, Mapping):
        items = [(str(k), v) for k, v in raw.items()]
    elif isinstance(raw, Sequence) and not isinstance(raw, str):
        # Tolerate a list of inputs, each naming its own step id.
        items = [
            (_as_str(v.get("id") or v.get("step_id") or i) if isinstance(v, Mapping) else str(i), v)
            for i, v in enumerate(raw)
        ]
    else:
        raise AgentInputError("'inputs' in the data part must be an object keyed by step id.")
    inputs: list[StepInput] = []
    for step_id, value in items:
        if isinstance(value, Mapping):
            inputs.append(
                StepInput(
                    step_id=step_id,
                    title=_as_str(value.get("title")),
                    text=_as_str(value.get("text")),
                    data=value.get("data"),
                )
            )
        elif isinstance(value, str):
            inputs.append(StepInput(step_id=step_id, title="", text=value))
        else:
            inputs.append(StepInput(step_id=step_id, title="", text="", data=value))
    return tuple(inputs)


def parse_reply(message: Message) -> Reply:
    """A follow-up message as a reply: its text, and its data part if any."""
    data = get_data_parts(message.parts)
    text = "\n".join(t for t in get_text_parts(message.parts) if t.strip()).strip()
    return Reply(text=text, data=data[0] if len(data) == 1 else (data or None))


def parse_step_request(message: Message | None) -> StepRequest:
    """Read instruction and context from a message, enforcing the size bound.

    Raises:
        AgentInputError: empty message, oversized payload or malformed context.
    """
    if message is None:
        raise AgentInputError("The request carries no message.")
    texts = get_text_parts(message.parts)
    data_parts = get_data_parts(message.parts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    size += sum(len(json.dumps(d, default=str)) for d in data_parts)
    if size > MAX_PAYLOAD_BYTES:
        raise AgentInputError(
            f"The message is {size:,} bytes; the limit is {MAX_PAYLOAD_BYTES:,} bytes. "
            "Send less data, or split the work into smaller steps."
        )
    context: dict[str, Any] = {}
    extra_data: list[Any] = []
    for part in data_parts:
        if isinstance(part, Mapping) and (
            {"task", "step", "inputs"} & part.keys() or "data" in part
        ):
            context.update(part)
        else:
            # A bare data part (a table, a list of numbers) is material, not context.
            extra_data.append(part)
    step = context.get("step") or {}
    if not isinstance(step, Mapping):
        raise AgentInputError("'step' in the data part must be an object.")
    data = context.get("data")
    if data is None and extra_data:
        data = extra_data[0] if len(extra_data) == 1 else extra_data
    request = StepRequest(
        instruction="\n".join(t for t in texts if t.strip()).strip(),
        task=_as_str(context.get("task")),
        step_id=_as_str(step.get("id")),
        step_title=_as_str(step.get("title")),
        capability=_as_str(step.get("capability")).strip().lower(),
        inputs=_parse_inputs(context.get("inputs")),
        data=data,
        documents=_parse_documents(context.get("documents")),
    )
    if not request.instruction and not request.inputs and request.data is None:
        raise AgentInputError(
            "The message is empty: send the instruction as a text part "
            "(and any material in a data part)."
        )
    logger.debug(
        "parsed step request step=%s capability=%s inputs=%d",
        request.step_id,
        request.capability,
        len(request.inputs),
    )
    return request
