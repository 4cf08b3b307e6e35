"""Unit tests for the analyst's safe calculator (simpleeval with numbers only)."""

from __future__ import annotations

import math

import pytest

from orchestra.agents.analyst.calculator import CalculationError, evaluate, format_number


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("12 * (3 + 4)", 84),
        ("7 // 2", 3),
        ("7 % 3", 1),
        ("-2 ** 2", -4),
        ("2 ^ 10", 1024),
        ("10 / 4", 2.5),
        ("sqrt(16) + abs(-3)", 7.0),
        ("max(1, 5, 3) * min(2, 4)", 10),
        ("round(2.567, 2)", 2.57),
        ("log(100, 10)", 2.0),
        ("factorial(5)", 120),
        ("2 * pi", 2 * math.pi),
    ],
)
def test_evaluate(expression: str, expected: float) -> None:
    assert evaluate(expression) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("1 / 0", "Division by zero"),
        ("5 % 0", "Division by zero"),
        ("2 * foo", "Unknown name 'foo'"),
        ("__import__('os')", "Unknown function '__import__'"),
        ("(1).__class__", "not allowed"),
        ("'a' * 3", "Only numbers"),
        ("2 ** 100000", "too large"),
        ("10 ** 5000", "digits"),
        ("[1, 2]", "not allowed"),
        ("lambda: 1", "not allowed"),
        ("1 +", "not a valid"),
        ("sqrt(-1)", "sqrt()"),
        ("factorial(10000)", "limited"),
        ("", "no expression"),
    ],
)
def test_evaluate_rejects(expression: str, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        evaluate(expression)


def test_evaluate_bounds_length_and_nodes() -> None:
    with pytest.raises(CalculationError, match="longer than"):
        evaluate("1+" * 2000 + "1")
    with pytest.raises(CalculationError, match="too complex"):
        evaluate("+".join(["1"] * 400))


def test_format_number() -> None:
    assert format_number(84) == "84"
    assert format_number(30.0) == "30"
    assert format_number(1 / 3) == "0.333333333333"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("mean(s1, 10)", 14.875),
        ("sum(s2) / count(s2)", 2),
        ("median(largest(2, s2), 0)", 2),
        ("mean(last(2, 4, 8, 15))", 11.5),
        ("percentile(90, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)", 9.1),
        ("mode(2, 2, 3)", 2),
        ("stdev(2, 4, 4, 4, 5, 5, 7, 9)", 2.138089935),
        ("percent_change(80, 100)", 25),
        # Halves round away from zero, on the number as written.
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(2.675, 2)", 2.68),
    ],
)
def test_aggregates_selections_and_names(expression: str, expected: float) -> None:
    assert evaluate(expression, {"s1": 19.75, "s2": [1.0, 2.0, 3.0]}) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("mode(1, 2)", "no single mode"),
        ("stdev(3)", "at least two"),
        ("largest(5, 1, 2)", "Cannot take 5 of 2"),
        ("percent_change(0, 5)", "from 0"),
        ("round(2.5, 99)", "decimals"),
        ("s2 + 1", "A list of numbers"),
    ],
)
def test_aggregate_errors(expression: str, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        evaluate(expression, {"s2": [1.0, 2.0]})
