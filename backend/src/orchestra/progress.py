"""`orchestra run`: submit a task and show its steps live in the terminal until it ends (asking
for a reply on stdin when one of its agents asks a question)."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from rich.console import Console, Group
from rich.live import Live
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from orchestra.client import ApiError, AsyncOrchestra, Unreachable
from orchestra.db.models import StepStatus, TaskStatus

STYLES: dict[str, str] = {
    TaskStatus.PENDING: "dim",
    TaskStatus.PLANNING: "cyan",
    TaskStatus.AWAITING_APPROVAL: "bold cyan",
    TaskStatus.RUNNING: "yellow",
    TaskStatus.INPUT_REQUIRED: "bold cyan",
    TaskStatus.COMPLETED: "green",
    TaskStatus.FAILED: "red",
    TaskStatus.CANCELED: "magenta",
    StepStatus.SKIPPED: "dim",
}


def render(task: dict[str, Any]) -> Group:
    title = Text.assemble(
        ("Task ", "bold"),
        (task["id"], "bold"),
        "  ",
        (task["status"], STYLES.get(task["status"], "")),
    )
    if not task.get("steps"):
        # Still planning, or refused before any step was made: no table of nothing.
        terminal = task["status"] in (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELED)
        return Group(title, Text("no steps were planned" if terminal else "planning…", "dim"))
    table = Table(expand=True)
    for column in ("step", "capability", "agent", "after", "status", "time"):
        table.add_column(column)
    for step in task.get("steps", []):
        table.add_row(
            f"{step['id']} {step['title']}",
            step["capability"],
            step.get("agent") or "-",
            ", ".join(step["depends_on"]) or "-",
            Text(step["status"], STYLES.get(step["status"], "")),
            f"{step['duration_ms'] / 1000:.2f} s" if step.get("duration_ms") else "",
        )
    return Group(title, table)


async def _reply(orchestra: AsyncOrchestra, console: Console, task: dict[str, Any]) -> bool:
    """An agent of the task asked: show the question, read the reply from stdin and send it.
    False when there is none (end of input): the task keeps waiting."""
    step = next(s for s in task["steps"] if s["status"] == StepStatus.INPUT_REQUIRED)
    question = (step.get("question") or {}).get("text") or "The agent needs more input."
    console.print(f"[bold cyan]Step {step['id']} asks:[/bold cyan] {question}")
    console.print("Your reply (one line): ", end="")
    line = (await asyncio.to_thread(sys.stdin.readline)).strip()
    if not line:
        console.print(
            f"\n[red]No reply: task {task['id']} waits for one "
            f"(POST /api/tasks/{task['id']}/input, or the dashboard).[/red]"
        )
        return False
    try:
        await orchestra.reply(task["id"], step["id"], line)
    except ApiError as exc:
        console.print(f"[red]{exc.message}[/red]")
        return False
    return True


async def run_task(
    url: str, description: str, session_id: str | None, as_json: bool, key: str | None = None
) -> int:
    console = Console(stderr=as_json)
    async with AsyncOrchestra(url, key) as orchestra:
        try:
            submitted = await orchestra.submit(description, session_id=session_id)
        except Unreachable as exc:
            console.print(f"[red]Cannot reach the orchestrator at {url}: {exc.message}[/red]")
            return 1
        except ApiError as exc:
            console.print(f"[red]{exc.message}[/red]")
            return 1
        task = submitted.model_dump(mode="json")
        while True:
            with Live(render(task), console=console, refresh_per_second=8) as live:
                # One request per change of the task, no polling (`AsyncOrchestra.changes`).
                async for changed in orchestra.changes(submitted.id):
                    task = changed.model_dump(mode="json")
                    live.update(render(task))
                    if changed.status == TaskStatus.INPUT_REQUIRED:
                        break
            if not console.is_terminal:
                # Written to a pipe or a file, the live view ends without a line break, and
                # what follows would run on from its last line.
                console.line()
            if task["status"] != TaskStatus.INPUT_REQUIRED:
                break
            if not await _reply(orchestra, console, task):
                return 1
    if as_json:
        sys.stdout.write(json.dumps(task, indent=2) + "\n")
    elif task["status"] == TaskStatus.COMPLETED:
        console.print(Markdown(task["result"] or ""))
    else:
        console.print(f"[red]{task['status']}: {task.get('error') or ''}[/red]")
    return 0 if task["status"] == TaskStatus.COMPLETED else 1
