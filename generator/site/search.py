"""Site search with Pagefind: what each page contributes, and the index itself.

Pagefind indexes the built HTML after MkDocs has written it, and the browser
then fetches only the index chunks a query needs (instead of Material's one
JSON file holding the whole site). This module decides, per generated page:

- articles and events are indexed with their full text, and carry filters
  (outlet, topic, actor, date) plus every registered spelling of the actors
  they name, so a query in any spelling finds them;
- pages about one actor, place, outlet or topic are indexed *lightly*: their
  title and the actor's spellings only (their mention lists repeat sentences
  already indexed on the article pages and would crowd them out);
- listings (home, indexes, dates, problems, data, further pages of a listing)
  are not indexed at all.

Pages are marked by wrapping the sanitised HTML in an element carrying
``data-pagefind-*`` attributes; the wrapper is added after sanitising, so the
allow-list never needs to admit those attributes for seed-derived markup.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from generator.pipeline import Corpus

#: Filters offered by the search box, in display order.
FILTERS = ("outlet", "topic", "actor", "date")


class Weight(StrEnum):
    """How much of a page goes into the index."""

    FULL = "full"
    LIGHT = "light"


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """How one page is indexed.

    Attributes:
        weight: Full text, or only what is not in a table.
        filters: ``(filter, value)`` pairs, e.g. ``("outlet", "Reuters")``.
        spellings: Extra words indexed with the page (actors' other spellings).
    """

    weight: Weight
    filters: tuple[tuple[str, str], ...] = ()
    spellings: tuple[str, ...] = ()


def search_entries(corpus: Corpus) -> dict[str, SearchEntry]:
    """Map generated source paths (``articles/x.md``) to how they are indexed.

    Pages not in the mapping are left out of the index.
    """
    spellings = {a.id: (a.name, *a.aliases) for a in corpus.actors.actors}
    names = {a.id: a.name for a in corpus.actors.actors}
    entries: dict[str, SearchEntry] = {}
    articles = {a.id: a for a in corpus.articles}
    for article in corpus.articles:
        actor_ids = corpus.actors.article_actors.get(article.id, ())
        day = article.published.date.isoformat() if article.published.date else None
        entries[f"articles/{article.id}.md"] = SearchEntry(
            Weight.FULL,
            _filters(
                article.outlets,
                (*article.tags, *article.inferred_tags),
                (names[i] for i in actor_ids if i in names),
                [day] if day else [],
            ),
            _unique(s for i in actor_ids for s in spellings.get(i, ())),
        )
    for event in corpus.events.events:
        members = [articles[i] for i in event.articles if i in articles]
        first = event.reported_first.isoformat() if event.reported_first else None
        entries[f"events/{event.id}.md"] = SearchEntry(
            Weight.FULL,
            _filters(
                (o for a in members for o in a.outlets),
                (t for a in members for t in (*a.tags, *a.inferred_tags)),
                (names[i] for i in event.actors if i in names),
                [first] if first else [],
            ),
            _unique(s for i in event.actors for s in spellings.get(i, ())),
        )
    light = SearchEntry(Weight.LIGHT)
    for actor in corpus.actors.actors:
        entries[f"actors/{actor.id}.md"] = SearchEntry(
            Weight.LIGHT, (), _unique(spellings[actor.id])
        )
    for place in corpus.actors.places:
        entries[f"places/{place.id}.md"] = light
    return entries


def light_prefixes() -> tuple[str, ...]:
    """Folders whose first page is indexed lightly even without an entry (outlets, topics)."""
    return ("outlets/", "topics/")


def entry_for(src_uri: str, entries: Mapping[str, SearchEntry]) -> SearchEntry | None:
    """The entry of a generated page, or None when it stays out of the index."""
    found = entries.get(src_uri)
    if found is not None:
        return found
    folder, _, name = src_uri.partition("/")
    if f"{folder}/" in light_prefixes() and name and name != "index.md" and "/" not in name:
        return SearchEntry(Weight.LIGHT)
    return None


def mark_page(page_html: str, entry: SearchEntry | None, title: str = "") -> str:
    """Wrap a page's sanitised HTML with the Pagefind attributes of ``entry``.

    A light page contributes only its title and the spellings in ``entry``;
    its body (mention lists, tables, affiliations) stays out of the index.
    Every value is escaped: titles, filter values and spellings come from seeds.
    """
    if entry is None:
        return page_html
    parts = ['<div data-pagefind-body class="briefing-search-body">']
    if entry.weight is Weight.LIGHT:
        parts += ['<div data-pagefind-ignore="all">', page_html, "</div>"]
    else:
        parts.append(page_html)
    hidden = [
        f'<span data-pagefind-filter="{html.escape(name)}">{html.escape(value)}</span>'
        for name, value in entry.filters
    ]
    if entry.weight is Weight.LIGHT and title:
        hidden.append(f'<p data-pagefind-meta="title">{html.escape(title)}</p>')
    if entry.spellings:
        hidden.append(f"<p>{html.escape(' · '.join(entry.spellings))}</p>")
    if hidden:
        # Indexed but never shown: `hidden` keeps it off screen and out of the
        # accessibility tree; Pagefind reads the HTML, not the rendering.
        parts.append('<div hidden class="briefing-search-terms">' + "".join(hidden) + "</div>")
    parts.append("</div>")
    return "".join(parts)


def index_site(site_dir: Path) -> int:
    """Index the built site with Pagefind into ``site_dir/pagefind``.

    Returns:
        The number of pages indexed.
    """
    return asyncio.run(_index(site_dir.resolve()))


async def _index(site_dir: Path) -> int:
    # Imported here so that the pipeline and the CLI never need the binary.
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language="en",
        output_path=str(site_dir / "pagefind"),
        # Permalink anchors (¶) would end up in every result title.
        exclude_selectors=[".headerlink"],
    )
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
    return int(result["page_count"])


def _filters(
    outlets: Iterable[str],
    topics: Iterable[str],
    actors: Iterable[str],
    days: Iterable[str],
) -> tuple[tuple[str, str], ...]:
    values = (outlets, topics, actors, days)
    return tuple((name, v) for name, vs in zip(FILTERS, values, strict=True) for v in _unique(vs))


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
