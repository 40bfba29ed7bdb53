"""The initiative and news listings: GET filters, pagination, counts, messages, query counts."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories

URL = "/pl/inicjatywy/"
NEWS_URL = "/pl/aktualnosci/"


def listed(response):
    assert response.status_code == 200
    return {page.slug for page in response.context["page_obj"].object_list}


@pytest.mark.django_db
class InitiativeFilterTests:
    def test_without_filters_every_published_initiative_is_listed_with_a_count(self, client, network):
        response = client.get(URL)
        assert listed(response) == {"festival", "exchange", "workshops"}
        assert "3 inicjatywy" in response.content.decode() or "3 initiatives found" in response.content.decode()

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("area=culture", {"festival", "workshops"}),
            ("area=youth", {"exchange", "workshops"}),
            # An organisation's own initiatives and those it co-organises.
            ("organisation=mops", {"festival", "exchange"}),
            ("organisation=caritas", {"exchange", "workshops"}),
            ("partner=borken", {"festival"}),
            ("partner=meru", {"exchange"}),
            ("status=completed", {"exchange"}),
            ("status=planned", {"workshops"}),
            # A year matches initiatives running at any time in it.
            ("year=2024", {"exchange"}),
            ("year=2025", {"festival"}),
            ("year=2027", {"workshops"}),
            ("tag=sport", {"festival"}),
        ],
    )
    def test_each_filter_lists_exactly_the_matching_initiatives(self, client, network, query, expected):
        assert listed(client.get(f"{URL}?{query}")) == expected

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("area=culture&organisation=mops", {"festival"}),
            ("area=youth&organisation=mops", {"exchange"}),
            ("area=youth&status=planned", {"workshops"}),
            ("area=culture&organisation=caritas&year=2026", {"workshops"}),
            ("area=culture&partner=meru", set()),
        ],
    )
    def test_filters_combine(self, client, network, query, expected):
        assert listed(client.get(f"{URL}?{query}")) == expected

    def test_a_draft_never_appears_whatever_the_filter(self, client, network):
        for query in ("", "area=culture", "partner=borken", "organisation=mops", "year=2025"):
            response = client.get(f"{URL}?{query}")
            assert "draft" not in listed(response)
            assert "Tajny projekt" not in response.content.decode()

    def test_no_match_shows_an_empty_state_with_a_way_out(self, client, network):
        response = client.get(f"{URL}?area=culture&partner=meru")
        html = response.content.decode()
        assert 'class="empty-state"' in html
        assert f'href="{URL}"' in html

    def test_the_form_shows_the_chosen_values_so_the_url_can_be_shared(self, client, network):
        html = client.get(f"{URL}?area=youth&status=planned").content.decode()
        assert '<option value="youth" selected>' in html
        assert '<option value="planned" selected>' in html
        assert '<form method="get"' in html


@pytest.mark.django_db
class InvalidFilterTests:
    @pytest.mark.parametrize(
        ("query", "bad_value"),
        [
            ("year=abc", "abc"),
            ("year=1850", "1850"),
            ("area=no-such-area", "no-such-area"),
            ("status=bogus", "bogus"),
            ("organisation=nobody", "nobody"),
            ("partner=%3Cscript%3E", "&lt;script&gt;"),
        ],
    )
    def test_an_invalid_value_gives_the_unfiltered_list_and_a_message(self, client, network, query, bad_value):
        response = client.get(f"{URL}?{query}")
        assert listed(response) == {"festival", "exchange", "workshops"}
        html = response.content.decode()
        assert 'role="alert"' in html
        assert bad_value in html
        assert "<script>" not in html

    def test_valid_filters_still_apply_next_to_an_invalid_one(self, client, network):
        response = client.get(f"{URL}?area=culture&year=abc")
        assert listed(response) == {"festival", "workshops"}
        assert len(response.context["filter_notices"]) == 1


@pytest.mark.django_db
class PaginationTests:
    @pytest.fixture
    def many(self, network):
        for number in range(27):
            factories.InitiativePageFactory(
                parent=network.mops, title=f"Inicjatywa {number:02d}", start_date=datetime.date(2020, 1, 1)
            )
        return network

    def test_pages_hold_twelve_items_and_the_last_the_rest(self, client, many):
        # 30 initiatives: 12 + 12 + 6.
        assert len(listed(client.get(URL))) == 12
        assert len(listed(client.get(f"{URL}?page=2"))) == 12
        assert len(listed(client.get(f"{URL}?page=3"))) == 6

    def test_pages_together_list_every_initiative_once(self, client, many):
        seen = []
        for number in (1, 2, 3):
            seen += [page.pk for page in client.get(f"{URL}?page={number}").context["page_obj"].object_list]
        assert len(seen) == len(set(seen)) == 30

    @pytest.mark.parametrize(("page", "expected_number"), [("x", 1), ("0", 3), ("-1", 3), ("99", 3), ("", 1)])
    def test_a_page_number_out_of_range_or_not_a_number_never_fails(self, client, many, page, expected_number):
        response = client.get(f"{URL}?page={page}")
        assert response.status_code == 200
        assert response.context["page_obj"].number == expected_number

    def test_page_links_are_numbered_and_keep_the_filters(self, client, many):
        html = client.get(f"{URL}?organisation=mops&page=2").content.decode()
        assert 'href="?organisation=mops&amp;page=3"' in html
        assert 'href="?organisation=mops&amp;page=1"' in html
        assert 'aria-current="page"' in html

    def test_no_pagination_when_everything_fits_on_one_page(self, client, network):
        assert 'class="pagination"' not in client.get(URL).content.decode()


def _initiatives(network, count, image, *, first=0):
    for number in range(first, first + count):
        page = factories.InitiativePageFactory(
            parent=network.caritas if number % 2 else network.mops,
            title=f"Seria {number}",
            main_image=image,
        )
        page.areas.set([network.culture, network.youth])
        page.partners.set([network.borken])
        page.tags.add(f"tag-{number}")
        page.save()


def _count_queries(client, url):
    client.get(url)  # warm-up: renditions are generated on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
class QueryCountTests:
    def test_initiative_listing_queries_do_not_grow_with_the_number_of_initiatives(self, client, network):
        image = factories.ImageFactory()
        filtered = f"{URL}?area=culture&organisation=mops&partner=borken&tag=tag-1"
        _initiatives(network, 5, image)
        few, few_filtered = _count_queries(client, URL), _count_queries(client, filtered)
        _initiatives(network, 55, image, first=5)
        assert _count_queries(client, URL) == few
        assert _count_queries(client, filtered) == few_filtered

    def test_news_listing_queries_do_not_grow_with_the_number_of_news(self, client, network):
        image = factories.ImageFactory()
        for number in range(5):
            factories.NewsPageFactory(parent=network.mops, main_image=image, title=f"Wiadomość {number}")
        few = _count_queries(client, NEWS_URL)
        for number in range(55):
            factories.NewsPageFactory(parent=network.caritas, main_image=image, title=f"Więcej {number}")
        assert _count_queries(client, NEWS_URL) == few


@pytest.mark.django_db
class NewsFilterTests:
    @pytest.fixture
    def news(self, network):
        about_exchange = factories.NewsPageFactory(
            parent=network.caritas,
            slug="exchange-report",
            date=datetime.date(2024, 7, 10),
            related_initiative=network.exchange,
        )
        about_exchange.areas.set([network.youth])
        about_exchange.tags.add("relacja")
        about_exchange.save()
        festival_news = factories.NewsPageFactory(
            parent=network.mops,
            slug="festival-news",
            date=datetime.date(2025, 6, 1),
            related_initiative=network.festival,
        )
        festival_news.areas.set([network.culture])
        festival_news.save()
        factories.NewsPageFactory(parent=network.mops, slug="draft-news", live=False)
        return network

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", {"exchange-report", "festival-news"}),
            ("area=youth", {"exchange-report"}),
            ("organisation=mops", {"festival-news"}),
            ("partner=meru", {"exchange-report"}),
            ("partner=borken", {"festival-news"}),
            ("year=2025", {"festival-news"}),
            ("tag=relacja", {"exchange-report"}),
            ("area=culture&year=2024", set()),
            ("year=abc", {"exchange-report", "festival-news"}),
        ],
    )
    def test_news_filters(self, client, news, query, expected):
        assert listed(client.get(f"{NEWS_URL}?{query}")) == expected
