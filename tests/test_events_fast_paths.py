"""The comparison's shortcuts read exactly what the plain rules read.

Each shortcut of the per-event comparison (a filter that skips work which
cannot find anything, a loop indexed by a key) is checked against the plain
rule it stands for: on hypothesis-generated inputs, and on every event of a
synthetic corpus and of ``../shared/corpus/dev-events`` (when present).
Counts and equality only, never times.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import generator.events.align as align
import generator.events.analyse as analyse
import generator.events.firstnames as firstnames
import generator.events.lifeyears as lifeyears
import generator.events.literals as literals
import generator.events.measures as measures
import generator.events.names as names
import generator.events.numbers as numbers
import generator.events.ordinals as ordinals
import generator.events.parallel as parallel
import generator.events.residence as residence
import generator.events.scheduled as scheduled
import generator.events.slotunits as slotunits
import generator.events.status as status
import generator.events.tense as tense
import generator.events.weekdays as weekdays
from generator.events.analyse import EventJob
from generator.events.claims import Claim
from generator.events.document import Doc
from generator.events.slotunits import Line, Reading
from generator.pipeline import SeedMap, Settings, build_corpus
from generator.text.calendar import WEEKDAYS
from generator.text.factwords import STATUS_CHANGE_WORDS
from generator.text.normalise import normalise
from generator.text.tokens import TOKEN_RE
from tests.conftest import ROOT
from tests.synthetic import write_corpus

DEV = ROOT.parent / "shared" / "corpus" / "dev-events"


@dataclass(frozen=True)
class EventInput:
    """One event's prepared articles, as the comparison reads them."""

    docs: list[Doc]
    lines: list[Line]
    claims: list[Claim]


def _events(seeds: Path) -> list[EventInput]:
    """Every event of a corpus with its members' preparations (the pipeline's own)."""
    captured: list[EventJob] = []
    plain = SeedMap()

    def capture(jobs: Sequence[EventJob]) -> list[object]:
        captured.extend(jobs)
        return plain.events(jobs)  # type: ignore[return-value]

    build_corpus(
        Settings(seeds),
        seed_map=SeedMap(
            read=plain.read,
            infer=plain.infer,
            names=plain.names,
            prepare=plain.prepare,
            events=capture,  # type: ignore[arg-type]
        ),
    )
    out: list[EventInput] = []
    for job in captured:
        ready = [job.prepared[a.id].get() for a in job.members]
        lines = [line for p in sorted(ready, key=lambda p: p.id) for line in p.lines]
        claims = [claim for p in ready for claim in p.claims]
        out.append(EventInput([p.doc for p in ready], lines, claims))
    return out


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory: pytest.TempPathFactory) -> list[EventInput]:
    """The events of 300 synthetic articles, and of dev-events when it is present."""
    seeds = write_corpus(tmp_path_factory.mktemp("synthetic") / "seeds", 300)
    events = _events(seeds)
    if DEV.is_dir():
        events += _events(DEV)
    assert len(events) > 50
    return events


# --- parallel sentences: slots are read only from pairs that can hold one ---------------

_KINDS = (
    "seven nine 7 12 150 two three dozens",
    "2005 2006 1967 1979",
    "10:30 11:15",
    "north west east",
    "Monday Tuesday Friday",
    "November December April May",
    "November-end December-start",
    "red blue green",
    "Commander Commodore Captain General",
    "Sinha Sinhar Stacey Stacy Marlow Marlowe Aden Adan",
    "coastguard towed fishing trawlers harbour police rifles boats seized county",
    "the of in and to from at least about",
)
_GROUPS = tuple(tuple(kind.split()) for kind in _KINDS)
_WORDS = tuple(word for group in _GROUPS for word in group)


def _same_kind(word: str) -> tuple[str, ...]:
    return next(group for group in _GROUPS if word in group)


def _line(article: str, words: Sequence[str]) -> Line:
    """A sentence as a comparable unit (what ``lines_of`` makes of one sentence)."""
    text = " ".join(words) + "."
    units = tuple(slotunits._units(normalise(text)))
    return Line(article, 0, text, 1, units, frozenset(), False, False)


@st.composite
def _parallel_pair(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A sentence and a copy with a few words replaced (often by one of their kind),
    dropped or added."""
    first = draw(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14))
    second = list(first)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(second) - 1))
        action = draw(st.sampled_from(("kind", "kind", "replace", "drop", "add")))
        if action == "kind":
            second[at] = draw(st.sampled_from(_same_kind(second[at])))
        elif action == "replace":
            second[at] = draw(st.sampled_from(_WORDS))
        elif action == "drop" and len(second) > 1:
            del second[at]
        else:
            second.insert(at, draw(st.sampled_from(_WORDS)))
    return first, second


_MONTH_AFTER_A_RUN = (
    ["the", "frigate", "relieved", "cutter", "Orla", "in", "November-end", "at", "Aden"],
    ["the", "frigate", "relieved", "cutter", "Orla", "early", "December", "at", "Aden"],
)
"""A month read after an identical run (``_time_after``): rare in random pairs."""


@settings(max_examples=1500, deadline=None)
@given(_parallel_pair())
@example(_MONTH_AFTER_A_RUN)
def test_a_pair_the_slot_filter_skips_holds_no_slot(pair: tuple[list[str], list[str]]) -> None:
    a, b = _line("a", pair[0]), _line("b", pair[1])
    slots = parallel._slots(a, b)
    if not parallel.may_differ(parallel.slot_values(a), parallel.slot_values(b)):
        assert slots == []
    if pair == _MONTH_AFTER_A_RUN:
        assert slots


def test_the_slot_filter_skips_most_pairs_and_keeps_every_slot(
    corpus_events: list[EventInput], monkeypatch: pytest.MonkeyPatch
) -> None:
    aligned: list[tuple[Line, Line]] = []
    read_slots = parallel._slots

    def counted(a: Line, b: Line) -> list[tuple[Reading, Reading]]:
        aligned.append((a, b))
        return read_slots(a, b)

    monkeypatch.setattr(parallel, "_slots", counted)
    filtered = [parallel.slot_readings(e.docs, e.lines) for e in corpus_events]
    with_filter = len(aligned)
    aligned.clear()
    monkeypatch.setattr(parallel, "may_differ", lambda a, b: True)
    plain = [parallel.slot_readings(e.docs, e.lines) for e in corpus_events]
    assert plain == filtered
    assert sum(map(len, filtered)) > 20
    assert with_filter < len(aligned) / 2


# --- numbers: only tokens a number can start with are tried ------------------------------

_NUMBER_WORDS = (
    "7 12 2,500 1.5 2005 412 1 one two sixty-six twenty four a an dozen dozens tens of "
    "hundred hundreds thousand million at least about more than nearly up to between and "
    "or to - / ⁄ people troops killed half a year 10:30 the"
)
_NUMBER_TOKENS = tuple(_NUMBER_WORDS.split(" "))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_TOKENS), max_size=14))
def test_finding_numbers_skips_only_tokens_no_number_starts_with(toks: list[str]) -> None:
    starts = [n for n in range(len(toks)) if numbers._parse_at(toks, n) is not None]
    assert all(numbers._may_start(toks[n]) for n in starts)
    found = numbers.find_quantities(toks)
    assert {q.start for q in found} <= set(starts)


# --- title defences: only sentences with the patterns' literal words are scanned ----------

_DEFENCE_WORDS = (
    "his her the sixth 6th 12th third title world straight successful consecutive "
    "defence defense defences defended retained defending retaining DEFENDED Retained "
    "of IBF belt crown for a time WBA titles and"
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DEFENCE_WORDS.split(" ")), max_size=14))
def test_a_sentence_the_defence_filter_skips_holds_no_defence(words: list[str]) -> None:
    text = " ".join(words)
    line = Line("a", 0, text, 1, (), frozenset(), False, False)
    matched = ordinals._NOUN.search(text) or ordinals._VERB.search(text)
    assert bool(ordinals.ordinal_readings([line, replace(line, article_id="b")])) <= bool(matched)
    if matched:
        lowered = text.lower()
        assert "defen" in lowered or "reta" in lowered


def test_the_defence_filter_keeps_both_patterns() -> None:
    lines = [
        Line(
            "a",
            0,
            "Marlow made the sixth defence of his IBF title.",
            1,
            (),
            frozenset(),
            False,
            False,
        ),
        Line(
            "b",
            0,
            "Marlow retained his IBF title for a fifth time.",
            1,
            (),
            frozenset(),
            False,
            False,
        ),
    ]
    assert len(ordinals.ordinal_readings(lines)) == 1


# --- claims: only pairs sharing a key or a bridgeable value are scored --------------------


def test_every_pair_of_claims_that_scores_is_a_candidate(
    corpus_events: list[EventInput],
) -> None:
    scored = candidates = 0
    for event in corpus_events:
        ordered = sorted(event.claims, key=lambda c: (c.article_id, c.sentence, c.quantity.start))
        idf = align._idf(ordered)
        pairs = set(align.candidate_pairs(ordered))
        every = itertools.combinations(range(len(ordered)), 2)
        scoring = {
            (i, j) for i, j in every if align.similarity(ordered[i], ordered[j], idf) is not None
        }
        assert scoring <= pairs
        scored += len(scoring)
        candidates += len(pairs)
    assert scored > 100
    # The index skips most pairs of claims: far fewer candidates than pairs.
    assert candidates < sum(len(e.claims) * (len(e.claims) - 1) // 2 for e in corpus_events) / 2


# --- scheduled happenings and future tense: sentences without the literal words skipped ---

_SCHEDULE_WORDS = (
    "The vote runoff primary summit will would is was be been held scheduled set slated for "
    "on in early mid late May June may june 4 12 2024 hold parties the a special election "
    "Senate is to expected plans defeat Marlow Hale In 1957 1958 2004 , married died vanished"
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SCHEDULE_WORDS.split(" ")), max_size=16))
def test_sentences_without_the_patterns_literal_parts_are_skipped_safely(words: list[str]) -> None:
    text = " ".join(words)
    if scheduled._DATE.search(text):
        assert any(name in text for name in scheduled._MONTH_NAMES)
    if tense._FUTURE.search(text):
        assert tense._FUTURE_WORDS.search(text)
    if lifeyears._AFTER.search(text) or lifeyears._OPENING.search(text):
        assert lifeyears._ANY_YEAR.search(text)


# --- readers guarded by what their patterns need: the guard never drops a match ----------


_GUARDED_WORDS = (
    "Bowe Marlow Hale Dana Derek Cedar Point Oak Hollow North who had lived lives in of , "
    "( ) 43-1 45 - 1 43 -1 52-3-2 59 record to at his improved took 's the and . ’s Anna Mae "
    "St. J. O’Neil Mc-Kay"
)
_GUARDED_TOKENS = tuple(_GUARDED_WORDS.split(" "))
_GUARDED_TEXTS = st.lists(st.sampled_from(_GUARDED_TOKENS), max_size=16).map(" ".join) | st.text(
    alphabet="BMHDaeor ,()-1234’'.\n", max_size=40
)


@settings(max_examples=800, deadline=None)
@given(_GUARDED_TEXTS)
@example("Bowe (43-1) beat Hale, 45-1.")
@example("took Marlow's record to 52-3")
@example("Marlow, 59, of Cedar Point and Hale, who had lived for years in Oak Hollow")
def test_a_sentence_a_reader_guard_skips_holds_no_match(text: str) -> None:
    if names._RECORD.search(text) or names._RECORD_TO.search(text):
        assert names._DASHED.search(text)
    if residence._AGE_OF.search(text) or residence._LIVED.search(text):
        assert residence._EITHER.search(text)


_FULL_PLAIN = re.compile(
    r"(?<![\w.’'-])([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})(?:['’]s?)?(?![\w-])(?!\s+[A-Z])"
)
"""The full-name pattern as first written (its lookbehind first): the fast one must equal it."""


@settings(max_examples=800, deadline=None)
@given(_GUARDED_TEXTS)
@example("Anna Mae Marlow's novel; J.Dana Holt and O’Dana Holt, -Dana Holt")
def test_the_full_name_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    assert found(firstnames._FULL) == found(_FULL_PLAIN)


def _central_plain(
    actors: Sequence[str], spellings: Mapping[str, Sequence[str]], texts: Sequence[str]
) -> list[str]:
    """Actors by centrality, as first written (every name counted and found in every body)."""
    bodies = [t.lower() for t in texts]

    def weight(actor: str) -> tuple[int, int, int, str]:
        patterns = [n.lower() for n in spellings[actor] if n]
        hits = [sum(b.count(p) for p in patterns) for b in bodies]
        first = [min((b.find(p) for p in patterns if p in b), default=10**9) for b in bodies]
        return (-sum(1 for h in hits if h), -sum(hits), min(first, default=10**9), actor)

    return sorted(actors, key=weight)


_NAME_PARTS = st.sampled_from(("Hale", "hale", "Dana Hale", "Marlow", "aa", "a", "", "Oak"))


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(("hale", "marlow", "oak", "dana")),
        st.lists(_NAME_PARTS, max_size=3),
        max_size=4,
    ),
    st.lists(
        st.lists(st.sampled_from(("Hale", "Dana", "aaa", "Marlow", "oak", " ")), max_size=12).map(
            "".join
        ),
        max_size=4,
    ),
)
def test_actors_are_ranked_as_the_plain_count_ranks_them(
    names_of: dict[str, list[str]], texts: list[str]
) -> None:
    actors = sorted(names_of)
    assert analyse._central(actors, names_of, texts) == _central_plain(actors, names_of, texts)


# --- status readers: a sentence without the patterns' words is not searched ------------------


def test_the_characters_ignorecase_folds_to_ascii_letters_are_all_listed() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    folded = [
        chr(cp)
        for cp in range(128, sys.maxunicode + 1)
        if not chr(cp).lower().isascii() and letter.fullmatch(chr(cp))
    ]
    assert sorted(folded) == sorted(literals._FOLDED_TO_ASCII)


_STATUS_WORDS = (
    "Dunn was charged CHARGED Charges indicted faces with murder Manslaughter died Dies of from "
    "a stroke succumbed to cause of death was upgraded Initially DROPPED rescued Rescuing 14 "
    "Omani fishermen captured apprehending seized fired ousted stepped down quit resigned in "
    "May , . İnitially ınitially ſeized dieſ"
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(_STATUS_WORDS.split(" ")), max_size=14).map(" ".join)
    | st.text(alphabet="chargedINTLYiİıſsfrom ,.14", max_size=30)
)
@example("He was charged with murder; the charge was initially manslaughter.")
@example("Marlow died of a stroke.")
@example("Hale succumbed to cancer.")
@example("The cause of death was sepsis.")
@example("The navy rescued 14 Omani fishermen and seized 3 Somali boats.")
@example("Dunn, whom he fired in May, left.")
@example("Dunn stepped down in June.")
@example("He was İNDICTED, ınitially, and ſeized 4 Omani men.")
def test_a_sentence_a_status_guard_skips_matches_none_of_its_patterns(text: str) -> None:
    lowered = text.lower()
    contrast = status.CONTRASTS[0]
    if contrast.trigger.search(text):
        assert literals.may_contain(text, lowered, contrast.trigger_words)
    if status._CHANGED.search(text):
        assert literals.may_contain(text, lowered, STATUS_CHANGE_WORDS)
    if status._CAUSE.search(text):
        assert literals.may_contain(text, lowered, status._CAUSE_WORDS)
    if any(
        status._FREED.match(verb) or status._HELD.match(verb)
        for verb, _, _ in status._COUNTED.findall(text)
    ):
        assert literals.may_contain(text, lowered, status._FATE_WORDS)
    if status._DEPARTURE.search(text):
        assert any(word in text for word in status._DEPARTURE_WORDS)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ChargedİıſΣς x\n", max_size=12), max_size=4))
def test_an_article_ruled_out_whole_has_no_sentence_that_may_match(texts: list[str]) -> None:
    words = ("charged", "seized", "dies")
    if any(literals.may_contain(t, t.lower(), words) for t in texts):
        assert literals.any_may_contain(texts, words)


# --- measures: a sentence is walked only by the readers its units' kinds allow ------------


def test_the_measures_of_a_sentence_are_those_every_reader_finds(
    corpus_events: list[EventInput],
) -> None:
    found = 0
    for event in corpus_events:
        for line in event.lines:
            plain = [
                *measures._durations(line),
                *measures._frequencies(line),
                *measures._titled_years(line),
                *measures._sizes(line),
                *measures._intervals(line),
                *measures._other_counts(line),
            ]
            assert measures._measures(line) == plain
            found += len(plain)
    # Synthetic articles state no durations or sizes; the real ones do.
    assert found > 20 or not DEV.is_dir()


# --- weekdays: a lead sentence without a weekday's name is not tokenised --------------------


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Hale",
                "died",
                "on",
                "Friday",
                "FRIDAY",
                "friday",
                "Sunday's",
                "ﬁred",
                ",",
                ".",
                "attacked",
                "late",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_a_sentence_without_a_weekday_name_holds_no_dated_verb(text: str) -> None:
    if weekdays._dated_verbs(TOKEN_RE.findall(text)):
        assert any(day in text.lower() for day in WEEKDAYS)


# --- parallel sentences: the candidate pairs counted in numpy are the plain count's -------


def _parallel_pairs_plain(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """The candidate pairs as first written: postings, a Counter over combinations."""
    postings: dict[str, list[int]] = defaultdict(list)
    for n, line in enumerate(lines):
        for word in line.content:
            postings[word].append(n)
    common = max(8, len(lines) // 5)
    shared: Counter[tuple[int, int]] = Counter()
    shared.update(
        itertools.chain.from_iterable(
            itertools.combinations(members, 2)
            for members in postings.values()
            if len(members) <= common
        )
    )
    out: list[tuple[int, int]] = []
    for a, b in sorted(p for p, c in shared.items() if c >= parallel.SLOT_MIN_SHARED // 2):
        left, right = lines[a], lines[b]
        if left.article_id == right.article_id:
            continue
        both = len(left.content & right.content)
        if both < parallel.SLOT_MIN_SHARED or both < parallel.SLOT_MIN_COVER * min(
            len(left.content), len(right.content)
        ):
            continue
        out.append((a, b))
    return out


def test_the_parallel_pairs_are_those_the_plain_count_finds(
    corpus_events: list[EventInput],
) -> None:
    found = 0
    for event in corpus_events:
        pairs = parallel.parallel_pairs(event.lines)
        assert pairs == _parallel_pairs_plain(event.lines)
        found += len(pairs)
    assert found > 1000


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("abc"),
            st.frozensets(st.sampled_from([f"w{n}" for n in range(14)]), max_size=9),
        ),
        max_size=60,
    )
)
def test_the_parallel_pairs_of_random_sentences_are_the_plain_ones(
    sentences: list[tuple[str, frozenset[str]]],
) -> None:
    lines = [
        Line(article, n, "", 1, (), content, False, False)
        for n, (article, content) in enumerate(sorted(sentences))
    ]
    assert parallel.parallel_pairs(lines) == _parallel_pairs_plain(lines)
