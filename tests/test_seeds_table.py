"""The table of expected metadata for the five seeds (issue 2), checked on the JSON export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.conftest import SEEDS

# seed prefix: (published date, its source, inferred, publisher, credited, tags)
TABLE: dict[str, tuple[str | None, str | None, bool, str | None, list[str], list[str]]] = {
    "000": (
        "2023-11-21",
        "source URL",
        False,
        None,
        ["Reuters", "CNN"],
        ["usa", "iraq", "conflicts"],
    ),
    "001": ("2023-11-21", "inline header", False, None, [], []),
    "002": ("2023-11-22", "inline header", False, None, ["Reuters"], []),
    "003": ("2023-11-21", "text", True, "Rappler", [], []),
    "004": (None, None, False, None, [], []),
}
AI_WRITTEN = {"004"}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("export") / "corpus.json"
    assert main(["export", "--seeds", str(SEEDS), "--out", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def by_prefix(export: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"][:3]: a for a in export["articles"]}


def test_every_seed_is_an_article(export: dict[str, Any]) -> None:
    assert sorted(by_prefix(export)) == sorted(TABLE)
    assert export["seeds_read"] == len(TABLE)
    assert [a["file"] for a in export["articles"]] == sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("prefix", sorted(TABLE))
def test_seed_row(export: dict[str, Any], prefix: str) -> None:
    date, source, inferred, publisher, credited, tags = TABLE[prefix]
    article = by_prefix(export)[prefix]
    assert article["published"]["date"] == date
    assert article["published"]["source"] == source
    assert article["published"]["inferred"] is inferred
    assert article["published"]["precision"] == ("day" if date else None)
    assert article["publisher"] == publisher
    assert [c["outlet"] for c in article["credited"]] == credited
    assert article["tags"] == tags
    assert ("ai-written" in article["flags"]) is (prefix in AI_WRITTEN)


@pytest.mark.parametrize("prefix", sorted(TABLE))
def test_seed_titles_are_short_plain_headlines(export: dict[str, Any], prefix: str) -> None:
    article = by_prefix(export)[prefix]
    title = article["title"]
    assert title and not title.startswith(("#", "-", "*"))
    assert len(title.split()) <= 19
    # The title is never the whole lede.
    assert title.rstrip("…") not in (article["summary"], article["summary"].rstrip("…"))


def test_seed_003_caption_is_not_the_title_or_the_date(export: dict[str, Any]) -> None:
    article = by_prefix(export)["003"]
    assert article["title_source"] == "lede"
    assert "2020" not in article["published"]["date"]
    assert "year 2023 inferred" in article["published"]["note"]


def test_seeds_have_no_errors_or_warnings(export: dict[str, Any]) -> None:
    # Info-level notes (unregistered names, merged spellings) are expected.
    assert [p for p in export["problems"] if p["severity"] != "info"] == []


def test_seed_files_are_unchanged_copies_of_the_shared_seeds() -> None:
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not present")
    for path in sorted(Path(shared).iterdir()):
        assert (SEEDS / path.name).read_bytes() == path.read_bytes()
