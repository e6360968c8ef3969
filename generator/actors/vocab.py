"""Small closed word lists used by matching and discovery.

Every list here is generic English (function words, calendar words, titles,
kinds of organisation and of place). None names an actor: the names come from
the registry or from the text itself.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text``."""
    return frozenset(text.split())


# Function words and frequent sentence starters; a capitalised one is not a name.
STOPWORDS = _words("""
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

WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri"
    " sat sun"
)

MONTHS = _words(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)

# Words that head sections, captions and page furniture rather than name anything.
FURNITURE = _words("""
    frequently asked questions question answer faq background sources source summary
    conclusion introduction overview table date location type update updated editor note
    related read more image photo picture video watch share comments advertisement caption
    credit copyright disclaimer analysis opinion breaking live latest top key takeaways
    """)

# Acronyms that are units, times, formats or technologies, not actors.
GENERIC_ACRONYMS = _words("""
    ai am pm utc gmt edt est pdt pst cet bst tv gdp ceo cfo coo cto ok id pdf url http https
    faq dna rna hiv aids covid ufo ied ieds icbm km kg mph usd eur gbp bc ad pr phd ps nb etc
    eta it mw gw kw hq
    """)

# Lower-case particles that may sit inside a name ("Axis of Resistance", "al-Haq").
NAME_PARTICLES = _words(
    "al el ul bin ibn bint abu de da del della di du van von der den la le dos das"
)

# Extra connectors accepted only inside a quoted name ("Islamic Resistance in Iraq").
QUOTED_CONNECTORS = _words("in for and the of on")

# Generational suffixes; they belong to a name but are never a surname.
NAME_SUFFIXES = _words("jr jr. sr sr. ii iii iv")

# Abbreviations followed by a full stop that does not end a sentence.
ABBREVIATIONS = _words("""
    mr mrs ms dr prof rep sen gen col lt sgt capt maj adm gov pres st jr sr inc co corp ltd
    no vs etc dept univ est mt ft
    """)

# Titles and office words; a run of them before a name introduces a person.
TITLE_WORDS = _words("""
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
PERSON_NOUNS = _words("""
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
KIND_NOUNS = _words("""
    group groups militia militias movement party committee agency organisation organization
    council front brigade brigades battalion army network alliance coalition company firm
    ministry department union association institute foundation faction factions wing
    outfit bloc government administration corporation charity league federation newspaper
    broadcaster channel agency network
    """)

# Capitalised last words that make a run an organisation's name.
ORG_HEADS = _words("""
    committee agency party survey council ministry department university college court
    house congress senate parliament assembly post times press news journal force forces
    army navy corps guard guards front movement brigade brigades resistance state network
    organisation organization union association institute foundation bureau commission
    office service services administration company group coalition alliance bank fund
    police authority tribunal cabinet government league federation corporation
    democracy campaign party
    """)

# Capitalised last words that make a run a place's name.
PLACE_HEADS = _words("""
    ocean sea island islands province district city town village county region valley river
    mountains mountain gulf bay lake strait peninsula desert basin zone street square
    airport airbase base camp border coast east west north south
    """)

# Lower-case nouns after a name that make it a place ("Anbar province", "Harir base").
PLACE_NOUNS = _words("""
    province district city town village island islands region area base airbase county
    border capital coast strip valley river mountains building camp neighbourhood
    neighborhood suburb governorate airport port mayor governor
    """)

# Words before a name that place it on a map.
LOCATIVE_WEAK = _words("in at from into across throughout around on of to off inside")
LOCATIVE_STRONG = _words("near outside")
DIRECTIONS = _words("""
    north south east west northeast northwest southeast southwest northern southern eastern
    western central northeastern northwestern southeastern southwestern
    """)
PLACE_OF_NOUNS = _words("town city village province district capital region")

# Words after a name that the name is the subject of.
SPEECH_VERBS = _words("""
    said says told wrote added stated announced claimed denied warned insisted argued noted
    reported tweeted confirmed acknowledged
    """)

# Event nouns named after a place ("the Gaza war").
PLACE_EVENT_NOUNS = _words("war conflict crisis earthquake front")

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
HEAD_NOUNS = _words("""
    militia militias militant militants group groups forces force troops soldiers military army
    fighters personnel officials official government regime administration authorities leaders
    politicians factions faction network proxies proxy allies embassy base bases strike strikes
    airstrikes missile missiles drone drones rebels insurgents gunmen units unit brigade
    brigades movement organisation organization party coalition intelligence agents agency
    operatives commanders commander leadership troop service members people public campaign
    election elections navy air delegation diplomats ministry officers police
    """)

# Words that stop the left-hand descriptor of a name.
DESCRIPTOR_STOP = STOPWORDS | _words(
    "like said says told including include includes against versus whose unlike"
)
