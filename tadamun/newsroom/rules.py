"""Who may do what in the newsroom (django-rules predicates)."""

from __future__ import annotations

import rules

from tadamun.network.models import Membership, Organisation

from .models import Article

NETWORK_EDITORS = "Network editors"


@rules.predicate
def is_network_editor(user) -> bool:
    """Coordinators and the people in the "Network editors" group review submissions."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_staff or user.groups.filter(name=NETWORK_EDITORS).exists()


def _is_editor_of(user, organisation_id: int) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return Membership.objects.filter(
        person=user,
        organisation_id=organisation_id,
        organisation__status=Organisation.Status.APPROVED,
        role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR],
    ).exists()


@rules.predicate
def writes_for(user, organisation) -> bool:
    """An editor or administrator of an approved member organisation."""
    return organisation is not None and _is_editor_of(user, organisation.pk)


@rules.predicate
def is_author(user, article) -> bool:
    return bool(user and user.is_authenticated and article is not None and article.author_id == user.pk)


@rules.predicate
def edits_for_its_organisation(user, article) -> bool:
    return article is not None and _is_editor_of(user, article.organisation_id)


@rules.predicate
def is_published(user, article) -> bool:
    return article is not None and article.status == Article.Status.PUBLISHED


@rules.predicate
def is_unpublished(user, article) -> bool:
    return article is not None and article.status != Article.Status.PUBLISHED


# An author who left the organisation (or whose organisation is no longer a member) keeps
# reading their drafts but no longer changes or submits them in its name.
can_view = is_published | is_author | edits_for_its_organisation | is_network_editor
can_edit = (edits_for_its_organisation | is_network_editor) & is_unpublished

rules.add_perm("newsroom.view_article", can_view)
rules.add_perm("newsroom.change_article", can_edit)
rules.add_perm("newsroom.submit_article", edits_for_its_organisation & is_unpublished)
rules.add_perm("newsroom.review_article", is_network_editor)
rules.add_perm("newsroom.unpublish_article", is_network_editor | edits_for_its_organisation)
rules.add_perm("newsroom.write_for", writes_for)
