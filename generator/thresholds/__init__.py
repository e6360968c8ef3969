"""Every tuning threshold in one place, each with what it means in plain words.

:class:`Thresholds` gathers them by stage: what a seed may hold
(:class:`InputLimits`), how metadata is inferred (:class:`MetadataRules`), how
actors are matched, dates read, articles grouped, reuse traced and reports
compared. The thresholds page of the site is rendered from it
(:mod:`generator.site.thresholds`), so what a reader sees is what the code uses.

The input limits, metadata rules and the chart's and images' page limits
live here: their modules use :data:`INPUT_LIMITS`, :data:`METADATA_RULES` and
:data:`PAGE_LIMITS`. The other stages still keep
their constants in their own modules; their sections here read those
constants by reference (:func:`~generator.thresholds.about.listed`), so they
are listed in one place without a second copy of any value.

Every field carries its description in ``metadata``: a short ``label``, the
``meaning`` in plain words, and the ``unit`` its value counts ("word",
"day", …; empty for a plain number such as a share or a weight).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from generator.thresholds.comparison import ComparisonRules
from generator.thresholds.reading import InputLimits, MetadataRules, PageLimits
from generator.thresholds.stages import (
    ActorRules,
    DateRules,
    GroupingRules,
    ListingLimits,
    ProvenanceRules,
)

__all__ = [
    "INPUT_LIMITS",
    "METADATA_RULES",
    "PAGE_LIMITS",
    "ActorRules",
    "ComparisonRules",
    "DateRules",
    "GroupingRules",
    "InputLimits",
    "ListingLimits",
    "MetadataRules",
    "PageLimits",
    "ProvenanceRules",
    "Thresholds",
    "default_thresholds",
]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Every threshold of the generator, by stage (see the module docstring)."""

    input: InputLimits = field(default_factory=InputLimits)
    metadata: MetadataRules = field(default_factory=MetadataRules)
    actors: ActorRules = field(default_factory=ActorRules)
    dates: DateRules = field(default_factory=DateRules)
    grouping: GroupingRules = field(default_factory=GroupingRules)
    provenance: ProvenanceRules = field(default_factory=ProvenanceRules)
    comparison: ComparisonRules = field(default_factory=ComparisonRules)
    pages: PageLimits = field(default_factory=PageLimits)
    listings: ListingLimits = field(default_factory=ListingLimits)


INPUT_LIMITS = InputLimits()
"""The input limits in use."""

METADATA_RULES = MetadataRules()
"""The metadata rules in use."""

PAGE_LIMITS = PageLimits()
"""The page limits in use."""


@cache
def default_thresholds() -> Thresholds:
    """Every threshold in use (built once: the by-reference sections import their stages)."""
    return Thresholds(input=INPUT_LIMITS, metadata=METADATA_RULES, pages=PAGE_LIMITS)
