from __future__ import annotations

from pathlib import Path

import pytest

from generator.actors import (
    ActorRegistry,
    ActorType,
    Affiliation,
    Relation,
    load_actor_registry,
    parse_actor_registry,
)
from generator.models import Problem, Severity

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "actors"
TYPES = (
    "state, state forces, armed group or militia, government or political body, person, "
    "organisation, international body, coalition or alliance"
)


def error(file: str, line: int, code: str, message: str) -> Problem:
    return Problem(file, line, Severity.ERROR, code, message)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "unknown_type.yml",
            error(
                "unknown_type.yml",
                5,
                "actor-unknown-type",
                f'Unknown actor type "warlord band" for "Red Hand Brigade"; '
                f"expected one of: {TYPES}.",
            ),
        ),
        (
            "duplicate_alias.yml",
            error(
                "duplicate_alias.yml",
                9,
                "registry-duplicate-alias",
                'Alias "RU" of "Ruritanian Union" is already claimed by "Ruritania" (line 4).',
            ),
        ),
        (
            "unknown_affiliation.yml",
            error(
                "unknown_affiliation.yml",
                8,
                "actor-unknown-affiliation",
                'Affiliation "part of" of "Red Hand Brigade" points to unknown actor '
                '"Blue Hand Alliance".',
            ),
        ),
        (
            "malformed.yml",
            error(
                "malformed.yml",
                5,
                "yaml-syntax",
                "Malformed YAML in the actor registry: while parsing a flow sequence: "
                "expected ',' or ']', but got '-'.",
            ),
        ),
    ],
)
def test_bad_registry_reports_file_line_and_message(fixture: str, expected: Problem) -> None:
    _, problems = load_actor_registry(FIXTURES / fixture)
    assert problems == [expected]


def test_faulty_parts_are_left_out_and_the_rest_kept() -> None:
    registry, _ = load_actor_registry(FIXTURES / "unknown_type.yml")
    assert [a.id for a in registry.actors] == ["ruritania"]
    registry, _ = load_actor_registry(FIXTURES / "duplicate_alias.yml")
    union = registry.actor("ruritanian-union")
    assert union is not None and union.aliases == ("RUN",)
    registry, _ = load_actor_registry(FIXTURES / "unknown_affiliation.yml")
    brigade = registry.actor("red-hand-brigade")
    assert brigade is not None
    assert brigade.affiliations == (Affiliation(Relation.BACKED_BY, "ruritania"),)


def test_label_names_the_file_in_problems() -> None:
    _, problems = load_actor_registry(FIXTURES / "unknown_type.yml", label="seeds/actors.yml")
    assert [p.file for p in problems] == ["seeds/actors.yml"]


@pytest.mark.parametrize("path", [None, Path("/nonexistent/actors.yml")])
def test_missing_registry_is_empty_without_problems(path: Path | None) -> None:
    assert load_actor_registry(path) == (ActorRegistry(), [])


def test_empty_document_is_an_empty_registry() -> None:
    registry, problems = parse_actor_registry("", "actors.yml")
    assert registry.actors == () and problems == []


def test_entry_fields_and_affiliations_resolve_by_name_or_alias() -> None:
    text = """\
actors:
  - name: Ruritania
    type: State
    aliases: [RU]
    demonyms: [Ruritanian]
    wikidata: Q1
    description: A kingdom.
  - name: Red Hand Brigade
    type: armed_group_or_militia
    affiliations:
      - backed by: RU
      - Part Of: ruritania
places:
  - name: Strelsau
    aliases: [Strelsau city]
"""
    registry, problems = parse_actor_registry(text, "actors.yml")
    assert problems == []
    kingdom = registry.actor("ruritania")
    assert kingdom is not None
    assert (kingdom.type, kingdom.aliases, kingdom.demonyms) == (
        ActorType.STATE,
        ("RU",),
        ("Ruritanian",),
    )
    assert (kingdom.wikidata, kingdom.description, kingdom.line) == ("Q1", "A kingdom.", 2)
    brigade = registry.actor("red-hand-brigade")
    assert brigade is not None and brigade.type is ActorType.ARMED_GROUP
    assert brigade.affiliations == (
        Affiliation(Relation.BACKED_BY, "ruritania"),
        Affiliation(Relation.PART_OF, "ruritania"),
    )
    assert [(p.id, p.aliases) for p in registry.places] == [("strelsau", ("Strelsau city",))]


def test_other_problems_are_reported() -> None:
    text = """\
actors:
  - name: Ruritania
    type: state
    colour: blue
  - name: ruritania
    type: state
  - type: person
  - name: Rudolf
    affiliations:
      - rules: Ruritania
  - name: Flavia
    type: person
    affiliations:
      - rules: Ruritania
extra: 1
"""
    _, problems = parse_actor_registry(text, "actors.yml")
    assert [(p.line, p.severity, p.code) for p in problems] == [
        (15, Severity.WARNING, "registry-unknown-key"),
        (4, Severity.WARNING, "registry-unknown-key"),
        (5, Severity.ERROR, "registry-duplicate-id"),
        (7, Severity.ERROR, "registry-missing-name"),
        (8, Severity.ERROR, "actor-missing-type"),
        (14, Severity.ERROR, "actor-unknown-relation"),
    ]
    assert problems[2].message == '"ruritania" has the same id "ruritania" as "Ruritania" (line 2).'


def test_alias_claimed_by_an_actor_and_a_place_is_reported() -> None:
    text = "actors:\n  - name: Strelsau\n    type: state\nplaces:\n  - name: Strelsau\n"
    _, problems = parse_actor_registry(text, "actors.yml")
    assert [p.code for p in problems] == ["registry-duplicate-id"]


def test_starter_registry_is_valid_and_keeps_one_spelling_of_kataib_hezbollah() -> None:
    registry, problems = load_actor_registry(ROOT / "seeds" / "actors.yml")
    assert problems == []
    kh = registry.actor("kataib-hezbollah")
    assert kh is not None and not any("Kataeb" in a for a in kh.aliases)
    pentagon = registry.actor("pentagon")
    assert pentagon is not None
    assert Affiliation(Relation.PART_OF, "united-states") in pentagon.affiliations
    assert {p.id for p in registry.places} >= {"baghdad", "anbar", "jurf-al-saqr"}


def test_unreadable_registry_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_bytes(b"actors:\n  - name: \xff\xfe\n")
    registry, problems = load_actor_registry(path)
    assert registry.actors == ()
    assert [(p.file, p.line, p.code) for p in problems] == [("actors.yml", 1, "unreadable")]
