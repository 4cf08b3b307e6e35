"""What can be checked of the Docker deployment without a Docker engine."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from orchestra.cli import build_parser
from orchestra.config import Settings

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
DOCKERFILE = (ROOT / "Dockerfile").read_text()
# Variables read by something other than our Settings: Postgres's image, healthchecks, CLI.
FOREIGN_VARIABLES = {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB", "SERVICE_PORT",
                     "HEALTH_PATH", "ORCHESTRA_KEY", "AGENT_CREDENTIAL"}  # fmt: skip


def _ours() -> dict[str, dict[str, Any]]:
    return {n: s for n, s in COMPOSE["services"].items() if s.get("image") == "orchestra:latest"}


def test_compose_services_run_real_commands() -> None:
    parser = build_parser()
    for name, service in _ours().items():
        command = service["command"]
        if service.get("entrypoint") == ["/bin/sh", "-c"]:
            for part in command[0].split("&&"):
                words = shlex.split(part)
                assert words[0] == "orchestra", name
                parser.parse_args(words[1:])
            continue
        args = parser.parse_args(command)
        if args.command == "serve":
            port = str(args.port)
            env = service["environment"]
            assert env["SERVICE_PORT"] == port, name  # the healthcheck probes the served port
            assert env["HEALTH_PATH"] in ("/health", "/ready")


def test_compose_environment_names_real_settings() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    for name, service in COMPOSE["services"].items():
        if name == "postgres":
            continue
        for variable in service.get("environment", {}):
            assert variable in fields | FOREIGN_VARIABLES, f"{name}: {variable} is read by nothing"


def test_compose_wiring_is_consistent() -> None:
    services = COMPOSE["services"]
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"
    hosts = set(yaml.safe_load(services["orchestrator-1"]["environment"]["AGENT_ALLOWED_HOSTS"]))
    registered = services["register-agents"]["command"][0]
    for url in re.findall(r"register (http://\S+)", registered):
        host, port = url.removeprefix("http://").split(":")
        assert host in hosts, f"{host} would be refused by the egress allow-list"
        assert services[host]["command"][-1] == port
        assert services[host]["environment"]["PUBLIC_HOST"] == host
    published = [p.split(":")[0] for s in services.values() for p in s.get("ports", [])]
    assert len(published) == len(set(published)), "two services publish one host port"
    assert "pgdata" in COMPOSE["volumes"]


def test_dockerfile_is_pinned_non_root_and_copies_what_exists() -> None:
    for image in re.findall(r"^FROM (\S+)", DOCKERFILE, re.M):
        assert re.search(r":\d+\.\d+", image), f"{image} is not pinned to a version"
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, re.M)
    assert "HEALTHCHECK" in DOCKERFILE and 'ENTRYPOINT ["orchestra"]' in DOCKERFILE
    for line in re.findall(r"^COPY (?!--from)(.+)$", DOCKERFILE, re.M):
        for source in line.split()[:-1]:
            assert (ROOT / source).exists(), f"COPY {source}: no such path"
    scripts = (ROOT / "frontend" / "package.json").read_text()
    assert '"build"' in scripts and (ROOT / "frontend" / "package-lock.json").exists()


# A pip install into a new venv: about a minute alone, longer on a shared, busy machine.
@pytest.mark.timeout(300)
@pytest.mark.skipif(
    sys.platform != "linux", reason="the image is Linux; its install step is checked on Linux"
)
def test_the_dockerfile_install_step_works_in_a_clean_venv(tmp_path: Path) -> None:
    """The runtime stage's `pip install` line, run as written, in a new virtual environment."""
    (install,) = re.findall(r"^RUN (pip install .+)$", DOCKERFILE, re.M)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    words = shlex.split(install)
    command = [str(venv / "bin" / "python"), "-m", *words]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    help_text = subprocess.run(
        [str(venv / "bin" / "orchestra"), "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "serve" in help_text and "keys" in help_text


Version = tuple[int, int, int]
_PARTIAL = re.compile(r"^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$")


def _bounds(partial: str) -> tuple[Version, Version | None, int]:
    """The lowest version a partial names, the first one past it, and how many parts it has."""
    found = _PARTIAL.match(partial.strip())
    assert found, f"not a version: {partial!r}"
    parts = [int(p) for p in found.groups() if p is not None and p not in "xX*"]
    low = (*parts, 0, 0, 0)[:3]
    if not parts:
        return (0, 0, 0), None, 0
    bumped = [*parts[:-1], parts[-1] + 1]
    high = (*bumped, 0, 0, 0)[:3]
    return (low[0], low[1], low[2]), (high[0], high[1], high[2]), len(parts)


def _satisfies_simple(version: Version, term: str) -> bool:
    found = re.match(r"^(\^|~|>=|<=|>|<|=)?(.*)$", term)
    assert found, term
    operator, partial = found.groups()
    low, high, count = _bounds(partial)
    if operator == "^":
        # Up to the next change of the first non-zero part given.
        parts = list(low)
        index = next((i for i, p in enumerate(parts[: max(count, 1)]) if p), max(count, 1) - 1)
        top = [*parts[:index], parts[index] + 1, 0, 0][:3]
        return low <= version < (top[0], top[1], top[2])
    if operator == "~":
        top = high if count < 3 else (low[0], low[1] + 1, 0)
        return low <= version and (top is None or version < top)
    if operator == ">=":
        return version >= low
    if operator == ">":
        return high is not None and version >= high if count < 3 else version > low
    if operator == "<":
        return version < low
    if operator == "<=":
        return version < high if count < 3 and high is not None else version <= low
    return low <= version and (high is None or version < high) if count < 3 else version == low


def satisfies(version: Version, npm_range: str) -> bool:
    """Whether `version` is in an npm semver range (the subset package engines use)."""
    for alternative in npm_range.split("||"):
        text = re.sub(r"(\^|~|>=|<=|>|<|=)\s+", r"\1", alternative.strip())
        if " - " in text:
            first, last = text.split(" - ")
            text = f">={first} <={last}"
        if all(_satisfies_simple(version, term) for term in text.split() or ["*"]):
            return True
    return False


@pytest.mark.parametrize(
    ("version", "npm_range", "expected"),
    [
        ((20, 18, 1), "^20.19.0 || >=22.12.0", False),
        ((20, 19, 0), "^20.19.0 || >=22.12.0", True),
        ((21, 0, 0), "^20.19.0 || >=22.12.0", False),
        ((22, 12, 0), "^20.19.0 || ^22.13.0 || >=23.5.0", False),
        ((20, 19, 0), ">=20.19", True),
        ((20, 18, 9), ">=20.19", False),
        ((20, 19, 0), "20 || >=22", True),
        ((21, 1, 0), "20 || >=22", False),
        ((20, 19, 0), ">= 12.0.0", True),
        ((20, 19, 0), ">=v12.22.7", True),
        ((20, 19, 0), "^10 || ^12.20.0 || ^14.13.0 || >=15.0.0", True),
        ((13, 0, 0), "^10 || ^12.20.0 || ^14.13.0 || >=15.0.0", False),
        ((14, 1, 0), "~14.0.0", False),
        ((14, 0, 9), "~14.0.0", True),
        ((1, 5, 0), "1.2 - 1.4", False),
        ((1, 4, 9), "1.2 - 1.4", True),
    ],
)
def test_npm_ranges_are_read_as_npm_does(version: Version, npm_range: str, expected: bool) -> None:
    assert satisfies(version, npm_range) is expected


def _node_stage_version() -> Version:
    (image,) = re.findall(r"^FROM node:(\S+)", DOCKERFILE, re.M)
    found = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", image)
    assert found, f"node:{image} names no version"
    # A floating tag such as 20.19 may be any 20.19.x: its first release must do.
    major, minor, patch = found.groups()
    return int(major), int(minor), int(patch or 0)


def test_dockerfile_syntax_directive_is_its_first_line() -> None:
    assert DOCKERFILE.splitlines()[0].startswith("# syntax=docker/dockerfile:")


def test_node_stage_is_a_version_the_dashboard_accepts() -> None:
    version = _node_stage_version()
    package = json.loads((ROOT / "frontend" / "package.json").read_text())
    assert satisfies(version, package["engines"]["node"]), package["engines"]
    lock = json.loads((ROOT / "frontend" / "package-lock.json").read_text())
    refused = {
        path.removeprefix("node_modules/") or "(the dashboard)": wanted
        for path, entry in lock["packages"].items()
        # Packages for other systems (say, a wasm32 build) are never installed in the stage.
        if "linux" in entry.get("os", ["linux"])
        and {"x64", "arm64"} & set(entry.get("cpu", ["x64"]))
        and isinstance(wanted := entry.get("engines", {}).get("node"), str)
        and not satisfies(version, wanted)
    }
    assert not refused, f"node {'.'.join(map(str, version))} is refused by {refused}"


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    missing = {name.upper() for name in Settings.model_fields} - documented
    assert not missing, f".env.example does not document {sorted(missing)}"
    assert not documented - {name.upper() for name in Settings.model_fields}


def test_env_example_as_it_is_is_a_valid_configuration() -> None:
    """`cp .env.example .env` must start: every value it gives (empty ones too) parses."""
    settings = Settings(_env_file=ROOT / ".env.example")  # type: ignore[call-arg]
    assert settings.retention_days is None  # empty: keep every task
