"""The seeds and the shared corpus against hand-made labels.

Labels live in tests/labels/. Figures are printed (run with ``-s``); the
bench script bench/eval_actors.py prints the same with the misses.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bench.actor_metrics import Score, predicted, read_folder, read_labels, score
from generator.actors import ActorRegistry, ActorReport, analyse_actors, load_actor_registry
from generator.actors.records import Affiliation, Relation

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "news-events"
LABELS = Path(__file__).resolve().parent / "labels"


@cache
def seeds_report(starter: bool) -> ActorReport:
    registry = load_actor_registry(SEEDS / "actors.yml")[0] if starter else ActorRegistry()
    return analyse_actors(read_folder(SEEDS), registry)


def spellings(report: ActorReport, actor_id: str) -> set[str]:
    actor = report.actor(actor_id)
    assert actor is not None, actor_id
    return {m.text for m in actor.mentions}


def test_expected_actors_on_the_seeds() -> None:
    r = seeds_report(True)
    assert {"U.S.", "US", "United States"} <= spellings(r, "united-states")
    pentagon = r.actor("pentagon")
    assert pentagon is not None and pentagon.mentions
    assert Affiliation(Relation.PART_OF, "united-states") in pentagon.affiliations
    for actor_id in (
        "iran",
        "iraq",
        "syria",
        "israel",
        "mohammed-shia-al-sudani",
        "sabrina-singh",
        "kataib-sayyid-al-shuhada",
        "islamic-resistance-in-iraq",
        "alwiyat-al-waad-al-haq",
        "hezbollah",
        "hamas",
        "axis-of-resistance",
        "qasem-soleimani",
    ):
        assert spellings(r, actor_id), actor_id
    assert {"Islamic State", "ISIS"} <= spellings(r, "islamic-state")


def test_kataib_hezbollah_is_one_actor_for_both_spellings() -> None:
    r = seeds_report(True)
    kh = r.actor("kataib-hezbollah")
    assert kh is not None
    assert {m.text for m in kh.mentions} == {"Kataib Hezbollah", "Kataeb Hezbollah"}
    by_spelling = {m.text: m.article_id for m in kh.mentions}
    assert by_spelling["Kataib Hezbollah"] != by_spelling["Kataeb Hezbollah"]
    assert r.actor("kataeb-hezbollah") is None
    hezbollah = r.actor("hezbollah")
    assert hezbollah is not None and {m.text for m in hezbollah.mentions} == {"Hezbollah"}
    for m in hezbollah.mentions:
        assert not any(
            k.article_id == m.article_id and k.start < m.end and m.start < k.end
            for k in kh.mentions
        )


def test_places_are_not_actors_on_the_seeds() -> None:
    r = seeds_report(True)
    actor_ids = {a.id for a in r.actors if a.mentions}
    place_ids = {p.id for p in r.places if p.mentions}
    assert {"baghdad", "anbar", "ain-al-asad-air-base", "jurf-al-saqr"} <= place_ids
    assert not actor_ids & place_ids


def check(name: str, s: Score, precision: float, recall: float) -> None:
    print(
        f"\n{name}: precision {s.precision:.1%} ({s.correct}/{s.predicted}), "
        f"recall {s.recall:.1%} ({s.found}/{s.labelled})"
    )
    assert s.precision >= precision
    assert s.recall >= recall


@pytest.mark.parametrize(
    ("starter", "precision", "recall"), [(True, 0.95, 0.95), (False, 0.9, 0.85)]
)
def test_precision_and_recall_on_the_seeds(starter: bool, precision: float, recall: float) -> None:
    s = score(predicted(seeds_report(starter)), read_labels(LABELS / "actors_seeds.json"))
    check(f"seeds, {'starter' if starter else 'empty'} registry", s, precision, recall)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/news-events is absent")
@pytest.mark.parametrize("starter", [True, False])
def test_precision_and_recall_on_the_shared_corpus(starter: bool) -> None:
    registry = load_actor_registry(SEEDS / "actors.yml")[0] if starter else ActorRegistry()
    report = analyse_actors(read_folder(CORPUS), registry)
    s = score(predicted(report), read_labels(LABELS / "actors_news_events.json"))
    check(f"news-events, {'starter' if starter else 'empty'} registry", s, 0.85, 0.9)


def test_labels_cover_every_seed() -> None:
    labels = read_labels(LABELS / "actors_seeds.json")
    assert sorted(labels) == sorted(a.id for a in read_folder(SEEDS))
