"""The A2A executor of the orchestrator: a message starts an Orchestra task, whose progress
is relayed as A2A events until it ends.

It is one of the agents' `StepExecutor`s (`orchestra.agents.executor`), so the A2A task's
life is theirs: the Task first, a `working` status per step event, one artifact (the
result as Markdown text and `result_data` as a data part), then COMPLETED; FAILED with the
task's error; CANCELED when the task is canceled, here (CancelTask) or through the API.

The message's text is the task's description; its context is an Orchestra session (one
per caller and context id, `session_of`), so follow-ups in one context share history. The
A2A task id, chosen by the SDK before the work starts (`TaskIds`), is the Orchestra task's.

When one of the task's agents asks a question, the task is `input_required` and so is the
A2A task, with the question as its status message. A message naming that task is the reply
(`Tasks.reply`), and the relay goes on until the task ends (or asks again).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from a2a.server.agent_execution import RequestContext, SimpleRequestContextBuilder
from a2a.server.context import ServerCallContext
from a2a.server.events import EventQueue
from a2a.server.id_generator import IDGenerator, IDGeneratorContext
from a2a.server.tasks import TaskStore
from a2a.types import SendMessageRequest, Task, TaskState
from a2a.utils.errors import UnsupportedOperationError

from orchestra import events
from orchestra import hops as hop_count
from orchestra.a2a_server.callers import principal
from orchestra.a2a_server.tasks import (
    CONTEXT_KEY,
    OrchestraTaskStore,
    question_of,
    result_parts,
    session_of,
)
from orchestra.agents.executor import Progress, StepCanceled, StepExecutor
from orchestra.agents.protocol import (
    AgentInputError,
    NeedsInput,
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

    An Orchestra task takes a second message only as the reply to a question of one of its
    agents (the task is input-required): a message naming a task that is not waiting for
    one is refused (the SDK itself refuses one naming a finished task, and answers
    TaskNotFound for an unknown one). A follow-up is a new message in the same context.
    """

    def __init__(self, tasks: TaskStore) -> None:
        super().__init__(
            should_populate_referred_tasks=False,
            task_store=None,
            task_id_generator=_OrchestraIds(),
            context_id_generator=_OrchestraIds(),
        )
        #: Where a named task is read (the SDK builds the context before it reads the task).
        self._tasks = tasks

    async def build(
        self,
        context: ServerCallContext,
        params: SendMessageRequest | None = None,
        task_id: str | None = None,
        context_id: str | None = None,
        task: Task | None = None,
    ) -> RequestContext:
        if params is not None and task_id:
            named = task or await self._tasks.get(task_id, context)
            # An unknown task (None) is the SDK's to answer: TaskNotFound.
            if named is not None and named.status.state != TaskState.TASK_STATE_INPUT_REQUIRED:
                raise UnsupportedOperationError(
                    message=f"Task {task_id} takes no further messages: an Orchestra task "
                    "runs from its first message to its end, and takes one more only as the "
                    "reply to a question it asked. Send a new message in the same context "
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
    if kind == "step.input_required":
        return f"Step {step} asks: {data.get('text') or ''}".strip()
    if kind == "step.replied":
        return f"Step {step} has its reply"
    if kind.startswith("step.") and kind != "step.attempt":
        status = data.get("status") or kind.removeprefix("step.")
        error = data.get("error")
        return f"Step {step} {status}" + (f": {error}" if error else "")
    return ""


class OrchestraExecutor(StepExecutor):
    """See the module docstring."""

    artifact_name = "result"

    def __init__(self, services: Callable[[], Services], store: OrchestraTaskStore) -> None:
        super().__init__()
        self.services = services
        #: The A2A task store, told of each task made here before its Task event.
        self._store = store
        #: The caller of each task being relayed (`run` is given the request only).
        self._callers: dict[str, Principal] = {}
        #: The Orchestra task made for a first message, or why none could be.
        self._started: dict[str, str | AgentInputError] = {}

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        task_id = context.task_id or ""
        caller = self._callers[task_id] = principal(context.call_context)
        if context.current_task is None and context.message is not None:
            # A first message: the task is stored before the SDK's Task event names it, so
            # a caller that reads it over REST as soon as it knows the id finds it.
            try:
                refused = hop_count.refusal(
                    hop_count.of_message(context.message), self.services().settings.max_hops
                )
                if refused is not None:
                    raise AgentInputError(refused)
                request = replace(
                    parse_step_request(context.message),
                    task_id=task_id,
                    context_id=context.context_id or "",
                )
                self._started[task_id] = await self._create(
                    request, caller, hop_count.of_message(context.message)
                )
                self._store.expect(task_id)
            except AgentInputError as error:
                self._started[task_id] = error
        try:
            await super().execute(context, event_queue)
        finally:
            self._store.forget(task_id)
            self._callers.pop(task_id, None)
            self._started.pop(task_id, None)

    def answered(self, request: StepRequest) -> StepRequest:
        """A reply goes to the Orchestra task as it is (`run`), not among the inputs."""
        return request

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        caller = self._callers.get(request.task_id)
        if caller is None:
            raise AgentInputError("The request carries no caller.")
        services = self.services()
        if request.replies:
            after = await self._reply(request, caller)
            task_id = request.task_id
        else:
            started = self._started.get(request.task_id)
            if isinstance(started, AgentInputError):
                raise started
            if started is None:
                raise AgentInputError("The task could not be started.")
            task_id, after = started, 0
        async for message in events.follow(services.db, services.views, task_id, after):
            event = json.loads(message["data"])
            note = describe(event)
            if note:
                await progress(note)
            if event.get("type") == "task.input_required":
                view = await services.tasks.view(task_id, caller)
                step_id, question, data = question_of(view)
                if view.status == TaskStatus.INPUT_REQUIRED and step_id:
                    # Ends this call input-required; the reply is a message naming the task.
                    raise NeedsInput(question, data)
        view = await services.tasks.view(task_id, caller)
        status = TaskStatus(view.status)
        if status == TaskStatus.COMPLETED:
            return result_parts(view)
        if status == TaskStatus.CANCELED:
            raise StepCanceled(view.task.get("error") or "The task was canceled.")
        raise AgentInputError(view.task.get("error") or f"The task ended {status.value}.")

    async def _create(self, request: StepRequest, caller: Principal, hops: int) -> str:
        """Start the Orchestra task of a first message; its id is the A2A task's."""
        description = request.instruction or request.task
        if not description:
            raise AgentInputError("Send the task to run as a text part.")
        services = self.services()
        session_id = session_of(caller, request.context_id)
        try:
            services.task_rate.hit(caller.id)
            await services.sessions.ensure(caller, session_id, description[:_TITLE_LENGTH])
            view, _ = await services.tasks.create(
                caller,
                description,
                session_id,
                {CONTEXT_KEY: request.context_id},
                task_id=request.task_id,
                hops=hops,
            )
        except OrchestraError as error:
            raise AgentInputError(error.message) from error
        return view.id

    async def _reply(self, request: StepRequest, caller: Principal) -> int:
        """Give the last reply to the step that waits for one; returns the id of the last
        event before it, after which the relay goes on."""
        services = self.services()
        reply = request.replies[-1]
        data = reply.data if isinstance(reply.data, dict) else None
        after = 0
        while True:  # the events told already are not told again
            seen = await events.read_after(services.db, request.task_id, after)
            if not seen:
                break
            after = seen[-1].id
        try:
            view = await services.tasks.view(request.task_id, caller)
            step_id, _, _ = question_of(view)
            await services.tasks.reply(request.task_id, caller, step_id, reply.text, data)
        except OrchestraError as error:
            raise AgentInputError(error.message) from error
        return after

    async def canceling(self, task_id: str, context: RequestContext) -> None:
        """CancelTask cancels the Orchestra task (the relay is stopped by then)."""
        try:
            await self.services().tasks.cancel(task_id, principal(context.call_context))
        except (ConflictError, NotFoundError) as error:
            log.info("A2A cancel of task %s: %s", task_id, error)
