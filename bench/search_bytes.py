"""Bytes a reader's browser fetches for the first search query (Chromium)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import CHROMIUM_ARGS, serve_directory  # noqa: E402


@dataclass(frozen=True, slots=True)
class FirstQuery:
    """What the first query cost and what it found."""

    query: str
    bytes: int
    first: str
    results: int


def first_query(site: Path, query: str, chromium: str = "/usr/bin/chromium") -> FirstQuery:
    """Open a page of ``site``, type ``query``, and add up every byte fetched for it."""
    from playwright.sync_api import sync_playwright

    from tests.test_search import search

    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        # A loaded machine can be slow to start Chromium; this measures bytes, not time.
        links, fetched, _ = search(page, url, query, timeout_ms=180_000)
        browser.close()
    return FirstQuery(query, fetched, links[0] if links else "", len(links))
