"""The admin's translation status report, its dashboard panel and machine translation."""

import re

from django.test import override_settings

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest

from tests import factories
from tests.l10n.conftest import translate

pytestmark = pytest.mark.django_db

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def cell_states(html, language_code):
    """{page title: state} of one locale's column in the report."""
    states = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        title = re.search(r'<th scope="row"><a [^>]*>([^<]+)</a>', row)
        cell = re.search(rf'data-locale="{language_code}" data-state="(\w+)"', row)
        if title and cell:
            states[title.group(1)] = cell.group(1)
    return states


@pytest.fixture
def report_tree(german_tree):
    tree = german_tree
    # Fully translated: up to date.
    tree.partner.title = "Borken"
    translate(tree.partner, "de", {"Borken": "Borken", "borken": "borken"})
    # Translated, then the Polish text changed and was published: out of date.
    page = factories.StandardPageFactory(parent=tree.home, title="Historia", slug="historia", introduction="Od 2012.")
    translate(page, "de", {"Historia": "Geschichte", "historia": "geschichte", "Od 2012.": "Seit 2012."})
    page.introduction = "Od stycznia 2012."
    page.save_revision().publish()
    # Never translated: missing.
    factories.StandardPageFactory(parent=tree.home, title="Kontakt", slug="kontakt", introduction="Biuro.")
    return tree


def test_report_shows_each_page_state_per_locale_with_editor_links(admin_client, report_tree):
    response = admin_client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    html = response.content.decode()
    german = cell_states(html, "de")
    assert german["Borken"] == "up_to_date"
    assert german["Historia"] == "out_of_date"
    assert german["Kontakt"] == "missing"
    assert cell_states(html, "fr")["Borken"] == "missing"
    # Links go straight to the translation editor (the German page's edit view)
    # or, for a missing translation, to wagtail-localize's "Translate this page".
    german_borken = report_tree.partner.get_translation(Locale.objects.get(language_code="de"))
    assert f'href="/admin/pages/{german_borken.id}/edit/"' in html
    kontakt = report_tree.home.get_children().get(slug="kontakt")
    assert f'href="/admin/localize/submit/page/{kontakt.id}/"' in html
    editor = admin_client.get(f"/admin/pages/{german_borken.id}/edit/")
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]


def test_report_filters_by_locale_and_state(admin_client, report_tree):
    html = admin_client.get("/admin/reports/translation-status/?locale=de&state=out_of_date").content.decode()
    assert cell_states(html, "de") == {"Historia": "out_of_date"}
    assert 'data-locale="fr"' not in html
    # Unknown filter values are ignored rather than failing.
    response = admin_client.get("/admin/reports/translation-status/?locale=zz&state=bogus&p=x")
    assert response.status_code == 200
    assert cell_states(response.content.decode(), "de")["Kontakt"] == "missing"


def test_report_is_listed_under_reports_and_summed_on_the_dashboard(admin_client, report_tree):
    dashboard = admin_client.get("/admin/").content.decode()
    assert "/admin/reports/translation-status/" in dashboard
    panel = dashboard.split('id="translation-status-heading"', 1)[1].split("</section>", 1)[0]
    german_row = re.search(r"<th scope=\"row\">Deutsch</th>(.*?)</tr>", panel, flags=re.S).group(1)
    counts = dict(re.findall(r'data-state="(\w+)"><a [^>]*>(\d+)</a>', german_row))
    # Home and four index pages, Borken: up to date; Historia: out of date;
    # the organisation and Kontakt: missing.
    assert counts == {"up_to_date": "6", "out_of_date": "1", "machine": "0", "missing": "2"}


def test_report_only_lists_pages_the_user_may_edit(client, report_tree, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Historia" not in html
    assert "data-state=" not in html


def test_report_query_count_does_not_grow_with_pages(admin_client, report_tree, django_assert_max_num_queries):
    for number in range(30):
        factories.StandardPageFactory(parent=report_tree.home, slug=f"extra-{number}")
    with django_assert_max_num_queries(40):
        admin_client.get("/admin/reports/translation-status/")


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
def test_machine_translation_is_flagged_until_reviewed(admin_client, german_tree):
    page = factories.StandardPageFactory(
        parent=german_tree.home, title="Wolontariat", slug="wolontariat", introduction="Pomagamy razem."
    )
    translation = translate(page, "de", {})
    response = admin_client.post(
        f"/admin/localize/translate/{translation.id}/machine_translate/", {"next": "/admin/"}, follow=True
    )
    assert response.status_code == 200
    assert StringTranslation.objects.filter(translation_type="machine", data="razem. Pomagamy").exists()
    html = admin_client.get("/admin/reports/translation-status/?locale=de").content.decode()
    assert cell_states(html, "de")["Wolontariat"] == "machine"

    # A translator reviews every segment (editing makes it manual): up to date.
    StringTranslation.objects.filter(translation_type="machine").update(translation_type="manual")
    html = admin_client.get("/admin/reports/translation-status/?locale=de").content.decode()
    assert cell_states(html, "de")["Wolontariat"] == "up_to_date"


def test_without_machine_translator_the_editor_still_works(admin_client, german_tree):
    translation = translate(german_tree.partner, "de", {})
    german = translation.get_target_instance()
    assert admin_client.get(f"/admin/pages/{german.id}/edit/").status_code == 200
    assert admin_client.post(f"/admin/localize/translate/{translation.id}/machine_translate/").status_code == 404


def test_translated_draft_goes_through_moderation_before_it_is_published(admin_client, german_tree, client):
    """Translate → save draft → submit for moderation → a moderator approves → live."""
    translation = translate(german_tree.partner, "de", {"Borken": "Borken", "borken": "borken"}, publish=False)
    german = translation.get_target_instance()
    assert not german.live
    html = admin_client.get("/admin/reports/translation-status/?locale=de").content.decode()
    submit_url = f"/admin/reports/translation-status/submit/{german.id}/"
    assert f'action="{submit_url}"' in html

    response = admin_client.post(submit_url, {"next": "/admin/reports/translation-status/"}, follow=True)
    assert response.status_code == 200
    german.refresh_from_db()
    assert german.workflow_in_progress
    assert client.get("/de/partnerstaedte/borken/").status_code == 404  # not before approval
    html = admin_client.get("/admin/reports/translation-status/?locale=de").content.decode()
    assert f'action="{submit_url}"' not in html

    # The moderator approves the task in Wagtail's standard workflow.
    task_state = german.current_workflow_task_state
    task_state.task.specific.on_action(task_state, _admin(), "approve")
    german.refresh_from_db()
    assert german.live
    assert client.get("/de/partnerstaedte/borken/").status_code == 200


def _admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_superuser=True).first()
