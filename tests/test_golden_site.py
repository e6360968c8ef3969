"""Golden tests of the generated pages (HTML fragments) for a small fixture corpus."""

from __future__ import annotations

import re
from pathlib import Path

from generator.export import corpus_record, dumps
from generator.pipeline import Settings, build_corpus
from generator.site.exportfile import EXPORT_PATH
from generator.site.render import render_site
from tests.golden_util import check_tree

GOLDEN = Path(__file__).parent / "golden" / "site"


def test_generated_pages_match_golden_files() -> None:
    corpus = build_corpus(Settings(GOLDEN / "input"))
    # The plugin writes the export beside the pages (exportfile.py): checked with them.
    export = {EXPORT_PATH: dumps(corpus_record(corpus))}
    check_tree({**render_site(corpus), **export}, GOLDEN / "expected")


def test_rendering_is_deterministic() -> None:
    first = render_site(build_corpus(Settings(GOLDEN / "input")))
    second = render_site(build_corpus(Settings(GOLDEN / "input")))
    assert first == second


PLURAL_AFTER_ONE = re.compile(
    r"\b1 (articles|mentions|events|outlets|named outlets|topics|seed files|publication days"
    r"|problems|sentences|words|files|actors|types|facts|discrepancies)\b|\w\(s\)"
)


def test_counts_of_one_take_the_singular() -> None:
    """ "1 event", not "1 events"; no "mention(s)" on any generated page of the fixture corpus."""
    pages = render_site(build_corpus(Settings(GOLDEN / "input")))
    wrong = {
        path: match.group(0)
        for path, text in pages.items()
        for match in [PLURAL_AFTER_ONE.search(text)]
        if match
    }
    assert wrong == {}
