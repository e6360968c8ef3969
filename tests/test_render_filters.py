"""The page templates' helpers: autoescaping, seed URLs, links for either URL style."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.site.mdsafe import escape_markdown
from generator.site.render import make_environment, web_url


def test_seed_text_is_escaped_in_every_template_expression() -> None:
    env = make_environment()
    html = env.from_string("<p>{{ text }}</p>").render(text='<script>x()</script> "a" & b')
    assert html == "<p>&lt;script&gt;x()&lt;/script&gt; &#34;a&#34; &amp; b</p>"


def test_web_url_keeps_only_web_addresses_and_cannot_leave_its_attribute() -> None:
    assert web_url(None) == "" and web_url("") == ""
    assert web_url("javascript:alert(1)") == ""
    assert web_url(" JaVaScRiPt:alert(1)") == ""
    assert web_url("data:text/html,x") == ""
    assert web_url("//tracker.example/x") == ""
    url = web_url('https://x.org/a) "onmouseover=y <b> | z')
    assert not set(url) & set(' "<>|')
    assert url.startswith("https://x.org/a%29%20%22onmouseover")


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [
        (True, ["../../articles/a/", "../../", "../", "../../data/corpus.json"]),
        (
            False,
            ["../articles/a.html", "../index.html", "index.html", "../data/corpus.json"],
        ),
    ],
)
def test_links_follow_the_url_style(directory_urls: bool, expected: list[str]) -> None:
    env = make_environment()
    template = env.from_string(
        "{{ link('articles/a.md') }} {{ link('index.md') }} {{ link('events/index.md') }} "
        "{{ link('data/corpus.json') }}"
    )
    rendered = template.render(page_path="events/e.md", directory_urls=directory_urls)
    assert rendered.split() == expected


def test_escape_markdown_escapes_markdown_and_html() -> None:
    assert escape_markdown("[x](javascript:y) <b> {{ 1 }} | *a*") == (
        r"\[x\]\(javascript:y\) &lt;b&gt; \{\{ 1 \}\} \| \*a\*"
    )


def test_plural_agrees_with_the_count() -> None:
    from generator.site.render import plural

    assert plural(1, "event") == "1 event"
    assert plural(2, "event") == "2 events"
    assert plural(0, "open discrepancy", "open discrepancies") == "0 open discrepancies"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_are_the_ones_mkdocs_would_write(directory_urls: bool) -> None:
    """relative_url gives what MkDocs' own link rewriting made of ``[x](target.md)``."""
    from mkdocs.structure.files import File

    from generator.urls import relative_url

    paths = ["index.md", "events/index.md", "events/e1.md", "events/e1/articles.md"]
    paths += ["articles/_page-2.md", "methodology.md", "articles/a.b.md", "data/corpus.json"]
    files = {p: File(p, "/docs", "/site", directory_urls) for p in paths}
    for target in paths:
        for source in (p for p in paths if p.endswith(".md")):
            expected = files[target].url_relative_to(files[source])
            assert relative_url(target, source, directory_urls) == expected, (target, source)


def test_a_credited_source_without_a_url_is_named_without_a_link(tmp_path: Path) -> None:
    from generator.models import Credit, Origin
    from generator.pipeline import Settings, build_corpus
    from generator.site.render import render_article_pages

    (tmp_path / "a.md").write_text("The council met on Monday, officials said.\n", "utf-8")
    corpus = build_corpus(Settings(tmp_path))
    credits = (
        Credit("Wire <b>", None, Origin.FRONT_MATTER),
        Credit("Other", "javascript:alert(1)", Origin.FRONT_MATTER),
        Credit("Web", "https://example.org/x", Origin.FRONT_MATTER),
    )
    article = dataclasses.replace(corpus.articles[0], credited=credits)
    corpus = dataclasses.replace(corpus, articles=(article,))
    page = render_article_pages(corpus, {article.id})[f"articles/{article.id}.md"]
    assert "could not be built" not in page
    assert ">Wire &lt;b&gt;</a>" in page and "javascript" not in page
    assert '(<a href="https://example.org/x">link</a>)' in page
