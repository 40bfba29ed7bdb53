"""sitemap.xml lists every published page in every locale, with hreflang alternates;
robots.txt points crawlers to it."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.seo.network import build_published_network

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_published_network()

    def read_sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/xml"))
        entries = {}
        for url in ET.fromstring(response.content).findall("sm:url", NS):  # noqa: S314  (our own response)
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
            entries[url.find("sm:loc", NS).text] = alternates
        return entries

    def test_lists_every_published_page_in_every_locale(self):
        network = self.network
        expected = {page.get_full_url() for page in network.public_pl_pages}
        expected |= {page.get_full_url() for page in network.en.values()}
        expected |= {network.tree.partners.get_full_url() + "map/", network.en["partners"].get_full_url() + "map/"}
        entries = self.read_sitemap()
        self.assertEqual(set(entries), expected)
        self.assertIn("http://localhost/pl/", entries)
        self.assertIn("http://localhost/en/", entries)

    def test_drafts_and_private_pages_are_absent(self):
        locations = " ".join(self.read_sitemap())
        for hidden in (self.network.draft_initiative, self.network.draft_partner, self.network.private_news):
            self.assertNotIn(f"/{hidden.slug}/", locations)

    def test_translated_pages_carry_hreflang_alternates_and_x_default(self):
        pl_url = self.network.initiative.get_full_url()
        en_url = self.network.en["initiative"].get_full_url()
        expected = {"pl": pl_url, "en": en_url, "x-default": pl_url}
        entries = self.read_sitemap()
        self.assertEqual(entries[pl_url], expected)
        self.assertEqual(entries[en_url], expected)

    def test_the_map_of_partners_is_listed_with_its_translations(self):
        pl_map = self.network.tree.partners.get_full_url() + "map/"
        en_map = self.network.en["partners"].get_full_url() + "map/"
        self.assertEqual(self.read_sitemap()[pl_map], {"pl": pl_map, "en": en_map, "x-default": pl_map})

    def test_untranslated_pages_have_no_alternates(self):
        self.assertEqual(self.read_sitemap()[self.network.news.get_full_url()], {})

    def test_query_count_does_not_grow_with_the_number_of_pages(self):
        self.read_sitemap()  # warm the per-process caches (sites, content types) first
        # Both counts are of the first read after a change (a new cache generation).
        factories.NewsPageFactory(parent=self.network.tree.organisation, slug="news-first")
        with CaptureQueriesContext(connection) as before:
            self.read_sitemap()
        for number in range(30):
            factories.NewsPageFactory(parent=self.network.tree.organisation, slug=f"news-{number}")
        with CaptureQueriesContext(connection) as after:
            entries = self.read_sitemap()
        self.assertIn(self.network.tree.organisation.get_full_url() + "news-29/", entries)
        self.assertEqual(len(after.captured_queries), len(before.captured_queries))


class RobotsTxtTests(TestCase):
    def test_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
