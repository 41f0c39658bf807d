"""Coordinators' back office for the newsroom; state changes go through the services."""

from django.contrib import admin

from .models import Article, Attachment, Memory, Translator, Version


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["title", "file", "size"]


class VersionInline(admin.TabularInline):
    model = Version
    extra = 0
    fields = ["language", "status", "origin", "translator", "reviewer"]
    readonly_fields = fields


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "kind", "original_language", "status", "published_at"]
    list_filter = ["status", "kind", "original_language", "pathways"]
    search_fields = ["title", "search_text"]
    readonly_fields = ["status", "body_html", "published_at", "submitted_at", "reviewed_by", "author", "organisation"]
    inlines = [AttachmentInline, VersionInline]


@admin.register(Translator)
class TranslatorAdmin(admin.ModelAdmin):
    """Volunteers choose their pairs; coordinators make some of them reviewers here."""

    list_display = ["person", "source_language", "target_language", "reviews"]
    list_filter = ["reviews", "source_language", "target_language"]
    list_editable = ["reviews"]
    search_fields = ["person__email", "person__display_name"]
    autocomplete_fields = ["person"]


@admin.register(Memory)
class MemoryAdmin(admin.ModelAdmin):
    list_display = ["source_language", "target_language", "source", "created_at"]
    list_filter = ["source_language", "target_language"]
    search_fields = ["source", "target"]
