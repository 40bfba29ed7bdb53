"""sitemap.xml lists every published page in every locale, with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[location] = alternates
    return entries


def full(path):
    return f"http://localhost{path}"


@pytest.mark.django_db
class SitemapTests:
    def test_lists_every_published_page_in_every_locale(self, client, network):
        entries = read_sitemap(client)
        expected = {page.get_full_url() for page in network.public_pl_pages}
        expected |= {page.get_full_url() for page in network.en.values()}
        expected |= {network.tree.partners.get_full_url() + "map/", network.en["partners"].get_full_url() + "map/"}
        assert set(entries) == expected
        assert full("/pl/") in entries
        assert full("/en/") in entries

    def test_drafts_and_private_pages_are_absent(self, client, network):
        locations = set(read_sitemap(client))
        for hidden in (network.draft_initiative, network.draft_partner, network.private_news):
            assert not any(hidden.slug in location for location in locations), hidden.slug

    def test_translated_pages_carry_hreflang_alternates_and_x_default(self, client, network):
        entries = read_sitemap(client)
        pl_url = network.initiative.get_full_url()
        en_url = network.en["initiative"].get_full_url()
        expected = {"pl": pl_url, "en": en_url, "x-default": pl_url}
        assert entries[pl_url] == expected
        assert entries[en_url] == expected

    def test_the_map_route_has_alternates_too(self, client, network):
        entries = read_sitemap(client)
        pl_map = network.tree.partners.get_full_url() + "map/"
        en_map = network.en["partners"].get_full_url() + "map/"
        assert entries[pl_map] == {"pl": pl_map, "en": en_map, "x-default": pl_map}

    def test_untranslated_pages_have_no_alternates(self, client, network):
        entries = read_sitemap(client)
        assert entries[network.news.get_full_url()] == {}

    def test_query_count_does_not_grow_with_pages(self, client, network, django_assert_max_num_queries):
        from tests import factories

        with django_assert_max_num_queries(40) as few:
            read_sitemap(client)
        for number in range(30):
            factories.NewsPageFactory(parent=network.tree.organisation, slug=f"news-{number}")
        with django_assert_max_num_queries(len(few.captured_queries)):
            read_sitemap(client)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, network):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
