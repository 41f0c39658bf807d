"""Who may see and do what in the newsroom: every role against every state of an article."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tadamun.core.errors import NotFound
from tadamun.network.models import Membership
from tadamun.newsroom import queries
from tadamun.newsroom.models import Article
from tests import factories
from tests.newsroom.factories import ArticleFactory, network_editor

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "outsider", "org_member", "org_editor", "org_admin",
    "author", "other_editor", "network_editor", "coordinator",
]
STATES = [Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.PUBLISHED]

ORGANISATION_EDITORS = {"author", "org_editor", "org_admin"}
REVIEWERS = {"network_editor", "coordinator"}


def expected(permission: str, role: str, state: str) -> bool:
    unpublished = state != Article.Status.PUBLISHED
    if permission == "newsroom.view_article":
        return not unpublished or role in ORGANISATION_EDITORS | REVIEWERS
    if permission == "newsroom.change_article":
        return unpublished and role in ORGANISATION_EDITORS | REVIEWERS
    if permission == "newsroom.submit_article":
        return unpublished and role in ORGANISATION_EDITORS
    if permission == "newsroom.review_article":
        return role in REVIEWERS
    if permission == "newsroom.unpublish_article":
        return role in ORGANISATION_EDITORS | REVIEWERS
    raise AssertionError(permission)


PERMISSIONS = [
    "newsroom.view_article",
    "newsroom.change_article",
    "newsroom.submit_article",
    "newsroom.review_article",
    "newsroom.unpublish_article",
]


@pytest.fixture
def world(db):
    """An organisation that writes, one article of it in each state, one person per role."""
    writing = factories.OrganisationFactory()
    elsewhere = factories.OrganisationFactory()
    author = factories.member(writing, Membership.Role.EDITOR)
    people = {
        "anonymous": AnonymousUser(),
        "outsider": factories.UserFactory(),
        "org_member": factories.member(writing, Membership.Role.MEMBER),
        "org_editor": factories.member(writing, Membership.Role.EDITOR),
        "org_admin": factories.member(writing, Membership.Role.ADMIN),
        "author": author,
        "other_editor": factories.member(elsewhere, Membership.Role.EDITOR),
        "network_editor": network_editor(),
        "coordinator": factories.coordinator(),
    }
    articles = {state: ArticleFactory(organisation=writing, author=author, status=state) for state in STATES}
    return {"people": people, "articles": articles, "writing": writing}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_permissions_follow_the_role_and_the_state_of_the_article(world, role, state):
    user = world["people"][role]
    article = world["articles"][state]
    for permission in PERMISSIONS:
        assert user.has_perm(permission, article) is expected(permission, role, state), (role, state, permission)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_an_article_the_viewer_may_not_see_is_answered_like_a_missing_one(world, role, state):
    user = world["people"][role]
    article = world["articles"][state]
    if expected("newsroom.view_article", role, state):
        assert queries.article_for_viewer(user, article.slug) == article
    else:
        with pytest.raises(NotFound):
            queries.article_for_viewer(user, article.slug)
    with pytest.raises(NotFound):
        queries.article_for_viewer(user, "no-such-article")


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_and_admins_of_an_approved_organisation_write_for_it(world, role):
    user = world["people"][role]
    assert user.has_perm("newsroom.write_for", world["writing"]) is (role in ORGANISATION_EDITORS)


def test_a_plain_member_of_the_organisation_does_not_see_its_drafts(world):
    plain = world["people"]["org_member"]
    assert not plain.has_perm("newsroom.view_article", world["articles"][Article.Status.DRAFT])
    assert not plain.has_perm("newsroom.view_article", world["articles"][Article.Status.SUBMITTED])
    assert plain.has_perm("newsroom.view_article", world["articles"][Article.Status.PUBLISHED])


def test_an_inactive_network_editor_or_coordinator_reviews_nothing(world):
    for role in ("network_editor", "coordinator"):
        user = world["people"][role]
        user.is_active = False
        user.save()
        for state in STATES:
            assert not user.has_perm("newsroom.review_article", world["articles"][state])
            assert not user.has_perm("newsroom.unpublish_article", world["articles"][state])


def test_the_published_list_never_holds_drafts_or_submissions(world):
    listed = list(queries.published())
    assert listed == [world["articles"][Article.Status.PUBLISHED]]
    everything = queries.published(queries.ArticleFilters(q="news from the network"))
    assert {a.status for a in everything} == {Article.Status.PUBLISHED}
    by_organisation = queries.published(queries.ArticleFilters(organisation=world["writing"].slug))
    assert list(by_organisation) == [world["articles"][Article.Status.PUBLISHED]]


@pytest.mark.django_db
def test_an_author_who_left_the_organisation_no_longer_writes_in_its_name():
    from tadamun.network.models import Membership
    from tests import factories as base
    from tests.newsroom.factories import ArticleFactory

    organisation = base.OrganisationFactory()
    author = base.member(organisation, Membership.Role.EDITOR)
    draft = ArticleFactory(organisation=organisation, author=author)
    assert author.has_perm("newsroom.change_article", draft)
    Membership.objects.filter(person=author).delete()
    assert author.has_perm("newsroom.view_article", draft)  # they still read what they wrote
    assert not author.has_perm("newsroom.change_article", draft)
    assert not author.has_perm("newsroom.submit_article", draft)
