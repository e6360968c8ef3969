"""One YAML policy for front matter and both registries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.actors import parse_actor_registry
from generator.ingest.outlets import parse_outlets
from generator.ingest.reader import split_metadata
from generator.ingest.yaml_policy import FRONT_MATTER, OUTLET_REGISTRY, load_yaml
from generator.models import Problem, Severity


def outlet_problems(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in parse_outlets(text, "outlets.yml")[1]]


def actor_problems(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in parse_actor_registry(text, "actors.yml")[1]]


def front_matter_problems(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in split_metadata(f"---\n{text}---\nBody.\n", "a.md").problems]


ALIAS = {
    "front matter": ("base: &b x\nother: *b\n", front_matter_problems, 3),
    "outlets": ("outlets:\n  - &o {name: A}\n  - *o\n", outlet_problems, 3),
    "actors": (
        "actors:\n  - &a {name: A, type: state}\n  - *a\n",
        actor_problems,
        3,
    ),
}


@pytest.mark.parametrize("where", sorted(ALIAS))
def test_aliases_are_refused_everywhere(where: str) -> None:
    text, problems, line = ALIAS[where]
    assert problems(text) == [(line, "yaml-alias")]


@pytest.mark.parametrize(
    ("problems", "text", "line"),
    [
        (front_matter_problems, "title: a\ntitle: b\n", 3),
        (outlet_problems, "outlets:\n  - name: A\n    name: B\n", 3),
        (actor_problems, "actors:\n  - name: A\n    type: state\n    type: person\n", 4),
    ],
)
def test_duplicate_keys_are_reported_everywhere(
    problems: Callable[[str], list[tuple[int, str]]], text: str, line: int
) -> None:
    assert problems(text) == [(line, "duplicate-key")]


def test_yaml_1_1_booleans_stay_text_in_the_outlet_registry() -> None:
    entries, problems = parse_outlets("outlets:\n  - name: NO\n    aliases: [yes, on]\n", "o.yml")
    assert problems == []
    assert entries == [("NO", [], ["yes", "on"])]


def test_one_syntax_code_and_message_style_for_every_document() -> None:
    bad = "key: [a, b\nnext: c\n"
    seed = load_yaml(bad, "a.md", FRONT_MATTER, first_line=2).error
    registry = load_yaml(bad, "outlets.yml", OUTLET_REGISTRY).error
    assert seed is not None and registry is not None
    assert (seed.code, seed.line) == ("yaml-syntax", registry.line + 1)
    assert seed.message.startswith("Malformed YAML front matter: while parsing")
    assert registry.message.startswith("Malformed YAML in the outlet registry: while parsing")
    assert seed.message.endswith(".") and registry.message.endswith(".")


def test_a_value_yaml_cannot_build_leaves_the_rest() -> None:
    doc = load_yaml("date: 2023-02-30\ntitle: Kept\n", "a.md", FRONT_MATTER, first_line=2)
    assert doc.data == {"title": "Kept"}
    assert doc.error == Problem(
        "a.md",
        2,
        Severity.ERROR,
        "yaml-value",
        "YAML cannot build the value of 'date' (day is out of range for month); ignored.",
    )


def test_unknown_tags_are_malformed_not_a_crash() -> None:
    doc = load_yaml("x: !!python/object:os.system ls\n", "outlets.yml", OUTLET_REGISTRY)
    assert doc.error is not None and doc.error.code == "yaml-syntax"
