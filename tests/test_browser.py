"""What a reader does, in a real headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import serve_directory
from tests.conftest import ARTIFACTS, FIXTURES, SEEDS, make_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]
STRICT = {True: ["--strict"], False: []}


def build_site(tmp: Path, seeds: Path, *, strict: bool = True) -> Path:
    project = make_project(tmp, seeds)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *STRICT[strict], "--site-dir", "site"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    return project / "site"


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_site(tmp_path_factory.mktemp("browser-seeds"), SEEDS)
    with serve_directory(site) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_page_loads_without_console_errors(page: Any, seeds_url: str) -> None:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(seeds_url)
    page.wait_for_load_state("networkidle")
    assert "Research briefing" in page.title()
    assert page.locator("svg.coverage").count() == 1
    shot(page, "home")
    assert errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Seed 002 spells it "Kataeb": its actor list links the merged actor.
        ("Kataib", {"002_40df0914855b9df5", "004_5a4240022d45ae01"}),
        # Four seeds name the base; ranking decides which are listed first.
        ("Ain al-Asad", set()),
    ],
)
def test_search_finds_the_articles(
    page: Any, seeds_url: str, query: str, expected: set[str]
) -> None:
    page.goto(seeds_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item")
    # Generous: the first query loads Pagefind's WASM, which takes over 10 s on a loaded
    # two-core machine. Speed is measured in bench/, not asserted here.
    results.first.wait_for(timeout=30_000)
    for more in page.locator(".md-search-result__more summary").all():
        more.click()
    links = [
        results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())
    ]
    shot(page, f"search-{query.replace(' ', '-')}")
    found = {
        href.split("articles/")[1].split("/")[0] for href in links if href and "articles/" in href
    }
    assert expected <= found and len(found) >= 2, links


def test_click_through_topic_article_date_outlet(page: Any, seeds_url: str) -> None:
    page.goto(seeds_url)
    page.get_by_role("link", name="Topics", exact=True).first.click()
    page.get_by_role("link", name="iraq", exact=True).first.click()
    assert "/topics/iraq/" in page.url
    page.locator("article table a[href*='articles/']").first.click()
    assert "/articles/" in page.url
    page.get_by_role("link", name="that day").click()
    assert "/dates/2023-11-21/" in page.url
    page.locator("article table a[href*='outlets/']").first.click()
    assert "/outlets/" in page.url
    assert page.locator("h1").first.inner_text().startswith("Outlet:")
    shot(page, "click-through-outlet")


def test_dark_mode_toggles(page: Any, seeds_url: str) -> None:
    page.goto(seeds_url)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    shot(page, "dark-mode")
    assert {before, after} == {"default", "slate"}


def test_hostile_seeds_run_no_script(page: Any, browser: Any, tmp_path: Path) -> None:
    site = build_site(tmp_path, FIXTURES / "hostile", strict=False)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(site) as url:
        pages = ["", "articles/", "problems/", "topics/", "outlets/", "dates/"]
        pages += [
            f"articles/{p.name}/" for p in sorted((site / "articles").iterdir()) if p.is_dir()
        ]
        for path in pages:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            page.mouse.move(200, 300)
            page.mouse.move(600, 500)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        shot(page, "hostile-article")
    assert dialogs == []


def test_event_comparison_page_shows_the_discrepancies(page: Any, seeds_url: str) -> None:
    page.goto(seeds_url)
    page.get_by_role("link", name="Events", exact=True).first.click()
    page.locator("article table a[href*='events/']").first.click()
    assert "/events/" in page.url
    warnings = page.locator(".admonition.warning")
    assert warnings.count() >= 2
    text = " ".join(warnings.all_inner_texts())
    assert "66" in text and "55" in text
    assert page.locator("h2#facts").count() == 1
    shot(page, "event-comparison")


@pytest.mark.parametrize("width", [1280, 390])
def test_event_page_tables_fit_desktop_and_phone(browser: Any, seeds_url: str, width: int) -> None:
    """No table column is cut off; only the fact matrix scrolls, with its first column frozen."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(seeds_url + "events/")
    page.locator("article table a").first.click()
    page.wait_for_load_state("networkidle")
    tables = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset table')].map(t => ({
            matrix: !!t.closest('.fact-matrix'),
            overflow: t.scrollWidth - t.closest('article').clientWidth,
            sticky: getComputedStyle(t.querySelector('th')).position}))"""
    )
    assert any(t["matrix"] for t in tables)
    assert [t for t in tables if not t["matrix"] and t["overflow"] > 0] == []
    assert all(t["sticky"] == "sticky" for t in tables if t["matrix"])
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"event-{width}")
    context.close()
