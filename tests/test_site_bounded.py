"""The home page and actor pages stay the same size as the corpus grows (bytes, never time)."""

from __future__ import annotations

import re

import pytest

from generator.pipeline import Corpus, Settings, build_corpus
from generator.site import render
from generator.site.render import render_site
from tests.synthetic import write_corpus

# 200 and 800 synthetic articles cover about 50 and 200 days, 45 and 175 events.
SMALL, LARGE = 200, 800
# What may differ between the two sizes: which events are latest, how long
# their facts are. A page that grew with the corpus would be about 4x.
FACTOR = 1.5


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Corpus]:
    folder = tmp_path_factory.mktemp("bounded")
    return {n: build_corpus(Settings(write_corpus(folder / str(n), n))) for n in (SMALL, LARGE)}


@pytest.fixture(scope="module")
def sites(corpora: dict[int, Corpus]) -> dict[int, dict[str, str]]:
    return {n: render_site(corpus) for n, corpus in corpora.items()}


def largest_actor_page(pages: dict[str, str]) -> int:
    return max(
        len(text) for path, text in pages.items() if re.fullmatch(r"actors/[^_].*\.md", path)
    )


@pytest.mark.slow
def test_the_home_page_does_not_grow_with_the_corpus(sites: dict[int, dict[str, str]]) -> None:
    small, large = len(sites[SMALL]["index.md"]), len(sites[LARGE]["index.md"])
    assert large < FACTOR * small
    home = sites[LARGE]["index.md"]
    assert home.count("<h3 ") == render.LATEST_EVENTS_ON_HOME
    assert "All 1" in home  # the link to every event, whose count did grow


@pytest.mark.slow
def test_the_largest_actor_page_does_not_grow_with_the_corpus(
    sites: dict[int, dict[str, str]],
) -> None:
    assert largest_actor_page(sites[LARGE]) < FACTOR * largest_actor_page(sites[SMALL])


@pytest.mark.slow
def test_an_actor_page_lists_only_its_most_recent_events(
    corpora: dict[int, Corpus], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cap (20) fills only past a few thousand articles: a lower one shows it working.
    monkeypatch.setattr(render, "MAX_EVENTS_ON_ACTOR", 3)
    monkeypatch.setattr(render, "MAX_VALUES_PER_OUTLET", 1)
    pages = render_site(corpora[LARGE])
    capped = [text for path, text in pages.items() if "3 most recent of" in text]
    assert capped, "no actor is named in more than 3 events"
    for text in capped:
        events = re.search(r'<h2 id="events".*?(?=<h2)', text, re.DOTALL)
        assert events is not None and events.group().count("<li>") == 3
    for path, text in pages.items():
        if path.startswith("actors/") and "Spellings used" in text:
            table = text.split("Spellings used", 1)[1].split("</table>", 1)[0]
            spellings = [row.split("<td>")[2] for row in table.split("<tr>")[1:]]
            assert all(cell.count(", ") == 0 for cell in spellings), path
