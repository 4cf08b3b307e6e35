"""The services one orchestrator process holds for its lifetime."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from orchestra.api.limits import RateLimit, StreamLimit
from orchestra.auth import Keys
from orchestra.config import Settings
from orchestra.db import Database
from orchestra.documents import Documents
from orchestra.executor import Executor
from orchestra.history import History
from orchestra.llm.hosts import HostPool
from orchestra.llm.profiles import ModelProfiles
from orchestra.registry import Registry
from orchestra.sessions import Sessions
from orchestra.tasks import Tasks
from orchestra.views import TaskViews
from orchestra.workflows.hooks import Hooks
from orchestra.workflows.schedules import Schedules
from orchestra.workflows.service import Workflows


@dataclass
class Services:
    settings: Settings
    profiles: ModelProfiles
    db: Database
    http: httpx.AsyncClient
    views: TaskViews
    registry: Registry
    executor: Executor
    tasks: Tasks
    workflows: Workflows
    schedules: Schedules
    hooks: Hooks
    sessions: Sessions
    history: History
    documents: Documents
    keys: Keys
    task_rate: RateLimit
    streams: StreamLimit
    hosts: dict[str, HostPool]
    """The host pools of the profiles that have hosts, by profile name (probed each round)."""
