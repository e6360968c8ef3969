"""Real MkDocs builds: the seeds, hostile seeds and the shared corpus build strictly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.pipeline import Settings, build_corpus
from generator.site.render import render_site
from tests.conftest import FIXTURES, SEEDS, make_project

pytestmark = pytest.mark.slow


def build(project: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *(["--strict"] if strict else []),
            "--site-dir",
            "site",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def files_under(path: Path) -> set[str]:
    return {p.relative_to(path).as_posix() for p in path.rglob("*")}


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("seeds"), SEEDS)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def test_every_seed_has_an_article_page(seeds_site: Path) -> None:
    for seed in SEEDS.glob("*.txt"):
        assert (seeds_site / "articles" / seed.stem / "index.html").is_file()


def test_facet_pages_exist(seeds_site: Path) -> None:
    for page in (
        "topics/usa",
        "dates/2023-11-21",
        "outlets/reuters",
        "outlets/rappler",
        "problems",
    ):
        assert (seeds_site / page / "index.html").is_file(), page


def test_export_is_downloadable(seeds_site: Path) -> None:
    data = json.loads((seeds_site / "data" / "corpus.json").read_text("utf-8"))
    assert {a["id"] for a in data["articles"]} == {p.stem for p in SEEDS.glob("*.txt")}


def test_generated_pages_are_not_written_to_docs(seeds_site: Path) -> None:
    docs = seeds_site.parent / "docs"
    assert files_under(docs) == files_under(SEEDS.parent / "docs")


def test_article_pages_stay_out_of_the_sidebar(seeds_site: Path) -> None:
    home = (seeds_site / "index.html").read_text("utf-8")
    article = (seeds_site / "articles" / "004_5a4240022d45ae01" / "index.html").read_text("utf-8")
    assert 'href="articles/004_5a4240022d45ae01/"' in home  # linked from content ...
    # ... not from the nav (the <head> names the page itself in its canonical link)
    assert "004_5a4240022d45ae01" not in article.split("<body")[1].split('class="md-content"')[0]


def test_hostile_seeds_build_and_stay_inside_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "hostile")
    before = files_under(tmp_path)
    # The hostile seeds carry warnings on purpose, which --strict would refuse.
    result = build(project, strict=False)
    assert result.returncode == 0, result.stderr
    created = files_under(tmp_path) - before
    # Beside the site the build writes only the URL ledger and its content cache,
    # whose file names are hashes, never seed text.
    assert created and all(
        path.startswith(("project/site", "project/.cache")) or path == "project/urls.lock"
        for path in created
    )
    cached = [Path(p).name for p in created if p.startswith("project/.cache/briefing/")]
    assert all(
        re.fullmatch(
            r"[0-9a-f]{2}|[0-9a-f]{64}(\.json)?"
            r"|cache\.sqlite(-wal|-shm)?|pages|export",
            n,
        )
        for n in cached
    )


class ActiveContent(HTMLParser):
    """Collects elements and attributes that could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "form", "style"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            url = (value or "").strip().lower()
            if name.startswith("on") or url.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value!r}>")


def active_content(html: str) -> list[str]:
    content = html.split('<article class="md-content__inner')[1].split("</article>")[0]
    parser = ActiveContent()
    parser.feed(content)
    return parser.found


def test_hostile_markup_never_reaches_html(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "hostile")
    assert build(project, strict=False).returncode == 0
    pages = [
        p for p in (project / "site").rglob("*.html") if "md-content__inner" in p.read_text("utf-8")
    ]
    assert len(pages) > 10
    for page in pages:
        assert active_content(page.read_text("utf-8")) == [], page


def test_the_active_content_detector_works() -> None:
    html = (
        '<article class="md-content__inner">'
        '<a href="javascript:x()">a</a><p onclick="y">b</p></article>'
    )
    assert active_content(html) == ["<a href='javascript:x()'>", "<p onclick='y'>"]


def test_shared_corpus_builds(tmp_path: Path, shared_corpus: Path) -> None:
    project = make_project(tmp_path, shared_corpus)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert len(list((project / "site" / "articles").glob("*/index.html"))) == 11


class Links(HTMLParser):
    """Collects the href of every link on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("http:", "https:", "#", "mailto:")):
            self.hrefs.append(href.split("#")[0].split("?")[0])


def clicks_from_home(site: Path, limit: int) -> dict[str, int]:
    """Breadth-first walk of the built site: page directory -> clicks from the home page."""
    depth = {"": 0}
    frontier = [""]
    for clicks in range(1, limit + 1):
        following = []
        for page in frontier:
            html_file = site / page / "index.html"
            if not html_file.is_file():
                continue
            parser = Links()
            parser.feed(html_file.read_text("utf-8"))
            for href in parser.hrefs:
                target = (site / page / href).resolve()
                relative = (
                    target.relative_to(site.resolve()).as_posix()
                    if target.is_relative_to(site.resolve())
                    else None
                )
                key = "" if relative in (None, ".") else relative.rstrip("/")
                if relative is not None and key not in depth:
                    depth[key] = clicks
                    following.append(key)
        frontier = following
    return depth


def test_every_page_kind_is_within_three_clicks_of_home(seeds_site: Path) -> None:
    depth = clicks_from_home(seeds_site, 3)
    wanted = [
        p.parent.relative_to(seeds_site).as_posix()
        for section in ("articles", "topics", "actors", "dates", "outlets", "events", "places")
        for p in (seeds_site / section).glob("*/index.html")
    ]
    assert len(wanted) > 40
    missing = sorted(page for page in wanted if page not in depth)
    assert missing == []


def test_names_that_slug_to_index_never_replace_a_section_page(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "hostile")
    assert build(project, strict=False).returncode == 0
    for section, heading in [
        ("articles", "Articles"),
        ("topics", "Topics"),
        ("outlets", "Outlets"),
        ("events", "Events"),
    ]:
        html = (project / "site" / section / "index.html").read_text("utf-8")
        assert f">{heading}<" in html or f">{heading}\n" in html, section


def test_a_newline_in_a_file_name_injects_nothing(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name = 'x\n\n!!! danger "Session expired"\n    Log in again\n\n# Injected\n.md'
    (seeds / name).write_text("The council met on Monday, officials said.\n", "utf-8")
    pages = render_site(build_corpus(Settings(seeds)))
    for path, text in pages.items():
        if path.endswith(".md"):
            # Pages are HTML: the name stays text, it makes no admonition and no heading.
            assert 'class="admonition danger"' not in text and "Injected<" not in text, path
            assert text.count("<h1") == 1, path
