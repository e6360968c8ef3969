from __future__ import annotations

from generator.site.render import md, md_url


def test_md_escapes_markdown_and_html() -> None:
    assert md("[x](javascript:y) <b> {{ 1 }} | *a*") == (
        r"\[x\]\(javascript:y\) &lt;b&gt; \{\{ 1 \}\} \| \*a\*"
    )


def test_md_url_cannot_close_a_link_or_a_table_cell() -> None:
    url = md_url("https://x.org/a) [e](javascript:z) | b")
    assert not set(url) & set(' ()|<>"')
    assert url.startswith("https://x.org/a%29")


def test_plural_agrees_with_the_count() -> None:
    from generator.site.render import plural

    assert plural(1, "event") == "1 event"
    assert plural(2, "event") == "2 events"
    assert plural(0, "open discrepancy", "open discrepancies") == "0 open discrepancies"
