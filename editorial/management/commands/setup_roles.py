from django.core.management.base import BaseCommand

from editorial.services import roles_setup


class Command(BaseCommand):
    help = "Create or repair the Moderators, Translators (<language>) and Site administrators groups (idempotent)."

    def handle(self, *args, **options):
        groups = roles_setup()
        self.stdout.write("Groups: " + ", ".join(group.name for group in groups))
