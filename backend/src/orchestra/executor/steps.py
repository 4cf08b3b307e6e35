"""A step's transactions: start (take an agent slot, pick an instance), next attempt, finish.

Each is one short transaction of a few Core statements, safe to run again after a crash:
durable steps run at least once, so every write is conditional on the state it expects (a
step is finished only while it is running, started only while its task runs). Instance
choice and call figures come from the registry's memory, not from the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, func, select

from orchestra import metrics
from orchestra.changes import Change
from orchestra.db import STEPS, TASKS, StepKind, StepStatus, TaskStatus
from orchestra.db.base import utcnow
from orchestra.executor import planning, slots
from orchestra.executor.completion import complete_if_last, finished
from orchestra.executor.dispatch import AgentReply
from orchestra.executor.runtime import Runtime
from orchestra.llm.cost import cost_usd
from orchestra.llm.profiles import card_model
from orchestra.registry import InstanceState
from orchestra.workflows import run as workflow_run
from orchestra.workflows.templates import TemplateProblem


@dataclass(frozen=True)
class Call:
    """One attempt of a step at one instance, as the step's transactions see it."""

    instance_id: str
    card: dict[str, Any]
    attempt: int


@dataclass(frozen=True)
class Ended:
    """One attempt's figures, counted at its instance when the attempt ends."""

    instance_id: str
    latency_ms: float
    error: str | None
    reachable: bool


TASK_COMPLETED = "completed, and the task with it"
"""`finish`: the step completed, and so did its task (it was the last step)."""

BUSY = "busy"
"""`start`: every slot of the step's agent is taken; look again later."""

SKIPPED = "skipped"
"""`start`: the step was skipped (a workflow step whose condition is false, or that needs a
skipped step); it is stored so."""

WAITING = "input_required"
"""`start`, `finish`: the step waits for a reply to its agent's question (`executor.questions`)."""

Job = dict[str, Any]


@dataclass(frozen=True)
class Fanned:
    """`start` of a step run once per item of an earlier step's data: its items' steps,
    made (now, or by an earlier start), in the items' order."""

    items: list[str]


# Built once (see orchestra.changes): the statements every step runs.
THIS_STEP: tuple[ColumnElement[bool], ...] = (
    STEPS.c.task_id == bindparam("_task"),
    STEPS.c.step_id == bindparam("_step_id"),
)
READ_FOR_START = (
    select(
        TASKS.c.status.label("task_status"),
        TASKS.c.owner,
        TASKS.c.description,
        TASKS.c.session_id,
        TASKS.c.trace_context,
        TASKS.c.hops,
        STEPS.c.status,
        STEPS.c.title,
        STEPS.c.instruction,
        STEPS.c.capability,
        STEPS.c.expected_output,
        STEPS.c.depends_on,
        STEPS.c.agent_id,
        STEPS.c.agent_name,
        STEPS.c.attempts,
        STEPS.c.profile,
        STEPS.c.instance_id,
        STEPS.c.remote_task_id,
        STEPS.c.reply,
        STEPS.c.kind,
        TASKS.c.workflow_run,
    )
    .join(TASKS, TASKS.c.id == STEPS.c.task_id)
    .where(*THIS_STEP)
)
READ_INPUTS = select(
    STEPS.c.step_id,
    STEPS.c.title,
    STEPS.c.capability,
    STEPS.c.output,
    STEPS.c.output_data,
    STEPS.c.status,
).where(
    STEPS.c.task_id == bindparam("_task"),
    STEPS.c.step_id.in_(bindparam("_step_ids", expanding=True)),
)
READ_FOR_ATTEMPT = select(
    STEPS.c.status, STEPS.c.agent_id, STEPS.c.attempts, STEPS.c.profile
).where(*THIS_STEP)
READ_STATUS = select(STEPS.c.status).where(*THIS_STEP)
COUNT_STEPS = select(func.count(), func.max(STEPS.c.position)).where(
    STEPS.c.task_id == bindparam("_task")
)
# An LLM use stored with a step, counted once committed: model, profile, tokens in and
# out, cost in USD (None: unknown).
Spent = tuple[str | None, str | None, int, int, float | None]

READ_FOR_FINISH = select(
    STEPS.c.status,
    STEPS.c.started_at,
    STEPS.c.agent_name,
    STEPS.c.capability,
    STEPS.c.remote_task_id,
    STEPS.c.instance_id,
    STEPS.c.profile,
).where(*THIS_STEP)


def _read_step(connection: Connection, task_id: str, step_id: str) -> Any:
    return connection.execute(READ_FOR_START, {"_task": task_id, "_step_id": step_id}).one()


# A task waiting for a reply to one step's question still runs its other steps.
RUNS = (TaskStatus.RUNNING, TaskStatus.PENDING, TaskStatus.INPUT_REQUIRED)


def waits(step: Any, round: int) -> bool:
    """Whether a step waits for a reply in the run `round` of its task's plan: its question
    is not answered, or it is answered for a later run (a run repeated after a crash must
    take the decisions it took the first time, when that reply had not come)."""
    if step.status == StepStatus.INPUT_REQUIRED:
        return True
    return step.reply is not None and int(step.reply.get("round", 0)) > round


def _take(
    connection: Connection,
    rt: Runtime,
    change: Change,
    step_id: str,
    chosen: list[tuple[str, InstanceState]],
    grown: list[Change] | None = None,
    round: int = 0,
) -> tuple[Job, Call] | Fanned | str | None:
    """The body of a start, in the caller's transaction (see `start`). A step run per item
    of an earlier step's data takes no slot: its items' steps are made (`_grow`), their
    change written at once and put in `grown`, to be applied to the view after the commit."""
    task_id = change.task_id
    step = _read_step(connection, task_id, step_id)
    if step.task_status not in RUNS:
        return None
    if waits(step, round):
        return WAITING
    if StepStatus(step.status).terminal:
        return None
    if step.kind == StepKind.FAN_OUT:
        return _grow(connection, rt, change, step, step_id, grown if grown is not None else [])
    if step.reply is not None and step.remote_task_id:
        return _take_reply(connection, rt, change, step, step_id, chosen)
    inputs: dict[str, dict[str, Any]] | None = None
    prepared: workflow_run.Prepared | None = None
    if step.workflow_run is not None:
        inputs = read_inputs(
            connection, task_id, workflow_run.reads(step.workflow_run, step_id, step.depends_on)
        )
        decided = prepare_workflow_step(change, step, step_id, inputs)
        if not isinstance(decided, workflow_run.Prepared):
            return decided
        prepared = decided
    agent_id = step.agent_id or ""
    instance = rt.registry.choose(agent_id, profile=step.profile)
    if instance is None:
        if step.profile is not None:
            return (
                f"no instance of agent {step.agent_name or agent_id} serves the model profile "
                f"{step.profile!r}: start one with --model {step.profile} and register it"
            )
        return f"agent {step.agent_name or agent_id} has no instance"
    took = slots.take(
        connection,
        agent_id=agent_id,
        task_id=task_id,
        step_id=step_id,
        instance_id=instance.id,
        executor_id=rt.settings.process_id,
        cap=rt.settings.agent_concurrency,
    )
    if not took:
        return BUSY
    if step.task_status == TaskStatus.PENDING:  # its plan came with it: its first step
        change.start_task(connection, utcnow())
    if step.status != StepStatus.RUNNING:
        change.set_step(step_id, status=StepStatus.RUNNING, started_at=utcnow())
        change.event("step.running", step_id, status="running", agent=step.agent_name)
    call = _begin_call(rt, change, step_id, step.attempts, instance)
    if inputs is None:
        inputs = read_inputs(connection, task_id, step.depends_on)
    chosen.append((agent_id, instance))
    job: Job = {
        "task_id": task_id,
        "step_id": step_id,
        "instruction": step.instruction,
        "message_id": f"{task_id}:{step_id}",
        "owner": step.owner,
        "trace": step.trace_context,
        "context_id": step.session_id or task_id,
        "hops": step.hops + 1,
        "data": {
            "task": step.description,
            "step": {
                "id": step_id,
                "title": step.title,
                "capability": step.capability,
                "expected_output": step.expected_output,
            },
            "inputs": {dep: _sent(inputs[dep]) for dep in step.depends_on if dep in inputs},
        },
    }
    if prepared is not None:
        _apply(rt, job, prepared)
    return job, call


def _take_reply(
    connection: Connection,
    rt: Runtime,
    change: Change,
    step: Any,
    step_id: str,
    chosen: list[tuple[str, InstanceState]],
) -> tuple[Job, Call] | str:
    """Start a step whose question was answered: the reply goes to the instance that asked,
    as a follow-up message of the agent's task (same task and context ids), since only
    that task knows what was asked and why."""
    agent_id = step.agent_id or ""
    instance = rt.registry.instance(step.instance_id or "")
    if instance is None:
        return (
            f"the instance of agent {step.agent_name or agent_id} that asked the question is "
            "gone, and the reply can only go to the task there"
        )
    took = slots.take(
        connection,
        agent_id=agent_id,
        task_id=change.task_id,
        step_id=step_id,
        instance_id=instance.id,
        executor_id=rt.settings.process_id,
        cap=rt.settings.agent_concurrency,
    )
    if not took:
        return BUSY
    if step.status != StepStatus.RUNNING:
        change.set_step(step_id, status=StepStatus.RUNNING)
        change.event("step.running", step_id, status="running", agent=step.agent_name)
    call = _begin_call(rt, change, step_id, step.attempts, instance)
    chosen.append((agent_id, instance))
    reply = step.reply
    job: Job = {
        "task_id": change.task_id,
        "step_id": step_id,
        "instruction": reply.get("text") or "",
        # One id per reply: a reply resent after a crash is the same message.
        "message_id": f"{change.task_id}:{step_id}:reply{reply.get('round', 0)}",
        "owner": step.owner,
        "trace": step.trace_context,
        "context_id": step.session_id or change.task_id,
        "hops": step.hops + 1,
        "data": reply.get("data"),
        "remote_task_id": step.remote_task_id,
    }
    return job, call


def read_inputs(
    connection: Connection, task_id: str, step_ids: list[str]
) -> dict[str, dict[str, Any]]:
    """The results of the steps `step_ids`, by step id."""
    if not step_ids:
        return {}
    return {
        dep.step_id: {
            "title": dep.title,
            "capability": dep.capability,
            "text": dep.output or "",
            "data": dep.output_data,
            "status": dep.status,
        }
        for dep in connection.execute(READ_INPUTS, {"_task": task_id, "_step_ids": list(step_ids)})
    }


def _grow(
    connection: Connection,
    rt: Runtime,
    change: Change,
    step: Any,
    step_id: str,
    grown: list[Change],
) -> Fanned | str:
    """Make the items' steps of a step run per item of an earlier step's data, now that the
    steps it reads have ended: one agent step `<id>#<n>` per item, in the plan after the
    others, prepared as the step itself (`workflow_run.with_items`); the step is running
    until they have all ended. Made once: a step running already has its items.

    Returns the items' steps; `SKIPPED` (stored) when a step it needs was skipped or the
    list is empty; an error message when the list is not one or makes too many steps.
    """
    run = step.workflow_run
    if step.status == StepStatus.RUNNING:
        return Fanned(workflow_run.fanned(run).get(step_id, []))
    task_id = change.task_id
    results = read_inputs(connection, task_id, workflow_run.reads(run, step_id, step.depends_on))
    try:
        items = workflow_run.items_of(run, step_id, step.depends_on, results)
    except TemplateProblem as exc:
        return f"the step's list failed: {exc}"
    now = utcnow()
    # Written at once (and applied after the commit): the items are started next in this
    # transaction and read their rows, and another step of the task grown in it reads
    # the run's record as this one leaves it.
    made = Change(task_id)
    if isinstance(items, workflow_run.Skip) or not items:
        if isinstance(items, workflow_run.Skip):
            reason = items.reason
        else:
            reason = f"{run['steps'][step_id]['for_each']} is an empty list: no item to run"
            # The steps after it see empty lists, as after an empty list input.
            made.set_task(workflow_run=workflow_run.with_items(run, step_id, []))
        made.set_step(step_id, status=StepStatus.SKIPPED, finished_at=now)
        made.event("step.skipped", step_id, status=StepStatus.SKIPPED, reason=reason)
        made.write(connection, at=now)
        grown.append(made)
        return SKIPPED
    row = connection.execute(COUNT_STEPS, {"_task": task_id}).one()
    count, last = int(row[0]), int(row[1])
    limit = rt.settings.max_plan_steps
    if count - 1 + len(items) > limit:
        return (
            f"its {len(items)} items would make the run {count - 1 + len(items)} steps; at "
            f"most {limit} are allowed (MAX_PLAN_STEPS)"
        )
    bigger = workflow_run.with_items(run, step_id, items)
    for n, item_step in enumerate(bigger["groups"][step_id]):
        made.new_steps.append(
            planning.step_row(
                task_id,
                item_step,
                last + 1 + n,
                title=step.title,
                instruction=step.instruction,  # its template, until it is rendered
                capability=step.capability,
                depends_on=step.depends_on,
                expected_output=step.expected_output,
                agent=(step.agent_id, step.agent_name),
            )
        )
    made.set_task(workflow_run=bigger)
    made.set_step(step_id, status=StepStatus.RUNNING, started_at=now)
    made.event("step.running", step_id, status="running", items=len(items))
    made.write(connection, at=now)
    grown.append(made)
    return Fanned(bigger["groups"][step_id])


def _sent(result: dict[str, Any]) -> dict[str, Any]:
    """A dependency's result as its dependent's message carries it."""
    return {k: result[k] for k in ("title", "capability", "text", "data")}


def prepare_workflow_step(
    change: Change, step: Any, step_id: str, results: dict[str, dict[str, Any]]
) -> workflow_run.Prepared | str:
    """A workflow's step about to start: skip it (stored, `SKIPPED`), fail it (its template
    or condition failed: the error), or what it is sent with."""
    try:
        decided = workflow_run.prepare(step.workflow_run, step_id, step.depends_on, results)
    except TemplateProblem as exc:
        return f"the step's template or condition failed: {exc}"
    if isinstance(decided, workflow_run.Skip):
        change.set_step(step_id, status=StepStatus.SKIPPED, finished_at=utcnow())
        change.event("step.skipped", step_id, status=StepStatus.SKIPPED, reason=decided.reason)
        return SKIPPED
    if decided.instruction is not None and decided.instruction != step.instruction:
        change.set_step(step_id, instruction=decided.instruction)  # what the agent was sent
    return decided


def _apply(rt: Runtime, job: Job, prepared: workflow_run.Prepared) -> None:
    """A workflow step's rendered instruction, mapped values and limits, in its job."""
    if prepared.instruction is not None:
        job["instruction"] = prepared.instruction
    if prepared.data is not None:
        # What the mapping selects is the step's material, and all of it: agents read the
        # outputs of earlier steps first, so sent beside it they would be taken instead.
        job["data"]["data"] = prepared.data
        job["data"]["inputs"] = {}
    policy = rt.policy
    if prepared.timeout_seconds is not None:
        policy = dataclasses.replace(policy, timeout=prepared.timeout_seconds)
    if prepared.max_attempts is not None:
        policy = dataclasses.replace(policy, max_attempts=prepared.max_attempts)
    if policy is not rt.policy:
        job["policy"] = policy


async def start(
    rt: Runtime, task_id: str, step_id: str, agent_id: str, round: int = 0
) -> tuple[Job, Call] | str | None:
    """Take a slot of the step's agent, mark the step running and pick an instance.

    One transaction; the slot counts as held here once it commits (`Waiters.took`). Returns
    the job to send with its first call; `BUSY` when the agent
    has no free slot (nothing is written); None when the step must not run (the task was
    stopped, or the step has finished); `WAITING` when the step waits for a reply to its
    question in this run (`round`) of the plan; an error message when the agent has no
    instance.
    """
    if not rt.registry.instances(agent_id):
        # Registered by another process since this one last read the registry?
        await rt.registry.reload()
    change = Change(task_id)
    chosen: list[tuple[str, InstanceState]] = []

    def work(connection: Connection) -> tuple[Job, Call] | str | None:
        started = _take(connection, rt, change, step_id, chosen, round=round)
        if isinstance(started, Fanned):  # `start_items` starts those
            raise TypeError(f"step {step_id} runs per item: start it with start_items")
        change.write(connection)
        return started

    started = await rt.db.run(work)
    _began(rt, chosen, [], change)
    return started


Started = dict[str, tuple[Job, Call]]
"""Steps started in another step's transaction, by step id, for their runs to call."""


def _take_ready(
    connection: Connection,
    rt: Runtime,
    change: Change,
    ready: list[tuple[str, str]],
    chosen: list[tuple[str, InstanceState]],
    grown: list[Change],
    fan_outs: Collection[str] = (),
    round: int = 0,
) -> Started:
    """Start the steps `ready` (step id, agent id) that can start at once: an agent with an
    instance known here and a slot free. The others are left to their own start.

    A step in `fan_outs` (run per item of an earlier step's data) has its items' steps made
    whatever the slots, and those of its items that can start are started."""
    started: Started = {}
    waiters, cap = rt.slot_waiters, rt.settings.agent_concurrency
    for step_id, agent_id in ready:
        if step_id not in fan_outs and (
            not rt.registry.instances(agent_id) or waiters.full(agent_id, cap)
        ):
            continue
        taken = _take(connection, rt, change, step_id, chosen, grown, round)
        if isinstance(taken, Fanned):
            items = [(item, agent_id) for item in taken.items]
            started.update(_take_ready(connection, rt, change, items, chosen, grown))
        elif isinstance(taken, tuple):
            started[step_id] = taken
    return started


def _began(
    rt: Runtime, chosen: list[tuple[str, InstanceState]], grown: list[Change], *changes: Change
) -> None:
    """After the commit of steps' starts: count the calls about to be made and the slots held
    here, and patch the task's view with the items' steps made (`grown`), then `changes`."""
    for agent_id, instance in chosen:
        instance.began()
        rt.slot_waiters.took(agent_id)
    for made in grown:
        rt.views.apply(made)
    for change in changes:
        rt.views.apply(change)


async def start_ready(
    rt: Runtime, task_id: str, ready: list[tuple[str, str]], round: int = 0
) -> Started:
    """Start the steps that are ready together (a plan's first steps) in one transaction.

    Steps that cannot start at once are left out: their runs start them as usual.
    """
    change = Change(task_id)
    chosen: list[tuple[str, InstanceState]] = []
    grown: list[Change] = []

    def work(connection: Connection) -> Started:
        started = _take_ready(connection, rt, change, ready, chosen, grown, round=round)
        change.write(connection)
        return started

    started = await rt.db.run(work)
    _began(rt, chosen, grown, change)
    return started


async def start_items(
    rt: Runtime, task_id: str, step_id: str, agent_id: str, started: Collection[str]
) -> tuple[list[str], Started] | str:
    """Start a step run per item of an earlier step's data: make its items' steps (unless
    made already, as in the transaction that finished the step it waited for) and start
    those that can start at once, in one transaction; those `started` already are left to
    their runs.

    Returns the items' steps and those started; or the step's status when it has no items
    to run (skipped, failed as its list is not one, or ended before).
    """
    change = Change(task_id)
    chosen: list[tuple[str, InstanceState]] = []
    grown: list[Change] = []
    figures: list[tuple[str, str, str, float]] = []

    def work(connection: Connection) -> tuple[list[str], Started] | str:
        taken = _take(connection, rt, change, step_id, chosen, grown)
        ended: tuple[list[str], Started] | str
        if isinstance(taken, Fanned):
            items = [(item, agent_id) for item in taken.items if item not in started]
            ended = taken.items, _take_ready(connection, rt, change, items, chosen, grown)
        elif isinstance(taken, str) and taken != SKIPPED:
            failed = {"state": "failed", "error": taken}
            ended = _store_outcome(rt, connection, change, step_id, failed, figures)
        else:
            status = connection.scalar(READ_STATUS, {"_task": task_id, "_step_id": step_id})
            ended = str(status or StepStatus.CANCELED.value)
        change.write(connection)
        return ended

    began = await rt.db.run(work)
    _began(rt, chosen, grown, change)
    return began


async def end_items(
    rt: Runtime,
    task_id: str,
    step_id: str,
    ended: dict[str, str],
    ready: list[tuple[str, str]],
    started: Started,
    fan_outs: Collection[str] = (),
) -> str:
    """End a step run per item of an earlier step's data from how its items ended (`ended`,
    in the items' order): failed when one of them did not complete or skip, skipped when
    every one was skipped, else completed, the steps waiting only for it started in the
    same transaction (as `finish` does). Returns its status as stored."""
    unfinished = [item for item, status in ended.items() if status not in DONE_ITEM]
    if unfinished:
        first = unfinished[0]
        failed = {"state": "failed", "error": f"its item {first} ended {ended[first]}"}
        return await finish(rt, task_id, step_id, failed)
    if all(status == SKIPPED for status in ended.values()):
        change = Change(task_id)

        def skip(connection: Connection) -> str:
            status = connection.scalar(READ_STATUS, {"_task": task_id, "_step_id": step_id})
            if status != StepStatus.RUNNING:
                return str(status or StepStatus.CANCELED.value)
            reason = "every item was skipped"
            change.set_step(step_id, status=StepStatus.SKIPPED, finished_at=utcnow())
            change.event("step.skipped", step_id, status=StepStatus.SKIPPED, reason=reason)
            change.write(connection)
            return SKIPPED

        skipped = await rt.db.run(skip)
        rt.views.apply(change)
        return skipped
    text = f"Ran once per item, as {', '.join(ended)}."
    done = {"state": "completed", "text": text, "data": None}
    return await finish(rt, task_id, step_id, done, None, ready, started, fan_outs)


DONE_ITEM = (StepStatus.COMPLETED.value, SKIPPED, TASK_COMPLETED)


def _begin_call(
    rt: Runtime, change: Change, step_id: str, attempts: int, instance: InstanceState
) -> Call:
    attempt = attempts + 1
    change.set_step(step_id, attempts=attempt, instance_id=instance.id)
    change.event(
        "step.attempt",
        step_id,
        attempt=attempt,
        instance=instance.id,
        url=instance.url,
        executor=rt.settings.process_id,
    )
    return Call(instance.id, instance.card, attempt)


def count_call(rt: Runtime, ended: Ended | None) -> None:
    """Count an attempt that ended at its instance (in memory; written in batches)."""
    if ended is None:
        return
    instance = rt.registry.instance(ended.instance_id)
    if instance is not None:  # deleted while the call ran
        instance.ended(ended.latency_ms, ended.error, ended.reachable)


async def next_attempt(
    rt: Runtime, task_id: str, step_id: str, ended: Ended | None, tried: set[str]
) -> Call | None:
    """Count the attempt that ended and pick an instance for the next one, another if any.

    None when the step was stopped meanwhile or its agent has no instance left.
    """
    count_call(rt, ended)
    change = Change(task_id)
    picked: list[InstanceState] = []

    def work(connection: Connection) -> Call | None:
        step = connection.execute(READ_FOR_ATTEMPT, {"_task": task_id, "_step_id": step_id}).first()
        if step is None or step.status != StepStatus.RUNNING:
            return None
        instance = rt.registry.choose(step.agent_id or "", exclude=tried, profile=step.profile)
        if instance is None:
            return None
        slots.move(connection, task_id, step_id, instance.id)
        call = _begin_call(rt, change, step_id, step.attempts, instance)
        change.write(connection)
        picked.append(instance)
        return call

    call = await rt.db.run(work)
    if picked:
        picked[0].began()
    rt.views.apply(change)
    return call


async def note_remote_task(rt: Runtime, task_id: str, step_id: str, remote_task_id: str) -> bool:
    """Remember the agent's task id, so a cancel can reach it; False if the step was stopped.

    A cancel that came before the agent named its task could not tell the agent: the caller
    does it then.
    """
    change = Change(task_id)

    def work(connection: Connection) -> bool:
        status = connection.scalar(READ_STATUS, {"_task": task_id, "_step_id": step_id})
        if status is None:
            return False
        change.set_step(step_id, remote_task_id=remote_task_id)
        change.write(connection)
        return bool(status == StepStatus.RUNNING)

    running = await rt.db.run(work)
    rt.views.apply(change)
    return running


async def finish(
    rt: Runtime,
    task_id: str,
    step_id: str,
    outcome: dict[str, Any],
    ended: Ended | None = None,
    ready: list[tuple[str, str]] | None = None,
    started: Started | None = None,
    fan_outs: Collection[str] = (),
    round: int = 0,
) -> str:
    """Store a step's outcome once, count its last call and free its slot.

    `ready`: the steps (step id, agent id) that only wait for this one. When it completed,
    those that can start at once are started in the same transaction and put in `started`;
    those in `fan_outs`, run per item of its data, have their items' steps made in it.
    Returns the step's status as stored.
    """
    count_call(rt, ended)
    change = Change(task_id)
    figures: list[tuple[str, str, str, float]] = []
    spent: list[Spent] = []
    chosen: list[tuple[str, InstanceState]] = []
    # Offline the result is the steps' outputs joined: the last step to complete can write
    # it in its own transaction, and the task needs no durable step of its own to finish.
    ends_task = rt.synthesizer is None

    starts = Change(task_id)
    grown: list[Change] = []

    def work(connection: Connection) -> tuple[str, Started]:
        slots.free(connection, task_id, step_id)
        status = _store_outcome(rt, connection, change, step_id, outcome, figures, spent)
        if status == StepStatus.COMPLETED and ends_task and complete_if_last(connection, change):
            status = TASK_COMPLETED
        # Written first: the steps started next read this one's outcome as their input.
        # One transaction, one time for its events.
        now = utcnow()
        change.write(connection, at=now)
        next_ones: Started = {}
        if status == StepStatus.COMPLETED and ready:
            next_ones = _take_ready(connection, rt, starts, ready, chosen, grown, fan_outs, round)
            starts.write(connection, at=now)
        return status, next_ones

    status, next_ones = await rt.db.run(work)
    if started is not None:
        started.update(next_ones)
    finished(rt, change)
    _began(rt, chosen, grown, starts)
    for agent, capability, state, seconds in figures:
        metrics.STEP_SECONDS.labels(agent, capability, state).observe(seconds)
    for used in spent:
        metrics.count_tokens(*used)
    return status


def _store_outcome(
    rt: Runtime,
    connection: Connection,
    change: Change,
    step_id: str,
    outcome: dict[str, Any],
    figures: list[tuple[str, str, str, float]],
    spent: list[Spent] | None = None,
) -> str:
    """Store the outcome; `figures` and `spent` get what metrics count once it is committed."""
    step = connection.execute(
        READ_FOR_FINISH, {"_task": change.task_id, "_step_id": step_id}
    ).first()
    if step is None:
        return StepStatus.CANCELED.value
    now = utcnow()
    if step.status != StepStatus.RUNNING:
        if StepStatus(step.status).terminal:
            return str(step.status)
        # Never started (stopped while waiting for a slot, or its agent has no instance).
        status = StepStatus.FAILED if outcome["state"] == "failed" else StepStatus.CANCELED
        error = outcome.get("error")
        change.set_step(step_id, status=status, error=error, finished_at=now)
        change.event(f"step.{status}", step_id, status=status, error=error)
        return status.value
    if outcome["state"] == "input-required":
        return _store_question(connection, change, step_id, outcome, step.remote_task_id)
    ok = outcome["state"] == "completed"
    status = StepStatus.COMPLETED if ok else StepStatus.FAILED
    output = outcome.get("text") or None
    data = outcome.get("data")
    error = None if ok else (outcome.get("error") or "the agent failed the step")
    values: dict[str, Any] = {
        "status": status,
        "remote_task_id": outcome.get("remote_task_id") or step.remote_task_id,
        "output": output,
        "output_data": data,
        "error": error,
        "finished_at": now,
        "reasoning": outcome.get("reasoning") or None,
        "progress": outcome.get("progress") or None,
    }
    usage = outcome.get("usage") or (data or {}).get("usage")
    if isinstance(usage, dict):
        # An agent that used an LLM reports it in its data part (keys on the wire are
        # camelCase): {"usage": {"inputTokens", "outputTokens", "model", "profile"}};
        # a step the orchestrator ran with a model (a consensus) gives it beside its data.
        tokens_in = int(usage.get("inputTokens") or 0)
        tokens_out = int(usage.get("outputTokens") or 0)
        profile = _answering_profile(rt, usage, step)
        model = str(usage.get("model") or "")[:200] or None
        cost = cost_usd(rt.profiles, profile, tokens_in, tokens_out)
        values.update(
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            llm_profile=profile,
            llm_model=model,
            cost_usd=cost,
        )
        if spent is not None:
            spent.append((model, profile, tokens_in, tokens_out, cost))
    change.set_step(step_id, **values)
    if step.started_at is not None:
        seconds = (now - step.started_at).total_seconds()
        figures.append((step.agent_name or "", step.capability, status.value, seconds))
    told = {"progress": values["progress"], "reasoning": (values["reasoning"] or "")[:500]}
    told = {k: v for k, v in told.items() if v}  # the reasoning cut as the output is
    change.event(
        f"step.{status}", step_id, status=status, error=error, output=(output or "")[:500], **told
    )
    return status.value


def _answering_profile(rt: Runtime, usage: dict[str, Any], step: Any) -> str | None:
    """The model profile that answered: as the agent's usage names it, else as its
    instance's card does, else the one the step asked for."""
    named = usage.get("profile")
    if isinstance(named, str) and named.strip():
        return named.strip()[:50]
    instance = rt.registry.instance(step.instance_id) if step.instance_id else None
    said = card_model(instance.card) if instance is not None else None
    if said is not None and said["profile"]:
        return said["profile"][:50]
    return step.profile or None


def _store_question(
    connection: Connection,
    change: Change,
    step_id: str,
    outcome: dict[str, Any],
    remote_task_id: str | None,
) -> str:
    """The agent asked a question (input-required): the step, and its task, wait for the
    reply. Its slot is freed already: the wait costs the agent nothing."""
    question = {
        "text": outcome.get("question") or "",
        "data": outcome.get("question_data"),
        "asked_at": utcnow().isoformat(),
    }
    change.set_step(
        step_id,
        status=StepStatus.INPUT_REQUIRED,
        remote_task_id=outcome.get("remote_task_id") or remote_task_id,
        question=question,
        reply=None,
        progress=outcome.get("progress") or None,
    )
    told = {k: v for k, v in question.items() if k != "asked_at" and v is not None}
    change.event("step.input_required", step_id, status=StepStatus.INPUT_REQUIRED, **told)
    task_status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == change.task_id))
    if task_status == TaskStatus.RUNNING:
        change.set_task(status=TaskStatus.INPUT_REQUIRED)
    if task_status in (TaskStatus.RUNNING, TaskStatus.INPUT_REQUIRED):
        # Every question is told on the task too: a client follows the task's events.
        change.event("task.input_required", status=TaskStatus.INPUT_REQUIRED, step=step_id, **told)
    return WAITING


def outcome_of(reply: AgentReply) -> dict[str, Any]:
    return {
        "state": reply.state,
        "text": reply.text,
        "data": reply.data,
        "error": reply.error,
        "remote_task_id": reply.remote_task_id or None,
        "reasoning": reply.reasoning,
        "progress": reply.progress,
        "question": reply.question,
        "question_data": reply.question_data,
    }
