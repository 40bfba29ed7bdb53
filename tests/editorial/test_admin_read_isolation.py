"""What each role reads through the admin's side routes: families × roles, by the response body.

Each case names a route, a secret the route would show (another
organisation's draft title, a subscriber's e-mail, a private image's title…)
and the roles that may read it. For every other role the secret must not be in
the body, whatever the status; for the allowed roles it must be (status 200),
so a guard that shuts everyone out fails too. docs/editorial.md ("Side routes
of the admin") says the same for people.

Secrets are ASCII so they read the same in HTML, in DRF's JSON and in the
choosers' escaped JSON.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page

import pytest

from engagement.models import AccessionRequest, ContactFormField, ContactFormPage, NewsletterIssue, Subscriber
from engagement.models.newsletter import ConsentText
from tests import factories

from .conftest import build_world

ANONYMOUS, EDITOR_A, EDITOR_B, TRANSLATOR = "anonymous", "editor_a", "editor_b", "translator"
MODERATOR, ADMINISTRATOR, SUPERUSER = "moderator", "administrator", "superuser"
ROLES = (ANONYMOUS, EDITOR_A, EDITOR_B, TRANSLATOR, MODERATOR, ADMINISTRATOR, SUPERUSER)

SUBSCRIBER_EMAIL = "sekretny.czytelnik@example.org"
APPLICANT = "Tajne Stowarzyszenie Sasiedzkie"
ISSUE_SUBJECT = "Szkic wydania listopadowego"
B_DRAFT = "Sekretny szkic B"
A_DRAFT = "Tajny szkic"  # build_world's draft of organisation A
A_SUBMITTED = "Do akceptacji"
PRIVATE_IMAGE = "Prywatne zdjecie B"
PRIVATE_DOCUMENT = "Poufny statut B"
FORM_MESSAGE = "Wiadomosc poufna do B"

PERSONAL = {MODERATOR, SUPERUSER}  # docs/engagement.md: subscribers, issues, applicants (no leader organisation here)
SECTION_B = {EDITOR_B, MODERATOR, SUPERUSER}
SECTION_A = {EDITOR_A, MODERATOR, SUPERUSER}
NETWORK = {MODERATOR, SUPERUSER}
ONLY_SUPERUSER = {SUPERUSER}
NOBODY = set()


@dataclass
class ReadWorld:
    base: object
    subscriber: int
    accession: int
    issue: int
    b_draft: int
    b_revision: int
    contact_b: int
    image: int
    document: int
    users: dict


def build_read_world():
    base = build_world()
    org_b = Page.objects.get(pk=base.org_b).specific
    superuser = get_user_model().objects.create_superuser(username="superuser", email="su@example.org", password="x")
    users = {**base.users, SUPERUSER: superuser.pk}

    b_draft = factories.NewsPageFactory(parent=org_b, title=B_DRAFT, slug="sekret-b", live=False)
    b_revision = b_draft.save_revision(user=get_user_model().objects.get(pk=base.users[EDITOR_B]))

    contact_b = ContactFormPage(title="Kontakt B", slug="kontakt", from_address="no-reply@example.org", subject="x")
    org_b.add_child(instance=contact_b)
    ContactFormField.objects.create(page=contact_b, label="Tresc", field_type="multiline", sort_order=0)
    FormSubmission.objects.create(page=contact_b, form_data={"tresc": FORM_MESSAGE})

    subscriber = Subscriber.objects.create(
        email=SUBSCRIBER_EMAIL, language="pl", consent=ConsentText.current("pl"), consented_at=timezone.now()
    )
    accession = AccessionRequest.objects.create(
        organisation_name=APPLICANT,
        kind=org_b.kind,
        contact_person="Jan Kowalski",
        email="jan@example.org",
        language="pl",
        consent_text="zgoda",
        consented_at=timezone.now(),
    )
    issue = NewsletterIssue.objects.create(subject=ISSUE_SUBJECT, language="pl")

    private = Collection.objects.get(pk=base.collection_b).add_child(name="Prywatne B")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    image = factories.ImageFactory(title=PRIVATE_IMAGE, collection=private)
    document = Document.objects.create(
        title=PRIVATE_DOCUMENT, collection=private, file=ContentFile(b"poufne", name="poufne.txt")
    )
    return ReadWorld(
        base=base,
        subscriber=subscriber.pk,
        accession=accession.pk,
        issue=issue.pk,
        b_draft=b_draft.pk,
        b_revision=b_revision.pk,
        contact_b=contact_b.pk,
        image=image.pk,
        document=document.pk,
        users=users,
    )


@pytest.fixture(scope="module")
def read_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_read_world()
        transaction.set_rollback(True)


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    url: str  # formatted with the world's ids
    secret: str
    allowed: frozenset


def case(family, name, url, secret, allowed):
    return Case(family, name, url, secret, frozenset(allowed))


def _snippet_cases(model, pk_name, secret, allowed, *, inspect=PERSONAL, history=ONLY_SUPERUSER):
    base = f"/admin/snippets/{model}/"
    chooser = f"/admin/snippets/choose/{model}/"
    label = model.split("/")[1]
    return [
        case("snippets", f"{label} listing", base, secret, allowed),
        case("snippets", f"{label} inspect", base + f"inspect/{{{pk_name}}}/", secret, inspect),
        # History needs "change".
        case("snippets", f"{label} history", base + f"history/{{{pk_name}}}/", secret, history),
        case("choosers", f"{label} chooser", chooser, secret, allowed),
        case("choosers", f"{label} chooser results", chooser + "results/", secret, allowed),
        case("choosers", f"{label} chosen", chooser + f"chosen/{{{pk_name}}}/", secret, allowed),
        case("choosers", f"{label} chosen multiple", chooser + f"chosen-multiple/?id={{{pk_name}}}", secret, allowed),
        case("localize API", f"{label} listing", f"/admin/localize/api/snippets/{model}/", secret, NOBODY),
        case("bulk", f"{label} delete", f"/admin/bulk/{model}/delete/?id={{{pk_name}}}", secret, ONLY_SUPERUSER),
    ]


CASES = [
    # Personal data: only the roles the records of processing name.
    *_snippet_cases("engagement/subscriber", "subscriber", SUBSCRIBER_EMAIL, PERSONAL),
    *_snippet_cases("engagement/accessionrequest", "accession", APPLICANT, PERSONAL),
    *_snippet_cases("engagement/newsletterissue", "issue", ISSUE_SUBJECT, PERSONAL, inspect=NOBODY, history=PERSONAL),
    case("forms", "form pages", "/admin/forms/", "Kontakt B", SECTION_B),
    case("forms", "submissions", "/admin/forms/submissions/{contact_b}/", FORM_MESSAGE, SECTION_B),
    # Other organisations' drafts.
    case("explorer", "section B", "/admin/pages/{org_b}/", B_DRAFT, SECTION_B),
    case("search", "page search", "/admin/pages/search/?q=Sekretny", B_DRAFT, SECTION_B),
    case("explorer", "edit", "/admin/pages/{b_draft}/edit/", B_DRAFT, SECTION_B),
    case("history", "page history", "/admin/pages/{b_draft}/history/", B_DRAFT, SECTION_B),
    case("revisions", "revision view", "/admin/pages/{b_draft}/revisions/{b_revision}/view/", B_DRAFT, SECTION_B),
    case("workflow views", "workflow history", "/admin/pages/{a_submitted}/workflow_history/", A_SUBMITTED, SECTION_A),
    case("explorer", "move: choose", "/admin/pages/{b_draft}/move/", B_DRAFT, SECTION_B),
    case("explorer", "move: confirm", "/admin/pages/{b_draft}/move/{org_a}/confirm/", B_DRAFT, NETWORK),
    case("explorer", "move: confirm (A's draft)", "/admin/pages/{a_draft}/move/{org_b}/confirm/", A_DRAFT, NETWORK),
    case("choosers", "page chooser: browse B", "/admin/choose-page/{org_b}/", B_DRAFT, SECTION_B),
    case("choosers", "page chooser: browse the draft", "/admin/choose-page/{b_draft}/", B_DRAFT, SECTION_B),
    case("choosers", "page chooser: search", "/admin/choose-page/search/?q=Sekretny", B_DRAFT, SECTION_B),
    case("choosers", "page chooser: chosen", "/admin/choose-page/chosen-multiple/?id={b_draft}", B_DRAFT, SECTION_B),
    case("bulk", "pages: delete", "/admin/bulk/wagtailcore/page/delete/?id={b_draft}", B_DRAFT, SECTION_B),
    case("bulk", "pages: publish", "/admin/bulk/wagtailcore/page/publish/?id={b_draft}", B_DRAFT, NETWORK),
    case("bulk", "pages: unpublish", "/admin/bulk/wagtailcore/page/unpublish/?id={b_draft}", B_DRAFT, NOBODY),
    case("bulk", "pages: move", "/admin/bulk/wagtailcore/page/move/?id={b_draft}", B_DRAFT, SECTION_B),
    case("reports", "page types usage", "/admin/reports/page-types-usage/", B_DRAFT, NETWORK),
    case("reports", "site history", "/admin/reports/site-history/", B_DRAFT, SECTION_B),
    case("reports", "workflow", "/admin/reports/workflow/", A_SUBMITTED, SECTION_A),
    case("reports", "locked pages", "/admin/reports/locked/", "Zablokowany", NETWORK),
    case("localize editor", "submit page", "/admin/localize/submit/page/{b_draft}/", B_DRAFT, NETWORK),
    case("admin API", "pages of B", "/admin/api/main/pages/?child_of={org_b}", B_DRAFT, SECTION_B),
    case("admin API", "page detail", "/admin/api/main/pages/{b_draft}/", B_DRAFT, SECTION_B),
    # Media, the login-restricted collection included.
    case("admin API", "images", "/admin/api/main/images/", PRIVATE_IMAGE, SECTION_B),
    case("admin API", "image detail", "/admin/api/main/images/{image}/", PRIVATE_IMAGE, SECTION_B),
    case("admin API", "documents", "/admin/api/main/documents/", PRIVATE_DOCUMENT, SECTION_B),
    case("admin API", "document detail", "/admin/api/main/documents/{document}/", PRIVATE_DOCUMENT, SECTION_B),
    case("bulk", "images: delete", "/admin/bulk/home/siteimage/delete/?id={image}", PRIVATE_IMAGE, SECTION_B),
    case(
        "bulk",
        "documents: delete",
        "/admin/bulk/wagtaildocs/document/delete/?id={document}",
        PRIVATE_DOCUMENT,
        SECTION_B,
    ),
    case("choosers", "image chooser", "/admin/images/chooser/", PRIVATE_IMAGE, SECTION_B),
    case("choosers", "image chosen", "/admin/images/chooser/chosen/{image}/", PRIVATE_IMAGE, SECTION_B),
    case("choosers", "document chooser", "/admin/documents/chooser/", PRIVATE_DOCUMENT, SECTION_B),
    case("choosers", "document chosen", "/admin/documents/chooser/chosen/{document}/", PRIVATE_DOCUMENT, SECTION_B),
    case("explorer", "images", "/admin/images/", PRIVATE_IMAGE, SECTION_B),
    case("explorer", "documents", "/admin/documents/", PRIVATE_DOCUMENT, SECTION_B),
]

READ_MATRIX = [(c, role) for c in CASES for role in ROLES]


def _ids(world):
    base = world.base
    return {
        "subscriber": world.subscriber,
        "accession": world.accession,
        "issue": world.issue,
        "b_draft": world.b_draft,
        "b_revision": world.b_revision,
        "contact_b": world.contact_b,
        "image": world.image,
        "document": world.document,
        "org_a": base.org_a,
        "org_b": base.org_b,
        "a_draft": base.a_draft,
        "a_submitted": base.a_submitted,
    }


@pytest.mark.parametrize(
    ("read", "role"), READ_MATRIX, ids=[f"{c.family}: {c.name} as {role}" for c, role in READ_MATRIX]
)
def test_read_matrix(read_world, db, client, read, role):
    if role != ANONYMOUS:
        client.force_login(get_user_model().objects.get(pk=read_world.users[role]))

    response = client.get(read.url.format(**_ids(read_world)))

    body = b"".join(response.streaming_content) if response.streaming else response.content
    body = body.decode()
    if role in read.allowed:
        assert response.status_code == 200, response.get("Location")
        assert read.secret in body
    else:
        assert read.secret not in body, f"{role} reads {read.secret!r} (status {response.status_code})"


def test_the_matrix_is_large_enough():
    assert len(READ_MATRIX) >= 300
