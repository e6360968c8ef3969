"""One person's first name told two ways, taken as one person only on strong evidence."""

from __future__ import annotations

import datetime as dt

from generator.events.document import build_doc
from generator.events.firstnames import FIRST_NAME
from generator.events.model import Conflict
from generator.events.slots import slot_conflicts
from tests.factories import make_article

FILLER = "The singer Marlow died on Monday at home, her family said."


def names(bodies: dict[str, str]) -> list[Conflict]:
    """Conflicts of first names, with two more reports that name nobody (so words are rare)."""
    bodies = {**bodies, "x": FILLER, "y": FILLER}
    docs = [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    found, _ = slot_conflicts(docs, sorted(bodies))
    return [c for c in found if c.kind == FIRST_NAME]


def test_one_role_with_two_first_names_is_a_conflict() -> None:
    found = names(
        {
            "a": FILLER + " She inspired a character in Dana Holt's 1982 novel The Tidewater.",
            "b": FILLER + " Derek Holt also put her in The Tidewater novels of the 1980s.",
        }
    )
    assert [{s.value for s in c.sides} for c in found] == [{"Dana Holt", "Derek Holt"}]


def test_short_and_full_forms_or_other_initials_are_not_conflicts() -> None:
    short = names(
        {
            "a": FILLER + " She inspired Mike Holt's 1982 novel The Tidewater.",
            "b": FILLER + " Michael Holt also put her in The Tidewater novels.",
        }
    )
    initials = names(
        {
            "a": FILLER + " She inspired Dana Holt's 1982 novel The Tidewater.",
            "c": FILLER + " Sasha Holt also put her in The Tidewater novels.",
        }
    )
    assert short == [] and initials == []


def test_an_article_naming_two_people_of_one_surname_means_relatives() -> None:
    found = names(
        {
            "a": FILLER + " She inspired Dana Holt's 1982 novel The Tidewater.",
            "b": FILLER + " Derek Holt put her in The Tidewater novels, as did Dana Holt.",
        }
    )
    assert found == []


def test_without_a_shared_rarer_word_the_role_is_not_shown_to_be_one() -> None:
    found = names(
        {
            "a": FILLER + " Her nephew Dana Holt spoke at the service.",
            "b": FILLER + " Her cousin Derek Holt wrote a novel.",
        }
    )
    assert found == []
