"""Routes of the city pages."""

from django.urls import path

from intercity.cities import views

app_name = "cities"
urlpatterns = [
    path("", views.city_index, name="list"),
    path("new/", views.city_new, name="create"),
    path("<slug:slug>/", views.city_detail, name="detail"),
    path("<slug:slug>/edit/", views.city_edit, name="edit"),
]
