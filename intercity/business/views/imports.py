"""Bringing tables in: an event's agreed meetings (another system's export), profiles."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_http_methods

from intercity.business import permissions as rules
from intercity.business import profile_importing, selectors
from intercity.business.forms import ProfileImportForm, RequestImportForm
from intercity.business.importing import OPTIONAL, REQUIRED, requests_import
from intercity.business.models import Profile
from intercity.business.views.access import organised_event
from intercity.core.views import import_page


@login_required
@require_http_methods(["GET", "POST"])
def requests_import_view(request, pk):
    event = organised_event(request.user, pk)
    return import_page(
        request,
        form_class=RequestImportForm,
        run=partial(requests_import, actor=request.user, event=event),
        template="business/requests_import.html",
        context={"event": event, "required": REQUIRED, "optional": OPTIONAL},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profiles_import_view(request):
    if not rules.can_import_profiles(request.user):
        raise Http404
    return import_page(
        request,
        form_class=ProfileImportForm,
        run=partial(profile_importing.profiles_import, actor=request.user),
        template="business/profiles_import.html",
        context={
            "required": profile_importing.REQUIRED,
            "optional": profile_importing.OPTIONAL,
            "sectors": selectors.sectors(),
            "sizes": Profile.Size.values,
        },
    )
