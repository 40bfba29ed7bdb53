from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from editorial.selectors import pages_due_for_review
from partners.models import MemberOrganisationPage, OrganisationStatus


class Command(BaseCommand):
    help = (
        "E-mail each organisation's editors the list of their pages due for review "
        "(settings.EDITORIAL_REVIEW_AFTER_DAYS). Meant to run weekly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would be sent, send nothing.")

    def handle(self, *args, dry_run, **options):
        sent = 0
        organisations = MemberOrganisationPage.objects.filter(
            status=OrganisationStatus.ACTIVE, editors_group__isnull=False
        ).order_by("title")
        users = get_user_model().objects.filter(is_active=True).exclude(email="")
        for organisation in organisations:
            pages = list(pages_due_for_review(section=organisation))
            recipients = sorted(users.filter(groups=organisation.editors_group_id).values_list("email", flat=True))
            if not pages or not recipients:
                continue
            context = {
                "organisation": organisation,
                "pages": pages,
                "days": settings.EDITORIAL_REVIEW_AFTER_DAYS,
                "base_url": settings.WAGTAILADMIN_BASE_URL,
            }
            subject = _("%(organisation)s: %(count)d pages due for review") % {
                "organisation": organisation.title,
                "count": len(pages),
            }
            body = render_to_string("editorial/emails/review_digest.txt", context)
            if dry_run:
                self.stdout.write(f"To {', '.join(recipients)}: {subject}\n{body}")
            else:
                send_mail(subject, body, None, recipients)
            sent += 1
        self.stdout.write(f"Digests {'prepared' if dry_run else 'sent'}: {sent}")
