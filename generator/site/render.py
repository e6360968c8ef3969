"""Render the corpus into HTML pages through Jinja2 templates.

``render_site`` returns ``{src_uri: content}``; the MkDocs plugin turns each
entry into a virtual file (still named ``*.md``, so every URL stays where it
was) whose content is the page body as HTML: MkDocs' Markdown never runs on
it (:mod:`generator.site.pagehtml`). The templates autoescape, so a seed's
title or tag can never become markup; a seed's body is the one part written
in Markdown (:func:`generator.site.bodies.body_html`). Links between pages are
relative URLs computed here (:func:`generator.urls.relative_url`), for the
site's ``use_directory_urls``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from generator.actors import Actor, OutletUsage, Place
from generator.events import DatedPoint, Event, ReuseLink
from generator.isolation import failure
from generator.models import Article, Problem
from generator.pipeline import Corpus
from generator.site import views
from generator.site.bodies import body_html
from generator.site.chart import coverage_chart
from generator.site.eventviews import EventLimits, EventView, event_views
from generator.site.pagehtml import anchor_headings
from generator.site.thresholds import sections as threshold_sections
from generator.site.views import PAGE_SIZE
from generator.text.plurals import plural
from generator.urls import relative_url

# Pages listed in mkdocs.yml's nav; every other generated page stays out of
# the sidebar so that page size does not grow with the corpus.
IN_NAV = frozenset(
    {
        "index.md",
        "events/index.md",
        "topics/index.md",
        "actors/index.md",
        "places/index.md",
        "dates/index.md",
        "outlets/index.md",
        "articles/index.md",
        "problems/index.md",
        "data/index.md",
        "unregistered/index.md",
        "thresholds.md",
    }
)
LATEST_ON_HOME = 10
MAX_OUTLET_ROWS = 25
MAX_NAMED_ALONGSIDE = 20
# An actor page lists its most recent events and each outlet's most frequent
# spellings and descriptors only: a name in the news every day would otherwise
# add a line per event and a phrase per new wording (the mention rows are paginated).
MAX_EVENTS_ON_ACTOR = 20
MAX_VALUES_PER_OUTLET = 12
LATEST_EVENTS_ON_HOME = 5
FLAG_LABELS = {
    "ai-written": "AI-written",
    "no-metadata": "No metadata",
    "undated": "Undated",
    "no-outlet": "No outlet named",
}


def web_url(url: str | None) -> str:
    """A seed's URL as a link target: http(s) only, quoted (``""`` for none or anything else)."""
    value = (url or "").strip()
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        return ""
    return quote(value, safe=":/?#@!$&'*+,;=%-._~[]")


# Filters, not macros, for what every row of a listing shows: a Jinja macro
# call cost about ten times a filter's, and a row made three of them.
def published(article: Article) -> str:
    """The publication date as rows and pages show it ("2024-05-01 (inferred)", "undated")."""
    point = article.published
    if not point.date:
        return "undated"
    return point.date.isoformat() + (" (inferred)" if point.inferred else "")


def flags(article: Article) -> Markup:
    """The article's flags, labelled and comma-separated; "AI-written" in bold."""
    labels = (FLAG_LABELS.get(flag, flag) for flag in article.flags)
    return Markup(", ").join(
        Markup("<strong>%s</strong>") % label if flag == "ai-written" else label
        for flag, label in zip(article.flags, labels, strict=True)
    )


def dated(point: DatedPoint) -> str:
    """When an event happened, to its precision ("2024-05-01", "2024-05", "2024", "unknown")."""
    if not point.date:
        return "unknown"
    if point.precision == "day":
        return point.date.isoformat()
    if point.precision == "month":
        return point.date.isoformat()[:7]
    return str(point.date.year)


@pass_context
def link(context: Context, target: str) -> str:
    """Relative URL from the page being rendered to another source file (``x.md``)."""
    return relative_url(target, context["page_path"], context["directory_urls"])


def make_environment() -> Environment:
    """The Jinja2 environment for page templates (HTML and SVG out, autoescaped)."""
    env = Environment(
        loader=PackageLoader("generator.site", "templates"),
        # The templates ship with the package: checking each file's modification
        # time whenever a page asks for it (every page, and every import of the
        # macros) was a system call per page for nothing.
        auto_reload=False,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["web_url"] = web_url
    env.filters["plural"] = plural
    env.filters["published"] = published
    env.filters["flags"] = flags
    env.filters["dated"] = dated
    env.globals["link"] = link
    env.globals["article_path"] = lambda a: f"articles/{a.id}.md"
    env.globals["outlet_path"] = lambda name: f"outlets/{views.outlet_slug(name)}.md"
    env.globals["topic_path"] = lambda tag: f"topics/{views.tag_slug(tag)}.md"
    env.globals["day_path"] = lambda d: f"dates/{d.isoformat()}.md"
    env.globals["actor_path"] = lambda actor_id: f"actors/{actor_id}.md"
    env.globals["place_path"] = lambda place_id: f"places/{place_id}.md"
    env.globals["event_path"] = lambda event_id: f"events/{event_id}.md"
    return env


@functools.cache
def _shared_environment() -> Environment:
    """One environment per process: templates are compiled once, not once per render."""
    return make_environment()


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a listing page sits among its siblings."""

    number: int
    total: int
    rows: int
    previous: str | None
    next: str | None
    offset: int


class SiteRenderer:
    """Collects rendered pages; one instance per build."""

    def __init__(self, corpus: Corpus, directory_urls: bool = True) -> None:
        self.corpus = corpus
        self.directory_urls = directory_urls
        self.env = _shared_environment()
        self.pages: dict[str, str] = {}

    def left_out(self, article: Article, path: str, exc: Exception) -> None:
        """Replace a page that failed to render by a stub, and record a problem on its seed."""
        problem = failure(article.file, article.body_line, "rendering the page of", exc)
        problems = sorted(
            (*self.corpus.problems, problem), key=lambda p: (p.file, p.line, p.code, p.message)
        )
        self.corpus = dataclasses.replace(self.corpus, problems=tuple(problems))
        self.__dict__.pop("_problems_by_file", None)
        self.pages[path] = anchor_headings(
            f"<h1>{escape(article.title)}</h1>\n<p>This article's page could not be built: "
            f"{escape(problem.message)}</p>\n"
        )

    def page(self, path: str, template: str, **context: Any) -> None:
        """Render ``template`` into the page at ``path``."""
        if path in self.pages:
            # Slugs are unreserved and ids unique, so this is a bug, not bad input.
            raise RuntimeError(f"two generated pages claim {path}")
        html = self.env.get_template(template).render(
            page_path=path, directory_urls=self.directory_urls, **context
        )
        self.pages[path] = anchor_headings(html)

    def paginated(self, path: str, template: str, rows: Sequence[Any], **context: Any) -> None:
        """Render a listing over as many pages as PAGE_SIZE requires.

        The first page keeps ``path``; later pages are ``<stem>/_page-N.md``.
        Ids and slugs never start with ``_``, so these cannot collide with them.
        """
        stem = path.removesuffix(".md").removesuffix("/index")
        chunks = [rows[i : i + PAGE_SIZE] for i in range(0, len(rows), PAGE_SIZE)] or [rows]
        paths = [path] + [f"{stem}/_page-{n}.md" for n in range(2, len(chunks) + 1)]
        for number, (chunk, page_path) in enumerate(zip(chunks, paths, strict=True), start=1):
            pager = Pager(
                number,
                len(chunks),
                len(rows),
                paths[number - 2] if number > 1 else None,
                paths[number] if number < len(chunks) else None,
                (number - 1) * PAGE_SIZE,
            )
            self.page(page_path, template, rows=chunk, pager=pager, **context)

    @functools.cached_property
    def event_views(self) -> list[EventView]:
        """Every event with its page lookups (built once per render)."""
        return event_views(self.corpus)

    @functools.cached_property
    def _events_by_actor(self) -> dict[str, list[Event]]:
        index: dict[str, list[Event]] = {}
        for event in self.corpus.events.events:
            for actor_id in event.actors:
                index.setdefault(actor_id, []).append(event)
        return index

    def event_of_article(self, article_id: str) -> Event | None:
        """The event an article belongs to."""
        event_id = self.corpus.events.event_of(article_id)
        return self._events_by_id.get(event_id) if event_id else None

    @functools.cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.corpus.events.events}

    def reuse_of_article(self, article_id: str) -> list[tuple[ReuseLink, Article]]:
        """Reuse links where this article reproduces another, with the source article."""
        return self._reuse_by_reuser.get(article_id, [])

    @functools.cached_property
    def _reuse_by_reuser(self) -> dict[str, list[tuple[ReuseLink, Article]]]:
        # One pass over the links, not one per article page (quadratic in the corpus).
        by_id = {a.id: a for a in self.corpus.articles}
        index: dict[str, list[tuple[ReuseLink, Article]]] = {}
        for link_ in self.corpus.events.provenance:
            if link_.source in by_id:
                index.setdefault(link_.reuser, []).append((link_, by_id[link_.source]))
        return index

    def problems_of(self, file: str) -> list[Problem]:
        """The problems found in one seed file, in the corpus's order."""
        return self._problems_by_file.get(file, [])

    @functools.cached_property
    def _problems_by_file(self) -> dict[str, list[Problem]]:
        # Built once per render; left_out adds a problem and rebuilds it.
        index: dict[str, list[Problem]] = {}
        for problem in self.corpus.problems:
            index.setdefault(problem.file, []).append(problem)
        return index

    @functools.cached_property
    def events_by_day(self) -> dict[str, list[Event]]:
        """Events that happened on each day (day precision only)."""
        index: dict[str, list[Event]] = {}
        for event in self.corpus.events.events:
            point = event.occurred
            if point.date and point.precision == "day":
                index.setdefault(point.date.isoformat(), []).append(event)
        return index

    def events_of_actor(self, actor_id: str) -> list[Event]:
        """Events whose articles name the actor, most recent first."""
        return self._events_by_actor.get(actor_id, [])

    def render(self) -> dict[str, str]:
        """Render every page of the site."""
        articles = self.corpus.articles
        for step in _STEPS:
            step(self, articles)
        return dict(sorted(self.pages.items()))

    def render_beside(self, side: Callable[[], ArticlePages]) -> dict[str, str]:
        """Render every page of the site, the article pages coming from ``side``.

        ``side`` returns what :func:`render_articles` returns for this corpus
        (computed in another process meanwhile): the same pages as
        :meth:`render`, since only the pages rendered after the article pages
        read the problems a failed article page adds.
        """
        articles = self.corpus.articles
        for step in _STEPS:
            if step not in _SIDE_STEPS and step not in _AFTER_SIDE:
                step(self, articles)
        pages, problems = side()
        for path, html in pages.items():
            if path in self.pages:
                raise RuntimeError(f"two generated pages claim {path}")
            self.pages[path] = html
        if problems != self.corpus.problems:
            self.corpus = dataclasses.replace(self.corpus, problems=problems)
            self.__dict__.pop("_problems_by_file", None)
        for step in _AFTER_SIDE:
            step(self, articles)
        return dict(sorted(self.pages.items()))


def _home(site: SiteRenderer, articles: Sequence[Article]) -> None:
    chart = coverage_chart(articles)
    svg = Markup(site.env.get_template("coverage.svg.j2").render(chart=chart)) if chart else ""
    site.page(
        "index.md",
        "index.html.j2",
        corpus=site.corpus,
        latest=views.newest_first(articles)[:LATEST_ON_HOME],
        topics=views.topics(articles),
        # Named outlets only, as the event header counts them (unknown publishers are not one).
        outlet_count=len({name for a in articles for name in a.outlets}),
        days=views.days(articles),
        chart_svg=svg,
        date_range=views.date_range(articles),
        events=site.event_views[:LATEST_EVENTS_ON_HOME],
        event_count=len(site.event_views),
    )


def _articles(site: SiteRenderer, articles: Sequence[Article]) -> None:
    site.paginated("articles/index.md", "articles.html.j2", views.newest_first(articles))
    report = site.corpus.actors
    actor_names = {a.id: a.name for a in report.actors}
    place_names = {p.id: p.name for p in report.places}
    for article in articles:
        path = f"articles/{article.id}.md"
        try:
            _article_page(site, article, path, actor_names, place_names)
        except Exception as exc:  # isolation boundary: becomes a problem and a stub
            site.left_out(article, path, exc)


def _article_page(
    site: SiteRenderer,
    article: Article,
    path: str,
    actor_names: dict[str, str],
    place_names: dict[str, str],
) -> None:
    report = site.corpus.actors
    site.page(
        path,
        "article.html.j2",
        article=article,
        actors=[(i, actor_names[i]) for i in report.actors_of(article.id)],
        places=[(i, place_names[i]) for i in report.places_of(article.id)],
        event=site.event_of_article(article.id),
        reuse=site.reuse_of_article(article.id),
        body=Markup(body_html(article.body, article.title)),
        problems=site.problems_of(article.file),
    )


def _topics(site: SiteRenderer, articles: Sequence[Article]) -> None:
    facets = views.topics(articles)
    actor_names = {a.id: a.name for a in site.corpus.actors.actors}
    site.paginated("topics/index.md", "topics.html.j2", facets)
    for facet in facets:
        members = (*facet.articles, *facet.inferred)
        outlets: Counter[str] = Counter(name for a in members for name in a.outlets)
        actors: Counter[str] = Counter(
            i for a in members for i in site.corpus.actors.actors_of(a.id)
        )
        rows = [("declared", a) for a in facet.articles] + [("inferred", a) for a in facet.inferred]
        site.paginated(
            f"topics/{facet.slug}.md",
            "topic.html.j2",
            rows,
            topic=facet,
            outlets=views.top(outlets),
            actors=views.top(actors),
            actor_names=actor_names,
            date_range=views.date_range(members),
        )


def _outlets(site: SiteRenderer, articles: Sequence[Article]) -> None:
    facets = views.outlets(articles)
    site.paginated("outlets/index.md", "outlets.html.j2", facets)
    for facet in facets:
        rows = [("publisher", a) for a in facet.articles] + [
            ("credited", a) for a in facet.credited
        ]
        site.paginated(f"outlets/{facet.slug}.md", "outlet.html.j2", rows, outlet=facet)


def _dates(site: SiteRenderer, articles: Sequence[Article]) -> None:
    published = {day.slug: day for day in views.days(articles)}
    happened = site.events_by_day
    slugs = sorted(set(published) | set(happened), reverse=True)
    months: dict[str, list[tuple[str, int, int]]] = {}
    for slug in slugs:
        count = len(published[slug].articles) if slug in published else 0
        months.setdefault(slug[:7], []).append((slug, count, len(happened.get(slug, []))))
    undated = views.undated(articles)
    # The index lists months, each month's page its days: no listing grows with the corpus.
    years: dict[str, list[tuple[str, int, int, int]]] = {}
    for month, days in months.items():
        published_count = sum(count for _, count, _ in days)
        happened_count = sum(events for _, _, events in days)
        years.setdefault(month[:4], []).append((month, len(days), published_count, happened_count))
        site.page(f"dates/{month}.md", "month.html.j2", month=month, days=days)
    site.page("dates/index.md", "dates.html.j2", years=years, undated=len(undated))
    site.paginated("dates/undated.md", "undated.html.j2", undated)
    for slug in slugs:
        day = published.get(slug, views.Facet(slug, slug, ()))
        site.paginated(
            f"dates/{slug}.md",
            "date.html.j2",
            day.articles,
            day=day,
            happened=happened.get(slug, []),
        )


def _problems(site: SiteRenderer, articles: Sequence[Article]) -> None:
    site.paginated(
        "problems/index.md", "problems.html.j2", site.corpus.problems, corpus=site.corpus
    )


def _data(site: SiteRenderer, articles: Sequence[Article]) -> None:
    # data/corpus.json itself is written by the plugin as it is encoded (exportfile.py).
    site.page("data/index.md", "data.html.j2", corpus=site.corpus)


def _actors(site: SiteRenderer, articles: Sequence[Article]) -> None:
    report = site.corpus.actors
    by_id = {a.id: a for a in report.actors}
    names = {a.id: a.name for a in report.actors}
    incoming = _incoming_affiliations(report.actors)
    rows = [(t, a) for t, group in report.actors_by_type() for a in sorted(group, key=_by_name)]
    counts = [(t, len(group)) for t, group in report.actors_by_type()]
    site.paginated("actors/index.md", "actors.html.j2", rows, counts=counts)
    articles_by_id = {a.id: a for a in articles}
    for actor in report.actors:
        if not actor.mentions and not actor.registered:
            continue
        site.paginated(
            f"actors/{actor.id}.md",
            "actor.html.j2",
            actor.mentions,
            actor=actor,
            affiliations=[
                (str(f.relation), by_id[f.target]) for f in actor.affiliations if f.target in by_id
            ],
            incoming=incoming.get(actor.id, []),
            spellings=_most_frequent(actor.spellings_by_outlet()),
            descriptors=_most_frequent(u for u in actor.descriptors_by_outlet() if u.items),
            co_occurring=report.co_occurring(actor.id)[:MAX_NAMED_ALONGSIDE],
            names=names,
            articles=articles_by_id,
            events=site.events_of_actor(actor.id)[:MAX_EVENTS_ON_ACTOR],
            event_count=len(site.events_of_actor(actor.id)),
        )
    site.paginated("unregistered/index.md", "unregistered.html.j2", report.suggestions, names=names)


def _most_frequent(usages: Iterable[OutletUsage]) -> list[OutletUsage]:
    """The first outlets' usages, each cut to its most frequent values (they come sorted)."""
    return [
        dataclasses.replace(u, items=u.items[:MAX_VALUES_PER_OUTLET])
        for u in list(usages)[:MAX_OUTLET_ROWS]
    ]


def _places(site: SiteRenderer, articles: Sequence[Article]) -> None:
    places = sorted(site.corpus.actors.places, key=_by_name)
    site.paginated("places/index.md", "places.html.j2", [p for p in places if p.mentions])
    articles_by_id = {a.id: a for a in articles}
    for place in places:
        site.paginated(
            f"places/{place.id}.md",
            "place.html.j2",
            place.mentions,
            place=place,
            articles=articles_by_id,
        )


def _by_name(record: Actor | Place) -> tuple[str, str]:
    return (record.name.casefold(), record.id)


def _incoming_affiliations(actors: Sequence[Actor]) -> dict[str, list[tuple[str, Actor]]]:
    incoming: dict[str, list[tuple[str, Actor]]] = {}
    for actor in actors:
        for affiliation in actor.affiliations:
            incoming.setdefault(affiliation.target, []).append((str(affiliation.relation), actor))
    return incoming


def _events(site: SiteRenderer, articles: Sequence[Article]) -> None:
    views_ = site.event_views
    limits = EventLimits()
    site.paginated("events/index.md", "events.html.j2", views_)
    for view in views_:
        site.page(f"events/{view.event.id}.md", "event.html.j2", e=view, limits=limits)
        if len(view.members) > limits.coverage:
            site.paginated(
                f"events/{view.event.id}/articles.md",
                "event_articles.html.j2",
                view.members,
                e=view,
            )


def _thresholds(site: SiteRenderer, articles: Sequence[Article]) -> None:
    site.page("thresholds.md", "thresholds.html.j2", sections=threshold_sections())


_STEPS: tuple[Callable[[SiteRenderer, Sequence[Article]], None], ...] = (
    _home,
    _articles,
    _topics,
    _outlets,
    _dates,
    _problems,
    _data,
    _events,
    _actors,
    _places,
    _thresholds,
)


ArticlePages = tuple[dict[str, str], tuple[Problem, ...]]
"""The article pages (source path to content) and the corpus's problems after them."""

# The article pages (half the rendering) can be rendered by another process
# (generator/site/sidework.py); the steps after them read the problems that
# failed article pages add (left_out), the others do not.
_SIDE_STEPS = (_articles,)
_AFTER_SIDE = (_problems, _data)


def render_articles(corpus: Corpus, directory_urls: bool = True) -> ArticlePages:
    """Render the article pages and their listing, as :func:`render_site` renders them.

    Args:
        corpus: The corpus.
        directory_urls: MkDocs' ``use_directory_urls``.

    Returns:
        The pages, and the corpus's problems with one added per article page that failed.
    """
    site = SiteRenderer(corpus, directory_urls)
    for step in _SIDE_STEPS:
        step(site, corpus.articles)
    return site.pages, site.corpus.problems


def render_article_pages(
    corpus: Corpus, article_ids: Collection[str], directory_urls: bool = True
) -> dict[str, str]:
    """Render only the pages of the given articles (``mkdocs serve``'s first answer to an edit).

    Args:
        corpus: The corpus the pages are rendered from.
        article_ids: Ids of the articles whose pages are wanted.
        directory_urls: MkDocs' ``use_directory_urls`` (links depend on it).

    Returns:
        A mapping from source path to content, as :func:`render_site` gives them.
    """
    site = SiteRenderer(corpus, directory_urls)
    report = corpus.actors
    actor_names = {a.id: a.name for a in report.actors}
    place_names = {p.id: p.name for p in report.places}
    for article in corpus.articles:
        if article.id in article_ids:
            path = f"articles/{article.id}.md"
            try:
                _article_page(site, article, path, actor_names, place_names)
            except Exception as exc:  # isolation boundary: becomes a problem and a stub
                site.left_out(article, path, exc)
    return dict(sorted(site.pages.items()))


def render_site(
    corpus: Corpus,
    directory_urls: bool = True,
    articles: Callable[[], ArticlePages] | None = None,
) -> dict[str, str]:
    """Render every generated page of the site.

    Args:
        corpus: The corpus.
        directory_urls: MkDocs' ``use_directory_urls`` (links depend on it).
        articles: Returns :func:`render_articles` of this corpus (rendered by
            another process while this one renders the rest); None renders
            them here.

    Returns:
        A mapping from source path (relative to ``docs/``) to content.
    """
    site = SiteRenderer(corpus, directory_urls)
    return site.render() if articles is None else site.render_beside(articles)
