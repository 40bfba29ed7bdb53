"""Moderation end to end: submit, notify, approve, reject with a comment, nothing leaks."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.models import Page, PageLogEntry, TaskState, Workflow, WorkflowState

import pytest

from editorial.services import WORKFLOW_NAME, editorial_setup
from initiatives.models import NewsPage
from networks.services import network_add
from tests.conftest import build_network_tree

from .conftest import make_user, news_form_data

pytestmark = pytest.mark.django_db


def _user(world, role):
    return get_user_model().objects.get(pk=world.users[role])


def _task_state(page_id):
    return TaskState.objects.get(workflow_state__object_id=str(page_id), status=TaskState.STATUS_IN_PROGRESS)


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


class JourneyTests:
    def test_news_goes_from_editor_through_moderator_to_the_listing_and_a_rejected_edit_never_leaks(
        self, world, client
    ):
        make_user("root", is_superuser=True, is_staff=True)  # must not be e-mailed
        editor, moderator = _user(world, "editor_a"), _user(world, "moderator")
        mail.outbox.clear()  # the fixture's own submission

        # The editor writes a news item in their section and submits it.
        client.force_login(editor)
        response = client.post(
            reverse("wagtailadmin_pages:add", args=["initiatives", "newspage", world.org_a]),
            news_form_data(title="Piknik sąsiedzki", slug="piknik", intro="Zapraszamy!", **{"action-submit": "1"}),
        )
        assert response.status_code == 302
        news = NewsPage.objects.get(slug="piknik")
        assert not news.live
        assert news.workflow_in_progress
        # Only the workflow's moderators hear about it: not the superuser, not other editors.
        assert _recipients() == ["moderator@example.org"], [(m.subject, m.to) for m in mail.outbox]
        assert "Piknik sąsiedzki" in mail.outbox[0].subject + mail.outbox[0].body
        assert client.get(news.url).status_code == 404  # submitted is not published

        # The moderator sees it, with the organisation's name, and approves it.
        client.force_login(moderator)
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert 'id="editorial-awaiting-approval' in dashboard
        panel = dashboard.split('id="editorial-awaiting-approval', 1)[1]
        assert "Piknik sąsiedzki" in panel and "Aktywni" in panel
        mail.outbox.clear()
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "approve", _task_state(news.pk).pk]),
            {"comment": ""},
        )
        assert response.status_code == 302
        news.refresh_from_db()
        assert news.live
        assert _recipients() == ["editor_a@example.org"]

        listing = client.get("/pl/aktualnosci/")
        assert "Piknik sąsiedzki" in listing.content.decode()

        # A second edit is submitted, then sent back with a comment.
        client.force_login(editor)
        client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]),
            news_form_data(news, title="Piknik odwołany", **{"action-submit": "1"}),
        )
        assert NewsPage.objects.get(pk=news.pk).workflow_in_progress
        client.force_login(moderator)
        mail.outbox.clear()
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "reject", _task_state(news.pk).pk]),
            {"comment": "Proszę podać nową datę."},
        )
        assert response.status_code == 302
        assert _recipients() == ["editor_a@example.org"]
        assert "Proszę podać nową datę." in mail.outbox[0].body

        # The public still sees the approved version, in the page and in the listing.
        client.logout()
        page = client.get(news.url).content.decode()
        assert "Piknik sąsiedzki" in page and "Piknik odwołany" not in page
        listing = client.get("/pl/aktualnosci/").content.decode()
        assert "Piknik odwołany" not in listing

        # The editor finds the rejection and its comment on their dashboard.
        client.force_login(editor)
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        section = dashboard.split('id="editorial-section-', 1)[1]
        assert "Piknik odwołany" in section and "Proszę podać nową datę." in section

        # Everything is in the audit log, with who did it.
        actions = set(PageLogEntry.objects.filter(page=news).values_list("action", "user__username"))
        assert {
            ("wagtail.workflow.start", "editor_a"),
            ("wagtail.workflow.approve", "moderator"),
            ("wagtail.publish", "moderator"),
            ("wagtail.workflow.reject", "moderator"),
        } <= actions


class RejectionTests:
    def test_rejecting_without_a_comment_is_refused_and_the_page_stays_in_moderation(self, world, client):
        client.force_login(_user(world, "moderator"))
        task_state = _task_state(world.a_submitted)
        url = reverse("wagtailadmin_pages:workflow_action", args=[world.a_submitted, "reject", task_state.pk])

        response = client.post(url, {"comment": "  "}, headers={"x-requested-with": "XMLHttpRequest"})

        assert response.status_code == 200
        assert response.json()["step"] == "action"  # the modal comes back with the error
        assert "error" in response.json()["html"]
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        assert [m for m in mail.outbox if "editor_a@example.org" in m.to] == []

    def test_a_forged_rejection_through_the_editor_without_a_comment_changes_nothing(self, world, client):
        page = Page.objects.get(pk=world.a_submitted).specific
        client.force_login(_user(world, "moderator"))

        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            news_form_data(page, **{"action-workflow-action": "1", "workflow-action-name": "reject"}),
        )

        assert _task_state(page.pk).status == TaskState.STATUS_IN_PROGRESS
        assert not WorkflowState.objects.filter(object_id=str(page.pk), status="needs_changes").exists()

    def test_the_reject_form_asks_for_a_comment(self, world, client):
        client.force_login(_user(world, "moderator"))
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[world.a_submitted, "reject", _task_state(world.a_submitted).pk]
        )
        html = client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]
        assert 'name="comment"' in html and "required" in html


class BadInputTests:
    def test_submitting_an_invalid_page_shows_the_field_errors_and_submits_nothing(self, world, client):
        client.force_login(_user(world, "editor_a"))

        response = client.post(
            reverse("wagtailadmin_pages:add", args=["initiatives", "newspage", world.org_a]),
            news_form_data(title="", slug="bez-tytulu", intro="", **{"action-submit": "1"}),
        )

        assert response.status_code == 200
        form = response.context["form"]
        assert set(form.errors) >= {"title", "intro"}
        assert not NewsPage.objects.filter(slug="bez-tytulu").exists()
        assert WorkflowState.objects.count() == 1  # only the fixture's submission
        assert len(mail.outbox) == 1  # the fixture's submission, nothing new

    def test_a_forged_post_to_another_organisations_page_is_refused_and_changes_nothing(self, world, client):
        page = Page.objects.get(pk=world.b_live).specific
        before = (page.title, page.latest_revision_id, page.live)
        client.force_login(_user(world, "editor_a"))
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = news_form_data(page, title="Przejęte", **{"action-publish": "1"})

        # As a browser form: Wagtail's refusal, a redirect to the dashboard with an error.
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        # As the admin's own JavaScript sends it: a plain 403.
        response = client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})
        assert response.status_code == 403

        page = Page.objects.get(pk=page.pk)
        assert (page.title, page.latest_revision_id, page.live) == before
        assert not PageLogEntry.objects.filter(page=page, user__username="editor_a").exists()

    def test_an_editor_forging_publish_on_their_own_page_publishes_nothing(self, world, client):
        client.force_login(_user(world, "editor_a"))
        page = Page.objects.get(pk=world.a_draft).specific
        revisions = page.revisions.count()

        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            news_form_data(page, title="Opublikowane?", **{"action-publish": "1"}),
        )

        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        page = Page.objects.get(pk=page.pk)
        assert not page.live
        assert page.revisions.count() == revisions


class ForeignMediaTests:
    def test_an_editor_cannot_put_another_organisations_image_on_their_page_by_id(self, world, client):
        page = Page.objects.get(pk=world.a_live).specific
        client.force_login(_user(world, "editor_a"))
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])

        response = client.post(url, news_form_data(page, main_image=str(world.image_b)))

        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        assert page.revisions.count() == 0

        response = client.post(url, news_form_data(page, main_image=str(world.image_a)))
        assert response.status_code == 302 and response["Location"] != reverse("wagtailadmin_home")
        assert Page.objects.get(pk=page.pk).get_latest_revision().content["main_image"] == world.image_a


class LockingTests:
    def test_a_second_editor_sees_who_holds_the_lock_and_cannot_save(self, world, client):
        holder = _user(world, "editor_a")
        colleague = make_user("editor_a2", holder.groups.get())
        holder.first_name, holder.last_name = "Anna", "Nowak"
        holder.save()
        page = Page.objects.get(pk=world.a_live).specific
        client.force_login(holder)
        assert client.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302

        client.force_login(colleague)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert "Anna Nowak" in html
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), news_form_data(page, title="Nadpisane"))
        assert Page.objects.get(pk=page.pk).get_latest_revision() is None or (
            Page.objects.get(pk=page.pk).get_latest_revision().content["title"] != "Nadpisane"
        )
        assert PageLogEntry.objects.filter(page=page, action="wagtail.lock", user=holder).exists()


class WorkflowSetupTests:
    def test_no_workflow_is_left_active_that_nothing_uses(self, admin_client):
        # Wagtail's migration puts its own "Moderators approval" on the root page; ours replaces it there.
        assert Workflow.objects.get(name="Moderators approval").active
        build_network_tree()
        network_add(name="Siec A", kind="municipality", host="a.localhost", language_codes=("en", "de"))

        editorial_setup()

        unused = Workflow.objects.filter(active=True, workflow_pages__isnull=True, workflow_content_types__isnull=True)
        assert list(unused.values_list("name", flat=True)) == []
        assert not Workflow.objects.get(name="Moderators approval").active
        # What a moderator choosing a workflow sees: the list of active ones.
        listing = admin_client.get(reverse("wagtailadmin_workflows:index")).content.decode()
        assert "Moderators approval" not in listing
        assert WORKFLOW_NAME in listing and "Siec A: content approval" in listing
