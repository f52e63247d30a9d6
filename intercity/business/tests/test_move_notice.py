"""A meeting moved by hand on the published schedule: both organisations are told, in words
of their own language, and the move is on the event's record."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from intercity.business import services
from intercity.business.models import MeetingRequest, ScheduleRun
from intercity.core.audit import audit_trail
from intercity.testing.business_factories import EventFactory, RegistrationFactory, add_slots
from intercity.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _rep(registration, email, language="en"):
    return UserFactory(
        role="organisation_rep",
        organisation=registration.organisation,
        email=email,
        language=language,
    )


@pytest.fixture
def fair(cast):
    """Meetings a–b and a–c, and d–e, whose move concerns d and e only; a run solved."""
    event = EventFactory(meeting__host_city=cast.home, tables=2)
    add_slots(event, 4)
    regs = {name: RegistrationFactory(event=event) for name in "abcde"}
    for x, y in [("a", "b"), ("a", "c"), ("d", "e")]:
        MeetingRequest.objects.create(
            event=event, requester=regs[x], invitee=regs[y], status="accepted"
        )
    _rep(regs["a"], "a@example.org")
    _rep(regs["d"], "d.ko@example.org", "ko")
    _rep(regs["e"], "e.en@example.org", "en")
    run = ScheduleRun.objects.create(event=event, time_limit=5)
    run = services.schedule_run_execute(run_id=run.pk)
    assert run.assignments.count() == 3 and not run.problems
    return event, run, regs


def _published(cast, fair, mailoutbox):
    event, run, regs = fair
    services.schedule_publish(actor=cast.focal_point, run=run)
    mailoutbox.clear()
    return event, run, regs


def _assignment_of(run, requester):
    return run.assignments.select_related("slot", "run__event").get(request__requester=requester)


def _free_cell(run, assignment):
    """Another slot with a free table, where the meeting keeps every rule."""
    taken = set(run.assignments.values_list("slot_id", "table"))
    for slot in run.event.slots.exclude(pk=assignment.slot_id):
        for table in (1, 2):
            if (slot.pk, table) not in taken:
                return slot, table
    raise AssertionError("no free cell")


def test_a_kept_move_on_the_published_schedule_emails_both_organisations_in_their_language(
    cast, fair, mailoutbox, django_capture_on_commit_callbacks
):
    event, run, regs = _published(cast, fair, mailoutbox)
    moved = _assignment_of(run, regs["d"])
    old_slot, old_table = moved.slot, moved.table
    slot, table = _free_cell(run, moved)

    with django_capture_on_commit_callbacks(execute=True):
        report = services.assignment_move(
            actor=cast.focal_point, assignment=moved, slot=slot, table=table
        )

    assert report.ok
    assert sorted(m.to[0] for m in mailoutbox) == ["d.ko@example.org", "e.en@example.org"]
    by_address = {m.to[0]: m for m in mailoutbox}
    english = by_address["e.en@example.org"]
    assert english.subject == f"A meeting at {event.meeting.title} has moved"
    assert f"Your meeting with {regs['d'].organisation} has moved." in english.body
    assert f"Before: {old_slot} · table {old_table}" in english.body
    assert f"Now: {slot} · table {table}" in english.body
    assert f"{slot} · table {table} · {regs['d'].organisation}" in english.body  # the agenda
    assert reverse("business:agenda", args=[event.pk]) in english.body
    korean = by_address["d.ko@example.org"]
    with translation.override("ko"):
        word = translation.gettext("table")
        subject = translation.gettext("A meeting at %(event)s has moved") % {
            "event": event.meeting.title
        }
        old_shown, new_shown = str(old_slot), str(slot)
    assert word != "table" and new_shown != str(slot), "no Korean to read"
    assert korean.subject == subject
    assert old_shown in korean.body
    assert f"{new_shown} · {word} {table} · {regs['e'].organisation}" in korean.body


def test_a_move_on_the_published_schedule_is_on_the_events_record(
    cast, fair, mailoutbox, django_capture_on_commit_callbacks
):
    event, run, regs = _published(cast, fair, mailoutbox)
    moved = _assignment_of(run, regs["d"])
    slot, table = _free_cell(run, moved)
    with django_capture_on_commit_callbacks(execute=True):
        services.assignment_move(actor=cast.focal_point, assignment=moved, slot=slot, table=table)

    line = audit_trail(event, viewer=cast.secretariat)[0]

    pair = f"{regs['d'].organisation} – {regs['e'].organisation}"
    assert line.sentence.endswith(f"moved the meeting {pair} in the published schedule")


def test_a_move_on_a_schedule_not_published_emails_nobody(
    cast, fair, mailoutbox, django_capture_on_commit_callbacks
):
    _event, run, regs = fair
    moved = _assignment_of(run, regs["d"])
    slot, table = _free_cell(run, moved)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.assignment_move(actor=cast.focal_point, assignment=moved, slot=slot, table=table)
    assert mailoutbox == [] and callbacks == []
    moved.refresh_from_db()
    assert (moved.slot_id, moved.table) == (slot.pk, table)


def test_a_refused_move_emails_nobody_and_leaves_the_meeting_where_it_was(
    cast, fair, mailoutbox, django_capture_on_commit_callbacks
):
    event, run, regs = _published(cast, fair, mailoutbox)
    first = run.assignments.get(request__requester=regs["a"], request__invitee=regs["b"])
    second = run.assignments.get(request__requester=regs["a"], request__invitee=regs["c"])
    before = (second.slot_id, second.table)
    entries = event.history.count()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.assignment_move(
            actor=cast.focal_point, assignment=second, slot=first.slot, table=2
        )
    assert mailoutbox == []
    second.refresh_from_db()
    assert (second.slot_id, second.table) == before
    assert event.history.count() == entries


def test_the_move_page_tells_the_organiser_both_organisations_were_emailed(
    cast, client_for, fair, mailoutbox, django_capture_on_commit_callbacks
):
    _event, run, regs = _published(cast, fair, mailoutbox)
    moved = _assignment_of(run, regs["d"])
    slot, table = _free_cell(run, moved)
    url = reverse("business:assignment-move", args=[moved.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page = client_for(cast.focal_point).post(
            url, {"slot": slot.pk, "table": table}, follow=True
        )
    assert page.status_code == 200
    d, e = regs["d"].organisation, regs["e"].organisation
    assert f"The representatives of {d} and {e} were emailed the change." in page.text
    assert len(mailoutbox) == 2


def test_the_organiser_is_told_when_neither_organisation_can_be_emailed(
    cast, client_for, fair, mailoutbox, django_capture_on_commit_callbacks
):
    from intercity.accounts.models import User

    _event, run, regs = _published(cast, fair, mailoutbox)
    d, e = regs["d"].organisation, regs["e"].organisation
    User.objects.filter(organisation__in=[d, e]).update(email="")
    moved = _assignment_of(run, regs["d"])
    slot, table = _free_cell(run, moved)
    url = reverse("business:assignment-move", args=[moved.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page = client_for(cast.focal_point).post(
            url, {"slot": slot.pk, "table": table}, follow=True
        )
    assert f"Neither {d} nor {e} has a representative with an email address" in page.text
    assert "were emailed the change" not in page.text
    assert mailoutbox == []


def test_a_move_on_a_draft_says_only_that_the_schedule_passes(
    cast, client_for, fair, mailoutbox, django_capture_on_commit_callbacks
):
    _event, run, regs = fair
    moved = _assignment_of(run, regs["d"])
    slot, table = _free_cell(run, moved)
    url = reverse("business:assignment-move", args=[moved.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page = client_for(cast.focal_point).post(
            url, {"slot": slot.pk, "table": table}, follow=True
        )
    assert "Moved; the schedule passes every check." in page.text
    assert "breaks rules" not in page.text and "emailed" not in page.text
    assert mailoutbox == []
