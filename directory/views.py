"""Views behind the routes of PartnershipDirectoryPage: thin wrappers around
the selectors in partners/directory.py and the exporters."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Locale

from icalendar import Calendar, Event

from partners.models import PartnerPage

from .exporting import partnerships_export_csv, partnerships_export_jsonld, partnerships_export_xlsx
from .facets import (
    SORT_LABELS,
    cooperation_area_names,
    directory_query_from_params,
    partnerships_display_rows,
    partnerships_facets,
    partnerships_filtered,
    partnerships_geojson,
    partnerships_page_rows,
    partnerships_statistics,
    partnerships_summary,
    partnerships_upcoming_anniversaries,
)

# The dot map's window onto Europe (equirectangular): longitude, latitude.
MAP_WEST, MAP_EAST, MAP_SOUTH, MAP_NORTH = -25.0, 45.0, 34.0, 71.0
MAP_WIDTH, MAP_HEIGHT = 700, 520
CHART_MAX_BARS = 15
# Browsers may reuse the GeoJSON this long, then revalidate it with its ETag.
GEOJSON_MAX_AGE = 60


def _bars(options, limit=None):
    """Geometry of a horizontal bar chart: bars 360 units at most, 22 units apart."""
    options = options[:limit] if limit else options
    top = max((option["count"] for option in options), default=0) or 1
    bars = [
        {**option, "width": round(option["count"] * 360 / top, 1), "y": index * 22}
        for index, option in enumerate(options)
    ]
    return {"bars": bars, "height": len(bars) * 22 + 4}


def _map_dots(clusters):
    top = max((cluster["count"] for cluster in clusters), default=0) or 1
    dots = []
    for cluster in clusters:
        if not (MAP_WEST <= cluster["lon"] <= MAP_EAST and MAP_SOUTH <= cluster["lat"] <= MAP_NORTH):
            continue
        x = (cluster["lon"] - MAP_WEST) / (MAP_EAST - MAP_WEST) * MAP_WIDTH
        y = (MAP_NORTH - cluster["lat"]) / (MAP_NORTH - MAP_SOUTH) * MAP_HEIGHT
        radius = 2 + 10 * (cluster["count"] / top) ** 0.5
        dots.append({**cluster, "x": round(x, 1), "y": round(y, 1), "r": round(radius, 1)})
    return dots


def _map_circles(dots):
    """The SVG circles of the dot map as one string: hundreds of dots, rendered
    here once rather than through the template engine dot by dot."""
    return format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="{}" class="directory-map__dot"><title>{}</title></circle>',
        ((dot["x"], dot["y"], dot["r"], dot["count"]) for dot in dots),
    )


def _facet_options_html(facet):
    """A facet's ``<option>`` elements (hundreds for the countries), built here
    rather than through the template engine option by option."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{} ({})</option>',
        (
            (
                option["value"],
                " selected" if option["selected"] else "",  # escaping leaves this constant unchanged
                option["label"],
                localize(option["count"]),
            )
            for option in facet["options"]
        ),
    )


def _facets_with_options_html(*, query, raw, area_names):
    facets = partnerships_facets(query=query, raw=raw, area_names=area_names)
    for facet in facets:
        facet["options_html"] = _facet_options_html(facet)
    return facets


def directory_index(request, *, page):
    """The directory page: its body (filters, results, map, charts, anniversaries) and the page around it."""
    context = _directory_body_context(request, page=page)
    html = render_to_string("components/directory/body.html", {"page": page, **context}, request=request)
    return page.render(
        request,
        context_overrides={"directory_body": mark_safe(html), "has_map": bool(context["map_dots"])},  # noqa: S308  # nosec B308, B703  # our own template, autoescaped
    )


def _partner_page_links(request, *, rows, locale):
    """Link each row to the partner page it is written from (on its own network's host), in the
    reader's language where that page is translated: one query for the page of results."""
    ids = {row["partner_page_id"] for row in rows if row["partner_page_id"]}
    if not ids:
        return
    sources = dict(PartnerPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    pages = {}
    for partner in (
        PartnerPage.objects.live()
        .filter(translation_key__in=sources.values(), locale__in=[locale.pk, Locale.get_default().pk])
        .only("id", "url_path", "translation_key", "locale_id")
    ):
        if partner.translation_key not in pages or partner.locale_id == locale.pk:
            pages[partner.translation_key] = partner
    for row in rows:
        partner = pages.get(sources.get(row["partner_page_id"]))
        row["partner_url"] = partner.get_url(request=request) if partner else ""


def _directory_body_context(request, *, page):
    query = directory_query_from_params(request.GET)
    summary = partnerships_summary(query=query)
    area_names = cooperation_area_names(locale=page.locale)
    facets = _facets_with_options_html(query=query, raw=summary["raw"], area_names=area_names)
    statistics = partnerships_statistics(facets=facets, query=query)
    rows = partnerships_page_rows(queryset=partnerships_filtered(query=query), sort=query.sort)
    paginator = Paginator(rows, page.per_page)
    paginator.count = summary["total"]  # already counted with the facets: no COUNT query
    results = paginator.get_page(request.GET.get("page"))
    results.object_list = partnerships_display_rows(partnerships=results.object_list, area_names=area_names)
    _partner_page_links(request, rows=results.object_list, locale=page.locale)
    params = urlencode(query.as_params())
    map_dots = _map_dots(summary["clusters"])
    return {
        "query": query,
        "facets": facets,
        "results": results,
        "total": paginator.count,
        "sort_options": [(value, label) for value, label in SORT_LABELS.items()],
        "export_params": params,
        "statistics": statistics,
        "country_bars": _bars(statistics["by_country"], CHART_MAX_BARS),
        "decade_bars": _bars(statistics["by_decade"]),
        "map_dots": map_dots,
        "map_circles": _map_circles(map_dots),
        "map_size": (MAP_WIDTH, MAP_HEIGHT),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "anniversaries": partnerships_upcoming_anniversaries(days=90)[:20],
        "licence_name": settings.PARTNERSHIP_DATA_LICENCE,
        "licence_url": settings.PARTNERSHIP_DATA_LICENCE_URL,
    }


def directory_export(request, *, page, fmt):
    query = directory_query_from_params(request.GET)
    queryset = partnerships_filtered(query=query)
    base_id = request.build_absolute_uri(page.url)
    if fmt == "csv":
        response = HttpResponse(partnerships_export_csv(queryset=queryset), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            partnerships_export_xlsx(queryset=queryset),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "jsonld":
        response = HttpResponse(
            partnerships_export_jsonld(queryset=queryset, base_id=base_id), content_type="application/ld+json"
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="partnerships.{fmt}"'
    response["Link"] = f'<{settings.PARTNERSHIP_DATA_LICENCE_URL}>; rel="license"'
    return response


def directory_geojson(request, *, page):
    """Every partner town of the filtered directory as a GeoJSON point, for the
    clustered map: built once per data version and filter, sent gzipped to
    clients that accept it, with an ETag for conditional requests."""
    query = directory_query_from_params(request.GET)
    document = partnerships_geojson(query=query)
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    etag = f'"{document["etag"]}{"-gz" if gzipped else ""}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        patch_vary_headers(not_modified, ["Accept-Encoding"])
        return not_modified
    response = HttpResponse(document["gzip"] if gzipped else document["body"], content_type="application/geo+json")
    if gzipped:
        # GZipMiddleware leaves a response that already has a Content-Encoding alone.
        response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept-Encoding"])
    patch_cache_control(response, public=True, max_age=GEOJSON_MAX_AGE)
    return response


def directory_anniversaries_ics(request, *, page):
    """The next year's round anniversaries as iCalendar."""
    host = request.get_host()
    calendar = Calendar()
    calendar.add("prodid", "-//PartnerHub//partnership anniversaries//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Partnership anniversaries"))
    stamp = timezone.now()
    for item in partnerships_upcoming_anniversaries(days=365):
        event = Event()
        event.add("uid", f"partnership-{item['pk']}-{item['years']}@{host}")
        event.add(
            "summary",
            _("%(years)s years: %(unit)s – %(partner)s")
            % {"years": item["years"], "unit": item["local_unit_name"], "partner": item["partner_name"]},
        )
        event.add("dtstart", item["date"])
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
