"""Discovery with an empty (or small) registry, on invented names only."""

from __future__ import annotations

import pytest

from generator.actors import ActorRegistry, ActorReport, analyse_actors, parse_actor_registry
from generator.models import Severity
from tests.factories import make_article


def discover(*bodies: str, registry: ActorRegistry | None = None) -> ActorReport:
    articles = [make_article(f"a{i}", body) for i, body in enumerate(bodies)]
    return analyse_actors(articles, registry or ActorRegistry())


def kinds(report: ActorReport) -> dict[str, str]:
    return {s.name: s.kind for s in report.suggestions}


def test_people_introduced_by_a_title() -> None:
    report = discover(
        "On Monday, Prime Minister Anton Velkov met Deputy Ruritanian Press Secretary Mara Dovic. "
        "Later spokesman Petr Kral said nothing, and Spokesman Ivo Brun agreed."
    )
    found = kinds(report)
    for name in ("Anton Velkov", "Mara Dovic", "Petr Kral", "Ivo Brun"):
        assert found[name] == "person"
    assert "Prime Minister" not in found and "Press Secretary" not in found


def test_organisations_introduced_by_their_kind() -> None:
    found = kinds(
        discover(
            "The militia group Red Hand Brigade struck. Officials blamed the Ostrava Falcons group."
        )
    )
    assert found["Red Hand Brigade"] == "organisation"
    assert found["Ostrava Falcons"] == "organisation"


def test_appositives_say_what_a_name_is() -> None:
    found = kinds(
        discover(
            "Fighters of Sayyid Kazar, an Iran-backed militia, died. "
            "Lena Moro, a local doctor, treated them."
        )
    )
    assert found == {"Sayyid Kazar": "organisation", "Lena Moro": "person", "Iran": "name"}


def test_recurring_proper_noun_phrases_are_suggested_once_off_ones_are_not() -> None:
    report = discover(
        "Troops of the Vardan Union crossed.",
        "Later the Vardan Union withdrew and Ostrik Dale watched.",
    )
    names = {s.name for s in report.suggestions}
    assert "Vardan Union" in names
    assert "Ostrik Dale" not in names


@pytest.mark.parametrize(
    "body",
    [
        "# Frequently Asked Questions\n\nQ: What happened?\n\nA: Nothing.",
        "Background\n\nSources:\n\nFrequently Asked Questions (FAQ)",
        "On Monday and Tuesday in November, nothing happened. By Friday in March it was over.",
        "An F-16 and an AC-130 and the AC-130J flew. Two F-16 jets and an AC-130 returned.",
        "Social media posts spread. Social media posts continued. Military vehicles moved.",
        "Recent Attacks On Our Forces\n\nThe Week In Review\n\nRecent Attacks On Our Army",
        "To err is human, but AI does it too. AI writes. The TV and the AI.",
    ],
)
def test_no_junk(body: str) -> None:
    assert discover(body).suggestions == ()


def test_sentence_initial_capitals_are_not_names_but_names_opening_sentences_are() -> None:
    report = discover(
        "Tensions rose. The tensions grew. Velkov spoke. Later, Velkov left. "
        "Several officials stayed."
    )
    assert [s.name for s in report.suggestions] == ["Velkov"]


def test_places_are_told_apart_and_are_not_actors() -> None:
    report = discover(
        "Rockets hit a base west of Zenda. Troops moved into Tarlenia province.",
        "Drones struck near Zenda. Tarlenia province was calm.",
    )
    assert kinds(report) == {"Tarlenia": "place", "Zenda": "place"}
    assert report.actors_of("a0") == ()
    assert report.places_of("a0") == ("tarlenia", "zenda")


def test_demonyms_join_their_country_and_bare_demonyms_are_dropped() -> None:
    report = discover(
        "Ruritanian forces advanced. Later Ruritania denied it. Ruritanians protested. "
        "Pallasian militants fled and Pallasian officials hid."
    )
    actor = report.actor("ruritania")
    assert actor is not None
    assert [(m.text, m.form) for m in actor.mentions] == [
        ("Ruritanian", "demonym"),
        ("Ruritania", "discovered"),
        ("Ruritanians", "demonym"),
    ]
    assert "Pallasian" not in kinds(report)


def test_bare_surnames_join_the_full_name_of_the_same_article() -> None:
    report = discover(
        "Prime Minister Anton Velkov spoke. Velkov then left. Mr. Velkov returned.",
        "Velkov was not named in full here, and Velkov stayed.",
    )
    actor = report.actor("anton-velkov")
    assert actor is not None
    assert [(m.article_id, m.text) for m in actor.mentions] == [
        ("a0", "Anton Velkov"),
        ("a0", "Velkov"),
        ("a0", "Velkov"),
        ("a1", "Velkov"),
        ("a1", "Velkov"),
    ]


def test_initials_do_not_split_a_person() -> None:
    report = discover("Counsel Mira J. Holt spoke. Later, lawyer Mira Holt said more.")
    assert [s.name for s in report.suggestions] == ["Mira J. Holt"]
    assert report.suggestions[0].spellings == ("Mira Holt", "Mira J. Holt")


def test_suggestions_carry_contexts_and_problems() -> None:
    report = discover("Intro.\n\nThe militia group Red Hand Brigade struck.")
    (suggestion,) = report.suggestions
    (context,) = suggestion.contexts
    assert (context.article_id, context.file, context.line) == ("a0", "a0.md", 3)
    assert context.sentence == "The militia group Red Hand Brigade struck."
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.severity, problem.code) == (
        "a0.md",
        3,
        Severity.INFO,
        "actor-unregistered",
    )
    assert problem.message == (
        'unregistered name "Red Hand Brigade" (organisation, 1 mention in 1 article); '
        "add it to actors.yml"
    )


REGISTRY = """\
actors:
  - name: Kataib Hezbollah
    type: armed group or militia
"""


def test_fuzzy_step_proposes_but_never_merges() -> None:
    registry, _ = parse_actor_registry(REGISTRY, "actors.yml")
    report = discover(
        "The Kataib Hizballah militia and the Kataib Hizballah group fired.", registry=registry
    )
    (suggestion,) = report.suggestions
    assert (suggestion.name, suggestion.similar_to) == ("Kataib Hizballah", "kataib-hezbollah")
    assert suggestion.similarity is not None and suggestion.similarity >= 88
    kh = report.actor("kataib-hezbollah")
    assert kh is not None and kh.mentions == ()


def test_hezbollah_is_never_merged_into_kataib_hezbollah() -> None:
    registry, _ = parse_actor_registry(REGISTRY, "actors.yml")
    report = discover("Lebanon's Hezbollah fired. Hezbollah said so.", registry=registry)
    kh = report.actor("kataib-hezbollah")
    assert kh is not None and kh.mentions == ()
    hezbollah = report.actor("hezbollah")
    assert hezbollah is not None and not hezbollah.registered
    assert [s.similar_to for s in report.suggestions if s.name == "Hezbollah"] == [None]


def test_a_longer_name_seen_across_articles_covers_a_registered_one() -> None:
    registry, _ = parse_actor_registry(
        "actors:\n  - name: United States\n    type: state\n    aliases: [US, U.S.]\n", "actors.yml"
    )
    report = discover(
        "The U.S. Geological Survey said so.",
        "The US Geological Survey said it too. US troops left.",
        registry=registry,
    )
    us = report.actor("united-states")
    assert us is not None and [(m.article_id, m.text) for m in us.mentions] == [("a1", "US")]
    assert {s.name for s in report.suggestions} == {"U.S. Geological Survey"}


def test_discovered_name_with_a_registered_slug_is_that_actor() -> None:
    registry, _ = parse_actor_registry(
        "actors:\n  - name: Vardan-Union\n    type: organisation\n", "actors.yml"
    )
    report = discover(
        "Troops of the Vardan Union crossed. The Vardan Union left.", registry=registry
    )
    actor = report.actor("vardan-union")
    assert actor is not None and actor.registered and len(actor.mentions) == 2
    assert report.suggestions == ()
