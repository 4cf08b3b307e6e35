"""Orchestra as an MCP server, through the MCP SDK's own client against a real orchestrator:
the tools, progress, errors as tool results, and the key rules of /api applied to /mcp."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.types import CallToolResult, TextContent

from orchestra.api import mcp as orchestra_mcp
from orchestra.client import AsyncOrchestra
from orchestra.config import Settings
from tests.api.test_security import _key
from tests.stack import Stack

TOOLS = {
    "run_task",
    "submit_task",
    "get_task",
    "cancel_task",
    "list_agents",
    "run_workflow",
    "list_workflows",
}
SUM_WORKFLOW = {
    "name": "mcp-sum",
    "description": "Adds two numbers.",
    "input_schema": {
        "type": "object",
        "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
        "required": ["a", "b"],
    },
    "steps": [
        {
            "id": "add",
            "title": "Add",
            "capability": "calculation",
            "instruction": "Compute {{ inputs.a }} + {{ inputs.b }}",
        }
    ],
}
# One step on the slow agent that takes 30 s: a task that stays open until canceled.
WAITING_PLAN = {
    "steps": [{"id": "a", "title": "A", "instruction": "wait 30", "capability": "wait-a"}]
}
# The first message of an MCP session, and what a streamable HTTP client accepts.
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "test", "version": "1"},
    },
}
ACCEPT = {"Accept": "application/json, text/event-stream"}
# Long enough for a slow shared machine; the steps here take well under a second.
DEADLINE = 60


@asynccontextmanager
async def connected(url: str, key: str | None = None) -> AsyncIterator[ClientSession]:
    headers = {"Authorization": f"Bearer {key}"} if key else None
    async with (
        streamablehttp_client(f"{url}/mcp", headers=headers) as (read, write, _),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


async def call(session: ClientSession, tool: str, **arguments: Any) -> CallToolResult:
    async with asyncio.timeout(DEADLINE):
        return await session.call_tool(tool, arguments)


def text(result: CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, TextContent)
    return block.text


def answer(result: CallToolResult) -> dict[str, Any]:
    """The structured content of a result that is not an error."""
    assert not result.isError, text(result)
    assert result.structuredContent is not None
    return result.structuredContent


def error(result: CallToolResult) -> dict[str, Any]:
    """The API's error body an error result carries; its text starts with the code."""
    assert result.isError, result
    assert result.structuredContent is not None
    body: dict[str, Any] = result.structuredContent["error"]
    assert text(result).startswith(f"{body['code']}: {body['message']}")
    return body


@dataclass
class Secured:
    stack: Stack
    url: str
    admin: str
    alice: str
    bob: str
    #: A key used only to reach TASKS_PER_MINUTE.
    hasty: str


TASKS_PER_MINUTE = 12


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Secured]:
    """An orchestrator with keys on, the analyst and the slow test agent."""
    data_dir = tmp_path_factory.mktemp("mcp")
    # Above what one key's tests submit within a minute (alice's: seven tasks).
    stack = Stack(
        data_dir, settings={"AUTH_ENABLED": "true", "TASKS_PER_MINUTE": str(TASKS_PER_MINUTE)}
    )
    try:
        analyst = stack.add("analyst-agent").start()
        slow = stack.add_slow_agent("slow-agent", 30, data_dir / "slow-calls.txt").start()
        admin = _key(stack, "admin", "ops")
        alice, bob = _key(stack, "user", "alice"), _key(stack, "user", "bob")
        hasty = _key(stack, "user", "hasty")
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url, timeout=30) as http:
            for agent in (analyst, slow):
                response = http.post(
                    "/api/agents",
                    json={"card_url": agent.url},
                    headers={"Authorization": f"Bearer {admin}"},
                )
                assert response.status_code == 201, response.text
        yield Secured(stack, orchestrator.url, admin, alice, bob, hasty)
    finally:
        stack.stop()


async def test_tools_have_typed_schemas_and_work_without_keys_when_auth_is_off(
    stack: Stack,
) -> None:
    async with connected(stack["orchestrator"].url) as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert set(tools) == TOOLS
        run = tools["run_task"]
        assert run.description and "progress" in run.description
        assert run.inputSchema["required"] == ["description"]
        assert run.inputSchema["properties"]["description"]["type"] == "string"
        assert "ctx" not in run.inputSchema["properties"]
        assert run.outputSchema is not None and "result" in run.outputSchema["properties"]
        assert tools["get_task"].inputSchema["required"] == ["task_id"]
        assert tools["get_task"].annotations and tools["get_task"].annotations.readOnlyHint
        agents = answer(await call(session, "list_agents"))
    async with AsyncOrchestra(stack["orchestrator"].url) as api:
        registered = {agent.id for agent in await api.agents()}
    assert {agent["id"] for agent in agents["items"]} == registered
    assert len(registered) >= 2  # the stack's two agents


def test_without_keys_a_rebound_host_is_refused(stack: Stack) -> None:
    """On loopback without keys, a web page's request through DNS rebinding names its own
    host: refused."""
    url = f"{stack['orchestrator'].url}/mcp"
    rebound = httpx.post(
        url, json=INITIALIZE, headers={**ACCEPT, "Host": "rebound.example"}, timeout=30
    )
    assert rebound.status_code == 421, rebound.text
    assert httpx.post(url, json=INITIALIZE, headers=ACCEPT, timeout=30).status_code == 200


@pytest.mark.parametrize(("host", "checked"), [("127.0.0.1", True), ("0.0.0.0", False)])
def test_hosts_are_checked_only_on_loopback(host: str, checked: bool) -> None:
    """Beyond loopback keys are on, and clients name the server by its public address."""
    settings = Settings(_env_file=None, host=host, auth_enabled=True)  # type: ignore[call-arg]
    security = orchestra_mcp._server(settings).settings.transport_security
    assert (security is not None and security.enable_dns_rebinding_protection) == checked


async def test_run_task_answers_with_the_result_and_reports_each_step(secured: Secured) -> None:
    progress: list[tuple[float, float | None, str | None]] = []

    async def on_progress(done: float, total: float | None, message: str | None) -> None:
        progress.append((done, total, message))

    async with connected(secured.url, secured.alice) as session, asyncio.timeout(DEADLINE):
        result = await session.call_tool(
            "run_task",
            {"description": "Compute the median of 4, 8, 15 and 16"},
            progress_callback=on_progress,
        )
    task = answer(result)
    assert task["status"] == "completed"
    assert "11.5" in text(result) and "11.5" in task["result"]
    # One notification per completed step, counting up to the plan's length.
    steps = len(task["steps"])
    assert steps >= 1
    assert [done for done, _, _ in progress] == list(range(1, steps + 1))
    assert all(total == steps for _, total, _ in progress)
    assert all(message and message.endswith(": done") for _, _, message in progress)
    async with AsyncOrchestra(secured.url, secured.alice) as api:
        assert (await api.task(task["id"])).model_dump(mode="json") == task


async def test_run_task_answers_with_an_agents_question_without_waiting_out_its_time(
    secured: Secured,
) -> None:
    async with connected(secured.url, secured.alice) as session:
        result = await call(session, "run_task", description="compute the average")
    task = answer(result)
    assert task["status"] == "input_required"
    assert "asks: No numbers found to compute on." in text(result)
    async with AsyncOrchestra(secured.url, secured.alice) as api:
        step = task["steps"][0]["id"]
        await api.reply(task["id"], step, "4, 8 and 15")
        done = await api.wait(task["id"], timeout=DEADLINE)
    assert done.status == "completed" and "9" in str(done.result)


async def test_run_workflow_runs_a_saved_workflow_with_inputs(secured: Secured) -> None:
    async with AsyncOrchestra(secured.url, secured.alice) as api:
        saved = await api.save_workflow(SUM_WORKFLOW)
    async with connected(secured.url, secured.alice) as session:
        listed = answer(await call(session, "list_workflows"))
        assert saved.id in {w["id"] for w in listed["items"]}
        result = await call(
            session, "run_workflow", workflow_id=saved.id, inputs={"a": 19, "b": 23}
        )
        run = answer(result)
        assert run["status"] == "completed" and run["workflow_id"] == saved.id
        assert "42" in text(result)
        refused = await call(session, "run_workflow", workflow_id=saved.id, inputs={"a": "x"})
    assert refused.isError
    assert "invalid_inputs" in text(refused)


async def test_submit_task_answers_at_once_and_get_task_follows(secured: Secured) -> None:
    async with connected(secured.url, secured.alice) as session:
        submitted = await call(session, "submit_task", description="Compute the sum of 1, 2 and 3")
        accepted = answer(submitted)
        assert set(accepted) == {"id", "status", "queue_position"}
        assert json.loads(text(submitted)) == accepted
        async with AsyncOrchestra(secured.url, secured.alice) as api:
            await api.wait(accepted["id"], timeout=DEADLINE)
        task = answer(await call(session, "get_task", task_id=accepted["id"]))
    assert task["id"] == accepted["id"]
    assert task["status"] == "completed" and "6" in task["result"]


async def test_cancel_task_stops_a_task_on_the_slow_agent(secured: Secured) -> None:
    async with (
        connected(secured.url, secured.alice) as session,
        AsyncOrchestra(secured.url, secured.alice) as api,
    ):
        arguments = {"description": "wait for a while", "plan": WAITING_PLAN}
        task_id = answer(await call(session, "submit_task", **arguments))["id"]
        async with asyncio.timeout(DEADLINE):
            async for task in api.changes(task_id):
                if task.steps and task.steps[0].status == "running":
                    break  # the agent has the step: 30 s to go
        canceled = answer(await call(session, "cancel_task", task_id=task_id))
        assert canceled["status"] == "canceled"
        assert (await api.task(task_id)).status == "canceled"
        again = error(await call(session, "cancel_task", task_id=task_id))
        assert again["code"] == "task_already_finished"


async def test_an_unknown_task_is_an_error_result(secured: Secured) -> None:
    async with connected(secured.url, secured.alice) as session:
        for tool in ("get_task", "cancel_task"):
            found = error(await call(session, tool, task_id="no-such-task"))
            assert found["code"] == "task_not_found", tool
            assert "no-such-task" in found["message"]
        # The session goes on: an error result is an answer, not a broken connection.
        answer(await call(session, "list_agents"))


@pytest.mark.parametrize("key", [None, "orc_not-a-key"])
def test_mcp_needs_a_valid_key(secured: Secured, key: str | None) -> None:
    headers = {**ACCEPT, "Authorization": f"Bearer {key}"} if key else ACCEPT
    response = httpx.post(f"{secured.url}/mcp", json=INITIALIZE, headers=headers, timeout=30)
    assert response.status_code == 401, response.text
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


async def test_another_users_task_is_not_found(secured: Secured) -> None:
    async with connected(secured.url, secured.alice) as alice:
        submitted = await call(alice, "submit_task", description="Compute the sum of 5 and 6")
        task_id = answer(submitted)["id"]
    async with connected(secured.url, secured.bob) as bob:
        for tool in ("get_task", "cancel_task"):
            assert error(await call(bob, tool, task_id=task_id))["code"] == "task_not_found"
    async with connected(secured.url, secured.admin) as admin:
        assert answer(await call(admin, "get_task", task_id=task_id))["id"] == task_id


async def test_submits_over_mcp_and_rest_share_the_rate_limit(secured: Secured) -> None:
    async with AsyncOrchestra(secured.url, secured.hasty) as api:
        for n in range(TASKS_PER_MINUTE):
            await api.submit(f"Compute the sum of {n} and 1")
    async with connected(secured.url, secured.hasty) as session:
        for tool in ("submit_task", "run_task"):
            refused = error(await call(session, tool, description="Compute the sum of 7 and 1"))
            assert refused["code"] == "rate_limited", tool
            assert refused["details"]["retry_after"] >= 1
