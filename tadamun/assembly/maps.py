"""The opinion map as server-rendered SVG: participants placed by their votes, coloured by
group. Nearby participants of a group are drawn as one dot sized by their number, so the
drawing stays small (a few KB) whatever the number of participants."""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH, HEIGHT, MARGIN = 480, 320, 24
GRID = 36  # cells across; dots of one group in one cell are merged


@dataclass
class OpinionMap:
    dots: list[tuple[float, float, float, int, int]]  # cx, cy, r, group index, participants
    centres: list[tuple[float, float, str, int]]  # x, y, label, group index
    width: int = WIDTH
    height: int = HEIGHT


def _place(x: float, y: float) -> tuple[float, float]:
    return (
        round(MARGIN + (WIDTH - 2 * MARGIN) * (x + 1) / 2, 1),
        round(HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * (y + 1) / 2, 1),
    )


def merged_dots(points) -> list[list]:
    """Participants of a group who fall in one cell of a GRID × GRID grid become one dot at
    their mean position: [x, y, group, participants], largest first. Stored with the report."""
    cells: dict[tuple[int, int, int], list[float]] = {}
    for _pid, x, y, group in points:
        key = (min(GRID - 1, int((x + 1) / 2 * GRID)), min(GRID - 1, int((y + 1) / 2 * GRID)), int(group))
        cell = cells.setdefault(key, [0.0, 0.0, 0])
        cell[0] += x
        cell[1] += y
        cell[2] += 1
    ordered = sorted(cells.items(), key=lambda item: -item[1][2])
    return [[round(sx / n, 4), round(sy / n, 4), group, int(n)] for (_gx, _gy, group), (sx, sy, n) in ordered]


def opinion_map(result: dict) -> OpinionMap | None:
    """The drawing of a stored report (its merged dots and the groups' centres)."""
    if not result.get("dots") or not result.get("k"):
        return None
    dots = []
    for x, y, group, n in result["dots"]:
        cx, cy = _place(x, y)
        dots.append((cx, cy, round(2.5 + 1.6 * math.sqrt(n), 1), group, n))
    centres = []
    for group in result.get("groups") or []:
        cx, cy = _place(*group["centre"])
        centres.append((cx, cy, group["label"], group["index"]))
    return OpinionMap(dots=dots, centres=centres)


@dataclass
class DayBars:
    bars: list[tuple[float, float, float, str, int]]  # x, y, height, day, participants
    bar_width: float
    width: int = WIDTH
    height: int = 80


def participation_bars(by_day: dict[str, int]) -> DayBars | None:
    """New participants per day, one bar each (the days of the consultation so far)."""
    if not by_day:
        return None
    days = list(by_day.items())[-60:]
    busiest = max(count for _day, count in days) or 1
    slot = WIDTH / len(days)
    bars = []
    for index, (day, count) in enumerate(days):
        height = round(76 * count / busiest, 1)
        bars.append((round(index * slot + 1, 1), round(80 - height, 1), height, day, count))
    return DayBars(bars=bars, bar_width=round(max(slot - 2, 1), 1))


@dataclass
class PositionBar:
    """Where a proposal's voices stand, as one stacked bar (agree, abstain, disagree, block,
    and the voices not yet heard)."""

    parts: list[tuple[str, float, float, str]]  # value, x, width, share as text
    width: int = WIDTH
    height: int = 28


def position_bar(count) -> PositionBar | None:
    total = float(count.voices)
    if total <= 0:
        return None
    parts, x = [], 0.0
    shares = [(value, float(n)) for value, n in count.counts.items()] + [("silent", total - float(count.taken_part))]
    for value, n in shares:
        if n <= 0:
            continue
        width = round(WIDTH * n / total, 1)
        parts.append((value, round(x, 1), width, f"{round(100 * n / total)}%"))
        x += width
    return PositionBar(parts=parts)


@dataclass
class OptionBars:
    """The options of a poll, ranked choice or time poll as horizontal bars, best first."""

    bars: list[tuple[float, float, str, str, bool]]  # y, width, label, score, leading
    width: int = WIDTH
    height: int = 0
    bar: int = 22


def option_bars(options: list[dict]) -> OptionBars | None:
    if not options:
        return None
    best = max(float(row["score"]) for row in options) or 1.0
    chart = OptionBars(bars=[])
    for index, row in enumerate(options):
        y = index * (chart.bar + 10)
        width = round((WIDTH - 60) * float(row["score"]) / best, 1)
        score = format(row["score"].normalize(), "f") if hasattr(row["score"], "normalize") else str(row["score"])
        chart.bars.append((y, max(width, 1.0), row["text"], score, row["leading"]))
    chart.height = len(options) * (chart.bar + 10)
    return chart
