"""Read paths of consultations: pages and the API read the stored report, never compute it."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.network.models import Membership, Organisation

from . import services
from .models import Consultation, Participant, Report, Statement


def visible(viewer) -> QuerySet[Consultation]:
    """Public consultations for everyone; the others for those who may take part in them."""
    qs = Consultation.objects.all()
    if viewer.is_authenticated and viewer.is_staff:
        return qs
    public = Q(audience=Consultation.Audience.PUBLIC)
    if not viewer.is_authenticated:
        return qs.filter(public)
    organisations = list(
        Membership.objects.filter(person=viewer, organisation__status=Organisation.Status.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )
    if not organisations:
        return qs.filter(public)
    named = Consultation.organisations.through.objects.filter(organisation_id__in=organisations).values("consultation_id")
    return qs.filter(public | Q(audience=Consultation.Audience.MEMBERS) | Q(pk__in=named))


def consultation_for_viewer(viewer, slug: str) -> Consultation:
    consultation = Consultation.objects.filter(slug=slug).prefetch_related("pathways").first()
    if consultation is None or not may_see(viewer, consultation):
        raise NotFound(_("This consultation does not exist or is not open to you."))
    return consultation


def may_see(viewer, consultation: Consultation) -> bool:
    return consultation.audience == Consultation.Audience.PUBLIC or services.may_take_part(viewer, consultation)


def report_of(consultation: Consultation, *, positions: bool = False) -> dict:
    """The stored report; with `positions`, each participant's point and group too (large)."""
    if not positions:
        return Report.objects.filter(consultation=consultation).values_list("result", flat=True).first() or {}
    row = Report.objects.filter(consultation=consultation).values_list("result", "positions").first()
    return {**row[0], **row[1]} if row else {}


def participant_of(viewer, consultation: Consultation) -> Participant | None:
    if not viewer.is_authenticated:
        return None
    return Participant.objects.filter(consultation=consultation, person=viewer).first()


def statements_by_number(consultation: Consultation, numbers) -> dict[int, Statement]:
    return {s.number: s for s in Statement.objects.filter(consultation=consultation, number__in=set(numbers))}


def pending_statements(consultation: Consultation) -> list[Statement]:
    return list(consultation.statements.filter(status=Statement.Status.PENDING).order_by("created_at"))


def statements_to_translate(consultation: Consultation, language: str, *, limit: int = 30) -> list[Statement]:
    """Accepted statements not yet in the language (those with the most votes first: they are
    the ones participants meet), written in another language."""
    return list(
        consultation.statements.filter(status=Statement.Status.ACCEPTED)
        .exclude(language=language)
        .exclude(translations__has_key=language)
        .order_by("-vote_count", "number")[:limit]
    )
