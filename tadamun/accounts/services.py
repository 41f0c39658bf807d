"""Account verbs: API tokens."""

from __future__ import annotations

import logging
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tadamun.core.errors import DomainError, NotFound
from tadamun.core.text import clean_text

from .models import ApiToken, User

log = logging.getLogger("tadamun.accounts")
MAX_ACTIVE_TOKENS = 10


@transaction.atomic
def create_api_token(*, by: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for `by`; returns it and the raw secret, which is never stored."""
    name = clean_text(name)
    if not name:
        raise DomainError(_("Give the token a name."), field="name")
    User.objects.select_for_update().filter(pk=by.pk).first()
    if by.api_tokens.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise DomainError(_("You have too many active tokens: revoke one first."))
    raw = "tdm_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=by, name=name[:80], prefix=raw[:10], digest=ApiToken.digest_of(raw))
    log.info("api token created user=%s token=%s", by.pk, token.pk)
    return token, raw


@transaction.atomic
def revoke_api_token(*, by: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=by).first()
    if token is None:
        raise NotFound(_("This token does not exist."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log.info("api token revoked user=%s token=%s", by.pk, token.pk)
    return token


def user_for_token(raw: str) -> User | None:
    """The active person a raw API token belongs to, or None."""
    if not raw or not raw.startswith("tdm_"):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def update_preferences(*, by: User, display_name: str, language: str) -> User:
    by.display_name = clean_text(display_name)[:150]
    by.language = language
    by.save(update_fields=["display_name", "language"])
    return by
