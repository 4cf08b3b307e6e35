"""A repeated message id (or Idempotency-Key) returns the first task, also across restarts."""

from __future__ import annotations

import asyncio
import threading
import uuid
from pathlib import Path

import pytest
from a2a.client import Client, ClientCallContext
from a2a.helpers import get_data_parts, get_text_parts
from a2a.server.context import ServerCallContext
from a2a.types import Message, SendMessageRequest, StreamResponse, Task, TaskState, TaskStatus
from fastapi import FastAPI
from google.protobuf.json_format import MessageToDict

from orchestra.agents.a2a_internals import durable_task_store
from orchestra.agents.analyst.card import analyst_card
from orchestra.agents.analyst.executor import AnalystExecutor
from orchestra.agents.executor import Progress
from orchestra.agents.idempotency import MessageKeyStore, idempotency_key
from orchestra.agents.protocol import StepRequest, StepResult
from orchestra.agents.server import build_agent_app, create_store_engine
from orchestra.config import Settings
from tests.agents.helpers import (
    COMPLETED,
    FAILED,
    AgentServer,
    make_client,
    make_settings,
    send,
    user_message,
)

GATE_TIMEOUT = 20.0


class CountingAnalyst(AnalystExecutor):
    """The analyst, counting its runs; with a gate, each run waits until the test opens it."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        super().__init__()
        self.runs = 0
        self.gate = gate

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        self.runs += 1
        if self.gate is not None:
            await progress("Waiting for the gate")
            # The gate is opened from the test's thread, which has its own event loop.
            await asyncio.to_thread(self.gate.wait, GATE_TIMEOUT)
        return await super().run(request, progress)


def counting_server(data_dir: Path, executor: CountingAnalyst, port: int = 0) -> AgentServer:
    def factory(settings: Settings, bound_port: int) -> FastAPI:
        card = analyst_card(settings, bound_port)
        return build_agent_app("analyst-agent", card, executor, settings, bound_port)

    return AgentServer("analyst-agent", make_settings(data_dir), port=port, app_factory=factory)


async def send_once(
    client: Client, message: Message, context: ClientCallContext | None = None
) -> Task:
    """A non-streaming send: the one response event's task."""
    events = [
        e async for e in client.send_message(SendMessageRequest(message=message), context=context)
    ]
    assert len(events) == 1 and events[0].HasField("task"), events
    return events[0].task


def step_message(message_id: str, text: str = "the sum of 2, 3 and 4") -> Message:
    message = user_message(text)
    message.message_id = message_id
    return message


async def test_same_message_id_twice_runs_once(tmp_path: Path) -> None:
    executor = CountingAnalyst()
    server = counting_server(tmp_path, executor)
    server.start()
    try:
        streaming = await make_client(server.url)
        rest = await make_client(server.url, binding="HTTP+JSON", streaming=False)
        message_id = f"{uuid.uuid4()}:stats"
        first = await send(streaming, step_message(message_id))
        again = await send(streaming, step_message(message_id))
        over_rest = await send(rest, step_message(message_id))
        other = await send(streaming, step_message(f"{uuid.uuid4()}:stats"))
        await streaming.close()
        await rest.close()
    finally:
        server.stop()
    assert first.state == COMPLETED and first.data["result"] == 9
    assert again.task.id == first.task.id == over_rest.task.id
    assert again.task.artifacts == first.task.artifacts
    # The repeat streams the stored task once, without a second run's updates.
    assert [e.WhichOneof("payload") for e in again.events] == ["task"]
    assert again.events[0].task.status.state == COMPLETED
    assert other.task.id != first.task.id
    assert executor.runs == 2


async def test_idempotency_key_header_wins_over_message_id(tmp_path: Path) -> None:
    executor = CountingAnalyst()
    server = counting_server(tmp_path, executor)
    server.start()
    try:
        client = await make_client(server.url, streaming=False)
        key = ClientCallContext(service_parameters={"Idempotency-Key": "order-42"})
        # Fresh message ids each time: the header alone makes them the same request.
        first = await send_once(client, step_message(str(uuid.uuid4())), key)
        second = await send_once(client, step_message(str(uuid.uuid4())), key)
        unkeyed = await send_once(client, step_message(str(uuid.uuid4())))
        await client.close()
    finally:
        server.stop()
    assert unkeyed.id != first.id
    assert first.id == second.id and second.status.state == COMPLETED
    assert executor.runs == 2


async def test_repeat_while_running_waits_for_the_first(tmp_path: Path) -> None:
    gate = threading.Event()
    executor = CountingAnalyst(gate)
    server = counting_server(tmp_path, executor)
    server.start()
    streaming = await make_client(server.url)
    blocking = await make_client(server.url, streaming=False)
    message_id = f"{uuid.uuid4()}:calc"
    waiting = asyncio.Event()
    events: list[StreamResponse] = []

    async def first_send() -> None:
        request = SendMessageRequest(message=step_message(message_id, "what is 6 * 7"))
        async for event in streaming.send_message(request):
            events.append(event)
            if "Waiting for the gate" in get_text_parts(event.status_update.status.message.parts):
                waiting.set()

    first = asyncio.create_task(first_send())
    try:
        await asyncio.wait_for(waiting.wait(), GATE_TIMEOUT)
        repeat = asyncio.create_task(send_once(blocking, step_message(message_id, "what is 6 * 7")))
        # The repeat follows the running task instead of answering with WORKING.
        done, _ = await asyncio.wait({repeat}, timeout=0.3)
        assert not done
        gate.set()
        await asyncio.wait_for(first, GATE_TIMEOUT)
        answer = await asyncio.wait_for(repeat, GATE_TIMEOUT)
    finally:
        gate.set()
        first.cancel()
        await streaming.close()
        await blocking.close()
        server.stop()
    assert answer.id == events[0].task.id
    assert answer.status.state == COMPLETED
    assert get_data_parts(answer.artifacts[0].parts)[0]["result"] == 42
    assert executor.runs == 1


async def test_repeat_after_restart_returns_the_stored_task(tmp_path: Path) -> None:
    first_run = CountingAnalyst()
    server = counting_server(tmp_path, first_run)
    server.start()
    message_id = f"{uuid.uuid4()}:stats"
    try:
        client = await make_client(server.url)
        first = await send(client, step_message(message_id))
        await client.close()
        server.stop()
        second_run = CountingAnalyst()
        server = counting_server(tmp_path, second_run, port=server.port)
        server.start()
        client = await make_client(server.url)
        again = await send(client, step_message(message_id))
        await client.close()
    finally:
        server.stop()
    assert first.state == COMPLETED
    assert again.task.id == first.task.id and again.data == first.data
    assert (first_run.runs, second_run.runs) == (1, 0)


@pytest.mark.parametrize("same_instance", [True, False])
async def test_task_left_unfinished_runs_again(tmp_path: Path, same_instance: bool) -> None:
    """A crash mid-step leaves a WORKING task; the orchestrator's resend finishes it.

    Left by this instance's previous run, it runs again under its own id; left by another
    instance sharing the database (failover), it runs here as a new task.
    """
    executor = CountingAnalyst()
    server = counting_server(tmp_path, executor)
    server.start()  # Creates the tables and fixes the port (the instance's identity).
    server.stop()
    settings = make_settings(tmp_path)
    message_id = f"{uuid.uuid4()}:stats"
    task_id, context_id = str(uuid.uuid4()), str(uuid.uuid4())
    # What the crashed run left behind: its key and a WORKING task.
    engine = create_store_engine(settings.agent_store_url("analyst-agent", server.port))
    try:
        store = durable_task_store(engine)
        call = ServerCallContext()
        await store.save(
            Task(
                id=task_id,
                context_id=context_id,
                status=TaskStatus(state=TaskState.TASK_STATE_WORKING),
                history=[step_message(message_id)],
            ),
            call,
        )
        card_url = analyst_card(settings, server.port).supported_interfaces[0].url
        if not same_instance:
            card_url = "http://10.0.0.9:8002/"
        crashed = MessageKeyStore(engine, instance=f"analyst-agent {card_url}")
        await crashed.reserve("", idempotency_key(step_message(message_id), call), task_id)
    finally:
        await engine.dispose()
    server.start()
    try:
        client = await make_client(server.url)
        outcome = await send(client, step_message(message_id))
        again = await send(client, step_message(message_id))
        await client.close()
    finally:
        server.stop()
    assert outcome.task.id == again.task.id
    assert (outcome.task.id == task_id) is same_instance
    assert (outcome.task.context_id == context_id) is same_instance
    assert outcome.state == COMPLETED and outcome.data["result"] == 9
    assert executor.runs == 1


class BrokenAnalyst(CountingAnalyst):
    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        self.runs += 1
        raise RuntimeError("disk on fire")


async def test_internal_failure_is_retryable_with_a_new_message_id(tmp_path: Path) -> None:
    executor = BrokenAnalyst()
    server = counting_server(tmp_path, executor)
    server.start()
    try:
        client = await make_client(server.url)
        message_id = f"{uuid.uuid4()}:stats"
        failed = await send(client, step_message(message_id))
        repeat = await send(client, step_message(message_id))
        rerun = await send(client, step_message(f"{message_id}:rerun1"))
        bad_input = await send(client, step_message(f"{uuid.uuid4()}:x", ""))
        await client.close()
    finally:
        server.stop()
    assert failed.state == FAILED and "Internal error in the agent" in failed.reason
    assert MessageToDict(failed.task.status.message.metadata) == {"retryable": True}
    assert repeat.task.id == failed.task.id
    assert rerun.task.id != failed.task.id and rerun.state == FAILED
    assert executor.runs == 2
    # Only the agent's own faults are retryable; bad input fails the same way every time.
    assert bad_input.state == FAILED
    assert not bad_input.task.status.message.HasField("metadata")
