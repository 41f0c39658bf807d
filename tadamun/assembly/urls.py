from django.urls import path

from . import feeds, views

app_name = "assembly"

urlpatterns = [
    path("consultations/", views.consultation_list, name="list"),
    path("consultations/open/", views.open_consultation, name="open"),
    path("consultations/<slug:slug>/", views.consultation, name="consultation"),
    path("consultations/<slug:slug>/report/", views.report, name="report"),
    path("consultations/<slug:slug>/moderation/", views.moderation, name="moderation"),
    path("consultations/<slug:slug>/translate/", views.translate, name="translate"),
    path("groups/", views.group_list, name="groups"),
    path("groups/<slug:slug>/", views.group, name="group"),
    path("groups/<slug:slug>/members/", views.group_members, name="group_members"),
    path("groups/<slug:slug>/propose/", views.propose, name="propose"),
    path("groups/<slug:slug>/discussions/new/", views.start_thread, name="start_thread"),
    path("groups/<slug:slug>/discussions/<int:thread_id>/", views.thread, name="thread"),
    path("groups/<slug:slug>/record/", views.record_decision, name="record_decision"),
    path("groups/<slug:slug>/proposals/<int:proposal_id>/", views.proposal, name="proposal"),
    path("groups/<slug:slug>/proposals/<int:proposal_id>/versions/", views.proposal_versions, name="proposal_versions"),
    path("groups/<slug:slug>/proposals/<int:proposal_id>/proxy/", views.give_proxy, name="give_proxy"),
    path("gatherings/", views.gathering_list, name="gatherings"),
    path("gatherings/plan/", views.plan_gathering, name="plan_gathering"),
    path("gatherings/certificates/<str:code>/", views.certificate_check, name="certificate_check"),
    path("gatherings/<slug:slug>/", views.gathering, name="gathering"),
    path("gatherings/<slug:slug>/calendar.ics", views.gathering_calendar, name="gathering_ics"),
    path("gatherings/<slug:slug>/sessions/<int:session_id>.ics", views.session_calendar, name="session_ics"),
    path("gatherings/<slug:slug>/organise/", views.organise_gathering, name="organise"),
    path("gatherings/<slug:slug>/certificate.pdf", views.certificate, name="certificate"),
    path("gatherings/<slug:slug>/documents/<int:document_id>/", views.gathering_document, name="gathering_document"),
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/feed.rss", feeds.DecisionsFeed(), name="feed"),
    path("decisions/<str:kind>/<slug:value>.rss", feeds.DecisionsFeed(), name="scoped_feed"),
    path("decisions/<slug:reference>/", views.decision, name="decision"),
]
