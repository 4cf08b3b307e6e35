"""Scoring a planner against the evaluation set (``evaluation.jsonl`` next to this module).

Each case is a task description with the capabilities a good plan must use (exactly, or
one of the listed alternatives), optionally dependency edges between capabilities that
must hold, whether all steps must be independent, and words the instructions must keep.
Cases are tagged ``dev`` (looked at while building the deterministic planner) or
``holdout`` (written at the same time, but never used to tune it): compare the two to
see how much of the score is overfitting.

File format, one JSON object per line::

    {"id": "...", "split": "dev" | "holdout", "description": "...",
     "capabilities": ["research", ...],             # required
     "alternatives": [["research", "writing"]],      # other acceptable sets
     "edges": [["research", "writing"]],             # writing must (transitively) depend on
                                                     # research, when both are planned
     "independent": true,                            # no step may depend on another
     "history": ["earlier user message", ...],
     "must_mention": ["hydrogen cars"]}              # substrings of some instruction
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from orchestra.planner.errors import PlannerError
from orchestra.planner.schema import CapabilitySpec, Plan
from orchestra.planner.validation import validate_plan

__all__ = [
    "DEFAULT_CASES_PATH",
    "REFERENCE_CAPABILITIES",
    "CaseResult",
    "EvaluationCase",
    "EvaluationReport",
    "PlannerFn",
    "evaluate",
    "format_report",
    "load_cases",
]

DEFAULT_CASES_PATH = Path(__file__).with_name("evaluation.jsonl")

PlannerFn = Callable[[str, Sequence[CapabilitySpec], int, Sequence[str]], Plan]
"""A planner as the evaluation calls it: (description, capabilities, max_steps, history)."""

# The skills of the two built-in agents, as the evaluation set assumes them. A CLI that
# has a live registry should pass the registry's capabilities instead.
REFERENCE_CAPABILITIES: tuple[CapabilitySpec, ...] = (
    CapabilitySpec(
        name="research",
        description="Researches a topic and explains it: background, key facts, the main "
        "arguments and viewpoints, presented as a structured overview.",
        tags=("research", "investigate", "overview", "explain", "arguments", "pros and cons"),
        examples=(
            "Summarize the main arguments for and against remote work",
            "Research the history of the electric car",
            "Explain how photosynthesis works",
        ),
    ),
    CapabilitySpec(
        name="analysis",
        description="Analyses a subject or given material: compares options, weighs "
        "trade-offs, finds strengths, weaknesses and risks, and draws conclusions.",
        tags=("analysis", "analyze", "compare", "trade-offs", "strengths", "weaknesses", "risks"),
        examples=(
            "Compare PostgreSQL and MongoDB for an analytics workload",
            "Analyze the risks of moving our servers to the cloud",
        ),
    ),
    CapabilitySpec(
        name="writing",
        description="Writes text for a purpose and an audience, such as reports, articles, "
        "emails and posts, from a brief or from earlier results.",
        tags=("writing", "write", "draft", "report", "article", "essay", "email", "blog post"),
        examples=(
            "Write a short report on the findings",
            "Draft an email announcing the new office hours",
        ),
    ),
    CapabilitySpec(
        name="statistics",
        description="Descriptive statistics of a list of numbers.",
        tags=(
            "statistics",
            "average",
            "mean",
            "median",
            "mode",
            "sum",
            "min",
            "max",
            "standard deviation",
            "variance",
        ),
        examples=("compute the average of 3, 5 and 10", "What is the median of 4, 8, 15, 16?"),
    ),
    CapabilitySpec(
        name="calculation",
        description="Evaluates an arithmetic expression exactly.",
        tags=("calculation", "calculate", "compute", "evaluate", "arithmetic", "expression"),
        examples=("calculate (12 + 30) * 2", "What is 15% of 80?"),
    ),
    CapabilitySpec(
        name="summarization",
        description="Extractive summary of a given text: its most important sentences.",
        tags=("summarization", "summarize", "summary", "shorten", "tl;dr"),
        examples=(
            "summarize this text: ...",
            "Give me a three-sentence summary of the following article",
        ),
    ),
    CapabilitySpec(
        name="keywords",
        description="Extracts the most important keywords and key phrases of a given text.",
        tags=("keywords", "key phrases", "extract", "topics"),
        examples=("extract keywords from this text", "What are the main topics of this paragraph?"),
    ),
    CapabilitySpec(
        name="sentiment",
        description="Classifies the sentiment of a text as positive, negative or neutral, "
        "with a score.",
        tags=("sentiment", "polarity", "opinion", "positive", "negative", "neutral"),
        examples=("What is the sentiment of 'I love this product'?",),
    ),
    CapabilitySpec(
        name="conversion",
        description="Converts data between CSV, JSON and Markdown table formats.",
        tags=("conversion", "convert", "csv", "json", "markdown table", "format"),
        examples=("convert this CSV to JSON", "turn this JSON into a markdown table"),
    ),
)


@dataclass(frozen=True)
class EvaluationCase:
    """One task of the evaluation set (see the module docstring for the file format)."""

    id: str
    description: str
    capabilities: frozenset[str]
    alternatives: tuple[frozenset[str], ...] = ()
    edges: tuple[tuple[str, str], ...] = ()
    independent: bool = False
    history: tuple[str, ...] = ()
    must_mention: tuple[str, ...] = ()
    split: str = "dev"

    @property
    def acceptable(self) -> tuple[frozenset[str], ...]:
        """Every acceptable capability set, the preferred one first."""
        return (self.capabilities, *self.alternatives)


@dataclass(frozen=True)
class CaseResult:
    """How a planner did on one case.

    Attributes:
        case: The case.
        passed: Whether every check held.
        precision: Share of the planned capabilities that the closest acceptable set has.
        recall: Share of the closest acceptable set that was planned.
        planned: The capabilities the plan used.
        problems: Why the case failed (empty when it passed).
        plan: The plan, or None when the planner raised.
    """

    case: EvaluationCase
    passed: bool
    precision: float
    recall: float
    planned: frozenset[str]
    problems: tuple[str, ...]
    plan: Plan | None

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


@dataclass(frozen=True)
class EvaluationReport:
    """Results of one evaluation run; ``score`` is the share of cases passed."""

    results: tuple[CaseResult, ...]

    @property
    def total(self) -> int:
        """Number of cases."""
        return len(self.results)

    @property
    def passed(self) -> int:
        """Number of cases passed."""
        return sum(1 for r in self.results if r.passed)

    @property
    def score(self) -> float:
        """Share of cases passed, 0 to 1 (0 for an empty run)."""
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

    def split(self, name: str) -> EvaluationReport:
        """The report restricted to one split ("dev" or "holdout")."""
        return EvaluationReport(tuple(r for r in self.results if r.case.split == name))


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
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{source}:{number}: invalid evaluation case: {error}") from error
    return cases


def evaluate(
    planner_fn: PlannerFn,
    cases: Sequence[EvaluationCase],
    capabilities: Sequence[CapabilitySpec] = REFERENCE_CAPABILITIES,
    max_steps: int = 8,
) -> EvaluationReport:
    """Run ``planner_fn`` on every case and check its plans.

    A case passes when the plan is valid, its capability set is one of the acceptable
    sets, every expected edge whose capabilities were both planned holds (transitively),
    no step depends on another when the case says the steps are independent, and every
    ``must_mention`` string occurs in some instruction. A `PlannerError` fails the case;
    other exceptions propagate, since they are bugs rather than bad plans.
    """
    names = [c.name for c in capabilities]
    results: list[CaseResult] = []
    for case in cases:
        try:
            plan = planner_fn(case.description, capabilities, max_steps, case.history)
        except PlannerError as error:
            results.append(
                CaseResult(case, False, 0.0, 0.0, frozenset(), (f"planner failed: {error}",), None)
            )
            continue
        results.append(_check(case, plan, names, max_steps))
    return EvaluationReport(tuple(results))


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


def format_report(report: EvaluationReport, verbose: bool = False) -> str:
    """A plain-text summary for the CLI: overall and per-split figures, then failures."""

    def line(label: str, part: EvaluationReport) -> str:
        return (
            f"{label:<8} {part.passed:>3}/{part.total:<3} passed  score {part.score:.2f}  "
            f"precision {part.precision:.2f}  recall {part.recall:.2f}  F1 {part.f1:.2f}"
        )

    lines = [line("all", report)]
    for name in sorted({r.case.split for r in report.results}):
        lines.append(line(name, report.split(name)))
    for result in report.results:
        if result.passed and not verbose:
            continue
        status = "PASS" if result.passed else "FAIL"
        lines.append(f"{status} {result.case.id} ({result.case.split}): {result.case.description}")
        for problem in result.problems:
            lines.append(f"     - {problem}")
        if verbose and result.plan is not None:
            for step in result.plan.steps:
                after = f" after {', '.join(step.depends_on)}" if step.depends_on else ""
                lines.append(f"     {step.id} [{step.capability}]{after}: {step.instruction}")
    return "\n".join(lines)
