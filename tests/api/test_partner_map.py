"""The map of partners: the GeoJSON endpoint and the map page with its list."""

from decimal import Decimal

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from django_countries.fields import Country

from tests import factories
from tests.seo.network import build_published_network


class PartnersGeoJSONTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_published_network()

    def features(self, url="/pl/api/partners.geojson"):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/geo+json")
        collection = response.json()
        self.assertEqual(collection["type"], "FeatureCollection")
        for feature in collection["features"]:
            self.assertEqual(feature["type"], "Feature")
            self.assertEqual(feature["geometry"]["type"], "Point")
            longitude, latitude = feature["geometry"]["coordinates"]
            self.assertTrue(-180 <= longitude <= 180 and -90 <= latitude <= 90)
        return {feature["properties"]["title"]: feature for feature in collection["features"]}

    def test_lists_exactly_the_published_partners_with_coordinates(self):
        features = self.features()
        # Not Mickūnai (no coordinates), not the draft partner.
        self.assertEqual(set(features), {"Borken", "Méru"})

    def test_coordinates_are_longitude_then_latitude(self):
        borken = self.features()["Borken"]
        self.assertEqual(borken["geometry"]["coordinates"], [6.858, 51.843])
        self.assertEqual(borken["properties"]["url"], self.network.tree.partner.get_full_url())
        self.assertEqual(borken["properties"]["country"], "DE")
        with translation.override("pl"):
            self.assertEqual(borken["properties"]["country_name"], str(Country("DE").name))

    def test_follows_the_readers_language(self):
        features = self.features("/en/api/partners.geojson")
        self.assertEqual(set(features), {"Borken"})
        self.assertEqual(features["Borken"]["properties"]["country_name"], "Germany")
        self.assertEqual(features["Borken"]["properties"]["url"], self.network.en["partner"].get_full_url())

    def test_other_sites_may_fetch_it(self):
        response = self.client.get("/pl/api/partners.geojson", HTTP_ORIGIN="https://borken.example")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")

    def test_query_count_does_not_grow_with_the_number_of_partners(self):
        self.features()  # warm the cached site lookups, as every request after the first finds them
        with CaptureQueriesContext(connection) as before:
            self.features()
        for number in range(20):
            factories.PartnerPageFactory(
                parent=self.network.tree.partners,
                slug=f"partner-{number}",
                latitude=Decimal("50.1"),
                longitude=Decimal("10.2"),
            )
        self.features()  # publishing emptied the cached lookups: the first request rebuilds them
        with CaptureQueriesContext(connection) as after:
            self.assertEqual(len(self.features()), 22)
        self.assertEqual(len(after.captured_queries), len(before.captured_queries))


class PartnerMapPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_published_network()

    def test_the_list_below_the_map_groups_partners_by_country_without_javascript(self):
        response = self.client.get("/pl/partnerzy/map/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertEqual(html.count("<h1>"), 1)
        with translation.override("pl"):
            france, germany = str(Country("FR").name), str(Country("DE").name)
        self.assertInHTML(f'<h3 id="country-fr">{france}</h3>', html)
        self.assertInHTML(f'<h3 id="country-de">{germany}</h3>', html)
        self.assertLess(html.index(france), html.index(germany))  # sorted by name in the reader's language
        self.assertIn(f'<a href="{self.network.tree.partner.url}">Borken</a>', html)
        self.assertNotIn("Mickūnai", html)
        self.assertNotIn("Szkic partnera", html)

    def test_the_map_is_progressive_enhancement_from_our_own_static_files(self):
        html = self.client.get("/pl/partnerzy/map/").content.decode()
        self.assertIn('id="partner-map"', html)
        self.assertIn(" hidden", html.split('id="partner-map"')[1].split(">")[0])
        self.assertIn('data-geojson-url="/pl/api/partners.geojson"', html)
        self.assertIn('src="/static/vendor/leaflet/leaflet.js" defer', html)
        self.assertIn('src="/static/js/partner-map.js" defer', html)
        self.assertNotIn("unpkg", html)
        self.assertNotIn("cdn", html.lower())

    @override_settings(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="© Example")
    def test_the_tile_server_comes_from_the_settings(self):
        html = self.client.get("/pl/partnerzy/map/").content.decode()
        self.assertIn('data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"', html)
        self.assertIn('data-tile-attribution="© Example"', html)

    def test_the_partner_listing_links_to_the_map(self):
        html = self.client.get(self.network.tree.partners.url).content.decode()
        self.assertIn('href="/pl/partnerzy/map/"', html)

    def test_the_english_map_lists_english_pages(self):
        html = self.client.get("/en/partners/map/").content.decode()
        self.assertInHTML('<h3 id="country-de">Germany</h3>', html)
        self.assertIn(f'<a href="{self.network.en["partner"].url}">Borken</a>', html)
        self.assertNotIn("Méru", html)

    def test_an_unknown_sub_route_is_a_404(self):
        self.assertEqual(self.client.get("/pl/partnerzy/map/nothing/").status_code, 404)
