"""The one way the server fetches a URL someone gave it (feeds of the wire).

Timeouts, a size cap, conditional GET, redirects followed by hand (at most five) and
each hop checked: no scheme but http(s), no private, loopback, link-local or reserved
address unless the operator allows it (`FETCH_ALLOW_PRIVATE_ADDRESSES`, for a feed on
the same network, and for tests on loopback). OWASP ASVS V1.3.6.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 5


class FetchError(Exception):
    """The URL could not be fetched; the message says why (for the source's error log)."""


@dataclass
class Fetched:
    status: int  # 200, or 304 when not modified
    body: bytes
    etag: str
    last_modified: str
    url: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) address: {url[:200]}")
    if settings.FETCH_ALLOW_PRIVATE_ADDRESSES:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError as exc:
        raise FetchError(f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"{parts.hostname} is a private or reserved address")


def _read(response, *, max_bytes: int, deadline: float) -> bytes:
    """Read the body in chunks: too large or too slow (a server dripping bytes) fails."""
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("too slow")
        try:
            chunk = response.read(65536)
        except (TimeoutError, OSError) as exc:
            raise FetchError(f"cannot read: {exc}") from exc
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: more than {max_bytes} bytes")
        chunks.append(chunk)


def fetch(url: str, *, etag: str = "", last_modified: str = "", timeout: float | None = None,
          max_bytes: int | None = None) -> Fetched:
    """GET `url` safely; raises FetchError for anything but a usable answer."""
    timeout = timeout or settings.FETCH_TIMEOUT_SECONDS
    max_bytes = max_bytes or settings.FETCH_MAX_BYTES
    for _hop in range(MAX_REDIRECTS + 1):
        _check_address(url)
        headers = {"User-Agent": "Tadamun wire (+https://github.com/tadamun)", "Accept": "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        try:
            response = _opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urljoin(url, exc.headers["Location"])
                continue
            if exc.code == 304:
                return Fetched(304, b"", etag, last_modified, url)
            raise FetchError(f"HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise FetchError(f"cannot fetch: {getattr(exc, 'reason', exc)}") from exc
        with response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: {declared} bytes")
            body = _read(response, max_bytes=max_bytes, deadline=time.monotonic() + timeout * 3)
            return Fetched(
                response.status, body, response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""), url
            )
    raise FetchError("too many redirects")
