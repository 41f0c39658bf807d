from django.urls import path

from . import feeds, views

app_name = "newsroom"

rss, atom = feeds.RssFeed(), feeds.AtomFeed()

urlpatterns = [
    path("", views.news, name="news"),
    path("write/", views.write, name="write"),
    path("desk/", views.desk, name="desk"),
    path("review/", views.review, name="review"),
    path("digest/", views.digest, name="digest"),
    path("digest/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("wire/", views.wire, name="wire"),
    path("wire/<int:item_id>/share/", views.share, name="share"),
    path("translations/", views.translations, name="translations"),
    path("translations/<int:version_id>/", views.translation, name="translation"),
    path("feed.rss", rss, {"kind": "language"}, name="feed_rss"),
    path("feed.atom", atom, {"kind": "language"}, name="feed_atom"),
    path("feed.json", feeds.json_feed, {"kind": "language"}, name="feed_json"),
    path("<str:kind>/<slug:value>.rss", rss, name="scoped_rss"),
    path("<str:kind>/<slug:value>.atom", atom, name="scoped_atom"),
    path("<str:kind>/<slug:value>.json", feeds.json_feed, name="scoped_json"),
    path("<slug:slug>/", views.article, name="article"),
    path("<slug:slug>/print/", views.article_print, name="print"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/cover/", views.cover, name="cover"),
    path("<slug:slug>/files/", views.attach, name="attach"),
    path("<slug:slug>/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path("<slug:slug>/files/<int:attachment_id>/remove/", views.detach, name="detach"),
    path("<slug:slug>/decide/", views.decide, name="decide"),
    path("<slug:slug>/translations/", views.request_translation, name="request_translation"),
]
