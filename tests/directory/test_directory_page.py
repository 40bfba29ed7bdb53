"""The public directory page: facets and their counts, search, sorting,
pagination, statistics, map data, anniversaries and exports."""

import datetime
import io
import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from django_countries import countries
from icalendar import Calendar

from directory.facets import partnerships_changed
from directory.importing import partnerships_import_file
from directory.models import Partnership
from partners.models import RelationshipStatus
from tests.factories import NewsPageFactory

from .conftest import SAMPLE, import_csv, row

pytestmark = pytest.mark.django_db


def facet_options(response, name):
    """{value: count} of one facet's <select>, read from the HTML a visitor gets."""
    html = response.content.decode()
    select = re.search(rf'<select id="facet-{name}" name="{name}">(.*?)</select>', html, re.S).group(1)
    return {
        value: int(count)
        for value, count in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select)
    }


def result_rows(response):
    return re.findall(r'<th scope="row">([^<]+?) <span', response.content.decode())


@pytest.fixture
def sample(directory):
    with SAMPLE.open("rb") as file:
        report = partnerships_import_file(file=file, filename="sample.csv")
    assert report.written
    Partnership.objects.filter(partner_name="Kremenets").update(local_unit_kind="county", voivodeship="lubelskie")
    return directory


class TestFacets:
    def test_unfiltered_counts_are_exact_for_every_facet(self, client, sample):
        response = client.get(sample.url)
        assert response.status_code == 200
        assert facet_options(response, "country") == {
            "DE": 2,
            "LT": 2,
            "FR": 2,
            "NL": 1,
            "CZ": 1,
            "UA": 1,
            "IT": 1,
            "LV": 1,
        }
        assert facet_options(response, "voivodeship") == {"mazowieckie": 10, "lubelskie": 1}
        assert facet_options(response, "kind") == {"municipality": 10, "county": 1}
        assert facet_options(response, "status") == {
            "official_agreement": 9,
            "cooperation_agreement": 1,
            "informal_contacts": 1,
        }
        assert facet_options(response, "area") == {
            "culture": 7,
            "youth-exchange": 4,
            "sport": 3,
            "education": 1,
            "seniors": 1,
            "environment": 1,
        }
        assert facet_options(response, "decade") == {"1990": 2, "2000": 5, "2010": 3}
        assert "11 partnerships" in response.content.decode()

    def test_choosing_a_country_filters_the_rows_and_the_other_facets_but_keeps_its_alternatives(self, client, sample):
        response = client.get(sample.url, {"country": "DE"})
        assert sorted(result_rows(response)) == ["Izabelin", "Konstancin-Jeziorna"]
        assert facet_options(response, "country")["FR"] == 2  # the alternatives stay visible
        assert facet_options(response, "area") == {"youth-exchange": 1, "sport": 2, "environment": 1}
        assert facet_options(response, "decade") == {"2010": 2}
        assert "2 partnerships" in response.content.decode()

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"voivodeship": "lubelskie"}, 1),
            ({"kind": "municipality"}, 10),
            ({"area": "culture"}, 7),
            ({"status": "informal_contacts"}, 1),
            ({"decade": "2000"}, 5),
            ({"area": "culture", "decade": "2000", "country": "LT"}, 1),
        ],
    )
    def test_each_facet_filters_to_exactly_its_count(self, client, sample, params, expected):
        response = client.get(sample.url, params)
        assert len(result_rows(response)) == expected

    def test_unknown_filter_values_are_ignored_not_an_error(self, client, sample):
        response = client.get(sample.url, {"country": "XX", "decade": "abc", "sort": "drop table", "page": "x"})
        assert response.status_code == 200
        assert len(result_rows(response)) == 10  # first page of 11 at 10 per page


class TestSearchSortPaging:
    def test_search_finds_names_typed_without_diacritics(self, client, sample):
        assert result_rows(client.get(sample.url, {"q": "cesis"})) == ["Konstancin-Jeziorna"]
        assert "Mickūnai" in client.get(sample.url, {"q": "MICKUNAI"}).content.decode()
        assert "Méru" in client.get(sample.url, {"q": "meru"}).content.decode()

    def test_search_with_diacritics_and_polish_letters_both_ways(self, client, directory):
        import_csv([row(local_unit_name="Łódź", partner_name="Lwów", country="UA")])
        assert result_rows(client.get(directory.url, {"q": "lodz"})) == ["Łódź"]
        assert result_rows(client.get(directory.url, {"q": "Łódź lwow"})) == ["Łódź"]
        assert result_rows(client.get(directory.url, {"q": "Krakow"})) == []

    def test_user_text_is_escaped(self, client, sample):
        response = client.get(sample.url, {"q": "<script>alert(1)</script>"})
        assert b"<script>alert(1)" not in response.content
        assert b"&lt;script&gt;" in response.content

    def test_sorting_by_partner_and_by_newest(self, client, sample):
        html = client.get(sample.url, {"sort": "-since"}).content.decode()
        assert html.index("Denzlingen") < html.index("Leidschendam")
        html = client.get(sample.url, {"sort": "partner"}).content.decode()
        assert html.index("Borken") < html.index("Cēsis") < html.index("Denzlingen")

    def test_pagination_keeps_the_filters(self, client, sample):
        response = client.get(sample.url, {"voivodeship": "mazowieckie"})
        assert "Page 1 of 1" not in response.content.decode()
        response = client.get(sample.url, {"page": "2"})
        assert len(result_rows(response)) == 1
        assert 'href="?page=1"' in response.content.decode()
        response = client.get(sample.url, {"country": "DE", "page": "99"})
        assert response.status_code == 200


class TestStatisticsMapAndFeeds:
    def test_statistics_are_drawn_and_given_as_a_table(self, client, sample):
        html = client.get(sample.url).content.decode()
        assert html.count('class="bar-chart__bar"') == 8 + 3  # countries + decades
        assert re.search(r'<th scope="row">2000–2009</th><td>5</td>', html)
        assert f'<th scope="row">{countries.name("DE")}</th><td>2</td>' in html

    def test_the_map_clusters_towns_and_the_geojson_lists_every_located_partner(self, client, sample):
        html = client.get(sample.url).content.decode()
        assert 'class="directory-map__dot"' in html
        response = client.get(sample.url + "geojson/", {"country": "LT"})
        assert response["Content-Type"] == "application/geo+json"
        data = json.loads(response.content)
        assert sorted(f["properties"]["p"] for f in data["features"]) == ["Mickūnai", "Naujoji Vilnia"]
        point = next(f for f in data["features"] if f["properties"]["p"] == "Mickūnai")
        assert point["geometry"]["coordinates"] == [25.5083, 54.7083]

    def test_without_javascript_only_the_dot_map_shows(self, client, sample):
        """The server's HTML shows the dot map; the interactive map is hidden until its script runs,
        and the dot map names it as its replacement, so that the script hides the dot map then
        (static/js/partner-map.js; the browser test checks the swap)."""
        html = client.get(sample.url).content.decode()
        section = html.split('class="directory-map"', 1)[1].split("</section>", 1)[0]
        interactive = re.search(r'<div id="directory-map"[^>]*>', section).group(0)
        assert re.search(r"\shidden[\s>]", interactive), interactive
        static = re.search(r'<div class="directory-map__static"([^>]*)>(.*)</div>', section, re.S)
        assert static, "no static map"
        assert 'data-replaced-by="directory-map"' in static.group(1)
        assert "hidden" not in static.group(1)
        assert 'class="directory-map__svg"' in static.group(2) and 'class="directory-map__dot"' in static.group(2)
        assert section.count("<svg") == 1  # one dot map, nothing else drawn beside it

    def test_round_anniversaries_are_listed_and_offered_as_icalendar(self, client, directory):
        today = datetime.date.today()
        soon = today + datetime.timedelta(days=10)
        import_csv(
            [
                row(partner_name="Twenty", since=soon.replace(year=soon.year - 20).isoformat()),
                row(partner_name="Seventeen", since=soon.replace(year=soon.year - 17).isoformat()),
                row(partner_name="EndedTen", since=soon.replace(year=soon.year - 10).isoformat(), status="ended"),
            ]
        )
        html = client.get(directory.url).content.decode()
        assert "20 years of Izabelin – Twenty" in html or "20" in html and "Twenty" in html
        assert "Seventeen" not in html.split("directory-anniversaries-heading")[1]
        response = client.get(directory.url + "anniversaries/ics/")
        calendar = Calendar.from_ical(response.content)
        events = calendar.walk("VEVENT")
        assert [str(e["summary"]) for e in events] == ["20 years: Izabelin – Twenty"]
        assert events[0]["dtstart"].dt == soon


class TestExport:
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_the_export_round_trips_through_the_import(self, client, sample, fmt):
        response = client.get(sample.url + f"export/{fmt}/")
        assert response.status_code == 200
        assert "license" in response["Link"]
        assert partnerships_import_file(file=io.BytesIO(response.content), filename=f"x.{fmt}").unchanged == 11
        before = {(p.local_unit_name, p.partner_name): p for p in Partnership.objects.prefetch_related("areas")}
        Partnership.objects.all().delete()
        report = partnerships_import_file(file=io.BytesIO(response.content), filename=f"x.{fmt}")
        assert report.errors == [] and report.created == 11
        for partnership in Partnership.objects.prefetch_related("areas", "status_events"):
            original = before[(partnership.local_unit_name, partnership.partner_name)]
            for name in (
                "country",
                "status",
                "since_year",
                "since_date",
                "latitude",
                "longitude",
                "voivodeship",
                "local_unit_kind",
                "teryt",
                "partner_region",
                "notes",
                "source",
            ):
                assert getattr(partnership, name) == getattr(original, name), name
            assert {a.slug for a in partnership.areas.all()} == {a.slug for a in original.areas.all()}

    def test_the_csv_carries_the_licence_line_and_follows_the_filters(self, client, sample):
        body = client.get(sample.url + "export/csv/", {"country": "LT"}).content.decode("utf-8-sig")
        lines = body.splitlines()
        assert lines[0].startswith("# Licence: CC BY 4.0")
        assert len(lines) == 2 + 2

    def test_json_ld_describes_schema_org_organisations_with_members(self, client, sample):
        data = json.loads(client.get(sample.url + "export/jsonld/", {"country": "CZ"}).content)
        assert data["@context"] == "https://schema.org"
        assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
        (node,) = data["hasPart"]
        assert node["@type"] == "Organization"
        assert [m["name"] for m in node["member"]] == ["Konstancin-Jeziorna", "Hranice"]
        assert node["member"][1]["memberOf"] == {"@id": node["@id"]}
        assert node["foundingDate"] == "2006-04-07"

    def test_an_unknown_export_format_is_a_404(self, client, sample):
        assert client.get(sample.url + "export/pdf/").status_code == 404


def make_partnerships(count, areas):
    rows = [
        row(
            local_unit_name=f"Gmina {i % 300}",
            partner_name=f"Partner {i}",
            country=("DE", "FR", "CZ", "LT", "UA")[i % 5],
            voivodeship=("mazowieckie", "slaskie", "pomorskie")[i % 3],
            since=f"{1990 + i % 35}-0{1 + i % 9}-1{i % 9}",
            areas=("culture", "youth-exchange;sport", "seniors")[i % 3],
            latitude=f"{45 + i % 12}.5",
            longitude=f"{2 + i % 25}.5",
        )
        for i in range(count)
    ]
    report = import_csv(rows)
    assert report.created == count


QUERY_COUNT_PARAMS = [
    {},
    {"country": "DE", "area": "culture"},
    {
        "country": "FR",
        "voivodeship": "slaskie",
        "kind": "municipality",
        "status": "official_agreement",
        "decade": "2000",
    },
    {"q": "partner 1", "sort": "-since", "page": "2"},
]


class TestQueryCounts:
    def _queries(self, client, url, params):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, params)
        assert response.status_code == 200
        # Not the SAVEPOINTs ATOMIC_REQUESTS adds inside the test's transaction: a real request runs none.
        return len([query for query in context.captured_queries if "SAVEPOINT" not in query["sql"]])

    def _directory_counts(self, client, directory):
        """Queries of the first request after a data change (the facet cube
        rebuilt) and of the next one (the cube from its one cache key), for
        each filter combination."""
        counts = []
        for params in QUERY_COUNT_PARAMS:
            partnerships_changed()
            cold = self._queries(client, directory.url, params)
            warm = self._queries(client, directory.url, params)
            counts.append((cold, warm))
        return counts

    def test_the_directory_runs_the_same_number_of_queries_for_100_and_5000_rows(self, client, directory, areas):
        make_partnerships(100, areas)
        client.get(directory.url + "?country=CZ")
        small = self._directory_counts(client, directory)
        Partnership.objects.all().delete()
        make_partnerships(5000, areas)
        large = self._directory_counts(client, directory)
        assert large == small
        # Nothing but the facet cube is cached: a warm request differs from
        # the first one after a change only by the cube's GROUP BY queries.
        for (cold, warm), params in zip(large, QUERY_COUNT_PARAMS, strict=True):
            assert warm <= cold <= warm + 3, params
            assert warm <= 15, params

    def test_a_news_publish_leaves_the_facet_cube_in_place(self, client, directory, areas, tree):
        make_partnerships(30, areas)
        first = client.get(directory.url, {"country": "DE"}).content.decode()
        NewsPageFactory(parent=tree.organisation, title="Nowy komunikat", live=False).save_revision().publish()
        with CaptureQueriesContext(connection) as context:
            again = client.get(directory.url, {"country": "DE"}).content.decode()
        assert not any("GROUP BY" in query["sql"] and "partners_partnership" in query["sql"] for query in context)
        assert again == first
        import_csv([row(local_unit_name="Gmina Nowa", partner_name="Neustadt", country="DE")])
        assert "Neustadt" in client.get(directory.url, {"country": "DE", "q": "Neustadt"}).content.decode()

    def test_geojson_and_exports_do_not_grow_with_rows(self, client, directory, areas):
        make_partnerships(100, areas)
        client.get(directory.url)
        counts_small = [self._queries(client, directory.url + path, {}) for path in ("geojson/", "export/csv/")]
        Partnership.objects.all().delete()
        make_partnerships(5000, areas)
        client.get(directory.url)  # the data change made a new cache generation: warm the site frame again
        counts_large = [self._queries(client, directory.url + path, {}) for path in ("geojson/", "export/csv/")]
        assert counts_large == counts_small


class TestDirectoryPageType:
    def test_it_lives_under_the_home_page_once(self, directory):
        from directory.models import PartnershipDirectoryPage
        from home.models import HomePage

        assert PartnershipDirectoryPage in HomePage.allowed_subpage_models()
        assert not PartnershipDirectoryPage.can_create_at(directory.get_parent())

    def test_the_page_has_one_h1_and_works_without_partnerships(self, client, directory):
        html = client.get(directory.url).content.decode()
        assert html.count("<h1") == 1
        assert "No partnership matches these filters." in html
        assert RelationshipStatus.ENDED  # the status choices are shared with partner pages
