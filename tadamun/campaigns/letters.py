"""The letters of a letter action compiled into one PDF addressed to the authority.

fpdf2 with HarfBuzz shaping writes Arabic and Kurdish correctly (joined letters, right to
left); the fonts are Noto, shipped in `core/fonts` (SIL Open Font License).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF

from .models import Action, Signature

FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"


class LetterPDF(FPDF):
    def __init__(self, action: Action) -> None:
        super().__init__(format="A4")
        self.action = action
        self.add_font("sans", fname=str(FONTS / "NotoSans-Regular.ttf"))
        self.add_font("naskh", fname=str(FONTS / "NotoNaskhArabic-Regular.ttf"))
        self.set_fallback_fonts(["naskh"])
        self.set_text_shaping(True)
        self.set_auto_page_break(True, margin=18)
        self.set_title(action.title)
        self.set_creator("Tadamun")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("sans", size=8)
        self.cell(0, 6, f"{self.action.title} · {self.page_no()}", align="C")

    def paragraph(self, text: str, *, size: int = 11, rtl: bool = False) -> None:
        self.set_font("sans", size=size)
        self.multi_cell(0, size * 0.55, text, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)


def _rtl(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0590" <= c <= "\u08ff" for c in letters) > len(letters) / 2


def compile_pdf(action: Action, signatures: Iterable[Signature]) -> bytes:
    pdf = LetterPDF(action)
    pdf.add_page()
    rtl = action.language in ("ar", "ckb")
    pdf.paragraph(action.authority.name, size=14, rtl=_rtl(action.authority.name))
    pdf.paragraph(action.title, size=16, rtl=_rtl(action.title))
    pdf.paragraph(action.text, rtl=rtl)
    signed = ngettext(
        "%(count)s person signed this letter. Compiled on %(date)s.",
        "%(count)s people signed this letter. Compiled on %(date)s.",
        action.signature_count,
    )
    pdf.paragraph(signed % {"count": action.signature_count, "date": timezone.localdate().isoformat()}, size=9)
    as_written, personal = [], []
    for signature in signatures:
        (personal if signature.letter else as_written).append(signature)
    if as_written:
        pdf.paragraph(_("Signed by:"), size=12)
        for signature in as_written:
            place = signature.governorate.name if signature.governorate else signature.country.name
            pdf.paragraph(f"{signature.name} · {place}", size=10, rtl=_rtl(signature.name))
    for signature in personal:
        pdf.add_page()
        pdf.paragraph(action.authority.name, size=12, rtl=_rtl(action.authority.name))
        pdf.paragraph(signature.letter, rtl=_rtl(signature.letter))
        place = signature.governorate.name if signature.governorate else signature.country.name
        pdf.paragraph(f"{signature.name} · {place} · {signature.confirmed_at:%Y-%m-%d}", size=10, rtl=_rtl(signature.name))
    return bytes(pdf.output())
