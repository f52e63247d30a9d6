"""Organisation pages: directory, profile and forms."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.cities.models import City
from intercity.cities.selectors import city_choices
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.exports import csv_response, wants_csv
from intercity.core.list_filters import one_of, read_filters, slug_in
from intercity.core.pagination import paginate
from intercity.core.slugs import create_with_unique_slug
from intercity.core.views import import_page, record_form_response
from intercity.organisations.forms import OrganisationForm, OrganisationImportForm
from intercity.organisations.importing import OPTIONAL, REQUIRED, organisations_import
from intercity.organisations.models import Organisation
from intercity.organisations.permissions import can_create_organisation, can_edit_organisation
from intercity.organisations.selectors import organisation_get, organisation_list
from intercity.organisations.services import organisation_create, organisation_update

ORGANISATION_COLUMNS = [
    (gettext_lazy("name"), lambda o: o.name),
    (gettext_lazy("kind"), lambda o: o.get_kind_display()),
    (gettext_lazy("city"), lambda o: o.city.name),
    (gettext_lazy("website"), lambda o: o.website),
    (gettext_lazy("demo data"), lambda o: o.is_demo),
]


@require_GET
def organisation_index(request):
    read = read_filters(
        request.GET,
        {
            "kind": one_of(gettext_lazy("Kind"), Organisation.Kind.values),
            "city": slug_in(gettext_lazy("City"), city_choices()),
        },
    )
    filters = read.values
    organisations = organisation_list(search=request.GET.get("q") or None, **filters)
    if wants_csv(request):
        return csv_response(
            filename="organisations.csv", columns=ORGANISATION_COLUMNS, rows=organisations
        )
    context = paginate(request, organisations)
    context.update(
        {
            "filters": filters,
            "filter_notices": read.notices,
            "kinds": Organisation.Kind.choices,
            "cities": city_choices(),
            "can_create": can_create_organisation(request.user),
        }
    )
    return render(request, "organisations/organisation_list.html", context)


@require_GET
def organisation_detail(request, slug):
    organisation = organisation_get(slug=slug)
    context = {
        "organisation": organisation,
        "can_edit": can_edit_organisation(request.user, organisation),
        "history": audit_trail(
            organisation, viewer=request.user, whole=wants_whole_history(request)
        ),
    }
    return render(request, "organisations/organisation_detail.html", context)


def _city_choices(user):
    if is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk=focal_city_id(user))


@login_required
@require_http_methods(["GET", "POST"])
def organisation_new(request):
    if not can_create_organisation(request.user):
        raise Http404
    form = OrganisationForm(request.POST or None, cities=_city_choices(request.user))

    def save(data):
        return create_with_unique_slug(
            Organisation,
            data.get("name", ""),
            lambda slug: organisation_create(actor=request.user, data=data | {"slug": slug}),
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("New organisation"),
        success_message=_("The organisation was registered."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug):
    organisation = organisation_get(slug=slug)
    if not can_edit_organisation(request.user, organisation):
        raise Http404
    cities = _city_choices(request.user) if not request.user.organisation_id else None
    form = OrganisationForm(request.POST or None, instance=organisation, cities=cities)

    def save(data):
        fresh = Organisation.objects.get(pk=organisation.pk)
        organisation_update(actor=request.user, organisation=fresh, data=data)
        return organisation

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(organisation)s") % {"organisation": organisation.name},
        success_message=_("The organisation was saved."),
        cancel_url=organisation.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_import(request):
    if not can_create_organisation(request.user):
        raise Http404
    return import_page(
        request,
        form_class=OrganisationImportForm,
        run=partial(organisations_import, actor=request.user),
        template="organisations/organisation_import.html",
        context={
            "required": REQUIRED,
            "optional": OPTIONAL,
            "kinds": Organisation.Kind.values,
            "cities": _city_choices(request.user),
        },
    )
