"""Logging for every service: plain or JSON lines, with the task and step bound to each line.

`bind(task_id, step_id)` sets context variables; every record logged in that context
(and in tasks started from it) carries them, so one grep follows a task across modules.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

_TASK: ContextVar[str | None] = ContextVar("orchestra_task", default=None)
_STEP: ContextVar[str | None] = ContextVar("orchestra_step", default=None)


def bind(task_id: str | None = None, step_id: str | None = None) -> None:
    """Bind the task (and step) being worked on to this context's log lines."""
    _TASK.set(task_id)
    _STEP.set(step_id)


class _Context(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.task_id = _TASK.get()
        record.step_id = _STEP.get()
        return True


class _Text(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        task, step = getattr(record, "task_id", None), getattr(record, "step_id", None)
        if task:
            line += f" [task={task}{f' step={step}' if step else ''}]"
        return line


class _Json(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("task_id", "step_id"):
            value = getattr(record, key, None)
            if value:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def configure(level: str, fmt: str) -> None:
    """Set up the root logger once per process (`fmt` is "text" or "json")."""
    handler = logging.StreamHandler()
    handler.addFilter(_Context())
    handler.setFormatter(
        _Json() if fmt == "json" else _Text("%(asctime)s %(levelname)s %(name)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Per-request lines from the HTTP client and the MCP server are noise next to our own.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("mcp").setLevel(logging.WARNING)
