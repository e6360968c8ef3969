"""JSON-ready form of the event report, for ``briefing export``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.events.model import (
    ArticleNotes,
    Conflict,
    DatedPoint,
    Event,
    EventReport,
    FactRow,
    ReuseLink,
    TimelineEntry,
)


def events_export(report: EventReport) -> list[dict[str, Any]]:
    """Return one JSON-ready record per event.

    Args:
        report: The analysed events.

    Returns:
        Records with ``id``, ``title``, ``articles``, ``facts`` (each article's
        value: ``low``/``high`` for a count, ``date`` in ISO form at its
        precision for a date fact), ``conflicts``, ``provenance`` (reuse links
        with shares) and the rest of the comparison.
    """
    return [_event(event) for event in report.events]


def _event(event: Event) -> dict[str, Any]:
    """One event."""
    return {
        "id": event.id,
        "title": event.title,
        "title_article": event.title_article,
        "pinned": event.pinned,
        "occurred": _point(event.occurred),
        "reported": {"first": _iso(event.reported_first), "last": _iso(event.reported_last)},
        "places": list(event.places),
        "actors": list(event.actors),
        "articles": list(event.articles),
        "first_report": {"id": event.first_report, "certain": event.first_report_certain},
        "facts": [_fact(row) for row in event.facts],
        "conflicts": [conflict_record(c) for c in event.conflicts],
        "compatible": [conflict_record(c) for c in event.compatible],
        "provenance": [reuse_record(link) for link in event.provenance],
        "notes": {note.article_id: _note(note) for note in event.notes},
        "timeline": [_entry(entry) for entry in event.timeline],
    }


def _iso(date: dt.date | None) -> str | None:
    """ISO date or None."""
    return date.isoformat() if date else None


def _point(point: DatedPoint) -> dict[str, Any]:
    """When something happened."""
    return {
        "date": _iso(point.date),
        "precision": point.precision,
        "basis": point.basis,
        "articles": list(point.article_ids),
    }


def _fact(row: FactRow) -> dict[str, Any]:
    """One fact row with each article's value."""
    return {
        "key": row.key,
        "description": row.description,
        "measure": row.measure,
        "thing": row.thing,
        "status": row.status,
        "background": row.background,
        "values": {
            cell.article_id: {
                "value": cell.value,
                "low": cell.low,
                "high": cell.high,
                "date": cell.date.label() if cell.date is not None else None,
                "qualifier": cell.qualifier,
                "since": cell.since,
                "sentence": cell.sentence,
                "line": cell.line,
            }
            for cell in row.cells
        },
    }


def conflict_record(conflict: Conflict) -> dict[str, Any]:
    """One discrepancy with every side's quoted sentence."""
    return {
        "kind": conflict.kind,
        "fact": conflict.fact_key,
        "summary": conflict.summary,
        "sides": [
            {
                "value": side.value,
                "articles": list(side.article_ids),
                "quotes": [
                    {"article": q.article_id, "sentence": q.sentence, "line": q.line}
                    for q in side.quotes
                ],
            }
            for side in conflict.sides
        ],
    }


def reuse_record(link: ReuseLink) -> dict[str, Any]:
    """One reuse link with its share and matched sentences."""
    return {
        "source": link.source,
        "reuser": link.reuser,
        "share": link.share,
        "matched": link.matched,
        "sentences": link.sentences,
        "uncertain": link.uncertain,
        "basis": link.basis,
        "wire": link.wire,
        "pairs": [
            {
                "reuser_line": p.reuser_line,
                "source_line": p.source_line,
                "reuser_sentence": p.reuser_sentence,
                "source_sentence": p.source_sentence,
                "similarity": p.similarity,
            }
            for p in link.pairs
        ],
    }


def _note(note: ArticleNotes) -> dict[str, Any]:
    """What is particular to one article."""
    return {
        "only_here": list(note.only_here),
        "leaves_out": list(note.leaves_out),
        "wording": {
            "action": note.wording.action,
            "action_sentence": note.wording.action_sentence,
            "actors": [
                {"id": a.actor_id, "names": list(a.names), "descriptors": list(a.descriptors)}
                for a in note.wording.actors
            ],
        },
    }


def _entry(entry: TimelineEntry) -> dict[str, Any]:
    """One date of the timeline."""
    return {
        "date": entry.date.isoformat(),
        "precision": entry.precision,
        "label": entry.label,
        "mentions": [
            {"article": m.article_id, "text": m.text, "sentence": m.sentence, "line": m.line}
            for m in entry.mentions
        ],
    }
