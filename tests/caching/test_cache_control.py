"""The Cache-Control every response leaves with: what Varnish and browsers may keep."""

from django.utils.cache import get_max_age
from django.utils.http import split_directive_names

from tests.engagement.test_contact_forms import contact_page


def directives(response):
    return set(split_directive_names(response.get("Cache-Control", "")))


class TestAnonymousPages:
    def test_a_public_page_is_shareable_for_s_maxage_and_revalidated_by_browsers(self, client, network, settings):
        response = client.get(network.festival.url)
        assert {"public", "s-maxage", "stale-while-revalidate"} <= directives(response)
        assert get_max_age(response) == 0
        assert f"s-maxage={settings.FRONTEND_CACHE_SECONDS}" in response["Cache-Control"]
        assert f"stale-while-revalidate={settings.FRONTEND_CACHE_STALE_SECONDS}" in response["Cache-Control"]
        assert response["ETag"]
        assert "Expires" not in response

    def test_feeds_listings_and_search_are_shareable(self, client, network):
        for url in ("/pl/feeds/news.rss", "/pl/inicjatywy/?area=culture", "/pl/search/?query=festiwal"):
            assert "public" in directives(client.get(url)), url

    def test_the_same_from_the_page_cache(self, client, network, page_cache):
        client.get(network.festival.url)
        hit = client.get(network.festival.url)
        assert hit["X-Page-Cache"] == "hit"
        assert {"public", "s-maxage"} <= directives(hit)
        assert get_max_age(hit) == 0
        assert "Expires" not in hit


class TestNeverShared:
    def test_a_logged_in_editor_gets_private_no_cache(self, admin_client, network):
        response = admin_client.get(network.festival.url)
        assert {"private", "no-cache"} <= directives(response)
        assert "public" not in directives(response)
        assert "s-maxage" not in response["Cache-Control"]
        assert "wagtail-userbar" in response.content.decode()

    def test_a_session_or_messages_cookie_makes_any_page_private(self, client, network):
        for cookie in ("sessionid", "messages"):
            client.cookies.clear()
            client.cookies[cookie] = "anything"
            response = client.get(network.festival.url)
            assert {"private", "no-cache"} <= directives(response), cookie
            assert "public" not in directives(response), cookie

    def test_a_page_with_a_form_that_sets_the_csrf_cookie_is_private(self, client, network):
        form = contact_page(network.tree.home)
        response = client.get(form.url)
        assert response.status_code == 200
        assert "public" not in directives(response)

    def test_the_admin_the_api_and_missing_pages_are_not_shareable(self, client, network):
        for url in ("/admin/login/", "/api/v2/pages/", "/pl/api/partners.geojson", "/pl/nie-ma-takiej-strony/"):
            response = client.get(url)
            assert "public" not in directives(response), url
            assert "s-maxage" not in response.get("Cache-Control", ""), url
