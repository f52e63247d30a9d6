"""Routes of the programme pages."""

from django.urls import path

from intercity.programmes import views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_index, name="list"),
    path("new/", views.programme_new, name="create"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/edit/", views.programme_edit, name="edit"),
    path("<slug:slug>/join/", views.programme_join_view, name="join"),
    path("<slug:slug>/leave/", views.programme_leave_view, name="leave"),
    path("<slug:slug>/activities/new/", views.activity_new, name="activity-create"),
    path("<slug:slug>/reviews/new/", views.review_new, name="review-create"),
]
