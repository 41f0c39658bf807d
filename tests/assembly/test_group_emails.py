"""Emails of groups without overload: each member's choice per group, the daily digest, and
the reminder before closing that goes only to voices not yet heard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Group, GroupMember
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def water(db):
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Working group on water", code="WATER"))
    facilitator = factories.UserFactory()
    services.add_member(by=boss, group=group, person=facilitator, role="facilitator")
    people = {}
    for notify, language in (("immediate", "ar"), ("digest", "en"), ("none", "it")):
        person = factories.UserFactory(language=language)
        services.add_member(by=boss, group=group, person=person)
        services.set_notifications(person=person, group=group, notify=notify)
        people[notify] = person
    return {"boss": boss, "group": group, "facilitator": facilitator, **people}


def _put(water, *, hours=72):
    return services.put_proposal(by=water["facilitator"], group=water["group"], draft=services.ProposalDraft(
        title="Campaign on the Shatt al-Arab", text="The group proposes a joint campaign on salinity in the Shatt al-Arab.",
        language="en", closes_at=timezone.now() + timedelta(hours=hours),
    ))


def test_a_new_proposal_is_emailed_only_to_those_who_want_every_new_thing(water, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _put(water)
    assert [m.to for m in mail.outbox] == [[water["immediate"].email]]
    assert "/ar/groups/" in mail.outbox[0].body  # in the member's language


def test_the_daily_digest_lists_the_days_proposals_and_decisions(water):
    proposal = _put(water)
    sent = services.send_group_digests(now=timezone.now() + timedelta(minutes=1))
    assert sent == 2  # the digest is the default: the facilitator gets it too
    assert sorted(m.to[0] for m in mail.outbox) == sorted([water["digest"].email, water["facilitator"].email])
    assert all(proposal.title in m.body for m in mail.outbox)
    mail.outbox.clear()
    assert services.send_group_digests(now=timezone.now() + timedelta(days=2)) == 0  # nothing new: no empty digest


def test_the_reminder_goes_once_and_only_to_voices_not_yet_heard(water):
    proposal = _put(water, hours=20)
    services.state_position(by=water["immediate"], proposal=proposal, value="agree")
    assert services.remind_before_closing() == 2  # the digest reader and the facilitator; not the one who said "none"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([water["digest"].email, water["facilitator"].email])
    assert services.remind_before_closing() == 0  # once per proposal


def test_in_a_group_of_organisations_the_reminder_goes_to_delegates_whose_organisation_is_silent(db):
    boss = factories.coordinator()
    ga = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="GA", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS))
    facilitator = factories.UserFactory()
    services.add_member(by=boss, group=ga, person=facilitator, role="facilitator")
    delegates = []
    for _ in range(2):
        organisation = factories.OrganisationFactory()
        delegate = factories.member(organisation, Membership.Role.ADMIN)
        services.designate_delegate(by=delegate, seat=services.seat_organisation(by=boss, group=ga, organisation=organisation), person=delegate)
        delegates.append(delegate)
    assert GroupMember.objects.filter(group=ga, person__in=delegates).count() == 2  # delegates follow the group
    proposal = services.put_proposal(by=facilitator, group=ga, draft=services.ProposalDraft(
        title="Annual conference in Basra", text="The next annual conference is held in Basra in the spring.",
        language="en", closes_at=timezone.now() + timedelta(hours=10)))
    services.state_position(by=delegates[0], proposal=proposal, value="agree")
    assert services.remind_before_closing() == 1 and mail.outbox[0].to == [delegates[1].email]
