"""Uploaded images: checked by their bytes, rebuilt from pixels, metadata gone.

A plain Pillow re-save drops EXIF and GPS but can keep the JPEG comment, ICC profiles
and XMP; we copy only the pixels into a new image and encode that (WebP), so nothing
that came with the upload survives but the picture itself.
"""

from __future__ import annotations

import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from tadamun.core.errors import DomainError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def rebuild_image(upload, *, max_side: int = 512, max_bytes: int | None = None) -> ContentFile:
    """Validate an uploaded image and return a metadata-free WebP copy (server-named)."""
    max_bytes = max_bytes or settings.LOGO_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image is too large: at most %(size)s MB.") % {"size": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not (
        head.startswith(b"\xff\xd8\xff")
        or head.startswith(b"\x89PNG\r\n\x1a\n")
        or head.startswith(b"GIF8")
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
    ):
        raise ValidationError(_("Upload a JPEG, PNG, GIF or WebP image."), code="not_image")
    try:
        with Image.open(upload) as source:
            if source.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG, GIF or WebP image."), code="not_image")
            if max(source.size) > settings.LOGO_MAX_PIXELS * 4:
                raise ValidationError(_("The image is too large."), code="too_large")
            source = ImageOps.exif_transpose(source)  # keep what the camera meant as "up"
            mode = "RGBA" if source.mode in ("RGBA", "LA", "P") else "RGB"
            pixels = source.convert(mode)
            pixels.thumbnail((max_side, max_side))
            clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    except UnidentifiedImageError as exc:
        raise ValidationError(_("Upload a JPEG, PNG, GIF or WebP image."), code="not_image") from exc
    except (OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("This image could not be read."), code="broken") from exc
    out = io.BytesIO()
    clean.save(out, format="WEBP", quality=85)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(16)}.webp")


def replace_image(instance, field_name: str, upload, *, max_side: int = 512, max_bytes: int | None = None) -> None:
    """Put a rebuilt copy of `upload` (or, with None, nothing) in an image field of
    `instance`, unsaved; the old file is deleted once the transaction commits.
    A bad upload raises DomainError on that field and changes nothing."""
    field_file = getattr(instance, field_name)
    old = field_file.name if field_file else ""
    if upload is None:
        setattr(instance, field_name, "")
    else:
        try:
            clean = rebuild_image(upload, max_side=max_side, max_bytes=max_bytes)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field=field_name) from exc
        field_file.save(clean.name, clean, save=False)
    if old:
        storage = field_file.storage
        transaction.on_commit(lambda: storage.delete(old))
