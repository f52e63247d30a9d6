"""API routes: every app's resources under /api/v1/, the OpenAPI schema and its offline docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from intercity.agreements import api as agreements_api
from intercity.api import views
from intercity.business import api as business_api
from intercity.cities import api as cities_api
from intercity.core import api as core_api
from intercity.declarations import api as declarations_api
from intercity.indicators import api as indicators_api
from intercity.knowledge import api as knowledge_api
from intercity.meetings import api as meetings_api
from intercity.organisations import api as organisations_api
from intercity.programmes import api as programmes_api
from intercity.solidarity import api as solidarity_api
from intercity.web import api as web_api

# Each app's api.py names its resources; the order here is the order of the API's index.
APPS = (
    cities_api,
    organisations_api,
    meetings_api,
    programmes_api,
    agreements_api,
    web_api,
    core_api,
    declarations_api,
    business_api,
    knowledge_api,
    indicators_api,
    solidarity_api,
)

router = DefaultRouter()
for app_api in APPS:
    app_api.register(router)

v1_patterns = [
    path("auth/token/", views.TokenView.as_view(), name="token"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include((v1_patterns, "api-v1"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        # The docs page with its styles in a file: the content security policy allows no
        # inline style.
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
]
