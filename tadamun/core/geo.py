"""The governorate map of Iraq, drawn as inline SVG on the server.

The boundaries come from ``data/iraq-governorates.geojson`` (Natural Earth, public
domain; see ``docs/data/governorates.md``). Turning them into SVG paths is done once, at
build time, by::

    python -m tadamun.core.geo build

which writes ``data/governorate-shapes.json`` (committed). At run time that small file
is read once (``functools.cache``) and :func:`governorate_map` only combines it with the
request's counts, names and links. Nothing here needs a dependency beyond the standard
library.

The build:

1. projects longitude/latitude with an equirectangular projection scaled by
   ``cos(33°)`` (Iraq's mean latitude) into a 1000 × 1000 viewBox, north up
   (:func:`project`);
2. cuts every ring into *arcs* at the points where the set of governorates sharing the
   boundary changes, so that a border shared by two governorates is one arc, simplified
   once, and both neighbours get exactly the same line (no gaps, no overlaps);
3. simplifies each arc with Douglas–Peucker at :data:`TOLERANCE` viewBox units;
4. rounds to 0.1 unit and writes compact path data (``M`` absolute, then relative
   ``l``, closed with ``z``);
5. places a label point at the area centroid of each governorate's largest ring, moved
   inside the ring along a horizontal line when the centroid falls outside.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
GEOJSON_PATH = DATA_DIR / "iraq-governorates.geojson"
SHAPES_PATH = DATA_DIR / "governorate-shapes.json"
GOVERNORATES_PATH = DATA_DIR / "governorates.json"

#: Latitude (degrees) whose cosine scales longitudes: about Iraq's mean latitude.
REFERENCE_LATITUDE = 33.0
_COS_REF = math.cos(math.radians(REFERENCE_LATITUDE))
#: Longitude at x = 0 and latitude at y = 0 (the top edge) of the viewBox.
ORIGIN_LON = 38.57
ORIGIN_LAT = 37.50
#: viewBox units per degree of latitude (and per degree of longitude × cos 33°).
SCALE = 117.0
#: Iraq (lon 38.77–48.56, lat 29.06–37.38) fits with a margin of about 15–20 units.
VIEWBOX = "0 0 1000 1000"
#: Douglas–Peucker tolerance in viewBox units (1 unit ≈ 1 km on the ground).
TOLERANCE = 1.2
#: Number of shade classes above 0 (CSS classes ``shade-0`` … ``shade-5``).
SHADES = 5

Point = tuple[float, float]
Ring = list[Point]


# --------------------------------------------------------------------------- projection


def project(lon: float, lat: float) -> tuple[float, float]:
    """Project WGS84 ``lon``/``lat`` (degrees) into the map's viewBox coordinates.

    Equirectangular, longitudes scaled by ``cos(33°)``, y growing southwards so that
    north is up in SVG. Not rounded.
    """
    return ((lon - ORIGIN_LON) * _COS_REF * SCALE, (ORIGIN_LAT - lat) * SCALE)


# ----------------------------------------------------------------------- geometry helpers


def _ring_area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace) of a ring given without its closing point."""
    total = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2.0


def _ring_centroid(ring: Sequence[Point]) -> Point:
    """Area centroid of a ring (without closing point); vertex mean if degenerate."""
    a = _ring_area(ring)
    if abs(a) < 1e-9:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    cx = cy = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return (cx / (6.0 * a), cy / (6.0 * a))


def _point_in_ring(x: float, y: float, ring: Sequence[Point]) -> bool:
    """Even–odd ray casting test; ``ring`` without closing point."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _crossings(y: float, ring: Sequence[Point]) -> list[float]:
    """Sorted x coordinates where the horizontal line at ``y`` crosses the ring."""
    xs: list[float] = []
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    xs.sort()
    return xs


def _label_point(ring: Sequence[Point]) -> Point:
    """A visual centre for ``ring``: its centroid, or, when that falls outside the ring,
    the middle of the inside stretch of a nearby horizontal line closest to it."""
    cx, cy = _ring_centroid(ring)
    if _point_in_ring(cx, cy, ring):
        return (cx, cy)
    ys = [p[1] for p in ring]
    height = max(ys) - min(ys)
    best: tuple[float, Point] | None = None
    # Scan the centroid's line first, then lines ever further above and below it.
    for step in range(0, 41):
        for sign in (1, -1) if step else (1,):
            y = cy + sign * step * height / 80.0
            xs = _crossings(y, ring)
            for a, b in zip(xs[0::2], xs[1::2], strict=False):
                mid = ((a + b) / 2.0, y)
                # Prefer wide stretches near the centroid.
                score = math.hypot(mid[0] - cx, y - cy) - (b - a) / 2.0
                if best is None or score < best[0]:
                    best = (score, mid)
        if best is not None:
            return best[1]
    return (cx, cy)  # pragma: no cover - only for degenerate rings


def _perpendicular_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to the segment ``a``–``b``."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(
    points: Sequence[Point], tolerance: float, *, keep_one: bool = False
) -> list[Point]:
    """Simplify an open polyline with the Douglas–Peucker algorithm.

    Both end points are always kept. With ``keep_one`` the interior point furthest from
    the chord is kept even when it is within ``tolerance`` (so a ring made of few arcs
    cannot collapse into a line). Iterative, so long lines cannot exhaust the stack.
    """
    n = len(points)
    if n <= 2:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    first = True
    while stack:
        start, end = stack.pop()
        best_d, best_i = -1.0, -1
        for i in range(start + 1, end):
            d = _perpendicular_distance(points[i], points[start], points[end])
            if d > best_d:
                best_d, best_i = d, i
        if best_i != -1 and (best_d > tolerance or (first and keep_one)):
            keep[best_i] = True
            stack.append((start, best_i))
            stack.append((best_i, end))
        first = False
    return [p for p, k in zip(points, keep, strict=True) if k]


# ------------------------------------------------------------------------------ reading


def _read_polygons(geojson: dict[str, Any]) -> dict[str, list[list[Ring]]]:
    """``{iso: [polygon, …]}`` with each polygon a list of rings (outer ring first),
    in projected coordinates, without the closing point and without repeated points."""
    result: dict[str, list[list[Ring]]] = {}
    for feature in geojson["features"]:
        iso = feature["properties"]["iso_3166_2"]
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:  # pragma: no cover - the shipped file has only these two
            raise ValueError(f"{iso}: unsupported geometry {geometry['type']}")
        projected: list[list[Ring]] = []
        for polygon in polygons:
            rings: list[Ring] = []
            for raw in polygon:
                ring: Ring = []
                for lon, lat, *_ in raw:
                    p = project(lon, lat)
                    if not ring or ring[-1] != p:
                        ring.append(p)
                if len(ring) > 1 and ring[0] == ring[-1]:
                    ring.pop()
                if len(ring) >= 3:
                    rings.append(ring)
            if rings:
                projected.append(rings)
        result.setdefault(iso, []).extend(projected)
    return result


# ------------------------------------------------------------- topology-aware simplifying


def _edge_key(a: Point, b: Point) -> tuple[Point, Point]:
    return (a, b) if a <= b else (b, a)


def _split_into_arcs(ring: Ring, junction: list[bool]) -> list[list[Point]]:
    """Cut a ring at its junction vertices into arcs that share their end points.

    A ring without junctions becomes one closed arc (first point repeated at the end).
    """
    n = len(ring)
    starts = [i for i in range(n) if junction[i]]
    if not starts:
        return [ring + [ring[0]]]
    arcs: list[list[Point]] = []
    for k, s in enumerate(starts):
        e = starts[(k + 1) % len(starts)]
        length = (e - s) % n or n
        arcs.append([ring[(s + j) % n] for j in range(length + 1)])
    return arcs


def _canonical(arc: list[Point]) -> tuple[tuple[Point, ...], bool]:
    """The arc in a direction that does not depend on which neighbour walks it, and
    whether it was reversed to get there."""
    forward = tuple(arc)
    backward = tuple(reversed(arc))
    if backward < forward:
        return backward, True
    return forward, False


def _simplify_closed(arc: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify a closed arc (first == last): split it at the point furthest from the
    start, simplify both halves, keeping at least one more point in each."""
    start = arc[0]
    far = max(
        range(1, len(arc) - 1), key=lambda i: math.hypot(arc[i][0] - start[0], arc[i][1] - start[1])
    )
    first = douglas_peucker(arc[: far + 1], tolerance, keep_one=True)
    second = douglas_peucker(arc[far:], tolerance, keep_one=True)
    return first + second[1:]


def simplify_polygons(
    polygons: dict[str, list[list[Ring]]], tolerance: float
) -> dict[str, list[list[Ring]]]:
    """Simplify every ring so that shared borders stay shared.

    A vertex is a *junction* when the governorates owning the edge before it differ from
    those owning the edge after it, or when three or more governorates meet there.
    Rings are cut into arcs at junctions; each distinct arc is simplified once (in a
    canonical direction) and reused by every ring that contains it.
    """
    edge_owners: dict[tuple[Point, Point], set[str]] = defaultdict(set)
    vertex_owners: dict[Point, set[str]] = defaultdict(set)
    for iso, polys in polygons.items():
        for poly in polys:
            for ring in poly:
                n = len(ring)
                for i in range(n):
                    edge_owners[_edge_key(ring[i], ring[(i + 1) % n])].add(iso)
                    vertex_owners[ring[i]].add(iso)

    # First pass: cut rings into arcs, and note arcs that belong to a ring with fewer
    # than three arcs (those must keep an interior point or the ring would collapse).
    cut: dict[str, list[list[list[list[Point]]]]] = {}
    fragile: set[tuple[Point, ...]] = set()
    for iso, polys in polygons.items():
        cut[iso] = []
        for poly in polys:
            poly_arcs = []
            for ring in poly:
                n = len(ring)
                junction = []
                for i in range(n):
                    before = edge_owners[_edge_key(ring[i - 1], ring[i])]
                    after = edge_owners[_edge_key(ring[i], ring[(i + 1) % n])]
                    junction.append(before != after or len(vertex_owners[ring[i]]) >= 3)
                arcs = _split_into_arcs(ring, junction)
                if len(arcs) < 3:
                    fragile.update(_canonical(arc)[0] for arc in arcs)
                poly_arcs.append(arcs)
            cut[iso].append(poly_arcs)

    cache_: dict[tuple[Point, ...], list[Point]] = {}

    def simplified(arc: list[Point]) -> list[Point]:
        key, reversed_ = _canonical(arc)
        if key not in cache_:
            if key[0] == key[-1]:
                cache_[key] = _simplify_closed(key, tolerance)
            else:
                cache_[key] = douglas_peucker(key, tolerance, keep_one=key in fragile)
        out = cache_[key]
        return list(reversed(out)) if reversed_ else list(out)

    result: dict[str, list[list[Ring]]] = {}
    for iso, polys in cut.items():
        result[iso] = []
        for poly_arcs in polys:
            rings: list[Ring] = []
            for arcs in poly_arcs:
                ring: Ring = []
                for arc in arcs:
                    ring.extend(simplified(arc)[:-1])
                if len(ring) >= 3:
                    rings.append(ring)
            if rings:
                result[iso].append(rings)
    return result


# --------------------------------------------------------------------------- path output


def _tenths(value: float) -> int:
    """``value`` in whole tenths, rounding halves away from zero (platform-independent)."""
    scaled = value * 10.0
    return int(math.floor(scaled + 0.5)) if scaled >= 0 else -int(math.floor(-scaled + 0.5))


def _number(tenths: int) -> str:
    """Shortest decimal for ``tenths`` / 10: ``12``, ``1.5``, ``.5``, ``-.5``."""
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"


def _join(numbers: Iterable[int]) -> str:
    """Numbers separated by a space, or by nothing before a minus sign."""
    out: list[str] = []
    for value in numbers:
        text = _number(value)
        if out and not text.startswith("-"):
            out.append(" ")
        out.append(text)
    return "".join(out)


def _ring_to_tenths(ring: Ring) -> list[tuple[int, int]]:
    """Round a ring to the 0.1 grid, dropping points that became repeats."""
    out: list[tuple[int, int]] = []
    for x, y in ring:
        p = (_tenths(x), _tenths(y))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def path_data(polygons: list[list[Ring]]) -> str:
    """Compact SVG path data for one governorate: ``M x y l dx dy … z`` per ring."""
    parts: list[str] = []
    for poly in polygons:
        for ring in poly:
            pts = _ring_to_tenths(ring)
            if len(pts) < 3:
                continue
            deltas: list[int] = []
            for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
                deltas.extend((x1 - x0, y1 - y0))
            parts.append(f"M{_join(pts[0])}l{_join(deltas)}z")
    return "".join(parts)


# ---------------------------------------------------------------------------- the build


def build_shapes(geojson_path: Path | str = GEOJSON_PATH, *, tolerance: float = TOLERANCE) -> dict:
    """Build the map data from a GeoJSON file of the governorates.

    Returns ``{"viewBox": str, "tolerance": float, "shapes": [{"iso", "d", "label_x",
    "label_y"}, …]}`` with shapes sorted by ISO code. Deterministic: the same input
    gives the same output, which is what the committed ``governorate-shapes.json`` is.
    """
    with open(geojson_path, encoding="utf-8") as fh:
        geojson = json.load(fh)
    simplified = simplify_polygons(_read_polygons(geojson), tolerance)
    shapes = []
    for iso in sorted(simplified):
        polys = simplified[iso]
        rounded = [
            [[(t[0] / 10.0, t[1] / 10.0) for t in _ring_to_tenths(r)] for r in p] for p in polys
        ]
        largest = max((p[0] for p in rounded), key=lambda r: abs(_ring_area(r)))
        lx, ly = _label_point(largest)
        shapes.append(
            {
                "iso": iso,
                "d": path_data(polys),
                "label_x": _tenths(lx) / 10.0,
                "label_y": _tenths(ly) / 10.0,
            }
        )
    return {"viewBox": VIEWBOX, "tolerance": tolerance, "shapes": shapes}


def dumps_shapes(data: dict) -> str:
    """Serialise build output exactly as committed: sorted keys, compact, newline."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


# ------------------------------------------------------------------------------ run time


@cache
def load_shapes() -> dict:
    """The committed ``governorate-shapes.json``, read once per process."""
    with open(SHAPES_PATH, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def governorates() -> tuple[dict[str, Any], ...]:
    """Reference data for the 18 governorates (``governorates.json``), read once.

    Each item: ``iso``, ``slug``, ``names`` and ``capital`` (by language: en, ar, ckb,
    kmr, it), ``capital_lonlat`` and ``kurdistan_region``. Sorted by English name.
    Shared between callers: do not mutate.
    """
    with open(GOVERNORATES_PATH, encoding="utf-8") as fh:
        return tuple(json.load(fh))


@dataclass(frozen=True)
class MapRegion:
    """One governorate as drawn on the map."""

    iso: str
    d: str
    label_x: float
    label_y: float
    name: str
    count: int
    shade: int  # 0 (none) … 5
    href: str
    kurdistan_region: bool


@dataclass(frozen=True)
class MapCentre:
    """A point (e.g. an activity centre) placed on the map."""

    x: float
    y: float
    name: str


def map_centre(lon: float, lat: float, name: str) -> MapCentre:
    """A :class:`MapCentre` at ``lon``/``lat``, projected and rounded to 0.1."""
    x, y = project(lon, lat)
    return MapCentre(x=_tenths(x) / 10.0, y=_tenths(y) / 10.0, name=name)


def shade_for(count: int, maximum: int) -> int:
    """Shade class: 0 for no count, else ``ceil(5 * count / maximum)`` (1 … 5)."""
    if count <= 0 or maximum <= 0:
        return 0
    return min(SHADES, -(-SHADES * count // maximum))


def governorate_map(
    *,
    counts: dict[str, int],
    names: dict[str, str],
    hrefs: dict[str, str],
    kurdistan: set[str],
) -> tuple[str, list[MapRegion]]:
    """The map for one page: ``(viewBox, regions)``.

    ``counts``, ``names`` and ``hrefs`` are keyed by ISO 3166-2 code (``IQ-BG``); a
    missing count is 0, a missing name is the code and a missing link is ``""``.
    ``kurdistan`` holds the codes of the Kurdistan Region's governorates. Regions come
    in the shapes file's order (by ISO code), so the output is deterministic.
    """
    data = load_shapes()
    maximum = max((c for c in counts.values() if c > 0), default=0)
    regions = []
    for shape in data["shapes"]:
        iso = shape["iso"]
        count = max(0, int(counts.get(iso, 0)))
        regions.append(
            MapRegion(
                iso=iso,
                d=shape["d"],
                label_x=shape["label_x"],
                label_y=shape["label_y"],
                name=names.get(iso, iso),
                count=count,
                shade=shade_for(count, maximum),
                href=hrefs.get(iso, ""),
                kurdistan_region=iso in kurdistan,
            )
        )
    return data["viewBox"], regions


# ----------------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tadamun.core.geo build|check [--geojson PATH] [--out PATH]``."""
    parser = argparse.ArgumentParser(
        prog="python -m tadamun.core.geo", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "command",
        choices=["build", "check"],
        help="build: write the shapes file; check: fail if it is stale",
    )
    parser.add_argument("--geojson", type=Path, default=GEOJSON_PATH)
    parser.add_argument("--out", type=Path, default=SHAPES_PATH)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    args = parser.parse_args(argv)
    data = build_shapes(args.geojson, tolerance=args.tolerance)
    text = dumps_shapes(data)
    size = sum(len(s["d"]) for s in data["shapes"])
    if args.command == "check":
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: run python -m tadamun.core.geo build", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({size} bytes of path data)")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(
        f"wrote {args.out}: {len(data['shapes'])} shapes, {size} bytes of path data, {len(text.encode())} bytes in all"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
