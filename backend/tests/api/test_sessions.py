"""Sessions keep the conversation: the user's tasks and the results they got."""

from __future__ import annotations

import httpx

from tests.stack import wait_for_task


def test_session_records_tasks_and_results(api: httpx.Client) -> None:
    created = api.post("/api/sessions", json={"title": "numbers"})
    assert created.status_code == 201
    session = created.json()
    task = api.post(
        "/api/tasks",
        json={"description": "compute the average of 2, 4 and 9", "session_id": session["id"]},
    ).json()
    assert task["session_id"] == session["id"]
    wait_for_task(api, task["id"], ("completed",))
    messages = api.get(f"/api/sessions/{session['id']}/messages").json()
    assert [m["role"] for m in messages["items"]] == ["user", "assistant"]
    assert messages["items"][0]["content"] == "compute the average of 2, 4 and 9"
    assert "5" in messages["items"][1]["content"]
    detail = api.get(f"/api/sessions/{session['id']}").json()
    assert detail["messages"] == 2 and detail["tasks"] == 1
    page = api.get("/api/sessions", params={"limit": 200}).json()
    mine = next(s for s in page["items"] if s["id"] == session["id"])
    assert mine["messages"] == 2 and mine["tasks"] == 1
    listed = api.get("/api/tasks", params={"session_id": session["id"]}).json()
    assert [t["id"] for t in listed["items"]] == [task["id"]]


def test_unknown_session(api: httpx.Client) -> None:
    assert api.get("/api/sessions/nope").json()["error"]["code"] == "session_not_found"
    assert api.get("/api/sessions/nope/messages").status_code == 404
    bad = api.post("/api/sessions", json={"title": "x" * 500})
    assert bad.status_code == 422
