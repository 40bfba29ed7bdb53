"""The subscriber's rights through signed links: unsubscribe, see, download, correct, erase."""

import json
import time

from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

import pytest

from engagement.links import subscriber_token
from engagement.models import Delivery, DeliveryStatus, NewsletterIssue, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


def url(name, subscriber, purpose, language="pl"):
    with translation.override(language):
        return reverse(
            f"engagement:newsletter_{name}", kwargs={"token": subscriber_token(subscriber=subscriber, purpose=purpose)}
        )


def expired_token(subscriber, purpose):
    """A correctly signed token dated two years ago."""

    class TwoYearsAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 2 * 365 * 24 * 3600)

    return TwoYearsAgo(salt=f"engagement.subscriber.{purpose}").sign_object({"k": str(subscriber.key)})


class UnsubscribeTests:
    def test_one_click_post_as_sent_by_mail_clients_erases_the_subscription(self, client, tree, subscriber):
        response = client.post(
            url("unsubscribe", subscriber, "unsubscribe"),
            data="List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        assert not Subscriber.objects.filter(pk=subscriber.pk).exists()

    def test_one_click_post_needs_no_csrf_token(self, tree, subscriber):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        response = strict.post(url("unsubscribe", subscriber, "unsubscribe"), {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert not Subscriber.objects.exists()

    def test_get_only_asks_so_link_scanners_unsubscribe_nobody(self, client, tree, subscriber):
        response = client.get(url("unsubscribe", subscriber, "unsubscribe"))
        assert response.status_code == 200
        assert "Wypisz mnie i usuń moje dane" in response.content.decode()
        assert Subscriber.objects.filter(pk=subscriber.pk).exists()

    def test_deliveries_stay_counted_but_detached_after_unsubscribing(self, client, tree, subscriber):
        issue = NewsletterIssue.objects.create(language="pl", subject="Issue 1")
        Delivery.objects.create(
            issue=issue, subscriber=subscriber, status=DeliveryStatus.FAILED, error="550 <reader@example.org>"
        )
        client.post(url("unsubscribe", subscriber, "unsubscribe"))
        delivery = Delivery.objects.get()
        assert delivery.subscriber is None
        assert delivery.error == ""
        assert delivery.status == DeliveryStatus.FAILED


class RefusedLinkTests:
    @pytest.mark.parametrize(
        "name,purpose",
        [("unsubscribe", "unsubscribe"), ("manage", "manage"), ("erase", "manage"), ("confirm", "confirm")],
    )
    def test_an_expired_link_is_refused_with_a_message(self, client, tree, subscriber, name, purpose):
        with translation.override("en"):
            path = reverse(f"engagement:newsletter_{name}", kwargs={"token": expired_token(subscriber, purpose)})
        response = client.post(path)
        assert response.status_code == 400
        assert "This link has expired. Ask for a new one below." in response.content.decode()
        assert Subscriber.objects.filter(pk=subscriber.pk, confirmed_at=subscriber.confirmed_at).exists()

    def test_a_tampered_link_is_refused_with_a_message(self, client, tree, subscriber):
        token = subscriber_token(subscriber=subscriber, purpose="manage")
        with translation.override("en"):
            path = reverse("engagement:newsletter_erase", kwargs={"token": token[:-3] + "abc"})
        response = client.post(path)
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
        assert Subscriber.objects.filter(pk=subscriber.pk).exists()

    def test_a_link_for_one_purpose_does_not_work_for_another(self, client, tree, subscriber):
        token = subscriber_token(subscriber=subscriber, purpose="confirm")
        response = client.post(reverse("engagement:newsletter_erase", kwargs={"token": token}))
        assert response.status_code == 400
        assert Subscriber.objects.filter(pk=subscriber.pk).exists()

    def test_the_refusal_is_in_the_pages_language(self, client, tree, subscriber):
        with translation.override("de"):
            path = reverse("engagement:newsletter_manage", kwargs={"token": expired_token(subscriber, "manage")})
        assert "Dieser Link ist abgelaufen" in client.get(path).content.decode()

    def test_a_link_to_an_erased_subscription_says_so(self, client, tree, subscriber):
        path = url("manage", subscriber, "manage", language="en")
        subscriber.delete()
        response = client.get(path)
        assert response.status_code == 400
        assert "This subscription no longer exists" in response.content.decode()


class DataAccessTests:
    def test_the_manage_page_shows_the_data_and_the_consent_accepted(self, client, tree, subscriber):
        html = client.get(url("manage", subscriber, "manage", "en")).content.decode()
        assert subscriber.email in html
        assert subscriber.consent.text in html
        assert "Download my data (JSON)" in html

    def test_the_json_export_contains_exactly_this_subscribers_data(self, client, tree, subscriber):
        other = make_subscriber(email="someone.else@example.org", language="en")
        issue = NewsletterIssue.objects.create(language="pl", subject="Wydanie 1")
        Delivery.objects.create(issue=issue, subscriber=subscriber, status=DeliveryStatus.SENT)
        Delivery.objects.create(issue=issue, subscriber=other, status=DeliveryStatus.SENT)

        response = client.get(url("export", subscriber, "manage"))
        assert response["Content-Type"].startswith("application/json")
        assert "attachment" in response["Content-Disposition"]
        data = json.loads(response.content)
        assert set(data) == {
            "email",
            "language",
            "scope",
            "organisation",
            "area",
            "subscribed_at",
            "confirmed_at",
            "consent",
            "deliveries",
            "processing_restricted",
            "suspended_for_bounces_at",
            "pending_email_change",
            "bounces",
        }
        assert data["email"] == "reader@example.org"
        assert (data["processing_restricted"], data["suspended_for_bounces_at"], data["bounces"]) == (None, None, [])
        assert data["pending_email_change"] is None
        assert data["language"] == "pl"
        assert data["consent"]["version"] == subscriber.consent.version
        assert data["consent"]["text"] == subscriber.consent.text
        assert data["deliveries"] == [{"issue": "Wydanie 1", "status": "sent", "attempted_at": None}]
        assert "someone.else@example.org" not in response.content.decode()

    def test_correcting_the_language_is_saved(self, client, tree, subscriber):
        path = url("manage", subscriber, "manage")
        response = client.post(path, {"email": subscriber.email, "language": "de"})
        assert response.status_code == 302
        subscriber.refresh_from_db()
        assert subscriber.language == "de"
        assert subscriber.confirmed_at is not None

    def test_a_new_address_must_be_confirmed_from_that_address(self, client, tree, subscriber):
        client.post(url("manage", subscriber, "manage"), {"email": "new@example.org", "language": "pl"})
        subscriber.refresh_from_db()
        assert subscriber.email == "reader@example.org"
        assert subscriber.pending_email == "new@example.org"
        assert mail.outbox[-1].to == ["new@example.org"]
        assert "/newsletter/address/" in mail.outbox[-1].body  # more in test_address_change.py

    def test_an_invalid_correction_names_the_field_and_changes_nothing(self, client, tree, subscriber):
        response = client.post(url("manage", subscriber, "manage"), {"email": "broken", "language": "pl"})
        assert response.status_code == 200
        assert "email" in response.context["form"].errors
        subscriber.refresh_from_db()
        assert subscriber.email == "reader@example.org"

    def test_corrections_are_rate_limited_so_other_addresses_cannot_be_probed_at_speed(self, client, tree, subscriber):
        make_subscriber(email="taken@example.org")
        path = url("manage", subscriber, "manage")
        for n in range(5):
            assert client.post(path, {"email": f"probe{n}@example.org", "language": "pl"}).status_code in (200, 302)
        response = client.post(path, {"email": "taken@example.org", "language": "pl"})
        assert response.status_code == 429
        assert "taken@example.org" not in response.content.decode()
        # Reading the page stays possible.
        assert client.get(path).status_code == 200


class ErasureTests:
    def test_erasing_needs_a_button_press_and_then_leaves_no_trace(self, client, tree, subscriber):
        path = url("erase", subscriber, "manage")
        assert client.get(path).status_code == 200
        assert Subscriber.objects.filter(pk=subscriber.pk).exists()
        response = client.post(path)
        assert response.status_code == 200
        assert not Subscriber.objects.filter(email="reader@example.org").exists()
        # The same link now explains that the data is gone.
        assert client.get(url("manage", subscriber, "manage")).status_code == 400
