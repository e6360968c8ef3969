"""Per-seed isolation: a seed that makes a stage raise is left out of it, with a problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from generator import pipeline
from generator.isolation import isolate
from generator.models import Article, Severity
from generator.pipeline import Settings, build_corpus
from generator.plugin import _guard_render
from generator.site import render
from generator.site.render import render_site
from tests.factories import make_article

STORY = "Rockets hit the base near the harbour on Monday, officials said. {n} people were hurt.\n"


def seeds(tmp_path: Path, names: Sequence[str]) -> Path:
    for number, name in enumerate(names):
        (tmp_path / f"{name}.md").write_text(STORY.format(n=number + 2), encoding="utf-8")
    return tmp_path


def poisoned(real: Any, bad: str) -> Any:
    """Wrap a corpus-wide stage so that it raises whenever the article ``bad`` is in its input."""

    def stage(articles: Sequence[Article], *args: Any, **kwargs: Any) -> Any:
        if any(a.id == bad for a in articles):
            raise RecursionError("maximum recursion depth exceeded")
        return real(articles, *args, **kwargs)

    return stage


def internal_errors(corpus: pipeline.Corpus) -> list[tuple[str, str]]:
    return [(p.file, p.message) for p in corpus.problems if p.code == "internal-error"]


@pytest.mark.parametrize(
    ("stage", "label"),
    [("analyse_actors", "matching actors in"), ("analyse_events", "grouping and comparing")],
)
def test_a_stage_failing_on_one_seed_leaves_only_that_seed_out(
    stage: str, label: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, stage, poisoned(getattr(pipeline, stage), "c"))
    corpus = build_corpus(Settings(seeds(tmp_path, "abcde")))
    assert [a.id for a in corpus.articles] == list("abcde")  # still published
    [(file, message)] = internal_errors(corpus)
    assert file == "c.md"
    assert label in message and "RecursionError" in message
    if stage == "analyse_events":
        assert corpus.events.event_of("c") is None
        assert corpus.events.event_of("a") is not None


def test_inference_failing_on_one_seed_drops_only_that_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.infer_article

    def infer(raw: Any, outlets: Any) -> Any:
        if raw.id == "b":
            raise ValueError("min() arg is an empty sequence")
        return real(raw, outlets)

    monkeypatch.setattr(pipeline, "infer_article", infer)
    corpus = build_corpus(Settings(seeds(tmp_path, "abc")))
    assert [a.id for a in corpus.articles] == ["a", "c"]
    assert internal_errors(corpus) == [
        (
            "b.md",
            "Internal error while reading the metadata of this seed (ValueError: min() arg is "
            "an empty sequence); it was left out of that step.",
        )
    ]


def test_a_page_that_fails_to_render_becomes_a_stub_and_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = build_corpus(Settings(seeds(tmp_path, "ab")))
    real = render.body_markdown

    def body(text: str, title: str) -> str:
        if "3 people" in text:
            raise RecursionError("deep")
        return real(text, title)

    monkeypatch.setattr(render, "body_markdown", body)
    pages = render_site(corpus)
    assert "could not be built" in pages["articles/b.md"]
    assert "could not be built" not in pages["articles/a.md"]
    assert "b.md" in pages["problems/index.md"] and "internal-error" in pages["problems/index.md"]


def test_interaction_failures_are_narrowed_to_one_seed() -> None:
    articles = [make_article(i, "text") for i in "abcdef"]

    def stage(some: Sequence[Article]) -> int:
        ids = {a.id for a in some}
        if {"b", "e"} <= ids:  # fails only when both are present
            raise KeyError("e")
        return len(some)

    result, kept, problems = isolate(stage, articles, "testing")
    assert result == 5
    assert [a.id for a in kept] == list("abcdf")
    assert [(p.file, p.severity) for p in problems] == [("e.md", Severity.ERROR)]


def test_a_stage_that_fails_on_nothing_is_a_bug_and_raises() -> None:
    def stage(some: Sequence[Article]) -> int:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        isolate(stage, [make_article("a", "text")], "testing")


class _FakePage:
    """Just enough of an MkDocs page for the render guard."""

    def __init__(self) -> None:
        self.markdown = "*a " * 3 + "b"
        self.file = SimpleNamespace(src_uri="articles/a.md")
        self.rendered: list[str] = []

    def render(self, config: object, files: object) -> None:
        if self.markdown.startswith("*a"):
            raise RecursionError("maximum recursion depth exceeded")
        self.rendered.append(self.markdown)


def test_markdown_failing_on_a_generated_page_publishes_a_stub(
    caplog: pytest.LogCaptureFixture,
) -> None:
    page = _FakePage()
    _guard_render(page, page.render)  # type: ignore[arg-type]
    page.render(None, None)
    assert page.rendered == ["# Page not available\n\nThis page could not be built.\n"]
    assert "articles/a.md could not be rendered (RecursionError)" in caplog.text
