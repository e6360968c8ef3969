from __future__ import annotations

from generator.site.thresholds import all_thresholds, documented_constants


def test_documented_constants_are_read_with_their_docstring() -> None:
    source = (
        'A_LIMIT = 3\n"""How many."""\n\nundocumented = 1\nB = 2\nC_RATIO = 0.5\n"""Share."""\n'
    )
    found = documented_constants(source, "m.py")
    assert [(t.name, t.value, t.doc) for t in found] == [
        ("A_LIMIT", "3", "How many."),
        ("C_RATIO", "0.5", "Share."),
    ]


def test_the_grouping_thresholds_are_published() -> None:
    names = {t.name for t in all_thresholds()}
    assert {"GROUP_LINK_MIN", "GROUP_DATE_WINDOW_DAYS", "REUSE_SENTENCE_MIN"} <= names
