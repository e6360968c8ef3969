"""Actors: registry, matching in text, discovery of unregistered names, report."""

from __future__ import annotations

from generator.actors.analysis import analyse_actors
from generator.actors.export import actors_export, places_export, suggestions_export
from generator.actors.records import (
    Actor,
    ActorEntry,
    ActorRegistry,
    ActorReport,
    ActorType,
    Affiliation,
    Context,
    Count,
    Mention,
    OutletUsage,
    Place,
    PlaceEntry,
    Relation,
    Suggestion,
    VariantMerge,
)
from generator.ingest.actor_registry import load_actor_registry, parse_actor_registry

__all__ = [
    "Actor",
    "ActorEntry",
    "ActorRegistry",
    "ActorReport",
    "ActorType",
    "Affiliation",
    "Context",
    "Count",
    "Mention",
    "OutletUsage",
    "Place",
    "PlaceEntry",
    "Relation",
    "Suggestion",
    "VariantMerge",
    "actors_export",
    "analyse_actors",
    "load_actor_registry",
    "parse_actor_registry",
    "places_export",
    "suggestions_export",
]
