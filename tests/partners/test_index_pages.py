"""The partner index and the member roster list only live pages of their own locale."""

import datetime

from bs4 import BeautifulSoup

from partners.models import OrganisationRole, RelationshipStatus
from tests import factories
from tests.network_content import polish, publish_translation


def main_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main


def test_partner_index_lists_live_partners_with_country_and_status(client, tree):
    factories.PartnerPageFactory(
        parent=tree.partners,
        title="Pardubice",
        country="CZ",
        relationship_status=RelationshipStatus.COOPERATION_AGREEMENT,
    )
    factories.PartnerPageFactory(parent=tree.partners, title="Szkic partnera", live=False)
    main = main_text(client, "/pl/partnerzy/")
    titles = [a.get_text(strip=True) for a in main.select(".card__title a")]
    assert titles == ["Borken", "Pardubice"]  # by name, not by country code (CZ before DE)
    cards = main.get_text(" ", strip=True)
    assert "Czechy · " + polish(RelationshipStatus.COOPERATION_AGREEMENT.label) in cards
    assert "Szkic partnera" not in cards


def test_partner_index_lists_only_its_own_locale(client, tree):
    publish_translation(tree.partner, "en", title="Borken (EN)")
    assert "Borken (EN)" not in main_text(client, "/pl/partnerzy/").get_text()
    english = main_text(client, "/en/partnerzy/").get_text()
    assert "Borken (EN)" in english
    assert "Germany" in english


def test_unpublished_partner_leaves_the_index(client, tree):
    tree.partner.unpublish()
    main = main_text(client, "/pl/partnerzy/")
    assert main.select(".card__title") == []
    assert "Borken" not in main.get_text()


def test_roster_shows_current_members_with_roles_and_join_dates_and_former_members_with_leave_dates(client, tree):
    factories.MemberOrganisationPageFactory(
        parent=tree.organisations,
        title="Gmina Bolesławiec",
        role=OrganisationRole.LEADER,
        joined_on=datetime.date(2013, 12, 10),
    )
    factories.MemberOrganisationPageFactory(
        parent=tree.organisations,
        title="Starosta",
        role=OrganisationRole.HONORARY_PATRON,
        joined_on=datetime.date(2014, 3, 1),
    )
    factories.MemberOrganisationPageFactory(
        parent=tree.organisations,
        title="Dawne stowarzyszenie",
        joined_on=datetime.date(2013, 12, 10),
        left_on=datetime.date(2019, 6, 30),
    )
    factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Nieopublikowana fundacja", live=False)
    main = main_text(client, "/pl/czlonkowie/")

    rows = main.select("table.roster tbody tr")
    roster = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in rows]
    # Current members by role (patron, leader, member), then former members.
    assert [row[0] for row in roster] == ["Starosta", "Gmina Bolesławiec", "MOPS", "Dawne stowarzyszenie"]
    assert roster[0][2] == polish(OrganisationRole.HONORARY_PATRON.label)
    assert polish(datetime.date(2014, 3, 1)) in roster[0][3]
    assert roster[1][2] == polish(OrganisationRole.LEADER.label)
    assert polish(datetime.date(2013, 12, 10)) in roster[1][3]
    # A former member is shown with the date it left, not the date it joined.
    assert polish(datetime.date(2019, 6, 30)) in roster[3][3]
    assert polish(datetime.date(2013, 12, 10)) not in roster[3][3]
    assert "Nieopublikowana fundacja" not in main.get_text()


def test_roster_without_former_members_has_no_former_section(client, tree):
    main = main_text(client, "/pl/czlonkowie/")
    assert main.find("section", attrs={"aria-labelledby": "former-members"}) is None
    assert "MOPS" in main.select_one("table.roster").get_text()
