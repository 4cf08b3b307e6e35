"""Callbacks with API keys on: each key signs its own tasks' callbacks, and a task's
deliveries are its owner's (and admins') only."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from orchestra.client import InvalidSignature, verify_callback
from tests.stack import Stack
from tests.support.receiver import Receiver

ONE_STEP = {"steps": [{"id": "a", "title": "A", "instruction": "step a", "capability": "wait-a"}]}


def _key(stack: Stack, role: str, name: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "orchestra", "keys", "create", "--role", role, "--name", name],
        env=stack.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_each_key_signs_its_own_tasks_and_sees_only_their_deliveries(tmp_path: Path) -> None:
    receiver = Receiver()
    stack = Stack(tmp_path, settings={"AUTH_ENABLED": "true"})
    calls = tmp_path / "calls.txt"
    calls.touch()
    try:
        agent = stack.add_slow_agent("slow-agent", 0.1, calls).start()
        admin, alice, bob = (_key(stack, r, n) for r, n in
                             (("admin", "ops"), ("user", "alice"), ("user", "bob")))  # fmt: skip
        url = stack.add("orchestrator").start().url

        def as_(key: str) -> httpx.Client:
            return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"})

        with as_(admin) as ops, as_(alice) as a, as_(bob) as b:
            assert ops.post("/api/agents", json={"card_url": agent.url}).status_code == 201
            hook = receiver.url("a", [200])
            body = {"description": "one", "plan": ONE_STEP, "callback_url": hook}
            task_id = a.post("/api/tasks", json=body).json()["id"]
            (received,) = receiver.wait_for("a", 1)
            alice_key = a.get("/api/auth/callback-key").json()["key"]
            bob_key = b.get("/api/auth/callback-key").json()["key"]
            assert alice_key != bob_key
            assert verify_callback(alice_key, received.headers, received.body)
            with pytest.raises(InvalidSignature):
                verify_callback(bob_key, received.headers, received.body)
            deadline = time.monotonic() + 30
            while a.get(f"/api/tasks/{task_id}/deliveries").json()["items"][0]["status"] != (
                "delivered"
            ):
                assert time.monotonic() < deadline
                time.sleep(0.05)
            assert b.get(f"/api/tasks/{task_id}/deliveries").status_code == 404
            assert len(ops.get(f"/api/tasks/{task_id}/deliveries").json()["items"]) == 1
            assert httpx.get(f"{url}/api/tasks/{task_id}/deliveries").status_code == 401
    finally:
        stack.stop()
        receiver.close()
