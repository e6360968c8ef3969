"""Golden JSON of the event export.

Regenerate with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_events_golden.py``.
The shared-corpus file keeps only numbers, ids, dates and statuses: no text of
the corpus is copied into the project.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from generator.events import analyse_events, events_export
from tests.events_support import NEWS_EVENTS, ROOT, SEEDS, load_dir

GOLDEN = ROOT / "tests" / "golden" / "events"
_TEXT_KEYS = frozenset(
    {
        "title",
        "description",
        "summary",
        "sentence",
        "reuser_sentence",
        "source_sentence",
        "action",
        "action_sentence",
        "names",
        "descriptors",
        "text",
        "value",
        "basis",
    }
)


def redact(node: Any) -> Any:
    """Drop every field that quotes or paraphrases article text."""
    if isinstance(node, dict):
        return {k: redact(v) for k, v in node.items() if k not in _TEXT_KEYS}
    if isinstance(node, list):
        return [redact(v) for v in node]
    return node


def hashed_ids(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace event slugs (made from headlines) by a short hash of them."""
    return [{**e, "id": hashlib.sha1(e["id"].encode("utf-8")).hexdigest()[:10]} for e in events]


def check(name: str, data: Any) -> None:
    path = GOLDEN / name
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing {path}; run with UPDATE_GOLDEN=1"
    assert text == Path(path).read_text(encoding="utf-8")


def test_seeds_golden() -> None:
    check("seeds.json", events_export(analyse_events(load_dir(SEEDS), {}, {})))


@pytest.mark.skipif(not NEWS_EVENTS.is_dir(), reason="shared corpus absent")
def test_seeds_and_corpus_golden() -> None:
    articles = load_dir(SEEDS) + load_dir(NEWS_EVENTS)
    exported = events_export(analyse_events(articles, {}, {}))
    check("seeds_and_corpus.json", redact(hashed_ids(exported)))
