"""The pipeline: read → extract → (actors, events) → corpus. No MkDocs here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from generator.actors import ActorRegistry, ActorReport, analyse_actors, load_actor_registry
from generator.actors.analysis import NameMap
from generator.actors.extract import names_of
from generator.actors.records import Mention
from generator.collector import paused as paused_collector
from generator.events import EventReport, analyse_events
from generator.events.analyse import EventMap, PrepareMap, analyse_jobs
from generator.events.features import FeatureMap, features_packed
from generator.events.prepare import prepare_packed
from generator.ingest.extract import infer_article
from generator.ingest.outlets import OutletRegistry, load_outlet_registry
from generator.ingest.reader import iter_seed_paths, read_seed, unread_files
from generator.isolation import failure, isolate
from generator.models import Article, Problem, RawSeed, Severity
from generator.site.images import external_images
from generator.thresholds import Thresholds, default_thresholds
from generator.urls import keep_event_ids, load_ledger

T = TypeVar("T")
Progress = Callable[[Sequence[T], str], Iterable[T]]
ReadResult = tuple[RawSeed | None, list[Problem]]
InferResult = tuple[Article | None, list[Problem]]


def read_each(paths: Iterable[Path], seeds_dir: Path) -> list[ReadResult]:
    """Read seeds one after the other, in this process."""
    return [read_seed(path, seeds_dir) for path in paths]


def infer_one(raw: RawSeed, outlets: OutletRegistry) -> InferResult:
    """Infer one article; a failure becomes a problem on its seed, never a crash."""
    try:
        article, found = infer_article(raw, outlets)
    except Exception as exc:  # the isolation boundary of one seed: recorded, never swallowed
        return None, [failure(raw.file, raw.body_line, "reading the metadata of", exc)]
    return article, found + external_images(raw.body, raw.body_line, raw.file)


def infer_each(raws: Sequence[RawSeed], outlets: OutletRegistry) -> list[InferResult]:
    """Infer articles one after the other, in this process."""
    return [infer_one(raw, outlets) for raw in raws]


@dataclass(frozen=True, slots=True)
class SeedMap:
    """How the per-seed, per-article and per-event work runs: pure maps that keep input order.

    The default runs in this process; :mod:`generator.cache` wraps a map so
    that unchanged seeds, articles and events come from the cache, and
    :mod:`generator.workers` spreads one over processes.
    """

    read: Callable[[Iterable[Path], Path], list[ReadResult]] = read_each
    infer: Callable[[Sequence[RawSeed], OutletRegistry], list[InferResult]] = infer_each
    names: NameMap = names_of
    prepare: PrepareMap = prepare_packed
    events: EventMap = analyse_jobs
    features: FeatureMap = features_packed


#: Per-seed work in this process, uncached.
IN_PROCESS = SeedMap()


@dataclass(frozen=True, slots=True)
class Settings:
    """Plain settings for one run (the MkDocs plugin and the CLI both build one).

    Attributes:
        seeds_dir: Folder holding the seed files.
        outlets_file: Project outlet registry (defaults to ``outlets.yml`` in seeds_dir).
        actors_file: Actor registry (defaults to ``actors.yml`` in seeds_dir).
        strict: Treat warnings as errors.
        urls_file: The URL ledger (``urls.lock``) that keeps published URLs in place;
            None for none.
        thresholds: Every tuning threshold, with what it means
            (:mod:`generator.thresholds`). The stages read the same defaults,
            so this is where to look them up, not yet a per-run switch.
    """

    seeds_dir: Path
    outlets_file: Path | None = None
    actors_file: Path | None = None
    strict: bool = False
    urls_file: Path | None = None
    thresholds: Thresholds = field(default_factory=default_thresholds)

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
    settings: Settings,
    progress: Progress[Path] = _no_progress,
    claims: Mapping[str, str] = MappingProxyType({}),
    seed_map: SeedMap = IN_PROCESS,
) -> tuple[list[Article], list[Problem], int]:
    """Read and infer every seed; one bad seed never stops the others.

    Args:
        settings: Where the seeds are.
        progress: Wraps the reading loop.
        claims: Seed file → the article id it was published under (URL ledger).
        seed_map: How per-seed reading and inference run (cached, in processes).

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
    for raw, seed_problems in seed_map.read(progress(paths, "Reading seeds"), settings.seeds_dir):
        problems += seed_problems
        if raw is not None:
            raws.append(raw)
    raws = _unique_ids(raws, problems, claims)
    _report_duplicates(raws, problems)
    articles = _infer_all(seed_map.infer(raws, outlets), problems)
    return articles, problems, len(paths)


def _infer_all(inferred: Sequence[InferResult], problems: list[Problem]) -> list[Article]:
    articles: list[Article] = []
    for article, found in inferred:
        problems += found
        if article is not None:
            articles.append(article)
    return articles


def _unique_ids(
    raws: Sequence[RawSeed], problems: list[Problem], claims: Mapping[str, str]
) -> list[RawSeed]:
    """Give every seed a unique id; ids already published never move.

    A seed recorded in the URL ledger (``claims``: file → id) keeps its id.
    The others claim their own id in a fixed order, top-level files before
    files in subfolders, then by path; a seed whose id is taken gets a suffixed
    one and a warning naming its file.
    """
    ids = {raw.file: claims[raw.file] for raw in raws if raw.file in claims}
    seen: set[str] = {raw.id for raw in raws} | set(ids.values())
    taken: set[str] = set(ids.values())
    for raw in sorted(raws, key=lambda r: (r.file.count("/") > 0, r.file)):
        if raw.file in ids:
            continue
        if raw.id in taken:
            new_id = _free_id(raw, seen)
            msg = (
                f"Another seed already has the id {raw.id!r}; this one is published as {new_id!r}."
            )
            problems.append(Problem(raw.file, 1, Severity.WARNING, "duplicate-id", msg))
            ids[raw.file] = new_id
            seen.add(new_id)
        else:
            ids[raw.file] = raw.id
        taken.add(ids[raw.file])
    return [
        raw if raw.id == ids[raw.file] else dataclasses.replace(raw, id=ids[raw.file])
        for raw in raws
    ]


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


def build_corpus(
    settings: Settings, progress: Progress[Path] = _no_progress, seed_map: SeedMap = IN_PROCESS
) -> Corpus:
    """Run the whole pipeline on a seeds folder.

    Args:
        settings: Where the seeds and registries are.
        progress: Wraps long loops (the CLI passes a progress bar).
        seed_map: How per-seed reading and inference run (cached, in processes).

    Returns:
        The corpus: articles, problems (strict mode applied), count of seeds.
    """
    with paused_collector():
        return _build_corpus(settings, progress, seed_map)


def _build_corpus(settings: Settings, progress: Progress[Path], seed_map: SeedMap) -> Corpus:
    ledger, problems = load_ledger(settings.urls_file)
    articles, seed_problems, count = read_articles(settings, progress, ledger.articles, seed_map)
    problems += seed_problems
    registry, registry_problems = (
        load_actor_registry(
            settings.actors_path(), label=_label(settings.actors_path(), settings.seeds_dir)
        )
        if not settings.seeds_dir.is_symlink()
        else (ActorRegistry(), [])
    )
    actors, _, left_out = isolate(
        lambda some: analyse_actors(some, registry, seed_map.names),
        articles,
        "matching actors in",
    )
    problems += registry_problems + list(actors.problems) + left_out
    events, _, left_out = isolate(
        lambda some: analyse_events(
            some,
            actors.article_actors,
            actors.article_places,
            actor_names=_actor_names(actors),
            event_map=seed_map.events,
            prepare_map=seed_map.prepare,
            features_map=seed_map.features,
        ),
        articles,
        "grouping and comparing events with",
    )
    problems += left_out
    events = keep_event_ids(events, ledger.events)
    articles = [with_event_facts(a, events) for a in articles]
    if events.completed:
        actors = _redated(actors, events)
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


def with_event_facts(article: Article, events: EventReport) -> Article:
    """The article with the tags it inherits from its event and the date its event completed.

    ``mkdocs serve`` applies it to an edited seed's article against the
    previous build's events while the whole corpus is analysed again.
    """
    return _with_event_date(_with_inherited_tags(article, events), events)


def _with_inherited_tags(article: Article, events: EventReport) -> Article:
    inherited = events.inherited_tags(article.id)
    return dataclasses.replace(article, inferred_tags=inherited) if inherited else article


def _with_event_date(article: Article, events: EventReport) -> Article:
    """The article with the publication date its event completed, if any."""
    published = events.completed.get(article.id)
    if published is None:
        return article
    flags = tuple(f for f in article.flags if f != "undated")
    return dataclasses.replace(article, published=published, flags=flags)


def _redated(report: ActorReport, events: EventReport) -> ActorReport:
    """The actor report with the mentions of event-dated articles carrying their new date."""

    def redate(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        return tuple(
            dataclasses.replace(m, date=events.completed[m.article_id].date)
            if m.article_id in events.completed
            else m
            for m in mentions
        )

    return dataclasses.replace(
        report,
        actors=tuple(dataclasses.replace(a, mentions=redate(a.mentions)) for a in report.actors),
        places=tuple(dataclasses.replace(p, mentions=redate(p.mentions)) for p in report.places),
    )


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
