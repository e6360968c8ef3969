"""The problem vocabulary: every code the generator emits is catalogued and documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.problems import CATALOGUE, markdown_table

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
# Calls that take a problem code: Problem(file, line, severity, CODE, message),
# checker.error(line, CODE, message) and checker.warn(line, CODE, message).
CODE_ARGUMENT = {"Problem": 3, "error": 1, "warn": 1}


def _constants(node: ast.AST) -> list[str]:
    """String constants an argument can be (a literal, or either side of ``a if c else b``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def emitted_codes() -> set[str]:
    """Every literal problem code in the package's source."""
    found: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                index = CODE_ARGUMENT.get(name)
                if index is not None and len(node.args) > index:
                    found.update(_constants(node.args[index]))
            # ``return Severity.WARNING, "code", msg`` (why a file is not read).
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3:
                first = node.elts[0]
                owner = getattr(first, "value", None)
                if isinstance(first, ast.Attribute) and getattr(owner, "id", "") == "Severity":
                    found.update(_constants(node.elts[1]))
            # ``code = "a" if ... else "b"`` then ``Problem(..., code, ...)``.
            elif isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == [
                "code"
            ]:
                found.update(_constants(node.value))
    return {code for code in found if CODE.match(code)}


def test_every_emitted_code_is_catalogued() -> None:
    emitted = emitted_codes()
    assert emitted - set(CATALOGUE) == set()


def test_every_catalogued_code_is_emitted() -> None:
    assert set(CATALOGUE) - emitted_codes() == set()


def test_one_code_for_one_mistake_in_seeds_and_registries() -> None:
    # The three YAML vocabularies of old (seeds, outlets, actors) are gone.
    assert not [c for c in CATALOGUE if c.startswith("actors-") or "registry-yaml" in c]
    assert all(CODE.match(code) for code in CATALOGUE)


def test_the_readme_lists_every_code() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert markdown_table() in readme, "run `python -m generator.problems` and paste into README"
