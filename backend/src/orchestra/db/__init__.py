"""Persistence: SQLAlchemy models, the engine, and Alembic migrations."""

from orchestra.db.engine import Database, create_engine
from orchestra.db.errors import NestedSessionError
from orchestra.db.migrate import upgrade
from orchestra.db.models import (
    LOCAL_OWNER,
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
    "LOCAL_OWNER",
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
