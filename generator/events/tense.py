"""Done or still to come: "The Orla will replace the Tamar" / "replaced the Tamar".

The same subject and object (capitalised names) with the same verb, told as a
future ("will replace", "is expected to replace") in one article and as done
("replaced") in another, are two versions of where things stand. Reports
published on different days are not compared (the later one may tell what has
since happened: an update); an article telling both takes no side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from generator.events.document import Doc
from generator.events.model import Conflict, ConflictSide, Quote
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import STOPWORDS

TENSE = "status"

_WILL = r"(?:will|would|is\s+to|is\s+set\s+to|is\s+expected\s+to|plans\s+to)"
_FUTURE = re.compile(
    r"\b([A-Z][a-z]{2,})\b(?:\s+[\w-]+){0,3}?\s+" + _WILL + r"\s+(?:\w+ly\s+)?([a-z]{4,})\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?([A-Z][a-z]{2,})\b"
)
# The future words alone, between spaces as in _FUTURE: a sentence without them is not
# read word by word.
_FUTURE_WORDS = re.compile(r"\s" + _WILL + r"\s")
_PAST_REACH = 30
_CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")


def tense_conflicts(docs: Sequence[Doc], order: Sequence[str]) -> list[Conflict]:
    """Things one article says will happen and another says have happened.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        One conflict per (subject, verb, object) told both ways.
    """
    rank = {a: n for n, a in enumerate(order)}
    ordered = sorted(docs, key=lambda d: (rank.get(d.id, len(rank)), d.id))
    futures: dict[tuple[str, str, str], list[Quote]] = {}
    for doc in ordered:
        for sentence in _body_lines(doc):
            if not _FUTURE_WORDS.search(sentence[0]):
                continue
            for start in _CAPITAL.finditer(sentence[0]):
                found = _FUTURE.match(sentence[0], start.start())
                if found is None:
                    continue
                subject, verb, obj = found.groups()
                if subject.lower() in STOPWORDS or obj.lower() in STOPWORDS or subject == obj:
                    continue
                key = (subject, verb, obj)
                quotes = futures.setdefault(key, [])
                if all(q.article_id != doc.id for q in quotes):
                    quotes.append(Quote(doc.id, sentence[0], sentence[1]))
    out: list[Conflict] = []
    for (subject, verb, obj), future in sorted(futures.items()):
        done = re.compile(rf"\b{_past(verb)}\b[^.;]{{0,{_PAST_REACH}}}\b{obj}\b")
        past: list[Quote] = []
        for doc in ordered:
            said = next(
                (s for s in _body_lines(doc) if subject in s[0] and done.search(s[0])), None
            )
            if said is not None:
                past.append(Quote(doc.id, said[0], said[1]))
        both = {q.article_id for q in future} & {q.article_id for q in past}
        future = [q for q in future if q.article_id not in both]
        past = [q for q in past if q.article_id not in both]
        dates = {d.id: d.article.published.date for d in docs}
        if not future or not past or _different_days(future, past, dates):
            continue
        sides = (
            ConflictSide(f"{_past(verb)} {obj}", _ids(past), tuple(past)),
            ConflictSide(f"will {verb} {obj}", _ids(future), tuple(future)),
        )
        built = tuple(sorted(sides, key=lambda s: min(rank.get(a, 0) for a in s.article_ids)))
        listed = "; ".join(f"{s.value} in {', '.join(s.article_ids)}" for s in built)
        summary = f"The articles differ on whether {subject} has done it yet: {listed}."
        out.append(Conflict(TENSE, None, summary, built))
    return out


def _body_lines(doc: Doc) -> list[tuple[str, int]]:
    """The article's body sentences as (text, line)."""
    return [(s.text, s.line) for s in doc.sentences if s.kind not in (HEADING, TABLE)]


def _past(verb: str) -> str:
    """The regular past form of a verb ("replace" → "replaced")."""
    return verb + "d" if verb.endswith("e") else verb + "ed"


def _ids(quotes: Sequence[Quote]) -> tuple[str, ...]:
    return tuple(q.article_id for q in quotes)


def _different_days(
    future: Sequence[Quote], past: Sequence[Quote], dates: dict[str, dt.date | None]
) -> bool:
    """Whether every dated report of one side came out on another day than the other's."""
    days_future = {dates.get(q.article_id) for q in future} - {None}
    days_past = {dates.get(q.article_id) for q in past} - {None}
    return bool(days_future and days_past and not days_future & days_past)
