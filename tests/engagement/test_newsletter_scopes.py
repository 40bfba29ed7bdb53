"""The newsletter per network, per member organisation and per area of cooperation.

Signing up for one organisation or one area, an issue reaching exactly that
audience (also across translations of the organisation or area), and
composing an issue whose suggestions come from that audience's content only.
"""

from django.core import mail
from django.utils import timezone

from wagtail.models import Locale

import pytest

from engagement.models import NewsletterIssue, Subscriber, SubscriptionScope
from engagement.services.newsletter import newsletter_issue_compose, newsletter_issue_send
from tests import factories
from tests.seo.network import translate

from .conftest import make_subscriber
from .test_newsletter_signup import signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(tree):
    return {
        "culture": factories.CooperationAreaFactory(name="Kultura", slug="culture"),
        "youth": factories.CooperationAreaFactory(name="Młodzież", slug="youth"),
    }


@pytest.fixture
def parish(tree):
    return factories.MemberOrganisationPageFactory(parent=tree.organisations, title="Parafia", slug="parafia")


def recipients_of(issue):
    newsletter_issue_send(issue=issue)
    return sorted(message.to[0] for message in mail.outbox)


class SignupTests:
    def test_signing_up_for_one_organisation_stores_it(self, client, tree, consent_texts, parish):
        signup(client, scope="organisation", organisation=str(parish.pk))
        subscriber = Subscriber.objects.get()
        assert (subscriber.scope, subscriber.organisation_id, subscriber.area_id) == ("organisation", parish.pk, None)

    def test_signing_up_for_one_area_stores_it(self, client, tree, consent_texts, areas):
        signup(client, scope="area", area=str(areas["culture"].pk))
        subscriber = Subscriber.objects.get()
        assert (subscriber.scope, subscriber.area_id, subscriber.organisation_id) == ("area", areas["culture"].pk, None)

    def test_the_organisation_scope_needs_an_organisation(self, client, tree, consent_texts):
        response = signup(client, scope="organisation")
        assert "organisation" in response.context["form"].errors
        assert not Subscriber.objects.exists()

    def test_a_former_member_cannot_be_chosen(self, client, tree, consent_texts, parish):
        parish.left_on = timezone.localdate()
        parish.save_revision().publish()
        response = signup(client, scope="organisation", organisation=str(parish.pk))
        assert "organisation" in response.context["form"].errors
        assert not Subscriber.objects.exists()

    def test_the_same_address_may_follow_the_network_and_an_organisation(self, client, tree, consent_texts, parish):
        signup(client)
        signup(client, scope="organisation", organisation=str(parish.pk))
        assert sorted(Subscriber.objects.values_list("scope", flat=True)) == ["network", "organisation"]


class AudienceTests:
    @pytest.fixture
    def readers(self, tree, parish, areas):
        return {
            "network": make_subscriber(email="network@example.org"),
            "mops": make_subscriber(email="mops@example.org", scope="organisation", organisation=tree.organisation),
            "parish": make_subscriber(email="parish@example.org", scope="organisation", organisation=parish),
            "culture": make_subscriber(email="culture@example.org", scope="area", area=areas["culture"]),
            "youth": make_subscriber(email="youth@example.org", scope="area", area=areas["youth"]),
        }

    def test_a_network_issue_reaches_the_network_subscribers_only(self, tree, readers):
        issue = NewsletterIssue.objects.create(language="pl", subject="Sieć")
        assert recipients_of(issue) == ["network@example.org"]

    def test_an_organisations_issue_reaches_that_organisations_subscribers_only(self, tree, readers):
        issue = NewsletterIssue.objects.create(
            language="pl", subject="MOPS", scope=SubscriptionScope.ORGANISATION, organisation=tree.organisation
        )
        assert recipients_of(issue) == ["mops@example.org"]

    def test_an_areas_issue_reaches_that_areas_subscribers_only(self, tree, readers, areas):
        issue = NewsletterIssue.objects.create(
            language="pl", subject="Kultura", scope=SubscriptionScope.AREA, area=areas["culture"]
        )
        assert recipients_of(issue) == ["culture@example.org"]

    def test_a_subscriber_who_switched_language_gets_the_issue_for_the_translated_organisation(
        self, tree, readers, areas
    ):
        german = Locale.objects.get_or_create(language_code="de")[0]
        translate(tree.home, german)
        translate(tree.organisations, german)
        mops_de = translate(tree.organisation, german)
        culture_de = areas["culture"].copy_for_translation(german)
        culture_de.save()
        Subscriber.objects.filter(email__in=["mops@example.org", "culture@example.org"]).update(language="de")

        issue = NewsletterIssue.objects.create(
            language="de", subject="MOPS auf Deutsch", scope=SubscriptionScope.ORGANISATION, organisation=mops_de
        )
        assert recipients_of(issue) == ["mops@example.org"]
        mail.outbox.clear()
        issue = NewsletterIssue.objects.create(
            language="de", subject="Kultur", scope=SubscriptionScope.AREA, area=culture_de
        )
        assert recipients_of(issue) == ["culture@example.org"]


class ComposeTests:
    @pytest.fixture
    def content(self, tree, parish, areas):
        today = timezone.localdate()
        mops_news = factories.NewsPageFactory(parent=tree.organisation, title="Wieści MOPS", date=today)
        parish_news = factories.NewsPageFactory(parent=parish, title="Wieści parafii", date=today)
        parish_news.areas.set([areas["culture"]])
        parish_news.save()
        return {"mops": mops_news, "parish": parish_news}

    def test_composing_for_an_organisation_suggests_its_own_content_only(self, client, tree, content, moderator):
        client.force_login(moderator)
        response = client.post(
            "/admin/engagement/newsletter/compose/",
            {"language": "pl", "days": 30, "scope": "organisation", "organisation": tree.organisation.pk},
        )
        assert response.status_code == 302
        issue = NewsletterIssue.objects.get()
        assert (issue.scope, issue.organisation_id) == ("organisation", tree.organisation.pk)
        assert [item.page.title for item in issue.items.all()] == ["Wieści MOPS"]

    def test_composing_for_an_area_suggests_content_in_that_area_only(self, client, tree, content, areas, moderator):
        client.force_login(moderator)
        client.post(
            "/admin/engagement/newsletter/compose/",
            {"language": "pl", "days": 30, "scope": "area", "area": areas["culture"].pk},
        )
        issue = NewsletterIssue.objects.get()
        assert (issue.scope, issue.area_id) == ("area", areas["culture"].pk)
        assert [item.page.title for item in issue.items.all()] == ["Wieści parafii"]

    def test_composing_for_the_network_suggests_everything(self, tree, content):
        issue = newsletter_issue_compose(language="pl")
        assert sorted(item.page.title for item in issue.items.all()) == ["Wieści MOPS", "Wieści parafii"]

    def test_the_organisation_audience_needs_an_organisation(self, client, tree, content, moderator):
        client.force_login(moderator)
        response = client.post(
            "/admin/engagement/newsletter/compose/", {"language": "pl", "days": 30, "scope": "organisation"}
        )
        assert response.status_code == 200
        assert "organisation" in response.context["form"].errors
        assert not NewsletterIssue.objects.exists()
