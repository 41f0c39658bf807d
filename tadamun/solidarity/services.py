"""Every change in solidarity: the vocabulary of skills, security notes, opportunities and
applications, needs and offers, suggestions and introductions.

Services take the acting person (`by`), check permission and rules first, run in a transaction,
and tell people by email once the transaction commits. A change to what an organisation needs,
offers or does queues the update of its suggestions in the task worker.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.errors import DomainError, PermissionDenied, TooManyRequests
from tadamun.core.ratelimit import within_rate
from tadamun.core.tasks import email_later
from tadamun.core.text import clean_text, normalise
from tadamun.network.models import Governorate, Membership, Organisation, WorkingLanguage
from tadamun.pathways.models import Pathway

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

log = logging.getLogger("tadamun.solidarity")
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _people_of(organisation_id: int, roles=(Membership.Role.ADMIN, Membership.Role.EDITOR)) -> list[tuple[str, str]]:
    return list(
        Membership.objects.filter(organisation_id=organisation_id, role__in=roles, person__is_active=True)
        .values_list("person__email", "person__language")
    )


def _tell(organisation_id: int, *, template: str, context: dict, link: dict, roles=(Membership.Role.ADMIN,)) -> None:
    for email, language in _people_of(organisation_id, roles):
        email_later(to=[email], template=template, context=context, language=language or "en", link=link)


def suggestions_changed(organisation_id: int) -> None:
    """Queue the update of an organisation's suggestions once the transaction commits."""
    from .tasks import update_suggestions

    transaction.on_commit(lambda: update_suggestions.enqueue(organisation_id=organisation_id))


# --- The vocabulary of skills and resources ----------------------------------------------


def save_skill(*, by: User, names: dict[str, str], skill: Skill | None = None, position: int = 100) -> Skill:
    """A coordinator adds or renames a skill; it is named in every language of the platform."""
    if not by.has_perm("solidarity.maintain_vocabulary"):
        raise PermissionDenied(_("Only coordinators maintain the vocabulary of skills and resources."))
    names = {code: clean_text(names.get(code, ""))[:120] for code in LANGUAGE_CODES}
    missing = [code for code in LANGUAGE_CODES if not names[code]]
    if missing:
        raise DomainError(_("Name the skill in every language of the platform."), field=f"name_{missing[0]}")
    taken = Skill.objects.exclude(pk=getattr(skill, "pk", None)).filter(names__en__iexact=names["en"]).exists()
    if taken:
        raise DomainError(_("The vocabulary already has a skill with this name."), field="name_en")
    if skill is None:
        skill = Skill(slug=slugify(names["en"])[:50] or secrets.token_hex(4))
        if Skill.objects.filter(slug=skill.slug).exists():
            skill.slug = f"{skill.slug[:50]}-{secrets.token_hex(2)}"
    skill.names, skill.position, skill.is_active = names, position, True
    skill.save()
    log.info("skill saved skill=%s by=%s", skill.pk, by.pk)
    return skill


def retire_skill(*, by: User, skill: Skill) -> Skill:
    """A skill no longer offered for new needs and offers; those that use it keep it."""
    if not by.has_perm("solidarity.maintain_vocabulary"):
        raise PermissionDenied(_("Only coordinators maintain the vocabulary of skills and resources."))
    skill.is_active = False
    skill.save(update_fields=["is_active"])
    log.info("skill retired skill=%s by=%s", skill.pk, by.pk)
    return skill


# --- Security notes -----------------------------------------------------------------------


def set_security_note(*, by: User, governorate: Governorate, level: str, note: str = "", notes: dict | None = None) -> SecurityNote:
    """A coordinator sets whether people may travel to a governorate (open, restricted, suspended)."""
    if not by.has_perm("solidarity.set_security"):
        raise PermissionDenied(_("Only coordinators set the security notes."))
    if level not in SecurityLevel.values:
        raise DomainError(_("Choose open, restricted or suspended."), field="level")
    note = note.strip()
    if level != SecurityLevel.OPEN and not note:
        raise DomainError(_("Say why travel is restricted or suspended, and what to do."), field="note")
    found, _created = SecurityNote.objects.update_or_create(
        governorate=governorate,
        defaults={
            "level": level, "note": note[:2000], "updated_by": by,
            "notes": {code: text.strip()[:2000] for code, text in (notes or {}).items() if code in LANGUAGE_CODES and text.strip()},
        },
    )
    log.warning("security note set governorate=%s level=%s by=%s", governorate.pk, level, by.pk)
    return found


def security_of(opportunity: Opportunity) -> tuple[str, list[SecurityNote]]:
    """The strictest level of the governorates an opportunity takes people to, and their notes."""
    if not opportunity.travel_to_iraq:
        return SecurityLevel.OPEN, []
    notes = list(SecurityNote.objects.filter(governorate__in=opportunity.governorates.all()).select_related("governorate"))
    level = SecurityLevel.strictest(n.level for n in notes)
    return level, [n for n in notes if n.level != SecurityLevel.OPEN]


# --- Opportunities ------------------------------------------------------------------------


@dataclass
class OpportunityDraft:
    """What a member organisation writes about an opportunity."""

    kind: str
    title: str
    description: str
    original_language: str
    how_to_apply: str = ""
    languages: list[WorkingLanguage] = field(default_factory=list)
    pathways: list[Pathway] = field(default_factory=list)
    governorates: list[Governorate] = field(default_factory=list)
    remote: bool = False
    travel_to_iraq: bool = False
    location: str = ""  # a place outside Iraq
    starts_on: date | None = None
    ends_on: date | None = None
    apply_by: date | None = None
    places: int | None = None


def _check_opportunity(draft: OpportunityDraft) -> None:
    if draft.kind not in Opportunity.Kind.values:
        raise DomainError(_("Choose the kind of opportunity."), field="kind")
    if not clean_text(draft.title):
        raise DomainError(_("Give the opportunity a title."), field="title")
    if not draft.description.strip():
        raise DomainError(_("Describe the opportunity: what, for whom, and what it asks."), field="description")
    if draft.original_language not in LANGUAGE_CODES:
        raise DomainError(_("Choose the language the opportunity is written in."), field="original_language")
    if not draft.remote and not draft.governorates and not clean_text(draft.location):
        raise DomainError(
            _("Say where it takes place: governorates of Iraq, a place outside Iraq, or remote."), field="governorates"
        )
    if draft.travel_to_iraq and not draft.governorates:
        raise DomainError(_("Choose the governorates people travel to."), field="governorates")
    if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on:
        raise DomainError(_("The opportunity cannot end before it starts."), field="ends_on")
    if draft.places is not None and draft.places < 1:
        raise DomainError(_("Give at least one place, or leave it empty."), field="places")


EDITABLE = [
    "kind", "title", "description", "how_to_apply", "original_language", "remote", "travel_to_iraq", "location",
    "starts_on", "ends_on", "apply_by", "places",
]


def _fill_opportunity(opportunity: Opportunity, draft: OpportunityDraft) -> None:
    opportunity.kind = draft.kind
    opportunity.title = clean_text(draft.title)[:200]
    opportunity.description = draft.description.strip()
    opportunity.description_html = markdown.render(opportunity.description)
    opportunity.how_to_apply = draft.how_to_apply.strip()[:2000]
    opportunity.original_language = draft.original_language
    opportunity.remote, opportunity.travel_to_iraq = draft.remote, draft.travel_to_iraq
    opportunity.location = clean_text(draft.location)[:120]
    opportunity.starts_on, opportunity.ends_on, opportunity.apply_by = draft.starts_on, draft.ends_on, draft.apply_by
    opportunity.places = draft.places
    opportunity.search_text = normalise(" ".join([opportunity.title, opportunity.description, opportunity.organisation.name]))


def _relate(opportunity: Opportunity, draft: OpportunityDraft) -> None:
    opportunity.languages.set(draft.languages)
    opportunity.pathways.set(draft.pathways)
    opportunity.governorates.set(draft.governorates)


@transaction.atomic
def publish_opportunity(*, by: User, organisation: Organisation, draft: OpportunityDraft) -> Opportunity:
    """A member organisation's editors and administrators publish an opportunity."""
    if not by.has_perm("solidarity.publish_for", organisation):
        raise PermissionDenied(_("Only editors and administrators of a member organisation publish its opportunities."))
    _check_opportunity(draft)
    opportunity = Opportunity(organisation=organisation, created_by=by)
    _fill_opportunity(opportunity, draft)
    opportunity.slug = f"{slugify(opportunity.title)[:70] or organisation.slug[:60]}-{secrets.token_hex(3)}"
    opportunity.save()
    _relate(opportunity, draft)
    log.info("opportunity published opportunity=%s org=%s by=%s", opportunity.pk, organisation.pk, by.pk)
    return opportunity


@transaction.atomic
def update_opportunity(*, by: User, opportunity: Opportunity, draft: OpportunityDraft) -> Opportunity:
    if not by.has_perm("solidarity.change_opportunity", opportunity):
        raise PermissionDenied(_("Only the publisher's editors and administrators change this opportunity."))
    _check_opportunity(draft)
    opportunity = _locked(opportunity)  # counters and status changed meanwhile are kept
    _fill_opportunity(opportunity, draft)
    opportunity.save(update_fields=[*EDITABLE, "description_html", "search_text", "updated_at"])
    _relate(opportunity, draft)
    log.info("opportunity updated opportunity=%s by=%s", opportunity.pk, by.pk)
    return opportunity


def close_opportunity(*, by: User, opportunity: Opportunity, reopen: bool = False) -> Opportunity:
    if not by.has_perm("solidarity.change_opportunity", opportunity):
        raise PermissionDenied(_("Only the publisher's editors and administrators change this opportunity."))
    opportunity.status = Opportunity.Status.OPEN if reopen else Opportunity.Status.CLOSED
    opportunity.save(update_fields=["status", "updated_at"])
    log.info("opportunity %s opportunity=%s by=%s", "reopened" if reopen else "closed", opportunity.pk, by.pk)
    return opportunity


def _locked(opportunity: Opportunity) -> Opportunity:
    return Opportunity.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=opportunity.pk)


@transaction.atomic
def apply(
    *, by: User, opportunity: Opportunity, message: str, kind: str = Application.Kind.APPLICATION,
    organisation: Organisation | None = None,
) -> Application:
    """A person expresses interest in, or applies to, an opportunity (for themselves or their organisation)."""
    if not by.has_perm("solidarity.apply"):
        raise PermissionDenied(_("Sign in to apply."))
    if kind not in Application.Kind.values:
        raise DomainError(_("Choose whether you apply or express interest."), field="kind")
    message = message.strip()
    if len(message) < 20:
        raise DomainError(_("Tell the publisher who you are and why you apply (at least 20 characters)."), field="message")
    if organisation is not None and not Membership.objects.filter(person=by, organisation=organisation).exists():
        raise PermissionDenied(_("You can apply only on behalf of an organisation you belong to."))
    opportunity = _locked(opportunity)
    if not opportunity.is_open:
        raise DomainError(_("This opportunity is closed: it no longer takes applications."))
    if Membership.objects.filter(person=by, organisation_id=opportunity.organisation_id).exists():
        raise DomainError(_("Your own organisation published this opportunity."))
    level, _notes = security_of(opportunity)
    if level == SecurityLevel.SUSPENDED:
        raise DomainError(_("Travel to where this opportunity takes place is suspended by the network's coordinators: it takes no applications for now."))
    if Application.objects.filter(opportunity=opportunity, person=by).exists():
        raise DomainError(_("You have already applied to this opportunity; its status is on your applications page."))
    if not within_rate("solidarity-apply", str(by.pk), settings.RATE_LIMITS["apply"]):
        raise TooManyRequests(_("Too many applications in a short time. Please wait a little and try again."))
    application = Application.objects.create(
        opportunity=opportunity, person=by, organisation=organisation, kind=kind, message=message[:4000]
    )
    Opportunity.objects.filter(pk=opportunity.pk).update(application_count=F("application_count") + 1)
    _tell(
        opportunity.organisation_id, template="solidarity/email/application_received",
        context={"title": opportunity.title, "name": by.display_name or by.email},
        link={"name": "solidarity:applications", "kwargs": {"slug": opportunity.slug}},
        roles=(Membership.Role.ADMIN, Membership.Role.EDITOR),
    )
    log.info("application made application=%s opportunity=%s by=%s", application.pk, opportunity.pk, by.pk)
    return application


DECISIONS = (Application.Status.SHORTLISTED, Application.Status.ACCEPTED, Application.Status.DECLINED)


@transaction.atomic
def decide_application(*, by: User, application: Application, status: str, answer: str = "") -> Application:
    """The publisher shortlists, accepts or declines (with a message); the applicant is told."""
    opportunity = _locked(application.opportunity)
    if not by.has_perm("solidarity.manage_applications", opportunity):
        raise PermissionDenied(_("Only the publisher's editors and administrators answer applications."))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if status not in DECISIONS:
        raise DomainError(_("Choose shortlist, accept or decline."), field="status")
    if application.status == Application.Status.WITHDRAWN:
        raise DomainError(_("The applicant has withdrawn this application."))
    answer = answer.strip()
    if status == Application.Status.DECLINED and not answer:
        raise DomainError(_("Write a message to the applicant when you decline."), field="answer")
    if status == Application.Status.ACCEPTED and application.status != status and opportunity.places:
        taken = opportunity.applications.filter(status=Application.Status.ACCEPTED).count()
        if taken >= opportunity.places:
            raise DomainError(_("Every place is taken: decline another accepted application first, or add places."))
    application.status, application.answer = status, answer[:4000]
    application.decided_by, application.decided_at = by, timezone.now()
    application.save(update_fields=["status", "answer", "decided_by", "decided_at"])
    email_later(
        to=[application.person.email], template="solidarity/email/application_decided",
        language=application.person.language or "en",
        context={"title": opportunity.title, "status": status, "answer": application.answer},
        link={"name": "solidarity:my_applications", "kwargs": {}},
    )
    log.info("application %s application=%s by=%s", status, application.pk, by.pk)
    return application


def withdraw_application(*, by: User, application: Application) -> Application:
    if application.person_id != by.pk:
        raise PermissionDenied(_("Only the applicant withdraws an application."))
    if application.status not in Application.ACTIVE:
        raise DomainError(_("This application is already answered or withdrawn."))
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status"])
    log.info("application withdrawn application=%s by=%s", application.pk, by.pk)
    return application


# --- Needs and offers ---------------------------------------------------------------------


@dataclass
class ContributionDraft:
    """A need or an offer: skills of the vocabulary, and words of one's own."""

    title: str
    original_language: str
    description: str = ""
    skills: list[Skill] = field(default_factory=list)
    pathways: list[Pathway] = field(default_factory=list)
    governorates: list[Governorate] = field(default_factory=list)


def _check_contribution(draft: ContributionDraft) -> None:
    if not clean_text(draft.title):
        raise DomainError(_("Give it a title, in a few words."), field="title")
    if draft.original_language not in LANGUAGE_CODES:
        raise DomainError(_("Choose the language it is written in."), field="original_language")
    if not draft.skills:
        raise DomainError(_("Choose at least one skill or resource from the vocabulary."), field="skills")
    if any(not skill.is_active for skill in draft.skills):
        raise DomainError(_("A chosen skill is no longer in the vocabulary."), field="skills")


def _fill_contribution(contribution: Need | Offer, draft: ContributionDraft) -> None:
    contribution.title = clean_text(draft.title)[:200]
    contribution.description = draft.description.strip()[:4000]
    contribution.original_language = draft.original_language
    contribution.search_text = normalise(" ".join([contribution.title, contribution.description]))


def _relate_contribution(contribution: Need | Offer, draft: ContributionDraft) -> None:
    contribution.skills.set(draft.skills)
    contribution.pathways.set(draft.pathways)
    contribution.governorates.set(draft.governorates)


@transaction.atomic
def state(*, by: User, organisation: Organisation, side: type[Need] | type[Offer], draft: ContributionDraft) -> Need | Offer:
    """An organisation states what it needs, or what it offers."""
    if not by.has_perm("solidarity.state_for", organisation):
        raise PermissionDenied(_("Only editors and administrators of a member organisation state its needs and offers."))
    _check_contribution(draft)
    contribution = side(organisation=organisation, created_by=by)
    _fill_contribution(contribution, draft)
    contribution.save()
    _relate_contribution(contribution, draft)
    suggestions_changed(organisation.pk)
    log.info("%s stated %s=%s org=%s by=%s", side.SIDE, side.SIDE, contribution.pk, organisation.pk, by.pk)
    return contribution


@transaction.atomic
def update_contribution(*, by: User, contribution: Need | Offer, draft: ContributionDraft) -> Need | Offer:
    if not by.has_perm("solidarity.change_contribution", contribution):
        raise PermissionDenied(_("Only the organisation's editors and administrators change this."))
    _check_contribution(draft)
    _fill_contribution(contribution, draft)
    contribution.save()
    _relate_contribution(contribution, draft)
    suggestions_changed(contribution.organisation_id)
    return contribution


@transaction.atomic
def set_current(*, by: User, contribution: Need | Offer, current: bool) -> Need | Offer:
    """Mark a need met (or an offer withdrawn), or current again."""
    if not by.has_perm("solidarity.change_contribution", contribution):
        raise PermissionDenied(_("Only the organisation's editors and administrators change this."))
    contribution.is_active = current
    contribution.save(update_fields=["is_active", "updated_at"])
    suggestions_changed(contribution.organisation_id)
    return contribution


# --- Suggestions and introductions --------------------------------------------------------


def dismiss_suggestion(*, by: User, suggestion: Suggestion, dismissed: bool = True) -> Suggestion:
    """Hide a suggestion the organisation does not want (it stays hidden when recomputed)."""
    if not by.has_perm("solidarity.view_suggestions", suggestion.organisation):
        raise PermissionDenied(_("Only the organisation's editors and administrators manage its suggestions."))
    suggestion.dismissed_at = timezone.now() if dismissed else None
    suggestion.save(update_fields=["dismissed_at"])
    return suggestion


@dataclass
class Contact:
    """The person an organisation gives as its contact for an introduction."""

    name: str
    email: str
    phone: str = ""

    def checked(self) -> dict[str, str]:
        name, email, phone = clean_text(self.name)[:120], self.email.strip()[:254], clean_text(self.phone)[:40]
        if not name:
            raise DomainError(_("Give the name of the contact person."), field="contact_name")
        try:
            validate_email(email)
        except ValidationError as exc:
            raise DomainError(_("Give a valid email address for the contact person."), field="contact_email") from exc
        return {"name": name, "email": email, "phone": phone}


def _pair(first_id: int, second_id: int) -> str:
    return f"{min(first_id, second_id)}-{max(first_id, second_id)}"


def _check_pair(requester: Organisation, counterpart: Organisation) -> None:
    if requester.pk == counterpart.pk:
        raise DomainError(_("An organisation cannot be introduced to itself."), field="counterpart")
    if counterpart.status != Organisation.Status.APPROVED or requester.status != Organisation.Status.APPROVED:
        raise DomainError(_("Only member organisations of the network are introduced."), field="counterpart")
    live = Introduction.objects.filter(pair=_pair(requester.pk, counterpart.pk), status__in=Introduction.LIVE).first()
    if live is not None:
        if live.status == Introduction.Status.ACCEPTED:
            raise DomainError(_("These organisations are already partners: their contacts are on the introduction's page."))
        raise DomainError(_("An introduction between these organisations is already waiting for an answer."))


def _save_introduction(introduction: Introduction) -> Introduction:
    try:
        with transaction.atomic():
            introduction.save()
    except IntegrityError as exc:  # the same request at the same moment: one of them stands
        raise DomainError(_("An introduction between these organisations is already waiting for an answer.")) from exc
    return introduction


def _shared_pathways(first: Organisation, second: Organisation) -> list[int]:
    return list(
        Pathway.objects.filter(organisations=first).filter(organisations=second).values_list("pk", flat=True)
    )


@transaction.atomic
def request_introduction(
    *, by: User, requester: Organisation, counterpart: Organisation, contact: Contact, message: str = ""
) -> Introduction:
    """An organisation asks to be introduced; the other side accepts or declines (double opt-in)."""
    if not by.has_perm("solidarity.introduce_for", requester):
        raise PermissionDenied(_("Only administrators of a member organisation ask for introductions on its behalf."))
    _check_pair(requester, counterpart)
    if Introduction.objects.filter(  # they declined our own request; a declined proposal binds no one
        requester=requester, counterpart=counterpart, status=Introduction.Status.DECLINED, proposed_by_coordinator=False
    ).exists():
        raise DomainError(
            _("This organisation declined an introduction you asked for; it may still ask you itself."), field="counterpart"
        )
    checked = contact.checked()
    if not within_rate("solidarity-introduce", str(requester.pk), settings.RATE_LIMITS["introduce"]):
        raise TooManyRequests(_("Too many introductions asked today. Please try again tomorrow."))
    introduction = _save_introduction(Introduction(
        requester=requester, counterpart=counterpart, pair=_pair(requester.pk, counterpart.pk), requested_by=by,
        message=message.strip()[:2000], requester_contact=checked, requester_accepted_at=timezone.now(),
    ))
    introduction.pathways.set(_shared_pathways(requester, counterpart))
    _tell(
        counterpart.pk, template="solidarity/email/introduction_requested",
        context={"organisation": requester.name, "counterpart": counterpart.name},
        link={"name": "solidarity:introduction", "kwargs": {"pk": introduction.pk}},
    )
    log.info("introduction requested introduction=%s from=%s to=%s by=%s", introduction.pk, requester.pk, counterpart.pk, by.pk)
    return introduction


@transaction.atomic
def propose_introduction(*, by: User, first: Organisation, second: Organisation, message: str = "") -> Introduction:
    """A coordinator proposes a link by hand; both organisations must accept it."""
    if not by.has_perm("solidarity.propose_introduction"):
        raise PermissionDenied(_("Only coordinators propose introductions between two organisations."))
    _check_pair(first, second)
    if not message.strip():
        raise DomainError(_("Tell both organisations why you introduce them."), field="message")
    introduction = _save_introduction(Introduction(
        requester=first, counterpart=second, pair=_pair(first.pk, second.pk), requested_by=by,
        proposed_by_coordinator=True, message=message.strip()[:2000],
    ))
    introduction.pathways.set(_shared_pathways(first, second))
    for organisation, other in ((first, second), (second, first)):
        _tell(
            organisation.pk, template="solidarity/email/introduction_proposed",
            context={"organisation": other.name, "message": introduction.message},
            link={"name": "solidarity:introduction", "kwargs": {"pk": introduction.pk}},
        )
    log.info("introduction proposed introduction=%s first=%s second=%s by=%s", introduction.pk, first.pk, second.pk, by.pk)
    return introduction


def _side_for(by: User, introduction: Introduction) -> str:
    """The side `by` answers for: the one waiting whose administrator they are."""
    for side, organisation_id, accepted in (
        ("counterpart", introduction.counterpart_id, introduction.counterpart_accepted_at),
        ("requester", introduction.requester_id, introduction.requester_accepted_at),
    ):
        if accepted is None and Membership.objects.filter(
            person=by, organisation_id=organisation_id, role=Membership.Role.ADMIN
        ).exists():
            return side
    raise PermissionDenied(_("Only an administrator of an organisation waiting to answer may answer this introduction."))


@transaction.atomic
def answer_introduction(
    *, by: User, introduction: Introduction, accept: bool, contact: Contact | None = None, answer: str = ""
) -> Introduction:
    """One side accepts (giving its contact person) or declines. Contacts are shared when both accept."""
    introduction = Introduction.objects.select_for_update().select_related("requester", "counterpart").get(pk=introduction.pk)
    if introduction.status != Introduction.Status.PENDING:
        raise DomainError(_("This introduction has already been answered."))
    if not by.has_perm("solidarity.answer_introduction", introduction):
        raise PermissionDenied(_("Only an administrator of an organisation waiting to answer may answer this introduction."))
    side = _side_for(by, introduction)
    now = timezone.now()
    if not accept:
        introduction.status, introduction.answer, introduction.answered_by = Introduction.Status.DECLINED, answer.strip()[:2000], by
        introduction.save(update_fields=["status", "answer", "answered_by"])
        other = introduction.requester if side == "counterpart" else introduction.counterpart
        _tell(
            other.pk, template="solidarity/email/introduction_declined",
            context={"organisation": (introduction.counterpart if side == "counterpart" else introduction.requester).name},
            link={"name": "solidarity:introduction", "kwargs": {"pk": introduction.pk}},
        )
        log.info("introduction declined introduction=%s side=%s by=%s", introduction.pk, side, by.pk)
        return introduction
    if contact is None:
        raise DomainError(_("Give the contact person the other organisation may write to."), field="contact_name")
    setattr(introduction, f"{side}_contact", contact.checked())
    setattr(introduction, f"{side}_accepted_at", now)
    introduction.answered_by = by
    if introduction.answer == "" and answer.strip():
        introduction.answer = answer.strip()[:2000]
    if introduction.requester_accepted_at and introduction.counterpart_accepted_at:
        introduction.status, introduction.accepted_at = Introduction.Status.ACCEPTED, now
        for organisation in (introduction.requester, introduction.counterpart):
            _tell(
                organisation.pk, template="solidarity/email/introduction_accepted",
                context={"organisation": introduction.other(organisation.pk).name},
                link={"name": "solidarity:introduction", "kwargs": {"pk": introduction.pk}},
            )
    introduction.save()
    log.info("introduction accepted introduction=%s side=%s by=%s status=%s", introduction.pk, side, by.pk, introduction.status)
    return introduction


@transaction.atomic
def withdraw_introduction(*, by: User, introduction: Introduction) -> Introduction:
    """The organisation that asked withdraws its request while it waits."""
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.status != Introduction.Status.PENDING:
        raise DomainError(_("This introduction has already been answered."))
    if not (
        by.has_perm("solidarity.introduce_for", introduction.requester)
        or (introduction.proposed_by_coordinator and by.has_perm("solidarity.propose_introduction"))
    ):
        raise PermissionDenied(_("Only the organisation that asked may withdraw this introduction."))
    introduction.status = Introduction.Status.WITHDRAWN
    introduction.save(update_fields=["status"])
    log.info("introduction withdrawn introduction=%s by=%s", introduction.pk, by.pk)
    return introduction
