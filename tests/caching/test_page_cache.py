"""The page cache without Varnish, through the real client: what is served from cache, and when it is not."""

import gzip

from django.core.management import call_command
from django.urls import reverse

from tests.editorial.conftest import news_form_data
from tests.factories import NewsPageFactory

CACHE_HEADER = "X-Page-Cache"


def anonymous_get(client, url, **headers):
    client.logout()
    client.cookies.clear()
    return client.get(url, headers=headers)


class TestServedFromCache:
    def test_second_anonymous_request_runs_no_query(self, client, network, page_cache, django_assert_num_queries):
        first = client.get(network.festival.url)
        assert first[CACHE_HEADER] == "miss"
        with django_assert_num_queries(0):
            second = client.get(network.festival.url)
        assert second.status_code == 200
        assert second[CACHE_HEADER] == "hit"
        assert second.content == first.content

    def test_feeds_and_search_are_cached_too(self, client, network, page_cache, django_assert_num_queries):
        for url in ("/pl/feeds/news.rss", "/pl/search/?query=festiwal"):
            client.get(url)
            with django_assert_num_queries(0):
                assert client.get(url)[CACHE_HEADER] == "hit"

    def test_query_string_and_language_are_part_of_the_key(self, client, network, page_cache):
        everything = client.get("/pl/inicjatywy/").content.decode()
        filtered = client.get("/pl/inicjatywy/?area=youth").content.decode()
        assert "Festiwal kultury w Borken" in everything
        assert "Festiwal kultury w Borken" not in filtered
        assert client.get("/pl/inicjatywy/?area=youth")[CACHE_HEADER] == "hit"
        assert client.get("/en/search/")[CACHE_HEADER] == "miss"

    def test_cache_off_when_page_cache_seconds_is_zero(self, client, network, settings):
        settings.CACHE_MIDDLEWARE_SECONDS = 0
        client.get(network.festival.url)
        assert CACHE_HEADER not in client.get(network.festival.url)

    def test_a_missing_page_is_not_cached(self, client, network, page_cache):
        assert client.get("/pl/nie-ma-takiej-strony/").status_code == 404
        assert CACHE_HEADER not in client.get("/pl/nie-ma-takiej-strony/")


class TestInvalidation:
    def test_a_publish_in_the_admin_shows_on_the_next_request(self, client, admin_client, network, page_cache):
        news = NewsPageFactory(parent=network.tree.news, title="Stary tytuł", slug="wiadomosc")
        client.get(news.url)
        assert "Stary tytuł" in client.get(network.tree.news.url).content.decode()
        assert client.get(news.url)[CACHE_HEADER] == "hit"

        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]),
            news_form_data(news, title="Nowy tytuł", **{"action-publish": "1"}),
        )
        assert response.status_code == 302

        page = client.get(news.url)
        assert page[CACHE_HEADER] == "miss"
        assert "Nowy tytuł" in page.content.decode()
        assert "Nowy tytuł" in client.get(network.tree.news.url).content.decode()

    def test_an_unpublished_page_is_gone_on_the_next_request(self, client, network, page_cache):
        url = network.festival.url
        assert client.get(url).status_code == 200
        network.festival.unpublish()
        assert client.get(url).status_code == 404

    def test_a_renamed_area_shows_on_cached_pages(self, client, network, page_cache):
        assert "Kultura" in client.get(network.festival.url).content.decode()
        network.culture.name = "Kultura i sztuka"
        network.culture.save()
        assert "Kultura i sztuka" in client.get(network.festival.url).content.decode()

    def test_clear_page_cache_command(self, client, network, page_cache):
        client.get(network.festival.url)
        call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert client.get(network.festival.url)[CACHE_HEADER] == "miss"


class TestNeverCached:
    def test_logged_in_users_neither_get_nor_fill_the_cache(self, client, admin_client, network, page_cache):
        url = network.festival.url
        client.get(url)  # the anonymous copy is cached
        as_editor = admin_client.get(url)
        assert CACHE_HEADER not in as_editor
        assert "wagtail-userbar" in as_editor.content.decode()  # the editor's own page, not the shared one
        assert "wagtail-userbar" not in anonymous_get(client, url).content.decode()

    def test_a_draft_never_reaches_the_public(self, client, admin_client, network, page_cache):
        news = NewsPageFactory(parent=network.tree.news, title="Opublikowany tytuł", slug="wiadomosc")
        client.get(news.url)
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]), news_form_data(news, title="Tytuł roboczy")
        )
        assert response.status_code == 302
        admin_client.get(news.url)  # the editor looks at the live page too
        for _ in range(2):
            body = anonymous_get(client, news.url).content.decode()
            assert "Opublikowany tytuł" in body
            assert "Tytuł roboczy" not in body
        assert client.get(network.draft.url).status_code == 404

    def test_post_requests_are_never_answered_from_cache(self, client, network, page_cache):
        client.get(network.festival.url)
        response = client.post(network.festival.url)
        assert CACHE_HEADER not in response


class TestConditionalGet:
    def test_matching_etag_answers_304(self, client, network, page_cache):
        first = client.get(network.festival.url)
        etag = first["ETag"]
        assert client.get(network.festival.url, headers={"if-none-match": etag}).status_code == 304
        assert client.get(network.festival.url, headers={"if-none-match": '"other"'}).status_code == 200

    def test_feeds_have_etags_without_the_page_cache(self, client, network):
        first = client.get("/pl/feeds/news.rss")
        assert client.get("/pl/feeds/news.rss", headers={"if-none-match": first["ETag"]}).status_code == 304

    def test_a_publish_changes_the_etag(self, client, network, page_cache):
        etag = client.get(network.festival.url)["ETag"]
        network.festival.title = "Festiwal kultury 2026"
        network.festival.save_revision().publish()
        response = client.get(network.festival.url, headers={"if-none-match": etag})
        assert response.status_code == 200
        assert "Festiwal kultury 2026" in response.content.decode()


class TestCompression:
    def test_pages_are_gzipped_when_the_client_accepts_it(self, client, network, page_cache):
        plain = client.get(network.festival.url)
        for _ in range(2):  # rendered, then from cache
            zipped = client.get(network.festival.url, headers={"accept-encoding": "gzip, deflate"})
            assert zipped["Content-Encoding"] == "gzip"
            assert gzip.decompress(zipped.content) == plain.content
        assert "Content-Encoding" not in client.get(network.festival.url)

    def test_geojson_and_feeds_are_gzipped(self, client, network):
        for url in ("/pl/api/partners.geojson", "/pl/feeds/news.rss"):
            response = client.get(url, headers={"accept-encoding": "gzip"})
            assert response["Content-Encoding"] == "gzip", url
            assert gzip.decompress(response.content)

    def test_logged_in_pages_with_csrf_tokens_are_not_compressed(self, admin_client, network):
        response = admin_client.get(
            reverse("wagtailadmin_pages:edit", args=[network.festival.pk]), headers={"accept-encoding": "gzip"}
        )
        assert response.status_code == 200
        assert "Content-Encoding" not in response
