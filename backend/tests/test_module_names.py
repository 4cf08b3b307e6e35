"""Each module defines each of its top-level names once.

The readers are long modules of regular expressions; a second `_SHARE_NAMED = ...` or
`_COPULAS = ...` further down silently replaces the first for every function above it
(a tip reader stopped reading "what's a 15% tip?" that way), and no linter here flags it.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "orchestra"


def _defined(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            names += [node.target.id] if isinstance(node.target, ast.Name) else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


def test_no_module_defines_a_top_level_name_twice() -> None:
    twice = {
        str(path.relative_to(SOURCE)): sorted(n for n, c in Counter(names).items() if c > 1)
        for path in sorted(SOURCE.rglob("*.py"))
        if (names := _defined(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert {path: names for path, names in twice.items() if names} == {}
