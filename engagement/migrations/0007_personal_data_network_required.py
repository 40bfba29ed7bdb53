"""Every subscriber, issue and accession request now has its network (0006 filled it in).

A migration of its own: PostgreSQL refuses to alter a table with the backfill's
foreign-key checks still pending in the same transaction.
"""

import django.db.models.deletion
from django.db import migrations, models

import engagement.models.network


def _site():
    return models.ForeignKey(
        default=engagement.models.network.default_site_id,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="wagtailcore.site",
        verbose_name="network",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0006_personal_data_per_network"),
    ]

    operations = [
        migrations.AlterField(model_name="accessionrequest", name="site", field=_site()),
        migrations.AlterField(model_name="newsletterissue", name="site", field=_site()),
        migrations.AlterField(model_name="subscriber", name="site", field=_site()),
        migrations.AddConstraint(
            model_name="subscriber",
            constraint=models.UniqueConstraint(
                condition=models.Q(("scope", "network")),
                fields=("email", "site"),
                name="unique_network_subscription",
            ),
        ),
        migrations.AddConstraint(
            model_name="subscriber",
            constraint=models.UniqueConstraint(
                condition=models.Q(("scope", "organisation")),
                fields=("email", "site", "organisation"),
                name="unique_organisation_subscription",
            ),
        ),
        migrations.AddConstraint(
            model_name="subscriber",
            constraint=models.UniqueConstraint(
                condition=models.Q(("scope", "area")),
                fields=("email", "site", "area"),
                name="unique_area_subscription",
            ),
        ),
    ]
