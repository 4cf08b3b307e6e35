"""Templates, conditions and paths of a workflow, in Jinja2's sandbox: never `eval`.

A step's instruction is a Jinja2 template and its condition a Jinja2 expression, both
rendered by Jinja2's sandbox (no attribute of Python internals, no call of unsafe methods),
in its immutable form (`ImmutableSandboxedEnvironment`: nor a method that changes a list or a
dict, as the run's inputs and its steps' results are records, not scratch space), with
`StrictUndefined` (a name that is not there is an error, not an empty string).
They see two names: `inputs` (the run's inputs) and `steps` (`steps.<id>` with `data`, `text`,
`status` and `title` of the steps the step depends on, directly or not).

Mappings (a step's `inputs`, the workflow's `outputs`) are dotted paths, `inputs.numbers` or
`steps.s1.data.values.0`, rather than JMESPath: the same names templates use, a form whose
every reference can be checked when the workflow is saved (that the input exists, that the
step is an ancestor), and no dependency for the little they do: select a value and give it a
name. A path through a value that is not there selects null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.meta import find_undeclared_variables
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = [
    "ROOTS",
    "STEP_FIELDS",
    "Reference",
    "TemplateProblem",
    "evaluate",
    "expression_references",
    "parse_path",
    "render",
    "select",
    "template_references",
]

ROOTS = ("inputs", "steps")
"""The names templates, conditions and paths may start with."""
STEP_FIELDS = ("data", "text", "status", "title")
"""What `steps.<id>` holds of a step."""

# autoescape off: instructions are plain text for an agent, not HTML.
ENV = ImmutableSandboxedEnvironment(
    undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
)

PATH = re.compile(r"^(inputs|steps)((?:\.[A-Za-z0-9_\-]+)+)$")


class TemplateProblem(Exception):
    """A template, condition or path that does not parse, or failed when rendered."""


@dataclass(frozen=True)
class Reference:
    """What a template, condition or path names: a root (`inputs`, `steps`, or another name)
    and the names after it, as far as they are written literally (`steps.s1.data` gives
    ("steps", ("s1", "data")))."""

    root: str
    path: tuple[str, ...] = ()


def _chain(node: nodes.Node) -> tuple[str, tuple[str, ...]] | None:
    """The root name and literal attribute names of `a.b["c"].d`, or None."""
    names: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            names.append(node.attr)
            node = node.node
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str | int)
        ):
            names.append(str(node.arg.value))
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, tuple(reversed(names))
        else:
            return None


def _references(tree: nodes.Node, free: set[str]) -> list[Reference]:
    """Every use of a free name in `tree`, with its longest literal path."""
    found: list[Reference] = []
    within: set[int] = set()  # names already counted as the root of a longer chain
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        chain = _chain(node)
        if chain is None or chain[0] not in free:
            continue
        found.append(Reference(chain[0], chain[1]))
        inner: nodes.Node = node
        while not isinstance(inner, nodes.Name):
            inner = inner.node  # type: ignore[attr-defined]
        within.add(id(inner))
    for name in tree.find_all(nodes.Name):
        if name.name in free and name.ctx == "load" and id(name) not in within:
            found.append(Reference(name.name))
    return found


def template_references(source: str) -> list[Reference]:
    """What a template names (loop variables and the like left out).

    Raises:
        TemplateProblem: the template does not parse.
    """
    try:
        tree = ENV.parse(source)
    except TemplateError as exc:
        raise TemplateProblem(_message(exc)) from exc
    return _references(tree, set(find_undeclared_variables(tree)))


def _expression(source: str) -> nodes.Expr:
    """Parse a condition as `compile_expression` does, to look into it before it runs."""
    try:
        parser = Parser(ENV, source, state="variable")
        expression = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateProblem(
                f"unexpected {parser.stream.current.value!r} after the expression"
            )
    except TemplateError as exc:
        raise TemplateProblem(_message(exc)) from exc
    return expression


def expression_references(source: str) -> list[Reference]:
    """What a condition names.

    Raises:
        TemplateProblem: the expression does not parse.
    """
    tree = _expression(source)
    names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    return _references(tree, names)


def parse_path(path: str) -> Reference:
    """A mapping's path as a reference.

    Raises:
        TemplateProblem: it is not `inputs.<name>...` or `steps.<id>...`.
    """
    match = PATH.match(path)
    if match is None:
        raise TemplateProblem(
            f"{path!r} is not a path: write inputs.<name>... or steps.<step id>.<field>..."
        )
    return Reference(match.group(1), tuple(match.group(2)[1:].split(".")))


def render(source: str, context: dict[str, Any]) -> str:
    """Render an instruction template.

    Raises:
        TemplateProblem: a name is not there, or the sandbox refused something.
    """
    try:
        return ENV.from_string(source).render(context)
    except TemplateError as exc:
        raise TemplateProblem(_message(exc)) from exc


def evaluate(source: str, context: dict[str, Any]) -> bool:
    """A condition's truth.

    Raises:
        TemplateProblem: a name is not there, or the sandbox refused something.
    """
    try:
        return bool(ENV.compile_expression(source, undefined_to_none=False)(**context))
    except TemplateError as exc:
        raise TemplateProblem(_message(exc)) from exc
    except (TypeError, ValueError, ArithmeticError) as exc:  # `"a" > 1`, `1 / 0`
        raise TemplateProblem(f"{type(exc).__name__}: {exc}") from exc


def select(path: str, context: dict[str, Any]) -> Any:
    """The value a path selects; null where it leads through a value that is not there."""
    value: Any = context
    for name in path.split("."):
        if isinstance(value, dict):
            value = value.get(name)
        elif (
            isinstance(value, list)
            and name.lstrip("-").isdigit()
            and -len(value) <= int(name) < len(value)
        ):
            value = value[int(name)]
        else:
            return None
    return value


def _message(exc: TemplateError) -> str:
    line = getattr(exc, "lineno", None)
    where = f" (line {line})" if line and line > 1 else ""
    return f"{exc.message or type(exc).__name__}{where}"
