"""``briefing diff``: golden summaries on fixture seed sets, and the git base."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import diff_corpora
from generator.diffreport import to_json, to_markdown
from generator.events import DatedPoint, Event, EventReport
from generator.pipeline import Corpus, Settings, build_corpus
from tests.conftest import FIXTURES, ROOT, SEEDS
from tests.factories import make_article

GOLDEN = ROOT / "tests" / "golden" / "diff"
ADDED = FIXTURES / "pr" / "added"
SITE = "https://example.org/briefing/pr-1/"


def seeds_plus_one(tmp_path: Path) -> Path:
    """The repository's seeds and one made-up article that joins their event."""
    head = tmp_path / "head"
    shutil.copytree(SEEDS, head)
    for path in ADDED.iterdir():
        shutil.copy(path, head / path.name)
    return head


def seeds_reworked(tmp_path: Path) -> Path:
    """A copy of the seeds with one removed, one retitled and one malformed seed added."""
    head = tmp_path / "reworked"
    shutil.copytree(SEEDS, head)
    (head / "004_5a4240022d45ae01.txt").unlink()
    seed = head / "003_952a37a9d7b041f4.txt"
    seed.write_text(
        "---\ntitle: A retitled report\n---\n\n" + seed.read_text("utf-8"), encoding="utf-8"
    )
    shutil.copy(FIXTURES / "bad" / "malformed-yaml.md", head / "malformed-yaml.md")
    shutil.copy(FIXTURES / "bad" / "tags-string.md", head / "tags-string.md")
    return head


def check_golden(name: str, head: Path) -> None:
    summary = diff_corpora(build_corpus(Settings(SEEDS)), build_corpus(Settings(head)), SITE)
    actual = {f"{name}.md": to_markdown(summary), f"{name}.json": to_json(summary)}
    for file, content in actual.items():
        target = GOLDEN / file
        if os.environ.get("UPDATE_GOLDEN") == "1":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        assert content == target.read_text("utf-8"), f"{file} differs (UPDATE_GOLDEN=1 to accept)"


def test_golden_one_article_joins_the_seeds_event(tmp_path: Path) -> None:
    check_golden("seeds-plus-one", seeds_plus_one(tmp_path))


def test_golden_removed_changed_and_broken_seeds(tmp_path: Path) -> None:
    check_golden("seeds-reworked", seeds_reworked(tmp_path))


def test_one_article_joining_names_the_article_the_event_and_the_conflict(
    tmp_path: Path,
) -> None:
    summary = diff_corpora(
        build_corpus(Settings(SEEDS)), build_corpus(Settings(seeds_plus_one(tmp_path))), SITE
    )
    assert [a.id for a in summary.added] == ["005_harbour_wire_gunship"]
    assert [(e.change, e.event.size) for e in summary.events] == [("grown", 6)]
    assert summary.events[0].event.url == SITE + "events/" + summary.events[0].event.id + "/"
    appeared = [c for c in summary.conflicts if c.change == "appeared"]
    assert [(c.subject, [s.value for s in c.sides]) for c in appeared] == [
        ("people injured (in one attack)", ["8", "5"])
    ]
    assert appeared[0].sides[1].outlets == ("Harbour Wire",)


def test_errors_come_first_among_new_problems(tmp_path: Path) -> None:
    summary = diff_corpora(
        build_corpus(Settings(SEEDS)), build_corpus(Settings(seeds_reworked(tmp_path)))
    )
    severities = [str(p.severity) for p in summary.problems]
    assert severities[0] == "error" and severities == sorted(
        severities, key=["error", "warning", "info"].index
    )
    assert [a.id for a in summary.removed] == ["004_5a4240022d45ae01"]
    assert [(a.id, a.changed) for a in summary.changed] == [("003_952a37a9d7b041f4", ("title",))]
    assert any(c.change == "disappeared" for c in summary.conflicts)


def test_no_change_says_so() -> None:
    corpus = build_corpus(Settings(SEEDS))
    summary = diff_corpora(corpus, corpus)
    assert summary.empty
    assert "No change to the briefing" in to_markdown(summary)


def test_seed_text_cannot_ping_or_inject_markup(tmp_path: Path) -> None:
    head = tmp_path / "head"
    head.mkdir()
    (head / "x.md").write_text(
        '---\ntitle: "@octocat <img src=x onerror=alert(1)> [click](https://evil.test)"\n'
        "date: 2031-04-08\n---\n\nThe pier closed on Monday, officials said.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    markdown = to_markdown(
        diff_corpora(build_corpus(Settings(empty)), build_corpus(Settings(head)))
    )
    assert "@octocat" not in markdown and "@\u200boctocat" in markdown
    assert "<img" not in markdown and "](https://evil.test)" not in markdown


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_base_from_a_git_ref(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SEEDS, repo / "seeds")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    for path in ADDED.iterdir():
        shutil.copy(path, repo / "seeds" / path.name)
    code = main(["diff", "--base", "HEAD", "--head", str(repo / "seeds"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [a["id"] for a in data["added"]] == ["005_harbour_wire_gunship"]
    assert data["removed"] == [] and data["changed"] == []


def test_a_commit_without_the_folder_is_an_empty_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README").write_text("x", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    shutil.copytree(ADDED, repo / "seeds")
    assert main(["diff", "--base", "HEAD", "--head", str(repo / "seeds")]) == 0
    assert "1 article added" in capsys.readouterr().out


def test_an_unknown_base_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--base", "no-such-ref-or-folder", "--head", str(SEEDS)]) == 2
    assert "neither a folder nor a git commit" in capsys.readouterr().err


def event(event_id: str, *articles: str) -> Event:
    return Event(
        id=event_id,
        title=event_id.title(),
        title_article=articles[0],
        pinned=False,
        occurred=DatedPoint(None, None, ""),
        reported_first=None,
        reported_last=None,
        places=(),
        actors=(),
        articles=articles,
        first_report=articles[0],
        first_report_certain=True,
        facts=(),
        conflicts=(),
        notes=(),
        timeline=(),
        provenance=(),
    )


def corpus(*events: Event) -> Corpus:
    ids = sorted({a for e in events for a in e.articles})
    membership = {a: e.id for e in events for a in e.articles}
    return Corpus(
        articles=tuple(make_article(i, f"Text of {i}.", publisher="AFP") for i in ids),
        problems=(),
        seeds_read=len(ids),
        events=EventReport(events, (), membership),
    )


def test_split_and_merge_are_named_once_with_the_events_involved() -> None:
    base = corpus(event("harbour", "a", "b", "c", "d"), event("ferry", "e"), event("pier", "f"))
    head = corpus(event("harbour", "a", "b"), event("quay", "c", "d"), event("boats", "e", "f"))
    lines = {
        (e.change, e.event.id, tuple(r.id for r in e.related))
        for e in diff_corpora(base, head, SITE).events
    }
    assert lines == {
        ("split", "harbour", ("harbour", "quay")),
        ("merged", "boats", ("ferry", "pier")),
    }
    markdown = to_markdown(diff_corpora(base, head, SITE))
    assert f"was split into [“Harbour”]({SITE}events/harbour/), [“Quay”]({SITE}events/quay/)" in (
        markdown
    )
    assert "now holds the events “Ferry”, “Pier”" in markdown
