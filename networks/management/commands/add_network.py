"""manage.py add_network "Name" --kind … --host …: create or repair one network (networks/services.py)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.models import NetworkKind
from networks.services import network_add


class Command(BaseCommand):
    help = "Create a partnership network (a site with its home pages, sections, moderators, workflow and media collection), or bring an existing one up to date."

    def add_arguments(self, parser):
        parser.add_argument("name", help='The network\'s name, e.g. "Partnerstwo lokalne Aktywni z pasją".')
        parser.add_argument("--kind", required=True, choices=NetworkKind.values, help="What kind of body runs it.")
        parser.add_argument(
            "--host",
            required=True,
            help="Host name and port it is served on, e.g. boleslawiec.localhost:8000 (port 80 if omitted).",
        )
        parser.add_argument(
            "--languages",
            default="",
            help="Comma-separated languages besides Polish to prepare draft translations for, e.g. en,de.",
        )

    def handle(self, *args, name, kind, host, languages, **options):
        try:
            result = network_add(
                name=name, kind=kind, host=host, language_codes=[code.strip() for code in languages.split(",")]
            )
        except ValidationError as error:
            messages = [f"{key}: {' '.join(errors)}" for key, errors in error.message_dict.items()]
            raise CommandError("; ".join(messages)) from error
        for line in result.created:
            self.stdout.write(f"  created {line}")
        if not result.created:
            self.stdout.write("  nothing to create: the network was already complete (rights repaired)")
        self.stdout.write(
            self.style.SUCCESS(
                f'{name}: {result.url} (moderators\' group "{result.network.moderators.name}", '
                f'collection "{result.network.collection.name}")'
            )
        )
