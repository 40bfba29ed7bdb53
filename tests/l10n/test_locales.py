"""Languages come from settings.LANGUAGES; `sync_locales` makes them Wagtail locales."""

from io import StringIO

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Locale

import pytest

pytestmark = pytest.mark.django_db

PARTNER_LANGUAGES = {"pl", "en", "de", "fr", "lt", "cs", "uk", "it", "lv", "nl"}


def test_languages_of_the_partner_towns_are_configured_with_polish_first():
    assert {code for code, _name in settings.LANGUAGES} == PARTNER_LANGUAGES
    assert settings.LANGUAGE_CODE == "pl"
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


def test_sync_locales_creates_missing_locales_once(settings):
    Locale.objects.exclude(language_code="pl").delete()
    out = StringIO()
    call_command("sync_locales", stdout=out)
    assert set(Locale.objects.values_list("language_code", flat=True)) == PARTNER_LANGUAGES
    assert "Created locales" in out.getvalue()

    out = StringIO()
    call_command("sync_locales", stdout=out)
    assert Locale.objects.count() == len(PARTNER_LANGUAGES)
    assert "already have a locale" in out.getvalue()

    # Adding a language is one settings line plus the command.
    settings.LANGUAGES = [*settings.LANGUAGES, ("sk", "Slovenčina")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    call_command("sync_locales", stdout=StringIO())
    assert Locale.objects.filter(language_code="sk").exists()


def test_search_shows_the_readers_language_only(client, german_tree):
    from wagtail.models import Page

    german = german_tree.partners.get_translation(Locale.objects.get(language_code="de"))
    assert Page.objects.filter(pk=german.pk).live().exists()
    html = client.get("/de/search/", {"query": "Partnerstädte"}).content.decode()
    assert german.url in html
    html = client.get("/pl/search/", {"query": "Partnerstädte"}).content.decode()
    assert german.url not in html
