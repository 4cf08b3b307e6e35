"""A2A push notifications through real processes: an a2a-sdk client, the orchestrator with
the analyst agent, and a real HTTP receiver that answers as each test scripts it."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from a2a.client import Client, ClientConfig, ClientFactory
from a2a.helpers import new_text_part
from a2a.types import (
    AuthenticationInfo,
    DeleteTaskPushNotificationConfigRequest,
    GetTaskPushNotificationConfigRequest,
    ListTaskPushNotificationConfigsRequest,
    Message,
    Role,
    SendMessageConfiguration,
    SendMessageRequest,
    StreamResponse,
    TaskPushNotificationConfig,
)
from a2a.utils.errors import InvalidParamsError

from tests.stack import Stack, wait_for_task
from tests.support.receiver import Receiver

# The first test waits for an orchestrator and an agent to start, on a machine that may be busy.
pytestmark = pytest.mark.timeout(240)

MEDIAN = "Compute the median of 4, 8, 15 and 16"
TIMEOUT = 60.0
BINDINGS = ("JSONRPC", "HTTP+JSON")
# Quick retries: a receiver that fails once is tried again within a second.
SETTINGS = {"CALLBACK_BACKOFF_SECONDS": "0.2", "CALLBACK_TIMEOUT_SECONDS": "2"}


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.close()


@pytest.fixture(scope="module")
def orchestrator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    stack = Stack(tmp_path_factory.mktemp("push"), settings=SETTINGS)
    try:
        analyst = stack.add("analyst-agent").start()
        url = stack.add("orchestrator").start().url
        with httpx.Client(base_url=url, timeout=30) as api:
            response = api.post("/api/agents", json={"card_url": analyst.url})
            assert response.status_code == 201, response.text
        yield url
    finally:
        stack.stop()


@pytest.fixture(params=BINDINGS)
async def client(orchestrator: str, request: pytest.FixtureRequest) -> AsyncIterator[Client]:
    http = httpx.AsyncClient(timeout=TIMEOUT)
    config = ClientConfig(
        streaming=False, supported_protocol_bindings=[request.param], httpx_client=http
    )
    found = await ClientFactory(config).create_from_url(orchestrator)
    yield found
    await found.close()


def message(text: str) -> Message:
    return Message(role=Role.ROLE_USER, message_id=str(uuid.uuid4()), parts=[new_text_part(text)])


async def send(
    client: Client, text: str, push: TaskPushNotificationConfig | None = None
) -> StreamResponse:
    request = SendMessageRequest(message=message(text))
    if push is not None:
        request.configuration.CopyFrom(SendMessageConfiguration(task_push_notification_config=push))

    async def last() -> StreamResponse:
        return [e async for e in client.send_message(request)][-1]

    return await asyncio.wait_for(last(), TIMEOUT)


async def settled(orchestrator: str, task_id: str) -> dict[str, object]:
    """The task's push delivery once it is no longer pending (polled with a deadline)."""
    async with httpx.AsyncClient(base_url=orchestrator, timeout=30) as api:
        deadline = asyncio.get_running_loop().time() + TIMEOUT
        while True:
            items = (await api.get(f"/api/tasks/{task_id}/deliveries")).json()["items"]
            pushes = [i for i in items if i["kind"] == "push"]
            if pushes and pushes[0]["status"] != "pending":
                return dict(pushes[0])
            assert asyncio.get_running_loop().time() < deadline, items
            await asyncio.sleep(0.05)


def test_the_card_declares_push_notifications(orchestrator: str) -> None:
    card = httpx.get(f"{orchestrator}/.well-known/agent-card.json", timeout=30).json()
    assert card["capabilities"]["pushNotifications"] is True


async def test_a_config_given_with_the_message_receives_the_finished_task_with_its_token(
    orchestrator: str, client: Client, receiver: Receiver
) -> None:
    name = f"inline-{uuid.uuid4().hex[:8]}"
    # The first attempt is refused: the notification is durable, tried again.
    url = receiver.url(name, [503, 200])
    push = TaskPushNotificationConfig(
        url=url,
        token="token-1",
        authentication=AuthenticationInfo(scheme="Bearer", credentials="receiver-secret"),
    )
    sent = await send(client, MEDIAN, push)
    task_id = sent.task.id
    assert task_id
    first, second = await asyncio.to_thread(receiver.wait_for, name, 2, TIMEOUT)
    for got in (first, second):
        assert got.headers["X-A2A-Notification-Token"] == "token-1"
        assert got.headers["Authorization"] == "Bearer receiver-secret"
    # A StreamResponse holding the task as GetTask shows it: completed, with the answer.
    body = json.loads(second.body)
    assert body["task"]["id"] == task_id
    assert body["task"]["status"]["state"] == "TASK_STATE_COMPLETED"
    assert "11.5" in json.dumps(body["task"]["artifacts"])
    # The config reads back as given (one only: the task's id is its id).
    listed = await client.list_task_push_notification_configs(
        ListTaskPushNotificationConfigsRequest(task_id=task_id)
    )
    assert [(c.id, c.url, c.token) for c in listed.configs] == [(task_id, url, "token-1")]
    assert listed.configs[0].authentication.credentials == "receiver-secret"
    # Its delivery is on the task, as a callback's is.
    delivery = await settled(orchestrator, task_id)
    assert (delivery["kind"], delivery["push_config_id"]) == ("push", task_id)
    assert (delivery["status"], delivery["attempts"]) == ("delivered", 2)
    assert delivery["last_status_code"] == 200 and delivery["url"] == url


async def test_set_get_list_delete_round_trip_and_a_config_set_on_an_ended_task_is_sent(
    orchestrator: str, client: Client, receiver: Receiver
) -> None:
    sent = await send(client, MEDIAN)
    task_id = sent.task.id
    with httpx.Client(base_url=orchestrator, timeout=30) as api:
        ended = wait_for_task(api, task_id, ("completed", "failed"), TIMEOUT)
    assert ended["status"] == "completed"
    name = f"later-{uuid.uuid4().hex[:8]}"
    url = receiver.url(name, [200])
    made = await client.create_task_push_notification_config(
        TaskPushNotificationConfig(task_id=task_id, id="mine", url=url, token="t2")
    )
    assert (made.id, made.task_id, made.url, made.token) == ("mine", task_id, url, "t2")
    # Set on a task that has ended: its end is notified at once.
    (got,) = await asyncio.to_thread(receiver.wait_for, name, 1, TIMEOUT)
    assert json.loads(got.body)["task"]["status"]["state"] == "TASK_STATE_COMPLETED"
    assert got.headers["X-A2A-Notification-Token"] == "t2"
    assert "Authorization" not in got.headers
    other = receiver.url(f"{name}-b", [200])
    await client.create_task_push_notification_config(
        TaskPushNotificationConfig(task_id=task_id, id="second", url=other)
    )
    read = await client.get_task_push_notification_config(
        GetTaskPushNotificationConfigRequest(task_id=task_id, id="mine")
    )
    assert (read.id, read.url, read.token) == ("mine", url, "t2")
    listed = await client.list_task_push_notification_configs(
        ListTaskPushNotificationConfigsRequest(task_id=task_id)
    )
    assert [c.id for c in listed.configs] == ["mine", "second"]
    await client.delete_task_push_notification_config(
        DeleteTaskPushNotificationConfigRequest(task_id=task_id, id="mine")
    )
    listed = await client.list_task_push_notification_configs(
        ListTaskPushNotificationConfigsRequest(task_id=task_id)
    )
    assert [c.id for c in listed.configs] == ["second"]


async def test_a_forbidden_url_is_refused_with_invalid_params(
    client: Client, receiver: Receiver
) -> None:
    forbidden = TaskPushNotificationConfig(url="http://169.254.169.254/latest/meta-data")
    with pytest.raises(InvalidParamsError, match="may not call"):
        await send(client, MEDIAN, forbidden)
    sent = await send(client, MEDIAN)
    with pytest.raises(InvalidParamsError, match="may not call"):
        await client.create_task_push_notification_config(
            TaskPushNotificationConfig(
                task_id=sent.task.id, id="x", url="http://169.254.169.254/latest/meta-data"
            )
        )
    listed = await client.list_task_push_notification_configs(
        ListTaskPushNotificationConfigsRequest(task_id=sent.task.id)
    )
    assert list(listed.configs) == []
    del receiver


async def test_a_question_is_notified_then_the_end_after_the_reply(
    client: Client, receiver: Receiver
) -> None:
    """The analyst asks for numbers: the task waits for input, which is notified; the reply
    runs it to its end, notified too."""
    name = f"asks-{uuid.uuid4().hex[:8]}"
    push = TaskPushNotificationConfig(url=receiver.url(name, [200]), token="t3")
    sent = await send(client, "compute the average", push)
    (asked,) = await asyncio.to_thread(receiver.wait_for, name, 1, TIMEOUT)
    waiting = json.loads(asked.body)["task"]
    assert waiting["id"] == sent.task.id
    assert waiting["status"]["state"] == "TASK_STATE_INPUT_REQUIRED"
    assert "No numbers found" in json.dumps(waiting["status"]["message"])
    reply = message("4, 8 and 15")
    reply.task_id, reply.context_id = sent.task.id, sent.task.context_id
    await asyncio.wait_for(
        anext(aiter(client.send_message(SendMessageRequest(message=reply)))), TIMEOUT
    )
    _, ended = await asyncio.to_thread(receiver.wait_for, name, 2, TIMEOUT)
    done = json.loads(ended.body)["task"]
    assert done["status"]["state"] == "TASK_STATE_COMPLETED"
    assert ended.headers["X-A2A-Notification-Token"] == "t3"
