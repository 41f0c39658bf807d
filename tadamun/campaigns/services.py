"""Every change in campaigns: proposing and running campaigns, endorsements, actions,
signatures (double opt-in), exports, solidarity messages.

Services take the acting person (`by`), check permission and rules first, run in a
transaction, and tell people by email once the transaction commits. A signature counts
only once its address is confirmed; the action's counter moves in the same transaction
as the signature's status, guarded by the status, so it is exact under concurrency.
"""

from __future__ import annotations

import csv
import io
import logging
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.errors import DomainError, PermissionDenied, TooManyRequests
from tadamun.core.ratelimit import within_rate
from tadamun.core.tasks import email_later
from tadamun.core.text import clean_text, normalise
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.pathways.models import Pathway

from .models import (
    Action,
    Authority,
    Campaign,
    Endorsement,
    Export,
    Indicator,
    Measurement,
    Message,
    Milestone,
    Signature,
    Tally,
    Update,
)

log = logging.getLogger("tadamun.campaigns")
CONFIRM_SALT = "tadamun.campaigns.confirm"
WITHDRAW_SALT = "tadamun.campaigns.withdraw"
STOP_NEWS_SALT = "tadamun.campaigns.stop-news"
MESSAGE_MAX = 600
DISPOSABLE_DOMAINS = frozenset(
    line.strip().lower()
    for line in (Path(__file__).parent / "disposable_domains.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)


# --- Campaigns -------------------------------------------------------------------------


@dataclass
class CampaignDraft:
    """What a lead organisation writes about its campaign."""

    title: str
    story: str
    original_language: str
    summary: str = ""
    demands: str = ""
    strategy: str = ""
    pathways: list[Pathway] = field(default_factory=list)
    governorates: list[Governorate] = field(default_factory=list)
    starts_on: date | None = None
    ends_on: date | None = None


def _check_draft(draft: CampaignDraft) -> None:
    if not clean_text(draft.title):
        raise DomainError(_("Give the campaign a title."), field="title")
    if not draft.story.strip():
        raise DomainError(_("Tell the campaign's story: why, and for whom."), field="story")
    if draft.original_language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the campaign is written in."), field="original_language")
    if not draft.pathways:
        raise DomainError(_("Choose at least one pathway."), field="pathways")
    if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on:
        raise DomainError(_("The campaign cannot end before it starts."), field="ends_on")


def _fill(campaign: Campaign, draft: CampaignDraft) -> None:
    campaign.title = clean_text(draft.title)[:200]
    campaign.summary = clean_text(draft.summary)[:400]
    campaign.story = draft.story.strip()
    campaign.story_html = markdown.render(campaign.story)
    campaign.demands = "\n".join(clean_text(line) for line in draft.demands.splitlines() if clean_text(line))
    campaign.strategy = draft.strategy.strip()
    campaign.strategy_html = markdown.render(campaign.strategy)
    campaign.original_language = draft.original_language
    campaign.starts_on, campaign.ends_on = draft.starts_on, draft.ends_on
    _index(campaign)


def _index(campaign: Campaign) -> None:
    texts = [campaign.title, campaign.summary, campaign.story, campaign.demands]
    for translated in (campaign.translations or {}).values():
        texts += [translated.get("title", ""), translated.get("summary", "")]
    campaign.search_text = normalise(" ".join(texts))


@transaction.atomic
def propose_campaign(*, by: User, lead: Organisation, draft: CampaignDraft) -> Campaign:
    """An Iraqi member organisation proposes a campaign; coordinators approve it."""
    if lead.country != "IQ":
        raise PermissionDenied(_("Campaigns are led by Iraqi organisations; international organisations endorse them."))
    if not by.has_perm("campaigns.propose_for", lead):
        raise PermissionDenied(_("Only editors and administrators of an Iraqi member organisation propose campaigns for it."))
    _check_draft(draft)
    campaign = Campaign(lead=lead, proposed_by=by, status=Campaign.Status.PROPOSED)
    _fill(campaign, draft)
    campaign.slug = f"{slugify(campaign.title)[:70] or lead.slug[:60]}-{secrets.token_hex(3)}"
    campaign.save()
    campaign.pathways.set(draft.pathways)
    campaign.governorates.set(draft.governorates)
    coordinators = list(User.objects.filter(is_staff=True, is_active=True).values_list("email", "language"))
    for email, language in coordinators:
        email_later(
            to=[email], template="campaigns/email/proposed", language=language or "en",
            context={"title": campaign.title, "organisation": lead.name},
            link={"name": "campaigns:review", "kwargs": {}},
        )
    log.info("campaign proposed campaign=%s org=%s by=%s", campaign.pk, lead.pk, by.pk)
    return campaign


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update(of=("self",)).select_related("lead").get(pk=campaign.pk)


def _require(by: User, perm: str, obj, message: str) -> None:
    if not by.has_perm(perm, obj):
        raise PermissionDenied(message)


@transaction.atomic
def edit_campaign(*, by: User, campaign: Campaign, draft: CampaignDraft) -> Campaign:
    campaign = _locked(campaign)
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    _check_draft(draft)
    _fill(campaign, draft)
    campaign.save()
    campaign.pathways.set(draft.pathways)
    campaign.governorates.set(draft.governorates)
    return campaign


@transaction.atomic
def translate_campaign(*, by: User, campaign: Campaign, language: str, title: str, summary: str, story: str) -> Campaign:
    """The campaign's title, summary and story in another language (the original stays)."""
    campaign = _locked(campaign)
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if language not in dict(settings.LANGUAGES) or language == campaign.original_language:
        raise DomainError(_("Choose a language other than the original."), field="language")
    if not clean_text(title) or not story.strip():
        raise DomainError(_("A translation needs at least the title and the story."), field="title")
    campaign.translations = {
        **(campaign.translations or {}),
        language: {
            "title": clean_text(title)[:200],
            "summary": clean_text(summary)[:400],
            "story": story.strip(),
            "story_html": markdown.render(story.strip()),
        },
    }
    _index(campaign)
    campaign.save(update_fields=["translations", "search_text", "updated_at"])
    return campaign


@transaction.atomic
def review_campaign(*, by: User, campaign: Campaign, approve: bool, reason: str = "") -> Campaign:
    """Coordinators approve a proposed campaign (it goes public) or decline it with a reason."""
    campaign = _locked(campaign)
    _require(by, "campaigns.review_campaign", campaign, _("Only coordinators review campaigns."))
    if campaign.status != Campaign.Status.PROPOSED:
        raise DomainError(_("This campaign was already reviewed."))
    if not approve and not clean_text(reason):
        raise DomainError(_("Say why the campaign is not approved: its organisers will read it."), field="reason")
    now = timezone.now()
    campaign.status = Campaign.Status.ACTIVE if approve else Campaign.Status.REJECTED
    campaign.rejection_reason = "" if approve else reason.strip()
    campaign.reviewed_by, campaign.reviewed_at = by, now
    if approve:
        campaign.published_at = now
    campaign.save()
    if campaign.proposed_by and campaign.proposed_by.email:
        email_later(
            to=[campaign.proposed_by.email],
            template="campaigns/email/approved" if approve else "campaigns/email/rejected",
            language=campaign.proposed_by.language or "en",
            context={"title": campaign.title, "reason": campaign.rejection_reason},
            link={"name": "campaigns:campaign", "kwargs": {"slug": campaign.slug}},
        )
    log.info("campaign reviewed campaign=%s approved=%s by=%s", campaign.pk, approve, by.pk)
    return campaign


@transaction.atomic
def set_outcome(*, by: User, campaign: Campaign, status: str) -> Campaign:
    """The lead says the campaign was won, has ended, or is active again."""
    campaign = _locked(campaign)
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if campaign.status not in Campaign.PUBLIC or status not in Campaign.PUBLIC:
        raise DomainError(_("Only an approved campaign can be marked as won or ended."), field="status")
    campaign.status = status
    campaign.save(update_fields=["status", "updated_at"])
    return campaign


@transaction.atomic
def add_authority(*, by: User, campaign: Campaign, kind: str, name: str, governorate: Governorate | None = None) -> Authority:
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if kind not in Authority.Kind.values:
        raise DomainError(_("Choose the kind of authority."), field="kind")
    if not clean_text(name):
        raise DomainError(_("Name the authority: for example, the Ministry of Water Resources."), field="name")
    return Authority.objects.create(campaign=campaign, kind=kind, name=clean_text(name)[:200], governorate=governorate)


@transaction.atomic
def add_milestone(*, by: User, campaign: Campaign, title: str, due_on: date, reached_on: date | None = None) -> Milestone:
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if not clean_text(title):
        raise DomainError(_("Say what the milestone is."), field="title")
    return Milestone.objects.create(campaign=campaign, title=clean_text(title)[:200], due_on=due_on, reached_on=reached_on)


@transaction.atomic
def reach_milestone(*, by: User, milestone: Milestone, reached_on: date | None) -> Milestone:
    _require(by, "campaigns.change_campaign", milestone.campaign, _("You cannot change this campaign."))
    if reached_on and reached_on > timezone.localdate():
        raise DomainError(_("The date a milestone was reached cannot be in the future."), field="reached_on")
    milestone.reached_on = reached_on
    milestone.save(update_fields=["reached_on"])
    return milestone


def _decimal(value, field_name: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise DomainError(_("Write a number."), field=field_name) from exc
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise DomainError(_("Write a number."), field=field_name)
    return number.quantize(Decimal("0.01"))


@transaction.atomic
def add_indicator(
    *, by: User, campaign: Campaign, name: str, baseline, target, baseline_on: date, unit: str = ""
) -> Indicator:
    """What the campaign measures to analyse its impact."""
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if not clean_text(name):
        raise DomainError(_("Name the indicator."), field="name")
    baseline, target = _decimal(baseline, "baseline"), _decimal(target, "target")
    if baseline == target:
        raise DomainError(_("The target must differ from the baseline."), field="target")
    return Indicator.objects.create(
        campaign=campaign, name=clean_text(name)[:200], unit=clean_text(unit)[:40],
        baseline=baseline, target=target, baseline_on=baseline_on,
    )


@transaction.atomic
def record_measurement(*, by: User, indicator: Indicator, measured_on: date, value, note: str = "") -> Measurement:
    _require(by, "campaigns.change_campaign", indicator.campaign, _("You cannot change this campaign."))
    if measured_on > timezone.localdate():
        raise DomainError(_("A measurement cannot be in the future."), field="measured_on")
    if measured_on < indicator.baseline_on:
        raise DomainError(_("A measurement cannot come before the baseline."), field="measured_on")
    return Measurement.objects.create(
        indicator=indicator, measured_on=measured_on, value=_decimal(value, "value"),
        note=clean_text(note)[:300], recorded_by=by,
    )


@transaction.atomic
def post_update(*, by: User, campaign: Campaign, title: str, body: str, language: str) -> Update:
    """News of the campaign on its page and feeds; emailed to signers who asked to be kept informed."""
    campaign = _locked(campaign)
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if not campaign.is_public:
        raise DomainError(_("Updates are posted once the campaign is approved."))
    if not clean_text(title):
        raise DomainError(_("Give the update a title."), field="title")
    if not body.strip():
        raise DomainError(_("The update has no text yet."), field="body")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language the update is written in."), field="language")
    update = Update.objects.create(
        campaign=campaign, author=by, language=language, title=clean_text(title)[:200],
        body=body.strip(), body_html=markdown.render(body.strip()),
    )
    from .tasks import send_update

    transaction.on_commit(lambda: send_update.enqueue(update_id=update.pk))
    return update


def informed_signers(campaign: Campaign):
    """One confirmed signature per address that asked for news of this campaign."""
    seen: set[str] = set()
    signatures = (
        Signature.objects.filter(action__campaign=campaign, status=Signature.Status.CONFIRMED, keep_informed=True)
        .order_by("pk")
        .only("pk", "email", "email_key", "language")
    )
    for signature in signatures.iterator(chunk_size=2000):
        if signature.email_key not in seen:
            seen.add(signature.email_key)
            yield signature


def email_update(update: Update) -> int:
    """Send an update to the signers who consented, each in their language, each with a
    link that stops the news. Returns the number of emails queued."""
    sent = 0
    for signature in informed_signers(update.campaign):
        token = signing.dumps([signature.pk], salt=STOP_NEWS_SALT)
        from tadamun.core.tasks import send_templated_email

        send_templated_email.enqueue(
            to=[signature.email], template="campaigns/email/update", language=signature.language,
            context={"campaign": update.campaign.title, "title": update.title, "body": update.body},
            links={
                "link": {"name": "campaigns:campaign", "kwargs": {"slug": update.campaign.slug}},
                "stop_link": {"name": "campaigns:stop_news", "kwargs": {"token": token}},
            },
        )
        sent += 1
    return sent


def stop_news(token: str) -> Signature:
    """The signer no longer wants news of this campaign (the link in each update)."""
    try:
        (pk,) = signing.loads(token, salt=STOP_NEWS_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise DomainError(_("This link is not valid. Copy the whole address from the email.")) from exc
    signature = Signature.objects.select_related("action__campaign").filter(pk=pk).first()
    if signature is None:
        raise DomainError(_("This link is not valid. Copy the whole address from the email."))
    Signature.objects.filter(action__campaign=signature.action.campaign, email_key=signature.email_key).update(
        keep_informed=False
    )
    return signature


# --- Endorsements ------------------------------------------------------------------------


@transaction.atomic
def request_endorsement(*, by: User, campaign: Campaign, organisation: Organisation, statement: str = "") -> Endorsement:
    """An organisation's administrator asks that it be listed among the campaign's supporters."""
    _require(by, "campaigns.endorse_for", organisation, _("Only an administrator of a member organisation endorses in its name."))
    campaign = _locked(campaign)
    if not campaign.is_public or campaign.status != Campaign.Status.ACTIVE:
        raise DomainError(_("Only active campaigns can be endorsed."))
    if organisation.pk == campaign.lead_id:
        raise DomainError(_("The lead organisation does not endorse its own campaign."), field="organisation")
    endorsement, created = Endorsement.objects.get_or_create(
        campaign=campaign, organisation=organisation,
        defaults={"statement": clean_text(statement)[:500], "requested_by": by},
    )
    if not created:
        if endorsement.status == Endorsement.Status.ACCEPTED:
            raise DomainError(_("Your organisation already endorses this campaign."), field="organisation")
        endorsement.status, endorsement.statement, endorsement.requested_by = (
            Endorsement.Status.REQUESTED, clean_text(statement)[:500], by,
        )
        endorsement.decided_at = None
        endorsement.save()
    admins = Membership.objects.filter(
        organisation=campaign.lead, role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
    ).select_related("person")
    for membership in admins:
        email_later(
            to=[membership.person.email], template="campaigns/email/endorsement_requested",
            language=membership.person.language or "en",
            context={"campaign": campaign.title, "organisation": organisation.name},
            link={"name": "campaigns:manage", "kwargs": {"slug": campaign.slug}},
        )
    return endorsement


@transaction.atomic
def decide_endorsement(*, by: User, endorsement: Endorsement, accept: bool) -> Endorsement:
    # Lock the endorsement only: PostgreSQL refuses FOR UPDATE on the outer join to the
    # nullable requested_by.
    endorsement = (
        Endorsement.objects.select_for_update(of=("self",)).select_related("campaign", "requested_by").get(pk=endorsement.pk)
    )
    _require(by, "campaigns.decide_endorsement", endorsement.campaign, _("Only the lead organisation accepts endorsements."))
    if endorsement.status != Endorsement.Status.REQUESTED:
        raise DomainError(_("This request was already answered."))
    endorsement.status = Endorsement.Status.ACCEPTED if accept else Endorsement.Status.DECLINED
    endorsement.decided_by, endorsement.decided_at = by, timezone.now()
    endorsement.save()
    if endorsement.requested_by:
        email_later(
            to=[endorsement.requested_by.email], template="campaigns/email/endorsement_decided",
            language=endorsement.requested_by.language or "en",
            context={"campaign": endorsement.campaign.title, "accepted": accept},
            link={"name": "campaigns:campaign", "kwargs": {"slug": endorsement.campaign.slug}},
        )
    return endorsement


# --- Actions: petitions and letters -------------------------------------------------------


@dataclass
class ActionDraft:
    kind: str
    authority: Authority | None
    title: str
    text: str
    language: str
    goal: int
    closes_at: datetime


@transaction.atomic
def open_action(*, by: User, campaign: Campaign, draft: ActionDraft) -> Action:
    """Open a petition or a letter to one of the campaign's authorities."""
    campaign = _locked(campaign)
    _require(by, "campaigns.change_campaign", campaign, _("You cannot change this campaign."))
    if campaign.status != Campaign.Status.ACTIVE:
        raise DomainError(_("Petitions and letters open once the campaign is approved and active."))
    if draft.kind not in Action.Kind.values:
        raise DomainError(_("Choose a petition or a letter."), field="kind")
    if draft.authority is None or draft.authority.campaign_id != campaign.pk:
        raise DomainError(_("Choose the authority it is addressed to (add it to the campaign first)."), field="authority")
    if not clean_text(draft.title):
        raise DomainError(_("Give it a title."), field="title")
    if not draft.text.strip():
        raise DomainError(_("Write the text supporters will sign."), field="text")
    if draft.language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language it is written in."), field="language")
    if not 1 <= draft.goal <= 100_000_000:
        raise DomainError(_("The goal is a number of signatures, at least 1."), field="goal")
    if draft.closes_at <= timezone.now():
        raise DomainError(_("The closing date must be in the future."), field="closes_at")
    return Action.objects.create(
        campaign=campaign, kind=draft.kind, authority=draft.authority, title=clean_text(draft.title)[:200],
        text=draft.text.strip(), language=draft.language, goal=draft.goal, closes_at=draft.closes_at, created_by=by,
    )


def is_open(action: Action) -> bool:
    return action.status == Action.Status.OPEN and action.closes_at > timezone.now()


@transaction.atomic
def close_action(*, by: User, action: Action) -> Action:
    _require(by, "campaigns.change_campaign", action.campaign, _("You cannot change this campaign."))
    Action.objects.filter(pk=action.pk, status=Action.Status.OPEN).update(status=Action.Status.CLOSED)
    action.refresh_from_db()
    return action


@transaction.atomic
def record_delivery(*, by: User, action: Action, delivered_on: date, delivered_to: str, response: str = "") -> Action:
    """The organisers handed the signatures to the authority: when, to whom, and what it answered."""
    _require(by, "campaigns.change_campaign", action.campaign, _("You cannot change this campaign."))
    if delivered_on > timezone.localdate():
        raise DomainError(_("The delivery date cannot be in the future."), field="delivered_on")
    if not clean_text(delivered_to):
        raise DomainError(_("Say to whom the signatures were handed."), field="delivered_to")
    Action.objects.filter(pk=action.pk).update(
        status=Action.Status.DELIVERED, delivered_on=delivered_on,
        delivered_to=clean_text(delivered_to)[:300], response=response.strip(),
    )
    action.refresh_from_db()
    log.info("action delivered action=%s by=%s", action.pk, by.pk)
    return action


@dataclass
class Signer:
    """What a supporter types to sign."""

    name: str
    email: str
    country: str
    governorate: Governorate | None = None
    show_name: bool = False
    keep_informed: bool = False
    letter: str = ""


def email_key(email: str) -> str:
    """A keyed hash of the normalised address: finds a second signature, reveals nothing."""
    return salted_hmac("tadamun.campaigns.email", email.strip().lower(), algorithm="sha256").hexdigest()


def _check_signer(action: Action, signer: Signer) -> None:
    if not clean_text(signer.name):
        raise DomainError(_("Write your name."), field="name")
    try:
        validate_email(signer.email.strip())
    except ValidationError as exc:
        raise DomainError(_("This email address is not valid: check it and try again."), field="email") from exc
    domain = signer.email.strip().rsplit("@", 1)[-1].lower()
    if settings.CAMPAIGNS_BLOCK_DISPOSABLE_EMAIL and domain in DISPOSABLE_DOMAINS:
        raise DomainError(_("Addresses that expire after a few minutes cannot confirm a signature. Use an address you keep."), field="email")
    if signer.country not in dict(countries):
        raise DomainError(_("Choose your country."), field="country")
    if signer.governorate is not None and signer.country != "IQ":
        raise DomainError(_("A governorate is given only for Iraq."), field="governorate")
    if action.kind == Action.Kind.LETTER and len(signer.letter) > 5000:
        raise DomainError(_("Your letter is too long: at most 5,000 characters."), field="letter")


def _closed_message(action: Action) -> str:
    return _("This petition or letter is closed: signatures are no longer collected.")


def sign(*, action: Action, signer: Signer, language: str, client: str = "") -> None:
    """A supporter signs; an email asks them to confirm. Whatever the address's history, the
    answer is the same ("check your inbox"), so nobody learns who signed what."""
    if not is_open(action) or action.campaign.status != Campaign.Status.ACTIVE:
        raise DomainError(_closed_message(action))
    _check_signer(action, signer)
    key = email_key(signer.email)
    limits = settings.RATE_LIMITS
    if client and not within_rate("sign-address", client, limits["sign_address"]):
        raise TooManyRequests(_("Too many signatures from your connection. Wait an hour and try again."))
    if not within_rate("sign-email", key, limits["sign_email"]):
        raise TooManyRequests(_("We already sent several emails to this address. Look in your inbox (and spam folder), or try again in an hour."))
    with transaction.atomic():
        existing = Signature.objects.select_for_update().filter(action=action, email_key=key).first()
        if existing is None:
            try:
                with transaction.atomic():
                    existing = Signature.objects.create(
                        action=action, email_key=key, nonce=secrets.token_hex(8), **_details(action, signer, language)
                    )
                    _ask_to_confirm(existing)
                    return
            except IntegrityError:  # the same address signed at the same moment
                existing = Signature.objects.select_for_update().get(action=action, email_key=key)
        if existing.status == Signature.Status.CONFIRMED:
            _tell_already_signed(existing, signer.email.strip(), language)
            return
        for name, value in _details(action, signer, language).items():
            setattr(existing, name, value)
        existing.status, existing.nonce, existing.withdrawn_at = Signature.Status.PENDING, secrets.token_hex(8), None
        # A new request: the purge of unconfirmed signatures counts from now, not from the
        # first signature (else it could delete the row under the link just sent).
        existing.created_at = timezone.now()
        existing.save()
        _ask_to_confirm(existing)


def _details(action: Action, signer: Signer, language: str) -> dict:
    return {
        "name": clean_text(signer.name)[:120],
        "email": signer.email.strip(),
        "country": signer.country,
        "governorate": signer.governorate if signer.country == "IQ" else None,
        "show_name": signer.show_name,
        "keep_informed": signer.keep_informed,
        # A letter left as the template is stored empty: the PDF lists its signers under it.
        "letter": "" if _same_text(signer.letter, action.text) else signer.letter.strip(),
        "language": language if language in dict(settings.LANGUAGES) else "en",
    }


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split()) or not a.strip()


def _tokens(signature: Signature) -> dict:
    return {
        "confirm_link": {"name": "campaigns:confirm", "kwargs": {"token": signing.dumps([signature.pk, signature.nonce], salt=CONFIRM_SALT)}},
        "withdraw_link": {"name": "campaigns:withdraw", "kwargs": {"token": withdraw_token(signature)}},
    }


def withdraw_token(signature: Signature) -> str:
    return signing.dumps([signature.pk, signature.email_key[:16]], salt=WITHDRAW_SALT)


def _ask_to_confirm(signature: Signature) -> None:
    action = signature.action
    email_later(
        to=[signature.email], template="campaigns/email/confirm", language=signature.language,
        context={
            "name": signature.name, "title": action.title, "authority": action.authority.name,
            "hours": settings.SIGNATURE_CONFIRM_HOURS,
        },
        links=_tokens(signature),
    )


def _tell_already_signed(signature: Signature, address: str, language: str) -> None:
    email_later(
        to=[address], template="campaigns/email/already_signed", language=language,
        context={"title": signature.action.title},
        links={"withdraw_link": _tokens(signature)["withdraw_link"]},
    )


@dataclass
class Confirmation:
    signature: Signature
    already: bool  # True when an earlier click had confirmed it


def confirm_signature(token: str) -> Confirmation:
    """The link in the email: the signature counts from now. A second click (or two at once)
    finds it confirmed and counts nothing."""
    try:
        pk, nonce = signing.loads(token, salt=CONFIRM_SALT, max_age=timedelta(hours=settings.SIGNATURE_CONFIRM_HOURS))
    except signing.SignatureExpired as exc:
        raise DomainError(_("This confirmation link has expired. Sign again to receive a new one.")) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise DomainError(_("This confirmation link is not valid. Copy the whole address from the email.")) from exc
    with transaction.atomic():
        signature = Signature.objects.select_related("action__campaign", "action__authority").filter(pk=pk).first()
        if signature is None or signature.status == Signature.Status.WITHDRAWN:
            raise DomainError(_("This signature was withdrawn. Sign again if you wish."))
        if signature.status == Signature.Status.CONFIRMED:
            return Confirmation(signature, already=True)
        if signature.nonce != nonce:
            raise DomainError(_("This link was replaced by a newer one: use the latest email we sent you."))
        if not is_open(signature.action) or signature.action.campaign.status != Campaign.Status.ACTIVE:
            raise DomainError(_closed_message(signature.action))
        now = timezone.now()
        changed = Signature.objects.filter(pk=pk, status=Signature.Status.PENDING, nonce=nonce).update(
            status=Signature.Status.CONFIRMED, confirmed_at=now
        )
        if changed:
            Action.objects.filter(pk=signature.action_id).update(signature_count=F("signature_count") + 1)
            _tally(signature.action_id, timezone.localdate(now), +1)
            signature.status, signature.confirmed_at = Signature.Status.CONFIRMED, now
        else:  # a click at the same moment confirmed it first
            signature.refresh_from_db(fields=["status", "confirmed_at"])
        # The counter as the page shows it, read after our change (the action stays cached).
        signature.action.signature_count = Action.objects.values_list("signature_count", flat=True).get(pk=signature.action_id)
        return Confirmation(signature, already=not changed)


def _tally(action_id: int, day: date, change: int) -> None:
    """Add `change` to the action's count of the day, in one statement (an upsert that
    SQLite and PostgreSQL write alike), so concurrent confirmations never lose one."""
    table = Tally._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (action_id, day, count) VALUES (%s, %s, %s) "  # noqa: S608 (our table name)
            f"ON CONFLICT (action_id, day) DO UPDATE SET count = {table}.count + EXCLUDED.count",
            [action_id, day, change],
        )


def rebuild_tallies(action: Action) -> None:
    """Recount an action's days from its confirmed signatures (after a bulk import)."""
    from django.db.models import Count
    from django.db.models.functions import TruncDate

    days = (
        Signature.objects.filter(action=action, status=Signature.Status.CONFIRMED)
        .annotate(day=TruncDate("confirmed_at")).values("day").annotate(n=Count("pk")).order_by()
    )
    with transaction.atomic():
        Tally.objects.filter(action=action).delete()
        Tally.objects.bulk_create([Tally(action=action, day=row["day"], count=row["n"]) for row in days])


def withdraw_signature(token: str) -> Signature:
    """The signer takes their name off: it stops counting and their details are erased."""
    try:
        pk, key = signing.loads(token, salt=WITHDRAW_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise DomainError(_("This link is not valid. Copy the whole address from the email.")) from exc
    with transaction.atomic():
        signature = Signature.objects.select_related("action__campaign").filter(pk=pk).first()
        if signature is None or not signature.email_key.startswith(key):
            raise DomainError(_("This link is not valid. Copy the whole address from the email."))
        erased = {
            "status": Signature.Status.WITHDRAWN, "withdrawn_at": timezone.now(), "name": "", "email": "",
            "letter": "", "governorate": None, "show_name": False, "keep_informed": False,
        }
        if Signature.objects.filter(pk=pk, status=Signature.Status.CONFIRMED).update(**erased):
            Action.objects.filter(pk=signature.action_id).update(signature_count=F("signature_count") - 1)
            _tally(signature.action_id, timezone.localdate(signature.confirmed_at), -1)
        else:
            Signature.objects.filter(pk=pk, status=Signature.Status.PENDING).update(**erased)
        signature.refresh_from_db()
    log.info("signature withdrawn action=%s", signature.action_id)
    return signature


def purge_unconfirmed() -> int:
    """Signatures never confirmed are deleted once their link has expired (a day's grace)."""
    cutoff = timezone.now() - timedelta(hours=settings.SIGNATURE_CONFIRM_HOURS + 24)
    deleted, _counts = Signature.objects.filter(status=Signature.Status.PENDING, created_at__lt=cutoff).delete()
    return deleted


# --- Exports for delivery --------------------------------------------------------------------


def _log_export(by: User, action: Action, format: str) -> None:
    _require(by, "campaigns.export_signatures", action.campaign, _("Only the lead organisation's administrators export signatures."))
    action.signature_count = Action.objects.values_list("signature_count", flat=True).get(pk=action.pk)
    Export.objects.create(action=action, by=by, format=format, rows=action.signature_count)
    log.info("signatures exported action=%s format=%s rows=%s by=%s", action.pk, format, action.signature_count, by.pk)


def confirmed_signatures(action: Action):
    return (
        Signature.objects.filter(action=action, status=Signature.Status.CONFIRMED)
        .select_related("governorate")
        .order_by("confirmed_at", "pk")
    )


def export_csv(*, by: User, action: Action):
    """The confirmed signatures for delivery, row by row (streamed). Addresses only of those
    who agreed to be kept informed; the export itself is recorded."""
    _log_export(by, action, Export.Format.CSV)
    country_names = dict(countries)
    header = [_("Name"), _("Country"), _("Governorate"), _("Confirmed on"), _("Email (only of those who asked for news)")]
    if action.kind == Action.Kind.LETTER:
        header.append(_("Personal letter"))

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        for signature in confirmed_signatures(action).iterator(chunk_size=5000):
            row = [
                signature.name,
                country_names.get(signature.country.code, signature.country.code),
                signature.governorate.name if signature.governorate else "",
                signature.confirmed_at.strftime("%Y-%m-%d %H:%M"),
                signature.email if signature.keep_informed else "",
            ]
            if action.kind == Action.Kind.LETTER:
                row.append(signature.letter)
            writer.writerow(row)
            if buffer.tell() > 64 * 1024:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return rows()


def compile_letters(*, by: User, action: Action) -> bytes:
    """One PDF addressed to the authority: the letter, the names of those who signed it as it
    is, then each personalised letter in full. Delivered by the organisers, never mass email."""
    from . import letters

    _log_export(by, action, Export.Format.PDF)
    return letters.compile_pdf(action, confirmed_signatures(action).iterator(chunk_size=2000))


# --- Solidarity messages ------------------------------------------------------------------


@transaction.atomic
def post_message(
    *, by: User, campaign: Campaign, text: str, language: str, name: str, country: str,
    organisation: Organisation | None = None,
) -> Message:
    """A supporter writes to an Iraqi campaign; its lead publishes the message, or not."""
    _require(by, "campaigns.post_message", campaign, _("Messages of solidarity are sent to active campaigns, once signed in."))
    text = (text or "").strip()
    if len(clean_text(text)) < 10:
        raise DomainError(_("Write a few words of solidarity (at least 10 characters)."), field="text")
    if len(text) > MESSAGE_MAX:
        raise DomainError(_("A message of solidarity is short: at most 600 characters."), field="text")
    if not clean_text(name):
        raise DomainError(_("Sign your message."), field="name")
    if country not in dict(countries):
        raise DomainError(_("Choose your country."), field="country")
    if not language or len(language) > 8:
        raise DomainError(_("Choose the language of your message."), field="language")
    if organisation is not None and not Membership.objects.filter(person=by, organisation=organisation).exists():
        raise PermissionDenied(_("You write on behalf of an organisation only if you belong to it."))
    if not within_rate("message-person", str(by.pk), settings.RATE_LIMITS["message_person"]):
        raise TooManyRequests(_("You sent many messages in a short time. Try again in an hour."))
    message = Message.objects.create(
        campaign=campaign, author=by, organisation=organisation, name=clean_text(name)[:120],
        country=country, language=language, text=text,
    )
    return message


@transaction.atomic
def moderate_message(*, by: User, message: Message, publish: bool) -> Message:
    message = Message.objects.select_for_update().select_related("campaign").get(pk=message.pk)
    _require(by, "campaigns.moderate_messages", message.campaign, _("Only the lead organisation moderates the campaign's messages."))
    message.status = Message.Status.PUBLISHED if publish else Message.Status.REJECTED
    message.moderated_by = by
    message.published_at = timezone.now() if publish else None
    message.save()
    return message


@transaction.atomic
def translate_message(*, by: User, message: Message, language: str, text: str) -> Message:
    """Someone who runs the campaign, or a volunteer translator into that language, adds a translation."""
    from tadamun.newsroom.models import Translator

    message = Message.objects.select_for_update().select_related("campaign").get(pk=message.pk)
    translator = Translator.objects.filter(person=by, target_language=language).exists() if by.is_authenticated else False
    if not (translator or by.has_perm("campaigns.moderate_messages", message.campaign)):
        raise PermissionDenied(_("Only the campaign's organisers and volunteer translators translate messages."))
    if language not in dict(settings.LANGUAGES) or language == message.language:
        raise DomainError(_("Choose a language other than the message's own."), field="language")
    if not clean_text(text) or len(text.strip()) > MESSAGE_MAX * 2:
        raise DomainError(_("Write the translation (at most 1,200 characters)."), field="text")
    message.translations = {**(message.translations or {}), language: text.strip()}
    message.save(update_fields=["translations"])
    return message
