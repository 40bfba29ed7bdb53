"""Restriction of processing (GDPR art. 18) and objection (art. 21) through the signed "my data" link."""

import json

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from engagement.links import subscriber_token
from engagement.models import Delivery, DeliveryStatus, NewsletterIssue, RestrictionGround, Subscriber
from engagement.services.newsletter import newsletter_issue_recipients, newsletter_issue_send, subscriber_restrict

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


def link(name, subscriber):
    with translation.override("pl"):
        return reverse(
            f"engagement:newsletter_{name}", kwargs={"token": subscriber_token(subscriber=subscriber, purpose="manage")}
        )


class RestrictTests:
    def test_the_subscriber_restricts_processing_and_keeps_the_data(self, client, tree, subscriber):
        page = client.get(link("manage", subscriber)).content.decode()
        assert "Ogranicz przetwarzanie (art. 18 RODO)" in page
        response = client.post(link("restrict", subscriber), {"ground": "restriction"}, follow=True)
        subscriber.refresh_from_db()
        assert subscriber.restricted_at is not None
        assert subscriber.restriction_ground == RestrictionGround.RESTRICTION
        assert subscriber.email == "reader@example.org" and subscriber.is_confirmed
        html = response.content.decode()
        assert "Przetwarzanie jest ograniczone" in html
        assert "Znieś ograniczenie" in html

    def test_an_objection_is_recorded_with_its_ground(self, client, tree, subscriber):
        client.post(link("restrict", subscriber), {"ground": "objection"})
        subscriber.refresh_from_db()
        assert subscriber.restriction_ground == RestrictionGround.OBJECTION

    def test_the_restriction_shows_in_the_download(self, client, tree, subscriber):
        client.post(link("restrict", subscriber), {"ground": "objection"})
        data = json.loads(client.get(link("export", subscriber)).content)
        assert data["processing_restricted"]["ground"] == "objection"
        assert data["processing_restricted"]["since"]
        assert data["email"] == "reader@example.org"

    def test_a_restricted_subscription_gets_no_issue_until_lifted(self, client, tree, subscriber):
        other = make_subscriber(email="other@example.org")
        client.post(link("restrict", subscriber), {"ground": "restriction"})
        first = NewsletterIssue.objects.create(language="pl", subject="Pierwszy")
        newsletter_issue_send(issue=first)
        assert [message.to for message in mail.outbox] == [[other.email]]
        client.post(link("restrict", subscriber), {"lift": "1"})
        subscriber.refresh_from_db()
        assert (subscriber.restricted_at, subscriber.restriction_ground) == (None, "")
        second = NewsletterIssue.objects.create(language="pl", subject="Drugi")
        assert set(newsletter_issue_recipients(issue=second)) == {subscriber, other}

    def test_a_restriction_made_while_an_issue_is_queued_stops_that_delivery(self, tree, subscriber):
        issue = NewsletterIssue.objects.create(language="pl", subject="W kolejce")
        Delivery.objects.create(issue=issue, subscriber=subscriber)
        subscriber_restrict(subscriber=subscriber)
        from engagement.services.newsletter import newsletter_issue_deliver

        newsletter_issue_deliver(issue_id=issue.pk)
        delivery = Delivery.objects.get()
        assert delivery.status == DeliveryStatus.FAILED and "restricted" in delivery.error
        assert mail.outbox == []

    def test_an_unknown_ground_is_refused_and_changes_nothing(self, client, tree, subscriber):
        response = client.post(link("restrict", subscriber), {"ground": "whatever"})
        assert response.status_code == 400
        assert Subscriber.objects.get().restricted_at is None

    def test_a_tampered_link_cannot_restrict(self, client, tree, subscriber):
        token = subscriber_token(subscriber=subscriber, purpose="manage")
        with translation.override("pl"):
            tampered = reverse("engagement:newsletter_restrict", kwargs={"token": token[:-2] + "xx"})
        response = client.post(tampered, {"ground": "restriction"})
        assert response.status_code == 400
        assert Subscriber.objects.get().restricted_at is None

    def test_get_only_shows_the_page(self, client, tree, subscriber):
        response = client.get(link("restrict", subscriber))
        assert response.status_code == 302
        assert Subscriber.objects.get().restricted_at is None


class ModeratorViewTests:
    def test_moderators_see_the_restriction_in_the_subscriber_list(self, client, tree, subscriber, moderator):
        subscriber_restrict(subscriber=subscriber, ground=RestrictionGround.OBJECTION)
        client.force_login(moderator)
        with translation.override("en"):
            html = client.get("/admin/snippets/engagement/subscriber/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "reader@example.org" in html
        assert "Objection to processing (GDPR art. 21)" in html

    def test_records_of_processing_count_restricted_subscriptions_apart(self, client, tree, subscriber, superuser):
        make_subscriber(email="b@example.org")
        subscriber_restrict(subscriber=subscriber)
        client.force_login(superuser)
        rows = client.get("/admin/engagement/records-of-processing/").context["rows"]
        with translation.override("en"):  # the context holds lazy strings
            counts = {str(row["category"]): row["count"] for row in rows}
        assert counts["Newsletter subscriptions with restricted processing"] == 1
        assert counts["Newsletter subscribers (confirmed)"] == 1
