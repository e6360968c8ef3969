"""Per-seed isolation: a seed that makes a stage raise is left out of it, with a problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.isolation import isolate
from generator.models import Article, Severity
from generator.pipeline import Settings, build_corpus
from generator.plugin import GeneratedPage
from generator.site import render
from generator.site.pagehtml import PageFinisher, anchor_headings
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
    real = render.body_html

    def body(text: str, title: str) -> str:
        if "3 people" in text:
            raise RecursionError("deep")
        return real(text, title)

    monkeypatch.setattr(render, "body_html", body)
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


def test_a_generated_page_that_cannot_be_finished_is_published_as_a_stub(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path)})
    assert config.validate() == ([], [])

    def finish(html: str) -> str:
        if "poison" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return html

    finisher = PageFinisher(None, finish)
    pages = {}
    for name, text in (("a", "poison"), ("b", "fine")):
        content = anchor_headings(f"<h1>{name.upper()}</h1>\n<p>{text}</p>\n")
        file = File(f"articles/{name}.md", None, str(tmp_path / "site"), True)
        file.content_string = content
        pages[name] = page = GeneratedPage(None, file, config, finisher)
        page.read_source(config)
        page.render(config, None)  # type: ignore[arg-type]
    assert pages["a"].title == "Page not available" and "could not be built" in str(
        pages["a"].content
    )
    assert pages["b"].title == "B" and "fine" in str(pages["b"].content)
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert [r.getMessage() for r in warnings] == [
        "briefing: articles/a.md could not be rendered (RecursionError); a stub page was published."
    ]
