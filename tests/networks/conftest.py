"""Two networks on one PartnerHub, made the way an operator makes them (``network_add``).

Network A is a local partnership, network B an association of municipalities with its member
towns. Each has one organisation with an editor, a moderator, a draft, a
submission waiting in its own workflow, an image and a document. Nothing in
one may be read or changed from the other.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents.models import Document
from wagtail.models import Page

import pytest

from core.models import NetworkKind
from editorial.services import organisation_create
from networks.services import network_add
from partners.models import MemberOrganisationIndexPage
from tests import factories
from tests.conftest import ensure_wagtail_roots

PASSWORD = "correct horse battery staple"
NETWORKS = ("a", "b")


@dataclass
class Side:
    """One network's objects, by primary key (tests re-read the database)."""

    site: int
    home: int
    organisation: int
    draft: int
    draft_revision: int
    submitted: int
    image: int
    document: int
    collection: int


@dataclass
class TwoNetworks:
    a: Side
    b: Side
    users: dict

    def side(self, name):
        return getattr(self, name)

    def user(self, role):
        return get_user_model().objects.get(pk=self.users[role])


def secret(network, what):
    """ASCII, so it reads the same in HTML, in JSON and in escaped JSON."""
    return f"Sekret {what} sieci {network.upper()}"


def _side(name, *, kind, host, users):
    result = network_add(name=f"Siec {name.upper()}", kind=kind, host=host)
    index = MemberOrganisationIndexPage.objects.child_of(result.home).get()
    organisation = organisation_create(name=f"Organizacja {name.upper()}", kind="ngo", role="member", parent=index)
    User = get_user_model()
    editor = User.objects.create_user(f"editor_{name}", f"editor_{name}@example.org", PASSWORD)
    editor.groups.add(organisation.editors_group)
    moderator = User.objects.create_user(f"moderator_{name}", f"moderator_{name}@example.org", PASSWORD)
    moderator.groups.add(result.network.moderators)
    users.update({f"editor_{name}": editor.pk, f"moderator_{name}": moderator.pk})

    draft = factories.NewsPageFactory(parent=organisation, title=secret(name, "draft"), slug="szkic", live=False)
    revision = draft.save_revision(user=editor)
    submitted = factories.NewsPageFactory(
        parent=organisation, title=secret(name, "submitted"), slug="zgloszenie", live=False
    )
    submitted.save_revision(user=editor)
    submitted.get_workflow().start(submitted, editor)
    image = factories.ImageFactory(title=secret(name, "image"), collection=organisation.collection)
    document = Document.objects.create(
        title=secret(name, "document"),
        collection=organisation.collection,
        file=ContentFile(b"statut", name=f"statut-{name}.txt"),
    )
    return Side(
        site=result.site.pk,
        home=result.home.pk,
        organisation=organisation.pk,
        draft=draft.pk,
        draft_revision=revision.pk,
        submitted=submitted.pk,
        image=image.pk,
        document=document.pk,
        collection=result.network.collection.pk,
    )


def build_two_networks():
    ensure_wagtail_roots()
    # Wagtail's welcome page would take the default site: the tests' networks are the only ones.
    Page.objects.filter(depth=2).delete()
    users = {}
    a = _side("a", kind=NetworkKind.LOCAL_PARTNERSHIP, host="siec-a.localhost:8000", users=users)
    b = _side("b", kind=NetworkKind.ASSOCIATION_OF_MUNICIPALITIES, host="siec-b.localhost:8000", users=users)
    superuser = get_user_model().objects.create_superuser("superuser", "superuser@example.org", PASSWORD)
    users["superuser"] = superuser.pk
    return TwoNetworks(a=a, b=b, users=users)


@pytest.fixture
def networks(db):
    return build_two_networks()


@pytest.fixture(scope="module")
def shared_networks(django_db_setup, django_db_blocker):
    """One pair of networks for a module, rolled back at its end; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_two_networks()
        transaction.set_rollback(True)
