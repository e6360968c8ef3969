"""The JSON export: a stable, documented view of the corpus."""

from __future__ import annotations

import json
from typing import Any

from generator.models import Article
from generator.pipeline import Corpus

SCHEMA_VERSION = 1


def article_record(article: Article) -> dict[str, Any]:
    """Return the export record of one article (see docs/data.md for the schema)."""
    return {
        "id": article.id,
        "file": article.file,
        "title": article.title,
        "title_source": str(article.title_origin),
        "published": article.published.as_dict(),
        "publisher": article.publisher,
        "publisher_source": str(article.publisher_origin) if article.publisher_origin else None,
        "credited": [c.as_dict() for c in article.credited],
        "tags": list(article.tags),
        "inferred_tags": list(article.inferred_tags),
        "flags": list(article.flags),
        "words": article.words,
        "reading_minutes": article.reading_minutes,
        "summary": article.summary,
        "authors": list(article.authors),
        "url": article.url,
        "extra": _jsonable(dict(article.extra)),
    }


def corpus_record(corpus: Corpus) -> dict[str, Any]:
    """Return the whole export as plain JSON-ready data."""
    return {
        "schema": SCHEMA_VERSION,
        "seeds_read": corpus.seeds_read,
        "articles": [article_record(a) for a in corpus.articles],
        "problems": [p.as_dict() for p in corpus.problems],
    }


def dumps(data: Any) -> str:
    """Serialise deterministically: sorted keys, two-space indent, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _jsonable(value: Any) -> Any:
    # Front matter may hold dates and other YAML types JSON lacks.
    return json.loads(json.dumps(value, default=str))
