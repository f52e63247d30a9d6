"""Routes of the declarations pages."""

from django.urls import path

from intercity.declarations import views
from intercity.declarations.feeds import DeclarationFeed

app_name = "declarations"
urlpatterns = [
    path("", views.declaration_index, name="list"),
    path("feed.atom", DeclarationFeed(), name="feed"),
    path("import/", views.declaration_import_page, name="import"),
    path("accountability/", views.accountability, name="accountability"),
    path("accountability.csv", views.accountability_csv, name="accountability-csv"),
    path("accountability.json", views.accountability_json, name="accountability-json"),
    path("accountability/reminders/", views.reminders_send_page, name="reminders"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment"),
    path("commitments/<int:pk>/edit/", views.commitment_edit, name="commitment-edit"),
    path(
        "commitments/<int:pk>/report/<slug:city>/",
        views.progress_report_new,
        name="report",
    ),
    path("<slug:slug>/", views.declaration_detail, name="detail"),
    path("<slug:slug>/pdf/", views.declaration_pdf, name="pdf"),
    path("<slug:slug>/correct/", views.declaration_correct_page, name="correct"),
    path("<slug:slug>/versions/<int:number>/", views.declaration_version, name="version"),
]
