"""Conversation memory: sessions and their messages, whose history feeds the planner."""

from orchestra.memory.service import Sessions

__all__ = ["Sessions"]
