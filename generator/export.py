"""The JSON export: a stable, documented view of the corpus."""

from __future__ import annotations

import datetime as dt
import json
import math
from json.encoder import encode_basestring
from typing import Any, TextIO

from generator.actors import actors_export, places_export, suggestions_export
from generator.events import events_export
from generator.models import Article
from generator.pipeline import Corpus

SCHEMA_VERSION = 1


def article_record(article: Article, corpus: Corpus | None = None) -> dict[str, Any]:
    """Return the export record of one article (schema: the site's Data page)."""
    actors = corpus.actors.actors_of(article.id) if corpus else ()
    places = corpus.actors.places_of(article.id) if corpus else ()
    event = corpus.events.event_of(article.id) if corpus else None
    return {
        "event": event,
        "actors": list(actors),
        "places": list(places),
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
        "articles": [article_record(a, corpus) for a in corpus.articles],
        "problems": [p.as_dict() for p in corpus.problems],
        "actors": actors_export(corpus.actors),
        "places": places_export(corpus.actors),
        "unregistered": suggestions_export(corpus.actors),
        "events": events_export(corpus.events),
    }


def dumps(data: Any) -> str:
    """Serialise deterministically: sorted keys, two-space indent, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def dump(data: Any, out: TextIO, batch: int = 16384) -> None:
    """Write :func:`dumps` of ``data`` to ``out`` as it is encoded.

    The text is never whole in memory: at 10,000 articles the export is
    about 80 MB of text, and ``dumps`` holds its millions of pieces and then
    the joined string (several times the size of the data) at once.

    json's indenting encoder is pure Python, a generator per container; this
    one writes the same text (the rules of ``json.encoder._make_iterencode``
    for these arguments: keys sorted, then converted; NaN and infinities
    as ``json`` writes them) recursively into a list, in half the time.

    Args:
        data: JSON-ready data (:func:`corpus_record`).
        out: A text stream.
        batch: Pieces joined per write (each piece is a few characters).
    """
    pieces: list[str] = []
    append = pieces.append

    def value(item: Any, newline: str) -> None:
        if isinstance(item, str):
            append(encode_basestring(item))
        elif isinstance(item, list | tuple):
            array(item, newline)
        elif isinstance(item, dict):
            mapping(item, newline)
        else:
            append(_scalar(item))

    def array(items: list[Any] | tuple[Any, ...], newline: str) -> None:
        if not items:
            append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in items:
            append(separator)
            separator = "," + inner
            value(item, inner)
        append(newline + "]")
        flush()

    def mapping(items: dict[Any, Any], newline: str) -> None:
        if not items:
            append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in sorted(items.items()):
            append(separator + encode_basestring(_json_key(key)) + ": ")
            separator = "," + inner
            value(item, inner)
        append(newline + "}")
        flush()

    def flush() -> None:
        if len(pieces) >= batch:
            out.write("".join(pieces))
            pieces.clear()

    value(data, "\n")
    append("\n")
    out.write("".join(pieces))


def _scalar(value: Any) -> str:
    """A JSON scalar other than a string, as ``json.dumps`` writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == math.inf:
        return "Infinity"
    if value == -math.inf:
        return "-Infinity"
    return float.__repr__(value)


def _json_key(key: Any) -> str:
    """A mapping key as text, as ``json.dumps`` converts it (after sorting)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None:
        return _scalar(key)
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _jsonable(value: Any) -> Any:
    """Turn front-matter values into plain JSON data, deterministically.

    YAML gives dates (also as mapping keys), sets and non-finite floats that
    JSON lacks: dates and other objects become text, keys become text, sets
    become sorted lists and NaN or infinity become text.
    """
    if isinstance(value, dict):
        return {_key(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _key(key: object) -> str:
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)
