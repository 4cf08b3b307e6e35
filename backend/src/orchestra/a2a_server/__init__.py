"""Orchestra as an A2A 1.0 agent, on the orchestrator's own port.

`mount(app)` serves the card at `/.well-known/agent-card.json` (one skill, `orchestrate`,
listing the registered agents' capabilities), JSON-RPC at `/a2a` and HTTP+JSON under it,
with a2a-sdk's handler and route factories, as the agents are served
(`orchestra.agents.server`). A message starts an Orchestra task and streams its progress
(`relay`); tasks are read through the task service (`tasks`); push-notification configs
are kept and delivered as task callbacks are (`push`); API keys are checked as the REST
API checks them (`callers`). Nothing here talks to the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import create_agent_card_routes, create_jsonrpc_routes, create_rest_routes
from a2a.types import AgentCard
from fastapi import FastAPI
from starlette.routing import Route

from orchestra.a2a_server.callers import CallerContext, KeyCheck
from orchestra.a2a_server.card import JSONRPC_PATH, PREFIX, base_card, with_capabilities
from orchestra.a2a_server.push import PushConfigs
from orchestra.a2a_server.relay import OrchestraExecutor, TaskIds
from orchestra.a2a_server.tasks import OrchestraTaskStore
from orchestra.agents.a2a_internals import verify
from orchestra.agents.server import CARD_CACHE_CONTROL
from orchestra.api.state import Services
from orchestra.config import Settings

__all__ = ["A2AServer", "mount", "serving"]


class A2AServer:
    """The handler and what it serves; `start` gives it the orchestrator's services.

    The routes need the handler when the app is built, and the handler's executor and
    task store need the services the lifespan makes: they ask `services()` per call.
    """

    def __init__(self, settings: Settings) -> None:
        self.card = base_card(settings)
        self._services: Services | None = None
        store = OrchestraTaskStore(lambda: self.services().tasks)
        self.handler = DefaultRequestHandler(
            agent_executor=OrchestraExecutor(self.services, store),
            task_store=store,
            # Configs in our database, delivered by durable workflows (not the SDK's sender).
            push_config_store=PushConfigs(self.services),
            agent_card=self.card,
            request_context_builder=TaskIds(store),
        )

    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the A2A server is not started")
        return self._services

    async def start(self, services: Services) -> None:
        # An SDK that moved under us stops the orchestrator here, saying what moved.
        await verify()
        self._services = services

    async def stop(self) -> None:
        await self.handler.aclose()

    async def served_card(self, card: AgentCard) -> AgentCard:
        if self._services is None:
            return card
        return with_capabilities(card, await self._services.registry.capabilities())


def own_urls(settings: Settings) -> list[str]:
    """Where this orchestrator answers A2A, as its card says (the registry refuses them)."""
    return [interface.url for interface in base_card(settings).supported_interfaces]


def mount(app: FastAPI, settings: Settings) -> A2AServer:
    """Add the card and the A2A endpoints to the orchestrator's app; start the returned
    server in the lifespan once the services exist, and stop it on the way out."""
    server = A2AServer(settings)
    handler = server.handler
    context = CallerContext()
    routes = [
        *create_agent_card_routes(
            server.card, card_modifier=server.served_card, cache_control=CARD_CACHE_CONTROL
        ),
        *create_jsonrpc_routes(handler, rpc_url=JSONRPC_PATH, context_builder=context),
        # Only the plain routes: the factory's tenant mount (`/{tenant}/...`) would take
        # every two-segment path of the API and the dashboard.
        *(
            route
            for route in create_rest_routes(handler, context_builder=context, path_prefix=PREFIX)
            if isinstance(route, Route)
        ),
    ]
    # Not in the OpenAPI schema: A2A is described by the card, the API by /openapi.json.
    app.router.routes.extend(routes)
    app.add_middleware(KeyCheck)
    return server


@asynccontextmanager
async def serving(server: A2AServer, services: Services) -> AsyncIterator[None]:
    """The A2A server started with `services`, for the orchestrator's lifespan."""
    await server.start(services)
    try:
        yield
    finally:
        await server.stop()
