"""python manage.py import_partnerships FILE [--dry-run] [--skip-invalid]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from directory.importing import ImportFileError, partnerships_import, read_rows


class Command(BaseCommand):
    help = "Import partnerships from a CSV or XLSX file (columns: docs/directory.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv (UTF-8) or .xlsx file")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, save nothing")
        parser.add_argument("--skip-invalid", action="store_true", help="save the valid rows, report the others")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open("rb") as file:
                rows, warnings = read_rows(file=file, filename=path.name)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        # Rows are counted twice: once checked, once written.
        with tqdm(
            total=len(rows) * (1 if options["dry_run"] else 2),
            unit="row",
            disable=options["verbosity"] == 0,
            file=self.stderr,
        ) as bar:
            report = partnerships_import(
                rows=rows,
                dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"],
                progress=bar.update,
                warnings=warnings,
            )
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        for error in report.errors:
            self.stderr.write(str(error))
        self.stdout.write(report.summary())
        if report.errors and not options["skip_invalid"]:
            raise CommandError("The file has invalid rows; nothing was saved.")
