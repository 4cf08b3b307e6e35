"""Sessions: a user's tasks in a row and their messages, whose history feeds the planner."""

from orchestra.sessions.service import Sessions

__all__ = ["Sessions"]
