from django.core.management.base import BaseCommand, CommandError

from editorial.services import organisation_create
from partners.models import MemberOrganisationIndexPage, OrganisationKind, OrganisationRole


class Command(BaseCommand):
    help = (
        "Add a member organisation in one step: its published page, its editors' group and its media "
        "collection, with rights on its own section only. Running it again for the same name repairs, "
        "never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--kind", choices=OrganisationKind.values, default=OrganisationKind.NGO)
        parser.add_argument("--role", choices=OrganisationRole.values, default=OrganisationRole.MEMBER)
        parser.add_argument(
            "--parent", type=int, help="Id of the member organisation index page (default: the first one)."
        )

    def handle(self, *args, name, kind, role, parent, **options):
        if not name.strip():
            raise CommandError("The organisation's name cannot be empty.")
        parent_page = None
        if parent is not None:
            parent_page = MemberOrganisationIndexPage.objects.filter(pk=parent).first()
            if parent_page is None:
                raise CommandError(f"--parent: no member organisation index page with id {parent}.")
        try:
            organisation = organisation_create(name=name.strip(), kind=kind, role=role, parent=parent_page)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{organisation.title} (page {organisation.pk}): group '{organisation.editors_group.name}', "
            f"collection '{organisation.collection.name}'"
        )
