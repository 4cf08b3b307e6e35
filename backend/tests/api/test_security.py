"""Keys, roles, ownership, limits and exposure rules, against a real orchestrator with auth on."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest

from orchestra.client import Forbidden, NotFound, Orchestra, Unauthorized
from tests.stack import Stack, wait_for_task

LIMITS = {
    "AUTH_ENABLED": "true",
    "TASKS_PER_MINUTE": "6",
    "MAX_EVENT_STREAMS": "1",
    "MAX_REQUEST_BYTES": "4096",
    "MAX_DOCUMENT_BYTES": "8192",
}


@dataclass
class Secured:
    stack: Stack
    url: str
    admin: str
    alice: str
    bob: str

    def client(self, key: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


def _key(stack: Stack, role: str, name: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "orchestra", "keys", "create", "--role", role, "--name", name],
        env=stack.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Secured]:
    data_dir = tmp_path_factory.mktemp("secured")
    stack = Stack(data_dir, settings=dict(LIMITS))
    try:
        analyst = stack.add("analyst-agent").start()
        # Its steps take as long as their instruction says ("wait N"): tasks that stay open.
        slow = stack.add_slow_agent("slow-agent", 30, data_dir / "slow-calls.txt").start()
        admin = _key(stack, "admin", "ops")
        alice, bob = _key(stack, "user", "alice"), _key(stack, "user", "bob")
        orchestrator = stack.add("orchestrator").start()
        with httpx.Client(base_url=orchestrator.url) as http:
            for agent in (analyst, slow):
                response = http.post(
                    "/api/agents",
                    json={"card_url": agent.url},
                    headers={"Authorization": f"Bearer {admin}"},
                )
                assert response.status_code == 201, response.text
        yield Secured(stack, orchestrator.url, admin, alice, bob)
    finally:
        stack.stop()


API_CALLS = [
    ("GET", "/api/tasks"),
    ("POST", "/api/tasks"),
    ("GET", "/api/tasks/x"),
    ("POST", "/api/tasks/x/cancel"),
    ("GET", "/api/tasks/x/events"),
    ("DELETE", "/api/tasks/x"),
    ("GET", "/api/agents"),
    ("POST", "/api/agents"),
    ("GET", "/api/agents/x"),
    ("PATCH", "/api/agents/x"),
    ("DELETE", "/api/agents/x"),
    ("GET", "/api/models"),
    ("GET", "/api/sessions"),
    ("POST", "/api/sessions"),
    ("GET", "/api/sessions/x"),
    ("GET", "/api/sessions/x/messages"),
    ("DELETE", "/api/sessions/x"),
    ("GET", "/api/auth/me"),
    ("GET", "/api/workflows"),
    ("POST", "/api/workflows"),
    ("GET", "/api/workflows/x"),
    ("PUT", "/api/workflows/x"),
    ("DELETE", "/api/workflows/x"),
    ("GET", "/api/workflows/x/versions"),
    ("GET", "/api/workflows/x/runs"),
    ("POST", "/api/workflows/x/runs"),
    ("POST", "/api/documents"),
    ("GET", "/api/documents"),
    ("GET", "/api/documents/search?q=x"),
    ("GET", "/api/documents/x"),
    ("DELETE", "/api/documents/x"),
    ("POST", "/api/workflows/x/schedules"),
    ("GET", "/api/workflows/x/schedules"),
    ("GET", "/api/workflows/x/schedules/y"),
    ("POST", "/api/workflows/x/schedules/y/pause"),
    ("POST", "/api/workflows/x/schedules/y/resume"),
    ("DELETE", "/api/workflows/x/schedules/y"),
    ("GET", "/api/workflows/x/schedules/y/preview"),
    ("POST", "/api/workflows/x/hooks"),
    ("GET", "/api/workflows/x/hooks"),
    ("DELETE", "/api/workflows/x/hooks"),
    ("POST", "/api/tasks/x/save-as-workflow"),
]


@pytest.mark.parametrize(("method", "path"), API_CALLS)
@pytest.mark.parametrize("key", [None, "orc_not-a-key"])
def test_every_endpoint_needs_a_valid_key(
    secured: Secured, method: str, path: str, key: str | None
) -> None:
    with secured.client(key) as client:
        response = client.request(method, path, json={} if method in ("POST", "PATCH") else None)
    assert response.status_code == 401, (method, path, response.text)
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_health_and_docs_stay_open(secured: Secured) -> None:
    with secured.client(None) as client:
        assert client.get("/health").status_code == 200
        assert client.get("/ready").status_code == 200
        assert client.get("/openapi.json").status_code == 200


def test_me_names_the_caller(secured: Secured) -> None:
    with secured.client(secured.alice) as alice, secured.client(secured.admin) as admin:
        assert alice.get("/api/auth/me").json()["role"] == "user"
        me = admin.get("/api/auth/me").json()
        assert me["role"] == "admin" and me["auth_enabled"] is True


def test_users_cannot_manage_agents(secured: Secured) -> None:
    with secured.client(secured.alice) as alice:
        agents = alice.get("/api/agents").json()["items"]
        assert agents  # reading is fine
        response = alice.post("/api/agents", json={"card_url": "http://127.0.0.1:1"})
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"
        assert alice.delete(f"/api/agents/{agents[0]['id']}").status_code == 403
        balancing = {"balancing": "round_robin"}
        changed = alice.patch(f"/api/agents/{agents[0]['id']}", json=balancing)
        assert changed.status_code == 403
        assert changed.json()["error"]["code"] == "forbidden"
        assert alice.get(f"/api/agents/{agents[0]['id']}").json()["balancing_default"] is True


def test_tasks_and_sessions_are_private_to_their_owner(secured: Secured) -> None:
    with (
        secured.client(secured.alice) as alice,
        secured.client(secured.bob) as bob,
        secured.client(secured.admin) as admin,
    ):
        session = alice.post("/api/sessions", json={"title": "mine"}).json()
        task = alice.post(
            "/api/tasks",
            json={"description": "compute the sum of 1 and 2", "session_id": session["id"]},
        ).json()
        wait_for_task(alice, task["id"], ("completed",))
        for path in (
            f"/api/tasks/{task['id']}",
            f"/api/tasks/{task['id']}/events",
            f"/api/sessions/{session['id']}",
            f"/api/sessions/{session['id']}/messages",
        ):
            response = bob.get(path)
            assert response.status_code == 404, path  # not 403: ids leak nothing
        assert bob.post(f"/api/tasks/{task['id']}/cancel").status_code == 404
        assert task["id"] not in {t["id"] for t in bob.get("/api/tasks").json()["items"]}
        assert session["id"] not in {s["id"] for s in bob.get("/api/sessions").json()["items"]}
        using = bob.post(
            "/api/tasks", json={"description": "sum of 3 and 4", "session_id": session["id"]}
        )
        assert using.status_code == 404
        assert task["id"] in {t["id"] for t in alice.get("/api/tasks").json()["items"]}
        assert admin.get(f"/api/tasks/{task['id']}").status_code == 200
        # Only the owner or an admin deletes.
        assert bob.delete(f"/api/tasks/{task['id']}").status_code == 404
        assert bob.delete(f"/api/sessions/{session['id']}").status_code == 404
        assert alice.get(f"/api/tasks/{task['id']}").status_code == 200
        other = alice.post("/api/tasks", json={"description": "sum of 5 and 6"}).json()
        assert admin.delete(f"/api/tasks/{other['id']}").status_code == 204
        assert alice.get(f"/api/tasks/{other['id']}").status_code == 404
        assert alice.delete(f"/api/sessions/{session['id']}").status_code == 204
        assert alice.get(f"/api/tasks/{task['id']}").status_code == 404


def test_the_python_client_sends_its_key(secured: Secured) -> None:
    with Orchestra(secured.url) as nobody, pytest.raises(Unauthorized):
        nobody.agents()
    with Orchestra(secured.url, secured.alice) as alice, Orchestra(secured.url, secured.bob) as bob:
        task = alice.run("compute the sum of 5 and 6", timeout=60)
        assert task.status == "completed", task.error
        with pytest.raises(NotFound):
            bob.task(task.id)
        with pytest.raises(Forbidden):
            alice.register_agent("http://127.0.0.1:9")


SUM_WORKFLOW = {
    "name": "sum",
    "input_schema": {"type": "object", "properties": {"a": {"type": "number"}}},
    "steps": [
        {"id": "s1", "title": "Sum", "capability": "calculation",
         "instruction": "Compute {{ inputs.a }} + 1"},
    ],
}  # fmt: skip


def test_workflows_and_their_runs_are_private_to_their_owner(secured: Secured) -> None:
    carol, dave = _key(secured.stack, "user", "carol"), _key(secured.stack, "user", "dave")
    with (
        secured.client(carol) as owner,
        secured.client(dave) as other,
        secured.client(secured.admin) as admin,
    ):
        saved = owner.post("/api/workflows", json=SUM_WORKFLOW)
        assert saved.status_code == 201, saved.text
        workflow = saved.json()
        assert workflow["owner"] != "local"
        run = owner.post(f"/api/workflows/{workflow['id']}/runs", json={"inputs": {"a": 2}})
        assert run.status_code == 202, run.text
        task = wait_for_task(owner, run.json()["id"], ("completed",))
        assert task["workflow_id"] == workflow["id"]
        base = f"/api/workflows/{workflow['id']}"
        for method, path in (
            ("GET", base),
            ("GET", f"{base}/versions"),
            ("GET", f"{base}/runs"),
            ("POST", f"{base}/runs"),
            ("PUT", base),
            ("DELETE", base),
        ):
            body = {"inputs": {"a": 1}} if path.endswith("runs") else SUM_WORKFLOW
            response = other.request(method, path, json=body if method in ("POST", "PUT") else None)
            assert response.status_code == 404, (method, path, response.text)  # as for tasks
            assert response.json()["error"]["code"] == "workflow_not_found"
        assert other.get(f"/api/tasks/{task['id']}").status_code == 404  # the run is a task
        assert workflow["id"] not in {w["id"] for w in other.get("/api/workflows").json()["items"]}
        assert workflow["id"] in {w["id"] for w in owner.get("/api/workflows").json()["items"]}
        # An admin sees every workflow and its runs.
        assert admin.get(base).status_code == 200
        runs = admin.get(f"{base}/runs").json()
        assert [t["id"] for t in runs["items"]] == [task["id"]]
        assert owner.get(base).json()["version"] == 1  # the refused PUT made no version


def test_documents_are_private_unless_an_admin_shares_them(secured: Secured) -> None:
    text = b"Tidal power turns the rise and fall of the sea into electricity for the grid."
    with (
        secured.client(secured.alice) as alice,
        secured.client(secured.bob) as bob,
        secured.client(secured.admin) as admin,
    ):
        mine = alice.post("/api/documents", files={"file": ("tides.txt", text)}).json()
        assert bob.get(f"/api/documents/{mine['id']}").status_code == 404
        assert bob.delete(f"/api/documents/{mine['id']}").status_code == 404
        assert mine["id"] not in {d["id"] for d in bob.get("/api/documents").json()["items"]}
        assert bob.get("/api/documents/search", params={"q": "tidal power"}).json()["items"] == []
        assert alice.get("/api/documents/search", params={"q": "tidal power"}).json()["items"]
        refused = bob.post(
            "/api/documents", files={"file": ("x.txt", text)}, data={"shared": "true"}
        )
        assert refused.status_code == 403
        shared = admin.post(
            "/api/documents", files={"file": ("grid.txt", text)}, data={"shared": "true"}
        ).json()
        assert shared["shared"] is True
        found = bob.get("/api/documents/search", params={"q": "tidal power"}).json()["items"]
        assert [f["document_id"] for f in found] == [shared["id"]]
        assert bob.delete(f"/api/documents/{shared['id']}").status_code == 404
        for document in (mine, shared):
            assert admin.delete(f"/api/documents/{document['id']}").status_code == 204


def test_documents_have_their_own_size_limit(secured: Secured) -> None:
    """Uploads may exceed MAX_REQUEST_BYTES (4096 here), up to MAX_DOCUMENT_BYTES (8192)."""
    sentence = b"Tidal power turns the rise and fall of the sea into electricity. "
    with secured.client(secured.alice) as alice:
        fits = alice.post("/api/documents", files={"file": ("a.txt", sentence * 90)})
        assert fits.status_code == 201, fits.text
        too_big = alice.post("/api/documents", files={"file": ("b.txt", sentence * 200)})
        assert too_big.status_code == 422
        assert too_big.json()["error"]["code"] == "document_too_large"
        # Far larger: refused before it is read whole.
        huge = alice.post("/api/documents", files={"file": ("c.txt", sentence * 2000)})
        assert huge.status_code == 413
        assert alice.delete(f"/api/documents/{fits.json()['id']}").status_code == 204


def test_schedules_and_hooks_are_managed_by_the_workflow_s_owner_or_an_admin(
    secured: Secured,
) -> None:
    erin, frank = _key(secured.stack, "user", "erin"), _key(secured.stack, "user", "frank")
    with (
        secured.client(erin) as owner,
        secured.client(frank) as other,
        secured.client(secured.admin) as admin,
        secured.client(None) as anyone,
    ):
        workflow = owner.post("/api/workflows", json=SUM_WORKFLOW).json()
        base = f"/api/workflows/{workflow['id']}"
        schedule = {"cron": "@daily", "inputs": {"a": 1}}
        assert other.post(f"{base}/schedules", json=schedule).status_code == 404
        assert other.post(f"{base}/hooks").status_code == 404
        made = admin.post(f"{base}/schedules", json=schedule)
        assert made.status_code == 201, made.text
        mine = owner.get(f"{base}/schedules/{made.json()['id']}")
        assert mine.status_code == 200 and mine.json()["created_by"] != "local"
        for method, path in (
            ("GET", f"{base}/schedules"),
            ("GET", f"{base}/schedules/{made.json()['id']}"),
            ("POST", f"{base}/schedules/{made.json()['id']}/pause"),
            ("DELETE", f"{base}/schedules/{made.json()['id']}"),
        ):
            response = other.request(method, path)
            assert response.status_code == 404, (method, path, response.text)
            assert response.json()["error"]["code"] == "workflow_not_found"
        hook = owner.post(f"{base}/hooks").json()
        assert other.get(f"{base}/hooks").status_code == 404
        assert other.delete(f"{base}/hooks").status_code == 404
        # The URL needs no key: its token is the key. The run is the workflow owner's.
        delivered = anyone.post(hook["url"], json={"a": 5})
        assert delivered.status_code == 202, delivered.text
        run = wait_for_task(owner, delivered.json()["id"], ("completed",))
        assert run["workflow_id"] == workflow["id"]
        assert other.get(f"/api/tasks/{run['id']}").status_code == 404
        # Deliveries count against the owner's task rate (TASKS_PER_MINUTE=6 here).
        codes = [anyone.post(hook["url"], json={"a": n}).status_code for n in range(6)]
        assert codes[-1] == 429 and set(codes[:5]) == {202}, codes


def test_idempotency_keys_are_per_owner(secured: Secured) -> None:
    body = {"description": "compute the sum of 7 and 8"}
    headers = {"Idempotency-Key": "shared-name"}
    with secured.client(secured.alice) as alice, secured.client(secured.bob) as bob:
        first = alice.post("/api/tasks", json=body, headers=headers).json()
        other = bob.post("/api/tasks", json=body, headers=headers).json()
        assert first["id"] != other["id"]


def test_rate_limit_answers_429_with_retry_after(secured: Secured) -> None:
    key = _key(secured.stack, "user", "hasty")
    with secured.client(key) as client:
        codes = [
            client.post("/api/tasks", json={"description": f"sum of {n} and 1"}).status_code
            for n in range(7)
        ]
        assert codes[:6] == [202] * 6 and codes[6] == 429
        response = client.post("/api/tasks", json={"description": "one more"})
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) >= 1
        assert response.json()["error"]["code"] == "rate_limited"


def test_oversized_bodies_are_refused(secured: Secured) -> None:
    with secured.client(secured.alice) as alice:
        response = alice.post("/api/tasks", json={"description": "x" * 5000})
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "payload_too_large"


WAITING_PLAN = {
    "steps": [{"id": "a", "title": "A", "instruction": "wait 30", "capability": "wait-a"}]
}


def test_event_streams_per_key_are_limited(secured: Secured) -> None:
    """MAX_EVENT_STREAMS=1: a second stream open at once is refused; closing one frees it."""
    key = _key(secured.stack, "user", "watcher")
    with secured.client(key) as client, secured.client(key) as other:
        task = client.post("/api/tasks", json={"description": "wait", "plan": WAITING_PLAN})
        assert task.status_code == 202, task.text
        events = f"/api/tasks/{task.json()['id']}/events"
        try:
            with client.stream("GET", events) as first:
                assert first.status_code == 200
                lines = first.iter_lines()  # kept: a dropped iterator closes the stream
                assert next(lines).startswith("id:")  # open, and the task runs for 30 s
                second = other.get(events)
                assert second.status_code == 429, second.text
                assert second.json()["error"]["code"] == "rate_limited"
                assert int(second.headers["retry-after"]) >= 1
            # The first stream is closed: its slot comes back (once the server sees it).
            deadline = time.monotonic() + 20
            while (status := _stream_status(other, events)) == 429:
                assert time.monotonic() < deadline, "the closed stream's slot never came back"
                time.sleep(0.1)
            assert status == 200
        finally:
            client.post(f"/api/tasks/{task.json()['id']}/cancel")


def _stream_status(client: httpx.Client, path: str) -> int:
    with client.stream("GET", path) as stream:
        return stream.status_code


def test_revoked_keys_stop_working(secured: Secured) -> None:
    key = _key(secured.stack, "user", "leaver")
    with secured.client(key) as client:
        assert client.get("/api/tasks").status_code == 200
        prefix = key[:12]
        subprocess.run(
            [sys.executable, "-m", "orchestra", "keys", "revoke", prefix],
            env=secured.stack.env(),
            check=True,
            capture_output=True,
        )
        assert client.get("/api/tasks").status_code == 401


def test_keys_are_stored_hashed(secured: Secured) -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "orchestra", "keys", "list"],
        env=secured.stack.env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert secured.alice not in listed and secured.alice[:12] in listed
    db = (secured.stack.data_dir / "orchestra.db").read_bytes()
    assert secured.alice.encode() not in db


def test_security_headers(secured: Secured) -> None:
    with secured.client(secured.alice) as alice:
        for path in ("/", "/api/tasks"):
            headers = alice.get(path).headers
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["x-frame-options"] == "DENY"
            assert "default-src 'self'" in headers["content-security-policy"]


class _Card(BaseHTTPRequestHandler):
    """Serves an agent card whose endpoint points at the cloud metadata address."""

    def do_GET(self) -> None:
        card = {
            "name": "sneaky",
            "description": "points elsewhere",
            "version": "1",
            "supportedInterfaces": [
                {
                    "url": "http://169.254.169.254/latest/",
                    "protocolBinding": "JSONRPC",
                    "protocolVersion": "1.0",
                }
            ],
            "capabilities": {"streaming": True},
            "defaultInputModes": ["text/plain"],
            "defaultOutputModes": ["text/plain"],
            "skills": [{"id": "x", "name": "x", "description": "x", "tags": ["x"]}],
        }
        body = json.dumps(card).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_card_cannot_aim_the_orchestrator_at_metadata(secured: Secured) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Card)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with secured.client(secured.admin) as admin:
            url = f"http://127.0.0.1:{server.server_port}"
            response = admin.post("/api/agents", json={"card_url": url})
            assert response.status_code == 422, response.text
            assert response.json()["error"]["code"] == "agent_url_not_allowed"
            direct = admin.post("/api/agents", json={"card_url": "http://169.254.169.254/"})
            assert direct.json()["error"]["code"] == "agent_url_not_allowed"
            names = {a["name"] for a in admin.get("/api/agents").json()["items"]}
            assert "sneaky" not in names
    finally:
        server.shutdown()


def test_no_auth_beyond_loopback_refuses_to_start(tmp_path: Path) -> None:
    stack = Stack(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "orchestra", "serve", "orchestrator", "--host", "0.0.0.0"],
        env=stack.env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Refusing to listen on 0.0.0.0 without authentication" in done.stderr
