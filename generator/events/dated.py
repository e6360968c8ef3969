"""When something happened, as a verb phrase and its date: "pleaded guilty in July 1973".

"Mr. Dunn pleaded guilty to fraud in July 1981" / "On June 3, 1981, he
pleaded guilty to one count of fraud": the same verb
phrase (a past verb and the content word after it) dated in the same clause, by a
date whose month the article itself writes, is one happening told on two dates.
A date that only counts relative to publication ("on Friday"), a year alone, or a
phrase after "said" is not read; two sentences naming different people before the
verb tell about different people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.events.document import Doc, span_of
from generator.events.numbers import Quantity
from generator.events.phrases import claim_words, is_verbish
from generator.events.slotunits import Reading
from generator.text.datementions import DateMention
from generator.text.dates import DAY, MONTH
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import SPEECH_VERBS, STOPWORDS
from generator.text.tokens import TOKEN_RE

DATED = "date"

DATED_MIN_SHARED = 1
"""Besides the verb phrase, two sentences dating one happening share this many content words."""

_SPEECH = SPEECH_VERBS
_CUTS = ",;:()—"
_INTRO = 3


def dated_readings(docs: Sequence[Doc]) -> list[tuple[Reading, Reading]]:
    """Pairs of different dates given to the same verb phrase in different articles.

    Args:
        docs: The articles of one event.

    Returns:
        (reading, reading) pairs whose dates cannot both hold, in a deterministic order.
    """
    found: dict[str, list[tuple[Reading, frozenset[str], frozenset[str]]]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.id):
        for sentence in doc.sentences:
            if sentence.kind in (HEADING, TABLE):
                continue
            for mention in doc.dates[sentence.index]:
                read = _dated(sentence.norm, mention)
                if read is None:
                    continue
                phrase, names = read
                quantity = _as_days(mention)
                reading = Reading(
                    doc.id,
                    DATED,
                    _without_relation(mention),
                    mention.label(),
                    sentence.text,
                    sentence.line,
                    phrase,
                    phrase,
                    quantity,
                )
                found[phrase].append((reading, frozenset(claim_words(sentence.norm)), names))
    out: list[tuple[Reading, Reading]] = []
    for phrase in sorted(found):
        group = found[phrase]
        for x, (a, wa, na) in enumerate(group):
            for b, wb, nb in group[x + 1 :]:
                if a.article_id == b.article_id or a.key == b.key or (na and nb and na != nb):
                    continue
                words = phrase.split()
                shared = {w for w in wa & wb if not any(p in w for p in words)}
                if len(shared) >= DATED_MIN_SHARED:
                    out.append((a, b))
    return out


def _dated(norm: str, mention: DateMention) -> tuple[str, frozenset[str]] | None:
    """The verb phrase a date dates in its clause, and the names before it, else None."""
    if mention.date is None or mention.inferred or mention.precision not in (DAY, MONTH):
        return None
    left = max(norm.rfind(c, 0, mention.start) for c in _CUTS) + 1
    right = _cut_after(norm, mention.end)
    if mention.start <= _INTRO and right < len(norm):
        # "On June 3, 1981, he pleaded guilty": an opening date dates the next clause.
        right = _cut_after(norm, right + 1)
    before = TOKEN_RE.findall(norm[left : mention.start])
    if before and before[-1].lower() in _SPEECH:
        return None
    toks = [*before, *TOKEN_RE.findall(norm[mention.end : right])]
    low = [t.lower() for t in toks]
    for i, word in enumerate(low[:-1]):
        nxt = low[i + 1]
        if (
            is_verbish(word)
            and not word.endswith("ing")
            and word not in _SPEECH
            and nxt.isalpha()
            and nxt not in STOPWORDS
        ):
            names = frozenset(t.lower() for t in toks[:i] if t[:1].isupper() and t.isalpha())
            return (f"{word} {nxt}", names - STOPWORDS)
    return None


def _without_relation(mention: DateMention) -> str:
    """The date as written without its relation word ("July 1973" for "in July 1973")."""
    text = mention.text
    if mention.relation and text.lower().startswith(mention.relation + " "):
        return text[len(mention.relation) + 1 :]
    return text


def _cut_after(norm: str, at: int) -> int:
    """Offset of the first clause cut at or after ``at`` (end of text when none)."""
    found = [n for n in (norm.find(c, at) for c in _CUTS) if n >= 0]
    return min(found) if found else len(norm)


def _as_days(mention: DateMention) -> Quantity:
    """The mention's interval as day ordinals (a month covers its days)."""
    span = span_of(mention)
    assert span is not None
    first, last = span.first.toordinal(), span.last.toordinal()
    high = float(last) if last != first else None
    return Quantity(0, 0, float(first), high, "", 0, False, None, mention.text)
