"""The research agent's LangGraph threads: one per step run, deleted when the task ends,
resumed when a restart of the agent interrupted the run."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import threading
import time
import uuid
from contextlib import AsyncExitStack, closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from a2a.client import Client
from a2a.server.context import ServerCallContext
from a2a.types import (
    CancelTaskRequest,
    Message,
    Task,
    TaskState,
    TaskStatus,
)
from fastapi import FastAPI
from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langgraph.checkpoint.base import empty_checkpoint
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

from orchestra.agents.a2a_internals import durable_task_store
from orchestra.agents.idempotency import MessageKeyStore, idempotency_key
from orchestra.agents.protocol import parse_step_request
from orchestra.agents.research import create_research_app
from orchestra.agents.research.card import research_card
from orchestra.agents.research.executor import ResearchExecutor
from orchestra.agents.server import create_store_engine
from orchestra.config import Settings
from tests.agents.helpers import (
    CANCELED,
    COMPLETED,
    FAILED,
    AgentServer,
    Outcome,
    make_client,
    make_settings,
    send,
    user_message,
)

WAIT = 20.0
QUESTION = re.compile(r"Your step \(\w+\): (.*)")


class GatedChatModel(BaseChatModel):
    """Answers with the step's question, once `expected` calls are waiting at once.

    So two steps are provably inside the graph together; the test looks at the
    checkpoints while they wait, then opens `release`.
    """

    expected: int = 2
    arrived: Any = None  # threading.Event: `expected` calls are waiting
    release: Any = None  # threading.Event: the test lets them answer
    calls: list[str] = []

    @property
    def _llm_type(self) -> str:
        return "gated"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        raise NotImplementedError

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        found = QUESTION.search(str(messages[-1].content))
        question = found.group(1) if found else "?"
        self.calls.append(question)
        if len(self.calls) >= self.expected:
            self.arrived.set()
        await asyncio.to_thread(self.release.wait, WAIT)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=question))])


class RaisingChatModel(BaseChatModel):
    @property
    def _llm_type(self) -> str:
        return "raising"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        raise RuntimeError("the provider is down")


def server_with(data_dir: Path, model: BaseChatModel, port: int = 0) -> AgentServer:
    def factory(settings: Settings, bound: int) -> FastAPI:
        return create_research_app(settings, bound, model=model)

    return AgentServer("research-agent", make_settings(data_dir), port=port, app_factory=factory)


def checkpoint_file(server: AgentServer) -> Path:
    return server.settings.data_dir / "agents" / f"research-agent-{server.port}-graph.db"


def threads(path: Path) -> dict[str, int]:
    """Checkpoints and pending writes kept per thread id."""
    with closing(sqlite3.connect(path, timeout=WAIT)) as db:
        rows = db.execute(
            "SELECT thread_id, count(*) FROM"
            " (SELECT thread_id FROM checkpoints UNION ALL SELECT thread_id FROM writes)"
            " GROUP BY thread_id"
        ).fetchall()
    return {str(thread): int(count) for thread, count in rows}


def wait_for_threads(path: Path, count: int) -> dict[str, int]:
    """The threads once `count` of them are stored (another connection commits them)."""
    deadline = time.monotonic() + WAIT
    found = threads(path)
    while len(found) < count and time.monotonic() < deadline:
        time.sleep(0.05)
        found = threads(path)
    return found


def research(text: str, context_id: str = "") -> Message:
    message = user_message(text, data={"step": {"id": "s", "title": "t", "capability": "research"}})
    message.context_id = context_id
    return message


async def test_two_steps_of_one_task_at_once_have_their_own_threads(tmp_path: Path) -> None:
    """Two research steps of one orchestrator task (one A2A context) run at once."""
    model = GatedChatModel(arrived=threading.Event(), release=threading.Event(), calls=[])
    server = server_with(tmp_path, model)
    server.start()
    client = await make_client(server.url)
    context = str(uuid.uuid4())
    try:
        both = asyncio.gather(
            send(client, research("Explain tides", context), timeout=WAIT * 2),
            send(client, research("Explain volcanoes", context), timeout=WAIT * 2),
        )
        arrived = await asyncio.to_thread(model.arrived.wait, WAIT)
        during = await asyncio.to_thread(wait_for_threads, checkpoint_file(server), 2)
        model.release.set()
        tides, volcanoes = await both
    finally:
        model.release.set()
        await client.close()
        server.stop()
    assert arrived, "the two steps were not inside the graph together"
    assert set(during) == {tides.task.id, volcanoes.task.id}, during
    assert (tides.state, volcanoes.state) == (COMPLETED, COMPLETED)
    assert tides.task.context_id == volcanoes.task.context_id == context
    assert tides.text == "Explain tides" and volcanoes.text == "Explain volcanoes"
    assert tides.data["question"] == "Explain tides"
    assert volcanoes.data["question"] == "Explain volcanoes"
    assert threads(checkpoint_file(server)) == {}  # deleted once each task completed


async def test_a_failed_or_cancelled_run_leaves_no_checkpoints(tmp_path: Path) -> None:
    server = server_with(tmp_path, RaisingChatModel())
    server.start()
    try:
        client = await make_client(server.url)
        failed = await send(client, research("Explain tides"))
        await client.close()
    finally:
        server.stop()
    assert failed.state == FAILED
    assert threads(checkpoint_file(server)) == {}

    gated = GatedChatModel(
        expected=1, arrived=threading.Event(), release=threading.Event(), calls=[]
    )
    server = server_with(tmp_path, gated, port=server.port)
    server.start()
    client = await make_client(server.url)
    try:
        stream = asyncio.create_task(send(client, research("Explain tides"), timeout=WAIT * 2))
        assert await asyncio.to_thread(gated.arrived.wait, WAIT)
        running = list(await asyncio.to_thread(wait_for_threads, checkpoint_file(server), 1))
        assert len(running) == 1
        cancelled = await client.cancel_task(CancelTaskRequest(id=running[0]))
        outcome = await stream
    finally:
        gated.release.set()
        await client.close()
        server.stop()
    assert cancelled.status.state == CANCELED and outcome.state == CANCELED
    assert threads(checkpoint_file(server)) == {}


async def test_a_run_a_restart_interrupted_resumes_from_its_checkpoint(tmp_path: Path) -> None:
    """The agent died in the write node; the orchestrator's resend finishes the run there."""
    server = server_with(tmp_path, RaisingChatModel())
    server.start()  # Creates the tables and fixes the port (the instance's identity).
    server.stop()
    settings = make_settings(tmp_path)
    message = research("Explain tides")
    task_id, context_id = str(uuid.uuid4()), str(uuid.uuid4())

    # The run that died: the graph got as far as the write node, checkpointing each node.
    # (Its model fails where the process died; run() alone neither ends the task nor
    # deletes the thread, as a dead process would not.)
    dying = ResearchExecutor(
        checkpoint_path=checkpoint_file(server),
        corpus_dir=tmp_path / "corpus",
        model=RaisingChatModel(),
    )
    statuses: list[str] = []

    async def progress(text: str) -> None:
        statuses.append(text)

    async with AsyncExitStack() as stack:
        await dying.startup(stack)
        request = replace(parse_step_request(message), task_id=task_id, context_id=context_id)
        with pytest.raises(RuntimeError, match="the provider is down"):
            await dying.run(request, progress)
    assert statuses[-1] == "Writing the answer"
    assert set(threads(checkpoint_file(server))) == {task_id}
    # ...and what its server had stored: the WORKING task and the message's key.
    engine = create_store_engine(settings.agent_store_url("research-agent", server.port))
    try:
        store = durable_task_store(engine)
        call = ServerCallContext()
        working = TaskStatus(state=TaskState.TASK_STATE_WORKING)
        await store.save(
            Task(id=task_id, context_id=context_id, status=working, history=[message]), call
        )
        card_url = research_card(settings, server.port).supported_interfaces[0].url
        keys = MessageKeyStore(engine, instance=f"research-agent {card_url}")
        await keys.initialize()
        await keys.reserve("", idempotency_key(message, call), task_id)
    finally:
        await engine.dispose()

    answer = AIMessage(content="Tides follow the moon.")
    restarted = server_with(
        tmp_path, GenericFakeChatModel(messages=iter([answer])), port=server.port
    )
    restarted.start()
    try:
        client: Client = await make_client(restarted.url)
        outcome: Outcome = await send(client, message)
        await client.close()
    finally:
        restarted.stop()
    assert outcome.task.id == task_id and outcome.state == COMPLETED, outcome.reason
    assert outcome.text == "Tides follow the moon."
    said = outcome.status_texts()
    assert "Writing the answer" in said
    assert "Understanding the question" not in said and "Gathering sources" not in said
    assert outcome.data["question"] == "Explain tides"
    assert threads(checkpoint_file(server)) == {}


async def test_threads_abandoned_for_longer_than_checkpoint_days_go_at_start(
    tmp_path: Path,
) -> None:
    """A run a shutdown stopped, never sent again (its task was deleted meanwhile), keeps
    its thread only until the agent starts after CHECKPOINT_DAYS; a recent one stays to be
    resumed."""
    path = tmp_path / "graph.db"
    async with AsyncSqliteSaver.from_conn_string(str(path)) as saver:
        await saver.setup()
        for thread, age in (("abandoned", timedelta(days=3)), ("recent", timedelta(hours=1))):
            checkpoint = empty_checkpoint()
            checkpoint["ts"] = (datetime.now(UTC) - age).isoformat()
            config: Any = {"configurable": {"thread_id": thread, "checkpoint_ns": ""}}
            await saver.aput(config, checkpoint, {}, {})
    assert set(threads(path)) == {"abandoned", "recent"}

    executor = ResearchExecutor(
        checkpoint_path=path, corpus_dir=tmp_path / "corpus", checkpoint_days=2
    )
    async with AsyncExitStack() as stack:
        await executor.startup(stack)
    assert set(threads(path)) == {"recent"}
