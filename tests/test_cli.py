"""The command line: exit codes, report formats, --strict and the export's shape."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.conftest import FIXTURES, ROOT, SEEDS

GOOD = {
    "alpha.md": "---\ntitle: Pier closed\ndate: 2031-04-08\noutlet: AFP\n---\n\nThe pier closed.\n",
    "beta.txt": " date 2031-04-09 The ferry resumed service on Tuesday. Crews were pleased.\n",
}
ARTICLE_KEYS = {
    "id",
    "file",
    "title",
    "title_source",
    "published",
    "publisher",
    "publisher_source",
    "credited",
    "tags",
    "inferred_tags",
    "flags",
    "words",
    "reading_minutes",
    "summary",
    "authors",
    "url",
    "extra",
    "actors",
    "places",
    "event",
}
TOP_KEYS = {
    "schema",
    "seeds_read",
    "articles",
    "problems",
    "actors",
    "places",
    "unregistered",
    "events",
}


def make_seeds(folder: Path, *bad: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for case in bad:
        shutil.copy(FIXTURES / "bad" / case, folder / case)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(
    capsys: pytest.CaptureFixture[str], seeds: Path, *extra: str, exit_code: int = 0
) -> dict[str, Any]:
    code, out, _ = run(capsys, "export", "--seeds", str(seeds), *extra)
    assert code == exit_code
    data: dict[str, Any] = json.loads(out)
    return data


def test_check_on_good_seeds_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(make_seeds(tmp_path / "seeds")))
    assert code == 0
    assert out == "No problems found.\n2 seeds read, 2 articles, 0 errors, 0 warnings\n"


def test_check_on_the_real_seeds_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEEDS))
    assert code == 0
    assert out.endswith("5 seeds read, 5 articles, 0 errors, 0 warnings\n")


def test_malformed_yaml_exits_1_naming_file_and_line_and_good_seeds_still_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seeds = make_seeds(tmp_path / "seeds", "malformed-yaml.md")
    code, out, _ = run(capsys, "check", str(seeds))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{seeds.as_posix()}/malformed-yaml.md:4: error: Malformed YAML")
    assert first.endswith("[yaml-syntax]")
    assert out.splitlines()[-1] == "3 seeds read, 3 articles, 1 error, 0 warnings"

    data = export(capsys, seeds)
    assert [a["id"] for a in data["articles"]] == ["alpha", "beta", "malformed-yaml"]
    assert data["articles"][0]["title"] == "Pier closed"
    assert data["articles"][1]["published"]["date"] == "2031-04-09"
    assert data["problems"] == [
        {
            "file": "malformed-yaml.md",
            "line": 4,
            "severity": "error",
            "code": "yaml-syntax",
            "message": "Malformed YAML front matter: while parsing a flow sequence: "
            "expected ',' or ']', but got ':'.",
        }
    ]


def test_github_annotations(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path / "seeds", "malformed-yaml.md", "tags-string.md")
    code, out, _ = run(capsys, "check", str(seeds), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),title=([\w-]+)::(.+)$")
    parsed = [pattern.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert [(m[1], m[2], m[3], m[4]) for m in parsed if m] == [
        ("error", f"{seeds.as_posix()}/malformed-yaml.md", "4", "yaml-syntax"),
        ("warning", f"{seeds.as_posix()}/tags-string.md", "3", "tags-not-list"),
    ]
    assert lines[-1] == "4 seeds read, 4 articles, 1 error, 1 warning"


def test_github_annotation_properties_are_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a,b:c.md").write_text("---\ntags: x, y\n---\nText.\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(seeds), "--format", "github")
    assert out.splitlines()[0].startswith(
        f"::warning file={seeds.as_posix().replace(':', '%3A')}/a%2Cb%3Ac.md,line=2,"
    )


def test_strict_promotes_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path / "seeds", "tags-string.md")
    assert run(capsys, "check", str(seeds))[0] == 0
    code, out, _ = run(capsys, "check", "--strict", str(seeds))
    assert code == 1
    assert ": error: 'tags' should be a list" in out
    problems = export(capsys, seeds, "--strict", exit_code=1)["problems"]
    assert [p["severity"] for p in problems] == ["error"]


def test_export_strict_exits_1_on_an_error_and_still_writes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seeds = make_seeds(tmp_path / "seeds", "malformed-yaml.md")
    out = tmp_path / "corpus.json"
    assert run(capsys, "export", "--seeds", str(seeds), "--out", str(out))[0] == 0
    code, _, err = run(capsys, "export", "--seeds", str(seeds), "--out", str(out), "--strict")
    assert code == 1
    assert "1 error in the seeds (strict mode)" in err
    assert [p["code"] for p in json.loads(out.read_text("utf-8"))["problems"]] == ["yaml-syntax"]


def test_export_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code, stdout, _ = run(
        capsys, "export", "--seeds", str(make_seeds(tmp_path / "s")), "--out", str(out)
    )
    assert (code, stdout) == (0, "")
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) == TOP_KEYS
    assert data["seeds_read"] == 2
    for article in data["articles"]:
        assert set(article) == ARTICLE_KEYS
        assert set(article["published"]) == {
            "date",
            "precision",
            "source",
            "inferred",
            "line",
            "note",
        }
        assert isinstance(article["credited"], list)
        assert isinstance(article["tags"], list) and isinstance(article["flags"], list)
        assert isinstance(article["words"], int)
    alpha = data["articles"][0]
    assert (alpha["id"], alpha["file"], alpha["publisher"]) == (
        "alpha",
        "alpha.md",
        "Agence France-Presse",
    )
    assert alpha["published"] == {
        "date": "2031-04-08",
        "precision": "day",
        "source": "front matter",
        "inferred": False,
        "line": 3,
        "note": "",
    }
    beta = data["articles"][1]
    assert beta["publisher"] is None and beta["credited"] == []
    # Deterministic: sorted keys and a trailing newline; a second run is identical.
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    main(["export", "--seeds", str(tmp_path / "s"), "--out", str(tmp_path / "again.json")])
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == text


def test_export_is_strict_json_whatever_the_front_matter_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seeds = tmp_path / "s"
    seeds.mkdir()
    (seeds / "a.md").write_text(
        "---\nhistory:\n  2031-04-08: opened\nratio: .nan\nbag: !!set {b, a}\n---\nText.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "export", "--seeds", str(seeds))
    assert code == 0
    data = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    assert data["articles"][0]["extra"] == {
        "bag": ["a", "b"],
        "history": {"2031-04-08": "opened"},
        "ratio": "nan",
    }


def test_missing_seeds_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 2
    assert "no seeds folder" in err


def test_unwritable_output_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path / "s")
    code, _, err = run(capsys, "export", "--seeds", str(seeds), "--out", str(tmp_path / "x" / "y"))
    assert code == 2
    assert "cannot write" in err


def test_python_dash_m_generator_runs_the_command(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path / "seeds", "malformed-yaml.md")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(seeds)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "malformed-yaml.md:4: error:" in result.stdout
