"""The durable workflow of a task: plan, run the plan's steps concurrently, finish.

DBOS keeps the workflow: a process that restarts (or adopts a dead one's work) runs it again
from the start. The plan is a DBOS step, so it is not made again: its result is recorded.
The plan's steps are not DBOS steps: our database records each step's outcome already, with
writes conditional on the state they expect, so running a step again finds a finished step
finished and never sends it to an agent again; a step in flight at a crash is sent again
with the same message id (its idempotency key). A DBOS record per step would say the same
thing a second time, at two more writes to DBOS's database per step.

Every decision the workflow takes comes from recorded values: the plan returned by
`plan_step` and the steps' statuses in our database.

The cap on each agent's concurrency across processes is taken by `slots` in the
transaction that starts the step.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from dbos import DBOS
from opentelemetry.trace import SpanKind

from orchestra import logs, metrics, tracing
from orchestra.agents.protocol import DOCUMENTS_EXTENSION_URI
from orchestra.db import StepKind
from orchestra.db.errors import transient
from orchestra.documents import Documents
from orchestra.executor import (
    approvals,
    completion,
    consensus,
    planning,
    questions,
    replanning,
    review,
    steps,
)
from orchestra.executor.dispatch import TransportError, build_message
from orchestra.executor.review import PLAN_TOPIC
from orchestra.executor.runtime import Runtime, current
from orchestra.executor.steps import Call, Ended

log = logging.getLogger(__name__)

T = TypeVar("T")


# Every durable step reads or writes our database; a connection cut or a database restart
# must not kill the task, so those steps retry for about half a minute before giving up.
# Only then: a schema bug or bad SQL fails the step at once (see db/errors.py).
DB_RETRY: dict[str, Any] = {
    "retries_allowed": True,
    "interval_seconds": 0.5,
    "backoff_rate": 2.0,
    "max_attempts": 7,
    "should_retry": transient,
}


# The agent's task id is what a cancel needs to reach a step at its agent. Most steps end
# sooner than this, and their id is stored with their outcome; a step still running then
# has it stored on its own (a cancel that came meanwhile is passed on at that moment).
NAMING_DELAY_SECONDS = 0.05


class Naming:
    """Stores the agent's task id of one call, if the call is still running after a while."""

    def __init__(self, rt: Runtime, task_id: str, step_id: str, call: Call) -> None:
        self.rt, self.task_id, self.step_id, self.call = rt, task_id, step_id, call
        self._job: asyncio.Task[None] | None = None
        self._writing = False

    async def on_task(self, remote_id: str) -> None:
        self._job = asyncio.create_task(self._name(remote_id))

    async def _name(self, remote_id: str) -> None:
        await asyncio.sleep(NAMING_DELAY_SECONDS)
        self._writing = True
        if not await steps.note_remote_task(self.rt, self.task_id, self.step_id, remote_id):
            # The task was stopped while the agent started the step: stop it there too;
            # the agent then ends the call as canceled.
            await self.rt.dispatcher.cancel(self.call.instance_id, self.call.card, remote_id)

    async def settle(self) -> None:
        """The call ended: a write still waiting is not needed; one under way is finished."""
        if self._job is None:
            return
        if not self._writing:
            self._job.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._job


@DBOS.step(name="orchestra.plan", **DB_RETRY)
async def plan_step(task_id: str) -> list[dict[str, Any]]:
    logs.bind(task_id)
    return await planning.plan_task(current(), task_id)


@DBOS.step(name="orchestra.review", **DB_RETRY)
async def review_step(task_id: str) -> bool:
    return await review.hold(current(), task_id)


@DBOS.step(name="orchestra.decide", **DB_RETRY)
async def decide_step(task_id: str, message: dict[str, Any] | None) -> str:
    return await review.decide(current(), task_id, message, current().settings.plan_review_hours)


@DBOS.step(name="orchestra.answer", **DB_RETRY)
async def answer_step(task_id: str, message: dict[str, Any] | None, round: int) -> str:
    logs.bind(task_id)
    return await questions.answer(
        current(), task_id, message, round, current().settings.input_wait_hours
    )


@DBOS.step(name="orchestra.replan", **DB_RETRY)
async def replan_step(task_id: str, number: int) -> list[dict[str, Any]] | str:
    logs.bind(task_id)
    return await replanning.replan(current(), task_id, number)


@DBOS.step(name="orchestra.reviewed_plan", **DB_RETRY)
async def reviewed_plan_step(task_id: str) -> list[dict[str, Any]]:
    return await planning.stored(current(), task_id)


AGENTLESS = (StepKind.CONSENSUS, StepKind.APPROVAL)


class Plan:
    """The steps of one run of a task's plan as the workflow follows them: who waits for
    whom, how each ended, and the steps started by another step's transaction."""

    def __init__(self, plan: list[dict[str, Any]], round: int = 0) -> None:
        self.round = round
        """Which run of the task's plan this is (`executor.questions`): 0, then one more after
        each reply to a question."""
        self.agents = {planning.step_id_of(n): n["agent_id"] or "" for n in plan}
        ids = {planning.step_id_of(n) for n in plan}
        # A replan's step may need a completed step of an earlier version: not waited for.
        self.needs = {
            planning.step_id_of(n): [d for d in n["depends_on"] if d in ids] for n in plan
        }
        self.kinds = {planning.step_id_of(n): planning.kind_of(n) for n in plan}
        self.fan_outs = {s for s, kind in self.kinds.items() if kind == StepKind.FAN_OUT}
        # Steps no agent runs: a consensus (its own run starts it) and an approval.
        self.agentless = {s for s, kind in self.kinds.items() if kind in AGENTLESS}
        self.status: dict[str, str] = {}
        self.started: steps.Started = {}

    def agent_of(self, step_id: str) -> str:
        """The agent of a step of the plan, or of an item of a step run per item (`<id>#<n>`,
        made while the plan runs), whose agent is its step's."""
        return self.agents.get(step_id) or self.agents.get(step_id.partition("#")[0], "")

    def first(self) -> list[tuple[str, str]]:
        """The agent steps that wait for none."""
        return [
            (s, self.agents[s])
            for s, needs in self.needs.items()
            if not needs and s not in self.agentless
        ]

    def ready_after(self, step_id: str) -> list[tuple[str, str]]:
        """The agent steps that wait only for `step_id` now: the others they need completed.
        (A consensus or approval step takes no agent slot: its own run starts it.)"""
        return [
            (s, self.agents[s])
            for s, needs in self.needs.items()
            if step_id in needs
            and s not in self.agentless
            and s not in self.status
            and s not in self.started
            and all(self.status.get(n) == "completed" for n in needs if n != step_id)
        ]

    def release(self, rt: Runtime) -> None:
        """Steps started for a run that never took them (the workflow was stopped, as at a
        shutdown): their slots stop counting here; their rows are freed when the process
        starts again, as for any step in flight at a stop."""
        for step_id in self.started:
            rt.slot_waiters.freed(self.agent_of(step_id))
        self.started.clear()


async def retrying(attempt: Callable[[], Awaitable[T]], what: str) -> T:
    """Await `attempt()` again while the database is busy or away, as DBOS retries its
    steps (DB_RETRY); any other error, or the last attempt's, is raised."""
    delay = DB_RETRY["interval_seconds"]
    for number in range(1, DB_RETRY["max_attempts"] + 1):
        try:
            return await attempt()
        except Exception as exc:
            if number == DB_RETRY["max_attempts"] or not transient(exc):
                raise
            log.warning("%s: database busy or away (%s); again in %gs", what, exc, delay)
            await asyncio.sleep(delay)
            delay *= DB_RETRY["backoff_rate"]
    raise AssertionError("unreachable")


async def step(task_id: str, step_id: str, agent_id: str, plan: Plan) -> str:
    """Run one step of the plan on its agent; returns the step's final status.

    A busy or unreachable database is waited for (`retrying`): the step is run again from
    its start, which finds it as far as it got.
    """
    return await retrying(
        lambda: _step(task_id, step_id, agent_id, plan), f"task {task_id} step {step_id}"
    )


async def _step(task_id: str, step_id: str, agent_id: str, plan: Plan) -> str:
    logs.bind(task_id, step_id)
    rt = current()
    waiters, cap = rt.slot_waiters, rt.settings.agent_concurrency
    # Started already, in the transaction of the step it waited for (or with its siblings)?
    started: Any = plan.started.pop(step_id, None)
    if started is None:
        while True:
            if waiters.full(agent_id, cap):
                started = steps.BUSY  # this process holds every slot: no need to ask
            else:
                started = await steps.start(rt, task_id, step_id, agent_id, plan.round)
            if started != steps.BUSY:
                break
            await waiters.wait(agent_id, rt.settings.slot_poll_seconds)
        if started is None:
            return await steps.finish(rt, task_id, step_id, STOPPED)
        if started in (steps.SKIPPED, steps.WAITING):
            return str(started)
        if isinstance(started, str):
            failed = {"state": "failed", "error": started}
            return await steps.finish(rt, task_id, step_id, failed)
    job, call = started
    try:
        if rt.documents is not None and reads_documents(call.card) and "remote_task_id" not in job:
            await _add_documents(rt.documents, job)
        attrs = {"orchestra.task_id": task_id, "orchestra.step_id": step_id}
        with tracing.span(f"step {step_id}", parent=job.get("trace"), attributes=attrs):
            outcome, ended = await _call_agent(rt, job, call)
        # The steps that wait only for this one start in its finishing transaction.
        ready = plan.ready_after(step_id)
        return await steps.finish(
            rt, task_id, step_id, outcome, ended, ready, plan.started, plan.fan_outs, plan.round
        )
    finally:
        waiters.freed(agent_id)


STOPPED = {"state": "canceled", "error": "the task was stopped before the step started"}
BLOCKED = "blocked"
"""A step of this run that needs one waiting for a reply: it stays pending."""
WAITS = (steps.WAITING, BLOCKED)
# Passages of the owner's documents sent with a step, at most.
DOCUMENT_PASSAGES = 6


def reads_documents(card: dict[str, Any]) -> bool:
    """Whether the agent's card says it reads passages of users' documents."""
    extensions = (card.get("capabilities") or {}).get("extensions") or ()
    return any(e.get("uri") == DOCUMENTS_EXTENSION_URI for e in extensions if isinstance(e, dict))


async def _add_documents(documents: Documents, job: dict[str, Any]) -> None:
    """Send the step the passages of its owner's documents that match its instruction."""
    found = await documents.search(job["owner"], job["instruction"], DOCUMENT_PASSAGES)
    if found:
        job["data"]["documents"] = [
            {"document": f.document, "passage": f.passage, "text": f.text} for f in found
        ]


async def _call_agent(
    rt: Runtime, job: dict[str, Any], call: Call
) -> tuple[dict[str, Any], Ended | None]:
    """Send the step to an instance of its agent; retry elsewhere when worth it.

    Transport failures (unreachable, 5xx, broken stream, timeout) resend the same message id:
    the agent may have received it, and must not run it twice. A failure the agent marks
    retryable was certainly finished, so the next attempt gets a new message id.
    Returns the outcome and the last attempt's figures, which the caller stores.
    """
    policy = job.get("policy") or rt.policy  # a workflow's step may have its own
    task_id, step_id = job["task_id"], job["step_id"]
    tried = {call.instance_id}
    rerun = 0
    last_error = "no attempt was made"
    ended: Ended | None = None
    attempt = call
    for number in range(1, policy.max_attempts + 1):
        if number > 1:
            await asyncio.sleep(policy.delay(number - 1))
            following = await steps.next_attempt(rt, task_id, step_id, ended, tried)
            if following is None:
                return {"state": "failed", "error": f"no instance left; last: {last_error}"}, None
            attempt = following
            if attempt.instance_id not in tried:
                metrics.FAILOVERS.inc()
            tried.add(attempt.instance_id)
        message_id = job["message_id"] if rerun == 0 else f"{job['message_id']}:rerun{rerun}"
        # A reply to the agent's question is a follow-up message of its task.
        message = build_message(
            message_id,
            job["context_id"],
            job["instruction"],
            job["data"],
            job.get("remote_task_id", ""),
            # A job from before hop counts were kept: the task came from a person.
            job.get("hops", 1),
        )

        naming = Naming(rt, task_id, step_id, attempt)
        started = time.monotonic()
        try:
            attempt_attrs: dict[str, str | int] = {
                "a2a.message_id": message_id,
                "orchestra.attempt": attempt.attempt,
            }
            with tracing.span("a2a.send", kind=SpanKind.CLIENT, attributes=attempt_attrs):
                reply = await rt.dispatcher.send(
                    attempt.instance_id,
                    attempt.card,
                    message,
                    policy.timeout,
                    naming.on_task,
                    # The answer as the agent writes it, to the task's live streams.
                    on_text=rt.views.deltas.writer(task_id, step_id),
                )
        except TransportError as exc:
            last_error = str(exc)
            ended = _ended(attempt, started, last_error, reachable=False)
            log.warning("task %s step %s attempt %d failed: %s", task_id, step_id, number, exc)
            if number < policy.max_attempts:
                metrics.RETRIES.labels("transport").inc()
            continue
        finally:
            await naming.settle()
        ended = _ended(attempt, started, reply.error or None, reachable=True)
        if reply.retryable:
            last_error = f"the agent failed (retryable): {reply.error}"
            rerun += 1
            if number < policy.max_attempts:
                metrics.RETRIES.labels("agent").inc()
            log.warning("task %s step %s attempt %d: %s", task_id, step_id, number, last_error)
            continue
        return steps.outcome_of(reply), ended
    error = f"{policy.max_attempts} attempts failed; last: {last_error}"
    return {"state": "failed", "error": error}, ended


def _ended(call: Call, started: float, error: str | None, reachable: bool) -> Ended:
    latency = (time.monotonic() - started) * 1000
    return Ended(call.instance_id, latency, error, reachable)


@DBOS.step(name="orchestra.finish_task", **DB_RETRY)
async def finish_task_step(task_id: str, note: str = "") -> str:
    logs.bind(task_id)
    return await completion.finish_task(current(), task_id, note)


@DBOS.step(name="orchestra.fail_task", **DB_RETRY)
async def fail_task_step(task_id: str, error: str) -> str:
    logs.bind(task_id)
    await completion.fail_task(current(), task_id, error)
    return "failed"


def _failed(plan: Plan) -> bool:
    """Whether a step of the plan failed (a consensus participant's failure is its
    consensus step's to judge)."""
    return any(
        ended == "failed" and plan.kinds.get(step_id) != StepKind.PARTICIPANT
        for step_id, ended in plan.status.items()
    )


def _reason(exc: BaseException) -> str:
    """What a durable step that gave up says on its task (its last error, not DBOS's wrapper)."""
    cause = exc.__cause__ or exc
    return f"{type(cause).__name__}: {cause}"[:500]


@DBOS.workflow(name="orchestra.task")
async def run_task(
    task_id: str, given: list[dict[str, Any]] | None = None, review_asked: bool = True
) -> str:
    """Run the task once admitted (see `executor.admission`); a plan under review, or a
    question of an agent, is waited for outside the line, then the task takes its turn
    again.

    `review_asked` False: the task was stored without plan review, so no durable step asks
    (one DBOS record less per task). True (or not known, as when a pending task is started
    again) lets the review step read it."""
    rt = current()
    replans = 0
    may_replan = rt.settings.max_replans > 0
    async with rt.admission.turn(task_id):
        planned = await _plan(task_id, given)
        if isinstance(planned, str):
            return planned
        reviewed = review_asked and await review_step(task_id)
        if not reviewed:
            ended = await _run(task_id, planned, may_replan=may_replan)
    if reviewed:
        message = await DBOS.recv_async(PLAN_TOPIC, rt.settings.plan_review_hours * 3600)
        decided = await decide_step(task_id, message)
        if decided != review.APPROVE:
            return decided
        planned = await reviewed_plan_step(task_id)
        async with rt.admission.turn(task_id):
            ended = await _run(task_id, planned, may_replan=may_replan)
    round = 0
    while True:
        while ended == steps.WAITING:
            # A step waits for a reply to its agent's question, and nothing else can run.
            message = await DBOS.recv_async(
                questions.INPUT_TOPIC, rt.settings.input_wait_hours * 3600
            )
            answered = await answer_step(task_id, message, round + 1)
            if answered == questions.STILL_WAITING:
                continue
            if answered != questions.ANSWERED:
                return answered
            round += 1
            async with rt.admission.turn(task_id):
                ended = await _run(task_id, planned, round, may_replan)
        if ended != STEP_FAILED:
            return ended
        # A step failed for good: the planner plans the work left (`executor.replanning`).
        replans += 1
        replanned = await replan_step(task_id, replans)
        if isinstance(replanned, str):
            return await finish_task_step(task_id, replanned)
        planned = replanned
        may_replan = replans < rt.settings.max_replans
        async with rt.admission.turn(task_id):
            ended = await _run(task_id, planned, round, may_replan)


HAND_OFF = "hand_off"
"""`run_inline`'s answer when the task must wait (a question, an approval) or be replanned:
its workflow takes it from there."""


async def run_inline(task_id: str, given: list[dict[str, Any]] | None) -> str:
    """Run a task outside a DBOS workflow as far as it goes without waiting for anyone.

    Most tasks are planned, run and finished without a pause. For them, a workflow would add
    only its own records (its start and its end, written to DBOS's database apart from
    ours); our rows already hold how far the task got, and the process that restarts, or
    adopts a dead one's work, starts the workflow of a task it finds unfinished
    (`Executor.resubmit_pending`), which then finds every step as far as it got. A task that
    must wait (a question, an approval) or be replanned returns `HAND_OFF` once its running
    steps have settled: its workflow, started then, runs it again from its rows (nothing
    finished runs twice) and waits durably. The durable steps of `run_task` run here as
    plain calls, retried as DBOS would retry them (`retrying`).
    """
    rt = current()
    logs.bind(task_id)
    async with rt.admission.turn(task_id):
        if given is not None:
            plan = given
        else:
            plan = await retrying(
                lambda: planning.plan_task(rt, task_id), f"task {task_id}: planning"
            )
        if not plan:  # finished already (or failed at planning, which said why)
            return await _finish(task_id)
        ended = await _run(task_id, plan, may_replan=rt.settings.max_replans > 0)
    return HAND_OFF if ended in (steps.WAITING, STEP_FAILED) else ended


async def _finish(task_id: str) -> str:
    """`finish_task_step`: a recorded step in a workflow, retried as one outside."""
    if DBOS.workflow_id is not None:
        return await finish_task_step(task_id)
    return await retrying(
        lambda: completion.finish_task(current(), task_id), f"task {task_id}: finishing"
    )


async def _plan(task_id: str, given: list[dict[str, Any]] | None) -> list[dict[str, Any]] | str:
    """The task's plan, or how the task ended when it has none to run."""
    try:
        # A plan given with the task was stored with it: there is nothing to plan.
        plan = given if given is not None else await plan_step(task_id)
    except Exception as exc:  # the database stayed away through every retry
        # (DBOS's cancellation is a BaseException: a canceled task is not failed here.)
        log.exception("task %s could not be planned", task_id)
        return await fail_task_step(task_id, f"Planning failed: {_reason(exc)}")
    if not plan:
        return await finish_task_step(task_id)
    return plan


STEP_FAILED = "step_failed"
"""`_run`'s answer when a step failed for good and the task may be replanned: the task is
not finished (failed) yet."""


async def _run(
    task_id: str, plan: list[dict[str, Any]], round: int = 0, may_replan: bool = False
) -> str:
    """Run each step once its dependencies completed, then finish the task; `steps.WAITING`
    when a step waits for a reply to its agent's question, or for a person's decision
    (`executor.approvals`), and the task for it; `STEP_FAILED` when a step failed and
    `may_replan`.

    Steps run concurrently inside this workflow; each waits (in memory) for its
    dependencies. Run again after a crash, every step finds in the database how far it got.
    """
    if not plan:
        return await _finish(task_id)
    steps_of = Plan(plan, round)
    try:
        return await _run_plan(current(), task_id, plan, steps_of, may_replan)
    finally:
        steps_of.release(current())


async def _per_item(
    rt: Runtime, task_id: str, step_id: str, agent_id: str, plan: Plan, stopped: asyncio.Event
) -> str:
    """Run a step once per item of an earlier step's data: its items' steps are made (in
    the transaction that finished the step it waited for, or now), each runs as any agent
    step (within its agent's cap; one that ended before a crash is found ended and not sent
    again), and the step ends from theirs. Returns its final status."""
    what = f"task {task_id} step {step_id}"
    began = await retrying(
        lambda: steps.start_items(rt, task_id, step_id, agent_id, plan.started), what
    )
    if isinstance(began, str):
        return began  # skipped, failed, or ended before
    items, started = began
    plan.started.update(started)

    async def one(item: str) -> str:
        ended = await step(task_id, item, agent_id, plan)
        if ended not in ("completed", "skipped"):
            stopped.set()  # the task fails now, not once every other item has run
        return ended

    ended = await asyncio.gather(*(one(item) for item in items))
    return await retrying(
        lambda: steps.end_items(
            rt,
            task_id,
            step_id,
            dict(zip(items, ended, strict=True)),
            plan.ready_after(step_id),
            plan.started,
            plan.fan_outs,
        ),
        what,
    )


async def _run_plan(
    rt: Runtime,
    task_id: str,
    plan: list[dict[str, Any]],
    steps_of: Plan,
    may_replan: bool = False,
) -> str:
    ids = [planning.step_id_of(node) for node in plan]
    status = steps_of.status
    done = {step_id: asyncio.Event() for step_id in ids}
    stopped = asyncio.Event()  # a step failed or was canceled: nothing new starts
    first = steps_of.first()
    if len(first) > 1:
        # The first steps of a wide plan start together, in one transaction.
        try:
            steps_of.started.update(await steps.start_ready(rt, task_id, first, steps_of.round))
        except Exception as exc:  # each starts on its own then, with its own retries
            log.warning("task %s: the first steps could not start together: %s", task_id, exc)

    async def run(step_id: str, node: dict[str, Any]) -> None:
        kind = planning.kind_of(node)
        try:
            for dependency in node["depends_on"]:
                if dependency in done:  # else a completed step of an earlier plan version
                    await done[dependency].wait()
            if any(status.get(d) in WAITS for d in node["depends_on"]):
                status[step_id] = BLOCKED  # it runs once the question is answered
            elif stopped.is_set() and step_id not in steps_of.started:
                status[step_id] = "skipped"
            elif kind == StepKind.CONSENSUS:
                status[step_id] = await retrying(
                    lambda: consensus.run(
                        rt, task_id, step_id, steps_of.ready_after, steps_of.started
                    ),
                    f"task {task_id} step {step_id}",
                )
            elif kind == StepKind.APPROVAL:
                status[step_id] = await retrying(
                    lambda: approvals.ask(rt, task_id, step_id, steps_of.round),
                    f"task {task_id} step {step_id}",
                )
            elif kind == StepKind.FAN_OUT:
                agent_id = node["agent_id"] or ""
                status[step_id] = await _per_item(rt, task_id, step_id, agent_id, steps_of, stopped)
            else:  # a step started already runs: it is at its agent's door
                status[step_id] = await step(task_id, step_id, node["agent_id"] or "", steps_of)
        except Exception as exc:  # the database stayed away through every retry
            log.exception("task %s step %s gave up", task_id, step_id)
            failed = {"state": "failed", "error": f"The step could not run: {_reason(exc)}"}
            with contextlib.suppress(Exception):  # else the task fails as unfinished
                status[step_id] = await steps.finish(current(), task_id, step_id, failed)
        finally:
            # A participant that failed does not stop the task: its consensus decides
            # whether enough of them answered.
            ended = status.get(step_id)
            if ended not in ("completed", "skipped", steps.TASK_COMPLETED, *WAITS) and not (
                kind == StepKind.PARTICIPANT and ended == "failed"
            ):
                stopped.set()
            done[step_id].set()

    runs = asyncio.gather(*(run(step_id, node) for step_id, node in zip(ids, plan, strict=True)))
    stop = asyncio.ensure_future(stopped.wait())
    await asyncio.wait([runs, stop], return_when=asyncio.FIRST_COMPLETED)  # type: ignore[type-var]
    stop.cancel()
    if steps.TASK_COMPLETED in status.values():
        # The last step completed the task in its own transaction: nothing is left to do.
        await runs
        return "completed"
    if not stopped.is_set() and steps.WAITING in status.values():
        await runs  # ended already: nothing failed, and every step ran or waits
        return steps.WAITING
    if may_replan and _failed(steps_of):
        # The steps still at their agents finish first: their outputs are the replan's.
        await runs
        return STEP_FAILED
    try:
        return await _finish(task_id)
    finally:
        # Steps still at their agents when the task failed were canceled there; they end soon.
        await runs
