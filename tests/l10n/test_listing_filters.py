"""Listing filters on a translated site: /de/…?partner=<German slug> finds the
German translations of initiatives linked to that partner, although
wagtail-localize keeps those links pointing at the Polish pages."""

import pytest

from tests import factories
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db

INITIATIVES_DE = "/de/initiativen/"
NEWS_DE = "/de/neuigkeiten/"
CALENDAR_DE = "/de/initiativen/calendar/"


def listed(response):
    assert response.status_code == 200
    # A rejected filter would list everything with a notice: there must be none.
    assert not response.context["filter_notices"], response.context["filter_notices"]
    return {page.title for page in response.context["page_obj"].object_list}


@pytest.fixture
def german_network(german_tree):
    """Two partners and two organisations with translated slugs; initiatives and news translated to German."""
    tree = german_tree
    borken = tree.partner
    meru = factories.PartnerPageFactory(parent=tree.partners, title="Meru", slug="meru", country="FR")
    caritas = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Caritas", slug="caritas")
    translate(borken, "de", {"Borken": "Borken", "borken": "borken-westfalen"})
    translate(meru, "de", {"Meru": "Meru", "meru": "meru-frankreich"})
    translate(tree.organisation, "de", {"MOPS": "Sozialhilfezentrum", "mops": "sozialhilfezentrum"})
    translate(caritas, "de", {"Caritas": "Caritas", "caritas": "caritas-de"})

    festival = factories.InitiativePageFactory(parent=tree.organisation, title="Festiwal", slug="festiwal")
    festival.partners.set([borken])
    festival.save_revision().publish()
    exchange = factories.InitiativePageFactory(parent=caritas, title="Wymiana", slug="wymiana")
    exchange.partners.set([meru])
    exchange.organisers.set([tree.organisation])  # co-organised by MOPS
    exchange.save_revision().publish()
    translate(festival, "de", {"Festiwal": "Festival", "festiwal": "festival"})
    translate(exchange, "de", {"Wymiana": "Austausch", "wymiana": "austausch"})

    report = factories.NewsPageFactory(
        parent=tree.organisation, title="Relacja z festiwalu", slug="relacja", related_initiative=festival
    )
    translate(report, "de", {"Relacja z festiwalu": "Bericht vom Festival", "relacja": "bericht"})
    factories.InitiativeOccurrenceFactory(page=exchange, venue="Rynek")
    exchange.save_revision().publish()
    translate(exchange, "de", {})
    return tree


def test_partner_filter_on_german_listing_finds_german_initiatives(client, german_network):
    assert listed(client.get(f"{INITIATIVES_DE}?partner=borken-westfalen")) == {"Festival"}
    assert listed(client.get(f"{INITIATIVES_DE}?partner=meru-frankreich")) == {"Austausch"}


def test_partner_filter_offers_german_partner_slugs(client, german_network):
    html = client.get(INITIATIVES_DE).content.decode()
    assert 'value="borken-westfalen"' in html
    assert 'value="borken"' not in html


def test_polish_partner_slug_is_not_a_filter_on_the_german_listing(client, german_network):
    response = client.get(f"{INITIATIVES_DE}?partner=borken")
    assert response.context["filter_notices"]  # reported back, not silently matching nothing


def test_organiser_filter_on_german_listing_finds_co_organised_translations(client, german_network):
    # MOPS runs the festival and co-organises Caritas's exchange.
    assert listed(client.get(f"{INITIATIVES_DE}?organisation=sozialhilfezentrum")) == {"Festival", "Austausch"}
    assert listed(client.get(f"{INITIATIVES_DE}?organisation=caritas-de")) == {"Austausch"}


def test_partner_filter_on_german_news_finds_news_about_the_partners_initiatives(client, german_network):
    assert listed(client.get(f"{NEWS_DE}?partner=borken-westfalen")) == {"Bericht vom Festival"}
    assert listed(client.get(f"{NEWS_DE}?partner=meru-frankreich")) == set()


def test_area_filter_uses_the_same_slug_in_every_language(client, german_network, locales):
    culture = factories.CooperationAreaFactory(name="Kultura", slug="kultura")
    translate(culture, "de", {"Kultura": "Kultur"})
    festival = german_network.organisation.get_children().get(slug="festiwal").specific
    festival.areas.set([culture])
    festival.save_revision().publish()
    translate(festival, "de", {})
    assert listed(client.get(f"{INITIATIVES_DE}?area=kultura")) == {"Festival"}


def test_german_calendar_filters_by_german_organisation_slug(client, german_network):
    response = client.get(f"{CALENDAR_DE}?organisation=sozialhilfezentrum")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Austausch" in html
