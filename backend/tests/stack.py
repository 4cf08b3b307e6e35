"""Real Orchestra services for tests: each in its own process on a free loopback port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Service:
    """One `orchestra serve` process."""

    name: str
    port: int
    env: dict[str, str]
    log_path: Path
    argv: list[str] | None = None
    process: subprocess.Popen[bytes] | None = None
    #: Options after `orchestra serve NAME --port N` (e.g. `--model fast`).
    options: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ready_url(self) -> str:
        if self.name == "orchestrator":
            return f"{self.url}/ready"
        return f"{self.url}/.well-known/agent-card.json"

    def start(self, timeout: float = 60.0) -> Service:
        log = self.log_path.open("ab")
        argv = self.argv or [
            *("-m", "orchestra", "serve", self.name, "--port", str(self.port)),
            *self.options,
        ]
        self.process = subprocess.Popen(
            [sys.executable, *argv],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(self.ready_url, timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"{self.name} not ready: {self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """kill -9: no shutdown at all, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@dataclass
class Stack:
    """Orchestrator and agents sharing one data directory (and optionally one database URL)."""

    data_dir: Path
    database_url: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)

    def env(self, **extra: str) -> dict[str, str]:
        """Environment of a service: offline, this stack's data and settings, then `extra`."""
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        env.update(DATA_DIR=str(self.data_dir), LLM_PROVIDER="offline", LOG_LEVEL="INFO")
        env["DATABASE_URL"] = self.database_url
        env.update(self.settings)
        env.update(extra)
        return env

    def add(
        self,
        name: str,
        key: str | None = None,
        argv: list[str] | None = None,
        options: tuple[str, ...] = (),
    ) -> Service:
        log_path = self.data_dir / f"{key or name}.log"
        service = Service(name, free_port(), self.env(), log_path, argv, options=options)
        self.services[key or name] = service
        return service

    def add_slow_agent(
        self,
        key: str,
        delay: float,
        calls: Path,
        fail: tuple[str, ...] = (),
        capabilities: tuple[str, ...] = ("wait-a", "wait-b", "wait-c"),
        name: str | None = None,
        **env: str,
    ) -> Service:
        """The controllable test agent of `tests.support.slow_agent`.

        Its card name is `name` (default `key`): two with one name are instances of one agent.
        """
        port = free_port()
        argv = ["-m", "tests.support.slow_agent", str(port), name or key, str(delay), str(calls)]
        argv += [",".join(fail), ",".join(capabilities)]
        service = Service(key, port, self.env(**env), self.data_dir / f"{key}.log", argv)
        self.services[key] = service
        return service

    def __getitem__(self, key: str) -> Service:
        return self.services[key]

    def stop(self) -> None:
        for service in self.services.values():
            service.stop()


def wait_for_task(
    client: httpx.Client, task_id: str, statuses: tuple[str, ...], timeout: float = 60.0
) -> dict[str, object]:
    """Poll the task until it reaches one of `statuses` (not a bare sleep: bounded polling)."""
    deadline = time.monotonic() + timeout
    task: dict[str, object] = {}
    while time.monotonic() < deadline:
        task = client.get(f"/api/tasks/{task_id}").json()
        if task["status"] in statuses:
            return task
        time.sleep(0.05)
    raise TimeoutError(f"task {task_id} still {task.get('status')} after {timeout} s: {task}")


def task_events(client: httpx.Client, task_id: str) -> list[dict[str, object]]:
    """The task's whole event log, read from its stream (which ends with the task)."""
    found = []
    with client.stream("GET", f"/api/tasks/{task_id}/events") as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                found.append(json.loads(line[5:]))
    return found
