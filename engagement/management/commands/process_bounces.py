"""Run every few minutes (cron or systemd timer): ``manage.py process_bounces [MAILBOX]``.

Reads the bounce mailbox (NEWSLETTER_BOUNCE_MAILBOX when none is given),
records each bounce against its delivery and subscription, files every
message away (processed / unmatched) and says what it did with each one.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from engagement.bounces import bounce_parse
from engagement.mailboxes import MailboxError, mailbox_open
from engagement.services.bounces import bounce_record


class Command(BaseCommand):
    help = "Read bounce messages (DSNs) from a Maildir, an mbox file or an IMAP folder and record them."

    def add_arguments(self, parser):
        parser.add_argument(
            "mailbox",
            nargs="?",
            help="A Maildir directory, an mbox file or imaps://user:password@host/folder "
            "(default: NEWSLETTER_BOUNCE_MAILBOX).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only read and report; record and move nothing.")

    def handle(self, *args, mailbox=None, dry_run=False, **options):
        location = mailbox or settings.NEWSLETTER_BOUNCE_MAILBOX
        if not location:
            raise CommandError("Give a mailbox or set NEWSLETTER_BOUNCE_MAILBOX.")
        try:
            source = mailbox_open(location)
        except MailboxError as error:
            raise CommandError(str(error)) from error
        totals = {"hard": 0, "soft": 0, "suspended": 0, "duplicate": 0, "unmatched": 0}
        try:
            for key, raw in source.messages():
                self._one(source, key, raw, totals, dry_run=dry_run)
        finally:
            source.close()
        verb = "would record" if dry_run else "recorded"
        self.stdout.write(
            f"{verb} {totals['hard']} hard and {totals['soft']} soft bounce(s); "
            f"{totals['suspended']} subscription(s) suspended; {totals['duplicate']} already recorded; "
            f"{totals['unmatched']} message(s) not matched"
            + ("" if dry_run or not totals["unmatched"] else " (kept in the Unmatched folder)")
        )

    def _one(self, source, key, raw, totals, *, dry_run):
        report = bounce_parse(raw)
        label = report.message_id or f"message {key!r}"
        if dry_run:
            if report.error or not report.is_bounce:
                totals["unmatched"] += 1
                self.stderr.write(f"not matched: {label}: {report.error or 'not a bounce'}")
            else:
                totals[report.kind] += 1
                self.stdout.write(f"{report.kind} bounce {report.status}: {label} (deliveries {report.delivery_ids})")
            return
        outcome = bounce_record(report=report)
        if outcome.problem:
            totals["unmatched"] += 1
            self.stderr.write(f"not matched: {label}: {outcome.problem}")
        for kind, delivery_id, subscriber_id in outcome.matched:
            totals[kind] += 1
            self.stdout.write(
                f"{kind} bounce {report.status or '(no status)'}: delivery {delivery_id}, subscription {subscriber_id}"
            )
        if outcome.duplicate and not outcome.matched:
            totals["duplicate"] += 1
            self.stdout.write(f"already recorded: {label}")
        totals["suspended"] += len(outcome.suspended)
        for subscriber_id in outcome.suspended:
            self.stdout.write(f"subscription {subscriber_id} suspended after repeated hard bounces")
        source.file_away(key, matched=not outcome.problem)
