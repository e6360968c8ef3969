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
import base64
import html
import json
import os
import queue
import shutil
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pagefind.index import IndexConfig
from pagefind.service import PagefindService
from pagefind.service.types import InternalDecodedFile, InternalResponseType

from generator.pipeline import Corpus
from generator.site.pagefind_bundle import canonical_bundle

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


def _config(site_dir: Path) -> IndexConfig:
    return IndexConfig(
        force_language="en",
        output_path=str(site_dir / "pagefind"),
        # Permalink anchors (¶) would end up in every result title.
        exclude_selectors=[".headerlink"],
    )


async def _index(site_dir: Path) -> int:
    service = _PromptService()
    await service.launch()
    try:
        index = await service.create_index(_config(site_dir))
        result = await index.add_directory(str(site_dir))
        # Written from the files Pagefind returns, like the overlapped index,
        # so both go through the same canonical re-encoding.
        _write_bundle(site_dir / "pagefind", await index.get_files())
    finally:
        await service.stop()
    return int(result["page_count"])


class _PromptService(PagefindService):
    """Pagefind's service client, reading each response as soon as it arrives.

    pagefind 1.5's own client sleeps 0.1 s before reading each response: one
    call per site (``add_directory``) does not notice, one call per page
    (``add_html_file``, 1,600 pages) would wait minutes for the answers.
    """

    async def launch(self) -> _PromptService:
        """Start ``pagefind --service`` as the client does, reading answers of any size.

        The bundle comes back in one answer (``get_files``), larger than the
        client's 2 MiB line limit at a few hundred pages.
        """
        self._backend = await asyncio.create_subprocess_exec(
            self._bin,
            "--service",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            limit=1 << 31,
        )
        self._poll_task = self._loop.create_task(self._wait_for_responses())
        return self

    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        assert stdout is not None  # the service is started with a pipe
        while True:
            output = await stdout.readuntil(b",")
            response = json.loads(base64.b64decode(output[:-1]))
            future = self._responses.get(response.get("message_id"))
            if future is None or future.done():
                continue  # an answer to nothing this client waits for
            payload = response["payload"]
            if payload["type"] == InternalResponseType.ERROR.value:
                future.set_exception(RuntimeError(f"Pagefind: {payload['message']}"))
            else:
                future.set_result(payload)

    async def stop(self) -> None:
        """End Pagefind (closing its input) and wait for it to exit."""
        self._poll_task.cancel()
        if self._backend.stdin is not None:
            self._backend.stdin.close()
        try:
            await asyncio.wait_for(self._backend.wait(), timeout=60)
        except TimeoutError:
            self._backend.terminate()
            await self._backend.wait()


class OverlappedIndex:
    """A Pagefind index fed page by page while MkDocs is still rendering.

    Pagefind parses each page in its own process (the machine's other core)
    as soon as MkDocs has written it; :meth:`finish` adds the HTML files no
    page hook saw (404.html, HTML copied from docs/, pages a ``--dirty``
    build kept), in path order, and writes the index. Pages Pagefind would
    drop (no ``data-pagefind-body`` on a site that has some) are not sent. The index holds the
    same pages, words, filters and fragments as :func:`index_site` on the
    finished folder; only Pagefind's internal page numbers follow the order
    pages arrive in: MkDocs' build order, fixed by the site's files, so the
    index does not change from one build of the same site to the next.

    Pages travel through a bounded queue to one thread that runs Pagefind's
    asyncio client: MkDocs waits only when Pagefind falls ``backlog`` pages behind.

    Args:
        site_dir: The folder MkDocs writes the site into.
        backlog: Pages queued at most before :meth:`add` waits.
    """

    def __init__(self, site_dir: Path, backlog: int = 256) -> None:
        self._site = site_dir.resolve()
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue(backlog)
        self._added: set[str] = set()
        self._unmarked: list[str] = []
        self._marked = False
        # Set once the thread has taken close()'s end marker off the queue.
        self._ended = False
        self._result: int | BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="briefing-pagefind", daemon=True)
        self._thread.start()

    def add(self, path: str, page_html: str) -> None:
        """Queue one written page; ``path`` is its output path relative to the site folder.

        A page without ``data-pagefind-body`` is left on disk: once any page
        has one, Pagefind drops the others (listings), so they are sent only
        if no page of the site turns out to have one.
        """
        self._added.add(path)
        if _BODY in page_html:
            self._marked = True
            self._queue.put((path, page_html))
        else:
            self._unmarked.append(path)

    def finish(self) -> int:
        """Add the files no hook saw, write the index and stop Pagefind.

        Returns:
            The number of pages indexed.

        Raises:
            RuntimeError: Pagefind failed (the original error is chained).
        """
        for name in _html_files(self._site):
            if name not in self._added:
                self.add(name, self._read(name))
        if not self._marked:
            for name in self._unmarked:
                self._queue.put((name, self._read(name)))
        self.close()
        if isinstance(self._result, BaseException):
            raise RuntimeError("the search index was not written") from self._result
        if self._result is None:
            raise RuntimeError("the search index was not written")
        return self._result

    def _read(self, name: str) -> str:
        return (self._site / name).read_text("utf-8", errors="replace")

    def close(self) -> None:
        """Stop feeding Pagefind (on a failed build, nothing is written)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        try:
            self._result = asyncio.run(self._consume())
        except BaseException as exc:  # handed to the building thread by finish()
            self._result = exc
            # Let add() never block on a queue nobody reads any more; a failure
            # after the end marker was taken (writing the bundle) has nothing
            # left to drain, and waiting for another marker would hang close().
            while not self._ended and self._queue.get() is not None:
                pass

    async def _consume(self) -> int:
        service = _PromptService()
        await service.launch()
        try:
            index = await service.create_index(_config(self._site))
            # Pagefind's own count: with any data-pagefind-body on the site,
            # only pages that have one (and any words) are indexed.
            words: list[tuple[bool, bool]] = []
            done = False
            while not done:
                # Whatever MkDocs wrote meanwhile goes out in one batch, in
                # arrival order (each send writes its message before yielding),
                # so Pagefind parses while this thread waits for the GIL.
                batch = [self._queue.get()]
                while batch[-1] is not None and not self._queue.empty():
                    batch.append(self._queue.get_nowait())
                done = self._ended = batch[-1] is None
                pages = [item for item in batch if item is not None]
                sends = [
                    asyncio.ensure_future(
                        index.add_html_file(content=_as_written(html), source_path=path)
                    )
                    for path, html in pages
                ]
                responses = await asyncio.gather(*sends)
                words += [
                    (_BODY in html, bool(response["page_word_count"]))
                    for (_, html), response in zip(pages, responses, strict=True)
                ]
            # Pagefind answers a write before its last files reach the disk
            # (stopped then, it can leave empty files): the bundle is asked
            # for instead, and written here.
            _write_bundle(self._site / "pagefind", await index.get_files())
            custom = any(body for body, _ in words)
            return sum(1 for body, has_words in words if has_words and (body or not custom))
        finally:
            await service.stop()


def _write_bundle(folder: Path, files: Iterable[InternalDecodedFile]) -> None:
    """Write Pagefind's bundle into ``folder`` (emptied first: its file names are hashes).

    The files go through :func:`canonical_bundle` first: as Pagefind returns
    them, the filter files (and the two files naming them) differ between
    two runs over the same pages.
    """
    if folder.exists():
        shutil.rmtree(folder)
    bundle = canonical_bundle({file["path"]: file["content"] for file in files})
    for path, content in sorted(bundle.items()):
        target = folder / path
        if not target.resolve().is_relative_to(folder.resolve()):
            raise RuntimeError(f"Pagefind named a file outside its folder: {path!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


# Pagefind's marker of the part of a page to index (mark_page writes it).
_BODY = "data-pagefind-body"


def _html_files(site_dir: Path) -> list[str]:
    """The HTML files under ``site_dir`` (Pagefind's own folder aside), as sorted relative paths."""
    found = []
    for folder, subfolders, names in os.walk(site_dir):
        if Path(folder) == site_dir and "pagefind" in subfolders:
            subfolders.remove("pagefind")
        relative = Path(folder).relative_to(site_dir)
        found += [(relative / n).as_posix() for n in names if n.endswith(".html")]
    return sorted(found)


def _as_written(page_html: str) -> str:
    """The text of the file MkDocs writes (it replaces what UTF-8 cannot encode)."""
    return page_html.encode("utf-8", errors="xmlcharrefreplace").decode("utf-8")


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
