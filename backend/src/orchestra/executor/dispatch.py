"""Sending one step to one agent instance over A2A and reading its answer.

The instruction travels as a text part and the structured context (task, step, outputs of
the step's dependencies) as a data part. The message id is the step's idempotency key, so
an agent that sees a resent step can answer with the task it already ran.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from a2a.client import Client, ClientConfig, ClientFactory
from a2a.client.card_resolver import parse_agent_card
from a2a.helpers.proto_helpers import get_data_parts, get_text_parts
from a2a.types import (
    CancelTaskRequest,
    GetTaskRequest,
    Message,
    Part,
    Role,
    SendMessageRequest,
    StreamResponse,
    SubscribeToTaskRequest,
    Task,
    TaskArtifactUpdateEvent,
    TaskState,
    TaskStatus,
)
from a2a.utils.errors import A2AError
from google.protobuf.json_format import MessageToDict, ParseDict
from google.protobuf.struct_pb2 import Value

from orchestra import hops as hop_count

log = logging.getLogger(__name__)

TERMINAL = {
    TaskState.TASK_STATE_COMPLETED,
    TaskState.TASK_STATE_FAILED,
    TaskState.TASK_STATE_CANCELED,
    TaskState.TASK_STATE_REJECTED,
    # Not final for the agent's task, but the end of this call: the agent waits for a reply
    # (a follow-up message naming its task), which may take days (`executor.questions`).
    TaskState.TASK_STATE_INPUT_REQUIRED,
}
STATE_NAMES = {
    TaskState.TASK_STATE_COMPLETED: "completed",
    TaskState.TASK_STATE_FAILED: "failed",
    TaskState.TASK_STATE_CANCELED: "canceled",
    TaskState.TASK_STATE_REJECTED: "rejected",
    TaskState.TASK_STATE_INPUT_REQUIRED: "input-required",
    TaskState.TASK_STATE_AUTH_REQUIRED: "auth-required",
}


# How long the rest of a stream is read after its final event (see `Dispatcher.send`).
DRAIN_SECONDS = 1.0


class TransportError(Exception):
    """The agent could not be reached or broke the protocol: worth another attempt."""


@dataclass
class AgentReply:
    """An agent's final answer to one step."""

    state: str
    text: str = ""
    data: dict[str, Any] | None = None
    remote_task_id: str = ""
    error: str = ""
    retryable: bool = False
    progress: list[str] = field(default_factory=list)
    reasoning: str = ""
    question: str = ""
    """An agent that answered input-required: what it asks (its status message's text)."""
    question_data: dict[str, Any] | None = None
    """...and the data part of that message, if any (a form to fill, say)."""


def build_message(
    message_id: str,
    context_id: str,
    instruction: str,
    data: dict[str, Any] | None,
    task_id: str = "",
    hops: int = 1,
) -> Message:
    """A user message; with `task_id`, a follow-up to that agent task (a reply to its
    question). The data part is left out when there is no data. `hops`: how many
    orchestrators the request has gone through, this one included (`orchestra.hops`)."""
    parts = [Part(text=instruction)]
    if data is not None:
        parts.append(Part(data=ParseDict(data, Value()), media_type="application/json"))
    message = Message(
        message_id=message_id,
        context_id=context_id,
        task_id=task_id,
        role=Role.ROLE_USER,
        parts=parts,
    )
    message.metadata.update({hop_count.KEY: hops})
    return message


@dataclass
class _Line:
    """An A2A client over an HTTP client of one connection (see `Dispatcher`)."""

    client: Client
    http: httpx.AsyncClient

    async def close(self) -> None:
        await self.client.close()
        await self.http.aclose()


class Dispatcher:
    """A2A clients for agent instances, each over one HTTP connection, reused call after call.

    One connection per client, rather than one pool for all: httpcore looks at every
    connection of a pool each time a request takes or gives one back, so with as many kept
    connections as steps in flight a call cost more in that scan than in the call itself.
    An instance has as many clients as it had calls at once (its agent slots bound that).
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        headers_of: Callable[[str], dict[str, str]] | None = None,
    ) -> None:
        """`http` is the process's shared client: its timeout is the one for short calls.
        `headers_of(instance_id)`: what each request to the instance carries besides (its
        agent's credential, `Registry.headers_of`), looked up per request, so a credential
        given again reaches the connections already open.

        Steps get clients of their own. The call timeout fits a card fetch or a health
        probe, but bounding a stream's reads with it would end a step whose agent is quiet
        for a while (an LLM call, say) as a broken connection, cost an attempt and mark a
        working instance unhealthy. So reads wait as long as the step's deadline, which
        `send` enforces; connecting, writing and waiting for a pooled connection keep the
        call timeout, so an agent that is down is still found out fast.
        """
        call = http.timeout
        self._timeout = httpx.Timeout(
            connect=call.connect, read=None, write=call.write, pool=call.pool
        )
        self._hooks = http.event_hooks
        self._headers_of = headers_of
        # One TLS context for every line: httpx makes one per client by default, loading
        # the CA bundle each time (tens of ms, the most expensive part of a new line).
        self._tls = httpx.create_ssl_context()
        self._idle: dict[str, list[_Line]] = {}

    def _line(self, instance_id: str, card: dict[str, Any]) -> _Line:
        hooks = self._hooks
        headers_of = self._headers_of
        if headers_of is not None:

            async def authorize(request: httpx.Request) -> None:
                request.headers.update(headers_of(instance_id))

            hooks = {**hooks, "request": [*hooks.get("request", ()), authorize]}
        http = httpx.AsyncClient(
            timeout=self._timeout,
            event_hooks=hooks,
            verify=self._tls,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        )
        factory = ClientFactory(
            ClientConfig(
                httpx_client=http,
                streaming=True,
                supported_protocol_bindings=["JSONRPC", "HTTP+JSON"],
            )
        )
        return _Line(factory.create(parse_agent_card(card)), http)

    @asynccontextmanager
    async def _borrow(self, instance_id: str, card: dict[str, Any]) -> AsyncIterator[Client]:
        """A client of the instance for one call; kept for the next unless the call broke."""
        idle = self._idle.setdefault(instance_id, [])
        line = idle.pop() if idle else self._line(instance_id, card)
        try:
            yield line.client
        except BaseException:
            await line.close()  # a broken connection is not lent again
            raise
        idle.append(line)

    async def send(
        self,
        instance_id: str,
        card: dict[str, Any],
        message: Message,
        timeout: float,
        on_task: Callable[[str], Awaitable[None]] | None = None,
        on_text: Callable[[str, bool], None] | None = None,
    ) -> AgentReply:
        """Send and follow the stream until the agent's task reaches a final state.

        The agent may stay silent between events for as long as `timeout` leaves.
        `on_text(text, append)` gets the answer's text the agent streams while it writes
        (`relay_text`).

        Raises:
            TransportError: unreachable agent, broken stream, protocol error or timeout.
        """
        reply = AgentReply(state="unknown")
        final = False
        try:
            async with (
                self._borrow(instance_id, card) as client,
                asyncio.timeout(timeout) as deadline,
            ):
                async for event in _sent(client, message):
                    if on_text is not None and event.HasField("artifact_update"):
                        relay_text(event.artifact_update, on_text)
                    if not final and await self._absorb(event, reply, on_task):
                        # The agent ends its stream after the final event: read on to that
                        # end (briefly), so the connection goes back to the pool instead of
                        # being closed with the stream unread; one per call cost a new
                        # TCP connection on both sides.
                        final = True
                        deadline.reschedule(asyncio.get_running_loop().time() + DRAIN_SECONDS)
        except TimeoutError as exc:
            if final:
                return reply
            raise TransportError(f"no final answer within {timeout:g} s") from exc
        except (A2AError, httpx.HTTPError) as exc:
            # A2AError: the client's own errors, and the protocol errors an agent answers
            # (an Internal error, Invalid params): both mean this call got no answer.
            if final:
                return reply
            raise TransportError(f"{exc.__class__.__name__}: {exc}") from exc
        if final:
            return reply
        raise TransportError("the agent's stream ended before the task reached a final state")

    async def _absorb(
        self,
        event: StreamResponse,
        reply: AgentReply,
        on_task: Callable[[str], Awaitable[None]] | None,
    ) -> bool:
        """Fold one stream event into `reply`; True once the answer is final."""
        if event.HasField("message"):
            # A direct message answer, with no task: that is the whole reply.
            reply.state = "completed"
            reply.text = "\n".join(_answer_texts(event.message.parts))
            reply.data = _first_dict(get_data_parts(event.message.parts))
            reply.reasoning = _thinking(event.message.parts)
            return True
        if event.HasField("task"):
            first = not reply.remote_task_id
            reply.remote_task_id = event.task.id
            if first and on_task is not None:
                await on_task(event.task.id)
            if event.task.status.state in TERMINAL:
                _final(reply, event.task)
                return True
            return False
        if event.HasField("status_update"):
            status = event.status_update.status
            if status.HasField("message"):
                note = " ".join(get_text_parts(status.message.parts)).strip()
                if note and status.state not in TERMINAL:
                    reply.progress.append(note)
            if status.state in TERMINAL:
                # Artifacts came before, as artifact updates.
                _mark(reply, status)
                return True
        if event.HasField("artifact_update"):
            artifact = event.artifact_update.artifact
            text = "\n".join(_answer_texts(artifact.parts))
            if text:
                reply.text = (
                    f"{reply.text}\n{text}".strip() if event.artifact_update.append else text
                )
            data = _first_dict(get_data_parts(artifact.parts))
            if data is not None:
                reply.data = data
            reply.reasoning = _thinking(artifact.parts) or reply.reasoning
        return False

    async def cancel(self, instance_id: str, card: dict[str, Any], remote_task_id: str) -> None:
        """Ask an agent to cancel its task. An agent that is gone has nothing left to cancel,
        and one whose task has just ended answers that it cannot (`A2AError`): said, not
        raised, as nobody waits for the answer."""
        try:
            async with self._borrow(instance_id, card) as client:
                request = CancelTaskRequest(id=remote_task_id)
                await asyncio.wait_for(client.cancel_task(request), 5)
            log.info("asked the agent to cancel its task %s", remote_task_id)
        except (A2AError, httpx.HTTPError, TimeoutError) as exc:
            log.info("cancel of remote task %s not delivered: %s", remote_task_id, exc)

    async def close(self) -> None:
        for lines in self._idle.values():
            for line in lines:
                await line.close()
        self._idle.clear()


def relay_text(update: TaskArtifactUpdateEvent, on_text: Callable[[str, bool], None]) -> None:
    """Hand on the text of an artifact chunk an agent streams while it writes its answer.

    Every chunk but the last (`last_chunk`): the last is the answer itself, which the step
    stores. A chunk that does not `append` starts the artifact's text again. The thinking
    of a reasoning model, a part of its own, is not shown as answer.
    """
    if update.last_chunk:
        return
    text = "".join(_answer_texts(update.artifact.parts))
    if text:
        on_text(text, update.append)


async def _sent(client: Client, message: Message) -> AsyncIterator[StreamResponse]:
    """The events of sending `message`. A follow-up (a reply to the agent's question) is
    sent once only: one the agent's task has already (sent before a crash) is not sent
    again, since the task went on from it; its events are read from the task instead."""
    if message.task_id:
        task = await client.get_task(GetTaskRequest(id=message.task_id))
        if any(m.message_id == message.message_id for m in task.history):
            if task.status.state in TERMINAL:
                yield StreamResponse(task=task)
            else:
                async for event in client.subscribe(SubscribeToTaskRequest(id=task.id)):
                    yield event
            return
    async for event in client.send_message(SendMessageRequest(message=message)):
        yield event


def _mark(reply: AgentReply, status: TaskStatus) -> None:
    reply.state = STATE_NAMES.get(status.state, "failed")
    if reply.state == "input-required":
        message = status.message if status.HasField("message") else None
        text = " ".join(get_text_parts(message.parts)).strip() if message else ""
        reply.question = text or "The agent needs more input to go on."
        reply.question_data = _first_dict(get_data_parts(message.parts)) if message else None
        return
    if reply.state != "completed" and status.HasField("message"):
        reply.error = " ".join(get_text_parts(status.message.parts)).strip()
        # An agent marks a failure worth another attempt (its own fault, not the input's)
        # with metadata {"retryable": true} on the final status message.
        metadata = MessageToDict(status.message.metadata) if status.message.metadata else {}
        reply.retryable = reply.state == "failed" and metadata.get("retryable") is True


def _final(reply: AgentReply, task: Task) -> None:
    _mark(reply, task.status)
    texts: list[str] = []
    for artifact in task.artifacts:
        texts.extend(_answer_texts(artifact.parts))
        reply.reasoning = _thinking(artifact.parts) or reply.reasoning
        data = _first_dict(get_data_parts(artifact.parts))
        if data is not None:
            reply.data = data
    if texts:
        reply.text = "\n\n".join(t for t in texts if t)
    if reply.state not in ("completed", "input-required") and not reply.error:
        reply.error = f"the agent ended the task as {reply.state}"


def _answer_texts(parts: Sequence[Part]) -> list[str]:
    """Text parts of an answer, without a reasoning model's thinking (a part of its own,
    marked with metadata {"kind": "thinking"})."""
    texts = []
    for part in parts:
        if not part.HasField("text"):
            continue
        metadata = MessageToDict(part.metadata) if part.metadata else {}
        if metadata.get("kind") != "thinking":
            texts.append(part.text)
    return texts


def _thinking(parts: Sequence[Part]) -> str:
    """A reasoning model's thinking, kept apart from the answer (see `_answer_texts`)."""
    return "\n\n".join(
        part.text
        for part in parts
        if part.HasField("text")
        and part.metadata
        and MessageToDict(part.metadata).get("kind") == "thinking"
    )


def _first_dict(values: list[Any]) -> dict[str, Any] | None:
    for value in values:
        if isinstance(value, dict):
            return value
    return None
