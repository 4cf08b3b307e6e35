"""OpenTelemetry tracing: HTTP request -> task -> step -> A2A call -> agent, one trace.

Off by default: nothing is exported anywhere unless TRACE_EXPORTER is `console` (one JSON
span per line on stdout) or `otlp` (the standard OTEL_EXPORTER_OTLP_* variables say where).
The W3C `traceparent` travels on every outgoing HTTP call (so over A2A to agents), and a
task keeps the context of the request that created it, so its steps, which run later and
possibly in another process, join the same trace.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from opentelemetry import context, propagate, trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

log = logging.getLogger(__name__)

TRACER = "orchestra"
Scope = dict[str, Any]


def configure(exporter: str, service: str) -> None:
    """Install a tracer provider for this process; `none` leaves OpenTelemetry's no-op."""
    if exporter == "none":
        return
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import (
        BatchSpanProcessor,
        ConsoleSpanExporter,
        SimpleSpanProcessor,
        SpanExporter,
    )

    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    if exporter == "console":
        # One span per line, written as it ends: easy to follow and to read back.
        console = ConsoleSpanExporter(formatter=lambda span: span.to_json(indent=None) + "\n")
        provider.add_span_processor(SimpleSpanProcessor(console))
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        otlp: SpanExporter = OTLPSpanExporter()
        provider.add_span_processor(BatchSpanProcessor(otlp))
    trace.set_tracer_provider(provider)
    log.info("tracing to %s as %s", exporter, service)


def tracer() -> trace.Tracer:
    return trace.get_tracer(TRACER)


def carrier() -> dict[str, str]:
    """The current trace context as headers, to store with a task or send on a call."""
    headers: dict[str, str] = {}
    propagate.inject(headers)
    return headers


@contextmanager
def span(
    name: str,
    parent: dict[str, str] | None = None,
    kind: SpanKind = SpanKind.INTERNAL,
    **attrs: Any,
) -> Iterator[Span]:
    """A span, child of `parent` (a stored carrier) when given, else of the current one."""
    ctx = propagate.extract(parent) if parent else None
    with tracer().start_as_current_span(name, context=ctx, kind=kind) as current:
        for key, value in attrs.items():
            if value is not None:
                current.set_attribute(key, value)
        yield current


async def inject_headers(request: httpx.Request) -> None:
    """httpx event hook: every outgoing request carries the current trace context."""
    propagate.inject(request.headers)


def _has_trace(scope: Scope) -> bool:
    return any(name == b"traceparent" for name, _ in scope["headers"])


class TracingMiddleware:
    """A server span per HTTP request, continuing the caller's trace if it sent one."""

    def __init__(
        self, app: Any, exporting: bool = True, skip: tuple[str, ...] = ("/health", "/metrics")
    ) -> None:
        self.app = app
        self.exporting = exporting
        self.skip = skip

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or scope["path"].startswith(self.skip)
            or not (self.exporting or _has_trace(scope))
        ):
            # Nothing to record and no caller's trace to continue: a span would cost every
            # request (polls above all) for nothing.
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        parent = propagate.extract(headers)
        name = f"{scope['method']} {scope['path']}"
        token = context.attach(parent)
        try:
            with tracer().start_as_current_span(name, kind=SpanKind.SERVER) as current:
                current.set_attribute("http.request.method", scope["method"])
                current.set_attribute("url.path", scope["path"])

                async def recording(message: dict[str, Any]) -> None:
                    if message["type"] == "http.response.start":
                        current.set_attribute("http.response.status_code", message["status"])
                        if message["status"] >= 500:
                            current.set_status(Status(StatusCode.ERROR))
                    await send(message)

                await self.app(scope, receive, recording)
        finally:
            context.detach(token)
