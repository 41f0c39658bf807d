"""The pages of opportunities and applications: the list, publishing, applying, the security of
travel, the publisher's desk, the applicant's page and the emails between them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from tadamun.network.models import Governorate, Membership, WorkingLanguage
from tadamun.pathways.models import Pathway
from tadamun.solidarity import services
from tadamun.solidarity.models import Application, Opportunity
from tests import factories

pytestmark = pytest.mark.django_db

MESSAGE = "We run a youth centre in Turin and would love to work with you on this."


@pytest.fixture(autouse=True)
def _commit_at_once(monkeypatch):
    """Email queued "at commit" goes at once: each test runs inside one transaction."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())


def draft(**changes) -> services.OpportunityDraft:
    values = {
        "kind": Opportunity.Kind.JOINT_PROJECT, "title": "Radio for young reporters", "original_language": "en",
        "description": "A **joint** radio project with young reporters in Basra.",
        "how_to_apply": "Tell us about your radio experience.",
        "governorates": list(Governorate.objects.filter(iso_code="IQ-BA")),
    }
    values.update(changes)
    return services.OpportunityDraft(**values)


@pytest.fixture
def world(db):
    """An Iraqi publisher (admin, editor, plain member), an Italian organisation with a member
    who applies, a coordinator, and one open opportunity in Basra."""
    factories.ensure_reference_data()
    publisher = factories.OrganisationFactory(name="Basra Youth Forum", slug="basra-youth-forum")
    admin = factories.member(publisher, Membership.Role.ADMIN, email="admin@basra.example", language="en")
    editor = factories.member(publisher, Membership.Role.EDITOR, email="editor@basra.example", language="ar")
    plain = factories.member(publisher, Membership.Role.MEMBER)
    friends = factories.OrganisationFactory(name="Amici di Bassora", slug="amici-di-bassora", country="IT")
    applicant = factories.member(friends, Membership.Role.MEMBER, display_name="Giulia Rossi", email="giulia@amici.example", language="ar")
    outsider = factories.UserFactory(display_name="Someone Else")
    opportunity = services.publish_opportunity(by=editor, organisation=publisher, draft=draft())
    return {
        "publisher": publisher, "admin": admin, "editor": editor, "plain": plain, "friends": friends,
        "applicant": applicant, "outsider": outsider, "coordinator": factories.coordinator(), "opportunity": opportunity,
    }


def apply_as(client, user, opportunity, **data):
    client.force_login(user)
    return client.post(f"/en/opportunities/{opportunity.slug}/apply/", {"kind": "application", "message": MESSAGE, **data})


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- Publishing -------------------------------------------------------------------------------


def publish_data(**changes) -> dict:
    values = {
        "organisation": "basra-youth-forum", "kind": "internship", "title": "Internship in our newsroom",
        "original_language": "en", "description": "Three months with our reporters.", "governorates": ["IQ-BA"],
        "languages": ["ar", "en"], "pathways": ["youth"],
    }
    values.update(changes)
    return values


def test_an_editor_publishes_an_opportunity(client, world):
    client.force_login(world["editor"])
    assert 'href="/en/opportunities/new/"' in page(client, "/en/opportunities/")
    assert 'name="title"' in page(client, "/en/opportunities/new/")
    response = client.post("/en/opportunities/new/", publish_data())
    created = Opportunity.objects.get(title="Internship in our newsroom")
    assert response.status_code == 302 and response["Location"].startswith(created.get_absolute_url())
    assert created.organisation == world["publisher"] and created.created_by == world["editor"]
    shown = page(client, response["Location"])
    assert "Internship in our newsroom" in shown and "Three months with our reporters." in shown
    assert "Basra" in shown and "Arabic" in shown and "Edit" in shown


def test_a_plain_member_and_an_outsider_cannot_publish(client, world):
    for user in (world["plain"], world["outsider"], world["applicant"]):
        client.force_login(user)
        assert 'href="/en/opportunities/new/"' not in page(client, "/en/opportunities/")
        response = client.get("/en/opportunities/new/")
        assert response.status_code == 403
        assert "editors and administrators" in response.content.decode()
        assert client.post("/en/opportunities/new/", publish_data()).status_code == 403
    assert not Opportunity.objects.filter(title="Internship in our newsroom").exists()
    client.logout()
    assert client.get("/en/opportunities/new/").status_code == 302  # to the sign-in page


def test_a_refused_opportunity_keeps_what_was_typed(client, world):
    client.force_login(world["editor"])
    response = client.post("/en/opportunities/new/", publish_data(title="Summer school on minority rights", governorates=[]))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Summer school on minority rights"' in html
    assert "Say where it takes place: governorates of Iraq, a place outside Iraq, or remote." in html
    assert "Three months with our reporters." in html
    assert not Opportunity.objects.filter(title="Summer school on minority rights").exists()


def test_only_the_publishers_editors_change_or_close_it(client, world):
    opportunity = world["opportunity"]
    url = opportunity.get_absolute_url()
    for user in (world["plain"], world["applicant"], world["outsider"]):
        client.force_login(user)
        assert "Close: take no more applications" not in page(client, url)
        assert client.get(f"{url}edit/").status_code == 404
        assert client.post(f"{url}close/").status_code == 404
    client.force_login(world["editor"])
    form = page(client, f"{url}edit/")
    assert 'value="Radio for young reporters"' in form
    response = client.post(f"{url}edit/", publish_data(title="Radio for young reporters, second edition", kind="joint_project"))
    assert response.status_code == 302
    assert "second edition" in page(client, url)
    client.post(f"{url}close/")
    assert "This opportunity is closed" in page(client, url)
    client.post(f"{url}close/", {"reopen": "1"})
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.OPEN


# --- The list ---------------------------------------------------------------------------------


@pytest.fixture
def several(world):
    editor, publisher = world["editor"], world["publisher"]
    arabic = WorkingLanguage.objects.get(code="ar")
    youth = Pathway.objects.get(slug="youth")
    made = {
        "training": services.publish_opportunity(by=editor, organisation=publisher, draft=draft(
            kind=Opportunity.Kind.CAPACITY_BUILDING, title="تدريب الصحفيين الشباب", original_language="ar",
            description="دورة تدريبية في الصحافة المستقلة", pathways=[youth], languages=[arabic],
            governorates=list(Governorate.objects.filter(iso_code="IQ-NI")),
        )),
        "remote": services.publish_opportunity(by=editor, organisation=publisher, draft=draft(
            kind=Opportunity.Kind.INTERNSHIP, title="Remote translation internship", governorates=[], remote=True,
            languages=list(WorkingLanguage.objects.filter(code="it")),
        )),
    }
    made["radio"] = world["opportunity"]
    return made


def titles(client, query: str) -> set[str]:
    html = page(client, f"/en/opportunities/?{query}")
    return {name for name, o in TITLES.items() if o in html}


TITLES = {"training": "تدريب الصحفيين الشباب", "remote": "Remote translation internship", "radio": "Radio for young reporters"}


def test_the_list_filters_by_kind_pathway_place_language_and_words(client, several):
    assert titles(client, "") == {"training", "remote", "radio"}
    assert titles(client, "kind=internship") == {"remote"}
    assert titles(client, "pathway=youth") == {"training"}
    assert titles(client, "governorate=IQ-NI") == {"training"}
    assert titles(client, "governorate=IQ-BA") == {"radio"}
    assert titles(client, "governorate=remote") == {"remote"}
    assert titles(client, "language=ar") == {"training"}
    assert titles(client, "q=الصحافة") == {"training"}
    assert titles(client, "q=الصحفيين+الشباب") == {"training"}
    assert titles(client, "q=translation") == {"remote"}


def test_the_list_shows_cards_explains_bad_filters_and_answers_htmx(client, several):
    html = page(client, "/en/opportunities/?kind=nonsense")
    assert "Unknown kind of opportunity: nonsense." in html and "3 opportunities" in html
    assert "Capacity building" in html and "Basra Youth Forum" in html and "Remote" in html and "Nineveh" in html
    partial = client.get("/en/opportunities/?kind=internship", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "1 opportunity" in partial and "Remote translation internship" in partial
    assert "No opportunity matches these filters." in page(client, "/en/opportunities/?q=submarine")


def test_signed_in_people_find_their_applications_from_the_list(client, world):
    assert "My applications" not in page(client, "/en/opportunities/")
    client.force_login(world["outsider"])
    assert "My applications" in page(client, "/en/opportunities/")


def test_an_arabic_page_reads_right_to_left(client, several):
    html = page(client, "/ar/opportunities/")
    assert 'dir="rtl"' in html and "تدريب الصحفيين الشباب" in html
    assert 'dir="rtl"' in page(client, f"/ar/opportunities/{several['radio'].slug}/")
    assert 'dir="ltr"' in page(client, "/kmr/opportunities/")
    client.force_login(several["radio"].organisation.memberships.get(role="editor").person)
    for url in ("opportunities/new/", f"opportunities/{several['radio'].slug}/applications/", "solidarity/applications/"):
        assert 'dir="rtl"' in page(client, f"/ckb/{url}")


# --- Applying ---------------------------------------------------------------------------------


def test_a_visitor_is_asked_to_sign_in_to_apply(client, world):
    opportunity = world["opportunity"]
    html = page(client, opportunity.get_absolute_url())
    assert "Radio for young reporters" in html and "<strong>joint</strong>" in html
    assert "Tell us about your radio experience." in html
    assert f"/en/accounts/login/?next=/en/opportunities/{opportunity.slug}/" in html
    assert 'name="message"' not in html


def test_a_person_applies_and_the_publisher_is_told(client, world, mailoutbox):
    opportunity = world["opportunity"]
    client.force_login(world["applicant"])
    html = page(client, opportunity.get_absolute_url())
    assert 'name="message"' in html and "Amici di Bassora" in html  # on behalf of their organisation, or themselves
    response = apply_as(client, world["applicant"], opportunity, organisation="amici-di-bassora")
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.organisation == world["friends"] and application.person == world["applicant"]
    html = page(client, response["Location"])
    assert "Your application is sent." in html and "Received" in html and "Withdraw my application" in html
    assert 'name="message"' not in html
    told = {m.to[0]: m for m in mailoutbox}
    assert set(told) == {"admin@basra.example", "editor@basra.example"}
    assert "Giulia Rossi" in told["admin@basra.example"].body
    assert "New application: Radio for young reporters" == told["admin@basra.example"].subject
    assert f"/en/opportunities/{opportunity.slug}/applications/" in told["admin@basra.example"].body
    assert f"/ar/opportunities/{opportunity.slug}/applications/" in told["editor@basra.example"].body  # in their language


def test_a_too_short_message_is_refused_with_the_text_kept(client, world):
    response = apply_as(client, world["applicant"], world["opportunity"], message="Hello there")
    assert response.status_code == 400
    html = response.content.decode()
    assert "at least 20 characters" in html and "Hello there</textarea>" in html
    assert not Application.objects.exists()


def test_a_closed_opportunity_takes_no_application(client, world):
    opportunity = world["opportunity"]
    services.close_opportunity(by=world["editor"], opportunity=opportunity)
    client.force_login(world["applicant"])
    html = page(client, opportunity.get_absolute_url())
    assert "This opportunity is closed: it no longer takes applications." in html and 'name="message"' not in html
    response = apply_as(client, world["applicant"], opportunity)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This opportunity is closed: it no longer takes applications." in html
    assert MESSAGE in html  # what was typed is kept
    assert not Application.objects.exists()
    assert "Radio for young reporters" not in page(client, "/en/opportunities/")


def test_an_opportunity_past_its_date_takes_no_application(client, world):
    opportunity = world["opportunity"]
    Opportunity.objects.filter(pk=opportunity.pk).update(apply_by=timezone.localdate() - timedelta(days=1))
    client.force_login(world["applicant"])
    html = page(client, opportunity.get_absolute_url())
    assert "The date to apply by has passed" in html and 'name="message"' not in html
    response = apply_as(client, world["applicant"], opportunity)
    assert response.status_code == 400
    assert "This opportunity is closed: it no longer takes applications." in response.content.decode()
    assert not Application.objects.exists()


def test_a_person_applies_once(client, world):
    assert apply_as(client, world["applicant"], world["opportunity"]).status_code == 302
    response = apply_as(client, world["applicant"], world["opportunity"], message=MESSAGE + " Again.")
    assert response.status_code == 400
    assert "You have already applied to this opportunity" in response.content.decode()
    assert Application.objects.count() == 1


def test_no_one_applies_to_their_own_organisations_opportunity(client, world):
    opportunity = world["opportunity"]
    client.force_login(world["plain"])
    html = page(client, opportunity.get_absolute_url())
    assert "Your own organisation published this opportunity." in html and 'name="message"' not in html
    response = apply_as(client, world["plain"], opportunity)
    assert response.status_code == 400
    assert "Your own organisation published this opportunity." in response.content.decode()
    assert not Application.objects.exists()


def test_too_many_applications_are_slowed_down(client, world, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply": "1/h"}
    cache.clear()
    other = services.publish_opportunity(by=world["editor"], organisation=world["publisher"], draft=draft(title="Another call"))
    assert apply_as(client, world["applicant"], world["opportunity"]).status_code == 302
    response = apply_as(client, world["applicant"], other)
    assert response.status_code == 429
    assert "Too many applications in a short time." in response.content.decode()
    assert Application.objects.count() == 1


# --- Security of travel -----------------------------------------------------------------------


def travel(world, title="Exchange visit to Basra") -> Opportunity:
    return services.publish_opportunity(
        by=world["editor"], organisation=world["publisher"],
        draft=draft(kind=Opportunity.Kind.CULTURAL_EXCHANGE, title=title, travel_to_iraq=True),
    )


def test_suspended_travel_hides_the_opportunity_and_refuses_applications(client, world):
    visit = travel(world)
    services.set_security_note(
        by=world["coordinator"], governorate=Governorate.objects.get(iso_code="IQ-BA"), level="suspended",
        note="Roads closed after the floods; no visits until further notice.",
    )
    listed = page(client, "/en/opportunities/")
    assert "Exchange visit to Basra" not in listed
    assert "Radio for young reporters" in listed  # no travel: not affected
    client.force_login(world["applicant"])
    html = page(client, visit.get_absolute_url())
    assert 'role="note"' in html and "Travel suspended" in html
    assert "Roads closed after the floods; no visits until further notice." in html
    assert 'name="message"' not in html
    response = apply_as(client, world["applicant"], visit)
    assert response.status_code == 400
    assert "Travel to where this opportunity takes place is suspended" in response.content.decode()
    assert not Application.objects.exists()


def test_restricted_travel_is_shown_on_the_card_and_the_page(client, world):
    visit = travel(world)
    services.set_security_note(
        by=world["coordinator"], governorate=Governorate.objects.get(iso_code="IQ-BA"), level="restricted",
        note="Travel only with a local escort arranged by the host.",
    )
    listed = page(client, "/en/opportunities/")
    card = listed.split("Exchange visit to Basra")[0].rsplit("<li", 1)[1]
    assert "Travel restricted" in card
    assert "Travel restricted" not in listed.split("Radio for young reporters")[0].rsplit("<li", 1)[1]
    html = page(client, visit.get_absolute_url())
    assert 'role="note"' in html and "Travel only with a local escort arranged by the host." in html
    client.force_login(world["applicant"])
    assert apply_as(client, world["applicant"], visit).status_code == 302  # restricted: still open to applications


# --- The publisher's desk ---------------------------------------------------------------------


def desk_url(opportunity) -> str:
    return f"/en/opportunities/{opportunity.slug}/applications/"


def decide(client, application, status, answer=""):
    url = f"{desk_url(application.opportunity)}{application.pk}/"
    return client.post(url, {f"a{application.pk}-status": status, f"a{application.pk}-answer": answer})


def test_the_publisher_shortlists_accepts_and_declines(client, world, mailoutbox):
    opportunity = world["opportunity"]
    apply_as(client, world["applicant"], opportunity, organisation="amici-di-bassora")
    application = Application.objects.get()
    mailoutbox.clear()
    client.force_login(world["editor"])
    assert "Applications (1)" in page(client, opportunity.get_absolute_url())
    html = page(client, desk_url(opportunity))
    assert "Giulia Rossi" in html and "giulia@amici.example" in html and "Amici di Bassora" in html
    assert MESSAGE in html and "Application" in html

    assert decide(client, application, "shortlisted").status_code == 302
    application.refresh_from_db()
    assert application.status == "shortlisted"
    (shortlisted,) = mailoutbox
    assert shortlisted.to == ["giulia@amici.example"]
    with translation.override("ar"):  # the applicant reads Arabic
        expected = gettext('The publisher of "%(title)s" put your application on the shortlist. They will be in touch before deciding.')
    assert expected % {"title": "Radio for young reporters"} in shortlisted.body and "Radio for young reporters" in shortlisted.subject
    assert expected != gettext('The publisher of "%(title)s" put your application on the shortlist. They will be in touch before deciding.')
    assert "/ar/solidarity/applications/" in shortlisted.body  # in the applicant's language

    response = decide(client, application, "declined")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write a message to the applicant when you decline." in html
    assert f'id="id_a{application.pk}-answer"' in html
    application.refresh_from_db()
    assert application.status == "shortlisted" and len(mailoutbox) == 1

    assert decide(client, application, "accepted", "Welcome aboard! We start in May.").status_code == 302
    application.refresh_from_db()
    assert application.status == "accepted"
    with translation.override("ar"):
        accepted = gettext('Good news: the publisher of "%(title)s" accepted your application.') % {"title": "Radio for young reporters"}
        declined = gettext('Thank you for applying to "%(title)s". The publisher has decided not to go ahead with your application this time.') % {"title": "Radio for young reporters"}
    assert accepted in mailoutbox[-1].body and "Welcome aboard! We start in May." in mailoutbox[-1].body

    assert decide(client, application, "declined", "The project was cancelled, sorry.").status_code == 302
    assert declined in mailoutbox[-1].body and "The project was cancelled, sorry." in mailoutbox[-1].body
    assert mailoutbox[-1].subject != mailoutbox[-2].subject  # each answer is worded its own way


def test_no_more_people_are_accepted_than_places(client, world):
    opportunity = world["opportunity"]
    Opportunity.objects.filter(pk=opportunity.pk).update(places=1)
    second = factories.UserFactory(display_name="Karwan")
    apply_as(client, world["applicant"], opportunity)
    apply_as(client, second, opportunity)
    first_application, second_application = Application.objects.order_by("pk")
    client.force_login(world["admin"])
    assert decide(client, first_application, "accepted", "Welcome").status_code == 302
    response = decide(client, second_application, "accepted", "Welcome too")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Every place is taken" in html and "Welcome too" in html  # what was typed is kept
    second_application.refresh_from_db()
    assert second_application.status == "submitted"


def test_the_desk_filters_by_status(client, world):
    opportunity = world["opportunity"]
    apply_as(client, world["applicant"], opportunity)
    apply_as(client, world["outsider"], opportunity)
    client.force_login(world["editor"])
    decide(client, Application.objects.get(person=world["outsider"]), "shortlisted")
    html = page(client, desk_url(opportunity) + "?status=shortlisted")
    assert "Someone Else" in html and "Giulia Rossi" not in html and "1 application" in html
    html = page(client, desk_url(opportunity))
    assert "Someone Else" in html and "Giulia Rossi" in html and "2 applications" in html


def test_other_people_cannot_see_the_desk(client, world):
    opportunity = world["opportunity"]
    apply_as(client, world["applicant"], opportunity)
    application = Application.objects.get()
    for user in (world["applicant"], world["plain"], world["outsider"], world["coordinator"]):
        client.force_login(user)
        assert client.get(desk_url(opportunity)).status_code == 404
        assert decide(client, application, "accepted", "Yes").status_code == 404
        assert "Applications (" not in page(client, opportunity.get_absolute_url())
    application.refresh_from_db()
    assert application.status == "submitted"
    client.logout()
    assert client.get(desk_url(opportunity)).status_code == 302  # to the sign-in page


def test_the_desk_runs_as_many_queries_for_thirty_applications_as_for_three(client, world):
    opportunity = world["opportunity"]
    client.force_login(world["editor"])

    def add(n):
        for _ in range(n):
            person = factories.member(factories.OrganisationFactory(country="IT"))
            Application.objects.create(
                opportunity=opportunity, person=person, organisation=person.memberships.get().organisation, message=MESSAGE,
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(desk_url(opportunity))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    add(3)
    few = count()
    add(27)
    assert count() == few
    assert few <= 12


# --- The applicant's page ---------------------------------------------------------------------


def test_the_applicant_sees_the_answer_and_withdraws(client, world):
    opportunity = world["opportunity"]
    apply_as(client, world["applicant"], opportunity)
    application = Application.objects.get()
    services.decide_application(by=world["editor"], application=application, status="shortlisted", answer="Can we call you on Monday?")
    client.force_login(world["applicant"])
    html = page(client, "/en/solidarity/applications/")
    assert "Radio for young reporters" in html and "Basra Youth Forum" in html
    assert "Shortlisted" in html and "Can we call you on Monday?" in html
    assert "Can we call you on Monday?" in page(client, opportunity.get_absolute_url())
    response = client.post(f"/en/solidarity/applications/{application.pk}/withdraw/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"
    html = page(client, "/en/solidarity/applications/")
    assert "Withdrawn" in html and "Withdraw</button>" not in html


def test_no_one_withdraws_someone_elses_application(client, world):
    apply_as(client, world["applicant"], world["opportunity"])
    application = Application.objects.get()
    for user in (world["outsider"], world["editor"]):
        client.force_login(user)
        assert client.post(f"/en/solidarity/applications/{application.pk}/withdraw/").status_code == 404
        assert "Radio for young reporters" not in page(client, "/en/solidarity/applications/")
    application.refresh_from_db()
    assert application.status == "submitted"


def test_my_applications_needs_signing_in(client, world):
    assert client.get("/en/solidarity/applications/").status_code == 302
    client.force_login(world["outsider"])
    assert "You have not applied to any opportunity yet." in page(client, "/en/solidarity/applications/")


def test_an_opportunity_abroad_names_its_place(client, world):
    hosted = services.publish_opportunity(
        by=world["editor"], organisation=world["publisher"],
        draft=draft(title="Internship in Bologna", kind=Opportunity.Kind.INTERNSHIP, governorates=[], location="Bologna, Italy"),
    )
    assert "Bologna, Italy" in page(client, f"/en/opportunities/{hosted.slug}/")
    assert "Bologna, Italy" in page(client, "/en/opportunities/?kind=internship")
    with pytest.raises(services.DomainError) as refused:
        services.publish_opportunity(by=world["editor"], organisation=world["publisher"], draft=draft(governorates=[]))
    assert refused.value.field == "governorates"


def test_editing_keeps_applications_counted_and_a_close_made_meanwhile(world):
    opportunity = world["opportunity"]
    stale = Opportunity.objects.get(pk=opportunity.pk)  # the editor's page, loaded before the others acted
    services.apply(by=world["applicant"], opportunity=opportunity, message=MESSAGE)
    services.close_opportunity(by=world["admin"], opportunity=opportunity)
    services.update_opportunity(by=world["editor"], opportunity=stale, draft=draft(title="Radio for young reporters, 2027"))
    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.application_count, opportunity.status) == (
        "Radio for young reporters, 2027", 1, Opportunity.Status.CLOSED,
    )


def test_an_application_already_answered_cannot_be_withdrawn_again(world):
    application = services.apply(by=world["applicant"], opportunity=world["opportunity"], message=MESSAGE)
    services.withdraw_application(by=world["applicant"], application=application)
    with pytest.raises(services.DomainError):
        services.withdraw_application(by=world["applicant"], application=application)


def test_the_desk_lists_new_applications_first_with_counts(client, world):
    opportunity = world["opportunity"]
    first = services.apply(by=world["applicant"], opportunity=opportunity, message=MESSAGE)
    services.decide_application(by=world["editor"], application=first, status="declined", answer="The places are taken, sorry.")
    newcomer = factories.member(factories.OrganisationFactory(country="IT"), Membership.Role.MEMBER, display_name="Marco Bianchi")
    services.apply(by=newcomer, opportunity=opportunity, message=MESSAGE)
    client.force_login(world["editor"])
    html = page(client, f"/en/opportunities/{opportunity.slug}/applications/")
    assert html.index("Marco Bianchi") < html.index("Giulia Rossi")
    assert "Declined (1)" in html and "Received (1)" in html


def test_the_rss_feed_follows_the_lists_filters(client, world, coordinator):
    volunteers = services.publish_opportunity(
        by=world["editor"], organisation=world["publisher"],
        draft=draft(title="Volunteers for the book fair", kind=Opportunity.Kind.VOLUNTEER_CALL),
    )
    closed = services.publish_opportunity(by=world["editor"], organisation=world["publisher"], draft=draft(title="Old exchange"))
    services.close_opportunity(by=world["editor"], opportunity=closed)
    feed = client.get("/en/opportunities/feed.rss")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss+xml")
    body = feed.content.decode()
    assert "Volunteers for the book fair" in body and "Radio for young reporters" in body and "Old exchange" not in body
    only = client.get("/en/opportunities/feed.rss?kind=volunteer_call").content.decode()
    assert "Volunteers for the book fair" in only and "Radio for young reporters" not in only
    assert "?kind=volunteer_call" in page(client, "/en/opportunities/?kind=volunteer_call").split("application/rss+xml")[1][:200]

    services.set_security_note(
        by=coordinator, governorate=Governorate.objects.get(iso_code="IQ-BA"), level="suspended", note="Not now."
    )
    services.update_opportunity(by=world["editor"], opportunity=volunteers, draft=draft(
        title="Volunteers for the book fair", kind=Opportunity.Kind.VOLUNTEER_CALL, travel_to_iraq=True))
    assert "Volunteers for the book fair" not in client.get("/en/opportunities/feed.rss").content.decode()
