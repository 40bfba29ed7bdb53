"""A password-protected page cannot be guessed at by a script: the form is rate-limited per address."""

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db


def test_guessing_a_page_password_is_stopped_after_a_few_tries(client, tree, settings):
    restriction = PageViewRestriction.objects.create(
        page=tree.partner, restriction_type=PageViewRestriction.PASSWORD, password="tajne-haslo"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, tree.partner.pk])
    limit, _window = settings.ENGAGEMENT_RATE_LIMIT
    for _ in range(limit):
        response = client.post(url, {"password": "zgaduje", "return_url": tree.partner.url})
        assert response.status_code == 200  # the password form again
    stopped = client.post(url, {"password": "tajne-haslo", "return_url": tree.partner.url})
    assert stopped.status_code == 429
    assert tree.partner.title not in stopped.content.decode()


def test_the_right_password_still_opens_the_page(client, tree):
    restriction = PageViewRestriction.objects.create(
        page=tree.partner, restriction_type=PageViewRestriction.PASSWORD, password="tajne-haslo"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, tree.partner.pk])
    response = client.post(url, {"password": "tajne-haslo", "return_url": tree.partner.url})
    assert response.status_code == 302
    assert client.get(tree.partner.url).status_code == 200
