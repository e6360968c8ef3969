"""The weekday of the main happening, bound to its verb in the lead."""

from __future__ import annotations

import datetime as dt

from generator.events.document import build_doc
from generator.events.model import Conflict
from generator.events.slots import slot_conflicts
from generator.events.slotunits import DAY
from tests.factories import make_article


def days(bodies: dict[str, str]) -> list[Conflict]:
    docs = [
        build_doc(make_article(i, b, date=None), dt.date(2024, 3, 9), inferred=True)
        for i, b in bodies.items()
    ]
    found, _ = slot_conflicts(docs, sorted(bodies))
    return [c for c in found if c.kind == DAY]


def test_one_verb_dated_to_two_weekdays_is_a_conflict() -> None:
    found = days(
        {
            "a": "A cutter foiled a raid on fishing boats near the Orla shoals on Friday.",
            "b": "The cutter Tamsin on Thursday thwarted a raid on two fishing boats near Orla.",
        }
    )
    assert [{s.value for s in c.sides} for c in found] == [{"Friday", "Thursday"}]


def test_a_weekday_of_speech_is_not_when_it_happened() -> None:
    found = days(
        {
            "a": "The coastguard said on Friday that a cutter foiled a raid near the Orla shoals.",
            "b": "A cutter foiled a raid near the Orla shoals on Thursday, the coastguard said.",
        }
    )
    assert found == []


def test_different_people_or_a_repeat_are_different_happenings() -> None:
    found = days(
        {
            "a": "Police said officer Marlow arrested two men near the Orla docks on Friday.",
            "b": "Police said officer Hale arrested two men near the Orla docks on Saturday.",
            "c": "Officers arrested two more men near the Orla docks again on Sunday.",
        }
    )
    assert found == []


def test_only_the_lead_and_only_the_same_verb_count() -> None:
    lead = "A cutter towed a disabled trawler into Orla harbour. Crews checked its hull. "
    found = days(
        {
            "a": lead + "Rain fell. The trawler sank near the Orla harbour wall on Friday.",
            "b": "A cutter towed a disabled trawler into Orla harbour on Thursday.",
        }
    )
    assert found == []
