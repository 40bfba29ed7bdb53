"""Canonical URLs, Open Graph and Twitter cards, and JSON-LD on public pages."""

import datetime
from pathlib import Path

from django.conf import settings
from django.test import TestCase
from django.utils import timezone

from tests import factories
from tests.seo.head import read_head
from tests.seo.network import build_published_network


class SharingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_published_network()

    def head_of(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return read_head(response.content.decode())

    def test_every_page_has_exactly_one_absolute_canonical_url(self):
        for page in [*self.network.public_pl_pages, *self.network.en.values()]:
            head = self.head_of(page.url)
            self.assertEqual(head.canonical, [page.get_full_url()], page.url)

    def test_the_canonical_url_drops_the_query_string(self):
        head = self.head_of(self.network.tree.initiatives.url + "?area=youth&utm_source=newsletter")
        self.assertEqual(head.canonical, [self.network.tree.initiatives.get_full_url()])

    def test_the_map_route_is_its_own_canonical_page(self):
        head = self.head_of(self.network.tree.partners.url + "map/")
        self.assertEqual(head.canonical, [self.network.tree.partners.get_full_url() + "map/"])

    def test_open_graph_and_twitter_card_use_a_1200x630_rendition_with_an_absolute_url(self):
        head = self.head_of(self.network.news.url)
        self.assertEqual(head.meta["og:type"], ["article"])
        self.assertEqual(head.meta["og:title"], ["Młodzież z Borken przyjechała"])
        self.assertEqual(head.meta["og:description"], ["Relacja z pierwszego dnia wymiany."])
        self.assertEqual(head.meta["og:url"], [self.network.news.get_full_url()])
        self.assertEqual(head.meta["og:locale"], ["pl_PL"])
        self.assertEqual(head.meta["og:image:width"], ["1200"])
        self.assertEqual(head.meta["og:image:height"], ["630"])
        self.assertEqual(head.meta["og:image:alt"], ["The market square of Borken"])
        (image_url,) = head.meta["og:image"]
        self.assertTrue(image_url.startswith("http://testserver/media/"), image_url)
        rendition_file = Path(settings.MEDIA_ROOT) / image_url.removeprefix("http://testserver/media/")
        self.assertTrue(rendition_file.exists(), rendition_file)
        self.assertEqual(head.meta["twitter:card"], ["summary_large_image"])
        self.assertEqual(head.meta["twitter:image"], [image_url])

    def test_a_translated_page_names_its_other_languages_for_open_graph(self):
        head = self.head_of(self.network.en["initiative"].url)
        self.assertEqual(head.meta["og:locale"], ["en_GB"])
        self.assertEqual(head.meta["og:locale:alternate"], ["pl_PL"])

    def test_a_page_without_image_gets_a_summary_card(self):
        head = self.head_of(self.network.tree.partners.url)
        self.assertEqual(head.meta["og:type"], ["website"])
        self.assertNotIn("og:image", head.meta)
        self.assertEqual(head.meta["twitter:card"], ["summary"])

    def test_news_is_described_as_a_news_article(self):
        (article,) = self.head_of(self.network.news.url).json_ld
        self.assertEqual(article["@context"], "https://schema.org")
        self.assertEqual(article["@type"], "NewsArticle")
        self.assertEqual(article["headline"], "Młodzież z Borken przyjechała")
        self.assertEqual(article["datePublished"], "2026-10-01")
        self.assertEqual(article["inLanguage"], "pl")
        self.assertEqual(article["author"]["name"], "MOPS")
        self.assertTrue(article["image"][0].startswith("http://testserver/media/"))

    def test_each_event_date_of_an_initiative_is_an_event(self):
        initiative = self.network.initiative
        factories.InitiativeOccurrenceFactory(
            page=initiative, start=timezone.now() + datetime.timedelta(days=60), venue="Rynek w Borken"
        )
        events = self.head_of(initiative.url).json_ld
        self.assertEqual([event["@type"] for event in events], ["Event", "Event"])
        self.assertEqual([event["location"]["name"] for event in events], ["Dom Kultury", "Rynek w Borken"])
        starts = [datetime.datetime.fromisoformat(event["startDate"]) for event in events]
        self.assertEqual(starts, sorted(o.start for o in initiative.occurrences.all()))
        self.assertEqual(
            events[0]["organizer"],
            {"@type": "Organization", "name": "MOPS", "url": self.network.tree.organisation.get_full_url()},
        )
        self.assertEqual(events[0]["url"], initiative.get_full_url())

    def test_member_organisations_and_partners_are_organizations(self):
        (organisation,) = self.head_of(self.network.tree.organisation.url).json_ld
        self.assertEqual(organisation["@type"], "Organization")
        self.assertEqual(organisation["name"], "MOPS")
        (partner,) = self.head_of(self.network.tree.partner.url).json_ld
        self.assertEqual(partner["@type"], "Organization")
        self.assertEqual(partner["alternateName"], "Stadt Borken")
        self.assertEqual(partner["address"]["addressCountry"], "DE")
        self.assertEqual(
            partner["location"]["geo"], {"@type": "GeoCoordinates", "latitude": 51.843, "longitude": 6.858}
        )

    def test_the_home_page_describes_the_website_and_its_search(self):
        (website,) = self.head_of("/en/").json_ld
        self.assertEqual(website["@type"], "WebSite")
        self.assertEqual(website["url"], "http://localhost/en/")
        self.assertEqual(
            website["potentialAction"]["target"], "http://testserver/en/search/?query={search_term_string}"
        )

    def test_editors_text_cannot_break_out_of_the_json_ld_script(self):
        news = self.network.news
        news.title = 'Evil </script><script>alert("x")</script> & co'
        news.save_revision().publish()
        response = self.client.get(news.url)
        html = response.content.decode()
        self.assertNotIn('<script>alert("x")</script>', html)
        (article,) = read_head(html).json_ld
        self.assertEqual(article["headline"], 'Evil </script><script>alert("x")</script> & co')
