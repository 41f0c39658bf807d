"""Rate limits beyond login (search, API), per address and per account, in the shared cache.

The client's address is REMOTE_ADDR, or, behind `NUM_PROXIES` proxies of our own, the
address those proxies appended to X-Forwarded-For: a client cannot choose its own.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.shortcuts import render
from ninja.throttling import SimpleRateThrottle


def client_ip(request: HttpRequest) -> str:
    proxies = settings.NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


class AddressThrottle(SimpleRateThrottle):
    """Counts the requests of one client address."""

    scope = "address"

    def __init__(self, rate: str, *, scope: str = "address") -> None:
        self.scope = scope
        super().__init__(rate)

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class PersonThrottle(AddressThrottle):
    """Counts the requests of one signed-in person (anonymous requests are not counted)."""

    def get_cache_key(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": f"person-{user.pk}"}


def within_rate(scope: str, ident: str, rate: str) -> bool:
    """Count one more attempt of `ident` (an address, a hashed email...) in `scope`; False
    once it goes over `rate` ("5/h"). The window is fixed, counted in the shared cache."""
    number, unit = rate.split("/", 1)
    count, seconds = int(number), {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit[:1]]
    key = f"rate:{scope}:{ident}"
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) <= count
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return True


def limit_rate(scope: str, *, per_address: str, per_person: str | None = None):
    """Answer 429 (a translated page) once a client or a person goes over the rate."""
    throttles = [AddressThrottle(per_address, scope=f"{scope}-address")]
    if per_person:
        throttles.append(PersonThrottle(per_person, scope=f"{scope}-person"))

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            for throttle in throttles:
                if not throttle.allow_request(request):
                    wait = throttle.wait()
                    response = render(request, "core/too_many_requests.html", {"wait": int(wait or 60)}, status=429)
                    response["Retry-After"] = str(int(wait or 60))
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def limit_search_rate(scope: str):
    """The rate limit of pages that search (directory, news), from settings.RATE_LIMITS."""
    return limit_rate(
        scope,
        per_address=settings.RATE_LIMITS["search_address"],
        per_person=settings.RATE_LIMITS["search_person"],
    )


def query_without_page(request: HttpRequest) -> str:
    """The query string of a list page without its page number (for pagination links)."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
