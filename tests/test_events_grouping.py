"""Grouping articles into events: text, dates, undated articles, pins, determinism."""

from __future__ import annotations

import random

from generator.events.grouping import group_articles
from generator.models import Article
from tests.factories import make_article

FLOOD = [
    "The regional council approved a new flood barrier for the harbour district on Monday. "
    "Engineers said the barrier would protect about 4,000 homes from storm surges.",
    "A flood barrier for the harbour district won council approval, protecting thousands of "
    "homes from storm surges, engineers said. Work on the barrier starts in spring.",
    "Harbour district residents cheered as councillors backed the storm surge barrier. "
    "The flood defences should shield homes along the harbour, engineers told residents.",
]
FOOTBALL = [
    "The national football team beat its rivals 3-1 in a qualifying match on Sunday. "
    "The striker scored twice and the coach praised the young squad.",
    "A young squad carried the national team to a qualifying win, with the striker scoring "
    "two goals as the coach celebrated in the stadium.",
    "Fans filled the stadium as the striker's two goals sealed a qualifying victory for the "
    "national football team, the coach said after the match.",
]
LONE = "A rare orchid bloomed in the botanical garden greenhouse, delighting visiting botanists."


def corpus(dates: tuple[str | None, ...] = ("2024-05-01", None, "2024-05-02")) -> list[Article]:
    out = [make_article(f"flood{i}", t, date=dates[i]) for i, t in enumerate(FLOOD)]
    out += [make_article(f"ball{i}", t, date="2024-05-01") for i, t in enumerate(FOOTBALL)]
    return [*out, make_article("orchid", LONE, date="2024-05-01")]


def test_recovers_events_including_undated_articles() -> None:
    groups = group_articles(corpus(), {}).groups
    assert sorted(groups) == [
        ("ball0", "ball1", "ball2"),
        ("flood0", "flood1", "flood2"),
        ("orchid",),
    ]


def test_grouping_does_not_depend_on_input_order() -> None:
    articles = corpus()
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert group_articles(articles, {}).groups == group_articles(shuffled, {}).groups


def test_articles_far_apart_in_time_are_not_one_event() -> None:
    groups = group_articles(corpus(("2024-05-01", "2024-05-02", "2024-09-01")), {}).groups
    assert ("flood2",) in groups


def test_blocking_compares_fewer_pairs_than_all() -> None:
    articles = corpus()
    found = group_articles(articles, {})
    assert found.candidates < len(articles) * (len(articles) - 1) // 2


def test_pin_overrides_and_pulls_its_cluster_along() -> None:
    articles = corpus()
    articles[0] = make_article("flood0", FLOOD[0], date="2024-05-01", event_pin="harbour-barrier")
    note = "Volunteers painted murals on the old railway viaduct over the weekend."
    articles.append(make_article("pinned-elsewhere", note, event_pin="harbour-barrier"))
    found = group_articles(articles, {})
    index = next(i for i, g in enumerate(found.groups) if "flood0" in g)
    assert found.pins[index] == "harbour-barrier"
    assert set(found.groups[index]) == {"flood0", "flood1", "flood2", "pinned-elsewhere"}


def test_shared_actors_make_candidates_even_without_word_overlap() -> None:
    articles = [
        make_article("x", "Talks resumed in the capital.", date="2024-05-01"),
        make_article("y", "Negotiators met again downtown.", date="2024-05-01"),
    ]
    found = group_articles(articles, {"x": ["jane-doe"], "y": ["jane-doe"]})
    assert found.candidates == 1


def arrest(player: str, position: str, day: str) -> str:
    surname = player.split()[-1]
    return (
        f"Harbor City Sharks {position} {player} was arrested on suspicion of drunk driving "
        f"early {day}, the highway patrol said. {surname} failed a field sobriety test after "
        f"officers stopped his car on the coastal freeway. The Sharks said they were aware "
        f"of the arrest of {surname} and would not comment further."
    )


def test_two_arrests_of_players_of_one_team_stay_two_events() -> None:
    articles = [
        make_article("a1", arrest("Marco Vellani", "receiver", "Sunday")),
        make_article("a2", arrest("Marco Vellani", "wide receiver", "Sunday morning")),
        make_article("b1", arrest("Dario Quent", "tackle", "Tuesday")),
        make_article("b2", arrest("Dario Quent", "defensive tackle", "Tuesday morning")),
    ]
    groups = group_articles(articles, {}).groups
    assert sorted(groups) == [("a1", "a2"), ("b1", "b2")]


def test_openings_naming_days_far_apart_are_two_events() -> None:
    text = " ".join(FLOOD[1:])
    articles = [
        make_article("early", f"The council met on May 1. {text}", date="2024-05-07"),
        make_article("late", f"The council met on May 12. {text}", date="2024-05-13"),
    ]
    assert sorted(group_articles(articles, {}).groups) == [("early",), ("late",)]
    same = [
        make_article("early", f"The council met on May 6. {text}", date="2024-05-07"),
        make_article("late", f"The council met on May 6. {text}", date="2024-05-13"),
    ]
    assert group_articles(same, {}).groups == (("early", "late"),)
