from django.core.management.base import BaseCommand

from caching.generation import cache_generation_bump


class Command(BaseCommand):
    help = "Make every cached page and fragment stale (after bulk imports or SQL that bypasses model signals)."

    def handle(self, *args, **options):
        cache_generation_bump()
        self.stdout.write("Page cache invalidated.")
