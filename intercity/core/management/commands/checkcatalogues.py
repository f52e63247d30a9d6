"""Fail when a translation catalogue is stale: makemessages would add or remove msgids."""

import os
import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings


def _msgids(po_path: Path) -> set[tuple[str, str, str]]:
    return {
        (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete
    }


def stale_catalogues(locale_dir: Path) -> dict[str, tuple[int, int]]:
    """Language -> (msgids missing from its catalogue, msgids no longer in the code).

    makemessages runs (with --no-location --no-obsolete, as translators run it) on a temporary copy
    of the catalogues, then the msgid sets are compared, never the line numbers. Needs xgettext.
    """
    if shutil.which("xgettext") is None:
        raise CommandError("GNU gettext's xgettext is not installed: catalogues cannot be checked.")
    stale = {}
    package = Path(settings.BASE_DIR) / "intercity"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "intercity"
        skip = shutil.ignore_patterns("*.mo", "__pycache__", "vendor", "node_modules")
        shutil.copytree(package, source, ignore=skip)
        copy = source / locale_dir.relative_to(package)
        cwd = os.getcwd()
        try:
            os.chdir(tmp)
            with override_settings(LOCALE_PATHS=[copy]):
                call_command(
                    "makemessages", all=True, no_location=True, no_obsolete=True, verbosity=0
                )
        finally:
            os.chdir(cwd)
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
            fresh = _msgids(copy / po_path.relative_to(locale_dir))
            current = _msgids(po_path)
            if fresh != current:
                stale[po_path.parts[-3]] = (len(fresh - current), len(current - fresh))
    return stale


class Command(BaseCommand):
    help = "Check that every catalogue holds exactly the msgids the code has (needs xgettext)."

    def handle(self, *args, **options):
        stale = {}
        for locale_dir in settings.LOCALE_PATHS:
            stale |= stale_catalogues(Path(locale_dir))
        if stale:
            lines = [
                f"{language}: {missing} msgid(s) missing, {gone} no longer in the code"
                for language, (missing, gone) in stale.items()
            ]
            raise CommandError(
                "Stale catalogues (run `intercity makemessages -l <language> --no-location "
                "--no-obsolete` and translate):\n" + "\n".join(lines)
            )
        self.stdout.write(self.style.SUCCESS("Every catalogue is up to date with the code."))
