"""RSS 2.0 and Atom feeds of news and initiatives (Django's syndication framework).

One feed per language (the URL prefix picks the locale's home page) for the
whole network, and one per member organisation. Only live, public pages;
links are absolute; each item carries its image as an enclosure.
"""

import mimetypes
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Site

from caching.generation import fragment_cached
from caching.queries import locale_code

from .selectors import (
    attach_organisations,
    initiatives_for_listing,
    localized_area_names,
    news_for_listing,
    organisation_for_filter,
)

FEED_LENGTH = 30


@dataclass
class FeedScope:
    request: object
    home: object
    organisation: object
    network_name: str


def _root_translation(root, language):
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    return root.get_translation_or_none(locale) if locale else None


def _home_for_request(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site")
    language = translation.get_language()
    root = site.root_page
    if locale_code(root.locale_id) == language:
        home = root
    else:
        home = fragment_cached(
            "home-translation", root.pk, language, build=lambda: _root_translation(root, language), structural=True
        )
    if home is None or not home.live:
        raise Http404("This site is not published in this language")
    return site, home


class _PageFeed(Feed):
    feed_type = Rss201rev2Feed
    kind = ""

    def get_object(self, request, organisation=None):
        site, home = _home_for_request(request)
        org = None
        if organisation:
            org = organisation_for_filter(home=home, slug=organisation)
            if org is None:
                raise Http404("No such organisation")
        from home.models import NetworkSettings

        return FeedScope(request, home, org, NetworkSettings.for_site(site).network_name)

    def link(self, obj):
        page = obj.organisation or obj.home
        return page.get_full_url(obj.request)

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def items(self, obj):
        # Cached until the next change; the links are absolute, so per host and scheme.
        return fragment_cached(
            "feed-items",
            type(self).__name__,
            obj.home.pk,
            obj.organisation.pk if obj.organisation else None,
            obj.request.scheme,
            obj.request.get_host(),
            build=lambda: self._items(obj),
        )

    def _items(self, obj):
        items = attach_organisations(self.get_pages(obj)[:FEED_LENGTH])
        area_names = localized_area_names(items)
        for item in items:
            item.feed_categories = [area_names[area.pk] for area in item.areas.all()]
            # Item methods get no request: resolve what needs it here.
            item.feed_link = item.get_full_url(obj.request)
            image = item.get_listing_image()
            item.feed_enclosure = None
            if image is not None:
                mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
                item.feed_enclosure = Enclosure(
                    obj.request.build_absolute_uri(image.file.url), str(image.file_size or 0), mime_type
                )
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_listing_summary()

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.organisation_page.title if item.organisation_page else None

    def item_enclosures(self, item):
        return [item.feed_enclosure] if item.feed_enclosure else []

    def item_categories(self, item):
        return item.feed_categories


class NewsFeed(_PageFeed):
    def title(self, obj):
        if obj.organisation:
            return _("%(network)s: news from %(organisation)s") % {
                "network": obj.network_name,
                "organisation": obj.organisation.title,
            }
        return _("%(network)s: news") % {"network": obj.network_name}

    def description(self, obj):
        return _("The latest news published on %(network)s.") % {"network": obj.network_name}

    def get_pages(self, obj):
        return news_for_listing(home=obj.home, organisation=obj.organisation.slug if obj.organisation else None)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class InitiativesFeed(_PageFeed):
    def title(self, obj):
        if obj.organisation:
            return _("%(network)s: initiatives of %(organisation)s") % {
                "network": obj.network_name,
                "organisation": obj.organisation.title,
            }
        return _("%(network)s: initiatives") % {"network": obj.network_name}

    def description(self, obj):
        return _("Initiatives of %(network)s, most recently published first.") % {"network": obj.network_name}

    def get_pages(self, obj):
        organisation = obj.organisation.slug if obj.organisation else None
        return initiatives_for_listing(home=obj.home, organisation=organisation).order_by("-first_published_at")


class InitiativesAtomFeed(InitiativesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
