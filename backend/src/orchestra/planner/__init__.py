"""Planning: turning a task description into a validated DAG of capability steps.

`build_planner(settings)` gives the `TaskPlanner` the executor calls: offline, the
deterministic planner; with an LLM, `orchestra.planner.llm.LLMPlanner` (repair, then the
deterministic planner as fallback). `plan_deterministic` is the offline planner itself;
`validate_plan` checks any plan before it is stored; `PlannerKind` records which planner
produced a task's plan. The final synthesis lives in `orchestra.planner.synthesis`.
Exceptions are described in `orchestra.planner.errors`.
"""

from __future__ import annotations

from orchestra.planner.deterministic import plan_deterministic
from orchestra.planner.errors import (
    EmptyTaskError,
    InvalidPlanError,
    NoCapabilityError,
    PlannerError,
    UnclearRequestError,
)
from orchestra.planner.schema import CapabilitySpec, Plan, PlannerKind, PlanStep
from orchestra.planner.service import OfflinePlanner, PlanOutcome, TaskPlanner, build_planner
from orchestra.planner.validation import validate_plan

__all__ = [
    "CapabilitySpec",
    "EmptyTaskError",
    "InvalidPlanError",
    "NoCapabilityError",
    "OfflinePlanner",
    "Plan",
    "PlanOutcome",
    "PlanStep",
    "PlannerError",
    "PlannerKind",
    "TaskPlanner",
    "UnclearRequestError",
    "build_planner",
    "plan_deterministic",
    "validate_plan",
]
