"""Partner and member organisation listings, and the related content on partner and organisation pages."""

import datetime

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
