"""Cron times of a schedule, and what a schedule does when the clock finds it due.

Expressions are croniter's (the library DBOS schedules with): five fields, or six with
seconds first (`*/10 * * * * *`), and the `@hourly`-style aliases, read in an IANA time zone.
`due` is the whole catch-up policy, with no database or clock of its own, so it is tested
with any times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter  # type: ignore[import-untyped]

__all__ = ["CatchUp", "Cron", "Due", "Overlap", "due"]

CatchUp = Literal["skip", "run_once"]
"""After downtime: `skip` the missed times (the next run is at the next time), or make them
up with `run_once`, one run at once."""
Overlap = Literal["skip", "queue"]
"""When the schedule's previous run is still going: `skip` this time, or `queue` a run."""


@dataclass(frozen=True)
class Cron:
    """A cron expression read in a time zone; times come back in UTC."""

    expression: str
    timezone: str = "UTC"

    @staticmethod
    def problem(expression: str, timezone: str = "UTC") -> tuple[str, str] | None:
        """What is wrong with the expression or the zone, as (field, problem), or None."""
        fields = expression.split()
        if not expression.startswith("@") and len(fields) not in (5, 6):
            return (
                "cron",
                f"has {len(fields)} fields: write five (minute hour day month weekday) or "
                "six with seconds first, e.g. '*/5 * * * *' or '*/10 * * * * *'",
            )
        if not croniter.is_valid(expression, second_at_beginning=True):
            return "cron", f"{expression!r} is not a cron expression croniter reads"
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return "timezone", f"{timezone!r} is not an IANA time zone (e.g. 'Europe/Paris')"
        return None

    def _iterator(self, start: datetime) -> croniter:
        local = start.astimezone(ZoneInfo(self.timezone))
        return croniter(self.expression, local, second_at_beginning=True)

    def after(self, moment: datetime) -> datetime:
        """The first time strictly after `moment`."""
        found: datetime = self._iterator(moment).get_next(datetime)
        return found.astimezone(UTC)

    def latest(self, moment: datetime) -> datetime:
        """The last time at or before `moment`."""
        following = self.after(moment)
        found: datetime = self._iterator(following).get_prev(datetime)
        return found.astimezone(UTC)

    def next_times(self, moment: datetime, count: int) -> list[datetime]:
        """The `count` times after `moment`, in order."""
        iterator = self._iterator(moment)
        return [iterator.get_next(datetime).astimezone(UTC) for _ in range(count)]


@dataclass(frozen=True)
class Due:
    """What a due schedule does now: start a run for `fire_at` (None: start none), then
    wait for `next_at`. `missed`: a time passed without a run while nothing was looking."""

    fire_at: datetime | None
    next_at: datetime
    missed: bool


def due(cron: Cron, next_at: datetime, now: datetime, catch_up: CatchUp, late: float) -> Due:
    """What a schedule waiting for `next_at` does at `now` (`next_at` <= `now`).

    The times from `next_at` to now make one run at most, for the latest of them: with
    several processes and a clock that ticks every few seconds, a per-second schedule
    would otherwise start runs in bursts. The latest time is on time if it passed less than
    `late` seconds ago; else every time since `next_at` was missed (the orchestrator was
    down): `run_once` makes them up with one run, `skip` waits for the next time.
    """
    latest = cron.latest(now)
    following = cron.after(now)
    if latest < next_at:  # not due after all (a clock ahead of the times stored)
        return Due(None, next_at, False)
    on_time = now - latest <= timedelta(seconds=late)
    if on_time or catch_up == "run_once":
        return Due(latest, following, not on_time)
    return Due(None, following, True)
