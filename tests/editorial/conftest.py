"""A small network with three organisations, one per kind of person who edits it.

Organisation A and B are active, C is archived. Every role of the editorial
model has one user; ``setup_editorial`` creates the groups and the workflow
exactly as in production.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from editorial.services import (
    MODERATORS,
    SITE_ADMINISTRATORS,
    editorial_setup,
    organisation_archive,
)
from tests import factories
from tests.conftest import build_network_tree

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    """Primary keys only: tests always re-read the database."""

    home: int
    home_de: int
    org_a: int
    org_b: int
    org_c: int
    a_draft: int
    a_live: int
    a_submitted: int
    a_locked: int
    b_live: int
    image_a: int
    image_b: int
    document_b: int
    collection_a: int
    collection_b: int
    users: dict

    def page(self, name):
        return Page.objects.get(pk=getattr(self, name)).specific


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )
    user.groups.add(*groups)
    return user


def news_form_data(page=None, **overrides):
    """What the admin's news form posts (the body is an empty StreamField)."""
    data = {
        "title": page.title if page else "Nowy news",
        "slug": page.slug if page else "nowy-news",
        "date": "2026-10-01",
        "intro": page.intro if page else "Lead paragraph.",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "listing_title": "",
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def home_form_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "hero_title": page.hero_title,
        "hero_text": "",
        "introduction": rich_text(""),
        "news_count": "3",
        "events_count": "4",
        "featured_initiatives": inline_formset([]),
        "partner_highlights": inline_formset([]),
        "comments": inline_formset([]),
        "listing_title": "",
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def build_world():
    tree = build_network_tree()
    de = Locale.objects.get_or_create(language_code="de")[0]
    home_de = tree.home.copy_for_translation(de)
    home_de.save_revision().publish()

    org_a = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Aktywni", slug="aktywni")
    org_b = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Caritas", slug="caritas")
    org_c = factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Dawni", slug="dawni")
    editorial_setup()
    organisation_archive(organisation=org_c)
    org_a, org_b, org_c = (Page.objects.get(pk=org.pk).specific for org in (org_a, org_b, org_c))

    users = {
        "editor_a": make_user("editor_a", org_a.editors_group),
        "editor_b": make_user("editor_b", org_b.editors_group),
        "translator": make_user("translator", Group.objects.get(name="Translators (de)")),
        "moderator": make_user("moderator", Group.objects.get(name=MODERATORS)),
        "administrator": make_user("administrator", Group.objects.get(name=SITE_ADMINISTRATORS)),
        "archived_editor": make_user("archived_editor", org_c.editors_group),
    }

    a_live = factories.NewsPageFactory(parent=org_a, title="Festyn rodzinny", slug="festyn")
    a_draft = factories.NewsPageFactory(parent=org_a, title="Tajny szkic", slug="szkic", live=False)
    a_draft.save_revision(user=users["editor_a"])
    a_submitted = factories.NewsPageFactory(parent=org_a, title="Do akceptacji", slug="do-akceptacji", live=False)
    a_submitted.save_revision(user=users["editor_a"])
    a_submitted.get_workflow().start(a_submitted, users["editor_a"])
    a_locked = factories.NewsPageFactory(parent=org_a, title="Zablokowany", slug="zablokowany")
    a_locked.locked, a_locked.locked_by, a_locked.locked_at = True, users["editor_a"], timezone.now()
    a_locked.save()
    b_live = factories.NewsPageFactory(parent=org_b, title="Zbiórka", slug="zbiorka")

    image_a = factories.ImageFactory(title="Logo A", collection=org_a.collection)
    image_b = factories.ImageFactory(title="Logo B", collection=org_b.collection)
    document_b = Document.objects.create(
        title="Statut B", collection=org_b.collection, file=ContentFile(b"statut", name="statut.txt")
    )
    return World(
        home=tree.home.pk,
        home_de=home_de.pk,
        org_a=org_a.pk,
        org_b=org_b.pk,
        org_c=org_c.pk,
        a_draft=a_draft.pk,
        a_live=a_live.pk,
        a_submitted=a_submitted.pk,
        a_locked=a_locked.pk,
        b_live=b_live.pk,
        image_a=image_a.pk,
        image_b=image_b.pk,
        document_b=document_b.pk,
        collection_a=org_a.collection_id,
        collection_b=org_b.collection_id,
        users={name: user.pk for name, user in users.items()},
    )


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """One world for a whole module, rolled back at its end; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def login(client):
    def as_user(world, role):
        if role != "anonymous":
            client.force_login(get_user_model().objects.get(pk=world.users[role]))
        return client

    return as_user
