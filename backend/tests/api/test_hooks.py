"""Workflow webhooks through a real orchestrator: a delivery starts a run, once per delivery
id; a rotated or unknown token is refused alike; signed hooks refuse bad or stale
signatures."""

from __future__ import annotations

import json
import time

import httpx

from orchestra.workflows.hooks import sign
from tests.api.test_workflows import _save
from tests.stack import wait_for_task


def _hook(api: httpx.Client, workflow_id: str, signed: bool = False) -> dict[str, str]:
    response = api.post(f"/api/workflows/{workflow_id}/hooks", json={"signed": signed})
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_a_delivery_starts_a_run_once_per_delivery_id(api: httpx.Client) -> None:
    workflow = _save(api)
    hook = _hook(api, workflow["id"])
    assert hook["url"] == f"/api/hooks/{hook['token']}" and hook["signing_secret"] is None
    shown = api.get(f"/api/workflows/{workflow['id']}/hooks").json()
    assert "token" not in shown and hook["token"].startswith(shown["token_prefix"])

    headers = {"X-GitHub-Delivery": "delivery-1"}
    first = api.post(hook["url"], json={"numbers": [4, 8]}, headers=headers)
    assert first.status_code == 202, first.text
    run = wait_for_task(api, first.json()["id"], ("completed", "failed"))
    assert run["status"] == "completed", run
    assert run["workflow_id"] == workflow["id"]
    assert run["result_data"]["outputs"]["mean"] == 6
    assert run["metadata"]["hook"] == {"id": hook["id"], "delivery": "delivery-1"}

    again = api.post(hook["url"], json={"numbers": [1]}, headers=headers)
    assert again.status_code == 200 and again.json()["id"] == run["id"]  # nothing new
    other = api.post(hook["url"], json={"numbers": [1]}, headers={"X-Orchestra-Delivery": "d2"})
    assert other.status_code == 202 and other.json()["id"] != run["id"]
    runs = api.get(f"/api/workflows/{workflow['id']}/runs").json()
    assert runs["total"] == 2


def test_a_delivery_s_inputs_are_checked(api: httpx.Client) -> None:
    workflow = _save(api)
    url = _hook(api, workflow["id"])["url"]
    wrong = api.post(url, json={"numbers": "many"})
    assert wrong.status_code == 422
    error = wrong.json()["error"]
    assert error["code"] == "invalid_inputs"
    assert [p["field"] for p in error["details"]["errors"]] == ["inputs.numbers"]
    for body in (b"[1, 2]", b"{not json"):
        refused = api.post(url, content=body, headers={"Content-Type": "application/json"})
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["details"]["errors"][0]["field"] == "body"
    assert api.get(f"/api/workflows/{workflow['id']}/runs").json()["total"] == 0


def test_a_rotated_token_stops_the_old_url_as_an_unknown_one(api: httpx.Client) -> None:
    workflow = _save(api)
    old = _hook(api, workflow["id"])
    new = _hook(api, workflow["id"])
    assert new["id"] == old["id"] and new["token"] != old["token"]
    refused = api.post(old["url"], json={"numbers": [1]})
    unknown = api.post("/api/hooks/whk_never-made", json={"numbers": [1]})
    assert refused.status_code == unknown.status_code == 404
    assert refused.json() == unknown.json()  # nothing tells the two apart
    assert refused.json()["error"]["code"] == "hook_not_found"
    assert old["token"] not in refused.text
    assert api.post(new["url"], json={"numbers": [1]}).status_code == 202
    assert api.delete(f"/api/workflows/{workflow['id']}/hooks").status_code == 204
    assert api.post(new["url"], json={"numbers": [1]}).status_code == 404
    assert api.get(f"/api/workflows/{workflow['id']}/hooks").status_code == 404


def test_a_signed_hook_refuses_bad_or_stale_signatures(api: httpx.Client) -> None:
    workflow = _save(api)
    hook = _hook(api, workflow["id"], signed=True)
    secret = hook["signing_secret"]
    assert secret and api.get(f"/api/workflows/{workflow['id']}/hooks").json()["signed"]
    body = json.dumps({"numbers": [2, 4]}).encode()

    def post(timestamp: str | None, signature: str | None) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if timestamp is not None:
            headers["X-Orchestra-Timestamp"] = timestamp
        if signature is not None:
            headers["X-Orchestra-Signature"] = signature
        return api.post(hook["url"], content=body, headers=headers)

    now = str(int(time.time()))
    stale = str(int(time.time()) - 3600)
    for timestamp, signature in (
        (None, None),  # unsigned
        (now, sign("whsec_another-secret", now, body)),  # signed with another key
        (now, sign(secret, now, body + b" ")),  # over another body
        (stale, sign(secret, stale, body)),  # right, but an hour old: a replay
        ("soon", sign(secret, "soon", body)),
    ):
        refused = post(timestamp, signature)
        assert refused.status_code == 401, (timestamp, refused.text)
        assert refused.json()["error"]["code"] == "bad_signature"
    assert api.get(f"/api/workflows/{workflow['id']}/runs").json()["total"] == 0
    accepted = post(now, sign(secret, now, body))
    assert accepted.status_code == 202, accepted.text
