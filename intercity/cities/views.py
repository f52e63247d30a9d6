"""City pages: the list of cities, a page per city and the edit form."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from intercity.cities.forms import CityForm
from intercity.cities.models import City
from intercity.cities.permissions import can_create_city, can_edit_city, editable_city_fields
from intercity.cities.selectors import city_focal_points, city_get, city_list
from intercity.cities.services import city_create, city_update
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.exports import csv_response, wants_csv
from intercity.core.list_filters import one_of, read_filters
from intercity.core.pagination import paginate
from intercity.core.sections import fill
from intercity.core.slugs import create_with_unique_slug
from intercity.core.views import record_form_response

CITY_COLUMNS = [
    (gettext_lazy("name"), lambda c: c.name),
    (gettext_lazy("country"), lambda c: c.country_name),
    (gettext_lazy("country code"), lambda c: c.country_code),
    (gettext_lazy("membership"), lambda c: c.get_membership_status_display()),
    (gettext_lazy("joined on"), lambda c: c.joined_on),
    (gettext_lazy("left on"), lambda c: c.left_on),
    (gettext_lazy("latitude"), lambda c: c.latitude),
    (gettext_lazy("longitude"), lambda c: c.longitude),
    (gettext_lazy("population"), lambda c: c.population),
    (gettext_lazy("time zone"), lambda c: c.time_zone),
]


@require_GET
def city_index(request):
    read = read_filters(
        request.GET, {"membership": one_of(gettext_lazy("Membership"), City.Membership.values)}
    )
    membership = read["membership"]
    cities = city_list(search=request.GET.get("q"), membership=membership)
    if wants_csv(request):
        return csv_response(filename="cities.csv", columns=CITY_COLUMNS, rows=cities.iterator())
    context = paginate(request, cities, per_page=50)
    context.update(
        {
            "memberships": City.Membership.choices,
            "membership": membership,
            "filter_notices": read.notices,
            "can_create": can_create_city(request.user),
        }
    )
    return render(request, "cities/city_list.html", context)


@require_GET
def city_detail(request, slug):
    city = city_get(slug=slug)
    context = {
        "city": city,
        "focal_points": city_focal_points(city=city),
        # Meetings, programmes, commitments…: the sections other apps register for a city.
        "sections": fill("city", city=city, user=request.user),
        "can_edit": can_edit_city(request.user, city),
        "history": audit_trail(city, viewer=request.user, whole=wants_whole_history(request)),
    }
    return render(request, "cities/city_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def city_edit(request, slug):
    city = city_get(slug=slug)
    if not can_edit_city(request.user, city):
        raise Http404
    allowed = editable_city_fields(request.user, city)
    form = CityForm(request.POST or None, instance=city, allowed_fields=allowed)

    def save(data):
        city_update(actor=request.user, city=City.objects.get(pk=city.pk), data=data)
        return city

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(city)s") % {"city": city.label},
        success_message=_("The city's record was saved."),
        cancel_url=city.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def city_new(request):
    if not can_create_city(request.user):
        raise Http404
    form = CityForm(request.POST or None)

    def save(data):
        return create_with_unique_slug(
            City,
            data.get("name", ""),
            lambda slug: city_create(actor=request.user, data=data | {"slug": slug}),
        )

    return record_form_response(
        request, form, save=save, heading=_("Add a city"), success_message=_("The city was added.")
    )
