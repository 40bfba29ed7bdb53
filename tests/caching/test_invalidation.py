"""What empties the page cache and what leaves it warm (docs/caching.md, "Invalidation").

A reader sees only published pages and the listed models, so a draft, a lock,
a comment or an anonymous form post must leave a warm cache as warm as it was;
a publish, unpublish, move or delete shows on the next request.
"""

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Comment, PageViewRestriction

import pytest

from engagement.models import ConsentText, Subscriber
from tests.editorial.conftest import news_form_data
from tests.engagement.conftest import human
from tests.factories import ImageFactory, NewsPageFactory

CACHE_HEADER = "X-Page-Cache"


def public_urls(network):
    return [
        "/pl/",
        "/pl/inicjatywy/",
        "/pl/inicjatywy/?area=culture",
        network.festival.url,
        network.tree.news.url,
        network.borken.url,
        "/pl/feeds/news.rss",
    ]


def hit_rate(client, urls):
    responses = [client.get(url) for url in urls]
    assert all(response.status_code == 200 for response in responses), [r.status_code for r in responses]
    return sum(response.get(CACHE_HEADER) == "hit" for response in responses) / len(urls)


@pytest.fixture
def warm(client, network, page_cache):
    """Every public URL stored once: the second round is all hits."""
    urls = public_urls(network)
    hit_rate(client, urls)
    assert hit_rate(client, urls) == 1.0
    return urls


@pytest.fixture
def news(network):
    return NewsPageFactory(parent=network.tree.news, title="Opublikowany tytuł", slug="wiadomosc")


class TestWhatLeavesTheCacheWarm:
    def test_a_draft_save(self, client, admin_client, network, news, warm):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]), news_form_data(news, title="Tytuł roboczy")
        )
        assert response.status_code == 302
        news.refresh_from_db()
        assert news.get_latest_revision().content["title"] == "Tytuł roboczy"  # the draft was saved
        assert hit_rate(client, warm) == 1.0
        assert "Tytuł roboczy" not in client.get(network.tree.news.url).content.decode()

    def test_a_lock_and_an_unlock(self, client, admin_client, network, warm):
        page = network.festival
        assert admin_client.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
        page.refresh_from_db()
        assert page.locked
        assert hit_rate(client, warm) == 1.0
        assert admin_client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk])).status_code == 302
        assert hit_rate(client, warm) == 1.0

    def test_a_comment(self, client, admin_user, network, warm):
        Comment.objects.create(page=network.festival, user=admin_user, text="Sprawdzić daty", contentpath="title")
        assert hit_rate(client, warm) == 1.0

    def test_an_anonymous_newsletter_signup(self, client, network, warm, consent_texts):
        data = {"email": "anna@example.org", "scope": "network", "consent": "on", **human()}
        data["consent_version"] = ConsentText.current("pl").version
        client.post("/pl/newsletter/", data)
        assert Subscriber.objects.filter(email="anna@example.org").exists()
        assert hit_rate(client, warm) == 1.0


class TestWhatShowsOnTheNextRequest:
    def test_a_publish(self, client, network, news, warm):
        news.title = "Nowy tytuł"
        news.save_revision().publish()
        listing = client.get(network.tree.news.url)
        assert listing[CACHE_HEADER] == "miss"
        assert "Nowy tytuł" in listing.content.decode()
        assert "Nowy tytuł" in client.get(news.url).content.decode()

    def test_an_unpublish(self, client, network, warm):
        network.festival.unpublish()
        assert client.get(network.festival.url).status_code == 404
        assert "Festiwal kultury w Borken" not in client.get("/pl/inicjatywy/").content.decode()

    def test_a_move(self, client, network, warm):
        old_url = network.festival.url
        network.festival.move(network.caritas, pos="last-child")
        network.festival.refresh_from_db()
        moved = client.get(old_url)  # Wagtail's automatic redirect, not the stored page
        assert moved.status_code == 301
        assert moved["Location"] == network.festival.url
        assert client.get(network.festival.url).status_code == 200

    def test_a_delete(self, client, network, warm):
        url = network.festival.url
        network.festival.delete()
        assert client.get(url).status_code == 404
        assert "Festiwal kultury w Borken" not in client.get("/pl/inicjatywy/").content.decode()

    def test_a_page_made_private(self, client, network, warm):
        PageViewRestriction.objects.create(page=network.festival, restriction_type="login")
        assert client.get(network.festival.url).status_code == 302  # to the login form

    def test_a_renamed_area_of_cooperation(self, client, network, warm):
        network.culture.name = "Kultura i sztuka"
        network.culture.save()
        assert "Kultura i sztuka" in client.get(network.festival.url).content.decode()

    def test_the_clear_page_cache_command(self, client, network, warm):
        call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert hit_rate(client, warm) == 0.0


class TestImagesAndDocuments:
    def test_an_upload_leaves_the_cache_warm(self, client, warm):
        ImageFactory(title="Nowe zdjęcie")
        assert hit_rate(client, warm) == 1.0

    def test_an_image_in_use_renamed_shows_on_the_next_request(self, client, network, page_cache):
        image = ImageFactory(title="Zdjęcie festiwalu")
        network.festival.listing_image = image
        network.festival.save_revision().publish()
        urls = public_urls(network)
        hit_rate(client, urls)
        image.title = "Zdjęcie festiwalu 2026"
        image.save()
        assert hit_rate(client, urls) == 0.0
