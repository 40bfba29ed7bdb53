"""Feed URLs, inside i18n_patterns: /pl/feeds/news.rss, /en/feeds/mops/initiatives.atom …"""

from django.urls import path

from .feeds import InitiativesAtomFeed, InitiativesFeed, NewsAtomFeed, NewsFeed

urlpatterns = [
    path("feeds/news.rss", NewsFeed(), name="feed_news_rss"),
    path("feeds/news.atom", NewsAtomFeed(), name="feed_news_atom"),
    path("feeds/initiatives.rss", InitiativesFeed(), name="feed_initiatives_rss"),
    path("feeds/initiatives.atom", InitiativesAtomFeed(), name="feed_initiatives_atom"),
    path("feeds/<slug:organisation>/news.rss", NewsFeed(), name="feed_organisation_news_rss"),
    path("feeds/<slug:organisation>/news.atom", NewsAtomFeed(), name="feed_organisation_news_atom"),
    path("feeds/<slug:organisation>/initiatives.rss", InitiativesFeed(), name="feed_organisation_initiatives_rss"),
    path(
        "feeds/<slug:organisation>/initiatives.atom", InitiativesAtomFeed(), name="feed_organisation_initiatives_atom"
    ),
]
