"""The footer's texts move from NetworkSettings (one row per site, not
translatable) into NetworkFooter, a translatable snippet the setting points at.

Existing settings keep their name and address: each becomes a footer in the
default language (Polish), linked from its setting."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def settings_to_footers(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    NetworkFooter = apps.get_model("home", "NetworkFooter")
    NetworkSettings = apps.get_model("home", "NetworkSettings")
    rows = list(NetworkSettings.objects.all())
    if not rows:
        return
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for row in rows:
        row.footer = NetworkFooter.objects.create(
            locale=locale, translation_key=uuid.uuid4(), network_name=row.network_name, address=row.address
        )
        row.save(update_fields=["footer"])


def footers_to_settings(apps, schema_editor):
    NetworkSettings = apps.get_model("home", "NetworkSettings")
    for row in NetworkSettings.objects.exclude(footer=None).select_related("footer"):
        row.network_name, row.address = row.footer.network_name, row.footer.address
        row.save(update_fields=["network_name", "address"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="NetworkFooter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("network_name", models.CharField(max_length=160, verbose_name="network name")),
                ("address", models.TextField(blank=True, max_length=400, verbose_name="address")),
                (
                    "contact_text",
                    models.TextField(
                        blank=True,
                        help_text="E.g. office hours or who to contact, shown next to the e-mail address and phone number.",
                        max_length=400,
                        verbose_name="contact text",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "network footer",
                "verbose_name_plural": "network footers",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="networksettings",
            name="footer",
            field=models.ForeignKey(
                blank=True,
                help_text="The network's name, address and contact text, translated like any other content.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="home.networkfooter",
                verbose_name="footer texts",
            ),
        ),
        migrations.RunPython(settings_to_footers, footers_to_settings),
        migrations.RemoveField(
            model_name="networksettings",
            name="address",
        ),
        migrations.RemoveField(
            model_name="networksettings",
            name="network_name",
        ),
    ]
