"""Read paths of the pathways."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.network.models import Organisation
from tadamun.network.queries import DirectoryFilters, directory

from .models import Pathway


def pathways_with_counts() -> list[Pathway]:
    """The nine pathways, each with its number of member organisations."""
    return list(
        Pathway.objects.annotate(
            organisation_count=Count("organisations", filter=Q(organisations__status=Organisation.Status.APPROVED))
        ).order_by("number")  # Meta.ordering is not applied to aggregated queries
    )


def pathway(slug: str) -> Pathway:
    found = Pathway.objects.filter(slug=slug).first()
    if found is None:
        raise NotFound(_("There is no such pathway."))
    return found


def organisations_on(pathway: Pathway) -> QuerySet[Organisation]:
    """Member organisations working on this pathway (later apps add their own lists)."""
    return directory(DirectoryFilters(pathway=pathway.slug))
