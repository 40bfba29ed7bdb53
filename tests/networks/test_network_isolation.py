"""What a network's people read and change in another network, through every admin route: nothing.

Each read case names a route and the secret it would show (the other
network's draft title, its image, its document, its submission). The
network's own moderator, the organisation's editor (for its own section) and
superusers must see it (status 200 and the secret in the body, so a guard
that shuts everyone out fails too); the other network's moderator and editor
must not, whatever the status. Each write case is a forbidden change,
followed by a check that the database did not change.
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState, WorkflowState

import pytest
from PIL import Image

from tests.editorial.conftest import news_form_data

from .conftest import NETWORKS, secret

OTHER = {"a": "b", "b": "a"}
# Superusers see everything; tests/editorial/test_admin_read_isolation.py checks that they do.
ROLES = ("moderator_a", "editor_a", "moderator_b", "editor_b")


def readers(network, *, editor=True):
    return {f"moderator_{network}", *([f"editor_{network}"] if editor else [])}


# (route, what the secret is, whether the organisation's editor may read it too)
READ_ROUTES = [
    ("/admin/pages/{organisation}/", "draft", True),
    ("/admin/pages/{draft}/edit/", "draft", True),
    ("/admin/pages/{draft}/history/", "draft", True),
    ("/admin/pages/{draft}/revisions/{draft_revision}/view/", "draft", True),
    ("/admin/pages/{draft}/view_draft/", "draft", True),
    ("/admin/pages/{submitted}/workflow_history/", "submitted", True),
    ("/admin/choose-page/{organisation}/", "draft", True),
    ("/admin/choose-page/search/?q=Sekret", "draft", True),
    ("/admin/pages/search/?q=Sekret", "draft", True),
    ("/admin/api/main/pages/?child_of={organisation}", "draft", True),
    ("/admin/api/main/pages/{draft}/", "draft", True),
    ("/admin/localize/submit/page/{draft}/", "draft", True),
    ("/admin/", "submitted", True),
    ("/admin/images/", "image", True),
    ("/admin/images/{image}/", "image", True),
    ("/admin/images/chooser/", "image", True),
    ("/admin/api/main/images/", "image", True),
    ("/admin/documents/", "document", True),
    ("/admin/documents/edit/{document}/", "document", True),
    ("/admin/documents/chooser/", "document", True),
    ("/admin/api/main/documents/", "document", True),
]

READ_CASES = [
    pytest.param(route, network, what, role, role in readers(network, editor=editor), id=f"{network}-{route}-{role}")
    for route, what, editor in READ_ROUTES
    for network in NETWORKS
    for role in ROLES
]


def as_user(networks, role):
    client = Client()
    client.force_login(networks.user(role))
    return client


def fill(route, side):
    return route.format(**vars(side))


@pytest.mark.parametrize(("route", "network", "what", "role", "allowed"), READ_CASES)
def test_a_network_s_admin_data_is_read_only_inside_it(shared_networks, db, route, network, what, role, allowed):
    response = as_user(shared_networks, role).get(fill(route, shared_networks.side(network)), follow=True)
    body = response.content.decode()
    if allowed:
        assert response.status_code == 200
        assert secret(network, what) in body
    else:
        assert secret(network, what) not in body


# --- writes ---------------------------------------------------------------------------------


def snapshot(networks, network):
    side = networks.side(network)
    pages = Page.objects.filter(path__startswith=Page.objects.get(pk=side.home).path)
    return {
        "pages": sorted(pages.values_list("pk", "title", "live", "path", "locked")),
        "revisions": Revision.objects.count(),
        "workflow": sorted(WorkflowState.objects.values_list("pk", "status")),
        "tasks": sorted(TaskState.objects.values_list("pk", "status")),
        "images": sorted(get_image_model().objects.values_list("pk", "title", "collection_id")),
    }


def publish_draft(client, side):
    draft = Page.objects.get(pk=side.draft).specific
    return client.post(f"/admin/pages/{side.draft}/edit/", news_form_data(draft, **{"action-publish": "publish"}))


def approve_submission(client, side):
    state = TaskState.objects.get(workflow_state__object_id=str(side.submitted), status="in_progress")
    return client.post(f"/admin/pages/workflow/action/{side.submitted}/approve/{state.pk}/", {"comment": ""})


def delete_page(client, side):
    return client.post(f"/admin/pages/{side.draft}/delete/")


def move_into_own_network(client, side, own):
    return client.post(f"/admin/pages/{side.draft}/move/{own.organisation}/confirm/")


def upload_into_collection(client, side):
    image = SimpleUploadedFile("obce.png", _png(), content_type="image/png")
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": image, "collection": side.collection, "title": "obce"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


def lock_page(client, side):
    return client.post(f"/admin/pages/{side.draft}/lock/")


def _png():
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


WRITES = [publish_draft, approve_submission, delete_page, move_into_own_network, upload_into_collection, lock_page]
WRITE_CASES = [
    pytest.param(write, network, role, id=f"{write.__name__}-{network}-by-{role}")
    for write in WRITES
    for network in NETWORKS
    for role in (f"moderator_{OTHER[network]}", f"editor_{OTHER[network]}")
]


@pytest.mark.parametrize(("write", "network", "role"), WRITE_CASES)
def test_nobody_changes_another_network(shared_networks, db, write, network, role):
    networks = shared_networks  # each test's changes are rolled back with its savepoint (db)
    side, own = networks.side(network), networks.side(OTHER[network])
    before = snapshot(networks, network)
    client = as_user(networks, role)
    if write is move_into_own_network:
        write(client, side, own)
    else:
        write(client, side)
    assert snapshot(networks, network) == before


@pytest.mark.parametrize("write", WRITES[:3], ids=lambda write: write.__name__)
def test_the_network_s_own_moderator_can_do_what_the_other_cannot(shared_networks, db, write):
    """The writes above are refused for being in the wrong network, not because they are malformed."""
    before = snapshot(shared_networks, "a")
    write(as_user(shared_networks, "moderator_a"), shared_networks.a)
    assert snapshot(shared_networks, "a") != before


def test_a_submission_waits_for_its_own_network_s_moderators_only(shared_networks, db):
    submitted = Page.objects.get(pk=shared_networks.a.submitted)
    task = submitted.get_workflow().tasks.get().specific
    names = set(task.groups.values_list("name", flat=True))
    assert "Siec A: moderators" in names and "Siec B: moderators" not in names
    User = get_user_model()
    assert task.user_can_access_editor(submitted, User.objects.get(username="moderator_a"))
    assert not task.user_can_access_editor(submitted, User.objects.get(username="moderator_b"))
