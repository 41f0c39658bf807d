"""Accounts: sign-up with email verification, tokens, encrypted two-factor secrets."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.db import connection

from tadamun.accounts.models import ApiToken, User
from tadamun.core import crypto
from tests import factories

pytestmark = pytest.mark.django_db


def test_signup_verification_and_login(client):
    response = client.post("/ar/accounts/signup/", {"email": "new@example.org", "password1": "a long enough passphrase", "password2": "a long enough passphrase"})
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.language == "ar"
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[-1].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 302
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "new@example.org", "password": "a long enough passphrase"})
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 200


def test_signup_does_not_reveal_existing_accounts(client, person):
    response = client.post("/en/accounts/signup/", {"email": person.email, "password1": "a long enough passphrase", "password2": "a long enough passphrase"})
    assert response.status_code == 302  # same answer as a new address; the owner gets an email instead


def test_api_token_is_shown_once_and_stored_hashed(client, person):
    client.force_login(person)
    response = client.post("/en/account/tokens/", {"name": "our website"})
    raw = re.search(r"tdm_[A-Za-z0-9_-]+", response.content.decode()).group(0)
    token = ApiToken.objects.get(user=person)
    assert token.digest == ApiToken.digest_of(raw) and raw not in token.digest
    again = client.get("/en/account/").content.decode()
    assert raw not in again and token.prefix in again
    client.post(f"/en/account/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_token_cannot_be_revoked(client, person):
    other = factories.UserFactory()
    token = ApiToken.objects.create(user=other, name="x", prefix="tdm_x", digest="0" * 64)
    client.force_login(person)
    assert client.post(f"/en/account/tokens/{token.pk}/revoke/").status_code == 404


def test_totp_secrets_are_encrypted_at_rest(person):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE user_id = %s", [person.pk])
        stored = str(cursor.fetchone()[0])
    assert secret not in stored and crypto.PREFIX in stored
    auth = Authenticator.objects.get(user=person, type="totp")
    assert auth.wrap().instance.data["secret"] != secret


def test_encryption_is_bound_to_its_context():
    token = crypto.encrypt("0", context="a")
    assert crypto.decrypt(token, context="a") == "0"
    assert crypto.decrypt(crypto.encrypt("", context="a"), context="a") == ""
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token, context="b")


def test_admin_login_goes_through_the_secured_login(client):
    response = client.get("/en/admin/login/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
