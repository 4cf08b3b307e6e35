"""Live text of running steps: what an agent streams while it writes, relayed as it comes.

An agent that streams its answer (A2A artifact chunks, `orchestra.agents.executor.Progress`)
has each chunk handed here by the call that reads it (`writer`); the task's event streams
in this process get it as `step.delta` events (`orchestra.events.follow`). Deltas are never
stored: the step's output is, once, when it completes, and replaces them; a client that
connects later, or to another orchestrator, gets that answer and no deltas. Chunks that
come while a stream is busy are joined into one event per step.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = ["DELTA_EVENT", "Delta", "Deltas", "Subscription"]

#: The event type of a step's live text on a task's event stream (not an `EventType`: never
#: in the event log).
DELTA_EVENT = "step.delta"


@dataclass
class Delta:
    """Text a step's answer grew by: `text` goes at `offset` of what its attempt streamed so
    far (0: the answer starts again, e.g. on a new attempt)."""

    step_id: str
    offset: int
    text: str
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def message(self, task_id: str) -> dict[str, str]:
        """The Server-Sent Event: no id, so a reconnecting client resumes after the last
        stored event, not after a delta."""
        data: dict[str, Any] = {
            "task_id": task_id,
            "step_id": self.step_id,
            "type": DELTA_EVENT,
            "data": {"text": self.text, "offset": self.offset},
            "created_at": self.created_at.isoformat(),
        }
        return {"event": DELTA_EVENT, "data": json.dumps(data)}


class Subscription:
    """One event stream's deltas of one task, waiting to be sent."""

    def __init__(self) -> None:
        self.pending: list[Delta] = []

    def add(self, delta: Delta) -> None:
        last = self.pending[-1] if self.pending else None
        if (
            last is not None
            and last.step_id == delta.step_id
            and last.offset + len(last.text) == delta.offset
        ):
            last.text += delta.text  # joined: one event for what came meanwhile
        else:
            self.pending.append(delta)

    def take(self) -> list[Delta]:
        taken, self.pending = self.pending, []
        return taken


class Deltas:
    """The live text of the steps this process runs, for the event streams it serves."""

    def __init__(self, wake: Callable[[str], None]) -> None:
        """`wake(task_id)`: wakes the task's waiting readers (`TaskViews`)."""
        self._wake = wake
        self._streams: dict[str, set[Subscription]] = {}

    def writer(self, task_id: str, step_id: str) -> Callable[[str, bool], None]:
        """What one call of a step hands each streamed chunk to: `(text, append)`, where
        a chunk that does not append starts the answer again."""
        written = 0

        def write(text: str, append: bool) -> None:
            nonlocal written
            if not append:
                written = 0
            offset, written = written, written + len(text)
            streams = self._streams.get(task_id)
            if not streams:
                return  # nobody follows the task here: nothing to keep
            delta = Delta(step_id, offset, text)
            for stream in streams:
                stream.add(Delta(delta.step_id, delta.offset, delta.text, delta.created_at))
            self._wake(task_id)

        return write

    @contextlib.contextmanager
    def subscribe(self, task_id: str) -> Iterator[Subscription]:
        """The task's deltas from now on, until the block ends."""
        subscription = Subscription()
        self._streams.setdefault(task_id, set()).add(subscription)
        try:
            yield subscription
        finally:
            streams = self._streams.get(task_id)
            if streams is not None:
                streams.discard(subscription)
                if not streams:
                    del self._streams[task_id]
