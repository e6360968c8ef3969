"""Property-based tests: reading never raises, and front matter round-trips."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.export import article_record, dumps
from generator.ingest.extract import clean_title, infer_article, normalise_tag
from generator.ingest.outlets import load_outlet_registry
from generator.ingest.reader import decode, parse_seed
from generator.models import Origin
from generator.text import paragraphs, sentences

REGISTRY, _ = load_outlet_registry(None)
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Fragments that steer generated text into the reader's interesting branches.
FRAGMENTS = st.sampled_from(
    [
        "---\n",
        " date ",
        "date: ",
        "2031-04-08 ",
        "title: ",
        "tags: [a, b]\n",
        "sources:\n  - javascript:x\n",
        "# ",
        "Sources:\n",
        "- [W](https://w.example/)\n",
        "(Reuters) - ",
        " – Example.com",
        "Tuesday, November 21",
        "OLD PORT. Boats are seen here.",
        "written by AI.",
        "&a [*a]",
        "\r\n",
        "\ufeff",
        "|a|b|\n",
        "\n\n",
        "when:\n  2031-01-01: y\n",
        "n: .nan\n",
        "s: !!set {b, a}\n",
    ]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=25).map("".join)


def read_and_infer(data: bytes) -> None:
    seed, problems = parse_seed(data, "p.md", "p")
    for problem in problems:
        assert problem.file == "p.md" and problem.line >= 1
    if seed is not None:
        article, found = infer_article(seed, REGISTRY)
        assert article.title.strip()
        assert all(p.line >= 1 for p in found)
        # The export is strict JSON whatever the front matter held.
        json.loads(dumps(article_record(article)), parse_constant=reject_constant)


def reject_constant(name: str) -> None:
    raise AssertionError(f"the export holds {name}, which is not JSON")


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    decode(data, "p.md")
    read_and_infer(data)


@PROPERTY_SETTINGS
@given(TEXTS)
def test_arbitrary_text_never_raises(text: str) -> None:
    read_and_infer(text.encode("utf-8", errors="surrogatepass"))


@PROPERTY_SETTINGS
@given(TEXTS)
def test_text_helpers_never_raise_and_keep_lines_in_range(text: str) -> None:
    lines = text.split("\n")
    for para in paragraphs(text):
        assert 1 <= para.line <= len(lines)
    for sentence in sentences(text):
        assert sentence and sentence in text


# A title is one line of text; YAML line breaks other than \n are excluded with it.
TITLES = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda t: t.strip() != "")
TAGS = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20))


@PROPERTY_SETTINGS
@given(title=TITLES, tags=TAGS)
def test_front_matter_written_from_title_and_tags_round_trips(title: str, tags: list[str]) -> None:
    meta = yaml.safe_dump({"title": title, "tags": tags}, allow_unicode=True)
    data = f"---\n{meta}---\n\nThe pier reopened on Monday. Crews were pleased.\n".encode()
    seed, problems = parse_seed(data, "p.md", "p")
    assert seed is not None
    assert [p.code for p in problems] == []
    assert seed.meta_origin is Origin.FRONT_MATTER
    assert dict(seed.meta) == {"title": title, "tags": tags}
    article, found = infer_article(seed, REGISTRY)
    assert article.title == clean_title(title, markdown=False)  # declared: text, not Markdown
    assert article.title_origin is Origin.FRONT_MATTER
    expected_tags = tuple(dict.fromkeys(t for t in map(normalise_tag, tags) if t))
    assert article.tags == expected_tags
    assert [p.code for p in found] == ["tags-empty"] * sum(1 for t in tags if not normalise_tag(t))
