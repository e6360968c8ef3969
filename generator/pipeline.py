"""The pipeline: read → extract → (actors, events) → corpus. No MkDocs here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator import dates
from generator.actors import ActorRegistry, ActorReport, analyse_actors, load_actor_registry
from generator.events import EventReport, analyse_events
from generator.extract import PendingDate, infer_article
from generator.isolation import failure, isolate
from generator.models import Article, Origin, Problem, Published, RawSeed, Severity
from generator.outlets import OutletRegistry, load_outlet_registry
from generator.reader import iter_seed_paths, read_seed, unread_files

T = TypeVar("T")
Progress = Callable[[Sequence[T], str], Iterable[T]]


@dataclass(frozen=True, slots=True)
class Settings:
    """Plain settings for one run (the MkDocs plugin and the CLI both build one).

    Attributes:
        seeds_dir: Folder holding the seed files.
        outlets_file: Project outlet registry (defaults to ``outlets.yml`` in seeds_dir).
        actors_file: Actor registry (defaults to ``actors.yml`` in seeds_dir).
        strict: Treat warnings as errors.
    """

    seeds_dir: Path
    outlets_file: Path | None = None
    actors_file: Path | None = None
    strict: bool = False

    def outlets_path(self) -> Path:
        """The outlet registry in use."""
        return self.outlets_file or self.seeds_dir / "outlets.yml"

    def actors_path(self) -> Path:
        """The actor registry in use."""
        return self.actors_file or self.seeds_dir / "actors.yml"


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything the site and the export are made from."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    seeds_read: int
    actors: ActorReport = field(default_factory=ActorReport)
    events: EventReport = field(default_factory=lambda: EventReport((), ()))

    @property
    def has_errors(self) -> bool:
        """Whether any problem is an error."""
        return any(p.severity is Severity.ERROR for p in self.problems)


def _no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items


def read_articles(
    settings: Settings, progress: Progress[Path] = _no_progress
) -> tuple[list[Article], list[Problem], int]:
    """Read and infer every seed; one bad seed never stops the others.

    Returns:
        The articles, the problems, and the number of seed files found.
    """
    if settings.seeds_dir.is_symlink():
        # Following it would publish whatever folder it points to.
        msg = "The seeds folder is a symbolic link; nothing in it was read."
        return [], [Problem(".", 1, Severity.ERROR, "symlink", msg)], 0
    outlets, problems = load_outlet_registry(settings.outlets_path())
    problems += unread_files(settings.seeds_dir, _registry_names(settings))
    paths = list(iter_seed_paths(settings.seeds_dir))
    raws: list[RawSeed] = []
    for path in progress(paths, "Reading seeds"):
        raw, seed_problems = read_seed(path, settings.seeds_dir)
        problems += seed_problems
        if raw is not None:
            raws.append(raw)
    raws = _unique_ids(raws, problems)
    _report_duplicates(raws, problems)
    articles, pending = _infer_all(raws, outlets, problems)
    articles = resolve_pending_dates(articles, pending)
    return articles, problems, len(paths)


def _infer_all(
    raws: Sequence[RawSeed], outlets: OutletRegistry, problems: list[Problem]
) -> tuple[list[Article], list[PendingDate]]:
    articles: list[Article] = []
    pending: list[PendingDate] = []
    for raw in raws:
        try:
            article, found, waiting = infer_article(raw, outlets)
        except Exception as exc:  # isolation boundary: becomes a problem on the seed
            problems.append(failure(raw.file, raw.body_line, "reading the metadata of", exc))
            continue
        articles.append(article)
        problems += found
        if waiting:
            pending.append(waiting)
    return articles, pending


def _unique_ids(raws: Sequence[RawSeed], problems: list[Problem]) -> list[RawSeed]:
    # Seeds are sorted by path, so the first file keeps the plain id for good.
    seen: set[str] = {raw.id for raw in raws}
    taken: set[str] = set()
    result = []
    for raw in raws:
        if raw.id in taken:
            new_id = _free_id(raw, seen)
            msg = (
                f"Another seed already has the id {raw.id!r}; this one is published as {new_id!r}."
            )
            problems.append(Problem(raw.file, 1, Severity.WARNING, "duplicate-id", msg))
            raw = dataclasses.replace(raw, id=new_id)
            seen.add(new_id)
        taken.add(raw.id)
        result.append(raw)
    return result


def _free_id(raw: RawSeed, seen: set[str]) -> str:
    """An id made from the seed's id and suffix that no other seed has."""
    base = f"{raw.id}-{Path(raw.file).suffix.lstrip('.') or 'seed'}"
    candidate, number = base, 1
    while candidate in seen:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _report_duplicates(raws: Sequence[RawSeed], problems: list[Problem]) -> None:
    first: dict[str, RawSeed] = {}
    for raw in raws:
        if not raw.body.strip():
            continue
        original = first.setdefault(raw.digest, raw)
        if original is not raw:
            msg = f"Duplicate seed: the same text as {original.file}."
            problems.append(Problem(raw.file, raw.body_line, Severity.WARNING, "duplicate", msg))


def resolve_pending_dates(
    articles: Sequence[Article], pending: Sequence[PendingDate]
) -> list[Article]:
    """Give year-less lede dates a year, using the other articles' dates as evidence."""
    evidence = [
        a.published.date
        for a in articles
        if a.published.date and a.published.precision == "day" and not a.published.inferred
    ]
    by_id = {p.article_id: p for p in pending}
    result = []
    for article in articles:
        waiting = by_id.get(article.id)
        resolved = dates.resolve_year(waiting.partial, evidence) if waiting else None
        if waiting and resolved:
            result.append(_with_resolved_date(article, waiting, resolved))
        else:
            result.append(article)
    return result


def _with_resolved_date(article: Article, waiting: PendingDate, resolved: dt.date) -> Article:
    weekday = " (the weekday fits)" if waiting.partial.weekday is not None else ""
    note = (
        f"read from the lede: “{waiting.partial.text}”; year {resolved.year} inferred from "
        f"the publication dates of other articles in the corpus{weekday}"
    )
    published = Published(resolved, "day", Origin.TEXT, inferred=True, line=waiting.line, note=note)
    flags = tuple(f for f in article.flags if f != "undated")
    return dataclasses.replace(article, published=published, flags=flags)


def build_corpus(settings: Settings, progress: Progress[Path] = _no_progress) -> Corpus:
    """Run the whole pipeline on a seeds folder.

    Args:
        settings: Where the seeds and registries are.
        progress: Wraps long loops (the CLI passes a progress bar).

    Returns:
        The corpus: articles, problems (strict mode applied), count of seeds.
    """
    articles, problems, count = read_articles(settings, progress)
    registry, registry_problems = (
        load_actor_registry(
            settings.actors_path(), label=_label(settings.actors_path(), settings.seeds_dir)
        )
        if not settings.seeds_dir.is_symlink()
        else (ActorRegistry(), [])
    )
    actors, _, left_out = isolate(
        lambda some: analyse_actors(some, registry), articles, "matching actors in"
    )
    problems += registry_problems + list(actors.problems) + left_out
    events, _, left_out = isolate(
        lambda some: analyse_events(
            some, actors.article_actors, actors.article_places, actor_names=_actor_names(actors)
        ),
        articles,
        "grouping and comparing events with",
    )
    problems += left_out
    articles = [_with_inherited_tags(a, events) for a in articles]
    if settings.strict:
        problems = [_promote(p) for p in problems]
    ordered = sorted(problems, key=lambda p: (p.file, p.line, p.code, p.message))
    return Corpus(tuple(articles), tuple(ordered), count, actors, events)


def _registry_names(settings: Settings) -> frozenset[str]:
    """Registry files inside the seeds folder: read as registries, not as seeds."""
    return frozenset({settings.actors_path().name, settings.outlets_path().name})


def _actor_names(report: ActorReport) -> dict[str, tuple[str, ...]]:
    """Every spelling of each actor, so events can find them in the text."""
    return {a.id: tuple(dict.fromkeys((a.name, *a.aliases))) for a in report.actors}


def _with_inherited_tags(article: Article, events: EventReport) -> Article:
    inherited = events.inherited_tags(article.id)
    return dataclasses.replace(article, inferred_tags=inherited) if inherited else article


def _label(path: Path, seeds_dir: Path) -> str:
    """Name a registry file in problems: relative to the seeds folder when inside it."""
    try:
        return path.resolve().relative_to(seeds_dir.resolve()).as_posix()
    except ValueError:
        return path.name


def _promote(problem: Problem) -> Problem:
    if problem.severity is Severity.WARNING:
        return dataclasses.replace(problem, severity=Severity.ERROR)
    return problem
