"""Progress drawn as server-rendered SVG (no JavaScript): indicators and petition goals.

The functions return plain numbers for the templates `campaigns/includes/indicator_chart.html`
and `progress.html`; every chart also has its figures in text beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .models import Indicator

WIDTH, HEIGHT, PAD = 320, 120, 12


@dataclass
class IndicatorChart:
    points: str  # the polyline of measurements, from the baseline
    dots: list[tuple[float, float, str, str]]  # x, y, value, date
    target_y: float
    baseline_y: float
    percent: int  # of the way from baseline to target, at the latest measurement
    latest: Decimal
    width: int = WIDTH
    height: int = HEIGHT


def progress(baseline: Decimal, target: Decimal, latest: Decimal) -> int:
    span = target - baseline
    if not span:
        return 100
    return max(0, min(100, round(100 * (latest - baseline) / span)))


def indicator_chart(indicator: Indicator, measurements) -> IndicatorChart:
    series = [(indicator.baseline_on, indicator.baseline)] + [(m.measured_on, m.value) for m in measurements]
    values = [value for _day, value in series] + [indicator.target]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    first, last = series[0][0], max(day for day, _value in series)
    days = max((last - first).days, 1)

    def x(day) -> float:
        return round(PAD + (WIDTH - 2 * PAD) * (day - first).days / days, 1) if len(series) > 1 else WIDTH / 2

    def y(value) -> float:
        return round(HEIGHT - PAD - (HEIGHT - 2 * PAD) * float((value - low) / (high - low)), 1)

    dots = [(x(day), y(value), _plain(value), day.isoformat()) for day, value in series]
    latest = series[-1][1]
    return IndicatorChart(
        points=" ".join(f"{dx},{dy}" for dx, dy, _v, _d in dots),
        dots=dots,
        target_y=y(indicator.target),
        baseline_y=y(indicator.baseline),
        percent=progress(indicator.baseline, indicator.target, latest),
        latest=latest,
    )


def _plain(value: Decimal) -> str:
    """12.50 → "12.5", 40.00 → "40"."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass
class MomentumChart:
    """Signatures per day over the last `days` days: one bar per day."""

    bars: list[tuple[float, float, float, str, int]]  # x, y, height, date, count
    total: int
    busiest: int
    bar_width: float
    width: int = WIDTH
    height: int = 80


def momentum(tallies: dict, today, days: int = 30) -> MomentumChart:
    """`tallies` maps a date to its count; days without signatures are zero."""
    from datetime import timedelta

    series = [(today - timedelta(days=days - 1 - i), 0) for i in range(days)]
    series = [(day, max(0, tallies.get(day, 0))) for day, _zero in series]
    busiest = max((count for _day, count in series), default=0)
    slot = WIDTH / days
    height = 80
    bars = []
    for index, (day, count) in enumerate(series):
        bar = 0.0 if not busiest else round((height - 4) * count / busiest, 1)
        bars.append((round(index * slot + 1, 1), round(height - bar, 1), bar, day.isoformat(), count))
    return MomentumChart(bars=bars, total=sum(c for _d, c in series), busiest=busiest, bar_width=round(slot - 2, 1))
