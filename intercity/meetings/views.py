"""Meeting pages: list, detail, forms, participants and documents, iCalendar downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.cities.models import City
from intercity.cities.selectors import city_choices
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.exports import csv_response, wants_csv
from intercity.core.form_saving import save_form
from intercity.core.list_filters import ReadFilters, one_of, read_filters, slug_in, year
from intercity.core.pagination import paginate
from intercity.core.slugs import create_with_unique_slug
from intercity.core.views import record_form_response
from intercity.meetings import ics
from intercity.meetings.forms import (
    AttendeeForm,
    DocumentForm,
    MeetingForm,
    ParticipatingCitiesForm,
    SessionForm,
)
from intercity.meetings.models import Attendee, Meeting, MeetingDocument
from intercity.meetings.permissions import (
    can_cancel_registration,
    can_create_meeting,
    can_edit_meeting,
    can_manage_plenary_series,
    can_manage_registration,
    can_register,
    can_see_registrations,
    can_view_meeting,
)
from intercity.meetings.selectors import (
    meeting_attendance,
    meeting_get,
    meeting_list,
    next_host_suggestion,
    own_registration,
    plenary_series,
)
from intercity.meetings.services import (
    attendee_add,
    attendee_remove,
    document_add,
    document_remove,
    meeting_create,
    meeting_record_outcome,
    meeting_set_cities,
    meeting_update,
    session_create,
)

MEETING_COLUMNS = [
    (gettext_lazy("title"), lambda m: m.title),
    (gettext_lazy("kind"), lambda m: m.get_kind_display()),
    (gettext_lazy("ordinal"), lambda m: m.ordinal),
    (gettext_lazy("host city"), lambda m: m.host_city.name if m.host_city else ""),
    (gettext_lazy("year"), lambda m: m.year),
    (gettext_lazy("start date"), lambda m: m.start_date),
    (gettext_lazy("end date"), lambda m: m.end_date),
    (gettext_lazy("time zone"), lambda m: m.time_zone),
    (gettext_lazy("status"), lambda m: m.get_status_display()),
    (gettext_lazy("participating cities"), lambda m: m.city_count),
]


def _list_filters(query, names=("kind", "city", "year", "when")) -> ReadFilters:
    known = {
        "kind": one_of(gettext_lazy("Kind"), Meeting.Kind.values),
        "city": slug_in(gettext_lazy("City"), city_choices()),
        "year": year(gettext_lazy("Year")),
        "when": one_of(gettext_lazy("When"), ("upcoming", "past")),
    }
    return read_filters(query, {name: known[name] for name in names})


@require_GET
def meeting_index(request):
    read = _list_filters(request.GET)
    filters = {"search": request.GET.get("q") or None, **read.values}
    meetings = meeting_list(user=request.user, **filters)
    if wants_csv(request):
        return csv_response(filename="meetings.csv", columns=MEETING_COLUMNS, rows=meetings)
    context = paginate(request, meetings)
    context.update(
        {
            "filters": filters,
            "filter_notices": read.notices,
            # A subscribed calendar keeps which kind of meeting and which city's, if known.
            "calendar_query": urlencode(
                {name: value for name, value in read.query().items() if name in ("kind", "city")}
            ),
            "kinds": Meeting.Kind.choices,
            "cities": city_choices(),
            "can_create": can_create_meeting(request.user),
            "series": plenary_series(user=request.user),
            "next_host": next_host_suggestion(),
        }
    )
    return render(request, "meetings/meeting_list.html", context)


@require_GET
def meeting_detail(request, slug):
    meeting = meeting_get(user=request.user, slug=slug)
    context = {
        "meeting": meeting,
        # A meeting held alongside one hidden from the viewer does not link to it.
        "parent": meeting.parent
        if meeting.parent and can_view_meeting(request.user, meeting.parent)
        else None,
        "attendance": meeting_attendance(meeting),
        "can_edit": can_edit_meeting(request.user, meeting),
        "history": audit_trail(meeting, viewer=request.user, whole=wants_whole_history(request)),
        "registration": _registration_state(request.user, meeting),
    }
    return render(request, "meetings/meeting_detail.html", context)


def _registration_state(user, meeting: Meeting) -> dict:
    """What the meeting page says about registration to this reader."""
    own = own_registration(user=user, meeting=meeting)
    return {
        "own": own,
        "history": audit_trail(own, viewer=user) if own is not None else None,
        "can_cancel": own is not None
        and own.holds_place
        and not meeting.has_started
        and can_cancel_registration(user, own),
        "can_register": (own is None or not own.holds_place)
        and meeting.registration_is_open
        and not meeting.has_started
        and can_register(user, meeting),
        "can_see_all": can_see_registrations(user, meeting),
        "can_manage": can_manage_registration(user, meeting),
    }


def _host_choices(user):
    if is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk=focal_city_id(user))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request):
    if not can_create_meeting(request.user):
        raise Http404
    form = MeetingForm(
        request.POST or None,
        host_cities=_host_choices(request.user),
        plenary_series=can_manage_plenary_series(request.user),
    )

    def save(_data):
        data, cities = form.split()
        return create_with_unique_slug(
            Meeting,
            data.get("title", ""),
            lambda slug: meeting_create(
                actor=request.user, data=data | {"slug": slug}, cities=cities
            ),
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("New meeting"),
        success_message=_("The meeting was created."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, slug):
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_edit_meeting(request.user, meeting):
        raise Http404
    form = MeetingForm(
        request.POST or None,
        instance=meeting,
        host_cities=_host_choices(request.user),
        plenary_series=can_manage_plenary_series(request.user),
    )

    def save(_data):
        data, cities = form.split()
        fresh = Meeting.objects.get(pk=meeting.pk)
        meeting_update(actor=request.user, meeting=fresh, data=data, cities=cities)
        return meeting

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(meeting)s") % {"meeting": meeting.label},
        success_message=_("The meeting was saved."),
        cancel_url=meeting.get_absolute_url(),
    )


@login_required
@require_POST
def meeting_outcome(request, slug):
    """Held or cancelled, for a meeting whose days have passed: from its page or My work."""
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_edit_meeting(request.user, meeting):
        raise Http404
    status = request.POST.get("status", "")
    try:
        meeting_record_outcome(actor=request.user, meeting=meeting, status=status)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if status == Meeting.Status.HELD:
            text = _("%(meeting)s is recorded as held.")
        else:
            text = _("%(meeting)s is recorded as cancelled.")
        messages.success(request, text % {"meeting": meeting.label})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request, slug):
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_edit_meeting(request.user, meeting):
        raise Http404
    # Delegates type agenda times in the meeting's local time, wherever the server is.
    with timezone.override(meeting.time_zone):
        form = SessionForm(request.POST or None)

        def save(data):
            session_create(actor=request.user, meeting=meeting, data=data)
            return meeting

        return record_form_response(
            request,
            form,
            save=save,
            heading=_("Add an agenda item to %(meeting)s") % {"meeting": meeting.label},
            success_message=_("The agenda item was saved."),
            cancel_url=meeting.get_absolute_url(),
        )


def _event(request, meeting: Meeting) -> ics.CalendarEvent:
    location = ", ".join(
        part for part in (meeting.venue, getattr(meeting.host_city, "name", "")) if part
    )
    return ics.CalendarEvent(
        uid=f"meeting-{meeting.pk}@intercity",
        title=meeting.title,
        start=meeting.start_date,
        end=meeting.end_date or meeting.start_date,
        location=location,
        description=meeting.description,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        updated=meeting.updated_at,
    )


def _session_events(request, meeting: Meeting) -> list[ics.CalendarEvent]:
    """Each agenda item with a time as a timed event, one with only a day as that day."""
    events = []
    url = request.build_absolute_uri(meeting.get_absolute_url())
    for session in meeting.sessions.all():
        if session.starts_at:
            start, end = session.starts_at, session.ends_at or session.starts_at
        elif session.day:
            start = end = session.day
        else:
            continue
        events.append(
            ics.CalendarEvent(
                uid=f"session-{session.pk}@intercity",
                title=f"{session.title} — {meeting.title}",
                start=start,
                end=end,
                location=meeting.venue,
                description=session.description or session.topic,
                url=url,
                updated=session.updated_at,
            )
        )
    return events


def _calendar_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def meeting_ics(request, slug):
    meeting = meeting_get(user=request.user, slug=slug)
    if meeting.start_date is None:
        raise Http404(_("This meeting has no date yet."))
    events = [_event(request, meeting), *_session_events(request, meeting)]
    text = ics.calendar(events, name=meeting.title, now=timezone.now())
    return _calendar_response(text, f"{meeting.slug}.ics")


def _calendar_filters(query) -> dict[str, str]:
    """The list's filters a subscribed calendar keeps: which kind of meeting, which city's."""
    return _list_filters(query, names=("kind", "city")).query()


@require_GET
def meeting_feed(request):
    # Public meetings only, whoever asks: calendar applications subscribe without signing in.
    meetings = (
        meeting_list(user=AnonymousUser(), **_calendar_filters(request.GET))
        .filter(start_date__isnull=False)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-start_date")[:500]
    )
    events = [_event(request, meeting) for meeting in meetings]
    text = ics.calendar(events, name=_("ANMC21 meetings"), now=timezone.now())
    return _calendar_response(text, "meetings.ics")


# Participants and documents -----------------------------------------------------------------


def _editable_meeting(request, slug) -> Meeting:
    """The meeting if the user may change it; 404 otherwise, as for a record not there."""
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_edit_meeting(request.user, meeting):
        raise Http404
    return meeting


def _participants_page(request, meeting, status=200, **forms):
    context = {
        "meeting": meeting,
        "cities_form": forms.get("cities_form") or ParticipatingCitiesForm(meeting=meeting),
        "attendee_form": forms.get("attendee_form") or AttendeeForm(prefix="person"),
        "document_form": forms.get("document_form") or DocumentForm(prefix="document"),
        "attendees": meeting.attendees.select_related("city"),
        "documents": meeting.documents.all(),
    }
    return render(request, "meetings/meeting_participants.html", context, status=status)


def _saved(request, meeting, message):
    messages.success(request, message)
    return redirect("meetings:participants", slug=meeting.slug)


@login_required
@require_GET
def participants(request, slug):
    return _participants_page(request, _editable_meeting(request, slug))


@login_required
@require_POST
def participants_cities(request, slug):
    meeting = _editable_meeting(request, slug)
    form = ParticipatingCitiesForm(request.POST, meeting=meeting)
    if form.is_valid():
        meeting_set_cities(actor=request.user, meeting=meeting, roles=form.roles())
        return _saved(request, meeting, _("The participating cities were saved."))
    return _participants_page(request, meeting, status=400, cities_form=form)


@login_required
@require_POST
def attendee_new(request, slug):
    meeting = _editable_meeting(request, slug)
    form = AttendeeForm(request.POST, prefix="person")
    saved, _attendee = save_form(
        form, lambda data: attendee_add(actor=request.user, meeting=meeting, data=data)
    )
    if saved:
        return _saved(request, meeting, _("The person was added."))
    return _participants_page(request, meeting, status=400, attendee_form=form)


@login_required
@require_POST
def attendee_delete(request, slug, pk):
    meeting = _editable_meeting(request, slug)
    attendee = get_object_or_404(Attendee, meeting=meeting, pk=pk)
    attendee_remove(actor=request.user, attendee=attendee)
    return _saved(request, meeting, _("The person was removed."))


@login_required
@require_POST
def document_new(request, slug):
    meeting = _editable_meeting(request, slug)
    form = DocumentForm(request.POST, request.FILES, prefix="document")

    def save(_data):
        data, upload = form.split()
        return document_add(actor=request.user, meeting=meeting, data=data, upload=upload)

    if save_form(form, save)[0]:
        return _saved(request, meeting, _("The document was added."))
    return _participants_page(request, meeting, status=400, document_form=form)


@login_required
@require_POST
def document_delete(request, slug, pk):
    meeting = _editable_meeting(request, slug)
    document = get_object_or_404(MeetingDocument, meeting=meeting, pk=pk)
    document_remove(actor=request.user, document=document)
    return _saved(request, meeting, _("The document was removed."))
