"""Unit tests of metadata inference, one rule at a time, on small synthetic texts."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from generator.ingest.extract import headline_from_lede, infer_article, is_caption, normalise_tag
from generator.ingest.outlets import load_outlet_registry
from generator.ingest.reader import parse_seed
from generator.models import Article, Credit, Origin, Problem, Severity
from generator.pipeline import Settings, build_corpus
from generator.text import paragraphs, sentences

REGISTRY, _ = load_outlet_registry(None)

LEDE = (
    "The harbour authority closed the northern pier to all traffic on Monday, citing storm "
    "damage that engineers said would take weeks to repair. Fishing crews moved to the south quay."
)


def infer(text: str, file: str = "story.md") -> tuple[Article, list[Problem]]:
    seed, problems = parse_seed(text.encode(), file, Path(file).stem)
    assert seed is not None
    article, found = infer_article(seed, REGISTRY)
    return article, problems + found


def article(text: str) -> Article:
    return infer(text)[0]


def corpus(tmp_path: Path, files: dict[str, str]) -> dict[str, Article]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    built = build_corpus(Settings(tmp_path))
    return {a.id: a for a in built.articles}


def codes(problems: list[Problem]) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in problems]


# --- title -----------------------------------------------------------------


def test_front_matter_title_wins_and_is_taken_as_text_not_markdown() -> None:
    # Issue 8: a declared title is text as written ("7*7" must not become "77").
    a = article(
        "---\ntitle: 'Pier *closed* after [storm](https://x.example).'\n---\n# Other\n\nText.\n"
    )
    expected = "Pier *closed* after [storm](https://x.example)"
    assert (a.title, a.title_origin) == (expected, Origin.FRONT_MATTER)
    assert article("---\ntitle: 7*7 is 49\n---\nText.\n").title == "7*7 is 49"


def test_a_heading_title_is_markdown_made_plain() -> None:
    a = article("# Pier *closed* after [storm](https://x.example)\n\nText.\n")
    assert (a.title, a.title_origin) == ("Pier closed after storm", Origin.HEADING)


def test_title_that_is_not_text_is_ignored_with_a_warning() -> None:
    a, problems = infer("---\ntags: [a]\ntitle: [not, text]\n---\n# Pier Closed\n\nText.\n")
    assert (a.title, a.title_origin) == ("Pier Closed", Origin.HEADING)
    assert codes(problems) == [(3, "title-type")]


def test_first_heading_is_the_title() -> None:
    a = article(f"# Northern Pier Closed After Storm\n\n{LEDE}\n")
    assert (a.title, a.title_origin) == ("Northern Pier Closed After Storm", Origin.HEADING)


def test_setext_heading_is_the_title() -> None:
    a = article(f"Northern Pier Closed\n====================\n\n{LEDE}\n")
    assert (a.title, a.title_origin) == ("Northern Pier Closed", Origin.HEADING)


def test_a_section_heading_after_the_lede_is_not_the_title() -> None:
    a = article(f"{LEDE}\n\n## Background\n\nThe pier was built long ago.\n")
    assert a.title != "Background"
    assert a.title_origin is Origin.LEDE


def test_a_short_first_line_of_plain_text_is_the_headline() -> None:
    a = article(f"Northern Pier Closed After Storm\n{LEDE}\nCrews were told on Sunday.\n")
    assert (a.title, a.title_origin) == ("Northern Pier Closed After Storm", Origin.TEXT)
    assert a.summary.startswith("The harbour authority closed")


def test_derived_headline_is_short_and_not_the_whole_paragraph() -> None:
    a = article(LEDE + "\n")
    assert a.title_origin is Origin.LEDE
    assert a.title == "The harbour authority closed the northern pier to all traffic on Monday"
    assert len(a.title.split()) <= 18
    assert a.title not in (LEDE, LEDE.split(". ")[0])


def test_derived_headline_of_a_long_sentence_is_capped() -> None:
    lede = " ".join(["Crews"] + ["worked"] * 40) + " through the night. Then they rested."
    title = headline_from_lede(lede)
    assert title.endswith("…")
    assert len(title.split()) == 18


@pytest.mark.parametrize(
    ("lede", "headline"),
    [
        (
            "In a surprise move late on Monday, the harbour authority closed the northern pier "
            "to all traffic, citing storm damage. More follows.",
            "The harbour authority closed the northern pier to all traffic",
        ),
        (
            "In the port of Valdoro, located east of the capital, dock workers walked off the job "
            "at dawn, halting exports. Talks resume today.",
            "Dock workers walked off the job at dawn",
        ),
        (
            "VALDORO (Wirepress) - Dock workers at the main port walked off the job on Monday, "
            "halting exports. Talks resume today.",
            "Dock workers at the main port walked off the job on Monday",
        ),
        (
            "A powerful 5.2 - magnitude tremor shook the coastal town of Marisol, damaging dozens "
            "of homes. Residents fled.",
            "A powerful 5.2 - magnitude tremor shook the coastal town of Marisol",
        ),
        (
            "In 1998 a storm flooded 12, 000 homes along the shore of the bay, officials said. "
            "Repairs took years.",
            "In 1998 a storm flooded 12, 000 homes along the shore of the bay",
        ),
        (
            "“We will reopen the pier when it is safe, and not before,” the harbour master told "
            "reporters on Monday. Crews are at work.",
            "“We will reopen the pier when it is safe, and not before,” the harbour master told "
            "reporters on…",
        ),
    ],
)
def test_headline_rules(lede: str, headline: str) -> None:
    assert headline_from_lede(lede) == headline


def test_without_any_text_the_title_is_the_file_name() -> None:
    a = article("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert (a.title, a.title_origin) == ("story", Origin.FILE_NAME)


# --- captions --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "OLD HARBOUR. Fishing boats are seen at the quay in Valdoro, March 3, 2019.",
        "FILE PHOTO: The northern pier of Valdoro harbour.",
        "Photo: the northern pier after the storm.",
        "Dock workers gather outside the port gates on Monday. (Photo by Ana Ruiz)",
        "Residents are pictured outside their damaged homes in Marisol.",
    ],
)
def test_captions_are_recognised(text: str) -> None:
    assert is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        LEDE,
        "The minister, who is seen as a moderate, said on Monday that the budget would pass.",
        "Results are shown to voters on a large screen in the square, officials said.",
        "VALDORO. " + LEDE + " " + LEDE,
        "Photographers gathered outside the court on Monday as the verdict was read.",
    ],
)
def test_ordinary_ledes_are_not_captions(text: str) -> None:
    assert not is_caption(text)


def test_a_caption_first_line_gives_neither_title_nor_date_nor_summary() -> None:
    text = (
        "OLD HARBOUR. Fishing boats are seen at the quay in Valdoro, March 3, 2019.\n\n"
        "The harbour authority closed the northern pier on April 8, 2031, officials said, "
        "citing storm damage. Crews moved south.\n"
    )
    a = article(text)
    assert a.title == "The harbour authority closed the northern pier on April 8, 2031"
    assert a.published.date == dt.date(2031, 4, 8)
    assert (a.published.origin, a.published.inferred, a.published.line) == (Origin.TEXT, True, 3)
    assert a.summary.startswith("The harbour authority")


# --- publication date ------------------------------------------------------


def test_front_matter_date() -> None:
    a = article("---\ndate: 2031-04-08\n---\nText.\n")
    assert a.published.as_dict()["date"] == "2031-04-08"
    assert (a.published.origin, a.published.precision, a.published.line) == (
        Origin.FRONT_MATTER,
        "day",
        2,
    )
    assert not a.published.inferred


def test_front_matter_month_precision() -> None:
    a = article("---\ndate: 2031-04\n---\nText.\n")
    assert (a.published.date, a.published.precision) == (dt.date(2031, 4, 1), "month")


def test_inline_header_date() -> None:
    a = article(" date 2031-04-08 " + LEDE)
    assert (a.published.date, a.published.origin) == (dt.date(2031, 4, 8), Origin.HEADER)


def test_inline_header_with_bom_and_crlf() -> None:
    data = (
        codecs.BOM_UTF8 + b" date 2031-04-08 The pier closed on Monday. Crews moved.\r\nMore.\r\n"
    )
    seed, problems = parse_seed(data, "a.txt", "a")
    assert seed is not None and problems == []
    a, found = infer_article(seed, REGISTRY)
    assert (a.published.date, a.published.origin, found) == (dt.date(2031, 4, 8), Origin.HEADER, [])
    assert "\r" not in a.body and a.summary == "The pier closed on Monday. Crews moved."


def test_date_from_a_source_url() -> None:
    text = "---\nsources:\n  - https://news.example/no-date\n  - https://wire.example/2031/04/08/pier\n---\nText.\n"
    a = article(text)
    assert (a.published.date, a.published.origin, a.published.line) == (
        dt.date(2031, 4, 8),
        Origin.URL,
        4,
    )
    assert a.published.note == "from the URL https://wire.example/2031/04/08/pier"


def test_unknown_date_format_warns_and_falls_back_to_the_url() -> None:
    text = (
        "---\ntitle: t\ndate: next spring\nurl: https://news.example/2031-04-08/pier\n---\nText.\n"
    )
    a, problems = infer(text)
    assert codes(problems) == [(3, "date-format")]
    assert problems[0].message == (
        "The date 'next spring' is in an unknown format or out of range; use YYYY-MM-DD."
    )
    assert (a.published.date, a.published.origin) == (dt.date(2031, 4, 8), Origin.URL)


STORY = (
    "The harbour authority of Valdoro closed the northern pier of the old port after the "
    "storm tore the breakwater, harbour master Ines Moretti and the port engineers said. "
    "Ferries to Carsola were moved to the southern quay and freight waited at anchor.\n"
)


def test_year_less_date_is_completed_by_the_reports_of_its_event(tmp_path: Path) -> None:
    lede = "Port officials said on Friday, November 21, that the pier was closed. " + STORY
    got = corpus(
        tmp_path,
        {"a.txt": lede, "b.md": "---\ndate: 2031-11-22\n---\n" + STORY},
    )
    published = got["a"].published
    assert (published.date, published.origin, published.inferred) == (
        dt.date(2031, 11, 21),
        Origin.TEXT,
        True,
    )
    assert "year 2031 inferred from the dated reports of the same event" in published.note
    assert "weekday fits" in published.note
    assert "undated" not in got["a"].flags


def test_year_less_date_is_not_taken_from_another_event(tmp_path: Path) -> None:
    lede = "Port officials said on Friday, November 21, that the pier was closed. " + STORY
    other = "---\ndate: 2031-11-22\n---\nThe council voted on the school budget. Taxes rose.\n"
    got = corpus(tmp_path, {"a.txt": lede, "b.md": other})
    assert got["a"].published.date is None
    assert "without a year" in got["a"].published.note


def test_year_less_date_takes_the_year_of_the_articles_own_dates() -> None:
    text = (
        "Port officials said on Friday, November 21, that the pier was closed.\n\n"
        "The pier had reopened on October 2, 2031, after repairs.\n"
    )
    a = article(text)
    assert (a.published.date, a.published.inferred) == (dt.date(2031, 11, 21), True)
    assert "article's own dates" in a.published.note


def test_a_date_that_is_not_the_news_is_not_the_publication_date() -> None:
    for lede in (
        "Ana Ruiz, the singer, was born on April 22, 1931, in Valdoro, her agent said today.",
        "His body was found on Tuesday, July 27, 2031, by a maid in the hotel.",
    ):
        assert article(lede + "\n").published.date is None


@pytest.mark.parametrize(
    ("lede", "day"),
    [
        ("VALDORO, Nov. 21, 2031 (Reuters) - The pier closed after the storm.", "2031-11-21"),
        ("Posted on Friday, November 21, 2031. The pier closed after the storm.", "2031-11-21"),
        ("Officials said on Friday, November 21, 2031, that the pier closed.", "2031-11-21"),
    ],
)
def test_dates_that_state_publication(lede: str, day: str) -> None:
    assert str(article(lede + "\n").published.date) == day


def test_year_less_date_without_evidence_stays_unknown(tmp_path: Path) -> None:
    lede = "Port officials said on Friday, November 21, that the pier was closed. Crews moved.\n"
    got = corpus(tmp_path, {"a.txt": lede, "b.txt": "Nothing dated here at all. Really.\n"})
    assert got["a"].published.date is None
    assert got["a"].published.origin is None
    assert "undated" in got["a"].flags


def test_year_less_date_whose_weekday_does_not_fit_stays_unknown(tmp_path: Path) -> None:
    lede = "Port officials said on Monday, November 21, that the pier was closed. " + STORY
    got = corpus(tmp_path, {"a.txt": lede, "b.md": "---\ndate: 2031-11-22\n---\n" + STORY})
    assert got["a"].published.date is None


def test_dates_after_the_lede_are_not_publication_dates() -> None:
    a = article(LEDE + "\n\nThe pier was first closed on April 8, 1990, for repairs.\n")
    assert a.published.date is None
    assert "undated" in a.flags


# --- publisher -------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "publisher"),
    [
        ("outlet: AFP", "Agence France-Presse"),
        ("outlet: The Valdoro Courier", "The Valdoro Courier"),
    ],
)
def test_publisher_from_front_matter(front_matter: str, publisher: str) -> None:
    a = article(f"---\n{front_matter}\n---\nText.\n")
    assert (a.publisher, a.publisher_origin) == (publisher, Origin.FRONT_MATTER)


def test_publisher_from_the_article_url() -> None:
    a = article("---\nurl: https://www.theguardian.com/world/pier\n---\nText.\n")
    assert (a.publisher, a.publisher_origin, a.url) == (
        "The Guardian",
        Origin.URL,
        "https://www.theguardian.com/world/pier",
    )


@pytest.mark.parametrize(
    ("sign_off", "publisher"),
    [
        ("– Valdoropost.com", "Valdoropost"),
        ("—AFP", "Agence France-Presse"),
        ("- Rappler.com", "Rappler"),
    ],
)
def test_publisher_from_a_sign_off(sign_off: str, publisher: str) -> None:
    a = article(f"{LEDE}\n\nThe pier reopens next month. {sign_off}\n")
    assert (a.publisher, a.publisher_origin) == (publisher, Origin.SIGN_OFF)
    assert a.credited == ()


@pytest.mark.parametrize("ending", ["– Ana Ruiz", "- with reports from Wirepress", "— a new start"])
def test_endings_that_are_not_publisher_sign_offs(ending: str) -> None:
    a = article(f"{LEDE}\n\nThe pier reopens next month, {ending}\n")
    assert a.publisher is None


def test_no_publisher_is_unknown() -> None:
    a = article(LEDE + "\n")
    assert a.publisher is None
    assert a.outlet_label == "Unknown publisher"
    assert "no-outlet" in a.flags


def test_a_sources_block_is_credit_not_a_sign_off() -> None:
    a = article(f"{LEDE}\n\nSources:\n\n- Wirepress\n")
    assert a.publisher is None
    assert [(c.outlet, c.origin) for c in a.credited] == [("Wirepress", Origin.SOURCES_BLOCK)]


# --- credited sources ------------------------------------------------------


def test_front_matter_sources_are_credited_through_the_registry() -> None:
    text = (
        "---\nsources:\n  - https://www.reuters.com/world/a\n  - https://edition.cnn.com/b\n"
        "  - https://www.reuters.com/world/c\n  - https://valdoro-news.example/d\n---\nText.\n"
    )
    a = article(text)
    assert a.credited == (
        Credit("Reuters", "https://www.reuters.com/world/a", Origin.FRONT_MATTER),
        Credit("CNN", "https://edition.cnn.com/b", Origin.FRONT_MATTER),
        Credit("valdoro-news.example", "https://valdoro-news.example/d", Origin.FRONT_MATTER),
    )
    assert a.publisher is None


def test_empty_sources_list_is_fine_but_a_number_is_not() -> None:
    assert infer("---\nsources: []\n---\nText.\n")[1] == []
    _, problems = infer("---\ntitle: t\nsources: 42\n---\nText.\n")
    assert codes(problems) == [(3, "sources-type")]


def test_sources_block_with_a_link_and_a_note() -> None:
    text = f"{LEDE}\n\nSources:\n\n– [Wirepress](https://wirepress.example/) for original article\n"
    a = article(text)
    assert a.credited == (
        Credit(
            "Wirepress", "https://wirepress.example/", Origin.SOURCES_BLOCK, "for original article"
        ),
    )


def test_sources_block_names_outlets_through_the_registry() -> None:
    text = (
        f"{LEDE}\n\n## Sources\n\n- [The report](https://www.apnews.com/x)\n"
        "- Bloomberg, for market figures\n- the harbour master's own notes\n"
    )
    a = article(text)
    assert [(c.outlet, c.note) for c in a.credited] == [
        ("Associated Press", ""),
        ("Bloomberg", "for market figures"),
    ]


def test_single_line_source() -> None:
    a = article(f"{LEDE}\n\nSource: Reuters\n")
    assert [c.outlet for c in a.credited] == ["Reuters"]


def test_prose_that_starts_with_sources_is_not_a_block() -> None:
    text = (
        f"{LEDE}\n\nSources close to the talks said a [draft](https://draft.example/a) was ready. "
        "Nobody confirmed it.\n"
    )
    assert article(text).credited == ()


@pytest.mark.parametrize(
    ("lede", "wire"),
    [
        ("(Reuters) - The harbour authority closed the pier. Crews moved.", "Reuters"),
        ("VALDORO (AP) — The harbour authority closed the pier. Crews moved.", "Associated Press"),
        ("PORT ELLIS, Marland (Wirepress) - The authority closed it. Crews moved.", "Wirepress"),
    ],
)
def test_dateline_wire_credit(lede: str, wire: str) -> None:
    a = article(lede + "\n")
    assert a.credited == (Credit(wire, None, Origin.TEXT, "dateline wire credit"),)
    assert a.publisher is None


def test_an_upper_case_word_and_a_dash_is_not_a_dateline() -> None:
    assert article("NATO - the alliance - met on Monday. It agreed.\n").credited == ()


# --- unsafe links and their lines --------------------------------------------


def test_unsafe_links_are_dropped_and_reported_on_their_own_line() -> None:
    text = (
        "---\ntitle: t\nsources:\n  - https://www.reuters.com/a\n  - javascript:alert(1)\n"
        "url: data:text/html,hi\n---\n"
        f"{LEDE}\n\nSources:\n\n- [Wire](vbscript:run) for the quotes\n"
    )
    a, problems = infer(text)
    assert codes(problems) == [(5, "unsafe-url"), (12, "unsafe-url"), (6, "unsafe-url")]
    assert a.url is None
    assert [(c.outlet, c.url) for c in a.credited] == [
        ("Reuters", "https://www.reuters.com/a"),
        ("Wire", None),
    ]


# --- tags ------------------------------------------------------------------


def test_tags_are_normalised() -> None:
    text = (
        "---\ntags: ['  Budget ', budget, 'City  Hall', '#Harbour', U.S., storms., north_coast,"
        " 2031, NO]\n---\nText.\n"
    )
    a, problems = infer(text)
    assert problems == []
    assert a.tags == (
        "budget",
        "city hall",
        "harbour",
        "u.s.",
        "storms",
        "north coast",
        "2031",
        "no",
    )


def test_string_tags_are_split_with_a_warning() -> None:
    a, problems = infer("---\ntitle: t\ntags: Budget, harbour ,budget\n---\nText.\n")
    assert a.tags == ("budget", "harbour")
    assert problems == [
        Problem(
            "story.md",
            3,
            Severity.WARNING,
            "tags-not-list",
            "'tags' should be a list; the text was split on commas.",
        )
    ]


def test_mapping_tags_are_ignored_with_a_warning() -> None:
    a, problems = infer("---\ntags:\n  topic: harbour\n---\nText.\n")
    assert a.tags == ()
    assert codes(problems) == [(2, "tags-type")]


def test_tags_that_are_not_words_are_dropped_one_by_one() -> None:
    a, problems = infer("---\ntags: [harbour, [a, b], true, '', '###']\n---\nText.\n")
    assert a.tags == ("harbour",)
    assert [p.code for p in problems] == ["tags-type", "tags-type", "tags-empty", "tags-empty"]


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("Iraq", "iraq"),
        ("  new\tyork ", "new york"),
        ("#MeToo", "metoo"),
        ("Washington D.C.", "washington d.c."),
        ("storms.", "storms"),
        ("<b>bold</b>", "b bold b"),
        ("../etc", "etc"),
        ("C++", "c++"),
    ],
)
def test_normalise_tag(raw: str, tag: str) -> None:
    assert normalise_tag(raw) == tag


# --- flags, words, summary -----------------------------------------------------


@pytest.mark.parametrize(
    "ending",
    [
        "The content is written entirely by AI. Check the facts.",
        "This article was generated by an AI language model.",
        "This summary was produced using ChatGPT and edited by staff.",
        "This report is AI-generated.",
    ],
)
def test_ai_disclosure_at_the_end_is_flagged(ending: str) -> None:
    assert "ai-written" in article(f"{LEDE}\n\n{ending}\n").flags


@pytest.mark.parametrize(
    "text",
    [
        f"{LEDE}\n\nA study written by AI researchers at the port university was cited.\n",
        "AI-generated images of the flooded pier spread online on Monday. Officials denied them.\n",
        f"{LEDE}\n\nThe essay was written by Ai Weiwei.\n",
        "\n\n".join([LEDE, LEDE, LEDE, "This text was written by AI.", LEDE, LEDE, LEDE, LEDE]),
    ],
)
def test_mentions_of_ai_are_not_disclosures(text: str) -> None:
    assert "ai-written" not in article(text).flags


def test_missing_metadata_flags() -> None:
    assert article(LEDE + "\n").flags == ("no-metadata", "undated", "no-outlet")
    assert article("---\ndate: 2031-04-08\noutlet: AFP\n---\nText.\n").flags == ()


def test_words_reading_time_and_summary() -> None:
    body = " ".join(["word"] * 231) + ".\n"
    a = article(body)
    assert (a.words, a.reading_minutes) == (231, 2)
    assert a.summary.endswith("…")
    assert len(a.summary.split()) == 60


def test_other_front_matter_keys() -> None:
    text = (
        "---\nauthors: Ana Ruiz, Tom Lee\nevent: Pier Closure 2031\nzeta: 1\nalpha: [x]\n---\n"
        "Text.\n"
    )
    a = article(text)
    assert a.authors == ("Ana Ruiz", "Tom Lee")
    assert a.event_pin == "pier-closure-2031"
    assert list(a.extra) == ["alpha", "zeta"]


# --- sentences and paragraphs ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Ruiz met Dr. Lee. They talked.", ["Mr. Ruiz met Dr. Lee.", "They talked."]),
        ("The U.S. Navy left. It returned.", ["The U.S. Navy left.", "It returned."]),
        ("He said no. The vote failed.", ["He said no.", "The vote failed."]),
        ("It is item No. 5 on the list.", ["It is item No. 5 on the list."]),
        ("J. R. Ruiz spoke. Then he left.", ["J. R. Ruiz spoke.", "Then he left."]),
        ("It rose 5.5 percent. Prices fell.", ["It rose 5.5 percent.", "Prices fell."]),
        ("“Go now.” She left.", ["“Go now.”", "She left."]),
        ("It ended in 1998. Work began.", ["It ended in 1998.", "Work began."]),
        ("Is it safe? Nobody knows!", ["Is it safe?", "Nobody knows!"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_of_plain_text_without_blank_lines() -> None:
    body = (
        "Pier Closed After Storm\n"
        "The authority closed the pier. Crews moved.\n"
        "Prime Minister Ana Ruiz Of Marland\n"
        "said the closure was temporary.\n"
        "---\n"
        "- first item\n"
        "| a | b |\n"
    )
    got = [(p.text, p.line, p.kind) for p in paragraphs(body)]
    assert got == [
        ("Pier Closed After Storm", 1, "text"),
        ("The authority closed the pier. Crews moved.", 2, "text"),
        ("Prime Minister Ana Ruiz Of Marland said the closure was temporary.", 3, "text"),
        ("- first item", 6, "list"),
        ("| a | b |", 7, "table"),
    ]


def test_hard_wrapped_prose_is_one_paragraph() -> None:
    body = (
        "The authority closed the northern pier\nto all traffic on Monday, citing storm\ndamage.\n"
    )
    assert [p.text for p in paragraphs(body)] == [
        "The authority closed the northern pier to all traffic on Monday, citing storm damage."
    ]


def test_headline_drops_a_leading_attribution() -> None:
    lede = "Traders said on Tuesday, March 5, that grain prices rose after the river port closed."
    assert headline_from_lede(lede) == "Grain prices rose after the river port closed"


def test_a_one_sentence_lede_with_attribution_is_not_a_headline() -> None:
    text = "Grain prices rose on Tuesday, traders said.\n\nMore text follows here today.\n"
    assert article(text).title_origin == Origin.LEDE


@pytest.mark.parametrize(
    "sentence",
    [
        "Two people died, the Associated Press reported.",
        "Two people died, according to Reuters.",
        "A minister told CNN that two people died.",
    ],
)
def test_registered_outlets_credited_in_the_text_are_credited(sentence: str) -> None:
    credited = article(f"{LEDE}\n\n{sentence}\n").credited
    assert [c.origin for c in credited] == [Origin.TEXT]


def test_attribution_to_people_credits_no_outlet() -> None:
    text = (
        f"{LEDE}\n\nTwo people died, according to Officials Of The Port, who told Reporters so.\n"
    )
    assert article(text).credited == ()
