"""Personal data stays inside its network: subscribers, accession requests, newsletter issues, form messages.

Each network of ``shared_networks`` gets one record of each kind. Every read
case names an admin route, the record's network and the roles that may read
it: those must get status 200 and the record's secret in the body (so a
guard that shuts everyone out fails too); every other role must not find
any of the record's identifying strings (name, e-mail address, message) in
the body, whatever the status. A network's moderator reads their own
network's records and never the other's; superusers and the platform's
"Moderators" read both; organisations' editors and translators read none
(an organisation's editors read only their own section's contact form).

Then: the other network's moderator gets 404 for each route that names a
record of the other network; forged writes change nothing; records made
through a network's public pages belong to that network.
"""

from dataclasses import dataclass
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from openpyxl import load_workbook

from core.models import NetworkKind
from editorial.services import MODERATORS, NETWORK_TRANSLATORS, TRANSLATORS, organisation_create, roles_setup
from engagement.models import (
    AccessionPage,
    AccessionRequest,
    AccessionStatus,
    ContactFormField,
    ContactFormPage,
    IssueStatus,
    NewsletterIssue,
    Subscriber,
)
from engagement.models.newsletter import ConsentText
from engagement.services.newsletter import newsletter_issue_recipients
from networks.services import network_add
from partners.models import MemberOrganisationIndexPage
from tests.engagement.conftest import human

from .conftest import NETWORKS, PASSWORD, secret

OTHER = {"a": "b", "b": "a"}
HOSTS = {"a": "siec-a.localhost:8000", "b": "siec-b.localhost:8000"}
ROLES = (
    "moderator_a",
    "moderator_b",
    "editor_a",
    "editor_b",
    "leader_a",  # an editor of network A's leader organisation: reviews A's accession requests
    "platform",  # the platform's "Moderators": every network
    "translator",
    "superuser",
)


def email_of(network, who):
    return f"{who}.{network}@example.org"


@dataclass
class Records:
    """One network's personal data, by primary key, and the strings that identify the people in it."""

    subscriber: int
    accession_page: int
    accession: int
    issue: int
    contact: int
    submission: int
    strings: dict  # kind of record: the strings that must not leak


def _records(networks, name, *, consent):
    side = networks.side(name)
    site = Site.objects.get(pk=side.site)
    subscriber = Subscriber.objects.create(
        site=site,
        email=email_of(name, "subskrybent"),
        language="pl",
        consent=consent,
        consented_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    home = Page.objects.get(pk=side.home)
    accession_page = AccessionPage(title=f"Dolacz do sieci {name.upper()}", slug="dolacz", consent_text="zgoda")
    home.add_child(instance=accession_page)
    accession = AccessionRequest.objects.create(
        site=site,
        page=accession_page,
        organisation_name=secret(name, "applicant"),
        kind="ngo",
        contact_person=f"Osoba Kontaktowa {name.upper()}",
        email=email_of(name, "wnioskodawca"),
        language="pl",
        consent_text="zgoda",
        consented_at=timezone.now(),
    )
    issue = NewsletterIssue.objects.create(site=site, subject=secret(name, "issue"), language="pl")
    organisation = Page.objects.get(pk=side.organisation)
    contact = ContactFormPage(
        title=secret(name, "form page"), slug="kontakt", from_address="no-reply@example.org", subject="x"
    )
    organisation.add_child(instance=contact)
    ContactFormField.objects.create(page=contact, label="Tresc", field_type="multiline", sort_order=0)
    ContactFormField.objects.create(page=contact, label="Email", field_type="email", sort_order=1)
    submission = FormSubmission.objects.create(
        page=contact, form_data={"tresc": secret(name, "message"), "email": email_of(name, "pisze")}
    )
    # The site history report lists log entries by the object's title: the subscriber's address.
    log(instance=subscriber, action="wagtail.edit", user=networks.user("superuser"))
    return Records(
        subscriber=subscriber.pk,
        accession_page=accession_page.pk,
        accession=accession.pk,
        issue=issue.pk,
        contact=contact.pk,
        submission=submission.pk,
        strings={
            "subscriber": [subscriber.email],
            "accession": [accession.organisation_name, accession.contact_person, accession.email],
            "issue": [issue.subject],
            "form page": [contact.title],
            "message": [secret(name, "message"), email_of(name, "pisze")],
        },
    )


def _extra_users(networks):
    """The platform's moderators and a translator (roles_setup), and the leader organisation's editor in A."""
    roles_setup()
    User = get_user_model()
    platform = User.objects.create_user("platform_moderator", "platform@example.org", PASSWORD)
    platform.groups.add(Group.objects.get(name=MODERATORS))
    translator = User.objects.create_user("translator_en", "translator@example.org", PASSWORD)
    translator.groups.add(Group.objects.get(name=TRANSLATORS.format(language="en")))
    index = MemberOrganisationIndexPage.objects.child_of(Page.objects.get(pk=networks.a.home)).get()
    leader = organisation_create(name="Lider A", kind="ngo", role="leader", parent=index)
    leader_editor = User.objects.create_user("leader_a", "leader_a@example.org", PASSWORD)
    leader_editor.groups.add(leader.editors_group)
    return {"platform": platform.pk, "translator": translator.pk, "leader_a": leader_editor.pk}


@dataclass
class World:
    networks: object
    records: dict
    users: dict

    def user(self, role):
        return get_user_model().objects.get(pk=self.users[role])


@pytest.fixture(scope="module")
def world(shared_networks, django_db_blocker):
    """Built inside ``shared_networks``' transaction: rolled back with it at the end of the module."""
    with django_db_blocker.unblock():
        consent = ConsentText.current("pl") or ConsentText.objects.create(language="pl", text="Zgoda")
        users = {**shared_networks.users, **_extra_users(shared_networks)}
        records = {name: _records(shared_networks, name, consent=consent) for name in NETWORKS}
        return World(networks=shared_networks, records=records, users=users)


@pytest.fixture(autouse=True)
def _no_rate_limits():
    cache.clear()  # the public forms' rate limiter counts in the cache
    yield
    cache.clear()


# --- who reads what -----------------------------------------------------------------------


def allowed(rule, network):
    personal = {f"moderator_{network}", "platform", "superuser"}
    return {
        "personal": personal,
        "review": personal | ({"leader_a"} if network == "a" else set()),
        "forms": personal | {f"editor_{network}"},
        "platform": {"platform", "superuser"},
        "superuser": {"superuser"},
        "nobody": set(),
    }[rule]


@dataclass(frozen=True)
class Route:
    name: str
    url: str  # formatted with the network's Records
    record: str  # which strings of Records.strings it would show
    rule: str  # who may read it (``allowed``)
    names_a_record: bool = False  # the url names one record: the other network's moderator gets 404


def _snippet_routes(model, pk, record, *, listing, one, change, export=True, inspect=True, copy=False):
    base = f"/admin/snippets/engagement/{model}/"
    chooser = f"/admin/snippets/choose/engagement/{model}/"
    routes = [
        Route(f"{model} listing", base, record, listing),
        Route(f"{model} listing results", base + "results/", record, listing),
        Route(f"{model} chooser", chooser, record, listing),
        Route(f"{model} chooser results", chooser + "results/", record, listing),
        Route(f"{model} chosen", chooser + f"chosen/{{{pk}}}/", record, listing, names_a_record=True),
        Route(f"{model} chosen multiple", chooser + f"chosen-multiple/?id={{{pk}}}", record, listing),
        Route(f"{model} edit", base + f"edit/{{{pk}}}/", record, change, names_a_record=True),
        Route(f"{model} history", base + f"history/{{{pk}}}/", record, change, names_a_record=True),
        Route(f"{model} usage", base + f"usage/{{{pk}}}/", record, change, names_a_record=True),
        Route(f"{model} delete", base + f"delete/{{{pk}}}/", record, "superuser"),
        Route(f"{model} bulk delete", f"/admin/bulk/engagement/{model}/delete/?id={{{pk}}}", record, "superuser"),
        Route(f"{model} localize API", f"/admin/localize/api/snippets/engagement/{model}/", record, "nobody"),
    ]
    if export:
        routes += [
            Route(f"{model} CSV export", base + "?export=csv", record, listing),
            Route(f"{model} XLSX export", base + "?export=xlsx", record, listing),
        ]
    if inspect:
        routes.append(Route(f"{model} inspect", base + f"inspect/{{{pk}}}/", record, one, names_a_record=True))
    if copy:
        routes.append(Route(f"{model} copy", base + f"copy/{{{pk}}}/", record, change, names_a_record=True))
    return routes


ROUTES = [
    *_snippet_routes("subscriber", "subscriber", "subscriber", listing="personal", one="personal", change="superuser"),
    Route(
        "subscriber listing search", "/admin/snippets/engagement/subscriber/?q=subskrybent", "subscriber", "personal"
    ),
    *_snippet_routes("accessionrequest", "accession", "accession", listing="review", one="review", change="superuser"),
    Route(
        "accession review",
        "/admin/engagement/accessions/{accession}/review/",
        "accession",
        "review",
        names_a_record=True,
    ),
    *_snippet_routes(
        "newsletterissue",
        "issue",
        "issue",
        listing="personal",
        one="personal",
        change="personal",
        export=False,
        inspect=False,
        copy=True,
    ),
    Route(
        "newsletter progress",
        "/admin/engagement/newsletter/{issue}/progress/",
        "issue",
        "personal",
        names_a_record=True,
    ),
    Route("form pages", "/admin/forms/", "form page", "forms"),
    Route("form submissions", "/admin/forms/submissions/{contact}/", "message", "forms", names_a_record=True),
    Route("form submissions CSV", "/admin/forms/submissions/{contact}/?export=csv", "message", "forms"),
    Route("form submissions XLSX", "/admin/forms/submissions/{contact}/?export=xlsx", "message", "forms"),
    Route("site history report", "/admin/reports/site-history/", "subscriber", "platform"),
]

READ_CASES = [
    pytest.param(route, network, role, id=f"{route.name}-{network}-as-{role}")
    for route in ROUTES
    for network in NETWORKS
    for role in ROLES
]


def as_user(world, role):
    client = Client()
    client.force_login(world.user(role))
    return client


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(BytesIO(content), read_only=True).active
        return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
    return content.decode()


def fill(route, records):
    return route.url.format(**vars(records))


@pytest.mark.parametrize(("route", "network", "role"), READ_CASES)
def test_personal_data_is_read_only_inside_its_network(world, db, route, network, role):
    records = world.records[network]
    response = as_user(world, role).get(fill(route, records))
    body = body_of(response)
    strings = records.strings[route.record]
    if role in allowed(route.rule, network):
        assert response.status_code == 200, response.get("Location")
        assert strings[0] in body
    else:
        leaked = [string for string in strings if string in body]
        assert leaked == [], f"{role} reads {leaked} (status {response.status_code})"


NOT_THERE_CASES = [
    pytest.param(route, network, id=f"{route.name}-of-{network}")
    for route in ROUTES
    if route.names_a_record and "moderator_a" in allowed(route.rule, "a")
    for network in NETWORKS
]


@pytest.mark.parametrize(("route", "network"), NOT_THERE_CASES)
def test_the_other_network_s_record_is_not_there_for_a_moderator(world, db, route, network):
    """Where a network's moderator may open their own record, the other network's answers 404 (Wagtail's
    form pages answer 403: the page exists, its submissions are not theirs)."""
    response = as_user(world, f"moderator_{OTHER[network]}").get(fill(route, world.records[network]))
    assert response.status_code in ((302, 403) if route.url.startswith("/admin/forms/") else (404,))
    body = body_of(response)
    assert not [string for string in world.records[network].strings[route.record] if string in body]


def test_each_network_s_listing_shows_its_own_rows_and_the_superuser_s_shows_both(world, db):
    for network in NETWORKS:
        own = body_of(as_user(world, f"moderator_{network}").get("/admin/snippets/engagement/subscriber/"))
        assert email_of(network, "subskrybent") in own
        assert email_of(OTHER[network], "subskrybent") not in own
    everything = body_of(as_user(world, "superuser").get("/admin/snippets/engagement/subscriber/"))
    assert email_of("a", "subskrybent") in everything and email_of("b", "subskrybent") in everything


def test_the_matrix_is_large_enough():
    assert len(READ_CASES) >= 400
    assert len(NOT_THERE_CASES) >= 20


# --- forged writes from the other network change nothing ---------------------------------------


def test_a_moderator_cannot_decide_another_network_s_accession_request(world, db):
    client = as_user(world, "moderator_b")
    url = f"/admin/engagement/accessions/{world.records['a'].accession}/review/"
    assert client.post(url, {"action": "approve"}).status_code == 404
    assert client.post(url, {"action": "reject", "reason": "nie"}).status_code == 404
    assert AccessionRequest.objects.get(pk=world.records["a"].accession).status == AccessionStatus.PENDING


def test_a_moderator_decides_their_own_network_s_accession_request(world, db):
    response = as_user(world, "moderator_b").post(
        f"/admin/engagement/accessions/{world.records['b'].accession}/review/", {"action": "reject", "reason": "nie"}
    )
    assert response.status_code == 302
    assert AccessionRequest.objects.get(pk=world.records["b"].accession).status == AccessionStatus.REJECTED


def test_a_moderator_cannot_send_or_edit_another_network_s_issue(world, db):
    client = as_user(world, "moderator_b")
    issue = world.records["a"].issue
    assert client.post(f"/admin/engagement/newsletter/{issue}/send/").status_code == 404
    response = client.post(f"/admin/snippets/engagement/newsletterissue/edit/{issue}/", _issue_form(world, "a"))
    assert response.status_code == 404
    issue = NewsletterIssue.objects.get(pk=issue)
    assert (issue.status, issue.subject) == (IssueStatus.DRAFT, secret("a", "issue"))


def _issue_form(world, network, subject="Przejete wydanie"):
    return nested_form_data(
        {
            "site": world.networks.side(network).site,
            "language": "pl",
            "subject": subject,
            "introduction": "",
            "scope": "network",
            "organisation": "",
            "area": "",
            "items": inline_formset([]),
        }
    )


def test_a_moderator_cannot_create_an_issue_in_another_network(world, db):
    client = as_user(world, "moderator_b")
    response = client.post("/admin/snippets/engagement/newsletterissue/add/", _issue_form(world, "a"))
    assert response.status_code == 200  # the form again, with the network refused
    assert "site" in response.context["form"].errors
    response = client.post("/admin/engagement/newsletter/compose/", {"site": world.networks.a.site, "language": "pl"})
    assert response.status_code == 200 and "site" in response.context["form"].errors
    assert not NewsletterIssue.objects.filter(site_id=world.networks.a.site).exclude(pk=world.records["a"].issue)


def test_a_moderator_composes_and_creates_issues_of_their_own_network(world, db):
    client = as_user(world, "moderator_b")
    response = client.post("/admin/engagement/newsletter/compose/", {"language": "pl", "days": 30})
    assert response.status_code == 302, response.context["form"].errors
    composed = NewsletterIssue.objects.exclude(pk__in=[world.records[n].issue for n in NETWORKS]).get()
    assert composed.site_id == world.networks.b.site
    response = client.post(
        "/admin/snippets/engagement/newsletterissue/add/", _issue_form(world, "b", subject="Wydanie B")
    )
    assert response.status_code == 302
    assert NewsletterIssue.objects.get(subject="Wydanie B").site_id == world.networks.b.site


def test_a_moderator_cannot_delete_another_network_s_form_messages(world, db):
    records = world.records["a"]
    as_user(world, "moderator_b").post(
        f"/admin/forms/submissions/{records.contact}/delete/?selected-submissions={records.submission}"
    )
    assert FormSubmission.objects.filter(pk=records.submission).exists()


def test_a_moderator_cannot_bulk_delete_another_network_s_subscribers(world, db):
    subscriber = world.records["a"].subscriber
    as_user(world, "moderator_b").post(f"/admin/bulk/engagement/subscriber/delete/?id={subscriber}")
    assert Subscriber.objects.filter(pk=subscriber).exists()


# --- records made through a network's pages belong to it --------------------------------------------


def _signup(network, email):
    return Client().post(
        "/pl/newsletter/",
        {
            "email": email,
            "scope": "network",
            "consent_version": ConsentText.current("pl").version,
            "consent": "on",
            **human(),
        },
        HTTP_HOST=HOSTS[network],
    )


def test_a_signup_belongs_to_the_network_whose_site_it_was_made_on(world, db):
    for network in NETWORKS:
        assert _signup(network, "oboje@example.org").status_code == 200
    subscriptions = Subscriber.objects.filter(email="oboje@example.org")
    # One address, two networks' newsletters: a subscription in each.
    assert sorted(subscriptions.values_list("site_id", flat=True)) == sorted(
        world.networks.side(n).site for n in NETWORKS
    )


def test_the_signup_form_offers_the_network_s_own_organisations(world, db):
    page = Client().get("/pl/newsletter/", HTTP_HOST=HOSTS["b"]).content.decode()
    assert "Organizacja B" in page and "Organizacja A" not in page


def test_an_issue_goes_to_its_own_network_s_subscribers_only(world, db):
    recipients = newsletter_issue_recipients(issue=NewsletterIssue.objects.get(pk=world.records["a"].issue))
    assert list(recipients.values_list("pk", flat=True)) == [world.records["a"].subscriber]


def test_an_accession_request_belongs_to_the_network_of_its_form(world, db):
    page = Page.objects.get(pk=world.records["b"].accession_page)
    data = {
        "organisation_name": "Nowe Stowarzyszenie B",
        "kind": "ngo",
        "contact_person": "Jan Nowak",
        "email": "jan.nowak@example.org",
        "consent": "on",
        **human(),
    }
    response = Client().post(page.relative_url(Site.objects.get(pk=world.networks.b.site)), data, HTTP_HOST=HOSTS["b"])
    assert response.status_code == 200
    assert AccessionRequest.objects.get(organisation_name="Nowe Stowarzyszenie B").site_id == world.networks.b.site


def test_a_translator_edits_a_translated_contact_form_but_reads_none_of_its_messages(world, db):
    """Wagtail shows a form's messages to whoever may edit the page; a translator edits their language's tree."""
    network_add(name="Siec A", kind=NetworkKind.LOCAL_PARTNERSHIP, host=HOSTS["a"], language_codes=["en"])
    contact = ContactFormPage.objects.get(pk=world.records["a"].contact)
    english = contact.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    message = "Secret English message of network A"
    FormSubmission.objects.create(page=english, form_data={"tresc": message, "email": "writes.en@example.org"})
    translator = get_user_model().objects.create_user("translator_a_en", "translator_a_en@example.org", PASSWORD)
    translator.groups.add(Group.objects.get(name=NETWORK_TRANSLATORS.format(network="Siec A", language="en")))
    assert english.permissions_for_user(translator).can_edit()

    client = Client()
    client.force_login(translator)
    for url in (
        "/admin/forms/",
        f"/admin/forms/submissions/{english.pk}/",
        f"/admin/forms/submissions/{english.pk}/?export=csv",
    ):
        body = body_of(client.get(url))
        assert message not in body and "writes.en@example.org" not in body
    response = as_user(world, "moderator_a").get(f"/admin/forms/submissions/{english.pk}/")
    assert response.status_code == 200 and message in body_of(response)
    assert message not in body_of(as_user(world, "moderator_b").get(f"/admin/forms/submissions/{english.pk}/"))
