"""Safe arithmetic for the analyst: expressions evaluated by simpleeval, numbers only.

simpleeval walks Python's AST with a whitelist; on top of it only numeric constants, names
bound here, the functions below and + - * / // % ** are allowed. Bounded so a request
cannot exhaust the process: expression length, node count, exponent size and integer
digits are all capped.
"""

from __future__ import annotations

import ast
import math
import operator
import statistics
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from simpleeval import (
    FeatureNotAvailable,
    FunctionNotDefined,
    InvalidExpression,
    NameNotDefined,
    OperatorNotDefined,
    SimpleEval,
)

from orchestra.agents.protocol import AgentInputError

__all__ = [
    "AGGREGATES",
    "FUNCTIONS",
    "CalculationError",
    "Number",
    "evaluate",
    "format_number",
]

MAX_EXPRESSION_CHARS = 2_000
MAX_NODES = 500
MAX_EXPONENT = 10_000
MAX_RESULT_DIGITS = 1_000

Number = int | float


class CalculationError(AgentInputError):
    """The expression cannot be evaluated (syntax, unknown name, division by zero...)."""


def _numbers(args: Iterable[Any]) -> list[float]:
    """Arguments of an aggregate, with lists (a step's values) flattened."""
    values: list[float] = []
    for arg in args:
        if isinstance(arg, list | tuple):
            values.extend(_numbers(arg))
        else:
            values.append(arg)
    if not values:
        raise CalculationError("An aggregate needs at least one number.")
    return values


def _sample(name: str, function: Callable[[list[float]], float]) -> Callable[..., float]:
    def aggregate(*args: Any) -> float:
        values = _numbers(args)
        if len(values) < 2:
            raise CalculationError(f"{name}() needs at least two numbers.")
        return function(values)

    return aggregate


def _product(*args: Any) -> Number:
    return math.prod(_numbers(args))


def _range(*args: Any) -> Number:
    values = _numbers(args)
    return max(values) - min(values)


def _percent_change(old: Number, new: Number) -> float:
    if old == 0:
        raise CalculationError("A percent change from 0 is undefined.")
    return (new - old) / abs(old) * 100


def _bounded_factorial(n: Number) -> int:
    if not float(n).is_integer() or n < 0:
        raise CalculationError("factorial() takes a whole number >= 0.")
    if n > 500:
        raise CalculationError("factorial() is limited to n <= 500.")
    return math.factorial(int(n))


def _log(x: Number, base: Number | None = None) -> float:
    return math.log(x) if base is None else math.log(x, base)


def _round(x: Number, digits: Number = 0) -> Number:
    """Rounding as people do it: halves away from zero, on the number as written (2.675 to
    two decimals is 2.68, although the float is a hair below it)."""
    if not float(digits).is_integer() or not 0 <= digits <= 15:
        raise CalculationError("round() takes a whole number of decimals from 0 to 15.")
    step = Decimal(1).scaleb(-int(digits))
    rounded = Decimal(repr(x)).quantize(step, rounding=ROUND_HALF_UP)
    return int(rounded) if digits == 0 else float(rounded)


def _percentile(q: Number, *args: Any) -> float:
    """Linear interpolation between closest ranks (NumPy's default, Excel's PERCENTILE.INC)."""
    if not 0 <= q <= 100:
        raise CalculationError(f"A percentile must be between 0 and 100, not {q:g}.")
    ordered = sorted(_numbers(args))
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _mode(*args: Any) -> Number:
    values = _numbers(args)
    modes = statistics.multimode(values)
    if len(modes) != 1 or len(values) < 2:
        shown = ", ".join(format_number(m) for m in modes[:10])
        raise CalculationError(f"There is no single mode: {shown} occur equally often.")
    return modes[0]


def _selector(order: Callable[[list[float]], list[float]]) -> Callable[..., list[float]]:
    def select(count: Number, *args: Any) -> list[float]:
        values = _numbers(args)
        if not float(count).is_integer() or not 1 <= count <= len(values):
            raise CalculationError(f"Cannot take {count:g} of {len(values)} numbers.")
        return order(values)[: int(count)]

    return select


SELECTIONS: dict[str, Callable[..., list[float]]] = {
    "largest": _selector(lambda v: sorted(v, reverse=True)),
    "smallest": _selector(sorted),
    "first": _selector(list),
    "last": _selector(lambda v: v[::-1]),
}
"""Functions that pick some of the values ("the top 3"), for an aggregate to work on."""

AGGREGATES: dict[str, Callable[..., Number]] = {
    "sum": lambda *args: math.fsum(_numbers(args)),
    "mean": lambda *args: statistics.fmean(_numbers(args)),
    "median": lambda *args: statistics.median(_numbers(args)),
    "mode": _mode,
    "min": lambda *args: min(_numbers(args)),
    "max": lambda *args: max(_numbers(args)),
    "range": _range,
    "count": lambda *args: len(_numbers(args)),
    "product": _product,
    "stdev": _sample("stdev", statistics.stdev),
    "variance": _sample("variance", statistics.variance),
    "pstdev": lambda *args: statistics.pstdev(_numbers(args)),
    "pvariance": lambda *args: statistics.pvariance(_numbers(args)),
}
"""Functions over any number of values (the analyst's statistics inside expressions)."""

FUNCTIONS: dict[str, Callable[..., Any]] = {
    **AGGREGATES,
    "sqrt": math.sqrt,
    "cbrt": math.cbrt,
    "abs": abs,
    "round": _round,
    "log": _log,
    "ln": math.log,
    "log10": math.log10,
    "log2": math.log2,
    "exp": math.exp,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "floor": math.floor,
    "ceil": math.ceil,
    "factorial": _bounded_factorial,
    "percent_change": _percent_change,
    "percentile": _percentile,
    **SELECTIONS,
}
_CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e, "tau": math.tau}


def _check_pow(base: Number, exponent: Number) -> Number:
    if abs(exponent) > MAX_EXPONENT:
        raise CalculationError(f"Exponent {exponent:g} is too large (limit {MAX_EXPONENT}).")
    if base not in (0, 1, -1) and exponent > 0:
        digits = exponent * math.log10(abs(base))
        if digits > MAX_RESULT_DIGITS:
            raise CalculationError(
                f"The result would have about {digits:,.0f} digits (limit {MAX_RESULT_DIGITS})."
            )
    result: Number = base**exponent
    if isinstance(result, complex):
        raise CalculationError("The result is not a real number.")
    return result


_OPERATORS: dict[type[ast.AST], Callable[..., Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: _check_pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def _bounded(value: Any) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CalculationError("The expression does not give a number.")
    if isinstance(value, int) and value.bit_length() > MAX_RESULT_DIGITS * 3.33:
        raise CalculationError(f"The result has more than {MAX_RESULT_DIGITS} digits.")
    if isinstance(value, float) and not math.isfinite(value):
        raise CalculationError("The result is not a finite number.")
    return value


def _guarded(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    """The function with its errors said the way a user can act on."""

    def call(*args: Any) -> Any:
        if name == "operator" and any(isinstance(a, list | tuple) for a in args):
            raise CalculationError(
                "A list of numbers cannot be used in arithmetic directly: apply sum, mean, "
                "median, min, max or count to it."
            )
        try:
            result = function(*args)
        except ZeroDivisionError as error:
            raise CalculationError("Division by zero is undefined.") from error
        except OverflowError as error:
            raise CalculationError("The result is too large to represent.") from error
        except CalculationError:
            raise
        except (ValueError, TypeError, statistics.StatisticsError) as error:
            raise CalculationError(f"{name}(): {error}.") from error
        if isinstance(result, list | tuple):
            return result
        return _bounded(result)

    return call


def _number_constant(node: ast.Constant) -> Number:
    if isinstance(node.value, bool) or not isinstance(node.value, int | float):
        raise CalculationError(f"Only numbers are allowed, not {node.value!r}.")
    return node.value


def _evaluator(names: Mapping[str, Any]) -> SimpleEval:
    evaluator = SimpleEval(
        operators={k: _guarded(v, "operator") for k, v in _OPERATORS.items()},
        functions={name: _guarded(f, name) for name, f in FUNCTIONS.items()},
        names={**_CONSTANTS, **names},
    )
    allowed = (ast.Expr, ast.Name, ast.UnaryOp, ast.BinOp, ast.Call)
    evaluator.nodes = {k: v for k, v in evaluator.nodes.items() if k in allowed}
    evaluator.nodes[ast.Constant] = _number_constant
    return evaluator


def evaluate(expression: str, names: Mapping[str, Any] | None = None) -> Number:
    """Evaluate an arithmetic expression; `^` means power.

    Args:
        expression: The expression, e.g. ``"mean(s1, 10) * 2"``.
        names: Values of names the expression may use besides pi, e and tau (for
            instance the results of earlier steps); a name may stand for a list of numbers,
            which aggregates such as ``mean`` accept.

    Raises:
        CalculationError: syntax error, forbidden construct, unknown name, division by
            zero, or a result beyond the size bounds.
    """
    text = expression.strip()
    if not text:
        raise CalculationError("There is no expression to calculate.")
    if len(text) > MAX_EXPRESSION_CHARS:
        raise CalculationError(f"The expression is longer than {MAX_EXPRESSION_CHARS} characters.")
    source = text.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        raise CalculationError(f"'{text}' is not a valid arithmetic expression.") from error
    if sum(1 for _ in ast.walk(tree)) > MAX_NODES:
        raise CalculationError(f"The expression is too complex (more than {MAX_NODES} parts).")
    if any(isinstance(node, ast.keyword) for node in ast.walk(tree)):
        raise CalculationError("Functions take positional arguments only.")
    evaluator = _evaluator(names or {})
    try:
        return _bounded(evaluator.eval(source, previously_parsed=ast.Expr(tree.body)))
    except NameNotDefined as error:
        raise CalculationError(
            f"Unknown name '{error.name}'. Allowed: numbers, + - * / // % ** and parentheses, "
            f"constants {', '.join(sorted(_CONSTANTS))}, "
            f"functions {', '.join(sorted(FUNCTIONS))}."
        ) from error
    except FunctionNotDefined as error:
        raise CalculationError(
            f"Unknown function '{error.func_name}'. Allowed: {', '.join(sorted(FUNCTIONS))}."
        ) from error
    except (FeatureNotAvailable, OperatorNotDefined, InvalidExpression) as error:
        raise CalculationError(
            f"'{text}' is not allowed: only arithmetic on numbers is supported."
        ) from error


def format_number(value: Number) -> str:
    """Readable result: whole floats without ".0", others to 12 significant digits."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.12g}"
    return str(value)
