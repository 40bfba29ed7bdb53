"""The directory at scale: cached counts and GeoJSON follow every change,
conditional and gzipped GeoJSON, area names in the reader's language, and
round anniversaries computed in SQL at their boundaries."""

import datetime
import gzip
import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from directory.facets import partnerships_upcoming_anniversaries
from directory.models import Partnership
from partners.models import CooperationArea, RelationshipStatus

from .conftest import import_csv, row

pytestmark = pytest.mark.django_db


def partnership(**fields):
    values = {"local_unit_name": "Izabelin", "partner_name": "Borken", "country": "DE", **fields}
    item = Partnership(**values)
    item.full_clean()
    item.save()
    return item


def country_count(response, code):
    html = response.content.decode()
    select = re.search(r'<select id="facet-country" name="country">(.*?)</select>', html, re.S).group(1)
    found = re.search(rf'<option value="{code}"[^>]*>[^<]*\((\d+)\)</option>', select)
    return int(found.group(1)) if found else 0


class TestFacetCubeSharedByWorkers:
    def test_a_new_worker_reads_the_cube_others_built(self, client, directory):
        partnership(partner_name="Borken")
        partnership(partner_name="Hranice", country="CZ")
        assert country_count(client.get(directory.url), "CZ") == 1
        with CaptureQueriesContext(connection) as queries:
            response = client.get(directory.url)
        assert country_count(response, "CZ") == 1
        assert not [q["sql"] for q in queries if "GROUP BY" in q["sql"] and "partners_partnership" in q["sql"]]

    def test_a_change_builds_a_new_cube(self, client, directory):
        partnership(partner_name="Borken")
        client.get(directory.url)
        partnership(partner_name="Hranice", country="CZ")
        assert country_count(client.get(directory.url), "CZ") == 1


class TestCachedCountsFollowChanges:
    def test_a_saved_partnership_is_counted_on_the_next_request(self, client, directory):
        partnership(partner_name="Borken")
        assert country_count(client.get(directory.url), "DE") == 1
        partnership(partner_name="Bocholt")
        response = client.get(directory.url)
        assert country_count(response, "DE") == 2
        assert "2 partnerships" in response.content.decode()

    def test_a_deleted_partnership_leaves_the_counts_and_the_map(self, client, directory):
        partnership(partner_name="Borken", latitude="51.8436", longitude="6.8580")
        gone = partnership(partner_name="Vilnius", country="LT", latitude="54.6872", longitude="25.2797")
        client.get(directory.url)
        gone.delete()
        assert country_count(client.get(directory.url), "LT") == 0
        features = json.loads(client.get(directory.url + "geojson/").content)["features"]
        assert [feature["properties"]["p"] for feature in features] == ["Borken"]

    def test_an_import_is_counted_on_the_next_request(self, client, directory):
        client.get(directory.url)
        import_csv([row(partner_name="Borken"), row(partner_name="Hranice", country="CZ")])
        response = client.get(directory.url)
        assert country_count(response, "CZ") == 1

    def test_search_counts_match_the_rows_found(self, client, directory):
        partnership(partner_name="Łódź-Partner", country="FR")
        partnership(partner_name="Borken")
        response = client.get(directory.url, {"q": "lodz"})
        assert country_count(response, "FR") == 1
        assert country_count(response, "DE") == 0
        assert "1 partnership" in response.content.decode()


class TestGeoJSON:
    def test_a_new_partnership_appears_in_the_geojson_after_it_is_added(self, client, directory):
        partnership(partner_name="Borken", latitude="51.843612", longitude="6.858041")
        first = client.get(directory.url + "geojson/")
        data = json.loads(first.content)
        assert data["type"] == "FeatureCollection"
        (feature,) = data["features"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [6.858, 51.8436]}  # lon, lat; 4 decimals
        assert feature["properties"] == {"u": "Izabelin", "p": "Borken", "c": "DE"}
        partnership(partner_name="Hranice", country="CZ", latitude="49.5478", longitude="17.7347")
        second = client.get(directory.url + "geojson/")
        assert sorted(f["properties"]["p"] for f in json.loads(second.content)["features"]) == ["Borken", "Hranice"]
        assert second["ETag"] != first["ETag"]

    def test_an_unchanged_geojson_is_not_sent_again(self, client, directory):
        partnership(latitude="51.8436", longitude="6.858")
        etag = client.get(directory.url + "geojson/")["ETag"]
        response = client.get(directory.url + "geojson/", headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert response.content == b""

    def test_the_geojson_is_gzipped_for_clients_that_accept_it(self, client, directory):
        partnership(latitude="51.8436", longitude="6.858")
        plain = client.get(directory.url + "geojson/")
        zipped = client.get(directory.url + "geojson/", headers={"Accept-Encoding": "gzip, deflate"})
        assert zipped["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in zipped["Vary"]
        assert gzip.decompress(zipped.content) == plain.content
        assert not plain.has_header("Content-Encoding")
        assert zipped["ETag"] != plain["ETag"]

    def test_the_geojson_follows_the_filters(self, client, directory):
        partnership(partner_name="Borken", latitude="51.8436", longitude="6.858")
        partnership(partner_name="Hranice", country="CZ", latitude="49.5478", longitude="17.7347")
        data = json.loads(client.get(directory.url + "geojson/", {"country": "CZ"}).content)
        assert [f["properties"]["p"] for f in data["features"]] == ["Hranice"]


class TestAreaNamesInTheReadersLanguage:
    def test_the_german_directory_shows_german_area_names(self, client, directory, areas):
        german = Locale.objects.get_or_create(language_code="de")[0]
        culture = areas["culture"]
        culture.name = "Kultura"
        culture.save()
        translated = culture.copy_for_translation(german)
        translated.name = "Kultur"
        translated.save()
        directory.get_parent().specific.copy_for_translation(german).save_revision().publish()
        german_page = directory.copy_for_translation(german)
        german_page.save_revision().publish()
        import_csv([row(partner_name="Borken", areas="culture")])

        polish = client.get(directory.url).content.decode()
        german_html = client.get(german_page.url).content.decode()

        assert re.search(r"<td>Kultura</td>", polish)
        assert re.search(r"<td>Kultur</td>", german_html)
        assert re.search(r'<option value="culture">Kultur \(1\)</option>', german_html)
        assert CooperationArea.objects.filter(slug="culture").count() == 2


class TestAnniversaries:
    TODAY = datetime.date(2026, 3, 10)

    def _found(self, days=30, today=TODAY):
        return [
            (item["partner_name"], item["years"], item["date"])
            for item in partnerships_upcoming_anniversaries(today=today, days=days)
        ]

    @pytest.mark.parametrize("years", [10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100])
    def test_every_round_anniversary_is_listed(self, directory, years):
        partnership(partner_name=f"P{years}", since_date=datetime.date(2026 - years, 3, 20))
        assert self._found() == [(f"P{years}", years, datetime.date(2026, 3, 20))]

    @pytest.mark.parametrize("years", [1, 5, 9, 11, 15, 17, 21, 35, 45, 99])
    def test_other_ages_are_not_listed(self, directory, years):
        partnership(partner_name=f"P{years}", since_date=datetime.date(2026 - years, 3, 20))
        assert self._found() == []

    def test_the_window_includes_today_and_its_last_day_and_nothing_outside(self, directory):
        partnership(partner_name="Today", since_date=datetime.date(2016, 3, 10))
        partnership(partner_name="LastDay", since_date=datetime.date(2006, 4, 9))
        partnership(partner_name="Yesterday", since_date=datetime.date(2016, 3, 9))
        partnership(partner_name="TooLate", since_date=datetime.date(2016, 4, 10))
        assert self._found() == [
            ("Today", 10, datetime.date(2026, 3, 10)),
            ("LastDay", 20, datetime.date(2026, 4, 9)),
        ]

    def test_a_29_february_signing_is_celebrated_on_1_march_in_a_common_year(self, directory):
        partnership(partner_name="Leap", since_date=datetime.date(2000, 2, 29))
        assert self._found(today=datetime.date(2030, 2, 20)) == [("Leap", 30, datetime.date(2030, 3, 1))]
        assert self._found(today=datetime.date(2020, 2, 20)) == [("Leap", 20, datetime.date(2020, 2, 29))]

    def test_a_window_across_new_year_finds_both_years(self, directory):
        partnership(partner_name="December", since_date=datetime.date(2016, 12, 30))
        partnership(partner_name="January", since_date=datetime.date(2002, 1, 2))
        found = self._found(today=datetime.date(2026, 12, 20), days=30)
        assert found == [("December", 10, datetime.date(2026, 12, 30)), ("January", 25, datetime.date(2027, 1, 2))]

    def test_ended_partnerships_and_those_with_only_a_year_are_left_out(self, directory):
        partnership(partner_name="Ended", since_date=datetime.date(2016, 3, 20), status=RelationshipStatus.ENDED)
        partnership(partner_name="YearOnly", since_year=2016)
        assert self._found() == []

    def test_the_calendar_feed_holds_the_next_year(self, client, directory):
        today = datetime.date.today()
        soon = today + datetime.timedelta(days=200)
        partnership(partner_name="Twenty", since_date=soon.replace(year=soon.year - 20))
        body = client.get(directory.url + "anniversaries/ics/").content.decode()
        assert "SUMMARY:20 years: Izabelin – Twenty" in body
