"""What can be checked of the Docker deployment without a Docker engine."""

from __future__ import annotations

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
                     "HEALTH_PATH", "ORCHESTRA_KEY"}  # fmt: skip


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


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    missing = {name.upper() for name in Settings.model_fields} - documented
    assert not missing, f".env.example does not document {sorted(missing)}"
    assert not documented - {name.upper() for name in Settings.model_fields}
