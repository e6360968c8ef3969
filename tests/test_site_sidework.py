"""The article pages and the export made by a worker are this process's, byte for byte."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from generator.cache import ContentCache
from generator.pipeline import Corpus, Settings, build_corpus
from generator.site import render, sidework
from generator.site.bodies import body_html
from generator.site.exportfile import write_export
from generator.site.render import render_articles, render_site
from generator.site.sidework import SideArticles, SideExport, StoredCorpus, articles_in_worker
from generator.workers import start_pool
from tests.synthetic import write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(Settings(write_corpus(tmp_path_factory.mktemp("seeds"), 40)))


def stored(corpus: Corpus, tmp_path: Path) -> StoredCorpus:
    """The corpus stored in a content cache, as a cold build leaves it."""
    cache = ContentCache(tmp_path / "cache")
    cache.put("corpus", "k", corpus)
    cache.close()
    return StoredCorpus(cache.folder, "k")


def test_a_corpus_the_cache_does_not_hold_is_a_lookup_error(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="holds no corpus other"):
        StoredCorpus(tmp_path / "cache", "other").load()


def test_the_site_rendered_beside_a_worker_is_the_site_rendered_here(
    corpus: Corpus, tmp_path: Path
) -> None:
    file = stored(corpus, tmp_path)
    beside = render_site(corpus, True, lambda: articles_in_worker(file, True))
    assert beside == render_site(corpus, True)
    assert any(path.startswith("articles/") for path in beside)
    assert list(beside) == sorted(beside)


def test_an_article_page_that_fails_beside_still_reaches_the_problems_page(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = corpus.articles[3]

    def body(text: str, title: str) -> str:
        if text == victim.body:
            raise RecursionError("deep")
        return body_html(text, title)

    monkeypatch.setattr(render, "body_html", body)
    here = render_site(corpus)
    beside = render_site(corpus, True, lambda: render_articles(corpus))
    assert beside == here
    assert "could not be built" in beside[f"articles/{victim.id}.md"]
    assert victim.file in "".join(v for k, v in beside.items() if k.startswith("problems/"))


def failed() -> Future[Any]:
    future: Future[Any] = Future()
    future.set_exception(RuntimeError("worker died"))
    return future


def test_a_failed_worker_leaves_the_work_to_this_process(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = stored(corpus, tmp_path)
    monkeypatch.setattr(sidework, "submit", lambda *args: failed())
    assert render_site(corpus, True, SideArticles(corpus, file, True)) == render_site(corpus)
    expected = tmp_path / "expected.json"
    write_export(corpus, expected)
    export = SideExport(corpus, file, tmp_path / "site" / "corpus.json", tmp_path / "store")
    assert export.started
    export.wait()
    assert (tmp_path / "site" / "corpus.json").read_bytes() == expected.read_bytes()


def test_without_a_pool_nothing_is_sent(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sidework, "submit", lambda *args: None)
    file = stored(corpus, tmp_path)
    assert not SideExport(corpus, file, tmp_path / "x.json", tmp_path / "store").started
    assert render_site(corpus, False, SideArticles(corpus, file, False)) == render_site(
        corpus, False
    )


def test_the_pool_renders_and_exports_what_this_process_would(
    corpus: Corpus, tmp_path: Path
) -> None:
    start_pool(2, wait=True)
    file = stored(corpus, tmp_path)
    side = SideArticles(corpus, file, True)
    export = SideExport(corpus, file, tmp_path / "site" / "corpus.json", tmp_path / "store")
    assert render_site(corpus, True, side) == render_site(corpus, True)
    export.wait()
    expected = tmp_path / "expected.json"
    write_export(corpus, expected)
    assert (tmp_path / "site" / "corpus.json").read_bytes() == expected.read_bytes()
    assert (tmp_path / "store" / "k.json").read_bytes() == expected.read_bytes()
