"""Dashboards, choosers and history: what each role sees in the admin."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Collection, Page

import pytest

from editorial.selectors import pages_awaiting_approval, section_overview
from tests import factories
from tests.network_content import publish_translation

pytestmark = pytest.mark.django_db


def _user(world, role):
    return get_user_model().objects.get(pk=world.users[role])


def _submit(world, count, start=0):
    editor = _user(world, "editor_a")
    org_a = world.page("org_a")
    for number in range(start, start + count):
        page = factories.NewsPageFactory(
            parent=org_a, title=f"Zgłoszenie {number}", slug=f"zgloszenie-{number}", live=False
        )
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)


def _queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


class ModeratorDashboardTests:
    def test_awaiting_my_approval_names_the_organisation(self, world, client):
        client.force_login(_user(world, "moderator"))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        panel = html.split('id="editorial-awaiting-approval', 1)[1]
        assert "Do akceptacji" in panel and "Aktywni" in panel

    def test_editors_and_translators_have_nothing_to_approve(self, world, client):
        for role in ("editor_a", "translator"):
            client.force_login(_user(world, role))
            assert 'id="editorial-awaiting-approval' not in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_the_queries_do_not_grow_with_the_number_of_submissions(self, world):
        moderator = _user(world, "moderator")
        _submit(world, 5)
        pages_awaiting_approval(user=moderator)  # warm the per-user group cache Wagtail keeps
        few = _queries(lambda: pages_awaiting_approval(user=moderator))
        _submit(world, 45, start=5)
        org_a = world.page("org_a")
        assert len(pages_awaiting_approval(user=moderator)) == 51
        assert _queries(lambda: pages_awaiting_approval(user=moderator)) == few
        assert _queries(lambda: section_overview(organisation=org_a)) <= 10

    def test_a_moderator_can_read_an_organisations_history(self, world, client):
        client.force_login(_user(world, "moderator"))
        response = client.get(reverse("wagtailadmin_pages:history", args=[world.org_a]))
        assert response.status_code == 200
        assert (
            "Organisation editors" in response.content.decode() or "organisation" in response.content.decode().lower()
        )


class EditorDashboardTests:
    def test_an_editor_sees_their_sections_drafts_and_not_another_organisations(self, world, client):
        factories.NewsPageFactory(
            parent=world.page("org_b"), title="Szkic B", slug="szkic-b", live=False
        ).save_revision()
        client.force_login(_user(world, "editor_a"))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        section = html.split('id="editorial-section-', 1)[1]
        assert "Tajny szkic" in section
        assert "Szkic B" not in html
        assert 'id="editorial-awaiting-approval' not in html

    def test_an_organisation_in_three_languages_has_one_panel(self, world, client):
        # A translation copies the page's editors_group link, so the English and
        # German copies of organisation A used to add a panel each.
        org_a = world.page("org_a")
        for language_code in ("en", "de"):
            publish_translation(org_a, language_code)
        client.force_login(_user(world, "editor_a"))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        # Wagtail's panel wraps each one in <section id="{id}-section">.
        assert re.findall(r'<section[^>]* id="editorial-section-(\d+)-section"', html) == [str(org_a.pk)]
        # The one the editors have rights on: the Polish original's section.
        assert "Tajny szkic" in html.split('id="editorial-section-', 1)[1]


class ChooserTests:
    def test_an_editor_only_sees_their_own_collections_images(self, world, client):
        client.force_login(_user(world, "editor_a"))
        html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
        assert "Logo A" in html and "Logo B" not in html

    def test_someone_who_can_see_everything_gets_their_own_collection_first(self, world, client):
        user = _user(world, "moderator")
        user.groups.add(Group.objects.get(pk=world.page("org_a").editors_group_id))
        factories.ImageFactory(title="Newest network photo", collection=Collection.get_first_root_node())
        client.force_login(user)
        html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
        # Without the hook the newest image would come first.
        assert html.index("Logo A") < html.index("Newest network photo") < html.index("Logo B")
        documents = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
        assert "Statut B" in documents

    def test_preview_of_a_draft_needs_permission_not_just_a_login(self, world, client):
        client.force_login(_user(world, "editor_b"))
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[world.a_draft]))
        assert response.status_code == 302 and "Tajny szkic" not in response.content.decode()
        assert not Page.objects.get(pk=world.a_draft).live
