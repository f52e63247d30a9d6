"""API routes: /api/v1/ resources, the OpenAPI schema and its offline docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from intercity.api import views
from intercity.business import api as business_api
from intercity.declarations import api as declarations_api
from intercity.knowledge import api as knowledge_api

router = DefaultRouter()
router.register("cities", views.CityViewSet, basename="city")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("pledges", views.PledgeViewSet, basename="pledge")
router.register("news", views.NewsItemViewSet, basename="news")
router.register("themes", views.ThemeViewSet, basename="theme")
for app_api in (declarations_api, business_api, knowledge_api):
    app_api.register(router)

v1_patterns = [
    path("auth/token/", views.TokenView.as_view(), name="token"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include((v1_patterns, "api-v1"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
