"""Plain, frozen data shared by every stage of the pipeline.

Nothing in this module performs I/O: readers produce these records, later
stages consume them, and renderers turn them into pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a problem is; ``--strict`` promotes warnings to errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Origin(StrEnum):
    """Where an inferred value came from (shown to readers as provenance)."""

    FRONT_MATTER = "front matter"
    HEADER = "inline header"
    URL = "source URL"
    HEADING = "heading"
    LEDE = "lede"
    TEXT = "text"
    SIGN_OFF = "sign-off"
    SOURCES_BLOCK = "sources block"
    EVENT = "event"
    FILE_NAME = "file name"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one seed (or registry) file.

    Attributes:
        file: Path of the file, relative to the seeds folder, POSIX separators.
        line: 1-based line number the problem points at.
        severity: ``error``, ``warning`` or ``info``.
        code: Stable machine-readable identifier, e.g. ``yaml-syntax``.
        message: Human-readable explanation, one sentence.
    """

    file: str
    line: int
    severity: Severity
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form used by the export."""
        return {
            "file": self.file,
            "line": self.line,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class RawSeed:
    """A seed file after decoding and metadata splitting, before inference.

    Attributes:
        id: The file's stem; the article's stable identifier and URL slug.
        file: Path relative to the seeds folder.
        text: The whole decoded text (BOM removed, newlines normalised).
        meta: Front-matter mapping (empty when the seed has none).
        meta_origin: Where ``meta`` came from (front matter or inline header).
        body: The article text with the metadata block removed.
        body_line: 1-based line of ``text`` on which ``body`` starts.
        digest: SHA-256 of the normalised body, used to spot duplicates.
        meta_lines: 1-based line of each top-level front-matter key.
    """

    id: str
    file: str
    text: str
    meta: Mapping[str, Any]
    meta_origin: Origin | None
    body: str
    body_line: int
    digest: str
    meta_lines: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class YearlessDate:
    """A publication date stated without a year ("on Tuesday, November 21").

    Attributes:
        month: 1-12.
        day: 1-31.
        weekday: 0 (Monday) - 6, or None when the text names no weekday.
        text: The words as written.
        evidence: What stated it (``reporting clause``, ``dateline``, ...).
    """

    month: int
    day: int
    weekday: int | None
    text: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date with its precision and provenance.

    Attributes:
        date: The date, or None when unknown. For month or year precision
            the day (and month) are set to 1.
        precision: ``day``, ``month`` or ``year``; None when unknown.
        origin: Where the date came from; None when unknown.
        inferred: True when part of the date (e.g. the year) was deduced
            rather than read.
        line: 1-based line in the file where the evidence sits, if any.
        note: Short explanation of an inference, shown on the page.
        yearless: A publication date stated without a year, kept while no
            evidence gives the year; the events stage may complete it from
            the other articles of the same event.
    """

    date: dt.date | None = None
    precision: str | None = None
    origin: Origin | None = None
    inferred: bool = False
    line: int | None = None
    note: str = ""
    yearless: YearlessDate | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form used by the export."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "precision": self.precision,
            "source": str(self.origin) if self.origin else None,
            "inferred": self.inferred,
            "line": self.line,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet whose reporting an article relays (not its publisher)."""

    outlet: str
    url: str | None
    origin: Origin
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form used by the export."""
        return {
            "outlet": self.outlet,
            "url": self.url,
            "source": str(self.origin),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """Everything the generator knows about one seed.

    Attributes:
        id: The file's stem.
        file: Path relative to the seeds folder.
        title: Display title (plain text, never Markdown).
        title_origin: Where the title came from.
        published: Publication date with provenance.
        publisher: Outlet that put out this text; None means unknown.
        publisher_origin: Where the publisher came from.
        credited: Outlets whose reporting the text relays.
        tags: Normalised declared tags.
        inferred_tags: Tags inherited from the article's event.
        flags: Machine-readable flags such as ``ai-written``.
        words: Word count of the body.
        reading_minutes: Estimated reading time at 230 words a minute.
        summary: The lede, as plain text.
        body: Article text without metadata, as written (Markdown or text).
        body_line: 1-based line of the file at which ``body`` starts.
        authors: Declared authors.
        url: Declared canonical URL of the article.
        event_pin: Event slug pinned in front matter, if any.
        extra: Unknown front-matter keys, kept verbatim.
    """

    id: str
    file: str
    title: str
    title_origin: Origin
    published: Published
    publisher: str | None
    publisher_origin: Origin | None
    credited: tuple[Credit, ...]
    tags: tuple[str, ...]
    flags: tuple[str, ...]
    words: int
    reading_minutes: int
    summary: str
    body: str
    body_line: int
    authors: tuple[str, ...] = ()
    url: str | None = None
    event_pin: str | None = None
    inferred_tags: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def outlets(self) -> tuple[str, ...]:
        """Publisher (when known) followed by credited outlets, without repeats."""
        names = ([self.publisher] if self.publisher else []) + [c.outlet for c in self.credited]
        return tuple(dict.fromkeys(names))

    @property
    def outlet_label(self) -> str:
        """Short label naming who reported this text, for tables."""
        if self.publisher:
            return self.publisher
        if self.credited:
            return " / ".join(c.outlet for c in self.credited) + " (credited)"
        return "Unknown publisher"
