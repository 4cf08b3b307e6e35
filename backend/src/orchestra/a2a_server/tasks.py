"""The A2A view of Orchestra tasks: an A2A task is an Orchestra task, under the same id.

`OrchestraTaskStore` is the SDK's `TaskStore` over the task service, not over a table of
its own: a task the A2A server is relaying right now is kept as the SDK last saved it (so
its stream and its reads agree); any other, including every task after a restart and
tasks given through the REST API, is read from the task's view and rendered (`render`).
The caller sees only their own tasks (another's is "not found", as in the REST API).

A CANCELED written by the SDK for a task it is not running here (CancelTask after a
restart, say) cancels the Orchestra task.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from a2a.helpers import new_text_part
from a2a.server.context import ServerCallContext
from a2a.server.tasks import TaskStore
from a2a.types import (
    Artifact,
    ListTasksRequest,
    ListTasksResponse,
    Message,
    Role,
    Task,
    TaskState,
    TaskStatus,
)

from orchestra.a2a_server.callers import principal
from orchestra.agents.protocol import StepResult
from orchestra.auth import Principal
from orchestra.db import StepStatus as OrchestraStepStatus
from orchestra.db import TaskStatus as OrchestraStatus
from orchestra.errors import ConflictError, NotFoundError
from orchestra.tasks import Tasks
from orchestra.views import TaskView

__all__ = [
    "ARTIFACT_NAME",
    "CONTEXT_KEY",
    "OrchestraTaskStore",
    "question_of",
    "render",
    "result_parts",
    "session_of",
]

log = logging.getLogger(__name__)

ARTIFACT_NAME = "result"
#: Where a task made over A2A keeps the A2A context id it was sent in (task metadata).
CONTEXT_KEY = "a2a_context_id"
#: Tasks relayed lately, as the SDK saved them; older ones are read from their views.
_KEPT = 1000

STATES = {
    OrchestraStatus.PENDING: TaskState.TASK_STATE_SUBMITTED,
    OrchestraStatus.PLANNING: TaskState.TASK_STATE_WORKING,
    # A person approves the plan in Orchestra, not the A2A caller by a message: working.
    OrchestraStatus.AWAITING_APPROVAL: TaskState.TASK_STATE_WORKING,
    OrchestraStatus.RUNNING: TaskState.TASK_STATE_WORKING,
    OrchestraStatus.INPUT_REQUIRED: TaskState.TASK_STATE_INPUT_REQUIRED,
    OrchestraStatus.COMPLETED: TaskState.TASK_STATE_COMPLETED,
    OrchestraStatus.FAILED: TaskState.TASK_STATE_FAILED,
    OrchestraStatus.CANCELED: TaskState.TASK_STATE_CANCELED,
}


def context_of(view: TaskView) -> str:
    """The A2A context id of a task: the one it was sent in, else its session, else itself."""
    metadata = view.task.get("metadata") or {}
    return str(metadata.get(CONTEXT_KEY) or view.task.get("session_id") or view.id)


def result_parts(view: TaskView) -> StepResult:
    """The task's result as the agents give theirs: Markdown text and a data part."""
    data = view.task.get("result_data")
    return StepResult(
        text=view.task.get("result") or "", data=data if isinstance(data, dict) else {}
    )


def render(view: TaskView) -> Task:
    """An Orchestra task as an A2A task: state, reason or answer, the request, the result."""
    context_id = context_of(view)
    status = OrchestraStatus(view.status)
    state = STATES[status]
    note = ""
    if status == OrchestraStatus.COMPLETED:
        note = (view.task.get("result") or "Done.").strip().splitlines()[0][:200]
    elif status.terminal:
        note = view.task.get("error") or f"The task ended {status.value}."
    elif status == OrchestraStatus.INPUT_REQUIRED:
        note = question_of(view)[1]
    elif status == OrchestraStatus.AWAITING_APPROVAL:
        note = "Its plan waits for a person to approve it in Orchestra."
    task = Task(id=view.id, context_id=context_id, status=TaskStatus(state=state))
    moment = view.task.get("finished_at") or view.task.get("started_at")
    moment = moment or view.task.get("created_at")
    if isinstance(moment, datetime):
        task.status.timestamp.FromDatetime(moment)
    if note:
        task.status.message.CopyFrom(
            Message(
                message_id=f"{view.id}:status",
                role=Role.ROLE_AGENT,
                task_id=view.id,
                context_id=context_id,
                parts=[new_text_part(note)],
            )
        )
    task.history.append(
        Message(
            message_id=f"{view.id}:request",
            role=Role.ROLE_USER,
            task_id=view.id,
            context_id=context_id,
            parts=[new_text_part(str(view.task.get("description") or ""))],
        )
    )
    if status == OrchestraStatus.COMPLETED:
        task.artifacts.append(
            Artifact(
                artifact_id=f"{view.id}:{ARTIFACT_NAME}",
                name=ARTIFACT_NAME,
                parts=result_parts(view).to_parts(),
            )
        )
    return task


def question_of(view: TaskView) -> tuple[str, str, dict[str, Any] | None]:
    """The step of a task in input_required that waits for a reply (the first, if several),
    its agent's question and that question's data; ("", "", None) if none waits."""
    for step_id, step in view.steps.items():
        if step.get("status") == OrchestraStepStatus.INPUT_REQUIRED:
            question = step.get("question") or {}
            return step_id, str(question.get("text") or ""), question.get("data")
    return "", "", None


class OrchestraTaskStore(TaskStore):
    """See the module docstring."""

    def __init__(self, tasks: Callable[[], Tasks]) -> None:
        self._tasks = tasks
        self._relayed: OrderedDict[str, tuple[str, Task]] = OrderedDict()
        #: Tasks the relay has just made, whose first A2A event is still to be saved.
        self._expected: set[str] = set()

    def expect(self, task_id: str) -> None:
        """The relay made this task and is about to send its Task event: until the SDK
        saves it, the task is the SDK's to create, not one read from its view (which the
        SDK would log as an error, a task replaced)."""
        self._expected.add(task_id)

    def forget(self, task_id: str) -> None:
        """The relay is done with the task (in case its Task event was never saved)."""
        self._expected.discard(task_id)

    async def save(self, task: Task, context: ServerCallContext) -> None:
        caller = principal(context)
        self._expected.discard(task.id)
        if task.id not in self._relayed and task.status.state == TaskState.TASK_STATE_CANCELED:
            await self._cancel(task.id, context)
        kept = Task()
        kept.CopyFrom(task)
        self._relayed[task.id] = (caller.id, kept)
        self._relayed.move_to_end(task.id)
        while len(self._relayed) > _KEPT:
            self._relayed.popitem(last=False)

    async def _cancel(self, task_id: str, context: ServerCallContext) -> None:
        try:
            await self._tasks().cancel(task_id, principal(context))
        except (ConflictError, NotFoundError) as error:
            log.info("A2A cancel of task %s: %s", task_id, error)

    async def get(self, task_id: str, context: ServerCallContext) -> Task | None:
        caller = principal(context)
        if task_id in self._expected:
            return None
        kept = self._relayed.get(task_id)
        if kept is not None:
            owner, task = kept
            if not caller.owns(owner):
                return None
            copy = Task()
            copy.CopyFrom(task)
            return copy
        try:
            view = await self._tasks().view(task_id, caller)
        except NotFoundError:
            return None
        return render(view)

    async def list(self, params: ListTasksRequest, context: ServerCallContext) -> ListTasksResponse:
        """The caller's tasks, newest first, one page (`page_size`, default 50)."""
        caller = principal(context)
        size = params.page_size if params.HasField("page_size") else 50
        offset = int(params.page_token) if params.page_token.isdigit() else 0
        session = session_of(caller, params.context_id) if params.context_id else None
        rows, total = await self._tasks().list(caller, None, session, size, offset)
        found: list[Task] = []
        for row in rows:
            task = await self.get(row.id, context)
            if task is None:
                continue
            if params.context_id and task.context_id != params.context_id:
                continue
            if params.HasField("status") and task.status.state != params.status:
                continue
            found.append(task)
        response = ListTasksResponse(tasks=found, page_size=size, total_size=total)
        if offset + size < total:
            response.next_page_token = str(offset + size)
        return response

    async def delete(self, task_id: str, context: ServerCallContext) -> None:
        # Orchestra keeps every task; the SDK deletes none in 1.3 either.
        del task_id, context


def session_of(caller: Principal, context_id: str) -> str:
    """The Orchestra session of an A2A context: one per caller and context id, whatever
    the id looks like (a session id is 32 hex digits; context ids are the client's)."""
    return hashlib.sha256(f"{caller.id}\x00{context_id}".encode()).hexdigest()[:32]
