"""Submitting for moderation needs edit permission on the page.

``POST /admin/reports/translation-status/submit/<id>/`` (the translation status
report's button) used to check only Wagtail's ``can_submit_for_moderation()``,
which does not require edit permission: any admin account could start a
workflow on another organisation's draft and, on a translated page, write a
revision in its name and rewrite the page's area and tag rows.
"""

from django.urls import reverse

from wagtail.models import Page, Revision, WorkflowState

import pytest

from tests.editorial.db_snapshot import changed_tables, database_snapshot
from tests.editorial.writes_world import PERMISSION_DENIED, client_for, flash_messages, module_world, refused_with

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


def submit(client, page_id):
    return client.post(reverse("translation_submit_for_moderation", args=[page_id]))


def in_moderation(page_id):
    return WorkflowState.objects.filter(object_id=str(page_id), status=WorkflowState.STATUS_IN_PROGRESS).exists()


@pytest.mark.parametrize(
    ("role", "page"),
    [
        ("editor_b", "a_draft"),  # another organisation's draft
        ("administrator", "a_draft"),  # an admin account without page rights
        ("translator", "a_draft"),  # a Polish page: translators edit their language's tree only
        ("translator_en_de", "a_draft"),
        ("editor_b", "org_a_de"),  # a translated page of another organisation's section
        ("administrator", "org_a_de"),
    ],
)
def test_submitting_a_page_one_may_not_edit_is_refused_and_changes_nothing(world, role, page):
    client = client_for(world, role)
    before = database_snapshot()

    response = submit(client, getattr(world, page))

    assert refused_with(response, PERMISSION_DENIED), (
        response.status_code,
        response.get("Location"),
        flash_messages(response),
    )
    assert changed_tables(before, database_snapshot()) == {}
    assert not in_moderation(getattr(world, page))


def test_the_intruder_writes_no_revision_on_a_translated_page(world):
    german = Page.objects.get(pk=world.org_a_de)
    revisions = Revision.page_revisions.filter(object_id=str(german.pk)).count()

    submit(client_for(world, "editor_b"), german.pk)

    assert Revision.page_revisions.filter(object_id=str(german.pk)).count() == revisions
    assert not Revision.objects.filter(user_id=world.users["editor_b"]).exists()


def test_the_editor_of_the_page_still_submits_it(world):
    response = submit(client_for(world, "editor_a"), world.a_draft)

    assert response.status_code == 302
    assert in_moderation(world.a_draft)


def test_the_german_translator_still_submits_a_german_page(world):
    response = submit(client_for(world, "translator_en_de"), world.org_a_de)

    assert response.status_code == 302
    assert in_moderation(world.org_a_de)
    revision = Page.objects.get(pk=world.org_a_de).latest_revision
    assert revision.user_id == world.users["translator_en_de"]
