"""Generated pages are HTML: heading anchors, table of contents and title without Markdown.

The page templates (``templates/*.html.j2``) write each generated page's body
as HTML, so MkDocs' Python-Markdown never sees them (it was most of a cold
build's time). What Python-Markdown's ``toc`` extension and MkDocs' render
added to a page is made here instead:

- :func:`anchor_headings` (at render time) gives every heading the id and the
  permalink ``toc`` gives it (``<h2 id="coverage">Coverage<a class="headerlink"
  href="#coverage" title="Permanent link">&para;</a></h2>``), ids unique in
  the page the way ``toc``'s ``unique`` makes them;
- :class:`PageFinisher` (in the plugin) sanitises a page once per content and
  reads back its table of contents (``toc_tokens`` for MkDocs' ``get_toc``),
  its title (the first ``h1``'s text, as MkDocs' render takes it) and the ids
  that links may point at.
"""

from __future__ import annotations

import functools
import html as html_module
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# Python-Markdown ships no type information.
from markdown.extensions.toc import nest_toc_tokens, unique  # type: ignore[import-untyped]

from generator.cache import ContentCache, content_key
from generator.site.mdsafe import heading_slug

# Headings as the templates and the body converter write them: no attributes.
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
# Headings after anchor_headings (and the sanitiser, which keeps ids and classes).
_ANCHORED = re.compile(
    r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink" href="#[^"]*"[^>]*>[^<]*</a></h\1>', re.S
)
_ID = re.compile(r'\sid="([^"]*)"')
# _ID's matches, found from the literal: a pattern that starts with \s is tried
# at every character of the page, four times slower (see element_ids).
_ID_VALUE = re.compile(r'id="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
# A bump makes every page be sanitised and read again (the cached results change).
_VERSION = "1"
# The one cache entry holding the finished pages (content key to PageHtml).
_PACK_KIND = "html"
_PACK_KEY = content_key("html-pack", _VERSION)


def strip_tags(text: str) -> str:
    """The text of an HTML fragment, whitespace collapsed, entities kept (as ``toc`` does)."""
    return " ".join(_TAG.sub("", text).split())


def element_ids(html: str) -> list[str]:
    """The values of the ``id`` attributes of ``html``: what ``_ID.findall`` returns.

    An ``id="`` counts when white space precedes it; one that does not is
    skipped by a single character, so a match inside it is still found.
    """
    ids: list[str] = []
    position = 0
    while (match := _ID_VALUE.search(html, position)) is not None:
        start = match.start()
        if html[start - 1 : start].isspace():
            ids.append(match.group(1))
            position = match.end()
        else:
            position = start + 1
    return ids


def anchor_headings(page: str) -> str:
    """Give every heading of ``page`` its id and permalink, as Python-Markdown's ``toc`` does.

    Args:
        page: A page's HTML whose headings carry no attributes.

    Returns:
        The page with ``id`` attributes and ``headerlink`` anchors on its headings.
    """
    used = set(element_ids(page))
    counters: dict[str, int] = {}

    def anchored(match: re.Match[str]) -> str:
        level, inner = match.group(1), match.group(2)
        anchor: str = unique(_slug(inner), used, counters)
        return (
            f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}" '
            f'title="Permanent link">&para;</a></h{level}>'
        )

    return _HEADING.sub(anchored, page)


# Most headings are the templates' own ("Coverage", "Mentions", "Text"), on
# every page of their kind: each heading's slug is made once.
@functools.lru_cache(maxsize=1 << 14)
def _slug(inner: str) -> str:
    return heading_slug(html_module.unescape(strip_tags(inner)), "-")


@dataclass(frozen=True, slots=True)
class PageHtml:
    """One generated page, ready for MkDocs.

    Attributes:
        html: The page body, sanitised.
        toc: ``toc_tokens`` as Python-Markdown makes them (nested dicts), for MkDocs' ``get_toc``.
        title: The text of the page's leading ``h1`` (entities kept, as MkDocs
            takes it), or None when the page does not start with one.
        anchors: Every element id of the page (targets of ``#anchor`` links).
    """

    html: str
    toc: tuple[dict[str, Any], ...]
    title: str | None
    anchors: frozenset[str]


def read_page(page: str, finish: Callable[[str], str] = lambda html: html) -> PageHtml:
    """Finish a page made by :func:`anchor_headings` and read its headings back.

    Args:
        page: The page's HTML.
        finish: Applied to the HTML (the plugin's sanitiser).
    """
    tokens: list[dict[str, Any]] = []
    title: str | None = None
    for match in _ANCHORED.finditer(page):
        level, anchor, inner = int(match.group(1)), match.group(2), match.group(3)
        # Escaped as Python-Markdown escapes text (the theme prints it raw):
        # autoescaped quotes ("&#39;") come back as plain quotes.
        name = html_module.escape(html_module.unescape(strip_tags(inner)), quote=False)
        if not tokens and level == 1 and not page[: match.start()].strip():
            title = name
        tokens.append(
            {
                "level": level,
                "id": html_module.unescape(anchor),
                "name": name,
                "html": inner,
                "data-toc-label": "",
            }
        )
    html = finish(page)
    return PageHtml(html, tuple(nest_toc_tokens(tokens)), title, frozenset(element_ids(html)))


class PageFinisher:
    """Finish generated pages once per content: in memory across builds, and in the cache.

    The cache holds the finished pages of the site as it was last saved, in
    one file (:meth:`save`): written as a file per page, a cold build at
    1,000 articles spent more time creating two thousand small files than
    sanitising the pages, and a warm build opened them all again.

    Args:
        cache: Where finished pages are kept across runs; None keeps them in memory only.
        finish: Applied to each page's HTML (a pure function: the plugin's sanitiser).
    """

    def __init__(
        self, cache: ContentCache | None, finish: Callable[[str], str] = lambda html: html
    ) -> None:
        self._cache = cache
        self._finish = finish
        # Under `mkdocs serve` the plugin lives across rebuilds: the pages of the
        # previous build answer from memory; older ones are dropped.
        self._previous: dict[str, PageHtml] = {}
        self._current: dict[str, PageHtml] = {}
        # The pages saved by the last run, read on the first page that memory lacks.
        self._stored: dict[str, PageHtml] | None = None
        self._fresh = False

    def new_build(self) -> None:
        """Start a build: keep only the previous build's pages in memory."""
        self._previous, self._current = self._current or self._previous, {}

    def page(self, html: str) -> PageHtml:
        """The finished page, from memory or the cache when this HTML was seen before."""
        key = content_key("html", _VERSION, html)
        found = self._current.get(key) or self._previous.get(key)
        if found is None:
            found = self._stored_pages().get(key)
        if found is None:
            found = read_page(html, self._finish)
            self._fresh = True
        self._current[key] = found
        return found

    def save(self, pages: Iterable[str]) -> None:
        """Keep the finished versions of ``pages`` (the site's page HTML) in the cache.

        Only pages finished in this process or read from the cache are kept
        (a page MkDocs skipped and nobody finished is finished next time);
        nothing is written when no page was finished afresh since the last save.

        Args:
            pages: The HTML of every generated page of the site.
        """
        if self._cache is None or not self._fresh:
            return
        known = {**self._stored_pages(), **self._previous, **self._current}
        kept: dict[str, PageHtml] = {}
        for html in pages:
            key = content_key("html", _VERSION, html)
            if key in known:
                kept[key] = known[key]
        self._cache.put(_PACK_KIND, _PACK_KEY, kept)
        self._stored, self._fresh = kept, False

    def _stored_pages(self) -> dict[str, PageHtml]:
        if self._stored is None:
            stored = self._cache.get(_PACK_KIND, _PACK_KEY) if self._cache is not None else None
            self._stored = stored if isinstance(stored, dict) else {}
        return self._stored
