"""Folding's fast path (one translation) gives exactly what the character loop gives."""

from __future__ import annotations

import random

from generator.text.normalise import _fold_fast, fold, fold_each_character


def test_fold_matches_the_character_loop_on_random_text() -> None:
    rng = random.Random(1)
    alphabet = [chr(n) for n in range(128)] + list("aaeeoo  --''`éÉèöœﬁ’‘—–½²\u0301\u00a0ßİ")
    for _ in range(5000):
        text = "".join(rng.choices(alphabet, k=rng.randrange(0, 40)))
        assert fold(text) == fold_each_character(text)


def test_fast_path_steps_aside_when_a_character_folds_to_two_or_none() -> None:
    assert _fold_fast("ﬁle") is None  # the ligature folds to two letters
    assert _fold_fast("cafe\u0301") is None  # the combining accent folds to nothing
    assert fold("Kataeb  Hezbollah") == fold_each_character("Kataeb  Hezbollah")
    assert fold("Kataeb  Hezbollah")[0] == "kataib hizbulah"
