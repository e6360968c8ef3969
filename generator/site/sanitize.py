"""HTML sanitising for generated pages (the last line of defence against seeds).

Seed text is already escaped by the page templates (and in a seed's body
before it reaches Markdown); this allow-list pass over the rendered HTML
removes anything a crafted seed might still smuggle through a Markdown
extension: scripts, event handlers, ``javascript:`` and
``data:`` URLs, inline styles, iframes, forms. ``title`` attributes are not
allowed anywhere (a theme may render them as HTML tooltips), and an image may
only load from the site itself (the site works offline and tracks nobody).
"""

from __future__ import annotations

import re

import nh3

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = "".join(chr(c) for c in range(0x21))

_SVG_TAGS = {"svg", "g", "rect", "line", "text", "title", "polyline", "circle", "path", "desc"}
_TAGS = set(nh3.ALLOWED_TAGS) | _SVG_TAGS | {
    "details", "summary", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "caption",
    "code", "pre", "hr", "sup", "sub", "abbr", "figure", "figcaption", "mark", "small", "nav",
    "section", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "img",
}  # fmt: skip
_SVG_ATTRIBUTES = {
    "svg": {"viewBox", "width", "height", "role", "xmlns", "preserveAspectRatio", "focusable"},
    "rect": {"x", "y", "width", "height", "rx"},
    "line": {"x1", "y1", "x2", "y2"},
    "text": {"x", "y", "text-anchor", "dominant-baseline", "transform"},
    "g": {"transform"},
    "polyline": {"points"},
    "circle": {"cx", "cy", "r"},
    "path": {"d"},
}
_ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "aria-label", "aria-hidden", "role"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    **_SVG_ATTRIBUTES,
}


def is_local_url(url: str) -> bool:
    """Whether ``url`` points into the site itself (no scheme, no host)."""
    # Browsers drop tabs and newlines anywhere in a URL, strip leading control
    # characters and spaces, and read a backslash as a slash.
    value = _URL_IGNORED.sub("", url).lstrip(_URL_LEADING).replace("\\", "/")
    return not value.startswith("//") and not _SCHEME.match(value)


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # An external image would load from a third-party host when the page opens.
    if tag == "img" and attribute == "src" and not is_local_url(value):
        return None
    return value


# Built once: nh3.clean builds its allow-lists into a new sanitiser on every
# call, about a third of the time it took per page.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes={"http", "https", "mailto"},
    filter_style_properties={"text-align"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to an allow-list of tags, attributes and URL schemes."""
    return _CLEANER.clean(html)


# Characters that could start markup or an entity, and their look-alikes.
_MARKUP_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆"})
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def inert_text(text: str) -> str:
    """Plain text that stays text in every HTML context it may land in.

    Theme templates print page titles raw, through ``striptags`` (which turns
    ``&lt;`` back into ``<``) or escaped. Replacing the characters that start
    markup or entities with look-alikes makes the title inert in all three; control
    and bidirectional-override characters are dropped.
    """
    return " ".join(_INVISIBLE.sub(" ", text.translate(_MARKUP_LOOKALIKES)).split())


def markup_problem_text(name: str) -> str | None:
    """A warning for a registry name that holds markup characters, else None.

    The name is shown as text either way; the warning lets a reviewer see a
    hostile registry change (``<Script Src=…>``) in ``briefing check``.
    """
    if "<" in name or ">" in name:
        return f"{name!r} contains markup characters (< or >); it is shown as plain text."
    return None
