"""Every tuning threshold in one place, each with what it means in plain words.

:class:`Thresholds` gathers them by stage: what a seed may hold
(:class:`InputLimits`), how metadata is inferred (:class:`MetadataRules`), how
actors are matched, dates read, articles grouped, reuse traced and reports
compared. The thresholds page of the site is rendered from it
(:mod:`generator.site.thresholds`), so what a reader sees is what the code uses.

The input limits, metadata rules and the chart's and images' page limits
live here: their modules use :data:`INPUT_LIMITS`, :data:`METADATA_RULES` and
:data:`PAGE_LIMITS`. The other stages still keep
their constants in their own modules; their sections here read those
constants by reference (``_ref``), so they are listed in one place without a
second copy of any value.

Every field carries its description in ``metadata``: a short ``label``, the
``meaning`` in plain words, and the ``unit`` its value counts ("word",
"day", …; empty for a plain number such as a share or a weight).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any


def _about(label: str, meaning: str, unit: str = "") -> dict[str, str]:
    return {"label": label, "meaning": meaning, "unit": unit}


def _set(value: Any, label: str, meaning: str, unit: str = "") -> Any:
    """A field whose value lives here."""
    return field(default=value, metadata=_about(label, meaning, unit))


def _ref(module: str, name: str, label: str, meaning: str, unit: str = "") -> Any:
    """A field whose value is the constant ``name`` of ``module``, read when built."""

    def read() -> Any:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            # A constant moved or renamed: say where to fix the reference.
            msg = f"generator/thresholds.py lists {module}.{name}, which no longer exists"
            raise LookupError(msg) from exc

    factory: Callable[[], Any] = read
    return field(default_factory=factory, metadata=_about(label, meaning, unit))


@dataclass(frozen=True, slots=True)
class InputLimits:
    """What a seed or registry may hold before it is refused or shown as plain text.

    Each limit is generous for real articles (the longest news article in the
    evaluation corpora is under 100 KB, with paragraphs of a few thousand
    characters and no nesting deeper than three) and keeps every later stage
    linear: these are guesses about size and depth, never about content.
    """

    seed_bytes: int = _set(
        1_000_000,
        "Largest seed file",
        "A larger file is not read (ten times a long article).",
        "byte",
    )
    line_chars: int = _set(
        100_000, "Longest line of a seed", "A seed with a longer line is not read.", "character"
    )
    lines: int = _set(
        10_000,
        "Most lines in a seed",
        "A seed with more lines is not read (each line can be a paragraph, and Markdown "
        "slows down with the square of their number).",
        "line",
    )
    yaml_depth: int = _set(
        20,
        "Deepest nesting of YAML",
        "Front matter or a registry whose lists and mappings nest deeper is ignored.",
        "level",
    )
    markdown_depth: int = _set(
        16,
        "Deepest nesting of Markdown on a line",
        "A body line whose brackets, parentheses and emphasis nest deeper is shown as plain text.",
        "level",
    )
    markup_chars: int = _set(
        1_000,
        "Most Markdown characters on a line",
        "A body line with more Markdown and HTML special characters is shown as plain "
        "text too (Markdown's inline pass slows down with the square of their number).",
        "character",
    )
    inline_chars: int = _set(
        1_000,
        "Longest value shown in a page's text",
        "A longer title, summary, name or tag is cut with an ellipsis.",
        "character",
    )


@dataclass(frozen=True, slots=True)
class MetadataRules:
    """How an article's title, dates, outlets, summary and flags are read from its text."""

    reading_speed: int = _set(
        230,
        "Reading speed",
        "The reading time shown is the word count at this speed.",
        "word a minute",
    )
    headline_max_words: int = _set(
        18,
        "Longest title made from the lede",
        "A title made from the lede's first sentence is cut after this many words. A "
        "one-sentence paragraph at most four words longer, without attribution, is a "
        "headline rather than the lede.",
        "word",
    )
    headline_min_words: int = _set(
        5,
        "Shortest title made from the lede",
        "A dateline, an attribution or an opening clause is dropped from the title, and "
        "the sentence cut at a clause break, only when this many words remain.",
        "word",
    )
    caption_max_words: int = _set(
        60, "Longest photo caption", "A longer paragraph is never taken for a caption.", "word"
    )
    caption_max_sentences: int = _set(
        2,
        "Most sentences in a photo caption",
        "A paragraph with more sentences is never taken for a caption.",
        "sentence",
    )
    source_item_max_words: int = _set(
        30,
        "Longest entry of a sources block",
        'A "Sources:" block ends at the first paragraph longer than this.',
        "word",
    )
    summary_max_words: int = _set(
        60, "Longest summary", "The summary is the lede, cut after this many words.", "word"
    )
    disclosure_first_paragraphs: int = _set(
        2,
        "Opening paragraphs read for an AI disclosure",
        '"Written by AI" counts only in the first and the last paragraphs, not in the '
        "middle of a story about AI.",
        "paragraph",
    )
    disclosure_last_paragraphs: int = _set(
        3,
        "Closing paragraphs read for an AI disclosure",
        "See the opening paragraphs above.",
        "paragraph",
    )
    dateline_paragraphs: int = _set(
        6,
        "Paragraphs read for a dateline's wire credit",
        'An agency in a dateline ("WASHINGTON (Reuters) -") is credited only in the '
        "first paragraphs.",
        "paragraph",
    )
    publication_date_paragraphs: int = _set(
        3,
        "Paragraphs read for a publication date",
        "A publication date stated in the text is looked for in the first paragraphs (or "
        "up to the lede, when it comes later).",
        "paragraph",
    )


_ACTORS = "generator.actors"
_EVENTS = "generator.events"


@dataclass(frozen=True, slots=True)
class ActorRules:
    """How names in the text are matched to registered actors and places."""

    fuzzy_name: float = _ref(
        f"{_ACTORS}.analysis",
        "_FUZZY_NAME",
        "Spelling variant: whole name",
        "An unregistered spelling is merged into a registered name only when the two are "
        "this similar (0-100), with the same number of words…",
    )
    fuzzy_word: float = _ref(
        f"{_ACTORS}.analysis",
        "_FUZZY_WORD",
        "Spelling variant: each word",
        "…and each pair of words is at least this similar (0-100).",
    )
    min_variant: int = _ref(
        f"{_ACTORS}.matching",
        "_MIN_VARIANT",
        "Shortest name matched with variants",
        "Shorter names (acronyms, short words) must be written exactly as registered.",
        "letter",
    )


@dataclass(frozen=True, slots=True)
class DateRules:
    """How dates written in the text are found and given a year."""

    lede_date_sentences: int = _ref(
        "generator.dates",
        "LEDE_DATE_SENTENCES",
        "Sentences of the lede read for a publication date",
        "A one-paragraph article recounts its background later in the same paragraph.",
        "sentence",
    )
    year_from_own_dates: int = _ref(
        "generator.dates",
        "YEAR_FROM_OWN_DATES_DAYS",
        "Year from the article's own dates",
        "A weekday date without a year takes the year of the article's full dates at most "
        "this far off.",
        "day",
    )
    future_slack: int = _ref(
        f"{_EVENTS}.timeexpr",
        "FUTURE_SLACK_DAYS",
        "Upcoming dates",
        "A date without a year at most this far after the report is read as upcoming, "
        "not as last year's.",
        "day",
    )
    peer_year: int = _ref(
        f"{_EVENTS}.pubdates",
        "PEER_YEAR_MAX_DAYS",
        "Year from other reports of the event",
        "A publication date without a year takes a year only when that puts it this close "
        "to a dated report of the same event.",
        "day",
    )
    carry_sentences: int = _ref(
        f"{_EVENTS}.document",
        "CARRY_SENTENCES",
        "Time carried to the next sentences",
        "A sentence without a date is about the time named at most this many sentences "
        'before it ("In April a quake struck. Five people died.").',
        "sentence",
    )
    occurred_lookback: int = _ref(
        f"{_EVENTS}.timeline",
        "OCCURRED_LOOKBACK_DAYS",
        "When the event happened",
        "The event happened on a day the articles name at most this long before the first "
        "report (and not after the last).",
        "day",
    )
    date_fact_words: frozenset[str] = _ref(
        f"{_EVENTS}.datefacts",
        "DATE_FACT_RELATIONS",
        "Words that introduce a dated fact",
        'Only dates after these words ("on Tuesday", "since October 17") are compared.',
    )
    date_fact_lookback: int = _ref(
        f"{_EVENTS}.datefacts",
        "DATE_FACT_LOOKBACK",
        "What a date is about",
        "The dated thing is the nearest noun at most this many words before the date.",
        "word",
    )


@dataclass(frozen=True, slots=True)
class GroupingRules:
    """How articles are grouped into events."""

    link_min: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_LINK_MIN",
        "Similarity that proposes a merge",
        "Two articles may report one event when their similarity (text plus weighted "
        "names, 0-2) reaches this.",
    )
    merge_mean: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_MERGE_MEAN",
        "Similarity that merges two groups",
        "Two groups merge only when the mean similarity of all their pairs reaches this.",
    )
    name_weight: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_NAME_WEIGHT",
        "Weight of names",
        "How much the names (who and where) count next to the words (what).",
    )
    name_lede_weight: int = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_NAME_LEDE_WEIGHT",
        "Weight of a name in the opening",
        "A name in the headline or the opening sentences counts this many times.",
    )
    lede_sentences: int = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_LEDE_SENTENCES",
        "An article's opening",
        "The sentences after the headline that make its opening.",
        "sentence",
    )
    contrast_share: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_CONTRAST_SHARE",
        "A name that keeps groups apart",
        "A name in the opening of at least this share of a group's reports (two or more) "
        "keeps it apart from a group that never names it.",
    )
    contrast_max_share: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_CONTRAST_MAX_SHARE",
        "Distinctive names",
        "Only names opening at most this share of all articles are distinctive enough to "
        "keep groups apart…",
    )
    contrast_min_limit: int = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_CONTRAST_MIN_LIMIT",
        "Distinctive names in a small corpus",
        "…or, in a small corpus, names opening at most this many articles.",
        "article",
    )
    date_window: int = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_DATE_WINDOW_DAYS",
        "Reports of one event",
        "Dated articles of one event are published at most this far apart.",
        "day",
    )
    event_lookback: int = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_EVENT_LOOKBACK_DAYS",
        "The day of the news",
        "A day named in an article's opening is the day of its news when it falls at most "
        "this long before publication; groups whose news days are further apart than the "
        "window above are two events.",
        "day",
    )
    actor_max_share: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_ACTOR_MAX_SHARE",
        "Actors too common to group by",
        "Actors named by more than this share of all articles do not propose groups.",
    )
    signature_terms: int = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_SIGNATURE_TERMS",
        "Words in an article's signature",
        "The most telling words of an article, used to find candidate pairs quickly.",
        "word",
    )
    lsh_threshold: float = _ref(
        f"{_EVENTS}.grouping",
        "GROUP_LSH_THRESHOLD",
        "Overlap that makes a candidate pair",
        "Share of signature words two articles must share to be compared at all (low: it "
        "only proposes).",
    )
    minhash_permutations: int = _ref(
        f"{_EVENTS}.grouping",
        "MINHASH_PERMUTATIONS",
        "Hashes per signature",
        "More hashes estimate overlap more precisely (fixed seed, so results repeat).",
        "hash",
    )


@dataclass(frozen=True, slots=True)
class ProvenanceRules:
    """How reuse of text between articles (who copied whom) is traced."""

    sentence_min: float = _ref(
        f"{_EVENTS}.provenance",
        "REUSE_SENTENCE_MIN",
        "Near-identical sentences",
        "Two sentences are the same text when they share this share of their content "
        "words (rewrites that keep the facts stay above it).",
    )
    min_words: int = _ref(
        f"{_EVENTS}.provenance",
        "REUSE_MIN_WORDS",
        "Shortest sentence compared for reuse",
        "Shorter sentences cannot tell reuse from coincidence.",
        "content word",
    )
    min_share: float = _ref(
        f"{_EVENTS}.provenance",
        "REUSE_MIN_SHARE",
        "Share of sentences that makes reuse",
        "Reuse is reported when at least this share of an article's sentences match…",
    )
    min_pairs: int = _ref(
        f"{_EVENTS}.provenance",
        "REUSE_MIN_PAIRS",
        "Sentences that make reuse",
        "…and at least this many.",
        "sentence",
    )
    lsh_threshold: float = _ref(
        f"{_EVENTS}.provenance",
        "REUSE_LSH_THRESHOLD",
        "Overlap that makes a candidate sentence",
        "Lower than the near-identical share, so that few true matches are missed.",
    )
    relay_flags: frozenset[str] = _ref(
        f"{_EVENTS}.provenance",
        "RELAY_FLAGS",
        "Flags of a relayed text",
        "Articles with these flags are taken to derive from other reporting.",
    )
    minhash_permutations: int = _ref(
        f"{_EVENTS}.provenance",
        "MINHASH_PERMUTATIONS",
        "Hashes per sentence",
        "More hashes estimate overlap more precisely (fixed seed, so results repeat).",
        "hash",
    )
    boilerplate_spread: int = _ref(
        f"{_EVENTS}.provenance",
        "BOILERPLATE_SPREAD",
        "Boilerplate",
        "A sentence found in more articles than this is a stock line, not evidence of "
        "reuse; it is skipped (this also keeps the work linear).",
        "article",
    )
    max_sentences: int = _ref(
        f"{_EVENTS}.provenance",
        "REUSE_MAX_SENTENCES",
        "Sentences compared per article",
        "Later ones are left out; no news article comes near it.",
        "sentence",
    )
    wire_min_carriers: int = _ref(
        f"{_EVENTS}.provenance",
        "WIRE_MIN_CARRIERS",
        "Articles that reveal a wire's copy",
        "When this many articles crediting one agency carry the same uncredited text, it "
        "is taken to be the agency's copy.",
        "article",
    )


@dataclass(frozen=True, slots=True)
class ComparisonRules:
    """How the reports of one event are compared: facts, quotations and wording."""

    anchor_gap: int = _ref(
        f"{_EVENTS}.align",
        "FACT_ANCHOR_GAP_DAYS",
        "Numbers about different times",
        "Two numbers about times further apart are never the same fact.",
        "day",
    )
    align_min_score: float = _ref(
        f"{_EVENTS}.align",
        "ALIGN_MIN_SCORE",
        "Claims about the same fact",
        "Smallest similarity (0-1) at which two claims may state the same fact.",
    )
    align_min_mean: float = _ref(
        f"{_EVENTS}.align",
        "ALIGN_MIN_MEAN",
        "Facts that merge",
        "Two candidate facts merge only when their claims' mean similarity reaches this.",
    )
    bridge_min_score: float = _ref(
        f"{_EVENTS}.align",
        "BRIDGE_MIN_SCORE",
        "Counts of differently named things",
        '"66 attacks" and "66 incidents" align only with equal values and contexts this similar.',
    )
    near_weight: float = _ref(
        f"{_EVENTS}.align",
        "NEAR_WEIGHT",
        "Weight of the clause around a number",
        "Part of the claim similarity.",
    )
    sentence_weight: float = _ref(
        f"{_EVENTS}.align",
        "SENTENCE_WEIGHT",
        "Weight of the whole sentence",
        "The rest of the claim similarity.",
    )
    same_value_bonus: float = _ref(
        f"{_EVENTS}.align",
        "SAME_VALUE_BONUS",
        "Bonus for the same number",
        "Added when two claims give the same number.",
    )
    same_period_bonus: float = _ref(
        f"{_EVENTS}.align",
        "SAME_PERIOD_BONUS",
        "Bonus for the same period",
        'Added when both count over a period ("since …"), and again for the same start.',
    )
    lead_claim_bonus: float = _ref(
        f"{_EVENTS}.align",
        "LEAD_CLAIM_BONUS",
        "Bonus for the leading number",
        "Added when each claim is the first precise count of its thing in its article.",
    )
    leaves_out_share: float = _ref(
        f"{_EVENTS}.compare",
        "LEAVES_OUT_MIN_SHARE",
        "A fact an article leaves out",
        "Reported by more than this share of the other articles…",
    )
    leaves_out_articles: int = _ref(
        f"{_EVENTS}.compare",
        "LEAVES_OUT_MIN_ARTICLES",
        "A fact an article leaves out (articles)",
        "…and by at least this many.",
        "article",
    )
    detail_majority: float = _ref(
        f"{_EVENTS}.compare",
        "DETAIL_MAJORITY_SHARE",
        "The majority's detail",
        "A detail carried by at least this share of the other reports.",
    )
    detail_min_reports: int = _ref(
        f"{_EVENTS}.compare",
        "DETAIL_MIN_REPORTS",
        "Facts checked for differing details",
        "Only facts this many articles agree on.",
        "article",
    )
    detail_min_words: int = _ref(
        f"{_EVENTS}.compare",
        "DETAIL_MIN_WORDS",
        "A differing detail",
        "Majority words the odd article never uses.",
        "word",
    )
    update_min_values: int = _ref(
        f"{_EVENTS}.compare",
        "UPDATE_MIN_VALUES",
        "A rising toll",
        "A number given with this many values, rising with the reports, is an update even "
        "when reports of one day cannot be ordered.",
        "value",
    )
    frame_min_near: float = _ref(
        f"{_EVENTS}.compare",
        "FRAME_MIN_NEAR",
        "Two counts of one fact: clauses",
        "The clauses around them share this much…",
    )
    frame_min_shared: int = _ref(
        f"{_EVENTS}.compare",
        "FRAME_MIN_SHARED",
        "Two counts of one fact: sentences",
        "…and their sentences share this many content words.",
        "word",
    )
    quote_min_words: int = _ref(
        f"{_EVENTS}.quotes",
        "QUOTE_MIN_WORDS",
        "Shortest quotation compared",
        "Shorter quotations are not compared.",
        "word",
    )
    quote_min_shared: int = _ref(
        f"{_EVENTS}.quotes",
        "QUOTE_MIN_SHARED",
        "One statement quoted twice",
        "Two quotations render one statement when they share this many words in order…",
        "word",
    )
    quote_min_cover: float = _ref(
        f"{_EVENTS}.quotes",
        "QUOTE_MIN_COVER",
        "One statement quoted twice (share)",
        "…covering at least this share of the shorter one.",
    )
    quote_max_change: int = _ref(
        f"{_EVENTS}.quotes",
        "QUOTE_MAX_CHANGE",
        "A changed wording",
        "Reported when at most this many words replace as many others…",
        "word",
    )
    quote_anchor: int = _ref(
        f"{_EVENTS}.quotes",
        "QUOTE_ANCHOR",
        "A changed wording (anchors)",
        "…between runs of at least this many identical words.",
        "word",
    )
    quote_spelling: int = _ref(
        f"{_EVENTS}.quotes",
        "QUOTE_SPELLING_RATIO",
        "Spelling, not rewording",
        "Replacements this similar (0-100) are spelling variants.",
    )
    lede_min_words: int = _ref(
        f"{_EVENTS}.wording",
        "LEDE_MIN_WORDS",
        "Shortest lede",
        "The lede is the first sentence this long (shorter ones are datelines).",
        "word",
    )
    lede_candidates: int = _ref(
        f"{_EVENTS}.wording",
        "LEDE_CANDIDATES",
        "Sentences read for the action",
        "The action is looked for in the first lede candidates.",
        "sentence",
    )
    lede_stale: int = _ref(
        f"{_EVENTS}.wording",
        "LEDE_STALE_DAYS",
        "An old date marks a caption",
        "A sentence naming a full date this long before publication is a caption.",
        "day",
    )
    action_max_words: int = _ref(
        f"{_EVENTS}.wording",
        "ACTION_MAX_WORDS",
        "Longest action phrase",
        "The action phrase stops after this many words.",
        "word",
    )
    descriptor_max_words: int = _ref(
        f"{_EVENTS}.wording",
        "DESCRIPTOR_MAX_WORDS",
        "Longest descriptor",
        'Longest appositive kept ("Tom Perez, the chairman of the party,").',
        "word",
    )
    descriptor_max_title: int = _ref(
        f"{_EVENTS}.wording",
        "DESCRIPTOR_MAX_TITLE",
        "Longest title before a name",
        'Longest run of title words kept ("Deputy Pentagon Press Secretary").',
        "word",
    )
    event_slug_max: int = _ref(
        f"{_EVENTS}.analyse",
        "EVENT_SLUG_MAX",
        "Longest event address",
        "An event's page name is cut at a word boundary.",
        "character",
    )
    event_key_actors: int = _ref(
        f"{_EVENTS}.analyse",
        "EVENT_KEY_ACTORS",
        "Actors in the wording comparison",
        "The event's most widely named actors compared.",
        "actor",
    )
    background_gap: int = _ref(
        f"{_EVENTS}.analyse",
        "BACKGROUND_GAP_DAYS",
        "Background facts",
        "A fact whose every value is about a time this far from the reports is background.",
        "day",
    )
    max_count: int = _ref(
        f"{_EVENTS}.numbers",
        "MAX_COUNT",
        "Largest count",
        "Longer digit strings are identifiers or noise.",
    )
    lost_fractions: tuple[str, ...] = _ref(
        f"{_EVENTS}.numbers",
        "_LOST_FRACTIONS",
        "Fractions that lost their slash",
        'Digits a fraction leaves when its slash is lost ("4½" read as "412").',
    )


@dataclass(frozen=True, slots=True)
class PageLimits:
    """What the coverage chart and the problem list show at most."""

    chart_outlets: int = _set(
        7,
        "Outlets with their own colour in the coverage chart",
        'The other outlets share the colour of "Other".',
        "outlet",
    )
    chart_days: int = _set(
        60,
        "Days shown one by one in the coverage chart",
        "A longer span is charted by month.",
        "day",
    )
    external_images_reported: int = _set(
        20,
        "Images from other sites reported per seed",
        "Each is a problem of its own up to this many; a page of them is one finding.",
        "image",
    )


@dataclass(frozen=True, slots=True)
class ListingLimits:
    """How long the lists on the pages get."""

    page_rows: int = _ref(
        "generator.site.views",
        "PAGE_SIZE",
        "Rows of a listing page",
        "Longer listings are split into pages.",
        "row",
    )
    matrix_columns: int = _ref(
        "generator.site.eventviews",
        "MAX_MATRIX_COLUMNS",
        "Articles side by side in an event's comparison table",
        "Further articles are listed below it.",
        "article",
    )
    event_actors: int = _ref(
        "generator.site.eventviews",
        "MAX_EVENT_ACTORS",
        "Actors listed on an event's page",
        "The most widely named come first.",
        "actor",
    )


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Every threshold of the generator, by stage (see the module docstring)."""

    input: InputLimits = field(default_factory=InputLimits)
    metadata: MetadataRules = field(default_factory=MetadataRules)
    actors: ActorRules = field(default_factory=ActorRules)
    dates: DateRules = field(default_factory=DateRules)
    grouping: GroupingRules = field(default_factory=GroupingRules)
    provenance: ProvenanceRules = field(default_factory=ProvenanceRules)
    comparison: ComparisonRules = field(default_factory=ComparisonRules)
    pages: PageLimits = field(default_factory=PageLimits)
    listings: ListingLimits = field(default_factory=ListingLimits)


INPUT_LIMITS = InputLimits()
"""The input limits in use."""

METADATA_RULES = MetadataRules()
"""The metadata rules in use."""

PAGE_LIMITS = PageLimits()
"""The page limits in use."""


@cache
def default_thresholds() -> Thresholds:
    """Every threshold in use (built once: the by-reference sections import their stages)."""
    return Thresholds(input=INPUT_LIMITS, metadata=METADATA_RULES, pages=PAGE_LIMITS)
