"""Tasks through the REST API of a real orchestrator with real agents."""

from __future__ import annotations

import json

import httpx
import pytest

from orchestra.api.schemas import TaskEventPublic, TaskPublic, TaskSummary
from orchestra.db import EventType, InstanceHealth, StepStatus, TaskStatus
from tests.stack import wait_for_task

DEMO = (
    "Summarize the main arguments for and against remote work and compute the average of "
    "3, 5 and 10"
)


def test_demo_task_runs_end_to_end(api: httpx.Client) -> None:
    response = api.post("/api/tasks", json={"description": DEMO})
    assert response.status_code == 202, response.text
    created = response.json()
    assert created["status"] in ("pending", "planning", "running")
    assert response.headers["location"] == f"/api/tasks/{created['id']}"

    task = wait_for_task(api, created["id"], ("completed", "failed"))
    assert task["status"] == "completed", task
    steps = task["steps"]
    assert len(steps) >= 2
    capabilities = {s["capability"] for s in steps}
    assert "statistics" in capabilities or "calculation" in capabilities
    for step in steps:
        assert step["status"] == "completed"
        assert step["agent"] and step["agent_id"] and step["instance_id"]
        assert step["started_at"] and step["finished_at"] and step["duration_ms"] is not None
        assert step["output"]
        assert step["attempts"] == 1
    numeric = next(s for s in steps if s["capability"] in ("statistics", "calculation"))
    assert numeric["output_data"]["result"] == pytest.approx(6.0)
    assert "6" in numeric["output"]
    assert task["planner"] == "offline"
    assert task["result"] and all(s["title"] in task["result"] for s in steps)
    assert task["started_at"] and task["finished_at"]


def test_events_stream_in_order_and_resume(api: httpx.Client) -> None:
    task = api.post("/api/tasks", json={"description": "compute the average of 1, 2 and 3"}).json()
    wait_for_task(api, task["id"], ("completed", "failed"))

    def read(headers: dict[str, str]) -> list[dict[str, object]]:
        found = []
        with api.stream("GET", f"/api/tasks/{task['id']}/events", headers=headers) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    found.append(json.loads(line[5:]))
        return found

    events = read({})
    types = [e["type"] for e in events]
    assert types[0] == "task.created"
    assert types[-1] == "task.completed"
    assert types.index("task.planned") < types.index("step.running") < types.index("step.completed")
    ids = [e["id"] for e in events]
    assert ids == sorted(ids)
    # Each is the documented event, no field more or less, of a documented type.
    for event in events:
        TaskEventPublic.model_validate(event)
        assert set(event) == set(TaskEventPublic.model_fields)
    # A step's events name it by the id its plan gave it; a task's events name no step.
    step_ids = {s["id"] for s in api.get(f"/api/tasks/{task['id']}").json()["steps"]}
    assert {e["step_id"] for e in events if str(e["type"]).startswith("step.")} == step_ids
    assert all(e["step_id"] is None for e in events if str(e["type"]).startswith("task."))
    resumed = read({"Last-Event-ID": str(ids[2])})
    assert [e["id"] for e in resumed] == ids[3:]


def test_a_task_is_answered_exactly_as_documented(api: httpx.Client) -> None:
    """A task read by id, submitted or waited for is made from its view (`views.render`),
    not by the API's models: it must be `TaskPublic` field for field, and its list entry
    (made from the database row) the same task summarized."""

    def documented(body: dict[str, object]) -> dict[str, object]:
        assert TaskPublic.model_validate(body).model_dump(mode="json") == body
        return body

    created = documented(api.post("/api/tasks", json={"description": DEMO}).json())
    done = wait_for_task(api, str(created["id"]), ("completed", "failed"))
    assert documented(done)["steps"]
    waited = api.get(f"/api/tasks/{created['id']}", params={"wait": 0})  # through the route
    assert documented(waited.json()) == done
    listed = api.get("/api/tasks", params={"limit": 200}).json()["items"]
    summary = next(t for t in listed if t["id"] == created["id"])
    assert summary == {name: done[name] for name in TaskSummary.model_fields}


def test_list_filters_and_paginates(api: httpx.Client) -> None:
    ids = []
    for n in range(3):
        created = api.post("/api/tasks", json={"description": f"compute the sum of {n}, 1 and 2"})
        ids.append(created.json()["id"])
    for task_id in ids:
        wait_for_task(api, task_id, ("completed", "failed"))
    page = api.get("/api/tasks", params={"limit": 2, "status": "completed"}).json()
    assert page["limit"] == 2 and len(page["items"]) == 2
    assert page["total"] >= 3
    assert all(t["status"] == "completed" for t in page["items"])
    assert page["items"][0]["steps_total"] >= 1
    second = api.get("/api/tasks", params={"limit": 2, "offset": 2, "status": "completed"}).json()
    assert not {t["id"] for t in page["items"]} & {t["id"] for t in second["items"]}
    failed = api.get("/api/tasks", params={"status": "failed"})
    assert failed.status_code == 200
    # Every task here completes: the filter, not the data, keeps completed ones out.
    assert all(t["status"] == "failed" for t in failed.json()["items"])
    assert failed.json()["total"] < page["total"]
    bad = api.get("/api/tasks", params={"status": "sleeping"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"


def test_list_what_finished_since_a_time_in_finish_order(api: httpx.Client) -> None:
    ids = []
    for n in range(3):
        created = api.post("/api/tasks", json={"description": f"compute the sum of {n}, 2 and 3"})
        ids.append(created.json()["id"])
    finished = [wait_for_task(api, task_id, ("completed", "failed")) for task_id in ids]
    earliest = min(finished, key=lambda t: t["finished_at"])
    since = api.get("/api/tasks", params={"finished_after": earliest["finished_at"]}).json()
    times = [t["finished_at"] for t in since["items"]]
    assert times == sorted(times) and earliest["id"] not in {t["id"] for t in since["items"]}
    assert {t["id"] for t in finished} - {earliest["id"]} <= {t["id"] for t in since["items"]}
    # No zone means UTC; a time after everything gives an empty page.
    later = api.get("/api/tasks", params={"finished_after": "2999-01-01T00:00:00"}).json()
    assert later["items"] == [] and later["total"] == 0
    bad = api.get("/api/tasks", params={"finished_after": "yesterday"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"


def test_idempotency_key_returns_the_first_task(api: httpx.Client) -> None:
    body = {"description": "compute the median of 4, 8 and 1"}
    headers = {"Idempotency-Key": "same-key-123"}
    first = api.post("/api/tasks", json=body, headers=headers)
    second = api.post("/api/tasks", json=body, headers=headers)
    assert first.status_code == 202 and second.status_code == 200
    assert first.json()["id"] == second.json()["id"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"description": ""}, 422, "invalid_input"),
        ({"description": "   "}, 422, "empty_description"),
        ({"description": "x" * 100_000}, 422, "invalid_input"),
        ({"description": 42}, 422, "invalid_input"),
        ({}, 422, "invalid_input"),
        ({"description": "ok", "unknown": 1}, 422, "invalid_input"),
        ({"description": "ok", "session_id": "nope"}, 404, "session_not_found"),
    ],
)
def test_bad_task_input_is_a_clear_4xx(
    api: httpx.Client, body: dict[str, object], status: int, code: str
) -> None:
    before = api.get("/api/tasks").json()["total"]
    response = api.post("/api/tasks", json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert api.get("/api/tasks").json()["total"] == before


def test_malformed_json_is_400(api: httpx.Client) -> None:
    response = api.post(
        "/api/tasks", content=b'{"description": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


def test_unknown_task_is_404(api: httpx.Client) -> None:
    for path in ("/api/tasks/nope", "/api/tasks/nope/events"):
        response = api.get(path)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "task_not_found"
    response = api.post("/api/tasks/nope/cancel")
    assert response.status_code == 404


def test_cancel_of_a_finished_task_is_409(api: httpx.Client) -> None:
    task = api.post("/api/tasks", json={"description": "compute the sum of 1 and 2"}).json()
    wait_for_task(api, task["id"], ("completed",))
    response = api.post(f"/api/tasks/{task['id']}/cancel")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "task_already_finished"


def test_openapi_documents_every_endpoint(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/api/tasks",
        "/api/tasks/{task_id}",
        "/api/tasks/{task_id}/cancel",
        "/api/tasks/{task_id}/events",
        "/api/agents",
        "/api/agents/{agent_id}",
        "/api/sessions",
        "/api/sessions/{session_id}",
        "/api/sessions/{session_id}/messages",
        "/health",
        "/ready",
    ):
        assert path in paths, path
    # Any route may meet a database outage (and submitting, a full line): 503, documented.
    for path, operations in paths.items():
        for method, operation in operations.items():
            unavailable = operation["responses"].get("503")
            assert unavailable is not None, f"{method} {path}"
            body = unavailable["content"]["application/json"]["schema"]["$ref"]
            assert body.endswith("/ErrorResponse"), f"{method} {path}"
            assert "Retry-After" in unavailable["headers"], f"{method} {path}"
    docs = api.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    # Served from the package, not a CDN: the page works on a machine with no internet.
    assert "/docs-static/swagger-ui-bundle.js" in docs.text
    assert api.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    assert api.get("/health").json()["status"] == "ok"
    assert api.get("/ready").json()["status"] == "ready"


def test_statuses_and_event_types_are_enums_in_the_schema(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    schemas = schema["components"]["schemas"]

    def enum(model: str, field: str) -> list[str]:
        ref = schemas[model]["properties"][field]["$ref"].rsplit("/", 1)[-1]
        return list(schemas[ref]["enum"])

    for model in ("TaskSummary", "TaskPublic"):
        assert enum(model, "status") == list(TaskStatus)
    assert enum("StepPublic", "status") == list(StepStatus)
    assert enum("InstancePublic", "health") == list(InstanceHealth)
    assert enum("TaskEventPublic", "type") == list(EventType)
    # The dashboard's types are generated from its copy of this schema (the end-to-end test
    # "the committed OpenAPI schema is the orchestrator's" holds the copy to it).


def test_metrics_show_tasks_steps_and_agents(api: httpx.Client) -> None:
    task = api.post("/api/tasks", json={"description": "compute the sum of 5 and 6"}).json()
    wait_for_task(api, task["id"], ("completed",))
    response = api.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    completed = next(
        line for line in text.splitlines() if line.startswith('orchestra_tasks{status="completed"}')
    )
    assert float(completed.split()[-1]) >= 1
    assert 'orchestra_step_duration_seconds_count{agent="Analyst Agent"' in text
    assert "orchestra_agent_instance_healthy{" in text
    assert "orchestra_steps_waiting" in text and "orchestra_step_retries" in text
    # The executor's line: how many run, may run (past 16, while the loop keeps up), wait.
    allowed = next(
        line
        for line in text.splitlines()
        if line.startswith('orchestra_admission_tasks{state="allowed"}')
    )
    assert float(allowed.split()[-1]) >= 16
    assert "orchestra_event_loop_lag_seconds " in text


def test_many_concurrent_tasks_all_complete(api: httpx.Client) -> None:
    """The seed project stalled at 8 concurrent tasks; 40 at once must all finish."""
    from concurrent.futures import ThreadPoolExecutor

    def submit(n: int) -> str:
        response = api.post("/api/tasks", json={"description": f"compute the sum of {n} and 1"})
        assert response.status_code == 202
        return str(response.json()["id"])

    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = list(pool.map(submit, range(40)))
    for task_id in ids:
        task = wait_for_task(api, task_id, ("completed", "failed"), timeout=120)
        assert task["status"] == "completed", task
