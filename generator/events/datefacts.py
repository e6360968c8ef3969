"""Date facts: when something happened, as each article states it.

"The attacks began on October 17", "the strike on Tuesday evening", "55
attacks since September" each give a date for a thing (attack, strike). They
become claims with measure ``date`` and are aligned and classified like counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.events.claims import DATE, Claim
from generator.events.document import Doc, span_of
from generator.events.numbers import Quantity
from generator.events.phrases import claim_words, is_verbish
from generator.text.datementions import DateMention
from generator.text.dates import DAY, MONTH
from generator.text.document import HEADING, TABLE
from generator.text.factwords import DATE_FACT_RELATIONS
from generator.text.lexicon import FUNCTION_WORDS, SPEECH_VERBS
from generator.text.normalise import lemma
from generator.text.tokens import TOKEN_RE

DATE_FACT_LOOKBACK = 5
"""The dated thing is the nearest noun at most this many words before the date."""

_SPEECH = SPEECH_VERBS
_STOP = frozenset({",", ";", ":", "(", ")", '"', "—"})


def extract_date_claims(doc: Doc, counts: Sequence[Claim]) -> tuple[Claim, ...]:
    """Date facts of one article.

    Args:
        doc: The prepared article.
        counts: The article's count claims (a count "since" a date dates its thing).

    Returns:
        Date claims in reading order.
    """
    out: list[Claim] = []
    for sentence in doc.sentences:
        if sentence.kind in (HEADING, TABLE):
            continue
        for mention in doc.dates[sentence.index]:
            claim = _date_claim(doc, sentence.index, mention, counts)
            if claim is not None:
                out.append(claim)
    return tuple(out)


def _date_claim(
    doc: Doc, index: int, mention: DateMention, counts: Sequence[Claim]
) -> Claim | None:
    """The date fact a mention states, or None when it dates nothing clear."""
    if (
        mention.date is None
        or mention.relation not in DATE_FACT_RELATIONS
        or mention.precision not in (DAY, MONTH)
    ):
        return None
    sentence = doc.sentences[index]
    before = TOKEN_RE.findall(sentence.norm[: mention.start])
    if before and before[-1].lower() in _SPEECH:
        return None
    # A count over a period ("35 protests ... since January") dates the counted thing.
    counted = [c for c in counts if c.sentence == index and c.since == mention]
    head, lead = (counted[0].thing, counted[0].phrase) if counted else _dated_thing(before)
    if not head:
        return None
    span = span_of(mention)
    if span is None:
        return None
    window = doc.window(index)
    quantity = Quantity(0, 0, None, None, "", 0, False, None, mention.text)
    return Claim(
        article_id=doc.id,
        sentence=index,
        line=sentence.line,
        text=sentence.text,
        context=" ".join(doc.sentences[i].text for i in window),
        quantity=quantity,
        measure=DATE,
        thing=head,
        noun="",
        phrase=f"{lead} {mention.relation} …".strip(),
        lead_in=lead,
        near=frozenset(claim_words(lead)) - {head},
        loc=frozenset(),
        words=frozenset(w for i in window for w in claim_words(doc.sentences[i].norm)),
        since=None,
        dates=(),
        details=(),
        anchor=span,
        when=mention,
    )


def _dated_thing(before: Sequence[str]) -> tuple[str, str]:
    """The nearest noun before a date in its clause, and the clause words up to the date."""
    clause: list[str] = []
    for token in reversed(before):
        if token in _STOP:
            break
        clause.insert(0, token)
    for token in reversed(clause[-DATE_FACT_LOOKBACK:]):
        low = token.lower()
        if token[0].isalpha() and low not in FUNCTION_WORDS and not is_verbish(low):
            return (lemma(token), " ".join(clause).strip())
    return ("", "")
