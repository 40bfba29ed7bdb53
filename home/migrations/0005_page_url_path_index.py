"""An index on Wagtail's ``wagtailcore_page.url_path``.

``HomePage.route`` finds every page along a URL in one query by ``url_path``
(home/models.py); Wagtail does not index that column, so at 50,000 pages the
lookup was a sequential scan of the page table, ~23 ms on every page below
the home page (docs/benchmarks.md). The table is Wagtail's, so the index is
created here with SQL that PostgreSQL and SQLite both accept.
"""

from django.db import migrations

INDEX = "partnerhub_page_url_path_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_network_footer_translatable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
