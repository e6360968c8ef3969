"""Generated pages to HTML once per content, not once per build.

MkDocs renders every page with a new Python-Markdown instance, and the
generated pages (tables of links, escaped seed text) are where a build spent
most of its Markdown time. The plugin hands each generated page's Markdown
here instead: one Python-Markdown instance, configured exactly as MkDocs
configures its own (the site's extensions, the inert-seed extension, MkDocs'
own link rewriting registered by the plugin), converts it, and the HTML, the
table of contents and the heading line are kept in the content cache
(:mod:`generator.cache`) under a key made of the page's path, its Markdown,
the Markdown configuration and the site's list of files (a link's target
depends on which files exist). MkDocs then renders only the heading line,
which gives it the page title exactly as before.

The HTML is the same as MkDocs' own render of the same Markdown; the plugin
still sanitises it afterwards (:func:`generator.sanitize.sanitize_html`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# Python-Markdown ships no type information.
from markdown import Markdown  # type: ignore[import-untyped]

from generator.cache import ContentCache, content_key

#: Registers the page-specific tree processors (MkDocs' link rewriting) on the instance.
Prepare = Callable[[Markdown], None]


@dataclass(frozen=True, slots=True)
class PageHtml:
    """One generated page, converted.

    Attributes:
        html: The page body as Python-Markdown writes it, then finished
            (the plugin sanitises it: :class:`PageConverter`'s ``finish``).
        toc: Python-Markdown's ``toc_tokens`` (nested dicts), for MkDocs' ``get_toc``.
        heading: The Markdown MkDocs still renders itself: the page's leading
            ``# `` line (its title), or nothing.
    """

    html: str
    toc: tuple[dict[str, Any], ...]
    heading: str


def heading_line(markdown: str) -> str:
    """The page's first line when it is a level-1 ATX heading, else ``""``.

    MkDocs takes a page's title from its first element when that is an
    ``h1``; rendering this line alone yields the same title.
    """
    for line in markdown.splitlines():
        if line.strip():
            return line if line.startswith("# ") else ""
    return ""


def config_fingerprint(extensions: Sequence[object], configs: dict[str, Any]) -> str:
    """A stable text for the Markdown configuration (object addresses left out)."""

    def name(value: object) -> str:
        if isinstance(value, str):
            return value
        kind = value if callable(value) and hasattr(value, "__qualname__") else type(value)
        return f"{kind.__module__}.{kind.__qualname__}"

    return json.dumps(
        {"extensions": [name(e) for e in extensions], "configs": configs},
        sort_keys=True,
        default=name,
    )


class PageConverter:
    """Convert generated pages with one reused Python-Markdown instance, through the cache.

    Args:
        extensions: The site's Markdown extensions (MkDocs' ``markdown_extensions``).
        configs: Their settings (MkDocs' ``mdx_configs``).
        cache: Where converted pages are kept across builds; None keeps them in memory only.
        finish: Applied to the HTML before it is kept (a pure function: the
            plugin's sanitiser), so a cached page is not finished again.
    """

    def __init__(
        self,
        extensions: Sequence[object],
        configs: dict[str, Any],
        cache: ContentCache | None,
        finish: Callable[[str], str] = lambda html: html,
    ) -> None:
        self._md = Markdown(extensions=list(extensions), extension_configs=configs)
        self._config = config_fingerprint(extensions, configs)
        self._cache = cache
        self._finish = finish
        # Under `mkdocs serve` the plugin lives across rebuilds: the pages of the
        # previous build answer from memory; older ones are dropped.
        self._previous: dict[str, PageHtml] = {}
        self._current: dict[str, PageHtml] = {}

    def new_build(self) -> None:
        """Start a build: keep only the previous build's pages in memory."""
        self._previous, self._current = self._current or self._previous, {}

    def convert(self, src_uri: str, markdown: str, site_files: str, prepare: Prepare) -> PageHtml:
        """The converted page, from memory or the cache when its inputs were seen before.

        Args:
            src_uri: The page's source path (links are relative to it).
            markdown: Its Markdown.
            site_files: A fingerprint of the site's files (link targets).
            prepare: Registers the page's own tree processors before converting.
        """
        key = content_key("html", self._config, site_files, src_uri, markdown)
        found = self._current.get(key) or self._previous.get(key)
        if found is None and self._cache is not None:
            stored = self._cache.get("html", key)
            found = stored if isinstance(stored, PageHtml) else None
        if found is None:
            found = self._convert(markdown, prepare)
            if self._cache is not None:
                self._cache.put("html", key, found)
        self._current[key] = found
        return found

    def _convert(self, markdown: str, prepare: Prepare) -> PageHtml:
        md = self._md
        md.reset()
        prepare(md)
        html: str = md.convert(markdown)
        tokens: list[dict[str, Any]] = getattr(md, "toc_tokens", [])
        return PageHtml(self._finish(html), tuple(tokens), heading_line(markdown))
