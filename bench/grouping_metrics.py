"""Scores for the event grouping against hand-made labels (used by tests and the benchmark)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    """B-cubed precision and recall of a clustering, averaged over items."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(predicted: Mapping[str, str], truth: Mapping[str, str]) -> BCubed:
    """B-cubed precision and recall over the items present in both mappings.

    Args:
        predicted: Item → predicted cluster.
        truth: Item → true cluster.

    Returns:
        The scores (1.0 each when the clusterings are identical).
    """
    items = sorted(set(predicted) & set(truth))
    if not items:
        return BCubed(0.0, 0.0)
    precision = recall = 0.0
    for item in items:
        same_predicted = {i for i in items if predicted[i] == predicted[item]}
        same_truth = {i for i in items if truth[i] == truth[item]}
        both = len(same_predicted & same_truth)
        precision += both / len(same_predicted)
        recall += both / len(same_truth)
    return BCubed(precision / len(items), recall / len(items))
