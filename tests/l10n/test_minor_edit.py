"""A source edit published as "minor — translations stay up to date"."""

import re

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
