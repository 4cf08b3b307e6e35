"""What the durable workflows reach at run time; set once per process by the executor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from orchestra.callbacks.delivery import Deliveries
from orchestra.config import Settings
from orchestra.db import Database
from orchestra.documents import Documents
from orchestra.executor.admission import Admission
from orchestra.executor.dispatch import Dispatcher
from orchestra.executor.policy import StepPolicy
from orchestra.executor.slots import Waiters
from orchestra.llm.profiles import ModelProfile
from orchestra.planner import TaskPlanner
from orchestra.planner.synthesis import Synthesizer
from orchestra.registry import Registry
from orchestra.views import TaskViews


@dataclass
class Runtime:
    settings: Settings
    db: Database
    registry: Registry
    dispatcher: Dispatcher
    views: TaskViews
    policy: StepPolicy
    planner: TaskPlanner
    synthesizer: Synthesizer | None = None
    admission: Admission = field(default_factory=lambda: Admission(64, 10_000))
    slot_waiters: Waiters = field(default_factory=Waiters)
    documents: Documents | None = None
    """Users' documents, searched for the steps of agents that read them."""
    deliveries: Deliveries | None = None
    """Task callbacks; None: tasks carry none (tests that run the executor alone)."""
    profiles: Mapping[str, ModelProfile] = field(default_factory=dict)
    """The deployment's model profiles: their prices cost the tokens steps and tasks use."""


_runtime: Runtime | None = None


def install(runtime: Runtime | None) -> None:
    global _runtime
    _runtime = runtime


def current() -> Runtime:
    if _runtime is None:
        raise RuntimeError("the executor has not been started in this process")
    return _runtime
