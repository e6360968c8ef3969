"""Pages stay bounded as the corpus grows, and existing URLs never change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.pipeline import Settings, build_corpus
from generator.site.render import PAGE_SIZE, render_site
from tests.conftest import SEEDS
from tests.synthetic import write_corpus


def largest_page(pages: dict[str, str]) -> int:
    return max(len(text) for path, text in pages.items() if path.endswith(".md"))


def test_page_size_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    small = render_site(build_corpus(Settings(write_corpus(tmp_path / "small", 60))))
    large = render_site(build_corpus(Settings(write_corpus(tmp_path / "large", 600))))
    assert largest_page(large) < 1.5 * largest_page(small)
    assert len(large) > len(small)


def test_listings_are_paginated(tmp_path: Path) -> None:
    pages = render_site(build_corpus(Settings(write_corpus(tmp_path / "c", 2 * PAGE_SIZE + 1))))
    assert "articles/_page-2.md" in pages and "articles/_page-3.md" in pages
    assert "articles/_page-4.md" not in pages
    assert '<a href="_page-2/">next →</a>' in pages["articles/index.md"]


def test_adding_seeds_never_removes_or_renames_a_page(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = set(render_site(build_corpus(Settings(seeds))))
    write_corpus(seeds, 80)
    after = set(render_site(build_corpus(Settings(seeds))))
    assert before <= after


def test_the_dates_index_lists_months_and_each_month_page_its_days(tmp_path: Path) -> None:
    pages = render_site(build_corpus(Settings(write_corpus(tmp_path / "c", 300))))
    days = sorted(p[6:-3] for p in pages if re.fullmatch(r"dates/\d{4}-\d{2}-\d{2}\.md", p))
    months = sorted(p[6:-3] for p in pages if re.fullmatch(r"dates/\d{4}-\d{2}\.md", p))
    assert len(days) > 20 and months == sorted({day[:7] for day in days})
    index = pages["dates/index.md"]
    # One line per month, however many days the corpus covers.
    assert not re.search(r'href="\d{4}-\d{2}-\d{2}/"', index)
    assert all(f'href="{month}/"' in index for month in months)
    assert all(f'href="../{day}/"' in pages[f"dates/{day[:7]}.md"] for day in days)
