"""Durable task execution on DBOS: plan, run steps on agents in parallel, finish or fail."""

from orchestra.executor.dispatch import AgentReply, Dispatcher, TransportError
from orchestra.executor.policy import StepPolicy
from orchestra.executor.runtime import Runtime
from orchestra.executor.service import Executor

__all__ = ["AgentReply", "Dispatcher", "Executor", "Runtime", "StepPolicy", "TransportError"]
