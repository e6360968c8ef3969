"""Pagefind search: what is indexed, and what a reader sees in a real browser."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from generator.site.search import (
    OverlappedIndex,
    SearchEntry,
    Weight,
    entry_for,
    index_site,
    mark_page,
    search_entries,
)
from tests.browser_support import serve_directory
from tests.conftest import ARTIFACTS, FIXTURES, SEEDS
from tests.pagefind_files import SIGNATURE, index_content
from tests.test_browser import build_site

# First search at the seeds' size: Pagefind's loader, its WebAssembly, the
# entry file, one index chunk and ten fragments. Grows with the chunk the
# query needs, not with the corpus (bench/run.py measures it at 10,000).
FIRST_QUERY_BYTES = 500_000


def test_light_pages_index_only_their_title_and_spellings() -> None:
    entry = SearchEntry(Weight.LIGHT, (), ("Kataib Hezbollah", "Kataeb <b>Hezbollah</b>"))
    html = mark_page("<h1>Kataib</h1><table><tr><td>mention</td></tr></table>", entry, "Kataib")
    assert html.startswith("<div data-pagefind-body")
    assert '<div data-pagefind-ignore="all"><h1>Kataib</h1><table>' in html
    assert '<p data-pagefind-meta="title">Kataib</p>' in html
    assert "Kataeb &lt;b&gt;Hezbollah&lt;/b&gt;" in html


def test_filters_and_titles_are_escaped() -> None:
    entry = SearchEntry(Weight.FULL, (("outlet", '"><script>x()</script>'),))
    html = mark_page("<p>text</p>", entry, "<script>")
    assert "<script>" not in html
    assert 'data-pagefind-filter="outlet">&quot;&gt;&lt;script&gt;' in html


def test_listings_stay_out_of_the_index() -> None:
    assert mark_page("<p>x</p>", None) == "<p>x</p>"
    assert entry_for("articles/index.md", {}) is None
    assert entry_for("outlets/reuters/_page-2.md", {}) is None
    assert entry_for("dates/2023-11-21.md", {}) is None
    light = entry_for("outlets/reuters.md", {})
    assert light is not None and light.weight is Weight.LIGHT


def test_articles_carry_outlet_topic_actor_and_date_filters() -> None:
    from generator.pipeline import Settings, build_corpus

    corpus = build_corpus(Settings(SEEDS))
    entries = search_entries(corpus)
    article = corpus.articles[0]
    entry = entries[f"articles/{article.id}.md"]
    names = {name for name, _ in entry.filters}
    assert entry.weight is Weight.FULL
    assert {"outlet", "actor", "date"} <= names
    assert all(f"events/{e.id}.md" in entries for e in corpus.events.events)


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_site(tmp_path_factory.mktemp("search-seeds"), SEEDS)
    with serve_directory(site) as url:
        yield url


def search(
    page: Any, url: str, query: str, timeout_ms: int = 15_000
) -> tuple[list[str], int, list[str]]:
    """Type ``query`` in the search box; return result links, bytes fetched, hosts asked."""
    fetched: list[int] = []
    hosts: list[str] = []

    def finished(request: Any) -> None:
        fetched.append(int(request.sizes()["responseBodySize"]))

    page.goto(url + "articles/")
    page.wait_for_load_state("networkidle")
    page.on("requestfinished", finished)
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('match')",
        timeout=timeout_ms,
    )
    page.wait_for_load_state("networkidle")
    links = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    shot(page, f"pagefind-{query.replace(' ', '-')}")
    return links, sum(fetched), hosts


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


SEEDS_WITH_66 = ("000_", "001_", "002_", "003_")


@pytest.mark.browser
@pytest.mark.slow
def test_a_number_finds_the_articles_that_report_it_first(page: Any, seeds_url: str) -> None:
    links, fetched, hosts = search(page, seeds_url, "66 attacks")
    first = links[0]
    assert "/events/" in first or any(f"/articles/{s}" in first for s in SEEDS_WITH_66), links
    articles = [link for link in links[:5] if "/articles/" in link]
    assert len(articles) >= 3 and all(
        any(f"/articles/{s}" in link for s in SEEDS_WITH_66) for link in articles
    ), links
    print(f"first query fetched {fetched} bytes")
    assert 0 < fetched <= FIRST_QUERY_BYTES
    # Everything comes from the site itself: it works offline.
    assert set(hosts) == {seeds_url.split("/")[2]}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "first", "also"),
    [
        # A registered alias that no seed writes: found through the actor's spellings.
        ("Hezbollah Brigades", "/actors/kataib-hezbollah/", {"002_", "004_"}),
        # A spelling only seed 002 uses.
        ("Kataeb", "/actors/kataib-hezbollah/", {"002_"}),
        ("Reuters", "/outlets/reuters/", {"000_", "002_"}),
    ],
)
def test_names_in_any_spelling_find_the_page_and_the_articles(
    page: Any, seeds_url: str, query: str, first: str, also: set[str]
) -> None:
    links, _, _ = search(page, seeds_url, query)
    assert links[0].endswith(first), links
    top = " ".join(links[:5])
    assert all(f"/articles/{prefix}" in top for prefix in also), links


@pytest.mark.browser
@pytest.mark.slow
def test_search_results_show_seed_markup_as_text(page: Any, tmp_path: Path) -> None:
    site = build_site(tmp_path, FIXTURES / "hostile", strict=False)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(site) as url:
        links, _, _ = search(page, url, "pwned")
        assert links
        results = page.locator(".md-search-result__list")
        assert results.locator("script, img, iframe, b, [onmouseover], [onclick]").count() == 0
        assert "window.__pwned" in results.inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_outlet_filter_narrows_the_results(page: Any, seeds_url: str) -> None:
    everything, _, _ = search(page, seeds_url, "attacks")
    page.locator(".briefing-search__filters summary").click()
    select = page.locator("select[data-filter='outlet']")
    select.locator("option:has-text('Reuters')").first.wait_for(state="attached")
    value = select.locator("option:has-text('Reuters')").first.get_attribute("value")
    select.select_option(value)
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item').length < n",
        arg=len(everything),
        timeout=10_000,
    )
    narrowed = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert narrowed and set(narrowed) < set(everything)


def _bundle_bytes(bundle: Path) -> dict[str, bytes]:
    return {
        path.relative_to(bundle).as_posix(): path.read_bytes()
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
    }


@pytest.mark.slow
def test_the_index_built_during_the_build_is_the_folders_index(tmp_path: Path) -> None:
    # `mkdocs build` feeds Pagefind page by page (OverlappedIndex); indexing
    # the finished folder afterwards must give the same pages, words and filters.
    site = build_site(_folder(tmp_path / "a"), SEEDS)
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    # In a thread: Playwright's synchronous API may keep an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(index_site, copy).result() > 0
    during = index_content(site / "pagefind")
    after = index_content(copy / "pagefind")
    assert during["page_count"] > 20
    assert during == after
    # Light pages and listings keep their weights: an actor page, and no listing.
    urls = {
        json.loads(fragment[len(SIGNATURE) :])["url"] for fragment in during["fragments"].values()
    }
    assert any(url.startswith("/actors/") for url in urls)
    assert "/articles/" not in urls and "/" not in urls


@pytest.mark.slow
def test_the_index_is_the_same_from_one_build_to_the_next(tmp_path: Path) -> None:
    first = build_site(_folder(tmp_path / "a"), SEEDS) / "pagefind"
    second = build_site(_folder(tmp_path / "b"), SEEDS) / "pagefind"
    assert _bundle_bytes(first) == _bundle_bytes(second)
    assert index_content(first) == index_content(second)


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def test_a_site_without_marked_pages_is_indexed_whole(tmp_path: Path) -> None:
    # Pages without data-pagefind-body wait on disk; with no marked page at
    # all, Pagefind indexes every page, and so does the overlapped index.
    pages = {
        "index.html": "<html lang='en'><body><h1>Home</h1><p>Harbour cranes</p></body></html>",
        "a/index.html": "<html lang='en'><body><h1>A</h1><p>Grain silos</p></body></html>",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    overlap = OverlappedIndex(tmp_path)
    overlap.add("a/index.html", pages["a/index.html"])
    assert overlap.finish() == 2
    assert index_content(tmp_path / "pagefind")["page_count"] == 2


def test_overlapped_index_failing_at_the_end_raises_instead_of_hanging(tmp_path: Path) -> None:
    # A failure after the last page was taken (writing the bundle: here
    # pagefind/ is a file) used to leave the thread waiting for a second end
    # marker, and finish() joined it forever.
    page = "<html lang='en'><body><h1>Home</h1><p>Harbour cranes</p></body></html>"
    (tmp_path / "index.html").write_text(page, "utf-8")
    (tmp_path / "pagefind").write_text("not a folder", "utf-8")
    overlap = OverlappedIndex(tmp_path)
    overlap.add("index.html", page)
    outcome: list[BaseException | int] = []

    def finish() -> None:
        try:
            outcome.append(overlap.finish())
        except RuntimeError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=finish, daemon=True)
    worker.start()
    worker.join(timeout=300)  # a guard against the hang, not a timing
    assert not worker.is_alive(), "finish() hung"
    assert len(outcome) == 1 and isinstance(outcome[0], RuntimeError)
