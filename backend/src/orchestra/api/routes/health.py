"""Liveness and readiness."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from orchestra import __version__, metrics
from orchestra.api.deps import ServicesDep
from orchestra.api.schemas import Health
from orchestra.errors import DatabaseUnavailable

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
    line = services.executor.rt.admission
    metrics.admission(line.running, line.allowed, line.waiting, line.lag)
    return PlainTextResponse(metrics.render(), media_type=CONTENT_TYPE_LATEST)


# A database that hangs (a network partition, a stalled server) must not hang the probe:
# load balancers give up on a readiness check after a second or two.
READY_TIMEOUT_SECONDS = 2.0


@router.get("/ready")
async def ready(services: ServicesDep) -> Health:
    """The database answers, within 2 s; otherwise 503 database_unavailable."""
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS), services.db.reading() as tx:
            await tx.execute(text("SELECT 1"))
    except TimeoutError:
        reason = f"The database did not answer within {READY_TIMEOUT_SECONDS:g} s."
        raise DatabaseUnavailable(reason) from None
    except Exception as exc:  # any driver error means not ready
        raise DatabaseUnavailable(f"The database does not answer: {exc}") from None
    return Health(status="ready", version=__version__)
