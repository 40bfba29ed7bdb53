from django.core.management.base import BaseCommand

from editorial.services import editorial_setup


class Command(BaseCommand):
    help = "Create or repair the role groups, the moderation workflow and every organisation's access (idempotent)."

    def handle(self, *args, **options):
        result = editorial_setup()
        self.stdout.write(
            f"Groups: {', '.join(group.name for group in result['groups'])}\n"
            f"Workflow: {result['workflow'].name} (on the root page)\n"
            f"Organisations onboarded: {len(result['organisations'])}"
        )
