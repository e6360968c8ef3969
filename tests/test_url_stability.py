"""Published URLs never move when seeds are added (issue 8).

A built corpus records its URLs in the ledger (``urls.lock``); the seeds that
then arrive are the attacks of issue 8: the same stem with another extension
(sorting first), the same stem in a subfolder (sorting first), and an
earlier-dated report of an existing event under another title.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.events import EventReport
from generator.pipeline import Corpus, Settings, build_corpus
from generator.urls import Ledger, keep_event_ids, ledger_text, load_ledger, save_ledger
from tests.conftest import SEEDS, make_project
from tests.test_site_build import build

OLD_ARTICLE = "000_5c1c3f824b1b32b3"


def save(corpus: Corpus, path: Path) -> None:
    save_ledger(path, ledger_text({a.file: a.id for a in corpus.articles}, corpus.events.events))


def add_newcomers(seeds: Path) -> None:
    """The seeds of issue 8 that took over or moved existing pages."""
    (seeds / f"{OLD_ARTICLE}.md").write_text(
        "---\ntitle: An unrelated story about a harbour\ndate: 2023-12-01\n---\n\n"
        "The harbour reopened on Friday after repairs, the port authority said.\n",
        encoding="utf-8",
    )
    (seeds / "0").mkdir()
    (seeds / "0" / "001_b2752bf6039d7a1e.md").write_text(
        "---\ntitle: Another unrelated story\ndate: 2023-12-02\n---\n\nA bridge was painted.\n",
        encoding="utf-8",
    )
    # A copy of an event member, dated a day before every report of the event.
    body = (SEEDS / "003_952a37a9d7b041f4.txt").read_text("utf-8").split("---\n", 2)[-1]
    (seeds / "zz_earlier.md").write_text(
        "---\ntitle: Early wire copy about the strikes\ndate: 2023-11-20\n---\n\n" + body,
        encoding="utf-8",
    )


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_adding_seeds_to_a_built_corpus_moves_no_url(seeds: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "urls.lock"
    before = build_corpus(Settings(seeds, urls_file=ledger))
    save(before, ledger)
    add_newcomers(seeds)
    after = build_corpus(Settings(seeds, urls_file=ledger))

    old_ids = {a.file: a.id for a in before.articles}
    new_ids = {a.file: a.id for a in after.articles}
    assert {f: new_ids[f] for f in old_ids} == old_ids
    assert new_ids[f"{OLD_ARTICLE}.md"] == f"{OLD_ARTICLE}-md"
    assert new_ids["0/001_b2752bf6039d7a1e.md"] == "001_b2752bf6039d7a1e-md"
    warned = {p.file for p in after.problems if p.code == "duplicate-id"}
    assert warned == {f"{OLD_ARTICLE}.md", "0/001_b2752bf6039d7a1e.md"}

    for event in before.events.events:
        moved = after.events.event(event.id)
        assert moved is not None, event.id
        assert set(event.articles) <= set(moved.articles)
    # The earlier report joined the event and is now its first report...
    (event,) = before.events.events
    joined = after.events.event(event.id)
    assert joined is not None and joined.first_report == "zz_earlier"


def test_without_the_ledger_the_earlier_report_would_move_the_event(seeds: Path) -> None:
    # ...which, without the ledger, renames the event: the case the ledger exists for.
    before = build_corpus(Settings(seeds))
    add_newcomers(seeds)
    after = build_corpus(Settings(seeds))
    (event,) = before.events.events
    assert after.events.event(event.id) is None
    assert after.events.event_of("003_952a37a9d7b041f4") == "early-wire-copy-about-the-strikes"
    # And the same stem with an extension that sorts first takes the article's URL.
    ids = {a.file: a.id for a in after.articles}
    assert ids[f"{OLD_ARTICLE}.md"] == OLD_ARTICLE


def test_the_ledger_is_sorted_json_and_rewritten_only_on_change(
    seeds: Path, tmp_path: Path
) -> None:
    ledger = tmp_path / "urls.lock"
    corpus = build_corpus(Settings(seeds, urls_file=ledger))
    text = ledger_text({a.file: a.id for a in corpus.articles}, corpus.events.events)
    assert save_ledger(ledger, text) and not save_ledger(ledger, text)
    data = json.loads(ledger.read_text("utf-8"))
    assert data["articles"][f"{OLD_ARTICLE}.txt"] == OLD_ARTICLE
    assert list(data["articles"]) == sorted(data["articles"])


@pytest.mark.parametrize(
    "content",
    ["not json", '{"articles": []}', '{"articles": {"a.md": "../x"}, "events": {}}'],
)
def test_a_bad_ledger_is_a_warning_not_a_crash(tmp_path: Path, content: str) -> None:
    path = tmp_path / "urls.lock"
    path.write_text(content, encoding="utf-8")
    ledger, problems = load_ledger(path)
    assert ledger == Ledger(articles={}, events={}) or not ledger.articles
    assert [(p.file, p.code) for p in problems] == [("urls.lock", "urls-lock")]


def test_a_split_event_keeps_its_id_on_the_larger_part() -> None:
    (event,) = build_corpus(Settings(SEEDS)).events.events
    ids = event.articles
    # Grouping now splits the event; the part with most old articles keeps the URL,
    # and the other part, whose computed id is the old one, moves aside.
    big = dataclasses.replace(event, id="computed-elsewhere", articles=ids[:3])
    small = dataclasses.replace(event, id=event.id, articles=ids[3:], first_report=ids[3])
    report = EventReport((small, big), (), {i: "?" for i in ids})
    kept = keep_event_ids(report, {event.id: frozenset(ids)})
    assert [e.id for e in kept.events] == [f"{event.id}-{sha(ids[3])}", event.id]
    assert kept.event_of(ids[0]) == event.id and kept.event_of(ids[4]) != event.id
    assert keep_event_ids(report, {}) is report


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


@pytest.mark.slow
def test_a_rebuilt_site_keeps_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    assert build(project).returncode == 0
    assert (project / "urls.lock").is_file()
    site = project / "site"
    pages = {p.parent.relative_to(site).as_posix(): h1(p) for p in site.rglob("index.html")}
    add_newcomers(project / "seeds")
    result = build(project, strict=False)
    assert result.returncode == 0, result.stderr
    after = {p.parent.relative_to(site).as_posix(): h1(p) for p in site.rglob("index.html")}
    kept = {path: after.get(path) for path in pages if path.startswith(("articles/", "events/"))}
    assert kept == {path: pages[path] for path in kept}


def h1(page: Path) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text("utf-8"), re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""
