from django.core.management.base import BaseCommand, CommandError

from editorial.services import organisation_archive, organisation_restore
from partners.models import MemberOrganisationPage


class Command(BaseCommand):
    help = "Archive a member organisation (its editors lose all access; pages and history stay), or --restore it."

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="Id of the organisation's page.")
        parser.add_argument("--restore", action="store_true", help="Give the editors their access back.")

    def handle(self, *args, page_id, restore, **options):
        organisation = MemberOrganisationPage.objects.filter(pk=page_id).first()
        if organisation is None:
            raise CommandError(f"page_id: no member organisation page with id {page_id}.")
        organisation = (organisation_restore if restore else organisation_archive)(organisation=organisation)
        self.stdout.write(f"{organisation.title}: {organisation.get_status_display()}")
