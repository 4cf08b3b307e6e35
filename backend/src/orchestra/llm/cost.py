"""What LLM calls cost: a profile's prices applied to its tokens, and a task's bill by profile.

Prices are per profile, in USD per million tokens (``input_price``, ``output_price``). A price
that is not set is unknown, never zero: a cost that needs it is None. A task's total is the
sum of the costs that are known, with ``cost_complete`` false when some tokens had no price.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from orchestra.llm.profiles import ModelProfile

__all__ = ["TaskCost", "add_usage", "cost_usd", "task_cost"]

PER_MILLION = 1_000_000
# Enough digits for a few tokens of the cheapest model, without float noise in the API.
DIGITS = 9


def cost_usd(
    profiles: Mapping[str, ModelProfile], profile: str | None, tokens_in: int, tokens_out: int
) -> float | None:
    """The cost of `tokens_in` prompt and `tokens_out` completion tokens at `profile`'s prices.

    No tokens cost nothing (0.0) whatever the prices. Otherwise None (unknown) when the
    profile is not one of `profiles` or lacks the price of a direction that has tokens.
    """
    if not tokens_in and not tokens_out:
        return 0.0
    known = profiles.get(profile) if profile else None
    if known is None:
        return None
    total = 0.0
    for tokens, price in ((tokens_in, known.input_price), (tokens_out, known.output_price)):
        if tokens:
            if price is None:
                return None
            total += tokens * price / PER_MILLION
    return round(total, DIGITS)


def add_usage(
    usage: list[dict[str, Any]] | None,
    profile: str | None,
    model: str | None,
    tokens_in: int,
    tokens_out: int,
    cost: float | None,
) -> list[dict[str, Any]]:
    """`usage` (entries ``{profile, model, tokens_in, tokens_out, cost_usd}``) with one more
    call's figures added to the entry of its profile and model."""
    entries = [dict(e) for e in usage or ()]
    for entry in entries:
        if entry.get("profile") == profile and entry.get("model") == model:
            entry["tokens_in"] += tokens_in
            entry["tokens_out"] += tokens_out
            entry["cost_usd"] = _plus(entry.get("cost_usd"), cost)
            return entries
    entries.append(
        {
            "profile": profile,
            "model": model,
            "tokens_in": tokens_in,
            "tokens_out": tokens_out,
            "cost_usd": cost,
        }
    )
    return entries


def _plus(a: float | None, b: float | None) -> float | None:
    # Unknown stays unknown: a known part would read as the whole.
    return None if a is None or b is None else round(a + b, DIGITS)


@dataclass(frozen=True)
class TaskCost:
    """A task's LLM use: by profile and model, and its total.

    Attributes:
        usage: One entry per profile and model: ``{profile, model, tokens_in,
            tokens_out, cost_usd}`` (cost None when a price was missing).
        cost_usd: The sum of the known costs; None when tokens were spent and no cost
            is known; 0.0 for a task that used no LLM.
        cost_complete: False when some tokens had no price (`cost_usd` is then a floor).
    """

    usage: list[dict[str, Any]]
    cost_usd: float | None
    cost_complete: bool


def task_cost(own: list[dict[str, Any]] | None, steps: Iterable[Mapping[str, Any]]) -> TaskCost:
    """A task's bill from its own calls (planner, synthesis: `own`, as `add_usage` keeps
    them) and its steps (rows with ``llm_profile``, ``llm_model``, ``tokens_in``,
    ``tokens_out``, ``cost_usd``)."""
    usage = [dict(e) for e in own or ()]
    for step in steps:
        if step["tokens_in"] or step["tokens_out"]:
            usage = add_usage(
                usage,
                step.get("llm_profile"),
                step.get("llm_model"),
                step["tokens_in"],
                step["tokens_out"],
                step.get("cost_usd"),
            )
    spent = [e for e in usage if e["tokens_in"] or e["tokens_out"]]
    known = [e["cost_usd"] for e in spent if e["cost_usd"] is not None]
    complete = len(known) == len(spent)
    if spent and not known:
        return TaskCost(spent, None, False)
    return TaskCost(spent, round(sum(known), DIGITS), complete)
