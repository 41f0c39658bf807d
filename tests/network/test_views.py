"""The directory, profiles, registration and the map, as a visitor uses them."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tadamun.network.models import Membership, Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    cache.clear()  # the cold path: cached network counts recomputed
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_directory_filters_combine_and_count(client):
    factories.OrganisationFactory(name="Basra Oil Workers Union", kind="trade_union", governorates=["IQ-BA"], pathways=["economic-social-rights"])
    factories.OrganisationFactory(name="Basra Women Forum", kind="ngo", governorates=["IQ-BA"], pathways=["women"])
    factories.OrganisationFactory(name="Erbil Women Forum", kind="ngo", governorates=["IQ-AR"], pathways=["women"])
    factories.OrganisationFactory(name="Rome Solidarity", kind="international", country="IT", pathways=["women"])
    html = client.get("/en/organisations/?governorate=IQ-BA&pathway=women").content.decode()
    assert "1 organisation found" in html
    assert "Basra Women Forum" in html and "Erbil Women Forum" not in html and "Oil Workers" not in html
    html = client.get("/en/organisations/?pathway=women&origin=international").content.decode()
    assert "Rome Solidarity" in html and "1 organisation found" in html
    html = client.get("/en/organisations/?q=forum&kind=ngo").content.decode()
    assert "2 organisations found" in html
    html = client.get("/en/organisations/?country=IT").content.decode()
    assert "Rome Solidarity" in html and "Basra Women Forum" not in html


def test_search_folds_arabic_spellings(client):
    factories.OrganisationFactory(name="مؤسسة أمل للمياه", search_text="")
    org = Organisation.objects.get(name="مؤسسة أمل للمياه")
    from tadamun.network.services import refresh_search_fields

    refresh_search_fields(org)
    org.save()
    for query in ("امل", "أمل", "مؤسسه", "للمياة"):
        html = client.get("/ar/organisations/", {"q": query}).content.decode()
        assert "مؤسسة أمل للمياه" in html, query


def test_unknown_filters_are_explained_and_ignored(client):
    factories.OrganisationFactory(name="Any Group")
    html = client.get("/en/organisations/?governorate=IQ-XX&kind=spaceship").content.decode()
    assert "Unknown governorate code: IQ-XX" in html
    assert "Unknown kind of organisation: spaceship" in html
    assert "Any Group" in html
    arabic = client.get("/ar/organisations/?governorate=IQ-XX").content.decode()
    assert "IQ-XX" in arabic and "Unknown governorate code" not in arabic


def test_pagination_keeps_the_filters(client):
    for i in range(25):
        factories.OrganisationFactory(name=f"Nineveh Group {i:02}", governorates=["IQ-NI"])
    html = client.get("/en/organisations/?governorate=IQ-NI").content.decode()
    assert "25 organisations found" in html
    assert "?governorate=IQ-NI&amp;page=2" in html
    page2 = client.get("/en/organisations/?governorate=IQ-NI&page=2").content.decode()
    assert "Nineveh Group 24" in page2 and "Nineveh Group 00" not in page2
    assert client.get("/en/organisations/?page=abc").status_code == 200


def test_htmx_refresh_returns_only_the_results(client):
    factories.OrganisationFactory(name="Some Group")
    html = client.get("/en/organisations/", HTTP_HX_REQUEST="true").content.decode()
    assert "Some Group" in html and "<html" not in html


def test_directory_and_profile_queries_do_not_grow_with_the_data(client):
    def seed(n):
        for _ in range(n):
            org = factories.OrganisationFactory(governorates=["IQ-BG", "IQ-BA"], pathways=["women", "youth"])
            factories.add_contacts(org)
    seed(3)
    coordinator = factories.coordinator()
    org = Organisation.objects.first()
    small = {url: queries_for(client, url) for url in ("/en/organisations/", "/en/organisations/?pathway=women", "/en/", "/en/map/", org.get_absolute_url(), "/en/pathways/", "/en/pathways/women/")}
    seed(30)
    large = {url: queries_for(client, url) for url in small}
    assert small == large
    client.force_login(coordinator)
    assert queries_for(client, org.get_absolute_url()) <= small[org.get_absolute_url()] + 8


def test_profile_shows_the_readers_language_and_the_original(client):
    org = factories.OrganisationFactory(
        name="جمعية الرافدين", original_language="ar", names={"en": "Rafidain Association"},
        description="وصف بالعربية", descriptions={"en": "An English description"},
    )
    english = client.get(f"/en/organisations/{org.slug}/").content.decode()
    assert "Rafidain Association" in english and "An English description" in english
    assert "جمعية الرافدين" in english and "وصف بالعربية" in english  # the original is one click away
    arabic = client.get(f"/ar/organisations/{org.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "وصف بالعربية" in arabic


def test_every_language_has_its_direction(client):
    for code, direction in {"en": "ltr", "ar": "rtl", "ckb": "rtl", "kmr": "ltr", "it": "ltr"}.items():
        html = client.get(f"/{code}/organisations/").content.decode()
        assert f'<html lang="{code}" dir="{direction}">' in html


def test_language_switch_links_keep_the_page_and_filters(client):
    html = client.get("/en/organisations/?pathway=women").content.decode()
    assert 'href="/ar/organisations/?pathway=women"' in html
    assert 'href="/ckb/organisations/?pathway=women"' in html
    assert "العربية" in html and "کوردی" in html and "Kurdî" in html and "Italiano" in html


def test_ui_strings_are_translated(client):
    for code, word in {"ar": "المنظمات", "it": "organizzazioni", "ckb": "ڕێکخراو", "kmr": "rêxistin"}.items():
        html = client.get(f"/{code}/organisations/").content.decode()
        assert word in html.lower(), code


def test_security_headers(client):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp and "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_load_nothing_from_another_host(client):
    org = factories.OrganisationFactory(website="https://example.org/")
    for url in ("/en/", "/ar/organisations/", org.get_absolute_url(), "/en/map/", "/en/pathways/", "/en/accounts/login/"):
        html = client.get(url).content.decode()
        assert not re.search(r'(src|href)="https?://(?!example\.org)', html.replace('href="https://example.org/"', "")), url
        assert "<script>" not in html and " style=" not in html, url


def test_registering_an_organisation(client, person, coordinator, django_capture_on_commit_callbacks):
    client.force_login(person)
    data = {
        "name": "Halabja Youth Circle", "original_language": "ckb", "kind": "grassroots_group", "country": "IQ",
        "description": "Young people of Halabja.", "governorates": ["IQ-SU"], "pathways": ["youth"],
        "languages": ["ckb", "ar"], "year_founded": "2016", "website": "halabja-youth.example.org",
        "contact_email": "circle@example.org", "contact_email_visibility": "public",
    }
    for kind in ("phone", "address", "signal", "social"):
        data[f"contact_{kind}_visibility"] = "members"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/organisations/apply/", data)
    assert response.status_code == 302
    org = Organisation.objects.get(name="Halabja Youth Circle")
    assert org.status == "pending" and org.website == "https://halabja-youth.example.org"
    assert mail.outbox[0].to == [coordinator.email]
    again = client.post("/en/organisations/apply/", data)
    assert again.status_code == 200
    assert "already in the directory" in again.content.decode()
    assert "Young people of Halabja." in again.content.decode()  # what was typed is kept
    assert Organisation.objects.filter(name="Halabja Youth Circle").count() == 1


def test_a_bad_application_keeps_what_was_typed(client, person):
    client.force_login(person)
    response = client.post("/ar/organisations/apply/", {"name": "", "description": "وصف طويل", "kind": "ngo", "country": "IQ", "year_founded": "1200"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "وصف طويل" in html
    assert 'aria-invalid="true"' in html
    assert not Organisation.objects.exists()


def test_registration_needs_an_account(client):
    response = client.get("/en/organisations/apply/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_coordinator_reviews_in_the_site(client, coordinator, person, django_capture_on_commit_callbacks):
    org = factories.OrganisationFactory(status="pending", applicant=person)
    other = factories.OrganisationFactory(status="pending", applicant=person)
    client.force_login(coordinator)
    assert org.name in client.get("/en/organisations/review/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/organisations/review/{org.pk}/", {"decision": "approve"})
        client.post(f"/en/organisations/review/{other.pk}/", {"decision": "reject", "reason": "Not a civil society group."})
    org.refresh_from_db()
    other.refresh_from_db()
    assert org.status == "approved" and other.status == "rejected"
    assert len(mail.outbox) == 2
    client.force_login(person)
    assert client.get("/en/organisations/review/").status_code == 404


def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    staff = factories.UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.get("/en/organisations/review/")
    assert response.status_code == 302 and "/2fa/totp/activate" in response["Location"]
    # allauth asks for the password again before 2FA set-up; that page is reachable.
    final = client.get(response["Location"], follow=True)
    assert final.status_code == 200 and b"password" in final.content.lower()


def test_admin_manages_members(client, organisation, django_capture_on_commit_callbacks):
    admin = factories.member(organisation, Membership.Role.ADMIN)
    plain = factories.member(organisation)
    client.force_login(plain)
    assert client.get(f"/en/organisations/{organisation.slug}/members/").status_code == 404
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/organisations/{organisation.slug}/members/", {"email": "friend@example.org", "role": "editor"})
    assert response.status_code == 302
    path = re.search(r"/organisations/invitations/[^/\s]+/", mail.outbox[-1].body).group(0)
    membership = Membership.objects.get(person=plain)
    client.post(f"/en/organisations/{organisation.slug}/members/{membership.pk}/", {"role": "editor"})
    membership.refresh_from_db()
    assert membership.role == "editor"
    friend = factories.UserFactory()
    client.force_login(friend)
    assert client.post(f"/en{path}").status_code == 302
    assert Membership.objects.get(person=friend).role == "editor"


def test_logo_upload_through_the_page(client, organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.network.test_services import _jpeg_with_metadata

    admin = factories.member(organisation, Membership.Role.ADMIN)
    client.force_login(admin)
    bad = client.post(f"/en/organisations/{organisation.slug}/logo/", {"logo": SimpleUploadedFile("x.png", b"not an image")})
    assert bad.status_code == 400 and "Upload a JPEG, PNG, GIF or WebP image." in bad.content.decode()
    good = client.post(f"/en/organisations/{organisation.slug}/logo/", {"logo": SimpleUploadedFile("x.jpg", _jpeg_with_metadata())})
    assert good.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".webp")


def test_map_links_each_governorate_to_the_filtered_directory(client):
    factories.OrganisationFactory(governorates=["IQ-BA"])
    html = client.get("/en/map/").content.decode()
    assert html.count('class="gov ') == 18
    assert 'href="/en/organisations/?governorate=IQ-BA"' in html
    assert "<svg" in html and "<table" in html
    assert "Kurdistan Region" in html
    arabic = client.get("/ar/map/").content.decode()
    assert "البصرة" in arabic


def test_pathways_list_and_pages(client):
    factories.OrganisationFactory(name="Youth Voices", pathways=["youth"])
    html = client.get("/en/pathways/").content.decode()
    assert html.count('class="card pw pw-') == 9
    page = client.get("/en/pathways/youth/").content.decode()
    assert "Youth Voices" in page
    assert client.get("/en/pathways/nothing/").status_code == 404
    for code in ("ar", "ckb", "kmr", "it"):
        translated = client.get(f"/{code}/pathways/").content.decode()
        assert "Human Rights Defenders and Active Nonviolence" not in translated, code


def test_the_bare_address_goes_to_the_readers_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar").headers["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="it-IT,it;q=0.9").headers["Location"] == "/it/"
    assert client.get("/organisations/", HTTP_ACCEPT_LANGUAGE="en").headers["Location"] == "/en/organisations/"
