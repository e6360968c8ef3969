"""Events: group the articles that report the same event and compare how each reported it.

Public entry points: :func:`analyse_events` and :func:`events_export`.
"""

from __future__ import annotations

from generator.events.analyse import analyse_events
from generator.events.export import events_export
from generator.events.model import (
    ArticleNotes,
    Conflict,
    ConflictSide,
    DatedPoint,
    Event,
    EventReport,
    FactCell,
    FactRow,
    Quote,
    ReuseLink,
    SentencePair,
    TimelineEntry,
    Wording,
)

__all__ = [
    "ArticleNotes",
    "Conflict",
    "ConflictSide",
    "DatedPoint",
    "Event",
    "EventReport",
    "FactCell",
    "FactRow",
    "Quote",
    "ReuseLink",
    "SentencePair",
    "TimelineEntry",
    "Wording",
    "analyse_events",
    "events_export",
]
