"""The services one orchestrator process holds for its lifetime."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from orchestra.api.limits import RateLimit, StreamLimit
from orchestra.auth import Keys
from orchestra.config import Settings
from orchestra.db import Database
from orchestra.events import EventBus
from orchestra.executor import Executor
from orchestra.memory import Sessions
from orchestra.registry import Registry
from orchestra.tasks import Tasks


@dataclass
class Services:
    settings: Settings
    db: Database
    http: httpx.AsyncClient
    bus: EventBus
    registry: Registry
    executor: Executor
    tasks: Tasks
    sessions: Sessions
    keys: Keys
    task_rate: RateLimit
    streams: StreamLimit
