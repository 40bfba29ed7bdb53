"""A source edit published as "minor — translations stay up to date"."""

import re

from django.test import Client, TestCase

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from tests.l10n.conftest import translate
from translations.models import MinorEdit

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_index(german_tree):
    index = german_tree.partners
    index.introduction = "<p>Nasze miasta partnerskie w Europie.</p>"
    index.save_revision().publish()
    translate(index, "de", {"Nasze miasta partnerskie w Europie.": "Unsere Partnerstädte in Europa."})
    return Page.objects.get(pk=index.pk).specific


def edit_form(page, introduction, **action):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": rich_text(introduction),
            "seo_title": "",
            "search_description": "",
            "listing_title": "",
            "listing_summary": "",
            "comments": inline_formset([]),
            **action,
        }
    )


def german_introduction(page):
    german = page.get_translation(Locale.objects.get(language_code="de"))
    return Page.objects.get(pk=german.pk).specific.introduction


def german_state(admin_client):
    html = admin_client.get("/admin/reports/translation-status/?locale=de").content.decode()
    return re.search(r'Miasta partnerskie</a></th>\s*<td data-locale="de" data-state="(\w+)"', html).group(1)


def test_minor_edit_button_is_offered_on_translated_sources_only(admin_client, translated_index, german_tree):
    html = admin_client.get(f"/admin/pages/{translated_index.id}/edit/").content.decode()
    assert "Publish as minor edit (translations stay up to date)" in html
    untranslated = german_tree.organisation
    html = admin_client.get(f"/admin/pages/{untranslated.id}/edit/").content.decode()
    assert "Publish as minor edit" not in html


def test_minor_edit_keeps_translations_up_to_date(admin_client, translated_index):
    assert german_state(admin_client) == "up_to_date"
    response = admin_client.post(
        f"/admin/pages/{translated_index.id}/edit/",
        edit_form(translated_index, "<p>Nasze miasta partnerskie w Europie!</p>", **{"action-publish": "minor"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    translated_index.refresh_from_db()
    assert "w Europie!" in translated_index.introduction
    assert MinorEdit.objects.filter(revision=translated_index.live_revision, applied_at__isnull=False).exists()
    # The German text is kept and the translation is not flagged.
    assert "Unsere Partnerstädte in Europa." in german_introduction(translated_index)
    assert german_state(admin_client) == "up_to_date"


def test_normal_edit_marks_translations_out_of_date(admin_client, translated_index):
    response = admin_client.post(
        f"/admin/pages/{translated_index.id}/edit/",
        edit_form(
            translated_index, "<p>Nasze miasta partnerskie w całej Europie.</p>", **{"action-publish": "Publish"}
        ),
    )
    assert response.status_code == 302
    assert german_state(admin_client) == "out_of_date"
    assert not MinorEdit.objects.exists()
    assert "Unsere Partnerstädte in Europa." in german_introduction(translated_index)


class MinorEditThroughModerationTests:
    """An editor who may not publish submits a minor edit; a moderator approves it later."""

    @pytest.fixture
    def moderated_news(self, german_tree):
        from django.contrib.auth.models import Group

        from editorial.services import MODERATORS, editorial_setup
        from tests import factories
        from tests.editorial.conftest import make_user

        translate(german_tree.organisation, "de", {"MOPS": "Sozialzentrum"})
        news = factories.NewsPageFactory(
            parent=german_tree.organisation, title="Wrocilismy z Borken", slug="wrocilismy", intro="Relacja z wyjazdu."
        )
        translate(
            news,
            "de",
            {
                "Wrocilismy z Borken": "Zurück aus Borken",
                "wrocilismy": "zurueck",
                "Relacja z wyjazdu.": "Ein Reisebericht.",
            },
        )
        editorial_setup()
        organisation = Page.objects.get(pk=german_tree.organisation.pk).specific
        editor = make_user("mops_editor", organisation.editors_group)
        # The admin in English (the msgids), as for the admin_client fixture.
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = "en"
        profile.save()
        moderator = make_user("moderator", Group.objects.get(name=MODERATORS))
        return Page.objects.get(pk=news.pk).specific, editor, moderator

    @staticmethod
    def german_news(news):
        german = news.get_translation(Locale.objects.get(language_code="de"))
        return Page.objects.get(pk=german.pk).specific

    @staticmethod
    def state(admin_user, title):
        # A client of its own: the test's client changes users along the way.
        admin = Client()
        admin.force_login(admin_user)
        html = admin.get("/admin/reports/translation-status/?locale=de").content.decode()
        return re.search(rf'{title}</a></th>\s*<td data-locale="de" data-state="(\w+)"', html).group(1)

    def test_submitted_minor_edit_keeps_translations_up_to_date_once_approved(self, client, admin_user, moderated_news):
        from django.urls import reverse

        from wagtail.models import TaskState

        from tests.editorial.conftest import news_form_data

        news, editor, moderator = moderated_news
        client.force_login(editor)
        html = client.get(f"/admin/pages/{news.id}/edit/").content.decode()
        assert "Submit as minor edit (translations stay up to date)" in html
        assert "Publish as minor edit" not in html  # the editor cannot publish

        # A typo fix in the intro and a corrected (synchronised) date, submitted as minor.
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]),
            news_form_data(news, intro="Relacja z wyjazdu!", date="2026-10-02", **{"action-submit": "minor"}),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        news = Page.objects.get(pk=news.pk).specific
        assert news.workflow_in_progress
        assert news.intro == "Relacja z wyjazdu."  # not published yet
        mark = MinorEdit.objects.get(revision=news.latest_revision)
        assert mark.applied_at is None
        german = self.german_news(news)
        assert german.intro == "Ein Reisebericht."
        assert german.date.isoformat() == "2026-10-01"

        # The moderator approves it from the admin, as from the dashboard.
        client.force_login(moderator)
        task_state = TaskState.objects.get(workflow_state__object_id=str(news.pk), status=TaskState.STATUS_IN_PROGRESS)
        # wagtail-localize publishes translated pages on commit; tests run inside a transaction.
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(
                reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "approve", task_state.pk]),
                {"comment": ""},
            )
        assert response.status_code == 302
        news = Page.objects.get(pk=news.pk).specific
        assert news.live and news.intro == "Relacja z wyjazdu!"
        mark.refresh_from_db()
        assert mark.applied_at is not None

        # The German page keeps its translation, gets the new date, and is live with both.
        german = self.german_news(news)
        assert german.live and not german.has_unpublished_changes
        assert german.intro == "Ein Reisebericht."
        assert german.date.isoformat() == "2026-10-02"
        client.logout()
        public = client.get(german.url).content.decode()
        assert "Ein Reisebericht." in public and "2. Oktober 2026" in public
        assert self.state(admin_user, "Wrocilismy z Borken") == "up_to_date"

    def test_submitted_normal_edit_marks_translations_out_of_date_once_approved(
        self, client, admin_user, moderated_news
    ):
        from django.urls import reverse

        from wagtail.models import TaskState

        from tests.editorial.conftest import news_form_data

        news, editor, moderator = moderated_news
        client.force_login(editor)
        client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]),
            news_form_data(news, intro="Relacja z wyjazdu!", **{"action-submit": "1"}),
        )
        client.force_login(moderator)
        task_state = TaskState.objects.get(workflow_state__object_id=str(news.pk), status=TaskState.STATUS_IN_PROGRESS)
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "approve", task_state.pk]), {"comment": ""}
        )
        assert not MinorEdit.objects.exists()
        assert self.state(admin_user, "Wrocilismy z Borken") == "out_of_date"
