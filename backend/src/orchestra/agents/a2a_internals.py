"""What our agents rely on in a2a-sdk beyond its documented API, in one place, checked at start.

a2a-sdk is pinned to the minor version this was tested with (`SDK_MINOR`, see
backend/pyproject.toml). `verify()` runs when an agent starts and stops it with a message
saying what moved, instead of letting idempotency or the task store fail quietly later:

- `DefaultRequestHandler(request_context_builder=...)` builds the request context once per
  new message, after validating the request and before it creates or runs any task, and an
  exception raised in `build` leaves `on_message_send` / `on_message_send_stream` as it was
  raised. Idempotency reserves a message's key there (`PreflightContextBuilder`).
- `DatabaseTaskStore.task_model` may be replaced before `initialize()`, which then creates
  that model's table (`durable_task_store`). `DatabaseTaskStore(table_name=...)` would
  declare a new model on the SDK's shared metadata per store, which fails the second time
  in one process (tests, `orchestra up`).

Two former uses now go through public API instead: the sets of final and interrupted task
states come from the protocol's `TaskState` (`orchestra.agents.idempotency`), not from
`a2a.server.agent_execution.active_task`; and the `Idempotency-Key` header is put in the
call context by our own `ServerCallContextBuilder`, not read from the SDK's
`ServerCallContext.state["headers"]`.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from importlib.metadata import PackageNotFoundError, version

from a2a.server.agent_execution import (
    AgentExecutor,
    RequestContext,
    SimpleRequestContextBuilder,
)
from a2a.server.context import ServerCallContext
from a2a.server.events import EventQueue
from a2a.server.models import TaskModel, create_task_model
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.tasks import DatabaseTaskStore, InMemoryTaskStore
from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentInterface,
    AgentSkill,
    Message,
    Part,
    Role,
    SendMessageRequest,
    Task,
)
from sqlalchemy import inspect as inspect_schema
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import StaticPool

__all__ = [
    "SDK_MINOR",
    "TASK_TABLE",
    "A2ASdkMismatch",
    "Preflight",
    "PreflightContextBuilder",
    "durable_task_store",
    "verify",
]

#: The a2a-sdk minor version everything here was checked against.
SDK_MINOR = "1.3"
#: Our agents' A2A task table (not the SDK's default "tasks": AGENT_DATABASE_URL may point
#: at a database with other tables).
TASK_TABLE = "a2a_tasks"


class A2ASdkMismatch(RuntimeError):
    """The installed a2a-sdk does not behave as this module relies on."""


Preflight = Callable[
    [ServerCallContext, SendMessageRequest, str | None, str | None],
    Awaitable[tuple[str | None, str | None]],
]
"""Called with (call context, request, task id, context id) of each message before the SDK
does any work for it; returns the task and context ids to use, or raises to stop it."""


class PreflightContextBuilder(SimpleRequestContextBuilder):
    """Runs a `Preflight` on each message the handler receives, before any work starts."""

    def __init__(self, preflight: Preflight) -> None:
        super().__init__(should_populate_referred_tasks=False, task_store=None)
        self._preflight = preflight

    async def build(
        self,
        context: ServerCallContext,
        params: SendMessageRequest | None = None,
        task_id: str | None = None,
        context_id: str | None = None,
        task: Task | None = None,
    ) -> RequestContext:
        if params is not None:
            task_id, context_id = await self._preflight(context, params, task_id, context_id)
        return await super().build(context, params, task_id, context_id, task)


class _AgentStoreBase(DeclarativeBase):
    """Own metadata for the task table, apart from the SDK's (and its default model)."""


@functools.cache
def _task_model() -> type[TaskModel]:
    """The SDK's task model on our table name, declared once per process."""
    model: type[TaskModel] = create_task_model(TASK_TABLE, base=_AgentStoreBase)
    return model


def durable_task_store(engine: AsyncEngine) -> DatabaseTaskStore:
    """A `DatabaseTaskStore` keeping tasks in `TASK_TABLE` of `engine`'s database."""
    store = DatabaseTaskStore(engine)
    store.task_model = _task_model()
    return store


def installed_version() -> str:
    try:
        return version("a2a-sdk")
    except PackageNotFoundError:
        return "(not installed)"


async def verify() -> None:
    """Check every behaviour listed in the module docstring against the installed SDK.

    Raises:
        A2ASdkMismatch: naming what moved, and what to do.
    """
    problems: list[str] = []
    found = installed_version()
    if found.split(".")[:2] != SDK_MINOR.split("."):
        problems.append(f"this is a2a-sdk {found}, not {SDK_MINOR}.x")
    problems += await _check_preflight_runs_first()
    problems += await _check_task_table()
    if problems:
        raise A2ASdkMismatch(
            f"a2a-sdk {found} does not behave as Orchestra's agents rely on: "
            + "; ".join(problems)
            + f". Orchestra is tested with a2a-sdk {SDK_MINOR}.x (the pin in "
            "backend/pyproject.toml): reinstall it with scripts/bootstrap, or adapt "
            "orchestra/agents/a2a_internals.py to the new version."
        )


_PROBE_SECONDS = 5.0
_PROBE_CARD = AgentCard(
    name="probe",
    description="Checks the SDK at start; never served.",
    version="0",
    supported_interfaces=[
        AgentInterface(url="http://127.0.0.1/", protocol_binding="JSONRPC", protocol_version="1.0")
    ],
    capabilities=AgentCapabilities(streaming=True),
    default_input_modes=["text/plain"],
    default_output_modes=["text/plain"],
    skills=[AgentSkill(id="probe", name="probe", description="probe", tags=["probe"])],
)


class _Stop(Exception):
    """Raised by the probe's preflight; must come out of the handler unchanged."""


class _MustNotRun(AgentExecutor):
    def __init__(self) -> None:
        self.ran = False

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        self.ran = True
        raise RuntimeError("the probe's agent ran")  # ends the request at once

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        self.ran = True


class _StopAtPreflight:
    """The probe's preflight: counts its calls and stops the request with `_Stop`."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(
        self,
        context: ServerCallContext,
        params: SendMessageRequest,
        task_id: str | None,
        context_id: str | None,
    ) -> tuple[str | None, str | None]:
        self.calls += 1
        raise _Stop


async def _probe(name: str, call: Awaitable[object], preflight: _StopAtPreflight) -> list[str]:
    """Run one request whose preflight stops it; say how the handler strayed, if it did."""
    calls = preflight.calls
    try:
        async with asyncio.timeout(_PROBE_SECONDS):
            await call
    except _Stop:
        return []
    except Exception as error:  # what moved is the news here, whatever it raised
        if preflight.calls > calls:
            return [f"{name} changed an error of the request context builder ({error!r})"]
    return [f"{name} did not call the request context builder"]


async def _check_preflight_runs_first() -> list[str]:
    executor = _MustNotRun()
    preflight = _StopAtPreflight()
    handler = DefaultRequestHandler(
        agent_executor=executor,
        task_store=InMemoryTaskStore(),
        agent_card=_PROBE_CARD,
        request_context_builder=PreflightContextBuilder(preflight),
    )
    message = Message(role=Role.ROLE_USER, message_id="probe", parts=[Part(text="probe")])
    request = SendMessageRequest(message=message)
    problems = await _probe(
        "SendMessage", handler.on_message_send(request, ServerCallContext()), preflight
    )
    stream = handler.on_message_send_stream(request, ServerCallContext())
    try:
        problems += await _probe("SendStreamingMessage", anext(stream), preflight)
    finally:
        await stream.aclose()
    if executor.ran:
        problems.append("the agent ran before its request context was built")
    return problems


async def _check_task_table() -> list[str]:
    engine = create_async_engine("sqlite+aiosqlite://", poolclass=StaticPool)
    try:
        await durable_task_store(engine).initialize()
        async with engine.connect() as connection:
            tables = await connection.run_sync(
                lambda sync: set(inspect_schema(sync).get_table_names())
            )
    except Exception as error:
        return [f"DatabaseTaskStore refused its task_model replaced ({error!r})"]
    finally:
        await engine.dispose()
    if TASK_TABLE not in tables:
        return [f"DatabaseTaskStore.initialize() ignored task_model (it made {sorted(tables)})"]
    return []
