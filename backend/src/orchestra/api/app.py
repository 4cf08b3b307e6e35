"""The orchestrator's FastAPI application: REST API, event streams, and the dashboard."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import swagger_ui
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from orchestra import __version__, db
from orchestra.api.errors import install_error_handlers
from orchestra.api.routes import agents, health, sessions, tasks
from orchestra.api.state import Services
from orchestra.config import Settings
from orchestra.events import EventBus
from orchestra.executor import Dispatcher, Executor, Runtime, StepPolicy
from orchestra.executor.adoption import Adoption
from orchestra.memory import Sessions
from orchestra.registry import Registry
from orchestra.registry.health import HealthProbe
from orchestra.tasks import Tasks

log = logging.getLogger(__name__)

SWAGGER_FILES = Path(swagger_ui.__file__).parent / "static"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    await db.upgrade(settings.orchestrator_database_url)
    database = db.Database(settings.orchestrator_database_url)
    http = httpx.AsyncClient(timeout=httpx.Timeout(settings.agent_call_timeout_seconds))
    bus = EventBus()
    registry = Registry(database, http, settings.agent_call_timeout_seconds)
    dispatcher = Dispatcher(http)
    policy = StepPolicy(
        timeout=settings.step_timeout_seconds, max_attempts=settings.step_max_attempts
    )
    executor = Executor(Runtime(settings, database, registry, dispatcher, bus, policy))
    await executor.start()
    resubmitted = await executor.resubmit_pending()
    if resubmitted:
        log.info("resubmitted %d pending tasks", resubmitted)
    adoption = Adoption(
        database,
        settings.process_id,
        settings.heartbeat_seconds,
        settings.executor_dead_after_seconds,
    )
    probe = HealthProbe(
        database, http, settings.health_interval_seconds, settings.agent_call_timeout_seconds
    )
    background = [
        asyncio.create_task(adoption.run(), name="heartbeat"),
        asyncio.create_task(probe.run(), name="health-probe"),
    ]
    app.state.services = Services(
        settings=settings,
        db=database,
        http=http,
        bus=bus,
        registry=registry,
        executor=executor,
        tasks=Tasks(database, executor, registry, settings),
        sessions=Sessions(database),
    )
    try:
        yield
    finally:
        for job in background:
            job.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        executor.stop()
        await dispatcher.close()
        await http.aclose()
        await database.close()


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


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="Orchestra",
        version=__version__,
        summary="Plans tasks into step graphs and runs them on A2A agents, durably.",
        lifespan=_lifespan,
        docs_url=None,  # served below from local files instead of a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
        )
    for module in (tasks, agents, sessions, health):
        app.include_router(module.router)
    _add_docs(app)
    dashboard = settings.dashboard_dir
    if dashboard is not None:
        app.mount("/", StaticFiles(directory=dashboard, html=True), name="dashboard")
    return app
