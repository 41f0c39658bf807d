"""Background work shared by every app: sending email in the recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_templated_email(*, to: list[str], template: str, context: dict, language: str = "en") -> None:
    """Render `<template>_subject.txt` and `<template>.txt` in `language` and send them.

    Context values must be JSON-serialisable (tasks are stored in the database).
    """
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    message.send()


def email_later(*, to: list[str], template: str, context: dict, language: str = "en") -> None:
    """Queue an email once the current transaction commits (nothing for a rollback)."""
    from django.db import transaction

    transaction.on_commit(
        lambda: send_templated_email.enqueue(to=to, template=template, context=context, language=language)
    )
