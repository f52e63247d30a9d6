"""Routes of the business pages."""

from django.urls import path

from intercity.business import views

app_name = "business"
urlpatterns = [
    path("", views.directory_index, name="list"),
    path("opportunities/new/", views.opportunity_new, name="opportunity-create"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("suggestions/<int:pk>/mark/", views.suggestion_mark_view, name="suggestion-mark"),
    path("profiles/<slug:slug>/", views.profile_detail, name="profile"),
    path("profiles/<slug:slug>/edit/", views.profile_edit, name="profile-edit"),
    path("profiles/<slug:slug>/verify/", views.profile_verify_view, name="profile-verify"),
    path("events/", views.event_index, name="events"),
    path("events/open/<int:meeting_pk>/", views.event_open, name="event-open"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/edit/", views.event_edit, name="event-edit"),
    path("events/<int:pk>/availability/", views.availability, name="availability"),
    path("events/<int:pk>/register/", views.event_register, name="event-register"),
    path("events/<int:pk>/slots/new/", views.slot_new, name="slot-create"),
    path("events/<int:pk>/requests/new/", views.request_new, name="request-create"),
    path("requests/<int:pk>/answer/", views.request_answer, name="request-answer"),
    path("requests/<int:pk>/fix/", views.request_fix, name="request-fix"),
    path("requests/<int:pk>/after/", views.request_after, name="request-after"),
    path("events/<int:pk>/schedule/", views.schedule_run, name="schedule-run"),
    path("runs/<int:pk>/progress/", views.run_progress, name="run-progress"),
    path("events/<int:pk>/grid/", views.event_grid, name="grid"),
    path("assignments/<int:pk>/move/", views.assignment_move_view, name="assignment-move"),
    path("runs/<int:pk>/publish/", views.run_publish, name="run-publish"),
    path("events/<int:pk>/agenda/", views.agenda, name="agenda"),
    path("events/<int:pk>/agenda.ics", views.agenda_ics, name="agenda-ics"),
]
