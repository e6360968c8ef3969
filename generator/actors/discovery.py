"""Discover names that look like actors (or places) but are not registered.

Works without any registry. Capitalised runs are collected from every
sentence that is not a heading, grouped by spelling-insensitive key, merged
(initials, plurals, demonyms onto the country, bare surnames onto the full
name) and kept when the text gives a reason: a title, a kind of
organisation, an appositive, an organisation or place head, or recurrence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.actors.candidates import ORG_CUES, PERSON_CUES, Candidate
from generator.text.document import CharSpan
from generator.text.lexicon import (
    ADJECTIVE_ENDINGS,
    ARABIC_ARTICLES,
    DEMONYM_STEMS,
    NAME_STOPWORDS,
    NAME_SUFFIXES,
    ORG_HEADS,
    PEOPLE_PLURAL_ENDINGS,
    PLACE_HEADS,
)
from generator.text.normalise import name_key
from generator.text.tokens import LETTER_WORD

_HEADLINE_RATIO = 0.7
_HEADLINE_MAX_WORDS = 25
_STRONG_PLACE = 2
_WEAK_PLACES = 3
_STRONG_CUES = PERSON_CUES | ORG_CUES | frozenset({"compound"})
# Cues of candidates merged into another name (not mentions of the name itself).
_MERGED = frozenset({"demonym", "surname"})


@dataclass(frozen=True, slots=True)
class NameScan:
    """An article body prepared for finding names (not the text model's Document).

    Attributes:
        id: Article id.
        text: Body with URLs blanked out (offsets unchanged).
        sentences: TokenSpan spans of the body.
        headings: For each sentence, whether it reads as a heading.
    """

    id: str
    text: str
    sentences: tuple[CharSpan, ...]
    headings: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class FoundMention:
    """One mention of a discovered name."""

    doc: int
    start: int
    end: int
    form: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class Found:
    """A discovered name with its mentions.

    Attributes:
        key: Grouping key.
        name: Most frequent full spelling.
        kind: ``person``, ``organisation``, ``place`` or ``name``.
        reasons: Why it was kept.
        mentions: Mentions sorted by article and position.
        spellings: Spellings of the name itself (not of merged demonyms).
        target: Registered actor id it belongs to, when merged onto one
            (a demonym such as "Russian" for a registered "Russia").
    """

    key: str
    name: str
    kind: str
    reasons: tuple[str, ...]
    mentions: tuple[FoundMention, ...]
    spellings: tuple[str, ...]
    target: str | None = None


def is_heading(text: str, span: CharSpan) -> bool:
    """Return True when a sentence reads as a heading, caption or table cell.

    Headings capitalise most words, so capitals there say nothing about names.
    """
    line_start = text.rfind("\n", 0, span.start) + 1
    if text[line_start : span.start].lstrip().startswith("#"):
        return True
    sentence = text[span.start : span.end]
    words = LETTER_WORD.findall(sentence)
    content = [w for w in words if w.lower() not in NAME_STOPWORDS]
    if not content or len(words) > _HEADLINE_MAX_WORDS:
        return False
    shouted = [w for w in content if w.isupper() and len(w) >= 3]
    if len(shouted) * 2 >= len(content) and len(shouted) >= 2:
        return True
    capitals = sum(1 for w in content if w[0].isupper())
    if capitals / len(content) < _HEADLINE_RATIO:
        return False
    # A sentence dense with names still has a lower-case verb; a title has none.
    return not sentence.rstrip().endswith(".") or capitals == len(content)


def lower_vocabulary(words: Iterable[frozenset[str]]) -> frozenset[str]:
    """Return every word the corpus writes in lower case (per article), plus stopwords."""
    return frozenset().union(*words) | NAME_STOPWORDS


def discover(
    candidates: Sequence[Candidate],
    vocab: frozenset[str],
    occupied: Mapping[int, Sequence[tuple[int, int]]],
    known: Mapping[str, str],
) -> tuple[list[Found], set[tuple[int, int, int]]]:
    """Find unregistered names among the candidates of a corpus.

    Args:
        candidates: Candidate names of every article, in reading order
            (see :mod:`generator.actors.extract`).
        vocab: Every word the corpus writes in lower case (:func:`lower_vocabulary`).
        occupied: Per document, spans already matched by the registry.
        known: Name keys of registered names and aliases, to their actor id.

    Returns:
        The kept names, and (doc, start, end) of registered matches that a
        longer discovered name covers and that should therefore be dropped.
    """
    kept, covered = _against_registry(candidates, occupied)
    groups = _group(kept)
    groups = _merge_bare(groups)
    groups = _merge_articles(groups)
    groups = _merge_plurals(groups)
    groups, adopted = _merge_demonyms(groups, known)
    groups = _merge_surnames(groups)
    results = [f for f in (_judge(key, cands, vocab) for key, cands in sorted(groups.items())) if f]
    results += adopted
    results = [_adopt_known(f, known) for f in results]
    spans = {(m.doc, m.start, m.end) for f in results for m in f.mentions}
    dropped = {c for c, span in covered if span in spans}
    return sorted(results, key=lambda f: f.key), dropped


def _against_registry(
    cands: Sequence[Candidate], occupied: Mapping[int, Sequence[tuple[int, int]]]
) -> tuple[list[Candidate], list[tuple[tuple[int, int, int], tuple[int, int, int]]]]:
    """Drop candidates the registry already matched; mark those covering a match.

    Returns:
        The remaining candidates and (registered span, covering candidate span)
        pairs.
    """
    kept, covered = [], []
    for c in cands:
        spans = occupied.get(c.doc, ())
        inside = [s for s in spans if c.start < s[1] and s[0] < c.end]
        if not inside:
            kept.append(c)
        elif all(
            c.start <= s[0] and s[1] <= c.end and (s[1] - s[0]) < (c.end - c.start) for s in inside
        ):
            kept.append(c._replace(covers=True))
            covered += [((c.doc, s[0], s[1]), (c.doc, c.start, c.end)) for s in inside]
    return kept, covered


def _group(cands: list[Candidate]) -> dict[str, list[Candidate]]:
    """Group candidates by key."""
    groups: defaultdict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.key:
            groups[c.key].append(c)
    return dict(groups)


def _merge_into(groups: dict[str, list[Candidate]], source: str, target: str) -> None:
    """Move every candidate of group ``source`` into group ``target``."""
    if source != target and source in groups:
        groups.setdefault(target, []).extend(groups.pop(source))


def _merge_bare(groups: dict[str, list[Candidate]]) -> dict[str, list[Candidate]]:
    """Merge names differing only by initials ("Donald J. Trump", "Donald Trump")."""
    for key in sorted(groups):
        if key not in groups:
            continue
        bare = groups[key][0].bare_key
        if bare != key and bare in groups and groups[key][0].words >= 2:
            _merge_into(groups, key, bare)
    return groups


def _without_article(text: str) -> str:
    """Return the key of a name without a leading Arabic article ("Al Anbar")."""
    words = re.split(r"[\s\-‐‑]+", text, maxsplit=1)
    if len(words) == 2 and words[0].lower() in ARABIC_ARTICLES:
        return name_key(words[1])
    return ""


def _merge_articles(groups: dict[str, list[Candidate]]) -> dict[str, list[Candidate]]:
    """Merge "Al Anbar" into "Anbar" (and "al-Asad" into "Asad") when both occur."""
    for key in sorted(groups):
        if key not in groups:
            continue
        bare = _without_article(groups[key][0].text)
        if bare and bare in groups:
            _merge_into(groups, key, bare)
    return groups


def _merge_plurals(groups: dict[str, list[Candidate]]) -> dict[str, list[Candidate]]:
    """Merge one-word plurals into their singular ("Republicans", "Republican")."""
    for key in sorted(groups):
        single = key[:-1]
        plural = groups.get(key, [])
        if (
            plural
            and plural[0].words == 1
            and key.endswith(PEOPLE_PLURAL_ENDINGS)
            and single in groups
        ):
            _merge_into(groups, key, single)
    return groups


def demonym_stems(word: str) -> list[str]:
    """Return the keys of the places a demonym may come from ("Iraqis" -> "iraq")."""
    base = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    stems = []
    for ending, additions in DEMONYM_STEMS:
        if base.lower().endswith(ending):
            stems += [name_key(base[: -len(ending)] + add) for add in additions]
    return [s for s in dict.fromkeys(stems) if len(s) >= 3]


def _merge_demonyms(
    groups: dict[str, list[Candidate]], known: Mapping[str, str]
) -> tuple[dict[str, list[Candidate]], list[Found]]:
    """Merge demonyms onto their country ("Iranian" onto "Iran").

    Returns:
        The groups, and demonyms of registered actors as found names targeting
        those actors.
    """
    adopted = []
    for key in sorted(groups):
        cands = groups.get(key, [])
        if not cands or cands[0].words != 1 or any(c.cues & PERSON_CUES for c in cands):
            continue
        stems = demonym_stems(cands[0].text)
        local = [s for s in stems if s in groups and s != key]
        registered = [s for s in stems if s in known]
        if local:
            groups[local[0]].extend(c._replace(cues=c.cues | {"demonym"}) for c in groups.pop(key))
        elif registered:
            mentions = tuple(
                FoundMention(c.doc, c.start, c.end, "demonym", c.role) for c in groups.pop(key)
            )
            adopted.append(
                Found(key, cands[0].text, "name", ("demonym",), mentions, (), known[registered[0]])
            )
    return groups, adopted


def _surname_of(c: Candidate) -> str:
    """Return the key of a full name's surname ('' for one-word names)."""
    words = [w for w in c.text.split() if w.lower() not in NAME_SUFFIXES]
    return name_key(words[-1]) if len(words) >= 2 else ""


def _merge_surnames(groups: dict[str, list[Candidate]]) -> dict[str, list[Candidate]]:
    """Move bare surnames onto the full name used in the same article.

    "Perez" goes to "Tom Perez" when the article names exactly one person
    with that surname; failing that, when the whole corpus does.
    """
    # Surname key → document → the full names with that surname in it: a bare surname
    # looks up its own document, not every use of the surname in the corpus.
    full: defaultdict[str, defaultdict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for key, cands in groups.items():
        cues = set().union(*(c.cues for c in cands))
        if cands[0].words >= 2 and cues & PERSON_CUES and not cues & ORG_CUES:
            for c in cands:
                if not c.text.rstrip(".").lower().endswith(tuple(NAME_SUFFIXES)):
                    full[_surname_of(c)][c.doc].add(key)
    for key in sorted(groups):
        cands = groups.get(key, [])
        if not cands or cands[0].words != 1 or key not in full:
            continue
        people = full[key]
        everywhere = sorted(set().union(*people.values()))
        stay = []
        for c in cands:
            owner = _owner(people.get(c.doc, set()), everywhere)
            if owner and owner != key:
                groups[owner].append(c._replace(cues=c.cues | {"surname"}))
            else:
                stay.append(c)
        groups[key] = stay
    return {k: v for k, v in groups.items() if v}


def _owner(here: set[str], everywhere: Sequence[str]) -> str | None:
    """Return the one full name a bare surname refers to, if unambiguous.

    Args:
        here: Full names with that surname in the surname's own document.
        everywhere: Full names with that surname in the corpus, sorted.
    """
    if here:
        return min(here) if len(here) == 1 else None
    return everywhere[0] if len(everywhere) == 1 else None


def _judge(key: str, cands: list[Candidate], vocab: frozenset[str]) -> Found | None:
    """Keep a group when the text gives a reason; classify it."""
    own = [c for c in cands if c.cues.isdisjoint(_MERGED)]
    if not own:
        return None
    if any(c.covers for c in own) and len({c.doc for c in own}) < 2:
        own = [c for c in own if not c.covers]
        cands = [c for c in cands if not c.covers]
    reasons = _reasons(own, cands, vocab) if own else ()
    if not reasons:
        return None
    kind = _kind(cands, "org-head" in reasons)
    spellings = Counter(c.text for c in own)
    name = sorted(spellings, key=lambda s: (-spellings[s], -len(s), s))[0]
    mentions = tuple(
        sorted(
            (FoundMention(c.doc, c.start, c.end, _form(c), c.role) for c in cands),
            key=lambda m: (m.doc, m.start, m.end),
        )
    )
    return Found(key, name, kind, reasons, mentions, tuple(sorted(spellings)))


def _form(c: Candidate) -> str:
    """Return the mention form of a candidate."""
    if "demonym" in c.cues:
        return "demonym"
    if "surname" in c.cues:
        return "surname"
    return "discovered"


def _reasons(
    own: list[Candidate], cands: list[Candidate], vocab: frozenset[str]
) -> tuple[str, ...]:
    """Return why a group counts as a name; empty when it does not.

    Args:
        own: Mentions of the name itself.
        cands: Those plus merged demonyms and surnames.
        vocab: Words the corpus writes in lower case.
    """
    cues = set().union(*(c.cues for c in own))
    single = all(c.words == 1 for c in own)
    word = own[0].text.lower().rstrip(".")
    common = single and word in vocab
    if single and not common and word in ORG_HEADS:
        cues.add("org-head")
    strong = sorted(cues & (_STRONG_CUES | {"org-head"}))
    if common and not (cues & (_STRONG_CUES - {"org-head"})):
        return ()
    adjective = word.endswith(ADJECTIVE_ENDINGS) and not cues & {"compound", "possessive"}
    if single and adjective and all(c.adjectival for c in own):
        return ()
    if strong:
        return tuple(strong)
    if any(c.place >= 2 for c in own) and not single:
        return ("place",)
    if len(cands) >= 2 and any(not c.initial for c in cands):
        return ("recurring",)
    return ()


def _kind(cands: list[Candidate], org_head: bool) -> str:
    """Classify a group as person, organisation, place or plain name."""
    own = [c for c in cands if c.cues.isdisjoint(_MERGED)]
    place = sum(c.place for c in cands)
    actor = sum(c.actor for c in cands) + sum(2 for c in cands if "demonym" in c.cues)
    actor += 2 * len(own) if org_head else 0
    if any(c.words > 1 and c.text.split()[-1].lower() in PLACE_HEADS for c in own):
        return "place"
    # One clear sign ("west of X", "X province") or several weak ones ("in X").
    placed = any(c.place >= _STRONG_PLACE for c in cands) or place >= _WEAK_PLACES
    if placed and place > 2 * actor:
        return "place"
    person = sum(1 for c in own if c.cues & PERSON_CUES)
    org = sum(1 for c in own if c.cues & ORG_CUES) + (len(own) if org_head else 0)
    if person > org:
        return "person"
    if org:
        return "organisation"
    return "name"


def _adopt_known(found: Found, known: Mapping[str, str]) -> Found:
    """Point a discovered name whose key is a registered name at that actor."""
    if found.target is None and found.key in known:
        return replace(found, target=known[found.key])
    return found
