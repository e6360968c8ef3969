"""The one lexicon: every closed word list the stages read.

Nothing here is tied to a particular story or names an actor: these are
generic English word classes (function words, abbreviations, titles, speech
verbs, kinds of organisation and place, number words, qualifiers) and the
small open classes every news text uses to report people harmed. Calendar
words live in :mod:`generator.text.calendar`.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps long lists readable)."""
    return frozenset(text.split())


def alternation(words: tuple[str, ...]) -> str:
    """A regex group matching any of ``words``, tried in order (plain words, no syntax)."""
    return "(?:" + "|".join(words) + ")"


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


IRREGULAR_PAST: frozenset[str] = word_set(
    "struck hit sued sent began led fell rose shook took made gave brought fought won lost "
    "told said met left held found put set cut shot spent broke drew stood saw came went "
    "became ran sank spread swept tore threw wrote"
)
"""Common irregular past-tense verbs (regular ones end in ``-ed``)."""


ABBREVIATIONS: frozenset[str] = word_set(
    "mr mrs ms dr prof rev st jr sr vs mt ft approx est dept univ "
    "gen col lt sgt maj capt adm rep sen gov pres inc co corp ltd "
    "u.s u.k u.n a.m p.m d.c e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
"""Words whose trailing full stop does not end a sentence ("Adm. Cooper", "Jan. 5")."""

NUMBER_ABBREVIATIONS: frozenset[str] = word_set("no nos fig vol pp")
"""Abbreviations only before a number ("No. 5", "Fig. 2"); "he said no. Then" ends a sentence."""

# Function words and frequent sentence starters; capitalised, one is still not a name
# (wider than STOPWORDS: adverbs that open sentences, "Yesterday", "Separately").
NAME_STOPWORDS = word_set("""
    a about above according across after afterwards again against all almost also although
    amid among an and another any are around as at be because been before being below
    between both but by can could did do does during each either even every few for from
    further had has have having he her here hers herself him himself his how however i if
    in inside into is it its itself just last least less many may me meanwhile might more
    most much must my near neither never next no nor not now of off on once one only or
    other others our ours out over own per perhaps rather same several she should since so
    some still such than that the their theirs them themselves then there these they this
    those though through throughout thus to together too toward towards under unless until
    up upon us very via was we were what whatever when where whereas whether which while
    who whom whose why will with within without would yet you your whilst amidst
    later earlier yesterday today tonight tomorrow instead finally first second third
    separately similarly additionally moreover furthermore nevertheless nonetheless overall
    afterwards afterward eventually recently currently previously initially ultimately
    officially reportedly again already
    """)


# Words that head sections, captions and page furniture rather than name anything.
FURNITURE = word_set("""
    frequently asked questions question answer faq background sources source summary
    conclusion introduction overview table date location type update updated editor note
    related read more image photo picture video watch share comments advertisement caption
    credit copyright disclaimer analysis opinion breaking live latest top key takeaways
    """)

# Acronyms that are units, times, formats or technologies, not actors.
GENERIC_ACRONYMS = word_set("""
    ai am pm utc gmt edt est pdt pst cet bst tv gdp ceo cfo coo cto ok id pdf url http https
    faq dna rna hiv aids covid ufo ied ieds icbm km kg mph usd eur gbp bc ad pr phd ps nb etc
    eta it mw gw kw hq
    """)

# Lower-case particles that may sit inside a name ("Axis of Resistance", "al-Haq").
NAME_PARTICLES = word_set(
    "al el ul bin ibn bint abu de da del della di du van von der den la le dos das"
)

# Extra connectors accepted only inside a quoted name ("Islamic Resistance in Iraq").
QUOTED_CONNECTORS = word_set("in for and the of on")

# Generational suffixes; they belong to a name but are never a surname.
NAME_SUFFIXES = word_set("jr jr. sr sr. ii iii iv")

# Titles and office words; a run of them before a name introduces a person.
TITLE_WORDS = word_set("""
    mr mrs ms dr prof president vice prime minister secretary deputy press chairman chairwoman
    chair chairperson spokesman spokeswoman spokesperson leader director general commander
    chief head governor senator sen rep representative congressman congresswoman mayor king
    queen prince princess sheikh ayatollah imam judge justice attorney counsel ambassador
    envoy professor colonel lieutenant captain admiral sergeant officer minority majority
    speaker assistant undersecretary acting senior special foreign defence defense interior
    finance gen col lt sgt capt maj adm gov pres cleric emir sultan pope archbishop bishop
    councillor councilman commissioner chancellor premier
    """)

# Lower-case nouns that introduce a person written right after them
# ("spokesman Sutopo", "campaign manager Brad Parscale", "general Qasem Soleimani").
PERSON_NOUNS = word_set("""
    spokesman spokeswoman spokesperson official officer general adviser advisor aide associate
    confidant founder manager chair chairman chairwoman director deputy lawyer attorney
    prosecutor professor doctor resident lieutenant commander minister secretary president
    leader premier senator governor mayor judge son daughter wife husband brother sister
    son-in-law daughter-in-law father mother cousin colleague partner volunteer journalist
    reporter correspondent analyst researcher expert playwright author writer actor singer
    cleric chief head staffer candidate nominee rival successor predecessor businessman
    businesswoman executive economist witness victim survivor villager farmer teacher student
    named
    """)

# Nouns that name a kind of organisation or armed group ("the militia group X", "X group").
KIND_NOUNS = word_set("""
    group groups militia militias movement party committee agency organisation organization
    council front brigade brigades battalion army network alliance coalition company firm
    ministry department union association institute foundation faction factions wing
    outfit bloc government administration corporation charity league federation newspaper
    broadcaster channel agency network
    """)

# Capitalised last words that make a run an organisation's name.
ORG_HEADS = word_set("""
    committee agency party survey council ministry department university college court
    house congress senate parliament assembly post times press news journal force forces
    army navy corps guard guards front movement brigade brigades resistance state network
    organisation organization union association institute foundation bureau commission
    office service services administration company group coalition alliance bank fund
    police authority tribunal cabinet government league federation corporation
    democracy campaign party
    """)

# Capitalised last words that make a run a place's name.
PLACE_HEADS = word_set("""
    ocean sea island islands province district city town village county region valley river
    mountains mountain gulf bay lake strait peninsula desert basin zone street square
    airport airbase base camp border coast east west north south
    """)

# Lower-case nouns after a name that make it a place ("Anbar province", "Harir base").
PLACE_NOUNS = word_set("""
    province district city town village island islands region area base airbase county
    border capital coast strip valley river mountains building camp neighbourhood
    neighborhood suburb governorate airport port mayor governor
    """)

# Words before a name that place it on a map.
LOCATIVE_WEAK = word_set("in at from into across throughout around on of to off inside")
LOCATIVE_STRONG = word_set("near outside")
DIRECTIONS = word_set("""
    north south east west northeast northwest southeast southwest northern southern eastern
    western central northeastern northwestern southeastern southwestern
    """)
PLACE_OF_NOUNS = word_set("town city village province district capital region")

SPEECH_VERBS: frozenset[str] = word_set("""
    said says say saying told wrote added stated announced claimed denied warned insisted
    argued noted reported tweeted confirmed acknowledged
    """)
"""Verbs of saying: after a name they make it the speaker, after a number an attribution."""

# Event nouns named after a place ("the Gaza war").
PLACE_EVENT_NOUNS = word_set("war conflict crisis earthquake front")

# Suffixes of hyphenated compounds naming a relation ("Iran-backed militias").
COMPOUND_ROLES = {
    "backed": "backer",
    "supported": "backer",
    "sponsored": "backer",
    "funded": "backer",
    "armed": "backer",
    "financed": "backer",
    # "Iran-aligned militias": the named state is the patron, as with "-backed".
    "aligned": "backer",
    "allied": "ally",
    "linked": "ally",
    "affiliated": "ally",
    "friendly": "ally",
    "led": "leader",
    "controlled": "leader",
    "run": "leader",
    "commanded": "leader",
}

# Nouns ending the phrase a compound or a name qualifies ("Iran-aligned Iraqi militia groups").
HEAD_NOUNS = word_set("""
    militia militias militant militants group groups forces force troops soldiers military army
    fighters personnel officials official government regime administration authorities leaders
    politicians factions faction network proxies proxy allies embassy base bases strike strikes
    airstrikes missile missiles drone drones rebels insurgents gunmen units unit brigade
    brigades movement organisation organization party coalition intelligence agents agency
    operatives commanders commander leadership troop service members people public campaign
    election elections navy air delegation diplomats ministry officers police
    """)

# Words that stop the left-hand descriptor of a name.
DESCRIPTOR_STOP = NAME_STOPWORDS | word_set(
    "like said says told including include includes against versus whose unlike"
)


# After a name and a comma, these open an appositive that describes it
# ("Hadi al-Amiri, the leader of ..."); these end it.
APPOSITIVE_OPENERS = frozenset(
    ["a", "an", "the", "his", "her", "its", "their", "former", "mr.", "ms.", "mrs.", "dr."]
)
APPOSITIVE_STOPS = frozenset(
    ["of", "in", "at", "for", "from", "with", "by", "on", "to", "who", "which", "that"]
)

# The Arabic article, dropped to match "Al Anbar" with "Anbar".
ARABIC_ARTICLES = frozenset({"al", "el"})

# Endings of plurals of nouns for people ("Republicans", "Democrats", "Islamists"), as keys.
PEOPLE_PLURAL_ENDINGS = ("ans", "ats", "ists", "ites", "irs", "is")

# Endings of adjectives of nationality or kind ("Palestinian", "Iraqi", "Democratic").
ADJECTIVE_ENDINGS = ("ian", "ean", "can", "i", "ese", "ish", "ic", "al")

# Demonym endings and what to add to the stem for the place ("Iranian" -> "Iran",
# "Syrian" -> "Syria", "Lebanese" -> "Lebanon", "Turkish" -> "Turkey").
DEMONYM_STEMS = (
    ("ian", ("", "e", "a")),
    ("an", ("", "a", "o")),
    ("n", ("",)),
    ("i", ("",)),
    ("ese", ("", "on", "a")),
    ("ish", ("", "ey", "ain", "and")),
)


COMPASS_WORDS: frozenset[str] = word_set(
    "north south east west northeast northwest southeast southwest northern southern eastern "
    "western north-east north-west south-east south-west"
)
"""Compass words as the comparison reads them: two of them in one slot are two places."""

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
