"""Subscribers, newsletter issues and accession requests belong to a network (a Wagtail site).

Existing rows go to the default site, except those whose organisation (subscribers,
issues) or form page (accession requests) lies in another network's tree: they go
to that network. A subscription to the whole network is now unique per address and
network, so one address can follow several networks' newsletters (the constraints
come back in 0007, with the network).
"""

import django.db.models.deletion
from django.db import migrations, models

LINKS = (("Subscriber", "organisation"), ("NewsletterIssue", "organisation"), ("AccessionRequest", "page"))


def _site_of(path, homes, steplen=4):
    for end in range(len(path), 0, -steplen):
        if path[:end] in homes:
            return homes[path[:end]]
    return None


def backfill(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    default = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    if default is None:
        if any(apps.get_model("engagement", name).objects.exists() for name, _link in LINKS):
            raise RuntimeError("Personal data needs a network: create a Wagtail site before migrating.")
        return
    homes = {}
    for site in Site.objects.all():
        root = Page.objects.get(pk=site.root_page_id)
        for path in Page.objects.filter(translation_key=root.translation_key, depth=root.depth).values_list(
            "path", flat=True
        ):
            homes[path] = site.pk
    for name, link in LINKS:
        model = apps.get_model("engagement", name)
        model.objects.filter(site__isnull=True).update(site=default.pk)
        linked = model.objects.filter(**{f"{link}__isnull": False}).values_list("pk", f"{link}__path")
        for pk, path in linked:
            site_id = _site_of(path, homes)
            if site_id is not None and site_id != default.pk:
                model.objects.filter(pk=pk).update(site=site_id)


def _site(null):
    # Nullable until the backfill has run; 0007 makes it required.
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="wagtailcore.site",
        verbose_name="network",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0005_subscriber_pending_email"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="subscriber", name="unique_network_subscription"),
        migrations.RemoveConstraint(model_name="subscriber", name="unique_organisation_subscription"),
        migrations.RemoveConstraint(model_name="subscriber", name="unique_area_subscription"),
        migrations.AddField(model_name="accessionrequest", name="site", field=_site(null=True)),
        migrations.AddField(model_name="newsletterissue", name="site", field=_site(null=True)),
        migrations.AddField(model_name="subscriber", name="site", field=_site(null=True)),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
