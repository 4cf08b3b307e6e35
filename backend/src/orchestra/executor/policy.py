"""Step policies: how long a step may take and how it is retried."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class StepPolicy:
    """Applies to every dispatch of a step to an agent.

    Attributes:
        timeout: seconds one attempt may take, from send to the agent's final state.
        max_attempts: attempts in all, each on another instance when there is one.
        backoff: seconds before the second attempt; doubles each time up to `max_backoff`.
        max_backoff: ceiling of the wait between attempts.
        jitter: fraction of the wait drawn at random, so retries of many steps spread out.
    """

    timeout: float = 120.0
    max_attempts: int = 3
    backoff: float = 0.5
    max_backoff: float = 10.0
    jitter: float = 0.25

    def delay(self, attempt: int) -> float:
        """Wait before attempt number `attempt + 1` (attempts count from 1)."""
        base = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        return base * (1 - self.jitter + 2 * self.jitter * random.random())
