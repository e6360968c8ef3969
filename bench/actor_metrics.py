"""Score the actor analysis against hand-made labels (benchmarks and tests only).

Labels list, per article id, the actors a careful reader finds in the text:
a name plus other spellings that refer to the same actor. A predicted actor
is right when one of its names shares a key (:func:`name_key`) with one of
a label's names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.actors.records import ActorReport
from generator.actors.text import name_key
from generator.models import Article

Labels = Mapping[str, Sequence[Sequence[str]]]


def read_folder(folder: Path) -> list[Article]:
    """Read a seeds folder with the project's own reader (metadata inferred)."""
    from generator.pipeline import Settings, read_articles

    return read_articles(Settings(folder))[0]


def read_labels(path: Path) -> dict[str, list[list[str]]]:
    """Read a labels file: ``{"articles": {id: [{"name", "also"}...]}}``.

    Returns:
        Per article id, each label's names (the name first).
    """
    data = json.loads(path.read_text("utf-8"))
    return {
        article_id: [[label["name"], *label.get("also", [])] for label in labels]
        for article_id, labels in data["articles"].items()
    }


def predicted(report: ActorReport) -> dict[str, list[list[str]]]:
    """Return, per article id, the names of each actor the report finds there."""
    out: dict[str, list[list[str]]] = {}
    for actor in report.actors:
        for article_id in actor.article_ids:
            seen = sorted({m.text for m in actor.mentions if m.article_id == article_id})
            out.setdefault(article_id, []).append([actor.name, *actor.aliases, *seen])
    return out


@dataclass(frozen=True, slots=True)
class Score:
    """Micro-averaged precision and recall over articles."""

    predicted: int
    correct: int
    labelled: int
    found: int

    @property
    def precision(self) -> float:
        """Share of predicted actors that are labelled."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of labelled actors that are predicted."""
        return self.found / self.labelled if self.labelled else 1.0


def _keys(names: Sequence[str]) -> set[str]:
    """Return the keys of a list of names."""
    return {name_key(n) for n in names} - {""}


def score(guess: Labels, truth: Labels) -> Score:
    """Compare predicted names with labels over the labelled articles.

    Args:
        guess: Per article, each predicted actor's names.
        truth: Per article, each labelled actor's names.

    Returns:
        Counts behind precision and recall.
    """
    predicted_n = correct = labelled = found = 0
    for article_id, labels in sorted(truth.items()):
        label_keys = [_keys(label) for label in labels]
        guess_keys = [_keys(g) for g in guess.get(article_id, [])]
        predicted_n += len(guess_keys)
        correct += sum(1 for g in guess_keys if any(g & lab for lab in label_keys))
        labelled += len(label_keys)
        found += sum(1 for lab in label_keys if any(g & lab for g in guess_keys))
    return Score(predicted_n, correct, labelled, found)


def misses(guess: Labels, truth: Labels) -> tuple[list[str], list[str]]:
    """Return (false positives, false negatives) as "article: name" strings."""
    wrong, missed = [], []
    for article_id, labels in sorted(truth.items()):
        label_keys = [_keys(label) for label in labels]
        guesses = guess.get(article_id, [])
        wrong += [
            f"{article_id}: {g[0]}" for g in guesses if not any(_keys(g) & k for k in label_keys)
        ]
        missed += [
            f"{article_id}: {lab[0]}"
            for lab, k in zip(labels, label_keys, strict=True)
            if not any(_keys(g) & k for g in guesses)
        ]
    return wrong, missed
