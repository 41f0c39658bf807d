"""Coordinators' back office for consultations (read mostly; changes go through services)."""

from django.contrib import admin

from .models import Consultation, Statement


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["number", "text", "language", "status", "vote_count"]
    readonly_fields = ["number", "vote_count"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["question", "audience", "opens_at", "closes_at", "participant_count", "vote_count"]
    readonly_fields = ["participant_count", "vote_count", "source", "created_by"]
    inlines = [StatementInline]
