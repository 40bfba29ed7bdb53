"""What a page is built from (its route, the settings, the selectors'
results) is read afresh on every request: every change shows on the next one,
and a preview shows its draft while the public keeps the live page."""

import datetime

from django.core.handlers.wsgi import WSGIRequest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import feedparser
import pytest
import wagtail_factories

from home.models import HomeFeaturedInitiative
from initiatives.models import InitiativeDocument, InitiativeOccurrence, InitiativePage
from partners.models import PartnerPage
from tests.factories import ImageFactory, NewsPageFactory


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, [query["sql"] for query in queries.captured_queries]


def featured(html):
    """The home page's "Featured initiatives" section."""
    return (
        html.split('id="featured-heading"', 1)[1].split("</section>", 1)[0] if 'id="featured-heading"' in html else ""
    )


class TestRouting:
    def test_a_new_slug_is_routed_on_the_next_request(self, client, network):
        old_url = network.festival.url
        assert client.get(old_url).status_code == 200
        network.festival.slug = "festiwal-2025"
        network.festival.save_revision().publish()
        assert client.get(old_url).status_code == 404
        assert client.get(Page.objects.get(pk=network.festival.pk).url).status_code == 200

    def test_an_unpublished_page_is_gone_although_its_route_was_cached(self, client, network):
        url = network.festival.url
        client.get(url)
        network.festival.unpublish()
        assert client.get(url).status_code == 404

    def test_a_page_made_private_asks_for_a_login_on_the_next_request(self, client, network):
        url = network.festival.url
        assert client.get(url).status_code == 200
        PageViewRestriction.objects.create(page=network.festival, restriction_type=PageViewRestriction.LOGIN)
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]

    def test_sub_urls_of_a_routable_page_resolve_from_the_cached_page(self, client, network):
        calendar_url = network.tree.initiatives.url + "calendar/ical/"
        missing_url = network.tree.initiatives.url + "calendar/nie-ma-takiego/"
        for _round in range(2):
            calendar = client.get(calendar_url)
            assert calendar.status_code == 200
            assert calendar["Content-Type"].startswith("text/calendar")
            assert client.get(missing_url).status_code == 404
            assert client.get(network.tree.initiatives.url).status_code == 200


class TestSelectors:
    def test_new_news_reaches_the_home_page_and_the_feed_on_the_next_request(self, client, network):
        assert "Nowa wiadomość z Borken" not in client.get(network.tree.home.url).content.decode()
        assert "Nowa wiadomość z Borken" not in client.get("/pl/feeds/news.rss").content.decode()
        NewsPageFactory(parent=network.tree.news, title="Nowa wiadomość z Borken", slug="nowa")
        assert "Nowa wiadomość z Borken" in client.get(network.tree.home.url).content.decode()
        assert "Nowa wiadomość z Borken" in client.get("/pl/feeds/news.rss").content.decode()

    def test_a_home_page_preview_shows_the_drafts_featured_initiatives(self, client, network):
        home = network.tree.home
        HomeFeaturedInitiative.objects.create(page=home, initiative=network.festival)
        home.save_revision().publish()
        assert network.festival.title in featured(client.get(home.url).content.decode())

        draft = Page.objects.get(pk=home.pk).specific
        draft.featured_initiatives = [HomeFeaturedInitiative(initiative=network.workshops)]
        preview = featured(draft.make_preview_request().content.decode())
        assert network.workshops.title in preview
        assert network.festival.title not in preview
        live = featured(client.get(home.url).content.decode())
        assert network.festival.title in live
        assert network.workshops.title not in live

    @pytest.mark.parametrize(("page_name", "relation"), [("borken", "partners"), ("mops", "organisers")])
    def test_a_partner_or_organisation_page_lists_a_newly_linked_initiative_after_the_publish(
        self, client, network, page_name, relation
    ):
        """A partner's joint initiatives and an organisation's co-organised ones are cached until the next change."""
        linked_page = getattr(network, page_name)
        url = linked_page.url
        assert network.workshops.title not in client.get(url).content.decode()
        getattr(network.workshops, relation).add(linked_page)
        network.workshops.save_revision().publish()
        page = client.get(url).content.decode()
        assert network.workshops.title in page
        assert network.festival.title in page
        assert network.draft.title not in page

    def test_feed_enclosures_name_the_host_the_feed_was_read_on(self, client, network):
        image = ImageFactory(title="Festiwal", file__filename="festiwal.png")
        NewsPageFactory(parent=network.mops, title="Festiwal już w maju", slug="festival-news", main_image=image)
        for host in ("siec.example.org", "partnerzy.example.org", "siec.example.org"):
            feed = feedparser.parse(client.get("/pl/feeds/news.rss", HTTP_HOST=host).content)
            entry = next(entry for entry in feed.entries if entry.title == "Festiwal już w maju")
            assert entry.enclosures[0].href.startswith(f"http://{host}/media/")

    def test_a_new_event_date_is_in_the_calendar_file_on_the_next_request(self, client, network):
        url = network.tree.initiatives.url + "calendar/ical/"
        before = client.get(url).content.decode()
        start = timezone.now() + datetime.timedelta(days=40)
        occurrence = InitiativeOccurrence.objects.create(page=network.festival, start=start, venue="Rynek w Borken")
        network.festival.save_revision().publish()
        after = client.get(url).content.decode()
        assert "Rynek w Borken" not in before
        assert "Rynek w Borken" in after
        assert f"occurrence-{occurrence.pk}@" in after

    def test_a_new_event_date_is_on_the_initiative_page_on_the_next_request(self, client, network):
        assert "Rynek w Borken" not in client.get(network.festival.url).content.decode()
        start = timezone.now() + datetime.timedelta(days=40)
        InitiativeOccurrence.objects.create(page=network.festival, start=start, venue="Rynek w Borken")
        network.festival.save_revision().publish()
        assert "Rynek w Borken" in client.get(network.festival.url).content.decode()

    def test_an_initiative_preview_shows_the_drafts_dates_while_the_public_keeps_the_live_ones(self, client, network):
        page = InitiativePage.objects.get(pk=network.festival.pk)
        host = WSGIRequest(page._get_dummy_headers()).get_host()
        public = client.get(page.url, HTTP_HOST=host).content.decode()
        page.occurrences.add(
            InitiativeOccurrence(start=timezone.now() + datetime.timedelta(days=9), venue="Szkic: sala")
        )
        assert "Szkic: sala" in page.make_preview_request().content.decode()
        assert client.get(page.url, HTTP_HOST=host).content.decode() == public

    def test_each_filter_combination_keeps_its_own_results(self, client, network):
        for _round in range(2):
            youth = client.get("/pl/inicjatywy/?area=youth").content.decode()
            culture = client.get("/pl/inicjatywy/?area=culture").content.decode()
            assert network.exchange.title in youth and network.festival.title not in youth
            assert network.festival.title in culture and network.exchange.title not in culture


class TestPageSections:
    """Sections of a page kept as template fragments until the next change; previews render their own."""

    def test_a_document_added_to_an_initiative_shows_on_the_next_request(self, client, network):
        url = network.festival.url
        assert "Program festiwalu" not in client.get(url).content.decode()
        document = wagtail_factories.DocumentFactory(title="Program festiwalu")
        InitiativeDocument.objects.create(page=network.festival, document=document)
        network.festival.save_revision().publish()
        assert "Program festiwalu" in client.get(url).content.decode()

    def test_a_partner_preview_shows_the_draft_while_the_public_keeps_the_live_page(self, client, network):
        partner = PartnerPage.objects.get(pk=network.borken.pk)
        host = WSGIRequest(partner._get_dummy_headers()).get_host()
        public = client.get(partner.url, HTTP_HOST=host).content.decode()
        partner.summary = "Szkic: nowy opis partnerstwa"
        preview = partner.make_preview_request().content.decode()
        assert "Szkic: nowy opis partnerstwa" in preview
        again = client.get(partner.url, HTTP_HOST=host).content.decode()
        assert "Szkic: nowy opis partnerstwa" not in again
        assert again == public
