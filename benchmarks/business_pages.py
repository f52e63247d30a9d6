"""Latency and SQL query counts of a large trade fair's pages and API, as its organiser.

Builds a separate SQLite database (or uses DATABASE_URL) with one business event of 300
organisations, 1,500 accepted meeting requests (plus 150 waiting), 30 slots of 60 tables
and a finished scheduler run placing the meetings, then requests the organiser's pages and
the API several times. A tenth of the size is measured first, so that a query count that
grows with the event shows at once.

    .venv/bin/python benchmarks/business_pages.py [--scale 1.0] [--repeat 10]
"""

import datetime
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import run_benchmark  # noqa: E402


def build(scale: float) -> dict:
    """One event with its organisations, requests, slots and a finished run; bulk inserts."""
    from django.core.management import call_command

    from intercity.business.models import (
        Assignment,
        Event,
        MeetingRequest,
        Registration,
        ScheduleRun,
        Slot,
    )
    from intercity.meetings.models import Meeting
    from intercity.organisations.models import Organisation
    from intercity.testing.personas import make_cast

    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(13)
    n_orgs, n_requests = max(10, int(300 * scale)), max(20, int(1_500 * scale))
    cast = make_cast()
    meeting = Meeting.objects.create(
        slug="fair",
        title="Trade fair",
        kind="trade_fair",
        host_city=cast.home,
        year=2030,
        start_date=datetime.date(2030, 5, 6),
        time_zone="Asia/Bangkok",
    )
    event = Event.objects.create(meeting=meeting, tables=60)
    slots = Slot.objects.bulk_create(
        Slot(
            event=event,
            day=datetime.date(2030, 5, 6 + day),
            starts_at=datetime.time(9 + i, 0),
            ends_at=datetime.time(9 + i, 45),
            session="morning" if i < 4 else "afternoon",
        )
        for day in range(3)
        for i in range(10)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(slug=f"org-{i}", name=f"Company {i:03d}", kind="enterprise", city=cast.home)
        for i in range(n_orgs)
    )
    registrations = Registration.objects.bulk_create(
        Registration(event=event, organisation=o) for o in organisations
    )
    pairs = set()
    while len(pairs) < n_requests * 1.1:
        a, b = rng.sample(range(n_orgs), 2)
        if (b, a) not in pairs:
            pairs.add((a, b))
    requests = MeetingRequest.objects.bulk_create(
        MeetingRequest(
            event=event,
            requester=registrations[a],
            invitee=registrations[b],
            status="accepted" if i < n_requests else "pending",
        )
        for i, (a, b) in enumerate(sorted(pairs))
    )
    run = ScheduleRun.objects.create(
        event=event, status="feasible", stage="done", progress=100, breaks=0, time_limit=30
    )
    busy, used, placed = set(), {}, []
    for request in requests[:n_requests]:
        for s, slot in enumerate(slots):
            ends = (request.requester_id, s), (request.invitee_id, s)
            if used.get(s, 0) < event.tables and not busy.intersection(ends):
                busy.update(ends)
                used[s] = used.get(s, 0) + 1
                placed.append(Assignment(run=run, request=request, slot=slot, table=used[s]))
                break
    Assignment.objects.bulk_create(placed, batch_size=2000)
    return {
        "event": event.pk,
        "run": run.pk,
        "registration": registrations[0].pk,
        "assignment": placed[len(placed) // 2].pk,
        "organiser": cast.focal_point,
        "requests": len(requests),
        "placed": len(placed),
        "organisations": n_orgs,
    }


def urls(data: dict) -> list[tuple[str, str]]:
    """(label, address) of each page and API answer to measure."""
    event, run, registration = data["event"], data["run"], data["registration"]
    return [
        ("/business/events/<event>/", f"/business/events/{event}/"),
        ("  ?status=pending&q=company", f"/business/events/{event}/?status=pending&q=company"),
        ("  ?page=20", f"/business/events/{event}/?page=20"),
        ("/business/events/<event>/grid/", f"/business/events/{event}/grid/"),
        ("/business/assignments/<a>/move/", f"/business/assignments/{data['assignment']}/move/"),
        (
            "/business/events/<event>/agenda/?reg…",
            f"/business/events/{event}/agenda/?registration={registration}",
        ),
        ("/api/v1/business/events/<event>/requests/", f"/api/v1/business/events/{event}/requests/"),
        ("/api/v1/business/runs/<run>/", f"/api/v1/business/runs/{run}/"),
    ]


def _organiser_client(data: dict):
    from django.test import Client

    client = Client()
    client.force_login(data["organiser"])
    return client


def main() -> None:
    run_benchmark(
        __doc__,
        repeat=10,
        build=build,
        urls=urls,
        describe=lambda data: (
            f"{data['organisations']} organisations, {data['requests']:,} requests, "
            f"{data['placed']:,} placed meetings"
        ),
        client_for=_organiser_client,
        width=44,
    )


if __name__ == "__main__":
    main()
