"""Read paths of the network, shared by pages and the API.

Every function takes the viewer; a private object the viewer may not see is answered
exactly like a missing one (`NotFound`). Related rows are fetched here
(select_related/prefetch_related) so a page runs the same number of queries whatever
the size of the network.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.core.search import contains
from tadamun.core.text import search_terms
from tadamun.pathways.catalogue import BY_SLUG as PATHWAYS_BY_SLUG

from . import rules as network_rules
from .models import ActivityCentre, ContactDetail, Governorate, Membership, Organisation
from .reference import governorate_reference


@dataclass(frozen=True)
class DirectoryFilters:
    """The directory's filters, already validated (see forms.DirectoryFilterForm)."""

    q: str = ""
    kind: str = ""
    governorate: str = ""  # ISO 3166-2 code
    pathway: str = ""  # slug
    country: str = ""  # ISO 3166-1 alpha-2
    language: str = ""  # working language code
    origin: str = ""  # "iraqi" | "international"

    @property
    def active(self) -> bool:
        return any(vars(self).values())


@dataclass(frozen=True)
class Place:
    iso: str
    name: str


def with_card_details(organisations: Iterable[Organisation]) -> list[Organisation]:
    """Attach what a card shows: `card_governorates` (Place: ISO code and name in the
    current language) and `card_pathways` (the catalogue's pathways, in order).

    Two light queries for any number of organisations, with no model instances built for
    the related rows: names come from the reference data and the pathway catalogue.
    """
    organisations = list(organisations)
    ids = [org.pk for org in organisations]
    language = get_language() or "en"
    names = {g["iso"]: g["names"].get(language) or g["names"]["en"] for g in governorate_reference()}
    places: dict[int, list[Place]] = defaultdict(list)
    rows = Organisation.governorates.through.objects.filter(organisation_id__in=ids)
    for org_id, iso in rows.values_list("organisation_id", "governorate__iso_code").order_by("governorate__slug"):
        places[org_id].append(Place(iso=iso, name=names.get(iso, iso)))
    pathways: dict[int, list] = defaultdict(list)
    rows = Organisation.pathways.through.objects.filter(organisation_id__in=ids)
    for org_id, slug in rows.values_list("organisation_id", "pathway__slug").order_by("pathway__number"):
        pathways[org_id].append(PATHWAYS_BY_SLUG[slug])
    for org in organisations:
        org.card_governorates = places[org.pk]
        org.card_pathways = pathways[org.pk]
    return organisations


def directory(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Member organisations matching the filters, ordered by name (for a page of cards,
    pass the page through `with_card_details`)."""
    qs = Organisation.objects.filter(status=Organisation.Status.APPROVED)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.country:
        qs = qs.filter(country=filters.country)
    if filters.origin == "iraqi":
        qs = qs.filter(country="IQ")
    elif filters.origin == "international":
        qs = qs.exclude(country="IQ")
    # Many-to-many filters as subqueries, so no row is repeated and counts stay exact.
    if filters.governorate:
        qs = qs.filter(pk__in=Organisation.governorates.through.objects.filter(
            governorate__iso_code=filters.governorate).values("organisation_id"))
    if filters.pathway:
        qs = qs.filter(pk__in=Organisation.pathways.through.objects.filter(
            pathway__slug=filters.pathway).values("organisation_id"))
    if filters.language:
        qs = qs.filter(pk__in=Organisation.languages.through.objects.filter(
            workinglanguage__code=filters.language).values("organisation_id"))
    for term in search_terms(filters.q):
        qs = qs.filter(contains(Organisation._meta.db_table, term))
    return qs.defer("search_text").order_by("name_key")  # the search key is never shown


def organisation_for_viewer(viewer, slug: str) -> Organisation:
    """One organisation's profile, if the viewer may see it; else NotFound."""
    organisation = (
        Organisation.objects.filter(slug=slug)
        .prefetch_related(
            Prefetch("governorates", queryset=Governorate.objects.order_by("slug")),
            "pathways",
            "languages",
            Prefetch("activity_centres", queryset=ActivityCentre.objects.select_related("governorate")),
        )
        .first()
    )
    if organisation is None or not viewer.has_perm("network.view_organisation", organisation):
        raise NotFound(_("This organisation is not in the directory."))
    return organisation


def organisation_by_id_for_viewer(viewer, organisation_id: int) -> Organisation:
    slug = Organisation.objects.filter(pk=organisation_id).values_list("slug", flat=True).first()
    if slug is None:
        raise NotFound(_("This organisation is not in the directory."))
    return organisation_for_viewer(viewer, slug)


def visible_contacts(viewer, organisation: Organisation) -> list[ContactDetail]:
    """The contact details this viewer may read (members of the organisation see all but
    coordinator-only ones; coordinators see all)."""
    levels = network_rules.visibilities_for(viewer)
    if network_rules.is_org_member(viewer, organisation) and "members" not in levels:
        levels = [*levels, "members"]
    return list(organisation.contacts.filter(visibility__in=levels))


def members_of(organisation: Organisation) -> list[Membership]:
    return list(organisation.memberships.select_related("person").order_by("role", "person__email"))


# Counts over the whole network (per governorate, per pathway, totals) cost a scan of the
# directory; they are cached and recomputed when the network changes (services call
# `network_changed`) or after five minutes at most.
_VERSION_KEY = "network:stats-version"
_STATS_SECONDS = 300


def network_changed() -> None:
    """Forget the cached counts (call after a change that affects the directory)."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)


def stats_version() -> int:
    """Changes whenever the network changes: part of the key of cached page fragments."""
    return cache.get_or_set(_VERSION_KEY, 1, None)


def _cached(name: str, compute):
    version = stats_version()
    return cache.get_or_set(f"network:{name}:{version}", compute, _STATS_SECONDS)


def governorate_counts() -> dict[str, int]:
    """Number of member organisations active in each governorate, by ISO code."""
    return _cached("governorate-counts", _governorate_counts)


def _governorate_counts() -> dict[str, int]:
    through = Organisation.governorates.through.objects.filter(organisation__status=Organisation.Status.APPROVED)
    counts = dict(through.values("governorate__iso_code").annotate(n=Count("pk")).values_list("governorate__iso_code", "n"))
    return {g.iso_code: counts.get(g.iso_code, 0) for g in Governorate.objects.all()}


def pathway_counts() -> dict[str, int]:
    """Number of member organisations working on each pathway, by slug."""
    return _cached("pathway-counts", _pathway_counts)


def _pathway_counts() -> dict[str, int]:
    through = Organisation.pathways.through.objects.filter(organisation__status=Organisation.Status.APPROVED)
    return dict(through.values("pathway__slug").annotate(n=Count("pk")).values_list("pathway__slug", "n"))


def countries_with_members() -> list[str]:
    """The countries where member organisations are based (ISO codes)."""
    return _cached("countries", _countries)


def _countries() -> list[str]:
    qs = Organisation.objects.filter(status=Organisation.Status.APPROVED)
    return sorted(set(qs.order_by().values_list("country", flat=True).distinct()))


def governorates() -> list[Governorate]:
    return list(Governorate.objects.all())


def activity_centres() -> list[ActivityCentre]:
    return list(ActivityCentre.objects.select_related("governorate", "host"))


def network_totals() -> dict[str, int]:
    """Counts for the home page: member organisations, Iraqi, international."""
    return _cached("totals", _totals)


def _totals() -> dict[str, int]:
    row = Organisation.objects.filter(status=Organisation.Status.APPROVED).aggregate(
        total=Count("pk"), iraqi=Count("pk", filter=Q(country="IQ"))
    )
    return {"total": row["total"], "iraqi": row["iraqi"], "international": row["total"] - row["iraqi"]}


def recent_members(limit: int = 6) -> list[Organisation]:
    qs = Organisation.objects.filter(status=Organisation.Status.APPROVED).order_by("-reviewed_at", "-pk")[:limit]
    return with_card_details(qs)


def my_organisations(viewer) -> list[Membership]:
    if not viewer.is_authenticated:
        return []
    return list(Membership.objects.filter(person=viewer).select_related("organisation").order_by("organisation__name_key"))


def my_applications(viewer) -> list[Organisation]:
    if not viewer.is_authenticated:
        return []
    return list(Organisation.objects.filter(applicant=viewer).exclude(status=Organisation.Status.APPROVED))


def pending_applications() -> QuerySet[Organisation]:
    return Organisation.objects.filter(status=Organisation.Status.PENDING).select_related("applicant").order_by("created_at")
