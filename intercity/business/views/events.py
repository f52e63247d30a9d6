"""Business event pages: setup, registration, requests, scheduling runs, grid and agendas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.business import permissions as rules
from intercity.business import run_reasons, selectors, services, services_events, slots
from intercity.business.forms import (
    AfterForm,
    AvailabilityForm,
    EventSetupForm,
    FixSlotForm,
    MeetingRequestForm,
    SlotForm,
)
from intercity.business.models import MeetingRequest, Slot
from intercity.business.views.access import organised_event, require_organiser
from intercity.core.form_saving import save_form
from intercity.core.forms import apply_validation_error
from intercity.core.pagination import paginate
from intercity.core.views import record_form_response
from intercity.meetings import permissions as meeting_rules


@require_GET
def event_index(request):
    search = request.GET.get("q", "").strip() or None
    context = paginate(request, selectors.event_list(request.user, search=search))
    context |= {
        "search": search,
        "awaiting": selectors.meetings_awaiting_matchmaking(request.user),
        # Matchmaking opens on a meeting: who may create one is told where to start.
        "may_create_meeting": meeting_rules.can_create_meeting(request.user),
    }
    return render(request, "business/event_list.html", context)


def _session_plans(form: EventSetupForm) -> list[slots.SessionPlan]:
    data = form.cleaned_data
    return [
        slots.SessionPlan(
            Slot.Session.MORNING, data["morning_start"], data["morning_count"], "morning_start"
        ),
        slots.SessionPlan(
            Slot.Session.AFTERNOON,
            data["afternoon_start"],
            data["afternoon_count"],
            "afternoon_start",
        ),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def event_open(request, meeting_pk):
    meeting = selectors.matchmaking_meeting_get(pk=meeting_pk)
    if not rules.can_open_event(request.user, meeting):
        raise Http404
    existing = selectors.event_of(meeting)
    if existing is not None:
        return redirect("business:event-edit", pk=existing.pk)
    form = EventSetupForm(request.POST or None, initial={"first_day": meeting.start_date})

    def save(_data):
        return services_events.event_setup(
            actor=request.user,
            meeting=meeting,
            data=form.event_data(),
            days=form.days(),
            sessions=_session_plans(form),
            minutes=form.cleaned_data["slot_minutes"],
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Open 1:1 matchmaking for %(title)s") % {"title": meeting.label},
        success_message=_("Matchmaking is open; organisations can now register."),
        cancel_url=reverse("business:events"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk):
    event = organised_event(request.user, pk)
    form = EventSetupForm(request.POST or None, instance=event, slots_required=False)

    def save(_data):
        return services_events.event_setup(
            actor=request.user,
            event=event,
            data=form.event_data(),
            days=form.days(),
            sessions=_session_plans(form),
            minutes=form.cleaned_data["slot_minutes"],
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Matchmaking settings of %(title)s") % {"title": event.meeting.label},
        success_message=_("The event was saved."),
        cancel_url=event.get_absolute_url(),
    )


@require_GET
def event_detail(request, pk):
    return _event_page(request, selectors.event_get(user=request.user, pk=pk))


def _event_page(request, event, *, request_form=None, status=200):
    """The event page; `request_form` is a meeting request sent back with its errors."""
    own = selectors.own_organisation(request.user)
    registration = selectors.registration_for(event, own.pk if own else None)
    organiser = rules.can_organise_event(request.user, event)
    search = request.GET.get("q", "").strip() or None
    if registration is not None:
        # ?meet=<registration> comes from an opportunity's page: that organisation is chosen.
        request_form = request_form or MeetingRequestForm(
            registrations=None, initial={"invitee": request.GET.get("meet")}
        )
        # Only organisations not yet asked, nor asking: the others would be refused.
        request_form.fields["invitee"].queryset = selectors.meeting_candidates(registration)
    context = {
        "event": event,
        "organiser": organiser,
        "own": own,
        "registration": registration,
        "slots": event.slots.all(),
        "pending": selectors.pending_requests_for(registration) if registration else [],
        "answered": selectors.answered_requests_for(registration) if registration else [],
        "sent": registration.sent.select_related("invitee__organisation") if registration else [],
        "run": selectors.latest_run(event) if organiser else None,
        "request_form": request_form if registration else None,
    }
    if organiser:
        context.update(_request_list(request, event, search))
        context.update(_registration_list(request, event))
    if context["run"]:
        context["explanation"] = run_reasons.run_explanation(context["run"])
    # The next run searches as long as the last one unless the organiser says otherwise.
    last_length = context["run"].time_limit if context["run"] else None
    context["chosen_length"] = last_length if last_length in RUN_LENGTHS else RUN_LENGTHS[0]
    return render(request, "business/event_detail.html", context, status=status)


def _registration_list(request, event) -> dict:
    """The organiser's page of registered organisations, searched and paged on its own so
    that it keeps its place while the requests list moves, and the other way round."""
    search = request.GET.get("org_q", "").strip() or None
    context = paginate(
        request,
        selectors.registrations_of(event, search=search),
        per_page=50,
        parameter="org_page",
    )
    return {
        "registrations": context.pop("object_list"),
        "registration_page": context,
        "registration_search": search,
    }


# What the organiser may choose as a scheduler run's length, in seconds.
RUN_LENGTHS = (30, 60, 120, 300, 600)


def _request_list(request, event, search: str | None) -> dict:
    """The organiser's view of the requests: counts per status, filters and one page."""
    status = request.GET.get("status")
    if status not in MeetingRequest.Status.values:
        status = None
    context = paginate(
        request, selectors.requests_of(event, status=status, search=search), per_page=50
    )
    counts = selectors.request_counts(event)
    return {
        "requests": context.pop("object_list"),
        "request_page": context,
        "request_counts": [
            (value, label, counts[value]) for value, label in MeetingRequest.Status.choices
        ],
        "request_filters": {"status": status, "q": search},
        "run_lengths": RUN_LENGTHS,
    }


@login_required
@require_POST
def event_register(request, pk):
    event = selectors.event_get(user=request.user, pk=pk)
    organisation = selectors.own_organisation(request.user)
    if organisation is None or not rules.can_register_for_event(request.user, event, organisation):
        raise Http404
    try:
        services.registration_create(actor=request.user, event=event, organisation=organisation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "%(organisation)s is registered. Mark the slots you cannot attend, then "
                "request meetings."
            )
            % {"organisation": organisation},
        )
    return redirect(event)


@login_required
@require_http_methods(["GET", "POST"])
def slot_new(request, pk):
    event = organised_event(request.user, pk)
    form = SlotForm(request.POST or None)

    def save(data):
        services_events.slot_add(actor=request.user, event=event, data=data)
        return event

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Add a time slot"),
        success_message=_("Slot added."),
        cancel_url=event.get_absolute_url(),
    )


@login_required
@require_POST
def request_new(request, pk):
    event = selectors.event_get(user=request.user, pk=pk)
    own = selectors.own_organisation(request.user)
    registration = selectors.registration_for(event, own.pk if own else None)
    if registration is None or not rules.can_request_meeting(request.user, registration):
        raise Http404
    # Every registration of the event: the service refuses one's own with a reason, where
    # a narrower list would only say "Select a valid choice".
    form = MeetingRequestForm(request.POST, registrations=event.registrations.all())

    def save(data):
        return services.meeting_request_create(
            actor=request.user,
            requester=registration,
            invitee=data.get("invitee"),
            note=data.get("note", ""),
            session=data.get("session"),
        )

    if save_form(form, save)[0]:
        messages.success(request, _("Your request was sent."))
        return redirect(event)
    # The page again, with the request as typed and what is wrong with it.
    return _event_page(request, event, request_form=form, status=400)


def _availability_registration(request, event):
    """The registration whose slots are edited: the user's own, or any one for an organiser."""
    registration_id = request.GET.get("registration")
    if registration_id and rules.can_organise_event(request.user, event):
        return selectors.registration_get(event, pk=registration_id), None
    organisation = selectors.own_organisation(request.user)
    if organisation is None or not rules.can_register_for_event(request.user, event, organisation):
        raise Http404
    return selectors.registration_for(event, organisation.pk), organisation


@login_required
@require_http_methods(["GET", "POST"])
def availability(request, pk):
    """Register for an event (if need be) and tick the slots one cannot attend."""
    event = selectors.event_get(user=request.user, pk=pk)
    registration, organisation = _availability_registration(request, event)
    initial = {"unavailable": registration.unavailable.all()} if registration else {}
    # An empty POST is meaningful here: it clears every mark.
    data = request.POST if request.method == "POST" else None
    form = AvailabilityForm(data, event=event, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if registration is None:
                    registration = services.registration_create(
                        actor=request.user, event=event, organisation=organisation
                    )
                services.registration_set_unavailable(
                    actor=request.user,
                    registration=registration,
                    slots=form.cleaned_data["unavailable"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your availability was saved."))
            unavailable = set(form.cleaned_data["unavailable"])
            clashes = [
                item
                for item in selectors.agenda_of(registration, run=event.published_run)
                if item.slot in unavailable
            ]
            if clashes:
                # The published agenda does not change by itself: say whom to tell.
                messages.warning(
                    request,
                    _(
                        "The published schedule still has meetings at times you now cannot "
                        "attend; ask the organiser to move them: %(meetings)s"
                    )
                    % {
                        "meetings": "; ".join(
                            f"{item.slot} – {item.counterpart}" for item in clashes
                        )
                    },
                )
            return redirect(event)
    chosen = {str(value) for value in (form["unavailable"].value() or [])}
    days, rows = selectors.slot_grid(list(event.slots.all()))
    context = {
        "event": event,
        "form": form,
        "registration": registration,
        "organisation": registration.organisation if registration else organisation,
        "days": days,
        "rows": rows,
        "chosen": chosen,
    }
    return render(
        request, "business/availability_form.html", context, status=400 if form.errors else 200
    )


def _organised_request(request, pk) -> MeetingRequest:
    meeting_request = selectors.meeting_request_get(pk=pk)
    require_organiser(request.user, meeting_request.event)
    return meeting_request


@login_required
@require_http_methods(["GET", "POST"])
def request_fix(request, pk):
    meeting_request = _organised_request(request, pk)
    form = FixSlotForm(
        request.POST or None,
        event=meeting_request.event,
        initial={"fixed_slot": meeting_request.fixed_slot_id},
    )

    def save(data):
        services.meeting_request_fix(
            actor=request.user, meeting_request=meeting_request, slot=data["fixed_slot"]
        )
        return meeting_request.event

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Fix the meeting %(meeting)s to a slot") % {"meeting": meeting_request},
        success_message=_("The meeting's slot was saved."),
        cancel_url=meeting_request.event.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_after(request, pk):
    meeting_request = _organised_request(request, pk)
    form = AfterForm(request.POST or None, meeting_request=meeting_request)

    def save(data):
        services.meeting_request_require_after(
            actor=request.user, meeting_request=meeting_request, earlier=data["earlier"]
        )
        return meeting_request.event

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Order the meeting %(meeting)s after another") % {"meeting": meeting_request},
        success_message=_("The order was saved."),
        cancel_url=meeting_request.event.get_absolute_url(),
    )


@login_required
@require_POST
def request_answer(request, pk):
    meeting_request = selectors.meeting_request_get(pk=pk)
    if not rules.can_answer_meeting_request(request.user, meeting_request):
        raise Http404
    accept = request.POST.get("answer") == "accept"
    services.meeting_request_answer(
        actor=request.user, meeting_request=meeting_request, accept=accept
    )
    # The request leaves the list it was answered from: say what became of it.
    if accept:
        told = _("%(organisation)s: you accepted the meeting.")
    else:
        told = _("%(organisation)s: you declined the meeting.")
    messages.success(request, told % {"organisation": meeting_request.requester.organisation})
    return redirect(meeting_request.event)
