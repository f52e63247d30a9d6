"""Progress cities report on their commitments, and reminders of the reports they owe."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.core import filetypes
from intercity.core.audit import save_with_audit
from intercity.core.mail import in_language_of
from intercity.core.queue import enqueue
from intercity.core.services import refuse_with_record_errors, require
from intercity.declarations.models import Commitment, Declaration, ProgressReport
from intercity.declarations.permissions import can_report_progress, can_send_reminders

# The background task that sends reminders; it imports this module, so it is named here.
SEND_REPORT_REMINDERS = "intercity.declarations.tasks.send_report_reminders"


def _evidence_name(upload) -> str | None:
    """The stored name of an evidence file, with the extension of what its content is.

    A file renamed to look like a PDF has none: only PDF, Word (DOCX) and images pass.
    """
    upload.seek(0)
    head = upload.read()
    upload.seek(0)
    content_type = filetypes.detect_type(head)
    if content_type is None:
        return None
    stem = slugify((getattr(upload, "name", "") or "evidence").rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return f"{stem[:60] or 'evidence'}.{filetypes.EXTENSIONS[content_type]}"


def _adoption_date(declaration: Declaration) -> datetime.date | None:
    """The day the declaration was adopted; without a recorded date, the first day of the
    meeting that adopted it, since nothing could be done on a commitment before then."""
    if declaration.adopted_on is not None:
        return declaration.adopted_on
    return declaration.meeting.start_date if declaration.meeting_id else None


@transaction.atomic
def commitment_report(
    *,
    actor: Any,
    commitment: Commitment,
    city: City,
    status: str,
    narrative: str = "",
    evidence_url: str = "",
    evidence_file=None,
    reported_on: datetime.date | None = None,
) -> ProgressReport:
    """Record a city's progress on a commitment; earlier reports stay in the history.

    A report says what has been done (``narrative``) or carries evidence (a link or a file).
    """
    if actor is not None:
        require(can_report_progress(actor, commitment, city))
    elif not commitment.cities.filter(pk=city.pk).exists():
        raise ValidationError({"city": _("This city is not responsible for the commitment.")})
    if commitment.declaration.status == Declaration.Status.DRAFT:
        raise ValidationError(
            _("Progress is reported on adopted declarations; this one is still a draft.")
        )
    # Every problem of the report is said at once, so a refused form is corrected in one go.
    errors: dict[str, str] = {}
    if not narrative.strip() and not evidence_url and not evidence_file:
        # A status alone tells the secretariat nothing it can check or pass on.
        errors["narrative"] = _("Say what has been done, or attach evidence: a link or a file.")
    evidence_name = _evidence_name(evidence_file) if evidence_file else None
    if evidence_file and evidence_name is None:
        errors["evidence_file"] = _(
            "Only PDF, Word (DOCX) and image files (PNG, JPEG, GIF, WebP) are accepted."
        )
    today = timezone.localdate()
    reported_on = reported_on or today
    adopted_on = _adoption_date(commitment.declaration)
    if reported_on > today:
        errors["reported_on"] = _("A report cannot be dated in the future.")
    elif adopted_on is not None and reported_on < adopted_on:
        errors["reported_on"] = _(
            "A report cannot be dated before the declaration was adopted (%(date)s)."
        ) % {"date": date_format(adopted_on, "DATE_FORMAT")}
    report = ProgressReport(
        commitment=commitment,
        city=city,
        status=status,
        narrative=narrative,
        evidence_url=evidence_url,
        reported_on=reported_on,
        reported_by=actor if getattr(actor, "is_authenticated", False) else None,
        is_latest=True,
    )
    refuse_with_record_errors(errors, report)
    if evidence_file:
        report.evidence_file.save(evidence_name, evidence_file, save=False)
    # Reports on one commitment and city queue behind this lock, so two concurrent writers
    # never both see "no latest report" and both insert one.
    Commitment.objects.select_for_update().filter(pk=commitment.pk).first()
    previous = (
        ProgressReport.objects.select_for_update()
        .filter(commitment=commitment, city=city, is_latest=True)
        .first()
    )
    if previous is not None and previous.reported_on > reported_on:
        # A back-dated report joins the history without replacing the newer one.
        report.is_latest = False
    elif previous is not None:
        ProgressReport.objects.filter(pk=previous.pk).update(is_latest=False)
    save_with_audit(report, actor=actor, action="declarations.progress.reported")
    return report


def reminders_request(*, actor: Any, declaration: Declaration | None = None) -> None:
    """Queue the report reminders; the background task writes and sends the emails."""
    require(can_send_reminders(actor))
    enqueue(SEND_REPORT_REMINDERS, declaration.pk if declaration else None)


def reminders_send(*, declaration_id: int | None = None) -> int:
    """Email each city's focal points the commitments awaiting their report; return the count.

    A commitment awaits a report when the city's latest status is not final and the city
    has not reported within the inactivity period (or never has).
    """
    from intercity.declarations.selectors_accountability import pending_by_city

    pending = pending_by_city(declaration_id=declaration_id)
    if not pending:
        return 0
    people = User.objects.filter(
        role=User.Role.FOCAL_POINT, is_active=True, city_id__in=list(pending)
    ).exclude(email="")
    messages = []
    for person in people.order_by("pk"):
        items = pending[person.city_id]
        with in_language_of(person):
            lines = "\n".join(f"- {item}" for item in items[:50])
            more = len(items) - 50
            if more > 0:
                lines += "\n" + ngettext("… and %(count)d more.", "… and %(count)d more.", more) % {
                    "count": more
                }
            subject = ngettext(
                "Intercity: %(count)d commitment awaits your city's progress report",
                "Intercity: %(count)d commitments await your city's progress report",
                len(items),
            ) % {"count": len(items)}
            body = _(
                "Dear %(name)s,\n\nThe secretariat asks your city to report progress on these "
                "commitments:\n\n%(lines)s\n\nReport at the accountability page of Intercity.\n"
            ) % {"name": person.get_full_name() or person.username, "lines": lines}
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0
