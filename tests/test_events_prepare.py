"""The per-article part of the event comparison (generator.events.prepare)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.events import analyse_events
from generator.events.prepare import Prepared, ToPrepare, prepare_each, prepare_packed
from generator.picklers import Packed
from tests.factories import make_article

BODY = (
    "Police said 12 people were killed in the blast in Lowtown on Tuesday. "
    '"We will rebuild the market and we will not be afraid of those who did this," '
    "the mayor said. "
    "At least 30 people were injured, officials said."
)
OTHER = (
    "Police said 14 people were killed in the blast in Lowtown on Tuesday. "
    "At least 30 people were injured, officials said."
)


def test_every_article_is_prepared_once_and_an_undated_one_against_its_event() -> None:
    articles = [
        make_article("a", BODY, date="2024-03-05", event_pin="blast"),
        make_article("b", OTHER, date="2024-03-07", event_pin="blast"),
        make_article("c", OTHER + " It was the worst attack this year.", event_pin="blast"),
    ]
    seen: list[ToPrepare] = []

    def counting(items: Sequence[ToPrepare]) -> list[Packed[Prepared]]:
        seen.extend(items)
        return prepare_packed(items)

    report = analyse_events(articles, {}, {}, prepare_map=counting)
    assert report == analyse_events(articles, {}, {})
    assert [t.article.id for t in seen] == ["a", "b", "c"]
    undated = seen[2]
    # The undated report reads "Tuesday" against the event's latest report.
    assert undated.inferred and undated.reference == dt.date(2024, 3, 7)
    assert not seen[0].inferred and seen[0].reference == dt.date(2024, 3, 5)


def test_a_preparation_holds_the_articles_own_claims_lines_and_quotations() -> None:
    article = make_article("a", BODY, date="2024-03-05")
    (ready,) = prepare_each([ToPrepare(article, dt.date(2024, 3, 5), False)])
    assert ready.id == "a"
    assert {c.quantity.low for c in ready.claims} >= {12.0, 30.0}
    assert all(line.article_id == "a" for line in ready.lines) and len(ready.lines) == 3
    assert [q.text for q in ready.quotations] == [
        "We will rebuild the market and we will not be afraid of those who did this"
    ]
    assert "killed" in ready.vocabulary
