"""Solidarity pages that read: incidents list and map, incident page, needs board, feeds, CSV."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.cities.selectors import city_choices, city_map_points
from intercity.core.exports import csv_response, wants_csv
from intercity.core.list_filters import one_of, read_filters, slug_in
from intercity.core.pagination import paginate
from intercity.solidarity import selectors, services
from intercity.solidarity.forms import (
    CapUploadForm,
    ConfirmCitiesForm,
    FeedUploadForm,
    MessageForm,
    NeedForm,
)
from intercity.solidarity.models import Incident
from intercity.solidarity.permissions import (
    can_edit_incident,
    can_make_offer,
    can_manage_incidents,
    can_post_need,
    can_report_incident,
    can_send_messages,
)
from intercity.solidarity.timeline import incident_timeline

INCIDENT_FIELDS = [
    (_("id"), lambda i: i.pk),
    (_("name"), lambda i: i.name),
    (_("kind"), lambda i: i.kind),
    (_("status"), lambda i: i.status),
    (_("severity"), lambda i: i.severity),
    (_("alert level"), lambda i: i.alert_level),
    (_("started"), lambda i: i.started_at.isoformat() if i.started_at else ""),
    (_("ended"), lambda i: i.ended_at.isoformat() if i.ended_at else ""),
    (_("area"), lambda i: i.area_description),
    (_("latitude"), lambda i: i.latitude),
    (_("longitude"), lambda i: i.longitude),
    (_("radius (km)"), lambda i: i.radius_km),
    (_("GLIDE number"), lambda i: i.glide),
    (_("affected cities"), lambda i: " ".join(selectors.affected_city_slugs(i))),
    (_("source"), lambda i: i.source_label),
    (_("demo data"), lambda i: "yes" if i.is_demo else ""),
]


def _of_incident(value):
    return lambda row: value(row[0])


# A download row is an incident and its reporter (selectors.with_reporters).
INCIDENT_COLUMNS = [
    *((header, _of_incident(value)) for header, value in INCIDENT_FIELDS),
    (_("reported by"), lambda row: row[1].label),
    (_("reporting city"), lambda row: row[1].city.slug if row[1].city else ""),
]


@require_GET
def incident_index(request):
    cities = city_choices()
    read = read_filters(
        request.GET,
        {
            "kind": one_of(_("Kind"), Incident.Kind.values),
            "status": one_of(_("Status"), Incident.Status.values),
            "city": slug_in(_("Affected city"), cities),
            "reported_by": slug_in(_("Reported by"), cities),
        },
    )
    kind, status = read["kind"], read["status"]
    incidents = selectors.incident_list(
        user=request.user, search=request.GET.get("q"), **read.values
    )
    if wants_csv(request):
        return csv_response(
            filename="incidents.csv",
            columns=INCIDENT_COLUMNS,
            rows=selectors.with_reporters(incidents.iterator(2000)),
        )
    context = paginate(request, incidents, per_page=30)
    page = context["page_obj"].object_list
    reporters = selectors.incident_reporters(page)
    context.update(
        {
            "kinds": Incident.Kind.choices,
            "statuses": Incident.Status.choices,
            "kind": kind,
            "status": status,
            "cities": cities,
            "city": read["city"],
            "reported_by": read["reported_by"],
            "filter_notices": read.notices,
            "incident_rows": [(incident, reporters[incident.pk]) for incident in page],
            "incident_points": selectors.incident_map_points(page),
            "map_points": city_map_points(),
            "can_manage": can_manage_incidents(request.user),
            # A focal point reports incidents in their own city only.
            "report_city": request.user.city
            if can_report_incident(request.user) and focal_city_id(request.user)
            else None,
            "cap_form": CapUploadForm() if can_manage_incidents(request.user) else None,
            "feed_form": FeedUploadForm() if can_manage_incidents(request.user) else None,
        }
    )
    return render(request, "solidarity/incident_list.html", context)


def _need_cities(user, incident):
    """The confirmed affected cities this user may post needs for."""
    return [c for c in selectors.confirmed_cities(incident) if can_post_need(user, incident, c)]


def incident_page(request, incident: Incident, *, message_form=None, status: int = 200):
    """The incident page; a refused message comes back in its form, as typed, with its errors."""
    user = request.user
    own_city = focal_city_id(user)
    if message_form is None and can_send_messages(user):
        message_form = MessageForm(
            initial={
                "to_city": next(
                    (c for c in selectors.confirmed_cities(incident) if c.pk != own_city), None
                )
            }
        )
    context = {
        "incident": incident,
        "reporter": selectors.incident_reporter(incident),
        "area_points": selectors.incident_map_points([incident]),
        "map_points": city_map_points(),
        "timeline": incident_timeline(incident=incident, user=user),
        "messages_sent": selectors.message_list(user=user, incident=incident),
        "can_manage": can_manage_incidents(user),
        "can_edit": can_edit_incident(user, incident),
        "confirm_form": ConfirmCitiesForm(initial={"cities": selectors.confirmed_cities(incident)})
        if can_manage_incidents(user)
        else None,
        "message_form": message_form,
    }
    return render(request, "solidarity/incident_detail.html", context, status=status)


@require_GET
def incident_detail(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    return incident_page(request, incident)


@require_GET
def needs_board(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    board = selectors.needs_board(incident=incident, user=request.user)
    need_cities = _need_cities(request.user, incident)
    context = {
        "incident": incident,
        "board": board,
        "need_form": NeedForm(cities=need_cities) if need_cities else None,
        # A city in need does not offer help to itself.
        "can_offer": can_make_offer(request.user)
        and focal_city_id(request.user) not in {c.pk for c in selectors.confirmed_cities(incident)},
        "user_city_id": focal_city_id(request.user),
        "is_secretariat": is_secretariat(request.user),
    }
    return render(request, "solidarity/needs_board.html", context)


@require_GET
def incident_cap(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    response = HttpResponse(
        services.cap_export(incident=incident), content_type="application/cap+xml; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{incident.slug}.cap.xml"'
    return response


class IncidentFeed(Feed):
    """Atom feed of the incidents the public may see, newest first."""

    feed_type = Atom1Feed
    title = _("ANMC21 incidents affecting member cities")
    subtitle = _("Disasters and emergencies the network follows, with their status.")

    def link(self):
        return reverse("solidarity:list")

    def items(self):
        return selectors.incident_list(user=None).order_by("-updated_at")[:50]

    def item_title(self, item):
        return f"{item.name} · {item.get_status_display()}"

    def item_description(self, item):
        cities = ", ".join(selectors.affected_city_slugs(item))
        return f"{item.get_kind_display()} · {item.get_severity_display()} · {cities}"

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.started_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class ActiveCapFeed(IncidentFeed):
    """Atom index of CAP 1.2 messages, one per active incident, as alerting hubs publish them."""

    title = _("ANMC21 active incidents as CAP alerts")

    def items(self):
        return selectors.incident_list(user=None, status=Incident.Status.ACTIVE).order_by(
            "-updated_at"
        )[:100]

    def item_link(self, item):
        return reverse("solidarity:cap", kwargs={"slug": item.slug})

    def item_enclosure_url(self, item):
        return self.item_link(item)

    item_enclosure_mime_type = "application/cap+xml"
    item_enclosure_length = 0
