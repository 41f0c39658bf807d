from django.urls import path

from . import feeds, opportunity_views, views

app_name = "solidarity"

urlpatterns = [
    # Opportunities and applications (opportunity_views)
    path("opportunities/", opportunity_views.opportunity_list, name="opportunities"),
    path("opportunities/new/", opportunity_views.publish, name="publish"),
    path("opportunities/feed.rss", feeds.OpportunitiesFeed(), name="opportunities_rss"),
    path("opportunities/<slug:slug>/", opportunity_views.opportunity, name="opportunity"),
    path("opportunities/<slug:slug>/edit/", opportunity_views.edit, name="edit_opportunity"),
    path("opportunities/<slug:slug>/close/", opportunity_views.close, name="close_opportunity"),
    path("opportunities/<slug:slug>/apply/", opportunity_views.apply, name="apply"),
    path("opportunities/<slug:slug>/applications/", opportunity_views.applications, name="applications"),
    path(
        "opportunities/<slug:slug>/applications/<int:application_id>/", opportunity_views.decide, name="decide_application"
    ),
    path("solidarity/applications/", opportunity_views.my_applications, name="my_applications"),
    path(
        "solidarity/applications/<int:application_id>/withdraw/", opportunity_views.withdraw, name="withdraw_application"
    ),
    # Needs, offers, suggestions, introductions, the partnership graph (views)
    path("solidarity/", views.hub, name="hub"),
    path("solidarity/needs/", views.contribution_list, {"side": "need"}, name="needs"),
    path("solidarity/offers/", views.contribution_list, {"side": "offer"}, name="offers"),
    path("solidarity/needs/new/", views.state, {"side": "need"}, name="state_need"),
    path("solidarity/offers/new/", views.state, {"side": "offer"}, name="state_offer"),
    path("solidarity/needs/<int:pk>/", views.contribution, {"side": "need"}, name="need"),
    path("solidarity/offers/<int:pk>/", views.contribution, {"side": "offer"}, name="offer"),
    path("solidarity/needs/<int:pk>/edit/", views.edit_contribution, {"side": "need"}, name="edit_need"),
    path("solidarity/offers/<int:pk>/edit/", views.edit_contribution, {"side": "offer"}, name="edit_offer"),
    path("solidarity/organisations/<slug:slug>/", views.desk, name="desk"),
    path("solidarity/organisations/<slug:slug>/introduce/<slug:counterpart>/", views.introduce, name="introduce"),
    path("solidarity/suggestions/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("solidarity/introductions/<int:pk>/", views.introduction, name="introduction"),
    path("solidarity/introductions/<int:pk>/withdraw/", views.withdraw_introduction, name="withdraw_introduction"),
    path("solidarity/network/", views.network_suggestions, name="network"),
    path("solidarity/skills/", views.skills, name="skills"),
    path("solidarity/security/", views.security, name="security"),
]
