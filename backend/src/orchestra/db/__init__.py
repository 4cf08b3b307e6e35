"""Persistence: SQLAlchemy models, the engine, and Alembic migrations."""

from orchestra.db.engine import Database, create_engine
from orchestra.db.errors import NestedSessionError
from orchestra.db.migrate import upgrade
from orchestra.db.models import (
    EVENTS,
    INSTANCES,
    LOCAL_OWNER,
    MESSAGES,
    SLOTS,
    STEPS,
    TASKS,
    Agent,
    AgentInstance,
    AgentSlot,
    ApiKey,
    ExecutorProcess,
    InstanceHealth,
    Message,
    Session,
    StepStatus,
    Task,
    TaskEvent,
    TaskStatus,
    TaskStep,
)

__all__ = [
    "EVENTS",
    "INSTANCES",
    "LOCAL_OWNER",
    "MESSAGES",
    "SLOTS",
    "STEPS",
    "TASKS",
    "Agent",
    "AgentInstance",
    "AgentSlot",
    "ApiKey",
    "Database",
    "ExecutorProcess",
    "InstanceHealth",
    "Message",
    "NestedSessionError",
    "Session",
    "StepStatus",
    "Task",
    "TaskEvent",
    "TaskStatus",
    "TaskStep",
    "create_engine",
    "upgrade",
]
