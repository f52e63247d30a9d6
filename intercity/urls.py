"""URL map of the whole site."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from intercity.accounts import views as accounts_views
from intercity.core.views import media_file

urlpatterns = [
    path("", include("intercity.web.urls")),
    path("accounts/", include("intercity.accounts.urls")),
    path("cities/", include("intercity.cities.urls")),
    path("meetings/", include("intercity.meetings.urls")),
    path("programmes/", include("intercity.programmes.urls")),
    path("agreements/", include("intercity.agreements.urls")),
    path("organisations/", include("intercity.organisations.urls")),
    path("declarations/", include("intercity.declarations.urls")),
    path("business/", include("intercity.business.urls")),
    path("knowledge/", include("intercity.knowledge.urls")),
    path("indicators/", include("intercity.indicators.urls")),
    path("solidarity/", include("intercity.solidarity.urls")),
    path("api/", include("intercity.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
]
# Uploaded files go through a view that checks the reader may see the record they belong to.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media_file, name="media-file")]
