"""`orchestra planner evaluate`: plans and offline answers scored on the evaluation set.

The offline (deterministic) planner is always scored: its plans, and the answers the
analyst computes for them in-process (right, honestly refused, wrong, error). The LLM
path, with its repair and fallback, is scored too when ``LLM_PROVIDER`` names a provider
(and ``--offline-only`` is not given), with the count of plans per planner kind and the
tokens spent; its plans' analyst steps are answered the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from orchestra.config import Settings, get_settings
from orchestra.planner.deterministic import plan_deterministic
from orchestra.planner.errors import PlannerError
from orchestra.planner.evaluate import (
    REFERENCE_CAPABILITIES,
    REWORDINGS,
    EvaluationCase,
    evaluate,
    format_report,
    load_cases,
    reworded,
)
from orchestra.planner.schema import CapabilitySpec, Plan, PlannerKind
from orchestra.planner.service import PlanOutcome, TaskPlanner, build_planner

__all__ = ["build_parser", "evaluate_command"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orchestra planner evaluate",
        description="Score the planners on the planning evaluation set.",
    )
    parser.add_argument("--cases", type=Path, default=None, help="JSON-lines file of cases")
    parser.add_argument("--split", choices=("dev", "holdout"), default=None)
    parser.add_argument("--max-steps", type=int, default=8)
    parser.add_argument(
        "--offline-only", action="store_true", help="skip the LLM path even if configured"
    )
    parser.add_argument(
        "--concurrency", type=int, default=4, help="LLM planning calls at once (default 4)"
    )
    parser.add_argument(
        "--min-score", type=float, default=None, help="exit 1 if a score is below this (0-1)"
    )
    parser.add_argument(
        "--min-right",
        type=float,
        default=None,
        help="exit 1 if the share of right answers is below this (0-1)",
    )
    parser.add_argument(
        "--reworded",
        choices=sorted(REWORDINGS),
        default=None,
        help="the requests said another way (a greeting first, thanks after, ...)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show every case and plan")
    parser.add_argument(
        "--show-holdout",
        action="store_true",
        help="also list the held-out cases that fail (looking at them spends the held-out set)",
    )
    return parser


def evaluate_command(
    argv: Sequence[str] | None = None,
    *,
    settings: Settings | None = None,
    out: TextIO | None = None,
) -> int:
    """Run the evaluation and print the reports.

    Args:
        argv: Arguments after ``orchestra planner evaluate`` (see `build_parser`).
        settings: Settings to use instead of the environment's (tests).
        out: Where to print (default: standard output).

    Returns:
        0 on success; 1 when a score is below ``--min-score`` or the share of right
        answers below ``--min-right``; 2 when the LLM settings
        cannot work (the error is printed).
    """
    stream = out or sys.stdout
    args = build_parser().parse_args(argv)
    # The analyst logs each operation it runs; hundreds of them would bury the report.
    logging.getLogger("orchestra.agents").setLevel(logging.WARNING)
    cases = load_cases(args.cases)
    if args.split:
        cases = [c for c in cases if c.split == args.split]
    if args.reworded:
        cases = reworded(cases, args.reworded)

    offline = evaluate(plan_deterministic, cases, REFERENCE_CAPABILITIES, args.max_steps)
    print("Offline planner (deterministic):", file=stream)
    print(format_report(offline, args.verbose, args.show_holdout), file=stream)
    scores = [offline.score]
    rights = [offline.rate("right")]

    if settings is None:
        try:
            settings = get_settings()
        except ValidationError as error:
            print(f"\nLLM path: cannot load settings: {error}", file=sys.stderr)
            return 2
    from orchestra.llm import LLMConfigurationError, ModelProfiles, verify_provider

    try:
        # The planner's own profile (PLANNER_MODEL), as the orchestrator would plan with.
        profile = ModelProfiles.from_settings(settings).get_profile(
            settings.planner_model, "PLANNER_MODEL"
        )
    except LLMConfigurationError as error:
        print(f"\nLLM path: {error}", file=sys.stderr)
        return 2
    if args.offline_only or profile.offline:
        print(
            "\nLLM path: skipped (the planner's model profile is offline; set LLM_PROVIDER, "
            "LLM_MODEL and the provider's key, or PLANNER_MODEL, to score it)",
            file=stream,
        )
    else:
        try:
            asyncio.run(verify_provider(settings, profile))
        except LLMConfigurationError as error:
            print(f"\nLLM path: {error}", file=sys.stderr)
            return 2
        planner = build_planner(settings, profile=profile)
        outcomes = asyncio.run(
            _plan_all(planner, cases, REFERENCE_CAPABILITIES, args.max_steps, args.concurrency)
        )

        def planned(
            description: str,
            capabilities: Sequence[CapabilitySpec],
            max_steps: int,
            history: Sequence[str],
        ) -> Plan:
            result = outcomes[(description, tuple(history))]
            if isinstance(result, PlannerError):
                raise result
            return result.plan

        report = evaluate(planned, cases, REFERENCE_CAPABILITIES, args.max_steps)
        done = [o for o in outcomes.values() if isinstance(o, PlanOutcome)]
        kinds = Counter(o.kind.value for o in done)
        print(
            f"\nLLM path ({profile.provider}, {profile.model}; "
            "fallback plans count as the LLM path's):",
            file=stream,
        )
        print(format_report(report, args.verbose, args.show_holdout), file=stream)
        print(
            "plans by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
            file=stream,
        )
        print(
            f"tokens: {sum(o.tokens_in for o in done)} in, {sum(o.tokens_out for o in done)} out",
            file=stream,
        )
        if args.verbose:
            for outcome in done:
                if outcome.kind is PlannerKind.FALLBACK:
                    print(f"fallback: {outcome.reason}", file=stream)
        scores.append(report.score)
        rights.append(report.rate("right"))

    if args.min_score is not None and min(scores) < args.min_score:
        print(f"\nscore below --min-score {args.min_score:.2f}", file=sys.stderr)
        return 1
    if args.min_right is not None and min(rights) < args.min_right:
        print(f"\nright answers below --min-right {args.min_right:.2f}", file=sys.stderr)
        return 1
    return 0


async def _plan_all(
    planner: TaskPlanner,
    cases: Sequence[EvaluationCase],
    capabilities: Sequence[CapabilitySpec],
    max_steps: int,
    concurrency: int,
) -> dict[tuple[str, tuple[str, ...]], PlanOutcome | PlannerError]:
    """Plan every case with at most ``concurrency`` calls in flight."""
    limit = asyncio.Semaphore(max(1, concurrency))
    results: dict[tuple[str, tuple[str, ...]], PlanOutcome | PlannerError] = {}

    async def one(case: EvaluationCase) -> None:
        key = (case.description, tuple(case.history))
        async with limit:
            try:
                results[key] = await planner.plan(
                    case.description, capabilities, case.history, max_steps
                )
            except PlannerError as error:
                results[key] = error

    async with asyncio.TaskGroup() as group:
        for case in cases:
            group.create_task(one(case))
    return results
