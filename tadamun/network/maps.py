"""The governorate map's context: counts, names, links and activity centres, ready for
the `core/includes/governorate_map.html` include."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode

from tadamun.core.geo import MapCentre, governorate_map, map_centre

from . import queries
from .models import ActivityCentre
from .reference import governorate_reference


def centre_points(centres: list[ActivityCentre]) -> list[MapCentre]:
    """Each activity centre drawn at its governorate's capital; several in one governorate
    are spread a little so each stays visible."""
    capitals = {g["iso"]: g["capital_lonlat"] for g in governorate_reference()}
    seen: dict[str, int] = {}
    points = []
    for centre in centres:
        iso = centre.governorate.iso_code
        n = seen.get(iso, 0)
        seen[iso] = n + 1
        lon, lat = capitals[iso]
        points.append(map_centre(lon + 0.12 * n, lat, centre.display_name))
    return points


def map_context(*, title: str, centres: list[ActivityCentre] | None = None) -> dict:
    """Shade each governorate by its number of member organisations; each links to the
    directory filtered on it."""
    counts = queries.governorate_counts()
    govs = queries.governorates()
    directory_url = reverse("network:directory")
    viewbox, regions = governorate_map(
        counts=counts,
        names={g.iso_code: g.name for g in govs},
        hrefs={g.iso_code: f"{directory_url}?{urlencode({'governorate': g.iso_code})}" for g in govs},
        kurdistan={g.iso_code for g in govs if g.kurdistan_region},
    )
    return {
        "map_viewbox": viewbox,
        "map_regions": regions,
        "map_centres": centre_points(centres or []),
        "map_title": title,
    }
