"""Fact-level change summary between two seed sets (``briefing diff``).

Both seed sets go through the same pipeline as the site; the summary then
compares what a reader of the briefing would see: articles, events (created,
grown, split, merged), conflicts and updates, new names and new problems.
Everything here is a pure function over two :class:`~generator.pipeline.Corpus`
values, except :func:`seed_folder`, which fetches the base seeds from git.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.events import Conflict, Event
from generator.models import Article, Problem, Severity
from generator.pipeline import Corpus

# Conflict kinds that record a figure revised over time rather than a dispute.
UPDATE_KINDS = frozenset({"update"})
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class DiffError(Exception):
    """The base seed set cannot be read (no such folder or git commit)."""


@dataclass(frozen=True, slots=True)
class ArticleLine:
    """One article added, removed or changed.

    Attributes:
        id: The article id (the file's stem).
        file: Path relative to the seeds folder.
        title: Title (the head's, for a changed article).
        date: Publication date as ISO text, or None when unknown.
        outlet: Who published it, as shown in tables.
        changed: For a changed article, which of title/date/outlet/text changed.
    """

    id: str
    file: str
    title: str
    date: str | None
    outlet: str
    changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event named in the summary; ``url`` is set for events of the head."""

    id: str
    title: str
    size: int
    url: str | None = None


@dataclass(frozen=True, slots=True)
class EventLine:
    """How one event changed.

    Attributes:
        change: ``created``, ``grown``, ``shrunk``, ``changed``, ``split``, ``merged``
            or ``removed``.
        event: The event in the head (for ``split`` and ``removed``: in the base).
        added: Articles that joined it.
        removed: Articles that left it.
        related: For ``merged``, the base events it took in; for ``split``, the
            head events it became.
    """

    change: str
    event: EventRef
    added: tuple[ArticleLine, ...] = ()
    removed: tuple[ArticleLine, ...] = ()
    related: tuple[EventRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Side:
    """One version of a disputed fact and the outlets that report it."""

    value: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """A conflict or update that appeared, disappeared or changed sides.

    Attributes:
        change: ``appeared``, ``disappeared`` or ``changed`` (its sides or outlets).
        kind: The conflict's kind (``value``, ``period``, ``detail``, ``quote``, ...).
        event: The event it belongs to.
        subject: What is disputed: the fact's description, else the conflict's summary.
        sides: Each version with the outlets reporting it.
    """

    change: str
    kind: str
    event: EventRef
    subject: str
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class NameLine:
    """An actor named for the first time, or a new unregistered name."""

    id: str
    name: str
    registered: bool
    articles: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything ``briefing diff`` reports."""

    added: tuple[ArticleLine, ...]
    removed: tuple[ArticleLine, ...]
    changed: tuple[ArticleLine, ...]
    events: tuple[EventLine, ...]
    conflicts: tuple[ConflictLine, ...]
    updates: tuple[ConflictLine, ...]
    actors: tuple[NameLine, ...]
    unregistered: tuple[NameLine, ...]
    problems: tuple[Problem, ...]
    problems_resolved: int

    @property
    def empty(self) -> bool:
        """True when nothing a reader sees has changed."""
        listed = (self.added, self.removed, self.changed, self.events, self.conflicts)
        return not any((*listed, self.updates, self.actors, self.unregistered, self.problems))


def diff_corpora(base: Corpus, head: Corpus, site_url: str = "") -> Summary:
    """Compare two corpora built by the same pipeline.

    Args:
        base: The corpus before the change.
        head: The corpus after it.
        site_url: Address of the head's site (e.g. the preview); event links start
            with it. Empty gives links relative to the site root.

    Returns:
        The change summary.
    """
    added, removed, changed = _articles(base, head)
    events = _Events(base, head, site_url)
    conflicts = events.conflicts()
    return Summary(
        added=added,
        removed=removed,
        changed=changed,
        events=events.changes(),
        conflicts=tuple(c for c in conflicts if c.kind not in UPDATE_KINDS),
        updates=tuple(c for c in conflicts if c.kind in UPDATE_KINDS),
        actors=_new_actors(base, head),
        unregistered=_new_unregistered(base, head),
        problems=_new_problems(base.problems, head.problems),
        problems_resolved=len(set(base.problems) - set(head.problems)),
    )


def _line(article: Article, changed: tuple[str, ...] = ()) -> ArticleLine:
    date = article.published.date.isoformat() if article.published.date else None
    return ArticleLine(article.id, article.file, article.title, date, article.outlet_label, changed)


def _articles(
    base: Corpus, head: Corpus
) -> tuple[tuple[ArticleLine, ...], tuple[ArticleLine, ...], tuple[ArticleLine, ...]]:
    before = {a.id: a for a in base.articles}
    after = {a.id: a for a in head.articles}
    added = tuple(_line(after[i]) for i in sorted(after.keys() - before.keys()))
    removed = tuple(_line(before[i]) for i in sorted(before.keys() - after.keys()))
    changed = []
    for article_id in sorted(after.keys() & before.keys()):
        fields = _changed_fields(before[article_id], after[article_id])
        if fields:
            changed.append(_line(after[article_id], fields))
    return added, removed, tuple(changed)


def _changed_fields(old: Article, new: Article) -> tuple[str, ...]:
    pairs = {
        "title": (old.title, new.title),
        "date": (old.published.date, new.published.date),
        "outlet": (old.outlet_label, new.outlet_label),
        "text": (old.body, new.body),
    }
    return tuple(name for name, (a, b) in pairs.items() if a != b)


class _Events:
    """Matches base and head events through the articles they share."""

    def __init__(self, base: Corpus, head: Corpus, site_url: str) -> None:
        self.base, self.head, self.site_url = base, head, site_url
        self.common = {a.id for a in base.articles} & {a.id for a in head.articles}
        self.base_articles = {a.id: a for a in base.articles}
        self.head_articles = {a.id: a for a in head.articles}

    def head_ref(self, event: Event) -> EventRef:
        url = f"{self.site_url}events/{event.id}/"
        return EventRef(event.id, event.title, len(event.articles), url)

    @staticmethod
    def base_ref(event: Event) -> EventRef:
        return EventRef(event.id, event.title, len(event.articles))

    def base_events_of(self, event: Event) -> list[Event]:
        """Base events holding any of this head event's surviving articles."""
        ids = {self.base.events.event_of(a) for a in event.articles if a in self.common}
        return [e for e in self.base.events.events if e.id in ids]

    def head_events_of(self, event: Event) -> list[Event]:
        """Head events holding any of this base event's surviving articles."""
        ids = {self.head.events.event_of(a) for a in event.articles if a in self.common}
        return [e for e in self.head.events.events if e.id in ids]

    def changes(self) -> tuple[EventLine, ...]:
        lines = [line for e in self.head.events.events if (line := self._head_change(e))]
        for old in self.base.events.events:
            successors = self.head_events_of(old)
            if len(successors) > 1:
                related = tuple(self.head_ref(e) for e in successors)
                lines.append(EventLine("split", self.base_ref(old), related=related))
            elif not successors:
                gone = self._lines(self.base_articles, old.articles)
                lines.append(EventLine("removed", self.base_ref(old), removed=gone))
        return tuple(lines)

    def _head_change(self, event: Event) -> EventLine | None:
        ref = self.head_ref(event)
        origins = self.base_events_of(event)
        if not origins:
            return EventLine("created", ref, added=self._lines(self.head_articles, event.articles))
        if len(origins) > 1:
            return EventLine("merged", ref, related=tuple(self.base_ref(e) for e in origins))
        if len(self.head_events_of(origins[0])) > 1:
            return None  # reported once, as a split of the base event
        joined = [a for a in event.articles if a not in origins[0].articles]
        left = [a for a in origins[0].articles if a not in event.articles]
        if not joined and not left:
            return None
        change = "changed" if joined and left else "grown" if joined else "shrunk"
        added = self._lines(self.head_articles, joined)
        return EventLine(change, ref, added, self._lines(self.base_articles, left))

    @staticmethod
    def _lines(articles: Mapping[str, Article], ids: Iterable[str]) -> tuple[ArticleLine, ...]:
        return tuple(_line(articles[i]) for i in ids if i in articles)

    def conflicts(self) -> tuple[ConflictLine, ...]:
        lines: list[ConflictLine] = []
        for event in self.head.events.events:
            before = {_key(c): c for e in self.base_events_of(event) for c in e.conflicts}
            for conflict in event.conflicts:
                old = before.get(_key(conflict))
                sides = _sides(conflict, self.head_articles)
                if old is None:
                    change = "appeared"
                elif _sides(old, self.base_articles) != sides:
                    change = "changed"
                else:
                    continue
                ref = self.head_ref(event)
                subject = _subject(event, conflict)
                lines.append(ConflictLine(change, conflict.kind, ref, subject, sides))
        for old_event in self.base.events.events:
            after = {_key(c) for e in self.head_events_of(old_event) for c in e.conflicts}
            for conflict in old_event.conflicts:
                if _key(conflict) not in after:
                    sides = _sides(conflict, self.base_articles)
                    ref = self.base_ref(old_event)
                    subject = _subject(old_event, conflict)
                    lines.append(ConflictLine("disappeared", conflict.kind, ref, subject, sides))
        return tuple(lines)


def _key(conflict: Conflict) -> tuple[str, str]:
    """What identifies a conflict across two builds: its kind and the fact disputed."""
    return (conflict.kind, conflict.fact_key or conflict.summary)


def _subject(event: Event, conflict: Conflict) -> str:
    row = event.fact(conflict.fact_key) if conflict.fact_key else None
    if row is None:
        return conflict.summary
    # The same fact can be disputed on its value and, separately, on its details.
    return f"details of {row.description}" if conflict.kind == "detail" else row.description


def _sides(conflict: Conflict, articles: Mapping[str, Article]) -> tuple[Side, ...]:
    return tuple(
        Side(
            side.value,
            tuple(
                dict.fromkeys(articles[i].outlet_label for i in side.article_ids if i in articles)
            ),
        )
        for side in conflict.sides
    )


def _new_actors(base: Corpus, head: Corpus) -> tuple[NameLine, ...]:
    named_before = {a.id for a in base.actors.actors if a.mentions}
    return tuple(
        NameLine(a.id, a.name, a.registered, len({m.article_id for m in a.mentions}))
        for a in head.actors.actors
        if a.mentions and a.id not in named_before
    )


def _new_unregistered(base: Corpus, head: Corpus) -> tuple[NameLine, ...]:
    before = {s.id for s in base.actors.suggestions}
    return tuple(
        NameLine(s.id, s.name, False, len({c.article_id for c in s.contexts}))
        for s in head.actors.suggestions
        if s.id not in before
    )


def _new_problems(base: Iterable[Problem], head: Iterable[Problem]) -> tuple[Problem, ...]:
    known = set(base)
    fresh = [p for p in head if p not in known]
    return tuple(sorted(fresh, key=lambda p: (SEVERITY_ORDER[p.severity], p.file, p.line)))


@contextlib.contextmanager
def seed_folder(base: str, head: Path) -> Iterator[Path]:
    """The base seed set: a folder as given, or the head folder's path at a git commit.

    A git ref is read with ``git archive`` into a temporary folder (extracted with
    tarfile's ``data`` filter, so no entry lands outside it). A commit that does
    not have the folder yet gives an empty seed set.

    Raises:
        DiffError: ``base`` is neither a folder nor a commit of head's repository.
    """
    if Path(base).is_dir():
        yield Path(base)
        return
    top = _git(head, "rev-parse", "--show-toplevel")
    if top is None or _git(head, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}") is None:
        raise DiffError(f"{base!r} is neither a folder nor a git commit")
    root = Path(top.decode().strip()).resolve()
    relative = head.resolve().relative_to(root).as_posix()
    with tempfile.TemporaryDirectory(prefix="briefing-base-") as tmp:
        target = Path(tmp) / "seeds"
        target.mkdir()
        archive = _git(root, "archive", "--format=tar", base, "--", relative)
        if archive is not None:
            prefix = "" if relative == "." else relative.rstrip("/") + "/"
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                members = [m for m in tar.getmembers() if m.name.startswith(prefix)]
                for member in members:
                    member.name = member.name[len(prefix) :]
                tar.extractall(target, members=[m for m in members if m.name], filter="data")
        yield target


def _git(cwd: Path, *args: str) -> bytes | None:
    """Output of a git command run in ``cwd``, or None when it fails."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
