"""Routes of the organisation pages."""

from django.urls import path

from intercity.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_index, name="list"),
    path("new/", views.organisation_new, name="create"),
    path("import/", views.organisation_import, name="import"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
]
