"""The weekly digest: one email per person, in their language, with a working unsubscribe link."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tadamun.newsroom import services
from tadamun.newsroom.models import Article, DigestSubscription, FeedSource, WireItem
from tadamun.pathways.models import Pathway
from tests import factories as base
from tests.newsroom.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def subscriber(language="en", pathways=(), languages=()):
    person = base.UserFactory(language=language)
    services.subscribe_digest(by=person, pathways=list(Pathway.objects.filter(slug__in=pathways)), languages=list(languages))
    return person


def test_one_email_per_person_with_what_concerns_them(client):
    organisation = base.OrganisationFactory(name="Basra Women's Forum")
    ArticleFactory(organisation=organisation, title="Women's shelters open", original_language="en",
                   status=Article.Status.PUBLISHED, pathways=["women"])
    ArticleFactory(organisation=organisation, title="مقال عن الشباب", original_language="ar",
                   status=Article.Status.PUBLISHED, pathways=["youth"])
    ArticleFactory(organisation=organisation, title="Old news", original_language="en", status=Article.Status.PUBLISHED,
                   published_at=timezone.now() - timedelta(days=30), pathways=["women"])
    ArticleFactory(organisation=organisation, title="A draft", original_language="en", pathways=["women"])
    source = FeedSource.objects.create(name="Peace Example", url="https://peace.example.org/feed", language="en")
    WireItem.objects.create(source=source, key="k1", title="Delegation to Basra", url="https://peace.example.org/1",
                            published_at=timezone.now())
    women_reader = subscriber("it", pathways=["women"], languages=["en"])
    arabic_reader = subscriber("ar", languages=["ar"])
    subscriber("en", pathways=["demilitarization"], languages=["ar"])  # nothing for them: no email
    assert services.send_digests() == 2
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {women_reader.email, arabic_reader.email}
    italian = by_person[women_reader.email]
    assert "Women's shelters open" in italian.body and "Basra Women's Forum" in italian.body
    assert "Old news" not in italian.body and "A draft" not in italian.body and "مقال عن الشباب" not in italian.body
    assert "Delegation to Basra" in italian.body
    assert "/it/news/" in italian.body and "settimana" in italian.subject.lower()
    arabic = by_person[arabic_reader.email]
    assert "مقال عن الشباب" in arabic.body and "Delegation to Basra" not in arabic.body

    link = re.search(r"https?://\S+/news/digest/unsubscribe/\S+/", italian.body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert client.get(path).status_code == 200  # asks first: a mail program opening it changes nothing
    assert DigestSubscription.objects.get(person=women_reader).active
    client.post(path)  # no login needed
    assert not DigestSubscription.objects.get(person=women_reader).active
    mail.outbox.clear()
    services.send_digests()
    assert women_reader.email not in {m.to[0] for m in mail.outbox}


def test_a_forged_unsubscribe_link_changes_nothing(client):
    person = subscriber()
    subscription = DigestSubscription.objects.get(person=person)
    token = services.unsubscribe_token(subscription)
    forged = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert client.post(f"/en/news/digest/unsubscribe/{forged}/").status_code == 400
    assert DigestSubscription.objects.get(person=person).active


def test_choosing_the_digest(client):
    person = base.UserFactory()
    client.force_login(person)
    client.post("/en/news/digest/", {"active": "on", "pathways": ["women", "youth"], "languages": ["ar", "ckb"]})
    subscription = DigestSubscription.objects.get(person=person)
    assert subscription.active and subscription.languages == ["ar", "ckb"]
    assert {p.slug for p in subscription.pathways.all()} == {"women", "youth"}
