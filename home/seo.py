"""Search engines and sharing: the sitemap with hreflang alternates, robots.txt,
canonical URLs, Open Graph / Twitter cards and JSON-LD (schema.org).

Templates call :func:`page_seo` through the ``seo_meta`` tag
(home/templatetags/seo_tags.py); the views are mounted in partnerhub/urls.py.
"""

import json
from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Locale, Page, Site

from core.models import NetworkSettings
from core.queries import locale_code, pages_public
from home.models import HomePage
from home.templatetags.partnerhub_tags import published_translations
from initiatives.models import InitiativePage, NewsPage
from partners.models import MemberOrganisationPage, PartnerPage

# Open Graph wants language_TERRITORY; the territory each content language is read in most.
OG_LOCALES = {"pl": "pl_PL", "en": "en_GB", "de": "de_DE", "fr": "fr_FR", "lt": "lt_LT", "cs": "cs_CZ"}
SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg|jpegquality-80"


# --- sitemap.xml -------------------------------------------------------------


class LocalisedSitemap(Sitemap):
    """Every live, public page of the site in every locale, each with its translations as
    ``<xhtml:link rel="alternate" hreflang=…>`` (Django's sitemap template renders them).

    Wagtail's own Sitemap only walks the default locale's tree: the other
    languages' home pages are siblings of the site root, not its descendants.
    """

    def items(self):
        if not hasattr(self, "_page_cache"):
            site = self.get_wagtail_site()
            in_site = Page.objects.none()
            for home in site.root_page.get_translations(inclusive=True):
                in_site |= Page.objects.descendant_of(home, inclusive=True)
            # Deferred specific instances: a sitemap entry needs only the generic page fields
            # (URL, dates), so no query per page type.
            self._page_cache = list(pages_public(in_site.live()).order_by("path").specific(defer=True))
        return self._page_cache

    def _urls(self, page, protocol, domain):
        default_language = Locale.get_default().language_code
        # ``.specific()`` drops select_related: look the languages up once instead of per page.
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {
            item.pk: [info["location"] for info in item.get_sitemap_urls(self.request)] for item in self.items()
        }
        translations = defaultdict(list)
        for item in self.items():
            translations[item.translation_key].append(item)

        urls = []
        for item in self.paginator.page(page).object_list:
            for position, info in enumerate(item.get_sitemap_urls(self.request)):
                alternates = [
                    {"lang_code": languages[other.locale_id], "location": locations[other.pk][position]}
                    for other in translations[item.translation_key]
                    if len(locations[other.pk]) > position
                ]
                if len(alternates) > 1:
                    alternates.extend(
                        {"lang_code": "x-default", "location": alternate["location"]}
                        for alternate in list(alternates)
                        if alternate["lang_code"] == default_language
                    )
                else:
                    alternates = []  # a page with no translation needs no hreflang
                urls.append({**info, "alternates": alternates})
        return urls


@require_safe
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={"pages": LocalisedSitemap})


# --- robots.txt --------------------------------------------------------------


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# --- Canonical URL, Open Graph, Twitter cards ---------------------------------


def og_locale(language_code):
    return OG_LOCALES.get(language_code, f"{language_code}_{language_code.upper()}")


def canonical_url(*, page, request):
    """The page's own absolute URL, plus the sub-route (e.g. ``map/``) a routable page serves."""
    if page is None or not getattr(page, "pk", None):
        return request.build_absolute_uri(request.path)
    url = page.get_full_url(request)
    relative = page.get_url(request)
    if url and relative and request.path.startswith(relative):
        url += request.path[len(relative) :]
    return url


def share_image(*, page, request):
    """The page's listing image as a 1200x630 rendition with an absolute URL, or None."""
    get_image = getattr(page, "get_listing_image", None)
    image = get_image() if get_image else None
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.description or image.title,
    }


def page_seo(*, page, request, site_name):
    """Everything the ``<head>`` needs to describe one page to search engines and social sites."""
    title = (page.seo_title or getattr(page, "get_listing_title", lambda: page.title)()) if page else site_name
    description = ""
    if page is not None:
        summary = getattr(page, "get_listing_summary", lambda: "")()
        description = page.search_description or strip_tags(str(summary or ""))
    image = share_image(page=page, request=request) if page is not None else None
    # The same rows as the language switcher's and the hreflang links' (one query per request).
    translations = published_translations(request, page) if isinstance(page, Page) else {}
    language = next((code for code, translated in translations.items() if translated.pk == page.pk), None)
    if language is None:
        language = (locale_code(page.locale_id) if getattr(page, "locale_id", None) else None) or settings.LANGUAGE_CODE
    other_languages = [code for code in translations if code != language]
    return {
        "canonical": canonical_url(page=page, request=request),
        "title": title,
        "description": Truncator(description).chars(300),
        "site_name": site_name,
        "og_type": "article" if _is_news(page) else "website",
        "og_locale": og_locale(language),
        "og_locale_alternates": [og_locale(code) for code in other_languages],
        "image": image,
        "json_ld": page_json_ld(page=page, request=request, site_name=site_name, image=image),
    }


def _is_news(page):
    return isinstance(page, NewsPage)


# --- JSON-LD -----------------------------------------------------------------


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` that user text cannot break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None, cls=_LazyJSONEncoder)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  # nosec B308, B703  # <, > and & escaped above


class _LazyJSONEncoder(json.JSONEncoder):
    def default(self, o):
        return str(o)  # lazy translation strings, dates and decimals


def _organisation_ref(organisation, request):
    if organisation is None:
        return None
    return {"@type": "Organization", "name": organisation.title, "url": organisation.get_full_url(request)}


def _image_url(image, request, filter_spec="width-1200|format-jpeg"):
    if image is None:
        return None
    return request.build_absolute_uri(image.get_rendition(filter_spec).url)


def _clean(data):
    """Drop empty values: schema.org validators flag empty strings."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def member_organisation_json_ld(page, request, image=None):
    address = None
    if page.address:
        address = {"@type": "PostalAddress", "streetAddress": page.address}
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": page.title,
            "url": page.get_full_url(request),
            "description": page.summary,
            "logo": _image_url(page.logo, request, "max-600x600|format-png"),
            "email": page.email,
            "telephone": page.phone,
            "address": address,
            "sameAs": [page.website] if page.website else None,
            "foundingDate": page.joined_on.isoformat() if page.joined_on else None,
        }
    )


def partner_json_ld(page, request, image=None):
    location = None
    if page.has_coordinates:
        location = {
            "@type": "Place",
            "name": page.official_name,
            "geo": {"@type": "GeoCoordinates", "latitude": float(page.latitude), "longitude": float(page.longitude)},
        }
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": page.title,
            "alternateName": page.official_name if page.official_name != page.title else None,
            "url": page.get_full_url(request),
            "description": page.summary,
            "logo": _image_url(page.coat_of_arms, request, "max-600x600|format-png"),
            "sameAs": [page.website] if page.website else None,
            "address": _clean(
                {"@type": "PostalAddress", "addressCountry": page.country.code, "addressRegion": page.region}
            ),
            "location": location,
        }
    )


def initiative_json_ld(page, request, image=None):
    """One schema.org Event per dated occurrence of the initiative."""
    organiser = _organisation_ref(page.organisation, request)
    events = []
    occurrences = page.occurrence_list if hasattr(page, "occurrence_list") else page.occurrences.all()
    for occurrence in occurrences:
        events.append(
            _clean(
                {
                    "@context": "https://schema.org",
                    "@type": "Event",
                    "name": page.title,
                    "description": occurrence.description or page.summary,
                    "url": page.get_full_url(request),
                    "startDate": occurrence.start.isoformat(),
                    "endDate": occurrence.end.isoformat() if occurrence.end else None,
                    "eventStatus": "https://schema.org/EventScheduled",
                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                    "location": {"@type": "Place", "name": occurrence.venue or page.place or page.title},
                    "organizer": organiser,
                    "image": [image["url"]] if image else None,
                    "inLanguage": translation.get_language(),  # Wagtail serves a page under its own language's prefix
                }
            )
        )
    return events


def news_json_ld(page, request, image=None, site_name=""):
    organisation = _organisation_ref(page.organisation, request)
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": Truncator(page.title).chars(110),
            "description": page.intro,
            "url": page.get_full_url(request),
            "mainEntityOfPage": page.get_full_url(request),
            "datePublished": page.date.isoformat(),
            "dateModified": (page.last_published_at or page.latest_revision_created_at or page.date).isoformat(),
            "inLanguage": translation.get_language(),  # Wagtail serves a page under its own language's prefix
            "image": [image["url"]] if image else None,
            "author": organisation,
            "publisher": {"@type": "Organization", "name": site_name},
        }
    )


def website_json_ld(page, request, site_name):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name,
        "url": page.get_full_url(request),
        "inLanguage": translation.get_language(),  # Wagtail serves a page under its own language's prefix
        "potentialAction": {
            "@type": "SearchAction",
            "target": request.build_absolute_uri(reverse("search")) + "?query={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def page_json_ld(*, page, request, site_name, image=None):
    """A list of JSON-LD objects describing the page (empty for pages that need none)."""
    if page is None or not getattr(page, "pk", None):
        return []
    if isinstance(page, MemberOrganisationPage):
        return [member_organisation_json_ld(page, request)]
    if isinstance(page, PartnerPage):
        return [partner_json_ld(page, request)]
    if isinstance(page, InitiativePage):
        return initiative_json_ld(page, request, image=image)
    if isinstance(page, NewsPage):
        return [news_json_ld(page, request, image=image, site_name=site_name)]
    if isinstance(page, HomePage):
        return [website_json_ld(page, request, site_name)]
    return []


def site_name_for(request):
    if Site.find_for_request(request) is None:
        return settings.WAGTAIL_SITE_NAME
    return NetworkSettings.for_request(request).network_name or settings.WAGTAIL_SITE_NAME
