"""Changing the address on the "my data" page: pending until the new address confirms, no enumeration."""

import datetime
import re

from django.core import mail
from django.utils import timezone

import pytest

from engagement.links import subscriber_from_token, subscriber_token
from engagement.models import Delivery, DeliveryStatus, NewsletterIssue, Subscriber

from .conftest import make_subscriber
from .test_subscriber_rights import expired_token, url

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+?(/\w\w/newsletter/address/[^/\s]+/)")


def request_change(client, subscriber, email, language=None):
    return client.post(
        url("manage", subscriber, "manage"), {"email": email, "language": language or subscriber.language}
    )


# The pages answer in the language of the link (Polish here).
SENT_PL = "Wysłaliśmy link potwierdzający na nowy adres"
CONFIRMED_PL = "Nowy adres jest potwierdzony"


def manage_link_names(location):
    token = re.fullmatch(r"/\w\w/newsletter/my-data/([^/]+)/", location)[1]
    return subscriber_from_token(token=token, purpose="manage")


def confirmation_path(message):
    return LINK.search(message.body)[1]


def as_answered(response):
    """The page as a visitor sees it, without what differs between any two renderings (CSRF token, the new address)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r"(taken|free)@example\.org[^<]*</dd>", "NEW</dd>", html)


class NoEnumerationTests:
    def test_the_answer_is_the_same_whether_or_not_the_new_address_is_subscribed(self, client, tree, subscriber):
        make_subscriber(email="taken@example.org")

        path = url("manage", subscriber, "manage")
        to_taken = client.post(path, {"email": "taken@example.org", "language": "pl"})
        page_taken = client.get(to_taken["Location"])
        to_free = client.post(path, {"email": "free@example.org", "language": "pl"})
        page_free = client.get(to_free["Location"])

        assert to_taken.status_code == to_free.status_code == 302
        assert to_taken["Location"] == to_free["Location"] == path
        assert SENT_PL in page_taken.content.decode()
        assert as_answered(page_taken) == as_answered(page_free)
        assert "taken@example.org" in page_taken.content.decode()  # the pending address is shown, nothing about it
        assert "cannot be used" not in page_taken.content.decode()

    def test_both_new_addresses_get_the_same_e_mail(self, client, tree, subscriber):
        make_subscriber(email="taken@example.org")
        request_change(client, subscriber, "taken@example.org")
        request_change(client, subscriber, "free@example.org")
        taken, free = mail.outbox
        assert (taken.to, free.to) == (["taken@example.org"], ["free@example.org"])
        assert taken.subject == free.subject
        assert LINK.sub("LINK", taken.body) == LINK.sub("LINK", free.body)


class PendingUntilConfirmedTests:
    def test_nothing_changes_until_the_new_address_confirms(self, client, tree, subscriber):
        taken = make_subscriber(email="taken@example.org")
        before = subscriber.confirmed_at
        request_change(client, subscriber, "taken@example.org")

        subscriber.refresh_from_db()
        assert (subscriber.email, subscriber.confirmed_at) == ("reader@example.org", before)
        assert subscriber.pending_email == "taken@example.org"
        assert Subscriber.objects.count() == 2
        assert Subscriber.objects.get(pk=taken.pk).email == "taken@example.org"
        # Opening the link (a mail scanner does) only asks.
        page = client.get(confirmation_path(mail.outbox[-1]))
        assert page.status_code == 200
        assert "taken@example.org" in page.content.decode()
        assert "reader@example.org" not in page.content.decode()  # the new address's owner is not told the old one
        subscriber.refresh_from_db()
        assert subscriber.email == "reader@example.org" and Subscriber.objects.count() == 2

    def test_confirming_applies_the_change(self, client, tree):
        subscriber = make_subscriber(confirmed=False)
        request_change(client, subscriber, "New@Example.org")
        response = client.post(confirmation_path(mail.outbox[-1]))

        subscriber.refresh_from_db()
        assert (subscriber.email, subscriber.pending_email, subscriber.pending_email_at) == (
            "new@example.org",
            "",
            None,
        )
        assert subscriber.confirmed_at is not None  # the new address has just opted in
        assert response.status_code == 302
        assert manage_link_names(response["Location"]) == subscriber
        assert CONFIRMED_PL in client.get(response["Location"]).content.decode()
        # The link works once.
        again = client.post(confirmation_path(mail.outbox[-1]))
        assert again.status_code == 400
        assert "zmiana adresu została już potwierdzona" in again.content.decode()

    def test_a_newer_request_replaces_the_older_link(self, client, tree, subscriber):
        request_change(client, subscriber, "first@example.org")
        request_change(client, subscriber, "second@example.org")
        first, second = mail.outbox
        assert client.post(confirmation_path(first)).status_code == 400
        subscriber.refresh_from_db()
        assert subscriber.email == "reader@example.org"
        client.post(confirmation_path(second))
        subscriber.refresh_from_db()
        assert subscriber.email == "second@example.org"

    def test_confirming_an_address_that_has_the_subscription_merges_the_two(self, client, tree, subscriber):
        taken = make_subscriber(email="taken@example.org", language="en")
        both, only_old, only_new = (
            NewsletterIssue.objects.create(language="pl", subject=subject) for subject in ("Both", "Old", "New")
        )
        Delivery.objects.create(issue=both, subscriber=subscriber, status=DeliveryStatus.SENT)
        Delivery.objects.create(issue=only_old, subscriber=subscriber, status=DeliveryStatus.SENT)
        Delivery.objects.create(issue=both, subscriber=taken, status=DeliveryStatus.SENT)
        Delivery.objects.create(issue=only_new, subscriber=taken, status=DeliveryStatus.SENT)
        Subscriber.objects.filter(pk=subscriber.pk).update(
            restricted_at=timezone.now(),
            restriction_ground="objection",
            created_at=timezone.now() - datetime.timedelta(days=90),
        )
        subscriber.refresh_from_db()

        request_change(client, subscriber, "taken@example.org", language="de")
        response = client.post(confirmation_path(mail.outbox[-1]))

        assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
        kept = Subscriber.objects.get()
        assert kept.pk == taken.pk  # the links already in that mailbox keep working
        assert (kept.email, kept.language, kept.restriction_ground) == ("taken@example.org", "de", "objection")
        assert kept.created_at == subscriber.created_at  # subscribed since the earlier of the two
        assert kept.is_confirmed
        assert sorted(kept.deliveries.values_list("issue__subject", flat=True)) == ["Both", "New", "Old"]
        assert Delivery.objects.count() == 4  # the double delivery is detached, not deleted: counts stay true
        assert response.status_code == 302
        assert manage_link_names(response["Location"]) == kept
        page = client.get(response["Location"])
        assert page.status_code == 200 and "taken@example.org" in page.content.decode()


class ConfirmationEmailTests:
    def test_the_e_mail_goes_to_the_new_address_in_the_subscribers_language(self, client, tree):
        subscriber = make_subscriber(language="de")
        request_change(client, subscriber, "neu@example.org")
        (message,) = mail.outbox
        assert message.to == ["neu@example.org"]
        assert message.subject == "Bitte bestätigen Sie Ihre neue Newsletter-Adresse"
        assert "Guten Tag," in message.body
        assert confirmation_path(message).startswith("/de/")
        # Not a list e-mail: the new address's owner gets no link into the subscription's data.
        assert "/newsletter/my-data/" not in message.body and "/newsletter/unsubscribe/" not in message.body
        assert "List-Unsubscribe" not in message.extra_headers

    def test_a_language_changed_in_the_same_form_is_the_language_of_the_e_mail(self, client, tree, subscriber):
        request_change(client, subscriber, "new@example.org", language="en")
        assert mail.outbox[-1].subject == "Please confirm your new newsletter address"


class RefusedConfirmationTests:
    def test_a_tampered_link_is_refused_and_changes_nothing(self, client, tree, subscriber):
        request_change(client, subscriber, "new@example.org", language="en")
        path = confirmation_path(mail.outbox[-1])
        response = client.post(path[:-4] + "abc/")
        assert response.status_code == 400
        assert "This link is not valid: it may have been copied incompletely" in response.content.decode()
        subscriber.refresh_from_db()
        assert (subscriber.email, subscriber.pending_email) == ("reader@example.org", "new@example.org")

    def test_a_link_naming_another_address_is_refused(self, client, tree, subscriber):
        request_change(client, subscriber, "new@example.org")
        forged = subscriber_token(subscriber=subscriber, purpose="email", email="attacker@example.org")
        assert client.post(f"/pl/newsletter/address/{forged}/").status_code == 400
        manage = subscriber_token(subscriber=subscriber, purpose="manage")
        assert client.post(f"/pl/newsletter/address/{manage}/").status_code == 400
        subscriber.refresh_from_db()
        assert subscriber.email == "reader@example.org"

    def test_an_expired_link_is_refused_with_the_usual_message(self, client, tree, subscriber):
        request_change(client, subscriber, "new@example.org", language="en")
        response = client.post(f"/en/newsletter/address/{expired_token(subscriber, 'email')}/")
        assert response.status_code == 400
        assert "This link has expired. Ask for a new one below." in response.content.decode()
        subscriber.refresh_from_db()
        assert subscriber.email == "reader@example.org"


def test_the_daily_purge_forgets_new_addresses_never_confirmed(tree, subscriber, client):
    from django.core.management import call_command

    request_change(client, subscriber, "typo@example.org")
    fresh = make_subscriber(email="fresh@example.org")
    request_change(client, fresh, "fresh.new@example.org")
    Subscriber.objects.filter(pk=subscriber.pk).update(pending_email_at=timezone.now() - datetime.timedelta(days=8))
    call_command("purge_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    subscriber.refresh_from_db()
    fresh.refresh_from_db()
    assert (subscriber.email, subscriber.pending_email, subscriber.pending_email_at) == ("reader@example.org", "", None)
    assert fresh.pending_email == "fresh.new@example.org"
