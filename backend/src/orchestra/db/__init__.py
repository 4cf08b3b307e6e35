"""Persistence: SQLAlchemy models, the engine, and Alembic migrations."""

from orchestra.db.engine import Database, create_engine
from orchestra.db.migrate import upgrade
from orchestra.db.models import (
    Agent,
    AgentInstance,
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
    "Agent",
    "AgentInstance",
    "Database",
    "ExecutorProcess",
    "InstanceHealth",
    "Message",
    "Session",
    "StepStatus",
    "Task",
    "TaskEvent",
    "TaskStatus",
    "TaskStep",
    "create_engine",
    "upgrade",
]
