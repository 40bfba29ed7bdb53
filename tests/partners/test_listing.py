"""Partner and member organisation listings, and the related content on partner and organisation pages."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from partners.models import OrganisationKind, OrganisationRole
from tests import factories

PARTNERS = "/pl/partnerzy/"
MEMBERS = "/pl/czlonkowie/"


def listed(response):
    assert response.status_code == 200
    return {page.slug for page in response.context["page_obj"].object_list}


class PartnerFilterTests:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", {"borken", "meru"}),
            ("country=FR", {"meru"}),
            ("country=DE", {"borken"}),
            ("area=culture", {"borken"}),
            ("status=informal_contacts", {"meru"}),
            ("status=official_agreement&country=DE", {"borken"}),
            ("area=youth&country=DE", set()),
            ("kind=town", {"borken", "meru"}),
        ],
    )
    def test_each_filter_and_combination(self, client, network, query, expected):
        assert listed(client.get(f"{PARTNERS}?{query}")) == expected

    @pytest.mark.parametrize("query", ["country=XX", "country=PL", "area=nowhere", "status=enemies"])
    def test_an_invalid_value_gives_every_partner_and_a_message(self, client, network, query):
        response = client.get(f"{PARTNERS}?{query}")
        assert listed(response) == {"borken", "meru"}
        assert 'role="alert"' in response.content.decode()

    def test_country_choices_are_only_the_partners_countries(self, client, network):
        html = client.get(PARTNERS).content.decode()
        assert '<option value="FR">' in html
        assert '<option value="DE">' in html
        assert '<option value="PL">' not in html

    def test_a_draft_partner_is_never_listed(self, client, network):
        factories.PartnerPageFactory(parent=network.tree.partners, slug="hidden", live=False)
        assert "hidden" not in listed(client.get(PARTNERS))

    def test_queries_do_not_grow_with_the_number_of_partners(self, client, network):
        image = factories.ImageFactory()

        def add(first, count):
            for number in range(first, first + count):
                page = factories.PartnerPageFactory(
                    parent=network.tree.partners, slug=f"p-{number}", coat_of_arms=image, country="CZ"
                )
                page.areas.set([network.culture])
                page.save()

        def count():
            client.get(PARTNERS)
            with CaptureQueriesContext(connection) as queries:
                client.get(PARTNERS)
            return len(queries)

        add(0, 5)
        few = count()
        add(5, 50)
        assert count() == few


class OrganisationListingTests:
    @pytest.fixture
    def members(self, network):
        factories.MemberOrganisationPageFactory(
            parent=network.tree.organisations,
            title="Urząd Miasta",
            slug="city",
            role=OrganisationRole.HONORARY_PATRON,
            kind=OrganisationKind.LOCAL_GOVERNMENT,
        )
        factories.MemberOrganisationPageFactory(
            parent=network.tree.organisations,
            title="Dawny członek",
            slug="former",
            role=OrganisationRole.MEMBER,
            left_on=datetime.date(2020, 1, 1),
        )
        return network

    def test_current_members_by_role_then_former_members(self, client, members):
        response = client.get(MEMBERS)
        assert [org.slug for org in response.context["page_obj"].object_list] == ["city", "mops", "caritas", "former"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("role=leader", {"mops"}),
            ("kind=local_government", {"city"}),
            ("membership=former", {"former"}),
            ("membership=current&kind=ngo", {"mops", "caritas"}),
        ],
    )
    def test_filters(self, client, members, query, expected):
        assert listed(client.get(f"{MEMBERS}?{query}")) == expected

    def test_an_invalid_role_is_ignored_with_a_message(self, client, members):
        response = client.get(f"{MEMBERS}?role=king")
        assert len(listed(response)) == 4
        assert "king" in response.content.decode()


class RelatedContentTests:
    def test_a_partner_page_shows_its_initiatives_and_the_news_about_them(self, client, network):
        factories.NewsPageFactory(parent=network.caritas, title="Relacja z Méru", related_initiative=network.exchange)
        factories.NewsPageFactory(
            parent=network.caritas, title="Szkic relacji", related_initiative=network.exchange, live=False
        )
        html = client.get("/pl/partnerzy/meru/").content.decode()
        assert "Wymiana młodzieży z Méru" in html
        assert "Relacja z Méru" in html
        assert "Szkic relacji" not in html
        assert "Festiwal kultury" not in html

    def test_a_partner_page_never_shows_a_draft_initiative(self, client, network):
        assert "Tajny projekt" not in client.get("/pl/partnerzy/borken/").content.decode()

    def test_an_initiative_shows_its_organisers_and_partners(self, client, network):
        html = client.get("/pl/czlonkowie/caritas/exchange/").content.decode()
        assert 'href="/pl/czlonkowie/caritas/"' in html
        assert 'href="/pl/czlonkowie/mops/"' in html
        assert 'href="/pl/partnerzy/meru/"' in html

    def test_an_organisation_page_shows_own_and_co_organised_initiatives_news_and_events(self, client, network):
        factories.NewsPageFactory(parent=network.mops, title="Wieści z MOPS")
        factories.InitiativeOccurrenceFactory(page=network.exchange)
        response = client.get("/pl/czlonkowie/mops/")
        html = response.content.decode()
        assert "Festiwal kultury w Borken" in html
        assert "Wymiana młodzieży z Méru" in html  # co-organised
        assert "Tajny projekt" not in html
        assert "Wieści z MOPS" in html
        assert [o.page.slug for o in response.context["upcoming_events"]] == ["exchange"]

    def test_the_home_page_shows_live_news_and_upcoming_events(self, client, network):
        factories.NewsPageFactory(parent=network.mops, title="Najnowsza wiadomość")
        factories.NewsPageFactory(parent=network.mops, title="Niewydana wiadomość", live=False)
        factories.InitiativeOccurrenceFactory(page=network.draft)
        response = client.get("/pl/")
        assert [n.title for n in response.context["latest_news"]] == ["Najnowsza wiadomość"]
        assert response.context["upcoming_events"] == []


class PartnerOrderTests:
    """Partners in the alphabetical order of their names in the reader's language, not by country code."""

    TOWNS = [("Zwickau", "DE"), ("Łuck", "UA"), ("Aalborg", "DK"), ("Meru", "FR"), ("Lwów", "UA"), ("Ogre", "LV")]

    @pytest.fixture
    def partners(self, tree):
        for title, country in self.TOWNS:
            factories.PartnerPageFactory(parent=tree.partners, title=title, slug=title.lower(), country=country)
        return tree.partners  # with Borken (DE) from the tree

    @staticmethod
    def main(response):
        assert response.status_code == 200
        return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]

    def test_the_partner_index_lists_towns_by_name_in_polish_alphabetical_order(self, client, partners):
        html = self.main(client.get(partners.url))
        titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)
        # By country code it was Borken, Zwickau (DE), Aalborg (DK), Meru (FR), Ogre (LV), Lwów, Łuck (UA);
        # by code points Łuck would come after Zwickau. In Polish, Ł follows L.
        assert titles == ["Aalborg", "Borken", "Lwów", "Łuck", "Meru", "Ogre", "Zwickau"]

    def test_the_country_filter_lists_country_names_alphabetically(self, client, partners):
        html = self.main(client.get(partners.url))
        select = html.split('name="country"', 1)[1].split("</select>", 1)[0]
        names = re.findall(r'<option value="[A-Z]{2}">([^<]+)</option>', select)
        assert names == ["Dania", "Francja", "Łotwa", "Niemcy", "Ukraina"]

    def test_the_map_list_groups_by_country_name_and_sorts_towns_by_name(self, client, partners):
        html = self.main(client.get(f"{partners.url}map/"))
        countries = re.findall(r'<h3 id="country-[a-z]{2}">([^<]+)</h3>', html)
        assert countries == ["Dania", "Francja", "Łotwa", "Niemcy", "Ukraina"]
        ukraine = html.split('id="country-ua"', 1)[1]
        assert re.findall(r'<li><a href="[^"]+">([^<]+)</a>', ukraine) == ["Lwów", "Łuck"]
        germany = html.split('id="country-de"', 1)[1].split("<h3", 1)[0]
        assert re.findall(r'<li><a href="[^"]+">([^<]+)</a>', germany) == ["Borken", "Zwickau"]
