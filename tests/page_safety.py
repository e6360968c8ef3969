"""Find anything in a whole built page (``<head>`` included) that could run or load.

Used by the build and browser tests of the hostile fixtures.

A page of the site may run only the theme's own scripts and load only files of
the site itself. The theme's inline scripts are the same on every page apart
from the relative path to the site root, so they are compared with those of a
trusted page after that path is normalised.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.site.sanitize import is_local_url

_ACTIVE_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
# Attributes that make the browser fetch something when the page opens.
_LOADING = {"src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href"}
_UP = re.compile(r"(?:\.\./)+")
_ROOT = re.compile(r"\"(?:\.\.|\.|/)\"")


def _normalise(text: str) -> str:
    return _ROOT.sub('"ROOT"', _UP.sub("", text))


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None
        self._script_attrs = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _ACTIVE_TAGS or (tag == "form" and "action" in values):
            self.found.append(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        for name, value in values.items():
            url = re.sub(r"[\t\n\r]", "", value).strip().lower()
            scheme = url.startswith(("javascript:", "data:", "vbscript:")) and tag != "meta"
            if name.startswith("on") or scheme:
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name in _LOADING and not all(
                is_local_url(part.strip().split(" ")[0]) for part in value.split(",")
            ):
                self.found.append(f"external resource <{tag} {name}={value!r}>")
            elif name == "style" and "url(" in url:
                self.found.append(f"<{tag} style={value!r}>")
        # A canonical link names the page's published address; the browser loads nothing from it.
        canonical = tag == "link" and values.get("rel", "").lower() == "canonical"
        if (
            tag in ("link", "use", "image")
            and not canonical
            and not is_local_url(values.get("href", ""))
        ):
            self.found.append(f"external resource <{tag} href={values.get('href')!r}>")
        if tag == "script":
            self._script = []
            self._script_attrs = _normalise(" ".join(f"{k}={v}" for k, v in sorted(values.items())))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script_attrs + " | " + _normalise("".join(self._script)))
            self._script = None


def theme_scripts(html: str) -> list[str]:
    """The scripts of a trusted page, normalised (the allowed set)."""
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.scripts


def unsafe_parts(html: str, allowed_scripts: list[str]) -> list[str]:
    """Everything in ``html`` that could run script or load from another host."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    found = list(scanner.found)
    found += [
        f"script not from the theme: {s[:200]!r}"
        for s in scanner.scripts
        if s not in allowed_scripts
    ]
    return found
