"""Bounces that come back by e-mail after sending: VERP addresses, DSN parsing, process_bounces on real mailboxes."""

import io
import mailbox
import textwrap

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

import pytest

from engagement.links import delivery_token
from engagement.models import Bounce, BounceKind, Delivery, DeliveryStatus, NewsletterIssue, Subscriber
from engagement.services.newsletter import newsletter_issue_recipients, newsletter_issue_send, subscriber_erase

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db

BOUNCE_ADDRESS = "bounces@lists.partnerhub.example"


@pytest.fixture(autouse=True)
def bounce_settings(settings):
    settings.NEWSLETTER_BOUNCE_ADDRESS = BOUNCE_ADDRESS
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 2


def send_issue(subject="Wiadomości"):
    issue = NewsletterIssue.objects.create(language="pl", subject=subject)
    mail.outbox = []
    newsletter_issue_send(issue=issue)  # tasks run inline in tests
    return issue


@pytest.fixture
def sent(tree):
    """Two confirmed readers who were sent one issue; the messages as they left."""
    readers = [make_subscriber(email="anna@example.org"), make_subscriber(email="jan@example.org")]
    issue = send_issue()
    messages = {message.to[0]: message for message in mail.outbox}
    return {"issue": issue, "anna": readers[0], "jan": readers[1], "messages": messages}


def delivery_of(subscriber, issue):
    return Delivery.objects.get(subscriber=subscriber, issue=issue)


def dsn(*, to, recipient, status="5.1.1", action="failed", diagnostic="smtp; 550 5.1.1 User unknown", original=""):
    """An RFC 3464 report as Postfix writes it."""
    return textwrap.dedent(
        f"""\
        Return-Path: <>
        Delivered-To: {to}
        From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
        To: {to}
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-{recipient}-{status}@mx.example.org>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

        --BOUNDARY
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        --BOUNDARY
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org
        Arrival-Date: Mon, 23 Nov 2026 10:00:00 +0100

        Final-Recipient: rfc822; {recipient}
        Original-Recipient: rfc822;{recipient}
        Action: {action}
        Status: {status}
        Diagnostic-Code: {diagnostic}

        --BOUNDARY
        Content-Type: text/rfc822-headers

        {original}
        --BOUNDARY--
        """
    ).encode()


def headers_of(message, indent=""):
    """The headers of a sent message, as a bounce quotes them back."""
    return f"\n{indent}".join(f"{name}: {value}" for name, value in message.message().items()) + "\n"


def maildir_with(tmp_path, *raw_messages):
    box = mailbox.Maildir(tmp_path / "bounces", create=True)
    for raw in raw_messages:
        box.add(raw)
    return tmp_path / "bounces"


def mbox_with(tmp_path, *raw_messages):
    path = tmp_path / "bounces.mbox"
    box = mailbox.mbox(path)
    for raw in raw_messages:
        box.add(raw)
    box.flush()
    box.close()
    return path


def process(location, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("process_bounces", str(location), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class SendingTests:
    def test_each_newsletter_leaves_with_its_own_bounce_address_and_the_usual_from(self, sent):
        message = sent["messages"]["anna@example.org"]
        token = delivery_token(delivery_id=delivery_of(sent["anna"], sent["issue"]).pk)
        # from_email is what the SMTP backend gives as MAIL FROM: the bounce goes there.
        assert message.from_email == f"bounces+{token}@lists.partnerhub.example"
        assert message.message()["From"] == "PartnerHub <no-reply@partnerhub.local>"
        assert message.extra_headers["X-PartnerHub-Delivery"] == token
        assert sent["messages"]["jan@example.org"].from_email != message.from_email

    def test_without_a_bounce_address_the_header_still_names_the_delivery(self, tree, settings):
        settings.NEWSLETTER_BOUNCE_ADDRESS = ""
        reader = make_subscriber(email="ewa@example.org")
        issue = send_issue()
        [message] = mail.outbox
        assert message.from_email == "PartnerHub <no-reply@partnerhub.local>"
        assert message.extra_headers["X-PartnerHub-Delivery"] == delivery_token(
            delivery_id=delivery_of(reader, issue).pk
        )


class MaildirTests:
    def test_a_hard_bounce_to_the_verp_address_marks_the_delivery_and_counts_against_the_subscription(
        self, sent, tmp_path
    ):
        verp = sent["messages"]["anna@example.org"].from_email
        path = maildir_with(tmp_path, dsn(to=verp, recipient="anna@example.org"))
        out, err = process(path)
        delivery = delivery_of(sent["anna"], sent["issue"])
        assert delivery.status == DeliveryStatus.BOUNCED
        assert "5.1.1" in delivery.error
        anna = Subscriber.objects.get(pk=sent["anna"].pk)
        assert (anna.hard_bounces, anna.soft_bounces, anna.suspended_at) == (1, 0, None)
        bounce = Bounce.objects.get()
        assert (bounce.kind, bounce.status, bounce.delivery, bounce.subscriber) == ("hard", "5.1.1", delivery, anna)
        assert "User unknown" in bounce.diagnostic
        assert "recorded 1 hard and 0 soft bounce(s)" in out and err == ""
        # Filed away: the inbox is empty, the message is in the Processed folder, marked seen.
        box = mailbox.Maildir(path, create=False)
        assert len(box) == 0
        [processed] = box.get_folder("Processed")
        assert "S" in processed.get_flags()
        assert delivery_of(sent["jan"], sent["issue"]).status == DeliveryStatus.SENT

    def test_repeated_hard_bounces_suspend_the_subscription_and_later_issues_skip_it(self, sent, tmp_path):
        verp = sent["messages"]["anna@example.org"].from_email
        process(maildir_with(tmp_path, dsn(to=verp, recipient="anna@example.org")))
        second = send_issue("Drugi numer")
        second_verp = next(m for m in mail.outbox if m.to == ["anna@example.org"]).from_email
        out, _err = process(maildir_with(tmp_path, dsn(to=second_verp, recipient="anna@example.org", status="5.2.1")))
        anna = Subscriber.objects.get(pk=sent["anna"].pk)
        assert anna.hard_bounces == 2 and anna.suspended_at is not None
        assert f"subscription {anna.pk} suspended" in out
        third = NewsletterIssue.objects.create(language="pl", subject="Trzeci")
        assert list(newsletter_issue_recipients(issue=third)) == [sent["jan"]]
        assert delivery_of(anna, second).status == DeliveryStatus.BOUNCED

    def test_a_soft_bounce_is_counted_but_changes_nothing_else(self, sent, tmp_path):
        verp = sent["messages"]["jan@example.org"].from_email
        raw = dsn(to=verp, recipient="jan@example.org", status="4.2.2", diagnostic="smtp; 452 4.2.2 Mailbox full")
        out, _err = process(maildir_with(tmp_path, raw))
        jan = Subscriber.objects.get(pk=sent["jan"].pk)
        assert (jan.hard_bounces, jan.soft_bounces, jan.suspended_at) == (0, 1, None)
        assert delivery_of(jan, sent["issue"]).status == DeliveryStatus.SENT
        assert Bounce.objects.get().kind == BounceKind.SOFT
        assert "recorded 0 hard and 1 soft bounce(s)" in out

    def test_a_delay_warning_is_a_soft_bounce(self, sent, tmp_path):
        verp = sent["messages"]["jan@example.org"].from_email
        process(maildir_with(tmp_path, dsn(to=verp, recipient="jan@example.org", action="delayed", status="4.4.7")))
        assert Subscriber.objects.get(pk=sent["jan"].pk).soft_bounces == 1

    def test_the_same_report_processed_twice_is_recorded_once(self, sent, tmp_path):
        raw = dsn(to=sent["messages"]["anna@example.org"].from_email, recipient="anna@example.org")
        out, _err = process(maildir_with(tmp_path, raw, raw))
        assert Bounce.objects.count() == 1
        assert Subscriber.objects.get(pk=sent["anna"].pk).hard_bounces == 1
        assert "1 already recorded" in out

    def test_a_bounce_whose_envelope_was_rewritten_is_matched_by_the_quoted_delivery_header(self, sent, tmp_path):
        original = headers_of(sent["messages"]["jan@example.org"], indent=" " * 8)
        raw = dsn(to=BOUNCE_ADDRESS, recipient="jan@example.org", original=original)
        process(maildir_with(tmp_path, raw))
        assert Bounce.objects.get().delivery == delivery_of(sent["jan"], sent["issue"])

    def test_unreadable_foreign_and_forged_messages_are_reported_and_kept_not_dropped(self, sent, tmp_path):
        malformed = (
            b"From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail\nMessage-ID: <broken@mx>\n"
            b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n'
            b"--B\nContent-Type: text/plain\n\nno status part and never closed\n"
        )
        auto_reply = (
            b"From: anna@example.org\nTo: bounces@lists.partnerhub.example\nSubject: Out of office\n"
            b"Auto-Submitted: auto-replied\nMessage-ID: <ooo@example.org>\n\nI am away until Monday.\n"
        )
        forged_verp = "bounces+d{}-0000000000000000@lists.partnerhub.example".format(
            delivery_of(sent["anna"], sent["issue"]).pk
        )
        forged = dsn(to=forged_verp, recipient="stranger@elsewhere.example")
        path = maildir_with(tmp_path, malformed, auto_reply, forged, b"\x00\xff not an e-mail at all")
        out, err = process(path)
        assert not Bounce.objects.exists()
        assert Subscriber.objects.get(pk=sent["anna"].pk).hard_bounces == 0
        assert "4 message(s) not matched (kept in the Unmatched folder)" in out
        assert "<broken@mx>: a delivery report without its delivery-status part" in err
        assert "<ooo@example.org>: not a bounce" in err
        assert "matches no delivery or subscription (stranger@elsewhere.example)" in err
        box = mailbox.Maildir(path, create=False)
        assert len(box) == 0 and len(box.get_folder("Unmatched")) == 4

    def test_a_dry_run_records_and_moves_nothing(self, sent, tmp_path):
        path = maildir_with(tmp_path, dsn(to=sent["messages"]["anna@example.org"].from_email, recipient="a@b.example"))
        out, _err = process(path, "--dry-run")
        assert "would record 1 hard" in out
        assert not Bounce.objects.exists()
        assert len(mailbox.Maildir(path, create=False)) == 1

    def test_a_missing_mailbox_is_a_clear_error(self, tmp_path):
        with pytest.raises(CommandError, match="does not exist"):
            process(tmp_path / "nowhere")
        (tmp_path / "plain").mkdir()
        with pytest.raises(CommandError, match="not a Maildir"):
            process(tmp_path / "plain")

    def test_without_a_mailbox_the_setting_is_used_and_its_absence_explained(self, sent, tmp_path, settings):
        settings.NEWSLETTER_BOUNCE_MAILBOX = ""
        with pytest.raises(CommandError, match="NEWSLETTER_BOUNCE_MAILBOX"):
            call_command("process_bounces", stdout=io.StringIO())
        settings.NEWSLETTER_BOUNCE_MAILBOX = str(
            maildir_with(tmp_path, dsn(to=sent["messages"]["anna@example.org"].from_email, recipient="x@y.example"))
        )
        call_command("process_bounces", stdout=io.StringIO())
        assert Bounce.objects.count() == 1


class NonStandardBounceTests:
    def test_a_qmail_failure_notice_in_an_mbox_is_matched_by_the_quoted_header(self, sent, tmp_path):
        message = sent["messages"]["anna@example.org"]
        raw = (
            textwrap.dedent(
                """\
            Return-Path: <>
            From: MAILER-DAEMON@qmail.example.net
            To: bounces@lists.partnerhub.example
            Subject: failure notice
            Message-ID: <qmail-1@qmail.example.net>

            Hi. This is the qmail-send program at qmail.example.net.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <anna@example.org>:
            Sorry, no mailbox here by that name. (#5.1.1)

            --- Below this line is a copy of the message.

            """
            ).encode()
            + headers_of(message).encode()
        )
        path = mbox_with(tmp_path, raw)
        out, _err = process(path)
        bounce = Bounce.objects.get()
        assert (bounce.kind, bounce.status) == (BounceKind.HARD, "5.1.1")
        assert bounce.delivery == delivery_of(sent["anna"], sent["issue"])
        assert len(mailbox.mbox(path)) == 0
        assert len(mailbox.mbox(f"{path}.processed")) == 1
        assert "recorded 1 hard" in out

    def test_an_exim_bounce_without_our_token_is_matched_by_the_failed_address(self, sent, tmp_path):
        raw = textwrap.dedent(
            """\
            From: Mail Delivery System <Mailer-Daemon@mail.example.com>
            To: bounces@lists.partnerhub.example
            Subject: Mail delivery failed: returning message to sender
            Message-ID: <exim-1@mail.example.com>

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              jan@example.org
                host mx.example.org [192.0.2.1]
                SMTP error from remote mail server after RCPT TO:<jan@example.org>:
                550 No such user here
            """
        ).encode()
        path = mbox_with(tmp_path, raw)
        process(path)
        jan = Subscriber.objects.get(pk=sent["jan"].pk)
        assert jan.hard_bounces == 1
        assert Bounce.objects.get().delivery == delivery_of(jan, sent["issue"])
        assert Subscriber.objects.get(pk=sent["anna"].pk).hard_bounces == 0

    def test_an_unmatched_message_in_an_mbox_goes_to_the_unmatched_file(self, tree, tmp_path):
        path = mbox_with(
            tmp_path, b"From: someone@example.org\nSubject: Hello\nMessage-ID: <hi@example.org>\n\nJust saying hi.\n"
        )
        _out, err = process(path)
        assert "<hi@example.org>: not a bounce" in err
        assert len(mailbox.mbox(path)) == 0
        assert len(mailbox.mbox(f"{path}.unmatched")) == 1


class PrivacyTests:
    def test_erasing_the_subscription_detaches_its_bounces_and_clears_the_server_text(self, sent, tmp_path):
        process(
            maildir_with(
                tmp_path, dsn(to=sent["messages"]["anna@example.org"].from_email, recipient="anna@example.org")
            )
        )
        subscriber_erase(subscriber=Subscriber.objects.get(pk=sent["anna"].pk))
        bounce = Bounce.objects.get()
        assert bounce.subscriber is None and bounce.diagnostic == ""
        assert bounce.delivery.status == DeliveryStatus.BOUNCED

    def test_the_subscribers_export_lists_their_bounces_and_the_suspension(self, sent, tmp_path, client):
        from engagement.services.newsletter import subscriber_export

        process(
            maildir_with(
                tmp_path, dsn(to=sent["messages"]["anna@example.org"].from_email, recipient="anna@example.org")
            )
        )
        data = subscriber_export(subscriber=Subscriber.objects.get(pk=sent["anna"].pk))
        assert [(b["kind"], b["status"]) for b in data["bounces"]] == [("hard", "5.1.1")]
        assert data["suspended_for_bounces_at"] is None

    @override_settings(NEWSLETTER_HARD_BOUNCE_LIMIT=1)
    def test_a_confirmed_new_address_lifts_the_suspension(self, sent, tmp_path, client):
        from engagement.services.newsletter import subscriber_email_change_confirm, subscriber_update

        process(
            maildir_with(
                tmp_path, dsn(to=sent["messages"]["anna@example.org"].from_email, recipient="anna@example.org")
            )
        )
        anna = Subscriber.objects.get(pk=sent["anna"].pk)
        assert anna.suspended_at is not None
        subscriber_update(subscriber=anna, email="anna.nowa@example.org", language="pl")
        anna.refresh_from_db()
        assert anna.suspended_at is not None  # nothing changes until the new address confirms
        anna = subscriber_email_change_confirm(subscriber=anna, email="anna.nowa@example.org")
        anna.refresh_from_db()
        assert (anna.email, anna.suspended_at, anna.hard_bounces) == ("anna.nowa@example.org", None, 0)
        assert anna.confirmed_at is not None
