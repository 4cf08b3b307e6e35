"""Services a benchmark runs against: bench agents and orchestrators, each its own process.

Everything started here is stopped by `Stack.close` (SIGTERM, then SIGKILL after a grace
period), and every PostgreSQL database created here is dropped, also on errors.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get(
    "BENCH_POSTGRES_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres"
)

#: Orchestrator settings of every benchmark (documented in docs/benchmarks.md).
ORCHESTRATOR_SETTINGS = {
    "LLM_PROVIDER": "offline",
    "LOG_LEVEL": "WARNING",
    # Above every concurrency measured, so the cap is not what is being measured.
    "AGENT_CONCURRENCY": "64",
    "MAX_PLAN_STEPS": "20",
    "STEP_TIMEOUT_SECONDS": "60",
    # The submit rate limit (default 120 a minute) would be what the throughput run measures.
    "TASKS_PER_MINUTE": "1000000",
}


# Launches on another port after "address already in use", before giving up.
REBINDS = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_bytes(pid: int) -> int:
    """Resident set size of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of stat(5); the split above starts at field 3.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Process:
    name: str
    port: int
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    ready_path: str
    popen: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def launch(self) -> Process:
        with self.log_path.open("ab") as log:
            self.popen = subprocess.Popen(
                [sys.executable, *self.argv],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    # Six stacks start side by side on two cores in CI; on a machine busy with other work an
    # orchestrator had written nothing after 90 s (its imports alone take 7-9 s there).
    def wait_ready(self, timeout: float = 150.0) -> Process:
        assert self.popen is not None, "launch() first"
        deadline = time.monotonic() + timeout
        rebinds = 0
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                if "address already in use" in self.log_tail() and rebinds < REBINDS:
                    # The free port found was taken before the service bound it (by an
                    # outgoing connection of another process, say): another port.
                    rebinds += 1
                    self._move_to(free_port())
                    self.launch()
                    continue
                raise RuntimeError(f"{self.name} exited: {self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + self.ready_path, timeout=1).status_code == 200:
                    return self
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(
            f"{self.name} not ready after {timeout:g} s: {self.log_tail()}"
        )

    def _move_to(self, port: int) -> None:
        old = str(self.port)
        self.argv = [str(port) if arg == old else arg for arg in self.argv]
        self.port = port
        # The log is read for the bind error: start it afresh for the new port.
        self.log_path.unlink(missing_ok=True)

    def start(self, timeout: float = 150.0) -> Process:
        return self.launch().wait_ready(timeout)

    def log_tail(self) -> str:
        return (
            self.log_path.read_text(errors="replace")[-3000:]
            if self.log_path.exists()
            else ""
        )

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(20)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(10)


@dataclass
class Stack:
    """Bench agents and orchestrators sharing one data directory and database."""

    data_dir: Path
    database_url: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    agents: list[Process] = field(default_factory=list)
    orchestrators: list[Process] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        env.update(ORCHESTRATOR_SETTINGS)
        env.update(self.settings)
        env.update(DATA_DIR=str(self.data_dir), DATABASE_URL=self.database_url)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p
        )
        env.update(extra)
        return env

    def add_agent(self, name: str = "bench-agent") -> Process:
        port = free_port()
        key = f"agent{len(self.agents) + 1}"
        process = Process(
            key,
            port,
            ["-m", "bench.agent", str(port), name],
            self.env(),
            self.data_dir / f"{key}.log",
            "/.well-known/agent-card.json",
        )
        self.agents.append(process)
        return process.launch()

    def add_orchestrator(self) -> Process:
        port = free_port()
        key = f"orchestrator{len(self.orchestrators) + 1}"
        process = Process(
            key,
            port,
            ["-m", "orchestra", "serve", "orchestrator", "--port", str(port)],
            self.env(EXECUTOR_ID=f"bench-{key}-{port}"),
            self.data_dir / f"{key}.log",
            "/ready",
        )
        self.orchestrators.append(process)
        return process.launch()

    def register_agents(self) -> None:
        url = self.orchestrators[0].url
        for agent in self.agents:
            response = httpx.post(
                f"{url}/api/agents", json={"card_url": agent.url}, timeout=30
            )
            if response.status_code != 201:
                raise RuntimeError(f"registering {agent.url} failed: {response.text}")

    def upgrade_database(self) -> None:
        """`orchestra db upgrade`, as an operator would run it."""
        subprocess.run(
            [sys.executable, "-m", "orchestra", "db", "upgrade"],
            env=self.env(),
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=120,
        )

    def close(self) -> None:
        for process in [*self.orchestrators, *self.agents]:
            process.stop()


@contextlib.contextmanager
def running(
    data_dir: Path,
    *,
    database_url: str = "",
    agents: int = 1,
    orchestrators: int = 1,
    settings: dict[str, str] | None = None,
) -> Iterator[Stack]:
    """Agents and orchestrators started and the agents registered; all stopped on exit."""
    stack = Stack(data_dir, database_url, dict(settings or {}))
    try:
        # Launched together, then waited for: start-up dominates the small sizes.
        for _ in range(agents):
            stack.add_agent()
        stack.add_orchestrator()
        stack.orchestrators[0].wait_ready()
        # The first orchestrator has migrated the database; the others start on it.
        for _ in range(orchestrators - 1):
            stack.add_orchestrator()
        for process in [*stack.agents, *stack.orchestrators]:
            process.wait_ready()
        stack.register_agents()
        yield stack
    finally:
        stack.close()


@contextlib.contextmanager
def postgres_database(prefix: str = "bench") -> Iterator[str]:
    """A fresh PostgreSQL database (SQLAlchemy asyncpg URL), dropped on exit."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_available() -> bool:
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True
