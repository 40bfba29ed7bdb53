"""What Varnish must drop when an initiative or a news item changes (caching/purge.py's hook)."""

from django.urls import reverse
from django.utils import translation

from wagtail import hooks
from wagtail.models import Page

from .models import InitiativeIndexPage, InitiativePage, NewsIndexPage, NewsPage

NETWORK_FEEDS = ["feed_news_rss", "feed_news_atom", "feed_initiatives_rss", "feed_initiatives_atom"]
ORGANISATION_FEEDS = [
    "feed_organisation_news_rss",
    "feed_organisation_news_atom",
    "feed_organisation_initiatives_rss",
    "feed_organisation_initiatives_atom",
]


@hooks.register("purge_pages_showing")
def listings_feeds_and_calendar(page):
    """The listings (and the calendar) of the page's language, the partner and
    co-organiser pages that list it, and the feeds it is in."""
    page = page.specific
    if not isinstance(page, InitiativePage | NewsPage):
        return []
    shown = list(Page.objects.live().type(InitiativeIndexPage, NewsIndexPage).filter(locale_id=page.locale_id))
    initiative = page if isinstance(page, InitiativePage) else page.related_initiative
    if initiative is not None:
        shown += [*initiative.partners.all(), *initiative.organisers.all()]
    site = page.get_site()
    parent = page.get_parent()
    if site is not None:
        with translation.override(page.locale.language_code):
            shown += [site.root_url + reverse(name) for name in NETWORK_FEEDS]
            if parent is not None:
                shown += [
                    site.root_url + reverse(name, kwargs={"organisation": parent.slug}) for name in ORGANISATION_FEEDS
                ]
    return shown
