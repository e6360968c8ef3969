"""Thresholds of the comparison of an event's reports, listed by reference."""

from __future__ import annotations

from dataclasses import dataclass

from generator.thresholds.about import listed

_EVENTS = "generator.events"


@dataclass(frozen=True, slots=True)
class ComparisonRules:
    """How the reports of one event are compared: facts, quotations and wording."""

    anchor_gap: int = listed(
        f"{_EVENTS}.align",
        "FACT_ANCHOR_GAP_DAYS",
        "Numbers about different times",
        "Two numbers about times further apart are never the same fact.",
        "day",
    )
    align_min_score: float = listed(
        f"{_EVENTS}.align",
        "ALIGN_MIN_SCORE",
        "Claims about the same fact",
        "Smallest similarity (0-1) at which two claims may state the same fact.",
    )
    align_min_mean: float = listed(
        f"{_EVENTS}.align",
        "ALIGN_MIN_MEAN",
        "Facts that merge",
        "Two candidate facts merge only when their claims' mean similarity reaches this.",
    )
    bridge_min_score: float = listed(
        f"{_EVENTS}.align",
        "BRIDGE_MIN_SCORE",
        "Counts of differently named things",
        '"66 attacks" and "66 incidents" align only with equal values and contexts this similar.',
    )
    near_weight: float = listed(
        f"{_EVENTS}.align",
        "NEAR_WEIGHT",
        "Weight of the clause around a number",
        "Part of the claim similarity.",
    )
    sentence_weight: float = listed(
        f"{_EVENTS}.align",
        "SENTENCE_WEIGHT",
        "Weight of the whole sentence",
        "The rest of the claim similarity.",
    )
    same_value_bonus: float = listed(
        f"{_EVENTS}.align",
        "SAME_VALUE_BONUS",
        "Bonus for the same number",
        "Added when two claims give the same number.",
    )
    same_period_bonus: float = listed(
        f"{_EVENTS}.align",
        "SAME_PERIOD_BONUS",
        "Bonus for the same period",
        'Added when both count over a period ("since …"), and again for the same start.',
    )
    lead_claim_bonus: float = listed(
        f"{_EVENTS}.align",
        "LEAD_CLAIM_BONUS",
        "Bonus for the leading number",
        "Added when each claim is the first precise count of its thing in its article.",
    )
    leaves_out_share: float = listed(
        f"{_EVENTS}.rows",
        "LEAVES_OUT_MIN_SHARE",
        "A fact an article leaves out",
        "Reported by more than this share of the other articles…",
    )
    leaves_out_articles: int = listed(
        f"{_EVENTS}.rows",
        "LEAVES_OUT_MIN_ARTICLES",
        "A fact an article leaves out (articles)",
        "…and by at least this many.",
        "article",
    )
    detail_majority: float = listed(
        f"{_EVENTS}.details",
        "DETAIL_MAJORITY_SHARE",
        "The majority's detail",
        "A detail carried by at least this share of the other reports.",
    )
    detail_min_reports: int = listed(
        f"{_EVENTS}.details",
        "DETAIL_MIN_REPORTS",
        "Facts checked for differing details",
        "Only facts this many articles agree on.",
        "article",
    )
    detail_min_words: int = listed(
        f"{_EVENTS}.details",
        "DETAIL_MIN_WORDS",
        "A differing detail",
        "Majority words the odd article never uses.",
        "word",
    )
    update_min_values: int = listed(
        f"{_EVENTS}.compare",
        "UPDATE_MIN_VALUES",
        "A rising toll",
        "A number given with this many values, rising with the reports, is an update even "
        "when reports of one day cannot be ordered.",
        "value",
    )
    frame_min_near: float = listed(
        f"{_EVENTS}.compare",
        "FRAME_MIN_NEAR",
        "Two counts of one fact: clauses",
        "The clauses around them share this much…",
    )
    frame_min_shared: int = listed(
        f"{_EVENTS}.compare",
        "FRAME_MIN_SHARED",
        "Two counts of one fact: sentences",
        "…and their sentences share this many content words.",
        "word",
    )
    quote_min_words: int = listed(
        f"{_EVENTS}.quotes",
        "QUOTE_MIN_WORDS",
        "Shortest quotation compared",
        "Shorter quotations are not compared.",
        "word",
    )
    quote_min_shared: int = listed(
        f"{_EVENTS}.quotes",
        "QUOTE_MIN_SHARED",
        "One statement quoted twice",
        "Two quotations render one statement when they share this many words in order…",
        "word",
    )
    quote_min_cover: float = listed(
        f"{_EVENTS}.quotes",
        "QUOTE_MIN_COVER",
        "One statement quoted twice (share)",
        "…covering at least this share of the shorter one.",
    )
    quote_max_change: int = listed(
        f"{_EVENTS}.quotes",
        "QUOTE_MAX_CHANGE",
        "A changed wording",
        "Reported when at most this many words replace as many others…",
        "word",
    )
    quote_anchor: int = listed(
        f"{_EVENTS}.quotes",
        "QUOTE_ANCHOR",
        "A changed wording (anchors)",
        "…between runs of at least this many identical words.",
        "word",
    )
    quote_spelling: int = listed(
        f"{_EVENTS}.quotes",
        "QUOTE_SPELLING_RATIO",
        "Spelling, not rewording",
        "Replacements this similar (0-100) are spelling variants.",
    )
    lede_min_words: int = listed(
        f"{_EVENTS}.wording",
        "LEDE_MIN_WORDS",
        "Shortest lede",
        "The lede is the first sentence this long (shorter ones are datelines).",
        "word",
    )
    lede_candidates: int = listed(
        f"{_EVENTS}.wording",
        "LEDE_CANDIDATES",
        "Sentences read for the action",
        "The action is looked for in the first lede candidates.",
        "sentence",
    )
    lede_stale: int = listed(
        f"{_EVENTS}.wording",
        "LEDE_STALE_DAYS",
        "An old date marks a caption",
        "A sentence naming a full date this long before publication is a caption.",
        "day",
    )
    action_max_words: int = listed(
        f"{_EVENTS}.wording",
        "ACTION_MAX_WORDS",
        "Longest action phrase",
        "The action phrase stops after this many words.",
        "word",
    )
    descriptor_max_words: int = listed(
        f"{_EVENTS}.wording",
        "DESCRIPTOR_MAX_WORDS",
        "Longest descriptor",
        'Longest appositive kept ("Tom Perez, the chairman of the party,").',
        "word",
    )
    descriptor_max_title: int = listed(
        f"{_EVENTS}.wording",
        "DESCRIPTOR_MAX_TITLE",
        "Longest title before a name",
        'Longest run of title words kept ("Deputy Pentagon Press Secretary").',
        "word",
    )
    event_slug_max: int = listed(
        f"{_EVENTS}.analyse",
        "EVENT_SLUG_MAX",
        "Longest event address",
        "An event's page name is cut at a word boundary.",
        "character",
    )
    event_key_actors: int = listed(
        f"{_EVENTS}.analyse",
        "EVENT_KEY_ACTORS",
        "Actors in the wording comparison",
        "The event's most widely named actors compared.",
        "actor",
    )
    background_gap: int = listed(
        f"{_EVENTS}.analyse",
        "BACKGROUND_GAP_DAYS",
        "Background facts",
        "A fact whose every value is about a time this far from the reports is background.",
        "day",
    )
    max_count: int = listed(
        f"{_EVENTS}.numbers",
        "MAX_COUNT",
        "Largest count",
        "Longer digit strings are identifiers or noise.",
    )
    lost_fractions: tuple[str, ...] = listed(
        f"{_EVENTS}.numbers",
        "_LOST_FRACTIONS",
        "Fractions that lost their slash",
        'Digits a fraction leaves when its slash is lost ("4½" read as "412").',
    )
    slot_min_shared: int = listed(
        f"{_EVENTS}.parallel",
        "SLOT_MIN_SHARED",
        "Parallel sentences: shared words",
        "Two sentences of different reports tell one fact in parallel when they share at least "
        "this many content words…",
        "word",
    )
    slot_min_cover: float = listed(
        f"{_EVENTS}.parallel",
        "SLOT_MIN_COVER",
        "Parallel sentences: share of the shorter one",
        "…covering at least this share of the shorter sentence's content words.",
    )
    time_anchor_min: int = listed(
        f"{_EVENTS}.parallel",
        "TIME_ANCHOR_MIN",
        "A month or weekday after the same words",
        "A month or weekday right after this many identical words (two of them content words) "
        "dates the same happening in both reports.",
        "word",
    )
    name_min_similarity: int = listed(
        f"{_EVENTS}.names",
        "NAME_MIN_SIMILARITY",
        "One name spelled twice",
        "Two capitalised words in the same place of parallel sentences are one name spelled "
        "two ways from this similarity (0-100) up.",
    )
    name_min_length: int = listed(
        f"{_EVENTS}.names",
        "NAME_MIN_LENGTH",
        "Shortest name compared for spelling",
        "Shorter names are too easily confused to call a spelling variant.",
        "letter",
    )
    name_min_ratio: int = listed(
        f"{_EVENTS}.names",
        "NAME_MIN_RATIO",
        "One name next to the same word",
        "Two capitalised words next to the same word are one name spelled twice from this "
        "similarity (0-100) up.",
    )
    name_context_skip: int = listed(
        f"{_EVENTS}.names",
        "NAME_CONTEXT_SKIP",
        "Words skipped to reach a name's neighbour",
        'Function words passed over to find the word next to a name ("boarded the …").',
        "word",
    )
    measure_min_shared: int = listed(
        f"{_EVENTS}.measures",
        "MEASURE_MIN_SHARED",
        "Durations and counts of times",
        "Besides the verb, two sentences telling one duration or count of times share at "
        "least this many content words.",
        "word",
    )
    title_min_words: int = listed(
        f"{_EVENTS}.measures",
        "TITLE_MIN_WORDS",
        "A year before a title",
        "A run of this many capitalised words right after a year names a work or a body, "
        "and the year is that thing's.",
        "word",
    )
    size_tolerance: float = listed(
        f"{_EVENTS}.measures",
        "SIZE_TOLERANCE",
        "Sizes in different units",
        "Two lengths within this share of each other are one size, converted and rounded.",
    )
    dated_min_shared: int = listed(
        f"{_EVENTS}.dated",
        "DATED_MIN_SHARED",
        "Dates of one happening",
        "Besides the verb phrase, two sentences dating one happening share at least this many "
        "content words.",
        "word",
    )
    status_reach: int = listed(
        f"{_EVENTS}.status",
        "STATUS_REACH",
        "Status claims",
        'The alternative ("murder", "manslaughter") is read at most this far after the '
        "status word.",
        "character",
    )
    round_seconds: int = listed(
        f"{_EVENTS}.clock",
        "ROUND_SECONDS",
        "Length of a round",
        'For "with N seconds remaining" in a professional boxing round.',
        "second",
    )
    clock_tolerance: int = listed(
        f"{_EVENTS}.clock",
        "CLOCK_TOLERANCE",
        "One moment told with rounding",
        "Stoppage times this close or closer are one moment.",
        "second",
    )
    attribution_reach: int = listed(
        f"{_EVENTS}.matrix",
        "ATTRIBUTION_REACH",
        "Datelines",
        "A date with a speech verb at most this many words before it is when someone spoke, "
        "not when something happened.",
        "word",
    )
    clipped_lead_words: int = listed(
        f"{_EVENTS}.matrix",
        "CLIPPED_LEAD_WORDS",
        "Clipped lead-ins",
        "A lead-in this long was cut mid-clause by the claim window.",
        "word",
    )
    origin_stem: int = listed(
        f"{_EVENTS}.makeup",
        "ORIGIN_STEM",
        "One origin written two ways",
        'Two origin words ("Velora", "Veloran") sharing this many first letters may name one '
        "place, so an article writing either knows of that part of a group.",
        "letter",
    )
    weekday_lead_sentences: int = listed(
        f"{_EVENTS}.weekdays",
        "WEEKDAY_LEAD_SENTENCES",
        "Weekday of the main happening: the lead",
        "Only the weekdays of a report's first sentences date the main happening.",
        "sentence",
    )
    weekday_min_shared: int = listed(
        f"{_EVENTS}.weekdays",
        "WEEKDAY_MIN_SHARED",
        "Weekday of the main happening: shared words",
        "Besides the verb, two sentences dating one happening share this many content words.",
        "word",
    )
    weekday_verb_reach: int = listed(
        f"{_EVENTS}.weekdays",
        "WEEKDAY_VERB_REACH",
        "Weekday of the main happening: reach",
        "The verb a weekday dates is at most this many words from it, in the same clause.",
        "word",
    )
    first_name_shared: int = listed(
        f"{_EVENTS}.firstnames",
        "FIRST_NAME_SHARED",
        "First names: short and full forms",
        "Two first names sharing this many first letters are one name's short and full form "
        '("Dave", "David"), not two names.',
        "letter",
    )
    first_name_rare_share: float = listed(
        f"{_EVENTS}.firstnames",
        "FIRST_NAME_RARE_SHARE",
        "First names: a rarer word tying the role",
        "A capitalised word ties two sentences to one role when at most this share of the "
        "event's articles write it.",
    )
