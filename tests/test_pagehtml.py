"""Generated pages are HTML: heading anchors, toc, title and a per-content cache (pagehtml.py)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown  # type: ignore[import-untyped]

from generator.cache import ContentCache
from generator.site.mdsafe import InertMarkdownExtension, heading_slug
from generator.site.pagehtml import (
    _ID,
    PageFinisher,
    anchor_headings,
    element_ids,
    read_page,
)

# The site's own Markdown settings (mkdocs.yml), under which these pages used to be rendered.
EXTENSIONS: list[object] = ["tables", "admonition", "attr_list", "def_list", "md_in_html"]
EXTENSIONS += ["footnotes", "toc", InertMarkdownExtension()]
CONFIGS = {"toc": {"permalink": True, "slugify": heading_slug}}
# Headings that test toc's slugs: repeats, entities, markup, a "__" id, an empty slug, "_1" clashes.
MARKDOWN = """# Title &amp; more

Text[^1].

[^1]: A note.

## Coverage

## Coverage

### [A *linked* heading](x.md)

## __config

## ???

## ???

## Coverage_1

## Café déjà vu
"""


def python_markdown(markdown: str) -> tuple[str, list[dict[str, object]]]:
    md = Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    html: str = md.convert(markdown)
    return html, md.toc_tokens


def without_anchors(html: str) -> str:
    """The same HTML with toc's ids and permalinks taken out (what our templates write)."""
    import re

    html = re.sub(r'<a class="headerlink"[^>]*>&para;</a>', "", html)
    return re.sub(r'<(h[1-6]) id="[^"]*">', r"<\1>", html)


def test_headings_get_the_ids_and_permalinks_python_markdown_gives_them() -> None:
    html, tokens = python_markdown(MARKDOWN)
    # The inert extension drops the permalink's title; ours keeps it (the sanitiser drops it).
    expected = html.replace('" title="Permanent link">', '">')
    ours = anchor_headings(without_anchors(html)).replace('" title="Permanent link">', '">')
    assert ours == expected
    page = read_page(anchor_headings(without_anchors(html)))
    assert list(page.toc) == tokens
    assert page.title == "Title &amp; more"
    assert {"coverage", "coverage_1", "coverage_2", "h__config", "_1", "_2"} <= page.anchors
    assert {"fn:1", "fnref:1"} <= page.anchors


def test_names_are_escaped_as_python_markdown_escapes_them() -> None:
    page = read_page(anchor_headings("<h1>It&#39;s &#34;A&#34; &amp; &lt;b&gt;</h1>\n"))
    assert page.title == 'It\'s "A" &amp; &lt;b&gt;'
    assert page.toc[0]["name"] == page.title and page.toc[0]["id"] == "its-a-b"


def test_a_page_that_does_not_start_with_a_level_one_heading_has_no_title() -> None:
    assert read_page(anchor_headings("<p>x</p>\n<h1>Late</h1>\n")).title is None
    assert read_page(anchor_headings("<h2>Two</h2>\n")).title is None


def test_finishing_is_applied_once_per_content_and_kept_in_the_cache(tmp_path: Path) -> None:
    page = anchor_headings("<h1>One</h1>\n<p>Text <script>x()</script></p>\n")
    calls: list[str] = []

    def finish(html: str) -> str:
        calls.append(html)
        return html.replace("<script>x()</script>", "")

    first = PageFinisher(ContentCache(tmp_path), finish)
    assert "<script" not in first.page(page).html
    assert first.page(page) == first.page(page) and len(calls) == 1
    first.save([page])
    cache = ContentCache(tmp_path)
    second = PageFinisher(cache, finish)
    assert second.page(page).title == "One" and len(calls) == 1
    assert cache.hits["html"] == 1
    second.page(page + "<p>More</p>\n")
    assert len(calls) == 2


def test_the_cache_keeps_the_finished_pages_of_the_site_as_last_saved(tmp_path: Path) -> None:
    pages = [anchor_headings(f"<h1>Page {n}</h1>\n<p>Text {n}.</p>\n") for n in range(4)]
    calls: list[str] = []

    def finish(html: str) -> str:
        calls.append(html)
        return html

    first = PageFinisher(ContentCache(tmp_path), finish)
    for page in pages[:3]:
        first.page(page)
    # Page 3 was never finished (MkDocs skipped it) and page 0 left the site: neither is kept.
    first.save(pages[1:])
    cache = ContentCache(tmp_path)
    second = PageFinisher(cache, finish)
    for page in pages:
        second.page(page)
    assert calls == [*pages[:3], pages[0], pages[3]]
    # All of one file: the pages are read together, once.
    assert cache.hits["html"] == 1
    second.save(pages)
    third = PageFinisher(ContentCache(tmp_path), finish)
    for page in pages:
        third.page(page)
    assert len(calls) == 5


def test_nothing_is_written_when_no_page_was_finished_afresh(tmp_path: Path) -> None:
    page = anchor_headings("<h1>One</h1>\n")
    first = PageFinisher(ContentCache(tmp_path), lambda html: html)
    first.page(page)
    first.save([page])
    written = sorted(p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file())
    second = PageFinisher(ContentCache(tmp_path), lambda html: html)
    second.page(page)
    second.save([page])
    assert sorted(p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()) == written


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(['id="', '"', " ", "\n", "\xa0", "\u2028", "x", "a-id=", "="])))
def test_element_ids_are_what_the_id_pattern_finds(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert element_ids(html) == _ID.findall(html)


def test_element_ids_skip_an_id_without_white_space_before_it() -> None:
    html = '<p data-id="a">x</p><h2 id="b">y</h2>\nid="c" fooid="d id="e"'
    assert element_ids(html) == ["b", "c", "e"] == _ID.findall(html)
