"""Business directory pages: organisation profiles, opportunities and partner suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.business import permissions as rules
from intercity.business import selectors, services
from intercity.business.forms import ProfileForm
from intercity.business.models import SuggestionMark
from intercity.business.selectors_opportunities import opportunities_of, opportunity_list
from intercity.core.list_filters import read_filters, slug_in
from intercity.core.pagination import paginate
from intercity.core.views import record_form_response

# The directory shows the newest; the opportunities page lists them all, with filters.
OPPORTUNITIES_SHOWN = 10


@require_GET
def directory_index(request):
    read = read_filters(
        request.GET,
        {"sector": slug_in(gettext_lazy("Sector"), selectors.sectors(), field_name="code")},
    )
    sector = read["sector"]
    context = paginate(request, selectors.directory(search=request.GET.get("q"), sector=sector))
    context.update(
        {
            "sectors": selectors.sectors(),
            "sector": sector,
            "filter_notices": read.notices,
            "opportunities": opportunity_list()[:OPPORTUNITIES_SHOWN],
            "events": selectors.event_list(request.user)[:10],
            "own": selectors.own_organisation(request.user),
            "can_import": rules.can_import_profiles(request.user),
        }
    )
    return render(request, "business/profile_list.html", context)


@require_GET
def profile_detail(request, slug):
    profile = selectors.profile_get(slug=slug)
    if not rules.can_view_profile(request.user, profile):
        raise Http404
    can_edit = rules.can_edit_profile(request.user, profile.organisation)
    context = {
        "profile": profile,
        # Those who edit the profile see its closed and expired opportunities too.
        "opportunities": opportunities_of(organisation=profile.organisation, include_past=can_edit),
        "can_edit": can_edit,
        "can_verify": rules.can_verify_profile(request.user, profile),
    }
    return render(request, "business/profile_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, slug):
    organisation = selectors.organisation_get(slug=slug)
    if not rules.can_edit_profile(request.user, organisation):
        raise Http404
    profile = selectors.profile_of(organisation)
    was_verified = bool(profile and profile.is_verified)
    form = ProfileForm(request.POST or None, instance=profile)

    def save(data):
        return services.profile_save(actor=request.user, organisation=organisation, data=data)

    def saved_message(saved) -> str:
        if saved.is_verified:
            return _("The profile was saved.")
        if was_verified:
            return _(
                "The profile was saved. Because it changed, it leaves the directory until your "
                "city's focal point verifies it again."
            )
        return _(
            "The profile was saved. It appears in the directory once your city's focal point "
            "verifies it."
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Business profile of %(name)s") % {"name": organisation.name},
        success_message=saved_message,
        cancel_url=profile.get_absolute_url() if profile else reverse("business:list"),
    )


@login_required
@require_POST
def profile_verify_view(request, slug):
    profile = selectors.profile_get(slug=slug)
    if not rules.can_verify_profile(request.user, profile):
        raise Http404
    services.profile_verify(actor=request.user, profile=profile, verified=True)
    messages.success(request, _("The profile is verified and appears in the directory."))
    return redirect(profile)


@login_required
@require_GET
def suggestions(request):
    organisation = selectors.own_organisation(request.user)
    if organisation is None or not rules.can_mark_suggestion(request.user, organisation):
        raise Http404
    profile = selectors.profile_of(organisation)
    rows = selectors.suggestions_for(profile) if profile else []
    return render(
        request,
        "business/suggestion_list.html",
        {"rows": rows, "profile": profile, "organisation": organisation},
    )


@login_required
@require_POST
def suggestion_mark_view(request, pk):
    organisation = selectors.own_organisation(request.user)
    if organisation is None or not rules.can_mark_suggestion(request.user, organisation):
        raise Http404
    counterpart = selectors.verified_organisation_get(pk=pk)
    state = request.POST.get("state")
    if state not in SuggestionMark.State.values:
        return HttpResponse(_("Unknown action."), status=400)
    services.suggestion_mark(
        actor=request.user,
        organisation=organisation,
        counterpart=counterpart,
        state=state,
        message=request.POST.get("message", ""),
    )
    messages.success(request, _("Noted."))
    return redirect("business:suggestions")
