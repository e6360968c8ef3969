"""Turn a seed's body into safe, well-formed HTML for its article page.

Plain-text seeds put one paragraph per line, tables without the blank line
Markdown needs, and section headings as bare short lines. This module makes
those blocks explicit Markdown so the page shows the tables, FAQ and headings
the text has, escapes what would otherwise become raw HTML or attribute lists,
and converts it with Python-Markdown (a seed body is the one part of a
generated page written in Markdown; the rest is HTML from the templates).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

# Python-Markdown ships no type information.
from markdown import Markdown  # type: ignore[import-untyped]

from generator.ingest import limits
from generator.site.mdsafe import InertMarkdownExtension
from generator.text.blocks import line_kind
from generator.text.normalise import plain

_ATX = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SENTENCE_END = re.compile(r"[.!?:…;,][\"'”’)\]]*\s*$")
SECTION_HEADING_MAX_WORDS = 12
# The site's Markdown extensions that can act on escaped seed text (raw HTML
# and attribute lists are escaped, so md_in_html and attr_list never would);
# headings get their ids with the rest of the page (pagehtml.anchor_headings).
_BODY_EXTENSIONS = ("tables", "admonition", "def_list", "footnotes")
_LOCAL = threading.local()
# Most bodies are plain paragraphs (and headings), which Python-Markdown turns
# into "<p>text</p>" at a cost of about a millisecond a body (a third of
# rendering the site). A block holding none of the characters that start
# Markdown syntax is converted here instead, to the same bytes; a body with
# any other block goes through Python-Markdown whole (blocks can act on each
# other: a ":" line makes the paragraph before it a definition term, a
# reference is resolved anywhere). Allowed: escape_line's entities ("&amp;",
# "&#123;"), which Markdown keeps as they are. Not allowed: inline syntax
# (backslash, backtick, * _ [ ] < >), table pipes, control and line-separator
# characters (Markdown removes or splits on some), nor, at a block's start,
# what opens a block (list marks, ordered-list numbers, ":" of a definition,
# "!!!" of an admonition, "#", "=", ">") or white space (indented code).
_PLAIN_TEXT = re.compile(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\\`*_\[\]<>|]+\Z")
_BLOCK_OPENING = re.compile(r"[-:!+#=>\s]|\d+[.)]")
# Python-Markdown drops a heading's trailing "#"s; a rule is "<hr />".
_PLAIN_RULE = re.compile(r"-{3,}|\*{3,}|_{3,}")


def escape_line(line: str) -> str:
    """Neutralise raw HTML and attribute-list syntax in one line of seed text."""
    return (
        line.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


def body_markdown(body: str, title: str) -> str:
    """Return the article body as Markdown blocks separated by blank lines.

    Args:
        body: The seed body (Markdown or plain text).
        title: The article title; a leading heading equal to it is dropped
            because the page already shows the title.
    """
    return "\n\n".join(text for _, text in body_blocks(body, title)) + "\n"


def body_blocks(body: str, title: str) -> list[tuple[str, str]]:
    """The body's ``(kind, markdown)`` blocks (see :func:`body_markdown`)."""
    blocks = list(_blocks(body.split("\n")))
    if blocks and blocks[0][0] == "heading" and _same(blocks[0][1], title):
        blocks = blocks[1:]
    return blocks


def body_html(body: str, title: str) -> str:
    """Return the article body as HTML (headings without ids: the page adds them).

    Args:
        body: The seed body (Markdown or plain text).
        title: The article title (see :func:`body_markdown`).
    """
    blocks = body_blocks(body, title)
    plain = plain_html(blocks)
    if plain is not None:
        return plain
    return markdown_html("\n\n".join(text for _, text in blocks) + "\n")


def markdown_html(markdown: str) -> str:
    """Convert body Markdown (:func:`body_markdown`) with Python-Markdown and its extensions."""
    # One instance per thread: the serve catch-up renders in a thread of its own.
    md: Markdown | None = getattr(_LOCAL, "md", None)
    if md is None:
        md = Markdown(extensions=[*_BODY_EXTENSIONS, InertMarkdownExtension()])
        _LOCAL.md = md
    md.reset()
    html: str = md.convert(markdown)
    return html + "\n" if html else ""


def plain_html(blocks: list[tuple[str, str]]) -> str | None:
    """The HTML Python-Markdown makes of ``blocks`` when all are plain, else None.

    Args:
        blocks: ``(kind, markdown)`` blocks of a body (see :func:`body_markdown`).
    """
    if not blocks:
        return None
    html: list[str] = []
    for kind, text in blocks:
        if kind == "text" and _plain(text):
            html.append(f"<p>{text}</p>")
        elif kind == "heading":
            hashes, _, heading = text.partition(" ")
            if not _plain(heading) or "#" in heading or heading != heading.strip():
                return None
            html.append(f"<h{len(hashes)}>{heading}</h{len(hashes)}>")
        elif kind == "rule" and _PLAIN_RULE.fullmatch(text):
            html.append("<hr />")
        else:
            return None
    return "\n".join(html) + "\n"


def _plain(text: str) -> bool:
    return _PLAIN_TEXT.match(text) is not None and _BLOCK_OPENING.match(text) is None


def _same(heading: str, title: str) -> bool:
    return plain(heading.lstrip("#")).strip(" .").casefold() == title.strip(" .").casefold()


def _blocks(lines: list[str]) -> Iterator[tuple[str, str]]:
    # The last non-blank line, found once: asking "is more text to follow?" per line
    # by rescanning the rest made long bodies quadratic.
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    index = 0
    while index < len(lines):
        line = lines[index]
        if limits.too_deep(line):
            # Python-Markdown recurses and backtracks on deep nesting (even escaped,
            # its inline pass is quadratic); an indented code block is never parsed.
            yield "text", "    " + line.strip()
            index += 1
            continue
        kind = line_kind(line)
        if kind == "blank":
            index += 1
            continue
        if kind in ("table", "list"):
            end = index
            while end < len(lines) and line_kind(lines[end]) == kind:
                end += 1
            rows = [escape_line(row.strip()) for row in lines[index:end]]
            yield kind, _fix_table(rows) if kind == "table" else "\n".join(rows)
            index = end
            continue
        if kind == "rule":
            yield "rule", line.strip()
        elif kind == "heading":
            yield "heading", _heading(line)
        elif index < last and _is_section_heading(line):
            yield "heading", "### " + escape_line(line.strip())
        else:
            yield "text", escape_line(line.strip())
        index += 1


def _heading(line: str) -> str:
    match = _ATX.match(line)
    assert match is not None
    level = min(6, max(2, len(match.group("hashes")) + 1))
    return "#" * level + " " + escape_line(match.group("text"))


def _is_section_heading(line: str) -> bool:
    """A short, unpunctuated, capitalised line (the caller checks that more text follows)."""
    text = line.strip()
    return (
        text[:1].isupper()
        and not _SENTENCE_END.search(text)
        and len(text.split()) <= SECTION_HEADING_MAX_WORDS
        and not text.startswith(("–", "—", "-"))
    )


def _fix_table(rows: list[str]) -> str:
    # A table needs a separator row after its header; add one when missing.
    if len(rows) >= 2 and _TABLE_SEPARATOR.match(rows[1]):
        return "\n".join(rows)
    columns = max(1, rows[0].strip("|").count("|") + 1)
    return "\n".join([rows[0], "|".join(["---"] * columns), *rows[1:]])
