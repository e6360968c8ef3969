"""Find registered actors and places in text: one Aho-Corasick pass.

Every alias, demonym and derived spelling is folded (see
:func:`generator.text.normalise.fold`) and put into a single automaton that runs
over the folded text. A hit is kept when it covers whole words, its case fits
the alias (all-caps "US" is the country, "us" is not) and, when the spelling
differs from every registered one, the alias is long enough for a variant to
be safe. Overlaps go to the longest hit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from generator.actors.records import ActorRegistry, ActorType
from generator.text.lexicon import NAME_PARTICLES, NAME_SUFFIXES
from generator.text.normalise import fold, folded, is_acronym, light_key

# Spellings shorter than this (folded) only match as registered: a vowel
# swapped in "Hamas" or "Iraq" is more likely another word than a variant.
_MIN_VARIANT = 6
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One spelling put into the automaton."""

    target: str
    is_place: bool
    alias: str
    form: str
    light: str
    acronym: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """A registered actor or place found in a text, before context is added."""

    target: str
    is_place: bool
    start: int
    end: int
    form: str

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.end - self.start


def _spellings(alias: str) -> list[str]:
    """Return the alias and the spellings derived from it ("U. S." for "U.S.")."""
    out = [alias]
    if _DOTTED.match(alias):
        out.append(alias.replace(".", ". ").strip())
    return out


def _plural(demonym: str) -> list[str]:
    """Return the demonym and its plural ("Iraqi", "Iraqis")."""
    if demonym.endswith(("s", "sh", "ese", "ch")):
        return [demonym]
    return [demonym, demonym + "s"]


class Matcher:
    """All registered spellings, compiled once for a registry."""

    def __init__(self, registry: ActorRegistry) -> None:
        """Compile the automaton for ``registry``."""
        patterns: list[Pattern] = []
        self._people: dict[str, str] = {}
        for actor in registry.actors:
            patterns += self._patterns(actor.id, False, actor.name, "name")
            for alias in actor.aliases:
                patterns += self._patterns(actor.id, False, alias, "alias")
            for demonym in actor.demonyms:
                for word in _plural(demonym):
                    patterns += self._patterns(actor.id, False, word, "demonym")
            if actor.type is ActorType.PERSON:
                self._people[actor.id] = actor.name
        for place in registry.places:
            patterns += self._patterns(place.id, True, place.name, "name")
            for alias in place.aliases:
                patterns += self._patterns(place.id, True, alias, "alias")
        self._automaton = _compile(patterns)

    @staticmethod
    def _patterns(target: str, is_place: bool, alias: str, form: str) -> list[Pattern]:
        """Return the patterns of one registered spelling."""
        return [
            Pattern(target, is_place, spelling, form, light_key(spelling), is_acronym(spelling))
            for spelling in _spellings(alias)
        ]

    def find(self, text: str) -> list[Hit]:
        """Return the non-overlapping registered hits in ``text``, in order."""
        if self._automaton is None:
            return []
        key, index = fold(text)
        hits: list[Hit] = []
        for last, (word, patterns) in self._automaton.iter(key):
            first = last - len(word) + 1
            start = index[first]
            end = index[last + 1] if last + 1 < len(index) else len(text)
            end = _trim_end(text, start, end)
            hit = _accept(text, start, end, patterns)
            if hit is not None:
                hits.append(hit)
        chosen = _longest(hits)
        return sorted(chosen + self._surnames(text, chosen), key=lambda h: h.start)

    def _surnames(self, text: str, hits: list[Hit]) -> list[Hit]:
        """Return later bare-surname mentions of people named in full in ``text``."""
        found: list[Hit] = []
        taken = [(h.start, h.end) for h in hits]
        named = sorted({h.target for h in hits if h.target in self._people})
        for person in named:
            surname = _surname(self._people[person])
            if surname is None:
                continue
            pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
            for m in pattern.finditer(text):
                if not any(m.start() < e and s < m.end() for s, e in taken):
                    found.append(Hit(person, False, m.start(), m.end(), "surname"))
                    taken.append((m.start(), m.end()))
        return found


def _compile(patterns: Iterable[Pattern]) -> ahocorasick.Automaton | None:
    """Build the automaton; each folded key maps to every pattern sharing it."""
    by_key: defaultdict[str, list[Pattern]] = defaultdict(list)
    for pattern in patterns:
        key = folded(pattern.alias)
        if key:
            by_key[key].append(pattern)
    if not by_key:
        return None
    automaton = ahocorasick.Automaton()
    for key in sorted(by_key):
        automaton.add_word(key, (key, sorted(by_key[key], key=lambda p: (p.target, p.alias))))
    automaton.make_automaton()
    return automaton


def _trim_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back over spaces a collapsed hyphen or blank left behind."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _accept(text: str, start: int, end: int, patterns: list[Pattern]) -> Hit | None:
    """Return the hit for ``text[start:end]`` when it is a whole-word, case-fit match."""
    if start > 0 and text[start - 1].isalnum():
        return None
    if end < len(text) and text[end].isalnum():
        return None
    span = text[start:end]
    light = light_key(span)
    exact = [p for p in patterns if p.light == light and _case_fits(p, span)]
    if exact:
        best = exact[0]
        return Hit(best.target, best.is_place, start, end, best.form)
    variants = [p for p in patterns if len(folded(p.alias)) >= _MIN_VARIANT and _case_fits(p, span)]
    targets = {(p.target, p.is_place) for p in variants}
    if len(targets) != 1:
        return None
    target, is_place = next(iter(targets))
    return Hit(target, is_place, start, end, "variant")


def _words(text: str) -> list[str]:
    """Return the words of a name, hyphens and spaces both separating."""
    return [w for w in re.split(r"[\s\-‐‑]+", text) if w]


def _case_fits(pattern: Pattern, span: str) -> bool:
    """Return True when the capitals of ``span`` fit those of the alias."""
    if pattern.acronym:
        return all(c.isupper() for c in span if c.isalpha())
    if span.islower() and not pattern.alias.islower():
        return False
    if pattern.alias[:1].isupper() and not span[:1].isupper():
        return False
    alias_words, span_words = _words(pattern.alias), _words(span)
    if len(alias_words) != len(span_words):
        return True
    return all(
        s[:1].isupper() or not a[:1].isupper() or a.lower() in NAME_PARTICLES
        for a, s in zip(alias_words, span_words, strict=True)
    )


def _longest(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (actors before places on ties)."""
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.start, h.is_place, h.target)):
        if not any(hit.start < c.end and c.start < hit.end for c in chosen):
            chosen.append(hit)
    return chosen


def _surname(name: str) -> str | None:
    """Return the surname of a full personal name, or None for one-word names."""
    words = [w for w in name.split() if w.lower().strip(",") not in NAME_SUFFIXES]
    if len(words) < 2 or len(words[-1]) < 3:
        return None
    return words[-1]
