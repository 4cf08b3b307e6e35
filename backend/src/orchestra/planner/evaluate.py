"""Scoring the planner, and the offline answers, against the evaluation set.

Each case is a request written the way people write it, with what a good plan must hold
(its capabilities, exactly or one of the listed alternatives; dependency edges between
capabilities; whether all steps are independent; words the instructions must keep) and,
where the analyst can answer offline, the answers expected of it: the structured data of
its steps, in plan order. Each plan's analyst steps are run in-process
(`orchestra.planner.answering`), so the evaluation judges the values computed, not only
the shape of the plan.

A case ends in one of four outcomes:

- ``right``: the plan holds and every expected answer was given (or, for a request that
  cannot be answered, it was refused);
- ``refused``: a step failed honestly, saying what it did not understand;
- ``wrong``: it completed, but with a wrong plan or a wrong answer (the worst outcome);
- ``error``: the analyst crashed (a bug).

Cases are tagged ``dev`` (looked at while building the offline path) or ``holdout``
(written before the tuning and never used for it): compare the two to see how much of
the score is overfitting. `format_report` lists the failures of dev cases only, unless
asked, so that looking at held-out failures stays a decision.

File format, one JSON object per line::

    {"id": "...", "split": "dev" | "holdout", "description": "...",
     "capabilities": ["research", ...],             # required
     "alternatives": [["research", "writing"]],      # other acceptable sets
     "edges": [["research", "writing"]],             # writing must (transitively) depend on
                                                     # research, when both are planned
     "independent": true,                            # no step may depend on another
     "history": ["earlier user message", ...],
     "must_mention": ["hydrogen cars"],              # substrings of some instruction
     "answers": [{"result": 19.75}, {"result": 14.875}],
                                   # data expected of the analyst steps, in plan order
                                   # (an ordered subsequence of them and of the
                                   # intermediate values they show): numbers within
                                   # 0.1 %, text case-insensitive, lists hold the items
                                   # listed, "#key": the length of a list
     "refuse": true,               # the right outcome is an honest refusal
     "batch": 2}                   # which batch of held-out cases (default 1): each
                                   # batch is written, committed and measured once,
                                   # before any tuning, and reported on its own
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from orchestra.planner.answering import StepRun, run_analyst_steps
from orchestra.planner.errors import PlannerError
from orchestra.planner.schema import CapabilitySpec, Plan
from orchestra.planner.validation import validate_plan

__all__ = [
    "DEFAULT_CASES_PATH",
    "OUTCOMES",
    "REFERENCE_CAPABILITIES",
    "REWORDINGS",
    "CaseResult",
    "EvaluationCase",
    "EvaluationReport",
    "Outcome",
    "PlannerFn",
    "evaluate",
    "format_report",
    "load_cases",
    "reworded",
    "shipped_capabilities",
]

DEFAULT_CASES_PATH = Path(__file__).with_name("evaluation.jsonl")

PlannerFn = Callable[[str, Sequence[CapabilitySpec], int, Sequence[str]], Plan]
"""A planner as the evaluation calls it: (description, capabilities, max_steps, history)."""

Outcome = Literal["right", "refused", "wrong", "error"]
OUTCOMES: tuple[Outcome, ...] = ("right", "refused", "wrong", "error")

RELATIVE_TOLERANCE = 1e-3


def shipped_capabilities() -> tuple[CapabilitySpec, ...]:
    """The skills of the two shipped agents, as `orchestra up` registers them."""
    from orchestra.agents.analyst.card import SKILLS as ANALYST
    from orchestra.agents.research.card import SKILLS as RESEARCH

    return tuple(
        CapabilitySpec(
            name=skill.id,
            description=skill.description,
            tags=tuple(skill.tags),
            examples=tuple(skill.examples),
        )
        for skill in (*RESEARCH, *ANALYST)
    )


REFERENCE_CAPABILITIES: tuple[CapabilitySpec, ...] = shipped_capabilities()
"""The capabilities the evaluation set is scored against: the shipped agents' cards."""


@dataclass(frozen=True)
class EvaluationCase:
    """One request of the evaluation set (see the module docstring for the file format)."""

    id: str
    description: str
    capabilities: frozenset[str]
    alternatives: tuple[frozenset[str], ...] = ()
    edges: tuple[tuple[str, str], ...] = ()
    independent: bool = False
    history: tuple[str, ...] = ()
    must_mention: tuple[str, ...] = ()
    split: str = "dev"
    answers: tuple[dict[str, Any], ...] = ()
    refuse: bool = False
    batch: int = 1

    @property
    def acceptable(self) -> tuple[frozenset[str], ...]:
        """Every acceptable capability set, the preferred one first."""
        return (self.capabilities, *self.alternatives)


@dataclass(frozen=True)
class CaseResult:
    """How the offline path did on one case.

    Attributes:
        case: The case.
        passed: Whether the plan held (capabilities, edges, independence, mentions).
        precision: Share of the planned capabilities that the closest acceptable set has.
        recall: Share of the closest acceptable set that was planned.
        planned: The capabilities the plan used.
        problems: Why the plan failed (empty when it passed).
        plan: The plan, or None when the planner raised.
        outcome: right, refused, wrong or error (see the module docstring).
        answer_problems: Why the answers were wrong, or the refusal's reason.
        runs: The analyst steps as they ran.
    """

    case: EvaluationCase
    passed: bool
    precision: float
    recall: float
    planned: frozenset[str]
    problems: tuple[str, ...]
    plan: Plan | None
    outcome: Outcome = "right"
    answer_problems: tuple[str, ...] = ()
    runs: tuple[StepRun, ...] = field(default=())

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


@dataclass(frozen=True)
class EvaluationReport:
    """Results of one evaluation run; ``score`` is the share of plans that held."""

    results: tuple[CaseResult, ...]

    @property
    def total(self) -> int:
        """Number of cases."""
        return len(self.results)

    @property
    def passed(self) -> int:
        """Number of cases whose plan held."""
        return sum(1 for r in self.results if r.passed)

    @property
    def score(self) -> float:
        """Share of plans that held, 0 to 1 (0 for an empty run)."""
        return self.passed / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        """Mean capability precision over the cases."""
        return _mean(r.precision for r in self.results)

    @property
    def recall(self) -> float:
        """Mean capability recall over the cases."""
        return _mean(r.recall for r in self.results)

    @property
    def f1(self) -> float:
        """Mean per-case F1 of the capability sets."""
        return _mean(r.f1 for r in self.results)

    def count(self, outcome: Outcome) -> int:
        """Number of cases with this outcome."""
        return sum(1 for r in self.results if r.outcome == outcome)

    def rate(self, *outcomes: Outcome) -> float:
        """Share of cases with any of these outcomes, 0 to 1."""
        if not self.total:
            return 0.0
        return sum(self.count(o) for o in outcomes) / self.total

    def split(self, name: str) -> EvaluationReport:
        """The report restricted to one split ("dev" or "holdout")."""
        return EvaluationReport(tuple(r for r in self.results if r.case.split == name))

    def batch(self, number: int) -> EvaluationReport:
        """The report restricted to one batch of cases."""
        return EvaluationReport(tuple(r for r in self.results if r.case.batch == number))


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def load_cases(path: Path | None = None) -> list[EvaluationCase]:
    """Read evaluation cases from a JSON-lines file (the packaged set by default).

    Raises:
        ValueError: A line is not valid JSON or lacks a required field; the message
            names the line.
    """
    source = path or DEFAULT_CASES_PATH
    cases: list[EvaluationCase] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            answers = raw.get("answers", ())
            if not all(isinstance(a, dict) for a in answers):
                raise ValueError("answers must be a list of objects")
            cases.append(
                EvaluationCase(
                    id=str(raw["id"]),
                    description=str(raw["description"]),
                    capabilities=frozenset(raw["capabilities"]),
                    alternatives=tuple(frozenset(a) for a in raw.get("alternatives", ())),
                    edges=tuple((str(a), str(b)) for a, b in raw.get("edges", ())),
                    independent=bool(raw.get("independent", False)),
                    history=tuple(raw.get("history", ())),
                    must_mention=tuple(raw.get("must_mention", ())),
                    split=str(raw.get("split", "dev")),
                    answers=tuple(answers),
                    refuse=bool(raw.get("refuse", False)),
                    batch=int(raw.get("batch", 1)),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{source}:{number}: invalid evaluation case: {error}") from error
    return cases


def _first_lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def _sentence_case(text: str) -> str:
    """ "whats 15% of 80? round it." as "Whats 15% of 80? Round it.": only a lower-case
    letter at the start or after ". ", "? " or "! " is changed."""
    return re.sub(r"(^|[.?!] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def _please(text: str) -> str:
    """ "What's 15% of 80?" as "What's 15% of 80, please?": before the closing "?", "."
    or "!", or at the end when there is none. A "?" inside the request is left alone,
    since it may be in quoted text ("is this rude? 'Why is it late?'")."""
    said = text.rstrip()
    closing = re.search(r"[.?!]*$", said)
    assert closing is not None
    return f"{said[: closing.start()]}, please{said[closing.start() :]}"


# A full stop that ends a short form rather than a sentence ("12 excl. VAT").
_SHORT_FORMS = frozenset({"approx", "dr", "e.g", "etc", "excl", "i.e", "incl", "mr", "mrs", "vs"})


def _joined(text: str) -> str:
    """ "I have 3 apples. I eat 1. How many are left?" as "I have 3 apples, I eat 1, How many
    are left?": a full stop between sentences (a space and a letter after it, so never a
    decimal point) becomes a comma; an ellipsis or a short form's full stop is kept."""

    def comma(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.endswith(".") or word.lstrip("(").lower() in _SHORT_FORMS:
            return match.group(0)
        return f"{word}, "

    return re.sub(r"(\S*)\. (?=[^\W\d_])", comma, text)


# The same requests said as people also say them: each keeps the request's meaning, so an
# answer judged wrong after one of them is a wrong answer a user can meet.
REWORDINGS: dict[str, Callable[[str], str]] = {
    "greeting": lambda text: f"hi, quick one: {_first_lowered(text)}",
    "pls": lambda text: f"pls {_first_lowered(text)}",
    "thanks": lambda text: f"{text.rstrip()} thanks!",
    "lower-case": str.lower,
    # "how many?" as "how many": a question mark left out, or a full stop inside.
    "no-question-marks": lambda text: re.sub(
        r"\?+(\s+|$)", lambda m: ". " if m.group(1) else "", text
    ).strip(),
    "sentence-case": _sentence_case,
    "please": _please,
    # "I have 3 apples, I eat 1, how many are left": sentences run on with commas.
    "joined": _joined,
}


def reworded(cases: Sequence[EvaluationCase], rewording: str) -> list[EvaluationCase]:
    """The cases said another way (`REWORDINGS`), those it changes; requests with pasted
    lines are left out, since their data is to be kept byte for byte."""
    change = REWORDINGS[rewording]
    return [
        replace(case, description=said)
        for case in cases
        if "\n" not in case.description and (said := change(case.description)) != case.description
    ]


def evaluate(
    planner_fn: PlannerFn,
    cases: Sequence[EvaluationCase],
    capabilities: Sequence[CapabilitySpec] = REFERENCE_CAPABILITIES,
    max_steps: int = 8,
) -> EvaluationReport:
    """Plan every case with ``planner_fn``, run the analyst steps, and judge both.

    A plan holds when it is valid, its capability set is one of the acceptable sets,
    every expected edge whose capabilities were both planned holds (transitively), no
    step depends on another when the case says the steps are independent, and every
    ``must_mention`` string occurs in some instruction. A `PlannerError` is a refusal
    (the task fails with its reason), and the plan that holds for a case whose right
    outcome is a refusal; other exceptions of the planner propagate, since they are bugs
    rather than bad plans.
    """
    names = [c.name for c in capabilities]
    results: list[CaseResult] = []
    for case in cases:
        try:
            plan = planner_fn(case.description, capabilities, max_steps, case.history)
        except PlannerError as error:
            outcome: Outcome = "right" if case.refuse else "refused"
            # A request that cannot be answered is planned best by refusing it: no step then
            # runs on a guess. Elsewhere a refusal is a plan that did not hold.
            held = case.refuse
            results.append(
                CaseResult(
                    case,
                    held,
                    float(held),
                    float(held),
                    frozenset(),
                    () if held else (f"planner failed: {error}",),
                    None,
                    outcome,
                    (str(error),),
                )
            )
            continue
        results.append(_judge(case, plan, names, max_steps))
    return EvaluationReport(tuple(results))


def _judge(case: EvaluationCase, plan: Plan, names: list[str], max_steps: int) -> CaseResult:
    checked = _check(case, plan, names, max_steps)
    runs = tuple(run_analyst_steps(plan, case.description))
    failed = [r for r in runs if r.state == "failed"]
    crashed = [r for r in runs if r.state == "error"]
    problems: list[str] = []
    outcome: Outcome
    if failed:
        outcome = "right" if case.refuse else "refused"
        problems = [f"{r.step_id} refused: {r.reason}" for r in failed]
    elif crashed:
        outcome = "error"
        problems = [f"{r.step_id} crashed: {r.reason}" for r in crashed]
    elif case.refuse:
        outcome = "wrong"
        problems = ["answered a request that should have been refused"]
    else:
        problems = _answer_problems(case.answers, [r for r in runs if r.state == "completed"])
        outcome = "right" if checked.passed and not problems else "wrong"
    return CaseResult(
        case,
        checked.passed,
        checked.precision,
        checked.recall,
        checked.planned,
        checked.problems,
        plan,
        outcome,
        tuple(problems),
        runs,
    )


def _answer_problems(expected: Sequence[dict[str, Any]], runs: Sequence[StepRun]) -> list[str]:
    """Why the analyst's answers do not hold the expected ones, in order; empty if they do."""
    # A step's answer shows its intermediate values too ("steps"): they count as given.
    shown: list[dict[str, Any]] = []
    for run in runs:
        shown.extend(s for s in run.data.get("steps", ())[:-1] if isinstance(s, dict))
        shown.append(run.data)
    position = 0
    for answer in expected:
        while position < len(shown) and not _matches(answer, shown[position]):
            position += 1
        if position == len(shown):
            got = [{k: s.get(k) for k in answer if not k.startswith("#")} or s for s in shown]
            return [f"expected {answer} after the earlier answers; the steps gave {got}"]
        position += 1
    return []


def _matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        for key, value in expected.items():
            if key.startswith("#"):
                found = actual.get(key[1:])
                if not isinstance(found, list) or len(found) != value:
                    return False
            elif key not in actual or not _matches(value, actual[key]):
                return False
        return True
    if isinstance(expected, bool) or expected is None:
        return bool(expected == actual)
    if isinstance(expected, int | float):
        return (
            isinstance(actual, int | float)
            and not isinstance(actual, bool)
            and math.isclose(actual, expected, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)
        )
    if isinstance(expected, str):
        if isinstance(actual, dict) and "phrase" in actual:
            actual = actual["phrase"]
        if isinstance(actual, int | float) and not isinstance(actual, bool):
            # A label written as digits ('episode 44') that the table reader took for a number.
            return expected.strip() == f"{actual:g}"
        return isinstance(actual, str) and actual.strip().casefold() == expected.strip().casefold()
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return False
        return all(any(_matches(item, found) for found in actual) for item in expected)
    return False


def _check(case: EvaluationCase, plan: Plan, names: list[str], max_steps: int) -> CaseResult:
    problems = [f"invalid plan: {e}" for e in validate_plan(plan, names, max_steps)]
    planned = frozenset(step.capability for step in plan.steps)

    def closeness(expected: frozenset[str]) -> tuple[float, float]:
        hit = len(planned & expected)
        return (hit / len(planned) if planned else 0.0, hit / len(expected) if expected else 1.0)

    best = max(case.acceptable, key=lambda s: (sum(closeness(s)), -len(s ^ planned)))
    precision, recall = closeness(best)
    if planned not in case.acceptable:
        problems.append(
            f"capabilities {sorted(planned)} instead of "
            + " or ".join(str(sorted(s)) for s in case.acceptable)
        )

    ancestors = _ancestors(plan)
    capability_of = {step.id: step.capability for step in plan.steps}
    for before, after in case.edges:
        if before not in planned or after not in planned:
            continue
        holds = any(
            capability_of.get(ancestor) == before
            for step in plan.steps
            if step.capability == after
            for ancestor in ancestors.get(step.id, set())
        )
        if not holds:
            problems.append(f"no {after} step depends on a {before} step")
    if case.independent and any(step.depends_on for step in plan.steps):
        problems.append("steps should be independent but some depend on others")

    instructions = " ".join(step.instruction for step in plan.steps).lower()
    for text in case.must_mention:
        if text.lower() not in instructions:
            problems.append(f"no instruction mentions {text!r}")
    return CaseResult(case, not problems, precision, recall, planned, tuple(problems), plan)


def _ancestors(plan: Plan) -> dict[str, set[str]]:
    """Every step's transitive dependencies (cycles and dangling ids tolerated)."""
    direct = {step.id: set(step.depends_on) for step in plan.steps}
    result: dict[str, set[str]] = {}
    for step_id in direct:
        seen: set[str] = set()
        stack = list(direct[step_id])
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(direct.get(current, ()))
        result[step_id] = seen
    return result


def format_report(
    report: EvaluationReport, verbose: bool = False, show_holdout: bool = False
) -> str:
    """A plain-text summary: per split, plans that held and the answers' outcomes, then
    the dev failures (held-out ones only with ``show_holdout``)."""

    def line(label: str, part: EvaluationReport) -> str:
        return (
            f"{label:<10} {part.total:>4}  plans {part.passed:>3} ({part.score:5.1%})  "
            f"right {part.count('right'):>3} ({part.rate('right'):5.1%})  "
            f"refused {part.count('refused'):>3}  "
            f"wrong {part.count('wrong'):>3} ({part.rate('wrong'):4.1%})  "
            f"errors {part.count('error')}  "
            f"right or refused {part.rate('right', 'refused'):5.1%}"
        )

    lines = [line("all", report)]
    splits = sorted({r.case.split for r in report.results})
    for name in splits:
        part = report.split(name)
        lines.append(line(name, part))
        batches = sorted({r.case.batch for r in part.results})
        if len(batches) > 1:
            # Held-out batches are measured once each, so each keeps its own figures.
            lines.extend(line(f" {name}#{number}", part.batch(number)) for number in batches)
    hidden = 0
    for result in report.results:
        failing = result.outcome != "right" or not result.passed
        if not failing and not verbose:
            continue
        if result.case.split == "holdout" and not show_holdout:
            hidden += failing
            continue
        status = result.outcome.upper() + ("" if result.passed else ", plan failed")
        lines.append(f"{status} {result.case.id} ({result.case.split}): {result.case.description}")
        for problem in (*result.problems, *result.answer_problems):
            lines.append(f"     - {problem}")
        if verbose and result.plan is not None:
            runs = {r.step_id: r for r in result.runs}
            for step in result.plan.steps:
                after = f" after {', '.join(step.depends_on)}" if step.depends_on else ""
                lines.append(f"     {step.id} [{step.capability}]{after}: {step.instruction}")
                run = runs.get(step.id)
                if run is not None and run.state == "completed":
                    lines.append(f"        -> {_first_line(run.text)}")
                elif run is not None and run.state != "not run":
                    lines.append(f"        -> {run.state}: {run.reason}")
    if hidden:
        lines.append(f"({hidden} held-out cases not right; not listed: --show-holdout lists them)")
    return "\n".join(lines)


def _first_line(text: str) -> str:
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
