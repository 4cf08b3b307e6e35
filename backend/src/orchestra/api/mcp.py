"""Orchestra as an MCP server: tasks and agents as tools, over streamable HTTP at `/mcp`.

An MCP client (an assistant, an IDE) adds Orchestra by its URL and, when keys are on, an
`Authorization: Bearer <key>` header. The key is resolved as for `/api` (`deps.principal_of`):
a request without a valid one is answered 401 before any MCP message is read, and the tools
act as that key's principal, through the services the REST routes use, in this process.

Tools: `run_task` (submit, then wait for the end, reporting each completed step as MCP
progress), `submit_task`, `get_task`, `cancel_task`, `list_agents`, `run_workflow` (a saved
workflow with inputs, followed as `run_task` follows a task) and `list_workflows`. An API
error (an unknown task, a task already ended, the rate limit) is a tool result marked as an
error, carrying the API's `code` and `message`, so the model reading it can act on it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.types import CallToolResult, ContentBlock, TextContent, ToolAnnotations
from pydantic import BaseModel, Field, ValidationError
from starlette.routing import Route

from orchestra import __version__
from orchestra.api.deps import get_services, principal_of
from orchestra.api.errors import database_away
from orchestra.api.routes import agents as agent_routes
from orchestra.api.routes import tasks as task_routes
from orchestra.api.routes import workflows as workflow_routes
from orchestra.api.schemas import (
    MAX_DESCRIPTION,
    AgentList,
    TaskCreate,
    TaskPublic,
    WorkflowList,
)
from orchestra.api.state import Services
from orchestra.auth import Principal
from orchestra.config import Settings
from orchestra.db import StepKind, StepStatus, TaskStatus
from orchestra.errors import DatabaseUnavailable, OrchestraError
from orchestra.planner import Plan
from orchestra.views import TaskView

log = logging.getLogger(__name__)

PATH = "/mcp"
# Where the endpoint leaves the caller for the tools: the request that carries a tool call
# reaches the tool (`Context.request_context.request`) with this scope.
PRINCIPAL = "orchestra.principal"
# How long `run_task` waits by default before answering with the task as it is then; MCP
# clients time out requests on their own, often after a few minutes.
RUN_WAIT_SECONDS = 300.0
MAX_RUN_WAIT_SECONDS = 3600.0

INSTRUCTIONS = (
    "Orchestra plans a task given in plain language into steps, runs each on an agent with "
    "the capability it needs (research, writing, statistics, calculation, ...), and combines "
    "their outputs into the task's result. Use run_task to get an answer; submit_task, "
    "get_task and cancel_task for long tasks; list_agents for what the agents can do; "
    "list_workflows and run_workflow for saved workflows with inputs."
)

Description = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_DESCRIPTION,
        description="The task in plain language, e.g. 'Compute the median of 4, 8, 15 and 16'.",
    ),
]
SessionId = Annotated[
    str | None,
    Field(
        max_length=64,
        description="A session (made with POST /api/sessions) whose earlier tasks the planner "
        "reads as history; none by default.",
    ),
]
GivenPlan = Annotated[
    Plan | None,
    Field(
        description="Run this plan (a DAG of capability steps) instead of planning the task; "
        "it is checked against the registered capabilities."
    ),
]
TaskId = Annotated[str, Field(min_length=1, max_length=64, description="The task's id.")]


class TaskAccepted(BaseModel):
    """A task just submitted: follow it with get_task."""

    id: str = Field(description="The task's id.")
    status: TaskStatus
    queue_position: int | None = Field(
        description="Tasks ahead of it while it waits its turn to run; null: not waiting."
    )


def _api_error(exc: BaseException | None) -> OrchestraError | None:
    """The API error a tool's exception answers as, as REST answers it with its JSON error
    body; None for the SDK's own (unknown tool, arguments that do not fit the schema), whose
    message says what was wrong."""
    if exc is None or isinstance(exc, ValidationError):
        return None
    if isinstance(exc, OrchestraError):
        return exc
    if database_away(exc):
        return DatabaseUnavailable()
    correlation = uuid.uuid4().hex
    log.error("unhandled error %s in an MCP tool", correlation, exc_info=exc)
    return OrchestraError(
        f"Something went wrong on our side. Quote {correlation} when reporting it.",
        correlation_id=correlation,
    )


class _Server(FastMCP):
    """FastMCP whose tools answer API errors as error results carrying the API's code."""

    async def call_tool(  # type: ignore[override]
        self, name: str, arguments: dict[str, Any]
    ) -> Sequence[ContentBlock] | dict[str, Any] | CallToolResult:
        """Call a tool; an API error is an error result with the API's code, message and
        details, which the model reading it can act on (the SDK would say only its text)."""
        try:
            return await super().call_tool(name, arguments)
        except ToolError as exc:
            error = _api_error(exc.__cause__)
            if error is None:
                raise
        body = {"code": error.code, "message": error.message, "details": error.details}
        return CallToolResult(
            content=[TextContent(type="text", text=f"{error.code}: {error.message}")],
            structuredContent={"error": body},
            isError=True,
        )


async def _caller(ctx: Context) -> tuple[Services, Principal]:
    request = ctx.request_context.request
    assert request is not None, "tools are called over HTTP only"
    return await get_services(request), request.scope[PRINCIPAL]


def _public(view: TaskView) -> TaskPublic:
    return TaskPublic.model_validate_json(view.body)


def _outcome(task: TaskPublic) -> str:
    """What `run_task` says in text: the result, or why there is none."""
    if task.status == TaskStatus.COMPLETED:
        return task.result or ""
    if task.status == TaskStatus.FAILED:
        return f"The task failed: {task.error}"
    if task.status == TaskStatus.CANCELED:
        return "The task was canceled before it ended."
    asking = [s for s in task.steps if s.status == StepStatus.INPUT_REQUIRED and s.question]
    if task.status == TaskStatus.INPUT_REQUIRED and asking:
        step = asking[0]
        question = step.question.text if step.question else ""
        if step.kind == StepKind.APPROVAL:
            return (
                f"Step {step.id} of task {task.id} waits for a person's approval: {question}\n"
                f"Decide with POST /api/tasks/{task.id}/steps/{step.id}/approve (or /reject "
                'with {"comment": "why"}).'
            )
        return (
            f"Step {step.id} of task {task.id} asks: {question}\nReply with "
            f'POST /api/tasks/{task.id}/input {{"step": "{step.id}", "text": ...}}.'
        )
    return (
        f"The task {task.id} is still {task.status} ({task.steps_completed} of "
        f"{task.steps_total} steps done); follow it with get_task."
    )


async def run_task(
    description: Description,
    ctx: Context,
    session_id: SessionId = None,
    plan: GivenPlan = None,
    timeout_seconds: Annotated[
        float,
        Field(
            gt=0,
            le=MAX_RUN_WAIT_SECONDS,
            description="How long to wait for the end; after it, the task as it is then "
            "(it goes on running).",
        ),
    ] = RUN_WAIT_SECONDS,
) -> Annotated[CallToolResult, TaskPublic]:
    """Run a task and answer once it has ended, with its result as text and the whole task
    (plan, steps, agents, outputs) as structured content. Each completed step is reported as
    progress. Tasks count against the key's tasks per minute."""
    services, principal = await _caller(ctx)
    body = TaskCreate(description=description, session_id=session_id, plan=plan)
    view, _ = await task_routes.submit(services, principal, body)
    return await _until_end(ctx, services, principal, view, timeout_seconds)


async def run_workflow(
    workflow_id: Annotated[
        str, Field(min_length=1, max_length=64, description="The workflow's id (list_workflows).")
    ],
    ctx: Context,
    inputs: Annotated[
        dict[str, Any],
        Field(description="The workflow's inputs, as its input schema says (list_workflows)."),
    ],
    timeout_seconds: Annotated[
        float,
        Field(
            gt=0,
            le=MAX_RUN_WAIT_SECONDS,
            description="How long to wait for the end; after it, the run as it is then "
            "(it goes on running).",
        ),
    ] = RUN_WAIT_SECONDS,
) -> Annotated[CallToolResult, TaskPublic]:
    """Run a saved workflow's newest version with these inputs and answer once the run has
    ended, as run_task does. Inputs that do not fit its schema are an error naming each
    field (invalid_inputs). Runs count against the key's tasks per minute."""
    services, principal = await _caller(ctx)
    services.task_rate.hit(principal.id)
    view, _ = await services.workflows.run(principal, workflow_id, inputs, None, {})
    return await _until_end(ctx, services, principal, view, timeout_seconds)


async def list_workflows(ctx: Context) -> WorkflowList:
    """The saved workflows the caller may run: name, description, steps and input schema."""
    services, principal = await _caller(ctx)
    rows, total = await services.workflows.page(principal, 200, 0)
    return WorkflowList(
        items=[workflow_routes.public(r) for r in rows], total=total, limit=200, offset=0
    )


async def _until_end(
    ctx: Context,
    services: Services,
    principal: Principal,
    view: TaskView,
    timeout_seconds: float,
) -> CallToolResult:
    """Follow a task started just now until it ends or `timeout` passes, reporting each
    completed step as progress; the result as text, the task as structured content."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_seconds
    reported: set[str] = set()
    task = _public(view)
    while True:
        for step in task.steps:
            if step.status == StepStatus.COMPLETED and step.id not in reported:
                reported.add(step.id)
                # Progress only grows (MCP requires it): the count of completed steps.
                await ctx.report_progress(
                    len(reported),
                    task.steps_total,
                    f"{step.title} ({step.agent or step.capability}): done",
                )
        remaining = deadline - loop.time()
        # A question waits for a person: no use holding the call until the timeout.
        if task.status.terminal or task.status == TaskStatus.INPUT_REQUIRED or remaining <= 0:
            break
        view = await services.tasks.wait(view.id, principal, view.etag, remaining)
        task = _public(view)
    return CallToolResult(
        content=[TextContent(type="text", text=_outcome(task))],
        structuredContent=json.loads(view.body),
    )


async def submit_task(
    description: Description,
    ctx: Context,
    session_id: SessionId = None,
    plan: GivenPlan = None,
) -> TaskAccepted:
    """Submit a task and answer at once with its id and status; it is planned and run in
    the background. Follow it with get_task. Tasks count against the key's tasks per minute."""
    services, principal = await _caller(ctx)
    body = TaskCreate(description=description, session_id=session_id, plan=plan)
    view, _ = await task_routes.submit(services, principal, body)
    return TaskAccepted(
        id=view.id,
        status=TaskStatus(view.status),
        queue_position=services.executor.rt.admission.position(view.id),
    )


async def get_task(task_id: TaskId, ctx: Context) -> TaskPublic:
    """A task as it is now: status, plan, steps (agent, timings, output, progress messages)
    and, once it has ended, its result or error."""
    services, principal = await _caller(ctx)
    return _public(await services.tasks.view(task_id, principal))


async def cancel_task(task_id: TaskId, ctx: Context) -> TaskPublic:
    """Stop a task that has not ended: no new step starts and agents are asked to stop
    theirs. A task that has ended already is an error (task_already_finished)."""
    services, principal = await _caller(ctx)
    return _public(await services.tasks.cancel(task_id, principal))


async def list_agents(ctx: Context) -> AgentList:
    """The registered agents: their skills (the capabilities steps are planned with) and
    instances with their health."""
    services, principal = await _caller(ctx)
    return await agent_routes.list_agents(services, principal)


def _server(settings: Settings) -> _Server:
    server = _Server(
        "Orchestra",
        instructions=INSTRUCTIONS,
        # Each request stands alone, no MCP session is kept in memory: replicas behind a
        # balancer serve any request without sticky sessions, and a restart loses nothing.
        stateless_http=True,
        # On loopback, Host and Origin are checked (DNS rebinding); elsewhere keys are on.
        host=settings.host,
        max_request_body_size=settings.max_request_bytes,
    )
    # FastMCP takes no version: without this, clients would be told the SDK's own.
    server._mcp_server.version = __version__
    read_only = ToolAnnotations(readOnlyHint=True)
    adds_a_task = ToolAnnotations(destructiveHint=False)
    server.add_tool(run_task, annotations=adds_a_task)
    server.add_tool(submit_task, annotations=adds_a_task)
    server.add_tool(get_task, annotations=read_only)
    server.add_tool(cancel_task, annotations=ToolAnnotations(destructiveHint=True))
    server.add_tool(list_agents, annotations=read_only)
    server.add_tool(run_workflow, annotations=adds_a_task)
    server.add_tool(list_workflows, annotations=read_only)
    return server


class _Endpoint:
    """`/mcp`: the caller's key is checked first (an `Unauthorized` raised here is answered
    by the app's error handler, 401 as on `/api`), then the MCP transport takes the request."""

    def __init__(self, state: Any, sessions: StreamableHTTPSessionManager) -> None:
        self.state = state
        self.sessions = sessions

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        headers = dict(scope["headers"])
        authorization = headers.get(b"authorization", b"").decode("latin-1")
        scope[PRINCIPAL] = await principal_of(self.state.services, authorization)
        await self.sessions.handle_request(scope, receive, send)


def mount(app: FastAPI) -> None:
    """Serve MCP at `/mcp` of the app; `serving(app)` must run within the app's lifespan."""
    server = _server(app.state.settings)
    server.streamable_http_app()  # makes the session manager; its own Starlette app is unused
    app.state.mcp_sessions = server.session_manager
    endpoint = _Endpoint(app.state, server.session_manager)
    # A plain ASGI app as a route: any method (POST, GET, DELETE), and no OpenAPI entry.
    app.router.routes.append(Route(PATH, endpoint, include_in_schema=False))


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[None]:
    """MCP requests are handled by tasks of this scope: enter it once the services exist, and
    leave it before they close (tool calls still running are cancelled)."""
    sessions: StreamableHTTPSessionManager = app.state.mcp_sessions
    async with sessions.run():
        yield
