"""Every change to the network: applying, reviewing, editing profiles, managing members.

Services take the acting person explicitly (`by`), check permission and invariants
first, run in a transaction, and send email only once the transaction commits.
Refusals raise `DomainError` with a translated message.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tadamun.accounts.models import User
from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.core.images import replace_image
from tadamun.core.tasks import email_later
from tadamun.core.text import clean_text, normalise
from tadamun.pathways.models import Pathway

from . import queries
from . import rules as network_rules
from .models import (
    ContactDetail,
    Governorate,
    Invitation,
    Membership,
    Organisation,
    WorkingLanguage,
)
from .signals import profile_changed

log = logging.getLogger("tadamun.network")
INVITATION_DAYS = 14


@dataclass
class ContactInput:
    kind: str
    value: str
    visibility: str


@dataclass
class OrganisationProfile:
    """What an applicant or an organisation's admin says about the organisation."""

    name: str
    kind: str
    country: str
    original_language: str
    description: str = ""
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    governorates: list[Governorate] = field(default_factory=list)
    pathways: list[Pathway] = field(default_factory=list)
    languages: list[WorkingLanguage] = field(default_factory=list)
    year_founded: int | None = None
    website: str = ""
    contacts: list[ContactInput] = field(default_factory=list)


def _check_name_free(names: list[str], *, exclude_pk: int | None = None) -> None:
    keys = {normalise(name) for name in names if name}
    taken = Organisation.objects.filter(name_key__in=keys)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise DomainError(_("An organisation with this name is already in the directory."), field="name")


def _search_text(organisation: Organisation) -> str:
    parts = [organisation.name, *organisation.names.values(), organisation.description, *organisation.descriptions.values()]
    return normalise(" ".join(part for part in parts if part))


def refresh_search_fields(organisation: Organisation) -> None:
    """Recompute the name key and search text after the name or descriptions changed."""
    organisation.name_key = normalise(organisation.name)
    organisation.search_text = _search_text(organisation)


def _unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=False)[:60] or "organisation"
    slug = base
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


def _apply_profile(organisation: Organisation, profile: OrganisationProfile) -> None:
    organisation.name = clean_text(profile.name)
    organisation.names = {
        lang: clean_text(text) for lang, text in profile.names.items() if clean_text(text) and lang != profile.original_language
    }
    organisation.description = profile.description.strip()
    organisation.descriptions = {
        lang: text.strip() for lang, text in profile.descriptions.items() if text.strip() and lang != profile.original_language
    }
    organisation.kind = profile.kind
    organisation.country = profile.country
    organisation.original_language = profile.original_language
    organisation.year_founded = profile.year_founded
    organisation.website = profile.website
    refresh_search_fields(organisation)


def _save_relations(organisation: Organisation, profile: OrganisationProfile) -> None:
    organisation.governorates.set(profile.governorates)
    organisation.pathways.set(profile.pathways)
    organisation.languages.set(profile.languages)
    organisation.contacts.all().delete()
    ContactDetail.objects.bulk_create(
        ContactDetail(organisation=organisation, kind=c.kind, value=c.value.strip(), visibility=c.visibility, position=i)
        for i, c in enumerate(profile.contacts)
        if c.value.strip()
    )


def _validate_profile(profile: OrganisationProfile) -> None:
    if not clean_text(profile.name):
        raise DomainError(_("Give the organisation's name."), field="name")
    if profile.kind == Organisation.Kind.INTERNATIONAL and profile.country == "IQ":
        raise DomainError(
            _("An international organisation is based outside Iraq: choose its country, or another kind."),
            field="country",
        )
    this_year = timezone.now().year
    if profile.year_founded is not None and not 1850 <= profile.year_founded <= this_year:
        raise DomainError(_("The year founded must be between 1850 and this year."), field="year_founded")


@transaction.atomic
def apply_for_organisation(*, by: User, profile: OrganisationProfile) -> Organisation:
    """A logged-in person applies for an organisation to join the network."""
    if not by.has_perm("network.apply_organisation"):
        raise PermissionDenied(_("Sign in to register an organisation."))
    _validate_profile(profile)
    _check_name_free([profile.name, *profile.names.values()])
    organisation = Organisation(applicant=by, status=Organisation.Status.PENDING)
    _apply_profile(organisation, profile)
    organisation.slug = _unique_slug(profile.names.get("en") or profile.name)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as exc:  # a twin request won the race for the same name
        raise DomainError(_("An organisation with this name is already in the directory."), field="name") from exc
    _save_relations(organisation, profile)
    log.info("organisation applied org=%s by=%s", organisation.pk, by.pk)
    coordinators = list(User.objects.filter(is_staff=True, is_active=True).values_list("email", "language"))
    for email, language in coordinators:
        email_later(
            to=[email],
            template="network/email/application_received",
            context={"organisation": organisation.name},
            language=language,
            link={"name": "network:review"},
        )
    return organisation


def _locked(organisation: Organisation) -> Organisation:
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


@transaction.atomic
def approve_organisation(*, by: User, organisation: Organisation) -> Organisation:
    """A coordinator accepts an application: the applicant becomes the organisation's admin."""
    if not network_rules.is_coordinator(by):
        raise PermissionDenied(_("Only coordinators review applications."))
    organisation = _locked(organisation)
    if organisation.status == Organisation.Status.APPROVED:
        raise DomainError(_("This organisation is already a member of the network."))
    organisation.status = Organisation.Status.APPROVED
    organisation.rejection_reason = ""
    organisation.reviewed_by = by
    organisation.reviewed_at = timezone.now()
    organisation.save(update_fields=["status", "rejection_reason", "reviewed_by", "reviewed_at", "updated_at"])
    if organisation.applicant_id:
        Membership.objects.update_or_create(
            organisation=organisation, person_id=organisation.applicant_id, defaults={"role": Membership.Role.ADMIN}
        )
        applicant = organisation.applicant
        email_later(
            to=[applicant.email],
            template="network/email/application_approved",
            context={"organisation": organisation.name},
            language=applicant.language,
            link={"name": "network:organisation", "kwargs": {"slug": organisation.slug}},
        )
    transaction.on_commit(queries.network_changed)
    transaction.on_commit(lambda: profile_changed.send(sender=Organisation, organisation_id=organisation.pk))
    log.info("organisation approved org=%s by=%s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def reject_organisation(*, by: User, organisation: Organisation, reason: str) -> Organisation:
    """A coordinator refuses an application, with a reason the applicant reads."""
    if not network_rules.is_coordinator(by):
        raise PermissionDenied(_("Only coordinators review applications."))
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for the rejection: the applicant will read it."), field="reason")
    organisation = _locked(organisation)
    if organisation.status != Organisation.Status.PENDING:
        raise DomainError(_("Only an application waiting for review can be rejected."))
    organisation.status = Organisation.Status.REJECTED
    organisation.rejection_reason = reason
    organisation.reviewed_by = by
    organisation.reviewed_at = timezone.now()
    organisation.save(update_fields=["status", "rejection_reason", "reviewed_by", "reviewed_at", "updated_at"])
    if organisation.applicant_id:
        applicant = organisation.applicant
        email_later(
            to=[applicant.email],
            template="network/email/application_rejected",
            context={"organisation": organisation.name, "reason": reason},
            language=applicant.language,
        )
    log.info("organisation rejected org=%s by=%s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def update_profile(*, by: User, organisation: Organisation, profile: OrganisationProfile) -> Organisation:
    """An organisation's admin (or a coordinator) edits its profile."""
    if not by.has_perm("network.change_organisation", organisation):
        raise PermissionDenied(_("Only the organisation's administrators can edit its profile."))
    _validate_profile(profile)
    organisation = _locked(organisation)
    _check_name_free([profile.name, *profile.names.values()], exclude_pk=organisation.pk)
    _apply_profile(organisation, profile)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as exc:
        raise DomainError(_("An organisation with this name is already in the directory."), field="name") from exc
    _save_relations(organisation, profile)
    transaction.on_commit(queries.network_changed)
    transaction.on_commit(lambda: profile_changed.send(sender=Organisation, organisation_id=organisation.pk))
    log.info("organisation profile updated org=%s by=%s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def set_logo(*, by: User, organisation: Organisation, upload: UploadedFile | None) -> Organisation:
    """Replace (or with None, remove) the logo; the image is rebuilt without its metadata."""
    if not by.has_perm("network.change_organisation", organisation):
        raise PermissionDenied(_("Only the organisation's administrators can edit its profile."))
    organisation = _locked(organisation)
    replace_image(organisation, "logo", upload)
    organisation.save(update_fields=["logo", "updated_at"])
    return organisation


def _admin_count(organisation: Organisation) -> int:
    return organisation.memberships.filter(role=Membership.Role.ADMIN).count()


@transaction.atomic
def invite_member(*, by: User, organisation: Organisation, email: str, role: str) -> Invitation:
    """An admin invites someone by email; the link in the email adds them once accepted.

    Whether the address already has an account is never revealed.
    """
    if not by.has_perm("network.manage_members", organisation):
        raise PermissionDenied(_("Only the organisation's administrators manage its members."))
    if role not in Membership.Role.values:
        raise DomainError(_("Choose a role."), field="role")
    email = email.strip().lower()
    raw = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        digest=_digest(raw),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    email_later(
        to=[email],
        template="network/email/invitation",
        context={
            "organisation": organisation.name,
            "role": str(Membership.Role(role).label),
            "days": INVITATION_DAYS,
        },
        language=get_language() or "en",
        link={"name": "network:accept_invitation", "kwargs": {"token": raw}},
    )
    log.info("member invited org=%s by=%s invitation=%s", organisation.pk, by.pk, invitation.pk)
    return invitation


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def invitation_for_token(raw: str) -> Invitation:
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(digest=_digest(raw), accepted_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if invitation is None:
        raise NotFound(_("This invitation does not exist, was already used, or has expired."))
    return invitation


@transaction.atomic
def accept_invitation(*, by: User, raw_token: str) -> Membership:
    """The invited person (signed in) accepts: they join with the invited role, once."""
    invitation = invitation_for_token(raw_token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise NotFound(_("This invitation does not exist, was already used, or has expired."))
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation, person=by, defaults={"role": invitation.role}
    )
    if not created and membership.role != Membership.Role.ADMIN:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = by
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log.info("invitation accepted invitation=%s by=%s", invitation.pk, by.pk)
    return membership


@transaction.atomic
def change_role(*, by: User, membership: Membership, role: str) -> Membership:
    organisation = membership.organisation
    if not by.has_perm("network.manage_members", organisation):
        raise PermissionDenied(_("Only the organisation's administrators manage its members."))
    if role not in Membership.Role.values:
        raise DomainError(_("Choose a role."), field="role")
    _locked(organisation)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN and _admin_count(organisation) <= 1:
        raise DomainError(_("An organisation needs at least one administrator."))
    membership.role = role
    membership.save(update_fields=["role"])
    log.info("member role changed membership=%s role=%s by=%s", membership.pk, role, by.pk)
    return membership


@transaction.atomic
def remove_member(*, by: User, membership: Membership) -> None:
    organisation = membership.organisation
    if not (by.has_perm("network.manage_members", organisation) or membership.person_id == by.pk):
        raise PermissionDenied(_("Only the organisation's administrators manage its members."))
    _locked(organisation)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Membership.Role.ADMIN and _admin_count(organisation) <= 1:
        raise DomainError(_("An organisation needs at least one administrator."))
    membership.delete()
    log.info("member removed org=%s person=%s by=%s", organisation.pk, membership.person_id, by.pk)
