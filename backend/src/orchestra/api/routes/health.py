"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from orchestra import __version__, metrics
from orchestra.api.deps import ServicesDep
from orchestra.api.errors import error_response
from orchestra.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health")
async def health() -> Health:
    """The process is up."""
    return Health(status="ok", version=__version__)


@router.get("/metrics", response_class=PlainTextResponse)
async def metrics_page(services: ServicesDep) -> PlainTextResponse:
    """Prometheus metrics: tasks by status, step latency by agent and capability, retries,
    failovers, waiting steps, agent health, LLM tokens by model."""
    await metrics.refresh(services.db)
    return PlainTextResponse(metrics.render(), media_type=CONTENT_TYPE_LATEST)


@router.get("/ready", response_model=Health)
async def ready(services: ServicesDep) -> Health | JSONResponse:
    """The database answers."""
    try:
        async with services.db.session() as session:
            await session.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means not ready
        return error_response(503, "database_unavailable", f"The database does not answer: {exc}")
    return Health(status="ready", version=__version__)
