"""`orchestra.client` against a real orchestrator: runs, waits, streams (also across a broken
connection), typed errors, and every call checked against the server's OpenAPI document."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from orchestra.client import AsyncOrchestra, BadRequest, NotFound, Orchestra, Unreachable
from tests.stack import Stack, free_port


def test_run_waits_for_the_answer(stack: Stack) -> None:
    with Orchestra(stack["orchestrator"].url) as orchestra:
        task = orchestra.run("Compute the median of 4, 8, 15 and 16", timeout=60)
        assert task.status == "completed", task.error
        assert "11.5" in (task.result or "")
        assert orchestra.task(task.id).result == task.result
        assert orchestra.agents(), "the stack's agents are registered"


def test_submit_without_waiting_then_follow_changes(stack: Stack) -> None:
    with Orchestra(stack["orchestrator"].url) as orchestra:
        task = orchestra.run("Compute the sum of 1, 2 and 3", wait=False)
        assert not task.status.terminal or task.status == "completed"
        seen = list(orchestra.changes(task.id))
        assert seen[-1].status == "completed"
        assert all(not t.status.terminal for t in seen[:-1])
        assert orchestra.wait(task.id, timeout=5).status == "completed"
        orchestra.delete(task.id)
        with pytest.raises(NotFound):
            orchestra.task(task.id)


async def test_stream_gives_every_event_in_order(stack: Stack) -> None:
    async with AsyncOrchestra(stack["orchestrator"].url) as orchestra:
        task = await orchestra.run("Compute the mean of 2, 4 and 9")
        events = [event async for event in orchestra.stream(task.id)]
        assert [e.id for e in events] == sorted({e.id for e in events})
        assert events[0].type == "task.created"
        assert events[-1].type == "task.completed"
        # From the middle: only what came after.
        later = [event async for event in orchestra.stream(task.id, after=events[1].id)]
        assert later == events[2:]


class _BreaksStreamOnce(httpx.AsyncBaseTransport):
    """The network between client and server: the first event stream is cut after its
    first event."""

    def __init__(self) -> None:
        self._real = httpx.AsyncHTTPTransport()
        self.opened: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._real.handle_async_request(request)
        if not request.url.path.endswith("/events"):
            return response
        self.opened.append(request.headers.get("last-event-id", ""))
        if len(self.opened) > 1:
            return response
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_CutAfterFirstEvent(response),
        )

    async def aclose(self) -> None:
        await self._real.aclose()


class _CutAfterFirstEvent(httpx.AsyncByteStream):
    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    async def __aiter__(self) -> Any:
        buffer = b""
        async for chunk in self._response.aiter_raw():
            buffer += chunk
            if b"\r\n\r\n" in buffer or b"\n\n" in buffer:
                end = buffer.find(b"\r\n\r\n")
                end = end + 4 if end >= 0 else buffer.find(b"\n\n") + 2
                yield buffer[:end]
                await self._response.aclose()
                raise httpx.ReadError("connection reset by peer")
        yield buffer

    async def aclose(self) -> None:
        await self._response.aclose()


async def test_stream_resumes_after_a_broken_connection(stack: Stack) -> None:
    url = stack["orchestrator"].url
    async with AsyncOrchestra(url) as plain:
        task = await plain.run("Compute the median of 1, 5 and 7")
        expected = [event async for event in plain.stream(task.id)]
    cut = _BreaksStreamOnce()
    async with AsyncOrchestra(url, transport=cut) as orchestra:
        got = [event async for event in orchestra.stream(task.id)]
    assert got == expected
    assert len(cut.opened) == 2
    assert cut.opened[1] == str(expected[0].id), "reopened after the last event received"


NUMBERS = {
    "name": "Numbers report",
    "input_schema": {
        "type": "object",
        "properties": {
            "numbers": {"type": "array", "items": {"type": "number"}, "minItems": 2},
            "threshold": {"type": "number", "default": 10},
        },
        "required": ["numbers"],
    },
    "steps": [
        {"id": "s1", "title": "Statistics", "capability": "statistics",
         "instruction": "Compute the mean of {{ inputs.numbers | join(', ') }}"},
        {"id": "s2", "title": "Double the mean", "capability": "calculation",
         "depends_on": ["s1"], "condition": "steps.s1.data.mean > inputs.threshold",
         "instruction": "Compute {{ steps.s1.data.mean }} * 2"},
    ],
    "outputs": {"mean": "steps.s1.data.mean", "doubled": "steps.s2.data.result"},
}  # fmt: skip


def test_workflows_are_saved_listed_and_run(stack: Stack) -> None:
    with Orchestra(stack["orchestrator"].url) as orchestra:
        saved = orchestra.save_workflow(NUMBERS)
        assert saved.id in {w.id for w in orchestra.workflows()}
        run = orchestra.run_workflow(saved.id, {"numbers": [9, 20]}, timeout=60)
        assert run.status == "completed", run.error
        assert run.result_data is not None
        assert run.result_data["outputs"] == {"mean": 14.5, "doubled": 29}
        with pytest.raises(BadRequest) as wrong:
            orchestra.run_workflow(saved.id, {"numbers": "9, 20"})
        assert wrong.value.code == "invalid_inputs"
        again = orchestra.save_workflow({**NUMBERS, "description": "v2"}, saved.id)
        assert again.version == 2


def test_errors_are_typed_by_the_api_error(stack: Stack) -> None:
    with Orchestra(stack["orchestrator"].url) as orchestra:
        with pytest.raises(NotFound) as missing:
            orchestra.task("no-such-task")
        assert missing.value.status == 404
        assert missing.value.code == "task_not_found"
        with pytest.raises(BadRequest) as empty:
            orchestra.submit("")
        assert empty.value.status == 422
        assert "description" in str(empty.value.details) + empty.value.message
        with pytest.raises(NotFound):
            list(orchestra.stream("no-such-task"))


def test_an_unreachable_server_is_said_so() -> None:
    with (
        Orchestra(f"http://127.0.0.1:{free_port()}", timeout=2) as orchestra,
        pytest.raises(Unreachable) as refused,
    ):
        orchestra.agents()
    assert refused.value.code == "unreachable"


# Every request the client makes: (method, path in the OpenAPI document, status it reads,
# the schema it reads the answer as, query parameters and headers it sends).
CALLS = [
    ("post", "/api/tasks", "202", "TaskPublic", {"wait"}, {"idempotency-key"}),
    ("post", "/api/tasks", "200", "TaskPublic", set(), set()),
    ("get", "/api/tasks/{task_id}", "200", "TaskPublic", {"wait"}, {"if-none-match"}),
    ("post", "/api/tasks/{task_id}/cancel", "200", "TaskPublic", set(), set()),
    ("post", "/api/tasks/{task_id}/input", "200", "TaskPublic", set(), set()),
    ("post", "/api/tasks/{task_id}/steps/{step_id}/approve", "200", "TaskPublic", set(), set()),
    ("post", "/api/tasks/{task_id}/steps/{step_id}/reject", "200", "TaskPublic", set(), set()),
    ("get", "/api/tasks/{task_id}/plans", "200", "PlanVersionList", set(), set()),
    ("delete", "/api/tasks/{task_id}", "204", "", set(), set()),
    ("get", "/api/agents", "200", "AgentList", set(), set()),
    ("post", "/api/agents", "201", "AgentPublic", set(), set()),
    ("get", "/api/tasks/{task_id}/events", "200", None, set(), {"last-event-id"}),
    ("get", "/api/workflows", "200", "WorkflowList", {"limit", "offset"}, set()),
    ("post", "/api/workflows", "201", "WorkflowPublic", set(), set()),
    ("put", "/api/workflows/{workflow_id}", "200", "WorkflowPublic", set(), set()),
    (
        "post",
        "/api/workflows/{workflow_id}/runs",
        "202",
        "TaskPublic",
        {"wait"},
        {"idempotency-key"},
    ),
]
SUBMIT_FIELDS = {"description", "session_id", "metadata", "plan"}


def test_every_call_matches_the_servers_openapi_document(api: httpx.Client) -> None:
    document = api.get("/openapi.json").json()
    for method, path, status, schema, query, headers in CALLS:
        operation = document["paths"][path][method]
        answer = operation["responses"][status]
        if schema == "":  # no body
            assert "content" not in answer, (method, path)
        elif schema is not None:
            ref = answer["content"]["application/json"]["schema"]["$ref"]
            assert ref == f"#/components/schemas/{schema}", (method, path)
        else:
            assert "text/event-stream" in answer["content"], (method, path)
        parameters = operation.get("parameters", [])
        assert query <= {p["name"] for p in parameters if p["in"] == "query"}, (method, path)
        sent = {p["name"].lower() for p in parameters if p["in"] == "header"}
        assert headers <= sent, (method, path)
    create = document["components"]["schemas"]["TaskCreate"]["properties"]
    assert set(create) >= SUBMIT_FIELDS
    reply = document["components"]["schemas"]["StepInput"]["properties"]
    assert set(reply) == {"step", "text", "data"}
    decision = document["components"]["schemas"]["StepDecision"]["properties"]
    assert set(decision) == {"comment"}
