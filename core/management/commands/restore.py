import sys
import tempfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from tqdm import tqdm

from core.backup import database, media
from core.backup.archive import MEDIA_PREFIX, media_files, read_verified
from core.signals import content_changed_in_bulk


class Command(BaseCommand):
    help = (
        "Replace the database and write back the media files from an archive of `manage.py backup`, "
        'once every member matches its checksum (docs/operations.md, "Backups").'
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="a partnerhub-backup-….tar.gz")
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="do not ask for confirmation"
        )

    def handle(self, *args, archive, interactive, verbosity, **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        vendor = database.check_vendor()
        with tempfile.TemporaryDirectory(prefix="partnerhub-restore-") as work:
            try:
                verified = read_verified(archive, vendor, Path(work))
            except CommandError as error:
                raise CommandError(f"{error} Nothing was changed.") from error
            self.warn_about_newer_migrations(verified.manifest)
            if interactive and not self.confirmed(verified):
                self.stdout.write("Restore cancelled: nothing was changed.")
                return
            database.restore(verified.database)
            self.forget_what_was_cached()
            written, unchanged = self.restore_media(archive, verified, verbosity)
        others = len(
            set(media.file_names(default_storage)) - {name.removeprefix(MEDIA_PREFIX) for name in verified.media}
        )
        self.stdout.write(
            f"Restored {archive.name} (made at {verified.manifest['created_at']}): the {vendor} database and "
            f"{len(verified.media)} media files ({written} written back, {unchanged} already there and identical"
            f"{f', {others} not in the archive left in place' if others else ''})."
        )
        executor = MigrationExecutor(connection)
        if pending := executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                self.style.WARNING(
                    f"{len(pending)} migrations of this release are not applied to the restored database: "
                    "run `manage.py migrate`."
                )
            )

    def warn_about_newer_migrations(self, manifest):
        known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations.keys()
        unknown = sorted(set(manifest["migrations"]) - {f"{app}.{name}" for app, name in known})
        if unknown:
            examples = ", ".join(unknown[:3])
            self.stderr.write(
                self.style.WARNING(
                    f"The archive comes from a release with {len(unknown)} migrations this one lacks ({examples}…): "
                    "this code may not work on the restored database. Restore with that release, then upgrade."
                )
            )

    def confirmed(self, verified) -> bool:
        answer = input(
            f"This replaces the whole database {connection.settings_dict['NAME']} with the backup made at "
            f"{verified.manifest['created_at']} and writes back its {len(verified.media)} media files; whatever "
            "was saved since is lost. Stop the application servers first.\n"
            "Type 'yes' to continue, or 'no' to cancel: "
        )
        return answer.strip().lower() == "yes"

    def forget_what_was_cached(self):
        # Derived from the database just replaced: the content types' ids Django keeps per process, the
        # shared cache (site root paths, facets, pages), and Varnish (caching/ listens to the signal).
        ContentType.objects.clear_cache()
        for cache in caches.all():
            cache.clear()
        content_changed_in_bulk.send(sender=self.__class__)

    def restore_media(self, archive, verified, verbosity) -> tuple[int, int]:
        written = unchanged = 0
        files = tqdm(
            media_files(archive, verified),
            total=len(verified.media),
            desc="media",
            unit=" files",
            file=sys.stderr,  # not self.stderr: Django's wrapper ends every write with a newline
            disable=verbosity == 0 or None,
        )
        for name, content, entry in files:
            if media.holds(default_storage, name, sha256=entry["sha256"], size=entry["bytes"]):
                unchanged += 1
            else:
                media.write_back(default_storage, name, content)
                written += 1
        return written, unchanged
