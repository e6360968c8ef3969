"""Every link of a built site leads to a built file, and every ``#anchor`` to an element.

Generated pages are HTML whose links the generator computes itself (MkDocs'
Markdown link rewriting and checking no longer run on them), so this follows
every ``<a href>`` of every page, for both of MkDocs' URL styles.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import SEEDS, make_project

pytestmark = pytest.mark.slow


class _Page(HTMLParser):
    """The hrefs of a page's links and the ids of its elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        href = values.get("href")
        if tag == "a" and href is not None:
            self.hrefs.append(href)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def broken_links(site: Path) -> list[str]:
    """``page: href`` for every internal link whose file or anchor is missing."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    parsed = {name: _read(path) for name, path in pages.items()}
    broken: list[str] = []
    for name, page in sorted(parsed.items()):
        if name == "404.html":
            continue  # its links are absolute, under site_url
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = name
            if parts.path:
                target = posixpath.normpath(
                    posixpath.join(posixpath.dirname(name), unquote(parts.path))
                )
                if href.split("#")[0].endswith("/") or (site / target).is_dir():
                    target = posixpath.join(target, "index.html").removeprefix("./")
            if not (site / target).is_file():
                broken.append(f"{name}: {href} (no file)")
            elif parts.fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{name}: {href} (no anchor)")
    return broken


def build(project: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_internal_link_and_anchor_resolves(tmp_path: Path, directory_urls: bool) -> None:
    project = make_project(tmp_path, SEEDS)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "use_directory_urls: true" in text
    config.write_text(
        text.replace(
            "use_directory_urls: true", f"use_directory_urls: {str(directory_urls).lower()}"
        ),
        "utf-8",
    )
    build(project)
    site = project / "site"
    assert (site / ("articles/index.html")).is_file()
    assert broken_links(site) == []
    # The check can fail: a generated page's link to a missing page is reported.
    page = next(site.glob("events/*/index.html" if directory_urls else "events/*.html"))
    page.write_text(
        page.read_text("utf-8") + '<a href="../nowhere/">x</a><a href="#nowhere">y</a>', "utf-8"
    )
    assert len(broken_links(site)) == 2
