"""Deciding together in the real browser, in Arabic: in the General Assembly a delegate blocks
a proposal with a reason, the facilitator answers the block and closes the proposal with its
outcome statement, and the decision is in the register at its permanent address. Then a
person registers for the annual conference and sees the agenda."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Decision, Group, Position, Registration
from tadamun.network.models import Membership
from tests import factories
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_journeys import OUTSIDE_THE_SCREEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


def test_a_block_is_answered_and_the_decision_enters_the_register(page, live_server):
    boss = factories.coordinator()
    ga = services.create_group(by=boss, draft=services.GroupDraft(
        name="الجمعية العامة", code="GA", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS))
    facilitator = factories.UserFactory(display_name="ميسّرة الجلسة")
    services.add_member(by=boss, group=ga, person=facilitator, role="facilitator")
    delegates = []
    for index in range(3):
        organisation = factories.OrganisationFactory(name=f"منظمة البصرة {index}")
        delegate = factories.member(organisation, Membership.Role.ADMIN, display_name=f"مندوب {index}")
        services.designate_delegate(by=delegate, seat=services.seat_organisation(by=boss, group=ga, organisation=organisation), person=delegate)
        delegates.append(delegate)
    proposal = services.put_proposal(by=facilitator, group=ga, draft=services.ProposalDraft(
        title="اعتماد سياسة المانحين", text="لا تقبل الشبكة أي تمويل يمس استقلاليتها أو يفرض عليها أولويات.",
        language="ar", closes_at=timezone.now() + timedelta(days=2)))
    for delegate in delegates[1:]:
        services.state_position(by=delegate, proposal=proposal, value="agree")

    log_in(page, live_server, delegates[0])
    page.goto(f"{live_server.url}/ar/groups/{ga.slug}/proposals/{proposal.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("label.pos-block input").check()
    page.locator(".position-form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1  # a block needs a reason; nothing recorded
    assert not Position.objects.filter(proposal=proposal, value="block").exists()
    page.locator("label.pos-block input").check()
    page.locator("textarea[name=reason]").first.fill("المقترح لا يذكر الدعم العيني.")
    page.locator(".position-form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert Position.objects.get(proposal=proposal, value="block").reason == "المقترح لا يذكر الدعم العيني."
    page.set_viewport_size({"width": 360, "height": 900})
    assert not page.evaluate(OUTSIDE_THE_SCREEN)
    screenshot(page, "proposal-block-ar")

    log_in(page, live_server, facilitator)
    page.goto(f"{live_server.url}/ar/groups/{ga.slug}/proposals/{proposal.pk}/")
    assert page.locator(".position.block").count() == 1
    page.locator("textarea[name=answer]").fill("الدعم العيني مشمول بالمادة الثالثة.")
    page.locator("form:has(input[value=answer]) button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("details:has(textarea[name=outcome]) summary").click()
    page.locator("textarea[name=outcome]").fill("لم يُعتمد المقترح بسبب الاعتراض، ويعود إلى مجموعة العمل.")
    page.locator("form:has(input[value=close]) button[type=submit]").click()
    page.wait_for_load_state()
    decision = Decision.objects.get()
    assert decision.passed is False and decision.result["counts"]["block"] == "1"
    page.goto(f"{live_server.url}/decisions/{decision.reference}/")  # the permanent address, without a language
    assert "GA-" in page.locator("body").inner_text()
    screenshot(page, "decision-ar")


def test_registering_for_the_conference_in_arabic(page, live_server):
    boss = factories.coordinator()
    start = timezone.now() + timedelta(days=30)
    conference = services.plan_gathering(by=boss, draft=services.GatheringDraft(
        title="المؤتمر السنوي للشبكة", kind="conference", language="ar", starts_at=start, ends_at=start + timedelta(days=2),
        place="السليمانية", in_person_places=2, needs_approval=False, interpretation=["ar", "ckb", "en"]))
    services.add_session(by=boss, gathering=conference, title="المياه وشط العرب", starts_at=start + timedelta(hours=2),
                         ends_at=start + timedelta(hours=4), language="ar", room="القاعة أ", speakers="سارة ك.")
    organisation = factories.OrganisationFactory(name="اتحاد عمال البصرة")
    person = factories.member(organisation, Membership.Role.ADMIN, display_name="ليلى حسن")
    log_in(page, live_server, person)
    page.goto(f"{live_server.url}/ar/gatherings/{conference.slug}/")
    assert "المياه وشط العرب" in page.locator("#agenda ~ *").first.inner_text() or page.get_by_text("المياه وشط العرب").count()
    page.locator("select[name=organisation]").select_option(str(organisation.pk))
    page.locator("input[name=attendance][value=in_person]").check()
    page.locator("input[name=listed]").check()
    page.locator("aside form button[type=submit]").click()
    page.wait_for_load_state()
    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.organisation == organisation
    assert "ليلى حسن" in page.locator("#participants ~ ul").inner_text()
    page.set_viewport_size({"width": 360, "height": 900})
    assert not page.evaluate(OUTSIDE_THE_SCREEN)
    screenshot(page, "gathering-ar")
