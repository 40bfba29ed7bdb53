"""Selectors of the partnership directory: filtering, facet counts, search,
statistics, map clusters, dormancy and anniversaries.

Every selector runs a fixed number of queries whatever the number of rows:
counts are GROUP BY queries, never Python loops over partnerships.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, DateField, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Round, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from .directory_models import LocalUnitKind, Partnership, Voivodeship, fold_text
from .models import CooperationArea, RelationshipStatus

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
    """(value, count) pairs of one facet, biggest first."""
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


def partnerships_facets(*, query, locale=None):
    """For each facet: its values with counts, each counted under every *other* filter.

    That is the usual faceted-search rule: choosing a country still shows how many
    partnerships the other countries would give.
    """
    raw = {name: _facet_counts(partnerships_filtered(query=query, exclude_facet=name), name) for name in FACETS}
    area_slugs = [value for value, _n in raw["area"]]
    areas = CooperationArea.objects.filter(slug__in=area_slugs)
    if locale is not None:
        areas = areas.filter(locale=locale)
    area_names = dict(areas.values_list("slug", "name"))
    facets = []
    for name in FACETS:
        selected = query.filters.get(name)
        options = [
            {
                "value": str(value),
                "label": _facet_label(name, value, area_names),
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


def partnerships_page_rows(*, queryset, sort):
    return queryset.order_by(*SORTS[sort]).prefetch_related("areas")


def partnerships_map_clusters(*, queryset, precision=0):
    """Partner towns grouped on a grid (1° by default): 20,000 points become a few hundred dots."""
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .values(lat=Round("latitude", precision), lon=Round("longitude", precision))
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return [{"lat": float(row["lat"]), "lon": float(row["lon"]), "count": row["n"]} for row in rows]


def partnerships_with_latest_activity(*, queryset=None):
    """Annotate ``latest_activity``: the newest of the explicit date and the
    initiatives or news linked to the partnership's partner page."""
    from initiatives.models import InitiativePage, NewsPage

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


def _months_ago(today, months):
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return today.replace(year=year, month=month + 1, day=min(today.day, 28))


def partnerships_dormant(*, queryset=None, today=None, months=DORMANT_AFTER_MONTHS):
    """Partnerships not ended, with no joint activity for ``months`` and older than that."""
    today = today or timezone.localdate()
    cutoff = _months_ago(today, months)
    return (
        partnerships_with_latest_activity(queryset=queryset)
        .exclude(status=RelationshipStatus.ENDED)
        .filter(latest_activity__lt=cutoff)
        .filter(Q(since_date__lt=cutoff) | Q(since_date__isnull=True, since_year__lt=cutoff.year))
    )


def partnership_is_dormant(*, partnership, today=None):
    return partnerships_dormant(queryset=Partnership.objects.filter(pk=partnership.pk), today=today).exists()


def partnerships_upcoming_anniversaries(*, today=None, days=365, queryset=None):
    """Round anniversaries (10, 20, 25, 30 … years) of the exact signing date within ``days``."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=days)
    years = range(today.year, horizon.year + 1)
    origin_years = {year - n for year in years for n in ROUND_ANNIVERSARIES}
    queryset = Partnership.objects.all() if queryset is None else queryset
    rows = queryset.filter(since_date__year__in=origin_years).exclude(status=RelationshipStatus.ENDED)
    if days < 300:
        # Only the months the window touches: a third of the rows for the page's 90 days.
        months = {(today + datetime.timedelta(days=offset)).month for offset in range(days + 1)}
        rows = rows.filter(since_date__month__in=months)
    found = []
    for partnership in rows.only("pk", "local_unit_name", "partner_name", "country", "since_date"):
        for year in years:
            age = year - partnership.since_date.year
            if age not in ROUND_ANNIVERSARIES:
                continue
            try:
                date = partnership.since_date.replace(year=year)
            except ValueError:  # 29 February in a common year
                date = datetime.date(year, 3, 1)
            if today <= date <= horizon:
                found.append({"partnership": partnership, "date": date, "years": age})
    found.sort(key=lambda item: (item["date"], item["partnership"].local_unit_name))
    return found
