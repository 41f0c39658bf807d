"""Uploaded documents: checked by their bytes, never by their name or declared type."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from .errors import DomainError

PDF_MAX_BYTES = 20 * 1024 * 1024


def read_pdf(upload: UploadedFile, *, max_bytes: int | None = None, field: str = "file") -> bytes:
    """The bytes of an uploaded PDF; refused (with a translated message) when too large or not a PDF."""
    if upload.size > (max_bytes or PDF_MAX_BYTES):
        raise DomainError(_("The file is too large: at most 20 MB."), field=field)
    upload.seek(0)
    data = upload.read()
    if not data.startswith(b"%PDF-"):
        raise DomainError(_("Attach a PDF file."), field=field)
    return data
