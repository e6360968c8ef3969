"""Geometry of the coverage chart (articles per day, stacked by outlet).

The template ``coverage.svg.j2`` draws it; this module only computes boxes,
so the chart is inline SVG that works offline and needs no script.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.models import Article
from generator.site.views import top
from generator.thresholds import PAGE_LIMITS

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 240, 32, 56, 10


@dataclass(frozen=True, slots=True)
class Bar:
    """One stacked segment."""

    x: float
    y: float
    width: float
    height: float
    series: int
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    """Everything the SVG template needs."""

    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    legend: tuple[tuple[int, str], ...]
    max_count: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: int = HEIGHT - BOTTOM


def coverage_chart(articles: Sequence[Article]) -> Chart | None:
    """Compute the chart for the dated articles, or None when none is dated."""
    dated = [a for a in articles if a.published.date]
    if not dated:
        return None
    keys = _bucket_keys(dated)
    series_names = [
        name for name, _ in top(Counter(a.outlet_label for a in dated), PAGE_LIMITS.chart_outlets)
    ]
    counts: Counter[tuple[str, str]] = Counter()
    for article in dated:
        name = article.outlet_label if article.outlet_label in series_names else "Other"
        counts[(_bucket(article.published.date, keys), name)] += 1  # type: ignore[arg-type]
    buckets = sorted({b for b, _ in counts})
    names = series_names + (["Other"] if any(n == "Other" for _, n in counts) else [])
    per_bucket = {b: sum(counts[(b, n)] for n in names) for b in buckets}
    max_count = max(per_bucket.values())
    slot = (WIDTH - LEFT) / len(buckets)
    scale = (HEIGHT - BOTTOM - TOP) / max_count
    bars = []
    for i, bucket in enumerate(buckets):
        y = float(HEIGHT - BOTTOM)
        for s, name in enumerate(names):
            n = counts[(bucket, name)]
            if n:
                y -= n * scale
                label = f"{bucket}: {n} by {name}"
                bars.append(Bar(LEFT + i * slot + slot * 0.15, y, slot * 0.7, n * scale, s, label))
    ticks = tuple(
        (LEFT + (i + 0.5) * slot, b) for i, b in enumerate(buckets) if _show_tick(i, len(buckets))
    )
    return Chart(tuple(bars), ticks, tuple(enumerate(names)), max_count)


def _bucket_keys(dated: Sequence[Article]) -> str:
    span = {a.published.date for a in dated}
    return "month" if len(span) > PAGE_LIMITS.chart_days else "day"


def _bucket(date: dt.date, keys: str) -> str:
    return date.isoformat()[:7] if keys == "month" else date.isoformat()


def _show_tick(index: int, total: int) -> bool:
    step = max(1, total // 8)
    return index % step == 0
