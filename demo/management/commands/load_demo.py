"""`python manage.py load_demo`: build or refresh the demo network (idempotent)."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Create or update the demo network (pages in pl/en/de, media, demo accounts). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search and references indexes at the end."
        )

    def handle(self, *args, skip_index=False, verbosity=1, **options):
        started = time.monotonic()

        def log(message):
            if verbosity:
                self.stdout.write(message)
                self.stdout.flush()

        summary = DemoLoader(log=log).run()
        if not skip_index:
            log("Search index…")
            call_command("update_index", verbosity=0)
            log("References index…")
            call_command("rebuild_references_index", verbosity=0)

        if not verbosity:
            return
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo network ready in {time.monotonic() - started:.0f} s."))
        for name, count in summary.counts.items():
            self.stdout.write(f"  {name:<22}{count:>5}")
        for line in summary.untranslated:
            self.stdout.write(self.style.WARNING(f"  not fully translated: {line}"))
        self.stdout.write("")
        self.stdout.write("  Site:   http://127.0.0.1:8000/pl/  (also /en/ and /de/)")
        self.stdout.write("  Admin:  http://127.0.0.1:8000/admin/")
        self.stdout.write("  Networks (each on its own host; *.localhost is 127.0.0.1):")
        for name, url in summary.networks:
            self.stdout.write(f"    {url:<36}{name}")
        self.stdout.write(f"  Demo accounts (password: {settings.DEMO_PASSWORD}):")
        for username, role in summary.accounts:
            self.stdout.write(f"    {username:<36}{role}")
