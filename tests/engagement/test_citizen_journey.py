"""The issue's "done when", end to end: a citizen subscribes, confirms, reads an
issue and leaves without a trace (only through the public pages and the
links in the e-mails, like a person would)."""

import io

from django.core import mail
from django.core.management import call_command

import pytest

from engagement.models import Delivery, DeliveryStatus, NewsletterIssue, Subscriber
from engagement.services.newsletter import newsletter_issue_send

from .test_newsletter_signup import link_in, signup

pytestmark = pytest.mark.django_db

ADDRESS = "ewa.nowak@example.org"


def database_dump():
    out = io.StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=out)
    return out.getvalue().lower()


def test_subscribe_confirm_read_and_leave_without_a_trace(client, tree, consent_texts):
    # Subscribe (German page: everything that follows is in German).
    assert signup(client, language="de", email=ADDRESS).status_code == 200
    [confirmation] = mail.outbox
    assert confirmation.subject == "Bitte bestätigen Sie Ihr Newsletter-Abonnement"

    # Nothing but the confirmation before confirming.
    unconfirmed_issue = NewsletterIssue.objects.create(language="de", subject="Zu früh")
    newsletter_issue_send(issue=unconfirmed_issue)
    assert len(mail.outbox) == 1

    # Confirm with the button behind the link.
    confirm = link_in(confirmation, "confirm")
    assert client.get(confirm).status_code == 200
    assert client.post(confirm).status_code == 200
    assert Subscriber.objects.get(email=ADDRESS).is_confirmed

    # Read an issue.
    mail.outbox.clear()
    issue = NewsletterIssue.objects.create(language="de", subject="Neues aus dem Netzwerk")
    newsletter_issue_send(issue=issue)
    [newsletter] = mail.outbox
    assert newsletter.to == [ADDRESS] and newsletter.subject == "Neues aus dem Netzwerk"
    assert "Mit einem Klick abbestellen:" in newsletter.body
    assert ADDRESS in database_dump()

    # Leave with the mail client's one-click button (RFC 8058 POST to the List-Unsubscribe URL).
    unsubscribe = newsletter.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200

    # No trace: the address (and its local part) is nowhere in the database,
    # while the issue's delivery count stays true.
    dump = database_dump()
    assert ADDRESS not in dump
    assert "ewa.nowak" not in dump
    assert not Subscriber.objects.exists()
    assert list(Delivery.objects.filter(issue=issue).values_list("subscriber", "status")) == [
        (None, DeliveryStatus.SENT)
    ]
    # Old links now say the data is gone.
    assert client.get(link_in(newsletter, "my-data")).status_code == 400
