"""The coverage chart: a bar per day, month, year or group of years, never more than its limit."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.models import Article
from generator.site.chart import Chart, coverage_chart
from generator.site.render import make_environment
from generator.thresholds import PAGE_LIMITS
from tests.factories import make_article

OUTLETS = ("Reuters", "AP", "BBC", "CNN", "Rappler", "NHK", "DW", "AFP", "Le Monde", "ANSA")


def articles_every(days: int, count: int, start: str = "1990-01-01") -> list[Article]:
    """``count`` articles, one every ``days`` days from ``start``, from ten outlets in turn."""
    first = dt.date.fromisoformat(start)
    return [
        make_article(
            f"a{i}",
            "Text.",
            publisher=OUTLETS[i % len(OUTLETS)],
            date=(first + dt.timedelta(days=i * days)).isoformat(),
        )
        for i in range(count)
    ]


def slots(chart: Chart) -> set[str]:
    return {bar.label.split(":")[0] for bar in chart.bars}


def test_few_days_get_a_bar_each() -> None:
    chart = coverage_chart(articles_every(1, 30))
    assert chart is not None and chart.unit == "day"
    assert len(slots(chart)) == 30


def test_a_few_years_are_charted_by_month() -> None:
    chart = coverage_chart(articles_every(3, 400))  # about 3.3 years
    assert chart is not None and chart.unit == "month"
    assert len(slots(chart)) == 40
    assert all(len(label) == 7 for label in slots(chart))


@pytest.mark.parametrize("years", [10, 59, 61, 200, 1000])
def test_bars_stay_within_the_limit_however_long_the_span(years: int) -> None:
    chart = coverage_chart(articles_every(365 * years // 300 + 1, 300, start="1001-01-01"))
    assert chart is not None
    limit = max(PAGE_LIMITS.chart_days, PAGE_LIMITS.chart_months)
    assert len(slots(chart)) <= limit
    # The finest unit that fits: years while they fit, then the fewest years per bar.
    if years < PAGE_LIMITS.chart_months:
        assert chart.unit == "year"
    else:
        assert chart.unit.endswith(" years")
        step = int(chart.unit.split()[0])
        assert (step - 1) * PAGE_LIMITS.chart_months < years + 1
        label = min(slots(chart))
        assert label.startswith("1001–") and int(label[5:]) - 1001 + 1 == step


def test_the_chart_svg_says_its_unit() -> None:
    chart = coverage_chart(articles_every(40, 300))
    svg = make_environment().get_template("coverage.svg.j2").render(chart=chart)
    assert 'aria-label="Articles per year, by outlet"' in svg
    assert "most articles in one year:" in svg
