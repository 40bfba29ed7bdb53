"""Views behind the routes of PartnershipDirectoryPage: thin wrappers around
the selectors in partners/directory.py and the exporters."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event

from .directory import (
    SORT_LABELS,
    directory_query_from_params,
    partnerships_facets,
    partnerships_filtered,
    partnerships_map_clusters,
    partnerships_page_rows,
    partnerships_statistics,
    partnerships_upcoming_anniversaries,
)
from .exporting import partnerships_export_csv, partnerships_export_jsonld, partnerships_export_xlsx

# The dot map's window onto Europe (equirectangular): longitude, latitude.
MAP_WEST, MAP_EAST, MAP_SOUTH, MAP_NORTH = -25.0, 45.0, 34.0, 71.0
MAP_WIDTH, MAP_HEIGHT = 700, 520
CHART_MAX_BARS = 15


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


def directory_index(request, *, page):
    query = directory_query_from_params(request.GET)
    queryset = partnerships_filtered(query=query)
    facets = partnerships_facets(query=query, locale=page.locale)
    statistics = partnerships_statistics(facets=facets, query=query)
    paginator = Paginator(partnerships_page_rows(queryset=queryset, sort=query.sort), page.per_page)
    results = paginator.get_page(request.GET.get("page"))
    params = urlencode(query.as_params())
    context = {
        "query": query,
        "facets": facets,
        "results": results,
        "total": paginator.count,
        "sort_options": [(value, label) for value, label in SORT_LABELS.items()],
        "export_params": params,
        "statistics": statistics,
        "country_bars": _bars(statistics["by_country"], CHART_MAX_BARS),
        "decade_bars": _bars(statistics["by_decade"]),
        "map_dots": _map_dots(partnerships_map_clusters(queryset=queryset)),
        "map_size": (MAP_WIDTH, MAP_HEIGHT),
        "anniversaries": partnerships_upcoming_anniversaries(days=90)[:20],
        "licence_name": settings.PARTNERSHIP_DATA_LICENCE,
        "licence_url": settings.PARTNERSHIP_DATA_LICENCE_URL,
    }
    return page.render(request, context_overrides=context)


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
    """Every partner town of the filtered directory as a GeoJSON point (for a map component)."""
    query = directory_query_from_params(request.GET)
    rows = (
        partnerships_filtered(query=query)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values_list("pk", "local_unit_name", "partner_name", "country", "latitude", "longitude")
    )
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {"local_unit": unit, "partner": partner, "country": country},
        }
        for pk, unit, partner, country, lat, lon in rows
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, content_type="application/geo+json")


def directory_anniversaries_ics(request, *, page):
    calendar = Calendar()
    calendar.add("prodid", "-//PartnerHub//partnership anniversaries//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Partnership anniversaries"))
    host = request.get_host()
    stamp = timezone.now()
    for item in partnerships_upcoming_anniversaries(days=365):
        partnership = item["partnership"]
        event = Event()
        event.add("uid", f"partnership-{partnership.pk}-{item['years']}@{host}")
        event.add(
            "summary",
            _("%(years)s years: %(unit)s – %(partner)s")
            % {"years": item["years"], "unit": partnership.local_unit_name, "partner": partnership.partner_name},
        )
        event.add("dtstart", item["date"])
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
