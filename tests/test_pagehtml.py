"""Generated pages converted once per content (generator/pagehtml.py)."""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown  # type: ignore[import-untyped]

from generator.cache import ContentCache
from generator.site.mdsafe import InertMarkdownExtension, heading_slug
from generator.site.pagehtml import PageConverter, heading_line

EXTENSIONS: list[object] = ["tables", "admonition", "attr_list", "def_list", "md_in_html"]
EXTENSIONS += ["footnotes", "toc", InertMarkdownExtension()]
CONFIGS = {"toc": {"permalink": True, "slugify": heading_slug}}
FIRST = "# One\n\nText[^1] with a ![x](https://tracker.example/p.png).\n\n[^1]: A note.\n\n## Two\n"
SECOND = "# Other\n\n| a | b |\n|---|---|\n| [l](x.md) | 2 |\n\n## Section\n\n### Sub\n"


def fresh(markdown: str) -> str:
    html: str = Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(markdown)
    return html


def no_links(md: Markdown) -> None:
    pass


def test_a_reused_instance_writes_what_a_fresh_one_writes() -> None:
    converter = PageConverter(EXTENSIONS, CONFIGS, None)
    first = converter.convert("a.md", FIRST, "files", no_links)
    second = converter.convert("b.md", SECOND, "files", no_links)
    assert first.html == fresh(FIRST) and second.html == fresh(SECOND)
    # Nothing of the first page (its footnote, its headings) leaks into the second.
    assert "fn:1" not in second.html and [t["id"] for t in second.toc] == ["other"]
    assert [c["id"] for c in second.toc[0]["children"]] == ["section"]
    # The inert-seed extension still runs: a remote image is a link, not an image.
    assert "<img" not in first.html and "external-image" in first.html


def test_pages_come_from_the_cache_when_their_inputs_are_the_same(tmp_path: Path) -> None:
    PageConverter(EXTENSIONS, CONFIGS, ContentCache(tmp_path)).convert(
        "a.md", FIRST, "files", no_links
    )
    cache = ContentCache(tmp_path)
    converter = PageConverter(EXTENSIONS, CONFIGS, cache)
    assert converter.convert("a.md", FIRST, "files", no_links).html == fresh(FIRST)
    assert cache.hits["html"] == 1 and not cache.misses
    # Another page path, another list of files or other Markdown: converted again.
    converter.convert("b/a.md", FIRST, "files", no_links)
    converter.convert("a.md", FIRST, "other files", no_links)
    converter.convert("a.md", FIRST + "\nMore.\n", "files", no_links)
    assert cache.misses["html"] == 3


def test_the_heading_line_is_the_leading_level_one_heading() -> None:
    assert heading_line("\n# Title *x*\n\nText\n") == "# Title *x*"
    assert heading_line("Text first\n# Title\n") == ""
    assert heading_line("## Level two\n") == ""
    assert heading_line("") == ""
