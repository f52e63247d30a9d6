"""A focal point's "Progress reports due" weighs every commitment the city carries, however
many, counts them truly and puts the overdue first, in the same queries whatever their number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from intercity.declarations.models import Commitment, ProgressReport
from intercity.testing.declaration_factories import ClauseFactory, DeclarationFactory

pytestmark = pytest.mark.django_db
URL = reverse("web:my-work")
Responsibility = Commitment.cities.through
LONG_AGO = datetime.date(2002, 5, 1)


def section(page: str, key: str = "reports") -> str:
    return page.split(f'id="work-{key}"')[1].split("</section>")[0]


def carry(city, count: int, *, achieved: int = 0, adopted_on=datetime.date(2030, 3, 5)):
    """`count` commitments of one declaration for the city, in order; the first `achieved`
    of them reported as achieved. Bulk writes, so a test can afford hundreds."""
    declaration = DeclarationFactory(adopted_on=adopted_on)
    clause = ClauseFactory(declaration=declaration)
    commitments = Commitment.objects.bulk_create(
        Commitment(
            declaration=declaration, clause=clause, position=index, title=f"Commitment {index}"
        )
        for index in range(1, count + 1)
    )
    Responsibility.objects.bulk_create(
        Responsibility(commitment_id=commitment.pk, city_id=city.pk) for commitment in commitments
    )
    ProgressReport.objects.bulk_create(
        ProgressReport(
            commitment=commitment,
            city=city,
            status=ProgressReport.Status.ACHIEVED,
            reported_on=datetime.date(2030, 6, 1),
        )
        for commitment in commitments[:achieved]
    )
    return commitments


def test_a_commitment_due_beyond_the_two_hundredth_is_listed(client_for, cast):
    commitments = carry(cast.home, 205, achieved=204)

    reports = section(client_for(cast.focal_point).get(URL).content.decode())

    assert "Commitment 205</a>" in reports
    assert reports.count("<li") == 1
    assert "Due: not reported yet" in reports
    assert reverse("declarations:report", args=[commitments[-1].pk, cast.home.slug]) in reports


def test_every_commitment_due_is_counted_and_the_overdue_come_first(client_for, cast):
    commitments = carry(cast.home, 230)
    late = commitments[-1]
    late.target_date = datetime.date(2020, 1, 1)
    late.save(update_fields=["target_date"])

    page = client_for(cast.focal_point).get(URL).content.decode()
    reports = section(page)

    assert reports.count("<li") == 20
    assert "and 210 more" in reports
    assert reports.index("Commitment 230</a>") < reports.index("Commitment 1</a>")
    assert "Overdue: target date" in reports
    assert "230 things wait for you" in page


def test_long_silent_and_final_reports_are_told_apart(client_for, cast):
    silent, never, achieved, recent = carry(cast.home, 4, adopted_on=datetime.date(2001, 1, 1))
    ProgressReport.objects.bulk_create(
        [
            ProgressReport(
                commitment=silent, city=cast.home, status="in_progress", reported_on=LONG_AGO
            ),
            ProgressReport(
                commitment=achieved, city=cast.home, status="achieved", reported_on=LONG_AGO
            ),
            ProgressReport(
                commitment=recent,
                city=cast.home,
                status="planned",
                reported_on=timezone.localdate(),
            ),
        ]
    )

    reports = section(client_for(cast.focal_point).get(URL).content.decode())

    assert "Commitment 3</a>" not in reports
    assert reports.count("<li") == 3
    assert "Overdue: last report" in reports and "In progress" in reports
    assert "Overdue: never reported" in reports
    assert "Due: last report" in reports and "Planned" in reports
    # The overdue first, then in the declaration's order.
    assert reports.index("Commitment 1</a>") < reports.index("Commitment 2</a>")
    assert reports.index("Commitment 2</a>") < reports.index("Commitment 4</a>")


def test_an_unadopted_declarations_commitments_wait_for_no_report(client_for, cast):
    commitments = carry(cast.home, 3)
    commitments[0].declaration.status = "draft"
    commitments[0].declaration.save(update_fields=["status"])

    reports = section(client_for(cast.focal_point).get(URL).content.decode())

    assert "Every commitment your city carries has a recent or final report." in reports


def test_the_section_costs_the_same_queries_with_few_commitments_or_many(client_for, cast):
    client = client_for(cast.focal_point)
    carry(cast.home, 3, achieved=1)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    carry(cast.home, 260, achieved=30)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)

    assert len(many) == len(few)
