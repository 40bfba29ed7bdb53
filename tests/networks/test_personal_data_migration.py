"""Migrations 0006/0007 of engagement give existing personal data its network: run on real rows.

Rows made before networks existed go to the default site, except those whose
organisation (subscriptions, issues) or form page (accession requests) lies in
another network's tree: they go to that network.
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import Site

import pytest

from engagement.models import AccessionPage, AccessionRequest, NewsletterIssue, Subscriber
from tests import factories

pytestmark = pytest.mark.django_db

BEFORE = ("engagement", "0005_subscriber_pending_email")


def migrate(*targets):
    """Migrate to ``targets`` inside the test's transaction; returns the historical apps there."""
    with connection.cursor() as cursor:
        # Rows written earlier in this transaction must not block ALTER TABLE.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    MigrationExecutor(connection).migrate(list(targets))
    return MigrationExecutor(connection).loader.project_state(list(targets)).apps


def latest(app):
    return MigrationExecutor(connection).loader.graph.leaf_nodes(app)[0]


@pytest.fixture
def second_network(tree):
    home = factories.HomePageFactory(parent=tree.home.get_parent(), slug="siec-b", title="Siec B")
    site = Site.objects.create(hostname="siec-b.localhost", port=80, root_page=home)
    index = factories.MemberOrganisationIndexPageFactory(parent=home, slug="czlonkowie")
    organisation = factories.MemberOrganisationPageFactory(parent=index, title="Organizacja B", slug="org-b")
    form = AccessionPage(title="Dolacz", slug="dolacz", consent_text="zgoda")
    home.add_child(instance=form)
    return {"site": site, "organisation": organisation, "form": form}


def test_existing_rows_get_the_default_site_or_their_page_s_network(tree, second_network):
    engagement_latest = latest("engagement")
    default = Site.objects.get(is_default_site=True)
    apps = migrate(BEFORE)
    OldSubscriber = apps.get_model("engagement", "Subscriber")
    consent = apps.get_model("engagement", "ConsentText").objects.filter(language="pl").first()
    now = timezone.now()
    common = {"language": "pl", "consent_id": consent.pk, "consented_at": now, "confirmed_at": now}
    # Before networks, one network subscription per address: here it was made on the default site.
    OldSubscriber.objects.create(email="anna@example.org", scope="network", **common)
    OldSubscriber.objects.create(
        email="anna@example.org", scope="organisation", organisation_id=second_network["organisation"].pk, **common
    )
    OldSubscriber.objects.create(
        email="ola@example.org", scope="organisation", organisation_id=tree.organisation.pk, **common
    )
    old_request = {"kind": "ngo", "contact_person": "Jan", "email": "jan@example.org", "language": "pl"}
    OldRequest = apps.get_model("engagement", "AccessionRequest")
    OldRequest.objects.create(
        organisation_name="Przez formularz B",
        page_id=second_network["form"].pk,
        consent_text="zgoda",
        consented_at=now,
        **old_request,
    )
    OldRequest.objects.create(organisation_name="Bez formularza", consent_text="zgoda", consented_at=now, **old_request)
    OldIssue = apps.get_model("engagement", "NewsletterIssue")
    OldIssue.objects.create(subject="Do wszystkich", language="pl")
    OldIssue.objects.create(
        subject="Do organizacji B",
        language="pl",
        scope="organisation",
        organisation_id=second_network["organisation"].pk,
    )

    migrate(engagement_latest)

    b = second_network["site"].pk
    sites = dict(Subscriber.objects.values_list("organisation_id", "site_id"))
    assert sites == {None: default.pk, second_network["organisation"].pk: b, tree.organisation.pk: default.pk}
    assert dict(AccessionRequest.objects.values_list("organisation_name", "site_id")) == {
        "Przez formularz B": b,
        "Bez formularza": default.pk,
    }
    assert dict(NewsletterIssue.objects.values_list("subject", "site_id")) == {
        "Do wszystkich": default.pk,
        "Do organizacji B": b,
    }
    # After the migration the same address may follow another network's newsletter.
    Subscriber.objects.create(email="anna@example.org", scope="network", site_id=b, **common)
