"""The public API: analyse_events, EventReport lookups, stable ids, export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.events import analyse_events, events_export
from generator.models import Article, Origin
from tests.factories import make_article
from tests.test_events_grouping import FLOOD, FOOTBALL


def articles() -> list[Article]:
    out = [
        make_article(
            "flood0",
            FLOOD[0],
            title="Council backs harbour flood barrier",
            date="2024-05-01",
            tags=("environment",),
        ),
        make_article("flood1", FLOOD[1], title="Barrier approved", date="2024-05-02"),
        make_article("flood2", FLOOD[2], title="Residents cheer barrier vote"),
    ]
    out += [
        make_article(f"ball{i}", t, title=f"Match report {i}", date="2024-05-01")
        for i, t in enumerate(FOOTBALL)
    ]
    return out


def test_every_article_belongs_to_one_event() -> None:
    report = analyse_events(articles(), {}, {})
    assert len(report.events) == 2
    assert {report.event_of(a.id) for a in articles()} == {e.id for e in report.events}
    assert report.event_of("missing") is None


def test_untagged_articles_inherit_the_event_tags() -> None:
    report = analyse_events(articles(), {}, {})
    assert report.inherited_tags("flood1") == ("environment",)
    assert report.inherited_tags("flood0") == ()
    assert report.inherited_tags("ball0") == ()


def test_title_comes_from_a_member_and_the_id_from_the_first_report() -> None:
    report = analyse_events(articles(), {}, {})
    flood = report.event(report.event_of("flood0") or "")
    assert flood is not None
    assert flood.title in {a.title for a in articles() if a.id.startswith("flood")}
    first = next(a for a in articles() if a.id == flood.first_report)
    assert flood.id.startswith(first.title.lower().split()[0])


def test_an_event_keeps_its_id_when_a_later_report_joins() -> None:
    before = analyse_events(articles(), {}, {})
    flood_id = before.event_of("flood0")
    later = make_article(
        "flood9",
        FLOOD[0] + " Volunteers brought sandbags.",
        title="A completely different headline for the same flood",
        date="2024-05-03",
    )
    after = analyse_events([*articles(), later], {}, {})
    assert after.event_of("flood9") == flood_id
    assert after.event_of("flood0") == flood_id


def test_ids_do_not_change_when_another_event_grows() -> None:
    before = analyse_events(articles(), {}, {})
    extra = make_article(
        "ball9", FOOTBALL[0] + " Tickets sold out.", title="Late match report", date="2024-05-02"
    )
    after = analyse_events([*articles(), extra], {}, {})
    assert before.event_of("flood0") == after.event_of("flood0")
    assert after.event_of("ball9") == after.event_of("ball0")


def test_colliding_titles_get_a_short_hash() -> None:
    same = [
        dataclasses.replace(a, title="Same headline", title_origin=Origin.FRONT_MATTER)
        for a in articles()
    ]
    report = analyse_events(same, {}, {})
    ids = sorted(e.id for e in report.events)
    assert ids[0] == "same-headline" and ids[1].startswith("same-headline-") and len(ids[1]) == 20


def test_occurred_is_kept_apart_from_reported() -> None:
    body = FLOOD[0].replace("on Monday", "on Monday, April 29,")
    report = analyse_events([make_article("x", body, date="2024-05-02")], {}, {})
    event = report.events[0]
    assert event.occurred.date == dt.date(2024, 4, 29)
    assert event.reported_first == dt.date(2024, 5, 2)


def test_places_and_actors_ranked_by_how_many_articles_name_them() -> None:
    actors = {"flood0": ["ann-lee", "bo-li"], "flood1": ["ann-lee"], "flood2": []}
    places = {"flood0": ["Harbour"], "flood1": ["Harbour", "Quay"]}
    report = analyse_events(articles(), actors, places)
    flood = report.event(report.event_of("flood0") or "")
    assert flood is not None
    assert flood.actors == ("ann-lee", "bo-li") and flood.places == ("Harbour", "Quay")


def test_export_is_json_and_deterministic() -> None:
    shuffled = articles()
    random.Random(5).shuffle(shuffled)
    first = events_export(analyse_events(articles(), {}, {}))
    second = events_export(analyse_events(shuffled, {}, {}))
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert {"id", "title", "articles", "facts", "conflicts", "provenance"} <= set(first[0])


def test_degenerate_inputs() -> None:
    assert analyse_events([], {}, {}).events == ()
    empty = analyse_events([make_article("e", ""), make_article("f", "the of and")], {}, {})
    assert sorted(len(e.articles) for e in empty.events) == [1, 1]
    single = analyse_events([make_article("s", "Ten people were hurt on Monday.")], {}, {})
    assert single.events[0].facts[0].status == "single"


_WORDS = st.sampled_from(
    [
        "the",
        "bridge",
        "killed",
        "at least",
        "12",
        "twelve",
        "people",
        "on",
        "Monday",
        "since",
        "October 17",
        '"',
        "'",
        ",",
        ".",
        "said",
        "-",
        "170, 000",
        "U. S.",
        "(",
        ")",
        "dozens",
        "injured",
        "in",
        "Iraq",
        "2004",
        "The",
        "attack",
        "\n",
        "\n\n",
        "# Head",
        "|",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=60).map(" ".join), min_size=1, max_size=4))
def test_any_text_is_analysed_without_error(bodies: list[str]) -> None:
    articles_ = [make_article(f"a{i}", body, date="2024-01-02") for i, body in enumerate(bodies)]
    report = analyse_events(articles_, {}, {})
    assert sorted(a for e in report.events for a in e.articles) == sorted(a.id for a in articles_)
    json.dumps(events_export(report))


def test_articles_without_words_stay_alone() -> None:
    blank = [make_article(i, "", title=" ") for i in ("p", "q")]
    assert sorted(len(e.articles) for e in analyse_events(blank, {}, {}).events) == [1, 1]
