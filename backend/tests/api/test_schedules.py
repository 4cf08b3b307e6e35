"""Workflow schedules through the REST API of a real orchestrator: made, checked, listed,
paused, resumed, previewed and deleted."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from tests.api.test_workflows import STATS, _save


def _schedules(workflow_id: str) -> str:
    return f"/api/workflows/{workflow_id}/schedules"


def test_a_schedule_is_made_with_its_next_times_and_managed(api: httpx.Client) -> None:
    workflow = _save(api)
    body = {"cron": "30 9 * * 1-5", "timezone": "Europe/Paris", "inputs": {"numbers": [1, 2]}}
    made = api.post(_schedules(workflow["id"]), json=body)
    assert made.status_code == 201, made.text
    schedule = made.json()
    assert (schedule["catch_up"], schedule["overlap"], schedule["paused"]) == (
        "skip",
        "skip",
        False,
    )
    preview = [datetime.fromisoformat(t) for t in schedule["preview"]]
    assert len(preview) == 5 and preview == sorted(preview)
    for moment in preview:  # weekdays at 09:30 in Paris, whatever that is in UTC
        local = moment.astimezone(ZoneInfo("Europe/Paris"))
        assert (local.hour, local.minute, local.weekday() < 5) == (9, 30, True)
    assert datetime.fromisoformat(schedule["next_fire_at"]) == preview[0]

    base = f"{_schedules(workflow['id'])}/{schedule['id']}"
    assert api.get(_schedules(workflow["id"])).json()["items"] == [api.get(base).json()]
    shown = api.get(f"{base}/preview", params={"count": 8}).json()["times"]
    assert shown[:5] == schedule["preview"] and len(shown) == 8
    assert api.get(f"{base}/preview", params={"count": 0}).status_code == 422

    paused = api.post(f"{base}/pause").json()
    assert paused["paused"] and paused["next_fire_at"] is None
    resumed = api.post(f"{base}/resume").json()
    assert not resumed["paused"] and resumed["next_fire_at"] == schedule["next_fire_at"]

    assert api.delete(base).status_code == 204
    assert api.get(base).json()["error"]["code"] == "schedule_not_found"
    assert api.get(_schedules(workflow["id"])).json()["items"] == []


def test_a_schedule_s_problems_are_named_before_it_is_made(api: httpx.Client) -> None:
    workflow = _save(api)
    good: dict[str, Any] = {"cron": "0 * * * *", "inputs": {"numbers": [1]}}
    cases = [
        ({**good, "cron": "every day"}, "invalid_schedule", "cron"),
        ({**good, "timezone": "Mars/Olympus"}, "invalid_schedule", "timezone"),
        ({**good, "inputs": {}}, "invalid_inputs", "inputs.numbers"),
        ({**good, "inputs": {"numbers": ["x"]}}, "invalid_inputs", "inputs.numbers.0"),
    ]
    for body, code, field in cases:
        response = api.post(_schedules(workflow["id"]), json=body)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["code"] == code, error
        assert field in [p["field"] for p in error["details"]["errors"]], error
    bad_policy = api.post(_schedules(workflow["id"]), json={**good, "overlap": "pile-up"})
    assert bad_policy.status_code == 422
    assert api.get(_schedules(workflow["id"])).json()["items"] == []  # nothing half-made
    missing = api.post(_schedules("nope"), json=good)
    assert missing.json()["error"]["code"] == "workflow_not_found"


def test_a_deleted_workflow_takes_its_schedules_with_it(api: httpx.Client) -> None:
    workflow = _save(api, STATS)
    made = api.post(_schedules(workflow["id"]), json={"cron": "@daily", "inputs": {"numbers": [1]}})
    assert made.status_code == 201, made.text
    assert api.delete(f"/api/workflows/{workflow['id']}").status_code == 204
    gone = api.get(f"{_schedules(workflow['id'])}/{made.json()['id']}")
    assert gone.status_code == 404
