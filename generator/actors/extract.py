"""What the actor analysis reads from one article on its own.

Everything here is a pure function of one article's body and the registry,
never of the other articles, so it is cached by content
(:mod:`generator.cache`) and may run in worker processes
(:mod:`generator.workers`); :func:`generator.actors.analysis.analyse_actors`
merges the extracts of the whole corpus. After one seed is edited only its
extract is computed again, and the merge works on offsets and short strings.

Candidate generation has one corpus-wide input: a run of capitalised words
that opens its sentence drops its first word when the corpus writes that word
in lower case somewhere ("Officials said" against "Biden said"). Both readings
of such a run are kept here and the merge picks one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.actors.candidates import Candidate, TokenSpan, candidate, segments
from generator.actors.context import compound_after, descriptor
from generator.actors.discovery import NameScan, is_heading
from generator.actors.matching import Hit, Matcher
from generator.actors.records import ActorRegistry
from generator.actors.runs import inside_any, quoted_runs, runs
from generator.models import Article
from generator.text.document import CharSpan, LineIndex, document
from generator.text.normalise import clean
from generator.text.tokens import LOWER_WORD, Token, is_title, name_tokens

_NO_WORDS: frozenset[str] = frozenset()


def scan(body: str, body_line: int, article_id: str = "") -> NameScan:
    """The naming view of a body: its sentences (table cells apart), URLs blanked."""
    read = document(body, body_line)
    spans = tuple(cell for s in read.sentences for cell in read.cells(s))
    return NameScan(
        article_id, read.masked, spans, tuple(is_heading(read.masked, s) for s in spans)
    )


@dataclass(frozen=True, slots=True)
class SpanContext:
    """What a mention of ``body[start:end]`` records, whichever actor it names.

    Attributes:
        text: The words as written, whitespace collapsed.
        sentence: The sentence holding them, whitespace collapsed.
        line: 1-based line of the seed file.
        descriptor: Words around the name that describe it.
        role: Role of a relational compound after the name ("backer"), else empty.
        qualifies: The noun phrase such a compound qualifies.
    """

    text: str
    sentence: str
    line: int
    descriptor: str
    role: str
    qualifies: str


@dataclass(frozen=True, slots=True)
class RunCandidates:
    """The candidate names of one run of capitalised words.

    Attributes:
        opener: For a run that opens its sentence with a name, that word as
            :attr:`generator.text.tokens.Token.lower` gives it; empty when the
            run reads the same whatever the corpus.
        common: The candidates when ``opener`` is written in lower case
            somewhere in the corpus (the only reading when there is no opener).
        proper: The candidates when it is not.
    """

    opener: str
    common: tuple[Candidate, ...]
    proper: tuple[Candidate, ...] = ()

    def pick(self, vocabulary: frozenset[str]) -> tuple[Candidate, ...]:
        """The candidates under the corpus's lower-case ``vocabulary``."""
        if not self.opener or self.opener in vocabulary:
            return self.common
        return self.proper


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """One article's extract: every name-like span, its context and its registry matches.

    Candidates carry document index 0; the merge gives them the article's place
    in the corpus.

    Attributes:
        lower: Every word the article writes in lower case.
        hits: Registry matches, in order (see :meth:`Matcher.find`).
        runs: Candidate names, run by run, in reading order.
        contexts: The context of every span a mention may be made of
            (candidates and registry matches), by (start, end).
    """

    lower: frozenset[str]
    hits: tuple[Hit, ...]
    runs: tuple[RunCandidates, ...]
    contexts: Mapping[tuple[int, int], SpanContext]

    def candidates(self, vocabulary: frozenset[str]) -> list[Candidate]:
        """The candidates under the corpus's lower-case ``vocabulary``, in reading order."""
        return [c for run in self.runs for c in run.pick(vocabulary)]


def extract_names(body: str, body_line: int, matcher: Matcher) -> ArticleNames:
    """Read one article body for the actor analysis.

    Args:
        body: The article body.
        body_line: 1-based line of the seed file on which the body starts.
        matcher: The registry's compiled spellings.

    Returns:
        The article's extract.
    """
    names = scan(body, body_line)
    hits = tuple(matcher.find(names.text))
    found = tuple(_runs(names))
    spans = {(h.start, h.end) for h in hits}
    spans.update((c.start, c.end) for run in found for c in (*run.common, *run.proper))
    return ArticleNames(
        lower=frozenset(LOWER_WORD.findall(names.text)),
        hits=hits,
        runs=found,
        contexts=_contexts(body, body_line, names, sorted(spans)),
    )


def names_of(articles: Sequence[Article], registry: ActorRegistry) -> list[ArticleNames]:
    """The extracts of ``articles``, one after the other, in this process."""
    matcher = Matcher(registry)
    return [extract_names(a.body, a.body_line, matcher) for a in articles]


def _runs(names: NameScan) -> list[RunCandidates]:
    """The candidates of every run of every sentence that is not a heading."""
    out = []
    for span, heading in zip(names.sentences, names.headings, strict=True):
        if heading:
            continue
        # The words a name can be made of: runs() reads the same runs off them (see name_tokens).
        tokens = name_tokens(names.text, span.start, span.end)
        sentence = TokenSpan(0, span, tokens)
        quoted = quoted_runs(names.text, span)
        plain = [r for r in runs(names.text, tokens) if not inside_any(r, quoted)]
        for run in sorted(quoted + plain, key=lambda r: r[0].start):
            initial = bool(tokens) and run[0] is tokens[0]
            # segments() drops a sentence's opening name when the corpus writes it in
            # lower case; which it is, only the whole corpus can say.
            if initial and run and run[0].kind == "name" and not is_title(run[0]):
                opener = run[0].lower
                common = _candidates(names.text, sentence, run, frozenset({opener}))
                out.append(RunCandidates(opener, common, _candidates(names.text, sentence, run)))
            else:
                out.append(RunCandidates("", _candidates(names.text, sentence, run)))
    return out


def _candidates(
    text: str, sentence: TokenSpan, run: list[Token], vocabulary: frozenset[str] = _NO_WORDS
) -> tuple[Candidate, ...]:
    """The candidates of one run, under a lower-case vocabulary."""
    initial = bool(sentence.tokens) and run[0] is sentence.tokens[0]
    pieces = segments(run, initial, vocabulary)
    return tuple(candidate(text, sentence, piece, cue) for piece, cue in pieces)


def _contexts(
    body: str, body_line: int, names: NameScan, spans: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], SpanContext]:
    """The context of each span of the body."""
    lines = LineIndex(body, body_line)
    starts = [s.start for s in names.sentences]
    # Spans of one sentence share its cleaned text: cleaned once, and held (and pickled,
    # to the cache and across processes) once rather than once per span.
    cleaned: dict[tuple[int, int], str] = {}
    out = {}
    for start, end in spans:
        sentence = _enclosing(body, names.sentences, starts, start)
        bounds = (sentence.start, sentence.end)
        if bounds not in cleaned:
            cleaned[bounds] = clean(body[sentence.start : sentence.end])
        compound = compound_after(names.text, end, sentence.end)
        out[(start, end)] = SpanContext(
            text=clean(body[start:end]),
            sentence=cleaned[bounds],
            line=lines.line(start),
            descriptor=descriptor(names.text, bounds, start, end),
            role=compound.role if compound else "",
            qualifies=compound.qualifies if compound else "",
        )
    return out


def _enclosing(
    body: str, sentences: Sequence[CharSpan], starts: Sequence[int], offset: int
) -> CharSpan:
    """The sentence holding ``offset`` (its line when none does)."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    start = body.rfind("\n", 0, offset) + 1
    end = body.find("\n", offset)
    return CharSpan(start, len(body) if end < 0 else end)
