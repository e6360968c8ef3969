"""Seed Markdown kept inert: an extension (no titles, no remote images), slugs, escaping.

Seed bodies are Markdown, so a seed can write ``![x](https://tracker.example/p.png)``
(the reader's browser would fetch it from a third party: the site must work
offline and track nobody) and ``[a](https://x.example "<img onerror=…>")`` (the
theme renders ``title`` attributes as HTML tooltips). This tree processor runs
after every inline pattern and attribute list, so the inline, reference and
attribute-list forms are all caught:

- an image whose source is not on the site becomes a plain link to it;
- no element keeps a ``title`` attribute.

Heading ids get :func:`heading_slug`, which never starts with ``__``: the
theme finds its own elements by such ids (``#__config``, ``#__search``), and a
seed heading "## __config" stopped every script of its page.

The sanitiser drops the same things again after rendering (defence in depth).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

# Python-Markdown ships no type information.
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.extensions.toc import slugify  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

from generator.ingest import limits
from generator.site.sanitize import is_local_url

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>-])")
# After "inline" (20) and "attr_list" (8), before "unescape" (0).
_PRIORITY = 1


def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown's heading slug, kept out of the theme's ``__`` ids."""
    slug: str = slugify(value, separator)
    return "h" + slug if slug.startswith("__") else slug


def escape_markdown(value: object) -> str:
    """Escape seed-derived text for inline Markdown (and for HTML inside it).

    The site's pages are HTML; this is for Markdown written elsewhere (the
    pull-request summary of ``briefing diff``).
    """
    # Clipped: Markdown renderers take time quadratic in the number of escapes.
    text = limits.clip(" ".join(str(value).split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def image_link_text(alt: str) -> str:
    """The text of the link an external image becomes."""
    alt = " ".join(alt.split())
    return f"Image (not loaded): {alt}" if alt else "Image (not loaded)"


class _InertTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            element.attrib.pop("title", None)
            if element.tag == "img" and not is_local_url(element.get("src", "")):
                href = element.get("src", "")
                label = image_link_text(element.get("alt", ""))
                element.tag = "a"
                element.attrib.clear()
                element.set("href", href)
                element.set("class", "external-image")
                element.text = label


class InertMarkdownExtension(Extension):  # type: ignore[misc]
    """Register the tree processor (the MkDocs plugin adds this extension)."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the tree processor to ``md``."""
        md.treeprocessors.register(_InertTreeprocessor(md), "briefing_inert", _PRIORITY)
