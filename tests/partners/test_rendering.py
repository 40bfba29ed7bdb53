"""Partner and member organisation pages show their key facts to the public."""

import datetime

from bs4 import BeautifulSoup

from partners.models import AgreementKind, OrganisationKind, OrganisationRole, PartnerKind, RelationshipStatus
from tests import factories
from tests.network_content import polish, publish_translation


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_partner_page_shows_identity_relationship_and_agreements(client, content):
    soup = soup_of(client.get("/pl/partnerzy/borken/"))
    text = soup.main.get_text(" ", strip=True)
    lead = soup.select_one(".page-header .lead").get_text(" ", strip=True)
    assert "Stadt Borken" in lead
    assert polish(PartnerKind.TOWN.label) in lead
    assert "Niemcy" in lead
    assert "Nadrenia Północna-Westfalia" in lead
    assert polish(RelationshipStatus.OFFICIAL_AGREEMENT.label) in text
    assert polish(datetime.date(1991, 5, 3)) in text  # cooperating since
    assert "Wymiana młodzieży" in text  # area of cooperation
    assert soup.find("a", href="https://www.borken.de/") is not None

    agreements = soup.select_one("ol.agreements").get_text(" ", strip=True)
    assert polish(AgreementKind.PARTNERSHIP_AGREEMENT.label) in agreements
    assert "Borken" in agreements
    assert "Anna Nowak — Burmistrz Bolesławca" in agreements
    assert "Hans Meyer — Bürgermeister der Stadt Borken" in agreements
    assert soup.select_one("ol.agreements time")["datetime"] == "1991-05-03"


def _coordinates_shown(partner, text):
    """The partner's coordinates as any page would write them, with a point or a decimal comma."""
    written = [f"{value:.{digits}f}" for value in (partner.latitude, partner.longitude) for digits in (2, 3, 4)]
    return [value for value in written + [v.replace(".", ",") for v in written] if value in text]


def test_partner_page_says_where_the_town_is_in_words_and_links_to_the_map(client, content):
    soup = soup_of(client.get("/pl/partnerzy/borken/"))
    link = soup.select_one("dl.facts a[href='/pl/partnerzy/map/#country-de']")
    assert link is not None and link.get_text(strip=True) == "Pokaż partnerów na mapie"
    assert link.parent.get_text(" ", strip=True).startswith("Nadrenia Północna-Westfalia, Niemcy")
    assert soup.select_one("#country-de") is None  # the anchor is on the map page ...
    assert soup_of(client.get("/pl/partnerzy/map/")).select_one("h3#country-de") is not None  # ... here


def test_no_public_page_shows_a_partners_raw_coordinates(client, content):
    partner = content.partner
    assert partner.has_coordinates
    for url in ("/pl/", "/pl/partnerzy/", "/pl/partnerzy/map/", "/pl/partnerzy/borken/"):
        text = soup_of(client.get(url)).main.get_text(" ", strip=True)
        assert _coordinates_shown(partner, text) == [], url


def test_partner_coat_of_arms_carries_its_alt_text(client, content):
    soup = soup_of(client.get("/pl/partnerzy/borken/"))
    assert soup.select_one("img.page-header__logo")["alt"] == "Herb Borken: wieża na czerwonym polu"


def test_partner_page_lists_live_joint_initiatives_only(client, content):
    assert "Wymiana młodzieży Borken 2026" in client.get("/pl/partnerzy/borken/").content.decode()
    content.initiative.unpublish()
    assert "Wymiana młodzieży Borken 2026" not in client.get("/pl/partnerzy/borken/").content.decode()


def test_partner_page_in_english_names_the_country_in_english(client, content):
    translated = publish_translation(content.partner, "en")
    soup = soup_of(client.get(translated.get_url()))
    assert "Germany" in soup.select_one(".page-header .lead").get_text()


def test_partner_with_only_a_year_shows_the_year(client, tree):
    factories.PartnerPageFactory(
        parent=tree.partners, title="Pardubice", slug="pardubice", country="CZ", cooperation_since_year=1997
    )
    soup = soup_of(client.get("/pl/partnerzy/pardubice/"))
    facts = soup.select_one("dl.facts").get_text(" ", strip=True)
    assert "1997" in facts
    assert "Czechy" in soup.select_one(".page-header .lead").get_text()


def test_member_organisation_page_shows_membership_contact_and_activity(client, content):
    soup = soup_of(client.get("/pl/czlonkowie/mops/"))
    lead = soup.select_one(".page-header .lead").get_text(" ", strip=True)
    assert polish(OrganisationKind.NGO.label) in lead
    assert polish(OrganisationRole.LEADER.label) in lead
    assert polish(datetime.date(2013, 12, 10)) in lead
    contact = soup.find("section", attrs={"aria-labelledby": "contact-heading"}).get_text(" ", strip=True)
    assert "mops@example.org" in contact
    assert "+48 75 000 00 00" in contact
    text = soup.main.get_text(" ", strip=True)
    assert "Wymiana młodzieży Borken 2026" in text
    assert "Podpisaliśmy nowe porozumienie" in text
    assert (
        "Wymiana młodzieży Borken 2026" in soup.find("section", attrs={"aria-labelledby": "events-heading"}).get_text()
    )


def test_co_organising_organisation_lists_the_initiative_too(client, content):
    text = soup_of(client.get("/pl/czlonkowie/parafia/")).main.get_text(" ", strip=True)
    assert "Wymiana młodzieży Borken 2026" in text


def test_organisation_page_hides_its_unpublished_initiatives_and_news(client, content):
    content.initiative.unpublish()
    content.news.unpublish()
    text = soup_of(client.get("/pl/czlonkowie/mops/")).main.get_text(" ", strip=True)
    assert "Wymiana młodzieży Borken 2026" not in text
    assert "Podpisaliśmy nowe porozumienie" not in text
