"""Folding's fast path (one translation) gives exactly what the character loop gives."""

from __future__ import annotations

import random

from generator.text.normalise import _VOWEL_FOLD, _base, _fold_fast, fold


def reference(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold one character at a time, as the rule is written."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for b in _base(ch):
            c = _VOWEL_FOLD.get(b, b)
            if out and c == out[-1] and (c.isalpha() or c == " "):
                continue
            out.append(c)
            index.append(i)
    return "".join(out), tuple(index)


def test_fold_matches_the_character_loop_on_random_text() -> None:
    rng = random.Random(1)
    alphabet = [chr(n) for n in range(128)] + list("aaeeoo  --''`éÉèöœﬁ’‘—–½²\u0301\u00a0ßİ")
    for _ in range(5000):
        text = "".join(rng.choices(alphabet, k=rng.randrange(0, 40)))
        assert fold(text) == reference(text)


def test_fast_path_steps_aside_when_a_character_folds_to_two_or_none() -> None:
    assert _fold_fast("ﬁle") is None  # the ligature folds to two letters
    assert _fold_fast("cafe\u0301") is None  # the combining accent folds to nothing
    assert fold("Kataeb  Hezbollah") == reference("Kataeb  Hezbollah")
    assert fold("Kataeb  Hezbollah")[0] == "kataib hizbulah"
