"""Compile the interface catalogues (locale/*/LC_MESSAGES/django.po → .mo).

Uses Django's compilemessages (GNU gettext's msgfmt) when msgfmt is
installed, and polib otherwise, so `make install` works on machines without
gettext. Fails loudly: a catalogue that does not compile stops the install.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

import polib

IGNORED = [".venv", ".bootstrap", "node_modules", "var", ".git"]


class Command(BaseCommand):
    help = "Compile the .po catalogues in LOCALE_PATHS, with msgfmt or, without gettext, with polib."

    def handle(self, *args, **options):
        if shutil.which("msgfmt"):
            # Only the project's catalogues, not the ones inside installed packages.
            call_command("compilemessages", ignore_patterns=IGNORED, verbosity=0)
            self.stdout.write("Compiled the catalogues with msgfmt.")
            return
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                try:
                    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                count += 1
        self.stdout.write(f"msgfmt not found: compiled {count} catalogues with polib.")
