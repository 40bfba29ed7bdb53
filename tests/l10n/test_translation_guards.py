"""Translators submit, sync and publish only in their own languages, and only through moderation.

Over HTTP against wagtail-localize's own URLs, with the real editorial roles
(tests/editorial/writes_world.py): the translator of English and German, the
German-only translator, a moderator. Every refused request leaves the whole
database as it was.
"""

from django.urls import resolve, reverse

from wagtail.models import Page, WorkflowState

import pytest

from partners.models import CooperationArea
from tests.editorial.db_snapshot import changed_tables, database_snapshot
from tests.editorial.writes_world import (
    PERMISSION_DENIED,
    TRANSLATOR_EN_DE,
    client_for,
    flash_messages,
    module_world,
    refused_with,
)
from translations.guards import (
    GuardedSubmitPageTranslationView,
    GuardedSubmitSnippetTranslationView,
    GuardedUpdateTranslationsView,
)

pytestmark = pytest.mark.django_db

FORGED_LOCALE = "You translate only into: Deutsch, English. Choose among these languages."
NO_DIRECT_PUBLISH = (
    "You may not publish these translations directly. Update them without “Publish immediately”, "
    "then submit the translated pages for moderation from the Translation status report."
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


def organisations_index(world):
    return Page.objects.get(pk=world.org_a).get_parent()


def submit_page(client, page_id, *locales):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page_id]), {"locales": [loc.pk for loc in locales]}
    )


def submit_area(client, world, *locales):
    url = reverse("wagtail_localize:submit_snippet_translation", args=["partners", "cooperationarea", world.area])
    return client.post(url, {"locales": [locale.pk for locale in locales]})


def update(client, source_id, **data):
    return client.post(reverse("wagtail_localize:update_translations", args=[source_id]), data)


def in_moderation(page_id):
    return WorkflowState.objects.filter(object_id=str(page_id), status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_wagtail_localize_urls_reach_the_guarded_views():
    """If wagtail-localize moved these URLs, its unguarded views would answer them: this fails first."""
    cases = [
        (reverse("wagtail_localize:submit_page_translation", args=[1]), GuardedSubmitPageTranslationView),
        (
            reverse("wagtail_localize:submit_snippet_translation", args=["partners", "cooperationarea", 1]),
            GuardedSubmitSnippetTranslationView,
        ),
        (reverse("wagtail_localize:update_translations", args=[1]), GuardedUpdateTranslationsView),
    ]
    for url, view_class in cases:
        assert resolve(url).func.view_class is view_class, url


class SubmitTests:
    def test_the_form_offers_only_the_translators_languages(self, world):
        html = client_for(world, TRANSLATOR_EN_DE).get(
            reverse("wagtail_localize:submit_page_translation", args=[organisations_index(world).pk])
        )
        html = html.content.decode()
        assert f'value="{world.locale("en").pk}"' in html
        for code in ("fr", "lt", "it"):  # languages of the site the translator does not translate
            assert f'value="{world.locale(code).pk}"' not in html, code

    @pytest.mark.parametrize("code", ["fr", "lt"])
    def test_a_forged_locale_is_refused_with_a_message_and_creates_nothing(self, world, code):
        client = client_for(world, TRANSLATOR_EN_DE)
        before = database_snapshot()

        response = submit_page(client, organisations_index(world).pk, world.locale(code))

        assert response.status_code == 200
        assert FORGED_LOCALE in response.content.decode()
        assert changed_tables(before, database_snapshot()) == {}

    def test_a_forged_locale_among_allowed_ones_is_refused_too(self, world):
        client = client_for(world, TRANSLATOR_EN_DE)
        before = database_snapshot()

        response = submit_page(client, organisations_index(world).pk, world.locale("en"), world.locale("fr"))

        assert FORGED_LOCALE in response.content.decode()
        assert changed_tables(before, database_snapshot()) == {}

    def test_the_translator_starts_a_translation_in_their_language_as_a_draft(self, world):
        index = organisations_index(world)

        response = submit_page(client_for(world, TRANSLATOR_EN_DE), index.pk, world.locale("en"))

        assert response.status_code == 302
        english = Page.objects.get(translation_key=index.translation_key, locale=world.locale("en"))
        assert not english.live  # it goes live through moderation (the status report's Submit)

    def test_a_moderator_translates_into_any_language_and_it_starts_as_a_draft_too(self, world):
        index = organisations_index(world)

        response = submit_page(client_for(world, "moderator"), index.pk, world.locale("fr"))

        assert response.status_code == 302
        french = Page.objects.get(translation_key=index.translation_key, locale=world.locale("fr"))
        assert not french.live  # Polish text under lang="fr" is never published by a translation alone

    def test_the_german_translator_is_offered_german_only(self, world):
        html = client_for(world, "translator").get(
            reverse("wagtail_localize:submit_page_translation", args=[organisations_index(world).pk])
        )
        html = html.content.decode()
        assert f'value="{world.locale("en").pk}"' not in html
        assert f'value="{world.locale("fr").pk}"' not in html


class SnippetSubmitTests:
    def test_a_forged_locale_for_an_area_is_refused_and_creates_nothing(self, world):
        client = client_for(world, TRANSLATOR_EN_DE)
        before = database_snapshot()

        response = submit_area(client, world, world.locale("lt"))

        assert FORGED_LOCALE in response.content.decode()
        assert changed_tables(before, database_snapshot()) == {}

    def test_the_translator_translates_an_area_into_their_language(self, world):
        response = submit_area(client_for(world, TRANSLATOR_EN_DE), world, world.locale("en"))

        assert response.status_code == 302
        area = CooperationArea.objects.get(pk=world.area)
        assert CooperationArea.objects.filter(translation_key=area.translation_key, locale=world.locale("en")).exists()

    def test_someone_without_the_translate_permission_is_refused(self, world):
        client = client_for(world, "editor_a")
        before = database_snapshot()

        response = submit_area(client, world, world.locale("de"))

        assert refused_with(response, PERMISSION_DENIED)
        assert changed_tables(before, database_snapshot()) == {}


class UpdateTests:
    def test_publishing_immediately_is_refused_and_the_open_workflow_stays(self, world):
        client = client_for(world, TRANSLATOR_EN_DE)
        assert in_moderation(world.a_live_de)
        before = database_snapshot()

        response = update(client, world.a_live_source, publish_translations="on")

        assert response.status_code == 302
        assert ("error", NO_DIRECT_PUBLISH) in flash_messages(response)
        assert changed_tables(before, database_snapshot()) == {}
        assert in_moderation(world.a_live_de)

    def test_the_form_shows_no_publish_immediately_to_a_translator(self, world):
        response = client_for(world, TRANSLATOR_EN_DE).get(
            reverse("wagtail_localize:update_translations", args=[world.a_live_source])
        )

        html = response.content.decode()
        assert response.status_code == 200
        assert "Familienfest" in html  # the German translation it is about to sync
        assert 'type="checkbox" name="publish_translations"' not in html
        assert "Publish immediately" not in html

    def test_the_moderator_is_offered_publish_immediately(self, world):
        response = client_for(world, "moderator").get(
            reverse("wagtail_localize:update_translations", args=[world.a_live_source])
        )

        assert 'type="checkbox" name="publish_translations"' in response.content.decode()

    def test_syncing_without_publishing_is_allowed_and_publishes_nothing(self, world):
        german = Page.objects.get(pk=world.a_live_de)

        response = update(client_for(world, TRANSLATOR_EN_DE), world.a_live_source)

        assert response.status_code == 302
        after = Page.objects.get(pk=world.a_live_de)
        assert (after.live, after.live_revision_id, after.title) == (german.live, german.live_revision_id, german.title)
        assert in_moderation(world.a_live_de)

    @pytest.mark.parametrize(("source", "language"), [("home_source", "Français"), ("area_source", "Français")])
    def test_a_source_also_translated_into_another_language_is_not_synced(self, world, source, language):
        client = client_for(world, TRANSLATOR_EN_DE)
        before = database_snapshot()

        response = update(client, getattr(world, source))

        assert response.status_code == 302
        messages = flash_messages(response)
        assert any(level == "error" and f"is also translated into {language}" in text for level, text in messages)
        assert changed_tables(before, database_snapshot()) == {}

    def test_the_german_translator_may_not_sync_pages_with_english_translations(self, world):
        client = client_for(world, "translator")
        before = database_snapshot()

        response = update(client, world.home_source, publish_translations="on")

        assert any("is also translated into English" in text for _level, text in flash_messages(response))
        assert changed_tables(before, database_snapshot()) == {}
