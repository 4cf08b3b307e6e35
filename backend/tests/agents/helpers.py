"""Helpers for the agent tests: real uvicorn servers on free loopback ports, A2A calls."""

from __future__ import annotations

import asyncio
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from a2a.client import Client, ClientConfig, ClientFactory
from a2a.helpers import get_data_parts, get_text_parts, new_data_part, new_text_part
from a2a.types import (
    GetTaskRequest,
    Message,
    Part,
    Role,
    SendMessageRequest,
    StreamResponse,
    Task,
    TaskState,
)
from fastapi import FastAPI

from orchestra.agents import create_agent_app
from orchestra.config import Settings

STARTUP_TIMEOUT = 20.0


class _Server(uvicorn.Server):
    """uvicorn server that signals when it is listening, so tests wait on an event."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()


def _bind(port: int = 0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


@dataclass
class AgentServer:
    """One agent served by uvicorn in a background thread; restartable on the same port."""

    kind: str
    settings: Settings
    port: int = 0
    #: Builds the app instead of `create_agent_app` (e.g. a research agent with a fake LLM).
    app_factory: Callable[[Settings, int], FastAPI] | None = None
    _server: _Server | None = None
    _thread: threading.Thread | None = None
    _socket: socket.socket | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        sock = _bind(self.port)
        self.port = sock.getsockname()[1]
        if self.app_factory is not None:
            app = self.app_factory(self.settings, self.port)
        else:
            app = create_agent_app(self.kind, self.settings, self.port)
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        server = _Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name=f"uvicorn-{self.kind}", daemon=True
        )
        thread.start()
        if not server.ready.wait(STARTUP_TIMEOUT):
            raise RuntimeError(f"{self.kind} did not start within {STARTUP_TIMEOUT}s")
        self._server, self._thread, self._socket = server, thread, sock

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(STARTUP_TIMEOUT)
        if self._thread.is_alive():
            raise RuntimeError(f"{self.kind} did not stop within {STARTUP_TIMEOUT}s")
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None


def make_settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, host="127.0.0.1", llm_provider="offline")


async def make_client(url: str, *, binding: str = "JSONRPC", streaming: bool = True) -> Client:
    config = ClientConfig(streaming=streaming, supported_protocol_bindings=[binding])
    return await ClientFactory(config).create_from_url(url)


def user_message(
    text: str | None,
    *,
    data: dict[str, Any] | None = None,
    task_id: str = "",
    context_id: str = "",
) -> Message:
    parts: list[Part] = []
    if text is not None:
        parts.append(new_text_part(text))
    if data is not None:
        parts.append(new_data_part(data))
    return Message(
        role=Role.ROLE_USER,
        message_id=str(uuid.uuid4()),
        parts=parts,
        task_id=task_id,
        context_id=context_id,
    )


@dataclass
class Outcome:
    """Everything a send produced: the stream events and the final task."""

    events: list[StreamResponse]
    task: Task

    @property
    def state(self) -> int:
        return self.task.status.state

    @property
    def reason(self) -> str:
        return "\n".join(get_text_parts(self.task.status.message.parts))

    @property
    def text(self) -> str:
        return "\n".join(get_text_parts(self.task.artifacts[0].parts))

    @property
    def data(self) -> dict[str, Any]:
        found = get_data_parts(self.task.artifacts[0].parts)
        assert found, "artifact has no data part"
        result: dict[str, Any] = found[0]
        return result

    def status_texts(self) -> list[str]:
        return [
            "\n".join(get_text_parts(e.status_update.status.message.parts))
            for e in self.events
            if e.HasField("status_update")
        ]


async def send(client: Client, message: Message, *, timeout: float = 30.0) -> Outcome:
    """Send and collect events; the final task is re-read with GetTask."""

    async def collect() -> list[StreamResponse]:
        return [e async for e in client.send_message(SendMessageRequest(message=message))]

    events = await asyncio.wait_for(collect(), timeout)
    ids = [e.task.id for e in events if e.HasField("task")]
    ids += [e.status_update.task_id for e in events if e.HasField("status_update")]
    assert ids, f"no task in the response: {events}"
    task_id = ids[0]
    task = await client.get_task(GetTaskRequest(id=task_id))
    return Outcome(events=events, task=task)


async def ask(
    client: Client,
    text: str | None,
    *,
    data: dict[str, Any] | None = None,
    capability: str | None = None,
) -> Outcome:
    if capability is not None:
        data = {**(data or {}), "step": {"id": "s1", "title": "test", "capability": capability}}
    return await send(client, user_message(text, data=data))


COMPLETED = TaskState.TASK_STATE_COMPLETED
FAILED = TaskState.TASK_STATE_FAILED
CANCELED = TaskState.TASK_STATE_CANCELED

CORPUS_ENERGY = """# Nuclear power

Nuclear power produces large amounts of low-carbon electricity around the clock.
Supporters argue that nuclear plants provide reliable baseload power and reduce emissions.
Nuclear power plants are very expensive to build and often run years over schedule.
Critics worry about the risk of accidents such as Chernobyl and Fukushima.
Radioactive waste remains dangerous for thousands of years, and long-term storage is unsolved.
Modern reactor designs improve safety and could lower costs.

# Wind power

Wind turbines generate clean electricity without fuel costs.
However, wind output is variable, so grids need storage or backup capacity.
"""

CORPUS_GARDEN = """Tomatoes grow best in full sun with regular watering.
Compost improves soil structure and feeds plants slowly over the season.
"""
