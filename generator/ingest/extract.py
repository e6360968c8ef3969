"""Infer an article's metadata from a raw seed, recording where each value came from."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator import dates
from generator.ingest.outlets import OutletRegistry, name_from_url, url_host
from generator.ingest.reader import yaml_kind
from generator.models import (
    Article,
    Credit,
    Origin,
    Problem,
    Published,
    RawSeed,
    Severity,
    YearlessDate,
)
from generator.slugs import stable_slug
from generator.text import Paragraph, paragraphs, plain, sentences, words

WORDS_PER_MINUTE = 230
HEADLINE_MAX_WORDS = 18
HEADLINE_MIN_WORDS = 5
CAPTION_MAX_WORDS = 60
CAPTION_MAX_SENTENCES = 2
SOURCE_ITEM_MAX_WORDS = 30
SUMMARY_MAX_WORDS = 60
KNOWN_KEYS = frozenset({"title", "date", "outlet", "authors", "url", "event", "sources", "tags"})
SAFE_SCHEMES = ("http://", "https://")

# Photo captions: "AIN AL-ASAD. Military vehicles … are seen …", "FILE PHOTO: …".
# Only short paragraphs qualify (see is_caption), so a lede that merely says
# someone "is seen as" something is not mistaken for a caption.
_CAPTION_PATTERNS = (
    re.compile(r"^[A-Z][A-Z0-9 '’,-]{2,}\.\s+[A-Z]"),
    re.compile(r"^(?:file\s+)?photo\b|^\(?photo:", re.IGNORECASE),
    re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b(?!\s+(?:as|to)\b)"),
    re.compile(r"\((?:photo|picture|image)\b[^)]*\)\s*$", re.IGNORECASE),
)
# "written entirely by AI.", "generated using ChatGPT", "This article is AI-generated."
# The AI must end the clause (or be followed by a tool word) so that "a study
# written by AI researchers" is not a disclosure; "AI" is matched case-sensitively
# so that a name such as "Ai Weiwei" is not either.
_AI_NAME = (
    r"(?:(?-i:AI|A\.I\.)|artificial intelligence|ChatGPT|GPT-?\d*|"
    r"an?\s+(?:(?-i:AI)\s+|large\s+)?language\s+model)"
)
_AI_DISCLOSURE = re.compile(
    r"\b(?:written|generated|produced|created|composed)\s+(?:\w+\s+){0,2}"
    r"(?:by|using|with)\s+(?:the\s+help\s+of\s+)?(?:an?\s+)?" + _AI_NAME + r"(?=\s*(?:[.,;:!?)]|$)"
    r"|\s+(?:and|or|tools?|models?|software|systems?|programs?|technology)\b)"
    r"|\b(?:is|was|are|were)\s+(?:\w+\s+)?(?-i:AI)[- ]generated\b",
    re.IGNORECASE,
)
# Disclosures sit at the start or the end of a text, not in the middle of a
# story about AI.
_DISCLOSURE_HEAD = 2
_DISCLOSURE_TAIL = 3
_SIGN_OFF = re.compile(
    r"(?:^|\s)[–—-]{1,2}\s*(?P<name>[A-Z][\w&'’]*(?:\.[a-z]{2,})*(?:\s+[A-Z][\w&'’]*){0,3})\s*$"
)
# "Sources:" / "Source: Reuters" / a "## Sources" heading; not "Sources said …".
_SOURCES_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:sources?|credits?)\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE
)
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)|(?P<bare>https?://\S+)")
_BULLET = re.compile(r"^\s*(?:[-*+•–—]+|\d+[.)])\s*")
_SOURCE_NAME_END = re.compile(r"\s+(?:for|via|on)\s+|\s+[-–—(]|[,;:(]")
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)
_NAME_LINKS = frozenset({"of", "the", "and", "&", "de", "la", "le", "el", "al"})
# "WASHINGTON (Reuters) - …", "KUALA LUMPUR, Malaysia (AP) — …", "(CNN) — …":
# an upper-case place and/or a wire in brackets, then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/-]{2,}[A-Z](?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)?)?\s*"
    r"(?:\((?P<wire>[A-Z][\w .&-]{1,30})\))?\s*[-–—]{1,2}\s+"
)
_DATELINE_PARAGRAPHS = 6
_INTRO_CLAUSE = re.compile(
    r"^(?:In|At|On|After|Amid|Following|According to|As|With|During|Despite|Under)\b"
    r"[^,]{0,80},(?!\s*\d)\s*"
)
_PARTICIPLE_CLAUSE = re.compile(r"^[a-z]+(?:ed|ing)\b[^,]{0,60},(?!\s*\d)\s*")
# A comma between digits is a tokenised thousands separator ("12, 000"), not a break.
_CLAUSE_BREAK = re.compile(r"(?<!\d),\s+|,\s+(?!\d)|\s+[—–-]\s+|;\s+")
_QUOTE_PAIRS = (("(", ")"), ("“", "”"), ("[", "]"))


def infer_article(seed: RawSeed, outlets: OutletRegistry) -> tuple[Article, list[Problem]]:
    """Infer every metadata value of one seed.

    A publication date stated without a year that the article itself cannot
    complete is kept in ``published.yearless`` for the events stage, which
    may complete it from the other articles of the same event.

    Args:
        seed: The decoded seed.
        outlets: Registry used to name outlets from domains and sign-offs.

    Returns:
        The article and the problems found while inferring.
    """
    problems: list[Problem] = []
    meta = dict(seed.meta)
    paras = paragraphs(seed.body)
    lede_index = _lede_index(paras)
    title, title_origin = _title(seed, meta, paras, lede_index, problems)
    published = _published(seed, meta, paras, lede_index, problems)
    publisher, publisher_origin = _publisher(meta, paras, outlets)
    credited = _credited(seed, meta, paras, outlets, problems)
    tags = _tags(seed, meta.get("tags"), problems)
    body_words = len(words(plain(seed.body)))
    flags = _flags(seed, paras, published, publisher, credited)
    article = Article(
        id=seed.id,
        file=seed.file,
        title=title,
        title_origin=title_origin,
        published=published,
        publisher=publisher,
        publisher_origin=publisher_origin,
        credited=credited,
        tags=tags,
        flags=flags,
        words=body_words,
        reading_minutes=max(1, math.ceil(body_words / WORDS_PER_MINUTE)),
        summary=_summary(paras, lede_index),
        body=seed.body,
        body_line=seed.body_line,
        authors=_authors(meta.get("authors")),
        url=_safe_url(meta.get("url"), seed, _meta_line(seed, "url", meta.get("url")), problems),
        event_pin=_event_pin(meta.get("event")),
        extra={k: v for k, v in sorted(meta.items()) if k not in KNOWN_KEYS},
    )
    return article, problems


def _line(seed: RawSeed, body_line: int) -> int:
    return seed.body_line + body_line - 1


def _key_line(seed: RawSeed, key: str) -> int:
    return seed.meta_lines.get(key, 1)


def _meta_line(seed: RawSeed, key: str, value: object) -> int:
    """Line of a front-matter value: the line that holds it, else its key's line."""
    start = _key_line(seed, key)
    if isinstance(value, str) and value.strip():
        return _find_line(seed, value.strip(), start, seed.body_line)
    return start


def _find_line(seed: RawSeed, needle: str, first: int, last: int) -> int:
    """First file line in ``first..last`` (inclusive) holding ``needle``, else ``first``."""
    lines = seed.text.split("\n")
    for number in range(first, min(last, len(lines)) + 1):
        if needle in lines[number - 1]:
            return number
    return first


def is_caption(text: str) -> bool:
    """Whether a paragraph reads like a photo caption rather than prose.

    A caption is short (at most two sentences) and has a caption's shape: an
    upper-case place then a full stop, "FILE PHOTO", "… are seen …", or a
    bracketed photo credit at the end.
    """
    if len(text.split()) > CAPTION_MAX_WORDS or len(sentences(text)) > CAPTION_MAX_SENTENCES:
        return False
    return any(p.search(text) for p in _CAPTION_PATTERNS)


def _is_prose(para: Paragraph) -> bool:
    return para.kind == "text" and not is_caption(para.text)


def _lede_index(paras: Sequence[Paragraph]) -> int | None:
    """Index of the first prose paragraph that is not a caption or a headline."""
    for index, para in enumerate(paras):
        if not _is_prose(para):
            continue
        if _is_headline(para.text) and index + 1 < len(paras):
            continue
        return index
    return None


# Ledes attribute ("…, officials said."); headlines do not.
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|reported|reports|announced|according to|stated|confirmed)\b", re.I
)


def _is_headline(text: str) -> bool:
    """A short single sentence without attribution: a headline, not a one-line lede."""
    return (
        len(sentences(text)) == 1
        and len(text.split()) <= HEADLINE_MAX_WORDS + 4
        and not _ATTRIBUTION.search(text)
    )


# --- title -----------------------------------------------------------------


def _title(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    lede_index: int | None,
    problems: list[Problem],
) -> tuple[str, Origin]:
    declared = meta.get("title")
    if isinstance(declared, str) and declared.strip():
        # A declared title is text, not Markdown: "7*7" stays "7*7".
        return clean_title(declared, markdown=False), Origin.FRONT_MATTER
    if declared is not None:
        msg = f"'title' should be text, not {yaml_kind(declared)}; it was ignored."
        line = _key_line(seed, "title")
        problems.append(Problem(seed.file, line, Severity.WARNING, "title-type", msg))
    # A heading is the title only when it comes before the story starts; a
    # "## Background" further down names a section, not the article.
    for index, para in enumerate(paras):
        if para.kind == "heading":
            return clean_title(para.text), Origin.HEADING
        if not _is_prose(para):
            continue
        if _is_headline(para.text) and index + 1 < len(paras):
            return clean_title(para.text), Origin.TEXT
        break
    if lede_index is not None:
        return headline_from_lede(paras[lede_index].text), Origin.LEDE
    return seed.id, Origin.FILE_NAME


def clean_title(text: str, *, markdown: bool = True) -> str:
    """Plain-text title: no angle brackets, no trailing full stop.

    Args:
        text: The title as found.
        markdown: Whether ``text`` is Markdown (a heading, a lede) whose links and
            emphasis are stripped; a declared title is taken as plain text.
    """
    text = plain(text) if markdown else " ".join(text.split())
    text = text.replace("<", "").replace(">", "")
    text = text.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text.strip() or "Untitled"


def headline_from_lede(lede: str) -> str:
    """Derive a short headline from the lede's first sentence.

    Drops a dateline ("WASHINGTON (Reuters) -") and introductory clauses ("In
    a recent development, …"), then keeps the main clause up to the first
    clause break that leaves at least HEADLINE_MIN_WORDS words and balanced
    brackets, capped at HEADLINE_MAX_WORDS.
    """
    text = plain(lede)
    sentence = (sentences(text) or [text])[0]
    sentence = _strip_dateline(sentence)
    sentence = _strip_attribution(sentence)
    sentence = _strip_intro(sentence)
    sentence = _main_clause(sentence)
    tokens = sentence.split()
    if len(tokens) > HEADLINE_MAX_WORDS:
        sentence = " ".join(tokens[:HEADLINE_MAX_WORDS]).rstrip(",;:") + "…"
    sentence = sentence[:1].upper() + sentence[1:]
    return clean_title(sentence)


# "Traders said on Tuesday, March 5, that prices rose" → "prices rose".
_LEADING_ATTRIBUTION = re.compile(
    r"^[^,.]{1,60}?\b(?:said|says|told|reported|announced|confirmed)\b[^.]{0,60}?\bthat\s+"
)


def _strip_attribution(sentence: str) -> str:
    match = _LEADING_ATTRIBUTION.match(sentence)
    if match and len(sentence[match.end() :].split()) >= HEADLINE_MIN_WORDS:
        return sentence[match.end() :]
    return sentence


def _strip_dateline(sentence: str) -> str:
    match = _DATELINE.match(sentence)
    if match and (match.group("place") or match.group("wire")):
        rest = sentence[match.end() :]
        if len(rest.split()) >= HEADLINE_MIN_WORDS:
            return rest
    return sentence


def _strip_intro(sentence: str) -> str:
    for _ in range(3):
        stripped = _PARTICIPLE_CLAUSE.sub("", _INTRO_CLAUSE.sub("", sentence, count=1), count=1)
        if stripped == sentence or len(stripped.split()) < HEADLINE_MIN_WORDS:
            break
        sentence = stripped
    return sentence


def _main_clause(sentence: str) -> str:
    for match in _CLAUSE_BREAK.finditer(sentence):
        head = sentence[: match.start()]
        if len(head.split()) >= HEADLINE_MIN_WORDS and _balanced(head):
            return head
    return sentence


def _balanced(text: str) -> bool:
    pairs = all(text.count(a) == text.count(b) for a, b in _QUOTE_PAIRS)
    return pairs and text.count('"') % 2 == 0


# --- dates -----------------------------------------------------------------


def _published(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    lede_index: int | None,
    problems: list[Problem],
) -> Published:
    if "date" in meta:
        origin = seed.meta_origin or Origin.FRONT_MATTER
        line = _key_line(seed, "date")
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
        for url in _urls(meta.get(key)):
            parsed = dates.dates_in_url(url)
            if parsed and url.strip().lower().startswith(SAFE_SCHEMES):
                line = _meta_line(seed, key, url)
                note = f"from the URL {url}"
                found = Published(parsed.date, parsed.precision, Origin.URL, line=line, note=note)
                return found
    return _published_from_lede(seed, paras, lede_index)


_TOP_PARAGRAPHS = 3


def _published_from_lede(
    seed: RawSeed, paras: Sequence[Paragraph], lede_index: int | None
) -> Published:
    # A date counts only where the words around it state publication: a
    # dateline, a "Published/Posted/Updated" line, or a reporting clause in the
    # opening of the lede. A photo caption dates the photo; later sentences
    # date background events; neither is read.
    found: tuple[dates.TextDate, str, int] | None = None
    for index, para in enumerate(paras[: max(_TOP_PARAGRAPHS, (lede_index or 0) + 1)]):
        if para.kind not in ("text", "heading") or is_caption(para.text):
            continue
        head = " ".join(sentences(para.text)[: dates.LEDE_DATE_SENTENCES]) or para.text
        hit = dates.publication_in_text(head)
        if hit is not None and (index == lede_index or hit[1] != dates.REPORTING_CLAUSE):
            found = (hit[0], hit[1], _line(seed, para.line))
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


def _urls(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


# --- outlets ---------------------------------------------------------------


def _publisher(
    meta: Mapping[str, Any], paras: Sequence[Paragraph], outlets: OutletRegistry
) -> tuple[str | None, Origin | None]:
    declared = meta.get("outlet")
    if isinstance(declared, str) and declared.strip():
        return outlets.for_name(declared) or clean_title(declared), Origin.FRONT_MATTER
    url = meta.get("url")
    if isinstance(url, str) and url.strip().lower().startswith(SAFE_SCHEMES):
        name = name_from_url(url, outlets)
        if name:
            return name, Origin.URL
    # The sign-off closes the story, so a "Sources:" block after it is skipped.
    block = _sources_block_span(paras)
    texts = [p for i, p in enumerate(paras) if p.kind == "text" and i not in block]
    if texts:
        match = _SIGN_OFF.search(texts[-1].text)
        name = _sign_off_outlet(match.group("name"), outlets) if match else None
        if name:
            return name, Origin.SIGN_OFF
    return None, None


def _sign_off_outlet(written: str, outlets: OutletRegistry) -> str | None:
    """Outlet named by a sign-off: registered, a domain, or a single word.

    An unregistered name of several words ("– Ana Ruiz") is more likely the
    reporter than the outlet, so it is not taken as the publisher.
    """
    known = outlets.for_name(written)
    if known:
        return known
    if "." in written:
        return outlets.for_url("https://" + written) or written.split(".", 1)[0]
    return written if len(written.split()) == 1 else None


def _credited(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    outlets: OutletRegistry,
    problems: list[Problem],
) -> tuple[Credit, ...]:
    credits = _front_matter_sources(seed, meta.get("sources"), outlets, problems)
    credits += _sources_block(seed, paras, outlets, problems)
    credits += _dateline_wires(paras, outlets)
    credits += _attributed_outlets(paras, outlets)
    unique: dict[str, Credit] = {}
    for credit in credits:
        unique.setdefault(credit.outlet, credit)
    return tuple(unique.values())


def _front_matter_sources(
    seed: RawSeed, value: object, outlets: OutletRegistry, problems: list[Problem]
) -> list[Credit]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, str | list) or not all(isinstance(v, str) for v in items):
        msg = "'sources' should be a list of URLs; entries that are not text were ignored."
        line = _key_line(seed, "sources")
        problems.append(Problem(seed.file, line, Severity.WARNING, "sources-type", msg))
    credits = []
    for url in _urls(value):
        safe = _safe_url(url, seed, _meta_line(seed, "sources", url), problems)
        name = name_from_url(safe, outlets) if safe else None
        if safe and name:
            credits.append(Credit(name, safe, Origin.FRONT_MATTER))
    return credits


def _sources_block_span(paras: Sequence[Paragraph]) -> range:
    """Indices of the paragraphs of the first "Sources:" block (empty when none)."""
    for start, para in enumerate(paras):
        if not _is_sources_heading(para):
            continue
        end = start + 1
        while end < len(paras) and _is_source_item(paras[end]):
            end += 1
        return range(start, end)
    return range(0)


def _is_sources_heading(para: Paragraph) -> bool:
    return para.kind in ("text", "heading") and _SOURCES_HEADING.match(para.text) is not None


def _is_source_item(para: Paragraph) -> bool:
    # A block ends at the next heading or at a paragraph too long to be an entry.
    if para.kind == "heading" or para.kind == "table":
        return False
    return len(plain(para.text).split()) <= SOURCE_ITEM_MAX_WORDS


def _sources_block(
    seed: RawSeed, paras: Sequence[Paragraph], outlets: OutletRegistry, problems: list[Problem]
) -> list[Credit]:
    credits: list[Credit] = []
    for index in _sources_block_span(paras):
        para = paras[index]
        heading = _SOURCES_HEADING.match(para.text)
        text = (heading.group("rest") or "") if heading else para.text
        if text.strip():
            credits += _source_entry(seed, para, text, outlets, problems)
    return credits


def _source_entry(
    seed: RawSeed, para: Paragraph, text: str, outlets: OutletRegistry, problems: list[Problem]
) -> list[Credit]:
    credits: list[Credit] = []
    first = _line(seed, para.line)
    for match in _LINK.finditer(text):
        url = match.group("url") or match.group("bare")
        line = _find_line(seed, url, first, seed.text.count("\n") + 1)
        safe = _safe_url(url, seed, line, problems)
        name = _link_outlet(match.group("text"), safe, outlets)
        if name:
            note = plain(text[match.end() :]).strip(" –—-")
            credits.append(Credit(clean_title(name), safe, Origin.SOURCES_BLOCK, note))
    if not credits:
        credit = _named_source(text, outlets)
        if credit:
            credits.append(credit)
    return credits


def _link_outlet(written: str | None, url: str | None, outlets: OutletRegistry) -> str | None:
    """Outlet of a linked source: a registered name, else a name-like link text, else the host."""
    text = plain(written) if written else ""
    registered = (outlets.for_name(text) if text else None) or (
        outlets.for_url(url) if url else None
    )
    if registered:
        return registered
    if _looks_like_name(text):
        return text
    return (url_host(url) if url else "") or text or None


def _named_source(text: str, outlets: OutletRegistry) -> Credit | None:
    """A source entry written as a name without a link ("– Reuters, for the report")."""
    item = _BULLET.sub("", plain(text)).strip()
    cut = _SOURCE_NAME_END.search(item)
    name = (item[: cut.start()] if cut else item).strip(" .")
    note = item[cut.end() :].strip(" –—-()") if cut else ""
    if not name:
        return None
    known = outlets.for_name(name)
    if not known and _DOMAIN.fullmatch(name):
        known = outlets.for_url("https://" + name) or name.casefold()
    if not known and _looks_like_name(name):
        known = name
    return Credit(clean_title(known), None, Origin.SOURCES_BLOCK, note) if known else None


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not tokens or len(tokens) > 5 or not tokens[0][:1].isupper():
        return False
    return all(t[:1].isupper() or t.casefold() in _NAME_LINKS for t in tokens)


def _dateline_wires(paras: Sequence[Paragraph], outlets: OutletRegistry) -> list[Credit]:
    credits = []
    for para in paras[:_DATELINE_PARAGRAPHS]:
        match = _DATELINE.match(para.text) if para.kind == "text" else None
        if match and match.group("wire"):
            wire = match.group("wire").strip()
            name = outlets.for_name(wire) or wire
            credits.append(Credit(name, None, Origin.TEXT, "dateline wire credit"))
    return credits


# "the Associated Press reported", "according to Reuters", "told CNN". Words are
# bounded and space-separated so that matching stays linear on any input.
_WORD_CAP = r"[A-Z][\w.&'’-]{0,30}"
_NAME = rf"(?P<name>{_WORD_CAP}(?:\s{_WORD_CAP}){{0,3}})"
_CITING = re.compile(r"\b(?:according to|reported by|citing|told)\s+(?:the\s+)?" + _NAME)
_REPORTING = re.compile(_NAME + r"\s+(?:news agency\s+)?(?:reported|reports)\b")


def _attributed_outlets(paras: Sequence[Paragraph], outlets: OutletRegistry) -> list[Credit]:
    """Registered outlets the text attributes reporting to.

    Only names in the outlet registry count: "according to officials" or
    "told reporters" name no outlet. After "according to" the name is read
    from the left, before "reported" from the right, longest first.
    """
    credits = []
    for para in paras:
        if para.kind not in ("text", "list"):
            continue
        found = [
            _registered(m.group("name").split(), outlets, True) for m in _CITING.finditer(para.text)
        ]
        found += [
            _registered(m.group("name").split(), outlets, False)
            for m in _REPORTING.finditer(para.text)
        ]
        credits += [
            Credit(name, None, Origin.TEXT, "attributed in the text") for name in found if name
        ]
    return credits


def _registered(words: list[str], outlets: OutletRegistry, from_left: bool) -> str | None:
    for size in range(len(words), 0, -1):
        part = words[:size] if from_left else words[-size:]
        name = outlets.for_name(" ".join(part).rstrip(".,"))
        if name:
            return name
    return None


def _safe_url(value: object, seed: RawSeed, line: int, problems: list[Problem]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url = value.strip()
    if url.lower().startswith(SAFE_SCHEMES):
        return url
    msg = f"Ignored a link with an unsafe or unknown scheme: {url[:60]!r}."
    problems.append(Problem(seed.file, line, Severity.WARNING, "unsafe-url", msg))
    return None


# --- tags, flags, summary --------------------------------------------------


def _tags(seed: RawSeed, value: object, problems: list[Problem]) -> tuple[str, ...]:
    line = _key_line(seed, "tags")
    if value is None:
        return ()
    if isinstance(value, str):
        msg = "'tags' should be a list; the text was split on commas."
        problems.append(Problem(seed.file, line, Severity.WARNING, "tags-not-list", msg))
        items: list[object] = list(value.split(","))
    elif isinstance(value, list):
        items = value
    else:
        msg = f"'tags' should be a list of words, not {yaml_kind(value)}; it was ignored."
        problems.append(Problem(seed.file, line, Severity.WARNING, "tags-type", msg))
        return ()
    tags: dict[str, None] = {}
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            msg = f"Ignored a tag that is not a word: {item!r}."
            problems.append(Problem(seed.file, line, Severity.WARNING, "tags-type", msg))
            continue
        tag = normalise_tag(str(item))
        if tag:
            tags[tag] = None
        elif isinstance(value, list):
            msg = f"Ignored an empty tag: {item!r}."
            problems.append(Problem(seed.file, line, Severity.WARNING, "tags-empty", msg))
    return tuple(tags)


def normalise_tag(raw: str) -> str:
    """Normalise a tag: lower case, single spaces, no markup characters.

    A leading ``#`` (a hashtag) and a lone trailing full stop are dropped; the
    dots of an abbreviation (``U.S.``) are kept.
    """
    cleaned = re.sub(r"[\[\]{}<>|`*_\\/]", " ", raw).replace("..", " ")
    cleaned = " ".join(cleaned.casefold().split()).lstrip("# ")
    if cleaned.endswith(".") and cleaned.count(".") == 1:
        cleaned = cleaned[:-1]
    return cleaned.strip()


def _flags(
    seed: RawSeed,
    paras: Sequence[Paragraph],
    published: Published,
    publisher: str | None,
    credited: Sequence[Credit],
) -> tuple[str, ...]:
    flags = []
    if has_ai_disclosure(paras):
        flags.append("ai-written")
    if seed.meta_origin is None:
        flags.append("no-metadata")
    if published.date is None:
        flags.append("undated")
    if publisher is None and not credited:
        flags.append("no-outlet")
    return tuple(flags)


def has_ai_disclosure(paras: Sequence[Paragraph]) -> bool:
    """Whether the opening or closing paragraphs say the text was written by AI."""
    texts = [p.text for p in paras if p.kind in ("text", "list")]
    edges = texts[:_DISCLOSURE_HEAD] + texts[_DISCLOSURE_HEAD:][-_DISCLOSURE_TAIL:]
    return any(_AI_DISCLOSURE.search(plain(text)) for text in edges)


def _summary(paras: Sequence[Paragraph], lede_index: int | None) -> str:
    if lede_index is None:
        return ""
    tokens = plain(paras[lede_index].text).split()
    text = " ".join(tokens[:SUMMARY_MAX_WORDS])
    return text + "…" if len(tokens) > SUMMARY_MAX_WORDS else text


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split(",") if a.strip())
    if isinstance(value, list):
        return tuple(clean_title(str(a)) for a in value if isinstance(a, str))
    return ()


def _event_pin(value: object) -> str | None:
    if isinstance(value, str | int) and str(value).strip():
        return stable_slug(str(value), "event")
    return None
