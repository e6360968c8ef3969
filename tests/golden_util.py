"""Golden-file comparison: expected output lives next to its input."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check_tree(actual: Mapping[str, str], expected_dir: Path) -> None:
    """Compare rendered files with the golden tree; UPDATE_GOLDEN=1 rewrites it."""
    if UPDATE:
        for old in expected_dir.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, content in actual.items():
            target = expected_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text("utf-8")
        for p in sorted(expected_dir.rglob("*"))
        if p.is_file()
    }
    assert sorted(actual) == sorted(expected), (
        "set of generated files changed (UPDATE_GOLDEN=1 to accept)"
    )
    for path, content in actual.items():
        assert content == expected[path], (
            f"{path} differs from its golden file (UPDATE_GOLDEN=1 to accept)"
        )
