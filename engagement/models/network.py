"""Which network (Wagtail site) a record of personal data belongs to.

Subscribers, newsletter issues and accession requests each name their
network: a network's moderators see only their own network's records
(engagement/permissions.py). Contact form submissions are Wagtail's
``FormSubmission`` rows and belong to the network of their form page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site


def default_site_id():
    """Records made without a network (a script, an old test) belong to the default site, as the backfill did."""
    return Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()


def network_field():
    # CASCADE: a network that is deleted takes its people's data with it (the
    # purpose they gave it for is gone); nothing is left behind unowned.
    return models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        default=default_site_id,
        related_name="+",
        verbose_name=_("network"),
    )
