"""HTML sanitising for generated pages (the last line of defence against seeds).

Seed text is already escaped before it reaches Markdown; this allow-list pass
over the rendered HTML removes anything a crafted seed might still smuggle
through a Markdown extension: scripts, event handlers, ``javascript:`` and
``data:`` URLs, inline styles, iframes, forms.
"""

from __future__ import annotations

import nh3

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
    "*": {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden", "role"},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "abbr": {"title"},
    **_SVG_ATTRIBUTES,
}


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to an allow-list of tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
