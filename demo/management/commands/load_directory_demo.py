"""python manage.py load_directory_demo [--generated 300]: the demo's partnership directory."""

from django.core.management.base import BaseCommand

from demo.generator import directory_demo_load


class Command(BaseCommand):
    help = "Load the seeds' partnerships and a few hundred generated ones into the directory (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--generated", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        report = directory_demo_load(generated=options["generated"], seed=options["seed"])
        self.stdout.write(report.summary())
