"""Parallel-sentence slots: which one-slot differences are conflicts, and which are not."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.events.document import build_doc
from generator.events.model import Conflict
from generator.events.numbers import lost_fraction
from generator.events.parallel import part_scope
from generator.events.slots import slot_conflicts
from tests.factories import make_article


def conflicts(bodies: dict[str, str]) -> list[Conflict]:
    docs = [
        build_doc(make_article(i, b, date="2024-03-05"), dt.date(2024, 3, 5), inferred=False)
        for i, b in bodies.items()
    ]
    found, _ = slot_conflicts(docs, sorted(bodies))
    return found


def values(found: list[Conflict]) -> list[set[str]]:
    return [{s.value for s in c.sides} for c in found]


def test_a_parallel_count_told_differently_is_a_conflict() -> None:
    found = conflicts(
        {
            "a": "The coastguard towed seven fishing trawlers into the harbour at Dunmore.",
            "b": "The coastguard towed nine fishing trawlers into the harbour at Dunmore.",
        }
    )
    assert values(found) == [{"7", "9"}]


def test_a_count_for_one_part_is_not_the_count_of_the_whole() -> None:
    found = conflicts(
        {
            "a": "The striker Marlow landed 40 of his 95 shots fired at the goal, coach Hale said.",
            "b": "The striker Marlow landed 6 of his 14 shots fired at the goal during the half, "
            "coach Hale said.",
        }
    )
    assert found == []


def test_a_lost_fraction_is_a_damaged_number_not_a_version() -> None:
    found = conflicts(
        {
            "a": "The former treasurer Dunn served four months in county jail for contempt.",
            "b": "The former treasurer Dunn served 412 months in county jail for contempt.",
        }
    )
    assert found == []


@pytest.mark.parametrize(
    ("a", "b", "lost"),
    [
        (4, 412, True),
        (412, 4, True),
        (2, 234, True),
        (4, 12, False),
        (41, 412, False),
        (3, 3, False),
    ],
)
def test_lost_fraction(a: float, b: float, lost: bool) -> None:
    assert lost_fraction(a, b) is lost


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("thrown during the round", {"round"}),
        ("eight hours a day", {"day"}),
        ("$5 each", {"each"}),
        ("in the third quarter", {"quarter"}),
        ("the pirates, in three boats, fled", set()),
    ],
)
def test_part_scope(sentence: str, scope: set[str]) -> None:
    assert part_scope(sentence) == scope


def test_a_year_that_ends_one_sentence_is_still_a_slot() -> None:
    found = conflicts(
        {
            "a": "The Harlan family sold the old copper mine for $12 million in 1961.",
            "b": "The Harlan family sold the old copper mine for a reported $12 million in 1971, "
            "and moved to Denver.",
        }
    )
    assert values(found) == [{"1961", "1971"}]


def test_word_forms_of_a_name_are_not_two_spellings() -> None:
    found = conflicts(
        {
            "a": "The coastguard detained nine Somali sailors and seized their boat at Dunmore.",
            "b": "The coastguard detained nine Somalis sailors and seized their boat at Dunmore.",
        }
    )
    assert found == []


def test_a_year_range_told_differently_is_one_conflict() -> None:
    found = conflicts(
        {
            "a": "Ortega will be the second woman mayor of Dunmore after Alice Hale, "
            "who served from 1971 to 1983.",
            "b": "Ortega becomes the first woman mayor of Dunmore since Alice Hale, a Liberal, "
            "held the office from 1970 to 1982.",
        }
    )
    assert values(found) == [{"1971 to 1983", "1970 to 1982"}]


def test_a_tokenised_code_is_one_word_and_numbers_read_as_figures() -> None:
    found = conflicts(
        {
            "a": "The coastguard also recovered 12 MK 19 launchers from the trawler at Dunmore.",
            "b": "The coastguard also recovered seven MK-19 launchers from the trawler at Dunmore.",
        }
    )
    assert values(found) == [{"12", "7"}]


def test_records_after_a_name_are_compared_and_ranges_are_not_records() -> None:
    found = conflicts(
        {
            "a": "On the undercard, Jorge Alvar (31-4, 20 KOs) outpointed a tired opponent.",
            "b": "Alvar, 33-4, needed all ten rounds to beat the local favourite.",
            "c": "Tickets for Dunmore cost 20-30 euros at the door, Alvar said.",
        }
    )
    assert values(found) == [{"31-4", "33-4"}]


def test_a_record_said_to_be_someones_is_compared_with_one_after_the_name() -> None:
    found = conflicts(
        {
            "a": "The points win took Alvar's record to 32-4 with 20 knockouts.",
            "b": "Alvar, 33-4, needed all ten rounds to beat the local favourite.",
            "c": "The record of 20-1 still stands in Dunmore, the promoter said.",
        }
    )
    assert values(found) == [{"32-4", "33-4"}]


def test_an_article_giving_one_name_two_records_is_not_a_side() -> None:
    found = conflicts(
        {
            "a": "Alvar (31-4) beat Dunn and is now Alvar (32-4) after the bout in Dunmore.",
            "b": "Alvar, 32-4, beat Dunn in Dunmore.",
        }
    )
    assert found == []


def test_a_damaged_reading_leaves_the_real_versions() -> None:
    found = conflicts(
        {
            "a": "The former treasurer Dunn served four months in county jail for contempt.",
            "b": "The former treasurer Dunn served five months in county jail for contempt.",
            "c": "The former treasurer Dunn served 412 months in county jail for contempt.",
        }
    )
    assert values(found) == [{"4", "5"}]


def test_a_fraction_in_words_belongs_to_the_number() -> None:
    found = conflicts(
        {
            "a": "The former treasurer Dunn served four months in county jail for contempt.",
            "b": "The former treasurer Dunn served four and a half months in county jail "
            "for contempt.",
        }
    )
    assert values(found) == [{"4", "4.5"}]


def test_a_name_after_a_function_word_is_tied_to_the_word_before_it() -> None:
    found = conflicts(
        {
            "a": "Harbour police later boarded the Marenhaddin and found the cargo intact.",
            "b": "Harbour police later boarded the Marenhaddin, the owners confirmed.",
            "c": "Officers boarded the Marenuddin at dawn after a short chase.",
        }
    )
    assert {"Marenhaddin", "Marenuddin"} in values(found)


def test_word_forms_of_one_stem_are_not_two_spellings() -> None:
    found = conflicts(
        {
            "a": "The Democratic project on housing stalled in the council last spring.",
            "b": "The Democrats project on housing stalled in the council last spring.",
            "c": "Ministers visit Britain on Monday for talks on the trade treaty.",
            "d": "Ministers visit British ports on Monday for talks on the trade treaty.",
        }
    )
    assert found == []


def test_a_month_told_right_after_the_same_words_is_a_conflict() -> None:
    found = conflicts(
        {
            "a": "The cutter Orwell, which relieved patrol frigate HMS Tamar in November-end, "
            "sailed at once.",
            "b": "HMS Orwell, which relieved patrol frigate HMS Tamar early December, may sail "
            "for Gibraltar.",
        }
    )
    assert values(found) == [{"November-end", "December"}]


def test_a_full_date_after_the_same_words_is_not_read_as_a_month() -> None:
    found = conflicts(
        {
            "a": "The cutter Orwell, which relieved patrol frigate HMS Tamar in December 3, sailed",
            "b": "HMS Orwell, which relieved patrol frigate HMS Tamar early December, may sail.",
        }
    )
    assert found == []


def test_a_duration_told_with_the_same_verb_is_a_conflict() -> None:
    found = conflicts(
        {
            "a": "Marlowe had been hospitalized for the past three weeks for pneumonia.",
            "b": "The singer had been hospitalized in Leeds for four weeks due to pneumonia.",
            "c": "Her agent said Marlowe had been in hospital for three weeks with pneumonia.",
        }
    )
    assert values(found) == [{"3 weeks", "4 weeks"}]
    assert [len(s.article_ids) for s in found[0].sides] == [2, 1]


def test_how_many_times_told_with_the_same_verb_is_a_conflict() -> None:
    found = conflicts(
        {
            "a": "Marlowe married twice; the first marriage ended in 1950.",
            "b": "Marlowe was married three times but had no children.",
            "c": "She married two more times, and both unions failed.",
        }
    )
    assert values(found) == [{"2 times", "3 times"}]


def test_durations_of_different_subjects_are_not_compared() -> None:
    found = conflicts(
        {
            "a": "The striker was suspended for three weeks after the brawl.",
            "b": "Two referees were suspended for two weeks over the pay dispute.",
        }
    )
    assert found == []


def test_the_year_before_a_title_is_that_works_year() -> None:
    found = conflicts(
        {
            "a": "Her life inspired the 2005 film The Quiet Years Of Ann Marlowe, by a studio.",
            "b": "Critics loved the 2006 TV movie, The Quiet Years Of Ann Marlowe.",
            "c": "In 2005 Ann Marlowe moved to Leeds, and in 2006 Ann Marlowe moved again.",
        }
    )
    assert values(found) == [{"2005", "2006"}]


def test_the_same_happening_dated_differently_is_a_conflict() -> None:
    found = conflicts(
        {
            "a": "Mr. Dunmore pleaded guilty to obstruction of justice in July 1973.",
            "b": "On June 27, 1973, he pleaded guilty to one charge of obstructing justice.",
            "c": "Mr. Halloran pleaded guilty to perjury in March 1974.",
        }
    )
    assert values(found) == [{"July 1973", "June 27, 1973"}]


def test_a_day_inside_the_month_given_elsewhere_is_compatible() -> None:
    found = conflicts(
        {
            "a": "Mr. Dunmore pleaded guilty to obstruction of justice in June 1973.",
            "b": "On June 27, 1973, he pleaded guilty to one charge of obstructing justice.",
        }
    )
    assert found == []


def test_an_objects_length_in_other_units_is_compared_once_converted() -> None:
    found = conflicts(
        {
            "a": "The larger boat, a 10-metre trawler, is named the Orla.",
            "b": "The larger of the boats was described as a 24- to 30-foot trawler.",
            "c": "Coastguards towed the 33-foot trawler to Dunmore.",
        }
    )
    assert values(found) == [{"10 metre", "24 to 30 foot"}]


def test_time_since_the_same_happening_told_differently_is_a_conflict() -> None:
    found = conflicts(
        {
            "a": "Marlowe suffered a heart attack nine days earlier and never woke.",
            "b": "Marlowe succumbed to complications from a heart attack suffered almost three "
            "weeks ago.",
            "c": "Marlowe died in Leeds 20 days after suffering a heart attack, her agent said.",
        }
    )
    assert values(found) == [{"9 days", "almost 3 weeks", "20 days"}]
    assert len(found[0].sides) == 3


def test_other_things_in_one_list_counted_differently_conflict() -> None:
    found = conflicts(
        {
            "a": "The police seized seven AK-47 assault rifles, two other rifles and a launcher.",
            "b": "Seven AK-47s, three other automatic rifles and 13 magazines were found.",
            "c": "About 19 other states passed such laws, and 15 other states debated them.",
        }
    )
    assert values(found) == [{"2", "3"}]
