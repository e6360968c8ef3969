"""Infer an article's metadata from a raw seed, recording where each value came from."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator import dates
from generator.models import Article, Credit, Origin, Problem, Published, RawSeed, Severity
from generator.outlets import OutletRegistry, name_from_url
from generator.slugs import stable_slug
from generator.text import Paragraph, first_heading, paragraphs, plain, sentences, words

WORDS_PER_MINUTE = 230
HEADLINE_MAX_WORDS = 18
SUMMARY_MAX_WORDS = 60
KNOWN_KEYS = frozenset({"title", "date", "outlet", "authors", "url", "event", "sources", "tags"})
SAFE_SCHEMES = ("http://", "https://")

# Photo captions: "AIN AL-ASAD. Military vehicles … are seen …", "FILE PHOTO: …".
_CAPTION_PATTERNS = (
    re.compile(r"^[A-Z][A-Z0-9 '’,-]{2,}\.\s+[A-Z]"),
    re.compile(r"^(?:file\s+)?photo\b|^\(?photo:", re.IGNORECASE),
    re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b"),
    re.compile(r"\((?:photo|picture|image)\b[^)]*\)\s*$", re.IGNORECASE),
)
_AI_DISCLOSURE = re.compile(
    r"\b(?:written|generated|produced|created|composed)\s+(?:\w+\s+){0,2}by\s+"
    r"(?:an?\s+)?(?:AI|A\.I\.|artificial intelligence|ChatGPT|GPT-?\d*|a language model)\b"
    r"|\bAI[- ]generated\b|\bbut AI does it too\b",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:^|\s)[–—-]{1,2}\s*(?P<name>[A-Z][\w&'’]*(?:\.[a-z]{2,})*(?:\s+[A-Z][\w&'’]*){0,3})\s*$"
)
_SOURCES_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:sources?|credits?)\s*:?\s*(?P<rest>.*)$", re.I)
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)|(?P<bare>https?://\S+)")
_DATELINE_WIRE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}\((?P<wire>[A-Z][\w .&-]{1,30})\)\s*[-–—]")
_INTRO_CLAUSE = re.compile(
    r"^(?:In|At|On|After|Amid|Following|According to|As|With|During|Despite|Under)\b[^,]{0,80},\s*"
)
_PARTICIPLE_CLAUSE = re.compile(r"^[a-z]+(?:ed|ing)\b[^,]{0,60},\s*")
_CLAUSE_BREAK = re.compile(r",\s+|\s+[—–-]\s+|;\s+")


@dataclass(frozen=True, slots=True)
class PendingDate:
    """A date from the lede that lacks a year, resolved against the corpus later."""

    article_id: str
    partial: dates.TextDate
    line: int


def infer_article(
    seed: RawSeed, outlets: OutletRegistry
) -> tuple[Article, list[Problem], PendingDate | None]:
    """Infer every metadata value of one seed.

    Args:
        seed: The decoded seed.
        outlets: Registry used to name outlets from domains and sign-offs.

    Returns:
        The article, the problems found while inferring, and a year-less lede
        date waiting for corpus evidence (or None).
    """
    problems: list[Problem] = []
    meta = dict(seed.meta)
    paras = paragraphs(seed.body)
    lede_index = _lede_index(paras)
    title, title_origin = _title(seed, meta, paras, lede_index, problems)
    published, pending = _published(seed, meta, paras, lede_index, problems)
    publisher, publisher_origin = _publisher(seed, meta, paras, outlets, problems)
    credited = _credited(seed, meta, paras, outlets, problems)
    tags = _tags(seed, meta.get("tags"), problems)
    body_words = len(words(plain(seed.body)))
    flags = _flags(seed, published, publisher, credited)
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
        url=_safe_url(meta.get("url"), seed, "url", problems),
        event_pin=_event_pin(meta.get("event")),
        extra={k: v for k, v in sorted(meta.items()) if k not in KNOWN_KEYS},
    )
    return article, problems, (PendingDate(seed.id, *pending) if pending else None)


def _line(seed: RawSeed, body_line: int) -> int:
    return seed.body_line + body_line - 1


def _key_line(seed: RawSeed, key: str) -> int:
    return seed.meta_lines.get(key, 1)


def is_caption(text: str) -> bool:
    """Whether a paragraph reads like a photo caption rather than prose."""
    return any(p.search(text) for p in _CAPTION_PATTERNS)


def _lede_index(paras: Sequence[Paragraph]) -> int | None:
    """Index of the first prose paragraph that is not a caption or a headline."""
    for index, para in enumerate(paras):
        if para.kind != "text" or is_caption(para.text):
            continue
        if _is_headline(para.text) and index + 1 < len(paras):
            continue
        return index
    return None


def _is_headline(text: str) -> bool:
    return len(sentences(text)) == 1 and len(text.split()) <= HEADLINE_MAX_WORDS + 4


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
        return clean_title(declared), Origin.FRONT_MATTER
    if declared is not None:
        msg = f"'title' should be text, not {type(declared).__name__}; it was ignored."
        problems.append(Problem(seed.file, _key_line(seed, "title"), Severity.WARNING, "title-type", msg))
    heading = first_heading(seed.body)
    if heading:
        return clean_title(heading[0]), Origin.HEADING
    for para in paras:
        if para.kind == "text" and not is_caption(para.text) and _is_headline(para.text):
            return clean_title(para.text), Origin.TEXT
        if para.kind == "text" and not is_caption(para.text):
            break
    if lede_index is not None:
        return headline_from_lede(paras[lede_index].text), Origin.LEDE
    return seed.id, Origin.FILE_NAME


def clean_title(text: str) -> str:
    """Plain-text title: no Markdown, no angle brackets, no trailing full stop."""
    text = plain(text).replace("<", "").replace(">", "")
    text = text.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text.strip() or "Untitled"


def headline_from_lede(lede: str) -> str:
    """Derive a short headline from the lede's first sentence.

    Drops introductory clauses ("In a recent development, …"), then keeps the
    main clause up to the first clause break, capped at HEADLINE_MAX_WORDS.
    """
    sentence = (sentences(plain(lede)) or [lede])[0]
    for _ in range(3):
        stripped = _PARTICIPLE_CLAUSE.sub("", _INTRO_CLAUSE.sub("", sentence))
        if stripped == sentence:
            break
        sentence = stripped
    parts = _CLAUSE_BREAK.split(sentence, maxsplit=1)
    if len(parts) > 1 and len(parts[0].split()) >= 5:
        sentence = parts[0]
    tokens = sentence.split()
    if len(tokens) > HEADLINE_MAX_WORDS:
        sentence = " ".join(tokens[:HEADLINE_MAX_WORDS]) + "…"
    sentence = sentence[:1].upper() + sentence[1:]
    return clean_title(sentence)


# --- dates -----------------------------------------------------------------


def _published(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    lede_index: int | None,
    problems: list[Problem],
) -> tuple[Published, tuple[dates.TextDate, int] | None]:
    if "date" in meta:
        origin = seed.meta_origin or Origin.FRONT_MATTER
        line = _key_line(seed, "date")
        parsed = dates.parse_declared(meta["date"])
        if parsed:
            return Published(parsed.date, parsed.precision, origin, line=line), None
        msg = f"The date {str(meta['date'])!r} is in an unknown format; use YYYY-MM-DD."
        problems.append(Problem(seed.file, line, Severity.WARNING, "date-format", msg))
    for key in ("url", "sources"):
        for url in _urls(meta.get(key)):
            parsed = dates.dates_in_url(url)
            if parsed:
                note = f"from the URL {url}"
                return Published(parsed.date, parsed.precision, Origin.URL, line=_key_line(seed, key), note=note), None
    return _published_from_lede(seed, paras, lede_index)


def _published_from_lede(
    seed: RawSeed, paras: Sequence[Paragraph], lede_index: int | None
) -> tuple[Published, tuple[dates.TextDate, int] | None]:
    # Only the lede is searched: later paragraphs date background events, and a
    # leading photo caption dates the photo, not the article.
    if lede_index is None:
        return Published(), None
    lede = paras[lede_index]
    found = next(dates.find_text_dates(lede.text), None)
    if found is None:
        return Published(), None
    line = _line(seed, lede.line)
    if found.year is None:
        return Published(), (found, line)
    import datetime as dt

    date = dt.date(found.year, found.month, found.day)
    note = f"read from the lede: “{found.text}”"
    return Published(date, "day", Origin.TEXT, inferred=True, line=line, note=note), None


def _urls(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


# --- outlets ---------------------------------------------------------------


def _publisher(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    outlets: OutletRegistry,
    problems: list[Problem],
) -> tuple[str | None, Origin | None]:
    declared = meta.get("outlet")
    if isinstance(declared, str) and declared.strip():
        return outlets.for_name(declared) or clean_title(declared), Origin.FRONT_MATTER
    url = meta.get("url")
    if isinstance(url, str) and url.startswith(SAFE_SCHEMES):
        name = name_from_url(url, outlets)
        if name:
            return name, Origin.URL
    texts = [p for p in paras if p.kind == "text"]
    if texts:
        match = _SIGN_OFF.search(texts[-1].text)
        if match:
            return _outlet_name(match.group("name"), outlets), Origin.SIGN_OFF
    return None, None


def _outlet_name(written: str, outlets: OutletRegistry) -> str:
    known = outlets.for_name(written)
    if known:
        return known
    if "." in written:
        from_domain = outlets.for_url("https://" + written)
        if from_domain:
            return from_domain
        return written.split(".", 1)[0]
    return written


def _credited(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    outlets: OutletRegistry,
    problems: list[Problem],
) -> tuple[Credit, ...]:
    credits: list[Credit] = []
    for url in _urls(meta.get("sources")):
        safe = _safe_url(url, seed, "sources", problems)
        name = name_from_url(safe, outlets) if safe else None
        if safe and name:
            credits.append(Credit(name, safe, Origin.FRONT_MATTER))
    if meta.get("sources") is not None and not _urls(meta.get("sources")):
        msg = "'sources' should be a list of URLs."
        problems.append(Problem(seed.file, _key_line(seed, "sources"), Severity.WARNING, "sources-type", msg))
    credits += _sources_block(seed, paras, outlets, problems)
    credits += _dateline_wires(paras, outlets)
    unique: dict[str, Credit] = {}
    for credit in credits:
        unique.setdefault(credit.outlet, credit)
    return tuple(unique.values())


def _sources_block(
    seed: RawSeed, paras: Sequence[Paragraph], outlets: OutletRegistry, problems: list[Problem]
) -> list[Credit]:
    credits: list[Credit] = []
    in_block = False
    for para in paras:
        heading = _SOURCES_HEADING.match(para.text)
        if heading and (para.kind in ("text", "heading")) and len(para.text) < 200:
            in_block = True
            if not heading.group("rest"):
                continue
        if not in_block:
            continue
        for match in _LINK.finditer(para.text):
            url = match.group("url") or match.group("bare")
            safe = _safe_url(url, seed, "sources", problems, _line(seed, para.line))
            written = match.group("text")
            name = (outlets.for_name(written) if written else None) or (
                name_from_url(safe, outlets) if safe else None
            ) or (plain(written) if written else None)
            if name:
                note = plain(para.text[match.end() :]).strip(" –—-")
                credits.append(Credit(clean_title(name), safe, Origin.SOURCES_BLOCK, note))
    return credits


def _dateline_wires(paras: Sequence[Paragraph], outlets: OutletRegistry) -> list[Credit]:
    credits = []
    for para in paras[:6]:
        match = _DATELINE_WIRE.match(para.text)
        if match:
            wire = match.group("wire")
            name = outlets.for_name(wire) or wire
            credits.append(Credit(name, None, Origin.TEXT, "dateline wire credit"))
    return credits


def _safe_url(
    value: object, seed: RawSeed, key: str, problems: list[Problem], line: int | None = None
) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url = value.strip()
    if url.lower().startswith(SAFE_SCHEMES):
        return url
    msg = f"Ignored a link with an unsafe or unknown scheme: {url[:60]!r}."
    problems.append(Problem(seed.file, line or _key_line(seed, key), Severity.WARNING, "unsafe-url", msg))
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
        msg = f"'tags' should be a list of words, not {type(value).__name__}; it was ignored."
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
    return tuple(tags)


def normalise_tag(raw: str) -> str:
    """Lower-case, collapse whitespace and drop characters that carry markup."""
    cleaned = re.sub(r"[\[\]{}<>|`*_#\\/]", " ", raw).replace("..", " ")
    return " ".join(cleaned.casefold().split()).strip(" .")


def _flags(
    seed: RawSeed, published: Published, publisher: str | None, credited: Sequence[Credit]
) -> tuple[str, ...]:
    flags = []
    if _AI_DISCLOSURE.search(seed.body):
        flags.append("ai-written")
    if seed.meta_origin is None:
        flags.append("no-metadata")
    if published.date is None:
        flags.append("undated")
    if publisher is None and not credited:
        flags.append("no-outlet")
    return tuple(flags)


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
