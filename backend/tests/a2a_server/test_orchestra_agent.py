"""Orchestra as an A2A agent: its card, SendMessage, streaming, GetTask, CancelTask, keys,
and one orchestrator registered as an agent of another, all between real processes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest
from a2a.client import Client, ClientConfig, ClientFactory
from a2a.client.card_resolver import parse_agent_card
from a2a.helpers import get_data_parts, get_text_parts, new_text_part
from a2a.types import (
    CancelTaskRequest,
    GetTaskRequest,
    Message,
    Role,
    SendMessageRequest,
    StreamResponse,
    SubscribeToTaskRequest,
    Task,
    TaskState,
)
from a2a.utils.errors import TaskNotFoundError

from tests.stack import Stack, wait_for_task

MEDIAN = "Compute the median of 4, 8, 15 and 16"
#: Every wait on a task or a stream is bounded by this.
TIMEOUT = 60.0
BINDINGS = ("JSONRPC", "HTTP+JSON")


@dataclass
class Orchestras:
    stack: Stack

    @property
    def a(self) -> str:
        return self.stack["orchestrator"].url


@pytest.fixture(scope="module")
def orchestras(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Orchestras]:
    """Orchestrator A with the analyst agent and the slow test agent registered."""
    data_dir = tmp_path_factory.mktemp("orchestra-agent")
    stack = Stack(data_dir)
    try:
        analyst = stack.add("analyst-agent").start()
        # Its steps take 30 s: tasks that stay open until canceled.
        slow = stack.add_slow_agent(
            "slow-agent", 30, data_dir / "slow-calls.txt", capabilities=("slumber",)
        ).start()
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url, timeout=30) as http:
            for agent in (analyst, slow):
                response = http.post("/api/agents", json={"card_url": agent.url})
                assert response.status_code == 201, response.text
        yield Orchestras(stack)
    finally:
        stack.stop()


async def client_of(url: str, binding: str = "JSONRPC", key: str | None = None) -> Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    http = httpx.AsyncClient(timeout=TIMEOUT, headers=headers)
    config = ClientConfig(streaming=True, supported_protocol_bindings=[binding], httpx_client=http)
    return await ClientFactory(config).create_from_url(url)


@pytest.fixture(params=BINDINGS)
async def client(orchestras: Orchestras, request: pytest.FixtureRequest) -> AsyncIterator[Client]:
    found = await client_of(orchestras.a, request.param)
    yield found
    await found.close()


async def api_task(
    url: str, task_id: str, until: tuple[str, ...] = (), key: str | None = None
) -> dict[str, object]:
    """The task from the REST API; with `until`, once it has one of those statuses (polled
    with a deadline)."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as api:
        deadline = asyncio.get_running_loop().time() + TIMEOUT
        while True:
            task: dict[str, object] = (await api.get(f"/api/tasks/{task_id}")).json()
            if not until or task["status"] in until:
                return task
            assert asyncio.get_running_loop().time() < deadline, task
            await asyncio.sleep(0.05)


def message(text: str, context_id: str = "") -> Message:
    return Message(
        role=Role.ROLE_USER,
        message_id=str(uuid.uuid4()),
        context_id=context_id,
        parts=[new_text_part(text)],
    )


async def events_of(client: Client, request: Message) -> list[StreamResponse]:
    async def collect() -> list[StreamResponse]:
        return [e async for e in client.send_message(SendMessageRequest(message=request))]

    return await asyncio.wait_for(collect(), TIMEOUT)


def final_task(events: list[StreamResponse]) -> Task:
    tasks = [e.task for e in events if e.HasField("task")]
    assert tasks, events
    return tasks[-1]


def answer(task: Task) -> tuple[str, dict[str, object]]:
    texts: list[str] = []
    data: dict[str, object] = {}
    for artifact in task.artifacts:
        texts.extend(get_text_parts(artifact.parts))
        for part in get_data_parts(artifact.parts):
            data.update(part)
    return "\n".join(texts), data


def test_card_declares_the_orchestrate_skill_and_both_interfaces(orchestras: Orchestras) -> None:
    response = httpx.get(f"{orchestras.a}/.well-known/agent-card.json", timeout=10)
    assert response.status_code == 200
    card = response.json()
    parse_agent_card(card)  # a valid A2A 1.0 card, as clients read it
    assert card["name"] == "Orchestra"
    assert [s["id"] for s in card["skills"]] == ["orchestrate"]
    description = card["skills"][0]["description"]
    # The registered agents' capabilities, read when the card is asked for.
    assert "statistics" in description and "slumber" in description
    bindings = {i["protocolBinding"]: i["url"] for i in card["supportedInterfaces"]}
    assert bindings == {"JSONRPC": f"{orchestras.a}/a2a/", "HTTP+JSON": f"{orchestras.a}/a2a"}
    assert card["capabilities"]["streaming"] is True
    assert "securitySchemes" not in card  # auth is off here


async def test_send_completes_with_the_answer(client: Client) -> None:
    events = await events_of(client, message(MEDIAN))
    task = final_task([*events]) if events[-1].HasField("task") else None
    # Streaming client: the last event is the final status; read the whole task back.
    last = events[-1]
    task_id = task.id if task else last.status_update.task_id
    got = await client.get_task(GetTaskRequest(id=task_id))
    assert got.status.state == TaskState.TASK_STATE_COMPLETED
    text, data = answer(got)
    assert "11.5" in text
    assert data, "the result's data part"


async def test_a_task_sent_over_a2a_logs_no_error(orchestras: Orchestras, client: Client) -> None:
    # The task is made before the SDK's Task event names it; the SDK must not take that
    # event for a second task replacing the first (an ERROR line per task, before).
    final_task(await events_of(client, message(MEDIAN)))
    log = orchestras.stack["orchestrator"].log_path.read_text()
    assert " ERROR a2a." not in log, log[-3000:]


async def test_send_without_streaming_returns_the_finished_task(orchestras: Orchestras) -> None:
    http = httpx.AsyncClient(timeout=TIMEOUT)
    config = ClientConfig(
        streaming=False, supported_protocol_bindings=["JSONRPC"], httpx_client=http
    )
    client = await ClientFactory(config).create_from_url(orchestras.a)
    try:
        events = await events_of(client, message(MEDIAN))
        task = final_task(events)
        assert task.status.state == TaskState.TASK_STATE_COMPLETED
        assert "11.5" in answer(task)[0]
        # The A2A task is the Orchestra task, under the same id.
        assert (await api_task(orchestras.a, task.id))["status"] == "completed"
    finally:
        await client.close()


async def test_stream_gives_working_updates_then_the_artifact_then_completed(
    client: Client,
) -> None:
    events = await events_of(client, message(MEDIAN))
    kinds = [e.WhichOneof("payload") for e in events]
    assert kinds[0] == "task"
    working = [
        e.status_update
        for e in events
        if e.HasField("status_update")
        and e.status_update.status.state == TaskState.TASK_STATE_WORKING
    ]
    assert working, kinds
    assert all(get_text_parts(w.status.message.parts) for w in working)
    artifact_at = kinds.index("artifact_update")
    assert artifact_at > kinds.index("status_update")
    artifact = events[artifact_at].artifact_update.artifact
    assert "11.5" in "\n".join(get_text_parts(artifact.parts))
    assert get_data_parts(artifact.parts), "result_data as a data part"
    assert kinds[-1] == "status_update" and artifact_at == len(kinds) - 2
    assert events[-1].status_update.status.state == TaskState.TASK_STATE_COMPLETED


async def test_get_task_after_completion_and_after_a_restart(orchestras: Orchestras) -> None:
    client = await client_of(orchestras.a)
    try:
        events = await events_of(client, message(MEDIAN))
        task_id = events[0].task.id
    finally:
        await client.close()
    orchestrator = orchestras.stack["orchestrator"]
    orchestrator.stop()
    orchestrator.start()
    client = await client_of(orchestras.a)
    try:
        got = await client.get_task(GetTaskRequest(id=task_id))
    finally:
        await client.close()
    assert got.status.state == TaskState.TASK_STATE_COMPLETED
    assert "11.5" in answer(got)[0]


async def test_unknown_task_is_task_not_found(client: Client) -> None:
    with pytest.raises(TaskNotFoundError):
        await client.get_task(GetTaskRequest(id=uuid.uuid4().hex))
    with pytest.raises(TaskNotFoundError):
        await client.cancel_task(CancelTaskRequest(id=uuid.uuid4().hex))


async def test_cancel_a_task_on_the_slow_agent(orchestras: Orchestras, client: Client) -> None:
    stream = client.send_message(SendMessageRequest(message=message("Slumber for a while")))
    first = await asyncio.wait_for(anext(stream), TIMEOUT)
    task_id = first.task.id
    # Its step is at the slow agent (the task runs) before it is canceled.
    await api_task(orchestras.a, task_id, until=("running",))
    canceled = await client.cancel_task(CancelTaskRequest(id=task_id))
    assert canceled.status.state == TaskState.TASK_STATE_CANCELED
    assert (await api_task(orchestras.a, task_id, until=("canceled",)))["status"] == "canceled"
    await stream.aclose()
    got = await client.get_task(GetTaskRequest(id=task_id))
    assert got.status.state == TaskState.TASK_STATE_CANCELED


async def test_a_task_named_by_the_stream_is_readable_over_rest_at_once(
    orchestras: Orchestras, client: Client
) -> None:
    # The stream's first event names the task; its row is stored before that event is sent,
    # also when many tasks are being stored at once.
    async with httpx.AsyncClient(base_url=orchestras.a, timeout=30) as api:

        async def one() -> int:
            stream = client.send_message(SendMessageRequest(message=message(MEDIAN)))
            first = await asyncio.wait_for(anext(stream), TIMEOUT)
            status = (await api.get(f"/api/tasks/{first.task.id}")).status_code
            await stream.aclose()
            return status

        assert await asyncio.gather(*(one() for _ in range(20))) == [200] * 20


async def test_a_caller_that_lost_its_stream_subscribes_again_and_sees_the_end(
    orchestras: Orchestras, client: Client
) -> None:
    stream = client.send_message(SendMessageRequest(message=message("Slumber for a while")))
    first = await asyncio.wait_for(anext(stream), TIMEOUT)
    task_id = first.task.id
    await api_task(orchestras.a, task_id, until=("running",))
    await stream.aclose()  # the connection is gone; the task runs on

    again = client.subscribe(SubscribeToTaskRequest(id=task_id))
    # The subscription opens with the task as the relay has told it so far (not ended).
    opened = await asyncio.wait_for(anext(again), TIMEOUT)
    assert opened.task.id == task_id
    assert opened.task.status.state in (
        TaskState.TASK_STATE_SUBMITTED,
        TaskState.TASK_STATE_WORKING,
    )

    async def rest() -> list[StreamResponse]:
        return [event async for event in again]

    following = asyncio.create_task(rest())
    canceled = await client.cancel_task(CancelTaskRequest(id=task_id))
    assert canceled.status.state == TaskState.TASK_STATE_CANCELED
    events = await asyncio.wait_for(following, TIMEOUT)
    states = [e.status_update.status.state for e in events if e.HasField("status_update")]
    assert states[-1] == TaskState.TASK_STATE_CANCELED


async def test_follow_ups_in_one_context_share_a_session(
    orchestras: Orchestras, client: Client
) -> None:
    context_id = f"conversation-{uuid.uuid4()}"
    first = final_task_id(await events_of(client, message(MEDIAN, context_id)))
    follow_up = message("Compute the sum of 1 and 2", context_id)
    second = final_task_id(await events_of(client, follow_up))
    one, two = [await api_task(orchestras.a, t) for t in (first, second)]
    assert one["session_id"] and one["session_id"] == two["session_id"]
    got = await client.get_task(GetTaskRequest(id=second))
    assert got.context_id == context_id


def final_task_id(events: list[StreamResponse]) -> str:
    assert events[0].HasField("task")
    return events[0].task.id


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """An orchestrator with keys on, and a user key."""
    data_dir = tmp_path_factory.mktemp("orchestra-agent-keys")
    stack = Stack(data_dir, settings={"AUTH_ENABLED": "true"})
    try:
        analyst = stack.add("analyst-agent").start()
        admin = _key(stack, "admin")
        user = _key(stack, "user")
        orchestrator = stack.add("orchestrator").start()
        response = httpx.post(
            f"{orchestrator.url}/api/agents",
            json={"card_url": analyst.url},
            headers={"Authorization": f"Bearer {admin}"},
            timeout=30,
        )
        assert response.status_code == 201, response.text
        yield orchestrator.url, user
    finally:
        stack.stop()


def _key(stack: Stack, role: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "orchestra", "keys", "create", "--role", role, "--name", role],
        env=stack.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_with_keys_on_the_card_declares_bearer_and_calls_need_a_key(
    secured: tuple[str, str],
) -> None:
    url, _ = secured
    card = httpx.get(f"{url}/.well-known/agent-card.json", timeout=10).json()
    assert card["securitySchemes"]["bearer"]["httpAuthSecurityScheme"]["scheme"] == "Bearer"
    assert card["securityRequirements"] == [{"schemes": {"bearer": {}}}]
    rpc = {"jsonrpc": "2.0", "id": 1, "method": "GetTask", "params": {"id": "x"}}
    headers = {"A2A-Version": "1.0"}
    for key in (None, "orc_not-a-key"):
        auth = {"Authorization": f"Bearer {key}"} if key else {}
        rpc_answer = httpx.post(f"{url}/a2a/", json=rpc, headers=headers | auth)
        assert rpc_answer.status_code == 401
        assert rpc_answer.json()["error"]["data"][0]["reason"] == "UNAUTHENTICATED"
        got = httpx.get(f"{url}/a2a/tasks/x", headers=headers | auth)
        assert got.status_code == 401
        assert got.headers["www-authenticate"] == "Bearer"
        assert got.json()["error"]["status"] == "UNAUTHENTICATED"


async def test_with_keys_on_a_key_runs_a_task_its_owner_alone_sees(
    secured: tuple[str, str],
) -> None:
    url, user = secured
    client = await client_of(url, key=user)
    try:
        events = await events_of(client, message(MEDIAN))
        task_id = events[0].task.id
        got = await client.get_task(GetTaskRequest(id=task_id))
        assert got.status.state == TaskState.TASK_STATE_COMPLETED
    finally:
        await client.close()
    assert (await api_task(url, task_id, key=user))["status"] == "completed"


def test_an_orchestrator_runs_a_step_on_another(
    orchestras: Orchestras, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """B has one agent, orchestrator A; B's task is sent to A, which runs it on its analyst."""
    stack = Stack(tmp_path_factory.mktemp("orchestrator-b"))
    try:
        b = stack.add("orchestrator").start()
        with httpx.Client(base_url=b.url, timeout=30) as api:
            registered = api.post("/api/agents", json={"card_url": orchestras.a})
            assert registered.status_code == 201, registered.text
            task = api.post("/api/tasks", json={"description": MEDIAN}).json()
            done = wait_for_task(api, task["id"], ("completed", "failed"), TIMEOUT)
        assert done["status"] == "completed", done
        (step,) = done["steps"]
        assert step["capability"] == "orchestrate" and step["agent"] == "Orchestra"
        assert "11.5" in (done["result"] or "")
        # A ran it as a task of its own, on its analyst.
        with httpx.Client(base_url=orchestras.a, timeout=30) as api:
            ran = api.get(f"/api/tasks/{step['remote_task_id']}").json()
        assert ran["status"] == "completed"
        assert [s["agent"] for s in ran["steps"]] == ["Analyst Agent"]
    finally:
        stack.stop()


def test_an_orchestrator_with_keys_on_is_called_with_the_key_it_was_registered_with(
    secured: tuple[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Its card declares bearer: without a credential it is unusable on B; with one of its
    keys as the credential, B's steps reach it."""
    url, user = secured
    stack = Stack(tmp_path_factory.mktemp("orchestrator-b-keys"))
    try:
        b = stack.add("orchestrator").start()
        with httpx.Client(base_url=b.url, timeout=30) as api:
            bare = api.post("/api/agents", json={"card_url": url}).json()
            assert bare["usable"] is False and "'bearer'" in bare["unusable_reason"]
            keyed = api.post("/api/agents", json={"card_url": url, "credential": user}).json()
            assert keyed["usable"] is True, keyed
            task = api.post("/api/tasks", json={"description": MEDIAN}).json()
            done = wait_for_task(api, task["id"], ("completed", "failed"), TIMEOUT)
        assert done["status"] == "completed", done
        assert "11.5" in (done["result"] or "")
    finally:
        stack.stop()


async def test_an_agents_question_is_input_required_and_a_message_naming_the_task_answers(
    orchestras: Orchestras, client: Client
) -> None:
    events = await events_of(client, message("compute the average"))
    last = events[-1].status_update.status
    assert last.state == TaskState.TASK_STATE_INPUT_REQUIRED
    question = " ".join(get_text_parts(last.message.parts))
    assert question.startswith("No numbers found to compute on.")
    task_id = events[-1].status_update.task_id
    got = await client.get_task(GetTaskRequest(id=task_id))
    assert got.status.state == TaskState.TASK_STATE_INPUT_REQUIRED
    assert (await api_task(orchestras.a, task_id))["status"] == "input_required"

    reply = message("4, 8 and 15", got.context_id)
    reply.task_id = task_id
    answered = await events_of(client, reply)
    assert answered[-1].status_update.status.state == TaskState.TASK_STATE_COMPLETED
    done = await client.get_task(GetTaskRequest(id=task_id))
    assert done.status.state == TaskState.TASK_STATE_COMPLETED
    assert "Mean (average): 9" in answer(done)[0]
    assert (await api_task(orchestras.a, task_id))["status"] == "completed"


async def test_a_message_naming_a_task_that_asks_nothing_is_refused(
    orchestras: Orchestras, client: Client
) -> None:
    stream = client.send_message(SendMessageRequest(message=message("Slumber for a while")))
    first = await asyncio.wait_for(anext(stream), TIMEOUT)
    task_id = first.task.id
    await api_task(orchestras.a, task_id, until=("running",))
    follow_up = message("and faster")
    follow_up.task_id = task_id
    with pytest.raises(Exception, match="takes no further messages"):
        await events_of(client, follow_up)
    await client.cancel_task(CancelTaskRequest(id=task_id))
    await stream.aclose()


async def test_a_task_whose_plan_awaits_approval_reads_as_working_over_a2a(
    orchestras: Orchestras, client: Client
) -> None:
    async with httpx.AsyncClient(base_url=orchestras.a, timeout=30) as api:
        response = await api.post("/api/tasks", json={"description": MEDIAN, "review_plan": True})
        assert response.status_code == 202, response.text
    task_id = response.json()["id"]
    await api_task(orchestras.a, task_id, until=("awaiting_approval",))
    got = await client.get_task(GetTaskRequest(id=task_id))
    assert got.status.state == TaskState.TASK_STATE_WORKING
    assert "approve" in " ".join(get_text_parts(got.status.message.parts))
