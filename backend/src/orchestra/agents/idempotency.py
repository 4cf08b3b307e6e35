"""Idempotent SendMessage: a message (or Idempotency-Key) seen twice returns the first task.

The orchestrator sends every step as a new-task message with message id
"<task id>:<step key>" and resends the same id after a crash. The key of a message is
its HTTP `Idempotency-Key` header when present, else its `message_id`; it is recorded
(per owner) in a table beside the task store, so it survives an agent restart.

- A new-task message whose key is new runs as usual; the key now names that task.
- A repeat returns that task instead of running again: finished, its final state and
  artifacts; still running in this process, the call waits for it (SendMessage) or
  follows it (SendStreamingMessage).
- A repeat whose task was left unfinished by a previous run of this very instance
  (same card URL) runs again under the same task id, since nobody else will finish
  it; one left unfinished by another instance sharing AGENT_DATABASE_URL (which the
  orchestrator fails over from) runs here as a new task, and the key moves to it.
- Follow-ups (a message naming a task id) are not deduplicated: the A2A task they
  name already identifies the work, and the SDK refuses follow-ups to finished tasks.

`KeyReservation` reserves the key when the SDK builds the request context (after
validation, before any work starts: `orchestra.agents.a2a_internals.PreflightContextBuilder`),
so two concurrent sends of one key cannot both run; `IdempotentRequestHandler` turns a lost
race or a repeat into the first task. `IdempotencyHeader` hands the HTTP header to it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import UTC, datetime

from a2a.server.agent_execution import AgentExecutor
from a2a.server.context import ServerCallContext
from a2a.server.events import Event
from a2a.server.owner_resolver import resolve_user_scope
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import DefaultServerCallContextBuilder
from a2a.server.tasks import TaskStore
from a2a.types import (
    AgentCard,
    Message,
    SendMessageRequest,
    SubscribeToTaskRequest,
    Task,
    TaskState,
    TaskStatusUpdateEvent,
)
from a2a.utils.errors import InternalError, UnsupportedOperationError
from a2a.utils.task import apply_history_length
from sqlalchemy import DateTime, String, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.requests import Request

from orchestra.agents.a2a_internals import PreflightContextBuilder

__all__ = [
    "IDEMPOTENCY_HEADER",
    "IdempotencyHeader",
    "IdempotentRequestHandler",
    "KeyReservation",
    "MessageKeyStore",
    "idempotency_key",
]

logger = logging.getLogger(__name__)

IDEMPOTENCY_HEADER = "idempotency-key"
#: Where `IdempotencyHeader` puts the header's value in `ServerCallContext.state`.
_HEADER_STATE = "orchestra.idempotency_key"
#: As A2A defines them: a task in a final state never changes again; an interrupted one
#: waits for its client.
FINAL_STATES = frozenset(
    {
        TaskState.TASK_STATE_COMPLETED,
        TaskState.TASK_STATE_CANCELED,
        TaskState.TASK_STATE_FAILED,
        TaskState.TASK_STATE_REJECTED,
    }
)
INTERRUPTED_STATES = frozenset(
    {TaskState.TASK_STATE_INPUT_REQUIRED, TaskState.TASK_STATE_AUTH_REQUIRED}
)
KEY_TABLE = "a2a_message_keys"
#: How long a repeat waits for the first send's Task to be stored (milliseconds apart).
_FIRST_TASK_WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.05


class _KeyBase(DeclarativeBase):
    """Own metadata for the key table, apart from the SDK's."""


class MessageKeyModel(_KeyBase):
    """One idempotency key: which task it started, and which server process started it."""

    __tablename__ = KEY_TABLE

    owner: Mapped[str] = mapped_column(String(255), primary_key=True)
    #: sha256 of the key's source and value, so any message id fits.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    task_id: Mapped[str] = mapped_column(String(255))
    #: The agent instance (kind and card URL) and its process run ("boot") that ran it.
    instance: Mapped[str] = mapped_column(String(255))
    boot: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class KeyRecord:
    task_id: str
    instance: str
    boot: str


class IdempotencyHeader(DefaultServerCallContextBuilder):
    """The SDK's call context, plus the request's Idempotency-Key header for `idempotency_key`."""

    def build(self, request: Request) -> ServerCallContext:
        context = super().build(request)
        context.state[_HEADER_STATE] = request.headers.get(IDEMPOTENCY_HEADER, "")
        return context


def idempotency_key(message: Message, context: ServerCallContext) -> str:
    """The hashed key of a message: its Idempotency-Key header, else its message id ("" if none)."""
    header = str(context.state.get(_HEADER_STATE) or "").strip()
    source, value = ("header", header) if header else ("message", message.message_id)
    if not value:
        return ""
    return hashlib.sha256(f"{source}\x00{value}".encode()).hexdigest()


class MessageKeyStore:
    """The key table: reserve a key for a task, read it back, take over an orphaned one."""

    def __init__(self, engine: AsyncEngine, *, instance: str) -> None:
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._engine = engine
        self.instance = instance[:255]
        #: This process run; a record with another boot was made before a restart.
        self.boot = uuid.uuid4().hex

    async def initialize(self) -> None:
        async with self._engine.begin() as connection:
            await connection.run_sync(_KeyBase.metadata.create_all)

    async def reserve(self, owner: str, key: str, task_id: str) -> KeyRecord | None:
        """Record `key` for `task_id`; None if it was new, else the record that holds it."""
        row = MessageKeyModel(
            owner=owner,
            key=key,
            task_id=task_id,
            instance=self.instance,
            boot=self.boot,
            created_at=datetime.now(UTC),
        )
        try:
            async with self._sessions.begin() as session:
                session.add(row)
        except IntegrityError:
            existing = await self.get(owner, key)
            if existing is None:  # Deleted in between: nothing else deletes keys, but be exact.
                raise InternalError(message="Idempotency key vanished; send again.") from None
            return existing
        return None

    async def get(self, owner: str, key: str) -> KeyRecord | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(MessageKeyModel).where(
                    MessageKeyModel.owner == owner, MessageKeyModel.key == key
                )
            )
        return None if row is None else KeyRecord(row.task_id, row.instance, row.boot)

    async def take_over(self, owner: str, key: str, record: KeyRecord, task_id: str) -> bool:
        """Move a key whose task was left unfinished to `task_id` run by this process.

        False when another request moved it first (the update matches `record` only).
        """
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(MessageKeyModel)
                .where(
                    MessageKeyModel.owner == owner,
                    MessageKeyModel.key == key,
                    MessageKeyModel.task_id == record.task_id,
                    MessageKeyModel.boot == record.boot,
                )
                .values(task_id=task_id, instance=self.instance, boot=self.boot)
            )
        return bool(getattr(result, "rowcount", 0))


class MemoryMessageKeys(MessageKeyStore):
    """The key table in memory, for an agent whose tasks are in memory too (`durable=False`):
    keys then live exactly as long as the tasks they name."""

    def __init__(self, *, instance: str) -> None:
        self.instance = instance[:255]
        self.boot = uuid.uuid4().hex
        self._records: dict[tuple[str, str], KeyRecord] = {}

    async def initialize(self) -> None:
        return None

    async def reserve(self, owner: str, key: str, task_id: str) -> KeyRecord | None:
        existing = self._records.get((owner, key))
        if existing is not None:
            return existing
        self._records[(owner, key)] = KeyRecord(task_id, self.instance, self.boot)
        return None

    async def get(self, owner: str, key: str) -> KeyRecord | None:
        return self._records.get((owner, key))

    async def take_over(self, owner: str, key: str, record: KeyRecord, task_id: str) -> bool:
        if self._records.get((owner, key)) != record:
            return False
        self._records[(owner, key)] = KeyRecord(task_id, self.instance, self.boot)
        return True


class DuplicateMessageError(Exception):
    """Control flow, not a user error: the message repeats a key; serve `record`'s task."""

    def __init__(self, record: KeyRecord, *, local: bool) -> None:
        super().__init__(record.task_id)
        self.record = record
        #: Started by this process run, so its events can be followed here.
        self.local = local


class KeyReservation:
    """Reserves a new-task message's key before the SDK starts any work for it.

    A `Preflight` (see `orchestra.agents.a2a_internals`): returns the task and context ids
    the message runs under, or raises `DuplicateMessageError`.
    """

    def __init__(self, keys: MessageKeyStore, task_store: TaskStore) -> None:
        self._keys = keys
        self._tasks = task_store

    async def __call__(
        self,
        context: ServerCallContext,
        params: SendMessageRequest,
        task_id: str | None,
        context_id: str | None,
    ) -> tuple[str | None, str | None]:
        key = idempotency_key(params.message, context)
        if task_id or not key:
            return task_id, context_id
        owner = resolve_user_scope(context)
        new_task_id = str(uuid.uuid4())
        existing = await self._keys.reserve(owner, key, new_task_id)
        if existing is None:
            return new_task_id, context_id
        if existing.boot == self._keys.boot:
            raise DuplicateMessageError(existing, local=True)
        stored = await self._tasks.get(existing.task_id, context)
        if stored is not None and stored.status.state in FINAL_STATES:
            raise DuplicateMessageError(existing, local=False)
        if existing.instance == self._keys.instance:
            # This instance stopped before finishing it (a restart): nobody else will, so
            # run it again under the same task id.
            rerun_id = existing.task_id
            rerun_context = stored.context_id if stored is not None else context_id
        elif stored is not None:
            # Unfinished at another instance sharing the database (the orchestrator fails
            # over when that one stops answering); its events cannot be followed from
            # here, so the work runs here as a new task, which the key now names.
            rerun_id, rerun_context = new_task_id, context_id
        else:
            # Another instance reserved it a moment ago and is storing its task.
            raise DuplicateMessageError(existing, local=False)
        if not await self._keys.take_over(owner, key, existing, rerun_id):
            # Another repeat took it over first: serve what it runs.
            winner = await self._keys.get(owner, key)
            if winner is None:
                raise InternalError(message="Idempotency key vanished; send again.")
            raise DuplicateMessageError(winner, local=winner.boot == self._keys.boot)
        logger.info(
            "task %s: repeated while unfinished, running it as %s", existing.task_id, rerun_id
        )
        return rerun_id, rerun_context


class IdempotentRequestHandler(DefaultRequestHandler):
    """`DefaultRequestHandler` whose SendMessage answers a repeated key with the first task."""

    def __init__(
        self,
        *,
        agent_executor: AgentExecutor,
        task_store: TaskStore,
        agent_card: AgentCard,
        keys: MessageKeyStore,
    ) -> None:
        super().__init__(
            agent_executor=agent_executor,
            task_store=task_store,
            agent_card=agent_card,
            request_context_builder=PreflightContextBuilder(KeyReservation(keys, task_store)),
        )
        self._tasks = task_store

    async def on_message_send(
        self, params: SendMessageRequest, context: ServerCallContext
    ) -> Message | Task:
        try:
            return await super().on_message_send(params, context)
        except DuplicateMessageError as duplicate:
            task = await self._first_task(duplicate.record.task_id, context)
            if duplicate.local and not params.configuration.return_immediately and _running(task):
                task = await self._wait_until_settled(task, context)
            logger.info("repeated message: returning task %s", task.id)
            return apply_history_length(task, params.configuration)

    async def on_message_send_stream(
        self, params: SendMessageRequest, context: ServerCallContext
    ) -> AsyncGenerator[Event, None]:
        try:
            async for event in super().on_message_send_stream(params, context):
                yield event
            return
        except DuplicateMessageError as duplicate:
            task = await self._first_task(duplicate.record.task_id, context)
            local = duplicate.local
        logger.info("repeated message: streaming task %s", task.id)
        if local and _running(task):
            try:
                async for event in self.on_subscribe_to_task(
                    SubscribeToTaskRequest(id=task.id), context
                ):
                    yield event
                return
            except UnsupportedOperationError:
                # It finished between the read and the subscription.
                task = await self._first_task(task.id, context)
        yield apply_history_length(task, params.configuration)

    async def _first_task(self, task_id: str, context: ServerCallContext) -> Task:
        """The task of the first send, waiting briefly if that send has not stored it yet."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _FIRST_TASK_WAIT_SECONDS
        while True:
            task = await self._tasks.get(task_id, context)
            if task is not None:
                return task
            if loop.time() >= deadline:
                raise InternalError(
                    message=f"Task {task_id} of this message is not stored yet; send again."
                )
            await asyncio.sleep(_POLL_SECONDS)

    async def _wait_until_settled(self, task: Task, context: ServerCallContext) -> Task:
        """Follow a running task until it ends or needs input, then read it back."""
        try:
            async for event in self.on_subscribe_to_task(
                SubscribeToTaskRequest(id=task.id), context
            ):
                if isinstance(event, Task | TaskStatusUpdateEvent) and not _running(event):
                    break
        except UnsupportedOperationError:
            pass  # Already finished: the read below has the final state.
        return await self._first_task(task.id, context)


def _running(item: Task | TaskStatusUpdateEvent) -> bool:
    state = item.status.state
    return state not in FINAL_STATES and state not in INTERRUPTED_STATES
