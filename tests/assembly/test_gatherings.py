"""Gatherings: planning them, their agenda, registrations with places and a waiting list, the
page, the organisers' desk, calendars, certificates of attendance, the API, and who may see
and organise what."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from tadamun.assembly import queries, services
from tadamun.assembly.models import Decision, Gathering, Group, GroupMember, Registration, Session
from tadamun.core.errors import DomainError, NotFound, PermissionDenied
from tadamun.network.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

BAGHDAD = ZoneInfo("Asia/Baghdad")
LINK = "https://meet.example.org/annual-conference-room-7"
CONFIRMED, WAITING, PENDING = Registration.Status.CONFIRMED, Registration.Status.WAITING, Registration.Status.PENDING
DECLINED, CANCELLED = Registration.Status.DECLINED, Registration.Status.CANCELLED


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time of the annual conference, Saturday 10 and Sunday 11 March 2040 in Baghdad."""
    return datetime(2040, 3, day, hour, minute, tzinfo=BAGHDAD)


def draft(**changes) -> services.GatheringDraft:
    values = {
        "title": "Annual conference of the network", "kind": Gathering.Kind.CONFERENCE, "language": "en",
        "starts_at": at(10, 9), "ends_at": at(11, 17), "place": "Rotana Hotel, Erbil", "online_link": LINK,
        "in_person_places": 2, "online_places": 1, "needs_approval": False,
    }
    values.update(changes)
    return services.GatheringDraft(**values)


def started(**changes) -> services.GatheringDraft:
    """A gathering that began yesterday and ends tomorrow."""
    now = timezone.now()
    return draft(**{"starts_at": now - timedelta(days=1), "ends_at": now + timedelta(days=1), **changes})


def sign_up(person, gathering, attendance: str = "in_person", **kwargs) -> Registration:
    return services.register(by=person, gathering=gathering, attendance=attendance, **{"role": "observer", **kwargs})


def statuses(*registrations) -> list[str]:
    return [Registration.objects.get(pk=r.pk).status for r in registrations]


def text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def world(db):
    """The General Assembly with a facilitator and a member; a coordinator; an organisation
    with one of its members; and someone from outside."""
    boss = factories.coordinator()
    ga = services.create_group(by=boss, draft=services.GroupDraft(
        name="General Assembly", code="GA", kind=Group.Kind.GENERAL_ASSEMBLY,
    ))
    facilitator = factories.UserFactory(display_name="Facilitator Fatima")
    services.add_member(by=boss, group=ga, person=facilitator, role=GroupMember.Role.FACILITATOR)
    member = factories.UserFactory(display_name="Member Mariam")
    services.add_member(by=boss, group=ga, person=member)
    organisation = factories.OrganisationFactory(name="Basra Water Forum")
    delegate = factories.member(organisation, Membership.Role.ADMIN, display_name="Delegate Dalia")
    return {
        "boss": boss, "ga": ga, "facilitator": facilitator, "member": member, "organisation": organisation,
        "delegate": delegate, "outsider": factories.UserFactory(display_name="Outsider Omar"),
    }


@pytest.fixture
def conference(world):
    """The annual conference: 2 places in the room, 1 online, no approval, three sessions."""
    gathering = services.plan_gathering(by=world["boss"], draft=draft())
    for title, starts, ends, room in (
        ("Opening plenary", at(10, 9), at(10, 10), "Hall A"),
        ("Workshop on water rights", at(10, 11), at(10, 12, 30), "Room 3"),
        ("Closing plenary", at(11, 15), at(11, 16), "Hall A"),
    ):
        services.add_session(by=world["boss"], gathering=gathering, title=title, starts_at=starts, ends_at=ends,
                             language="en", room=room)
    return gathering


# Planning ------------------------------------------------------------------------------------


def test_coordinators_and_the_groups_facilitators_plan_members_do_not(world):
    planned = services.plan_gathering(by=world["boss"], draft=draft(title="Social forum"))
    assert (planned.title, planned.group, planned.created_by) == ("Social forum", None, world["boss"])
    ours = services.plan_gathering(by=world["facilitator"], draft=draft(title="Assembly of 2040"), group=world["ga"])
    assert (ours.group, ours.created_by) == (world["ga"], world["facilitator"])
    with pytest.raises(PermissionDenied):
        services.plan_gathering(by=world["facilitator"], draft=draft(title="Not for a group"))  # only for their group
    with pytest.raises(PermissionDenied):
        services.plan_gathering(by=world["member"], draft=draft(title="A member's idea"), group=world["ga"])
    with pytest.raises(PermissionDenied):
        services.plan_gathering(by=world["outsider"], draft=draft(title="An outsider's idea"))
    assert sorted(Gathering.objects.values_list("title", flat=True)) == ["Assembly of 2040", "Social forum"]


@pytest.mark.parametrize("changes, field", [
    ({"ends_at": at(10, 8)}, "ends_at"),
    ({"ends_at": at(10, 9)}, "ends_at"),
    ({"place": "", "online_link": ""}, "place"),
    ({"place": "   ", "online_link": ""}, "place"),
    ({"registration_closes_at": at(11, 18)}, "registration_closes_at"),
    ({"interpretation": ["ar", "tlh"]}, "interpretation"),
    ({"title": "  "}, "title"),
    ({"kind": "party"}, "kind"),
    ({"language": "fr"}, "language"),
])
def test_a_bad_plan_is_refused_and_nothing_is_created(world, changes, field):
    with pytest.raises(DomainError) as refused:
        services.plan_gathering(by=world["boss"], draft=draft(**changes))
    assert type(refused.value) is DomainError and refused.value.field == field
    assert not Gathering.objects.exists()


def test_without_a_place_there_is_no_room_and_without_a_link_nobody_online(world):
    online_only = services.plan_gathering(by=world["boss"], draft=draft(place="", in_person_places=80, online_places=None))
    assert (online_only.in_person_places, online_only.online_places) == (0, None)
    in_the_room = services.plan_gathering(by=world["boss"], draft=draft(online_link="", online_places=40))
    assert (in_the_room.in_person_places, in_the_room.online_places) == (2, 0)
    with_interpretation = services.plan_gathering(by=world["boss"], draft=draft(interpretation=["ar", "ckb"]))
    assert with_interpretation.interpretation == ["ar", "ckb"]


def test_sessions_fall_within_the_gathering_and_end_after_they_start(world, conference):
    boss = world["boss"]

    def add(starts, ends, by=boss):
        return services.add_session(by=by, gathering=conference, title="Panel", starts_at=starts, ends_at=ends, language="en")

    for starts, ends in (
        (at(10, 8), at(10, 10)),  # begins before the gathering
        (at(11, 16), at(11, 18)),  # ends after it
        (at(10, 14), at(10, 14)),  # ends as it starts
        (at(10, 14), at(10, 13)),  # ends before it starts
    ):
        with pytest.raises(DomainError):
            add(starts, ends)
    with pytest.raises(PermissionDenied):
        add(at(10, 14), at(10, 15), by=world["member"])
    assert conference.sessions.count() == 3
    panel = add(at(10, 9), at(11, 17))  # exactly the gathering's span is fine
    assert conference.sessions.count() == 4 and panel.gathering == conference


# Registration ------------------------------------------------------------------------------------


def test_without_approval_places_are_confirmed_then_people_wait_each_kind_apart(conference):
    first, second, third, online, late_online = (factories.UserFactory() for _ in range(5))
    registrations = [sign_up(first, conference), sign_up(second, conference), sign_up(third, conference),
                     sign_up(online, conference, "online"), sign_up(late_online, conference, "online")]
    assert [r.status for r in registrations] == [CONFIRMED, CONFIRMED, WAITING, CONFIRMED, WAITING]
    assert statuses(*registrations) == [CONFIRMED, CONFIRMED, WAITING, CONFIRMED, WAITING]


def test_with_approval_the_organisers_confirm_while_places_remain(world):
    gathering = services.plan_gathering(by=world["boss"], draft=draft(needs_approval=True, in_person_places=1))
    first, second = factories.UserFactory(), factories.UserFactory()
    one, two = sign_up(first, gathering), sign_up(second, gathering)
    assert statuses(one, two) == [PENDING, PENDING]
    with pytest.raises(PermissionDenied):
        services.decide_registration(by=world["member"], registration=one, approve=True)
    assert services.decide_registration(by=world["boss"], registration=one, approve=True).status == CONFIRMED
    assert services.decide_registration(by=world["boss"], registration=two, approve=True).status == WAITING
    assert statuses(one, two) == [CONFIRMED, WAITING]


def test_declining_needs_a_word_and_the_place_goes_to_the_first_waiting_of_the_same_kind(world):
    gathering = services.plan_gathering(by=world["boss"], draft=draft(in_person_places=1, online_places=1))
    in_room, online, online_waits, room_waits = (factories.UserFactory() for _ in range(4))
    registrations = [sign_up(in_room, gathering), sign_up(online, gathering, "online"),
                     sign_up(online_waits, gathering, "online"), sign_up(room_waits, gathering)]
    assert statuses(*registrations) == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    with pytest.raises(DomainError) as refused:
        services.decide_registration(by=world["boss"], registration=registrations[0], approve=False, message=" ")
    assert refused.value.field == "message"
    assert statuses(*registrations) == [CONFIRMED, CONFIRMED, WAITING, WAITING]

    declined = services.decide_registration(by=world["boss"], registration=registrations[0], approve=False,
                                            message="The room is for delegates of member organisations.")
    assert declined.message == "The room is for delegates of member organisations."
    # The freed place in the room goes to the one waiting for the room, though someone waiting
    # online registered before them.
    assert statuses(*registrations) == [DECLINED, CONFIRMED, WAITING, CONFIRMED]
    with pytest.raises(DomainError):
        services.decide_registration(by=world["boss"], registration=registrations[0], approve=True)


def test_a_cancelled_place_goes_to_the_first_in_line(conference):
    people = [factories.UserFactory() for _ in range(5)]
    registrations = [sign_up(person, conference) for person in people]
    assert statuses(*registrations) == [CONFIRMED, CONFIRMED, WAITING, WAITING, WAITING]
    services.cancel_registration(by=people[0], registration=registrations[0])
    assert statuses(*registrations) == [CANCELLED, CONFIRMED, CONFIRMED, WAITING, WAITING]
    services.cancel_registration(by=people[3], registration=registrations[3])  # a waiting place frees nothing
    assert statuses(*registrations) == [CANCELLED, CONFIRMED, CONFIRMED, CANCELLED, WAITING]
    services.cancel_registration(by=people[1], registration=registrations[1])
    assert statuses(*registrations) == [CANCELLED, CANCELLED, CONFIRMED, CANCELLED, CONFIRMED]
    with pytest.raises(DomainError):
        services.cancel_registration(by=people[1], registration=registrations[1])
    with pytest.raises(PermissionDenied):  # nobody cancels another's registration but the organisers
        services.cancel_registration(by=people[0], registration=registrations[2])


def test_a_person_registers_once_and_after_cancelling_goes_to_the_end_of_the_line(conference):
    people = [factories.UserFactory() for _ in range(4)]
    registrations = [sign_up(person, conference) for person in people]
    assert statuses(*registrations) == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    with pytest.raises(DomainError):
        sign_up(people[0], conference, "online")
    with pytest.raises(DomainError):
        sign_up(people[2], conference)  # waiting is registered too
    assert Registration.objects.count() == 4

    services.cancel_registration(by=people[2], registration=registrations[2])
    again = sign_up(people[2], conference)
    assert again.status == WAITING and Registration.objects.filter(person=people[2]).count() == 1
    services.cancel_registration(by=people[0], registration=registrations[0])
    # The place goes to the one who kept their place in line, not to the one who came back.
    assert statuses(*registrations) == [CANCELLED, CONFIRMED, WAITING, CONFIRMED]


def test_a_delegate_represents_an_organisation_they_belong_to(world, conference):
    delegate, own = world["delegate"], world["organisation"]
    other = factories.OrganisationFactory()
    with pytest.raises(DomainError) as no_organisation:
        services.register(by=delegate, gathering=conference, attendance="in_person", role="delegate")
    assert no_organisation.value.field == "organisation"
    with pytest.raises(DomainError) as not_theirs:
        services.register(by=delegate, gathering=conference, attendance="in_person", role="delegate", organisation=other)
    assert not_theirs.value.field == "organisation"
    with pytest.raises(DomainError):
        services.register(by=world["outsider"], gathering=conference, attendance="in_person", role="press", organisation=own)
    assert not Registration.objects.exists()
    registration = services.register(by=delegate, gathering=conference, attendance="in_person", role="delegate", organisation=own)
    assert (registration.organisation, registration.role, registration.status) == (own, "delegate", CONFIRMED)


def test_registration_closes_when_the_organisers_said(world):
    now = timezone.now()
    closed = services.plan_gathering(by=world["boss"], draft=draft(registration_closes_at=now - timedelta(minutes=1)))
    over = services.plan_gathering(by=world["boss"], draft=draft(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1)))
    for gathering in (closed, over):
        with pytest.raises(DomainError):
            sign_up(world["outsider"], gathering)
    assert not Registration.objects.exists()
    still_open = services.plan_gathering(by=world["boss"], draft=draft(registration_closes_at=now + timedelta(minutes=5)))
    assert sign_up(world["outsider"], still_open).status == CONFIRMED


def test_a_kind_of_attendance_without_places_is_refused(world):
    online_only = services.plan_gathering(by=world["boss"], draft=draft(place=""))
    in_the_room = services.plan_gathering(by=world["boss"], draft=draft(online_link=""))
    for gathering, attendance in ((online_only, "in_person"), (in_the_room, "online"), (in_the_room, "by_pigeon")):
        with pytest.raises(DomainError) as refused:
            sign_up(world["outsider"], gathering, attendance)
        assert refused.value.field == "attendance"
    with pytest.raises(DomainError):
        sign_up(world["outsider"], in_the_room, role="guest of honour")
    assert not Registration.objects.exists()
    assert sign_up(world["outsider"], online_only, "online").status == CONFIRMED


def test_a_private_gathering_is_not_open_to_outsiders(world):
    private = services.plan_gathering(by=world["facilitator"], draft=draft(public=False), group=world["ga"])
    for person in (world["outsider"], world["delegate"]):
        with pytest.raises(NotFound):
            sign_up(person, private)
    assert not Registration.objects.exists()
    assert sign_up(world["member"], private).status == CONFIRMED
    assert sign_up(world["boss"], private).status == CONFIRMED


def test_each_change_of_status_is_emailed_to_the_person(world, django_capture_on_commit_callbacks):
    gathering = services.plan_gathering(by=world["boss"], draft=draft(needs_approval=True, in_person_places=1))
    first, second = factories.UserFactory(), factories.UserFactory()

    def sent(action) -> list[tuple[list[str], str]]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return [(message.to, message.subject) for message in mail.outbox]

    one = two = None

    def register_both():
        nonlocal one, two
        one, two = sign_up(first, gathering), sign_up(second, gathering)

    assert sent(register_both) == [
        ([first.email], f"{gathering.title}: Waiting for the organisers"),
        ([second.email], f"{gathering.title}: Waiting for the organisers"),
    ]
    assert sent(lambda: services.decide_registration(by=world["boss"], registration=one, approve=True)) == [
        ([first.email], f"{gathering.title}: Confirmed"),
    ]
    assert sent(lambda: services.decide_registration(by=world["boss"], registration=two, approve=True)) == [
        ([second.email], f"{gathering.title}: On the waiting list"),
    ]
    declined = sent(lambda: services.decide_registration(by=world["boss"], registration=one, approve=False,
                                                         message="Only delegates this year."))
    assert declined == [([first.email], f"{gathering.title}: Declined"), ([second.email], f"{gathering.title}: Confirmed")]
    assert "Only delegates this year." in mail.outbox[0].body and gathering.slug in mail.outbox[0].body


def test_an_organiser_cancelling_a_registration_tells_the_person(world, conference, django_capture_on_commit_callbacks):
    person = factories.UserFactory()
    registration = sign_up(person, conference)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(by=world["boss"], registration=registration)
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "Cancelled" in mail.outbox[0].subject


def test_the_email_speaks_the_persons_language(world, django_capture_on_commit_callbacks):
    gathering = services.plan_gathering(by=world["boss"], draft=draft(needs_approval=True))
    arabic = factories.UserFactory(language="ar")
    registration = sign_up(arabic, gathering)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_registration(by=world["boss"], registration=registration, approve=True)
    assert [m.to for m in mail.outbox] == [[arabic.email]]
    assert "مؤكَّد" in mail.outbox[0].subject and "Confirmed" not in mail.outbox[0].subject  # "Confirmed" in Arabic
    assert f"/ar/gatherings/{gathering.slug}/" in mail.outbox[0].body


# Pages ---------------------------------------------------------------------------------------------


def test_the_page_shows_the_agenda_by_day_and_the_places(client, conference):
    for _ in range(3):
        sign_up(factories.UserFactory(), conference)
    page = text(client.get(conference.get_absolute_url()))
    agenda = page.split('id="agenda"')[1].split('id="places"')[0]
    saturday, sunday = agenda.split("Saturday 10 March")[1].split("Sunday 11 March")
    assert "Opening plenary" in saturday and "Workshop on water rights" in saturday and "Closing plenary" not in saturday
    assert "Closing plenary" in sunday and "Opening plenary" not in sunday
    assert saturday.index("Opening plenary") < saturday.index("Workshop on water rights")
    assert "In the room: 2 of 2 taken" in page and "Online: 0 of 1 taken" in page
    assert "1 person on the waiting list" in page


def test_only_those_who_chose_it_are_listed_as_participants(client, world, conference):
    shelter = factories.OrganisationFactory(name="Mosul Women's Shelter")
    hidden = factories.member(shelter, display_name="Hidden Hana")
    services.register(by=hidden, gathering=conference, attendance="in_person", organisation=shelter, listed=False)
    services.register(by=world["delegate"], gathering=conference, attendance="in_person",
                      organisation=world["organisation"], listed=True)
    waiting = factories.UserFactory(display_name="Waiting Walid")
    sign_up(waiting, conference, listed=True)  # the room is full: waiting, so not listed
    for viewer in (None, world["outsider"], world["delegate"]):
        if viewer is not None:
            client.force_login(viewer)
        page = client.get(conference.get_absolute_url()).content.decode()
        participants = page.split('id="participants"')[1]
        assert "Delegate Dalia" in participants and "Basra Water Forum" in participants
        assert "Hidden Hana" not in page and "Mosul Women" not in page
        assert "Waiting Walid" not in page


def test_the_online_link_is_shown_only_to_those_confirmed_online(client, world, conference):
    in_room, online, waits_online = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    sign_up(in_room, conference)
    sign_up(online, conference, "online")
    sign_up(waits_online, conference, "online")
    assert LINK not in client.get(conference.get_absolute_url()).content.decode()
    for person, shown in ((in_room, False), (waits_online, False), (world["outsider"], False), (online, True)):
        client.force_login(person)
        assert (LINK in client.get(conference.get_absolute_url()).content.decode()) is shown, person
    assert LINK.encode() not in client.get(f"/en/gatherings/{conference.slug}/calendar.ics").content


def test_a_bad_registration_is_refused_with_the_reason_and_nothing_is_saved(client, world, conference):
    client.force_login(world["delegate"])
    url = conference.get_absolute_url()
    refused = client.post(url, {"role": "delegate", "attendance": "in_person", "organisation": "", "needs": "Arabic interpretation"})
    assert refused.status_code == 400
    assert "A delegate represents an organisation: choose it." in refused.content.decode()
    assert 'value="Arabic interpretation"' in refused.content.decode()
    assert not Registration.objects.exists()
    done = client.post(url, {"role": "delegate", "attendance": "in_person", "organisation": world["organisation"].pk,
                             "listed": "on"}, follow=True)
    assert "Your registration (In person): Confirmed." in text(done)
    registration = Registration.objects.get()
    assert (registration.person, registration.organisation, registration.listed) == (world["delegate"], world["organisation"], True)
    client.post(url, {"action": "cancel"})
    assert Registration.objects.get().status == CANCELLED


def test_a_visitor_is_asked_to_log_in_to_register(client, conference):
    response = client.post(conference.get_absolute_url(), {"role": "observer", "attendance": "in_person"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Registration.objects.exists()


def test_the_organisers_desk_approves_declines_and_records_attendance(client, world):
    gathering = services.plan_gathering(by=world["facilitator"], group=world["ga"],
                                        draft=started(needs_approval=True, in_person_places=1, certificates=True))
    first, second = factories.UserFactory(display_name="First Farah"), factories.UserFactory(display_name="Second Sami")
    one, two = sign_up(first, gathering), sign_up(second, gathering)
    desk = f"/en/gatherings/{gathering.slug}/organise/"
    for stranger in (world["member"], world["outsider"]):
        client.force_login(stranger)
        assert client.get(desk).status_code == 404
    client.force_login(world["facilitator"])
    page = client.get(desk).content.decode()
    assert "First Farah" in page and "Second Sami" in page

    assert client.post(desk, {"action": "registration", "registration": one.pk, "decision": "approve"}).status_code == 302
    refused = client.post(desk, {"action": "registration", "registration": two.pk, "decision": "decline", "message": ""}, follow=True)
    assert "Say why: the person will read it." in refused.content.decode()
    assert statuses(one, two) == [CONFIRMED, PENDING]
    client.post(desk, {"action": "registration", "registration": two.pk, "decision": "decline", "message": "The room is full."})
    assert statuses(one, two) == [CONFIRMED, DECLINED]
    client.post(desk, {"action": "registration", "registration": one.pk, "decision": "attended"})
    attended = Registration.objects.get(pk=one.pk)
    assert attended.attended and attended.certificate
    client.force_login(second)
    assert "The room is full." in client.get(gathering.get_absolute_url()).content.decode()


def test_a_session_with_bad_dates_keeps_what_was_typed(client, world, conference):
    client.force_login(world["boss"])
    desk = f"/en/gatherings/{conference.slug}/organise/"
    typed = {"action": "session", "title": "Panel on water rights", "starts_at": "2040-03-10T14:00",
             "ends_at": "2040-03-10T13:00", "room": "Room 5", "language": "en", "pathway": ""}
    refused = client.post(desk, typed)
    assert refused.status_code == 400
    assert "The session must end after it starts." in refused.content.decode()
    assert 'value="Panel on water rights"' in refused.content.decode()
    assert not Session.objects.filter(title="Panel on water rights").exists()
    assert client.post(desk, {**typed, "ends_at": "2040-03-10T15:00"}).status_code == 302
    session = Session.objects.get(title="Panel on water rights")
    assert (session.starts_at, session.ends_at, session.room) == (at(10, 14), at(10, 15), "Room 5")


def test_minutes_are_published_once_the_gathering_started(client, world, conference):
    client.force_login(world["boss"])
    too_early = client.post(f"/en/gatherings/{conference.slug}/organise/", {"action": "minutes", "minutes": "Nothing yet."})
    assert too_early.status_code == 400 and "Minutes are written once the gathering has started." in too_early.content.decode()
    assert Gathering.objects.get(pk=conference.pk).minutes == ""
    running = services.plan_gathering(by=world["boss"], draft=started())
    done = client.post(f"/en/gatherings/{running.slug}/organise/", {
        "action": "minutes", "minutes": "## Minutes\n\nThe assembly adopted the **budget for 2041**.",
    })
    assert done.status_code == 302 and done["Location"] == running.get_absolute_url()
    client.logout()
    page = client.get(running.get_absolute_url()).content.decode()
    assert "<strong>budget for 2041</strong>" in page and "Minutes and decisions" in page


def test_a_decision_taken_at_the_gathering_is_listed_on_its_page(client, world):
    gathering = services.plan_gathering(by=world["facilitator"], group=world["ga"], draft=started(title="General Assembly 2026"))
    elsewhere = services.plan_gathering(by=world["boss"], draft=started(title="Someone else's forum"))
    client.force_login(world["facilitator"])
    assert f"/record/?gathering={gathering.slug}" in client.get(f"/en/gatherings/{gathering.slug}/organise/").content.decode()
    form = {"title": "Adoption of the budget", "outcome": "The assembly adopted the budget for the coming year.",
            "language": "en", "decided_on": timezone.localdate().isoformat(), "place": "Erbil", "passed": "on", "public": "on"}
    done = client.post(f"/en/groups/{world['ga'].slug}/record/?gathering={gathering.slug}", form)
    assert done.status_code == 302
    decision = Decision.objects.get()
    assert decision.gathering == gathering
    # A gathering the group did not convene is not linked.
    client.post(f"/en/groups/{world['ga'].slug}/record/?gathering={elsewhere.slug}", {**form, "title": "Second decision"})
    assert Decision.objects.get(title="Second decision").gathering is None
    client.logout()
    page = client.get(gathering.get_absolute_url()).content.decode()
    assert f"{decision.reference.upper()}: Adoption of the budget" in page and decision.get_absolute_url() in page
    assert "Second decision" not in page
    assert "Adoption of the budget" not in client.get(elsewhere.get_absolute_url()).content.decode()


def test_the_arabic_page_reads_right_to_left(client, conference):
    response = client.get(f"/ar/gatherings/{conference.slug}/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode() and "Opening plenary" in response.content.decode()


def test_a_private_gathering_answers_404_to_outsiders(client, world):
    private = services.plan_gathering(by=world["facilitator"], group=world["ga"], draft=draft(public=False, title="Closed retreat"))
    session = services.add_session(by=world["facilitator"], gathering=private, title="Security", starts_at=at(10, 10),
                                   ends_at=at(10, 11), language="en")
    urls = [private.get_absolute_url(), f"/en/gatherings/{private.slug}/calendar.ics",
            f"/en/gatherings/{private.slug}/sessions/{session.pk}.ics"]
    for viewer in (None, world["outsider"]):
        if viewer is not None:
            client.force_login(viewer)
        assert [client.get(url).status_code for url in urls] == [404, 404, 404]
        assert "Closed retreat" not in client.get("/en/gatherings/").content.decode()
    client.force_login(world["member"])
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    assert "Closed retreat" in client.get("/en/gatherings/").content.decode()


# Calendar --------------------------------------------------------------------------------------


def test_the_calendar_of_a_gathering_holds_it_and_each_session(client, conference):
    response = client.get(f"/en/gatherings/{conference.slug}/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1 + 3
    first = events[0]
    assert str(first["SUMMARY"]) == "Annual conference of the network"
    assert (first.decoded("DTSTART"), first.decoded("DTEND")) == (conference.starts_at, conference.ends_at)
    assert "Rotana Hotel, Erbil" in str(first["LOCATION"])
    sessions = {str(event["SUMMARY"]): event for event in events[1:]}
    assert set(sessions) == {f"{title} (Annual conference of the network)"
                             for title in ("Opening plenary", "Workshop on water rights", "Closing plenary")}
    opening = sessions["Opening plenary (Annual conference of the network)"]
    assert opening.decoded("DTSTART") == at(10, 9) and opening.decoded("DTEND") == at(10, 10)
    assert "Hall A" in str(opening["LOCATION"]) and "Rotana Hotel" in str(opening["LOCATION"])
    assert len({str(event["UID"]) for event in events}) == 4


def test_the_calendar_of_one_session(client, conference):
    session = conference.sessions.get(title="Workshop on water rights")
    response = client.get(f"/en/gatherings/{conference.slug}/sessions/{session.pk}.ics")
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]).startswith("Workshop on water rights")
    assert event.decoded("DTSTART") == session.starts_at == at(10, 11)
    assert event.decoded("DTEND") == session.ends_at == at(10, 12, 30)
    assert "Room 3" in str(event["LOCATION"])
    other = services.plan_gathering(by=conference.created_by, draft=draft(title="Another"))
    assert client.get(f"/en/gatherings/{other.slug}/sessions/{session.pk}.ics").status_code == 404


# Certificates --------------------------------------------------------------------------------------


def test_attendance_is_recorded_once_the_gathering_started_and_only_for_confirmed_people(world, conference):
    registration = sign_up(world["outsider"], conference)
    with pytest.raises(DomainError):
        services.mark_attendance(by=world["boss"], registration=registration, attended=True)
    assert not Registration.objects.get(pk=registration.pk).attended
    running = services.plan_gathering(by=world["boss"], draft=started(in_person_places=1, certificates=True))
    sign_up(world["member"], running)
    waits = sign_up(world["delegate"], running)
    with pytest.raises(DomainError):
        services.mark_attendance(by=world["boss"], registration=waits, attended=True)
    with pytest.raises(PermissionDenied):
        services.mark_attendance(by=world["outsider"], registration=Registration.objects.get(person=world["member"]), attended=True)
    assert not Registration.objects.filter(attended=True).exists()


def test_an_attended_participant_gets_a_certificate_anyone_can_check(client, world):
    running = services.plan_gathering(by=world["boss"], draft=started(title="Training on advocacy", certificates=True))
    came = services.register(by=world["delegate"], gathering=running, attendance="in_person", organisation=world["organisation"])
    other = sign_up(world["member"], running)
    came = services.mark_attendance(by=world["boss"], registration=came, attended=True)
    assert len(came.certificate) >= 12 and not Registration.objects.get(pk=other.pk).certificate

    pdf_url = f"/en/gatherings/{running.slug}/certificate.pdf"
    client.force_login(world["delegate"])
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(world["member"])  # confirmed but not recorded as attending
    assert client.get(pdf_url).status_code == 404
    client.force_login(world["outsider"])
    assert client.get(pdf_url).status_code == 404
    client.logout()
    assert client.get(pdf_url).status_code == 302

    check = client.get(f"/en/gatherings/certificates/{came.certificate}/")
    assert check.status_code == 200
    assert "genuine" in check.content.decode() and "Delegate Dalia" in check.content.decode()
    assert "Training on advocacy" in check.content.decode()
    assert client.get("/en/gatherings/certificates/0123456789abcdef/").status_code == 404
    services.mark_attendance(by=world["boss"], registration=came, attended=False)  # recorded by mistake
    assert client.get(f"/en/gatherings/certificates/{came.certificate}/").status_code == 404


def test_no_certificate_where_the_gathering_gives_none(world):
    running = services.plan_gathering(by=world["boss"], draft=started(certificates=False))
    came = services.mark_attendance(by=world["boss"], registration=sign_up(world["member"], running), attended=True)
    assert came.attended and came.certificate == ""


def test_an_arabic_name_is_written_on_the_certificate(client, world):
    running = services.plan_gathering(by=world["boss"], draft=started(title="ورشة عمل حول المناصرة", certificates=True))
    fatima = factories.UserFactory(display_name="فاطمة الزهراء", language="ar")
    came = services.mark_attendance(by=world["boss"], registration=sign_up(fatima, running), attended=True)
    client.force_login(fatima)
    response = client.get(f"/ar/gatherings/{running.slug}/certificate.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "فاطمة الزهراء" in client.get(f"/ar/gatherings/certificates/{came.certificate}/").content.decode()


# API --------------------------------------------------------------------------------------------


def bearer(person) -> dict:
    from tadamun.accounts.services import create_api_token

    _token, secret = create_api_token(by=person, name="phone")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_api_lists_coming_gatherings_with_their_agenda_never_the_link(client, world, conference):
    now = timezone.now()
    past = services.plan_gathering(by=world["boss"], draft=draft(title="Last year's forum", starts_at=now - timedelta(days=300),
                                                                 ends_at=now - timedelta(days=299)))
    private = services.plan_gathering(by=world["facilitator"], group=world["ga"], draft=draft(title="Closed retreat", public=False))
    response = client.get("/api/gatherings")
    assert response.status_code == 200
    coming = response.json()
    assert [g["slug"] for g in coming] == [conference.slug]
    assert [s["title"] for s in coming[0]["sessions"]] == ["Opening plenary", "Workshop on water rights", "Closing plenary"]
    assert coming[0]["online"] is True and coming[0]["in_person_places"] == 2
    assert coming[0]["sessions"][0]["calendar"].endswith(".ics")
    assert LINK not in response.content.decode() and "room-7" not in response.content.decode()
    assert [g["slug"] for g in client.get("/api/gatherings?past=true").json()] == [past.slug]
    as_member = client.get("/api/gatherings", **bearer(world["member"]))
    assert {g["slug"] for g in as_member.json()} == {conference.slug, private.slug}
    assert LINK not in as_member.content.decode()


def test_registering_through_the_api(client, world, conference):
    url = f"/api/gatherings/{conference.pk}/registrations"
    headers = bearer(world["delegate"])
    bad = client.post(url, {"attendance": "by_pigeon", "role": "observer"}, content_type="application/json", **headers)
    assert bad.status_code == 400 and bad.json()["detail"] == "This gathering has no places of this kind."
    not_theirs = client.post(url, {"attendance": "in_person", "organisation": factories.OrganisationFactory().slug},
                             content_type="application/json", **headers)
    assert not_theirs.status_code == 400 and not_theirs.json()["field"] == "organisation"
    assert not Registration.objects.exists()

    done = client.post(url, {"attendance": "online", "organisation": world["organisation"].slug, "listed": True},
                       content_type="application/json", **headers)
    assert done.status_code == 201
    assert done.json() == {"detail": "Your registration: Confirmed.", "status": "confirmed"}
    registration = Registration.objects.get()
    assert (registration.person, registration.attendance, registration.organisation) == (
        world["delegate"], "online", world["organisation"])
    again = client.post(url, {"attendance": "in_person", "role": "observer"}, content_type="application/json", **headers)
    assert again.status_code == 400 and Registration.objects.count() == 1

    assert client.post(url, {"attendance": "in_person", "role": "observer"}, content_type="application/json").status_code == 401
    private = services.plan_gathering(by=world["facilitator"], group=world["ga"], draft=draft(public=False))
    hidden = client.post(f"/api/gatherings/{private.pk}/registrations", {"attendance": "in_person", "role": "observer"},
                         content_type="application/json", **bearer(world["outsider"]))
    assert hidden.status_code == 404 and Registration.objects.count() == 1
    missing = client.post("/api/gatherings/999999/registrations", {"attendance": "in_person", "role": "observer"},
                          content_type="application/json", **headers)
    assert missing.status_code == 404


# Who may see and organise what --------------------------------------------------------------------

ROLES = ["visitor", "outsider", "group_member", "facilitator", "creator", "coordinator"]
EVERYONE = set(ROLES)
ORGANISERS = {"facilitator", "creator", "coordinator"}

# (permission, object) → the roles that have it. Both gatherings are convened by the same
# (private) group; the creator planned them as a facilitator and has since left the group.
EXPECTED = {
    ("assembly.view_gathering", "public_gathering"): EVERYONE,
    ("assembly.view_gathering", "private_gathering"): {"group_member", "facilitator", "creator", "coordinator"},
    ("assembly.organise", "public_gathering"): ORGANISERS,
    ("assembly.organise", "private_gathering"): ORGANISERS,
    ("assembly.plan_gathering", "group"): {"facilitator", "coordinator"},
    ("assembly.plan_gathering", "no_group"): {"coordinator"},
}


@pytest.fixture
def matrix(db):
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Coordination committee", code="CC",
                                                                      kind=Group.Kind.COORDINATION, public=False))
    people = {
        "visitor": AnonymousUser(), "outsider": factories.UserFactory(), "group_member": factories.UserFactory(),
        "facilitator": factories.UserFactory(), "creator": factories.UserFactory(), "coordinator": boss,
    }
    services.add_member(by=boss, group=group, person=people["group_member"])
    for role in ("facilitator", "creator"):
        services.add_member(by=boss, group=group, person=people[role], role=GroupMember.Role.FACILITATOR)
    public = services.plan_gathering(by=people["creator"], group=group, draft=draft(title="Open forum"))
    private = services.plan_gathering(by=people["creator"], group=group, draft=draft(title="Closed retreat", public=False))
    services.remove_member(by=boss, group=group, person=people["creator"])
    objects = {"public_gathering": public, "private_gathering": private, "group": group, "no_group": None}
    return {"people": people, "objects": objects}


@pytest.mark.parametrize("permission, kind", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_gathering_permissions_follow_the_role(matrix, role, permission, kind):
    allowed = matrix["people"][role].has_perm(permission, matrix["objects"][kind])
    assert allowed is (role in EXPECTED[(permission, kind)]), (role, permission, kind)


@pytest.mark.parametrize("role", ROLES)
def test_the_list_of_gatherings_agrees_with_the_permissions(matrix, role):
    user = matrix["people"][role]
    public, private = matrix["objects"]["public_gathering"], matrix["objects"]["private_gathering"]
    sees_private = role in EXPECTED[("assembly.view_gathering", "private_gathering")]
    assert {g.slug for g in queries.gatherings_for(user)} == ({public.slug, private.slug} if sees_private else {public.slug})
    assert queries.gathering_for_viewer(user, public.slug) == public
    if sees_private:
        assert queries.gathering_for_viewer(user, private.slug) == private
    else:
        with pytest.raises(NotFound):
            queries.gathering_for_viewer(user, private.slug)
