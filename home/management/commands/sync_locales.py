"""Create a Wagtail locale for every language in settings.LANGUAGES.

Adding a language to PartnerHub is one line in ``LANGUAGES`` plus this
command; running it again changes nothing.
"""

from django.core.management.base import BaseCommand

from core.locales import locales_sync


class Command(BaseCommand):
    help = "Create a Wagtail locale for each language in settings.LANGUAGES (idempotent)."

    def handle(self, *args, **options):
        created = locales_sync()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created locales: {', '.join(created)}"))
        else:
            self.stdout.write("All configured languages already have a locale.")
