"""A plain body is converted without Python-Markdown, to the bytes Python-Markdown makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.ingest.reader import parse_seed
from generator.site.bodies import (
    body_blocks,
    body_html,
    body_markdown,
    markdown_html,
    plain_html,
)
from tests.conftest import FIXTURES, ROOT, SEEDS

SHARED = ROOT.parent / "shared" / "corpus"

# Pieces that are, or come close to, Markdown syntax, mixed with plain words.
PIECES = st.sampled_from(
    [
        "Word",
        "word",
        " ",
        "  ",
        ".",
        ",",
        ":",
        ": ",
        "!!! note",
        "!",
        "#",
        "## ",
        "### ",
        "C#",
        "=",
        "===",
        "---",
        "***",
        "___",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "1986. ",
        "2)",
        "> ",
        "&",
        "&amp;",
        "&#123;",
        "{",
        "}",
        "<b>",
        "[a]",
        "[^1]",
        "[a]: http://x.example",
        "`",
        "\\",
        "_",
        "*",
        "|",
        "$",
        "@",
        "~",
        "^",
        "“",
        "’",
        "—",
        "é",
        "\u00a0",
        "\t",
        "\x85",
        "\u2028",
        "Q: ",
        "    ",
    ]
)
LINES = st.lists(PIECES, max_size=8).map("".join)
BODIES = st.lists(LINES, max_size=8).map("\n".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
# Found by hand: Markdown drops a heading's trailing "#" and the control characters STX and ETX.
@example("Learn C#\nText follows.")
@example("Text\x02with STX.")
def test_a_body_converted_without_markdown_is_what_markdown_makes(body: str) -> None:
    blocks = body_blocks(body, "Title")
    plain = plain_html(blocks)
    if plain is not None:
        assert plain == markdown_html(body_markdown(body, "Title"))


def _seed_bodies(folder: Path) -> list[tuple[str, str]]:
    bodies = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".md", ".txt") or not path.is_file():
            continue
        raw, _ = parse_seed(path.read_bytes(), path.name, path.stem)
        if raw is not None:
            bodies.append((raw.body, str(raw.meta.get("title", path.stem))))
    return bodies


@pytest.mark.parametrize("folder", [SEEDS, FIXTURES], ids=["seeds", "fixtures"])
def test_every_seed_body_converts_as_markdown_does(folder: Path) -> None:
    for body, title in _seed_bodies(folder):
        assert body_html(body, title) == markdown_html(body_markdown(body, title))


@pytest.mark.parametrize("name", ["dev-events", "news-events"])
def test_the_shared_corpus_bodies_convert_as_markdown_does(name: str) -> None:
    if not (SHARED / name).is_dir():
        pytest.skip(f"../shared/corpus/{name} is not present")
    bodies = _seed_bodies(SHARED / name)
    converted = 0
    for body, title in bodies:
        plain = plain_html(body_blocks(body, title))
        if plain is not None:
            converted += 1
            assert plain == markdown_html(body_markdown(body, title))
    # Real articles are mostly plain paragraphs: the fast path must actually serve them.
    assert converted > len(bodies) // 2


def test_paragraphs_headings_and_rules_are_plain() -> None:
    body = "Intro & more {x}.\n\n## Section\n\nShort Heading\nText follows.\n\n---\n\nEnd."
    assert plain_html(body_blocks(body, "Title")) == (
        "<p>Intro &amp; more &#123;x&#125;.</p>\n<h3>Section</h3>\n<h3>Short Heading</h3>\n"
        "<p>Text follows.</p>\n<hr />\n<p>End.</p>\n"
    )


@pytest.mark.parametrize(
    "body",
    [
        "A *stressed* word.",
        "Term\n\n: its definition",
        "1986. A year.",
        "- an item",
        "Learn C#\nMore text follows here.",
        "A [link][a].\n\n[a]: http://x.example",
        "| a | b |\n| c | d |",
    ],
)
def test_bodies_with_markdown_syntax_go_through_markdown(body: str) -> None:
    assert plain_html(body_blocks(body, "Title")) is None
    assert body_html(body, "Title") == markdown_html(body_markdown(body, "Title"))
