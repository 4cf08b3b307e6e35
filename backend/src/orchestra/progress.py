"""`orchestra run`: submit a task and show its steps live in the terminal until it ends."""

from __future__ import annotations

import json
import sys
from typing import Any

import httpx
from rich.console import Console, Group
from rich.live import Live
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from orchestra.db.models import StepStatus, TaskStatus

STYLES: dict[str, str] = {
    TaskStatus.PENDING: "dim",
    TaskStatus.PLANNING: "cyan",
    TaskStatus.RUNNING: "yellow",
    TaskStatus.COMPLETED: "green",
    TaskStatus.FAILED: "red",
    TaskStatus.CANCELED: "magenta",
    StepStatus.SKIPPED: "dim",
}
FINAL = frozenset(s.value for s in TaskStatus if s.terminal)
# How long one read waits for a change (the server allows up to a minute).
WAIT_SECONDS = 30


def render(task: dict[str, Any]) -> Group:
    title = Text.assemble(
        ("Task ", "bold"),
        (task["id"], "bold"),
        "  ",
        (task["status"], STYLES.get(task["status"], "")),
    )
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


async def run_task(
    url: str,
    description: str,
    session_id: str | None,
    as_json: bool,
    headers: dict[str, str] | None = None,
) -> int:
    console = Console(stderr=as_json)
    async with httpx.AsyncClient(
        base_url=url, timeout=httpx.Timeout(30, read=None), headers=headers or {}
    ) as http:
        try:
            response = await http.post(
                "/api/tasks", json={"description": description, "session_id": session_id}
            )
        except httpx.HTTPError as exc:
            console.print(f"[red]Cannot reach the orchestrator at {url}: {exc}[/red]")
            return 1
        if response.status_code >= 400:
            console.print(f"[red]{response.json()['error']['message']}[/red]")
            return 1
        task = response.json()
        etag = response.headers.get("etag", "")
        with Live(render(task), console=console, refresh_per_second=8) as live:
            # Each read waits until the task differs from what is shown (its ETag), so the
            # terminal follows every change with one request per change and no polling.
            while task["status"] not in FINAL:
                answer = await http.get(
                    f"/api/tasks/{task['id']}",
                    params={"wait": WAIT_SECONDS},
                    headers={"If-None-Match": etag},
                )
                if answer.status_code == 304:
                    continue
                answer.raise_for_status()
                task, etag = answer.json(), answer.headers.get("etag", "")
                live.update(render(task))
    if as_json:
        sys.stdout.write(json.dumps(task, indent=2) + "\n")
    elif task["status"] == TaskStatus.COMPLETED:
        console.print(Markdown(task["result"] or ""))
    else:
        console.print(f"[red]{task['status']}: {task.get('error') or ''}[/red]")
    return 0 if task["status"] == TaskStatus.COMPLETED else 1
