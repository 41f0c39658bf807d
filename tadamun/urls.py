from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from tadamun.api import api

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Tadamun"

urlpatterns = [
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("tadamun.core.urls")),
    path("", include("tadamun.network.urls")),
    path("pathways/", include("tadamun.pathways.urls")),
    path("news/", include("tadamun.newsroom.urls")),
    path("campaigns/", include("tadamun.campaigns.urls")),
    path("", include("tadamun.assembly.urls")),  # consultations/, groups/, decisions/
    path("", include("tadamun.solidarity.urls")),  # opportunities/, solidarity/
    path("accounts/", include("allauth.urls")),
    path("account/", include("tadamun.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if not settings.PRODUCTION:
    # Media files in development; production serves them from the front web server.
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
