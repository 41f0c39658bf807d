from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/apply/", views.apply, name="apply"),
    path("organisations/review/", views.review, name="review"),
    path("organisations/review/<int:organisation_id>/", views.review_decide, name="review_decide"),
    path("organisations/invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("organisations/<slug:slug>/", views.organisation, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.edit, name="edit"),
    path("organisations/<slug:slug>/logo/", views.logo, name="logo"),
    path("organisations/<slug:slug>/members/", views.members, name="members"),
    path("organisations/<slug:slug>/members/<int:membership_id>/", views.member_change, name="member_change"),
    path("map/", views.network_map, name="map"),
]
