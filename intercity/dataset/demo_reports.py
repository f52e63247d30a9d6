"""Demo progress reports from several cities, so the accountability matrix shows colour."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from intercity.declarations.models import Commitment, ProgressReport
from intercity.declarations.progress import commitment_report

DEMO_NARRATIVE = "Demo report, generated for demonstration:"
# The reporting cities and the statuses they report in turn over the commitments.
DEMO_REPORTERS = ["hanoi", "tokyo", "seoul", "bangkok", "taipei", "ulaanbaatar", "jakarta"]
STATUSES = ["achieved", "in_progress", "planned", "in_progress", "not_started"]
# A one-page PDF, so the evidence download can be seen working.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def reports_demo_load(actor) -> int:
    """Reports by the secretariat's demo login on behalf of the cities; returns how many."""
    if actor is None:
        return 0
    added = 0
    commitments = Commitment.objects.prefetch_related("cities").order_by("pk")
    reported_on = timezone.localdate() - datetime.timedelta(days=30)
    for position, commitment in enumerate(commitments):
        cities = {city.slug: city for city in commitment.cities.all()}
        for turn, slug in enumerate(DEMO_REPORTERS):
            city = cities.get(slug)
            if (
                city is None
                or ProgressReport.objects.filter(
                    commitment=commitment, city=city, narrative__startswith=DEMO_NARRATIVE
                ).exists()
            ):
                continue
            status = STATUSES[(position + turn) % len(STATUSES)]
            evidence = None
            if slug == "hanoi" and status == "achieved":
                evidence = ContentFile(DEMO_PDF, name="demo-evidence.pdf")
            commitment_report(
                actor=actor,
                commitment=commitment,
                city=city,
                status=status,
                narrative=f"{DEMO_NARRATIVE} {city.name} reports this commitment "
                f"{ProgressReport.Status(status).label.lower()}.",
                evidence_file=evidence,
                reported_on=reported_on,
            )
            added += 1
    return added
