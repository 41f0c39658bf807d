from django.urls import path

from . import feeds, views

app_name = "campaigns"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("propose/", views.propose, name="propose"),
    path("review/", views.review, name="review"),
    path("feed.rss", feeds.UpdatesFeed(), name="feed_rss"),
    path("pathway/<slug:value>.rss", feeds.UpdatesFeed(), {"kind": "pathway"}, name="pathway_rss"),
    path("organisation/<slug:value>.rss", feeds.UpdatesFeed(), {"kind": "organisation"}, name="organisation_rss"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("stop-news/<str:token>/", views.stop_news, name="stop_news"),
    path("<slug:slug>/", views.campaign, name="campaign"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/decide/", views.decide, name="decide"),
    path("<slug:slug>/endorse/", views.endorse, name="endorse"),
    path("<slug:slug>/endorsements/<int:endorsement_id>/", views.decide_endorsement, name="decide_endorsement"),
    path("<slug:slug>/messages/", views.post_message, name="message"),
    path("<slug:slug>/messages/<int:message_id>/moderate/", views.moderate, name="moderate"),
    path("<slug:slug>/messages/<int:message_id>/translate/", views.translate_message, name="translate_message"),
    path("<slug:slug>/actions/<int:action_id>/", views.action, name="action"),
    path("<slug:slug>/actions/<int:action_id>/signed/", views.signed, name="signed"),
    path("<slug:slug>/actions/<int:action_id>/embed/", views.embed, name="embed"),
    path("<slug:slug>/actions/<int:action_id>/signatures.csv", views.export_csv, name="export"),
    path("<slug:slug>/actions/<int:action_id>/letters.pdf", views.letters_pdf, name="letters"),
    path("<slug:slug>/actions/<int:action_id>/delivery/", views.deliver, name="deliver"),
    path("<slug:slug>/actions/<int:action_id>/close/", views.close, name="close"),
]
