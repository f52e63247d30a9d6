"""Routes of the indicator pages."""

from django.urls import path

from intercity.indicators import views, views_import

app_name = "indicators"
urlpatterns = [
    path("", views.indicator_index, name="list"),
    path("new/", views.indicator_new, name="create"),
    path("compare/", views.compare, name="compare"),
    path("dashboard/", views.network_dashboard, name="dashboard"),
    path("import/", views_import.import_page, name="import"),
    path("import/template/", views_import.import_template, name="import-template"),
    path("values/new/", views.observation_new, name="observation-create"),
    path("values/<int:pk>/", views.observation_detail, name="observation"),
    path("values/<int:pk>/edit/", views.observation_edit, name="observation-edit"),
    path("values/<int:pk>/verify/", views.observation_verify_view, name="observation-verify"),
    path("targets/new/", views.target_new, name="target-create"),
    path("targets/<int:pk>/edit/", views.target_edit, name="target-edit"),
    path("city/<slug:slug>/", views.city_page, name="city"),
    path("<slug:code>/", views.indicator_detail, name="detail"),
]
