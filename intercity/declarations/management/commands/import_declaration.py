"""Import a declaration file: `intercity import-declaration PATH [--meeting ID] [--dry-run]`."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from intercity.declarations.extraction import ExtractionError, extract_text
from intercity.declarations.matching import declaration_parse
from intercity.declarations.services import declaration_import
from intercity.meetings.models import Meeting


class Command(BaseCommand):
    help = "Parse a declaration (.txt, .docx, .pdf) and store it with its commitments."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The declaration's file.")
        parser.add_argument("--meeting", help="Id or slug of the meeting that adopted it.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Parse and print; store nothing."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, path, meeting=None, dry_run=False, format="text", **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            text = extract_text(file.name, file.read_bytes())
        except ExtractionError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        adopting = self._meeting(meeting) if meeting else None
        if dry_run:
            parsed = declaration_parse(text).to_dict()
            if format == "json":
                self.stdout.write(json.dumps(parsed, ensure_ascii=False, indent=2))
            else:
                self._summary(parsed)
            return
        try:
            declaration = declaration_import(
                actor=None, text=text, meeting=adopting, source_document=file.name
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        if format == "json":
            payload = {
                "id": declaration.pk,
                "slug": declaration.slug,
                "title": declaration.title,
                "clauses": declaration.clauses.count(),
                "commitments": declaration.commitments.count(),
                "warnings": declaration.parse_warnings,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported “{declaration.title}” ({declaration.slug}): "
                    f"{declaration.clauses.count()} clauses, "
                    f"{declaration.commitments.count()} commitments."
                )
            )
            for warning in declaration.parse_warnings:
                self.stdout.write(self.style.WARNING(f"  warning: {warning}"))

    def _meeting(self, key: str) -> Meeting:
        found = Meeting.objects.filter(slug=key).first()
        if found is None and key.isdigit():
            found = Meeting.objects.filter(pk=int(key)).first()
        if found is None:
            raise CommandError(f"No meeting with id or slug {key}")
        return found

    def _summary(self, parsed: dict) -> None:
        meeting = parsed["meeting"]
        self.stdout.write(f"Title:        {parsed['title']}")
        self.stdout.write(
            f"Meeting:      {meeting['name']} · {meeting['city']} · "
            f"{meeting['start_date']} – {meeting['end_date']}"
        )
        self.stdout.write(f"Participants: {', '.join(parsed['participants'])}")
        self.stdout.write(f"Preamble:     {len(parsed['preamble'])} paragraphs")
        for clause in parsed["clauses"]:
            labels = "".join(item["label"] or "-" for item in clause["subitems"])
            self.stdout.write(f"  {clause['number']}. {clause['text'][:70]}  {labels}")
        self.stdout.write(f"Confidence:   {parsed['confidence']}")
        for warning in parsed["warnings"]:
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
