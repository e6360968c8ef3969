"""The per-article preparation's shortcuts read exactly what the plain rules read.

Each shortcut of :mod:`generator.events.prepare` and the modules it calls (a
memo shared by two readers, an index that narrows a scan, a step skipped
when it cannot find anything) is checked against the plain computation it
stands for: on hypothesis-generated inputs, and on every sentence of
``../shared/corpus/dev-events`` (skipped when absent). Equality only, never times.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.events.claims as claims
import generator.events.numbers as numbers
import generator.events.quotes as quotes
import generator.events.slotunits as slotunits
from generator.events.document import Doc, build_doc
from generator.models import Article
from generator.pipeline import Settings, read_articles
from generator.text.datementions import DateMention, find_dates
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import QUALIFIERS_AFTER, QUALIFIERS_BEFORE, STOPWORDS
from generator.text.normalise import lemma
from generator.text.tokens import token_spans, tokens
from tests.conftest import ROOT
from tests.factories import make_article

DEV = ROOT.parent / "shared" / "corpus" / "dev-events"


@pytest.fixture(scope="module")
def dev_articles() -> list[Article]:
    """The articles of dev-events (the test is skipped when the corpus is absent)."""
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev-events is not present")
    articles = read_articles(Settings(DEV))[0]
    assert len(articles) > 100
    return articles


@pytest.fixture(scope="module")
def dev_docs(dev_articles: list[Article]) -> list[Doc]:
    """dev-events' articles with their dates resolved against their own publication date."""
    return [build_doc(a, a.published.date, inferred=False) for a in dev_articles]


# --- numbers: one reading per sentence, qualifiers looked up by the word next to the number

_NUMBER_WORDS = (
    "7 12 2,500 1.5 2005 1990s 412 1 one two sixty-six twenty four a an dozen dozens tens of "
    "hundred hundreds thousand million at least most about more than nearly up to between "
    "and or to - / ⁄ people troops killed half a year 10:30 the no fewer less not over just "
    "under in excess upwards as many much close total estimated an plus so only exactly"
)
_NUMBER_TOKENS = tuple(_NUMBER_WORDS.split(" "))


def _plain_quantities(toks: Sequence[str], skip: frozenset[int]) -> list[numbers.Quantity]:
    """The quantities read at every token with the whole skip (no narrowing, no memo)."""
    every = tuple(range(len(toks)))
    return list(numbers._quantities.__wrapped__(tuple(toks), every, skip))


def _plain_qualifier_before(toks: Sequence[str], i: int) -> tuple[str, int]:
    """Every qualifier phrase tried, longest first."""
    if i > 0 and toks[i - 1].lower() == "between":
        return ("between", i - 1)
    for phrase, canonical in sorted(QUALIFIERS_BEFORE, key=lambda q: -len(q[0])):
        words = phrase.split()
        start = i - len(words)
        if start >= 0 and [t.lower() for t in toks[start:i]] == words:
            return (canonical, start)
    return ("", i)


def _plain_qualifier_after(toks: Sequence[str], end: int) -> tuple[str, int]:
    """Every qualifier phrase after a number tried, in order."""
    for phrase, canonical in QUALIFIERS_AFTER:
        words = phrase.split()
        if [t.lower() for t in toks[end : end + len(words)]] == words:
            return (canonical, end + len(words))
    return ("", end)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_TOKENS), max_size=16), st.data())
def test_numbers_are_read_as_the_plain_reading_reads_them(
    toks: list[str], data: st.DataObject
) -> None:
    skip = frozenset(data.draw(st.sets(st.integers(0, max(len(toks) - 1, 0)))))
    assert numbers.find_quantities(toks, skip) == _plain_quantities(toks, skip)
    for i in range(len(toks) + 1):
        assert numbers._qualifier_before(toks, i) == _plain_qualifier_before(toks, i)
        assert numbers._qualifier_after(toks, i) == _plain_qualifier_after(toks, i)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(("At", "Least", "MORE", "Than", "7", "or", "More", "so")), max_size=8)
)
def test_qualifiers_are_found_whatever_their_case(toks: list[str]) -> None:
    for i in range(len(toks) + 1):
        assert numbers._qualifier_before(toks, i) == _plain_qualifier_before(toks, i)
        assert numbers._qualifier_after(toks, i) == _plain_qualifier_after(toks, i)


def test_dev_sentences_numbers_equal_the_plain_reading(dev_docs: list[Doc]) -> None:
    read = 0
    for doc in dev_docs:
        for sentence in doc.sentences:
            toks = tokens(sentence.norm)
            spans = token_spans(sentence.norm)
            mentions = doc.dates[sentence.index]
            dated = {
                i
                for i, (s, e) in enumerate(spans)
                if any(m.start <= s and e <= m.end for m in mentions)
            }
            assert claims._dated(spans, mentions) == (dated if mentions else set())
            colons = {i for i, t in enumerate(toks) if ":" in t}
            years = {i for i, t in enumerate(toks) if numbers.is_year(t)}
            # The skips of claims (dated tokens) and of slot units (years), and none.
            for skip in (dated | colons, years | colons, set()):
                found = numbers.find_quantities(toks, frozenset(skip))
                assert found == _plain_quantities(toks, frozenset(skip))
                read += len(found)
    assert read > 1000


# --- slot units: a sentence without numbers is read token by token from a memo ------------


def _plain_lines(doc: Doc) -> list[slotunits.Line]:
    """``lines_of`` as the plain rule reads it: every sentence walked by ``_units``."""
    out: list[slotunits.Line] = []
    for sentence in doc.sentences:
        if sentence.kind in (HEADING, TABLE):
            continue
        toks = tokens(sentence.norm)
        skip = frozenset(i for i, t in enumerate(toks) if ":" in t or numbers.is_year(t))
        units = slotunits._read_units(toks, _plain_quantities(toks, skip))
        years = {int(u.form[1:]) for u in units if u.kind == slotunits.YEAR}
        background = slotunits._PAST.search(sentence.norm) is not None or (
            doc.reference is not None and any(y != doc.reference.year for y in years)
        )
        content = frozenset(
            lemma(u.form) for u in units if u.kind == "word" and u.form not in STOPWORDS
        ) | frozenset(
            u.form
            for u in units
            if u.quantity is not None and u.quantity.low is not None and u.quantity.low >= 10
        )
        quoted = bool(slotunits._QUOTE_CHARS.search(sentence.norm))
        units_t = tuple(units)
        out.append(
            slotunits.Line(
                doc.id,
                sentence.index,
                sentence.text,
                sentence.line,
                units_t,
                content,
                quoted,
                background,
            )
        )
    return out


_SENTENCE_WORDS = (
    "The AK-47 AK 47 rifles US U.S. troops in Iraq 2023 2019 10:30 $ 5 million seven "
    "people were killed last year at least 52-3 score of the 1990s and Mr. Smith said "
    "“we” will 66 attacks dozens of ² ½ 4 1/2 years ago NATO UN"
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_SENTENCE_WORDS.split(" ")), min_size=1, max_size=12),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([None, dt.date(2023, 11, 22)]),
)
def test_lines_are_read_as_the_plain_rule_reads_them(
    sentences: list[list[str]], reference: dt.date | None
) -> None:
    body = " ".join(" ".join(words) + "." for words in sentences)
    doc = build_doc(make_article("a", body), reference, inferred=False)
    assert slotunits.lines_of(doc) == _plain_lines(doc)


def test_dev_lines_equal_the_plain_rule(dev_docs: list[Doc]) -> None:
    lines = 0
    for doc in dev_docs:
        found = slotunits.lines_of(doc)
        assert found == _plain_lines(doc)
        lines += len(found)
    assert lines > 3000


# --- claims: the tokens inside a date mention found by bisection ---------------------------


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(("On", "5", "May", "2023", ",", "10:30", "U.S.", "troops")), max_size=12
    ),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=3),
)
def test_dated_tokens_are_those_inside_a_mention(
    words: list[str], cuts: list[tuple[int, int]]
) -> None:
    text = " ".join(words)
    spans = token_spans(text)
    mentions = [DateMention(text[a : a + n], a, a + n, "", None, "day", False) for a, n in cuts]
    plain = {
        i for i, (s, e) in enumerate(spans) if any(m.start <= s and e <= m.end for m in mentions)
    }
    assert claims._dated(spans, mentions) == plain


# --- quotations: a paragraph without a quote mark is not scanned ----------------------------


def _plain_spans(text: str) -> list[tuple[int, int]]:
    """``quotes._spans`` without its shortcut: both scans run on every paragraph."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer('"', text):
        at = match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if opened is None:
            if before.isspace() or before in "([—-" or at == 0:
                opened = at + 1
            continue
        if after.isspace() or after in ".,;:!?)—" or not before.isspace():
            spans.append((opened, at))
            opened = None
    spans.extend(m.span(1) for m in re.finditer(r"(?:^|\s)'([A-Z][^']{20,}?[.,!?])'(?=\s|$)", text))
    return sorted(spans)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(('"', "'", " ", "We", "will", "rebuild.", "(", "—", "said", ",")),
        max_size=30,
    )
)
def test_quotation_spans_equal_the_plain_scan(words: list[str]) -> None:
    for text in ("".join(words), " ".join(words)):
        assert quotes._spans(text) == _plain_spans(text)


# --- dates: cues that every match of a pattern holds, the relation read off the last characters


def test_dev_sentences_dates_equal_the_plain_reading(dev_docs: list[Doc]) -> None:
    from tests.test_datementions import plain_find_dates

    found = 0
    for doc in dev_docs:
        for sentence, mentions in zip(doc.sentences, doc.dates, strict=True):
            for reference in {doc.reference, dt.date(2023, 11, 22), None}:
                plain = plain_find_dates(sentence.norm, reference, 2001)
                assert find_dates(sentence.norm, reference, 2001) == plain
            found += len(mentions)
    assert found > 500
