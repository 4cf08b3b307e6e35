"""Planning: turning a task description into a validated DAG of capability steps.

`plan_deterministic` is the offline planner (and the LLM planner's fallback);
`validate_plan` checks any plan before it is stored; `PlannerKind` records which planner
produced a task's plan. Exceptions are described in `orchestra.planner.errors`.
"""

from __future__ import annotations

from orchestra.planner.deterministic import plan_deterministic
from orchestra.planner.errors import (
    EmptyTaskError,
    InvalidPlanError,
    NoCapabilityError,
    PlannerError,
)
from orchestra.planner.schema import CapabilitySpec, Plan, PlannerKind, PlanStep
from orchestra.planner.validation import validate_plan

__all__ = [
    "CapabilitySpec",
    "EmptyTaskError",
    "InvalidPlanError",
    "NoCapabilityError",
    "Plan",
    "PlanStep",
    "PlannerError",
    "PlannerKind",
    "plan_deterministic",
    "validate_plan",
]
