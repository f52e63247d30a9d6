"""Routes of the solidarity pages."""

from django.urls import path

from intercity.solidarity import views, views_drills, views_help

app_name = "solidarity"
urlpatterns = [
    path("", views.incident_index, name="list"),
    path("feed.atom", views.IncidentFeed(), name="feed"),
    path("cap.atom", views.ActiveCapFeed(), name="cap-feed"),
    path("import-cap/", views_help.import_cap, name="import-cap"),
    path("import-feed/", views_help.import_feed, name="import-feed"),
    path("incidents/new/", views_help.incident_create, name="incident-create"),
    path("incidents/<slug:slug>/", views.incident_detail, name="incident"),
    path("incidents/<slug:slug>/edit/", views_help.incident_edit, name="incident-edit"),
    path("incidents/<slug:slug>/figures/", views_help.figure_add, name="figure-add"),
    path("incidents/<slug:slug>/cap.xml", views.incident_cap, name="cap"),
    path("incidents/<slug:slug>/board/", views.needs_board, name="board"),
    path("incidents/<slug:slug>/confirm/", views_help.confirm_incident, name="confirm"),
    path("incidents/<slug:slug>/needs/", views_help.need_post, name="need-post"),
    path("incidents/<slug:slug>/offer/", views_help.offer_make, name="offer"),
    path("incidents/<slug:slug>/message/", views_help.message_send, name="message"),
    path("needs/<int:need_id>/accept/<int:offer_id>/", views_help.offer_accept, name="accept"),
    path("offers/<int:offer_id>/edit/", views_help.offer_edit, name="offer-edit"),
    path("assistance/<int:assistance_id>/dispatch/", views_help.dispatch, name="dispatch"),
    path("deliveries/<int:delivery_id>/receive/", views_help.receive, name="receive"),
    path("drills/", views_drills.drill_index, name="drills"),
    path("drills/new/", views_drills.drill_create, name="drill-create"),
    path("drills/<slug:slug>/", views_drills.drill_detail, name="drill"),
    path("drills/<slug:slug>/review/", views_drills.review_save, name="review"),
    path("drills/<slug:slug>/actions/", views_drills.action_add, name="action-add"),
    path("actions/<int:action_id>/done/", views_drills.action_done, name="action-done"),
]
