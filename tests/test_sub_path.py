"""The site works under a sub-path: every internal link, the 404 page and the sitemap.

The site is built with ``SITE_URL`` pointing under ``/briefing/pr-7/`` (the shape
of a project page or of a pull-request preview) and served under exactly that
path by a local server that, like GitHub Pages, answers a missing page with the
site's ``404.html``. Then every internal link of every page is followed.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.conftest import SEEDS, make_project

pytestmark = pytest.mark.slow
PREFIX = "/briefing/pr-7/"
TEXT_TYPES = ("text/html", "text/xml", "application/xml")
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; a missing page gets 404.html, as on GitHub Pages."""

    site: Path

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(PREFIX):
            return str(self.site / "\0outside")  # never exists: a plain 404
        return super().translate_path("/" + route[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.site / "404.html"
        if code != 404 or not page.is_file() or not urlsplit(self.path).path.startswith(PREFIX):
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_under_prefix(site: Path, server: http.server.ThreadingHTTPServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the seeds under the sub-path and serve them; yields the base URL."""
    project = make_project(tmp_path_factory.mktemp("subpath"), SEEDS)
    site = project / "site"
    handler = type("Handler", (_PagesLikeHandler,), {"site": site})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    with serve_under_prefix(site, server):
        yield base


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        value = dict(attrs).get(LINK_ATTRS.get(tag, ""))
        if value and not value.startswith(("mailto:", "javascript:", "data:")):
            self.refs.append(value)


def fetch(url: str) -> tuple[int, str, str]:
    """Status, content type and body (text pages only) of a URL."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get_content_type()
            body = (
                response.read().decode("utf-8")
                if kind in ("text/html", "text/xml", "application/xml")
                else ""
            )
            return response.status, kind, body
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read().decode("utf-8", "replace")


def internal_refs(page_url: str, html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    origin = urlsplit(page_url).netloc
    found = []
    for ref in parser.refs:
        url = urldefrag(urljoin(page_url, ref)).url
        if urlsplit(url).netloc == origin:
            found.append(url)
    return found


def crawl(start: str) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Follow every internal link from ``start``; returns statuses and who links where."""
    status: dict[str, int] = {}
    linked_from: dict[str, list[str]] = {}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in status:
            continue
        code, kind, body = fetch(url)
        status[url] = code
        if code == 200 and kind == "text/html":
            for ref in internal_refs(url, body):
                linked_from.setdefault(ref, []).append(url)
                if ref not in status:
                    queue.append(ref)
    return status, linked_from


def test_every_internal_link_works_under_a_sub_path(served: str) -> None:
    status, linked_from = crawl(served)
    pages = [url for url, code in status.items() if code == 200 and url.endswith("/")]
    assert len(pages) > 40  # the whole site was reached, not just the home page
    broken = {url: linked_from.get(url, [])[:2] for url, code in status.items() if code != 200}
    assert broken == {}
    assert all(urlsplit(url).path.startswith(PREFIX) for url in status)


def test_the_404_page_works_at_any_depth(served: str) -> None:
    missing = served + "articles/no-such-article/deeper/"
    code, _, html = fetch(missing)
    assert code == 404
    assert "404" in html
    refs = internal_refs(missing, html)
    assert any("/assets/" in ref for ref in refs)  # the stylesheet and scripts ...
    assert [ref for ref in refs if fetch(ref)[0] != 200] == []  # ... all load
    assert all(urlsplit(ref).path.startswith(PREFIX) for ref in refs)


def test_the_sitemap_lists_every_page_under_the_base_url(served: str) -> None:
    code, _, xml = fetch(served + "sitemap.xml")
    assert code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text or "" for loc in ET.fromstring(xml).findall("s:url/s:loc", namespace)]
    assert len(locations) > 40
    assert all(loc.startswith(served) for loc in locations)
    assert served + "methodology/" in locations
    sample = locations[:: max(1, len(locations) // 25)]
    assert [loc for loc in sample if fetch(loc)[0] != 200] == []
