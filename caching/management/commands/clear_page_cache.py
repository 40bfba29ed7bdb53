from django.core.management.base import BaseCommand

from caching.signals import invalidate_everything


class Command(BaseCommand):
    help = "Make every cached page stale, here and in Varnish (after bulk imports or SQL that bypass model signals)."

    def handle(self, *args, **options):
        invalidate_everything()
        self.stdout.write("Page cache invalidated.")
