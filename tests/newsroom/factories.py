"""Test data builders for the newsroom (factory_boy)."""

from __future__ import annotations

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.text import normalise
from tadamun.network.models import Governorate
from tadamun.newsroom.models import Article
from tadamun.newsroom.rules import NETWORK_EDITORS
from tadamun.pathways.models import Pathway
from tests.factories import OrganisationFactory, UserFactory


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article as the services would have saved it (rendered body, search key)."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    author = None
    slug = factory.Sequence(lambda n: f"article-{n}")
    kind = Article.Kind.NEWS
    original_language = "en"
    title = factory.Sequence(lambda n: f"News from the network {n}")
    summary = factory.LazyAttribute(lambda a: f"What happened: {a.title}.")
    body = factory.LazyAttribute(lambda a: f"## {a.title}\n\nThe organisation met the people of the town.")
    body_html = factory.LazyAttribute(lambda a: markdown.render(a.body))
    status = Article.Status.DRAFT
    submitted_at = factory.LazyAttribute(
        lambda a: timezone.now() if a.status != Article.Status.DRAFT else None
    )
    published_at = factory.LazyAttribute(
        lambda a: timezone.now() if a.status == Article.Status.PUBLISHED else None
    )
    search_text = factory.LazyAttribute(lambda a: normalise(" ".join([a.title, a.summary, a.body])))

    @factory.post_generation
    def pathways(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.pathways.set(Pathway.objects.filter(slug__in=extracted))

    @factory.post_generation
    def governorates(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.governorates.set(Governorate.objects.filter(iso_code__in=extracted))


def network_editor(**kwargs) -> User:
    """A person in the "Network editors" group (not staff): reviews submissions."""
    user = UserFactory(**kwargs)
    group, _created = Group.objects.get_or_create(name=NETWORK_EDITORS)
    user.groups.add(group)
    return user
