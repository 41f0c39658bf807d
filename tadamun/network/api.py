"""API of the network: the directory, organisation profiles, governorates.

The same filter form, queries and services as the pages: the API refuses what the page
refuses and shows a viewer only what the page would show them.
"""

from __future__ import annotations

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from tadamun.api import TokenAuth, optional_token

from . import queries, services
from .forms import DirectoryFilterForm, OrganisationProfileForm
from .models import Organisation

router = Router(tags=["network"])


class ContactOut(Schema):
    kind: str
    value: str
    visibility: str


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    names: dict[str, str]
    original_language: str
    description: str
    descriptions: dict[str, str]
    kind: str
    country: str
    iraqi: bool
    governorates: list[str]
    pathways: list[str]
    year_founded: int | None
    website: str
    logo: str | None
    url: str


class OrganisationDetailOut(OrganisationOut):
    languages: list[str]
    contacts: list[ContactOut]


class OrganisationPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[OrganisationOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
    field: str | None = None


class GovernorateOut(Schema):
    iso_code: str
    slug: str
    names: dict[str, str]
    kurdistan_region: bool
    organisations: int


class OrganisationIn(Schema):
    """A profile, as the form takes it (field names as in the form)."""

    name: str
    kind: str
    country: str = "IQ"
    original_language: str = "ar"
    description: str = ""
    names: dict[str, str] = Field(default_factory=dict)
    descriptions: dict[str, str] = Field(default_factory=dict)
    governorates: list[str] = Field(default_factory=list)
    pathways: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    year_founded: int | None = None
    website: str = ""


class OrganisationPatch(Schema):
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    original_language: str | None = None
    description: str | None = None
    names: dict[str, str] | None = None
    descriptions: dict[str, str] | None = None
    governorates: list[str] | None = None
    pathways: list[str] | None = None
    languages: list[str] | None = None
    year_founded: int | None = None
    website: str | None = None


def _out(org: Organisation, request: HttpRequest) -> dict:
    return {
        "id": org.pk,
        "slug": org.slug,
        "name": org.name,
        "names": org.names,
        "original_language": org.original_language,
        "description": org.description,
        "descriptions": org.descriptions,
        "kind": org.kind,
        "country": org.country.code,
        "iraqi": org.is_iraqi,
        "governorates": [place.iso for place in org.card_governorates],
        "pathways": [pathway.slug for pathway in org.card_pathways],
        "year_founded": org.year_founded,
        "website": org.website,
        "logo": request.build_absolute_uri(org.logo.url) if org.logo else None,
        "url": request.build_absolute_uri(org.get_absolute_url()),
    }


def _detail(org: Organisation, request: HttpRequest) -> dict:
    queries.with_card_details([org])
    return {
        **_out(org, request),
        "languages": [w.code for w in org.languages.all()],
        "contacts": [
            {"kind": c.kind, "value": c.value, "visibility": c.visibility}
            for c in queries.visible_contacts(request.user, org)
        ],
    }


def _form_errors(form) -> dict:
    return {"detail": _("Some values are not valid."), "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}}


@router.get(
    "/organisations",
    response={200: OrganisationPage, 400: ErrorOut, 401: ErrorOut},
    auth=optional_token,
    summary="The directory, filtered",
)
def list_organisations(request: HttpRequest, page: int = 1, page_size: int = 20):
    """Filters: `kind`, `governorate` (ISO 3166-2:IQ code), `pathway` (slug), `country`
    (ISO 3166-1 alpha-2), `language`, `origin` (iraqi|international), `q`."""
    form = DirectoryFilterForm(request.GET)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    if page < 1 or not 1 <= page_size <= 100:
        return Status(400, {"detail": _("page must be 1 or more, page_size between 1 and 100.")})
    qs = queries.directory(form.filters())
    count = qs.count()
    start = (page - 1) * page_size
    page_rows = queries.with_card_details(qs[start : start + page_size]) if start < count else []
    items = [_out(org, request) for org in page_rows]
    return Status(200, {"count": count, "page": page, "page_size": page_size, "items": items})


@router.get("/organisations/{organisation_id}", response={200: OrganisationDetailOut, 404: ErrorOut}, auth=optional_token)
def get_organisation(request: HttpRequest, organisation_id: int):
    """One organisation; contact details only as far as the caller may see them."""
    org = queries.organisation_by_id_for_viewer(request.user, organisation_id)
    return Status(200, _detail(org, request))


def _profile_from(data: dict):
    """Validate API input with the page's form, so both refuse the same things."""
    form_data = {k: v for k, v in data.items() if k not in ("names", "descriptions")}
    for code, text in (data.get("names") or {}).items():
        form_data[f"name_{code}"] = text
    for code, text in (data.get("descriptions") or {}).items():
        form_data[f"description_{code}"] = text
    if form_data.get("year_founded") is None:
        form_data.pop("year_founded", None)
    for kind in ("email", "phone", "address", "signal", "social"):
        form_data.setdefault(f"contact_{kind}_visibility", "members")
    query = QueryDict(mutable=True)
    for key, value in form_data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        elif value is not None:
            query[key] = str(value)
    form = OrganisationProfileForm(query)
    return form


@router.post("/organisations", response={201: OrganisationDetailOut, 400: ErrorOut, 401: ErrorOut}, auth=TokenAuth())
def apply_organisation(request: HttpRequest, payload: OrganisationIn):
    """Apply for an organisation to join the network (reviewed by coordinators)."""
    form = _profile_from(payload.dict())
    if not form.is_valid():
        return Status(400, _form_errors(form))
    org = services.apply_for_organisation(by=request.user, profile=form.to_profile())
    return Status(201, _detail(queries.organisation_by_id_for_viewer(request.user, org.pk), request))


@router.patch(
    "/organisations/{organisation_id}",
    response={200: OrganisationDetailOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=TokenAuth(),
)
def update_organisation(request: HttpRequest, organisation_id: int, payload: OrganisationPatch):
    """Change an organisation's profile (its administrators; coordinators)."""
    org = queries.organisation_by_id_for_viewer(request.user, organisation_id)
    current = OrganisationProfileForm.initial_for(org)
    data = {
        **{k: v for k, v in current.items() if not k.startswith(("name_", "description_", "contact_"))},
        "names": dict(org.names),
        "descriptions": dict(org.descriptions),
    }
    for contact in org.contacts.all():
        data[f"contact_{contact.kind}"] = contact.value
        data[f"contact_{contact.kind}_visibility"] = contact.visibility
    data.update(payload.dict(exclude_unset=True))
    form = _profile_from(data)
    if not form.is_valid():
        return Status(400, _form_errors(form))
    org = services.update_profile(by=request.user, organisation=org, profile=form.to_profile())
    return Status(200, _detail(queries.organisation_by_id_for_viewer(request.user, org.pk), request))


@router.get("/governorates", response=list[GovernorateOut], auth=None)
def list_governorates(request: HttpRequest):
    """Iraq's 18 governorates with the number of member organisations active in each."""
    counts = queries.governorate_counts()
    return [
        {
            "iso_code": g.iso_code,
            "slug": g.slug,
            "names": g.names,
            "kurdistan_region": g.kurdistan_region,
            "organisations": counts.get(g.iso_code, 0),
        }
        for g in queries.governorates()
    ]
