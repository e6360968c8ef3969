"""Thresholds of the analysis stages, listed by reference to the modules that use them."""

from __future__ import annotations

from dataclasses import dataclass

from generator.thresholds.about import listed

_ACTORS = "generator.actors"
_EVENTS = "generator.events"


@dataclass(frozen=True, slots=True)
class ActorRules:
    """How names in the text are matched to registered actors and places."""

    fuzzy_name: float = listed(
        f"{_ACTORS}.analysis",
        "_FUZZY_NAME",
        "Spelling variant: whole name",
        "An unregistered spelling is merged into a registered name only when the two are "
        "this similar (0-100), with the same number of words…",
    )
    fuzzy_word: float = listed(
        f"{_ACTORS}.analysis",
        "_FUZZY_WORD",
        "Spelling variant: each word",
        "…and each pair of words is at least this similar (0-100).",
    )
    min_variant: int = listed(
        f"{_ACTORS}.matching",
        "_MIN_VARIANT",
        "Shortest name matched with variants",
        "Shorter names (acronyms, short words) must be written exactly as registered.",
        "letter",
    )


@dataclass(frozen=True, slots=True)
class DateRules:
    """How dates written in the text are found and given a year."""

    lede_date_sentences: int = listed(
        "generator.text.dates",
        "LEDE_DATE_SENTENCES",
        "Sentences of the lede read for a publication date",
        "A one-paragraph article recounts its background later in the same paragraph.",
        "sentence",
    )
    year_from_own_dates: int = listed(
        "generator.text.dates",
        "YEAR_FROM_OWN_DATES_DAYS",
        "Year from the article's own dates",
        "A weekday date without a year takes the year of the article's full dates at most "
        "this far off.",
        "day",
    )
    future_slack: int = listed(
        "generator.text.datementions",
        "FUTURE_SLACK_DAYS",
        "Upcoming dates",
        "A date without a year at most this far after the report is read as upcoming, "
        "not as last year's.",
        "day",
    )
    peer_year: int = listed(
        f"{_EVENTS}.pubdates",
        "PEER_YEAR_MAX_DAYS",
        "Year from other reports of the event",
        "A publication date without a year takes a year only when that puts it this close "
        "to a dated report of the same event.",
        "day",
    )
    carry_sentences: int = listed(
        f"{_EVENTS}.document",
        "CARRY_SENTENCES",
        "Time carried to the next sentences",
        "A sentence without a date is about the time named at most this many sentences "
        'before it ("In April a quake struck. Five people died.").',
        "sentence",
    )
    occurred_lookback: int = listed(
        f"{_EVENTS}.timeline",
        "OCCURRED_LOOKBACK_DAYS",
        "When the event happened",
        "The event happened on a day the articles name at most this long before the first "
        "report (and not after the last).",
        "day",
    )
    date_fact_words: frozenset[str] = listed(
        "generator.text.factwords",
        "DATE_FACT_RELATIONS",
        "Words that introduce a dated fact",
        'Only dates after these words ("on Tuesday", "since October 17") are compared.',
    )
    date_fact_lookback: int = listed(
        f"{_EVENTS}.datefacts",
        "DATE_FACT_LOOKBACK",
        "What a date is about",
        "The dated thing is the nearest noun at most this many words before the date.",
        "word",
    )


@dataclass(frozen=True, slots=True)
class GroupingRules:
    """How articles are grouped into events."""

    link_min: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_LINK_MIN",
        "Similarity that proposes a merge",
        "Two articles may report one event when their similarity (text plus weighted "
        "names, 0-2) reaches this.",
    )
    merge_mean: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_MERGE_MEAN",
        "Similarity that merges two groups",
        "Two groups merge only when the mean similarity of all their pairs reaches this.",
    )
    name_weight: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_NAME_WEIGHT",
        "Weight of names",
        "How much the names (who and where) count next to the words (what).",
    )
    name_lede_weight: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_NAME_LEDE_WEIGHT",
        "Weight of a name in the opening",
        "A name in the headline or the opening sentences counts this many times.",
    )
    lede_sentences: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_LEDE_SENTENCES",
        "An article's opening",
        "The sentences after the headline that make its opening.",
        "sentence",
    )
    contrast_share: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_CONTRAST_SHARE",
        "A name that keeps groups apart",
        "A name in the opening of at least this share of a group's reports (two or more) "
        "keeps it apart from a group that never names it.",
    )
    contrast_max_share: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_CONTRAST_MAX_SHARE",
        "Distinctive names",
        "Only names opening at most this share of all articles are distinctive enough to "
        "keep groups apart…",
    )
    contrast_min_limit: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_CONTRAST_MIN_LIMIT",
        "Distinctive names in a small corpus",
        "…or, in a small corpus, names opening at most this many articles.",
        "article",
    )
    date_window: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_DATE_WINDOW_DAYS",
        "Reports of one event",
        "Dated articles of one event are published at most this far apart.",
        "day",
    )
    event_lookback: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_EVENT_LOOKBACK_DAYS",
        "The day of the news",
        "A day named in an article's opening is the day of its news when it falls at most "
        "this long before publication; groups whose news days are further apart than the "
        "window above are two events.",
        "day",
    )
    actor_max_share: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_ACTOR_MAX_SHARE",
        "Actors too common to group by",
        "Actors named by more than this share of all articles do not propose groups.",
    )
    actor_undated_max: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_ACTOR_UNDATED_MAX",
        "Actors too common to place an undated article",
        "An undated article is compared with the other articles naming one of its actors only "
        "when at most this many name that actor.",
        "article",
    )
    signature_terms: int = listed(
        f"{_EVENTS}.grouping",
        "GROUP_SIGNATURE_TERMS",
        "Words in an article's signature",
        "The most telling words of an article, used to find candidate pairs quickly.",
        "word",
    )
    lsh_threshold: float = listed(
        f"{_EVENTS}.grouping",
        "GROUP_LSH_THRESHOLD",
        "Overlap that makes a candidate pair",
        "Share of signature words two articles must share to be compared at all (low: it "
        "only proposes).",
    )
    minhash_permutations: int = listed(
        f"{_EVENTS}.similarity",
        "MINHASH_PERMUTATIONS",
        "Hashes per signature",
        "More hashes estimate overlap more precisely (fixed seed, so results repeat).",
        "hash",
    )


@dataclass(frozen=True, slots=True)
class ProvenanceRules:
    """How reuse of text between articles (who copied whom) is traced."""

    sentence_min: float = listed(
        f"{_EVENTS}.provenance",
        "REUSE_SENTENCE_MIN",
        "Near-identical sentences",
        "Two sentences are the same text when they share this share of their content "
        "words (rewrites that keep the facts stay above it).",
    )
    min_words: int = listed(
        f"{_EVENTS}.provenance",
        "REUSE_MIN_WORDS",
        "Shortest sentence compared for reuse",
        "Shorter sentences cannot tell reuse from coincidence.",
        "content word",
    )
    min_share: float = listed(
        f"{_EVENTS}.provenance",
        "REUSE_MIN_SHARE",
        "Share of sentences that makes reuse",
        "Reuse is reported when at least this share of an article's sentences match…",
    )
    min_pairs: int = listed(
        f"{_EVENTS}.provenance",
        "REUSE_MIN_PAIRS",
        "Sentences that make reuse",
        "…and at least this many.",
        "sentence",
    )
    lsh_threshold: float = listed(
        f"{_EVENTS}.provenance",
        "REUSE_LSH_THRESHOLD",
        "Overlap that makes a candidate sentence",
        "Lower than the near-identical share, so that few true matches are missed.",
    )
    relay_flags: frozenset[str] = listed(
        f"{_EVENTS}.provenance",
        "RELAY_FLAGS",
        "Flags of a relayed text",
        "Articles with these flags are taken to derive from other reporting.",
    )
    minhash_permutations: int = listed(
        f"{_EVENTS}.similarity",
        "MINHASH_PERMUTATIONS",
        "Hashes per sentence",
        "More hashes estimate overlap more precisely (fixed seed, so results repeat).",
        "hash",
    )
    boilerplate_spread: int = listed(
        f"{_EVENTS}.provenance",
        "BOILERPLATE_SPREAD",
        "Boilerplate",
        "A sentence found in more articles than this is a stock line, not evidence of "
        "reuse; it is skipped (this also keeps the work linear).",
        "article",
    )
    max_sentences: int = listed(
        f"{_EVENTS}.provenance",
        "REUSE_MAX_SENTENCES",
        "Sentences compared per article",
        "Later ones are left out; no news article comes near it.",
        "sentence",
    )
    wire_min_carriers: int = listed(
        f"{_EVENTS}.provenance",
        "WIRE_MIN_CARRIERS",
        "Articles that reveal a wire's copy",
        "When this many articles crediting one agency carry the same uncredited text, it "
        "is taken to be the agency's copy.",
        "article",
    )


@dataclass(frozen=True, slots=True)
class ListingLimits:
    """How long the lists on the pages get."""

    page_rows: int = listed(
        "generator.site.views",
        "PAGE_SIZE",
        "Rows of a listing page",
        "Longer listings are split into pages.",
        "row",
    )
    matrix_columns: int = listed(
        "generator.site.eventviews",
        "MAX_MATRIX_COLUMNS",
        "Articles side by side in an event's comparison table",
        "Further articles are listed below it.",
        "article",
    )
    event_actors: int = listed(
        "generator.site.eventviews",
        "MAX_EVENT_ACTORS",
        "Actors listed on an event's page",
        "The most widely named come first.",
        "actor",
    )
