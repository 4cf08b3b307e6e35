"""A finished task saved as a workflow, through the REST API of a real orchestrator with
keys on, the real analyst agent and the slow test agent."""

from __future__ import annotations

import httpx
import pytest

from orchestra.client import BadRequest, Orchestra
from tests.api.test_security import Secured, secured  # noqa: F401  (the module's stack)
from tests.stack import wait_for_task

DESCRIPTION = "Compute the mean of 4, 8 and 15"


def _finished(client: httpx.Client, description: str) -> dict[str, object]:
    created = client.post("/api/tasks", json={"description": description})
    assert created.status_code == 202, created.text
    task = wait_for_task(client, created.json()["id"], ("completed", "failed"), timeout=60)
    assert task["status"] == "completed", task
    return task


def test_a_finished_task_becomes_a_workflow_whose_inputs_are_its_values(
    secured: Secured,  # noqa: F811
) -> None:
    with secured.client(secured.alice) as alice:
        task = _finished(alice, DESCRIPTION)
        saved = alice.post(f"/api/tasks/{task['id']}/save-as-workflow", json={"name": "Means"})
        assert saved.status_code == 201, saved.text
        workflow = saved.json()
        assert workflow["version"] == 1 and workflow["description"] == DESCRIPTION
        properties = workflow["input_schema"]["properties"]
        assert {name: (p["type"], p["default"]) for name, p in properties.items()} == {
            "number_1": ("integer", 4),
            "number_2": ("integer", 8),
            "number_3": ("integer", 15),
        }
        step = workflow["steps"][0]
        assert step["capability"] == task["steps"][0]["capability"]  # type: ignore[index]
        for name in properties:
            assert "{{ inputs." + name + " }}" in step["instruction"], step
        # Run with no inputs: the task again; with others: those in the instruction.
        again = alice.post(f"/api/workflows/{workflow['id']}/runs?wait=30", json={"inputs": {}})
        assert again.json()["steps"][0]["instruction"] == task["steps"][0]["instruction"]  # type: ignore[index]
        assert again.json()["steps"][0]["output_data"]["mean"] == 9
        other = alice.post(
            f"/api/workflows/{workflow['id']}/runs?wait=30",
            json={"inputs": {"number_1": 10, "number_3": 42}},
        ).json()
        assert other["status"] == "completed", other
        assert "10" in other["steps"][0]["instruction"] and "42" in other["steps"][0]["instruction"]
        assert other["steps"][0]["output_data"]["mean"] == 20  # (10 + 8 + 42) / 3


def test_only_an_ended_task_of_one_s_own_is_saved_under_a_new_name(
    secured: Secured,  # noqa: F811
) -> None:
    with secured.client(secured.alice) as alice, secured.client(secured.bob) as bob:
        task = _finished(alice, "Compute the sum of 2 and 3")
        path = f"/api/tasks/{task['id']}/save-as-workflow"
        # Another owner's task is not found; so is no task at all.
        for response in (
            bob.post(path, json={"name": "Mine"}),
            alice.post("/api/tasks/nope/save-as-workflow", json={"name": "Mine"}),
        ):
            assert response.status_code == 404, response.text
            assert response.json()["error"]["code"] == "task_not_found"
        for name, code in (("", "invalid_input"), ("   ", "invalid_name")):
            response = alice.post(path, json={"name": name})
            assert response.status_code == 422, response.text
            assert response.json()["error"]["code"] == code
        assert alice.post(path, json={"name": "Sums"}).status_code == 201
        twice = alice.post(path, json={"name": "Sums"})
        assert twice.status_code == 422, twice.text
        assert twice.json()["error"]["code"] == "duplicate_workflow_name"
        # The Python client says the same.
        with Orchestra(secured.url, secured.alice) as client:
            with pytest.raises(BadRequest) as refused:
                client.save_task_as_workflow(str(task["id"]), "Sums")
            assert refused.value.code == "duplicate_workflow_name"
            assert client.save_task_as_workflow(str(task["id"]), "Sums 2").name == "Sums 2"
        # Bob's own workflow may have that name: names are per owner.
        bobs = _finished(bob, "Compute the sum of 2 and 3")
        mine = bob.post(f"/api/tasks/{bobs['id']}/save-as-workflow", json={"name": "Sums"})
        assert mine.status_code == 201, mine.text
        # A task still running has no finished plan to save.
        plan = {"steps": [{"id": "s1", "title": "Wait", "capability": "wait-a",
                           "instruction": "wait 30"}]}  # fmt: skip
        running = alice.post("/api/tasks", json={"description": "wait", "plan": plan}).json()
        try:
            response = alice.post(
                f"/api/tasks/{running['id']}/save-as-workflow", json={"name": "Waits"}
            )
            assert response.status_code == 409, response.text
            assert response.json()["error"]["code"] == "task_not_finished"
        finally:
            alice.post(f"/api/tasks/{running['id']}/cancel")
