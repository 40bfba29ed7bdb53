"""A translator's full round over HTTP, with the real editorial roles.

A moderator starts the German translation of a Polish page; a member of
*Translators (de)* (who may not publish) translates its sentences in
wagtail-localize's editor and submits them from the translation status report;
a moderator approves. Then the Polish page changes, is synced, and the round
is repeated for the changed sentence.
"""

from urllib.parse import urlencode

from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.urls import reverse

from wagtail.models import Locale, Page, TaskState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest

from editorial.services import MODERATORS, editorial_setup
from tests import factories
from tests.editorial.conftest import make_user

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/?locale=de"


def logged_in(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def roles(german_tree):
    editorial_setup()
    translator = make_user("tlumacz", Group.objects.get(name="Translators (de)"))
    moderator = make_user("moderator", Group.objects.get(name=MODERATORS))
    return logged_in(translator), logged_in(moderator)


def translate_sentence(client, translation, source_text, value):
    """What the editor sends when a translator saves one sentence."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def submit_from_report(client, german):
    html = client.get(REPORT).content.decode()
    url = reverse("translation_submit_for_moderation", args=[german.id])
    assert f'action="{url}"' in html, "the report offers no Submit for moderation"
    response = client.post(url, {"next": REPORT})
    assert response.status_code == 302
    german = Page.objects.get(pk=german.pk)
    assert german.workflow_in_progress


def approve(client, page):
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
        )
    assert response.status_code == 302


def state_in_report(client, title):
    import re

    html = client.get(REPORT).content.decode()
    return re.search(rf'{title}</a></th>\s*<td data-locale="de" data-state="(\w+)"', html).group(1)


def test_translate_submit_approve_sync_and_again(roles, german_tree):
    translator, moderator = roles
    de = Locale.objects.get(language_code="de")
    page = factories.StandardPageFactory(
        parent=german_tree.home, title="Historia", slug="historia", introduction="Od 2012."
    )

    # 1. A moderator starts the translation (wagtail-localize's "Translate").
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = moderator.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [de.id]}
        )
    assert response.status_code == 302
    translation = Translation.objects.get(source=TranslationSource.objects.get_for_instance(page), target_locale=de)
    german = page.get_translation(de)

    # 2. The translator opens the editor and translates every sentence.
    assert translator.get(reverse("wagtailadmin_pages:edit", args=[german.id])).status_code == 200
    translate_sentence(translator, translation, "Historia", "Geschichte")
    translate_sentence(translator, translation, "historia", "geschichte")
    translate_sentence(translator, translation, "Od 2012.", "Seit 2012.")
    assert state_in_report(translator, "Historia") == "up_to_date"

    # 3. The translator submits; nothing is public before the approval.
    submit_from_report(translator, german)
    assert "Seit 2012." not in Client().get(german.url).content.decode()

    # 4. The moderator approves: the German page is live with the translation.
    approve(moderator, german)
    german = Page.objects.get(pk=german.pk).specific
    assert german.live and not german.has_unpublished_changes
    html = Client().get(german.url).content.decode()
    assert german.url == "/de/geschichte/"
    assert "Seit 2012." in html and "Od 2012." not in html

    # 5. The Polish page changes; the moderator syncs the translations.
    page = Page.objects.get(pk=page.pk).specific
    page.introduction = "Od stycznia 2012."
    page.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = moderator.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    assert "Od stycznia 2012." in Client().get(german.url).content.decode()  # falls back to Polish
    assert state_in_report(translator, "Historia") == "out_of_date"

    # 6. The translator translates the changed sentence and submits; the moderator approves.
    translate_sentence(translator, translation, "Od stycznia 2012.", "Seit Januar 2012.")
    submit_from_report(translator, german)
    approve(moderator, german)
    html = Client().get(german.url).content.decode()
    assert "Seit Januar 2012." in html and "Od stycznia 2012." not in html
    assert "Geschichte" in html
    assert state_in_report(translator, "Historia") == "up_to_date"


def test_the_report_offers_no_submit_for_languages_the_translator_does_not_edit(roles, german_tree):
    from tests.l10n.conftest import translate

    translator, _moderator = roles
    translate(german_tree.home, "en", {}, publish=False)
    english_home = german_tree.home.get_translation(Locale.objects.get(language_code="en"))
    html = translator.get("/admin/reports/translation-status/").content.decode()
    assert 'data-locale="en"' in html  # the state is shown
    assert reverse("translation_submit_for_moderation", args=[english_home.id]) not in html
