"""CancelTask of a step whose work also runs elsewhere: a subscriber to the task sees its end.

The orchestrator's own A2A executor is such a step: its work follows an Orchestra task, and
CancelTask cancels that task too. Here a step waits for its "elsewhere" to end, as the
relay waits for the task's events, and `canceling` ends it, then takes a while, as a
database write does. Run with a2a-sdk's own request handler, in one process.
"""

from __future__ import annotations

import asyncio

import httpx
from a2a.helpers import new_text_part
from a2a.server.agent_execution import RequestContext
from a2a.server.context import ServerCallContext
from a2a.server.events import EventQueue
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.tasks import InMemoryTaskStore, PushNotificationEvent, PushNotificationSender
from a2a.types import (
    AgentCapabilities,
    AgentCard,
    CancelTaskRequest,
    Message,
    Role,
    SendMessageRequest,
    SubscribeToTaskRequest,
    Task,
    TaskState,
    TaskStatusUpdateEvent,
)

from orchestra.agents.executor import Progress, StepCanceled, StepExecutor
from orchestra.agents.protocol import StepRequest, StepResult
from orchestra.executor.dispatch import Dispatcher
from tests.agents.helpers import COMPLETED, AgentServer, make_client, send, user_message

TIMEOUT = 10.0
#: The subscriber's end comes this soon after the cancel (without the fix it came 10 s
#: later here, and never over HTTP).
ENDS_WITHIN = 5.0


class SlowPush(PushNotificationSender):
    """Push notifications that take a while to go out, so the task's end takes a while."""

    async def send_notification(self, task_id: str, event: PushNotificationEvent) -> None:
        if isinstance(event, TaskStatusUpdateEvent) and event.status.state in ENDED:
            await asyncio.sleep(0.5)


ENDED = (TaskState.TASK_STATE_CANCELED, TaskState.TASK_STATE_COMPLETED)


class Elsewhere(StepExecutor):
    """Work that ends when the thing it follows is canceled, like the relay's."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()
        self.ended_elsewhere = asyncio.Event()
        self.queues: list[EventQueue] = []

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        self.queues.append(event_queue)
        await super().execute(context, event_queue)

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        self.started.set()
        await self.ended_elsewhere.wait()
        raise StepCanceled("Canceled elsewhere.")

    async def canceling(self, task_id: str, context: RequestContext) -> None:
        self.ended_elsewhere.set()
        # The cancel's own write takes a while, as the relay's does: here until the
        # task's queue closes, if the work's end closes it (at most half a second).
        for _ in range(500):
            if any(getattr(queue, "is_closed", lambda: False)() for queue in self.queues):
                return
            await asyncio.sleep(0.001)


async def test_a_subscriber_sees_the_cancel_of_work_that_also_ends_elsewhere() -> None:
    executor = Elsewhere()
    card = AgentCard(name="elsewhere", capabilities=AgentCapabilities(streaming=True))
    handler = DefaultRequestHandler(
        agent_executor=executor,
        task_store=InMemoryTaskStore(),
        agent_card=card,
        push_sender=SlowPush(),
    )
    context = ServerCallContext()
    message = Message(role=Role.ROLE_USER, message_id="m1", parts=[new_text_part("wait")])
    first = handler.on_message_send_stream(SendMessageRequest(message=message), context)
    opened = await asyncio.wait_for(anext(first), TIMEOUT)
    assert isinstance(opened, Task)
    await asyncio.wait_for(executor.started.wait(), TIMEOUT)
    await first.aclose()  # the first caller went away; the work goes on

    again = handler.on_subscribe_to_task(SubscribeToTaskRequest(id=opened.id), context)
    assert isinstance(await asyncio.wait_for(anext(again), TIMEOUT), Task)

    async def rest() -> list[object]:
        return [event async for event in again]

    following = asyncio.create_task(rest())
    canceled = await handler.on_cancel_task(CancelTaskRequest(id=opened.id), context)
    assert canceled is not None and canceled.status.state == TaskState.TASK_STATE_CANCELED
    # Not wait_for: cancelling the subscriber's wait ends its stream as if it had ended.
    done, _ = await asyncio.wait({following}, timeout=ENDS_WITHIN)
    if not done:
        following.cancel()
        raise AssertionError(f"the subscription did not end within {ENDS_WITHIN} s")
    events = following.result()
    states = [e.status.state for e in events if isinstance(e, TaskStatusUpdateEvent)]
    assert states and states[-1] == TaskState.TASK_STATE_CANCELED


async def test_asking_an_agent_to_cancel_a_task_that_ended_is_no_error(
    analyst_server: AgentServer,
) -> None:
    # The orchestrator asks as a task is canceled; the agent's step may have ended by then,
    # and the agent answers that it cannot be canceled (in a background job, unseen).
    client = await make_client(analyst_server.url)
    try:
        done = await send(client, user_message("Compute the mean of 4, 8 and 15"))
    finally:
        await client.close()
    assert done.state == COMPLETED
    async with httpx.AsyncClient(timeout=TIMEOUT) as http:
        card = (await http.get(f"{analyst_server.url}/.well-known/agent-card.json")).json()
        dispatcher = Dispatcher(http)
        try:
            await dispatcher.cancel("analyst-1", card, done.task.id)
        finally:
            await dispatcher.close()
