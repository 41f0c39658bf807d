from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .catalogue import BY_SLUG


class Pathway(models.Model):
    """One of the nine massarat. Names and summaries come from the translated catalogue."""

    slug = models.SlugField(unique=True)
    number = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("pathways:detail", kwargs={"slug": self.slug})

    @property
    def name(self):
        return BY_SLUG[self.slug].name

    @property
    def summary(self):
        return BY_SLUG[self.slug].summary

    @property
    def colour(self) -> str:
        return BY_SLUG[self.slug].colour
