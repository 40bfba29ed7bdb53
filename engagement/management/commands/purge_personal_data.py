"""Run daily (cron or systemd timer): ``manage.py purge_personal_data``."""

from django.core.management.base import BaseCommand

from engagement.services.retention import personal_data_purge


class Command(BaseCommand):
    help = "Delete form submissions and unconfirmed subscriptions past their retention period, and log it."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        counts = personal_data_purge(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        for category, count in counts.items():
            self.stdout.write(f"{category}: {verb} {count}")
