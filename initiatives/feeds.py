"""RSS 2.0 and Atom feeds of news and initiatives (Django's syndication framework).

One feed per language (the URL prefix picks the locale's home page) for the
whole network, and one per member organisation. Only live, public pages;
links are absolute; each item carries its image as an enclosure.
"""

import datetime
import io
import mimetypes
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from core.models import NetworkSettings
from core.queries import locale_code

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
    locale = Locale.objects.filter(language_code=language).first()
    return root.get_translation_or_none(locale) if locale else None


def _home_for_request(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site")
    language = translation.get_language()
    root = site.root_page
    home = root if locale_code(root.locale_id) == language else _root_translation(root, language)
    if home is None or not home.live:
        raise Http404("This site is not published in this language")
    return site, home


@dataclass(frozen=True)
class FeedEntry:
    """What a feed shows of one page."""

    title: str
    description: str
    link: str
    pubdate: datetime.datetime | None
    updateddate: datetime.datetime | None
    author_name: str | None
    enclosure: Enclosure | None
    categories: list


class _BufferedFeed:
    """A feed generator that writes its XML in one piece: into the response
    directly, each of its few thousand small writes cost a conversion to bytes."""

    def __init__(self, feed):
        self._feed = feed

    def __getattr__(self, name):
        return getattr(self._feed, name)

    def write(self, outfile, encoding):
        buffer = io.StringIO()
        self._feed.write(buffer, encoding)
        outfile.write(buffer.getvalue())


class _PageFeed(Feed):
    feed_type = Rss201rev2Feed
    kind = ""

    def get_feed(self, obj, request):
        return _BufferedFeed(super().get_feed(obj, request))

    def get_object(self, request, organisation=None):
        site, home = _home_for_request(request)
        org = None
        if organisation:
            org = organisation_for_filter(home=home, slug=organisation)
            if org is None:
                raise Http404("No such organisation")
        return FeedScope(request, home, org, NetworkSettings.for_site(site).network_name)

    def link(self, obj):
        page = obj.organisation or obj.home
        return page.get_full_url(obj.request)

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def items(self, obj):
        pages = attach_organisations(self.get_pages(obj)[:FEED_LENGTH])
        area_names = localized_area_names(pages)
        return [self._entry(page, obj.request, area_names) for page in pages]

    @staticmethod
    def _entry(page, request, area_names):
        # Item methods get no request: what needs it is resolved here.
        image = page.get_listing_image()
        enclosure = None
        if image is not None:
            mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
            enclosure = Enclosure(request.build_absolute_uri(image.file.url), str(image.file_size or 0), mime_type)
        return FeedEntry(
            title=page.title,
            description=str(page.get_listing_summary() or ""),
            link=page.get_full_url(request),
            pubdate=page.first_published_at,
            updateddate=page.last_published_at,
            author_name=page.organisation_page.title if page.organisation_page else None,
            enclosure=enclosure,
            categories=[area_names[area.pk] for area in page.areas.all()],
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.link

    def item_pubdate(self, item):
        return item.pubdate

    def item_updateddate(self, item):
        return item.updateddate

    def item_author_name(self, item):
        return item.author_name

    def item_enclosures(self, item):
        return [item.enclosure] if item.enclosure else []

    def item_categories(self, item):
        return item.categories


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
