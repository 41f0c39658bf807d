"""The demo network: complete, fictional, reloadable."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from tadamun.accounts.models import User
from tadamun.network.demo import COORDINATOR_EMAIL, DEMO_DOMAIN, DEMO_PASSWORD, load_demo
from tadamun.network.models import ActivityCentre, Governorate, Membership, Organisation, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return load_demo()


def counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "approved": Organisation.objects.filter(status=Organisation.Status.APPROVED).count(),
        "memberships": Membership.objects.count(),
        "people": User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").count(),
        "emails": EmailAddress.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").count(),
        "centres": ActivityCentre.objects.count(),
        "governorate_links": Organisation.governorates.through.objects.count(),
    }


def test_the_demo_covers_every_kind_of_organisation(demo):
    assert Organisation.objects.count() >= 64
    assert demo["organisations"] == Organisation.objects.count()
    for kind in Organisation.Kind.values:
        assert Organisation.objects.filter(kind=kind, status=Organisation.Status.APPROVED).count() >= 4, kind


def test_iraqi_members_are_active_in_all_18_governorates(demo):
    iraqi = Organisation.objects.filter(country="IQ", status=Organisation.Status.APPROVED)
    covered = set(Governorate.objects.filter(organisations__in=iraqi).values_list("iso_code", flat=True))
    assert covered == set(Governorate.objects.values_list("iso_code", flat=True))
    assert len(covered) == 18
    for org in iraqi:
        assert 1 <= org.governorates.count() <= 3
        assert org.original_language in ("ar", "ckb")
        assert org.names.get("en")


def test_international_organisations_are_based_abroad_in_many_countries(demo):
    international = Organisation.objects.filter(kind=Organisation.Kind.INTERNATIONAL)
    assert not international.filter(country="IQ").exists()
    assert len({org.country.code for org in international}) >= 10
    assert all(org.names.get("ar") for org in international)
    # Diaspora groups of other kinds are based abroad too.
    assert Organisation.objects.exclude(kind=Organisation.Kind.INTERNATIONAL).exclude(country="IQ").exists()


def test_descriptions_exist_in_arabic_kurdish_and_english(demo):
    orgs = list(Organisation.objects.all())

    def in_language(org, language):
        return org.description if org.original_language == language else org.descriptions.get(language, "")

    for language in ("ar", "ckb", "kmr", "en", "it"):
        assert any(in_language(org, language) for org in orgs), language
    assert all(org.description for org in orgs)
    assert all(in_language(org, "en") for org in orgs)  # every profile is readable in English


def test_profiles_are_complete_and_contacts_have_every_visibility(demo):
    for org in Organisation.objects.prefetch_related("pathways", "languages", "contacts"):
        assert 1 <= len(org.pathways.all()) <= 4
        assert 2 <= len(org.languages.all()) <= 4 or org.status != Organisation.Status.APPROVED
        assert org.year_founded
        assert org.website == f"https://{org.slug}.example.org"
        assert {c.visibility for c in org.contacts.all()} == set(Visibility.values)
        assert org.search_text
    assert Organisation.objects.filter(is_trusted=True).count() >= 3
    # "New in the network" is not the load order.
    newest = list(Organisation.objects.filter(status=Organisation.Status.APPROVED).order_by("-reviewed_at").values_list("pk", flat=True))
    assert newest != sorted(newest, reverse=True)


def test_every_approved_organisation_has_an_admin_and_people_are_verified(demo):
    for org in Organisation.objects.filter(status=Organisation.Status.APPROVED):
        assert org.memberships.filter(role=Membership.Role.ADMIN, person=org.applicant).exists()
    assert Membership.objects.filter(role=Membership.Role.EDITOR).exists()
    assert Membership.objects.filter(role=Membership.Role.MEMBER).exists()
    people = User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    assert EmailAddress.objects.filter(user__in=people, verified=True, primary=True).count() == people.count()
    assert {u.language for u in people} >= {"ar", "ckb", "kmr", "it", "en"}


def test_the_coordinator_can_log_in(demo, client):
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    assert coordinator.is_staff and coordinator.is_superuser
    assert EmailAddress.objects.get(user=coordinator).verified
    assert demo["coordinator_email"] == COORDINATOR_EMAIL
    assert demo["coordinator_password"] == DEMO_PASSWORD
    assert client.login(email=COORDINATOR_EMAIL, password=DEMO_PASSWORD)
    member = Membership.objects.select_related("person").first().person
    assert client.login(email=member.email, password=DEMO_PASSWORD)


def test_pending_and_rejected_applications_have_applicants(demo):
    pending = Organisation.objects.filter(status=Organisation.Status.PENDING)
    assert pending.count() == 3
    assert all(org.applicant_id for org in pending)
    assert not Membership.objects.filter(organisation__in=pending).exists()
    rejected = Organisation.objects.get(status=Organisation.Status.REJECTED)
    assert rejected.applicant_id and rejected.rejection_reason
    assert rejected.reviewed_by.email == COORDINATOR_EMAIL


def test_six_activity_centres_hosted_in_their_governorate(demo):
    centres = ActivityCentre.objects.select_related("governorate", "host")
    assert {c.governorate.iso_code for c in centres} == {"IQ-BG", "IQ-BA", "IQ-AR", "IQ-SU", "IQ-NI", "IQ-DQ"}
    for centre in centres:
        assert centre.host.status == Organisation.Status.APPROVED
        assert centre.host.governorates.filter(pk=centre.governorate_id).exists()
        assert centre.name and len(centre.names) == 2 and set(centre.names) <= {"ar", "ckb", "en"}
        assert centre.name not in centre.names.values()


def test_no_email_is_queued_while_loading(django_capture_on_commit_callbacks):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert mail.outbox == []


def test_reloading_gives_the_same_network(demo):
    first = counts()
    foreign = User.objects.create_user("someone@example.org", "a long password 123")
    load_demo()
    assert counts() == first
    assert User.objects.filter(pk=foreign.pk).exists()  # only demo accounts are removed


def test_demo_if_empty_loads_once():
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert Organisation.objects.count() >= 64
    assert COORDINATOR_EMAIL in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    before = counts()
    pks = set(Organisation.objects.values_list("pk", flat=True))
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert counts() == before
    assert set(Organisation.objects.values_list("pk", flat=True)) == pks
    assert COORDINATOR_EMAIL in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    assert "two-factor" in out.getvalue()


def test_demo_command_reloads():
    call_command("demo", stdout=StringIO())
    pks = set(Organisation.objects.values_list("pk", flat=True))
    out = StringIO()
    call_command("demo", stdout=out)
    assert not pks & set(Organisation.objects.values_list("pk", flat=True))
    assert "Demo network loaded" in out.getvalue()
