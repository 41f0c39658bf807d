"""Needs and offers through their pages: stating one (skills of the vocabulary required),
editing it, marking it met or current again, and the public lists with their filters."""

from __future__ import annotations

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tadamun.network.models import Membership
from tadamun.solidarity.models import Need, Offer, Skill, Suggestion
from tests import factories
from tests.solidarity.conftest import org, queries_for

pytestmark = pytest.mark.django_db

NO_SKILL = "Choose at least one skill or resource from the vocabulary."


def text(response) -> str:
    return html.unescape(response.content.decode())


def titles(response) -> list[str]:
    return re.findall(r'<h3 lang="\w+" dir="auto"><a href="[^"]+">([^<]+)</a></h3>', text(response))


@pytest.fixture
def basra(db):
    return org("Basra Women Forum", governorates=["IQ-BA"], pathways=["women"])


@pytest.fixture
def editor(client, basra):
    person = factories.member(basra, Membership.Role.EDITOR, language="ar")
    client.force_login(person)
    return person


def form(skills=(), **fields) -> dict:
    return {
        "title": "Training for our journalists", "original_language": "en", "skills": [s.slug for s in skills],
        "description": "", "pathways": [], "governorates": [], **fields,
    }


# --- Stating ----------------------------------------------------------------------------------


@pytest.mark.parametrize("side,model", [("needs", Need), ("offers", Offer)])
def test_an_editor_states_a_need_or_an_offer_through_the_page(client, editor, basra, skills, commit, side, model):
    with commit():
        response = client.post(f"/en/solidarity/{side}/new/", form(
            [skills["media-training"], skills["legal-aid"]], title="نحتاج إلى تدريب الصحفيات", original_language="ar",
            description="في البصرة", pathways=["women"], governorates=["IQ-BA"], organisation=basra.slug,
        ))
    assert response.status_code == 302
    created = model.objects.get()
    assert response["Location"] == created.get_absolute_url()
    assert created.organisation == basra and created.created_by == editor and created.is_active
    assert created.title == "نحتاج إلى تدريب الصحفيات" and created.original_language == "ar"
    assert set(created.skills.values_list("slug", flat=True)) == {"media-training", "legal-aid"}
    assert list(created.pathways.values_list("slug", flat=True)) == ["women"]
    assert list(created.governorates.values_list("iso_code", flat=True)) == ["IQ-BA"]

    page = text(client.get(response["Location"]))
    assert "نحتاج إلى تدريب الصحفيات" in page and "Media training" in page and "Basra Women Forum" in page
    assert "نحتاج إلى تدريب الصحفيات" in titles(client.get(f"/en/solidarity/{side}/"))


def test_without_skills_nothing_is_created_and_the_typed_title_is_kept(client, editor, basra, skills):
    response = client.post("/ar/solidarity/needs/new/", form(title="نحتاج إلى محامين متطوعين", organisation=basra.slug))

    assert response.status_code == 400
    assert not Need.objects.exists()
    page = text(response)
    assert 'value="نحتاج إلى محامين متطوعين"' in page
    assert '<html lang="ar" dir="rtl"' in page
    with translation.override("ar"):
        arabic = gettext(NO_SKILL)
    assert arabic in page  # worded in the page's language
    assert NO_SKILL not in page and re.search("[\u0600-\u06ff]", arabic)


def test_a_retired_skill_is_refused(client, editor, basra, skills, make):
    Skill.objects.filter(slug="fundraising").update(is_active=False)
    response = client.post("/en/solidarity/offers/new/", form([skills["fundraising"]], organisation=basra.slug))
    assert response.status_code == 400
    assert response.context["form"].errors["skills"]
    assert not Offer.objects.exists()

    # The service refuses it too (an API call, or a form opened before it was retired).
    from tadamun.core.errors import DomainError

    with pytest.raises(DomainError, match="no longer in the vocabulary"):
        make.offer(basra, skills["legal-aid"], Skill.objects.get(slug="fundraising"), by=editor)
    assert not Offer.objects.exists()


def test_a_plain_member_cannot_state_anything(client, basra, skills):
    client.force_login(factories.member(basra, Membership.Role.MEMBER))
    response = client.get("/en/solidarity/needs/new/")
    assert response.status_code == 403
    assert "Editors and administrators of a member organisation state its needs and offers." in text(response)
    response = client.post("/en/solidarity/needs/new/", form([skills["legal-aid"]], organisation=basra.slug))
    assert response.status_code == 403
    assert not Need.objects.exists()


def test_an_editor_of_two_organisations_states_for_the_one_chosen(client, skills):
    first, second = org("Najaf Lawyers"), org("Karbala Lawyers")
    person = factories.member(first, Membership.Role.EDITOR)
    Membership.objects.create(organisation=second, person=person, role=Membership.Role.ADMIN)
    client.force_login(person)
    page = text(client.get(f"/en/solidarity/needs/new/?organisation={second.slug}"))
    assert f'<option value="{second.slug}" selected>' in page
    response = client.post("/en/solidarity/needs/new/", form([skills["legal-aid"]], organisation=second.slug))
    assert response.status_code == 302
    assert Need.objects.get().organisation == second
    # An organisation they do not run is not theirs to choose: the first of theirs is used instead.
    outsider_org = org("Someone Else")
    client.post("/en/solidarity/needs/new/", form([skills["legal-aid"]], title="Second", organisation=outsider_org.slug))
    assert not Need.objects.filter(organisation=outsider_org).exists()


# --- Editing, met and current -----------------------------------------------------------------


def test_an_editor_edits_a_need_and_the_suggestions_follow(client, editor, basra, skills, make, commit):
    need = make.need(basra, skills["media-training"], title="Media training")
    rome = org("Roma Legale", country="IT")
    make.offer(rome, skills["legal-aid"])
    assert not Suggestion.objects.filter(organisation=basra).exists()

    page = text(client.get(f"/en/solidarity/needs/{need.pk}/edit/"))
    assert 'value="Media training"' in page
    with commit():
        response = client.post(f"/en/solidarity/needs/{need.pk}/edit/", form(
            [skills["legal-aid"]], title="Lawyers for detained protesters", description="Since October.",
        ))
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Lawyers for detained protesters" and need.description == "Since October."
    assert list(need.skills.values_list("slug", flat=True)) == ["legal-aid"]
    assert list(Suggestion.objects.filter(organisation=basra).values_list("counterpart_id", flat=True)) == [rome.pk]


def test_an_edit_without_skills_is_refused_and_changes_nothing(client, editor, basra, skills, make):
    need = make.need(basra, skills["media-training"], title="Media training")
    response = client.post(f"/en/solidarity/needs/{need.pk}/edit/", form(title="Changed"))
    assert response.status_code == 400
    assert NO_SKILL in text(response)
    need.refresh_from_db()
    assert need.title == "Media training" and list(need.skills.all()) == [skills["media-training"]]


@pytest.mark.parametrize("side,model,met", [("needs", Need, "Met"), ("offers", Offer, "Withdrawn")])
def test_marking_met_and_current_again(client, editor, basra, skills, make, commit, side, model, met):
    contribution = make.state(basra, model, [skills["legal-aid"]], title="Lawyers for detained protesters")
    milan = org("Milano Solidale", country="IT")
    make.state(milan, Offer if model is Need else Need, [skills["legal-aid"]])
    assert Suggestion.objects.filter(organisation=basra, counterpart=milan).exists()

    with commit():
        response = client.post(f"/en/solidarity/{side}/{contribution.pk}/edit/", {"current": "0"})
    assert response.status_code == 302
    assert not model.objects.get().is_active
    assert "Lawyers for detained protesters" not in titles(client.get(f"/en/solidarity/{side}/"))
    assert f'<span class="badge">{met}</span>' in text(client.get(contribution.get_absolute_url()))
    assert not Suggestion.objects.filter(organisation=basra, counterpart=milan).exists()  # nothing left to match

    with commit():
        client.post(f"/en/solidarity/{side}/{contribution.pk}/edit/", {"current": "1"})
    assert model.objects.get().is_active
    assert "Lawyers for detained protesters" in titles(client.get(f"/en/solidarity/{side}/"))
    assert Suggestion.objects.filter(organisation=basra, counterpart=milan).exists()


# --- The lists --------------------------------------------------------------------------------


@pytest.fixture
def listed(make, skills):
    basra = org("Basra Women Forum", governorates=["IQ-BA"])
    erbil = org("Erbil Youth House", governorates=["IQ-AR"])
    milan = org("Milano Solidale", country="IT")
    make.need(basra, skills["media-training"], title="تدريب الصحفيات على أمن المعلومات", pathways=["women"],
              governorates=["IQ-BA"], language="ar")
    make.need(erbil, skills["legal-aid"], title="Lawyers for young detainees", pathways=["youth"], governorates=["IQ-AR"])
    make.need(milan, skills["fundraising"], title="Raccolta fondi per la scuola", pathways=["youth"], language="it")
    met = make.need(milan, skills["legal-aid"], title="An old need, met")
    met.is_active = False
    met.save()


def test_the_list_shows_current_needs_of_member_organisations(client, listed):
    response = client.get("/en/solidarity/needs/")
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted([
        "تدريب الصحفيات على أمن المعلومات", "Lawyers for young detainees", "Raccolta fondi per la scuola",
    ])
    assert "3 needs" in text(response)
    assert titles(client.get("/en/solidarity/offers/")) == []


@pytest.mark.parametrize("query,expected", [
    ("skill=legal-aid", ["Lawyers for young detainees"]),
    ("skill=fundraising", ["Raccolta fondi per la scuola"]),
    ("pathway=youth", ["Lawyers for young detainees", "Raccolta fondi per la scuola"]),
    ("pathway=youth&skill=legal-aid", ["Lawyers for young detainees"]),
    ("governorate=IQ-BA", ["تدريب الصحفيات على أمن المعلومات"]),
    ("origin=iraqi", ["Lawyers for young detainees", "تدريب الصحفيات على أمن المعلومات"]),
    ("origin=international", ["Raccolta fondi per la scuola"]),
    ("q=امن", ["تدريب الصحفيات على أمن المعلومات"]),  # typed without the hamza
    ("q=الصحفيات+المعلومات", ["تدريب الصحفيات على أمن المعلومات"]),
    ("q=lawyers", ["Lawyers for young detainees"]),
    ("q=nothing-like-this", []),
])
def test_the_list_filters(client, listed, query, expected):
    response = client.get(f"/en/solidarity/needs/?{query}")
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)
    if not expected:
        assert "Nothing matches these filters." in text(response)


def test_a_need_in_a_pending_organisation_is_not_listed_nor_shown(client, make, skills):
    pending = org("Pending Group", status="pending")
    need = Need.objects.create(organisation=pending, original_language="en", title="From a pending group")
    need.skills.set([skills["legal-aid"]])
    assert titles(client.get("/en/solidarity/needs/")) == []
    assert client.get(need.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_bad_filter_value_is_explained_in_the_readers_language_and_ignored(client, listed, language):
    response = client.get(f"/{language}/solidarity/needs/?skill=no-such-skill&origin=martian&pathway=youth")
    assert response.status_code == 200
    page = text(response)
    with translation.override(language):
        summary = gettext("Some filters were not understood and are ignored:")
        skill_error = gettext("Unknown skill or resource: %(value)s.") % {"value": "no-such-skill"}
        origin_error = gettext("Choose Iraqi or international.")
    assert summary in page and skill_error in page and origin_error in page
    if language == "ar":
        assert summary != "Some filters were not understood and are ignored:"  # really in Arabic
    # The bad filters are ignored, the good one applies.
    assert sorted(titles(response)) == ["Lawyers for young detainees", "Raccolta fondi per la scuola"]


def test_a_bad_governorate_is_explained(client, listed):
    page = text(client.get("/en/solidarity/offers/?governorate=IQ-XX"))
    assert "Unknown governorate code: IQ-XX." in page


@pytest.mark.parametrize("side", ["needs", "offers"])
def test_the_lists_read_a_fixed_number_of_queries(client, make, skills, side):
    model = Need if side == "needs" else Offer
    organisations = [org(governorates=["IQ-BA"], pathways=["women", "youth"]), org(country="IT", pathways=["youth"])]

    def add(count):
        for i in range(count):
            make.state(organisations[i % 2], model, [skills["legal-aid"], skills["fundraising"]], pathways=["women", "youth"])

    add(5)
    few = queries_for(client, f"/en/solidarity/{side}/")
    add(20)
    assert model.objects.count() == 25
    assert queries_for(client, f"/en/solidarity/{side}/") == few
    assert queries_for(client, f"/en/solidarity/{side}/?skill=legal-aid&q=qa") <= few + 1
