"""Cron times and the catch-up policy of a due schedule, at chosen times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orchestra.workflows.cron import Cron, due

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def test_times_come_in_utc_from_the_schedule_s_time_zone() -> None:
    cron = Cron("0 9 * * 1-5", "Europe/Paris")
    times = cron.next_times(T0, 3)
    # 09:00 in Paris is 08:00 UTC in March (before the clocks change).
    assert times == [T0 + timedelta(days=n, hours=-1) for n in (1, 2, 3)]
    assert all(t.tzinfo == UTC for t in times)


def test_six_fields_count_seconds_first() -> None:
    cron = Cron("*/10 * * * * *")
    assert cron.next_times(T0, 2) == [T0 + timedelta(seconds=10), T0 + timedelta(seconds=20)]
    assert cron.after(T0) == T0 + timedelta(seconds=10)  # strictly after
    assert cron.latest(T0) == T0  # at or before
    assert cron.latest(T0 + timedelta(seconds=15)) == T0 + timedelta(seconds=10)


@pytest.mark.parametrize(
    ("expression", "timezone", "field", "says"),
    [
        ("* * *", "UTC", "cron", "has 3 fields"),
        ("61 * * * *", "UTC", "cron", "not a cron expression"),
        ("0 9 * * *", "Mars/Olympus", "timezone", "not an IANA time zone"),
    ],
)
def test_what_is_wrong_with_a_schedule_is_named(
    expression: str, timezone: str, field: str, says: str
) -> None:
    problem = Cron.problem(expression, timezone)
    assert problem is not None and problem[0] == field and says in problem[1]
    assert Cron.problem("@daily") is None and Cron.problem("*/5 * * * *", "Asia/Tokyo") is None


def test_a_time_found_on_time_runs_whatever_the_catch_up_policy() -> None:
    cron = Cron("*/10 * * * * *")
    now = T0 + timedelta(seconds=12)
    for policy in ("skip", "run_once"):
        decision = due(cron, T0, now, policy, late=60)  # type: ignore[arg-type]
        assert decision.fire_at == T0 + timedelta(seconds=10)  # the latest due time: one run
        assert decision.next_at == T0 + timedelta(seconds=20) and not decision.missed


def test_times_missed_while_down_are_skipped_or_made_up_once() -> None:
    cron = Cron("0 * * * *")  # hourly
    down_until = T0 + timedelta(hours=5, minutes=30)
    skipped = due(cron, T0, down_until, "skip", late=60)
    assert skipped.fire_at is None and skipped.missed
    assert skipped.next_at == T0 + timedelta(hours=6)
    made_up = due(cron, T0, down_until, "run_once", late=60)
    # One run for the six missed times, named after the latest of them.
    assert made_up.fire_at == T0 + timedelta(hours=5) and made_up.missed
    assert made_up.next_at == T0 + timedelta(hours=6)


def test_a_schedule_not_yet_due_starts_nothing() -> None:
    cron = Cron("0 * * * *")
    decision = due(cron, T0 + timedelta(hours=1), T0 + timedelta(minutes=59), "run_once", 60)
    assert decision.fire_at is None and decision.next_at == T0 + timedelta(hours=1)
