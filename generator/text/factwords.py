"""Words the fact comparison reads: units, relations, counts and statuses.

Generic English word classes only (no story's words): what makes a number a
clock time, a measure or an offset, which words introduce a dated fact, and
which count, harm and cause words the comparison treats specially. The general
classes (function words, number words, speech verbs) live in
:mod:`generator.text.lexicon`.
"""

from __future__ import annotations

from generator.text.lexicon import word_set

TIME_UNITS: frozenset[str] = word_set("second minute hour day week month year decade century")
"""Units of time: a row counting one alone ("about 24 hours") says nothing is counted."""

CLOCK_WORDS: frozenset[str] = word_set("a.m. p.m. am pm a.m p.m gmt utc")
"""Words that make the number before them a clock time, not a count."""

COUNTED_UNITS: frozenset[str] = word_set(
    "mile kilometre kilometer km metre meter foot inch yard pound kilogram kg ton tonne "
    "litre liter gallon acre hectare degree percent"
)
"""Units of measure: a row needs words saying what they measure ("6 miles" alone does not).

Kept apart from :data:`generator.text.lexicon.MEASURE_UNITS` (which lists plural
forms and currencies too): the comparison's rows read lemmas, and merging the
two would change which rows are kept.
"""

SUBORDINATORS: frozenset[str] = word_set(
    "while when as because although though if unless until whereas so than"
)
"""Words that open a new clause: a description stops before them."""

ATTRIBUTION_WORDS: frozenset[str] = word_set(
    "said says told statement interview tweet tweeted twitter wrote posted according "
    "reported announced briefing conference"
)
"""Words of a statement's dateline: a date row about when someone spoke is not a fact."""

CUMULATIVE_WORDS: frozenset[str] = word_set("total overall cumulative altogether tally")
"""Words marking a count over several happenings."""

HAPPENINGS: frozenset[str] = word_set(
    "attack strike raid incident assault bombing shooting clash explosion blast quake "
    "earthquake aftershock storm flood fire protest"
)
"""Nouns of happenings whose plural marks a count summed over several of them."""

OFFSET_WORDS: frozenset[str] = word_set("ago later earlier older younger afterwards afterward")
"""Words after a time unit that make the number an offset ("2 years later"), not a count."""

HARM_MEASURES: frozenset[str] = word_set("killed injured missing")
"""The harm measures (people killed, injured, missing): tolls rise as reports come in."""

DATE_FACT_RELATIONS: frozenset[str] = word_set("on since in")
"""Only dates introduced by these words ("on Tuesday", "since October 17") become date facts."""

ADVERBIAL_RELATIONS: frozenset[str] = word_set(
    "in on during that last this early late mid by until till before after through since from"
)
"""Words that tie a date to the clause before it ("on Tuesday", "until May")."""

PRESENT_RELATIONS: frozenset[str] = word_set("since from")
"""Relations that make a date the start of a state lasting until now."""

EVENT_RELATIONS: frozenset[str] = frozenset({"", "on", "last", "this", "early", "late", "that"})
"""Relations of a date that says when the event happened ("" is a bare date)."""

NOT_OCCURRENCE_RELATIONS: frozenset[str] = word_set("since from until till by before after of")
"""Relations of a date that is a bound or a reference, not when something happened."""

RANGE_JOINERS: frozenset[str] = frozenset({"to", "-", "–", "—", "or"})
"""Words and dashes joining the two ends of a number range ("3 to 5", "3–5")."""

DATE_RANGE_JOINERS: frozenset[str] = word_set("to until through and")
"""Words joining the two ends of a date range ("May 3 to 5")."""

FRACTION_WORDS: dict[tuple[str, ...], float] = {
    ("and", "a", "half"): 0.5,
    ("and", "a", "quarter"): 0.25,
}
"""Fractions written in words after a whole number."""

PRONOUN_ONE_BEFORE: frozenset[str] = word_set("no any every each someone the this that")
"""Words before "one" that make it a pronoun ("no one", "the one"), not a count."""

PRONOUN_ONE_AFTER: frozenset[str] = word_set("of another day side")
"""Words after "one" that make it a pronoun or an idiom ("one of", "one day"), not a count."""

TIMES_WORDS: dict[str, int] = {"once": 1, "twice": 2, "thrice": 3}
"""Words that are a count of times."""

DURATION_LEAD_INS: frozenset[str] = word_set("the past last nearly almost about some")
"""Words allowed before a duration's number ("the past 3 days", "nearly 2 weeks")."""

INTERVAL_AFTER: frozenset[str] = word_set("after before following")
"""Words after a duration that make it an interval from an event ("2 days after")."""

INTERVAL_AGO: frozenset[str] = word_set("ago earlier before previously")
"""Words after a duration that make it an interval back from now ("2 days ago")."""

UNITS_BEFORE_NUMBER: frozenset[str] = word_set(
    "magnitude level category grade number no page article flight route size"
)
"""Nouns written before the number they measure ("magnitude 6.1", "flight 17")."""

UNITS_AFTER_NUMBER: frozenset[str] = word_set("magnitude percent per cent degrees")
"""Units that head the phrase after a number even when a noun follows ("6.1 magnitude quake")."""

CAUSE_GENERIC: frozenset[str] = frozenset(
    {
        "natural causes",
        "complications",
        "illness",
        "a long illness",
        "a short illness",
        "long illness",
        "short illness",
        "unknown causes",
        "undisclosed causes",
        "age",
        "old age",
    }
)
"""Causes of death that fit any other: never one side of a discrepancy."""

SMALL_COUNT_WORDS: frozenset[str] = word_set(
    "two three four five six seven eight nine ten eleven twelve dozen"
)
"""Small counts written as words (a plural count, not one person)."""

CURRENCY_SYMBOLS: dict[str, str] = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
"""Currency symbols and the unit word each stands for."""

CHARGE_WORDS: tuple[str, ...] = (
    "charged",
    "charge",
    "charges",
    "indicted",
    "indictment",
    "faces",
    "facing",
)
"""Words that state a criminal charge ("charged with", "faces charges of")."""

STATUS_CHANGE_WORDS: tuple[str, ...] = (
    "upgraded",
    "downgraded",
    "reduced",
    "initially",
    "originally",
    "amended",
    "changed",
    "dropped",
)
"""Words saying a status moved: two values told around one are not a discrepancy."""

FREEING_VERBS: tuple[str, ...] = (
    "rescued",
    "rescuing",
    "freed",
    "freeing",
    "saved",
    "saving",
    "released",
    "releasing",
)
"""Verbs of freeing people (one fate)."""

HOLDING_VERBS: tuple[str, ...] = (
    "captured",
    "capturing",
    "apprehended",
    "apprehending",
    "arrested",
    "arresting",
    "detained",
    "detaining",
    "nabbed",
    "nabbing",
    "seized",
    "seizing",
)
"""Verbs of taking people into custody (the fate that excludes being freed)."""

CAUSE_END_WORDS: tuple[str, ...] = (
    "at",
    "in",
    "on",
    "after",
    "while",
    "according",
    "suffered",
    "said",
    "and",
    "who",
    "but",
    "yesterday",
    "today",
    "last",
    "earlier",
    "this",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
"""Words that end a cause of death ("died of cancer *at* 84"): the cause stops before them."""

SAME_HAPPENING_VERBS: tuple[frozenset[str], ...] = (
    word_set("foiled thwarted averted repelled repulsed"),
    word_set("captured apprehended arrested detained nabbed seized"),
    word_set("killed slain"),
    word_set("struck hit attacked bombed shelled"),
    word_set("died"),
    word_set("resigned quit"),
)
"""Past verbs that tell one happening in other words ("foiled" / "thwarted" an attack):
a weekday dating either dates the same happening."""

ONCE_IN_A_LIFE_VERBS: tuple[frozenset[str], ...] = (
    word_set("born"),
    word_set("died"),
    word_set("disappeared vanished"),
)
"""Past verbs of happenings that befall a person once (each set tells one happening): the
year given to one of them, with the person named, is the year of that one happening."""

SHORT_FIRST_NAMES: tuple[frozenset[str], ...] = (
    word_set("mike mick michael"),
    word_set("jim jimmy james"),
    word_set("jack john johnny jon jonathan"),
    word_set("hank harry henry hal"),
    word_set("sue susan susie suzanne"),
    word_set("meg maggie margaret marge margie"),
    word_set("molly mary mae"),
    word_set("sally sarah sara"),
    word_set("larry lawrence laurence"),
    word_set("lenny leonard leo"),
    word_set("chuck charles charlie"),
    word_set("joe joey joseph josephine"),
    word_set("jake jacob"),
    word_set("tom tommy thomas"),
    word_set("ted teddy theodore"),
    word_set("abe abraham"),
)
"""Short and full forms of a first name that start alike but differ after two letters: one
person's name, not two."""

WIDE_PLACES: frozenset[str] = frozenset(
    {
        "new york",
        "new jersey",
        "new mexico",
        "new hampshire",
        "north carolina",
        "south carolina",
        "north dakota",
        "south dakota",
        "west virginia",
        "rhode island",
        "long island",
        "staten island",
        "los angeles",
        "san francisco",
        "san diego",
        "san antonio",
        "san jose",
        "las vegas",
        "new orleans",
        "new delhi",
        "hong kong",
        "united states",
        "united kingdom",
        "saudi arabia",
        "south africa",
        "new zealand",
        "sri lanka",
    }
)
"""Places of two words or more that hold many others (states, big cities, countries): a home
given as one of them is told at another scale than a town or a neighbourhood."""

WIDE_PLACE_HEADS: frozenset[str] = word_set("city county state province region district borough")
"""Last words that make a place name a container of others ("Queens County")."""
