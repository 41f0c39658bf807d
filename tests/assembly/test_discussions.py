"""Discussions inside a group: for its members, with replies, mentions and emails."""

from __future__ import annotations

import pytest
from django.core import mail

from tadamun.assembly import services
from tadamun.assembly.models import Post, Thread
from tadamun.core.errors import PermissionDenied
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth(db):
    boss = factories.coordinator()
    group = services.create_group(by=boss, draft=services.GroupDraft(name="Working group on youth", code="YOUTH"))
    people = {}
    for name, notify in (("Fatima Ali", "digest"), ("Karwan Aziz", "immediate"), ("Laila Hassan", "none"), ("علي حسن", "digest")):
        person = factories.UserFactory(display_name=name)
        services.add_member(by=boss, group=group, person=person)
        services.set_notifications(person=person, group=group, notify=notify)
        people[name] = person
    return {"boss": boss, "group": group, **people}


def test_members_discuss_and_mentioned_people_are_told(youth, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.start_thread(by=youth["Fatima Ali"], group=youth["group"], title="Youth camp in Duhok",
                                       body="Who can host the **camp**? @علي-حسن you offered last year.")
    post = thread.posts.get()
    assert "<strong>camp</strong>" in post.body_html
    assert list(post.mentions.all()) == [youth["علي حسن"]]
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([youth["علي حسن"].email, youth["Karwan Aziz"].email])  # mentioned, and the one who wants everything
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(by=youth["Karwan Aziz"], thread=thread, body="@laila-hassan could you ask your union? <script>x</script>")
    thread.refresh_from_db()
    assert thread.post_count == 2
    assert "<script>" not in Post.objects.latest("pk").body_html
    assert mail.outbox == []  # Laila chose no email; the author is not told of their own message


def test_outsiders_neither_read_nor_write(client, youth):
    thread = services.start_thread(by=youth["Fatima Ali"], group=youth["group"], title="Budget", body="Let us plan the budget.")
    outsider = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        services.reply(by=outsider, thread=thread, body="Hello")
    assert client.get(thread.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "Budget" not in client.get(youth["group"].get_absolute_url()).content.decode()
    client.force_login(youth["Laila Hassan"])
    page = client.get(youth["group"].get_absolute_url()).content.decode()
    assert "Budget" in page
    refused = client.post(thread.get_absolute_url(), {"body": ""})
    assert refused.status_code == 400 and Thread.objects.get().post_count == 1
    client.post(thread.get_absolute_url(), {"body": "I will bring the figures."})
    assert "I will bring the figures." in client.get(thread.get_absolute_url()).content.decode()
