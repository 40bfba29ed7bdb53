"""Site search: locale isolation, drafts hidden, Polish without diacritics, promotions, snippets."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

import pytest
import wagtail_factories

from tests import factories

URL = "/pl/search/"


def found(response):
    assert response.status_code == 200
    return [result["object"].title for result in response.context["search_results"].object_list]


class DiacriticsAndInflectionTests:
    def test_polish_text_is_found_without_diacritics(self, client, network):
        assert "Wymiana młodzieży z Méru" in found(client.get(URL, {"query": "wymiana mlodziezy"}))

    def test_polish_text_is_found_with_diacritics_too(self, client, network):
        assert "Wymiana młodzieży z Méru" in found(client.get(URL, {"query": "Wymiana młodzieży"}))

    def test_an_inflected_form_finds_the_page_through_its_lemma(self, client, network):
        # "młodzieżą" (instrumental) and "wymianie" (locative) are not in the text.
        assert "Wymiana młodzieży z Méru" in found(client.get(URL, {"query": "wymianie młodzieżą"}))

    def test_every_word_must_match(self, client, network):
        assert found(client.get(URL, {"query": "wymiana borken"})) == []

    def test_a_foreign_accented_name_is_found_typed_plainly(self, client, network):
        assert "Méru" in found(client.get(URL, {"query": "meru"}))


class VisibilityTests:
    def test_drafts_are_never_found(self, client, network):
        assert found(client.get(URL, {"query": "tajny projekt"})) == []

    def test_private_pages_are_never_found(self, client, network):
        private = factories.StandardPageFactory(parent=network.tree.home, title="Poufny protokół zarządu")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        assert found(client.get(URL, {"query": "protokół"})) == []

    def test_pages_of_another_language_are_not_found(self, client, network):
        english = Locale.objects.get_or_create(language_code="en")[0]
        english_home = network.tree.home.copy_for_translation(english)  # the site's home, in English
        english_home.save_revision().publish()
        factories.StandardPageFactory(parent=english_home, title="Youth exchange report", locale=english)
        factories.StandardPageFactory(parent=network.tree.home, title="Raport z wymiany", introduction="exchange")
        assert found(client.get(URL, {"query": "youth exchange"})) == []
        assert found(client.get("/en/search/", {"query": "youth exchange"})) == ["Youth exchange report"]
        assert found(client.get("/en/search/", {"query": "raport"})) == []

    def test_a_search_writes_nothing_to_the_database(self, client, network):
        client.get("/pl/")  # the site's settings row is created on the very first page view
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, {"query": "wymiana"})
            client.get(URL, {"query": "nic takiego"})
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
        assert writes == []


class ResultTypeTests:
    def test_a_type_filter_keeps_only_that_type(self, client, network):
        assert found(client.get(URL, {"query": "meru", "type": "partner"})) == ["Méru"]
        assert found(client.get(URL, {"query": "meru", "type": "initiative"})) == ["Wymiana młodzieży z Méru"]

    def test_an_unknown_type_searches_everything_with_a_message(self, client, network):
        response = client.get(URL, {"query": "meru", "type": "bogus"})
        assert set(found(response)) == {"Méru", "Wymiana młodzieży z Méru"}
        assert "bogus" in response.content.decode()

    def test_public_documents_are_found_by_title_but_not_those_in_restricted_collections(self, client, network):
        root = Collection.get_first_root_node()
        private = root.add_child(name="Zarząd")
        CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
        wagtail_factories.DocumentFactory(title="Umowa partnerska Borken", collection=root)
        wagtail_factories.DocumentFactory(title="Umowa poufna", collection=private)
        response = client.get(URL, {"query": "umowa"})
        assert found(response) == ["Umowa partnerska Borken"]
        assert found(client.get(URL, {"query": "umowa", "type": "document"})) == ["Umowa partnerska Borken"]
        assert found(client.get(URL, {"query": "umowa", "type": "news"})) == []


class PromotionTests:
    def test_promoted_results_come_first(self, client, network):
        query = Query.objects.create(query_string="kultura")
        SearchPromotion.objects.create(query=query, page=network.workshops, sort_order=0, description="Polecamy")
        html = client.get(URL, {"query": "Kultura"}).content.decode()
        assert html.index("Warsztaty dla seniorów") < html.index('class="search-results"')
        assert "Polecamy" in html

    def test_a_promotion_pointing_to_a_draft_is_not_shown(self, client, network):
        query = Query.objects.create(query_string="tajny")
        SearchPromotion.objects.create(query=query, page=network.draft, sort_order=0)
        response = client.get(URL, {"query": "tajny"})
        assert response.context["promotions"] == []
        assert "Tajny projekt" not in response.content.decode()


class SnippetTests:
    def test_query_terms_are_marked_in_the_snippet(self, client, network):
        html = client.get(URL, {"query": "wymiany mlodziezy"}).content.decode()
        assert "<mark>wymiany</mark> <mark>młodzieży</mark>" in html

    def test_user_text_is_escaped_before_marking(self, client, network):
        factories.StandardPageFactory(
            parent=network.tree.home, title="Zasady <b>wolontariatu</b>", introduction="<script>x</script> wolontariat"
        )
        html = client.get(URL, {"query": "wolontariatu"}).content.decode()
        assert "<b>" not in html
        assert "&lt;b&gt;<mark>wolontariatu</mark>&lt;/b&gt;" in html

    def test_the_query_itself_is_escaped(self, client, network):
        html = client.get(URL, {"query": "<script>alert(1)</script>"}).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


class SuggestionTests:
    def test_a_misspelt_query_gets_a_suggestion(self, client, network):
        response = client.get(URL, {"query": "festiwl"})
        assert found(response) == []
        assert response.context["suggestion"]["suggested_query"] == "festiwal"
        assert "query=festiwal" in response.content.decode()


class SearchPaginationTests:
    def test_results_are_paginated_and_an_overflow_page_shows_the_last(self, client, network):
        for number in range(14):
            factories.StandardPageFactory(parent=network.tree.home, title=f"Sprawozdanie {number}")
        assert len(found(client.get(URL, {"query": "sprawozdanie"}))) == 10
        assert len(found(client.get(URL, {"query": "sprawozdanie", "page": 2}))) == 4
        assert client.get(URL, {"query": "sprawozdanie", "page": 9}).context["page_obj"].number == 2


@pytest.mark.parametrize("query", ["", "   ", "'\"&|!():*", "a" * 500])
def test_odd_queries_never_fail(client, network, query):
    assert client.get(URL, {"query": query}).status_code == 200
