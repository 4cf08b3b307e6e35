"""The orchestrator's FastAPI application: REST API, event streams, and the dashboard."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import swagger_ui
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from orchestra import __version__, a2a_server, collector, db, secret_key, tracing
from orchestra.api import mcp
from orchestra.api.errors import install_error_handlers
from orchestra.api.limits import RateLimit, StreamLimit
from orchestra.api.middleware import BodyLimit, SecurityHeaders
from orchestra.api.reads import TaskReads
from orchestra.api.routes import (
    agents,
    auth,
    health,
    hooks,
    models,
    schedules,
    sessions,
    tasks,
    workflows,
)
from orchestra.api.routes import documents as documents_routes
from orchestra.api.schemas import UNAVAILABLE
from orchestra.api.state import Services
from orchestra.auth import Keys
from orchestra.callbacks.delivery import Deliveries
from orchestra.config import Settings
from orchestra.documents import Documents
from orchestra.executor import Dispatcher, Executor, Runtime, StepPolicy
from orchestra.executor.admission import Admission
from orchestra.executor.adoption import Adoption
from orchestra.history import History
from orchestra.llm import ModelProfiles, build_chat_model, verify_provider
from orchestra.llm.hosts import HostPool
from orchestra.planner import build_planner
from orchestra.planner.synthesis import build_synthesizer
from orchestra.registry import Registry
from orchestra.registry.credentials import Vault
from orchestra.registry.egress import Egress
from orchestra.registry.probes import HealthProbe
from orchestra.sessions import Sessions
from orchestra.tasks import Tasks
from orchestra.tracing import TracingMiddleware
from orchestra.views import TaskViews
from orchestra.workflows.hooks import Hooks
from orchestra.workflows.schedules import Schedules
from orchestra.workflows.service import Workflows

log = logging.getLogger(__name__)

SWAGGER_FILES = Path(swagger_ui.__file__).parent / "static"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    profiles: ModelProfiles = app.state.profiles
    planner_profile = profiles[settings.planner_model]
    synthesis_profile = profiles[settings.synthesis_model]
    # A wrong key or an unreachable model is a clear error now, not a failed task later.
    await verify_provider(settings, planner_profile)
    if synthesis_profile.name != planner_profile.name:
        await verify_provider(settings, synthesis_profile)
    await db.upgrade(settings.orchestrator_database_url)
    database = db.Database(settings.orchestrator_database_url)
    http = httpx.AsyncClient(
        timeout=httpx.Timeout(settings.agent_call_timeout_seconds),
        event_hooks={"request": [tracing.inject_headers]},
    )
    secret = await asyncio.to_thread(secret_key.load, settings)
    views = TaskViews(database, settings.task_view_cache, settings.view_sync_seconds)
    egress = Egress(settings.agent_allowed_hosts, allow_loopback=settings.on_loopback)
    registry = Registry(
        database,
        http,
        settings.agent_call_timeout_seconds,
        egress,
        settings.balancing_default,
        own_urls=a2a_server.own_urls(settings),
        vault=Vault(secret),
    )
    await registry.reload()
    dispatcher = Dispatcher(http, registry.headers_of)
    policy = StepPolicy(
        timeout=settings.step_timeout_seconds, max_attempts=settings.step_max_attempts
    )
    # One pool per profile with hosts: the health round probes them, and the planner's and
    # the synthesis's models go by what it finds.
    pools = {name: HostPool(profile) for name, profile in profiles.items() if profile.hosts}
    # One chat model per profile: planner and synthesis on one profile share it.
    planner_model = build_chat_model(settings, planner_profile, pools.get(planner_profile.name))
    synthesis_model = (
        planner_model
        if synthesis_profile.name == planner_profile.name
        else build_chat_model(settings, synthesis_profile, pools.get(synthesis_profile.name))
    )
    documents = Documents(database, settings.max_document_bytes)
    deliveries = Deliveries.of(settings, database, secret)
    runtime = Runtime(
        settings,
        database,
        registry,
        dispatcher,
        views,
        policy,
        planner=build_planner(settings, planner_model, planner_profile),
        synthesizer=build_synthesizer(settings, synthesis_model, synthesis_profile),
        admission=Admission(settings.max_running_tasks, settings.max_waiting_tasks),
        documents=documents,
        deliveries=deliveries,
        profiles=profiles,
    )
    executor = Executor(runtime)
    await executor.start()
    resubmitted = await executor.resubmit_pending()
    if resubmitted:
        log.info("resubmitted %d pending tasks", resubmitted)
    adoption = Adoption(
        database,
        settings.process_id,
        settings.heartbeat_seconds,
        settings.executor_dead_after_seconds,
        executor.resubmit_pending,
    )
    probe = HealthProbe(
        registry,
        http,
        settings.health_interval_seconds,
        settings.agent_call_timeout_seconds,
        hosts=list(pools.values()),
    )
    background = [
        asyncio.create_task(adoption.run(), name="heartbeat"),
        asyncio.create_task(probe.run(), name="health-probe"),
        asyncio.create_task(views.run(), name="task-view-sync"),
        asyncio.create_task(runtime.admission.watch_lag(), name="loop-lag"),
    ]
    tasks_service = Tasks(database, executor, registry, views, settings, profiles)
    history = History(database, executor, tasks_service, views, settings)
    background.append(asyncio.create_task(history.run(), name="retention"))
    workflows_service = Workflows(database, registry, tasks_service, settings)
    schedules_service = Schedules(database, workflows_service, settings)
    app.state.services = Services(
        settings=settings,
        profiles=profiles,
        db=database,
        http=http,
        views=views,
        registry=registry,
        executor=executor,
        tasks=tasks_service,
        workflows=workflows_service,
        schedules=schedules_service,
        hooks=Hooks(database, workflows_service, settings),
        sessions=Sessions(database),
        history=history,
        documents=documents,
        keys=Keys(database),
        task_rate=RateLimit(settings.tasks_per_minute),
        streams=StreamLimit(settings.max_event_streams),
        hosts=pools,
    )
    # Once the services exist: a tick may come as soon as the clock is set.
    await executor.tick_every(settings.schedule_tick_seconds, schedules_service.tick)
    admin_key = settings.admin_key.get_secret_value().strip()
    if admin_key:
        await Keys(database).ensure(admin_key, "admin", "ADMIN_KEY")
    if settings.auth_enabled and not await Keys(database).all():
        log.warning("AUTH_ENABLED is set but no API key exists: run `orchestra keys create`")
    collector.settle()
    try:
        async with (
            a2a_server.serving(app.state.a2a, app.state.services),
            mcp.serving(app),
        ):
            yield
    finally:
        for job in background:
            job.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        await registry.flush()
        executor.stop()
        await dispatcher.close()
        await deliveries.close()
        await http.aclose()
        await database.close()


def _document_streamed(app: FastAPI, models: tuple[type[BaseModel], ...]) -> None:
    """Add the models carried only by event streams to the schema's components (FastAPI
    registers those of JSON bodies only, and event streams are not JSON)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            components = generate().setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                schema = model.model_json_schema(
                    ref_template="#/components/schemas/{model}", mode="serialization"
                )
                components.update(schema.pop("$defs", {}))
                components[model.__name__] = schema
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs with its files from the swagger-ui-py package, so it works offline."""
    app.mount("/docs-static", StaticFiles(directory=SWAGGER_FILES), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Orchestra API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon-32x32.png",
        )


class InsecureConfiguration(Exception):
    """The settings would expose an unauthenticated API beyond this machine."""


def check_exposure(settings: Settings) -> None:
    if not settings.auth_enabled and not settings.on_loopback:
        raise InsecureConfiguration(
            f"Refusing to listen on {settings.host} without authentication: anyone who can "
            "reach it could run tasks and register agents. Set AUTH_ENABLED=true and create "
            "keys with `orchestra keys create --role admin`, or listen on 127.0.0.1."
        )


def create_app(settings: Settings) -> FastAPI:
    """The orchestrator's app.

    Raises:
        InsecureConfiguration: It would listen beyond loopback without API keys.
        LLMConfigurationError: The model profiles cannot be read, or PLANNER_MODEL or
            SYNTHESIS_MODEL names a profile that is not defined or cannot be used.
    """
    check_exposure(settings)
    # Read here, before the server starts: a bad profile stops it with a clear message.
    profiles = ModelProfiles.from_settings(settings)
    profiles.get_profile(settings.planner_model, "PLANNER_MODEL")
    profiles.get_profile(settings.synthesis_model, "SYNTHESIS_MODEL")
    app = FastAPI(
        title="Orchestra",
        version=__version__,
        summary="Plans tasks into step graphs and runs them on A2A agents, durably.",
        lifespan=_lifespan,
        docs_url=None,  # served below from local files instead of a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.profiles = profiles
    install_error_handlers(app)
    # Outermost last: the body cap sees requests first; headers go on every answer.
    # A document upload is a file plus its form fields (a few hundred bytes).
    uploads = {"/api/documents": settings.max_document_bytes + 64 * 1024}
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes, larger=uploads)
    app.add_middleware(TaskReads, state=app.state)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TracingMiddleware, exporting=settings.trace_exporter != "none")
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
        )
    for module in (
        tasks,
        agents,
        models,
        sessions,
        auth,
        health,
        workflows,
        schedules,
        hooks,
        documents_routes,
    ):
        app.include_router(module.router, responses=UNAVAILABLE)
    app.include_router(workflows.from_tasks, responses=UNAVAILABLE)
    mcp.mount(app)
    _document_streamed(app, tasks.STREAMED)
    _add_docs(app)
    app.state.a2a = a2a_server.mount(app, settings)
    dashboard = settings.dashboard_dir
    if dashboard is not None:
        app.mount("/", StaticFiles(directory=dashboard, html=True), name="dashboard")
    return app
