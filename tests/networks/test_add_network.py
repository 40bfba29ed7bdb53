"""``manage.py add_network`` creates a whole network, and running it again changes nothing."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from wagtail.models import Collection, GroupPagePermission, Page, Site, Workflow, WorkflowState

import pytest

from core.models import NetworkSettings
from editorial.services import editorial_setup
from tests.conftest import ensure_wagtail_roots

pytestmark = pytest.mark.django_db


def add_network(*args):
    out = StringIO()
    call_command("add_network", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _roots():
    ensure_wagtail_roots()


def test_a_network_is_a_site_with_its_home_sections_moderators_workflow_and_collection():
    output = add_network("Aktywni z pasja", "--kind", "local-partnership", "--host", "boleslawiec.localhost:8000")

    site = Site.objects.get(hostname="boleslawiec.localhost", port=8000)
    network = NetworkSettings.objects.get(site=site)
    home = site.root_page.specific
    assert network.kind == "local-partnership"
    assert home.title == "Aktywni z pasja" and home.live
    assert [type(page.specific).__name__ for page in home.get_children()] == [
        "MemberOrganisationIndexPage",
        "InitiativeIndexPage",
        "NewsIndexPage",
    ]
    assert network.moderators.name == "Aktywni z pasja: moderators"
    assert network.collection.name == "Aktywni z pasja"
    assert home.get_workflow().name == "Aktywni z pasja: content approval"
    assert home.get_children().first().get_workflow().name == "Aktywni z pasja: content approval"
    assert set(GroupPagePermission.objects.filter(group=network.moderators).values_list("page_id", flat=True)) == {
        home.pk
    }
    assert "http://boleslawiec.localhost:8000/" in output


def test_the_network_serves_its_own_home_on_its_host():
    add_network("Siec A", "--kind", "municipality", "--host", "a.localhost:8000")
    add_network("Siec B", "--kind", "twinning-portal", "--host", "b.localhost:8000")

    on_a = Client().get("/pl/", HTTP_HOST="a.localhost:8000")
    on_b = Client().get("/pl/", HTTP_HOST="b.localhost:8000")

    assert on_a.status_code == on_b.status_code == 200
    assert "Siec A" in on_a.text and "Siec B" not in on_a.text
    assert "Siec B" in on_b.text and "Baza partnerstw" in on_b.text
    assert "Baza partnerstw" not in on_a.text  # the directory is the portal's


def test_running_it_again_creates_nothing_and_repairs_the_moderators_rights():
    add_network("Siec A", "--kind", "twin-town-association", "--host", "a.localhost:8000", "--languages", "en,de")
    counts = (Page.objects.count(), Group.objects.count(), Collection.objects.count(), Workflow.objects.count())
    moderators = NetworkSettings.objects.get().moderators
    GroupPagePermission.objects.filter(group=moderators).delete()  # someone removed them by hand

    output = add_network(
        "Siec A", "--kind", "twin-town-association", "--host", "a.localhost:8000", "--languages", "en,de"
    )

    assert "nothing to create" in output
    assert (Page.objects.count(), Group.objects.count(), Collection.objects.count(), Workflow.objects.count()) == counts
    # The rights are back, on the Polish home page and its draft translations.
    assert GroupPagePermission.objects.filter(group=moderators).values("page").distinct().count() == 3


def test_translations_start_as_drafts_so_no_reader_gets_polish_text_under_another_language():
    add_network("Siec A", "--kind", "municipality", "--host", "a.localhost:8000", "--languages", "en")

    english = Page.objects.filter(locale__language_code="en")
    assert english.count() == 4  # the home page and its three sections
    assert not english.filter(live=True).exists()
    response = Client().get("/en/", HTTP_HOST="a.localhost:8000", follow=True)
    assert response.redirect_chain[-1][0].endswith("/pl/")
    assert '<html lang="pl"' in response.text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Siec", "--kind", "municipality", "--host", "a b"], "host: 'a b' is not a host name"),
        (["Siec", "--kind", "municipality", "--host", "a.localhost:99999"], "'99999' is not a port number"),
        (["  ", "--kind", "municipality", "--host", "a.localhost"], "name: A network needs a name"),
        (["Siec", "--kind", "municipality", "--host", "a.localhost", "--languages", "xx"], "xx"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field_and_nothing_is_created(args, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        add_network(*args)
    assert Page.objects.count() == pages
    assert not Site.objects.filter(hostname__endswith=".localhost").exists()


def test_each_language_of_a_network_has_its_own_translators_who_cannot_edit_another_network(client):
    add_network("Siec A", "--kind", "municipality", "--host", "a.localhost:8000", "--languages", "de")
    add_network("Siec B", "--kind", "municipality", "--host", "b.localhost:8000", "--languages", "de")
    german_a = Page.objects.get(locale__language_code="de", depth=2, title="Siec A")
    german_b = Page.objects.get(locale__language_code="de", depth=2, title="Siec B")
    translator = get_user_model().objects.create_user("tlumacz", "tlumacz@example.org", "x")
    translator.groups.add(Group.objects.get(name="Siec A: translators (de)"))
    client.force_login(translator)

    own = client.get(f"/admin/pages/{german_a.pk}/edit/")
    other = client.get(f"/admin/pages/{german_b.pk}/edit/", follow=True)
    polish_a = Page.objects.get(locale__language_code="pl", depth=2, title="Siec A")
    source = client.get(f"/admin/pages/{polish_a.pk}/edit/", follow=True)

    # A synced translation opens in wagtail-localize's editor, which carries the title in its data.
    assert own.status_code == 200 and "Siec A" in own.text
    assert "Siec B" not in other.text and other.redirect_chain
    assert source.redirect_chain and source.redirect_chain[-1][0] != f"/admin/pages/{polish_a.pk}/edit/"


def test_workflows_no_page_uses_are_switched_off_unless_a_submission_is_still_in_it():

    add_network("Siec A", "--kind", "municipality", "--host", "a.localhost:8000")
    forgotten = Workflow.objects.create(name="Stary obieg", active=True)
    busy = Workflow.objects.create(name="Obieg w toku", active=True)
    home = Site.objects.get(hostname="a.localhost").root_page
    WorkflowState.objects.create(
        workflow=busy,
        base_content_type=home.cached_content_type,
        content_type=home.cached_content_type,
        object_id=str(home.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )

    editorial_setup()

    assert not Workflow.objects.get(pk=forgotten.pk).active
    assert Workflow.objects.get(pk=busy.pk).active
    assert home.get_workflow().name == "Siec A: content approval" and home.get_workflow().active
