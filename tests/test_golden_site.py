"""Golden tests of the generated Markdown for a small fixture corpus."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import Settings, build_corpus
from generator.site.render import render_site
from tests.golden_util import check_tree

GOLDEN = Path(__file__).parent / "golden" / "site"


def test_generated_pages_match_golden_files() -> None:
    corpus = build_corpus(Settings(GOLDEN / "input"))
    check_tree(render_site(corpus), GOLDEN / "expected")


def test_rendering_is_deterministic() -> None:
    first = render_site(build_corpus(Settings(GOLDEN / "input")))
    second = render_site(build_corpus(Settings(GOLDEN / "input")))
    assert first == second
