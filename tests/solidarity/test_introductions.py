"""Introductions, double opt-in: one organisation asks (or a coordinator proposes), the other
accepts with its contact person or declines; contacts are shared only once both have accepted.
Everyone concerned is told by email, in their own language. Refusals change nothing."""

from __future__ import annotations

import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from tadamun.core.errors import DomainError, PermissionDenied
from tadamun.network.models import Membership
from tadamun.solidarity import queries, services
from tadamun.solidarity.models import Introduction
from tests import factories
from tests.solidarity.conftest import admin_of, org

REQUESTER_CONTACT = {"contact_name": "Zahraa Kadhim", "contact_email": "zahraa.kadhim@basra-women.example",
                     "contact_phone": "+964 780 111 2233"}
COUNTERPART_CONTACT = {"contact_name": "Giulia Ferri", "contact_email": "giulia.ferri@milano-solidale.example",
                       "contact_phone": "+39 333 444 5566"}


def text(response) -> str:
    return html.unescape(response.content.decode())


def shows(response, contact: dict) -> bool:
    page = text(response)
    return contact["contact_email"] in page or contact["contact_name"] in page or contact["contact_phone"] in page


@pytest.fixture
def pair(db):
    """Basra (asks) and Milan (is asked), each with admins in their languages and an editor."""
    basra = org("Basra Women Forum", governorates=["IQ-BA"], pathways=["women"], languages=("ar", "en"))
    milan = org("Milano Solidale", country="IT", pathways=["women"], languages=("it", "en"))
    people = {
        "basra_admin": admin_of(basra, language="ar"),
        "basra_editor": factories.member(basra, Membership.Role.EDITOR, language="ar"),
        "milan_admin": admin_of(milan, language="it"),
        "milan_admin_ar": admin_of(milan, language="ar"),
        "milan_editor": factories.member(milan, Membership.Role.EDITOR, language="it"),
    }
    return basra, milan, people


def ask_through_the_page(client, commit, requester, counterpart, by, contact=REQUESTER_CONTACT, message="We train women journalists."):
    client.force_login(by)
    with commit():
        return client.post(f"/en/solidarity/organisations/{requester.slug}/introduce/{counterpart.slug}/",
                           {**contact, "message": message})


def answer_through_the_page(client, commit, introduction, by, action="accept", contact=COUNTERPART_CONTACT, answer=""):
    client.force_login(by)
    with commit():
        return client.post(introduction.get_absolute_url(), {"action": action, **(contact if action == "accept" else {}),
                                                             "answer": answer})


# --- Asking, accepting, declining -------------------------------------------------------------


@pytest.mark.django_db
def test_asked_from_the_desk_accepted_by_the_other_side_and_both_see_the_contacts(client, pair, skills, make, commit,
                                                                                  mailoutbox):
    basra, milan, people = pair
    make.offer(milan, skills["media-training"], by=people["milan_admin"])
    make.need(basra, skills["media-training"], by=people["basra_admin"])
    client.force_login(people["basra_admin"])
    desk = text(client.get(f"/en/solidarity/organisations/{basra.slug}/"))
    introduce_url = f"/en/solidarity/organisations/{basra.slug}/introduce/{milan.slug}/"
    assert f'href="{introduce_url}"' in desk
    page = text(client.get(introduce_url))
    assert "You need Media training; they offer it." in page  # why, before asking

    response = ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    assert response.status_code == 302
    introduction = Introduction.objects.get()
    assert response["Location"] == introduction.get_absolute_url()
    assert (introduction.requester, introduction.counterpart, introduction.status) == (basra, milan, "pending")
    assert introduction.requester_accepted_at and not introduction.counterpart_accepted_at
    assert introduction.message == "We train women journalists."
    assert list(introduction.pathways.values_list("slug", flat=True)) == ["women"]

    # The other side's administrators are told, each in their language; editors are not.
    assert sorted(m.to[0] for m in mailoutbox) == sorted([people["milan_admin"].email, people["milan_admin_ar"].email])
    by_person = {m.to[0]: m for m in mailoutbox}
    assert f"/it/solidarity/introductions/{introduction.pk}/" in by_person[people["milan_admin"].email].body
    assert f"/ar/solidarity/introductions/{introduction.pk}/" in by_person[people["milan_admin_ar"].email].body
    assert all("Basra Women Forum" in m.subject for m in mailoutbox)
    with translation.override("ar"):
        arabic = gettext("%(organisation)s asks to be introduced to %(counterpart)s") % {
            "organisation": "Basra Women Forum", "counterpart": "Milano Solidale"}
    assert by_person[people["milan_admin_ar"].email].subject == arabic
    assert re.search("[\u0600-\u06ff]", arabic)
    mailoutbox.clear()

    # Milan sees it waiting on its desk, and accepts with its contact person.
    client.force_login(people["milan_admin"])
    assert introduction.get_absolute_url().replace("/en/", "/en/") in text(client.get(f"/en/solidarity/organisations/{milan.slug}/"))
    response = answer_through_the_page(client, commit, introduction, people["milan_admin"])
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == "accepted" and introduction.accepted_at and introduction.answered_by == people["milan_admin"]
    assert introduction.counterpart_contact == {"name": "Giulia Ferri", "email": "giulia.ferri@milano-solidale.example",
                                                "phone": "+39 333 444 5566"}

    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [people["basra_admin"].email, people["milan_admin"].email, people["milan_admin_ar"].email]
    )
    assert f"/ar/solidarity/introductions/{introduction.pk}/" in {m.to[0]: m for m in mailoutbox}[people["basra_admin"].email].body

    for person in (people["basra_admin"], people["milan_admin"], people["basra_editor"], people["milan_editor"]):
        client.force_login(person)
        page = client.get(introduction.get_absolute_url())
        assert shows(page, REQUESTER_CONTACT) and shows(page, COUNTERPART_CONTACT)
        assert "zahraa.kadhim@basra-women.example" in text(page) and "+39 333 444 5566" in text(page)
    # Both desks list the other as a partner.
    client.force_login(people["basra_admin"])
    assert "Partners" in text(client.get(f"/en/solidarity/organisations/{basra.slug}/"))
    assert [p.pk for p in queries.partners_of(basra)] == [milan.pk] and [p.pk for p in queries.partners_of(milan)] == [basra.pk]


@pytest.mark.django_db
def test_declined_the_requester_is_told_and_no_contact_is_ever_shared(client, pair, commit, mailoutbox):
    basra, milan, people = pair
    ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    introduction = Introduction.objects.get()
    mailoutbox.clear()

    response = answer_through_the_page(client, commit, introduction, people["milan_admin"], action="decline",
                                       answer="Not our field, sorry.")
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == "declined" and introduction.counterpart_contact == {}
    assert introduction.answer == "Not our field, sorry."
    assert [m.to[0] for m in mailoutbox] == [people["basra_admin"].email]
    assert "Milano Solidale" in mailoutbox[0].subject
    assert f"/ar/solidarity/introductions/{introduction.pk}/" in mailoutbox[0].body

    for person in (people["milan_admin"], people["basra_admin"]):
        client.force_login(person)
        page = client.get(introduction.get_absolute_url())
        assert not shows(page, REQUESTER_CONTACT) and not shows(page, COUNTERPART_CONTACT)
    client.force_login(people["milan_admin"])
    assert queries.contacts_for(people["milan_admin"], introduction) is None
    # Nor later: a decline is final.
    with pytest.raises(DomainError, match="already been answered"):
        services.answer_introduction(by=people["milan_admin_ar"], introduction=introduction, accept=True,
                                     contact=services.Contact(name="Late", email="late@example.org"))
    introduction.refresh_from_db()
    assert introduction.status == "declined" and introduction.counterpart_contact == {}


# --- Refusals change nothing ------------------------------------------------------------------


@pytest.mark.django_db
def test_an_organisation_cannot_ask_to_be_introduced_to_itself(client, pair, commit, mailoutbox):
    basra, _milan, people = pair
    response = ask_through_the_page(client, commit, basra, basra, people["basra_admin"])
    assert response.status_code == 400
    assert "An organisation cannot be introduced to itself." in text(response)
    assert not Introduction.objects.exists() and not mailoutbox


@pytest.mark.django_db
def test_asking_twice_or_both_ways_is_refused(client, pair, commit, mailoutbox):
    basra, milan, people = pair
    ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    mailoutbox.clear()

    again = ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    assert again.status_code == 400
    assert "An introduction between these organisations is already waiting for an answer." in text(again)
    back = ask_through_the_page(client, commit, milan, basra, people["milan_admin"])
    assert back.status_code == 400
    assert "already waiting for an answer" in text(back)
    assert Introduction.objects.count() == 1 and not mailoutbox

    # Once accepted, they are partners: asking again says so.
    answer_through_the_page(client, commit, Introduction.objects.get(), people["milan_admin"])
    mailoutbox.clear()
    again = ask_through_the_page(client, commit, milan, basra, people["milan_admin"])
    assert again.status_code == 400
    assert "These organisations are already partners" in text(again)
    assert Introduction.objects.count() == 1 and not mailoutbox


@pytest.mark.django_db
def test_asking_again_after_a_decline_is_refused_but_the_other_side_may_ask(client, pair, commit, make, mailoutbox):
    basra, milan, people = pair
    make.decline(make.ask(basra, milan, by=people["basra_admin"]), milan, by=people["milan_admin"])
    mailoutbox.clear()

    response = ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    assert response.status_code == 400
    assert "This organisation declined an introduction you asked for; it may still ask you itself." in text(response)
    assert Introduction.objects.count() == 1 and not mailoutbox

    response = ask_through_the_page(client, commit, milan, basra, people["milan_admin"], contact=COUNTERPART_CONTACT)
    assert response.status_code == 302
    assert Introduction.objects.filter(status="pending", requester=milan).count() == 1


@pytest.mark.django_db
def test_declining_a_coordinators_proposal_does_not_stop_the_decliner_asking_later(pair, make, coordinator):
    basra, milan, people = pair
    with make.commit():
        proposal = services.propose_introduction(by=coordinator, first=basra, second=milan, message="Meet")
    make.decline(proposal, basra, by=people["basra_admin"])  # Basra said no: not now

    later = make.ask(basra, milan, by=people["basra_admin"])  # and changed its mind
    assert later.status == "pending"


@pytest.mark.django_db
def test_a_request_to_an_organisation_not_approved_is_refused(client, pair, commit, mailoutbox):
    basra, _milan, people = pair
    pending = org("Pending Group", country="IT", status="pending")
    admin_of(pending)
    response = ask_through_the_page(client, commit, basra, pending, people["basra_admin"])
    assert response.status_code == 404
    with pytest.raises(DomainError, match="Only member organisations of the network are introduced."):
        services.request_introduction(by=people["basra_admin"], requester=basra, counterpart=pending,
                                      contact=services.Contact(name="Zahraa", email="z@example.org"))
    assert not Introduction.objects.exists() and not mailoutbox


@pytest.mark.django_db
def test_a_bad_contact_is_refused_and_changes_nothing(client, pair, commit, mailoutbox):
    basra, milan, people = pair
    response = ask_through_the_page(client, commit, basra, milan, people["basra_admin"],
                                    contact={"contact_name": "Zahraa", "contact_email": "not-an-address"})
    assert response.status_code == 400
    assert not Introduction.objects.exists() and not mailoutbox


@pytest.mark.django_db
def test_too_many_requests_in_a_day_are_refused(client, pair, commit, settings, mailoutbox):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "introduce": "2/d"}
    basra, _milan, people = pair
    others = [org(country=c) for c in ("DE", "FR", "ES")]
    statuses = [ask_through_the_page(client, commit, basra, o, people["basra_admin"]).status_code for o in others]
    assert statuses == [302, 302, 429]
    assert Introduction.objects.count() == 2


# --- Who may ask and answer -------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_can_neither_ask_nor_answer(client, pair, commit, mailoutbox):
    basra, milan, people = pair
    client.force_login(people["basra_editor"])
    page = text(client.get(f"/en/solidarity/organisations/{basra.slug}/introduce/{milan.slug}/"))
    assert "Only the organisation's administrators ask for introductions on its behalf." in page
    response = ask_through_the_page(client, commit, basra, milan, people["basra_editor"])
    assert response.status_code == 400
    assert "Only the organisation's administrators ask for introductions on its behalf." in text(response)
    assert not Introduction.objects.exists() and not mailoutbox

    ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    introduction = Introduction.objects.get()
    client.force_login(people["milan_editor"])
    page = client.get(introduction.get_absolute_url())
    assert page.status_code == 200 and "Accept the introduction" not in text(page)
    response = answer_through_the_page(client, commit, introduction, people["milan_editor"])
    assert response.status_code == 400
    introduction.refresh_from_db()
    assert introduction.status == "pending" and introduction.counterpart_contact == {}
    response = answer_through_the_page(client, commit, introduction, people["milan_editor"], action="decline")
    introduction.refresh_from_db()
    assert introduction.status == "pending"


@pytest.mark.django_db
def test_the_requester_cannot_answer_its_own_request(pair, make):
    basra, milan, people = pair
    introduction = make.ask(basra, milan, by=people["basra_admin"])
    with pytest.raises(PermissionDenied):
        services.answer_introduction(by=people["basra_admin"], introduction=introduction, accept=True,
                                     contact=services.Contact(name="Me", email="me@example.org"))
    introduction.refresh_from_db()
    assert introduction.status == "pending" and introduction.counterpart_accepted_at is None


@pytest.mark.django_db
def test_answering_twice_is_refused(client, pair, commit, mailoutbox):
    basra, milan, people = pair
    ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    introduction = Introduction.objects.get()
    answer_through_the_page(client, commit, introduction, people["milan_admin"])
    mailoutbox.clear()

    response = answer_through_the_page(client, commit, introduction, people["milan_admin_ar"], action="decline")
    assert response.status_code == 400
    response = answer_through_the_page(client, commit, introduction, people["milan_admin"],
                                       contact={"contact_name": "Someone Else", "contact_email": "else@example.org"})
    assert response.status_code == 400
    introduction.refresh_from_db()
    assert introduction.status == "accepted" and introduction.counterpart_contact["name"] == "Giulia Ferri"
    assert introduction.answered_by == people["milan_admin"]
    assert not mailoutbox
    with pytest.raises(DomainError, match="This introduction has already been answered."):
        services.answer_introduction(by=people["milan_admin_ar"], introduction=introduction, accept=False)


@pytest.mark.django_db
def test_a_second_administrator_answering_late_is_told_why(client, pair, commit):
    basra, milan, people = pair
    ask_through_the_page(client, commit, basra, milan, people["basra_admin"])
    introduction = Introduction.objects.get()
    answer_through_the_page(client, commit, introduction, people["milan_admin"])

    response = answer_through_the_page(client, commit, introduction, people["milan_admin_ar"], action="decline")
    assert response.status_code == 400
    assert "This introduction has already been answered." in text(response)


# --- Withdrawing ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_requester_withdraws_while_it_waits(client, pair, commit, make):
    basra, milan, people = pair
    introduction = make.ask(basra, milan, by=people["basra_admin"])

    client.force_login(people["milan_admin"])  # not theirs to withdraw
    client.post(f"/en/solidarity/introductions/{introduction.pk}/withdraw/")
    introduction.refresh_from_db()
    assert introduction.status == "pending"

    client.force_login(people["basra_admin"])
    assert "Withdraw the request" in text(client.get(introduction.get_absolute_url()))
    response = client.post(f"/en/solidarity/introductions/{introduction.pk}/withdraw/")
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == "withdrawn"

    # Nothing left to answer, and the pair may be asked again.
    with pytest.raises(DomainError, match="already been answered"):
        services.answer_introduction(by=people["milan_admin"], introduction=introduction, accept=True,
                                     contact=services.Contact(name="Giulia", email="g@example.org"))
    assert make.ask(basra, milan, by=people["basra_admin"]).status == "pending"
    assert Introduction.objects.count() == 2


# --- Proposed by a coordinator ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_coordinators_proposal_needs_both_sides_to_accept(client, pair, commit, coordinator, mailoutbox):
    basra, milan, people = pair
    with commit():
        introduction = services.propose_introduction(by=coordinator, first=basra, second=milan,
                                                     message="Both of you train women journalists.")
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [people["basra_admin"].email, people["milan_admin"].email, people["milan_admin_ar"].email]
    )
    mailoutbox.clear()

    answer_through_the_page(client, commit, introduction, people["milan_admin"])
    introduction.refresh_from_db()
    assert introduction.status == "pending" and introduction.counterpart_accepted_at
    assert not mailoutbox
    for person in (people["milan_admin"], people["basra_admin"], coordinator):
        client.force_login(person)
        assert not shows(client.get(introduction.get_absolute_url()), COUNTERPART_CONTACT)
        assert queries.contacts_for(person, introduction) is None
    client.force_login(people["basra_admin"])
    assert "Accept the introduction" in text(client.get(introduction.get_absolute_url()))

    answer_through_the_page(client, commit, introduction, people["basra_admin"], contact=REQUESTER_CONTACT)
    introduction.refresh_from_db()
    assert introduction.status == "accepted"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [people["basra_admin"].email, people["milan_admin"].email, people["milan_admin_ar"].email]
    )
    for person in (people["milan_admin"], people["basra_admin"]):
        client.force_login(person)
        page = client.get(introduction.get_absolute_url())
        assert shows(page, REQUESTER_CONTACT) and shows(page, COUNTERPART_CONTACT)
    client.force_login(coordinator)
    page = client.get(introduction.get_absolute_url())
    assert page.status_code == 200
    assert not shows(page, REQUESTER_CONTACT) and not shows(page, COUNTERPART_CONTACT)


@pytest.mark.django_db
def test_a_coordinators_proposal_declined_by_one_side_is_declined(client, pair, commit, coordinator, make, mailoutbox):
    basra, milan, people = pair
    with commit():
        introduction = services.propose_introduction(by=coordinator, first=basra, second=milan, message="Meet")
    make.accept(introduction, basra, by=people["basra_admin"], name="Zahraa Kadhim", email="zahraa.kadhim@basra-women.example")
    mailoutbox.clear()
    make.decline(introduction, milan, by=people["milan_admin"])
    introduction.refresh_from_db()
    assert introduction.status == "declined"
    assert [m.to[0] for m in mailoutbox] == [people["basra_admin"].email]
    client.force_login(people["milan_admin"])
    assert not shows(client.get(introduction.get_absolute_url()), REQUESTER_CONTACT)


# --- At the same moment (PostgreSQL) ----------------------------------------------------------


def all_at_once(count: int, work) -> list:
    """Run work(i) in `count` threads released together, each with its own connection."""
    start = threading.Barrier(count, timeout=30)

    def run(i):
        try:
            start.wait()
            return work(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(run, i) for i in range(count)]
        return [future.result(timeout=60) for future in futures]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so it cannot show a race (run with DATABASE_URL=postgres://...)",
)
def test_two_organisations_asking_each_other_at_the_same_moment_make_one_live_introduction(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "introduce": "1000/d"}
    factories.ensure_reference_data()
    for _round in range(3):
        basra, milan = org(governorates=["IQ-BA"]), org(country="IT")
        admins = {basra.pk: admin_of(basra), milan.pk: admin_of(milan)}

        def ask(i, basra=basra, milan=milan, admins=admins):
            requester, counterpart = (basra, milan) if i % 2 == 0 else (milan, basra)
            try:
                services.request_introduction(
                    by=admins[requester.pk], requester=requester, counterpart=counterpart,
                    contact=services.Contact(name=f"Contact {i}", email=f"contact{i}@example.org"),
                )
            except DomainError as error:
                return error.message
            return "asked"

        results = all_at_once(8, ask)

        assert results.count("asked") == 1, results
        assert set(results) - {"asked"} == {"An introduction between these organisations is already waiting for an answer."}
        pair = f"{min(basra.pk, milan.pk)}-{max(basra.pk, milan.pk)}"
        assert Introduction.objects.filter(pair=pair).count() == 1
        assert Introduction.objects.filter(pair=pair, status__in=Introduction.LIVE).count() == 1
