"""The partnership graph as a drawing: Iraq's governorates shaded by their partnerships, the
countries of international partners placed around the map, and a line for each pair of places
linked by accepted introductions (thicker for more). Server-rendered SVG, no script."""

from __future__ import annotations

from dataclasses import dataclass

from django_countries import countries

from tadamun.core.geo import governorate_map, load_shapes
from tadamun.network.models import Governorate

from .queries import Overview

MAP_WIDTH = 1000
SIDE = 400  # room on each side of the map for the countries' names
TOP = 60


@dataclass(frozen=True)
class Node:
    code: str
    name: str
    x: float
    y: float
    count: int
    anchor: str  # "end" on the left, "start" on the right


@dataclass(frozen=True)
class Link:
    d: str
    width: float
    title: str
    count: int


def _r(value: float) -> float:
    return round(value, 1)


def partnership_graph(overview: Overview, *, title: str) -> dict:
    """The context of `solidarity/includes/partnership_graph.html`."""
    governorates = {g.iso_code: g for g in Governorate.objects.all()}
    counts: dict[str, int] = {}
    abroad: dict[str, int] = {}
    for first, second, n in overview.links:
        for code in (first, second):
            if code in governorates:
                counts[code] = counts.get(code, 0) + n
            elif code and code != "IQ":
                abroad[code] = abroad.get(code, 0) + n
    _viewbox, regions = governorate_map(
        counts=counts,
        names={iso: g.name for iso, g in governorates.items()},
        hrefs={},
        kurdistan={iso for iso, g in governorates.items() if g.kurdistan_region},
    )
    points = {s["iso"]: (s["label_x"], s["label_y"]) for s in load_shapes()["shapes"]}
    ordered = sorted(abroad.items(), key=lambda item: (-item[1], item[0]))
    nodes: dict[str, Node] = {}
    left, right = ordered[0::2], ordered[1::2]
    for items, x, anchor in ((left, -40, "end"), (right, MAP_WIDTH + 40, "start")):
        step = (1000 - 2 * TOP) / max(len(items), 1)
        for i, (code, n) in enumerate(items):
            y = TOP + step * (i + 0.5)
            nodes[code] = Node(code=code, name=str(countries.name(code) or code), x=x, y=_r(y), count=n, anchor=anchor)
    def name_of(code: str) -> str:
        if code in nodes:
            return nodes[code].name
        return governorates[code].name if code in governorates else code

    widest = max((n for _a, _b, n in overview.links), default=1)
    links = []
    for first, second, n in overview.links:
        ends = []
        for code in (first, second):
            if code in points:
                ends.append(points[code])
            elif code in nodes:
                ends.append((nodes[code].x, nodes[code].y))
        if len(ends) != 2 or ends[0] == ends[1]:
            continue
        (x1, y1), (x2, y2) = ends
        # A gentle curve: the control point lifted above the middle of the line.
        cx, cy = (x1 + x2) / 2, min(y1, y2) - abs(x2 - x1) * 0.15 - 20
        links.append(Link(
            d=f"M{_r(x1)} {_r(y1)}Q{_r(cx)} {_r(cy)} {_r(x2)} {_r(y2)}",
            width=_r(2 + 8 * n / widest), title=f"{name_of(first)} – {name_of(second)}: {n}", count=n,
        ))
    return {
        "graph_viewbox": f"{-SIDE} 0 {MAP_WIDTH + 2 * SIDE} 1000",
        "graph_regions": regions,
        "graph_nodes": list(nodes.values()),
        "graph_links": links,
        "graph_title": title,
        "graph_rows": [(name_of(a), name_of(b), n) for a, b, n in overview.links],
    }
