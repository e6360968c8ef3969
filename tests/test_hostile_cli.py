"""``briefing check`` output cannot be hijacked by a file name or a message.

A seed named ``"\\n::error file=README.md,line=1::Injected\\n.md"`` must not start a
GitHub workflow command, and ESC or bidi characters must not hide or reorder
lines. The names are made in a temporary folder: such files do not belong in git.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.terminal import visible

INJECTION = "\n::error file=README.md,line=1::Injected\n.md"
HOSTILE_NAMES = [
    INJECTION,
    "\x1b[2K\x1b[1Ahidden.md",  # erase the line, move up
    "abc\u202etxt.md",  # right-to-left override
    "100%25 %0A::warning::x.md",  # the runner's own escapes, written literally
    "carriage\rreturn.md",
]


def run_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in HOSTILE_NAMES:
        (seeds / name).write_text("", encoding="utf-8")  # empty: an error on that file
    assert main(["check", str(seeds), *options]) == 1
    return capsys.readouterr().out.rstrip("\n").split("\n")


def test_github_annotations_cannot_be_injected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run_check(tmp_path, capsys, "--format", "github")
    annotations, summary = lines[:-1], lines[-1]
    assert len(annotations) == len(HOSTILE_NAMES)
    assert all(
        re.match(r"::(error|warning|notice) file=[^:,]+,line=\d+,title=", a) for a in annotations
    )
    assert summary.startswith(f"{len(HOSTILE_NAMES)} seeds read")
    output = "\n".join(lines)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", output)
    assert "::error file=README.md" not in output
    # The runner un-escapes %25, so a literal "%0A" in a name stays literal.
    assert any("100%2525 %250A" in a for a in annotations)


def test_text_report_shows_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run_check(tmp_path, capsys)
    problems = [line for line in lines if ": error: " in line]
    assert len(problems) == len(HOSTILE_NAMES)
    assert all(line.startswith(str(tmp_path / "seeds")) for line in problems)
    assert not any(line.startswith("::") for line in lines)
    output = "\n".join(lines)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", output)
    assert "\\x0a::error file=README.md,line=1::Injected\\x0a.md:1: error:" in output


def test_visible_escapes_every_control_character() -> None:
    assert visible("a\nb\x1b[31m\u202ec\\d") == "a\\x0ab\\x1b[31m\\u202ec\\\\d"
    assert visible("Ain al-Asad, “quoted” — fine") == "Ain al-Asad, “quoted” — fine"
