"""Running a plan's analyst steps in-process, as the executor would send them to the agent.

The evaluation judges answers, not only plan shapes: each step whose capability is an
analyst operation gets the same instruction, task, step and dependency outputs (text and
structured data) the orchestrator puts in its A2A message, and the analyst's own code
answers it. Steps for other agents (research, writing) are not run, nor are the steps
that depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from orchestra.agents.analyst.operations import infer_operation, run_operation
from orchestra.agents.protocol import AgentInputError, StepInput, StepRequest
from orchestra.planner.schema import Plan

__all__ = ["StepRun", "run_analyst_steps"]

State = Literal["completed", "failed", "error", "not run"]


@dataclass(frozen=True)
class StepRun:
    """How one step of a plan went.

    Attributes:
        step_id: The plan step's id.
        capability: Its capability.
        state: ``completed``; ``failed`` (the analyst refused, with ``reason``); ``error``
            (the analyst crashed: a bug); ``not run`` (not an analyst step, or after one).
        text: The answer for people, when completed.
        data: The answer for programs, when completed.
        reason: Why it failed.
    """

    step_id: str
    capability: str
    state: State
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    reason: str = ""


def run_analyst_steps(plan: Plan, description: str) -> list[StepRun]:
    """Run the plan's analyst steps in dependency order; stop at the first failure.

    A failed step fails the task, so nothing after it runs, as in the executor.
    """
    runs: dict[str, StepRun] = {}
    pending = list(plan.steps)
    while pending:
        ready = [s for s in pending if all(d in runs for d in s.depends_on)]
        if not ready:  # a cycle or a dangling id: validation reports it
            break
        for step in ready:
            pending.remove(step)
            dependencies = [runs[d] for d in step.depends_on]
            if not _is_analyst(step.capability) or any(
                d.state != "completed" for d in dependencies
            ):
                runs[step.id] = StepRun(step.id, step.capability, "not run")
                continue
            inputs = tuple(
                StepInput(
                    d.step_id,
                    next(s.title for s in plan.steps if s.id == d.step_id),
                    d.text,
                    d.data,
                )
                for d in dependencies
            )
            request = StepRequest(
                instruction=step.instruction,
                task=description,
                step_id=step.id,
                step_title=step.title,
                capability=step.capability,
                inputs=inputs,
            )
            runs[step.id] = _run(request)
            if runs[step.id].state != "completed":
                return [runs[s.id] for s in plan.steps if s.id in runs]
    return [runs[s.id] for s in plan.steps if s.id in runs]


def _is_analyst(capability: str) -> bool:
    try:
        infer_operation(StepRequest(instruction="", capability=capability))
    except AgentInputError:
        return False
    return True


def _run(request: StepRequest) -> StepRun:
    try:
        result = run_operation(request)
    except AgentInputError as error:
        return StepRun(request.step_id, request.capability, "failed", reason=str(error))
    except Exception as error:  # a crash is an outcome the evaluation counts, not a stop
        return StepRun(
            request.step_id,
            request.capability,
            "error",
            reason=f"{type(error).__name__}: {error}",
        )
    return StepRun(request.step_id, request.capability, "completed", result.text, result.data)
