"""Pages of groups, proposals and the register: what each person sees and does."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tadamun.assembly import services
from tadamun.assembly.models import Decision, Group, Position, Proposal
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def assembly(db):
    boss = factories.coordinator()
    ga = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="GA", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS,
    ))
    facilitator = factories.UserFactory(display_name="Facilitator Fatima")
    services.add_member(by=boss, group=ga, person=facilitator, role="facilitator")
    seats, delegates = [], []
    for index in range(3):
        organisation = factories.OrganisationFactory()
        delegate = factories.member(organisation, Membership.Role.ADMIN, display_name=f"Delegate {index}")
        seat = services.seat_organisation(by=boss, group=ga, organisation=organisation)
        services.designate_delegate(by=delegate, seat=seat, person=delegate)
        seats.append(seat)
        delegates.append(delegate)
    proposal = services.put_proposal(by=facilitator, group=ga, draft=services.ProposalDraft(
        title="Adopt the donor policy", text="The network accepts no funds that compromise its independence.",
        language="en", closes_at=timezone.now() + timedelta(days=3),
    ))
    return {"boss": boss, "ga": ga, "facilitator": facilitator, "seats": seats, "delegates": delegates, "proposal": proposal}


def test_a_delegate_states_the_organisations_position_and_keeps_what_was_typed(client, assembly):
    proposal, delegate = assembly["proposal"], assembly["delegates"][0]
    client.force_login(delegate)
    url = proposal.get_absolute_url()
    refused = client.post(url, {"action": "position", "value": "block", "reason": ""})
    assert refused.status_code == 400 and "needs a reason" in refused.content.decode()
    assert not Position.objects.exists()
    client.post(url, {"action": "position", "value": "disagree", "reason": "Too vague about in-kind support."})
    page = client.post(url, {"action": "position", "value": "agree", "reason": ""}, follow=True).content.decode()
    assert "Your receipt" in page
    assert Position.objects.get().value == "agree"
    assert "1 of 3 voices have taken part" in page


def test_blocks_are_answered_before_the_decision_enters_the_register(client, assembly):
    proposal = assembly["proposal"]
    for delegate, value in zip(assembly["delegates"], ["agree", "agree", "block"], strict=True):
        services.state_position(by=delegate, proposal=proposal, value=value, reason="We cannot accept this as it is." if value == "block" else "")
    client.force_login(assembly["facilitator"])
    url = proposal.get_absolute_url()
    refused = client.post(url, {"action": "close", "outcome": "The policy is adopted by consensus.", "public": "on"})
    assert refused.status_code == 400 and "Answer every block" in refused.content.decode()
    assert "The policy is adopted by consensus." in refused.content.decode()  # what was typed stays
    block = Position.objects.get(value="block")
    client.post(url, {"action": "answer", "position": block.pk, "answer": "In-kind support is covered by article 3."})
    done = client.post(url, {"action": "close", "outcome": "The policy is not adopted; it returns to the working group.", "public": "on"})
    assert done.status_code == 302
    decision = Decision.objects.get()
    assert decision.reference == f"ga-{timezone.localdate().year}-1" and decision.passed is False
    page = client.get(f"/ar/decisions/{decision.reference}/").content.decode()
    assert "GA-" in page and f"/decisions/{decision.reference}/" in page and 'dir="rtl"' in page
    # The permanent address without a language opens in the reader's language.
    assert client.get(f"/decisions/{decision.reference}/").status_code == 302


def test_names_of_people_are_for_the_group_organisations_are_public(client, assembly):
    proposal = assembly["proposal"]
    services.state_position(by=assembly["delegates"][0], proposal=proposal, value="agree")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert assembly["seats"][0].organisation.name in page  # the organisation's voice is public
    group_page = client.get(assembly["ga"].get_absolute_url()).content.decode()
    assert "Facilitator Fatima" not in group_page
    client.force_login(assembly["delegates"][1])
    assert "Facilitator Fatima" in client.get(assembly["ga"].get_absolute_url()).content.decode()


def test_an_anonymous_proposal_shows_counts_and_reasons_never_who(client, assembly):
    ga, facilitator = assembly["ga"], assembly["facilitator"]
    secret = services.put_proposal(by=facilitator, group=ga, draft=services.ProposalDraft(
        title="Move the conference", text="Hold the next annual conference in Basra instead of Sulaymaniyah.",
        language="en", closes_at=timezone.now() + timedelta(days=3), anonymous=True,
    ))
    services.state_position(by=assembly["delegates"][0], proposal=secret, value="disagree", reason="Travel to Basra is hard for the north.")
    client.force_login(assembly["delegates"][1])
    page = client.get(secret.get_absolute_url()).content.decode()
    assert "Travel to Basra is hard for the north." in page
    reasons = page.split("Reasons given")[1].split('id="proxies"')[0]
    assert "Travel to Basra" in reasons and assembly["seats"][0].organisation.name not in reasons


def test_hidden_results_show_only_how_many_took_part(client, assembly):
    hidden = services.put_proposal(by=assembly["facilitator"], group=assembly["ga"], draft=services.ProposalDraft(
        title="Elect the committee", text="The coordination committee is elected for two years.",
        language="en", closes_at=timezone.now() + timedelta(days=3), hide_results=True,
    ))
    services.state_position(by=assembly["delegates"][0], proposal=hidden, value="disagree", reason="Two years is too long.")
    page = client.get(hidden.get_absolute_url()).content.decode()
    assert "1 of 3 voices have taken part" in page and "Two years is too long." not in page
    assert "hidden until the proposal closes" in page


def test_a_proxy_is_given_used_and_shown(client, assembly):
    proposal, (first, second, _third) = assembly["proposal"], assembly["delegates"]
    client.force_login(first)
    client.post(f"{proposal.get_absolute_url()}proxy/", {"holder": assembly["seats"][1].pk})
    client.force_login(second)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "gave its proxy to" in page and "holding its proxy" in page
    client.post(proposal.get_absolute_url(), {"action": "position", "value": "agree", "reason": "", "seat": assembly["seats"][0].pk})
    client.post(proposal.get_absolute_url(), {"action": "position", "value": "agree", "reason": ""})
    assert services.tally(proposal).taken_part == 2 and services.tally(proposal).by_proxy == 1


def test_facilitators_revise_and_the_changes_are_shown(client, assembly):
    proposal = assembly["proposal"]
    client.force_login(assembly["facilitator"])
    client.post(proposal.get_absolute_url(), {
        "action": "revise", "text": "The network accepts no funds or in-kind support that compromise its independence.",
        "note": "Amendment from the Basra delegates",
    })
    page = client.get(f"{proposal.get_absolute_url()}versions/").content.decode()
    assert "<ins>or in-kind support </ins>" in page or re.search(r"<ins>[^<]*in-kind", page)


def test_the_register_is_searchable_and_members_only_decisions_stay_private(client, assembly):
    boss, facilitator = assembly["boss"], assembly["facilitator"]
    committee = services.create_group(by=boss, draft=services.GroupDraft(name="Coordination committee", code="CC", kind="coordination", public=False))
    services.add_member(by=boss, group=committee, person=facilitator, role="facilitator")
    services.record_decision(by=facilitator, group=assembly["ga"], draft=services.DecisionDraft(
        title="Approval of the mission statement", outcome="The General Assembly approved the mission statement.",
        language="en", decided_on=date(2022, 3, 15), place="Sulaymaniyah",
    ))
    services.record_decision(by=facilitator, group=committee, draft=services.DecisionDraft(
        title="Security of the Basra office", outcome="The office moves; its address is shared with members only.",
        language="en", decided_on=date(2026, 1, 10), public=False,
    ))
    page = client.get("/en/decisions/?q=mission").content.decode()
    assert "Approval of the mission statement" in page and "GA-2022-1" in page
    assert "Security of the Basra office" not in client.get("/en/decisions/").content.decode()
    assert client.get("/en/decisions/cc-2026-1/").status_code == 404
    client.force_login(facilitator)
    assert "Security of the Basra office" in client.get("/en/decisions/").content.decode()


def test_pages_use_a_fixed_number_of_queries(client, assembly):
    proposal = assembly["proposal"]
    services.record_decision(by=assembly["facilitator"], group=assembly["ga"], draft=services.DecisionDraft(
        title="A first decision", outcome="Something decided by the assembly.", language="en", decided_on=date(2025, 4, 1)))
    client.force_login(assembly["delegates"][0])

    def measure():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(proposal.get_absolute_url()).status_code == 200
            assert client.get(assembly["ga"].get_absolute_url()).status_code == 200
            assert client.get("/en/decisions/").status_code == 200
        return len(captured.captured_queries)
    before = measure()
    for _ in range(5):
        organisation = factories.OrganisationFactory()
        delegate = factories.member(organisation, Membership.Role.ADMIN)
        seat = services.seat_organisation(by=assembly["boss"], group=assembly["ga"], organisation=organisation)
        services.designate_delegate(by=delegate, seat=seat, person=delegate)
        services.state_position(by=delegate, proposal=proposal, value="agree")
        services.record_decision(by=assembly["facilitator"], group=assembly["ga"], draft=services.DecisionDraft(
            title="A decision", outcome="Something decided by the assembly.", language="en", decided_on=date(2025, 5, 1)))
    assert measure() == before
    assert Proposal.objects.count() == 1


def test_the_api_gives_groups_proposals_and_the_register_and_takes_a_position(client, assembly):
    from tadamun.accounts.services import create_api_token

    proposal, first = assembly["proposal"], assembly["delegates"][0]
    groups = client.get("/api/groups").json()
    assert [g["code"] for g in groups] == ["GA"] and groups[0]["organisations"] == 3
    _token, token = create_api_token(by=first, name="phone")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    refused = client.post(f"/api/proposals/{proposal.pk}/positions", {"value": "block"}, content_type="application/json", **headers)
    assert refused.status_code == 400 and "reason" in refused.json()["detail"]
    done = client.post(f"/api/proposals/{proposal.pk}/positions", {"value": "agree"}, content_type="application/json", **headers)
    assert done.status_code == 200 and done.json()["receipt"]
    listed = client.get("/api/proposals?positions=true").json()
    assert listed[0]["counts"]["agree"] == "1" and listed[0]["positions"][0]["organisation"] == assembly["seats"][0].organisation.name
    assert listed[0]["positions"][0]["person"] is None  # people's names are for the group
    outsider = client.post(f"/api/proposals/{proposal.pk}/positions", {"value": "agree"}, content_type="application/json")
    assert outsider.status_code == 401
    services.record_decision(by=assembly["facilitator"], group=assembly["ga"], draft=services.DecisionDraft(
        title="Approval of the mission statement", outcome="The General Assembly approved the mission statement.",
        language="en", decided_on=date(2022, 3, 15), place="Sulaymaniyah"))
    register = client.get("/api/decisions?q=mission").json()
    assert register[0]["reference"] == "ga-2022-1" and register[0]["url"].endswith("/decisions/ga-2022-1/")


def test_members_suggest_amendments_and_facilitators_take_them_into_a_new_version(client, assembly):
    from tadamun.assembly.models import Amendment

    proposal, delegate = assembly["proposal"], assembly["delegates"][0]
    client.force_login(delegate)
    url = proposal.get_absolute_url()
    short = client.post(url, {"action": "amend", "text": "Too short", "note": ""})
    assert short.status_code == 400 and not Amendment.objects.exists()
    client.post(url, {"action": "amend", "text": "The network accepts no funds or in-kind support that compromise its independence.",
                      "note": "In-kind support matters too"})
    amendment = Amendment.objects.get()
    page = client.get(url).content.decode()
    assert "<ins>or in-kind support </ins>" in page or "<ins>or in-kind support</ins>" in page
    client.force_login(assembly["facilitator"])
    client.post(url, {"action": "amendment", "amendment": amendment.pk, "accept": "yes"})
    proposal.refresh_from_db()
    amendment.refresh_from_db()
    assert proposal.version == 2 and "in-kind support" in proposal.text and amendment.status == "accepted"
    assert proposal.versions.get(number=2).note.startswith("Amendment by Delegate 0")
    client.post(url, {"action": "amend", "text": "Something else entirely, at least twenty characters."})
    other = Amendment.objects.latest("pk")
    client.force_login(delegate)
    client.post(url, {"action": "amendment", "amendment": other.pk, "accept": "yes"})  # not a facilitator
    other.refresh_from_db()
    assert other.status == "open"
    client.force_login(assembly["facilitator"])
    refused = client.post(url, {"action": "amendment", "amendment": other.pk, "accept": "no", "answer": ""})
    assert refused.status_code == 400
    client.post(url, {"action": "amendment", "amendment": other.pk, "accept": "no", "answer": "Out of scope."})
    other.refresh_from_db()
    assert other.status == "declined" and other.answer == "Out of scope."


def test_pathway_pages_and_feeds_show_groups_proposals_decisions_and_gatherings(client, assembly):
    from tadamun.pathways.models import Pathway

    factories.ensure_reference_data()
    water = Pathway.objects.get(slug="heritage-environment")
    boss, facilitator = assembly["boss"], assembly["facilitator"]
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Working group on water", code="WATER", pathway=water))
    services.add_member(by=boss, group=group, person=facilitator, role="facilitator")
    services.put_proposal(by=facilitator, group=group, draft=services.ProposalDraft(
        title="Campaign on salinity", text="A joint campaign on salinity in the Shatt al-Arab.", language="en",
        closes_at=timezone.now() + timedelta(days=3)))
    services.record_decision(by=facilitator, group=group, draft=services.DecisionDraft(
        title="Open data of water tests", outcome="The group publishes its water tests as open data.",
        language="en", decided_on=date(2026, 5, 1)))
    start = timezone.now() + timedelta(days=20)
    services.plan_gathering(by=facilitator, group=group, draft=services.GatheringDraft(
        title="Water forum in Basra", kind="social_forum", language="en", starts_at=start, ends_at=start + timedelta(days=1),
        place="Basra"))
    page = client.get(water.get_absolute_url()).content.decode()
    for text in ("Working group on water", "Campaign on salinity", "Open data of water tests", "Water forum in Basra"):
        assert text in page
    feed = client.get(f"/en/decisions/pathway/{water.slug}.rss").content.decode()
    assert "Campaign on salinity" in feed and "WATER-2026-1" in feed and "Water forum in Basra" in feed
    assert "Adopt the donor policy" not in feed  # the General Assembly has no pathway
    assert "Water forum in Basra" in client.get(group.get_absolute_url()).content.decode()


def test_a_working_group_opens_a_consultation_its_facilitators_moderate(client, assembly):
    from tadamun.assembly.models import Consultation

    boss, facilitator = assembly["boss"], assembly["facilitator"]
    youth = services.create_group(by=boss, draft=services.GroupDraft(name="Working group on youth", code="YOUTH"))
    services.add_member(by=boss, group=youth, person=facilitator, role="facilitator")
    member = factories.UserFactory()
    services.add_member(by=boss, group=youth, person=member)
    client.force_login(member)
    assert client.get(f"/en/consultations/open/?group={youth.slug}").status_code == 404
    client.force_login(facilitator)
    assert client.get("/en/consultations/open/").status_code == 404  # not a coordinator: only for the group
    response = client.post("/en/consultations/open/", {
        "group": youth.slug, "question": "What should the youth camp be about?", "original_language": "en",
        "audience": "public", "opens_on": timezone.localdate().isoformat(),
        "closes_on": (timezone.localdate() + timedelta(days=10)).isoformat(), "seeds": "Climate and water.\nJobs.",
    })
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.group == youth and facilitator.has_perm("assembly.moderate", consultation)
    assert not member.has_perm("assembly.moderate", consultation)
    assert "What should the youth camp be about?" in client.get(youth.get_absolute_url()).content.decode()


def test_the_api_lists_proposals_in_a_fixed_number_of_queries(client, assembly):
    boss, facilitator = assembly["boss"], assembly["facilitator"]

    def more(n):
        for index in range(n):
            group = services.create_group(by=boss, draft=services.GroupDraft(name=f"Working group {index}-{n}", code=f"W{index}N{n}"))
            services.add_member(by=boss, group=group, person=facilitator, role="facilitator")
            proposal = services.put_proposal(by=facilitator, group=group, draft=services.ProposalDraft(
                title="Meet monthly", text="The group meets online every month on the first Monday.", language="en",
                closes_at=timezone.now() + timedelta(days=3), kind="poll" if index % 2 else "consensus",
                options=["Yes", "No"] if index % 2 else []))
            if index % 2:
                services.state_position(by=facilitator, proposal=proposal, choices=[1])
            else:
                services.state_position(by=facilitator, proposal=proposal, value="agree", reason="Good rhythm.")

    def measure():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/proposals?positions=true").status_code == 200
        return len(captured.captured_queries)

    more(2)
    before = measure()
    more(6)
    assert measure() == before


def test_one_proposal_from_the_api_and_its_positions_only_when_asked(client, assembly):
    proposal = assembly["proposal"]
    services.state_position(by=assembly["delegates"][0], proposal=proposal, value="disagree", reason="Too vague.")
    listed = client.get("/api/proposals").json()
    assert listed[0]["positions"] == [] and listed[0]["counts"]["disagree"] == "1"
    one = client.get(f"/api/proposals/{proposal.pk}").json()
    assert one["positions"][0]["reason"] == "Too vague." and one["positions"][0]["organisation"]
    assert client.get("/api/proposals/999999").status_code == 404


def test_a_long_list_of_reasons_is_cut_and_given_whole_on_request(client, db):
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Working group on women", code="WOMEN"))
    facilitator = factories.UserFactory()
    services.add_member(by=boss, group=group, person=facilitator, role="facilitator")
    proposal = services.put_proposal(by=facilitator, group=group, draft=services.ProposalDraft(
        title="Half of the speakers", text="Half of the speakers of every session of the conference are women.",
        language="en", closes_at=timezone.now() + timedelta(days=3)))
    for index in range(34):
        person = factories.UserFactory(display_name=f"Member {index}")
        services.add_member(by=boss, group=group, person=person)
        services.state_position(by=person, proposal=proposal, value="agree", reason=f"Reason number {index}." if index < 32 else "")
    client.force_login(facilitator)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert page.count("Reason number") == 30 and "Read 2 more reasons" in page
    assert "Member 32, Member 33" in page  # those without a reason, as one line of names
    everything = client.get(f"{proposal.get_absolute_url()}?positions=all").content.decode()
    assert everything.count("Reason number") == 32


def test_coordinators_name_a_group_in_other_languages_and_readers_see_their_own(client, assembly):
    ga = assembly["ga"]
    client.force_login(assembly["facilitator"])
    assert client.post(f"/en/groups/{ga.slug}/members/", {"action": "name", "language": "ar", "name": "x"}).status_code == 404
    client.force_login(assembly["boss"])
    refused = client.post(f"/en/groups/{ga.slug}/members/", {"action": "name", "language": "xx", "name": "الجمعية العامة"})
    assert refused.status_code == 400
    client.post(f"/en/groups/{ga.slug}/members/", {"action": "name", "language": "ar", "name": "الجمعية العامة"})
    assert '<h1 dir="auto">الجمعية العامة</h1>' in client.get(f"/ar/groups/{ga.slug}/").content.decode()
    assert "الجمعية العامة" in client.get("/ar/groups/").content.decode()
