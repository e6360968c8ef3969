"""Collect the documented thresholds of the analysis for the methodology page.

Every tuning constant is an UPPER_CASE assignment followed by a docstring.
Reading them from the source means the published list cannot drift from the
code that uses them.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass
from importlib import resources

MODULES = (
    "dates.py",
    "events/grouping.py",
    "events/provenance.py",
    "events/align.py",
    "events/compare.py",
    "events/quotes.py",
    "events/document.py",
    "events/timeexpr.py",
    "events/pubdates.py",
    "events/timeline.py",
    "events/datefacts.py",
    "events/wording.py",
    "events/analyse.py",
    "events/numbers.py",
    "ingest/limits.py",
)


@dataclass(frozen=True, slots=True)
class Threshold:
    """One named constant, its value as written and what it means."""

    module: str
    name: str
    value: str
    doc: str


def documented_constants(source: str, module: str) -> list[Threshold]:
    """Return every ``NAME = value`` immediately followed by a docstring in ``source``."""
    body = ast.parse(source).body
    found = []
    for node, following in itertools.pairwise(body):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not (isinstance(target, ast.Name) and target.id.isupper()):
            continue
        if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            doc = " ".join(str(following.value.value).split())
            found.append(Threshold(module, target.id, ast.unparse(node.value), doc))
    return found


def all_thresholds() -> list[Threshold]:
    """The documented constants of every analysis module, in module order."""
    package = resources.files("generator")
    result: list[Threshold] = []
    for module in MODULES:
        path = package.joinpath(module)
        if path.is_file():
            result += documented_constants(path.read_text("utf-8"), module)
    return result
