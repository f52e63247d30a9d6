"""The organiser's schedule as a CSV file, in the columns the meeting import reads."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from intercity.business import selectors
from intercity.business.views.access import organised_event
from intercity.core.exports import csv_response

# Column names are codes, not labels, so that the file can be imported into another event.
SCHEDULE_COLUMNS = [
    ("day", lambda a: a.slot.day.isoformat()),
    ("starts_at", lambda a: f"{a.slot.starts_at:%H:%M}"),
    ("ends_at", lambda a: f"{a.slot.ends_at:%H:%M}"),
    ("table", lambda a: a.table),
    ("requester", lambda a: a.request.requester.organisation.slug),
    ("requester_name", lambda a: a.request.requester.organisation.name),
    ("invitee", lambda a: a.request.invitee.organisation.slug),
    ("invitee_name", lambda a: a.request.invitee.organisation.name),
    ("session", lambda a: a.request.session),
    ("note", lambda a: a.request.note),
]


@login_required
@require_GET
def schedule_csv(request, pk):
    """The latest finished run's meetings in time and table order, for the organiser."""
    event = organised_event(request.user, pk)
    run = selectors.latest_finished_run(event)
    rows = selectors.schedule_rows(run) if run is not None else []
    return csv_response(filename=f"schedule-{event.pk}.csv", columns=SCHEDULE_COLUMNS, rows=rows)
