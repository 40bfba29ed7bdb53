import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from tqdm import tqdm

from core.backup import database, media
from core.backup.archive import DATABASE_MEMBERS, MEDIA_PREFIX, ArchiveWriter, archive_name, human_size


class Command(BaseCommand):
    help = (
        "Write the database and every media file into one timestamped .tar.gz with a manifest of checksums "
        '(docs/operations.md, "Backups").'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "backups",
            help="directory for the archive (default: var/backups)",
        )

    def handle(self, *args, output, verbosity, **options):
        vendor = database.check_vendor()
        output.mkdir(parents=True, exist_ok=True)
        created = datetime.now(UTC)
        path = output / archive_name(created)
        migrations = sorted(MigrationRecorder(connection).applied_migrations())
        with tempfile.TemporaryDirectory(dir=output, prefix=".partnerhub-backup-") as work:
            # The database first, then the media: files are only ever added under new names, so every
            # file the dumped rows point at is still there when the media are read.
            dump = Path(work) / DATABASE_MEMBERS[vendor]
            database.dump(dump)
            dump_size = dump.stat().st_size
            with ArchiveWriter(path) as archive, dump.open("rb") as dumped:
                archive.add(dump.name, dumped, dump_size)
                files, total = self.add_media(archive, verbosity)
                archive.finish(
                    {
                        "created_at": created.isoformat(timespec="seconds"),
                        "django": django.get_version(),
                        "database": {"vendor": vendor, "member": dump.name, "bytes": dump_size},
                        "migrations": [f"{app}.{name}" for app, name in migrations],
                        "media": {"files": files, "bytes": total},
                    }
                )
        self.stdout.write(
            f"Backup written to {path} ({human_size(path.stat().st_size)}): the {vendor} database "
            f"({human_size(dump_size)}, {len(migrations)} migrations applied) "
            f"and {files} media file{'' if files == 1 else 's'} ({human_size(total)})."
        )

    def add_media(self, archive, verbosity) -> tuple[int, int]:
        names = list(media.file_names(default_storage))
        files = total = 0
        # sys.stderr, not self.stderr: Django's wrapper ends every write with a newline, one line per refresh.
        for name in tqdm(names, desc="media", unit=" files", file=sys.stderr, disable=verbosity == 0 or None):
            try:
                size = default_storage.size(name)
                with default_storage.open(name, "rb") as content:
                    archive.add(MEDIA_PREFIX + name, content, size)
            except FileNotFoundError:  # deleted since it was listed (the site keeps running): not missed
                continue
            files, total = files + 1, total + size
        return files, total
