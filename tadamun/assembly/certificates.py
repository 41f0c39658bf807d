"""Certificates of attendance as PDF (trainings and conferences), in the participant's
language, with a code anyone can verify on the platform. Arabic and Kurdish are shaped by
fpdf2 with HarfBuzz, with the Noto fonts shipped in `core/fonts` (as campaign letters)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from tadamun.campaigns.letters import FONTS

from .models import Registration


def certificate_pdf(registration: Registration) -> bytes:
    gathering = registration.gathering
    pdf = FPDF(format="A4", orientation="landscape")
    pdf.add_font("sans", fname=str(FONTS / "NotoSans-Regular.ttf"))
    pdf.add_font("naskh", fname=str(FONTS / "NotoNaskhArabic-Regular.ttf"))
    pdf.set_fallback_fonts(["naskh"])
    pdf.set_text_shaping(True)
    pdf.set_title(_("Certificate of attendance"))
    pdf.set_creator("Tadamun")
    pdf.add_page()
    pdf.set_draw_color(31, 78, 137)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)

    def line(text: str, size: int, gap: float = 6) -> None:
        pdf.set_font("sans", size=size)
        pdf.multi_cell(0, size * 0.6, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(34)
    line(_("Certificate of attendance"), 28, 10)
    line(_("This certifies that"), 14)
    name = registration.person.display_name or registration.person.email
    line(name, 24)
    if registration.organisation:
        line(_("representing %(organisation)s") % {"organisation": registration.organisation.display_name}, 14)
    line(_("took part in"), 14)
    line(gathering.title, 20)
    days = f"{timezone.localdate(gathering.starts_at):%Y-%m-%d} – {timezone.localdate(gathering.ends_at):%Y-%m-%d}"
    line(" · ".join(part for part in (days, gathering.place) if part), 12, 14)
    check = settings.SITE_URL + reverse("assembly:certificate_check", kwargs={"code": registration.certificate})
    line(_("Verify this certificate: %(address)s") % {"address": check}, 9, 0)
    return bytes(pdf.output())
