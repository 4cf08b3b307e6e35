"""A2A server glue shared by our agents: card, task store, request handler, FastAPI app.

Each agent supplies its skills and executor; this module serves them over JSON-RPC
(at `/`) and HTTP+JSON (behind AGENT_TOKEN when it is set, `bearer`), persists tasks
with `DatabaseTaskStore`, answers a repeated message with its first task
(`orchestra.agents.idempotency`), and cleans up on exit.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

from a2a.server.routes import (
    add_a2a_routes_to_fastapi,
    create_agent_card_routes,
    create_jsonrpc_routes,
    create_rest_routes,
)
from a2a.server.tasks import DatabaseTaskStore, InMemoryTaskStore
from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentExtension,
    AgentInterface,
    AgentSkill,
)
from a2a.utils.constants import PROTOCOL_VERSION_1_0, TransportProtocol
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from google.protobuf.struct_pb2 import Struct
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from orchestra import collector
from orchestra.agents import bearer
from orchestra.agents import metrics as agent_metrics
from orchestra.agents.a2a_internals import durable_task_store, verify
from orchestra.agents.bearer import RequireToken
from orchestra.agents.content_type import RequireJsonBody
from orchestra.agents.executor import StepExecutor
from orchestra.agents.idempotency import (
    IdempotencyHeader,
    IdempotentRequestHandler,
    MemoryMessageKeys,
    MessageKeyStore,
)
from orchestra.agents.protocol import DOCUMENTS_EXTENSION_URI
from orchestra.config import Settings
from orchestra.llm.profiles import MODEL_EXTENSION_URI, ModelProfile
from orchestra.tracing import TracingMiddleware

__all__ = [
    "build_agent_app",
    "build_card",
    "create_store_engine",
    "interfaces",
    "model_extension",
    "skill",
]

logger = logging.getLogger(__name__)

JSONRPC_PATH = "/"
INPUT_MODES = ["text/plain", "application/json"]
OUTPUT_MODES = ["text/markdown", "application/json"]
CARD_CACHE_CONTROL = "public, max-age=60"


def skill(
    skill_id: str, name: str, description: str, tags: list[str], examples: list[str]
) -> AgentSkill:
    """A card skill taking and giving our agents' input and output modes."""
    return AgentSkill(
        id=skill_id,
        name=name,
        description=description,
        tags=tags,
        examples=examples,
        input_modes=INPUT_MODES,
        output_modes=OUTPUT_MODES,
    )


def model_extension(profile: ModelProfile) -> AgentExtension:
    """The card's statement of which model this instance runs (an optional extension)."""
    params = Struct()
    params.update({"profile": profile.name, "provider": profile.provider, "model": profile.model})
    return AgentExtension(
        uri=MODEL_EXTENSION_URI,
        description="The model profile this instance runs.",
        required=False,
        params=params,
    )


def documents_extension() -> AgentExtension:
    """The card's statement that the agent reads passages of users' documents."""
    return AgentExtension(
        uri=DOCUMENTS_EXTENSION_URI,
        description="Reads the passages of the user's uploaded documents that the orchestrator "
        "finds for a step (the data part's `documents`), and cites them.",
        required=False,
    )


def interfaces(jsonrpc_url: str, http_json_url: str) -> list[AgentInterface]:
    """The two A2A 1.0 interfaces a card declares: JSON-RPC and HTTP+JSON."""
    return [
        AgentInterface(
            url=jsonrpc_url,
            protocol_binding=TransportProtocol.JSONRPC.value,
            protocol_version=PROTOCOL_VERSION_1_0,
        ),
        AgentInterface(
            url=http_json_url,
            protocol_binding=TransportProtocol.HTTP_JSON.value,
            protocol_version=PROTOCOL_VERSION_1_0,
        ),
    ]


def build_card(
    *,
    name: str,
    description: str,
    version: str,
    skills: Sequence[AgentSkill],
    settings: Settings,
    port: int,
    model: ModelProfile | None = None,
    reads_documents: bool = False,
) -> AgentCard:
    """An A2A 1.0 card declaring both interfaces this server mounts, `model` if any, and
    whether the agent reads users' documents; the bearer scheme when AGENT_TOKEN is set."""
    base = f"http://{settings.advertised_host}:{port}"
    extensions = [model_extension(model)] if model is not None else []
    if reads_documents:
        extensions.append(documents_extension())
    card = AgentCard(
        name=name,
        description=description,
        version=version,
        supported_interfaces=interfaces(base + JSONRPC_PATH, base),
        capabilities=AgentCapabilities(
            streaming=True, push_notifications=False, extensions=extensions
        ),
        default_input_modes=INPUT_MODES,
        default_output_modes=OUTPUT_MODES,
        skills=list(skills),
    )
    if settings.agent_token.get_secret_value():
        bearer.declare(card)
    return card


def create_store_engine(url: str) -> AsyncEngine:
    """Async engine for the task store; for SQLite, makes the directory and turns on WAL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True)
    database = parsed.database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # Parallel steps write concurrently: wait for the lock instead of failing at once.
    engine = create_async_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine.sync_engine, "connect")
    def _sqlite_pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def build_agent_app(
    kind: str,
    card: AgentCard,
    executor: StepExecutor,
    settings: Settings,
    port: int,
    *,
    durable: bool = True,
) -> FastAPI:
    """FastAPI app serving one agent: card, JSON-RPC at `/`, HTTP+JSON, `/health`.

    The executor's async resources are opened in the lifespan (they need the server's
    loop); on shutdown in-flight tasks are drained, then resources and engine released.
    With `durable=False` (the benchmark's agent) A2A tasks and their idempotency keys are
    kept in memory only.
    """
    engine = create_store_engine(settings.agent_store_url(kind, port))
    store: DatabaseTaskStore | InMemoryTaskStore = (
        durable_task_store(engine) if durable else InMemoryTaskStore()
    )
    # Instances may share AGENT_DATABASE_URL; the card URL tells their keys apart.
    instance = f"{kind} {card.supported_interfaces[0].url}"
    keys = (
        MessageKeyStore(engine, instance=instance)
        if durable
        else MemoryMessageKeys(instance=instance)
    )
    handler = IdempotentRequestHandler(
        agent_executor=executor,
        task_store=store,
        agent_card=card,
        keys=keys,
    )
    ready = False

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        nonlocal ready
        # An SDK that moved under us stops the agent here, saying what moved.
        await verify()
        async with AsyncExitStack() as stack:
            # LIFO: handler drained first, then executor resources, then the engine.
            stack.push_async_callback(engine.dispose)
            if isinstance(store, DatabaseTaskStore):
                await store.initialize()
            await keys.initialize()
            await executor.startup(stack)
            stack.push_async_callback(handler.aclose)
            collector.settle()
            ready = True
            logger.info("%s serving on port %d", kind, port)
            try:
                yield
            finally:
                ready = False
                logger.info("%s shutting down", kind)

    app = FastAPI(title=card.name, version=card.version, lifespan=lifespan)
    # Continues the orchestrator's trace from the `traceparent` of each A2A call.
    app.add_middleware(TracingMiddleware, exporting=settings.trace_exporter != "none")

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        return {"status": "ok" if ready else "starting", "agent": kind}

    @app.get("/metrics", tags=["health"], response_class=PlainTextResponse)
    async def metrics_page() -> PlainTextResponse:
        """Prometheus: runs by capability and outcome, durations, steps running now."""
        return PlainTextResponse(agent_metrics.render(), media_type=CONTENT_TYPE_LATEST)

    app.add_middleware(RequireJsonBody, jsonrpc_path=JSONRPC_PATH)
    token = settings.agent_token.get_secret_value()
    if token:  # added last: outermost, so nothing is read of a call without the token
        app.add_middleware(RequireToken, token=token, jsonrpc_path=JSONRPC_PATH)
    add_a2a_routes_to_fastapi(
        app,
        agent_card_routes=create_agent_card_routes(card, cache_control=CARD_CACHE_CONTROL),
        jsonrpc_routes=create_jsonrpc_routes(
            handler, rpc_url=JSONRPC_PATH, context_builder=IdempotencyHeader()
        ),
        rest_routes=create_rest_routes(handler, context_builder=IdempotencyHeader()),
    )
    return app
