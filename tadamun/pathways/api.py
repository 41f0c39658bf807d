from django.http import HttpRequest
from ninja import Router, Schema

from . import queries

router = Router(tags=["pathways"])


class PathwayOut(Schema):
    slug: str
    number: int
    name: str
    summary: str
    colour: str
    organisations: int


@router.get("", response=list[PathwayOut], auth=None)
def list_pathways(request: HttpRequest):
    """The nine pathways (massarat), named in the request's language, with the number of
    member organisations working on each."""
    return [
        {
            "slug": p.slug,
            "number": p.number,
            "name": str(p.name),
            "summary": str(p.summary),
            "colour": p.colour,
            "organisations": p.organisation_count,
        }
        for p in queries.pathways_with_counts()
    ]
