"""Read paths of the pathways."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tadamun.core.errors import NotFound
from tadamun.network.models import Organisation
from tadamun.network.queries import DirectoryFilters, directory, pathway_counts

from .models import Pathway


def pathways_with_counts() -> list[Pathway]:
    """The nine pathways, each with its number of member organisations."""
    counts = pathway_counts()
    pathways = list(Pathway.objects.all())
    for pathway in pathways:
        pathway.organisation_count = counts.get(pathway.slug, 0)
    return pathways


def pathway(slug: str) -> Pathway:
    found = Pathway.objects.filter(slug=slug).first()
    if found is None:
        raise NotFound(_("There is no such pathway."))
    return found


def organisations_on(pathway: Pathway) -> QuerySet[Organisation]:
    """Member organisations working on this pathway (later apps add their own lists)."""
    return directory(DirectoryFilters(pathway=pathway.slug))
