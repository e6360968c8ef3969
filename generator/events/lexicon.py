"""General-English word lists used by the event analysis.

Nothing here is tied to a particular story: these are closed word classes
(function words, number words, qualifiers, calendar names) and the small
open classes every news text uses to report people harmed.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps long lists readable)."""
    return frozenset(text.split())


STOPWORDS: frozenset[str] = word_set("""
    a about above after again against all also although am among an and any are around as at
    be because been before being below between both but by can could did do does doing down
    during each either else even ever every few for from further had has have having he her
    here hers herself him himself his how however i if in into is it its itself just least
    less let like many may me might more most much must my myself near neither no nor not now
    of off on once only onto or other others our ours ourselves out over own per rather same
    she should since so some such than that the their theirs them themselves then there these
    they this those though through thus to too toward towards under until up upon us very via
    was we were what when where whether which while who whom whose why will with within without
    would yet you your yours yourself said says say saying told according also still just amid
    mr mrs ms dr
    """)
"""Function words ignored when comparing the content of two texts."""

FUNCTION_WORDS: frozenset[str] = STOPWORDS - frozenset({"us", "said", "says", "told"})
"""Words that end a noun phrase (prepositions, conjunctions, auxiliaries, pronouns)."""

AUXILIARIES: frozenset[str] = word_set(
    "is are was were be been being has have had will would can could may might must shall "
    "should do does did"
)
"""Auxiliary verbs; a participle after one is the start of a verb phrase."""

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
"""Number words below twenty."""

TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""Multiples of ten written as words."""

SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
"""Scale words that multiply the number before them."""

VAGUE_QUANTITIES: dict[str, int] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}
"""Plural scale words that state an order of magnitude, with their lower bound."""

QUALIFIERS_BEFORE: tuple[tuple[str, str], ...] = (
    ("at least", "at least"),
    ("at most", "at most"),
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("not less than", "at least"),
    ("more than", "more than"),
    ("over", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("just over", "more than"),
    ("fewer than", "fewer than"),
    ("less than", "fewer than"),
    ("under", "fewer than"),
    ("just under", "fewer than"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("as much as", "up to"),
    ("about", "about"),
    ("around", "about"),
    ("some", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("a total of", "exactly"),
    ("exactly", "exactly"),
    ("only", "exactly"),
)
"""Words before a number that bound it, with the canonical qualifier they mean."""

QUALIFIERS_AFTER: tuple[tuple[str, str], ...] = (
    ("or more", "at least"),
    ("plus", "at least"),
    ("or so", "about"),
)
"""Words after a number that bound it."""

KILLED_WORDS: frozenset[str] = word_set(
    "kill killed killing kills die died dies dying dead deaths death fatalities fatality "
    "lives perished slain"
)
"""Words that make a count a count of people killed."""

INJURED_WORDS: frozenset[str] = word_set(
    "injure injured injuring injures injuries injury wound wounded wounding wounds hurt"
)
"""Words that make a count a count of people injured."""

MISSING_WORDS: frozenset[str] = word_set("missing disappeared unaccounted")
"""Words that make a count a count of people missing."""

CASUALTY_NOUNS: dict[str, str] = {
    "death": "killed",
    "fatality": "killed",
    "dead": "killed",
    "injury": "injured",
    "wounded": "injured",
    "casualty": "casualties",
}
"""Nouns that are themselves the counted harm."""

GENERIC_PEOPLE: frozenset[str] = word_set(
    "people person persons individual resident citizen civilian personnel member "
    "troop soldier serviceman servicemen service-member american other victim"
)
"""Head nouns that name people in general; counts of harm to them are merged."""

IRREGULAR_PLURALS: dict[str, str] = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "personnel": "personnel",
    "series": "series",
    "news": "news",
    "species": "species",
    "aircraft": "aircraft",
    "police": "police",
}
"""Plural nouns that do not end in a regular ``s``."""

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
"""Month names and their usual abbreviations."""

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
"""Weekday names (Python's ``date.weekday()`` numbering)."""

ABBREVIATIONS: frozenset[str] = word_set(
    "mr mrs ms dr st jr sr gen sen rep gov lt col sgt capt maj prof inc corp co ltd no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig approx est dept u.s u.k u.n "
    "a.m p.m d.c e.g i.e"
)
"""Words whose trailing full stop does not end a sentence."""

IRREGULAR_PAST: frozenset[str] = word_set(
    "struck hit sued sent began led fell rose shook took made gave brought fought won lost "
    "told said met left held found put set cut shot spent broke drew stood saw came went "
    "became ran sank spread swept tore threw wrote"
)
"""Common irregular past-tense verbs (regular ones end in ``-ed``)."""


DIRECTIONS: frozenset[str] = word_set(
    "north south east west northeast northwest southeast southwest northern southern eastern "
    "western north-east north-west south-east south-west"
)
"""Compass words: two of them in one slot are two places."""

RANKS: frozenset[str] = word_set(
    "commander commodore captain lieutenant colonel major general admiral sergeant corporal "
    "private brigadier marshal superintendent inspector constable chief deputy detective "
    "officer lt col capt gen maj sgt adm cmdr cdr"
)
"""Ranks and titles written before a name."""

COLOURS: frozenset[str] = word_set(
    "black white grey gray silver red blue green yellow brown beige gold maroon orange purple "
    "tan pink"
)
"""Colour words (grey and gray are one colour)."""

SAME_COLOUR: dict[str, str] = {"gray": "grey"}
"""Colour words spelled two ways, folded to one."""

RANK_ABBREVIATIONS: dict[str, str] = {
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "maj": "major",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "cdr": "commander",
}
"""Abbreviated ranks and their full words."""

MEASURE_UNITS: frozenset[str] = word_set(
    "metre metres meter meters foot feet ft mile miles km kilometre kilometres kilometer "
    "kilometers yard yards inch inches cm mm kg kilogram kilograms pound pounds lb lbs ton tons "
    "tonne tonnes percent per cent hour hours minute minutes second seconds day days week weeks "
    "month months year years dollar dollars euro euros usd eur gbp jpy e m bn k"
)
"""Units: two numbers in different units are not compared."""
