from django.contrib import admin

from .models import Pathway


@admin.register(Pathway)
class PathwayAdmin(admin.ModelAdmin):
    list_display = ["number", "slug", "name"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
