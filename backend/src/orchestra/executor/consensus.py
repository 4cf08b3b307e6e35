"""A consensus step, run in the orchestrator once its participants have ended: read their
answers, aggregate them (`vote`, `central`, or a model's synthesis with `llm`) and store
the consensus as the step's output. No agent is called and no slot taken.

Like an agent step it is a start transaction and a finish transaction, each conditional on
the state it expects, so a workflow run again after a crash finds it as far as it got: a
finished consensus is not aggregated again; one in progress at the crash is (an `llm`
aggregation may then be asked twice, as any step in flight is sent again).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select

from orchestra.changes import Change
from orchestra.consensus.aggregate import (
    Answer,
    Decision,
    consensus_data,
    decide,
    similarity_matrix,
)
from orchestra.db import STEPS, TASKS, StepStatus
from orchestra.db.base import utcnow
from orchestra.executor import steps
from orchestra.executor.runtime import Runtime
from orchestra.llm import LLMError, ModelProfiles
from orchestra.llm.profiles import card_model
from orchestra.planner.synthesis import StepOutput, Synthesis, Synthesizer, build_synthesizer

log = logging.getLogger(__name__)

STOPPED = {"state": "canceled", "error": "the task was stopped before the consensus"}

READ_STEP = (
    select(
        TASKS.c.status.label("task_status"),
        TASKS.c.description,
        STEPS.c.status,
        STEPS.c.instruction,
        STEPS.c.consensus,
    )
    .join(TASKS, TASKS.c.id == STEPS.c.task_id)
    .where(*steps.THIS_STEP)
)
READ_PARTICIPANTS = select(
    STEPS.c.step_id,
    STEPS.c.status,
    STEPS.c.agent_name,
    STEPS.c.profile,
    STEPS.c.instance_id,
    STEPS.c.output,
    STEPS.c.output_data,
    STEPS.c.error,
    STEPS.c.consensus,
).where(
    STEPS.c.task_id == bindparam("_task"),
    STEPS.c.step_id.in_(bindparam("_step_ids", expanding=True)),
)

CONSENSUS_BRIEF = (
    "Several models answered the request below independently; their answers follow as the "
    "results. Write the one answer they support best: keep what they agree on, say plainly "
    "where they disagree and which answer most of them gave."
)


@dataclass(frozen=True)
class Ballot:
    """What aggregating needs: the task, the step's instruction and settings, the answers."""

    description: str
    instruction: str
    settings: dict[str, Any]
    answers: list[Answer]


async def run(
    rt: Runtime,
    task_id: str,
    step_id: str,
    ready_after: Callable[[str], list[tuple[str, str]]],
    started: steps.Started,
) -> str:
    """Aggregate the consensus step's participants; returns the step's final status.

    `ready_after` and `started`: the plan's, so the steps that wait only for this one start
    in its finishing transaction, as after any step.
    """
    begun = await _begin(rt, task_id, step_id)
    if begun is None:
        return await steps.finish(rt, task_id, step_id, STOPPED)
    if isinstance(begun, str):
        return begun
    outcome = await _aggregate(rt, begun)
    return await steps.finish(rt, task_id, step_id, outcome, None, ready_after(step_id), started)


async def _begin(rt: Runtime, task_id: str, step_id: str) -> Ballot | str | None:
    """Mark the step running and read its participants' answers, in one transaction.

    None when it must not run (the task was stopped, or the step has finished); `SKIPPED`
    when every participant was skipped (a workflow's condition), and so is it.
    """
    change = Change(task_id)

    def work(connection: Connection) -> Ballot | str | None:
        step = connection.execute(READ_STEP, {"_task": task_id, "_step_id": step_id}).first()
        if step is None:
            return None
        runs = step.task_status in steps.RUNS  # another step may wait for a reply
        if not runs or StepStatus(step.status).terminal:
            return None
        settings = dict(step.consensus or {})
        ids = list(settings.get("steps") or ())
        rows = {
            row.step_id: row
            for row in connection.execute(READ_PARTICIPANTS, {"_task": task_id, "_step_ids": ids})
        }
        found = [rows[i] for i in ids if i in rows]
        now = utcnow()
        if found and all(r.status == StepStatus.SKIPPED for r in found):
            change.set_step(step_id, status=StepStatus.SKIPPED, finished_at=now)
            reason = "every participant was skipped"
            change.event("step.skipped", step_id, status=StepStatus.SKIPPED, reason=reason)
            change.write(connection, at=now)
            return steps.SKIPPED
        if step.status != StepStatus.RUNNING:
            change.set_step(step_id, status=StepStatus.RUNNING, started_at=now)
            change.event("step.running", step_id, status="running", agent=None)
            change.write(connection, at=now)
        return Ballot(step.description, step.instruction, settings, [_answer(rt, r) for r in found])

    begun = await rt.db.run(work)
    rt.views.apply(change)
    return begun


def _answer(rt: Runtime, row: Any) -> Answer:
    data = row.output_data if isinstance(row.output_data, dict) else None
    place = row.consensus or {}
    model: str | None = None
    instance = rt.registry.instance(row.instance_id) if row.instance_id else None
    said = card_model(instance.card) if instance is not None else None
    if said is not None and said["model"]:
        model = said["model"]
    elif isinstance((data or {}).get("usage"), dict):
        model = (data or {})["usage"].get("model") or None
    completed = row.status == StepStatus.COMPLETED
    return Answer(
        label=str(place.get("label") or row.step_id),
        step_id=row.step_id,
        agent=row.agent_name,
        profile=row.profile,
        model=model,
        status="completed" if completed else "failed",
        text=(row.output or "") if completed else None,
        data=data,
        error=None if completed else (row.error or f"the participant's step was {row.status}"),
    )


async def _aggregate(rt: Runtime, ballot: Ballot) -> dict[str, Any]:
    """The step's outcome: the consensus, or a failure when too few participants answered
    (the quorum) or the llm aggregation failed."""
    settings, answers = ballot.settings, ballot.answers
    aggregator = str(settings.get("aggregator") or "vote")
    quorum = int(settings.get("quorum") or 1)
    answered = [a for a in answers if a.answered]
    if len(answered) < quorum:
        failures = "; ".join(f"{a.label}: {a.error}" for a in answers if not a.answered)
        matrix = similarity_matrix([a.text or "" for a in answered])
        data = consensus_data(aggregator, Decision(""), answers, matrix)
        error = (
            f"{len(answered)} of {len(answers)} participants answered; the consensus needs "
            f"{quorum}. {failures}"
        )
        return {"state": "failed", "error": error, "data": data}
    usage: dict[str, Any] | None = None
    if aggregator == "llm":
        profile = str(settings.get("aggregator_profile") or rt.settings.synthesis_model)
        try:
            written = await _write(rt, profile, ballot)
        except LLMError as exc:
            return {"state": "failed", "error": f"the llm aggregation failed: {exc}"}
        decision = Decision(written.text)
        matrix = await asyncio.to_thread(similarity_matrix, [a.text or "" for a in answered])
        usage = {
            "inputTokens": written.tokens_in,
            "outputTokens": written.tokens_out,
            "model": written.model,
            "profile": profile,
        }
    else:
        # Similarity and sentiment are CPU work: off the event loop.
        decision, matrix = await asyncio.to_thread(decide, aggregator, answers)
    data = await asyncio.to_thread(consensus_data, aggregator, decision, answers, matrix)
    return {"state": "completed", "text": decision.answer, "data": data, "usage": usage}


_writers: dict[str, Synthesizer | None] = {}


async def _write(rt: Runtime, profile: str, ballot: Ballot) -> Synthesis:
    """The consensus as the profile's model writes it from the answers (the synthesis's
    machinery: the same prompt rules, timeout, retries and token count).

    Raises:
        LLMError: the profile is offline or broken, or the call failed.
    """
    writer = _writers.get(profile)
    if writer is None:
        # Reading the profiles may read their file: off the event loop, once per profile.
        def build() -> Synthesizer | None:
            chosen = ModelProfiles.from_settings(rt.settings).get_profile(
                profile, "aggregator_profile"
            )
            return build_synthesizer(rt.settings, profile=chosen)

        writer = await asyncio.to_thread(build)
        if writer is None:
            raise LLMError(f"the model profile {profile!r} is offline: it runs no model")
        _writers[profile] = writer
    request = f"{ballot.description.strip()}\n\n{CONSENSUS_BRIEF}\n\nRequest: {ballot.instruction}"
    outputs = [
        StepOutput(a.label, f"answer of {a.label}", a.model or a.profile or a.agent or "", a.text)
        for a in ballot.answers
        if a.answered and a.text is not None
    ]
    return await writer.synthesize(request, outputs)
