"""Mutation fuzzing: hostile variations of real-looking seeds never raise, anywhere.

Each example writes a few seeds (and sometimes registries) made by mutating a
plausible article (front matter, dates, numbers, nesting, encodings, control
characters), then runs the whole pipeline, renders every page (seed bodies go
through Python-Markdown there, where the toc extension once recursed to
death), and finishes every page as the plugin does (sanitiser, headings).
Nothing may raise, and no page may need its stub.

``make test`` runs a quick profile; ``make fuzz`` runs the ``fuzz`` profile
(thousands of examples, minutes): ``HYPOTHESIS_PROFILE=fuzz``.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.models import Severity
from generator.pipeline import Settings, build_corpus
from generator.site.pagehtml import read_page
from generator.site.render import render_site
from generator.site.sanitize import sanitize_html

settings.register_profile(
    "quick",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


DATES = st.sampled_from(
    [
        "2023-11-21",
        "2022-02-29",
        "2023-02-30",
        "",
        "null",
        "[2023, 11]",
        "99999-01-01",
        "0001-01-01",
        "'November 31, 2022'",
        "2023-13-01",
        "1e400",
        "{a: 1}",
    ]
)
PHRASES = st.sampled_from(
    [
        "The strike on February 29 killed 4 people.",
        "On November 31 officials said 12 were wounded.",
        "It killed " + "9" * 400 + " people.",
        "Between 10 and 1e308 people died on Tuesday, November 21.",
        "Rockets hit the base on Monday, the Pentagon said.",
        '"Alpha Group" claimed the attack, according to Reuters.',
        "*a " * 40 + "b" + " a*" * 40,
        "[" * 200,
        "(" * 100 + ")" * 3,
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "# Heading\n\nShort Line\n\nMore text follows here.",
        "- item one\n- item two",
        "WASHINGTON (Reuters) - Officials said.",
        "Officials said the strike killed 4 people. " * 30,
        "a\n" * 50,
    ]
)
NOISE = st.sampled_from(["\u202e", "\u2066", "\x1b[31m", "\x00", "\x0c", "\ufeff", "\r", "\u0085"])
NESTED = st.integers(min_value=1, max_value=60).map(lambda n: "[" * n + "]" * n)


@st.composite
def seeds(draw: st.DrawFn) -> bytes:
    """One seed: front matter (maybe broken) and a body of mutated phrases, then encoded."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("---\n")
        parts.append(f"title: {draw(st.sampled_from(['Report', '7*7', '', '[x]', 'a: b']))}\n")
        parts.append(f"date: {draw(DATES)}\n")
        if draw(st.booleans()):
            parts.append(f"tags: {draw(NESTED)}\n")
        if draw(st.booleans()):
            parts.append("title: Again\n")
        parts.append("---\n\n" if draw(st.integers(0, 9)) else "\n")
    body = draw(st.lists(st.one_of(PHRASES, NOISE, st.text(max_size=30)), max_size=12))
    parts.append("\n\n".join(body))
    text = "".join(parts)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32", "bom2"]))
    if encoding == "bom2":
        data = codecs.BOM_UTF8 * 2 + text.encode("utf-8", "surrogatepass")
    else:
        data = text.encode(encoding, "surrogatepass")
    return draw(_mutated(data))


@st.composite
def _mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """Up to three byte-level mutations: insert random bytes, delete or repeat a slice."""
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        end = draw(st.integers(at, min(len(data), at + 64)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
        elif action == "delete":
            data = data[:at] + data[end:]
        else:
            data = data[:end] + data[at:end] * draw(st.integers(1, 50)) + data[end:]
    return data


REGISTRIES = st.sampled_from(
    [
        None,
        "[" * 300,
        "actors:\n  - name: Alpha Group\n    type: armed group\n",
        "actors:\n  - name: Alpha\n    type: armed group\n    name: Beta\n",
        "places: {a: [b, [c, [d]]]}",
        "\ufeffactors: 7",
    ]
)


def _render_everything(folder: Path) -> None:
    corpus = build_corpus(Settings(folder))
    for problem in corpus.problems:
        assert problem.line >= 1
        assert problem.severity in Severity
    pages = render_site(corpus)
    for path, content in pages.items():
        if path.endswith(".md"):
            read_page(content, sanitize_html)
            assert "could not be built" not in content, path


@PROFILE
@given(
    st.lists(seeds(), min_size=1, max_size=3),
    REGISTRIES,
    st.sampled_from([None, "[" * 300, "outlets:\n  - name: X\n    domains: [x.example]\n"]),
)
def test_mutated_seeds_never_raise(
    tmp_path_factory: pytest.TempPathFactory,
    contents: list[bytes],
    actors: str | None,
    outlets: str | None,
) -> None:
    folder = tmp_path_factory.mktemp("seeds")
    for number, data in enumerate(contents):
        (folder / f"{number:03d}.md").write_bytes(data)
    if actors is not None:
        (folder / "actors.yml").write_text(actors, encoding="utf-8")
    if outlets is not None:
        (folder / "outlets.yml").write_text(outlets, encoding="utf-8")
    _render_everything(folder)
