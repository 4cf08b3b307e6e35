"""`orchestra workflows list|show|run|apply|schedule|hook`: saved workflows from the terminal.

Definitions can live in git as YAML or JSON files: `apply` saves each file as a new
workflow, or as a new version of the caller's workflow of the same name. `run` takes the
workflow by name or id and its inputs as ``--input key=value`` (a value that reads as JSON
is JSON: ``--input numbers=[3,5,10]``) or ``--inputs file.json``. Every call goes through
the Python client (`orchestra.client`), so the CLI sees what any program sees. `schedule`
runs a workflow at cron times (`--cron`, with the inputs as for `run`); `hook` makes or
rotates its webhook and prints the URL and secrets once.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from orchestra.client import ApiError, BadRequest, Orchestra

__all__ = ["add_parser", "workflows_command"]


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "workflows", help="list, show, run, apply, schedule saved workflows, or make a webhook"
    )
    parser.add_argument("action", choices=("list", "show", "run", "apply", "schedule", "hook"))
    parser.add_argument(
        "target",
        nargs="*",
        help="show/run/schedule/hook: a workflow's name or id; apply: definition files",
    )
    parser.add_argument(
        "--input",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="run: one input (VALUE is read as JSON when it is JSON, else as text)",
    )
    parser.add_argument("--inputs", type=Path, help="run/schedule: a JSON file of the inputs")
    parser.add_argument("--cron", help="schedule: e.g. '0 9 * * 1-5' or '*/30 * * * * *'")
    parser.add_argument("--timezone", default="UTC", help="schedule: IANA zone of --cron")
    parser.add_argument(
        "--catch-up", choices=("skip", "run_once"), default="skip", help="schedule: after downtime"
    )
    parser.add_argument(
        "--overlap", choices=("skip", "queue"), default="skip", help="schedule: while one runs"
    )
    parser.add_argument("--signed", action="store_true", help="hook: require signed deliveries")
    parser.add_argument("--no-wait", action="store_true", help="run: return once started")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--url", default=None, help="orchestrator URL")
    parser.add_argument("--key", default=None, help="API key (default: $ORCHESTRA_KEY)")


def workflows_command(args: argparse.Namespace, url: str, key: str | None) -> int:
    try:
        with Orchestra(url, key) as orchestra:
            if args.action == "list":
                return _list(orchestra, args.json)
            if args.action == "apply":
                return _apply(orchestra, args.target)
            if len(args.target) != 1:
                print(f"orchestra workflows {args.action} needs one workflow", file=sys.stderr)
                return 2
            if args.action == "show":
                return _show(orchestra, args.target[0])
            if args.action == "hook":
                return _hook(orchestra, args.target[0], args.signed, url)
            inputs = _inputs(args.input, args.inputs)
            if args.action == "schedule":
                return _schedule(orchestra, args.target[0], inputs, args)
            return _run(orchestra, args.target[0], inputs, not args.no_wait, args.json)
    except BadRequest as exc:
        print(exc.message, file=sys.stderr)
        for problem in exc.details.get("errors", []):
            print(
                f"  {problem.get('field', '')}: {problem.get('problem', problem)}", file=sys.stderr
            )
        return 1
    except (ApiError, UsageError) as exc:
        print(getattr(exc, "message", str(exc)), file=sys.stderr)
        return 1


class UsageError(Exception):
    """What was given on the command line cannot be used; the message says why."""


def _all(orchestra: Orchestra) -> list[Any]:
    found: list[Any] = []
    while True:
        page = orchestra.workflows(limit=200, offset=len(found))
        found.extend(page)
        if len(page) < 200:
            return found


def _find(orchestra: Orchestra, name_or_id: str) -> Any:
    saved = _all(orchestra)
    matches = [w for w in saved if w.id == name_or_id] or [w for w in saved if w.name == name_or_id]
    if not matches:
        raise UsageError(f"No workflow is named or numbered {name_or_id!r}.")
    if len(matches) > 1:
        ids = ", ".join(w.id for w in matches)
        raise UsageError(f"Several workflows are named {name_or_id!r} ({ids}): give the id.")
    return matches[0]


def _list(orchestra: Orchestra, as_json: bool) -> int:
    saved = _all(orchestra)
    if as_json:
        print(json.dumps([w.model_dump(mode="json") for w in saved], indent=2))
        return 0
    for workflow in saved:
        print(f"{workflow.id}  v{workflow.version}  {len(workflow.steps)} steps  {workflow.name}")
    return 0


def _show(orchestra: Orchestra, name_or_id: str) -> int:
    workflow = _find(orchestra, name_or_id)
    print(f"# {workflow.name} ({workflow.id}, version {workflow.version})")
    shown = workflow.model_dump(
        mode="json", include={"name", "description", "input_schema", "steps", "outputs"}
    )
    print(yaml.safe_dump(shown, sort_keys=False), end="")
    return 0


def _apply(orchestra: Orchestra, files: list[str]) -> int:
    if not files:
        raise UsageError("orchestra workflows apply needs one or more definition files")
    mine = {w.name: w for w in _all(orchestra)}
    for name in files:
        definition = _read(Path(name))
        existing = mine.get(str(definition.get("name", "")))
        saved = orchestra.save_workflow(definition, existing.id if existing else None)
        verb = "updated" if existing else "created"
        print(f"{saved.id}  v{saved.version}  {saved.name}  ({verb} from {name})")
    return 0


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        loaded = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise UsageError(
            f"{path} is not valid {path.suffix.lstrip('.') or 'YAML'}: {exc}"
        ) from None
    if not isinstance(loaded, dict):
        raise UsageError(f"{path} must hold one workflow definition (a mapping).")
    return loaded


def _inputs(pairs: list[str], file: Path | None) -> dict[str, Any]:
    inputs: dict[str, Any] = {}
    if file is not None:
        loaded = _read(file)
        inputs.update(loaded)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--input {pair!r}: write it as KEY=VALUE.")
        try:
            inputs[key] = json.loads(value)
        except json.JSONDecodeError:
            inputs[key] = value
    return inputs


def _run(
    orchestra: Orchestra, name_or_id: str, inputs: dict[str, Any], wait: bool, as_json: bool
) -> int:
    workflow = _find(orchestra, name_or_id)
    task = orchestra.run_workflow(workflow.id, inputs, wait=wait)
    if as_json:
        print(task.model_dump_json(indent=2))
    elif not task.status.terminal:
        print(f"Started run {task.id} ({task.status}); follow it with GET /api/tasks/{task.id}.")
    elif task.status == "completed":
        outputs = (task.result_data or {}).get("outputs")
        print(json.dumps(outputs, indent=2) if outputs else task.result)
    else:
        print(f"{task.status}: {task.error or ''}", file=sys.stderr)
    return 0 if task.status == "completed" or not task.status.terminal else 1


def _schedule(
    orchestra: Orchestra, name_or_id: str, inputs: dict[str, Any], args: argparse.Namespace
) -> int:
    if not args.cron:
        raise UsageError("orchestra workflows schedule needs --cron '<expression>'")
    workflow = _find(orchestra, name_or_id)
    schedule = orchestra.schedule_workflow(
        workflow.id,
        args.cron,
        inputs,
        timezone=args.timezone,
        catch_up=args.catch_up,
        overlap=args.overlap,
    )
    print(f"Schedule {schedule.id} of {workflow.name!r}: {schedule.cron} ({schedule.timezone})")
    for moment in schedule.preview:
        print(f"  next: {moment.isoformat()}")
    return 0


def _hook(orchestra: Orchestra, name_or_id: str, signed: bool, base: str) -> int:
    workflow = _find(orchestra, name_or_id)
    hook = orchestra.rotate_hook(workflow.id, signed)
    print(f"Webhook of {workflow.name!r} (shown once; run this again to rotate it):")
    print(f"  POST {base.rstrip('/')}{hook.url}")
    if hook.signing_secret:
        print(f"  signing secret: {hook.signing_secret}")
    return 0
