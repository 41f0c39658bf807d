"""Coordinators' back office for campaigns: read mostly; state changes go through the services.
Signatures are not listed here: signers' details leave the platform only through the logged export."""

from django.contrib import admin

from .models import Action, Authority, Campaign, Endorsement, Export, Message


class AuthorityInline(admin.TabularInline):
    model = Authority
    extra = 0


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["kind", "title", "status", "goal", "signature_count", "closes_at"]
    readonly_fields = fields


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "lead", "status", "published_at"]
    list_filter = ["status", "pathways"]
    search_fields = ["title", "search_text"]
    readonly_fields = ["status", "lead", "proposed_by", "reviewed_by", "reviewed_at", "published_at", "story_html", "strategy_html"]
    inlines = [AuthorityInline, ActionInline]


@admin.register(Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    list_display = ["organisation", "campaign", "status", "decided_at"]
    list_filter = ["status"]
    readonly_fields = ["campaign", "organisation", "status", "requested_by", "decided_by", "decided_at"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["name", "campaign", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    readonly_fields = ["campaign", "author", "organisation", "status", "moderated_by", "published_at"]


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    """Who exported signatures, when: the log, read-only."""

    list_display = ["action", "by", "format", "rows", "created_at"]
    readonly_fields = ["action", "by", "format", "rows", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
