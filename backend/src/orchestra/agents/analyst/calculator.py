"""Safe arithmetic for the analyst: parse with `ast`, walk a whitelist of nodes, never eval.

Bounded so a request cannot exhaust the process: expression length, node count,
exponent size and integer digits are all capped.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable
from typing import Any

from orchestra.agents.protocol import AgentInputError

__all__ = ["CalculationError", "evaluate", "extract_expression", "format_number"]

MAX_EXPRESSION_CHARS = 2_000
MAX_NODES = 500
MAX_EXPONENT = 10_000
MAX_RESULT_DIGITS = 1_000

Number = int | float


class CalculationError(AgentInputError):
    """The expression cannot be evaluated (syntax, unknown name, division by zero...)."""


def _bounded_factorial(n: Number) -> int:
    if not float(n).is_integer() or n < 0:
        raise CalculationError("factorial() takes a whole number >= 0.")
    if n > 500:
        raise CalculationError("factorial() is limited to n <= 500.")
    return math.factorial(int(n))


def _log(x: Number, base: Number | None = None) -> float:
    return math.log(x) if base is None else math.log(x, base)


_FUNCTIONS: dict[str, Callable[..., Number]] = {
    "sqrt": math.sqrt,
    "abs": abs,
    "round": round,
    "min": min,
    "max": max,
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
}
_CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e, "tau": math.tau}

_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.UAdd: operator.pos,
    ast.USub: operator.neg,
}


def _check_pow(base: Number, exponent: Number) -> None:
    if abs(exponent) > MAX_EXPONENT:
        raise CalculationError(f"Exponent {exponent:g} is too large (limit {MAX_EXPONENT}).")
    if base not in (0, 1, -1) and exponent > 0:
        digits = exponent * math.log10(abs(base)) if base != 0 else 0
        if digits > MAX_RESULT_DIGITS:
            raise CalculationError(
                f"The result would have about {digits:,.0f} digits (limit {MAX_RESULT_DIGITS})."
            )


def _evaluate(node: ast.AST) -> Number:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise CalculationError(f"Only numbers are allowed, not {node.value!r}.")
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow):
            _check_pow(left, right)
        try:
            result: Number = _BINARY[type(node.op)](left, right)
        except ZeroDivisionError as error:
            raise CalculationError("Division by zero is undefined.") from error
        except OverflowError as error:
            raise CalculationError("The result is too large to represent.") from error
        return _bounded(result)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        operand: Number = _UNARY[type(node.op)](_evaluate(node.operand))
        return operand
    if isinstance(node, ast.Name):
        if node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        raise CalculationError(
            f"Unknown name '{node.id}'. Allowed: numbers, + - * / // % ** and parentheses, "
            f"constants {', '.join(sorted(_CONSTANTS))}, "
            f"functions {', '.join(sorted(_FUNCTIONS))}."
        )
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS:
            name = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
            raise CalculationError(
                f"Unknown function '{name}'. Allowed: {', '.join(sorted(_FUNCTIONS))}."
            )
        if node.keywords:
            raise CalculationError("Functions take positional arguments only.")
        args = [_evaluate(a) for a in node.args]
        try:
            return _bounded(_FUNCTIONS[node.func.id](*args))
        except (ValueError, TypeError) as error:
            raise CalculationError(f"{node.func.id}(): {error}.") from error
        except ZeroDivisionError as error:
            raise CalculationError("Division by zero is undefined.") from error
        except OverflowError as error:
            raise CalculationError("The result is too large to represent.") from error
    raise CalculationError(
        f"'{ast.unparse(node)}' is not allowed: only arithmetic on numbers is supported."
    )


def _bounded(value: Number) -> Number:
    if isinstance(value, int) and value.bit_length() > MAX_RESULT_DIGITS * 3.33:
        raise CalculationError(f"The result has more than {MAX_RESULT_DIGITS} digits.")
    if isinstance(value, float) and not math.isfinite(value):
        raise CalculationError("The result is not a finite number.")
    return value


def evaluate(expression: str) -> Number:
    """Evaluate an arithmetic expression; `^` means power.

    Raises:
        CalculationError: syntax error, forbidden construct, unknown name, division by
            zero, or a result beyond the size bounds.
    """
    text = expression.strip()
    if not text:
        raise CalculationError("There is no expression to calculate.")
    if len(text) > MAX_EXPRESSION_CHARS:
        raise CalculationError(f"The expression is longer than {MAX_EXPRESSION_CHARS} characters.")
    try:
        tree = ast.parse(text.replace("^", "**"), mode="eval")
    except SyntaxError as error:
        raise CalculationError(f"'{text}' is not a valid arithmetic expression.") from error
    if sum(1 for _ in ast.walk(tree)) > MAX_NODES:
        raise CalculationError(f"The expression is too complex (more than {MAX_NODES} parts).")
    return _evaluate(tree)


_WORD_OPERATORS: list[tuple[str, str]] = [
    (r"\bmultiplied by\b|\btimes\b", "*"),
    (r"\bdivided by\b|\bover\b", "/"),
    (r"\bplus\b|\badded to\b", "+"),
    (r"\bminus\b|\bless\b", "-"),
    (r"\bmod(?:ulo)?\b", "%"),
    (r"\bto the power of\b|\braised to(?: the power of)?\b", "**"),
    (r"\bsquared\b", "**2"),
    (r"\bcubed\b", "**3"),
    (r"\bsquare root of\b", "sqrt"),
    (r"(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\b", r"(\1/100)*"),
]
_FILLER = re.compile(
    r"^\s*(?:please\s+)?(?:what(?:'s| is)|how much is|calculate|compute|evaluate|work out|"
    r"solve|find|determine|give me|tell me)?\s*(?:the\s+)?(?:value|result|answer)?\s*(?:of\s+)?",
    re.IGNORECASE,
)


def extract_expression(instruction: str) -> str:
    """The arithmetic in a sentence: "What is 12 * (3 + 4)?" -> "12 * (3 + 4)"."""
    text = instruction.strip().replace("×", "*").replace("÷", "/").replace("−", "-")
    # "3 x 4" is multiplication when x sits between numbers.
    text = re.sub(r"(?<=[\d)])\s*[xX]\s*(?=[\d(])", " * ", text)
    lowered = text.lower()
    for pattern, replacement in _WORD_OPERATORS:
        lowered = re.sub(pattern, replacement, lowered)
    lowered = _FILLER.sub("", lowered, count=1)
    lowered = re.sub(r"[?!=]+\s*$", "", lowered).strip().rstrip(".").strip()
    # Thousands separators, unless commas separate function arguments.
    if "(" not in lowered:
        lowered = re.sub(r"(?<=\d),(?=\d{3}\b)", "", lowered)
    # Words around a complete expression are prose ("12 * 3 for me"); words inside it
    # ("2 * x") are kept so the user hears which name is unknown.
    lowered = re.sub(r"(?<=[\d)])\s+[a-z][a-z\s,']*$", "", lowered)
    lowered = re.sub(r"^[a-z][a-z\s,':]*?\s+(?=[\d(.\-])", "", lowered)
    lowered = re.sub(r"^[:,]\s*", "", lowered)
    return lowered.strip()


def format_number(value: Number) -> str:
    """Readable result: whole floats without ".0", others to 12 significant digits."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.12g}"
    return str(value)
