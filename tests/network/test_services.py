"""Rules and invariants of the network's services."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.network import services
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.pathways.models import Pathway
from tests import factories

pytestmark = pytest.mark.django_db


def profile(name="Basra Water Defenders", **overrides):
    values = dict(
        name=name,
        kind=Organisation.Kind.GRASSROOTS_GROUP,
        country="IQ",
        original_language="ar",
        description="نعمل من أجل الحق في المياه النظيفة في البصرة",
        names={"en": "Basra Water Defenders EN"},
        governorates=list(Governorate.objects.filter(iso_code="IQ-BA")),
        pathways=list(Pathway.objects.filter(slug="heritage-environment")),
    )
    values.update(overrides)
    return services.OrganisationProfile(**values)


def test_an_application_waits_for_review_and_coordinators_are_told(person, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        org = services.apply_for_organisation(by=person, profile=profile())
    assert org.status == Organisation.Status.PENDING
    assert org.applicant == person
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "Basra Water Defenders" in mail.outbox[0].subject


def test_approval_makes_the_applicant_admin_and_emails_them(person, coordinator, django_capture_on_commit_callbacks):
    org = services.apply_for_organisation(by=person, profile=profile())
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_organisation(by=coordinator, organisation=org)
    org.refresh_from_db()
    assert org.status == Organisation.Status.APPROVED
    assert Membership.objects.get(organisation=org, person=person).role == Membership.Role.ADMIN
    assert mail.outbox[-1].to == [person.email]
    assert org.get_absolute_url() in mail.outbox[-1].body


def test_the_approval_email_is_in_the_applicants_language(person, coordinator, django_capture_on_commit_callbacks):
    person.language = "it"
    person.save()
    org = services.apply_for_organisation(by=person, profile=profile())
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_organisation(by=coordinator, organisation=org)
    assert "membro della rete" in mail.outbox[-1].subject
    assert f"http://127.0.0.1:8000/it/organisations/{org.slug}/" in mail.outbox[-1].body


def test_a_rejection_needs_a_reason_that_the_applicant_reads(person, coordinator, django_capture_on_commit_callbacks):
    org = services.apply_for_organisation(by=person, profile=profile())
    with pytest.raises(DomainError):
        services.reject_organisation(by=coordinator, organisation=org, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_organisation(by=coordinator, organisation=org, reason="We could not verify the group.")
    org.refresh_from_db()
    assert org.status == Organisation.Status.REJECTED
    assert "We could not verify the group." in mail.outbox[-1].body


def test_only_coordinators_review(person):
    org = services.apply_for_organisation(by=person, profile=profile())
    other = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        services.approve_organisation(by=other, organisation=org)
    with pytest.raises(PermissionDenied):
        services.reject_organisation(by=person, organisation=org, reason="no")


def test_duplicate_names_are_refused_in_any_spelling_or_language(person):
    services.apply_for_organisation(by=person, profile=profile(name="جمعية الأمل"))
    for twin in ("جمعيه الامل", "  جمعية   الأمل "):
        with pytest.raises(DomainError) as refused:
            services.apply_for_organisation(by=person, profile=profile(name=twin, names={}))
        assert refused.value.field == "name"
    with pytest.raises(DomainError):
        services.apply_for_organisation(by=person, profile=profile(name="Other", names={"en": "جمعية الأمل"}))
    assert Organisation.objects.count() == 1


def test_bidi_overrides_are_removed_from_names(person):
    org = services.apply_for_organisation(by=person, profile=profile(name="Good\u202eevil\u2066 name", names={}))
    assert org.name == "Goodevil name"


def test_an_international_organisation_is_based_abroad(person):
    with pytest.raises(DomainError) as refused:
        services.apply_for_organisation(by=person, profile=profile(kind=Organisation.Kind.INTERNATIONAL, country="IQ"))
    assert refused.value.field == "country"


def test_only_admins_edit_a_profile(organisation):
    editor = factories.member(organisation, Membership.Role.EDITOR)
    admin = factories.member(organisation, Membership.Role.ADMIN)
    with pytest.raises(PermissionDenied):
        services.update_profile(by=editor, organisation=organisation, profile=profile(name="Renamed"))
    services.update_profile(by=admin, organisation=organisation, profile=profile(name="Renamed"))
    organisation.refresh_from_db()
    assert organisation.name == "Renamed"
    assert "basra" in organisation.search_text


def test_the_last_admin_cannot_leave_or_be_demoted(organisation):
    admin = factories.member(organisation, Membership.Role.ADMIN)
    membership = Membership.objects.get(person=admin)
    with pytest.raises(DomainError):
        services.change_role(by=admin, membership=membership, role=Membership.Role.MEMBER)
    with pytest.raises(DomainError):
        services.remove_member(by=admin, membership=membership)
    second = factories.member(organisation, Membership.Role.ADMIN)
    services.change_role(by=second, membership=membership, role=Membership.Role.MEMBER)
    assert Membership.objects.get(person=admin).role == Membership.Role.MEMBER


def test_an_invitation_works_once_and_never_says_whether_an_account_exists(organisation, django_capture_on_commit_callbacks):
    admin = factories.member(organisation, Membership.Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_member(by=admin, organisation=organisation, email="New.Person@Example.org", role="editor")
    body = mail.outbox[-1].body
    token = body.split("/organisations/invitations/")[1].split("/")[0]
    newcomer = factories.UserFactory()
    membership = services.accept_invitation(by=newcomer, raw_token=token)
    assert membership.role == Membership.Role.EDITOR
    with pytest.raises(NotFound):
        services.accept_invitation(by=newcomer, raw_token=token)
    with pytest.raises(NotFound):
        services.accept_invitation(by=newcomer, raw_token="guessed-token")


def test_members_cannot_invite(organisation):
    plain = factories.member(organisation)
    with pytest.raises(PermissionDenied):
        services.invite_member(by=plain, organisation=organisation, email="x@example.org", role="admin")


def _jpeg_with_metadata() -> bytes:
    import io

    from PIL import Image

    image = Image.new("RGB", (64, 40), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCameraMaker"  # Make
    gps = exif.get_ifd(0x8825)  # GPSInfo
    gps[1] = "N"
    gps[2] = (33.0, 18.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), comment=b"canary-comment")
    return out.getvalue()


def test_a_logo_is_rebuilt_without_its_metadata(organisation):
    admin = factories.member(organisation, Membership.Role.ADMIN)
    raw = _jpeg_with_metadata()
    assert b"CanaryCameraMaker" in raw and b"canary-comment" in raw
    services.set_logo(by=admin, organisation=organisation, upload=SimpleUploadedFile("me.jpg", raw, "image/jpeg"))
    organisation.refresh_from_db()
    stored = organisation.logo.read()
    assert stored[:4] == b"RIFF" and stored[8:12] == b"WEBP"
    assert b"CanaryCameraMaker" not in stored and b"canary-comment" not in stored and b"Exif" not in stored
    assert organisation.logo.name.endswith(".webp") and "me" not in organisation.logo.name.split("/")[-1]


@pytest.mark.parametrize(
    "content, name",
    [(b"%PDF-1.4 not an image", "logo.png"), (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "broken.png")],
)
def test_a_non_image_logo_is_refused_and_nothing_changes(organisation, content, name):
    admin = factories.member(organisation, Membership.Role.ADMIN)
    with pytest.raises(DomainError) as refused:
        services.set_logo(by=admin, organisation=organisation, upload=SimpleUploadedFile(name, content, "image/png"))
    assert refused.value.field == "logo"
    organisation.refresh_from_db()
    assert not organisation.logo


def test_an_oversized_logo_is_refused(organisation, settings):
    settings.LOGO_MAX_BYTES = 1000
    admin = factories.member(organisation, Membership.Role.ADMIN)
    with pytest.raises(DomainError, match="too large"):
        services.set_logo(by=admin, organisation=organisation, upload=SimpleUploadedFile("a.jpg", _jpeg_with_metadata() + b"0" * 2000))


def test_search_follows_profile_changes_and_short_words_still_work(organisation):
    from tadamun.network.queries import DirectoryFilters, directory

    admin = factories.member(organisation, Membership.Role.ADMIN)
    services.update_profile(by=admin, organisation=organisation, profile=profile(name="Marshes Keepers", names={}, description="Mesopotamian marshes of Chibayish"))
    assert list(directory(DirectoryFilters(q="chibayish"))) == [organisation]
    assert list(directory(DirectoryFilters(q="Basra Water"))) == []  # the old name is forgotten
    services.update_profile(by=admin, organisation=organisation, profile=profile(name="أهوار", names={}, description="حماية الأهوار في الجبايش"))
    assert list(directory(DirectoryFilters(q="chibayish"))) == []
    assert list(directory(DirectoryFilters(q="الجبايش"))) == [organisation]
    assert list(directory(DirectoryFilters(q="اه"))) == [organisation]  # two letters: no trigram, still found
    organisation.delete()
    assert list(directory(DirectoryFilters(q="الجبايش"))) == []


def test_network_counts_follow_approvals(person, coordinator, django_capture_on_commit_callbacks):
    from tadamun.network.queries import governorate_counts, network_totals

    before = network_totals()["total"]
    basra_before = governorate_counts()["IQ-BA"]
    org = services.apply_for_organisation(by=person, profile=profile())
    assert network_totals()["total"] == before  # an application is not a member yet
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_organisation(by=coordinator, organisation=org)
    assert network_totals()["total"] == before + 1
    assert governorate_counts()["IQ-BA"] == basra_before + 1
