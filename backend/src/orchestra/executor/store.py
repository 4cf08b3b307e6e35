"""The executor's reads and writes: each a short transaction, safe to run again after a crash.

Durable steps run at least once, so every write here is conditional on the state it expects
(a step is finished only while it is running, a task only while it is not finished): running
one twice changes nothing the second time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra import events, metrics, tracing
from orchestra.db import Agent, AgentInstance, Message, StepStatus, Task, TaskStatus, TaskStep
from orchestra.db.base import utcnow
from orchestra.executor import slots
from orchestra.executor.dispatch import AgentReply
from orchestra.executor.result import join_step_outputs
from orchestra.executor.runtime import Runtime
from orchestra.llm.errors import LLMError
from orchestra.planner import Plan, PlannerKind, PlanOutcome, validate_plan
from orchestra.planner.errors import PlannerError
from orchestra.planner.synthesis import StepOutput
from orchestra.registry import Capability, choose_instance, record_call

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


@dataclass(frozen=True)
class Brief:
    """What planning a task needs to know of it."""

    description: str
    history: list[str]
    given: Plan | None
    trace: dict[str, Any] | None


async def begin_planning(rt: Runtime, task_id: str) -> Brief | list[dict[str, Any]]:
    """Mark the task planning; returns what the planner needs, or the plan already stored."""
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
        given = Plan.model_validate(task.requested_plan) if task.requested_plan else None
        brief = Brief(task.description, history, given, task.trace_context)
    rt.bus.notify()
    return brief


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
    attributes = {"orchestra.task_id": task_id}
    with tracing.span("task.plan", parent=begun.trace, attributes=attributes):
        return await _plan_and_store(rt, task_id, begun.description, begun.history, begun.given)


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
        made: list[TaskStep] = []
        for position, planned in enumerate(outcome.plan.steps):
            agent_id, agent_name = await _assign(session, capabilities[planned.capability])
            made.append(
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
        session.add_all(made)
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
    rt.bus.notify()
    return plan_summary(made)


async def _assign(session: AsyncSession, capability: Capability) -> tuple[str, str]:
    """The agent for a step: among those offering the capability, the one best placed now."""
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


@dataclass(frozen=True)
class Call:
    """One attempt of a step at one instance, as the step's transactions see it."""

    instance_id: str
    card: dict[str, Any]
    attempt: int


@dataclass(frozen=True)
class Ended:
    """One attempt's figures, counted at its instance in the next transaction."""

    instance_id: str
    latency_ms: float
    error: str | None
    reachable: bool


BUSY = "busy"
"""`start_step`: every slot of the step's agent is taken; look again later."""


async def start_step(
    rt: Runtime, task_id: str, key: str
) -> tuple[dict[str, Any], Call] | str | None:
    """Take a slot of the step's agent, mark the step running and pick an instance.

    One transaction. Returns the job to send with its first call; `BUSY` when the agent
    has no free slot (nothing is written); None when the step must not run (the task was
    stopped, or the step has finished); an error message when the agent has no instance.
    """
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        steps = {s.key: s for s in task.steps}
        step = steps[key]
        if task.status != TaskStatus.RUNNING or StepStatus(step.status).terminal:
            return None
        agent_id = step.agent_id or ""
        instance = choose_instance(await rt.registry.instances_of(session, agent_id))
        if instance is None:
            return f"agent {step.agent_name or agent_id} has no instance"
        took = await slots.take(
            session,
            agent_id=agent_id,
            task_id=task_id,
            key=key,
            instance_id=instance.id,
            executor_id=rt.settings.process_id,
            cap=rt.settings.agent_concurrency,
        )
        if not took:
            return BUSY
        if step.status != StepStatus.RUNNING:
            step.status = StepStatus.RUNNING
            step.started_at = utcnow()
            events.record(
                session, task_id, "step.running", key, status="running", agent=step.agent_name
            )
        call = _begin_call(rt, session, step, instance)
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
        job = {
            "task_id": task_id,
            "key": key,
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
    return job, call


def _begin_call(
    rt: Runtime, session: AsyncSession, step: TaskStep, instance: AgentInstance
) -> Call:
    step.attempts += 1
    step.instance_id = instance.id
    instance.in_flight += 1
    events.record(
        session,
        step.task_id,
        "step.attempt",
        step.key,
        attempt=step.attempts,
        instance=instance.id,
        url=instance.url,
        executor=rt.settings.process_id,
    )
    return Call(instance.id, dict(instance.card), step.attempts)


async def next_attempt(
    rt: Runtime, task_id: str, key: str, ended: Ended | None, tried: set[str]
) -> Call | None:
    """Count the attempt that ended and pick an instance for the next one, another if any.

    None when the step was stopped meanwhile or its agent has no instance left.
    """
    async with rt.db.session() as session:
        await _count_call(session, ended)
        step = await _step(session, task_id, key)
        if step is None or step.status != StepStatus.RUNNING:
            return None
        instances = await rt.registry.instances_of(session, step.agent_id or "")
        instance = choose_instance(instances, exclude=tried)
        if instance is None:
            return None
        await slots.move(session, task_id, key, instance.id)
        call = _begin_call(rt, session, step, instance)
    rt.bus.notify()
    return call


async def _step(session: AsyncSession, task_id: str, key: str) -> TaskStep | None:
    return await session.scalar(
        select(TaskStep).where(TaskStep.task_id == task_id, TaskStep.key == key)
    )


async def _count_call(session: AsyncSession, ended: Ended | None) -> None:
    if ended is None:
        return
    instance = await session.get(AgentInstance, ended.instance_id)
    if instance is not None:  # deleted while the call ran
        record_call(instance, ended.latency_ms, ended.error, ended.reachable)


async def note_remote_task(rt: Runtime, task_id: str, key: str, remote_task_id: str) -> bool:
    """Remember the agent's task id, so a cancel can reach it; False if the step was stopped.

    A cancel that came before the agent named its task could not tell the agent: the caller
    does it then.
    """
    async with rt.db.session() as session:
        step = await _step(session, task_id, key)
        if step is None:
            return False
        step.remote_task_id = remote_task_id
        return step.status == StepStatus.RUNNING


async def finish_step(
    rt: Runtime, task_id: str, key: str, outcome: dict[str, Any], ended: Ended | None = None
) -> str:
    """Store a step's outcome once, count its last call and free its slot.

    Returns the step's status as stored.
    """
    async with rt.db.session() as session:
        await _count_call(session, ended)
        await slots.free(session, task_id, key)
        status = await _store_outcome(session, task_id, key, outcome)
    rt.bus.notify()
    return status


async def _store_outcome(
    session: AsyncSession, task_id: str, key: str, outcome: dict[str, Any]
) -> str:
    step = await _step(session, task_id, key)
    if step is None:
        return StepStatus.CANCELED.value
    if step.status != StepStatus.RUNNING:
        if not StepStatus(step.status).terminal:
            # Never started (stopped while waiting for a slot, or its agent has no instance).
            step.status = StepStatus.FAILED if outcome["state"] == "failed" else StepStatus.CANCELED
            step.error = outcome.get("error")
            step.finished_at = utcnow()
            events.record(
                session, task_id, f"step.{step.status}", key, status=step.status, error=step.error
            )
        return step.status
    ok = outcome["state"] == "completed"
    step.remote_task_id = outcome.get("remote_task_id") or step.remote_task_id
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
        metrics.STEP_SECONDS.labels(step.agent_name or "", step.capability, step.status).observe(
            (step.finished_at - step.started_at).total_seconds()
        )
    events.record(
        session,
        task_id,
        f"step.{step.status}",
        key,
        status=step.status,
        error=step.error,
        output=(step.output or "")[:500],
    )
    return str(step.status)


async def finish_task(rt: Runtime, task_id: str) -> str:
    """Complete the task from its steps' outputs, or fail it with the failed step's reason.

    With an LLM configured, the result is written by it from the step outputs (outside any
    database session); offline, or if that call fails, the outputs are joined in plan order.
    Steps still at their agents when the task fails are canceled there.
    """
    written = None
    if rt.synthesizer is not None:
        async with rt.db.session() as session:
            task = await _task(session, task_id)
            if TaskStatus(task.status).terminal:
                return task.status
            complete = bool(task.steps) and all(
                s.status == StepStatus.COMPLETED for s in task.steps
            )
            description = task.description
            outputs = [StepOutput(s.key, s.title, s.capability, s.output or "") for s in task.steps]
        written = await _synthesize(rt, description, outputs) if complete else None
    in_flight: list[RemoteTask] = []
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if TaskStatus(task.status).terminal:
            return task.status
        failed = [s for s in task.steps if s.status == StepStatus.FAILED]
        if task.steps and all(s.status == StepStatus.COMPLETED for s in task.steps):
            joined, task.result_data = join_step_outputs(task.steps)
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
            in_flight, _ = await _running(session, task)
            if failed:
                first = failed[0]
                what = f"{first.key} ({first.capability}, {first.title})"
                error = f"Step {what} failed: {first.error}"
            else:
                unfinished = [s.key for s in task.steps if not StepStatus(s.status).terminal]
                error = f"Steps never finished: {unfinished}"
            _close_task(session, task, TaskStatus.FAILED, error=error)
        status = task.status
    rt.bus.notify()
    for instance_id, card, remote_task_id in in_flight:
        await rt.dispatcher.cancel(instance_id, card, remote_task_id)
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
    """Set a final status; steps that had not finished are canceled, or skipped if they had
    not started and the task did not end by a cancel."""
    now = utcnow()
    for step in task.steps:
        if not StepStatus(step.status).terminal:
            leftover = (
                StepStatus.SKIPPED
                if status != TaskStatus.CANCELED and step.status == StepStatus.PENDING
                else StepStatus.CANCELED
            )
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
    async with rt.db.session() as session:
        task = await _task(session, task_id)
        if TaskStatus(task.status).terminal:
            return [], []
        in_flight, unnamed = await _running(session, task)
        _close_task(session, task, TaskStatus.CANCELED, error="Canceled by request.")
    rt.bus.notify()
    return in_flight, unnamed


async def _running(session: AsyncSession, task: Task) -> tuple[list[RemoteTask], list[str]]:
    """The agent tasks of the task's running steps, and the keys of those not named yet."""
    in_flight: list[RemoteTask] = []
    unnamed: list[str] = []
    for step in task.steps:
        if step.status != StepStatus.RUNNING:
            continue
        remote = await _remote(session, step)
        if remote is not None:
            in_flight.append(remote)
        else:
            unnamed.append(step.key)
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
    if not (step.remote_task_id and step.instance_id):
        return None
    instance = await session.get(AgentInstance, step.instance_id)
    if instance is None:
        return None
    return instance.id, dict(instance.card), step.remote_task_id


def outcome_of(reply: AgentReply) -> dict[str, Any]:
    return {
        "state": reply.state,
        "text": reply.text,
        "data": reply.data,
        "error": reply.error,
        "remote_task_id": reply.remote_task_id or None,
    }
