"""Planner exceptions.

The hierarchy, drawn once::

    PlannerError                 base of every planning failure
    ├── EmptyTaskError           the task description has no words to plan from
    ├── NoCapabilityError        no registered agent offers any capability
    ├── UnclearRequestError      the offline planner would be guessing a part's meaning
    ├── InvalidPlanError         a plan failed validation (carries the error list)
    └── OvertimeError            reading the request offline passed its deadline

Control flow (falling back from the LLM planner to the deterministic one) is decided by
the caller on `InvalidPlanError`; the other two are user-facing and mean "fix the input
or register an agent".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "EmptyTaskError",
    "InvalidPlanError",
    "NoCapabilityError",
    "OvertimeError",
    "PlannerError",
    "UnclearRequestError",
]


class PlannerError(Exception):
    """Base class of every planning failure."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Offline planning runs in a worker process (`orchestra.offload`), so its errors
        # come back pickled; the subclasses' __init__ take other arguments than `args`.
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(cls: type[PlannerError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class EmptyTaskError(PlannerError):
    """The task description is empty or has no words."""

    def __init__(self) -> None:
        super().__init__("The task description is empty: describe what should be done.")


class NoCapabilityError(PlannerError):
    """No capability is available, so no step could be assigned to an agent."""

    def __init__(self) -> None:
        super().__init__(
            "No agent capability is available: register at least one healthy agent "
            "(POST /api/agents) before submitting tasks."
        )


class UnclearRequestError(PlannerError):
    """The offline planner would be guessing what a part of the request asks (`doubt`)."""

    def __init__(self, part: str, reason: str) -> None:
        self.part = part
        self.reason = reason
        super().__init__(f'I could not plan "{part}": {reason}.')


class InvalidPlanError(PlannerError):
    """A plan did not pass `validate_plan`; `errors` lists every problem found."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors: tuple[str, ...] = tuple(errors)
        super().__init__("Invalid plan: " + "; ".join(self.errors))


class OvertimeError(PlannerError):
    """Reading the request offline took longer than its deadline; the reading was stopped."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"Reading this request offline took longer than {seconds:g} s, so it was "
            "stopped. Split it into shorter requests, or give the plan explicitly."
        )
