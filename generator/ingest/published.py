"""When an article was published: declared, in a URL, or stated in its opening."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from generator.ingest.fields import SAFE_SCHEMES, file_line, key_line, meta_line, urls
from generator.ingest.lede import is_caption
from generator.models import (
    Origin,
    Problem,
    Published,
    RawSeed,
    Severity,
    YearlessDate,
)
from generator.text import dates
from generator.text.blocks import Paragraph
from generator.text.sentences import sentences
from generator.thresholds import METADATA_RULES as RULES


def infer_published(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    lede_index: int | None,
    problems: list[Problem],
) -> Published:
    """The publication date: declared, else in a URL, else stated in the article's opening."""
    if "date" in meta:
        origin = seed.meta_origin or Origin.FRONT_MATTER
        line = key_line(seed, "date")
        parsed = dates.parse_declared(meta["date"])
        if parsed:
            return Published(parsed.date, parsed.precision, origin, line=line)
        msg = (
            f"The date {str(meta['date'])!r} is in an unknown format or out of range; "
            "use YYYY-MM-DD."
            if meta["date"] is not None and str(meta["date"]).strip()
            else "The 'date' key is empty; give the date as YYYY-MM-DD or remove the key."
        )
        problems.append(Problem(seed.file, line, Severity.WARNING, "date-format", msg))
    for key in ("url", "sources"):
        for url in urls(meta.get(key)):
            parsed = dates.dates_in_url(url)
            if parsed and url.strip().lower().startswith(SAFE_SCHEMES):
                line = meta_line(seed, key, url)
                note = f"from the URL {url}"
                found = Published(parsed.date, parsed.precision, Origin.URL, line=line, note=note)
                return found
    return _published_from_lede(seed, paras, lede_index)


def _published_from_lede(
    seed: RawSeed, paras: Sequence[Paragraph], lede_index: int | None
) -> Published:
    # A date counts only where the words around it state publication: a
    # dateline, a "Published/Posted/Updated" line, or a reporting clause in the
    # opening of the lede. A photo caption dates the photo; later sentences
    # date background events; neither is read.
    found: tuple[dates.TextDate, str, int] | None = None
    for index, para in enumerate(
        paras[: max(RULES.publication_date_paragraphs, (lede_index or 0) + 1)]
    ):
        if para.kind not in ("text", "heading") or is_caption(para.text):
            continue
        head = " ".join(sentences(para.text)[: dates.LEDE_DATE_SENTENCES]) or para.text
        hit = dates.publication_in_text(head)
        if hit is not None and (index == lede_index or hit[1] != dates.REPORTING_CLAUSE):
            found = (hit[0], hit[1], file_line(seed, para.line))
            break
    if found is None:
        return Published()
    date, kind, line = found
    if date.year is None:
        own = _own_year(date, paras)
        if own is None:
            return _yearless(date, kind, line)
        note = (
            f"read from the {kind}: “{date.text}”; year {own.year} from the article's own "
            "dates (the weekday fits)"
        )
        return Published(own, "day", Origin.TEXT, inferred=True, line=line, note=note)
    value = dt.date(date.year, date.month, date.day)
    note = f"read from the {kind}: “{date.text}”"
    # A dateline or a published line states the date; a reporting clause implies it.
    inferred = kind == dates.REPORTING_CLAUSE
    return Published(value, "day", Origin.TEXT, inferred=inferred, line=line, note=note)


def _own_year(partial: dates.TextDate, paras: Sequence[Paragraph]) -> dt.date | None:
    """Year of a year-less publication date from the article's own full dates.

    Only with a weekday: "Tuesday, November 21" fits one year in seven, so a
    full date elsewhere in the article that puts it within a year is evidence;
    without a weekday a background date could give any year. A photo
    caption dates the photo, so its dates are not evidence.
    """
    if partial.weekday is None:
        return None
    own = [
        dt.date(d.year, d.month, d.day)
        for p in paras
        if p.kind == "text" and not is_caption(p.text)
        for d in dates.find_text_dates(p.text)
        if d.year is not None
    ]
    return dates.resolve_year(partial, own, max_days=dates.YEAR_FROM_OWN_DATES_DAYS)


def _yearless(date: dates.TextDate, kind: str, line: int) -> Published:
    note = (
        f"the {kind} gives “{date.text}” without a year, and neither the article nor "
        "its event gives one"
    )
    yearless = YearlessDate(date.month, date.day, date.weekday, date.text, kind)
    return Published(line=line, note=note, yearless=yearless)
