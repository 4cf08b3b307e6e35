"""The `orchestra` command: up, serve, run, agents, workflows, db, planner."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import signal
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import httpx
from pydantic import ValidationError

from orchestra import logs, tracing
from orchestra.api.app import InsecureConfiguration
from orchestra.client import ApiError, Orchestra
from orchestra.config import Settings, get_settings
from orchestra.db.models import InstanceHealth
from orchestra.errors import OrchestraError
from orchestra.llm.errors import LLMError
from orchestra.workflows import cli as workflows_cli

log = logging.getLogger(__name__)

SERVICES = ("orchestrator", "research-agent", "analyst-agent")


def _default_port(settings: Settings, service: str) -> int:
    return {
        "orchestrator": settings.port,
        "research-agent": settings.research_agent_port,
        "analyst-agent": settings.analyst_agent_port,
    }[service]


KEEP_ALIVE_SECONDS = 30


def serve(service: str, host: str, port: int, model: str | None = None) -> int:
    """Run one service in this process until interrupted.

    `model`: the model profile an agent runs (``--model``); the orchestrator's planner and
    synthesis take theirs from PLANNER_MODEL and SYNTHESIS_MODEL instead.
    """
    import uvicorn

    settings = get_settings()
    tracing.configure(settings.trace_exporter, service)
    if service == "orchestrator":
        from orchestra.api import create_app

        if model is not None:
            print(
                "The orchestrator takes no --model: set PLANNER_MODEL and SYNTHESIS_MODEL "
                "to the profiles its planner and synthesis use.",
                file=sys.stderr,
            )
            return 2
        # The port is part of the default executor id: keep settings in line with the server.
        app = create_app(settings.model_copy(update={"host": host, "port": port}))
    else:
        from orchestra.agents import create_agent_app

        open_to_all = not settings.agent_token.get_secret_value()
        if open_to_all and not settings.model_copy(update={"host": host}).on_loopback:
            log.warning(
                "%s listens on %s: A2A calls to it are not authenticated; set AGENT_TOKEN "
                "(and register it with that credential), or keep it on a private network "
                "that only the orchestrators reach",
                service,
                host,
            )
        app = create_agent_app(service, settings, port, model)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        access_log=False,
        # Longer than the keep-alive of common clients (httpx: 5 s, uvicorn's own default):
        # a client that sends on a connection the server closes at that same moment gets
        # "server disconnected without sending a response".
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
    uvicorn.Server(config).run()
    return 0


class StartupFailed(Exception):
    """`orchestra up` could not start; the message says what to change."""


#: Name of the admin key `up` makes for itself when keys are on and ADMIN_KEY is not set.
TEMPORARY_KEY_NAME = "orchestra up (temporary, revoked once the agents are registered)"


# A service that is still running is given this long to become ready (one that stops is
# reported at once): a first start on a busy machine imports, migrates and builds its caches
# slowly, and 60 s was seen to end a start that was a few seconds from ready.
STARTUP_SECONDS = 300.0
# While a service takes long, say so this often, so that a first start does not look hung.
STARTUP_NOTE_SECONDS = 30.0


async def _wait_ready(
    http: httpx.AsyncClient,
    url: str,
    children: dict[str, asyncio.subprocess.Process],
    timeout: float = STARTUP_SECONDS,
) -> None:
    loop = asyncio.get_running_loop()
    began = note_at = loop.time()
    try:
        async with asyncio.timeout(timeout):
            while True:
                if loop.time() - note_at >= STARTUP_NOTE_SECONDS:
                    note_at = loop.time()
                    print(f"Waiting for {url} ({note_at - began:.0f} s so far)...", flush=True)
                for service, child in children.items():
                    if child.returncode is not None:
                        raise StartupFailed(
                            f"The {service} stopped (exit code {child.returncode}) before it "
                            "was ready; its own message is above."
                        )
                try:
                    if (await http.get(url)).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.2)
    except TimeoutError:
        raise StartupFailed(f"{url} did not answer within {timeout:.0f} s.") from None


@asynccontextmanager
async def _registration_key(settings: Settings) -> AsyncIterator[str | None]:
    """The key `up` registers the agents with, or None when keys are off.

    ADMIN_KEY if it is set; otherwise a new admin key written straight to the database
    (as `orchestra keys create` does), revoked as soon as the agents are registered, so
    `up` leaves no admin secret behind that nobody knows about. The orchestrator must
    be ready first: it creates the schema.
    """
    if not settings.auth_enabled:
        yield None
        return
    given = settings.admin_key.get_secret_value().strip()
    if given:
        yield given
        return
    from sqlalchemy.exc import SQLAlchemyError

    from orchestra.auth import Keys
    from orchestra.db import Database

    database = Database(settings.orchestrator_database_url)
    try:
        keys = Keys(database)
        try:
            row, secret = await keys.create(TEMPORARY_KEY_NAME, "admin")
        except SQLAlchemyError as exc:
            raise StartupFailed(
                f"AUTH_ENABLED=true and ADMIN_KEY is not set, and a temporary admin key could "
                f"not be written to the database ({type(exc).__name__}). Set ADMIN_KEY to an "
                "admin key: `orchestra keys create --role admin`, or any random token such as "
                "orc_$(openssl rand -hex 24)."
            ) from exc
        try:
            yield secret
        finally:
            await keys.revoke(row.id)
    finally:
        await database.close()


def _refused(settings: Settings, response: httpx.Response) -> StartupFailed:
    """What to change when the orchestrator refuses the key `up` registers agents with."""
    try:
        reason = str(response.json()["error"]["message"])
    except (ValueError, KeyError, TypeError):
        reason = response.text[:200]
    if settings.admin_key.get_secret_value().strip():
        advice = (
            "ADMIN_KEY is not an active admin key (revoked, or made with --role user). Set "
            "ADMIN_KEY to an admin key from `orchestra keys create --role admin`, or leave it "
            "empty and `orchestra up` registers the agents with a temporary key of its own."
        )
    else:
        advice = (
            "The temporary admin key of `orchestra up` was refused: do the orchestrator and "
            "this command use the same DATABASE_URL? Or set ADMIN_KEY to an admin key from "
            "`orchestra keys create --role admin`."
        )
    return StartupFailed(
        f"The orchestrator refused to register the agents ({response.status_code}: "
        f"{reason.rstrip('.')}). " + advice
    )


async def _up(settings: Settings) -> int:
    """Start the three services as child processes, register the agents, wait for Ctrl-C."""
    host = settings.host
    # Its agents take calls only with this token, and are registered with it: a process on
    # this machine that is not the orchestrator cannot make them work (or cost tokens).
    token = settings.agent_token.get_secret_value() or secrets.token_urlsafe(32)
    agent_env = {**os.environ, "AGENT_TOKEN": token}
    children: dict[str, asyncio.subprocess.Process] = {}
    for service in SERVICES:
        port = _default_port(settings, service)
        children[service] = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "orchestra", "serve", service, "--host", host,
            "--port", str(port), env=None if service == "orchestrator" else agent_env,
        )  # fmt: skip
    base = f"http://{settings.advertised_host}"
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            await _wait_ready(http, f"{base}:{settings.port}/ready", children)
            async with _registration_key(settings) as key:
                headers = {"Authorization": f"Bearer {key}"} if key else {}
                for port in (settings.research_agent_port, settings.analyst_agent_port):
                    card = f"{base}:{port}/.well-known/agent-card.json"
                    await _wait_ready(http, card, children)
                    response = await http.post(
                        f"{base}:{settings.port}/api/agents",
                        json={"card_url": f"{base}:{port}", "credential": token},
                        headers=headers,
                    )
                    if response.status_code in (401, 403):
                        raise _refused(settings, response)
                    response.raise_for_status()
        keys_line = (
            "  API keys           required (AUTH_ENABLED=true); make one with\n"
            "                     `orchestra keys create --role user --name <who>`\n"
            if settings.auth_enabled
            else ""
        )
        print(
            f"Orchestra is up.\n"
            f"  dashboard and API  {base}:{settings.port}/  (docs: {base}:{settings.port}/docs)\n"
            f"  research agent     {base}:{settings.research_agent_port}\n"
            f"  analyst agent      {base}:{settings.analyst_agent_port}\n"
            f"  data               {settings.data_dir}\n"
            f"{keys_line}"
            f"Press Ctrl-C to stop.",
            flush=True,
        )
        waiters = [asyncio.create_task(c.wait()) for c in children.values()]
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait([*waiters, stopper], return_when=asyncio.FIRST_COMPLETED)
        if stopper not in done:
            print("A service stopped unexpectedly; stopping the others.", file=sys.stderr)
            return 1
        return 0
    except StartupFailed as exc:
        print(f"Orchestra could not start: {exc}", file=sys.stderr)
        return 1
    except httpx.HTTPError as exc:
        print(f"Orchestra could not start: {exc!r}", file=sys.stderr)
        return 1
    finally:
        for child in children.values():
            if child.returncode is None:
                child.terminate()
        for child in children.values():
            try:
                await asyncio.wait_for(child.wait(), 15)
            except TimeoutError:
                child.kill()


def _agents(
    url: str, action: str, card_url: str | None, key: str | None, credential: str | None = None
) -> int:
    key = key or os.environ.get("ORCHESTRA_KEY")
    try:
        with Orchestra(url, key) as orchestra:
            agents = (
                [orchestra.register_agent(card_url or "", credential=credential)]
                if action == "register"
                else orchestra.agents()
            )
    except ApiError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    for agent in agents:
        healthy = sum(1 for i in agent.instances if i.health == InstanceHealth.HEALTHY)
        print(
            f"{agent.name}  ({agent.id})  instances: {healthy}/{len(agent.instances)} "
            f"healthy  capabilities: {', '.join(agent.capabilities)}"
            + ("" if agent.usable else f"\n  unusable: {agent.unusable_reason}")
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orchestra", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("up", help="run orchestrator and both agents on this machine")

    serve_p = commands.add_parser("serve", help="run one service")
    serve_p.add_argument("service", choices=SERVICES)
    serve_p.add_argument("--host", default=None)
    serve_p.add_argument("--port", type=int, default=None)
    serve_p.add_argument(
        "--model",
        default=None,
        metavar="PROFILE",
        help="the model profile the research agent runs (default: default, LLM_PROVIDER's)",
    )

    run_p = commands.add_parser("run", help="submit a task and follow it live")
    run_p.add_argument("description")
    run_p.add_argument("--session", default=None, help="session id for follow-up tasks")
    run_p.add_argument("--url", default=None, help="orchestrator URL")
    run_p.add_argument("--json", action="store_true", help="print the final task as JSON")
    run_p.add_argument("--key", default=None, help="API key (default: $ORCHESTRA_KEY)")

    agents_p = commands.add_parser("agents", help="list or register agents")
    agents_p.add_argument("action", choices=("list", "register"))
    agents_p.add_argument("card_url", nargs="?")
    agents_p.add_argument("--url", default=None, help="orchestrator URL")
    agents_p.add_argument("--key", default=None, help="API key (default: $ORCHESTRA_KEY)")
    agents_p.add_argument(
        "--credential",
        default=None,
        help="the token the agent's card asks for (default: $AGENT_CREDENTIAL)",
    )

    db_p = commands.add_parser("db", help="database schema")
    db_p.add_argument("action", choices=("upgrade",))

    workflows_cli.add_parser(commands)

    planner_p = commands.add_parser("planner", help="planner tools (evaluate: score the planners)")
    planner_p.add_argument("action", choices=("evaluate",))
    planner_p.add_argument("options", nargs=argparse.REMAINDER, help="see `planner evaluate -h`")

    keys_p = commands.add_parser("keys", help="API keys: create, list, revoke")
    keys_p.add_argument("action", choices=("create", "list", "revoke"))
    keys_p.add_argument("ident", nargs="?", help="key id or prefix (revoke)")
    keys_p.add_argument("--name", default="", help="what the key is for (create)")
    keys_p.add_argument("--role", choices=("admin", "user"), default="user")
    return parser


async def _keys(settings: Settings, action: str, ident: str | None, name: str, role: str) -> int:
    from orchestra.auth import Keys
    from orchestra.db import Database, upgrade

    await upgrade(settings.orchestrator_database_url)
    database = Database(settings.orchestrator_database_url)
    try:
        keys = Keys(database)
        if action == "create":
            row, secret = await keys.create(name or role, role)
            print(f"Created {row.role} key {row.id} ({row.name}). Keep it now; it is not stored:")
            print(secret)
        elif action == "revoke":
            if not ident:
                print("orchestra keys revoke needs a key id or prefix", file=sys.stderr)
                return 2
            row = await keys.revoke(ident)
            print(f"Revoked key {row.id} ({row.name}).")
        else:
            for row in await keys.all():
                state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
                print(f"{row.id}  {row.prefix}…  {row.role:5}  {state:18}  {row.name}")
    finally:
        await database.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        )
        print(f"Invalid settings: {problems}", file=sys.stderr)
        return 2
    logs.configure(settings.log_level, settings.log_format)
    try:
        return _dispatch(args, settings)
    except (InsecureConfiguration, LLMError, OrchestraError) as exc:
        print(str(exc), file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    default_url = (
        os.environ.get("ORCHESTRA_URL") or f"http://{settings.advertised_host}:{settings.port}"
    )
    if args.command == "serve":
        return serve(
            args.service,
            args.host or settings.host,
            args.port or _default_port(settings, args.service),
            args.model,
        )
    if args.command == "up":
        return asyncio.run(_up(settings))
    if args.command == "run":
        from orchestra.progress import run_task

        return asyncio.run(
            run_task(
                args.url or default_url,
                args.description,
                args.session,
                args.json,
                args.key or os.environ.get("ORCHESTRA_KEY"),
            )
        )
    if args.command == "agents":
        if args.action == "register" and not args.card_url:
            print("orchestra agents register needs a card URL", file=sys.stderr)
            return 2
        credential = args.credential or os.environ.get("AGENT_CREDENTIAL") or None
        return _agents(args.url or default_url, args.action, args.card_url, args.key, credential)
    if args.command == "workflows":
        key = args.key or os.environ.get("ORCHESTRA_KEY")
        return workflows_cli.workflows_command(args, args.url or default_url, key)
    if args.command == "planner":
        from orchestra.planner.cli import evaluate_command

        return evaluate_command(args.options, settings=settings)
    if args.command == "keys":
        return asyncio.run(_keys(settings, args.action, args.ident, args.name, args.role))
    if args.command == "db":
        from orchestra.db.migrate import upgrade_sync

        upgrade_sync(settings.orchestrator_database_url)
        print(f"database at {settings.orchestrator_database_url} is up to date")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
