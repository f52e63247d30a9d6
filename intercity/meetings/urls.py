"""Routes of the meeting pages and calendars."""

from django.urls import path

from intercity.meetings import views, views_registration

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_index, name="list"),
    path("new/", views.meeting_new, name="create"),
    path("calendar.ics", views.meeting_feed, name="feed"),
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/edit/", views.meeting_edit, name="edit"),
    path("<slug:slug>/outcome/", views.meeting_outcome, name="outcome"),
    path("<slug:slug>/sessions/new/", views.session_new, name="session-create"),
    path("<slug:slug>/calendar.ics", views.meeting_ics, name="ics"),
    path("<slug:slug>/participants/", views.participants, name="participants"),
    path("<slug:slug>/participants/cities/", views.participants_cities, name="cities-save"),
    path("<slug:slug>/participants/people/new/", views.attendee_new, name="attendee-create"),
    path(
        "<slug:slug>/participants/people/<int:pk>/delete/",
        views.attendee_delete,
        name="attendee-delete",
    ),
    path("<slug:slug>/documents/new/", views.document_new, name="document-create"),
    path("<slug:slug>/documents/<int:pk>/delete/", views.document_delete, name="document-delete"),
    path("<slug:slug>/register/", views_registration.register, name="register"),
    path("<slug:slug>/registrations/", views_registration.registrations, name="registrations"),
    path(
        "<slug:slug>/registrations/settings/",
        views_registration.registration_settings,
        name="registration-settings",
    ),
    path(
        "<slug:slug>/registrations/new/",
        views_registration.registration_new,
        name="registration-create",
    ),
    path(
        "<slug:slug>/registrations/<int:pk>/approve/",
        views_registration.registration_decision,
        {"decision": "approve"},
        name="registration-approve",
    ),
    path(
        "<slug:slug>/registrations/<int:pk>/decline/",
        views_registration.registration_decision,
        {"decision": "decline"},
        name="registration-decline",
    ),
    path(
        "<slug:slug>/registrations/<int:pk>/cancel/",
        views_registration.registration_withdraw,
        name="registration-cancel",
    ),
]
