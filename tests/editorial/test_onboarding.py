"""Organisation onboarding, renaming and archiving; roles and workflow setup."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from editorial.services import (
    TASK_NAME,
    WORKFLOW_NAME,
    editorial_setup,
    organisation_archive,
    organisation_onboard,
    organisation_restore,
)
from partners.models import MemberOrganisationPage, OrganisationStatus
from tests import factories

from .conftest import make_user

pytestmark = pytest.mark.django_db


def _access(organisation):
    organisation.refresh_from_db()
    group = organisation.editors_group
    return {
        "group": (group.pk, group.name),
        "collection": (organisation.collection.pk, organisation.collection.name),
        "group_permissions": sorted(group.permissions.values_list("codename", flat=True)),
        "page_permissions": sorted(
            GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission__codename")
        ),
    }


class OnboardingTests:
    def test_onboarding_gives_the_organisation_rights_on_its_own_section_only(self, tree):
        organisation = organisation_onboard(organisation=tree.organisation)

        access = _access(organisation)
        assert access["group"][1] == "MOPS editors"
        assert access["collection"][1] == "MOPS"
        assert access["group_permissions"] == ["access_admin"]
        assert access["page_permissions"] == [
            (organisation.pk, "add_page"),
            (organisation.pk, "change_page"),
            (organisation.pk, "lock_page"),
        ]
        assert {codename for _, codename in access["collection_permissions"]} == {
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        }
        assert {collection for collection, _ in access["collection_permissions"]} == {organisation.collection_id}

    def test_onboarding_twice_changes_nothing_and_logs_nothing_new(self, tree):
        organisation = organisation_onboard(organisation=tree.organisation)
        first = _access(organisation)
        counts = (Group.objects.count(), Collection.objects.count(), PageLogEntry.objects.count())

        organisation_onboard(organisation=MemberOrganisationPage.objects.get(pk=organisation.pk))

        assert _access(organisation) == first
        assert (Group.objects.count(), Collection.objects.count(), PageLogEntry.objects.count()) == counts

    def test_setup_editorial_twice_gives_the_same_groups_workflow_and_permissions(self, tree):
        editorial_setup()
        snapshot = (
            sorted(Group.objects.values_list("name", flat=True)),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            Workflow.objects.filter(name=WORKFLOW_NAME).count(),
        )
        editorial_setup()
        assert snapshot == (
            sorted(Group.objects.values_list("name", flat=True)),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            1,
        )
        assert {"Moderators", "Site administrators", "Translators (en)", "Translators (de)", "MOPS editors"} <= set(
            snapshot[0]
        )
        workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
        assert workflow.name == WORKFLOW_NAME
        assert [task.name for task in workflow.tasks] == [TASK_NAME]

    def test_creating_an_organisation_in_the_admin_onboards_it(self, world, client):
        client.force_login(get_user_model().objects.get(pk=world.users["moderator"]))

        response = client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["partners", "memberorganisationpage", world.page("org_a").get_parent().pk],
            ),
            nested_form_data(
                {
                    "title": "Klub Seniora",
                    "slug": "klub-seniora",
                    "kind": "ngo",
                    "role": "member",
                    "joined_on": "",
                    "left_on": "",
                    "summary": "",
                    "description": streamfield([]),
                    "website": "",
                    "email": "",
                    "phone": "",
                    "address": "",
                    "comments": inline_formset([]),
                    "listing_title": "",
                    "listing_summary": "",
                    "seo_title": "",
                    "search_description": "",
                    "action-publish": "1",
                }
            ),
        )

        assert response.status_code == 302, response.context["form"].errors if response.context else ""
        organisation = MemberOrganisationPage.objects.get(slug="klub-seniora")
        assert organisation.editors_group.name == "Klub Seniora editors"
        assert organisation.collection.name == "Klub Seniora"
        assert PageLogEntry.objects.filter(page=organisation, action="partnerhub.organisation.onboarded").exists()

    def test_add_organisation_command_creates_once_and_repairs_on_rerun(self, tree):
        out = StringIO()
        call_command("add_organisation", "Parafia św. Mikołaja", "--kind", "parish", "--role", "signatory", stdout=out)
        call_command("add_organisation", "Parafia św. Mikołaja", "--kind", "parish", "--role", "signatory", stdout=out)

        organisation = MemberOrganisationPage.objects.get(title="Parafia św. Mikołaja")
        assert organisation.live and organisation.kind == "parish" and organisation.role == "signatory"
        assert Group.objects.filter(name="Parafia św. Mikołaja editors").count() == 1
        assert Collection.objects.filter(name="Parafia św. Mikołaja").count() == 1
        assert "group 'Parafia św. Mikołaja editors'" in out.getvalue()

    def test_add_organisation_rejects_an_unknown_kind_by_name(self, tree):
        with pytest.raises(Exception, match="kind"):
            call_command("add_organisation", "X", "--kind", "guild")
        assert not MemberOrganisationPage.objects.filter(title="X").exists()


class RenamingTests:
    def test_publishing_a_new_name_renames_the_group_and_collection_and_keeps_them(self, world):
        organisation = world.page("org_a")
        before = _access(organisation)
        organisation.title = "Aktywni z pasją"
        organisation.save_revision().publish()

        after = _access(MemberOrganisationPage.objects.get(pk=organisation.pk))
        assert after["group"] == (before["group"][0], "Aktywni z pasją editors")
        assert after["collection"] == (before["collection"][0], "Aktywni z pasją")
        assert after["page_permissions"] == before["page_permissions"]
        editor = get_user_model().objects.get(pk=world.users["editor_a"])
        assert editor.groups.get().pk == before["group"][0]

    def test_two_organisations_with_the_same_name_get_distinct_groups(self, tree):
        twin = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="MOPS", slug="mops-2")
        first = organisation_onboard(organisation=tree.organisation)
        second = organisation_onboard(organisation=twin)
        assert first.editors_group_id != second.editors_group_id
        assert second.editors_group.name == f"MOPS editors (#{twin.pk})"


class ArchivingTests:
    def test_archiving_revokes_access_and_keeps_the_pages_and_their_history(self, world, client):
        organisation = world.page("org_a")
        editor = get_user_model().objects.get(pk=world.users["editor_a"])
        client.force_login(editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=[world.a_live])
        assert client.get(edit_url).status_code == 200

        organisation_archive(organisation=organisation)

        organisation.refresh_from_db()
        assert organisation.status == OrganisationStatus.ARCHIVED
        response = client.get(edit_url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))
        assert _access(organisation)["page_permissions"] == []
        assert _access(organisation)["collection_permissions"] == []
        # The public still sees what the organisation published; the history stays.
        client.logout()
        assert client.get("/pl/czlonkowie/aktywni/festyn/").status_code == 200
        assert PageLogEntry.objects.filter(page=organisation, action="partnerhub.organisation.access_revoked").exists()
        assert PageLogEntry.objects.filter(page=organisation, action="partnerhub.organisation.onboarded").exists()

        organisation_restore(organisation=organisation)
        client.force_login(editor)
        assert client.get(edit_url).status_code == 200

    def test_archive_command_names_a_missing_page_clearly(self, tree):
        with pytest.raises(Exception, match="page_id"):
            call_command("archive_organisation", "999999")

    def test_the_archived_editor_account_remains_but_cannot_reach_the_admin(self, world, client):
        client.force_login(get_user_model().objects.get(pk=world.users["archived_editor"]))
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


class TranslatorTests:
    def test_translators_get_their_language_home_page_and_never_the_source_tree(self, world):
        de = Group.objects.get(name="Translators (de)")
        en = Group.objects.get(name="Translators (en)")
        assert set(GroupPagePermission.objects.filter(group=de).values_list("page_id", flat=True)) == {world.home_de}
        # No English tree yet: the group exists with no page at all.
        assert not GroupPagePermission.objects.filter(group=en).exists()

    def test_moderators_are_the_only_approvers_of_the_workflow(self, world):
        workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
        task = workflow.tasks.get().specific
        assert [group.name for group in task.groups.all()] == ["Moderators"]
        make_user("outsider")  # a user in no group is never an approver
        assert not task.groups.filter(user__username="outsider").exists()
