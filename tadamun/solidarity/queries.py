"""Read paths of solidarity, shared by pages and the API.

Suggestions are read as stored by the task worker (never computed by a page); their reasons are
worded here in the reader's language. Contacts of an introduction are read only through
`contacts_for`, which gives nothing before both sides have accepted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tadamun.core.errors import NotFound
from tadamun.core.search import contains
from tadamun.core.text import normalise, search_terms
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.network.reference import WORKING_LANGUAGE_NAMES
from tadamun.pathways.models import Pathway

from .issues import NAMES as ISSUE_NAMES
from .matching import TEXT_ALIKE
from .models import (
    Application,
    Introduction,
    Need,
    Offer,
    Opportunity,
    SecurityLevel,
    SecurityNote,
    Skill,
    Suggestion,
)

PAGE_SIZE = 20
NETWORK_LIMIT = 400  # suggestions listed to coordinators, best first


# --- Opportunities ------------------------------------------------------------------------


@dataclass(frozen=True)
class OpportunityFilters:
    """The filters of the opportunity list, already validated (forms.OpportunityFilterForm)."""

    q: str = ""
    kind: str = ""
    pathway: str = ""  # slug
    governorate: str = ""  # ISO 3166-2 code, or "remote"
    language: str = ""  # working language code
    include_closed: bool = False

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def _suspended():
    """Opportunities that take people to a governorate where travel is suspended."""
    return Opportunity.governorates.through.objects.filter(
        opportunity_id=OuterRef("pk"),
        governorate__security_note__level=SecurityLevel.SUSPENDED,
    )


def opportunities(filters: OpportunityFilters = OpportunityFilters()) -> QuerySet[Opportunity]:
    """Opportunities anyone may find, newest first. Those taking people where travel is suspended
    are left out of search (their page still says why)."""
    qs = Opportunity.objects.filter(organisation__status=Organisation.Status.APPROVED).exclude(
        Q(travel_to_iraq=True) & Exists(_suspended())
    )
    if not filters.include_closed:
        qs = qs.filter(status=Opportunity.Status.OPEN).filter(Q(apply_by__isnull=True) | Q(apply_by__gte=timezone.localdate()))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.pathway:
        qs = qs.filter(pk__in=Opportunity.pathways.through.objects.filter(pathway__slug=filters.pathway).values("opportunity_id"))
    if filters.governorate == "remote":
        qs = qs.filter(remote=True)
    elif filters.governorate:
        qs = qs.filter(
            pk__in=Opportunity.governorates.through.objects.filter(governorate__iso_code=filters.governorate).values("opportunity_id")
        )
    if filters.language:
        qs = qs.filter(
            pk__in=Opportunity.languages.through.objects.filter(workinglanguage__code=filters.language).values("opportunity_id")
        )
    for term in search_terms(filters.q):
        qs = qs.filter(contains("solidarity_opportunity", normalise(term)))
    return qs.select_related("organisation").defer("search_text", "description", "description_html")


def with_card_details(found: Iterable[Opportunity]) -> list[Opportunity]:
    """Attach `card_pathways`, `card_governorates`, `card_languages` and `card_security` to each
    opportunity: four light queries for the whole list."""
    found = list(found)
    ids = [o.pk for o in found]
    pathways, governorates, languages = defaultdict(list), defaultdict(list), defaultdict(list)
    for row in Opportunity.pathways.through.objects.filter(opportunity_id__in=ids).select_related("pathway"):
        pathways[row.opportunity_id].append(row.pathway)
    for row in Opportunity.governorates.through.objects.filter(opportunity_id__in=ids).select_related("governorate"):
        governorates[row.opportunity_id].append(row.governorate)
    for row in Opportunity.languages.through.objects.filter(opportunity_id__in=ids).select_related("workinglanguage"):
        languages[row.opportunity_id].append(row.workinglanguage)
    levels = security_levels()
    for opportunity in found:
        opportunity.card_pathways = pathways[opportunity.pk]
        opportunity.card_governorates = governorates[opportunity.pk]
        opportunity.card_languages = languages[opportunity.pk]
        opportunity.card_security = (
            SecurityLevel.strictest(levels.get(g.pk, SecurityLevel.OPEN) for g in governorates[opportunity.pk])
            if opportunity.travel_to_iraq else SecurityLevel.OPEN
        )
    return found


def page_of(qs: QuerySet, number, size: int = PAGE_SIZE):
    return Paginator(qs, size).get_page(number)


def opportunities_page(filters: OpportunityFilters, number):
    page = page_of(opportunities(filters), number)
    page.object_list = with_card_details(page.object_list)
    return page


def opportunity_for_viewer(user, slug: str) -> Opportunity:
    found = (
        Opportunity.objects.select_related("organisation")
        .prefetch_related("pathways", "governorates", "languages")
        .filter(slug=slug)
        .first()
    )
    if found is None or found.organisation.status != Organisation.Status.APPROVED:
        raise NotFound(_("There is no such opportunity."))
    return found


def security_levels() -> dict[int, str]:
    """Governorate id → level, for those with a note (the others are open)."""
    return dict(SecurityNote.objects.values_list("governorate_id", "level"))


def application_of(user, opportunity: Opportunity) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.filter(opportunity=opportunity, person=user).first()


# New applications first, then those in progress, then the answered and withdrawn.
APPLICATION_ORDER = [
    Application.Status.SUBMITTED, Application.Status.SHORTLISTED, Application.Status.ACCEPTED,
    Application.Status.DECLINED, Application.Status.WITHDRAWN,
]


def application_counts(opportunity: Opportunity) -> dict[str, int]:
    """How many applications the opportunity has in each status."""
    return dict(opportunity.applications.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


def applications_to(opportunity: Opportunity, status: str = "") -> QuerySet[Application]:
    waiting_first = Case(
        *(When(status=status, then=Value(rank)) for rank, status in enumerate(APPLICATION_ORDER)), default=Value(9)
    )
    qs = opportunity.applications.select_related("person", "organisation").order_by(waiting_first, "-created_at")
    return qs.filter(status=status) if status else qs


def applications_of(user) -> QuerySet[Application]:
    return Application.objects.filter(person=user).select_related("opportunity", "opportunity__organisation", "organisation")


def organisations_run_by(user) -> list[Organisation]:
    """The approved member organisations this person is an editor or administrator of."""
    if not user.is_authenticated:
        return []
    return list(
        Organisation.objects.filter(
            status=Organisation.Status.APPROVED,
            memberships__person=user,
            memberships__role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR],
        ).order_by("name_key")
    )


def organisations_of(user) -> list[Organisation]:
    """The approved member organisations this person belongs to (any role)."""
    if not user.is_authenticated:
        return []
    return list(
        Organisation.objects.filter(status=Organisation.Status.APPROVED, memberships__person=user).order_by("name_key")
    )


# --- Needs and offers ---------------------------------------------------------------------


@dataclass(frozen=True)
class ContributionFilters:
    q: str = ""
    skill: str = ""  # slug
    pathway: str = ""  # slug
    governorate: str = ""  # ISO code
    origin: str = ""  # "iraqi" or "international"


def contributions(side: type[Need] | type[Offer], filters: ContributionFilters = ContributionFilters()) -> QuerySet:
    """Current needs (or offers) of member organisations, newest first."""
    qs = side.objects.filter(is_active=True, organisation__status=Organisation.Status.APPROVED)
    through = side.skills.through
    if filters.skill:
        qs = qs.filter(pk__in=through.objects.filter(skill__slug=filters.skill).values(f"{side.SIDE}_id"))
    if filters.pathway:
        qs = qs.filter(pk__in=side.pathways.through.objects.filter(pathway__slug=filters.pathway).values(f"{side.SIDE}_id"))
    if filters.governorate:
        qs = qs.filter(
            pk__in=side.governorates.through.objects.filter(governorate__iso_code=filters.governorate).values(f"{side.SIDE}_id")
        )
    if filters.origin == "iraqi":
        qs = qs.filter(organisation__country="IQ")
    elif filters.origin == "international":
        qs = qs.exclude(organisation__country="IQ")
    for term in search_terms(filters.q):
        qs = qs.filter(contains(side._meta.db_table, normalise(term)))
    return qs.select_related("organisation").defer("search_text")


def with_skills(found: Iterable[Need | Offer]) -> list:
    """Attach `card_skills` and `card_pathways` to needs or offers: two queries for a list."""
    found = list(found)
    if not found:
        return found
    side = type(found[0])
    ids = [c.pk for c in found]
    skills, pathways = defaultdict(list), defaultdict(list)
    for row in side.skills.through.objects.filter(**{f"{side.SIDE}_id__in": ids}).select_related("skill"):
        skills[getattr(row, f"{side.SIDE}_id")].append(row.skill)
    for row in side.pathways.through.objects.filter(**{f"{side.SIDE}_id__in": ids}).select_related("pathway"):
        pathways[getattr(row, f"{side.SIDE}_id")].append(row.pathway)
    for contribution in found:
        contribution.card_skills = skills[contribution.pk]
        contribution.card_pathways = pathways[contribution.pk]
    return found


def contributions_page(side, filters: ContributionFilters, number):
    page = page_of(contributions(side, filters), number)
    page.object_list = with_skills(page.object_list)
    return page


def contribution_for_viewer(side, pk: int):
    found = side.objects.select_related("organisation").prefetch_related("skills", "pathways", "governorates").filter(pk=pk).first()
    if found is None or found.organisation.status != Organisation.Status.APPROVED:
        raise NotFound(_("There is no such need or offer."))
    return found


def contributions_of(organisation: Organisation) -> dict[str, list]:
    return {
        "needs": with_skills(Need.objects.filter(organisation=organisation).order_by("-is_active", "-created_at")),
        "offers": with_skills(Offer.objects.filter(organisation=organisation).order_by("-is_active", "-created_at")),
    }


# --- Reasons ------------------------------------------------------------------------------


class Vocabulary:
    """Names of skills, pathways, governorates and languages for wording reasons: read once."""

    def __init__(self) -> None:
        self.skills = {s.pk: s.name for s in Skill.objects.all()}
        self.pathways = {p.pk: p.name for p in Pathway.objects.all()}
        self.governorates = {g.pk: g.name for g in Governorate.objects.all()}

    @staticmethod
    def language(code: str) -> str:
        return str(WORKING_LANGUAGE_NAMES.get(code, code))


def _listed(names: list[str]) -> str:
    """"A, B and C" in the reader's language (Arabic and Kurdish join "and" to the last word)."""
    names = [str(n) for n in names]
    if len(names) < 2:
        return "".join(names)
    # Translators: joins the last name of a list to the others, e.g. "Arabic, English and Italian".
    return _("%(names)s and %(last)s") % {"names": _(", ").join(names[:-1]), "last": names[-1]}


def reasons_in_words(reasons: dict, vocabulary: Vocabulary) -> list[str]:
    """The reasons of a suggestion as plain sentences, in the reader's language."""
    sentences = []
    pathways = [vocabulary.pathways[p] for p in reasons.get("pathways", []) if p in vocabulary.pathways]
    places = [vocabulary.governorates[g] for g in reasons.get("governorates", []) if g in vocabulary.governorates]
    if pathways and places:
        sentences.append(_("Both work on %(pathways)s in %(places)s.") % {"pathways": _listed(pathways), "places": _listed(places)})
    elif pathways:
        sentences.append(_("Both work on %(pathways)s.") % {"pathways": _listed(pathways)})
    elif places:
        sentences.append(_("Both are active in %(places)s.") % {"places": _listed(places)})
    needs = [vocabulary.skills[s] for s in reasons.get("needs", []) if s in vocabulary.skills]
    if needs:
        sentences.append(
            ngettext("You need %(skills)s; they offer it.", "You need %(skills)s; they offer them.", len(needs))
            % {"skills": _listed(needs)}
        )
    offers = [vocabulary.skills[s] for s in reasons.get("offers", []) if s in vocabulary.skills]
    if offers:
        sentences.append(
            ngettext("They need %(skills)s; you offer it.", "They need %(skills)s; you offer them.", len(offers))
            % {"skills": _listed(offers)}
        )
    languages = [vocabulary.language(code) for code in reasons.get("languages", [])]
    if languages:
        sentences.append(_("You share %(languages)s.") % {"languages": _listed(languages)})
    else:
        sentences.append(_("You have no working language in common: an interpreter may help."))
    issues = [str(ISSUE_NAMES[i]) for i in reasons.get("issues", []) if i in ISSUE_NAMES]
    if issues:
        sentences.append(_("Both speak of %(issues)s.") % {"issues": _listed(issues)})
    elif reasons.get("text", 0) >= TEXT_ALIKE:
        sentences.append(_("Your descriptions speak of similar issues."))
    if reasons.get("geography") == "international":
        sentences.append(_("One works in Iraq, the other abroad."))
    elif reasons.get("geography") == "regions":
        sentences.append(_("You work in different regions of Iraq."))
    return sentences


# --- Suggestions --------------------------------------------------------------------------


def _introduced(organisation_field: str, counterpart_field: str):
    """Pairs with a live introduction, or one declined: no longer suggested."""
    return Introduction.objects.filter(
        Q(requester_id=OuterRef(organisation_field), counterpart_id=OuterRef(counterpart_field))
        | Q(requester_id=OuterRef(counterpart_field), counterpart_id=OuterRef(organisation_field)),
        status__in=[Introduction.Status.PENDING, Introduction.Status.ACCEPTED, Introduction.Status.DECLINED],
    )


def suggestions_for(organisation: Organisation, *, limit: int = 10, dismissed: bool = False) -> list[Suggestion]:
    """The organisation's suggested counterparts, best first, each with `reason_sentences`."""
    qs = (
        Suggestion.objects.filter(organisation=organisation, counterpart__status=Organisation.Status.APPROVED)
        .exclude(Exists(_introduced("organisation_id", "counterpart_id")))
        .filter(dismissed_at__isnull=not dismissed)
        .select_related("counterpart")
        .order_by("-score", "counterpart_id")[:limit]
    )
    return worded(qs)


def worded(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    found = list(suggestions)
    if found:
        vocabulary = Vocabulary()
        for suggestion in found:
            suggestion.reason_sentences = reasons_in_words(suggestion.reasons, vocabulary)
    return found


def network_suggestions(number, size: int = PAGE_SIZE):
    """The whole network's best suggestions not yet acted on, each pair once (coordinators)."""
    qs = (
        Suggestion.objects.filter(listed=True, dismissed_at__isnull=True)  # each pair once, from its Iraqi side
        .exclude(Exists(_introduced("organisation_id", "counterpart_id")))
        .select_related("organisation", "counterpart")
        .order_by("-score", "pk")
    )
    # The best pairs are the ones worth a coordinator's time: the list stops at NETWORK_LIMIT,
    # so that its cost does not grow with the network.
    page = Paginator(qs[:NETWORK_LIMIT], size).get_page(number)
    page.object_list = worded(page.object_list)
    return page


# --- Introductions and partnerships -------------------------------------------------------


def introductions_of(organisation: Organisation) -> dict[str, list[Introduction]]:
    qs = Introduction.objects.filter(Q(requester=organisation) | Q(counterpart=organisation)).select_related(
        "requester", "counterpart"
    )
    grouped = {"waiting": [], "asked": [], "partners": [], "closed": []}
    for introduction in qs.order_by("-created_at")[:200]:
        mine = "requester" if introduction.requester_id == organisation.pk else "counterpart"
        if introduction.status == Introduction.Status.ACCEPTED:
            grouped["partners"].append(introduction)
        elif introduction.status == Introduction.Status.PENDING:
            accepted = getattr(introduction, f"{mine}_accepted_at")
            grouped["asked" if accepted else "waiting"].append(introduction)
        else:
            grouped["closed"].append(introduction)
        introduction.partner = introduction.other(organisation.pk)
    return grouped


def introduction_for_viewer(user, pk: int) -> Introduction:
    found = Introduction.objects.select_related("requester", "counterpart").prefetch_related("pathways").filter(pk=pk).first()
    if found is None or not user.has_perm("solidarity.view_introduction", found):
        raise NotFound(_("There is no such introduction."))
    return found


def contacts_for(user, introduction: Introduction) -> dict[str, dict] | None:
    """Both sides' contact persons, only for the two organisations' people once both accepted."""
    if not user.has_perm("solidarity.see_contacts", introduction):
        return None
    return {"requester": introduction.requester_contact, "counterpart": introduction.counterpart_contact}


def partners_of(organisation: Organisation) -> list[Organisation]:
    """Organisations linked to this one by an accepted introduction (no contacts)."""
    rows = Introduction.objects.filter(
        Q(requester=organisation) | Q(counterpart=organisation), status=Introduction.Status.ACCEPTED
    ).select_related("requester", "counterpart").order_by("-accepted_at")
    return [row.other(organisation.pk) for row in rows]


@dataclass
class Overview:
    partnerships: int
    organisations: int
    by_pathway: list[tuple[Pathway, int]]
    by_region: list[tuple[str, int]]
    links: list[tuple[str, str, int]]  # (place, place, count): governorate names or country codes
    opportunities: int
    needs: int
    offers: int


def overview() -> Overview:
    """The network's partnership graph in numbers: a fixed number of queries whatever its size."""
    accepted = Introduction.objects.filter(status=Introduction.Status.ACCEPTED)
    pairs = list(accepted.values_list("pk", "requester_id", "counterpart_id"))
    organisation_ids = {o for _pk, a, b in pairs for o in (a, b)}
    countries = dict(Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "country"))
    first_governorate: dict[int, int] = {}
    for organisation_id, governorate_id in (
        Organisation.governorates.through.objects.filter(organisation_id__in=organisation_ids)
        .order_by("organisation_id", "pk")  # the first governorate it named: where it is based
        .values_list("organisation_id", "governorate_id")
    ):
        first_governorate.setdefault(organisation_id, governorate_id)
    governorates = {g.pk: g for g in Governorate.objects.all()}
    kurdistan = {g.iso_code for g in governorates.values() if g.kurdistan_region}

    def place(organisation_id: int) -> str:
        country = str(countries.get(organisation_id) or "")
        if country != "IQ":
            return country
        governorate = governorates.get(first_governorate.get(organisation_id))
        return governorate.iso_code if governorate else "IQ"

    links: Counter[tuple[str, str]] = Counter()
    regions: Counter[str] = Counter()
    for _pk, first, second in pairs:
        a, b = sorted((place(first), place(second)))
        links[(a, b)] += 1
        for code in (a, b):
            if code.startswith("IQ-"):
                regions[_("Kurdistan Region") if code in kurdistan else _("Federal Iraq")] += 1
            elif code != "IQ":
                regions[_("Abroad")] += 1
    by_pathway = Counter(
        Introduction.pathways.through.objects.filter(introduction__status=Introduction.Status.ACCEPTED).values_list(
            "pathway_id", flat=True
        )
    )
    pathways = {p.pk: p for p in Pathway.objects.all()}
    return Overview(
        partnerships=len(pairs),
        organisations=len(organisation_ids),
        by_pathway=sorted(((pathways[p], n) for p, n in by_pathway.items() if p in pathways), key=lambda pn: -pn[1]),
        by_region=sorted(regions.items(), key=lambda rn: -rn[1]),
        links=[(a, b, n) for (a, b), n in links.most_common()],
        opportunities=Opportunity.objects.filter(status=Opportunity.Status.OPEN).count(),
        needs=Need.objects.filter(is_active=True).count(),
        offers=Offer.objects.filter(is_active=True).count(),
    )


def profile_part(user, organisation: Organisation) -> dict:
    """The solidarity part of an organisation's profile: its current needs and offers (public),
    its partners (network members only), and the way to its suggestions (its editors, coordinators)."""
    if organisation.status != Organisation.Status.APPROVED:
        return {}
    return {
        "needs": with_skills(Need.objects.filter(organisation=organisation, is_active=True)[:5]),
        "offers": with_skills(Offer.objects.filter(organisation=organisation, is_active=True)[:5]),
        "partners": partners_of(organisation)[:20] if user.has_perm("solidarity.see_partners") else None,
        "desk": user.has_perm("solidarity.view_suggestions", organisation),
    }
