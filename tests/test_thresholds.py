"""One frozen dataclass holds every threshold; the page is rendered from it in plain words."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from generator.events import grouping
from generator.ingest import limits
from generator.pipeline import Settings
from generator.site.thresholds import TITLES, human_value, sections
from generator.thresholds import (
    INPUT_LIMITS,
    METADATA_RULES,
    PAGE_LIMITS,
    InputLimits,
    Thresholds,
    default_thresholds,
)
from generator.thresholds.about import listed


def every_field() -> list[tuple[str, dataclasses.Field[Any]]]:
    thresholds = default_thresholds()
    return [
        (f"{part.name}.{item.name}", item)
        for part in dataclasses.fields(thresholds)
        for item in dataclasses.fields(getattr(thresholds, part.name))
    ]


def test_every_threshold_says_what_it_is_in_words() -> None:
    for name, item in every_field():
        assert item.metadata["label"].strip(), name
        assert item.metadata["meaning"].rstrip().endswith((".", "…")), name
        assert "_" not in item.metadata["meaning"], f"{name} names a Python constant"


def test_the_thresholds_are_frozen_and_reachable_from_settings(tmp_path: Path) -> None:
    thresholds = Settings(tmp_path).thresholds
    assert thresholds == default_thresholds()
    assert thresholds.input is INPUT_LIMITS and thresholds.metadata is METADATA_RULES
    assert thresholds.pages is PAGE_LIMITS
    with pytest.raises(dataclasses.FrozenInstanceError):
        thresholds.input.lines = 1  # type: ignore[misc]


def test_other_stages_are_listed_by_reference_not_copied() -> None:
    thresholds = default_thresholds()
    assert thresholds.grouping.link_min == grouping.GROUP_LINK_MIN
    assert thresholds.grouping.date_window == grouping.GROUP_DATE_WINDOW_DAYS


def test_the_input_limits_are_applied_from_the_dataclass() -> None:
    lines = InputLimits().lines
    assert limits.too_many_lines("x\n" * lines) is None
    assert limits.too_many_lines("x\n" * (lines + 1)) == lines + 1


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (4, "word", "4 words"),
        (1, "word", "1 word"),
        (60, "day", "60 days"),
        (0.35, "", "0.35"),
        (1_000_000, "byte", "1,000,000 bytes"),
        (230, "word a minute", "230 words a minute"),
        (5, "content word", "5 content words"),
        (frozenset({"since", "on", "in"}), "", "in, on, since"),
        (("12", "14"), "", "12, 14"),
        (10**15, "", "1,000,000,000,000,000"),
    ],
)
def test_values_are_written_for_a_reader(value: object, unit: str, shown: str) -> None:
    assert human_value(value, unit) == shown


def test_the_page_has_a_section_per_stage_and_no_python_names() -> None:
    found = sections()
    assert [s.title for s in found] == list(TITLES.values())
    assert len(TITLES) == len(dataclasses.fields(Thresholds))
    text = " ".join(f"{r.label} {r.value} {r.meaning}" for s in found for r in s.rows)
    assert "frozenset" not in text and "**" not in text
    assert not re.search(r"\b[A-Z]+_[A-Z_]+\b", text)
    rows = {r.label: r.value for s in found for r in s.rows}
    assert rows["Largest seed file"] == "1,000,000 bytes"
    assert rows["Reports of one event"] == f"{grouping.GROUP_DATE_WINDOW_DAYS} days"


def test_a_moved_constant_is_named_not_silently_dropped() -> None:
    read = listed("generator.nowhere", "GONE", "Gone", "Moved.").default_factory
    with pytest.raises(LookupError, match=r"generator\.nowhere\.GONE"):
        read()


def test_every_documented_numeric_constant_is_on_the_thresholds_page() -> None:
    """A new tuning number in any stage must be listed, or the page silently drifts."""

    root = Path(__file__).resolve().parent.parent / "generator"
    listed = set()
    for path in (root / "thresholds").glob("*.py"):
        listed |= set(re.findall(r'"([A-Z][A-Z0-9_]+)",\n', path.read_text("utf-8")))
    values = {f.name for f in dataclasses.fields(default_thresholds())}
    assert values  # the dataclass itself is read, not only its source
    missing = []
    for path in sorted(root.rglob("*.py")):
        if "thresholds" in path.parts:
            continue
        body = ast.parse(path.read_text("utf-8")).body
        for node, following in itertools.pairwise(body):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target = node.targets[0]
            documented = isinstance(following, ast.Expr) and isinstance(
                following.value, ast.Constant
            )
            numeric = isinstance(node.value, ast.Constant) and type(node.value.value) in (
                int,
                float,
            )
            named = isinstance(target, ast.Name) and target.id.isupper()
            if named and documented and numeric and target.id not in listed:
                missing.append(f"{path.relative_to(root)}: {ast.unparse(target)}")
    assert missing == []
