"""The map of partners: which partners it shows, their GeoJSON and the
country-grouped list that stands in for the map without JavaScript or tiles."""

from itertools import groupby

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Site

from core.locales import collated, text_sort_key
from core.queries import pages_public

from .models.content import PartnerPage


def partners_for_map(*, locale, site=None):
    """Live, public partners with both coordinates, in one locale (and one site's tree)."""
    partners = pages_public(
        PartnerPage.objects.live()
        .filter(locale=locale, latitude__isnull=False, longitude__isnull=False)
        .defer_streamfields()
    )
    if site is not None:
        homes = [site.root_page, *site.root_page.get_translations()]
        in_site = PartnerPage.objects.none()
        for home in homes:
            in_site |= PartnerPage.objects.descendant_of(home)
        partners = partners.filter(pk__in=in_site.values("pk"))
    # Titles in the locale's alphabet from the database; country names are translated,
    # so they are sorted in Python (a stable sort keeps the titles' order within a country).
    partners = partners.order_by(collated("title", language_code=locale.language_code), "pk")
    return sorted(partners, key=lambda partner: text_sort_key(partner.country.name))


def partners_by_country(partners):
    """[(country, [partner, …]), …] from a list already sorted by country name."""
    groups = (list(group) for _code, group in groupby(partners, key=lambda partner: partner.country.code))
    return [(group[0].country, group) for group in groups]


def partner_feature(partner, *, request):
    """One GeoJSON Feature; coordinates are [longitude, latitude] as RFC 7946 requires."""
    return {
        "type": "Feature",
        "id": partner.pk,
        "geometry": {"type": "Point", "coordinates": [float(partner.longitude), float(partner.latitude)]},
        "properties": {
            "title": partner.title,
            "official_name": partner.official_name,
            "url": partner.get_full_url(request),
            "kind": partner.get_kind_display(),
            "country": partner.country.code,
            "country_name": str(partner.country.name),
            "region": partner.region,
            "relationship_status": partner.get_relationship_status_display(),
        },
    }


def current_locale():
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


@require_safe
def partners_geojson(request):
    """/<lang>/api/partners.geojson: every mapped partner in the reader's language."""
    site = Site.find_for_request(request)
    partners = partners_for_map(locale=current_locale(), site=site)
    collection = {"type": "FeatureCollection", "features": [partner_feature(p, request=request) for p in partners]}
    return JsonResponse(
        collection,
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )


def map_context(*, index, request):
    """Template context of <partner index>/map/."""
    partners = partners_for_map(locale=index.locale, site=Site.find_for_request(request))
    return {
        "map_partners": partners,
        "partners_by_country": partners_by_country(partners),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
