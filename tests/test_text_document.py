"""The one text model: blocks, sentences with lines and offsets, tokens, normalising."""

from __future__ import annotations

import pytest

from generator.actors.analysis import prepare
from generator.text.document import HEADING, LIST, PROSE, TABLE, Sentence, document
from generator.text.normalise import normalise
from generator.text.sentences import sentences as plain_sentences
from generator.text.tokens import content_words
from tests.factories import make_article


def split_sentences(body: str, body_line: int = 1) -> tuple[Sentence, ...]:
    return document(body, body_line).sentences


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("the U. S. Geological Survey", "the U.S. Geological Survey"),
        ("a 6.1 - magnitude quake", "a 6.1-magnitude quake"),
        ("at 07 : 37 a. m. UTC", "at 07:37 a.m. UTC"),
        ("killed 170, 000 people", "killed 170,000 people"),
        ("“quoted” and ‘single’", "\"quoted\" and 'single'"),
        ("see [the report](https://example.org/x)", "see the report"),
    ],
)
def test_normalise(raw: str, clean: str) -> None:
    assert normalise(raw) == clean


def test_sentences_keep_their_file_line() -> None:
    body = "First sentence here. Second one follows.\n\nA new paragraph starts here."
    sentences = split_sentences(body, body_line=7)
    assert [s.line for s in sentences] == [7, 7, 9]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    body = "Mr. Perez met Robert S. Mueller III in Washington. The U.S. Army said no."
    texts = [s.text for s in split_sentences(body)]
    assert texts == [
        "Mr. Perez met Robert S. Mueller III in Washington.",
        "The U.S. Army said no.",
    ]


def test_block_kinds() -> None:
    body = (
        "# A heading\n\nSome prose that runs on.\nShort Title Line\n- a list item here\n"
        "a | b | c |\n"
    )
    kinds = [s.kind for s in split_sentences(body)]
    assert kinds == [HEADING, PROSE, HEADING, LIST, TABLE]


def test_hard_wrapped_paragraph_is_one_sentence() -> None:
    body = "The committee said on Friday that it would file the lawsuit in\nfederal court soon."
    sentences = split_sentences(body)
    assert len(sentences) == 1 and sentences[0].line == 1


def test_content_words_are_lemmas_without_function_words() -> None:
    assert content_words("The attacks on the air bases") == ["attack", "air", "base"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "no." ends a sentence unless a number follows ("No. 5").
        ("He was asked twice, and he said no. Then he left.", 2),
        ("She wore No. 5 in the final.", 1),
        # Titles and months are abbreviations in every stage ("Adm." was missing in some).
        ("He met Adm. Cooper. They spoke.", 2),
        ("It began on Jan. 5 in the capital.", 1),
        # A decimal number before the full stop does not make an abbreviation.
        ("Growth was 3.5. Analysts had expected more.", 2),
    ],
)
def test_one_splitter_for_every_stage(body: str, expected: int) -> None:
    events = [s.text for s in split_sentences(body)]
    assert len(events) == expected
    assert events == plain_sentences(body)
    doc = prepare(make_article("a", body))
    assert [doc.text[s.start : s.end] for s in doc.sentences] == events


def test_sentences_carry_body_offsets() -> None:
    body = "- First item here. Second part.\n\n## A heading\n\nProse follows it."
    read = document(body)
    assert [body[s.start : s.end] for s in read.sentences] == [
        "First item here.",
        "Second part.",
        "A heading",
        "Prose follows it.",
    ]
    assert [s.line for s in read.sentences] == [1, 1, 3, 5]


def test_table_cells_are_apart_for_names() -> None:
    body = "| Name | Role |\n|---|---|\n| Jane Doe | Minister |"
    read = document(body)
    row = read.sentences[-1]
    assert [body[c.start : c.end] for c in read.cells(row)] == ["Jane Doe", "Minister"]
