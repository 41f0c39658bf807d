from django.urls import path

from . import views

app_name = "assembly"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("open/", views.open_consultation, name="open"),
    path("<slug:slug>/", views.consultation, name="consultation"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/moderation/", views.moderation, name="moderation"),
    path("<slug:slug>/translate/", views.translate, name="translate"),
]
