"""The report's derived views, the export, and properties on arbitrary text."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.actors import (
    ActorRegistry,
    ActorReport,
    ActorType,
    actors_export,
    analyse_actors,
    parse_actor_registry,
    places_export,
    suggestions_export,
)
from generator.models import Article
from tests.factories import make_article

REGISTRY = """\
actors:
  - name: United States
    type: state
    aliases: [U.S., US]
    demonyms: [American]
  - name: Pentagon
    type: government or political body
    affiliations:
      - part of: United States
  - name: Iran
    type: state
    demonyms: [Iranian]
  - name: Iraq
    type: state
places:
  - name: Baghdad
"""


def articles() -> list[Article]:
    return [
        make_article(
            "b",
            "US forces struck Iran-backed militias in Iraq, the Pentagon said.",
            publisher="Wire One",
            date="2023-11-22",
        ),
        make_article(
            "a",
            "U.S. troops near Baghdad faced Iranian-backed militants. Iran denied it.",
            publisher="Daily Two",
            date="2023-11-21",
        ),
        make_article("c", "Iraq said nothing.", credited=("Wire One",)),
    ]


def report() -> ActorReport:
    registry, _ = parse_actor_registry(REGISTRY, "actors.yml")
    return analyse_actors(articles(), registry)


def test_actors_of_lists_sorted_actor_ids_without_places() -> None:
    r = report()
    assert r.actors_of("a") == ("iran", "united-states")
    assert r.actors_of("b") == ("iran", "iraq", "pentagon", "united-states")
    assert r.actors_of("missing") == ()
    assert r.places_of("a") == ("baghdad",)


def test_spellings_and_descriptors_per_outlet() -> None:
    us = report().actor("united-states")
    assert us is not None
    usage = {u.outlet: [(c.value, c.count) for c in u.items] for u in us.spellings_by_outlet()}
    assert usage == {"Daily Two": [("U.S.", 1)], "Wire One": [("US", 1)]}
    iran = report().actor("iran")
    assert iran is not None
    described = {u.outlet: [c.value for c in u.items] for u in iran.descriptors_by_outlet()}
    assert described == {
        "Daily Two": ["Iranian-backed militants"],
        "Wire One": ["Iran-backed militias"],
    }
    assert [(c.value, c.count) for c in iran.spellings()] == [("Iran", 2), ("Iranian", 1)]


def test_co_occurrence_and_mention_dates() -> None:
    r = report()
    assert [(c.value, c.count) for c in r.co_occurring("iran")] == [
        ("united-states", 2),
        ("iraq", 1),
        ("pentagon", 1),
    ]
    iran = r.actor("iran")
    assert iran is not None
    assert (iran.first_mention, iran.last_mention) == (dt.date(2023, 11, 21), dt.date(2023, 11, 22))
    iraq = r.actor("iraq")
    assert iraq is not None and iraq.article_ids == ("b", "c")
    assert r.co_occurring("nobody") == ()


def test_actors_by_type_groups_mentioned_actors_in_vocabulary_order() -> None:
    grouped = [(t, [a.id for a in actors]) for t, actors in report().actors_by_type()]
    assert grouped == [
        ("state", ["iran", "iraq", "united-states"]),
        ("government or political body", ["pentagon"]),
    ]


def test_export_has_the_documented_fields() -> None:
    exported = actors_export(report())
    assert json.loads(json.dumps(exported)) == exported
    pentagon = next(a for a in exported if a["id"] == "pentagon")
    assert pentagon["type"] == "government or political body"
    assert pentagon["affiliations"] == [{"relation": "part of", "target": "united-states"}]
    assert pentagon["mentions"] == [
        {
            "article": "b",
            "text": "Pentagon",
            "sentence": "US forces struck Iran-backed militias in Iraq, the Pentagon said.",
            "line": 1,
            "form": "name",
            "descriptor": "",
            "role": None,
            "qualifies": None,
        }
    ]
    iran = next(a for a in exported if a["id"] == "iran")
    assert iran["aliases"] == ["Iranian"]
    assert (iran["first_mention"], iran["last_mention"]) == ("2023-11-21", "2023-11-22")
    assert [m["role"] for m in iran["mentions"]] == ["backer", None, "backer"]
    assert places_export(report())[0]["id"] == "baghdad"
    assert suggestions_export(report()) == []


def test_output_does_not_depend_on_article_order() -> None:
    registry, _ = parse_actor_registry(REGISTRY, "actors.yml")
    forward = analyse_actors(articles(), registry)
    backward = analyse_actors(list(reversed(articles())), registry)
    assert forward == backward


def test_unregistered_actors_get_pages_with_guessed_types() -> None:
    r = analyse_actors(
        [make_article("a", "The militia group Red Hand Brigade struck, spokesman Ivo Brun said.")],
        ActorRegistry(),
    )
    assert [(a.id, a.type, a.registered) for a in r.actors] == [
        ("ivo-brun", ActorType.PERSON, False),
        ("red-hand-brigade", ActorType.ORGANISATION, False),
    ]


WORDS = st.sampled_from(
    [
        "US", "us", "U.S.", "Iran", "Iran's", "Iranian-backed", "Iraq", "Pentagon", "Baghdad",
        "the", "said", "militia", "group", "Red", "Hand", "of", "al-", "Kataeb", "Prime",
        "Minister", "Anton", "Velkov", ",", ".", "\n", "\n\n", "#", "-", "|", "“", "”", "'s",
        "F-16", "Monday", "Ü", "é", "  ",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=40).map(" ".join), min_size=1, max_size=3))
def test_any_text_gives_consistent_mentions(bodies: list[str]) -> None:
    registry, _ = parse_actor_registry(REGISTRY, "actors.yml")
    arts = [make_article(f"a{i}", body) for i, body in enumerate(bodies)]
    r = analyse_actors(arts, registry)
    by_id = {a.id: a for a in arts}
    for record in (*r.actors, *r.places):
        for m in record.mentions:
            body = by_id[m.article_id].body
            assert " ".join(body[m.start : m.end].split()) == m.text
            assert 1 <= m.line <= body.count("\n") + 1
            assert m.text and m.text in " ".join(body.split())
    ids = [a.id for a in r.actors]
    assert ids == sorted(set(ids))
    assert r == analyse_actors(list(reversed(arts)), registry)
