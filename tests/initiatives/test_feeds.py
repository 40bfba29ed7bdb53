"""RSS and Atom feeds parsed with feedparser: exactly the published items, absolute links, images."""

import datetime

from wagtail.models import Locale, Page

import feedparser
import pytest

from tests import factories


@pytest.fixture
def news(network):
    image = factories.ImageFactory(title="Festiwal", file__filename="festiwal.png")
    network.festival_news = factories.NewsPageFactory(
        parent=network.mops, title="Festiwal już w maju", slug="festival-news", main_image=image
    )
    network.festival_news.save_revision().publish()
    network.exchange_news = factories.NewsPageFactory(
        parent=network.caritas, title="Relacja z wymiany", slug="exchange-report", date=datetime.date(2024, 7, 10)
    )
    network.exchange_news.save_revision().publish()
    factories.NewsPageFactory(parent=network.mops, title="Szkic wiadomości", slug="draft-news", live=False)
    return network


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def titles(feed):
    return {entry.title for entry in feed.entries}


@pytest.mark.parametrize("extension", ["rss", "atom"])
class NetworkFeedTests:
    def test_the_news_feed_holds_exactly_the_published_news(self, client, news, extension):
        feed = parse(client.get(f"/pl/feeds/news.{extension}"))
        assert titles(feed) == {"Festiwal już w maju", "Relacja z wymiany"}

    def test_the_initiatives_feed_holds_exactly_the_published_initiatives(self, client, news, extension):
        feed = parse(client.get(f"/pl/feeds/initiatives.{extension}"))
        assert titles(feed) == {"Festiwal kultury w Borken", "Wymiana młodzieży z Méru", "Warsztaty dla seniorów"}

    def test_links_are_absolute(self, client, news, extension):
        feed = parse(client.get(f"/pl/feeds/news.{extension}"))
        links = {entry.title: entry.link for entry in feed.entries}
        assert links["Festiwal już w maju"] == "http://localhost/pl/czlonkowie/mops/festival-news/"
        assert feed.feed.link.startswith("http://")

    def test_an_item_with_an_image_carries_it_as_an_enclosure(self, client, news, extension):
        feed = parse(client.get(f"/pl/feeds/news.{extension}"))
        entry = next(entry for entry in feed.entries if entry.title == "Festiwal już w maju")
        assert len(entry.enclosures) == 1
        assert entry.enclosures[0].href.startswith("http://testserver/media/")
        assert entry.enclosures[0].type == "image/png"
        other = next(entry for entry in feed.entries if entry.title == "Relacja z wymiany")
        assert other.enclosures == []

    def test_the_feed_language_is_the_urls(self, client, news, extension):
        assert parse(client.get(f"/pl/feeds/news.{extension}")).feed.language == "pl"


class OrganisationFeedTests:
    def test_an_organisations_news_feed_has_only_its_news(self, client, news):
        assert titles(parse(client.get("/pl/feeds/caritas/news.rss"))) == {"Relacja z wymiany"}
        assert titles(parse(client.get("/pl/feeds/mops/news.atom"))) == {"Festiwal już w maju"}

    def test_an_organisations_initiative_feed_includes_co_organised_ones(self, client, news):
        assert titles(parse(client.get("/pl/feeds/mops/initiatives.rss"))) == {
            "Festiwal kultury w Borken",
            "Wymiana młodzieży z Méru",
        }

    def test_an_unknown_organisation_is_a_404(self, client, news):
        assert client.get("/pl/feeds/nobody/news.rss").status_code == 404

    def test_the_listing_pages_advertise_their_feeds(self, client, news):
        html = client.get("/pl/aktualnosci/").content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/pl/feeds/news.atom"' in html


class LocaleFeedTests:
    def test_a_language_without_a_published_site_has_no_feed(self, client, news):
        assert client.get("/de/feeds/news.rss").status_code == 404

    def test_each_language_has_its_own_items(self, client, news):
        english = Locale.objects.get_or_create(language_code="en")[0]
        home = news.tree.home
        english_home = factories.HomePageFactory(
            parent=Page.get_first_root_node(), slug="network", locale=english, translation_key=home.translation_key
        )
        english_index = factories.MemberOrganisationIndexPageFactory(
            parent=english_home, slug="members", locale=english, translation_key=news.tree.organisations.translation_key
        )
        english_mops = factories.MemberOrganisationPageFactory(
            parent=english_index, slug="mops", locale=english, translation_key=news.mops.translation_key
        )
        factories.NewsPageFactory(parent=english_mops, title="Festival in May", locale=english)
        feed = parse(client.get("/en/feeds/news.rss"))
        assert titles(feed) == {"Festival in May"}
        assert feed.entries[0].link.startswith("http://localhost/en/")
        assert "Festival in May" not in titles(parse(client.get("/pl/feeds/news.rss")))
