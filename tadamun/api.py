"""The API (django-ninja): one NinjaAPI under /api/, each app adds its router."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.security import HttpBearer

from tadamun.accounts.services import user_for_token
from tadamun.core.errors import DomainError, NotFound, PermissionDenied, TooManyRequests
from tadamun.core.ratelimit import AddressThrottle, PersonThrottle


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tdm_...`: a personal token made on the account page."""

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


def optional_token(request: HttpRequest):
    """Reads work without a token (as an anonymous visitor); with one, as its owner."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(header[7:].strip())
        if user is None:
            return None  # a wrong token is refused, not silently anonymous
        request.user = user
        return user
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request.user


api = NinjaAPI(
    throttle=[
        AddressThrottle(settings.RATE_LIMITS["api_address"], scope="api-address"),
        PersonThrottle(settings.RATE_LIMITS["api_person"], scope="api-person"),
    ],
    title="Tadamun API",
    version="1",
    description=(
        "The solidarity network: organisations, pathways, governorates, news, campaigns, consultations, "
        "decisions and gatherings, opportunities, needs and offers, suggested counterparts and introductions."
    ),
    urls_namespace="api",
)


@api.exception_handler(NotFound)
def _not_found(request, exc: NotFound):
    return api.create_response(request, {"detail": exc.message}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": exc.message}, status=403)


@api.exception_handler(TooManyRequests)
def _too_many(request, exc: TooManyRequests):
    return api.create_response(request, {"detail": exc.message}, status=429)


@api.exception_handler(DomainError)
def _refused(request, exc: DomainError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=400)


@api.get("/health", auth=None, tags=["health"])
def health(request):
    """200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001  (any database failure means "unhealthy")
        return api.create_response(request, {"status": "unavailable", "database": "unreachable"}, status=503)
    return {"status": "ok", "database": "ok"}


from tadamun.assembly.api import groups_router  # noqa: E402
from tadamun.assembly.api import router as assembly_router  # noqa: E402
from tadamun.campaigns.api import router as campaigns_router  # noqa: E402
from tadamun.network.api import router as network_router  # noqa: E402
from tadamun.newsroom.api import router as newsroom_router  # noqa: E402
from tadamun.pathways.api import router as pathways_router  # noqa: E402
from tadamun.solidarity.api import router as solidarity_router  # noqa: E402

api.add_router("/", network_router)
api.add_router("/", newsroom_router)
api.add_router("/", campaigns_router)
api.add_router("/", assembly_router)
api.add_router("/", groups_router)
api.add_router("/pathways", pathways_router)
api.add_router("/", solidarity_router)
