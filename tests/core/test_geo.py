"""The governorate map data (tadamun.core.geo): no database needed."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from tadamun.core import geo

ISO_CODES = {
    "IQ-AN", "IQ-AR", "IQ-BA", "IQ-BB", "IQ-BG", "IQ-DA", "IQ-DI", "IQ-DQ", "IQ-KA",
    "IQ-KI", "IQ-MA", "IQ-MU", "IQ-NA", "IQ-NI", "IQ-QA", "IQ-SD", "IQ-SU", "IQ-WA",
}  # fmt: skip
KURDISTAN_REGION = {"IQ-AR", "IQ-DA", "IQ-SU"}
LANGUAGES = ("en", "ar", "ckb", "kmr", "it")
#: Total size of all path data, in bytes (see docs/data/governorates.md).
PATH_BUDGET = 12_000


def _viewbox() -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in geo.load_shapes()["viewBox"].split())
    return x, y, w, h


def _parse_path(d: str) -> list[list[tuple[float, float]]]:
    """Rings (absolute points) from the M…l…z path data the build writes."""
    rings = []
    for match in re.finditer(r"M([^lz]+)l([^z]*)z", d):
        nums = [
            float(n)
            for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", match.group(1) + " " + match.group(2))
        ]
        x, y = nums[0], nums[1]
        ring = [(x, y)]
        for dx, dy in zip(nums[2::2], nums[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    assert "".join(m.group(0) for m in re.finditer(r"M([^lz]+)l([^z]*)z", d)) == d
    return rings


@pytest.fixture(scope="module")
def shapes() -> dict[str, dict]:
    return {s["iso"]: s for s in geo.load_shapes()["shapes"]}


@pytest.fixture(scope="module")
def reference() -> list[dict]:
    with open(geo.GOVERNORATES_PATH, encoding="utf-8") as fh:
        return json.load(fh)


# ----------------------------------------------------------------------- reference data


def test_shapes_have_the_18_governorates(shapes):
    assert set(shapes) == ISO_CODES
    assert len(geo.load_shapes()["shapes"]) == 18


def test_reference_data_has_the_18_governorates(reference):
    assert len(reference) == 18
    assert {g["iso"] for g in reference} == ISO_CODES
    assert len({g["slug"] for g in reference}) == 18
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", g["slug"]) for g in reference)


def test_reference_data_sorted_by_english_name(reference):
    names = [g["names"]["en"] for g in reference]
    assert names == sorted(names)


@pytest.mark.parametrize("field", ["names", "capital"])
def test_names_in_every_language(reference, field):
    for g in reference:
        assert set(g[field]) == set(LANGUAGES), g["iso"]
        for lang, name in g[field].items():
            assert name and name == name.strip() and unicodedata.is_normalized("NFC", name), (
                g["iso"],
                lang,
            )
        # Arabic and Sorani in Arabic script; Kurmanji, English, Italian in Latin script.
        for lang in ("ar", "ckb"):
            assert all("ARABIC" in unicodedata.name(c) for c in g[field][lang] if c.isalpha()), (
                g["iso"],
                lang,
            )
        for lang in ("en", "kmr", "it"):
            assert all("LATIN" in unicodedata.name(c) for c in g[field][lang] if c.isalpha()), (
                g["iso"],
                lang,
            )
        # Sorani orthography: Kurdish kaf/yeh, not the Arabic ones, and no taa marbuta.
        assert not set(g[field]["ckb"]) & {"\u0643", "\u064a", "\u0629"}, g["iso"]


def test_kurdistan_region(reference):
    assert {g["iso"] for g in reference if g["kurdistan_region"]} == KURDISTAN_REGION
    assert all(isinstance(g["kurdistan_region"], bool) for g in reference)


def test_capitals_lie_in_their_governorate(reference):
    with open(geo.GEOJSON_PATH, encoding="utf-8") as fh:
        features = {f["properties"]["iso_3166_2"]: f["geometry"] for f in json.load(fh)["features"]}
    for g in reference:
        lon, lat = g["capital_lonlat"]
        geometry = features[g["iso"]]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        assert any(
            geo._point_in_ring(lon, lat, [tuple(p) for p in poly[0]]) for poly in polygons
        ), g["iso"]


def test_governorates_loader(reference):
    assert list(geo.governorates()) == reference


# ------------------------------------------------------------------------------- shapes


def test_committed_shapes_match_a_fresh_build():
    """The committed file is exactly what `python -m tadamun.core.geo build` writes."""
    built = geo.dumps_shapes(geo.build_shapes(geo.GEOJSON_PATH))
    assert geo.SHAPES_PATH.read_text(encoding="utf-8") == built
    assert geo.main(["check"]) == 0


def test_build_is_deterministic():
    assert geo.build_shapes(geo.GEOJSON_PATH) == geo.build_shapes(geo.GEOJSON_PATH)


def test_path_data_within_budget(shapes):
    total = sum(len(s["d"].encode()) for s in shapes.values())
    assert total < PATH_BUDGET


def test_path_data_is_compact_and_one_decimal(shapes):
    for iso, s in shapes.items():
        assert re.fullmatch(r"(M[-0-9. ]+l[-0-9. ]+z)+", s["d"]), iso
        assert not re.search(r"\.\d\d", s["d"]), iso


def test_shapes_and_labels_inside_viewbox(shapes):
    x0, y0, w, h = _viewbox()
    assert (x0, y0, w, h) == (0, 0, 1000, 1000)
    for iso, s in shapes.items():
        assert x0 < s["label_x"] < x0 + w and y0 < s["label_y"] < y0 + h, iso
        for ring in _parse_path(s["d"]):
            for x, y in ring:
                assert x0 <= x <= x0 + w and y0 <= y <= y0 + h, iso


def test_labels_inside_their_governorate(shapes):
    for iso, s in shapes.items():
        rings = _parse_path(s["d"])
        assert any(geo._point_in_ring(s["label_x"], s["label_y"], r) for r in rings), iso


def test_simplified_rings_keep_shape_and_do_not_self_intersect(shapes):
    def crosses(a, b, c, d):
        def orient(p, q, r):
            return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

        return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0

    for iso, s in shapes.items():
        for ring in _parse_path(s["d"]):
            assert len(ring) >= 4, iso
            n = len(ring)
            edges = [(ring[i], ring[(i + 1) % n]) for i in range(n)]
            for i in range(n):
                for j in range(i + 2, n):
                    if i == 0 and j == n - 1:
                        continue
                    assert not crosses(*edges[i], *edges[j]), (iso, i, j)


def test_simplified_area_close_to_original(shapes):
    with open(geo.GEOJSON_PATH, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    for f in features:
        iso = f["properties"]["iso_3166_2"]
        original = sum(
            abs(geo._ring_area([geo.project(*p) for p in poly[0][:-1]]))
            for poly in [f["geometry"]["coordinates"]]
        )
        simplified = sum(abs(geo._ring_area(r)) for r in _parse_path(shapes[iso]["d"]))
        assert simplified == pytest.approx(original, rel=0.03), iso


def test_neighbours_share_exactly_the_same_border(shapes):
    """Shared borders are simplified once: a vertex on a shared edge is in both rings."""
    edges: dict[frozenset, set[str]] = {}
    for iso, s in shapes.items():
        for ring in _parse_path(s["d"]):
            n = len(ring)
            for i in range(n):
                a = (round(ring[i][0], 1), round(ring[i][1], 1))
                b = (round(ring[(i + 1) % n][0], 1), round(ring[(i + 1) % n][1], 1))
                edges.setdefault(frozenset((a, b)), set()).add(iso)
    shared = [owners for owners in edges.values() if len(owners) == 2]
    assert len(shared) > 200  # the inner borders really are common edges
    assert all(len(owners) <= 2 for owners in edges.values())


# ---------------------------------------------------------------------------- projection


def test_project_orientation():
    x_w, y_w = geo.project(40.0, 33.0)
    x_e, y_e = geo.project(46.0, 33.0)
    x_n, y_n = geo.project(44.0, 37.0)
    x_s, y_s = geo.project(44.0, 30.0)
    assert x_e > x_w and y_w == y_e  # east is right
    assert y_n < y_s and x_n == x_s  # north is up
    # Equirectangular scaled by cos(33°): a degree of longitude is shorter than one of latitude.
    assert (x_e - x_w) / 6 == pytest.approx((y_s - y_n) / 7 * 0.8387, rel=1e-3)


def test_map_centre_is_projected_and_rounded():
    centre = geo.map_centre(44.37, 33.31, "Baghdad")
    x, y = geo.project(44.37, 33.31)
    assert centre.name == "Baghdad"
    assert centre.x == pytest.approx(x, abs=0.05) and centre.y == pytest.approx(y, abs=0.05)
    assert round(centre.x, 1) == centre.x


# ------------------------------------------------------------------------ governorate_map


def _map(counts):
    names = {g["iso"]: g["names"]["en"] for g in geo.governorates()}
    hrefs = {g["iso"]: f"/g/{g['slug']}/" for g in geo.governorates()}
    return geo.governorate_map(counts=counts, names=names, hrefs=hrefs, kurdistan=KURDISTAN_REGION)


def test_governorate_map_regions():
    viewbox, regions = _map({"IQ-BG": 4})
    assert viewbox == "0 0 1000 1000"
    assert [r.iso for r in regions] == sorted(ISO_CODES)
    baghdad = next(r for r in regions if r.iso == "IQ-BG")
    assert (baghdad.name, baghdad.count, baghdad.href) == ("Baghdad", 4, "/g/baghdad/")
    assert not baghdad.kurdistan_region
    assert {r.iso for r in regions if r.kurdistan_region} == KURDISTAN_REGION
    assert all(isinstance(r, geo.MapRegion) and r.d for r in regions)


def test_shade_buckets():
    counts = {
        "IQ-BG": 100,
        "IQ-BA": 1,
        "IQ-NI": 20,
        "IQ-AR": 21,
        "IQ-SU": 60,
        "IQ-KI": 81,
        "IQ-AN": 0,
    }
    shades = {r.iso: r.shade for r in _map(counts)[1]}
    assert shades["IQ-BG"] == 5  # the maximum
    assert shades["IQ-AN"] == 0  # zero
    assert shades["IQ-WA"] == 0  # missing
    assert shades["IQ-BA"] == 1  # any organisation at all shows
    assert (shades["IQ-NI"], shades["IQ-AR"], shades["IQ-SU"], shades["IQ-KI"]) == (1, 2, 3, 5)


def test_shade_for_edges():
    assert geo.shade_for(0, 0) == 0
    assert geo.shade_for(0, 10) == 0
    assert geo.shade_for(-3, 10) == 0
    assert geo.shade_for(1, 1) == 5
    assert [geo.shade_for(c, 10) for c in range(1, 11)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_empty_map_has_no_shades():
    _, regions = geo.governorate_map(counts={}, names={}, hrefs={}, kurdistan=set())
    assert all(r.shade == 0 and r.count == 0 for r in regions)
    assert all(r.name == r.iso and r.href == "" for r in regions)


def test_governorate_map_is_deterministic():
    counts = {"IQ-BG": 7, "IQ-AR": 3, "IQ-BA": 5}
    assert _map(counts) == _map(dict(reversed(list(counts.items()))))
