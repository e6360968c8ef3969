"""Thresholds whose values live here: input limits, metadata rules, page limits."""

from __future__ import annotations

from dataclasses import dataclass

from generator.thresholds.about import setting


@dataclass(frozen=True, slots=True)
class InputLimits:
    """What a seed or registry may hold before it is refused or shown as plain text.

    Each limit is generous for real articles (the longest news article in the
    evaluation corpora is under 100 KB, with paragraphs of a few thousand
    characters and no nesting deeper than three) and keeps every later stage
    linear: these are guesses about size and depth, never about content.
    """

    seed_bytes: int = setting(
        1_000_000,
        "Largest seed file",
        "A larger file is not read (ten times a long article).",
        "byte",
    )
    line_chars: int = setting(
        100_000, "Longest line of a seed", "A seed with a longer line is not read.", "character"
    )
    lines: int = setting(
        10_000,
        "Most lines in a seed",
        "A seed with more lines is not read (each line can be a paragraph, and Markdown "
        "slows down with the square of their number).",
        "line",
    )
    yaml_depth: int = setting(
        20,
        "Deepest nesting of YAML",
        "Front matter or a registry whose lists and mappings nest deeper is ignored.",
        "level",
    )
    markdown_depth: int = setting(
        16,
        "Deepest nesting of Markdown on a line",
        "A body line whose brackets, parentheses and emphasis nest deeper is shown as plain text.",
        "level",
    )
    markup_chars: int = setting(
        1_000,
        "Most Markdown characters on a line",
        "A body line with more Markdown and HTML special characters is shown as plain "
        "text too (Markdown's inline pass slows down with the square of their number).",
        "character",
    )
    inline_chars: int = setting(
        1_000,
        "Longest value shown in a page's text",
        "A longer title, summary, name or tag is cut with an ellipsis.",
        "character",
    )


@dataclass(frozen=True, slots=True)
class MetadataRules:
    """How an article's title, dates, outlets, summary and flags are read from its text."""

    reading_speed: int = setting(
        230,
        "Reading speed",
        "The reading time shown is the word count at this speed.",
        "word a minute",
    )
    headline_max_words: int = setting(
        18,
        "Longest title made from the lede",
        "A title made from the lede's first sentence is cut after this many words. A "
        "one-sentence paragraph at most four words longer, without attribution, is a "
        "headline rather than the lede.",
        "word",
    )
    headline_min_words: int = setting(
        5,
        "Shortest title made from the lede",
        "A dateline, an attribution or an opening clause is dropped from the title, and "
        "the sentence cut at a clause break, only when this many words remain.",
        "word",
    )
    caption_max_words: int = setting(
        60, "Longest photo caption", "A longer paragraph is never taken for a caption.", "word"
    )
    caption_max_sentences: int = setting(
        2,
        "Most sentences in a photo caption",
        "A paragraph with more sentences is never taken for a caption.",
        "sentence",
    )
    source_item_max_words: int = setting(
        30,
        "Longest entry of a sources block",
        'A "Sources:" block ends at the first paragraph longer than this.',
        "word",
    )
    summary_max_words: int = setting(
        60, "Longest summary", "The summary is the lede, cut after this many words.", "word"
    )
    disclosure_first_paragraphs: int = setting(
        2,
        "Opening paragraphs read for an AI disclosure",
        '"Written by AI" counts only in the first and the last paragraphs, not in the '
        "middle of a story about AI.",
        "paragraph",
    )
    disclosure_last_paragraphs: int = setting(
        3,
        "Closing paragraphs read for an AI disclosure",
        "See the opening paragraphs above.",
        "paragraph",
    )
    dateline_paragraphs: int = setting(
        6,
        "Paragraphs read for a dateline's wire credit",
        'An agency in a dateline ("WASHINGTON (Reuters) -") is credited only in the '
        "first paragraphs.",
        "paragraph",
    )
    publication_date_paragraphs: int = setting(
        3,
        "Paragraphs read for a publication date",
        "A publication date stated in the text is looked for in the first paragraphs (or "
        "up to the lede, when it comes later).",
        "paragraph",
    )


@dataclass(frozen=True, slots=True)
class PageLimits:
    """What the coverage chart and the problem list show at most."""

    chart_outlets: int = setting(
        7,
        "Outlets with their own colour in the coverage chart",
        'The other outlets share the colour of "Other".',
        "outlet",
    )
    chart_days: int = setting(
        60,
        "Days shown one by one in the coverage chart",
        "A longer span is charted by month.",
        "day",
    )
    chart_months: int = setting(
        60,
        "Months shown one by one in the coverage chart",
        "A longer span is charted by year, and past this many years by groups of years, "
        "so the chart never has more bars than this.",
        "month",
    )
    external_images_reported: int = setting(
        20,
        "Images from other sites reported per seed",
        "Each is a problem of its own up to this many; a page of them is one finding.",
        "image",
    )
