"""What an event's comparison page shows: lookups and per-section limits."""

from __future__ import annotations

from dataclasses import dataclass

from generator.events import Event, ReuseLink
from generator.events.model import Conflict, ConflictSide, FactRow
from generator.models import Article
from generator.pipeline import Corpus
from generator.site.views import PAGE_SIZE

MAX_MATRIX_COLUMNS = 12
MAX_EVENT_ACTORS = 30


@dataclass(frozen=True, slots=True)
class EventView:
    """An event with the lookups its page needs."""

    event: Event
    members: tuple[Article, ...]
    articles: dict[str, Article]
    number: dict[str, int]
    outlets: tuple[str, ...]
    actors: tuple[tuple[str, str], ...]
    places: tuple[tuple[str, str], ...]
    actor_names: dict[str, str]
    reuses: dict[str, list[ReuseLink]]

    @property
    def current_facts(self) -> tuple[FactRow, ...]:
        """Facts about the event itself (background facts are listed apart)."""
        return tuple(f for f in self.event.facts if not f.background)

    @property
    def matrix_facts(self) -> tuple[FactRow, ...]:
        """Facts about the event that several articles report: the rows of the matrix."""
        return tuple(f for f in self.current_facts if len(f.cells) > 1)

    @property
    def single_facts(self) -> tuple[FactRow, ...]:
        """Facts only one article reports: listed below the matrix, not as rows of dashes."""
        return tuple(f for f in self.current_facts if len(f.cells) == 1)

    @property
    def background_facts(self) -> tuple[FactRow, ...]:
        """Facts about earlier events or biography: context, never conflicts."""
        return tuple(f for f in self.event.facts if f.background)

    @property
    def matrix_members(self) -> tuple[Article, ...]:
        """The articles that get a column in the facts matrix."""
        return self.members[:MAX_MATRIX_COLUMNS]

    def short_outlet(self, article_id: str) -> str:
        """The article's number and outlet ("#3 Reuters"), as the page names an article."""
        article = self.articles.get(article_id)
        label = article.outlet_label if article is not None else "unknown outlet"
        return f"#{self.number.get(article_id, '?')} {label}"

    def plain(self, text: str) -> str:
        """``text`` with article ids replaced by "#n Outlet" (readers know outlets, not ids)."""
        for article_id in sorted(self.number, key=len, reverse=True):
            text = text.replace(article_id, self.short_outlet(article_id))
        return text

    def ordered_sides(self, conflict: Conflict) -> tuple[ConflictSide, ...]:
        """Sides in article order, and each side's articles in article order.

        An update keeps its sides in publication order.
        """

        def rank(article_id: str) -> int:
            return self.number.get(article_id, 10**6)

        sides = tuple(
            ConflictSide(
                side.value,
                tuple(sorted(side.article_ids, key=rank)),
                tuple(sorted(side.quotes, key=lambda q: rank(q.article_id))),
            )
            for side in conflict.sides
        )
        if conflict.kind == "update":
            return sides
        return tuple(sorted(sides, key=lambda s: min((rank(a) for a in s.article_ids), default=0)))

    def row_status(self, row: FactRow) -> tuple[str, str]:
        """(css class, label) of a fact row's badge.

        ``conflict`` only when a discrepancy is shown for the row; a row whose values
        differ without matching frames reads "differs (not compared)".
        """
        if row.background:
            return ("single", "background")
        kinds = {c.kind for c in self.event.conflicts if c.fact_key == row.key}
        if "update" in kinds:
            return ("update", "update")
        if kinds == {"detail"}:
            # The number agrees; what is said around it differs (shown below).
            return ("conflict", f"agreed by {len(row.cells)}, details differ")
        if kinds:
            return ("conflict", "conflict")
        if row.status == "agreed":
            return ("agreed", f"agreed by {len(row.cells)}")
        if row.status == "single":
            return ("single", "one article")
        return ("differs", "differs, not compared")

    def fact_label(self, key: str) -> str:
        """Describe a fact by its key, with the value when only one article has it."""
        row = self.event.fact(key)
        if row is None:
            return key
        if len(row.cells) == 1:
            return f"{row.description}: {row.cells[0].value}"
        return row.description


def event_views(corpus: Corpus) -> list[EventView]:
    """Build the view of every event, most recent first."""
    articles = {a.id: a for a in corpus.articles}
    actor_names = {a.id: a.name for a in corpus.actors.actors}
    place_names = {p.id: p.name for p in corpus.actors.places}
    views_ = []
    for event in corpus.events.events:
        members = tuple(articles[i] for i in event.articles)
        reuses: dict[str, list[ReuseLink]] = {}
        for link_ in event.provenance:
            reuses.setdefault(link_.reuser, []).append(link_)
        views_.append(
            EventView(
                event=event,
                members=members,
                articles=articles,
                number={a.id: n for n, a in enumerate(members, start=1)},
                outlets=tuple(sorted({o for a in members for o in a.outlets})),
                actors=tuple((i, actor_names[i]) for i in event.actors if i in actor_names)[
                    :MAX_EVENT_ACTORS
                ],
                places=tuple((i, place_names[i]) for i in event.places if i in place_names)[
                    :MAX_EVENT_ACTORS
                ],
                actor_names=actor_names,
                reuses=reuses,
            )
        )
    return views_


@dataclass(frozen=True, slots=True)
class EventLimits:
    """How much of an event one page shows, so a page never grows without bound.

    Everything left out stays in the export and, for articles, on the event's
    paginated article list.
    """

    coverage: int = PAGE_SIZE
    facts: int = 40
    conflicts: int = 15
    sides: int = 6
    quotes: int = 2
    summary_chars: int = 400
    notes: int = 12
    note_items: int = 5
    timeline: int = 30
    reuse: int = 30
