"""The evaluation set said as people also say it: a greeting first, thanks after, all in
lower case, ", please" last, each sentence with a capital. Each rewording keeps the
request's meaning, so a wrong answer after one is a wrong answer a user can meet."""

from __future__ import annotations

import pytest

from orchestra.planner import plan_deterministic
from orchestra.planner.evaluate import (
    EvaluationCase,
    evaluate,
    format_report,
    load_cases,
    reworded,
)

from .capabilities import BUILTIN


def test_rewordings_keep_the_request_and_leave_pasted_lines_alone() -> None:
    case = EvaluationCase("c", "What's 15% of 80?", frozenset({"calculation"}))
    pasted = EvaluationCase("p", "sum these\n1\n2", frozenset({"statistics"}))
    said = {name: reworded([case, pasted], name) for name in ("greeting", "thanks")}
    assert [c.description for c in said["greeting"]] == ["hi, quick one: what's 15% of 80?"]
    assert [c.description for c in said["thanks"]] == ["What's 15% of 80? thanks!"]

    cases = [
        EvaluationCase("a", "i paid 12.50. it's 20% off? what was it before", frozenset()),
        EvaluationCase("b", "It costs 300 excl. VAT. What is it with VAT at 20%?", frozenset()),
        EvaluationCase("c", "is this rude? 'Why is it late?'", frozenset()),
        EvaluationCase("d", "sum these\n1. a\n2. b", frozenset({"statistics"})),
    ]
    said = {name: reworded(cases, name) for name in ("sentence-case", "please", "joined")}
    assert [c.description for c in said["sentence-case"]] == [
        "I paid 12.50. It's 20% off? What was it before",
        "Is this rude? 'Why is it late?'",
    ]
    assert [c.description for c in said["please"]] == [
        "i paid 12.50. it's 20% off? what was it before, please",
        "It costs 300 excl. VAT. What is it with VAT at 20%, please?",
        "is this rude? 'Why is it late?', please",
    ]
    # A decimal point, a short form's full stop and the pasted lines stay as they are.
    assert [c.description for c in said["joined"]] == [
        "i paid 12.50, it's 20% off? what was it before",
        "It costs 300 excl. VAT, What is it with VAT at 20%?",
    ]


# Each is the whole set again (about a minute on a quiet machine).
@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    "rewording", ["greeting", "thanks", "lower-case", "please", "sentence-case"]
)
def test_no_wrong_answer_when_the_requests_are_said_another_way(rewording: str) -> None:
    cases = reworded([c for c in load_cases() if c.answers or c.refuse], rewording)
    report = evaluate(plan_deterministic, cases, BUILTIN)
    assert report.count("wrong") == 0, format_report(report, show_holdout=True)
    assert report.count("error") == 0, format_report(report, show_holdout=True)
