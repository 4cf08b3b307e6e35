"""Workflows through the REST API of a real orchestrator with the real analyst agent."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from orchestra.api.schemas import TaskPublic
from tests.stack import task_events, wait_for_task

STATS: dict[str, Any] = {
    "name": "Numbers report",
    "description": "Statistics of some numbers, and their double when the mean is large.",
    "input_schema": {
        "type": "object",
        "properties": {
            "numbers": {"type": "array", "items": {"type": "number"}, "minItems": 1},
            "threshold": {"type": "number", "default": 10},
            "unit": {"type": "string", "enum": ["kg", "m"], "default": "kg"},
        },
        "required": ["numbers"],
    },
    "steps": [
        {
            "id": "s1",
            "title": "Statistics",
            "capability": "statistics",
            "instruction": "Compute the mean of {{ inputs.numbers | join(', ') }}",
        },
        {
            "id": "s2",
            "title": "Double the mean",
            "capability": "calculation",
            "instruction": "Compute {{ steps.s1.data.mean }} * 2",
            "depends_on": ["s1"],
            "condition": "steps.s1.data.mean > inputs.threshold",
        },
        {
            "id": "s3",
            "title": "After the double",
            "capability": "calculation",
            "instruction": "Compute 1 + 1",
            "depends_on": ["s2"],
        },
    ],
    "outputs": {"mean": "steps.s1.data.mean", "double": "steps.s2.data.result"},
}


def _save(api: httpx.Client, definition: dict[str, Any] = STATS) -> dict[str, Any]:
    response = api.post("/api/workflows", json=definition)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _run(
    api: httpx.Client,
    workflow_id: str,
    inputs: dict[str, Any],
    until: tuple[str, ...] = ("completed", "failed", "canceled"),
) -> dict[str, Any]:
    response = api.post(f"/api/workflows/{workflow_id}/runs", json={"inputs": inputs})
    assert response.status_code == 202, response.text
    assert response.headers["location"] == f"/api/tasks/{response.json()['id']}"
    return wait_for_task(api, response.json()["id"], until)


def _steps(task: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in task["steps"]}


def test_a_workflow_is_saved_read_listed_versioned_and_deleted(api: httpx.Client) -> None:
    saved = _save(api)
    assert saved["version"] == 1 and saved["name"] == STATS["name"]
    assert [s["id"] for s in saved["steps"]] == ["s1", "s2", "s3"]
    assert saved["steps"][1]["when_skipped"] == "skip"  # the default, spelled out
    assert api.get(f"/api/workflows/{saved['id']}").json() == saved
    listed = api.get("/api/workflows", params={"limit": 200}).json()
    assert saved["id"] in {w["id"] for w in listed["items"]} and listed["total"] >= 1

    changed = copy.deepcopy(STATS)
    changed["name"] = "Numbers report, v2"
    changed["steps"][1]["condition"] = "steps.s1.data.mean > inputs.threshold * 2"
    response = api.put(f"/api/workflows/{saved['id']}", json=changed)
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2 and response.json()["name"] == "Numbers report, v2"
    versions = api.get(f"/api/workflows/{saved['id']}/versions").json()
    assert [v["version"] for v in versions["items"]] == [2, 1] and versions["total"] == 2
    # Versions are immutable: the first is as it was saved.
    assert versions["items"][1]["definition"]["name"] == STATS["name"]
    assert versions["items"][1]["definition"]["steps"][1]["condition"] == (
        "steps.s1.data.mean > inputs.threshold"
    )

    assert api.delete(f"/api/workflows/{saved['id']}").status_code == 204
    for method, path in (
        ("GET", f"/api/workflows/{saved['id']}"),
        ("GET", f"/api/workflows/{saved['id']}/versions"),
        ("GET", f"/api/workflows/{saved['id']}/runs"),
        ("POST", f"/api/workflows/{saved['id']}/runs"),
        ("PUT", f"/api/workflows/{saved['id']}"),
        ("DELETE", f"/api/workflows/{saved['id']}"),
    ):
        body = {"inputs": {}} if path.endswith("runs") else STATS
        response = api.request(method, path, json=body if method in ("POST", "PUT") else None)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["error"]["code"] == "workflow_not_found"
    assert saved["id"] not in {
        w["id"] for w in api.get("/api/workflows", params={"limit": 200}).json()["items"]
    }


def test_unknown_workflow_is_404(api: httpx.Client) -> None:
    for path in ("/api/workflows/nope", "/api/workflows/nope/versions", "/api/workflows/nope/runs"):
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "workflow_not_found"
    response = api.post("/api/workflows/nope/runs", json={"inputs": {}})
    assert response.status_code == 404


def test_a_bad_definition_is_422_listing_every_problem_where_it_is(api: httpx.Client) -> None:
    bad = {
        "name": "broken",
        "input_schema": {
            "type": "object",
            "properties": {"n": {"type": "numbr"}, "k": {"type": "integer", "default": "x"}},
        },
        "steps": [
            {"id": "a", "title": "A", "capability": "statistics",
             "instruction": "mean of {{ inputs.numbers }}", "depends_on": ["ghost"]},
            {"id": "b", "title": "B", "capability": "teleportation",
             "instruction": "use {{ steps.c.data.x }}", "depends_on": ["a", "c"],
             "condition": "steps.a.data.mean >"},
            {"id": "c", "title": "C", "capability": "calculation", "instruction": "{{ oops",
             "depends_on": ["b"], "inputs": {"v": "steps.d.data", "w": "nowhere"}},
        ],
        "outputs": {"m": "steps.zz.data.mean"},
    }  # fmt: skip
    before = api.get("/api/workflows").json()["total"]
    response = api.post("/api/workflows", json=bad)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_workflow"
    problems = {(p["field"], p["problem"]) for p in error["details"]["errors"]}
    fields = [p["field"] for p in error["details"]["errors"]]
    expected = {
        "steps.0.depends_on",  # unknown step id
        "steps.1.capability",  # unknown capability
        "steps.1.depends_on",  # the cycle b -> c -> b
        "steps.1.condition",  # does not parse
        "steps.2.instruction",  # does not parse
        "steps.2.inputs.v",  # a step that is not an ancestor
        "steps.2.inputs.w",  # not a path
        "outputs.m",  # a step that does not exist
        "input_schema.properties.n.type",  # not a JSON Schema
    }
    assert expected <= set(fields), problems
    assert any("cycle" in p for f, p in problems if f == "steps.1.depends_on")
    assert any("teleportation" in p for f, p in problems if f == "steps.1.capability")
    # Each problem is in the message too, and nothing was saved.
    assert all(p in error["message"] for _, p in problems)
    assert api.get("/api/workflows").json()["total"] == before

    # With the schema fixed, the template problems it hid come out.
    fixed = copy.deepcopy(bad)
    fixed["input_schema"]["properties"]["n"]["type"] = "number"
    errors = api.post("/api/workflows", json=fixed).json()["error"]["details"]["errors"]
    fields = [p["field"] for p in errors]
    assert "input_schema.properties.k.default" in fields  # a default of the wrong type
    assert any(
        p["field"] == "steps.0.instruction" and "'numbers'" in p["problem"] for p in errors
    ), errors  # an input the schema does not declare


def test_a_template_may_name_only_steps_it_depends_on(api: httpx.Client) -> None:
    definition = copy.deepcopy(STATS)
    definition["steps"][2]["instruction"] = (
        "Compute {{ steps.s1.data.mean }} + 1"  # s1: grand-parent
    )
    assert api.post("/api/workflows", json=definition).status_code == 201
    definition["steps"][1]["depends_on"] = []
    definition["steps"][1]["condition"] = None
    response = api.post("/api/workflows", json=definition)
    assert response.status_code == 422
    errors = response.json()["error"]["details"]["errors"]
    # s2 names s1, and so does s3, whose grand-parent it is no more.
    assert [e["field"] for e in errors] == ["steps.1.instruction", "steps.2.instruction"], errors
    assert all("'s1', which is not a step this one depends on" in e["problem"] for e in errors)


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"inputs": {}}, "inputs.numbers", "required"),
        ({"inputs": {"numbers": [1, "two"]}}, "inputs.numbers.1", "not of type"),
        ({"inputs": {"numbers": []}}, "inputs.numbers", "less than 1 item"),
        ({"inputs": {"numbers": [1], "unit": "lb"}}, "inputs.unit", "is not one of"),
        ({"inputs": {"numbers": [1], "threshold": "high"}}, "inputs.threshold", "not of type"),
        ({"inputs": [1, 2]}, "inputs", "valid dictionary"),
    ],
)
def test_bad_inputs_are_422_naming_the_field(
    api: httpx.Client, body: dict[str, Any], field: str, words: str
) -> None:
    saved = _save(api)
    response = api.post(f"/api/workflows/{saved['id']}/runs", json=body)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] in ("invalid_inputs", "invalid_input")
    assert any(p["field"] == field and words in p["problem"] for p in error["details"]["errors"]), (
        error
    )
    assert api.get(f"/api/workflows/{saved['id']}/runs").json()["total"] == 0


def test_a_run_renders_step_data_into_the_next_instruction(api: httpx.Client) -> None:
    saved = _save(api)
    task = _run(api, saved["id"], {"numbers": [3, 5, 10, 40]})
    assert task["status"] == "completed", task
    TaskPublic.model_validate(task)
    assert task["planner"] == "workflow"
    assert (task["workflow_id"], task["workflow_version"]) == (saved["id"], 1)
    steps = _steps(task)
    # Rendered at submit (inputs only) and when sent (with s1's real mean, 14.5).
    assert steps["s1"]["instruction"] == "Compute the mean of 3, 5, 10, 40"
    assert steps["s1"]["output_data"]["mean"] == pytest.approx(14.5)
    assert steps["s2"]["instruction"] == "Compute 14.5 * 2"
    assert steps["s2"]["output_data"]["result"] == pytest.approx(29)  # the agent read 14.5
    assert steps["s3"]["status"] == "completed"
    # The outputs mapping shapes the result.
    assert task["result_data"]["outputs"] == {"mean": 14.5, "double": 29}


def test_a_false_condition_skips_the_step_and_those_that_need_it(api: httpx.Client) -> None:
    saved = _save(api)
    response = api.post(
        f"/api/workflows/{saved['id']}/runs",
        json={"inputs": {"numbers": [1, 2, 3]}},
        params={"wait": 30},
    )
    assert response.status_code == 200, response.text  # answered once the run has ended
    task = response.json()
    assert task["status"] == "completed", task
    steps = _steps(task)
    assert steps["s1"]["status"] == "completed"
    assert steps["s2"]["status"] == "skipped" and steps["s3"]["status"] == "skipped"
    assert steps["s2"]["agent"] and steps["s2"]["attempts"] == 0  # never sent
    assert steps["s2"]["instruction"] == STATS["steps"][1]["instruction"]  # never rendered
    assert task["result_data"]["outputs"] == {"mean": 2, "double": None}
    events = task_events(api, task["id"])
    skipped = {e["step_id"]: e["data"] for e in events if e["type"] == "step.skipped"}
    assert skipped["s2"]["reason"] == "its condition is false: " + STATS["steps"][1]["condition"]
    assert "s2" in skipped["s3"]["reason"]
    assert events[-1]["type"] == "task.completed"


def test_a_step_may_run_when_what_it_needs_was_skipped(api: httpx.Client) -> None:
    definition = copy.deepcopy(STATS)
    definition["steps"][2]["when_skipped"] = "run"
    definition["steps"][2]["instruction"] = (
        "Compute {{ steps.s2.data.result if steps.s2.status == 'completed' else 0 }} + 1"
    )
    saved = _save(api, definition)
    steps = _steps(_run(api, saved["id"], {"numbers": [1, 2, 3]}))
    assert steps["s2"]["status"] == "skipped"
    assert steps["s3"]["status"] == "completed"
    assert steps["s3"]["instruction"] == "Compute 0 + 1"
    assert steps["s3"]["output_data"]["result"] == pytest.approx(1)


def test_mappings_put_selected_values_in_the_step_data(api: httpx.Client) -> None:
    definition = {
        "name": "mapped",
        "input_schema": {"type": "object", "properties": {"numbers": {"type": "array"}}},
        "steps": [
            {"id": "s1", "title": "Median", "capability": "statistics",
             "instruction": "Compute the median of the values",
             "inputs": {"values": "inputs.numbers"}},
        ],
        "outputs": {"median": "steps.s1.data.result", "given": "inputs.numbers"},
    }  # fmt: skip
    saved = _save(api, definition)
    task = _run(api, saved["id"], {"numbers": [4, 8, 15, 16, 23]})
    assert task["status"] == "completed", task
    # The numbers reached the agent only through the step's data part.
    assert task["result_data"]["outputs"] == {"median": 15, "given": [4, 8, 15, 16, 23]}


def test_a_template_failing_on_real_data_fails_the_step_with_the_reason(
    api: httpx.Client,
) -> None:
    definition = copy.deepcopy(STATS)
    definition["steps"][1]["instruction"] = "Compute {{ steps.s1.data.no_such_figure }} * 2"
    definition["steps"][1]["condition"] = None
    saved = _save(api, definition)
    task = _run(api, saved["id"], {"numbers": [1, 2]})
    assert task["status"] == "failed"
    steps = _steps(task)
    assert steps["s2"]["status"] == "failed" and steps["s2"]["attempts"] == 0
    assert "no_such_figure" in steps["s2"]["error"] and "no_such_figure" in task["error"]
    assert steps["s3"]["status"] == "skipped"


def test_runs_record_their_version_and_are_listed_per_workflow(api: httpx.Client) -> None:
    saved = _save(api)
    first = _run(api, saved["id"], {"numbers": [1, 3]})
    changed = copy.deepcopy(STATS)
    changed["steps"][0]["instruction"] = "Compute the median of {{ inputs.numbers | join(', ') }}"
    assert api.put(f"/api/workflows/{saved['id']}", json=changed).status_code == 200
    second = _run(api, saved["id"], {"numbers": [1, 2, 9]})
    third = _run(api, saved["id"], {"numbers": [2, 4]})
    other = api.post("/api/tasks", json={"description": "compute the sum of 1 and 2"}).json()
    assert first["workflow_version"] == 1 and second["workflow_version"] == 2
    assert _steps(second)["s1"]["instruction"] == "Compute the median of 1, 2, 9"
    page = api.get(f"/api/workflows/{saved['id']}/runs", params={"limit": 2}).json()
    # The newest task is not a run of this workflow: not listed.
    assert other["id"] not in {t["id"] for t in page["items"]}
    assert page["total"] == 3 and [t["id"] for t in page["items"]] == [third["id"], second["id"]]
    assert page["items"][0]["workflow_id"] == saved["id"]
    rest = api.get(f"/api/workflows/{saved['id']}/runs", params={"limit": 2, "offset": 2}).json()
    assert [t["id"] for t in rest["items"]] == [first["id"]]
    done = api.get(f"/api/workflows/{saved['id']}/runs", params={"status": "failed"}).json()
    assert done["total"] == 0
    # Runs are tasks: in the task list, with their workflow.
    listed = api.get("/api/tasks", params={"limit": 200}).json()["items"]
    assert next(t for t in listed if t["id"] == first["id"])["workflow_version"] == 1
    # The list says how many runs each workflow has, without a request per workflow.
    unrun = _save(api)
    workflows = {
        w["id"]: w for w in api.get("/api/workflows", params={"limit": 200}).json()["items"]
    }
    assert (workflows[saved["id"]]["runs"], workflows[unrun["id"]]["runs"]) == (3, 0)
    assert api.get(f"/api/workflows/{saved['id']}").json()["runs"] == 3


def test_a_run_is_a_task_with_its_events(api: httpx.Client) -> None:
    saved = _save(api)
    task = _run(api, saved["id"], {"numbers": [20, 30]})
    types = [e["type"] for e in task_events(api, task["id"])]
    assert types[0] == "task.created" and types[-1] == "task.completed"
    planned = next(e for e in task_events(api, task["id"]) if e["type"] == "task.planned")
    assert planned["data"]["planner"] == "workflow"
    assert "version 1" in planned["data"]["reason"]
    assert api.post(f"/api/tasks/{task['id']}/cancel").status_code == 409


def test_openapi_documents_the_workflow_endpoints(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    assert set(paths["/api/workflows"]) == {"get", "post"}
    assert set(paths["/api/workflows/{workflow_id}"]) == {"get", "put", "delete"}
    assert "get" in paths["/api/workflows/{workflow_id}/versions"]
    assert set(paths["/api/workflows/{workflow_id}/runs"]) == {"get", "post"}


def test_first_steps_with_conditions_on_inputs_start_or_skip_together(api: httpx.Client) -> None:
    definition = {
        "name": "branches",
        "input_schema": {
            "type": "object",
            "properties": {"detail": {"type": "boolean", "default": False}},
        },
        "steps": [
            {"id": "short", "title": "Sum", "capability": "calculation",
             "instruction": "Compute 2 + 3", "condition": "not inputs.detail"},
            {"id": "long", "title": "Statistics", "capability": "statistics",
             "instruction": "Compute the mean of 2, 3 and 7", "condition": "inputs.detail"},
        ],
        "outputs": {"sum": "steps.short.data.result", "mean": "steps.long.data.mean"},
    }  # fmt: skip
    saved = _save(api, definition)
    brief = _run(api, saved["id"], {})
    assert brief["status"] == "completed", brief
    assert [s["status"] for s in brief["steps"]] == ["completed", "skipped"]
    assert brief["result_data"]["outputs"] == {"sum": 5, "mean": None}
    detailed = _run(api, saved["id"], {"detail": True})
    assert [s["status"] for s in detailed["steps"]] == ["skipped", "completed"]
    assert detailed["result_data"]["outputs"] == {"sum": None, "mean": 4}


FAN_OUT: dict[str, Any] = {
    "name": "Means of series",
    "input_schema": {
        "type": "object",
        "properties": {
            "series": {
                "type": "array",
                "items": {"type": "array", "items": {"type": "number"}, "minItems": 2},
            }
        },
        "required": ["series"],
    },
    "steps": [
        {"id": "mean", "title": "Mean", "capability": "statistics", "for_each": "inputs.series",
         "instruction": "Compute the mean of {{ item | join(', ') }}"},
        {"id": "total", "title": "Total", "capability": "calculation", "depends_on": ["mean"],
         "instruction": "Compute {{ steps.mean.data | map(attribute='mean') | map('string')"
                        " | join(' + ') }}"},
    ],
    "outputs": {"means": "steps.mean.data", "total": "steps.total.data.result"},
}  # fmt: skip


def test_a_step_runs_once_per_item_and_its_dependent_gets_the_results_in_order(
    api: httpx.Client,
) -> None:
    saved = _save(api, FAN_OUT)
    task = _run(api, saved["id"], {"series": [[1, 3], [10, 20, 30], [5, 7]]})
    assert task["status"] == "completed", task
    steps = _steps(task)
    assert list(steps) == ["mean#0", "mean#1", "mean#2", "total"]
    assert steps["mean#1"]["instruction"] == "Compute the mean of 10, 20, 30"
    assert steps["total"]["instruction"] == "Compute 2.0 + 20.0 + 6.0"
    assert steps["total"]["output_data"]["result"] == pytest.approx(28)
    assert [d["mean"] for d in task["result_data"]["outputs"]["means"]] == [2, 20, 6]
    # No items: the step has no run, and its dependent sees an empty list.
    # With nothing to compute on, the analyst asks for the numbers.
    empty = _run(api, saved["id"], {"series": []}, ("input_required", "completed", "failed"))
    assert list(_steps(empty)) == ["total"]
    assert _steps(empty)["total"]["instruction"] == "Compute "
    assert empty["status"] == "input_required", empty
    assert "No numbers" in _steps(empty)["total"]["question"]["text"]
    assert api.post(f"/api/tasks/{empty['id']}/cancel").status_code == 200


def test_too_many_items_for_a_plan_are_refused_naming_the_input(api: httpx.Client) -> None:
    saved = _save(api, FAN_OUT)
    response = api.post(
        f"/api/workflows/{saved['id']}/runs", json={"inputs": {"series": [[1, 2]] * 30}}
    )
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_inputs"
    assert error["details"]["errors"][0]["field"] == "inputs.series"
    assert "30 items" in error["details"]["errors"][0]["problem"]


# Save, run with inputs, a step skipped by its condition, a step run once per value the
# statistics step found (five), a join reading their results in order, and the outputs.
SQUARES: dict[str, Any] = {
    "name": "Sum of squares",
    "input_schema": {
        "type": "object",
        "properties": {
            "numbers": {"type": "array", "items": {"type": "number"}, "minItems": 1},
            "threshold": {"type": "number", "default": 100},
        },
        "required": ["numbers"],
    },
    "steps": [
        {"id": "stats", "title": "Statistics", "capability": "statistics",
         "instruction": "Compute the mean of {{ inputs.numbers | join(', ') }}"},
        {"id": "big", "title": "Double a big mean", "capability": "calculation",
         "depends_on": ["stats"], "condition": "steps.stats.data.mean > inputs.threshold",
         "instruction": "Compute {{ steps.stats.data.mean }} * 2"},
        {"id": "square", "title": "Square", "capability": "calculation",
         "depends_on": ["stats"], "for_each": "steps.stats.data.values",
         "instruction": "Compute {{ item }} * {{ item }}"},
        {"id": "total", "title": "Sum", "capability": "calculation", "depends_on": ["square"],
         "instruction": "Compute "
                        "{{ steps.square.data | map(attribute='result') | join(' + ') }}"},
    ],
    "outputs": {
        "mean": "steps.stats.data.mean",
        "doubled": "steps.big.data.result",
        "squares": "steps.square.data",
        "sum_of_squares": "steps.total.data.result",
    },
}  # fmt: skip


def test_a_run_skips_fans_out_over_a_step_s_data_joins_in_order_and_maps_its_result(
    api: httpx.Client,
) -> None:
    saved = _save(api, SQUARES)
    task = _run(api, saved["id"], {"numbers": [3, 1, 4, 2, 5]})
    assert task["status"] == "completed", task
    steps = _steps(task)
    items = [f"square#{n}" for n in range(5)]
    assert list(steps) == ["stats", "big", "square", "total", *items]
    assert steps["big"]["status"] == "skipped"
    assert steps["square"]["kind"] == "fan_out"
    assert [steps[i]["status"] for i in items] == ["completed"] * 5
    # Each item in the order the statistics step listed its values.
    assert [steps[i]["output_data"]["result"] for i in items] == [9, 1, 16, 4, 25]
    assert steps["total"]["output_data"]["result"] == pytest.approx(55)
    outputs = task["result_data"]["outputs"]
    assert outputs["mean"] == pytest.approx(3)
    assert outputs["doubled"] is None
    assert [d["result"] for d in outputs["squares"]] == [9, 1, 16, 4, 25]
    assert outputs["sum_of_squares"] == pytest.approx(55)
