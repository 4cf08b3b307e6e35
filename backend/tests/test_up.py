"""`orchestra up` with API keys on: the real command, its three services, and its registration."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.stack import Stack, free_port

UP_SECONDS = 120.0


@dataclass
class Up:
    """One `orchestra up` process and where it listens."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path
    env: dict[str, str]

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + UP_SECONDS
        while time.monotonic() < deadline:
            if "Orchestra is up" in self.output():
                return
            if self.process.poll() is not None:
                pytest.fail(f"orchestra up exited ({self.process.returncode}):\n{self.output()}")
            time.sleep(0.2)
        pytest.fail(f"orchestra up was not up within {UP_SECONDS} s:\n{self.output()[-3000:]}")

    def wait_exit(self, timeout: float = UP_SECONDS) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"orchestra up still running after {timeout} s:\n{self.output()[-3000:]}")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.wait_exit(60)

    def keys(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "orchestra", "keys", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout


StartUp = Callable[..., Up]


@pytest.fixture
def start_up(tmp_path: Path) -> Iterator[StartUp]:
    """Starts `orchestra up` with AUTH_ENABLED=true on free ports, plus `extra` settings."""
    started: list[Up] = []

    def start(**extra: str) -> Up:
        port = free_port()
        settings = {
            "AUTH_ENABLED": "true",
            "ADMIN_KEY": "",
            "PORT": str(port),
            "RESEARCH_AGENT_PORT": str(free_port()),
            "ANALYST_AGENT_PORT": str(free_port()),
        }
        env = Stack(tmp_path).env(**{**settings, **extra})
        log = tmp_path / f"up-{len(started)}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "orchestra", "up"],
            env=env,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        up = Up(process, f"http://127.0.0.1:{port}", log, env)
        started.append(up)
        return up

    yield start
    for up in started:
        if up.process.poll() is None:
            up.process.kill()
            up.process.wait()


def _agent_names(url: str, key: str) -> set[str]:
    response = httpx.get(f"{url}/api/agents", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200, response.text
    return {agent["name"] for agent in response.json()["items"]}


def test_up_registers_the_agents_with_admin_key(start_up: StartUp) -> None:
    admin = "orc_" + "k" * 40
    up = start_up(ADMIN_KEY=admin)
    up.wait_until_up()
    assert _agent_names(up.url, admin) == {"Research Agent", "Analyst Agent"}
    assert httpx.get(f"{up.url}/api/agents").status_code == 401  # keys are really on
    # Its agents take calls only with the token `up` made, and were registered with it.
    agents = httpx.get(f"{up.url}/api/agents", headers={"Authorization": f"Bearer {admin}"})
    for agent in agents.json()["items"]:
        assert agent["usable"] and agent["has_credential"], agent
        url = agent["instances"][0]["url"]
        assert httpx.post(url, json={}, headers={"A2A-Version": "1.0"}).status_code == 401
    done = httpx.post(
        f"{up.url}/api/tasks?wait=30",
        json={"description": "compute the average of 1, 2 and 3"},
        headers={"Authorization": f"Bearer {admin}"},
        timeout=40,
    )
    assert done.json()["status"] == "completed", done.text
    assert up.stop() == 0


def test_up_without_admin_key_uses_a_key_of_its_own_and_revokes_it(start_up: StartUp) -> None:
    up = start_up()
    up.wait_until_up()
    listed = up.keys("list")
    temporary = [line for line in listed.splitlines() if "orchestra up" in line]
    assert len(temporary) == 1 and "revoked" in temporary[0], listed
    user = up.keys("create", "--role", "user", "--name", "alice").strip().splitlines()[-1]
    assert _agent_names(up.url, user) == {"Research Agent", "Analyst Agent"}
    assert "orchestra keys create" in up.output()  # says how to get a key to use it
    assert up.stop() == 0


def test_up_with_a_revoked_admin_key_says_what_to_set(start_up: StartUp, tmp_path: Path) -> None:
    env = Stack(tmp_path).env()
    created = subprocess.run(
        [sys.executable, "-m", "orchestra", "keys", "create", "--role", "admin"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    admin = created.strip().splitlines()[-1]
    subprocess.run(
        [sys.executable, "-m", "orchestra", "keys", "revoke", admin[:12]],
        env=env,
        capture_output=True,
        check=True,
    )
    up = start_up(ADMIN_KEY=admin)
    assert up.wait_exit() == 1
    output = up.output()
    assert "ADMIN_KEY" in output and "orchestra keys create --role admin" in output, output
    assert "Traceback" not in output


async def test_a_slow_first_start_is_waited_for_and_said_to_be_under_way(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from orchestra import cli

    monkeypatch.setattr(cli, "STARTUP_NOTE_SECONDS", 0.05)
    asked: list[float] = []

    def ready(request: httpx.Request) -> httpx.Response:
        asked.append(time.monotonic())
        # Not ready for a while yet, as a service importing and migrating on a busy machine.
        return httpx.Response(200 if asked[-1] - asked[0] > 0.3 else 503)

    async with httpx.AsyncClient(transport=httpx.MockTransport(ready)) as http:
        await cli._wait_ready(http, "http://orchestrator/ready", {})
    assert asked[-1] - asked[0] > 0.3
    assert "Waiting for http://orchestrator/ready" in capsys.readouterr().out
