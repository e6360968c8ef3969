"""Who published an article and whose reporting it relays (credits)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.ingest.fields import (
    SAFE_SCHEMES,
    file_line,
    find_line,
    key_line,
    meta_line,
    safe_url,
    urls,
)
from generator.ingest.lede import DATELINE
from generator.ingest.outlets import OutletRegistry, name_from_url, url_host
from generator.ingest.titles import clean_title
from generator.models import (
    Credit,
    Origin,
    Problem,
    RawSeed,
    Severity,
)
from generator.text.blocks import Paragraph
from generator.text.normalise import plain
from generator.text.phrasewords import CREDIT_NAME_LINKS
from generator.thresholds import METADATA_RULES as RULES

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


def infer_publisher(
    meta: Mapping[str, Any], paras: Sequence[Paragraph], outlets: OutletRegistry
) -> tuple[str | None, Origin | None]:
    """The outlet that put out the text: declared, from the URL, or from a sign-off."""
    declared = meta.get("outlet")
    if isinstance(declared, str) and declared.strip():
        return outlets.for_name(declared) or clean_title(declared), Origin.FRONT_MATTER
    url = meta.get("url")
    if isinstance(url, str) and url.strip().lower().startswith(SAFE_SCHEMES):
        name = name_from_url(url, outlets)
        if name:
            return name, Origin.URL
    # The sign-off closes the story, so a "Sources:" block after it is skipped.
    block = sources_block_span(paras)
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


def infer_credits(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    outlets: OutletRegistry,
    problems: list[Problem],
) -> tuple[Credit, ...]:
    """Outlets the text relays: declared sources, a sources block, dateline wires, attributions."""
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
        line = key_line(seed, "sources")
        problems.append(Problem(seed.file, line, Severity.WARNING, "sources-type", msg))
    credits = []
    for url in urls(value):
        safe = safe_url(url, seed, meta_line(seed, "sources", url), problems)
        name = name_from_url(safe, outlets) if safe else None
        if safe and name:
            credits.append(Credit(name, safe, Origin.FRONT_MATTER))
    return credits


def sources_block_span(paras: Sequence[Paragraph]) -> range:
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
    return len(plain(para.text).split()) <= RULES.source_item_max_words


def _sources_block(
    seed: RawSeed, paras: Sequence[Paragraph], outlets: OutletRegistry, problems: list[Problem]
) -> list[Credit]:
    credits: list[Credit] = []
    for index in sources_block_span(paras):
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
    first = file_line(seed, para.line)
    for match in _LINK.finditer(text):
        url = match.group("url") or match.group("bare")
        line = find_line(seed, url, first, seed.text.count("\n") + 1)
        safe = safe_url(url, seed, line, problems)
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
    return all(t[:1].isupper() or t.casefold() in CREDIT_NAME_LINKS for t in tokens)


def _dateline_wires(paras: Sequence[Paragraph], outlets: OutletRegistry) -> list[Credit]:
    credits = []
    for para in paras[: RULES.dateline_paragraphs]:
        match = DATELINE.match(para.text) if para.kind == "text" else None
        if match and match.group("wire"):
            wire = match.group("wire").strip()
            name = outlets.for_name(wire) or wire
            credits.append(Credit(name, None, Origin.TEXT, "dateline wire credit"))
    return credits


# "the Associated Press reported", "according to Reuters", "told CNN". Words are
# bounded and space-separated so that matching stays linear on any input.
_WORD_CAP = r"[A-Z][\w.&'’-]{0,30}"

_NAME = rf"(?P<name>{_WORD_CAP}(?:\s{_WORD_CAP}){{0,3}})"

_CITING_WORDS = ("according to", "reported by", "citing", "told")
_CITING = re.compile(r"\b(?:" + "|".join(_CITING_WORDS) + r")\s+(?:the\s+)?" + _NAME)

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
        text = para.text
        # Both patterns need a literal word; most paragraphs have none, and a
        # substring test is far cheaper than trying the patterns at every capital.
        found = [
            _registered(m.group("name").split(), outlets, True)
            for m in (_CITING.finditer(text) if any(w in text for w in _CITING_WORDS) else ())
        ]
        found += [
            _registered(m.group("name").split(), outlets, False)
            for m in (_REPORTING.finditer(text) if "report" in text else ())
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
