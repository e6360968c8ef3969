"""Sentence splitting with line numbers, and the repair of tokenised text."""

from __future__ import annotations

import pytest

from generator.events.text import (
    HEADING,
    LIST,
    PROSE,
    TABLE,
    content_words,
    normalise,
    split_sentences,
)


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
