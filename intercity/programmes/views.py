"""Programme pages: list, detail, forms, and recording activities and reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.cities.models import City
from intercity.cities.selectors import city_choices
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.exports import csv_response, wants_csv
from intercity.core.list_filters import one_of, read_filters, slug_in
from intercity.core.pagination import paginate
from intercity.core.selectors import theme_list
from intercity.core.slugs import create_with_unique_slug
from intercity.core.views import record_form_response
from intercity.programmes.forms import ActivityForm, ProgrammeForm, ReviewForm
from intercity.programmes.models import Activity, Programme
from intercity.programmes.permissions import (
    can_create_programme,
    can_edit_programme,
    can_join_programme,
    can_review_programme,
    can_see_programme_participants,
)
from intercity.programmes.selectors import (
    programme_get,
    programme_list,
    programme_participants,
)
from intercity.programmes.services import (
    activity_upsert,
    programme_create,
    programme_join,
    programme_leave,
    programme_update,
    review_record,
)

PROGRAMME_COLUMNS = [
    (gettext_lazy("name"), lambda p: p.name),
    (gettext_lazy("kind"), lambda p: p.get_kind_display()),
    (gettext_lazy("field"), lambda p: p.field),
    (gettext_lazy("status"), lambda p: p.display_status),
    (gettext_lazy("lead city"), lambda p: p.lead_city.name if p.lead_city else ""),
    (gettext_lazy("start date"), lambda p: p.start_date),
    (gettext_lazy("end date"), lambda p: p.end_date),
    (gettext_lazy("participating cities"), lambda p: p.city_count),
    (gettext_lazy("activities"), lambda p: p.activity_count),
]


@require_GET
def programme_index(request):
    read = read_filters(
        request.GET,
        {
            "kind": one_of(gettext_lazy("Kind"), Programme.Kind.values),
            "status": one_of(gettext_lazy("Status"), [*Programme.Status.values, "ended"]),
            "city": slug_in(gettext_lazy("City"), city_choices()),
            "theme": slug_in(gettext_lazy("Theme"), theme_list()),
        },
    )
    filters = read.values
    programmes = programme_list(search=request.GET.get("q") or None, **filters)
    if wants_csv(request):
        return csv_response(filename="programmes.csv", columns=PROGRAMME_COLUMNS, rows=programmes)
    context = paginate(request, programmes)
    context.update(
        {
            "filters": filters,
            "filter_notices": read.notices,
            "kinds": Programme.Kind.choices,
            "statuses": [*Programme.Status.choices, ("ended", _("Ended"))],
            "cities": city_choices(),
            "themes": theme_list(),
            "can_create": can_create_programme(request.user),
        }
    )
    return render(request, "programmes/programme_list.html", context)


@require_GET
def programme_detail(request, slug):
    programme = programme_get(slug=slug)
    can_edit = can_edit_programme(request.user, programme)
    participants = programme_participants(programme=programme)
    user_id = request.user.pk if request.user.is_authenticated else None
    context = {
        "programme": programme,
        "participants": participants,
        "show_participants": can_see_programme_participants(request.user, programme),
        "taking_part": any(p.person_id == user_id for p in participants),
        "can_join": can_join_programme(request.user, programme),
        "can_edit": can_edit,
        "can_review": can_review_programme(request.user, programme),
        "activity_kind_labels": programme_activity_labels(programme),
        "history": audit_trail(programme, viewer=request.user, whole=wants_whole_history(request)),
    }
    return render(request, "programmes/programme_detail.html", context)


@login_required
@require_POST
def programme_join_view(request, slug):
    programme = programme_get(slug=slug)
    if not can_join_programme(request.user, programme):
        raise Http404
    programme_join(actor=request.user, programme=programme)
    messages.success(request, _("You take part in this programme."))
    return redirect(programme.get_absolute_url())


@login_required
@require_POST
def programme_leave_view(request, slug):
    programme = programme_get(slug=slug)
    programme_leave(actor=request.user, programme=programme)
    messages.success(request, _("You no longer take part in this programme."))
    return redirect(programme.get_absolute_url())


def programme_activity_labels(programme: Programme) -> list[str]:
    labels = dict(Activity.Kind.choices)
    return [str(labels.get(kind, kind)) for kind in programme.activity_kinds]


def _lead_choices(user):
    if is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk=focal_city_id(user))


@login_required
@require_http_methods(["GET", "POST"])
def programme_new(request):
    if not can_create_programme(request.user):
        raise Http404
    form = ProgrammeForm(request.POST or None, lead_cities=_lead_choices(request.user))

    def save(_data):
        data, cities, themes = form.split()
        return create_with_unique_slug(
            Programme,
            data.get("name", ""),
            lambda slug: programme_create(
                actor=request.user, data=data | {"slug": slug}, cities=cities, themes=themes
            ),
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("New programme"),
        success_message=_("The programme was created."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, slug):
    programme = programme_get(slug=slug)
    if not can_edit_programme(request.user, programme):
        raise Http404
    form = ProgrammeForm(
        request.POST or None, instance=programme, lead_cities=_lead_choices(request.user)
    )

    def save(_data):
        data, cities, themes = form.split()
        fresh = Programme.objects.get(pk=programme.pk)
        programme_update(
            actor=request.user, programme=fresh, data=data, cities=cities, themes=themes
        )
        return programme

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(programme)s") % {"programme": programme.label},
        success_message=_("The programme was saved."),
        cancel_url=programme.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_new(request, slug):
    programme = programme_get(slug=slug)
    if not can_edit_programme(request.user, programme):
        raise Http404
    form = ActivityForm(request.POST or None)

    def save(data):
        title = data.pop("title")
        activity_upsert(actor=request.user, programme=programme, title=title, data=data)
        return programme

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Record an activity of %(programme)s") % {"programme": programme.label},
        success_message=_("The activity was recorded."),
        cancel_url=programme.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_new(request, slug):
    programme = programme_get(slug=slug)
    if not can_review_programme(request.user, programme):
        raise Http404
    form = ReviewForm(request.POST or None)

    def save(data):
        review_record(actor=request.user, programme=programme, **data)
        return programme

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Record a review of %(programme)s") % {"programme": programme.label},
        success_message=_("The review was recorded."),
        cancel_url=programme.get_absolute_url(),
    )
