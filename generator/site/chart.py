"""Geometry of the coverage chart (articles per day, stacked by outlet).

The template ``coverage.svg.j2`` draws it; this module only computes boxes,
so the chart is inline SVG that works offline and needs no script.

The chart has a bar per day while the corpus covers few days, then per
month, per year, and past that per group of years: it never has more than
``PAGE_LIMITS.chart_months`` bars (or ``chart_days``, whichever is larger),
so the home page does not grow with the span of the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
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
    unit: str = "day"
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: int = HEIGHT - BOTTOM


def coverage_chart(articles: Sequence[Article]) -> Chart | None:
    """Compute the chart for the dated articles, or None when none is dated."""
    dated = [a for a in articles if a.published.date]
    if not dated:
        return None
    unit, bucket_of = _buckets({a.published.date for a in dated if a.published.date})
    series_names = [
        name for name, _ in top(Counter(a.outlet_label for a in dated), PAGE_LIMITS.chart_outlets)
    ]
    counts: Counter[tuple[str, str]] = Counter()
    for article in dated:
        name = article.outlet_label if article.outlet_label in series_names else "Other"
        counts[(bucket_of(article.published.date), name)] += 1  # type: ignore[arg-type]
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
    return Chart(tuple(bars), ticks, tuple(enumerate(names)), max_count, unit)


def _buckets(days: set[dt.date]) -> tuple[str, Callable[[dt.date], str]]:
    """The finest bucket that keeps the chart within its bars: its name and key function.

    Returns:
        The unit a bar covers ("day", "month", "year" or "10 years") and the
        function giving a date's bar label; labels sort in date order.
    """
    if len(days) <= PAGE_LIMITS.chart_days:
        return "day", dt.date.isoformat
    if len({(d.year, d.month) for d in days}) <= PAGE_LIMITS.chart_months:
        return "month", _month
    first, last = min(days).year, max(days).year
    # Bars are counted from the first year to the last (empty years get no
    # bar, but a corpus that spans them needs that many slots at most).
    step = -(-(last - first + 1) // PAGE_LIMITS.chart_months)
    if step == 1:
        return "year", _year
    return f"{step} years", lambda day: _years(day, first, step)


def _month(day: dt.date) -> str:
    return day.isoformat()[:7]


def _year(day: dt.date) -> str:
    return f"{day.year:04d}"


def _years(day: dt.date, first: int, step: int) -> str:
    start = first + (day.year - first) // step * step
    return f"{start:04d}–{start + step - 1:04d}"


def _show_tick(index: int, total: int) -> bool:
    step = max(1, total // 8)
    return index % step == 0
