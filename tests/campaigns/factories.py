"""Test data builders for campaigns: campaigns as the services would have saved them, their
actions, signers, and the double opt-in done the way a person does it (the link in the email)."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from tadamun.campaigns import services
from tadamun.campaigns.models import Action, Authority, Campaign, Signature
from tadamun.core import markdown
from tadamun.core.text import normalise
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.pathways.models import Pathway
from tests.factories import OrganisationFactory, ensure_reference_data, member

CONFIRM_LINK = re.compile(r"/campaigns/confirm/([^/\s]+)/")
WITHDRAW_LINK = re.compile(r"/campaigns/withdraw/([^/\s]+)/")
STOP_NEWS_LINK = re.compile(r"/campaigns/stop-news/([^/\s]+)/")

_numbers = itertools.count(1)


def campaign(
    lead: Organisation | None = None,
    status: str = Campaign.Status.ACTIVE,
    *,
    title: str | None = None,
    pathways=("heritage-environment",),
    governorates=("IQ-BA",),
    authority: str = "Ministry of Water Resources",
    proposed_by=None,
    **kwargs,
) -> Campaign:
    """A campaign led by an approved Iraqi organisation, with one authority to address."""
    ensure_reference_data()
    n = next(_numbers)
    lead = lead or OrganisationFactory()
    title = title or f"Clean water for Basra {n}"
    values = {
        "story": "The river is salty again.\n\nFamilies buy their drinking water.",
        "summary": "A summer without drinking water.",
        "demands": "Repair the pumping station\nTest the water every month",
        "original_language": "en",
        "published_at": timezone.now() if status in Campaign.PUBLIC else None,
    }
    values.update(kwargs)
    created = Campaign.objects.create(
        lead=lead, status=status, title=title, slug=f"campaign-{n}", proposed_by=proposed_by,
        story_html=markdown.render(values["story"]),
        search_text=normalise(" ".join([title, values["summary"], values["story"], values["demands"]])),
        **values,
    )
    created.pathways.set(Pathway.objects.filter(slug__in=pathways))
    created.governorates.set(Governorate.objects.filter(iso_code__in=governorates))
    if authority:
        Authority.objects.create(campaign=created, kind=Authority.Kind.MINISTRY, name=authority)
    return created


def runner(campaign: Campaign, role: str = Membership.Role.EDITOR, **kwargs):
    """A person of the lead organisation (an editor unless told)."""
    return member(campaign.lead, role, **kwargs)


def _action(campaign: Campaign, kind: str, **kwargs) -> Action:
    values = {
        "authority": campaign.authorities.first(),
        "language": "en",
        "title": f"Repair the pumping station {next(_numbers)}",
        "text": "We ask the Ministry to repair the pumping station of Basra before the summer.",
        "goal": 1000,
        "closes_at": timezone.now() + timedelta(days=30),
    }
    values.update(kwargs)
    return Action.objects.create(campaign=campaign, kind=kind, **values)


def petition(campaign: Campaign, **kwargs) -> Action:
    return _action(campaign, Action.Kind.PETITION, **kwargs)


def letter_action(campaign: Campaign, **kwargs) -> Action:
    return _action(campaign, Action.Kind.LETTER, **kwargs)


def signer(**kwargs) -> services.Signer:
    n = next(_numbers)
    values = {"name": f"Layla Hassan {n}", "email": f"signer{n}@example.org", "country": "IQ"}
    values.update(kwargs)
    return services.Signer(**values)


def run_on_commit():
    """Run what waits for the transaction to commit (emails), inside a test's transaction.

    In a transactional test the callbacks already ran at commit: nothing is left to capture.
    """
    return TestCase.captureOnCommitCallbacks(execute=True)


def sign(action: Action, person: services.Signer | None = None, *, language: str = "en", client: str = "") -> services.Signer:
    """Sign as a supporter does (the emails are sent). Returns the signer."""
    person = person or signer()
    with run_on_commit():
        services.sign(action=action, signer=person, language=language, client=client)
    return person


def emails_to(address: str) -> list:
    return [m for m in mail.outbox if address.lower() in [to.lower() for to in m.to]]


def _link(pattern: re.Pattern, address: str) -> str:
    for message in reversed(emails_to(address)):
        found = pattern.search(message.body)
        if found:
            return found.group(1)
    raise AssertionError(f"no such link in the emails to {address}")


def confirm_token(address: str) -> str:
    """The token of the confirmation link in the latest email to this address."""
    return _link(CONFIRM_LINK, address)


def withdraw_token(address: str) -> str:
    return _link(WITHDRAW_LINK, address)


def stop_news_token(address: str) -> str:
    return _link(STOP_NEWS_LINK, address)


def confirm(address: str) -> services.Confirmation:
    """Follow the confirmation link of the latest email to this address."""
    return services.confirm_signature(confirm_token(address))


def signed_and_confirmed(action: Action, person: services.Signer | None = None, **kwargs) -> Signature:
    """A signature that counts: signed, then confirmed through the emailed link."""
    person = sign(action, person, **kwargs)
    result = confirm(person.email)
    assert result.signature.status == Signature.Status.CONFIRMED
    return result.signature
