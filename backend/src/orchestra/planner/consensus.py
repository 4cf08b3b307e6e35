"""Offline planning of a request that asks several models ("ask several models", "compare
what the models say", "get a second opinion from another model"): the request is planned
without those words, then its first step whose capability is served by two or more model
profiles becomes a consensus of them. With fewer than two profiles served the plan stays as
it is: there is no second model to ask.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestra.planner.schema import CapabilitySpec, ConsensusParticipants, Plan
from orchestra.planner.validation import STEP_ID_MAX

__all__ = ["MAX_PARTICIPANTS", "asks_several_models", "with_consensus"]

MAX_PARTICIPANTS = 10

_MODELS = r"(?:models?|llms?|ais?)"
_ASKS = re.compile(
    r"\b(?:ask|consult|poll|query|check\s+with)\s+"
    r"(?:several|multiple|different|many|various|two|three|both|all(?:\s+the)?|the|other)\s+"
    rf"(?:\w+\s+)?{_MODELS}\b"
    rf"|\bcompare\s+(?:what|how)\s+(?:the\s+|several\s+|different\s+|multiple\s+)?{_MODELS}\s+"
    r"(?:say|think|answer|reply|respond)\b"
    rf"|\bcompare\s+the\s+{_MODELS}(?:'s?)?\s+answers\b"
    r"|\b(?:get|give\s+me|with|and)?\s*a\s+second\s+opinion"
    rf"(?:\s+from\s+(?:another|a\s+different|other|a\s+second)\s+{_MODELS})?",
    re.IGNORECASE,
)
_LEFT_OVER = re.compile(r"^(?:\s|[,;:.!-]|\b(?:and|then|also|to|on|about)\b)+", re.IGNORECASE)
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?])")


def asks_several_models(description: str) -> str | None:
    """The request without its words asking for several models, if it has them; else None."""
    if not _ASKS.search(description):
        return None
    rest = _ASKS.sub(" ", description)
    rest = _SPACE_BEFORE_MARK.sub(r"\1", rest)
    rest = re.sub(r"([,;:.!?])(?:\s*[,;:.])+", r"\1", rest)  # "tides? ." -> "tides?"
    rest = _LEFT_OVER.sub("", rest).strip(" ,;:-")
    rest = re.sub(r"\s{2,}", " ", rest)
    return rest if re.search(r"\w", rest) else None


def with_consensus(plan: Plan, capabilities: Sequence[CapabilitySpec]) -> Plan:
    """The plan with its first step that two or more profiles can answer made a consensus
    of those profiles (majority vote; the most central answer when there is nothing to
    count); the plan as it is when no step can be."""
    served = {c.name: c.profiles for c in capabilities}
    for position, step in enumerate(plan.steps):
        profiles = [
            p for p in served.get(step.capability, ()) if len(f"{step.id}@{p}") <= STEP_ID_MAX
        ][:MAX_PARTICIPANTS]
        if len(profiles) < 2:
            continue
        consensus = step.model_copy(
            update={
                "kind": "consensus",
                "participants": ConsensusParticipants(profiles=profiles),
                "aggregator": "vote",
            }
        )
        steps = [*plan.steps[:position], consensus, *plan.steps[position + 1 :]]
        return Plan(steps=steps)
    return plan
