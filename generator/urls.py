"""Published URLs never move: the URL ledger (``urls.lock``).

An article's URL comes from its file name and an event's from its first
report, but both are claimed by whichever seed or event gets there first, and
"first" must not depend on what is added later: a new ``x.md`` beside an old
``x.txt``, a ``0/x.txt`` in a subfolder, or an earlier-dated report of an event
would otherwise take over or move a page people already link to.

The ledger records, after every build, which seed file holds each article id
and which articles each event id stood for. The next build honours it:

- every seed file in the ledger keeps its id; a newcomer whose id is taken gets
  a suffixed one and a ``duplicate-id`` warning naming its file;
- every event keeps the id of the recorded event it shares the most articles
  with (ties go to the earliest first report), whatever its first report is now;
  an event whose computed id belongs to another event gets a suffix.

Without a ledger (a fresh checkout that never committed one), the rules fall
back to seeds ordered by path, top-level files first, and to each event's
first report. The ledger is plain JSON, sorted, so it diffs and merges well;
commit it next to ``mkdocs.yml``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from generator.events import Event, EventReport
from generator.models import Problem, Severity

LEDGER_FILE = "urls.lock"
LEDGER_VERSION = 1
# The same alphabet as article ids made from file names (no "/", no "..").
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


@dataclass(frozen=True, slots=True)
class Ledger:
    """The URLs a previous build published.

    Attributes:
        articles: Seed file (relative to the seeds folder) → article id.
        events: Event id → ids of its articles at that build.
    """

    articles: Mapping[str, str] = field(default_factory=dict)
    events: Mapping[str, frozenset[str]] = field(default_factory=dict)


def _valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_SAFE_ID.match(value)) and value != "index"


def load_ledger(path: Path | None) -> tuple[Ledger, list[Problem]]:
    """Read the ledger; a missing file is an empty ledger, a bad one a warning.

    Args:
        path: The ledger file, or None for none.
    """
    if path is None or not (path.exists() or path.is_symlink()):
        return Ledger(), []
    label = path.name
    if path.is_symlink():
        msg = "The URL ledger is a symbolic link; it was not read."
        return Ledger(), [Problem(label, 1, Severity.WARNING, "urls-lock", msg)]
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        msg = f"Cannot read the URL ledger ({exc}); URLs may move. Delete it to start again."
        return Ledger(), [Problem(label, 1, Severity.WARNING, "urls-lock", msg)]
    return _parse(data, label)


def _parse(data: Any, label: str) -> tuple[Ledger, list[Problem]]:
    articles = data.get("articles") if isinstance(data, dict) else None
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(articles, dict) or not isinstance(events, dict):
        msg = "The URL ledger is not a mapping with 'articles' and 'events'; it was ignored."
        return Ledger(), [Problem(label, 1, Severity.WARNING, "urls-lock", msg)]
    kept_articles: dict[str, str] = {}
    holders: set[str] = set()
    for file, article_id in sorted(articles.items()):
        if isinstance(file, str) and _valid_id(article_id) and article_id not in holders:
            kept_articles[file] = article_id
            holders.add(article_id)
    kept_events = {
        event_id: frozenset(m for m in members if isinstance(m, str))
        for event_id, members in sorted(events.items())
        if _valid_id(event_id) and isinstance(members, list)
    }
    problems = []
    dropped = len(articles) - len(kept_articles) + len(events) - len(kept_events)
    if dropped:
        msg = f"{dropped} entr(ies) of the URL ledger are not valid ids and were ignored."
        problems.append(Problem(label, 1, Severity.WARNING, "urls-lock", msg))
    return Ledger(MappingProxyType(kept_articles), MappingProxyType(kept_events)), problems


def ledger_text(articles: Mapping[str, str], events: Sequence[Event]) -> str:
    """The ledger for a build, as sorted JSON text."""
    record = {
        "version": LEDGER_VERSION,
        "about": "Published URLs: keeps every article and event at its URL. Commit this file.",
        "articles": dict(sorted(articles.items())),
        "events": {e.id: sorted(e.articles) for e in sorted(events, key=lambda e: e.id)},
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def save_ledger(path: Path, text: str) -> bool:
    """Write the ledger when it changed; returns whether it was written.

    Writing only on change keeps ``mkdocs serve`` from rebuilding in a loop
    and the file's timestamp meaningful.
    """
    try:
        if path.is_file() and path.read_text("utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass  # unreadable: overwrite it below
    path.write_text(text, encoding="utf-8")
    return True


def keep_event_ids(report: EventReport, claims: Mapping[str, frozenset[str]]) -> EventReport:
    """Give each event the id of the recorded event it shares most articles with.

    Pinned events (``event:`` in front matter) keep their own id. Other events
    whose computed id another event now holds get a short hash suffix.
    """
    if not claims or not report.events:
        return report
    events = list(report.events)
    pinned = {e.id for e in events if e.pinned}
    index_of = {article: n for n, e in enumerate(events) if not e.pinned for article in e.articles}
    pairs: list[tuple[int, str, str, int]] = []
    for claim_id, members in claims.items():
        if claim_id in pinned:
            continue
        overlap: dict[int, int] = {}
        for article in members:
            n = index_of.get(article)
            if n is not None:
                overlap[n] = overlap.get(n, 0) + 1
        pairs += [(-count, events[n].first_report, claim_id, n) for n, count in overlap.items()]
    assigned: dict[int, str] = {}
    for _, _, claim_id, n in sorted(pairs):
        if n not in assigned and claim_id not in assigned.values():
            assigned[n] = claim_id
    taken = pinned | set(assigned.values())
    renamed: list[Event] = []
    for n, event in enumerate(events):
        new_id = assigned.get(n, event.id)
        if n not in assigned and not event.pinned and event.id in taken:
            new_id = _free_event_id(event, taken)
        taken.add(new_id)
        renamed.append(event if new_id == event.id else dataclasses.replace(event, id=new_id))
    membership = {article: e.id for e in renamed for article in e.articles}
    return dataclasses.replace(
        report, events=tuple(renamed), membership=MappingProxyType(membership)
    )


def _free_event_id(event: Event, taken: set[str]) -> str:
    digest = hashlib.sha1(event.first_report.encode("utf-8")).hexdigest()[:6]
    candidate, number = f"{event.id}-{digest}", 1
    while candidate in taken:
        number += 1
        candidate = f"{event.id}-{digest}-{number}"
    return candidate


# Pure and asked for every link of every generated page (twice per link; a
# listing links the same outlets and pages again and again): memoised.
@functools.lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs publishes the file ``src_uri`` at, relative to the site root.

    The same rule as MkDocs' ``File.url``: ``a/b.md`` is ``a/b/`` with
    directory URLs and ``a/b.html`` without; ``a/index.md`` is ``a/``
    (``a/index.html``); the home page is ``./``; other files keep their path.

    Args:
        src_uri: The file's path under ``docs/`` (``/``-separated).
        directory_urls: MkDocs' ``use_directory_urls``.
    """
    if not src_uri.endswith(".md"):
        return quote(src_uri)
    parent, filename = posixpath.split(src_uri)
    stem = filename.removesuffix(".md")
    stem = "index" if stem == "README" else stem
    if not directory_urls or stem == "index":
        dest = posixpath.join(parent, stem + ".html")
    else:
        dest = posixpath.join(parent, stem, "index.html")
    dirname, name = posixpath.split(dest)
    if directory_urls and name == "index.html":
        dest = (dirname or ".") + "/"
    return quote(dest)


def relative_url(target: str, source: str, directory_urls: bool) -> str:
    """The link from the page ``source`` to the file ``target``, as MkDocs writes it.

    Generated pages are HTML that MkDocs' Markdown link rewriting never sees,
    so their links are computed here, with the rule of MkDocs'
    ``utils.get_relative_url`` (the same text MkDocs made of ``[x](target.md)``).

    Args:
        target: Source path of the linked file (``articles/x.md``).
        source: Source path of the page the link is on.
        directory_urls: MkDocs' ``use_directory_urls``.
    """
    url = page_url(target, directory_urls)
    other = page_url(source, directory_urls)
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts = _url_parts(other)
    dest_parts = _url_parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + [*dest_parts[common:]]) or "."
    return relative + "/" if url.endswith("/") else relative


@functools.lru_cache(maxsize=1 << 16)
def _url_parts(path: str) -> tuple[str, ...]:
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return tuple(path.split("/")) if path else ()
