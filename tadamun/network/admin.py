"""Coordinators manage the network here; state changes go through the services."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tadamun.core.errors import DomainError

from . import queries, services
from .models import (
    ActivityCentre,
    ContactDetail,
    Governorate,
    Invitation,
    Membership,
    Organisation,
    WorkingLanguage,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


class ContactInline(admin.TabularInline):
    model = ContactDetail
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "status", "is_trusted", "created_at"]
    list_filter = ["status", "kind", "is_trusted", "pathways", "governorates"]
    search_fields = ["name", "search_text", "slug"]
    filter_horizontal = ["governorates", "pathways", "languages"]
    readonly_fields = ["status", "applicant", "reviewed_by", "reviewed_at", "rejection_reason", "created_at", "updated_at"]
    inlines = [MembershipInline, ContactInline]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected applications"))
    def approve(self, request, queryset):
        for organisation in queryset.filter(status=Organisation.Status.PENDING):
            try:
                services.approve_organisation(by=request.user, organisation=organisation)
            except DomainError as error:
                self.message_user(request, f"{organisation}: {error.message}", messages.ERROR)

    def save_model(self, request, obj, form, change):
        services.refresh_search_fields(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        transaction.on_commit(queries.network_changed)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(queries.network_changed)


@admin.register(Governorate)
class GovernorateAdmin(admin.ModelAdmin):
    list_display = ["iso_code", "slug", "kurdistan_region"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(WorkingLanguage)
admin.site.register(ActivityCentre, list_display=["name", "governorate", "city", "host"], autocomplete_fields=["host"])
admin.site.register(Membership, list_display=["person", "organisation", "role"], list_filter=["role"], autocomplete_fields=["person", "organisation"])
admin.site.register(Invitation, list_display=["email", "organisation", "role", "created_at", "accepted_at"])
