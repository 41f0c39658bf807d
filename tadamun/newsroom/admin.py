"""Coordinators' back office for the newsroom; state changes go through the services."""

from django.contrib import admin

from .models import Article, Attachment, FeedSource, Memory, Translator, Version, WireItem


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


@admin.register(FeedSource)
class FeedSourceAdmin(admin.ModelAdmin):
    """Coordinators register the feeds of international organisations working on Iraq."""

    list_display = ["name", "url", "language", "active", "last_fetched_at", "failures", "last_error"]
    list_filter = ["active", "language"]
    search_fields = ["name", "url"]
    readonly_fields = ["last_fetched_at", "last_error", "failures", "etag", "last_modified"]
    autocomplete_fields = ["organisation"]


@admin.register(WireItem)
class WireItemAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_at", "shared_as"]
    list_filter = ["source"]
    search_fields = ["title", "summary"]
    readonly_fields = ["source", "key", "guid", "url", "title", "summary", "published_at", "shared_as"]
