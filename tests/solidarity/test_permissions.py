"""Who may see and do what in solidarity, role by role, object by object.

Basra is "the organisation"; its people are a plain member, an editor and an administrator.
Lyon is "the other organisation", whose administrator has nothing to do with Basra's things.
Basra has asked Milan for an introduction (waiting), and is a partner of Mosul (accepted).
Those who may not see an object get 404, as if it did not exist; anonymous visitors are sent
to sign in first."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tadamun.network.models import Membership
from tadamun.solidarity import queries
from tadamun.solidarity.models import Introduction, Need, Offer, SecurityNote, Skill, Suggestion
from tests import factories
from tests.solidarity.conftest import LANGUAGES, admin_of, org

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "member", "editor", "admin", "other_admin", "coordinator"]
LOGIN = "sign in"  # a redirection to the sign-in page


@pytest.fixture
def world(make, skills):
    basra = org("Basra Women Forum", governorates=["IQ-BA"])
    milan = org("Milano Solidale", country="IT")
    lyon = org("Lyon Entraide", country="FR")
    mosul = org("Mosul Youth House", governorates=["IQ-NI"])
    people = {
        "anonymous": None,
        "outsider": factories.UserFactory(),
        "member": factories.member(basra, Membership.Role.MEMBER),
        "editor": factories.member(basra, Membership.Role.EDITOR),
        "admin": admin_of(basra),
        "other_admin": admin_of(lyon),
        "coordinator": factories.coordinator(),
    }
    make._admins[basra.pk] = people["admin"]
    make._admins[lyon.pk] = people["other_admin"]
    need = make.need(basra, skills["media-training"])
    offer = make.offer(basra, skills["legal-aid"])
    waiting = make.ask(basra, milan)
    accepted = make.partners(mosul, basra)
    suggestion = Suggestion.objects.create(organisation=basra, counterpart=lyon, score=2.5, reasons={})
    return {"basra": basra, "milan": milan, "lyon": lyon, "mosul": mosul, "people": people, "need": need, "offer": offer,
            "waiting": waiting, "accepted": accepted, "suggestion": suggestion}


def as_role(client, world, role):
    person = world["people"][role]
    if person is not None:
        client.force_login(person)
    return person


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def matrix(**allowed) -> list:
    """(role, expected) for every role: `allowed` maps roles to their status, others get 404
    (anonymous visitors are asked to sign in unless said otherwise)."""
    expected = {"anonymous": LOGIN, **{role: 404 for role in ROLES[1:]}, **allowed}
    return [(role, expected[role]) for role in ROLES]


@pytest.mark.parametrize("role,expected", matrix(editor=200, admin=200, coordinator=200))
def test_the_desk(client, world, role, expected):
    as_role(client, world, role)
    assert outcome(client.get(f"/en/solidarity/organisations/{world['basra'].slug}/")) == expected


@pytest.mark.parametrize("role,expected", matrix(editor=200, admin=200, coordinator=200))
def test_the_introduce_page(client, world, role, expected):
    as_role(client, world, role)
    response = client.get(f"/en/solidarity/organisations/{world['basra'].slug}/introduce/{world['lyon'].slug}/")
    assert outcome(response) == expected
    if expected == 200:  # only administrators are offered the form
        assert ('name="contact_email"' in response.content.decode()) == (role == "admin")


@pytest.mark.parametrize("role,expected", matrix(editor=400, admin=302, coordinator=400))
def test_asking_for_an_introduction(client, world, role, expected, commit):
    as_role(client, world, role)
    with commit():
        response = client.post(
            f"/en/solidarity/organisations/{world['basra'].slug}/introduce/{world['lyon'].slug}/",
            {"contact_name": "Zahraa", "contact_email": "zahraa@example.org"},
        )
    assert outcome(response) == expected
    asked = Introduction.objects.filter(requester=world["basra"], counterpart=world["lyon"]).exists()
    assert asked == (role == "admin")


@pytest.mark.parametrize("role,expected", matrix(member=200, editor=200, admin=200, coordinator=200))
def test_the_introduction_page(client, world, role, expected):
    as_role(client, world, role)
    assert outcome(client.get(world["waiting"].get_absolute_url())) == expected
    assert outcome(client.get(world["accepted"].get_absolute_url())) == expected


@pytest.mark.parametrize("role,expected", [
    ("anonymous", False), ("outsider", False), ("member", True), ("editor", True), ("admin", True),
    ("other_admin", False), ("coordinator", False),
])
def test_the_contacts_of_an_accepted_introduction(client, world, role, expected):
    person = as_role(client, world, role)
    accepted, waiting = world["accepted"], world["waiting"]
    user = person or AnonymousUser()
    assert user.has_perm("solidarity.see_contacts", accepted) == expected
    assert (queries.contacts_for(user, accepted) is not None) == expected
    assert not user.has_perm("solidarity.see_contacts", waiting)  # nobody, before both accept
    response = client.get(accepted.get_absolute_url())
    assert ("counterpart@example.org" in response.content.decode()) == expected
    assert ("requester@example.org" in response.content.decode()) == expected


@pytest.mark.parametrize("role,expected", matrix(member=200, editor=200, admin=200, coordinator=200))
def test_answering_belongs_to_the_administrators_of_the_side_waiting(client, world, role, expected):
    """Milan's side waits: nobody around Basra may answer for it."""
    person = as_role(client, world, role)
    response = client.post(world["waiting"].get_absolute_url(),
                           {"action": "accept", "contact_name": "X", "contact_email": "x@example.org"})
    assert outcome(response) == (400 if expected == 200 else expected)
    world["waiting"].refresh_from_db()
    assert world["waiting"].status == "pending" and world["waiting"].counterpart_accepted_at is None
    if person is not None:
        assert not person.has_perm("solidarity.answer_introduction", world["waiting"])


@pytest.mark.parametrize("role,expected", matrix(editor=302, admin=302, coordinator=302))
def test_dismissing_a_suggestion(client, world, role, expected):
    as_role(client, world, role)
    response = client.post(f"/en/solidarity/suggestions/{world['suggestion'].pk}/dismiss/")
    assert outcome(response) == expected
    world["suggestion"].refresh_from_db()
    assert (world["suggestion"].dismissed_at is not None) == (expected == 302)


@pytest.mark.parametrize("role,expected", matrix(coordinator=200))
def test_the_network_suggestions_page(client, world, role, expected):
    as_role(client, world, role)
    assert outcome(client.get("/en/solidarity/network/")) == expected


@pytest.mark.parametrize("role,expected", matrix(coordinator=302))
def test_proposing_an_introduction(client, world, role, expected):
    as_role(client, world, role)
    response = client.post("/en/solidarity/network/", {
        "first": world["milan"].slug, "second": world["lyon"].slug, "message": "Meet",
    })
    assert outcome(response) == expected
    assert Introduction.objects.filter(proposed_by_coordinator=True).exists() == (expected == 302)


@pytest.mark.parametrize("role,expected", matrix(coordinator=200))
def test_the_skills_page(client, world, role, expected):
    as_role(client, world, role)
    assert outcome(client.get("/en/solidarity/skills/")) == expected
    before = Skill.objects.count()
    response = client.post("/en/solidarity/skills/", {"position": 1, **{f"name_{c}": f"Beekeeping {c}" for c in LANGUAGES}})
    assert outcome(response) == (302 if expected == 200 else expected)
    assert Skill.objects.count() == before + (expected == 200)
    response = client.post("/en/solidarity/skills/", {"skill": "legal-aid", "action": "retire"})
    assert Skill.objects.get(slug="legal-aid").is_active == (expected != 200)


@pytest.mark.parametrize("role,expected", matrix(anonymous=404, coordinator=302))
def test_setting_a_security_note(client, world, role, expected):
    as_role(client, world, role)
    response = client.post("/en/solidarity/security/", {"governorate": "IQ-NI", "level": "suspended", "note": "Closed"})
    assert outcome(response) == expected
    assert SecurityNote.objects.filter(governorate__iso_code="IQ-NI").exists() == (expected == 302)
    # Reading the notes is for everyone.
    assert client.get("/en/solidarity/security/").status_code == 200


@pytest.mark.parametrize("role,expected", matrix(editor=200, admin=200, coordinator=200))
@pytest.mark.parametrize("side,model", [("needs", Need), ("offers", Offer)])
def test_editing_a_need_or_an_offer(client, world, role, expected, side, model, commit):
    as_role(client, world, role)
    contribution = world["need"] if model is Need else world["offer"]
    assert outcome(client.get(f"/en/solidarity/{side}/{contribution.pk}/edit/")) == expected
    with commit():
        response = client.post(f"/en/solidarity/{side}/{contribution.pk}/edit/", {"current": "0"})
    assert outcome(response) == (302 if expected == 200 else expected)
    assert model.objects.get(pk=contribution.pk).is_active == (expected != 200)
    # Everyone reads it, and only those who may change it are offered to.
    page = client.get(contribution.get_absolute_url())
    assert page.status_code == 200
    assert (f"/{side}/{contribution.pk}/edit/" in page.content.decode()) == (expected == 200)


@pytest.mark.parametrize("role,expected", matrix(anonymous=302, outsider=403, member=403, other_admin=200, editor=200,
                                                 admin=200, coordinator=403))
def test_stating_a_need(client, world, role, expected):
    """Anyone who runs a member organisation states for it; not for another organisation."""
    as_role(client, world, role)
    response = client.get("/en/solidarity/needs/new/")
    assert (LOGIN if expected == 302 else expected) == outcome(response)
    if expected == 200:  # for their own organisation only
        own, other = ("Lyon Entraide", "Basra Women Forum") if role == "other_admin" else ("Basra Women Forum", "Lyon Entraide")
        page = response.content.decode()
        assert own in page and other not in page
