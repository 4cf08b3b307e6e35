"""The executor's reads and writes: each a short transaction, safe to run again after a crash.

Durable steps run at least once, so every write here is conditional on the state it expects
(a step is finished only while it is running, a task only while it is not finished): running
one twice changes nothing the second time.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra import events, metrics, tracing
from orchestra.db import Message, StepStatus, Task, TaskStatus, TaskStep
from orchestra.db.base import utcnow
from orchestra.executor.dispatch import AgentReply
from orchestra.executor.runtime import Runtime
from orchestra.executor.synthesis import synthesize
from orchestra.llm.errors import LLMError
from orchestra.planner import Plan, PlannerKind, PlanOutcome, validate_plan
from orchestra.planner.errors import PlannerError
from orchestra.planner.synthesis import StepOutput
from orchestra.registry import Capability, choose_instance

log = logging.getLogger(__name__)

HISTORY_MESSAGES = 10


def plan_summary(steps: list[TaskStep]) -> list[dict[str, Any]]:
    """What the workflow needs of the plan: keys, dependencies and the agent of each step."""
    return [{"key": s.key, "depends_on": list(s.depends_on), "agent_id": s.agent_id} for s in steps]


async def _task(session: AsyncSession, task_id: str) -> Task:
    task = await session.get(Task, task_id)
    if task is None:
        raise LookupError(f"task {task_id} vanished")
    return task


async def begin_planning(
    rt: Runtime, task_id: str
) -> tuple[str, list[str], Plan | None] | list[dict[str, Any]]:
    """Mark the task planning; returns (description, history, given plan), or the stored plan."""
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if task.steps:
            return plan_summary(task.steps)
        if TaskStatus(task.status).terminal:
            return []
        history: list[str] = []
        if task.session_id:
            rows = await session.scalars(
                select(Message.content)
                .where(
                    Message.session_id == task.session_id,
                    Message.role == "user",
                    Message.task_id != task.id,
                )
                .order_by(Message.created_at.desc())
                .limit(HISTORY_MESSAGES)
            )
            history = list(reversed(list(rows)))
        if task.status != TaskStatus.PLANNING:
            task.status = TaskStatus.PLANNING
            task.started_at = utcnow()
            events.record(session, task_id, "task.planning", status="planning")
        description = task.description
        given = Plan.model_validate(task.requested_plan) if task.requested_plan else None
    rt.bus.notify()
    return description, history, given


async def make_plan(
    rt: Runtime, description: str, history: list[str], capabilities: dict[str, Capability]
) -> PlanOutcome:
    """Ask the configured planner (LLM with repair and fallback, or offline); check its plan."""
    outcome = await rt.planner.plan(
        description, [c.spec for c in capabilities.values()], history, rt.settings.max_plan_steps
    )
    errors = validate_plan(outcome.plan, capabilities.keys(), rt.settings.max_plan_steps)
    if errors:
        raise PlannerError("the plan is invalid: " + "; ".join(errors))
    return outcome


def checked(rt: Runtime, plan: Plan, capabilities: dict[str, Capability]) -> PlanOutcome:
    """A plan given with the task: checked again, as agents may have gone since it was sent."""
    errors = validate_plan(plan, capabilities.keys(), rt.settings.max_plan_steps)
    if errors:
        raise PlannerError("the given plan is invalid: " + "; ".join(errors))
    return PlanOutcome(plan, PlannerKind.USER, "the plan was given with the task", 0, 0, None)


async def plan_task(rt: Runtime, task_id: str) -> list[dict[str, Any]]:
    """Plan the task and store its steps; an empty list means the task is already finished."""
    begun = await begin_planning(rt, task_id)
    if isinstance(begun, list):
        return begun
    description, history, given = begun
    async with rt.db.session() as session:
        parent = (await _task(session, task_id)).trace_context
    with tracing.span("task.plan", parent=parent, attributes={"orchestra.task_id": task_id}):
        return await _plan_and_store(rt, task_id, description, history, given)


async def _plan_and_store(
    rt: Runtime, task_id: str, description: str, history: list[str], given: Plan | None
) -> list[dict[str, Any]]:
    capabilities = await rt.registry.capabilities()
    try:
        if given is not None:
            outcome = checked(rt, given, capabilities)
        else:
            outcome = await make_plan(rt, description, history, capabilities)
    except PlannerError as exc:
        await fail_task(rt, task_id, f"Planning failed: {exc}")
        return []
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if task.steps or TaskStatus(task.status).terminal:
            return plan_summary(task.steps)
        for position, planned in enumerate(outcome.plan.steps):
            agent_id, agent_name = await _assign(session, capabilities[planned.capability])
            session.add(
                TaskStep(
                    task_id=task_id,
                    key=planned.id,
                    position=position,
                    title=planned.title,
                    instruction=planned.instruction,
                    capability=planned.capability,
                    depends_on=list(planned.depends_on),
                    expected_output=planned.expected_output,
                    agent_id=agent_id,
                    agent_name=agent_name,
                )
            )
        task.planner = outcome.kind.value
        task.planner_reason = outcome.reason
        _add_tokens(task, outcome.tokens_in, outcome.tokens_out, outcome.model)
        task.status = TaskStatus.RUNNING
        events.record(
            session,
            task_id,
            "task.planned",
            planner=outcome.kind.value,
            reason=outcome.reason,
            plan=outcome.plan.model_dump(mode="json"),
        )
        events.record(session, task_id, "task.running", status="running")
        await session.flush()
        await session.refresh(task, ["steps"])
        summary = plan_summary(task.steps)
    rt.bus.notify()
    return summary


async def _assign(session: AsyncSession, capability: Capability) -> tuple[str, str]:
    """The agent for a step: among those offering the capability, the one best placed now."""
    from orchestra.db import Agent  # local: keeps the module's public imports small

    best: tuple[tuple[bool, int], str, str] | None = None
    for agent_id in capability.agent_ids:
        agent = await session.get(Agent, agent_id)
        if agent is None:
            continue
        instance = choose_instance(agent.instances)
        if instance is None:
            continue
        rank = (instance.health != "healthy", instance.in_flight)
        if best is None or rank < best[0]:
            best = (rank, agent.id, agent.name)
    if best is None:
        raise PlannerError(f"no agent offers capability '{capability.spec.name}' any more")
    return best[1], best[2]


async def start_step(rt: Runtime, task_id: str, key: str) -> dict[str, Any] | None:
    """Mark a step running and build what is sent to its agent; None if it must not run."""
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        steps = {s.key: s for s in task.steps}
        step = steps[key]
        if task.status != TaskStatus.RUNNING or StepStatus(step.status).terminal:
            return None
        inputs = {
            dep: {
                "title": steps[dep].title,
                "capability": steps[dep].capability,
                "text": steps[dep].output or "",
                "data": steps[dep].output_data,
            }
            for dep in step.depends_on
            if dep in steps
        }
        if step.status != StepStatus.RUNNING:
            step.status = StepStatus.RUNNING
            step.started_at = utcnow()
            events.record(
                session, task_id, "step.running", key, status="running", agent=step.agent_name
            )
        job = {
            "task_id": task_id,
            "key": key,
            "agent_id": step.agent_id,
            "instruction": step.instruction,
            "message_id": f"{task_id}:{key}",
            "trace": task.trace_context,
            "context_id": task.session_id or task_id,
            "data": {
                "task": task.description,
                "step": {
                    "id": key,
                    "title": step.title,
                    "capability": step.capability,
                    "expected_output": step.expected_output,
                },
                "inputs": inputs,
            },
        }
    rt.bus.notify()
    return job


async def begin_attempt(
    rt: Runtime, task_id: str, key: str, agent_id: str, tried: set[str]
) -> tuple[str, dict[str, Any], int] | None:
    """Pick an instance for the next attempt and count it; None if the agent has none."""
    async with rt.db.session() as session:
        instances = await rt.registry.instances_of(session, agent_id)
        instance = choose_instance(instances, exclude=tried)
        if instance is None:
            return None
        step = await session.scalar(
            select(TaskStep).where(TaskStep.task_id == task_id, TaskStep.key == key)
        )
        if step is None:
            return None
        step.attempts += 1
        step.instance_id = instance.id
        events.record(
            session,
            task_id,
            "step.attempt",
            key,
            attempt=step.attempts,
            instance=instance.id,
            url=instance.url,
            executor=rt.settings.process_id,
        )
        result = (instance.id, dict(instance.card), step.attempts)
    rt.bus.notify()
    return result


async def note_remote_task(rt: Runtime, task_id: str, key: str, remote_task_id: str) -> bool:
    """Remember the agent's task id, so a cancel can reach it; False if the step was stopped.

    A cancel that came before the agent named its task could not tell the agent: the caller
    does it then.
    """
    async with rt.db.session() as session:
        step = await session.scalar(
            select(TaskStep).where(TaskStep.task_id == task_id, TaskStep.key == key)
        )
        if step is None:
            return False
        step.remote_task_id = remote_task_id
        return step.status == StepStatus.RUNNING


async def finish_step(rt: Runtime, task_id: str, key: str, outcome: dict[str, Any]) -> str:
    """Store a step's outcome once; returns the step's status as stored."""
    async with rt.db.session() as session:
        step = await session.scalar(
            select(TaskStep).where(TaskStep.task_id == task_id, TaskStep.key == key)
        )
        if step is None:
            return StepStatus.CANCELED.value
        if step.status != StepStatus.RUNNING:
            return step.status
        ok = outcome["state"] == "completed"
        step.status = StepStatus.COMPLETED if ok else StepStatus.FAILED
        step.output = outcome.get("text") or None
        step.output_data = outcome.get("data")
        step.error = None if ok else (outcome.get("error") or "the agent failed the step")
        step.finished_at = utcnow()
        usage = (step.output_data or {}).get("usage")
        if isinstance(usage, dict):
            # An agent that used an LLM reports it in its data part: {"usage": {...}}.
            step.tokens_in = int(usage.get("input_tokens") or 0)
            step.tokens_out = int(usage.get("output_tokens") or 0)
            _count_tokens(usage.get("model"), step.tokens_in, step.tokens_out)
        if step.started_at is not None:
            metrics.STEP_SECONDS.labels(
                step.agent_name or "", step.capability, step.status
            ).observe((step.finished_at - step.started_at).total_seconds())
        events.record(
            session,
            task_id,
            f"step.{step.status}",
            key,
            status=step.status,
            error=step.error,
            output=(step.output or "")[:500],
        )
        status = str(step.status)
    rt.bus.notify()
    return status


async def finish_task(rt: Runtime, task_id: str) -> str:
    """Complete the task from its steps' outputs, or fail it with the failed step's reason.

    With an LLM configured, the result is written by it from the step outputs (outside any
    database session); offline, or if that call fails, the outputs are joined in plan order.
    """
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if TaskStatus(task.status).terminal:
            return task.status
        complete = bool(task.steps) and all(s.status == StepStatus.COMPLETED for s in task.steps)
        description = task.description
        outputs = [StepOutput(s.key, s.title, s.capability, s.output or "") for s in task.steps]
    written = await _synthesize(rt, description, outputs) if complete else None
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if TaskStatus(task.status).terminal:
            return task.status
        failed = [s for s in task.steps if s.status == StepStatus.FAILED]
        if failed:
            first = failed[0]
            _close_task(
                session,
                task,
                TaskStatus.FAILED,
                error=f"Step {first.key} ({first.capability}, {first.title}) failed: {first.error}",
            )
        elif task.steps and all(s.status == StepStatus.COMPLETED for s in task.steps):
            joined, task.result_data = synthesize(task.steps)
            task.result = joined
            if written is not None:
                task.result = written.text
                _add_tokens(task, written.tokens_in, written.tokens_out, written.model)
                task.result_data = {**task.result_data, "joined": joined}
            _close_task(session, task, TaskStatus.COMPLETED)
            if task.session_id:
                session.add(
                    Message(
                        session_id=task.session_id,
                        role="assistant",
                        content=task.result,
                        task_id=task.id,
                    )
                )
        else:
            unfinished = [s.key for s in task.steps if not StepStatus(s.status).terminal]
            _close_task(
                session, task, TaskStatus.FAILED, error=f"Steps never finished: {unfinished}"
            )
        status = task.status
    rt.bus.notify()
    return status


async def _synthesize(rt: Runtime, description: str, outputs: list[StepOutput]) -> Any:
    if rt.synthesizer is None:
        return None
    try:
        return await rt.synthesizer.synthesize(description, outputs)
    except LLMError as exc:  # the joined outputs are a fine result too
        log.warning("synthesis failed, joining step outputs instead: %s", exc)
        return None


def _add_tokens(task: Task, tokens_in: int, tokens_out: int, model: str | None) -> None:
    task.tokens_in += tokens_in
    task.tokens_out += tokens_out
    if model:
        task.metadata_ = {**task.metadata_, "llm_model": model}
    _count_tokens(model, tokens_in, tokens_out)


def _count_tokens(model: object, tokens_in: int, tokens_out: int) -> None:
    if tokens_in or tokens_out:
        metrics.LLM_TOKENS.labels(str(model or "unknown"), "in").inc(tokens_in)
        metrics.LLM_TOKENS.labels(str(model or "unknown"), "out").inc(tokens_out)


async def fail_task(rt: Runtime, task_id: str, error: str) -> None:
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if not TaskStatus(task.status).terminal:
            _close_task(session, task, TaskStatus.FAILED, error=error)
    rt.bus.notify()


def _close_task(
    session: AsyncSession, task: Task, status: TaskStatus, error: str | None = None
) -> None:
    """Set a final status; steps that had not finished are skipped (or canceled)."""
    now = utcnow()
    leftover = StepStatus.CANCELED if status == TaskStatus.CANCELED else StepStatus.SKIPPED
    for step in task.steps:
        if not StepStatus(step.status).terminal:
            step.status = leftover
            step.finished_at = now
            events.record(session, task.id, f"step.{leftover}", step.key, status=leftover)
    task.status = status
    task.error = error
    task.finished_at = now
    metrics.TASKS_FINISHED.labels(status.value).inc()
    events.record(session, task.id, f"task.{status}", status=status, error=error)


RemoteTask = tuple[str, dict[str, Any], str]
"""(instance id, its card, the agent's task id) of a step in flight at an agent."""


async def cancel_task(rt: Runtime, task_id: str) -> tuple[list[RemoteTask], list[str]]:
    """Mark a task canceled.

    Returns the agent tasks of steps in flight, and the keys of running steps whose agent
    has not named its task yet (the caller watches those for a while).
    """
    in_flight: list[RemoteTask] = []
    unnamed: list[str] = []
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if TaskStatus(task.status).terminal:
            return [], []
        for step in task.steps:
            if step.status != StepStatus.RUNNING:
                continue
            remote = await _remote(session, step)
            if remote is not None:
                in_flight.append(remote)
            else:
                unnamed.append(step.key)
        _close_task(session, task, TaskStatus.CANCELED, error="Canceled by request.")
    rt.bus.notify()
    return in_flight, unnamed


async def remote_tasks(rt: Runtime, task_id: str, keys: list[str]) -> dict[str, RemoteTask]:
    """The agent tasks of these steps, for those whose agent has named its task by now."""
    found: dict[str, RemoteTask] = {}
    async with rt.db.session() as session:
        steps = await session.scalars(
            select(TaskStep).where(TaskStep.task_id == task_id, TaskStep.key.in_(keys))
        )
        for step in steps:
            remote = await _remote(session, step)
            if remote is not None:
                found[step.key] = remote
    return found


async def _remote(session: AsyncSession, step: TaskStep) -> RemoteTask | None:
    from orchestra.db import AgentInstance

    if not (step.remote_task_id and step.instance_id):
        return None
    instance = await session.get(AgentInstance, step.instance_id)
    if instance is None:
        return None
    return instance.id, dict(instance.card), step.remote_task_id


def outcome_of(reply: AgentReply) -> dict[str, Any]:
    return {"state": reply.state, "text": reply.text, "data": reply.data, "error": reply.error}
