"""Machine translation: a pluggable backend that pre-fills translation drafts.

Off by default: nothing leaves the server unless an operator sets LIBRETRANSLATE_URL
(a self-hosted LibreTranslate, https://github.com/LibreTranslate/LibreTranslate).
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger("tadamun.newsroom")


class MachineTranslationError(Exception):
    pass


class MachineTranslator(Protocol):
    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]: ...


class LibreTranslate:
    """The LibreTranslate HTTP API: POST /translate with a list of texts."""

    def __init__(self, url: str, api_key: str = "", timeout: float = 20.0, languages: dict[str, str] | None = None):
        self.url = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout
        # Our language codes to the server's, where they differ (e.g. {"kmr": "ku"}).
        self.languages = languages or {}

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        if not texts:
            return []
        payload = {
            "q": texts,
            "source": self.languages.get(source, source),
            "target": self.languages.get(target, target),
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        request = urllib.request.Request(
            self.url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (operator's URL)
                body = json.loads(response.read(5_000_000))
        except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
            raise MachineTranslationError(str(exc)) from exc
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if isinstance(translated, str):
            translated = [translated]
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise MachineTranslationError("unexpected answer from the translation server")
        return [str(text) for text in translated]


def backend() -> MachineTranslator | None:
    """The configured machine translator, or None (the default: no machine translation)."""
    path = settings.MACHINE_TRANSLATION_BACKEND
    if not path:
        return None
    if path == "libretranslate":
        if not settings.LIBRETRANSLATE_URL:
            return None
        return LibreTranslate(
            settings.LIBRETRANSLATE_URL,
            api_key=settings.LIBRETRANSLATE_API_KEY,
            languages=settings.LIBRETRANSLATE_LANGUAGES,
        )
    return import_string(path)()
