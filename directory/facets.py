"""Selectors of the partnership directory: filtering, facet counts, search,
statistics, map clusters, dormancy and anniversaries.

Every selector runs a fixed number of queries whatever the number of rows:
counts are GROUP BY queries, never Python loops over partnerships.
"""

import calendar
import datetime
import gzip
import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, DateField, F, FloatField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Greatest, Round, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from initiatives.models import InitiativePage, NewsPage
from partners.models import CooperationArea, RelationshipStatus

from .partnerships import LocalUnitKind, Partnership, Voivodeship, fold_text

DORMANT_AFTER_MONTHS = 24
ROUND_ANNIVERSARIES = (10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100)
SORTS = {
    "local": ("local_unit_name", "partner_name"),
    "partner": ("partner_name", "local_unit_name"),
    "country": ("country", "local_unit_name"),
    "since": (F("since_year").asc(nulls_last=True), "local_unit_name"),
    "-since": (F("since_year").desc(nulls_last=True), "local_unit_name"),
}
SORT_LABELS = {
    "local": _("Local unit (A–Z)"),
    "partner": _("Partner (A–Z)"),
    "country": _("Country"),
    "since": _("Oldest first"),
    "-since": _("Newest first"),
}
FACETS = ("country", "voivodeship", "kind", "area", "status", "decade")
FACET_LABELS = {
    "country": _("Country"),
    "voivodeship": _("Voivodeship"),
    "kind": _("Kind of local unit"),
    "area": _("Area of cooperation"),
    "status": _("Status"),
    "decade": _("Since (decade)"),
}


@dataclass
class DirectoryQuery:
    """The cleaned GET parameters: unknown values are dropped, never trusted."""

    filters: dict = field(default_factory=dict)
    q: str = ""
    sort: str = "local"

    def as_params(self):
        params = {**self.filters}
        if self.q:
            params["q"] = self.q
        if self.sort != "local":
            params["sort"] = self.sort
        return params


def directory_query_from_params(params):
    filters = {}
    country = (params.get("country") or "").upper()
    if country and country in countries:
        filters["country"] = country
    if params.get("voivodeship") in Voivodeship.values:
        filters["voivodeship"] = params["voivodeship"]
    if params.get("kind") in LocalUnitKind.values:
        filters["kind"] = params["kind"]
    if params.get("status") in RelationshipStatus.values:
        filters["status"] = params["status"]
    area = (params.get("area") or "").strip()
    if area and len(area) <= 80:
        filters["area"] = area
    decade = params.get("decade") or ""
    if decade.isdigit() and len(decade) == 4 and decade.endswith("0"):
        filters["decade"] = int(decade)
    sort = params.get("sort") if params.get("sort") in SORTS else "local"
    q = (params.get("q") or "").strip()[:100]
    return DirectoryQuery(filters=filters, q=q, sort=sort)


def _apply_filter(queryset, name, value):
    if name == "country":
        return queryset.filter(country=value)
    if name == "voivodeship":
        return queryset.filter(voivodeship=value)
    if name == "kind":
        return queryset.filter(local_unit_kind=value)
    if name == "status":
        return queryset.filter(status=value)
    if name == "decade":
        return queryset.filter(since_year__gte=value, since_year__lte=value + 9)
    if name == "area":
        through = Partnership.areas.through.objects.filter(cooperationarea__slug=value)
        return queryset.filter(pk__in=through.values("partnership_id"))
    raise ValueError(name)


def partnerships_search(*, queryset, q):
    """Every word must occur in a name, region or country, diacritics and case ignored."""
    for word in fold_text(q).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def partnerships_filtered(*, query, exclude_facet=None):
    queryset = Partnership.objects.all()
    if query.q:
        queryset = partnerships_search(queryset=queryset, q=query.q)
    for name, value in query.filters.items():
        if name != exclude_facet:
            queryset = _apply_filter(queryset, name, value)
    return queryset


def _facet_counts(queryset, name):
    """(value, count) pairs of one facet, biggest first (one GROUP BY query)."""
    if name == "area":
        rows = (
            Partnership.areas.through.objects.filter(partnership__in=queryset)
            .values(value=F("cooperationarea__slug"))
            .annotate(n=Count("partnership_id", distinct=True))
            .order_by("-n", "value")
        )
        return [(row["value"], row["n"]) for row in rows]
    if name == "decade":
        rows = (
            queryset.filter(since_year__isnull=False)
            .values(value=F("since_year") / 10 * 10)
            .annotate(n=Count("id"))
            .order_by("value")
        )
        return [(row["value"], row["n"]) for row in rows]
    column = {"kind": "local_unit_kind"}.get(name, name)
    rows = queryset.exclude(**{column: ""}).values(value=F(column)).annotate(n=Count("id")).order_by("-n", "value")
    return [(row["value"], row["n"]) for row in rows]


# --- The facet cube's one cache key ------------------------------------------
#
# The facet cube (below) takes 1.7 s to build at 20,000 partnerships: it is
# kept in the shared cache under one key, dropped on every save or delete of
# a partnership or an area (signals in directory/apps.py) and after an import.

FACETS_KEY = "partners:directory:facets"
FACETS_SECONDS = 24 * 3600


def partnerships_changed(**_signal_kwargs):
    """The facet cube is built afresh on the next request."""
    cache.delete(FACETS_KEY)


# --- Facet counts, total and map clusters in one pass over the table --------

_GROUPED = ("country", "voivodeship", "kind", "status", "decade", "cluster", "total")
_SCALAR_FACETS = ("country", "voivodeship", "kind", "status", "decade")


def _like_escape(word):
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filter_sql(name, value):
    """SQL condition (on table alias p) and parameters of one facet filter."""
    if name == "decade":
        return "p.since_year BETWEEN %s AND %s", [value, value + 9]
    if name == "area":
        through = Partnership.areas.through._meta.db_table
        area = CooperationArea._meta.db_table
        return (
            f"p.id IN (SELECT t.partnership_id FROM {through} t JOIN {area} a ON a.id = t.cooperationarea_id"  # noqa: S608  # nosec B608  # table names from the models' meta, the value is a parameter
            " WHERE a.slug = %s)",
            [value],
        )
    column = {"kind": "local_unit_kind"}.get(name, name)
    return f"p.{column} = %s", [value]


def _summary_postgresql(query):
    """One query: the five scalar facets (each under the other filters), the 1°
    map clusters and the total (under all filters), with GROUPING SETS.

    PostgreSQL scans the table once and hashes every grouping set in that scan,
    where one GROUP BY per facet scanned it seven times.
    """
    table = Partnership._meta.db_table
    search_sql, params = ["TRUE"], []
    for word in fold_text(query.q).split():
        search_sql.append("p.search_text LIKE %s")
        params.append(f"%{_like_escape(word)}%")
    flags, flag_params = [], []
    for name in (*_SCALAR_FACETS, "area"):
        if name in query.filters:
            sql, values = _filter_sql(name, query.filters[name])
            flags.append(f"({sql}) AS f_{name}")
            flag_params.extend(values)
        else:
            flags.append(f"TRUE AS f_{name}")

    def counted_unless(excluded):
        condition = " AND ".join(f"f_{name}" for name in (*_SCALAR_FACETS, "area") if name != excluded)
        return f"COUNT(*) FILTER (WHERE {condition})"

    sql = f"""
        WITH s AS (
            SELECT p.country, p.voivodeship, p.local_unit_kind AS kind, p.status,
                   (p.since_year / 10) * 10 AS decade,
                   ROUND(p.latitude, 0) AS lat, ROUND(p.longitude, 0) AS lon,
                   {", ".join(flags)}
            FROM {table} p
            WHERE {" AND ".join(search_sql)}
        )
        SELECT GROUPING(country), GROUPING(voivodeship), GROUPING(kind), GROUPING(status),
               GROUPING(decade), GROUPING(lat, lon),
               country, voivodeship, kind, status, decade, lat, lon,
               {", ".join(counted_unless(name) for name in _SCALAR_FACETS)},
               {counted_unless(None)}
        FROM s
        GROUP BY GROUPING SETS ((country), (voivodeship), (kind), (status), (decade), (lat, lon), ())
    """  # noqa: S608  # nosec B608  # identifiers come from the model's meta and fixed facet names, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*flag_params, *params])
        rows = cursor.fetchall()
    raw = {name: [] for name in _SCALAR_FACETS}
    clusters, total = [], 0
    for row in rows:
        grouping, values, counts = row[:6], row[6:13], row[13:]
        country, voivodeship, kind, status, decade, lat, lon = values
        everything = counts[-1]
        if all(grouping):
            total = everything
        elif grouping[5] == 0:
            if lat is not None and lon is not None and everything:
                clusters.append({"lat": float(lat), "lon": float(lon), "count": everything})
        else:
            index = list(grouping[:5]).index(0)
            name, value = _SCALAR_FACETS[index], (country, voivodeship, kind, status, decade)[index]
            if value not in (None, "") and counts[index]:
                raw[name].append((value, counts[index]))
    for name in _SCALAR_FACETS:
        if name == "decade":
            raw[name].sort()
        else:
            raw[name].sort(key=lambda pair: (-pair[1], pair[0]))
    clusters.sort(key=lambda cluster: (-cluster["count"], cluster["lat"], cluster["lon"]))
    return raw, clusters, total


# --- The facet cube: counts for any filter combination without a query -----
#
# Facet values are few (≈40 countries, 16 voivodeships, 3 kinds, 5 statuses,
# a handful of decades, a dozen areas), so the partnerships collapse into a
# few thousand groups: counts per (country, voivodeship, kind, status, decade,
# 1° map cell), and the same per area. Built once per data version and kept in
# the worker's memory, they answer every facet combination (each facet under
# the other filters), the total and the map clusters with one pass in Python,
# where SQL needed a scan of the table per request. Full-text search cannot be
# answered from the groups and takes the SQL path.

_CUBE_FACETS = ("country", "voivodeship", "kind", "status", "decade")


def _cube_build():
    """Groups of partnerships with equal facet values: ``all`` lists
    ``(country, voivodeship, kind, status, decade, n, cells, areas)`` where
    ``cells`` are the group's 1° map cells ``(lat, lon, n)`` and ``areas``
    ``{slug: n}``; ``by_area[slug]`` lists the same groups restricted to the
    partnerships with that area (without ``areas``). Two GROUP BY queries and the area slugs."""
    columns = ("country", "voivodeship", "local_unit_kind", "status")

    def grouped(prefix=""):
        # Aliases, since values() refuses an annotation named like a field.
        expressions = {f"g_{column}": F(prefix + column) for column in columns}
        expressions["g_decade"] = F(prefix + "since_year") / 10 * 10
        expressions["g_lat"] = Round(prefix + "latitude", 0)
        expressions["g_lon"] = Round(prefix + "longitude", 0)
        return expressions

    names = [f"g_{column}" for column in (*columns, "decade")]

    def add(groups, key, row):
        group = groups.setdefault(key, [0, [], {}])
        group[0] += row["n"]
        if row["g_lat"] is not None and row["g_lon"] is not None:
            group[1].append((float(row["g_lat"]), float(row["g_lon"]), row["n"]))
        return group

    groups = {}
    for row in Partnership.objects.values(**grouped()).annotate(n=Count("id")).order_by():
        add(groups, tuple(row[name] for name in names), row)
    # A (partnership, area) pair is unique in the link table: COUNT(*) counts
    # partnerships, and PostgreSQL can hash the groups instead of sorting them.
    # Grouped by the area's id, not its slug: no join, and integer keys let the
    # planner hash the groups instead of sorting them on disk.
    slugs = dict(CooperationArea.objects.values_list("pk", "slug"))
    by_area = {}
    for row in (
        Partnership.areas.through.objects.values(**grouped("partnership__"), g_area=F("cooperationarea_id"))
        .annotate(n=Count("id"))
        .order_by()
    ):
        key, slug = tuple(row[name] for name in names), slugs[row["g_area"]]
        add(by_area.setdefault(slug, {}), key, row)
        areas = groups[key][2]
        areas[slug] = areas.get(slug, 0) + row["n"]
    return {
        "all": [(*key, n, cells, areas) for key, (n, cells, areas) in groups.items()],
        "by_area": {
            slug: [(*key, n, cells, None) for key, (n, cells, _areas) in area_groups.items()]
            for slug, area_groups in by_area.items()
        },
    }


def _cube():
    """The facet cube, from the shared cache (built once for every worker:
    loading it takes a tenth of the 1.7 s building takes at 20,000 partnerships)."""
    cube = cache.get(FACETS_KEY)
    if cube is None:
        cube = _cube_build()
        cache.set(FACETS_KEY, cube, FACETS_SECONDS)
    return cube


def _cube_summary(query):
    cube = _cube()
    filters = [(index, query.filters[name]) for index, name in enumerate(_CUBE_FACETS) if name in query.filters]
    area = query.filters.get("area")
    counts = [{} for _name in _CUBE_FACETS]
    clusters, area_counts, total = {}, {}, 0
    for row in cube["by_area"].get(area, []) if area else cube["all"]:
        failed = [index for index, value in filters if row[index] != value]
        if len(failed) > 1:
            continue
        n = row[5]
        if failed:
            # Fails only this facet's own filter: counted in that facet alone.
            index = failed[0]
            counts[index][row[index]] = counts[index].get(row[index], 0) + n
            continue
        total += n
        for index, count in enumerate(counts):
            count[row[index]] = count.get(row[index], 0) + n
        for lat, lon, cell_n in row[6]:
            clusters[lat, lon] = clusters.get((lat, lon), 0) + cell_n
        if not area:
            for slug, area_n in row[7].items():
                area_counts[slug] = area_counts.get(slug, 0) + area_n
    if area:
        # The area facet is counted under the other filters: every group again.
        for row in cube["all"]:
            if all(row[index] == value for index, value in filters):
                for slug, area_n in row[7].items():
                    area_counts[slug] = area_counts.get(slug, 0) + area_n
    raw = {}
    for index, name in enumerate(_CUBE_FACETS):
        pairs = [(value, n) for value, n in counts[index].items() if value not in (None, "") and n]
        raw[name] = sorted(pairs) if name == "decade" else sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
    raw["area"] = sorted(area_counts.items(), key=lambda pair: (-pair[1], pair[0]))
    cluster_list = [{"lat": lat, "lon": lon, "count": n} for (lat, lon), n in clusters.items()]
    cluster_list.sort(key=lambda cluster: (-cluster["count"], cluster["lat"], cluster["lon"]))
    return {"raw": raw, "clusters": cluster_list, "total": total}


def partnerships_summary(*, query):
    """Facet counts (raw values), map clusters and the number of matching
    partnerships. Without a search: from the facet cube, no query once the
    cube is built. With a search: two queries on PostgreSQL (one per facet
    elsewhere)."""
    if not query.q:
        return _cube_summary(query)
    if connection.vendor == "postgresql":
        raw, clusters, total = _summary_postgresql(query)
    else:
        raw = {
            name: _facet_counts(partnerships_filtered(query=query, exclude_facet=name), name) for name in _SCALAR_FACETS
        }
        queryset = partnerships_filtered(query=query)
        clusters = partnerships_map_clusters(queryset=queryset)
        total = queryset.count()
    raw["area"] = _facet_counts(partnerships_filtered(query=query, exclude_facet="area"), "area")
    return {"raw": raw, "clusters": clusters, "total": total}


def _facet_label(name, value, area_names):
    if name == "country":
        return countries.name(value) or value
    if name == "voivodeship":
        return Voivodeship(value).label if value in Voivodeship.values else value
    if name == "kind":
        return LocalUnitKind(value).label if value in LocalUnitKind.values else value
    if name == "status":
        return RelationshipStatus(value).label if value in RelationshipStatus.values else value
    if name == "decade":
        return f"{value}–{value + 9}"
    return area_names.get(value, value)


def cooperation_area_names(*, locale=None):
    """{slug: name} of every area in the reader's language (one query).

    Partnerships link the areas of whichever language they were entered in; the
    slug is the same in every language, so the name is looked up by slug, in the
    given locale first, then in the default one, then in any.
    """
    rows = CooperationArea.objects.values_list("slug", "name", "locale_id", "locale__language_code")
    default = settings.LANGUAGE_CODE
    preferred = {}
    for slug, name, locale_id, language in rows:
        rank = 0 if locale is not None and locale_id == locale.pk else 1 if language == default else 2
        if slug not in preferred or rank < preferred[slug][0]:
            preferred[slug] = (rank, name)
    return {slug: name for slug, (_rank, name) in preferred.items()}


def partnerships_facets(*, query, raw, area_names):
    """For each facet: its values with counts, each counted under every *other* filter.

    That is the usual faceted-search rule: choosing a country still shows how many
    partnerships the other countries would give.
    """
    facets = []
    for name in FACETS:
        selected = query.filters.get(name)
        options = [
            {
                "value": str(value),
                "label": str(_facet_label(name, value, area_names)),
                "count": count,
                "selected": value == selected,
            }
            for value, count in raw[name]
        ]
        facets.append({"name": name, "label": FACET_LABELS[name], "options": options, "selected": selected})
    return facets


def partnerships_statistics(*, facets, query):
    """Partnerships by country and by decade under *all* current filters.

    Derived from the facet counts (no extra query): a facet is counted under the
    other filters, so keeping only its selected value applies its own filter too.
    """
    by_name = {facet["name"]: facet for facet in facets}

    def restricted(name):
        options = by_name[name]["options"]
        if name in query.filters:
            options = [option for option in options if option["selected"]]
        return options

    by_country = sorted(restricted("country"), key=lambda o: (-o["count"], o["label"]))
    by_decade = sorted(restricted("decade"), key=lambda o: o["value"])
    return {"by_country": by_country, "by_decade": by_decade}


# The source the generators write; rows with it are examples, not real twinnings.
GENERATED_SOURCE = "generated"

ROW_FIELDS = (
    "pk",
    "partner_page_id",
    "source",
    "local_unit_name",
    "local_unit_kind",
    "voivodeship",
    "partner_name",
    "partner_region",
    "country",
    "since_year",
    "since_date",
    "status",
)


def partnerships_page_rows(*, queryset, sort):
    return queryset.order_by(*SORTS[sort]).only(*ROW_FIELDS)


def partnerships_display_rows(*, partnerships, area_names):
    """A page of partnerships as plain dicts of display strings, areas in the
    reader's language: one query for the areas, every label translated once
    per request rather than once per row (``get_FOO_display`` and lazy labels
    cost more than the rest of the row)."""
    partnerships = list(partnerships)
    labels = {
        "kind": {value: str(label) for value, label in LocalUnitKind.choices},
        "voivodeship": {value: str(label) for value, label in Voivodeship.choices},
        "status": {value: str(label) for value, label in RelationshipStatus.choices},
    }
    country_names = {}
    areas = {partnership.pk: [] for partnership in partnerships}
    links = Partnership.areas.through.objects.filter(partnership_id__in=areas).values_list(
        "partnership_id", "cooperationarea__slug"
    )
    for partnership_id, slug in links:
        areas[partnership_id].append(area_names.get(slug, slug))
    rows = []
    for partnership in partnerships:
        code = partnership.country.code
        if code not in country_names:
            country_names[code] = str(countries.name(code) or code)
        rows.append(
            {
                "local_unit_name": partnership.local_unit_name,
                "kind": labels["kind"].get(partnership.local_unit_kind, partnership.local_unit_kind),
                "voivodeship": labels["voivodeship"].get(partnership.voivodeship, partnership.voivodeship),
                "partner_name": partnership.partner_name,
                "partner_region": partnership.partner_region,
                "country": country_names[code],
                "since": partnership.since_display,
                "status": labels["status"].get(partnership.status, partnership.status),
                "areas": ", ".join(sorted(areas[partnership.pk])),
                "partner_page_id": partnership.partner_page_id,
                # Invented rows (the demo's, the benchmarks') say so wherever a reader sees them.
                "generated": partnership.source.startswith(GENERATED_SOURCE),
            }
        )
    return rows


def partnerships_map_clusters(*, queryset, precision=0):
    """Partner towns grouped on a grid (1° by default): 20,000 points become a few hundred dots."""
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .values(lat=Round("latitude", precision), lon=Round("longitude", precision))
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return [{"lat": float(row["lat"]), "lon": float(row["lon"]), "count": row["n"]} for row in rows]


# Decimals of the GeoJSON coordinates: 4 is about 11 m, plenty for a town.
GEOJSON_DECIMALS = 4


def partnerships_geojson(*, query):
    """The filtered directory's located partner towns as a compact GeoJSON
    FeatureCollection, cached per data version and filter.

    Short property keys (``u`` local unit, ``p`` partner, ``c`` country code),
    coordinates rounded to GEOJSON_DECIMALS, no whitespace; serialised once,
    kept with its gzip and an ETag: ``{"body", "gzip", "etag"}``.
    """

    def compute():
        rows = (
            partnerships_filtered(query=query)
            .filter(latitude__isnull=False, longitude__isnull=False)
            .order_by("pk")
            .values_list(
                "pk",
                "local_unit_name",
                "partner_name",
                "country",
                # Rounded and made floats by the database: no Decimal per row here.
                Cast(Round("latitude", GEOJSON_DECIMALS), FloatField()),
                Cast(Round("longitude", GEOJSON_DECIMALS), FloatField()),
            )
        )
        # Written feature by feature rather than through dicts and one json.dumps:
        # the same JSON in a third of the time; names go through the encoder.
        encode = json.JSONEncoder(ensure_ascii=False).encode
        features = ",".join(
            f'{{"type":"Feature","id":{pk},"geometry":{{"type":"Point","coordinates":[{lon!r},{lat!r}]}},'
            f'"properties":{{"u":{encode(unit)},"p":{encode(partner)},"c":{encode(country)}}}}}'
            for pk, unit, partner, country, lat, lon in rows
        )
        body = f'{{"type":"FeatureCollection","features":[{features}]}}'.encode()
        return {
            "body": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
            "etag": hashlib.md5(body, usedforsecurity=False).hexdigest(),
        }

    return compute()


def partnerships_with_latest_activity(*, queryset=None):
    """Annotate ``latest_activity``: the newest of the explicit date and the
    initiatives or news linked to the partnership's partner page."""
    queryset = Partnership.objects.all() if queryset is None else queryset
    floor = Value(datetime.date(1900, 1, 1), output_field=DateField())
    initiatives = (
        InitiativePage.objects.live()
        .filter(partners=OuterRef("partner_page_id"))
        .annotate(activity=Coalesce("end_date", "start_date", TruncDate("first_published_at")))
        .order_by("-activity")
        .values("activity")[:1]
    )
    news = (
        NewsPage.objects.live()
        .filter(related_initiative__partners=OuterRef("partner_page_id"))
        .order_by("-date")
        .values("date")[:1]
    )
    return queryset.annotate(
        latest_activity=Greatest(
            Coalesce("last_activity", floor),
            Coalesce(Subquery(initiatives, output_field=DateField()), floor),
            Coalesce(Subquery(news, output_field=DateField()), floor),
        )
    )


def months_ago(today, months):
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return today.replace(year=year, month=month + 1, day=min(today.day, 28))


def partnerships_dormant(*, queryset=None, today=None, months=DORMANT_AFTER_MONTHS):
    """Partnerships not ended, with no joint activity for ``months`` and older than that."""
    today = today or timezone.localdate()
    cutoff = months_ago(today, months)
    return (
        partnerships_with_latest_activity(queryset=queryset)
        .exclude(status=RelationshipStatus.ENDED)
        .filter(latest_activity__lt=cutoff)
        .filter(Q(since_date__lt=cutoff) | Q(since_date__isnull=True, since_year__lt=cutoff.year))
    )


def partnership_is_dormant(*, partnership, today=None):
    return partnerships_dormant(queryset=Partnership.objects.filter(pk=partnership.pk), today=today).exists()


def _anniversary_years(today, horizon):
    return list(range(today.year, horizon.year + 1))


def _anniversaries_postgresql(today, horizon):
    """The anniversary dates computed in SQL: each partnership's signing day in
    the window's years (29 February → 1 March in a common year), kept when its
    age is a round one. One query whatever the number of partnerships."""
    table = Partnership._meta.db_table
    sql = f"""
        SELECT id, local_unit_name, partner_name, country, years, day FROM (
            SELECT p.id, p.local_unit_name, p.partner_name, p.country,
                   y.year - EXTRACT(YEAR FROM p.since_date)::int AS years,
                   make_date(y.year, EXTRACT(MONTH FROM p.since_date)::int, 1)
                       + (EXTRACT(DAY FROM p.since_date)::int - 1) AS day
            FROM {table} p CROSS JOIN unnest(%s::int[]) AS y(year)
            WHERE p.since_date IS NOT NULL AND p.status <> %s
        ) anniversaries
        WHERE years = ANY(%s) AND day BETWEEN %s AND %s
        ORDER BY day, local_unit_name, partner_name, id
    """  # noqa: S608  # nosec B608  # the table name comes from the model's meta, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [_anniversary_years(today, horizon), RelationshipStatus.ENDED, list(ROUND_ANNIVERSARIES), today, horizon],
        )
        rows = cursor.fetchall()
    return [
        {"pk": pk, "local_unit_name": unit, "partner_name": partner, "country": country, "years": years, "date": day}
        for pk, unit, partner, country, years, day in rows
    ]


def _anniversaries_python(today, horizon):
    """The same on databases without make_date (SQLite in development)."""
    years = _anniversary_years(today, horizon)
    origin_years = {year - n for year in years for n in ROUND_ANNIVERSARIES}
    rows = Partnership.objects.filter(since_date__year__in=origin_years).exclude(status=RelationshipStatus.ENDED)
    found = []
    for pk, unit, partner, country, since in rows.values_list(
        "pk", "local_unit_name", "partner_name", "country", "since_date"
    ):
        for year in years:
            age = year - since.year
            if age not in ROUND_ANNIVERSARIES:
                continue
            day = (
                datetime.date(year, 3, 1)
                if (since.month, since.day) == (2, 29) and not calendar.isleap(year)
                else since.replace(year=year)
            )
            if today <= day <= horizon:
                found.append(
                    {
                        "pk": pk,
                        "local_unit_name": unit,
                        "partner_name": partner,
                        "country": country,
                        "years": age,
                        "date": day,
                    }
                )
    found.sort(key=lambda item: (item["date"], item["local_unit_name"], item["partner_name"], item["pk"]))
    return found


def partnerships_upcoming_anniversaries(*, today=None, days=365):
    """Round anniversaries (10, 20, 25, 30 … years) of the exact signing date
    from ``today`` to ``days`` later, ended partnerships left out."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=days)
    if connection.vendor == "postgresql":
        return _anniversaries_postgresql(today, horizon)
    return _anniversaries_python(today, horizon)
