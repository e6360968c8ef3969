"""Find the images in a seed's body that would load from another site.

The site must work offline and may not let a seed track its readers, so an
image whose source is not on the site is shown as a plain link instead (see
:mod:`generator.site.mdsafe`). This module finds them with their line so that
``briefing check`` can say which file and line changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.models import Problem, Severity
from generator.site.sanitize import is_local_url

_INLINE = re.compile(r"!\[(?:[^\]\\\n]|\\.)*\]\(\s*<?(?P<url>[^)\s>]+)")
_REFERENCE = re.compile(r"!\[(?P<alt>(?:[^\]\\\n]|\\.)*)\](?:\s?\[(?P<label>[^\]\n]*)\])?(?![(:])")
_DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>[^\]\n]+)\]:\s*<?(?P<url>[^\s>]+)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
MAX_REPORTED = 20  # per seed: one problem per image, but a page of pixels is one finding


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _image_urls(lines: list[str]) -> Iterator[tuple[int, str]]:
    definitions = {
        _label(m.group("label")): m.group("url") for line in lines if (m := _DEFINITION.match(line))
    }
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or "![" not in line:
            continue
        for match in _INLINE.finditer(line):
            yield index, match.group("url")
        for match in _REFERENCE.finditer(line):
            label = match.group("label") or match.group("alt")
            url = definitions.get(_label(label or ""))
            if url is not None:
                yield index, url


def external_images(body: str, body_line: int, file: str) -> list[Problem]:
    """One warning per image in ``body`` whose source is on another site.

    Args:
        body: The seed body (Markdown).
        body_line: Line number of the body's first line in the file.
        file: The seed's path, for the problems.
    """
    problems: list[Problem] = []
    for index, url in _image_urls(body.split("\n")):
        if is_local_url(url):
            continue
        shown = url if len(url) <= 80 else url[:79] + "…"
        msg = (
            f"An image from another site ({shown!r}) is shown as a link, not loaded: "
            "the site loads nothing from other hosts."
        )
        problems.append(Problem(file, body_line + index, Severity.WARNING, "external-image", msg))
        if len(problems) == MAX_REPORTED:
            break
    return problems
