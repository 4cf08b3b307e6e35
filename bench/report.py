"""Results: the machine they were measured on, a JSON file and a Markdown table per run."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from bench.stack import ORCHESTRATOR_SETTINGS, PG_ADMIN


def machine() -> dict[str, Any]:
    """What the figures depend on: cores, memory, Python, database versions."""
    info: dict[str, Any] = {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        total_kb = int(
            next(line for line in meminfo if line.startswith("MemTotal")).split()[1]
        )
        info["memory_gib"] = round(total_kb / 1024 / 1024, 1)
        cpu = Path("/proc/cpuinfo").read_text().splitlines()
        info["cpu"] = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpu
                if line.startswith("model name")
            ),
            "",
        )
    except (OSError, StopIteration):
        pass
    try:
        with psycopg.connect(PG_ADMIN, connect_timeout=3) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            info["postgresql"] = row[0] if row else None
    except psycopg.Error:
        info["postgresql"] = None
    try:
        info["git"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            cwd=Path(__file__).resolve().parents[1],
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        info["git"] = ""
    return info


@dataclass
class Result:
    """One benchmark run: its figures, the rows of its table, and the errors it saw."""

    name: str
    size: str
    figures: dict[str, Any] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(
        default_factory=lambda: dict(ORCHESTRATOR_SETTINGS)
    )
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    seconds: float = 0.0

    def markdown(self) -> str:
        lines = [f"### {self.name} ({self.size})", ""]
        if self.header:
            lines.append("| " + " | ".join(self.header) + " |")
            lines.append("|" + "|".join(" --- " for _ in self.header) + "|")
            lines.extend("| " + " | ".join(row) + " |" for row in self.rows)
            lines.append("")
        lines.extend(f"- {note}" for note in self.notes)
        experiments = [
            k for k, on in self.settings.get("experiments", {}).items() if on
        ]
        if experiments:
            lines.append(f"- experiments on: {', '.join(experiments)}")
        lines.append(f"- errors: {len(self.errors)}; run took {self.seconds:.0f} s")
        lines.extend(f"  - {error}" for error in self.errors[:10])
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.name,
            "size": self.size,
            "started_at": self.started_at,
            "seconds": round(self.seconds, 1),
            "machine": machine(),
            "settings": self.settings,
            "command": " ".join(["python -m bench", *sys.argv[1:]]),
            "figures": self.figures,
            "errors": self.errors,
            "table": {"header": self.header, "rows": self.rows, "notes": self.notes},
        }

    def write(self, out: Path) -> tuple[Path, Path]:
        out.mkdir(parents=True, exist_ok=True)
        json_path = out / f"{self.name}.json"
        md_path = out / f"{self.name}.md"
        json_path.write_text(json.dumps(self.to_json(), indent=2) + "\n")
        md_path.write_text(self.markdown())
        return json_path, md_path


def ms(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.1f} ms"
