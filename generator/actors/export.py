"""JSON-ready forms of the actor report for ``briefing export``."""

from __future__ import annotations

from typing import Any

from generator.actors.records import Actor, ActorReport, Mention


def actors_export(report: ActorReport) -> list[dict[str, Any]]:
    """Return the JSON-ready ``actors`` section of ``briefing export``.

    Args:
        report: The actor report.

    Returns:
        One dict per actor: id, name, type, registered, aliases, description,
        affiliations, wikidata, articles, first and last mention dates and
        mentions (article, text, sentence, line, form, descriptor, role).
    """
    return [_actor_dict(a) for a in report.actors]


def _actor_dict(actor: Actor) -> dict[str, Any]:
    """Return the export form of one actor."""
    return {
        "id": actor.id,
        "name": actor.name,
        "type": str(actor.type) if actor.type else None,
        "registered": actor.registered,
        "aliases": list(actor.aliases),
        "description": actor.description,
        "affiliations": [
            {"relation": str(a.relation), "target": a.target} for a in actor.affiliations
        ],
        "wikidata": actor.wikidata,
        "articles": list(actor.article_ids),
        "first_mention": actor.first_mention.isoformat() if actor.first_mention else None,
        "last_mention": actor.last_mention.isoformat() if actor.last_mention else None,
        "mentions": [_mention_dict(m) for m in actor.mentions],
    }


def _mention_dict(m: Mention) -> dict[str, Any]:
    """Return the export form of one mention."""
    return {
        "article": m.article_id,
        "text": m.text,
        "sentence": m.sentence,
        "line": m.line,
        "form": m.form,
        "descriptor": m.descriptor,
        "role": m.role or None,
        "qualifies": m.qualifies or None,
    }


def places_export(report: ActorReport) -> list[dict[str, Any]]:
    """Return a JSON-ready list of places with their mentions."""
    return [
        {
            "id": p.id,
            "name": p.name,
            "registered": p.registered,
            "aliases": list(p.aliases),
            "wikidata": p.wikidata,
            "articles": list(p.article_ids),
            "mentions": [_mention_dict(m) for m in p.mentions],
        }
        for p in report.places
    ]


def suggestions_export(report: ActorReport) -> list[dict[str, Any]]:
    """Return a JSON-ready list of unregistered names with their contexts."""
    return [
        {
            "id": s.id,
            "name": s.name,
            "kind": s.kind,
            "spellings": list(s.spellings),
            "reasons": list(s.reasons),
            "similar_to": s.similar_to,
            "contexts": [
                {"article": c.article_id, "file": c.file, "line": c.line, "sentence": c.sentence}
                for c in s.contexts
            ],
        }
        for s in report.suggestions
    ]
