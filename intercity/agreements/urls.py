"""Routes of the agreement pages."""

from django.urls import path, re_path

from intercity.agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_index, name="list"),
    path("new/", views.agreement_new, name="create"),
    re_path(
        r"^proposals/(?P<pk>[0-9]+)/(?P<decision>confirm|decline|withdraw)/$",
        views.proposal_decide,
        name="proposal-decide",
    ),
    path("<slug:slug>/", views.agreement_detail, name="detail"),
    path("<slug:slug>/edit/", views.agreement_edit, name="edit"),
]
