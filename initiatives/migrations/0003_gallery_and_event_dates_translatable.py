"""Gallery captions and event dates of initiatives become translatable rows
(captions, venues and descriptions translated in wagtail-localize's editor,
images and dates copied).

Done in three steps, as Wagtail's BootstrapTranslatableMixin does: add the
fields nullable, fill them, then make them required and unique. Rows of
pages that are translations of each other get the same translation key when
they stand at the same position, so wagtail-localize recognises them; the
locale is the page's own."""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models

CHILD_MODELS = ["InitiativeGalleryImage", "InitiativeOccurrence"]


def fill_translation_keys(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    for model_name in CHILD_MODELS:
        Model = apps.get_model("initiatives", model_name)
        rows_by_page = defaultdict(list)
        for row in Model.objects.order_by("sort_order", "pk"):
            rows_by_page[row.page_id].append(row)
        if not rows_by_page:
            continue
        pages = Page.objects.filter(pk__in=rows_by_page).values_list("pk", "translation_key", "locale_id")
        keys = defaultdict(list)  # page translation key -> one row key per position
        for page_id, page_key, locale_id in pages:
            for position, row in enumerate(rows_by_page[page_id]):
                while len(keys[page_key]) <= position:
                    keys[page_key].append(uuid.uuid4())
                row.translation_key, row.locale_id = keys[page_key][position], locale_id
        Model.objects.bulk_update(
            [row for rows in rows_by_page.values() for row in rows], ["translation_key", "locale"], batch_size=500
        )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiativegalleryimage",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="initiativegalleryimage",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="initiativeoccurrence",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="initiativeoccurrence",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_translation_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="initiativegalleryimage",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="initiativegalleryimage",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="initiativegalleryimage",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="initiativeoccurrence",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="initiativeoccurrence",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="initiativeoccurrence",
            unique_together={("translation_key", "locale")},
        ),
    ]
