"""The frame of every page (site, languages, menu, settings, filter choices) is
cached under the structure version, which a news or initiative publish leaves
alone: after one, a page rebuilds only its own content. Any other change still
shows on the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, PageViewRestriction, Site

import pytest

from caching.generation import GENERATION_KEY, STRUCTURE_KEY, version_get
from caching.scope import frame_unchanged
from home.models import NetworkSettings
from tests.factories import InitiativePageFactory, MemberOrganisationPageFactory, NewsPageFactory
from tests.seo.network import build_published_network, translate


def versions():
    return version_get(GENERATION_KEY), version_get(STRUCTURE_KEY)


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def publish_news(network, title="Nowy komunikat"):
    news = NewsPageFactory(parent=network.mops, title=title, live=False)
    news.save_revision().publish()
    return news


class TestWhatRenewsTheStructureVersion:
    def test_publishing_news_or_an_initiative_renews_only_the_generation(self, network):
        generation, structure = versions()
        publish_news(network)
        assert versions()[0] != generation
        assert versions()[1] == structure

        generation = versions()[0]
        network.festival.title = "Festiwal kultury 2026"
        network.festival.tags.add("muzyka")
        network.festival.save_revision().publish()
        network.festival.unpublish()
        assert versions()[0] != generation
        assert versions()[1] == structure

    @pytest.mark.parametrize(
        "change",
        [
            "publish a partner page",
            "rename a menu section",
            "publish an organisation",
            "change the network settings",
            "make a page private",
            "add a language",
            "move an initiative",
        ],
    )
    def test_every_other_change_renews_both(self, network, change):
        generation, structure = versions()
        if change == "publish a partner page":
            network.meru.summary = "Nowe miasto partnerskie."
            network.meru.save_revision().publish()
        elif change == "rename a menu section":
            section = network.tree.initiatives
            section.title = "Projekty"
            section.save_revision().publish()
        elif change == "publish an organisation":
            MemberOrganisationPageFactory(parent=network.tree.organisations, title="Parafia", slug="parafia")
        elif change == "change the network settings":
            settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
            settings.contact_email = "biuro@example.org"
            settings.save()
        elif change == "make a page private":
            PageViewRestriction.objects.create(page=network.festival, restriction_type=PageViewRestriction.LOGIN)
        elif change == "add a language":
            Locale.objects.create(language_code="de")
        elif change == "move an initiative":
            network.festival.move(network.caritas, pos="last-child")
        assert versions()[0] != generation
        assert versions()[1] != structure

    def test_wagtails_records_of_an_initiative_do_not_touch_the_frame(self, network):
        revision = network.festival.save_revision()
        assert frame_unchanged(revision)
        assert not frame_unchanged(network.tree.home.save_revision())
        assert not frame_unchanged(network.culture)


class TestAfterANewsPublish:
    URLS = ["festival", "initiatives", "home", "borken"]

    def _url(self, network, name):
        pages = {
            "festival": network.festival,
            "initiatives": network.tree.initiatives,
            "home": network.tree.home,
            "borken": network.borken,
        }
        return pages[name].url

    @pytest.mark.parametrize("name", URLS)
    def test_the_first_request_rebuilds_its_content_but_not_its_frame(self, client, network, name):
        url = self._url(network, name)
        client.get(url)
        network.tree.initiatives.save_revision().publish()  # renews the frame
        after_frame_change = query_count(client, url)
        publish_news(network)
        after_news = query_count(client, url)
        assert after_news < after_frame_change
        assert after_news <= 15

    def test_the_menu_and_footer_stay_right_and_a_renamed_section_shows_on_every_page(self, client, network):
        section = network.tree.initiatives
        section.title = "Inicjatywy sieci"
        section.show_in_menus = True
        section.save_revision().publish()
        assert ">Inicjatywy sieci</a></li>" in client.get(network.festival.url).content.decode()
        publish_news(network)
        assert ">Inicjatywy sieci</a></li>" in client.get(network.festival.url).content.decode()
        section.title = "Projekty"
        section.save_revision().publish()
        html = client.get(network.festival.url).content.decode()
        assert ">Projekty</a></li>" in html
        assert "Inicjatywy sieci" not in html

    def test_a_tag_of_a_new_initiative_is_offered_by_the_listing_filter(self, client, network):
        listing = network.tree.initiatives.url
        assert "ekologia" not in client.get(listing).content.decode()
        initiative = InitiativePageFactory(parent=network.caritas, title="Sprzątanie rzeki", live=False)
        initiative.tags.add("ekologia")
        initiative.save_revision().publish()
        assert 'value="ekologia"' in client.get(listing).content.decode()

    def test_a_new_organisation_is_offered_by_the_listing_filter(self, client, network):
        listing = network.tree.initiatives.url
        assert "Parafia św. Anny" not in client.get(listing).content.decode()
        parish = MemberOrganisationPageFactory(parent=network.tree.organisations, title="Parafia św. Anny", live=False)
        parish.save_revision().publish()
        assert "Parafia św. Anny" in client.get(listing).content.decode()

    def test_an_initiative_moved_to_another_organisation_is_routed_at_its_new_address(self, client, network):
        old_url = network.festival.url
        assert client.get(old_url).status_code == 200
        network.festival.move(network.caritas, pos="last-child")
        new_url = Page.objects.get(pk=network.festival.pk).url
        assert new_url != old_url
        response = client.get(old_url)
        assert (response.status_code, response["Location"]) == (301, new_url)  # Wagtail's redirect on a move
        assert client.get(new_url).status_code == 200


@pytest.mark.django_db
class TestTranslationsOfItems:
    def test_a_new_translation_of_an_initiative_joins_its_language_switcher(self, client):
        network = build_published_network()
        initiative = InitiativePageFactory(parent=network.tree.organisation, title="Rajd rowerowy", slug="rajd")
        initiative.save_revision().publish()
        polish_url = initiative.url
        alternate = '<link rel="alternate" hreflang="en"'
        assert alternate not in client.get(polish_url).content.decode()
        english = translate(initiative, Locale.objects.get(language_code="en"), title="Bike rally", slug="bike-rally")
        html = client.get(polish_url).content.decode()
        assert f'href="{english.url}" hreflang="en"' in html
        assert alternate in html
