"""Background work shared by every app: sending email in the recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def send_templated_email(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str = "en",
    link: dict | None = None,
    links: dict[str, dict] | None = None,
) -> None:
    """Render `<template>_subject.txt` and `<template>.txt` in `language` and send them.

    `link` ({"name": url name, "kwargs": {...}}) becomes `{{ link }}`, an absolute address
    in the recipient's language. Context values must be JSON-serialisable (tasks are
    stored in the database). `links` names several such addresses: {"confirm": {...}}.
    """
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        if link:
            context["link"] = settings.SITE_URL + reverse(link["name"], kwargs=link.get("kwargs") or {})
        for key, spec in (links or {}).items():
            context[key] = settings.SITE_URL + reverse(spec["name"], kwargs=spec.get("kwargs") or {})
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    message.send()


def email_later(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str = "en",
    link: dict | None = None,
    links: dict[str, dict] | None = None,
) -> None:
    """Queue an email once the current transaction commits (nothing for a rollback)."""
    transaction.on_commit(
        lambda: send_templated_email.enqueue(
            to=to, template=template, context=context, language=language, link=link, links=links
        )
    )
