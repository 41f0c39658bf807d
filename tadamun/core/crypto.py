"""Encryption at rest: AES-256-GCM with a keyring of our own (not SECRET_KEY).

Keys come from `FIELD_ENCRYPTION_KEYS` ("kid:base64key,..."; the first encrypts, all
decrypt, so keys can be rotated). Outside production, when the variable is empty, a key is
generated once into `var/field-keys` (never committed). Every value carries its key id and
is bound to associated data (for a model field: model, field and row), so a ciphertext
cannot be moved elsewhere. A failure to decrypt raises `DecryptionError`.
"""

from __future__ import annotations

import base64
import os
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "enc1"


class DecryptionError(Exception):
    pass


def _parse(spec: str) -> list[tuple[str, bytes]]:
    ring = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        kid, _, b64 = part.partition(":")
        key = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4))
        if len(key) != 32 or not kid or not kid.isalnum():
            raise ValueError("FIELD_ENCRYPTION_KEYS: each key is kid:base64(32 bytes)")
        ring.append((kid, key))
    return ring


def new_key_spec(kid: str) -> str:
    return f"{kid}:" + base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode().rstrip("=")


@cache
def keyring() -> list[tuple[str, bytes]]:
    spec = settings.FIELD_ENCRYPTION_KEYS
    if not spec:
        path = settings.VAR_DIR / "field-keys"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(new_key_spec("dev1"))
        spec = path.read_text().strip()
    ring = _parse(spec)
    if not ring:
        raise ValueError("FIELD_ENCRYPTION_KEYS holds no key")
    return ring


def encrypt(plaintext: str, *, context: str) -> str:
    kid, key = keyring()[0]
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), f"{kid}|{context}".encode())
    return f"{PREFIX}:{kid}:" + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt(token: str, *, context: str) -> str:
    try:
        prefix, kid, b64 = token.split(":", 2)
    except ValueError as exc:
        raise DecryptionError("not an encrypted value") from exc
    if prefix != PREFIX:
        raise DecryptionError("not an encrypted value")
    keys = dict(keyring())
    if kid not in keys:
        raise DecryptionError(f"unknown key id {kid!r}")
    raw = base64.urlsafe_b64decode(b64)
    try:
        return AESGCM(keys[kid]).decrypt(raw[:12], raw[12:], f"{kid}|{context}".encode()).decode()
    except InvalidTag as exc:
        raise DecryptionError("value does not decrypt with its key and context") from exc
