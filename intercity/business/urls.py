"""Routes of the business pages."""

from django.urls import path

from intercity.business.views import (
    agendas,
    directory,
    events,
    exports,
    imports,
    opportunities,
    runs,
)

app_name = "business"
urlpatterns = [
    path("", directory.directory_index, name="list"),
    path("opportunities/", opportunities.opportunity_index, name="opportunities"),
    path("opportunities/new/", opportunities.opportunity_new, name="opportunity-create"),
    path("opportunities/<int:pk>/", opportunities.opportunity_detail, name="opportunity"),
    path("opportunities/<int:pk>/edit/", opportunities.opportunity_edit, name="opportunity-edit"),
    path(
        "opportunities/<int:pk>/answer/",
        opportunities.opportunity_answer,
        name="opportunity-answer",
    ),
    path(
        "opportunities/<int:pk>/close/", opportunities.opportunity_close, name="opportunity-close"
    ),
    path("suggestions/", directory.suggestions, name="suggestions"),
    path("suggestions/<int:pk>/mark/", directory.suggestion_mark_view, name="suggestion-mark"),
    path("profile-import/", imports.profiles_import_view, name="profiles-import"),
    path("profiles/<slug:slug>/", directory.profile_detail, name="profile"),
    path("profiles/<slug:slug>/edit/", directory.profile_edit, name="profile-edit"),
    path("profiles/<slug:slug>/verify/", directory.profile_verify_view, name="profile-verify"),
    path("events/", events.event_index, name="events"),
    path("events/open/<int:meeting_pk>/", events.event_open, name="event-open"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("events/<int:pk>/edit/", events.event_edit, name="event-edit"),
    path("events/<int:pk>/availability/", events.availability, name="availability"),
    path("events/<int:pk>/register/", events.event_register, name="event-register"),
    path("events/<int:pk>/slots/new/", events.slot_new, name="slot-create"),
    path("events/<int:pk>/requests/new/", events.request_new, name="request-create"),
    path("events/<int:pk>/requests/import/", imports.requests_import_view, name="requests-import"),
    path("requests/<int:pk>/answer/", events.request_answer, name="request-answer"),
    path("requests/<int:pk>/fix/", events.request_fix, name="request-fix"),
    path("requests/<int:pk>/after/", events.request_after, name="request-after"),
    path("events/<int:pk>/schedule/", runs.schedule_run, name="schedule-run"),
    path("runs/<int:pk>/progress/", runs.run_progress, name="run-progress"),
    path("events/<int:pk>/grid/", runs.event_grid, name="grid"),
    path("events/<int:pk>/schedule.csv", exports.schedule_csv, name="schedule-csv"),
    path("assignments/<int:pk>/move/", runs.assignment_move_view, name="assignment-move"),
    path("runs/<int:pk>/publish/", runs.run_publish, name="run-publish"),
    path("events/<int:pk>/agenda/", agendas.agenda, name="agenda"),
    path("events/<int:pk>/agenda.ics", agendas.agenda_ics, name="agenda-ics"),
]
