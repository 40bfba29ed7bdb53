"""Who can do what: every role against every editorial action, through real HTTP requests.

The table below is the product's promise; docs/editorial.md shows the same
table for people. Each case is one request to the admin or the public site,
and every write that must not happen is checked to have changed nothing.

Outcomes
    OK         the request succeeds (200 for a read; a redirect onwards for a
               write) and the change is really made
    LOGIN      302 to the admin login: no session, or no admin access at all
               (an archived organisation's editors keep their account but lose
               every permission); nothing changed
    DENIED     Wagtail's admin refusal: 302 to the dashboard with "Sorry, you
               do not have permission to access this area.", or a 403 from
               editorial/isolation.py's guards; nothing changed
    NOT_FOUND  404, and the page's text is not in the response
    OWN        the upload is saved, but into the user's own collection: an
               editor who may upload to one collection only gets no collection
               field, so a forged collection id is ignored; nothing lands in
               the other organisation's collection
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, TaskState, WorkflowState

import pytest

from core.models import SiteImage
from initiatives.models import NewsPage

from .conftest import home_form_data, news_form_data

OK, LOGIN, DENIED, NOT_FOUND, OWN = "OK", "LOGIN", "DENIED", "NOT_FOUND", "OWN"

ANONYMOUS = "anonymous"
EDITOR_A = "editor_a"
EDITOR_B = "editor_b"
TRANSLATOR = "translator"  # Translators (de)
MODERATOR = "moderator"
ADMINISTRATOR = "administrator"  # Site administrators (users, groups, settings)
ARCHIVED = "archived_editor"  # editor of organisation C, which is archived


# fmt: off
PERMISSION_MATRIX = [
    # role          action                         expected
    (ANONYMOUS,     "view draft (public URL)",     NOT_FOUND),
    (ANONYMOUS,     "preview draft",               LOGIN),
    (ANONYMOUS,     "edit page of A",              LOGIN),
    (ANONYMOUS,     "edit page of B",              LOGIN),
    (ANONYMOUS,     "edit German home page",       LOGIN),
    (ANONYMOUS,     "add page under B",            LOGIN),
    (ANONYMOUS,     "move page out of section",    LOGIN),
    (ANONYMOUS,     "publish",                     LOGIN),
    (ANONYMOUS,     "approve",                     LOGIN),
    (ANONYMOUS,     "reject",                      LOGIN),
    (ANONYMOUS,     "delete",                      LOGIN),
    (ANONYMOUS,     "upload image to A",           LOGIN),
    (ANONYMOUS,     "upload image to B",           LOGIN),
    (ANONYMOUS,     "choose image of B",           LOGIN),
    (ANONYMOUS,     "edit document of B",          LOGIN),
    (ANONYMOUS,     "unlock",                      LOGIN),
    (ANONYMOUS,     "manage users",                LOGIN),

    (EDITOR_A,      "view draft (public URL)",     NOT_FOUND),
    (EDITOR_A,      "preview draft",               OK),
    (EDITOR_A,      "edit page of A",              OK),
    (EDITOR_A,      "edit page of B",              DENIED),
    (EDITOR_A,      "edit German home page",       DENIED),
    (EDITOR_A,      "add page under B",            DENIED),
    (EDITOR_A,      "move page out of section",    DENIED),
    (EDITOR_A,      "publish",                     DENIED),
    (EDITOR_A,      "approve",                     DENIED),
    (EDITOR_A,      "reject",                      DENIED),
    (EDITOR_A,      "delete",                      DENIED),
    (EDITOR_A,      "upload image to A",           OK),
    (EDITOR_A,      "upload image to B",           OWN),
    (EDITOR_A,      "choose image of B",           DENIED),
    (EDITOR_A,      "edit document of B",          DENIED),
    (EDITOR_A,      "unlock",                      OK),      # the lock is editor A's own
    (EDITOR_A,      "manage users",                DENIED),

    (EDITOR_B,      "view draft (public URL)",     NOT_FOUND),
    (EDITOR_B,      "preview draft",               DENIED),
    (EDITOR_B,      "edit page of A",              DENIED),
    (EDITOR_B,      "edit page of B",              OK),
    (EDITOR_B,      "edit German home page",       DENIED),
    (EDITOR_B,      "add page under B",            OK),
    (EDITOR_B,      "move page out of section",    DENIED),
    (EDITOR_B,      "publish",                     DENIED),
    (EDITOR_B,      "approve",                     DENIED),
    (EDITOR_B,      "reject",                      DENIED),
    (EDITOR_B,      "delete",                      DENIED),
    (EDITOR_B,      "upload image to A",           OWN),
    (EDITOR_B,      "upload image to B",           OK),
    (EDITOR_B,      "choose image of B",           OK),
    (EDITOR_B,      "edit document of B",          OK),
    (EDITOR_B,      "unlock",                      DENIED),
    (EDITOR_B,      "manage users",                DENIED),

    (TRANSLATOR,    "view draft (public URL)",     NOT_FOUND),
    (TRANSLATOR,    "preview draft",               DENIED),
    (TRANSLATOR,    "edit page of A",              DENIED),  # a Polish (source) page
    (TRANSLATOR,    "edit page of B",              DENIED),
    (TRANSLATOR,    "edit German home page",       OK),
    (TRANSLATOR,    "add page under B",            DENIED),
    (TRANSLATOR,    "move page out of section",    DENIED),
    (TRANSLATOR,    "publish",                     DENIED),
    (TRANSLATOR,    "approve",                     DENIED),
    (TRANSLATOR,    "reject",                      DENIED),
    (TRANSLATOR,    "delete",                      DENIED),
    (TRANSLATOR,    "upload image to A",           DENIED),
    (TRANSLATOR,    "upload image to B",           DENIED),
    (TRANSLATOR,    "choose image of B",           DENIED),
    (TRANSLATOR,    "edit document of B",          DENIED),
    (TRANSLATOR,    "unlock",                      DENIED),
    (TRANSLATOR,    "manage users",                DENIED),

    (MODERATOR,     "view draft (public URL)",     NOT_FOUND),
    (MODERATOR,     "preview draft",               OK),
    (MODERATOR,     "edit page of A",              OK),
    (MODERATOR,     "edit page of B",              OK),
    (MODERATOR,     "edit German home page",       OK),
    (MODERATOR,     "add page under B",            OK),
    (MODERATOR,     "move page out of section",    OK),
    (MODERATOR,     "publish",                     OK),
    (MODERATOR,     "approve",                     OK),
    (MODERATOR,     "reject",                      OK),
    (MODERATOR,     "delete",                      OK),
    (MODERATOR,     "upload image to A",           OK),
    (MODERATOR,     "upload image to B",           OK),
    (MODERATOR,     "choose image of B",           OK),
    (MODERATOR,     "edit document of B",          OK),
    (MODERATOR,     "unlock",                      OK),
    (MODERATOR,     "manage users",                DENIED),

    (ADMINISTRATOR, "view draft (public URL)",     NOT_FOUND),
    (ADMINISTRATOR, "preview draft",               DENIED),
    (ADMINISTRATOR, "edit page of A",              DENIED),
    (ADMINISTRATOR, "edit page of B",              DENIED),
    (ADMINISTRATOR, "edit German home page",       DENIED),
    (ADMINISTRATOR, "add page under B",            DENIED),
    (ADMINISTRATOR, "move page out of section",    DENIED),
    (ADMINISTRATOR, "publish",                     DENIED),
    (ADMINISTRATOR, "approve",                     DENIED),
    (ADMINISTRATOR, "reject",                      DENIED),
    (ADMINISTRATOR, "delete",                      DENIED),
    (ADMINISTRATOR, "upload image to A",           DENIED),
    (ADMINISTRATOR, "upload image to B",           DENIED),
    (ADMINISTRATOR, "choose image of B",           DENIED),
    (ADMINISTRATOR, "edit document of B",          DENIED),
    (ADMINISTRATOR, "unlock",                      DENIED),
    (ADMINISTRATOR, "manage users",                OK),

    (ARCHIVED,      "view draft (public URL)",     NOT_FOUND),
    (ARCHIVED,      "preview draft",               LOGIN),
    (ARCHIVED,      "edit page of A",              LOGIN),
    (ARCHIVED,      "edit page of B",              LOGIN),
    (ARCHIVED,      "edit German home page",       LOGIN),
    (ARCHIVED,      "add page under B",            LOGIN),
    (ARCHIVED,      "move page out of section",    LOGIN),
    (ARCHIVED,      "publish",                     LOGIN),
    (ARCHIVED,      "approve",                     LOGIN),
    (ARCHIVED,      "reject",                      LOGIN),
    (ARCHIVED,      "delete",                      LOGIN),
    (ARCHIVED,      "upload image to A",           LOGIN),
    (ARCHIVED,      "upload image to B",           LOGIN),
    (ARCHIVED,      "choose image of B",           LOGIN),
    (ARCHIVED,      "edit document of B",          LOGIN),
    (ARCHIVED,      "unlock",                      LOGIN),
    (ARCHIVED,      "manage users",                LOGIN),
]
# fmt: on


@dataclass
class Action:
    """One HTTP request, and how to tell whether its change happened."""

    request: Callable
    happened: Callable = None  # None for reads
    text: str = ""  # for reads: what the page must (OK) or must not (otherwise) show


def _latest_title(page_id):
    page = Page.objects.get(pk=page_id)
    revision = page.get_latest_revision()
    return revision.content["title"] if revision else page.title


def _task_state_id(world):
    return TaskState.objects.get(
        workflow_state__object_id=str(world.a_submitted), status=TaskState.STATUS_IN_PROGRESS
    ).pk


def _upload(client, collection_id):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Uploaded photo",
            "file": SimpleUploadedFile("photo.png", get_test_image_file().file.getvalue(), "image/png"),
            "description": "A group photo at the fair",
            "collection": collection_id,
            "tags": "",
        },
    )


ACTIONS = {
    "view draft (public URL)": Action(
        request=lambda client, w: client.get("/pl/czlonkowie/aktywni/szkic/"), text="Tajny szkic"
    ),
    "preview draft": Action(
        request=lambda client, w: client.get(reverse("wagtailadmin_pages:view_draft", args=[w.a_draft])),
        text="Tajny szkic",
    ),
    "edit page of A": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:edit", args=[w.a_live]), news_form_data(w.page("a_live"), title="Edited")
        ),
        happened=lambda w: _latest_title(w.a_live) == "Edited",
    ),
    "edit page of B": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:edit", args=[w.b_live]), news_form_data(w.page("b_live"), title="Edited")
        ),
        happened=lambda w: _latest_title(w.b_live) == "Edited",
    ),
    "edit German home page": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:edit", args=[w.home_de]), home_form_data(w.page("home_de"), title="Bearbeitet")
        ),
        happened=lambda w: _latest_title(w.home_de) == "Bearbeitet",
    ),
    "add page under B": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:add", args=["initiatives", "newspage", w.org_b]),
            news_form_data(title="Planted news", slug="planted"),
        ),
        happened=lambda w: NewsPage.objects.filter(slug="planted").exists(),
    ),
    "move page out of section": Action(
        request=lambda client, w: client.post(reverse("wagtailadmin_pages:move_confirm", args=[w.a_live, w.org_b])),
        happened=lambda w: Page.objects.get(pk=w.a_live).get_parent().pk == w.org_b,
    ),
    "publish": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:edit", args=[w.a_draft]),
            news_form_data(w.page("a_draft"), **{"action-publish": "publish"}),
        ),
        happened=lambda w: Page.objects.get(pk=w.a_draft).live,
    ),
    "approve": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[w.a_submitted, "approve", _task_state_id(w)]),
            {"comment": ""},
        ),
        happened=lambda w: Page.objects.get(pk=w.a_submitted).live,
    ),
    "reject": Action(
        request=lambda client, w: client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[w.a_submitted, "reject", _task_state_id(w)]),
            {"comment": "Please add the date."},
        ),
        happened=lambda w: WorkflowState.objects.filter(
            object_id=str(w.a_submitted), status=WorkflowState.STATUS_NEEDS_CHANGES
        ).exists(),
    ),
    "delete": Action(
        request=lambda client, w: client.post(reverse("wagtailadmin_pages:delete", args=[w.a_live])),
        happened=lambda w: not Page.objects.filter(pk=w.a_live).exists(),
    ),
    "upload image to A": Action(
        request=lambda client, w: _upload(client, w.collection_a),
        happened=lambda w: SiteImage.objects.filter(title="Uploaded photo", collection_id=w.collection_a).exists(),
    ),
    "upload image to B": Action(
        request=lambda client, w: _upload(client, w.collection_b),
        happened=lambda w: SiteImage.objects.filter(title="Uploaded photo", collection_id=w.collection_b).exists(),
    ),
    "choose image of B": Action(
        request=lambda client, w: client.get(reverse("wagtailimages_chooser:chosen", args=[w.image_b])),
        text="Logo B",
    ),
    "edit document of B": Action(
        request=lambda client, w: client.post(
            reverse("wagtaildocs:edit", args=[w.document_b]),
            {"title": "Forged title", "collection": w.collection_b, "tags": ""},
        ),
        happened=lambda w: Document.objects.get(pk=w.document_b).title == "Forged title",
    ),
    "unlock": Action(
        request=lambda client, w: client.post(reverse("wagtailadmin_pages:unlock", args=[w.a_locked])),
        happened=lambda w: not Page.objects.get(pk=w.a_locked).locked,
    ),
    "manage users": Action(
        request=lambda client, w: client.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "newcomer",
                "email": "newcomer@example.org",
                "first_name": "New",
                "last_name": "Comer",
                "password1": "a long enough passphrase 42",
                "password2": "a long enough passphrase 42",
                "is_active": "on",
            },
        ),
        happened=lambda w: get_user_model().objects.filter(username="newcomer").exists(),
    ),
}


def test_matrix_covers_every_role_and_action_once():
    cases = {(role, action) for role, action, _ in PERMISSION_MATRIX}
    assert len(cases) == len(PERMISSION_MATRIX) >= 80
    roles = {role for role, _, _ in PERMISSION_MATRIX}
    assert cases == {(role, action) for role in roles for action in ACTIONS}


def _errors(response):
    form = (response.context or {}).get("form") if response.status_code == 200 else None
    return getattr(form, "errors", None)


def _outcome(response):
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    # The message is in the user's admin language: check its level, not its words.
    refused = any(message.level == messages.ERROR for message in response.wsgi_request._messages)
    if response.status_code == 302 and location == reverse("wagtailadmin_home") and refused:
        return DENIED
    if response.status_code == 403:
        return DENIED  # Wagtail's refusal of the admin's own JavaScript (X-Requested-With)
    if response.status_code == 404:
        return NOT_FOUND
    if response.status_code == 200 and b"error-message" in response.content:
        return "form errors"
    if response.status_code in (200, 302):
        return OK
    return f"unexpected {response.status_code}"


@pytest.mark.parametrize(
    ("role", "action", "expected"), PERMISSION_MATRIX, ids=[f"{r}-{a}" for r, a, _ in PERMISSION_MATRIX]
)
def test_permission_matrix(shared_world, db, login, role, action, expected):
    step = ACTIONS[action]
    client = login(shared_world, role)

    response = step.request(client, shared_world)

    if expected == OWN:
        own = {EDITOR_A: shared_world.collection_a, EDITOR_B: shared_world.collection_b}[role]
        assert _outcome(response) == OK
        assert step.happened(shared_world) is False
        assert SiteImage.objects.filter(title="Uploaded photo", collection_id=own).exists()
        return
    assert _outcome(response) == expected, (response.status_code, response.get("Location"), _errors(response))
    if step.happened is not None:
        assert step.happened(shared_world) is (expected == OK), "the change happened" if expected != OK else "no change"
    elif step.text:
        assert (step.text in response.content.decode()) is (expected == OK)
