"""The A2A executor of the orchestrator: a message starts an Orchestra task, whose progress
is relayed as A2A events until it ends.

It is one of the agents' `StepExecutor`s (`orchestra.agents.executor`), so the A2A task's
life is theirs: the Task first, a `working` status per step event, one artifact (the
result as Markdown text and `result_data` as a data part), then COMPLETED; FAILED with the
task's error; CANCELED when the task is canceled, here (CancelTask) or through the API.

The message's text is the task's description; its context is an Orchestra session (one
per caller and context id, `session_of`), so follow-ups in one context share history. The
A2A task id, chosen by the SDK before the work starts (`TaskIds`), is the Orchestra task's.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from a2a.server.agent_execution import RequestContext, SimpleRequestContextBuilder
from a2a.server.context import ServerCallContext
from a2a.server.events import EventQueue
from a2a.server.id_generator import IDGenerator, IDGeneratorContext
from a2a.types import SendMessageRequest, Task
from a2a.utils.errors import UnsupportedOperationError

from orchestra import events
from orchestra.a2a_server.callers import principal
from orchestra.a2a_server.tasks import CONTEXT_KEY, result_parts, session_of
from orchestra.agents.executor import Progress, StepCanceled, StepExecutor
from orchestra.agents.protocol import (
    AgentInputError,
    StepRequest,
    StepResult,
    parse_step_request,
)
from orchestra.api.state import Services
from orchestra.auth import Principal
from orchestra.db import TaskStatus
from orchestra.db.base import new_id
from orchestra.errors import ConflictError, NotFoundError, OrchestraError

__all__ = ["OrchestraExecutor", "TaskIds", "describe"]

log = logging.getLogger(__name__)

_TITLE_LENGTH = 80


class _OrchestraIds(IDGenerator):
    """Ids in Orchestra's own format (32 hex digits), so an A2A task id is a task id."""

    def generate(self, context: IDGeneratorContext) -> str:
        del context
        return new_id()


class TaskIds(SimpleRequestContextBuilder):
    """The SDK's request context, with Orchestra's ids for new tasks and contexts.

    Orchestra tasks take no second message: a message naming a running task is refused
    (the SDK itself refuses one naming a finished task, and answers TaskNotFound for an
    unknown one). A follow-up is a new message in the same context.
    """

    def __init__(self) -> None:
        super().__init__(
            should_populate_referred_tasks=False,
            task_store=None,
            task_id_generator=_OrchestraIds(),
            context_id_generator=_OrchestraIds(),
        )

    async def build(
        self,
        context: ServerCallContext,
        params: SendMessageRequest | None = None,
        task_id: str | None = None,
        context_id: str | None = None,
        task: Task | None = None,
    ) -> RequestContext:
        if params is not None and task_id:
            raise UnsupportedOperationError(
                message=f"Task {task_id} takes no further messages: an Orchestra task runs "
                "from its first message to its end. Send a new message in the same context "
                "(context id, no task id) to follow it up."
            )
        return await super().build(context, params, task_id, context_id, task)


def describe(event: dict[str, Any]) -> str:
    """A short text for a task event worth telling a caller, else ""."""
    kind = str(event.get("type") or "")
    data = event.get("data") or {}
    step = event.get("step_id") or ""
    if kind == "task.planned":
        steps = (data.get("plan") or {}).get("steps") or []
        return f"Planned {len(steps)} step{'s' if len(steps) != 1 else ''}"
    if kind == "step.running":
        agent = data.get("agent")
        return f"Step {step} running" + (f" on {agent}" if agent else "")
    if kind.startswith("step.") and kind != "step.attempt":
        status = data.get("status") or kind.removeprefix("step.")
        error = data.get("error")
        return f"Step {step} {status}" + (f": {error}" if error else "")
    return ""


class OrchestraExecutor(StepExecutor):
    """See the module docstring."""

    artifact_name = "result"

    def __init__(self, services: Callable[[], Services]) -> None:
        super().__init__()
        self.services = services
        #: The Orchestra task made for each A2A task being relayed, or why none could be.
        self._started: dict[str, tuple[str, Principal] | AgentInputError] = {}

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        task_id = context.task_id or ""
        if context.current_task is None and context.message is not None:
            # The task is stored before the SDK's Task event names it: a caller that reads
            # it over REST as soon as it knows the id finds it.
            try:
                self._started[task_id] = await self._create(context)
            except AgentInputError as error:
                self._started[task_id] = error
        try:
            await super().execute(context, event_queue)
        finally:
            self._started.pop(task_id, None)

    async def _create(self, context: RequestContext) -> tuple[str, Principal]:
        caller = principal(context.call_context)
        request = parse_step_request(context.message)
        description = request.instruction or request.task
        if not description:
            raise AgentInputError("Send the task to run as a text part.")
        services = self.services()
        context_id = context.context_id or ""
        session_id = session_of(caller, context_id)
        try:
            services.task_rate.hit(caller.id)
            await services.sessions.ensure(caller, session_id, description[:_TITLE_LENGTH])
            view, _ = await services.tasks.create(
                caller,
                description,
                session_id,
                {CONTEXT_KEY: context_id},
                task_id=context.task_id,
            )
        except OrchestraError as error:
            raise AgentInputError(error.message) from error
        return view.id, caller

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        started = self._started.get(request.task_id)
        if isinstance(started, AgentInputError):
            raise started
        if started is None:
            raise AgentInputError("The request carries no caller.")
        task_id, caller = started
        services = self.services()
        async for message in events.follow(services.db, services.views, task_id):
            note = describe(json.loads(message["data"]))
            if note:
                await progress(note)
        view = await services.tasks.view(task_id, caller)
        status = TaskStatus(view.status)
        if status == TaskStatus.COMPLETED:
            return result_parts(view)
        if status == TaskStatus.CANCELED:
            raise StepCanceled(view.task.get("error") or "The task was canceled.")
        raise AgentInputError(view.task.get("error") or f"The task ended {status.value}.")

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        task_id = context.task_id or ""
        try:
            await self.services().tasks.cancel(task_id, principal(context.call_context))
        except (ConflictError, NotFoundError) as error:
            log.info("A2A cancel of task %s: %s", task_id, error)
        await super().cancel(context, event_queue)
