from __future__ import annotations

from dataclasses import replace

import pytest

from generator.actors import ActorReport, Mention, analyse_actors, parse_actor_registry
from tests.factories import make_article

REGISTRY = """\
actors:
  - name: United States
    type: state
    aliases: [U.S., US]
    demonyms: [American]
  - name: Iran
    type: state
    demonyms: [Iranian]
  - name: Iraq
    type: state
    demonyms: [Iraqi]
  - name: Lebanon
    type: state
  - name: Hamas
    type: armed group or militia
  - name: Hezbollah
    type: armed group or militia
  - name: Kataib Hezbollah
    type: armed group or militia
  - name: Kataib Sayyid al-Shuhada
    type: armed group or militia
  - name: Mohammed Shia Al-Sudani
    type: person
places:
  - name: Baghdad
  - name: Ain al-Asad air base
"""


def analyse(*bodies: str) -> ActorReport:
    registry, problems = parse_actor_registry(REGISTRY, "actors.yml")
    assert problems == []
    articles = [make_article(f"a{i}", body) for i, body in enumerate(bodies)]
    return analyse_actors(articles, registry)


def mentions(report: ActorReport, actor_id: str) -> list[Mention]:
    actor = report.actor(actor_id)
    assert actor is not None
    return list(actor.mentions)


def texts(report: ActorReport, actor_id: str) -> list[str]:
    return [m.text for m in mentions(report, actor_id)]


def test_abbreviations_and_full_name_are_the_united_states() -> None:
    report = analyse("The U.S. said the United States and US forces and U. S. troops moved.")
    assert texts(report, "united-states") == ["U.S.", "United States", "US", "U. S."]


@pytest.mark.parametrize("body", ["Let us go.", "Us too, they said.", "The campus was quiet."])
def test_us_pronoun_and_words_containing_us_are_not_the_country(body: str) -> None:
    assert texts(analyse(body), "united-states") == []


def test_possessives_with_straight_and_curly_apostrophes() -> None:
    report = analyse("Iran's network and Lebanon’s Hezbollah grew.")
    assert texts(report, "iran") == ["Iran"]
    assert texts(report, "lebanon") == ["Lebanon"]
    assert mentions(report, "hezbollah")[0].descriptor == "Lebanon’s Hezbollah"


def test_demonyms_map_to_the_state() -> None:
    report = analyse(
        "American forces met the Iraqi Prime Minister. Iranian officials and Iraqis watched."
    )
    assert texts(report, "united-states") == ["American"]
    assert texts(report, "iraq") == ["Iraqi", "Iraqis"]
    assert [m.form for m in mentions(report, "iraq")] == ["demonym", "demonym"]
    assert texts(report, "iran") == ["Iranian"]


@pytest.mark.parametrize(
    ("body", "role", "qualifies", "descriptor"),
    [
        ("Strikes hit Iran-backed militias.", "backer", "militias", "Iran-backed militias"),
        ("It killed Iranian-backed militants.", "backer", "militants", "Iranian-backed militants"),
        ("Iran-allied Shia factions", "ally", "Shia factions", "Iran-allied Shia factions"),
        (
            "Attacks by Iran-aligned Iraqi militia groups rose.",
            "backer",
            "Iraqi militia groups",
            "Iran-aligned Iraqi militia groups",
        ),
    ],
)
def test_compounds_name_iran_as_backer_of_the_following_noun(
    body: str, role: str, qualifies: str, descriptor: str
) -> None:
    (mention,) = mentions(analyse(body), "iran")
    assert (mention.role, mention.qualifies, mention.descriptor) == (role, qualifies, descriptor)


def test_longest_match_wins() -> None:
    report = analyse("Kataib Hezbollah fired; Hezbollah did not.")
    assert texts(report, "kataib-hezbollah") == ["Kataib Hezbollah"]
    assert texts(report, "hezbollah") == ["Hezbollah"]


def test_transliteration_variant_merges_into_the_registered_actor() -> None:
    report = analyse("A Kataeb Hezbollah operations center was hit.", "Kataib Hezbollah said.")
    assert [(m.article_id, m.text, m.form) for m in mentions(report, "kataib-hezbollah")] == [
        ("a0", "Kataeb Hezbollah", "variant"),
        ("a1", "Kataib Hezbollah", "name"),
    ]
    assert texts(report, "hezbollah") == []
    assert [(m.actor_id, m.spelling, m.count) for m in report.merges] == [
        ("kataib-hezbollah", "Kataeb Hezbollah", 1)
    ]
    merged = [p for p in report.problems if p.code == "actor-variant-merged"]
    assert [(p.file, p.line) for p in merged] == [("a0.md", 1)]


@pytest.mark.parametrize(
    "spelling",
    [
        "Kataib Sayyid al Shuhada",
        "Kataib Sayyid Al-Shuhada",
        "Kataib Sayyid al-Shuhadá",
        "KATAIB SAYYID AL-SHUHADA",
    ],
)
def test_hyphens_articles_diacritics_and_capitals_are_the_same_name(spelling: str) -> None:
    assert texts(analyse(f"Fighters of {spelling} died."), "kataib-sayyid-al-shuhada") == [spelling]


def test_short_names_need_their_registered_spelling() -> None:
    assert texts(analyse("Hamis and Iren were there."), "hamas") == []
    assert texts(analyse("Hamis and Iren were there."), "iran") == []


def test_lower_case_common_words_do_not_match_capitalised_aliases() -> None:
    assert texts(analyse("the hamas of the story"), "hamas") == []


def test_places_are_not_actors() -> None:
    report = analyse("The Ain al-Asad air base west of Baghdad was hit.")
    assert report.actors_of("a0") == ()
    assert report.places_of("a0") == ("ain-al-asad-air-base", "baghdad")


def test_bare_surname_after_full_name() -> None:
    report = analyse(
        "Iraqi Prime Minister Mohammed Shia Al-Sudani spoke. Al-Sudani needed support."
    )
    assert [(m.text, m.form) for m in mentions(report, "mohammed-shia-al-sudani")] == [
        ("Mohammed Shia Al-Sudani", "name"),
        ("Al-Sudani", "surname"),
    ]
    assert mentions(report, "mohammed-shia-al-sudani")[0].descriptor == (
        "Iraqi Prime Minister Mohammed Shia Al-Sudani"
    )


def test_headings_in_capitals_still_match() -> None:
    assert texts(analyse("# IRAN AND THE U.S.\n\nBody."), "iran") == ["IRAN"]


def test_mentions_carry_sentence_and_file_line() -> None:
    article = make_article("x", "First line.\n\nThen Iran spoke. Later Iraq answered.")
    article = replace(article, body_line=7)
    registry, _ = parse_actor_registry(REGISTRY, "actors.yml")
    report = analyse_actors([article], registry)
    (iraq,) = mentions(report, "iraq")
    assert (iraq.sentence, iraq.line) == ("Later Iraq answered.", 9)
    assert article.body[iraq.start : iraq.end] == "Iraq"


def test_urls_are_not_matched() -> None:
    report = analyse("See [the report](https://example.com/US/Iran) and https://iran.example/US.")
    assert report.actors_of("a0") == ()
