"""Unit tests of the reader: decoding, metadata splitting and the problems it reports."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from generator.ingest.reader import (
    decode,
    iter_seed_paths,
    parse_seed,
    read_seed,
    seed_id,
    split_metadata,
)
from generator.models import Origin, Problem, Severity

FRONT_MATTER = """---
title: A council vote
tags: [Budget, city hall]
date: 2031-04-05
extra_key: kept
---

The council approved the budget on Monday. It passed by one vote.
"""


def problems_of(data: bytes, file: str = "s.md") -> list[Problem]:
    return parse_seed(data, file, "s")[1]


# --- decoding --------------------------------------------------------------


def test_plain_utf8_is_read_unchanged() -> None:
    text, problems = decode("Café owners met on Friday.\n".encode(), "a.txt")
    assert text == "Café owners met on Friday.\n"
    assert problems == []


def test_byte_order_mark_is_dropped() -> None:
    text, problems = decode(codecs.BOM_UTF8 + b"Hello there.\n", "a.txt")
    assert text == "Hello there.\n"
    assert problems == []


def test_crlf_and_cr_line_endings_become_lf() -> None:
    text, _ = decode(b"one\r\ntwo\rthree\n", "a.txt")
    assert text == "one\ntwo\nthree\n"


def test_invalid_utf8_is_decoded_with_a_warning_on_the_right_line() -> None:
    text, problems = decode(b"first line\nsecond \xff line\n", "a.txt")
    assert text == "first line\nsecond \ufffd line\n"
    assert problems == [
        Problem(
            "a.txt",
            2,
            Severity.WARNING,
            "encoding",
            "The file is not valid UTF-8 (first bad byte at offset 18); "
            "1 undecodable byte sequence replaced with U+FFFD.",
        )
    ]


def test_invalid_utf8_after_a_bom_counts_the_bom_and_cr_lines() -> None:
    _, problems = decode(codecs.BOM_UTF8 + b"a\r\nb\rc\xfe\n", "a.txt")
    assert [(p.line, p.code) for p in problems] == [(3, "encoding")]
    assert "offset 9)" in problems[0].message


def test_binary_data_is_an_error() -> None:
    text, problems = decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt")
    assert text is None
    assert [(p.severity, p.code) for p in problems] == [(Severity.ERROR, "binary")]


def test_control_characters_without_nul_are_binary() -> None:
    text, problems = decode(bytes(range(1, 32)) * 4, "a.txt")
    assert text is None
    assert problems[0].code == "binary"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n", codecs.BOM_UTF8, "\u00a0\n".encode()])
def test_empty_files_are_errors(data: bytes) -> None:
    text, problems = decode(data, "a.txt")
    assert text is None
    assert problems == [Problem("a.txt", 1, Severity.ERROR, "empty", "The file is empty.")]


def test_utf16_with_bom_is_converted_with_a_warning() -> None:
    text, problems = decode("Zürich votes.\r\n".encode("utf-16"), "a.txt")
    assert text == "Zürich votes.\n"
    assert [(p.severity, p.code) for p in problems] == [(Severity.WARNING, "encoding")]


# --- front matter ----------------------------------------------------------


def test_front_matter_is_split_from_the_body() -> None:
    seed, problems = parse_seed(FRONT_MATTER.encode(), "a.md", "a")
    assert problems == []
    assert seed is not None
    assert seed.meta_origin is Origin.FRONT_MATTER
    assert dict(seed.meta) == {
        "title": "A council vote",
        "tags": ["Budget", "city hall"],
        "date": dt.date(2031, 4, 5),
        "extra_key": "kept",
    }
    assert dict(seed.meta_lines) == {"title": 2, "tags": 3, "date": 4, "extra_key": 5}
    # The body starts at its first line of text, and body_line says which line that is.
    assert seed.body.startswith("The council approved")
    assert seed.body_line == 8
    assert seed.text.split("\n")[seed.body_line - 1].startswith("The council approved")


def test_front_matter_with_bom_and_crlf() -> None:
    data = codecs.BOM_UTF8 + FRONT_MATTER.replace("\n", "\r\n").encode()
    seed, problems = parse_seed(data, "a.md", "a")
    assert problems == []
    assert seed is not None
    assert seed.meta["title"] == "A council vote"
    assert seed.body_line == 8


def test_body_line_is_right_when_the_body_repeats_its_opening() -> None:
    opening = "The same long opening sentence is repeated later in this body, word for word, again."
    data = f"---\ntitle: t\n---\n{opening}\n\n{opening}\n".encode()
    seed, _ = parse_seed(data, "a.md", "a")
    assert seed is not None
    assert seed.body_line == 4


def test_a_thematic_break_in_the_body_is_not_front_matter() -> None:
    seed, _ = parse_seed(b"---\ntitle: t\n---\nOne.\n\n---\n\nTwo.\n", "a.md", "a")
    assert seed is not None
    assert dict(seed.meta) == {"title": "t"}
    assert seed.body == "One.\n\n---\n\nTwo.\n"


def test_empty_front_matter_still_counts_as_front_matter() -> None:
    seed, problems = parse_seed(b"---\n---\nBody text.\n", "a.md", "a")
    assert problems == []
    assert seed is not None
    assert seed.meta_origin is Origin.FRONT_MATTER
    assert dict(seed.meta) == {}


def test_unclosed_front_matter_is_an_error_and_the_text_is_kept() -> None:
    data = b"---\ntitle: t\nThe story goes on without a closing line.\n"
    seed, problems = parse_seed(data, "a.md", "a")
    assert [(p.line, p.severity, p.code) for p in problems] == [
        (1, Severity.ERROR, "front-matter-unclosed")
    ]
    assert seed is not None
    assert "The story goes on" in seed.body


def test_yaml_syntax_error_points_at_the_line_the_parser_reports() -> None:
    data = b"---\ntitle: ok\nsummary: [unclosed, list\nauthor: someone\n---\nBody.\n"
    seed, problems = parse_seed(data, "a.md", "a")
    assert [(p.line, p.code) for p in problems] == [(4, "yaml-syntax")]
    assert problems[0].message.startswith("Malformed YAML front matter: while parsing")
    assert seed is not None
    assert seed.meta_origin is None
    assert seed.body == "Body.\n"


def test_front_matter_that_is_a_list_is_an_error() -> None:
    problems = problems_of(b"---\n- a\n- b\n---\nBody.\n")
    assert [(p.line, p.code) for p in problems] == [(2, "front-matter-type")]


def test_deeply_nested_yaml_is_an_error_not_a_crash() -> None:
    problems = problems_of(b"---\nkey: " + b"[" * 5000 + b"\n---\nBody.\n")
    assert [(p.line, p.code) for p in problems] == [(2, "yaml-depth")]


def test_yaml_aliases_are_refused() -> None:
    # Aliases can expand exponentially when the metadata is serialised.
    problems = problems_of(b"---\na: &x [1, 2]\nb: [*x, *x]\n---\nBody.\n")
    assert [(p.line, p.code) for p in problems] == [(3, "yaml-alias")]


def test_yaml_1_1_booleans_stay_text() -> None:
    seed, _ = parse_seed(b"---\ntags: [NO, yes, off, true]\n---\nBody.\n", "a.md", "a")
    assert seed is not None
    assert seed.meta["tags"] == ["NO", "yes", "off", True]


def test_front_matter_without_a_body_is_an_error() -> None:
    problems = problems_of(b"---\ntitle: t\n---\n\n")
    assert [(p.line, p.severity, p.code) for p in problems] == [(4, Severity.ERROR, "empty-body")]


# --- inline header and plain text ------------------------------------------


def test_inline_header_keeps_the_body_on_the_same_line() -> None:
    split = split_metadata(" date 2031-04-05 The council met today. It voted.\n", "a.txt")
    assert dict(split.meta) == {"date": "2031-04-05"}
    assert split.origin is Origin.HEADER
    assert split.body == "The council met today. It voted.\n"
    assert split.body_line == 1
    assert dict(split.lines) == {"date": 1}


def test_header_line_with_a_written_date() -> None:
    split = split_metadata("Date: 5 April 2031\nThe council met today.\n", "a.txt")
    assert dict(split.meta) == {"date": "5 April 2031"}
    assert split.origin is Origin.HEADER
    assert split.body == "The council met today.\n"
    assert split.body_line == 2


def test_inline_header_with_a_colon_and_a_short_body() -> None:
    split = split_metadata("date: 2031-04-05 Pier closed.\n", "a.txt")
    assert (dict(split.meta), split.body, split.body_line) == (
        {"date": "2031-04-05"},
        "Pier closed.\n",
        1,
    )


def test_header_with_an_unknown_date_is_still_a_header() -> None:
    split = split_metadata(" date 05/13/31x The pier closed.\n", "a.txt")
    assert (dict(split.meta), split.origin) == ({"date": "05/13/31x"}, Origin.HEADER)


@pytest.mark.parametrize(
    "text",
    [
        "Date palms grow well in the valley.\n",
        "date night is back, say the cinemas.\n",
        "Dates: a history of the fruit in twelve chapters and many more words\nBody.\n",
    ],
)
def test_prose_that_starts_with_date_is_not_a_header(text: str) -> None:
    split = split_metadata(text, "a.txt")
    assert split.origin is None
    assert split.body == text


def test_plain_text_has_no_metadata() -> None:
    split = split_metadata("# A heading\n\nSome text.\n", "a.md")
    assert dict(split.meta) == {}
    assert split.origin is None
    assert split.body_line == 1


def test_digest_ignores_whitespace_and_case() -> None:
    one, _ = parse_seed(b"The Same text.\n\nTwice.", "a.txt", "a")
    two, _ = parse_seed(b"---\ntitle: x\n---\nthe same   TEXT.\nTwice.\n", "b.md", "b")
    three, _ = parse_seed(b"Different text.", "c.txt", "c")
    assert one is not None and two is not None and three is not None
    assert one.digest == two.digest != three.digest


# --- files -----------------------------------------------------------------


def test_seed_paths_are_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.txt", ".hidden.md", ".git/d.md", "notes.json", "e.TXT"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_seed_paths(tmp_path)]
    assert found == ["a.md", "b.txt", "e.TXT", "sub/c.txt"]


def test_symlinks_are_refused(tmp_path: Path) -> None:
    target = tmp_path.parent / "outside.txt"
    target.write_text("secret")
    (tmp_path / "link.txt").symlink_to(target)
    seed, problems = read_seed(tmp_path / "link.txt", tmp_path)
    assert seed is None
    assert [(p.file, p.code) for p in problems] == [("link.txt", "symlink")]


def test_seed_id_is_the_stem_made_url_safe() -> None:
    assert seed_id(Path("000_abc.txt")) == "000_abc"
    assert seed_id(Path("My Story (copy).md")) == "my-story-copy"
    assert seed_id(Path("%%%.md")).startswith("seed-")
