"""The contact persons given in an introduction reach nobody before both organisations have
accepted, and afterwards only the people of those two organisations, on the introduction's
page (and its API route). Checked on every page and API route that shows the organisations,
their needs, offers, suggestions and introductions, for everyone, and in every email sent."""

from __future__ import annotations

import html
import uuid

import pytest

from tadamun.accounts.services import create_api_token
from tadamun.network.models import Membership
from tadamun.solidarity import services
from tests import factories
from tests.solidarity.conftest import admin_of, org

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "outsider", "basra_member", "basra_editor", "basra_admin", "milan_admin", "milan_editor",
           "lyon_admin", "coordinator"]
BOTH_SIDES = {"basra_member", "basra_editor", "basra_admin", "milan_admin", "milan_editor"}


def canaries(side: str) -> dict[str, str]:
    """A contact person no page could show by chance."""
    mark = uuid.uuid4().hex[:10]
    return {"name": f"Contact{side.title()} {mark}", "email": f"{side}-{mark}@contacts.example",
            "phone": f"+964 {int(mark[:6], 16) % 10_000_000:07d}"}


@pytest.fixture
def world(make, skills, coordinator):
    basra = org("Basra Women Forum", governorates=["IQ-BA"], pathways=["women"], languages=("ar", "en"))
    milan = org("Milano Solidale", country="IT", pathways=["women"], languages=("it", "en"))
    lyon = org("Lyon Entraide", country="FR", pathways=["women"], languages=("fr", "en"))
    people = {
        "anonymous": None,
        "outsider": factories.UserFactory(),
        "basra_member": factories.member(basra, Membership.Role.MEMBER),
        "basra_editor": factories.member(basra, Membership.Role.EDITOR),
        "basra_admin": admin_of(basra, language="ar"),
        "milan_admin": admin_of(milan, language="it"),
        "milan_editor": factories.member(milan, Membership.Role.EDITOR),
        "lyon_admin": admin_of(lyon),
        "coordinator": coordinator,
    }
    make._admins.update({basra.pk: people["basra_admin"], milan.pk: people["milan_admin"], lyon.pk: people["lyon_admin"]})
    needs = [make.need(basra, skills["media-training"]), make.need(milan, skills["legal-aid"])]
    offers = [make.offer(milan, skills["media-training"]), make.offer(basra, skills["legal-aid"]),
              make.offer(lyon, skills["media-training"])]
    tokens = {name: create_api_token(by=person, name="privacy test")[1] for name, person in people.items() if person}
    return {"basra": basra, "milan": milan, "lyon": lyon, "people": people, "needs": needs, "offers": offers,
            "tokens": tokens}


def pages(world, introduction) -> list[str]:
    basra, milan = world["basra"], world["milan"]
    urls = ["/en/solidarity/", "/ar/solidarity/", "/en/solidarity/needs/", "/en/solidarity/offers/",
            "/en/solidarity/network/", "/en/organisations/", "/en/solidarity/security/"]
    urls += [c.get_absolute_url() for c in world["needs"] + world["offers"]]
    for organisation, other in ((basra, milan), (milan, basra)):
        urls += [f"/en/solidarity/organisations/{organisation.slug}/",
                 f"/en/solidarity/organisations/{organisation.slug}/introduce/{other.slug}/",
                 f"/en/organisations/{organisation.slug}/", f"/ar/organisations/{organisation.slug}/"]
    urls += [introduction.get_absolute_url(), introduction.get_absolute_url().replace("/en/", "/ar/", 1)]
    return urls


def api_routes(world, introduction) -> list[str]:
    basra, milan = world["basra"], world["milan"]
    return ["/api/opportunities", "/api/needs", "/api/offers", "/api/organisations",
            f"/api/organisations/{basra.pk}", f"/api/organisations/{milan.pk}",
            f"/api/organisations/{basra.pk}/suggestions", f"/api/organisations/{milan.pk}/suggestions",
            f"/api/introductions/{introduction.pk}"]


def where_seen(client, world, introduction, contacts: list[dict]) -> set[tuple[str, str]]:
    """(viewer, address) of every page or API answer that shows any of the contacts."""
    marks = [value for contact in contacts for value in contact.values()]
    seen, answered = set(), 0
    for viewer in VIEWERS:
        person = world["people"][viewer]
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in pages(world, introduction):
            response = client.get(url)
            assert response.status_code in (200, 302, 404), (viewer, url, response.status_code)
            answered += response.status_code == 200
            if any(mark in html.unescape(response.content.decode()) for mark in marks):
                seen.add((viewer, url))
        client.logout()  # the API knows people by their token only
        headers = {"HTTP_AUTHORIZATION": f"Bearer {world['tokens'][viewer]}"} if person else {}
        for url in api_routes(world, introduction):
            response = client.get(url, **headers)
            assert response.status_code in (200, 401, 403, 404), (viewer, url, response.status_code)
            if any(mark in response.content.decode() for mark in marks):
                seen.add((viewer, url))
    assert answered > 100  # the pages were really read
    return seen


def after_acceptance(introduction) -> set[tuple[str, str]]:
    page = introduction.get_absolute_url()
    return {(viewer, url) for viewer in BOTH_SIDES
            for url in (page, page.replace("/en/", "/ar/", 1), f"/api/introductions/{introduction.pk}")}


def in_emails(mailoutbox, contacts: list[dict]) -> list[str]:
    marks = [value for contact in contacts for value in contact.values()]
    return [m.subject for m in mailoutbox if any(mark in m.subject or mark in m.body for mark in marks)]


def ask(make, world, contact):
    with make.commit():
        return services.request_introduction(
            by=world["people"]["basra_admin"], requester=world["basra"], counterpart=world["milan"],
            contact=services.Contact(**contact), message="We would like to meet you.",
        )


def accept(make, world, introduction, organisation, contact):
    with make.commit():
        return services.answer_introduction(by=make.admin(organisation), introduction=introduction, accept=True,
                                            contact=services.Contact(**contact))


def test_the_contacts_are_shared_only_when_both_accept_and_only_with_the_two_organisations(client, world, make, mailoutbox):
    asking, answering = canaries("requester"), canaries("counterpart")
    introduction = ask(make, world, asking)
    assert mailoutbox  # Milan's administrator was told
    assert where_seen(client, world, introduction, [asking]) == set()

    introduction = accept(make, world, introduction, world["milan"], answering)
    assert introduction.status == "accepted"
    assert where_seen(client, world, introduction, [asking]) == after_acceptance(introduction)
    assert where_seen(client, world, introduction, [answering]) == after_acceptance(introduction)
    assert len(mailoutbox) >= 3 and in_emails(mailoutbox, [asking, answering]) == []

    # The API gives them whole, to the two organisations' people only.
    response = client.get(f"/api/introductions/{introduction.pk}",
                          HTTP_AUTHORIZATION=f"Bearer {world['tokens']['milan_editor']}")
    assert response.json()["contacts"]["requester"] == asking
    response = client.get(f"/api/introductions/{introduction.pk}",
                          HTTP_AUTHORIZATION=f"Bearer {world['tokens']['coordinator']}")
    assert response.status_code == 200 and response.json()["contacts"] is None


def test_a_declined_request_never_shows_the_requesters_contact(client, world, make, mailoutbox):
    asking = canaries("requester")
    introduction = ask(make, world, asking)
    with make.commit():
        introduction = services.answer_introduction(by=world["people"]["milan_admin"], introduction=introduction,
                                                    accept=False, answer="Not now.")
    assert introduction.status == "declined"
    assert where_seen(client, world, introduction, [asking]) == set()
    assert len(mailoutbox) == 2 and in_emails(mailoutbox, [asking]) == []


def test_a_withdrawn_request_never_shows_the_requesters_contact(client, world, make, mailoutbox):
    asking = canaries("requester")
    introduction = ask(make, world, asking)
    introduction = services.withdraw_introduction(by=world["people"]["basra_admin"], introduction=introduction)
    assert where_seen(client, world, introduction, [asking]) == set()
    assert in_emails(mailoutbox, [asking]) == []


def test_a_coordinators_proposal_shares_nothing_until_the_second_acceptance(client, world, make, mailoutbox):
    first, second = canaries("first"), canaries("second")
    with make.commit():
        introduction = services.propose_introduction(by=world["people"]["coordinator"], first=world["milan"],
                                                     second=world["basra"], message="You both train journalists.")
    introduction = accept(make, world, introduction, world["basra"], second)
    assert introduction.status == "pending"
    assert where_seen(client, world, introduction, [second]) == set()

    introduction = accept(make, world, introduction, world["milan"], first)
    assert introduction.status == "accepted"
    assert where_seen(client, world, introduction, [first, second]) == after_acceptance(introduction)
    assert in_emails(mailoutbox, [first, second]) == []
