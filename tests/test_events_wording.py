"""How an article words the event: the names it gives actors, searched sentence by sentence."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.events.document import Doc, build_doc
from generator.events.wording import _matches, _name_pattern, _patterns, wording
from tests.factories import make_article

_WORDS = ["Tom", "Perez", "tom", "perez", "Tom-Perez", "said", "the", "chairman", ",", "."]


def _doc(body: str) -> Doc:
    article = make_article("a", body, date="2024-01-05")
    return build_doc(article, dt.date(2024, 1, 5), inferred=False)


def test_wording_reads_names_and_descriptors() -> None:
    doc = _doc("Tom Perez, the chairman of the party, said so. Perez left early.\n")
    found = wording(doc, {"tom-perez": ("Tom Perez",)})
    assert [(a.actor_id, a.names) for a in found.actors] == [("tom-perez", ("Tom Perez", "Perez"))]
    assert found.actors[0].descriptors == ("the chairman of the party",)


def test_a_name_split_between_two_sentences_is_not_a_mention() -> None:
    doc = _doc("They met Tom. Perez was not there.\n")
    assert wording(doc, {"tom-perez": ("Tom Perez",)}).actors[0].names == ("Perez",)
    assert wording(doc, {"x": ("Tom Perez Smith",)}).actors == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), max_size=6))
def test_matches_are_those_of_each_sentence_alone(sentences: list[list[str]]) -> None:
    body = "\n\n".join(" ".join(words) for words in sentences) + "\n"
    doc = _doc(body)
    for names in (("Tom Perez",), ("tom perez",), ("Tom-Perez", "Perez")):
        patterns, _ = _patterns("tom-perez", names)
        alone = [
            {
                n: [(m.start(), m.end(), m.group(0)) for m in p.finditer(s.norm)]
                for n, s in enumerate(doc.sentences)
                if p.search(s.norm)
            }
            for p in patterns
        ]
        assert _matches(doc, patterns, (*names, "tom-perez")) == alone


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Al", "al", "Asad", "AL", "-", " ", "x", "é", "Al-Asad"]), max_size=12
    ),
    st.sampled_from([["Al", "Asad"], ["al", "asad"], ["Al-Asad"], ["A.l"]]),
)
def test_name_patterns_match_as_their_plain_form(parts: list[str], words: list[str]) -> None:
    # The pattern asserts "nothing word-like before" after its first word, for speed.
    text = "".join(parts)
    body = r"[\s-]+".join(re.escape(w) for w in words)
    flags = 0 if any(ch.isupper() for w in words for ch in w) else re.IGNORECASE
    plain = re.compile(r"(?<![\w-])" + body + r"(?![\w-])", flags)
    found = [m.span() for m in _name_pattern(words).finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
