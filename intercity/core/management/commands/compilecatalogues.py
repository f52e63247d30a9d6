"""Compile the translation catalogues (.po) to .mo files with polib, without GNU gettext."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogues(locale_dirs) -> list[Path]:
    """Write a .mo next to every .po that is newer than it (or has none); return the written paths.

    Fuzzy, untranslated and obsolete entries are left out, as GNU msgfmt does.
    """
    written = []
    for locale_dir in locale_dirs:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written


class Command(BaseCommand):
    help = "Compile the translation catalogues to .mo files (pure Python, no GNU gettext)."

    def handle(self, *args, **options):
        written = compile_catalogues(settings.LOCALE_PATHS)
        for path in written:
            self.stdout.write(f"Compiled {path}")
        self.stdout.write(self.style.SUCCESS(f"{len(written)} catalogue(s) compiled."))
