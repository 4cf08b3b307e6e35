"""A2A task lifecycle shared by our agents: Task first, working updates, artifact, end state.

Subclasses implement `run(request, progress)`; this base enqueues the Task, runs the
work in its own asyncio task (so `cancel()` can stop it), publishes the artifact (as its
last chunk, `last_chunk`, replacing any text `progress.text` streamed into it) and
COMPLETED, or FAILED with the reason (its status message carries metadata
{"retryable": true} when the agent, not the input, is at fault), or CANCELED, and then
calls `ended(task_id)`. Work stopped by the server shutting down reaches no final state
and gets no `ended`: the orchestrator sends it again, and it runs again under the same
task id (`orchestra.agents.idempotency`).

Work that raises `NeedsInput` asks a question: the task ends the call INPUT_REQUIRED, with
the question as its status message (and its data part). A follow-up message naming that
task is the reply: the first message of the task runs again, with the replies so far
(`StepRequest.replies`, and by default among its inputs: `answered`).
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from contextlib import AsyncExitStack
from dataclasses import replace

from a2a.helpers import new_data_part, new_task, new_task_from_user_message, new_text_part
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types import Message, Role, Task, TaskState

from orchestra import tracing
from orchestra.agents import metrics
from orchestra.agents.protocol import (
    REPLY_INPUT,
    AgentInputError,
    NeedsInput,
    StepInput,
    StepRequest,
    StepResult,
    parse_reply,
    parse_step_request,
)

__all__ = ["Progress", "StepCanceled", "StepExecutor"]

logger = logging.getLogger(__name__)

_CANCEL_GRACE_SECONDS = 5.0

# The answer's text streamed while it is written goes out at most this often: tokens
# come far faster than anyone reads, and each chunk is an event on both sides (and a write
# of the task in the agent's task store).
CHUNK_SECONDS = 0.1


class Progress:
    """What a running step tells its caller before its answer.

    `await progress("Gathering sources")`: a short `working` status message.
    `await progress.text(piece)`: the answer's text as it is written, sent as chunks of
    the answer artifact (A2A `TaskArtifactUpdateEvent`, the first creating it, the next
    ones with `append`); the final answer, sent as that artifact's last chunk, replaces
    them. Artifact chunks, not status messages: A2A streams an artifact's content that
    way, and status messages are the task's state and notes (shown as `progress`).
    """

    def __init__(self, updater: TaskUpdater, artifact_id: str, artifact_name: str) -> None:
        self._updater = updater
        self.artifact_id = artifact_id
        self._artifact_name = artifact_name
        self._pending: list[str] = []
        self._chunks = 0
        self._sent_at = float("-inf")

    async def __call__(self, note: str) -> None:
        updater = self._updater
        await updater.update_status(
            TaskState.TASK_STATE_WORKING, message=updater.new_agent_message([new_text_part(note)])
        )

    async def text(self, piece: str) -> None:
        """Stream a piece of the answer (at most one chunk every CHUNK_SECONDS)."""
        self._pending.append(piece)
        now = asyncio.get_running_loop().time()
        if now - self._sent_at < CHUNK_SECONDS:
            return
        self._sent_at = now
        text, self._pending = "".join(self._pending), []
        await self._updater.add_artifact(
            [new_text_part(text)],
            artifact_id=self.artifact_id,
            name=self._artifact_name,
            append=self._chunks > 0,
            last_chunk=False,
        )
        self._chunks += 1


class StepCanceled(Exception):
    """Raised by `run` when its work was canceled elsewhere (not by this A2A task's
    CancelTask): the task ends CANCELED, with this error's text as the reason."""


class StepExecutor(AgentExecutor, ABC):
    """Runs one step per A2A task; see the module docstring for the event order."""

    #: Name of the single result artifact.
    artifact_name = "result"

    def __init__(self) -> None:
        self._running: dict[str, asyncio.Task[StepResult]] = {}
        self._cancelled: dict[str, asyncio.Event] = {}

    async def startup(self, stack: AsyncExitStack) -> None:
        """Open async resources (checkpointer, clients) and register their cleanup on `stack`.

        Called once in the server's lifespan, before the first request.
        """
        del stack

    async def ended(self, task_id: str) -> None:
        """The task reached a final state: release what its run kept (checkpoints, say)."""
        del task_id

    async def canceling(self, task_id: str, context: RequestContext) -> None:
        """CancelTask came for the task: stop what its work started elsewhere.

        Called once the work itself is stopped and before CANCELED is published. Not
        before: work that saw this undo and ended by itself would end the task while the
        SDK cancels its request loop, which can cut that loop's closing of the task's
        queues short, so a subscriber to the task would wait for ever.
        """
        del task_id, context

    @abstractmethod
    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        """Do the step's work. Raise `AgentInputError` for requests that cannot be served,
        `NeedsInput` to ask a question whose reply lets it go on."""

    def answered(self, request: StepRequest) -> StepRequest:
        """The request as `run` gets it once the agent's questions were replied to: by
        default each reply is one more input (the material the agent looked for)."""
        replies = tuple(
            StepInput(REPLY_INPUT, "the reply to the question", text=r.text, data=r.data)
            for r in request.replies
        )
        return replace(request, inputs=(*request.inputs, *replies))

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        task = context.current_task
        if task is None:
            task = self._new_task(context)
            await event_queue.enqueue_event(task)
        # A follow-up may name a task but no context; the stored task's context is the truth.
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        try:
            request = replace(
                self._request(context, task), task_id=task.id, context_id=task.context_id
            )
        except AgentInputError as error:
            await self._fail(updater, str(error))
            await self._ended(task.id)
            return

        progress = Progress(updater, f"{task.id}-{self.artifact_name}", self.artifact_name)
        # No "working" status of its own before the work: the stream already carries the
        # task, the work's own progress and the result, and one more event on every call
        # cost both sides a seventh of a call's CPU (an instant step has nothing to show).
        work = asyncio.create_task(self._traced(request, progress), name=f"step:{task.id}")
        self._running[task.id] = work
        try:
            result = await work
        except asyncio.CancelledError:
            if work.cancelled() and not _current_task_cancelling():
                # cancel() stopped the work and publishes CANCELED; returning before that
                # would end the request while the task still looks WORKING.
                logger.info("task %s cancelled", task.id)
                published = self._cancelled.setdefault(task.id, asyncio.Event())
                try:
                    await asyncio.wait_for(published.wait(), timeout=_CANCEL_GRACE_SECONDS)
                except TimeoutError:
                    logger.warning("task %s: CANCELED not published in time", task.id)
                finally:
                    self._cancelled.pop(task.id, None)
                return
            work.cancel()
            raise
        except NeedsInput as question:
            logger.info("task %s asks: %s", task.id, question)
            parts = [new_text_part(str(question))]
            if question.data is not None:
                parts.append(new_data_part(question.data, media_type="application/json"))
            # Not final: the task waits for a follow-up message, so no `ended` either.
            await updater.requires_input(updater.new_agent_message(parts))
            return
        except StepCanceled as error:
            logger.info("task %s canceled: %s", task.id, error)
            await updater.cancel(updater.new_agent_message([new_text_part(str(error))]))
            await self._ended(task.id)
            return
        except AgentInputError as error:
            logger.info("task %s failed on input: %s", task.id, error)
            await self._fail(updater, str(error))
            await self._ended(task.id)
            return
        except Exception as error:
            logger.exception("task %s failed", task.id)
            await self._fail(
                updater, f"Internal error in the agent ({type(error).__name__}).", retryable=True
            )
            await self._ended(task.id)
            return
        finally:
            self._running.pop(task.id, None)
        await updater.add_artifact(
            result.to_parts(),
            artifact_id=progress.artifact_id,
            name=self.artifact_name,
            last_chunk=True,
        )
        await updater.complete(updater.new_agent_message([new_text_part(_first_line(result.text))]))
        await self._ended(task.id)

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        task_id = context.task_id or (context.current_task.id if context.current_task else "")
        task = context.current_task
        context_id = task.context_id if task else (context.context_id or "")
        work = self._running.pop(task_id, None)
        stopped = work is not None and not work.done()
        if work is not None and stopped:
            work.cancel()
            # Wait so no event of the stopped work can follow CANCELED.
            await asyncio.gather(work, return_exceptions=True)
        await self.canceling(task_id, context)
        updater = TaskUpdater(event_queue, task_id, context_id)
        try:
            await updater.cancel(
                updater.new_agent_message([new_text_part("Cancelled on request.")])
            )
        finally:
            if stopped:
                self._cancelled.setdefault(task_id, asyncio.Event()).set()
        await self._ended(task_id)

    async def _ended(self, task_id: str) -> None:
        try:
            await self.ended(task_id)
        except Exception:
            # The task's outcome is published; what is left behind only costs space.
            logger.warning("task %s: releasing its run's resources failed", task_id, exc_info=True)

    async def _traced(self, request: StepRequest, progress: Progress) -> StepResult:
        attributes: dict[str, str | int] = {"a2a.task_id": request.task_id}
        if request.capability:
            attributes["orchestra.capability"] = request.capability
        with tracing.span(f"agent {type(self).__name__}", attributes=attributes):
            async with metrics.measured(request.capability):
                return await self.run(request, progress)

    def _request(self, context: RequestContext, task: Task) -> StepRequest:
        """The step a message asks for: the message itself, or, for a reply to a question
        the task asked, the task's first message with the replies given since."""
        if task.status.state != TaskState.TASK_STATE_INPUT_REQUIRED:
            return parse_step_request(context.message)
        said = [m for m in task.history if m.role == Role.ROLE_USER]
        if context.message is not None and all(
            m.message_id != context.message.message_id for m in said
        ):
            said.append(context.message)
        if len(said) < 2:  # no first message kept: nothing to go on from
            return parse_step_request(context.message)
        first = parse_step_request(said[0])
        return self.answered(replace(first, replies=tuple(parse_reply(m) for m in said[1:])))

    @staticmethod
    def _new_task(context: RequestContext) -> Task:
        message = context.message
        try:
            if message is not None:
                task = new_task_from_user_message(message)
                # The handler has already chosen the ids; keep them.
                task.id = context.task_id or task.id
                task.context_id = context.context_id or task.context_id
                return task
        except ValueError:
            # The SDK helper refuses empty text parts; still record the task, then fail it.
            logger.debug("message rejected by new_task_from_user_message", exc_info=True)
        history: list[Message] = [message] if message is not None else []
        return new_task(
            task_id=context.task_id or "",
            context_id=context.context_id or "",
            state=TaskState.TASK_STATE_SUBMITTED,
            history=history,
        )

    @staticmethod
    async def _fail(updater: TaskUpdater, reason: str, retryable: bool = False) -> None:
        """End the task FAILED; `retryable` tells callers a new run may well succeed.

        Bad input fails the same way every time, so it is not retryable; our own faults are.
        """
        metadata = {"retryable": True} if retryable else None
        await updater.failed(updater.new_agent_message([new_text_part(reason)], metadata))


def _current_task_cancelling() -> bool:
    current = asyncio.current_task()
    return current is not None and current.cancelling() > 0


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return "Done."
