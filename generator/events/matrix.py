"""Which aligned facts the fact matrix shows, and how each row is named.

The alignment reads a claim from every number next to a noun, so some rows are
not facts a researcher would accept: a clock time ("7 p.m. Friday"), a bare
duration ("about 24 hours earlier"), a unit with nothing measured ("6 miles"),
the ages of different people in one row ("38-year-old X", "63-year-old Y"), or
a description cut mid-clause ("the middle of tensions between its … allies").
These rules are linguistic (word classes of the project's lexicon), never tied
to particular articles. Rows that count the same thing over different scopes
("8 people injured" in one attack, "at least 62" over all attacks) get the
scope in their description, so no two rows read alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from slugify import slugify

from generator.events.claims import DATE, Claim
from generator.events.model import AGREED, CONFLICT, SINGLE, FactCell, FactRow
from generator.text.calendar import WEEKDAYS
from generator.text.factwords import (
    ATTRIBUTION_WORDS,
    CLOCK_WORDS,
    COUNTED_UNITS,
    CUMULATIVE_WORDS,
    HAPPENINGS,
    OFFSET_WORDS,
    SUBORDINATORS,
    TIME_UNITS,
)
from generator.text.lexicon import FUNCTION_WORDS, IRREGULAR_PLURALS
from generator.text.normalise import lemma

Row = tuple[FactRow, Sequence[Claim]]


ATTRIBUTION_REACH = 4
"""How many words before a date an attribution word makes the date a dateline."""


CLIPPED_LEAD_WORDS = 6
"""A lead-in this long was cut by the claim window (``claims._MAX_BEFORE``), mid-clause."""

_ELLIPSIS = "…"


def describe_scopes(rows: Sequence[Row]) -> list[Row]:
    """Name the scope of rows that would otherwise read alike.

    Two rows with the same description and measure count the same thing over
    different scopes (one attack vs all attacks, different periods or places);
    each gets its scope ("people injured (since October 17)").

    Args:
        rows: Fact rows with their claims.

    Returns:
        The rows, in the same order, with distinguishing descriptions.
    """
    alike: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (row, _) in enumerate(rows):
        alike[(row.description.lower(), row.measure)].append(index)
    out = list(rows)
    for indexes in alike.values():
        if len(indexes) < 2:
            continue
        used: set[str] = set()
        for index in indexes:
            row, group = rows[index]
            scope = _scope(group)
            if row.background and not scope:
                scope = "background"
            if not scope or scope in used:
                others = {w for i in indexes if i != index for c in rows[i][1] for w in c.near}
                scope = _own_word(group, others)
            if not scope or scope in used:
                continue
            used.add(scope)
            out[index] = (replace(row, description=f"{row.description} ({scope})"), group)
    return out


def _scope(group: Sequence[Claim]) -> str:
    """The scope most of a row's claims state, or ""."""
    votes: dict[str, int] = defaultdict(int)
    for claim in group:
        votes[_claim_scope(claim)] += 1
    best = max(sorted(votes), key=lambda s: votes[s])
    return best


def _own_word(group: Sequence[Claim], others: set[str]) -> str:
    """The word around the number most of a row's claims use and the other rows' never do."""
    counts: dict[str, int] = defaultdict(int)
    for claim in group:
        written = set(claim.text.lower().replace(",", " ").split())
        for word in claim.near - others:
            # Only words as written: ``near`` also holds joined pairs ("ammunitionfound").
            if word in written and word not in FUNCTION_WORDS and len(word) > 2:
                counts[word] += 1
    return max(sorted(counts), key=lambda w: counts[w], default="")


def _claim_scope(claim: Claim) -> str:
    """One claim's scope: its period, else whether it sums several happenings, else its date."""
    if claim.since is not None:
        return f"since {_strip_relation(claim.since.text)}"
    words = [w.lower() for w in claim.text.replace(",", " ").split()]
    if CUMULATIVE_WORDS & set(words) or _plural_happening(words):
        return "cumulative"
    dated = next((m for m in claim.dates if m.date is not None and m.relation != "since"), None)
    if dated is not None:
        text = _strip_relation(dated.text)
        relation = dated.relation or "on"
        return text if text.lower().startswith(relation.lower()) else f"{relation} {text}"
    single = _single_happening(words)
    return f"in one {single}" if single else ""


def _plural_happening(words: Sequence[str]) -> bool:
    """Whether the sentence speaks of happenings in the plural ("these attacks")."""
    for before, word in zip(["", *words], words, strict=False):
        plural = before in ("these", "the", "those", "all") and word.endswith("s")
        if plural and lemma(word) in HAPPENINGS:
            return True
    return False


def _single_happening(words: Sequence[str]) -> str:
    """The happening a sentence names in the singular ("the attack", "an attack"), or ""."""
    for before, word in zip(["", *words], words, strict=False):
        if before in ("the", "a", "an", "this", "that") and word in HAPPENINGS:
            return word
    return ""


def _strip_relation(text: str) -> str:
    """A date as written without its leading relation word ("since October 17" → "October 17")."""
    words = text.split()
    if words and words[0].lower() in ("since", "on", "in", "at", "from"):
        words = words[1:]
    return " ".join(words)


def curate(rows: Sequence[Row]) -> tuple[FactRow, ...]:
    """The rows the matrix shows: junk dropped, rows of different people's ages split.

    Conflicts are found before this (from every aligned row), so curating the
    matrix never changes what the discrepancy section reports.

    Args:
        rows: Fact rows with their claims, in display order.

    Returns:
        The rows to show, in the same order.
    """
    out: list[FactRow] = []
    ages: dict[str, int] = {}
    for row, group in rows:
        if _is_age(row):
            for age in _age_rows(row, group):
                _add_age(out, ages, age)
            continue
        description = trim_description(row.description)
        if junk(row, description):
            continue
        out.append(replace(row, description=description) if description else row)
    return tuple(out)


def _add_age(out: list[FactRow], ages: dict[str, int], age: FactRow) -> None:
    """Add an age row; merge it into an earlier row about the same person with other articles."""
    index = ages.get(age.description.lower())
    if index is None or set(out[index].article_ids) & set(age.article_ids):
        ages.setdefault(age.description.lower(), len(out))
        out.append(age)
        return
    cells = tuple(sorted((*out[index].cells, *age.cells), key=lambda c: c.article_id))
    out[index] = replace(out[index], cells=cells, status=_status(cells))


def _status(cells: Sequence[FactCell]) -> str:
    """single, agreed or conflict, from the values of the cells."""
    values = {(c.low, c.high) for c in cells}
    return SINGLE if len(cells) == 1 else AGREED if len(values) == 1 else CONFLICT


def trim_description(description: str) -> str:
    """A description cut before the first word that opens a new clause (its scope kept)."""
    text, bracket, scope = description.partition(" (")
    words = text.split()
    for position, word in enumerate(words):
        if position and word.lower() in SUBORDINATORS:
            words = words[:position]
            break
    # "with with … receptions": a word the alignment doubled reads once.
    words = [w for i, w in enumerate(words) if not i or w.lower() != words[i - 1].lower()]
    while len(words) > 1 and _dangling(words[-1]):
        words = words[:-1]
    return " ".join(words) + bracket + scope


def _dangling(word: str) -> bool:
    """Whether a last word leaves the description hanging ("of", "-", "internationally")."""
    low = word.lower()
    return low in FUNCTION_WORDS or not any(ch.isalnum() for ch in low) or low.endswith("ly")


def junk(row: FactRow, description: str) -> bool:
    """Whether a row is no fact a researcher would accept (see the module doc).

    Args:
        row: The aligned row.
        description: Its description, trimmed.

    Returns:
        True when the row counts no real thing, or is a one-article fragment.
    """
    words = description.split()
    lows = [w.lower() for w in words]
    if len(row.thing) < 2 or len(description) < 3:
        return True
    content = [w for w in lows if w not in FUNCTION_WORDS and w != _ELLIPSIS and w.isalpha()]
    if row.measure == DATE:
        lead = lows[: lows.index(_ELLIPSIS)] if _ELLIPSIS in lows else lows
        # "said in a statement on …": the date is when someone spoke (a dateline), but not in
        # "who they said had been killed in battle on …", where the verb is far from the date.
        spoke = bool(ATTRIBUTION_WORDS & set(lead[-ATTRIBUTION_REACH:]))
        return len(row.cells) == 1 and (spoke or len(_content(lead)) < 3)
    if lows and lows[0].rstrip(".") + "." in CLOCK_WORDS | {"a.m.", "p.m."}:
        return True
    if lemma(row.thing.replace(".", "")) in {"am", "pm"}:
        return True
    if row.measure:
        return False
    thing = lemma(row.thing)
    others = [w for w in content if lemma(w) != thing]
    if thing in TIME_UNITS | COUNTED_UNITS and not others:
        return True
    if thing in TIME_UNITS and _offset_or_clock(lows):
        return True
    if thing in TIME_UNITS and len(lows) > 1 and lows[0] == thing and _content(lows[1:2]):
        # "17-year war", "24-hour curfew": a singular unit before a noun makes the number the
        # duration of another thing, not a count of years ("years of tax returns" stays).
        return True
    if len(content) == 1 and len(words) == 1 and not _bare_count(lows[0]):
        # One word that is no plural noun ("wednesday", "fully", "gun" of "AK-47 gun").
        return True
    if len(row.cells) > 1:
        return False
    if _ELLIPSIS in lows:
        lead = lows[: lows.index(_ELLIPSIS)]
        # A long lead-in that does not open the sentence (capital) was cut mid-clause.
        clipped = len(lead) >= CLIPPED_LEAD_WORDS and not words[0][:1].isupper()
        if clipped or not _content(lead):
            return True
    return len(content) < 2


def _bare_count(word: str) -> bool:
    """Whether one word alone can name what is counted: a plural noun, not "times"."""
    if word in IRREGULAR_PLURALS or word.endswith("men"):
        return True
    plural = word.endswith("s") and not word.endswith(("ss", "us", "'s")) and lemma(word) != word
    return plural and lemma(word) != "time" and word not in WEEKDAYS


def _content(words: Sequence[str]) -> list[str]:
    """Content words (not function words, not punctuation)."""
    return [w for w in words if w.replace("-", "").isalpha() and w not in FUNCTION_WORDS]


def _offset_or_clock(lows: Sequence[str]) -> bool:
    """Whether a time-unit row is an offset ("years later") or a clock time ("at … hours")."""
    unit = next((i for i, w in enumerate(lows) if lemma(w) in TIME_UNITS), None)
    if unit is None:
        return False
    offset = unit + 1 < len(lows) and lows[unit + 1] in OFFSET_WORDS
    clock = unit >= 2 and lows[unit - 1] == _ELLIPSIS and lows[unit - 2] == "at"
    return offset or clock


def _is_age(row: FactRow) -> bool:
    """Whether the row gives ages ("38-year-old …")."""
    return row.description.lower().startswith("year-old") and not row.measure


def _age_rows(row: FactRow, group: Sequence[Claim]) -> list[FactRow]:
    """One row per person whose age is given ("age of Anthony LaCalamita").

    Ages of different people never share a row; an age whose person is not
    named beyond a fragment is dropped.
    """
    people: dict[str, list[Claim]] = defaultdict(list)
    named: dict[str, str] = {}
    for claim in group:
        person = _person(claim.phrase)
        if person:
            people[person.lower()].append(claim)
            named.setdefault(person.lower(), person)
    out: list[FactRow] = []
    for person in sorted(people, key=lambda p: (-len(people[p]), p)):
        ids = {c.article_id for c in people[person]}
        cells = tuple(c for c in row.cells if c.article_id in ids)
        status = _status(cells)
        out.append(
            replace(
                row,
                key=f"{row.key}-{slugify(person)}",
                description=f"age of {named[person]}",
                cells=cells,
                status=status,
            )
        )
    return out


def _person(phrase: str) -> str:
    """Who an age phrase is about: the capitalised name after "year-old", else the noun.

    "year-old Anthony LaCalamita" → "Anthony LaCalamita"; "year-old girl" → "the girl";
    "year-old congressman from a … district" → "the congressman".
    """
    words = phrase.split()[1:] if phrase.lower().startswith("year-old") else []
    name: list[str] = []
    for position, word in enumerate(words):
        if word[:1].isupper() and word.isalpha() and (name or position <= 1):
            name.append(word)
        elif name or position >= 1:
            break
    if name:
        return " ".join(name)
    first = words[0].lower() if words else ""
    if first.isalpha() and first not in FUNCTION_WORDS:
        return f"the {first}"
    return ""
