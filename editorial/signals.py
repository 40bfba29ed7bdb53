"""Keep an organisation's group and collection in step with its published page."""

from django.dispatch import receiver

from wagtail.models import Locale
from wagtail.signals import page_published

from partners.models import MemberOrganisationPage

from .services import organisation_onboard


@receiver(page_published, sender=MemberOrganisationPage, dispatch_uid="editorial_organisation_published")
def sync_organisation_on_publish(sender, instance, revision=None, **kwargs):
    # Translations of an organisation page belong to the translators, not to
    # a second editors' group: only the default-language page is onboarded.
    if instance.locale_id != Locale.get_default().pk:
        return

    organisation_onboard(organisation=instance, user=getattr(revision, "user", None))
