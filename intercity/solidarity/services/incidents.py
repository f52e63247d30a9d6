"""Writes on incidents: create, update, status, affected cities, figures, sources, emails."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from intercity.accounts.models import User
from intercity.accounts.selectors import languages_by_email
from intercity.cities.models import City
from intercity.core.audit import save_with_audit
from intercity.core.queue import enqueue_on_commit
from intercity.core.services import (
    create_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    with_changes,
)
from intercity.core.slugs import unique_slug
from intercity.solidarity import geo
from intercity.solidarity.models import AffectedCity, Incident, IncidentFigure, IncidentSource
from intercity.solidarity.permissions import (
    can_decide_affected_city,
    can_edit_incident,
    can_manage_incidents,
    can_report_incident,
    can_set_incident_status,
)
from intercity.solidarity.quantities import unit_name
from intercity.solidarity.selectors import board_totals

AREA_FIELDS = ("latitude", "longitude", "radius_km", "polygon")


def incident_area(incident: Incident) -> geo.Area:
    return geo.Area(
        latitude=incident.latitude,
        longitude=incident.longitude,
        radius_km=incident.radius_km,
        polygon=tuple(tuple(point) for point in (incident.polygon or [])),
    )


def member_places() -> list[geo.Place]:
    rows = City.objects.filter(
        membership_status=City.Membership.MEMBER, latitude__isnull=False, longitude__isnull=False
    ).values_list("pk", "latitude", "longitude")
    return [geo.Place(pk, lat, lon) for pk, lat, lon in rows]


def _check(actor: Any, allowed) -> None:
    if actor is not None:
        require(allowed)


def _reporting_city_errors(actor: Any, city: City | None) -> dict[str, str]:
    if actor is not None and not can_report_incident(actor, city):
        return {"reported_by_city": _("You can report an incident only in your own city.")}
    return {}


def _member_errors(city: City | None) -> dict[str, str]:
    """Only a member city reports an incident, or has one recorded on its behalf."""
    if city is not None and city.membership_status != City.Membership.MEMBER:
        return {"reported_by_city": _("Only a member city can be named as reporting an incident.")}
    return {}


def _status_errors(actor: Any, status: str | None) -> dict[str, str]:
    if actor is not None and status and not can_set_incident_status(actor, status):
        return {"status": _("Only the secretariat puts an incident back to draft.")}
    return {}


@transaction.atomic
def incident_create(*, actor: Any, data: Mapping[str, Any]) -> Incident:
    """Record an incident and suggest the cities its area touches.

    The secretariat records any incident, and may name the member city it records it for
    (``reported_by_city``): that city's focal points then keep it up to date as if they had
    reported it. Nothing is guessed when it names none, since naming a city hands its focal points
    the incident. A focal point reports one in their own city: it is active at once. The
    reporting city, whoever recorded the incident, is confirmed as affected.
    """
    _check(actor, can_report_incident(actor))
    data = dict(data)
    city = data.get("reported_by_city")
    action = "solidarity.incident.created"
    errors = {}
    if actor is not None and not can_manage_incidents(actor):
        city = city or actor.city
        errors = _reporting_city_errors(actor, city)
        if data.get("status", Incident.Status.ACTIVE) != Incident.Status.ACTIVE:
            errors["status"] = _("A reported incident starts as active.")
        data.update(reported_by_city=city, status=Incident.Status.ACTIVE)
        action = "solidarity.incident.reported"
    errors = _member_errors(city) | errors  # a city not one's own is the error to fix first
    data.setdefault("slug", unique_slug(Incident, data.get("name", ""), max_length=100))
    refuse_with_record_errors(errors, Incident(**data))
    incident = create_with_audit(Incident, data, actor=actor, action=action)
    incident_suggest_cities(incident=incident)
    if city is not None:
        affected_city_decide(actor=actor, incident=incident, city=city, confirmed=True)
    return incident


@transaction.atomic
def incident_update(*, actor: Any, incident: Incident, data: Mapping[str, Any]) -> list[str]:
    """Change an incident; a city the secretariat names as reporting it is confirmed as affected."""
    _check(actor, can_edit_incident(actor, incident))
    city = data.get("reported_by_city", incident.reported_by_city)
    moved = city != incident.reported_by_city
    errors = {}
    if moved and actor is not None and not can_manage_incidents(actor):
        errors["reported_by_city"] = _(
            "Only the secretariat changes which city reported an incident."
        )
    elif moved:
        errors = _member_errors(city)
    errors |= _status_errors(actor, data.get("status"))
    refuse_with_record_errors(errors, with_changes(incident, data))
    changed = save_changes(incident, data, actor=actor, action="solidarity.incident.updated")
    if set(changed) & set(AREA_FIELDS):
        incident_suggest_cities(incident=incident)
    if moved and city is not None:
        affected_city_decide(actor=actor, incident=incident, city=city, confirmed=True)
    return changed


@transaction.atomic
def incident_set_status(*, actor: Any, incident: Incident, status: str) -> bool:
    _check(actor, can_edit_incident(actor, incident))
    errors = _status_errors(actor, status)
    if errors:
        raise ValidationError(errors)
    data: dict[str, Any] = {"status": status}
    if status == Incident.Status.CLOSED and incident.ended_at is None:
        data["ended_at"] = timezone.now()
    return bool(save_changes(incident, data, actor=actor, action="solidarity.incident.status"))


def incident_suggest_cities(*, incident: Incident) -> list[AffectedCity]:
    """Suggest the member cities within reach of the area; people's decisions are kept."""
    area = incident_area(incident)
    if area.is_empty:
        return []
    near = geo.places_near(area, member_places(), within_km=settings.SOLIDARITY_AFFECTED_KM)
    existing = {link.city_id: link for link in incident.affected.all()}
    suggested = []
    for found in near:
        link = existing.get(found.key)
        if link is None:
            link = AffectedCity(incident=incident, city_id=found.key, distance_km=found.distance_km)
            link.full_clean()
            link._change_reason = "solidarity.affected_city.suggested"
            link.save()
        elif link.distance_km != found.distance_km:
            link.distance_km = found.distance_km
            link.save(update_fields=["distance_km", "updated_at"])
        suggested.append(link)
    return suggested


@transaction.atomic
def affected_city_decide(
    *, actor: Any, incident: Incident, city: City, confirmed: bool
) -> AffectedCity:
    """A person confirms (or dismisses) that a city is affected; confirmation sends emails."""
    _check(actor, can_decide_affected_city(actor, incident, city))
    link = AffectedCity.objects.filter(incident=incident, city=city).first()
    if link is None:
        distance = None
        area = incident_area(incident)
        if not area.is_empty and city.latitude is not None:
            found = geo.distance_to_area_km(city.latitude, city.longitude, area)
            distance = None if found is None else round(found, 1)
        link = AffectedCity(incident=incident, city=city, distance_km=distance)
    status = AffectedCity.Status.CONFIRMED if confirmed else AffectedCity.Status.DISMISSED
    if link.pk and link.status == status:
        return link
    link.status = status
    link.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    link.decided_at = timezone.now()
    save_with_audit(
        link,
        actor=actor,
        action="solidarity.affected_city.confirmed"
        if confirmed
        else "solidarity.affected_city.dismissed",
    )
    if confirmed and incident.is_open:
        _notify_on_commit(incident, [city.pk])
    return link


@transaction.atomic
def incident_confirm(*, actor: Any, incident: Incident, cities: Iterable[City] = ()) -> Incident:
    """Confirm a draft (or an alert's) incident and the cities it affects; emails follow."""
    _check(actor, can_manage_incidents(actor))
    cities = list(cities)
    if incident.status == Incident.Status.DRAFT:
        data = {"status": Incident.Status.ACTIVE, "confirmed_at": timezone.now()}
        save_changes(incident, data, actor=actor, action="solidarity.incident.confirmed")
    elif incident.confirmed_at is None:
        save_changes(
            incident,
            {"confirmed_at": timezone.now()},
            actor=actor,
            action="solidarity.incident.confirmed",
        )
    for city in cities:
        affected_city_decide(actor=actor, incident=incident, city=city, confirmed=True)
    if not cities:
        confirmed = list(
            incident.affected.filter(status="confirmed").values_list("city", flat=True)
        )
        if confirmed:
            _notify_on_commit(incident, confirmed)
    return incident


@transaction.atomic
def figure_add(*, actor: Any, incident: Incident, data: Mapping[str, Any]) -> IncidentFigure:
    _check(actor, can_edit_incident(actor, incident))
    return create_with_audit(
        IncidentFigure,
        {**data, "incident": incident},
        actor=actor,
        action="solidarity.figure.added",
    )


@transaction.atomic
def source_add(*, actor: Any, incident: Incident, data: Mapping[str, Any]) -> IncidentSource:
    _check(actor, can_edit_incident(actor, incident))
    source = IncidentSource(incident=incident, **data)
    source.full_clean()
    source.save()
    return source


def _notify_on_commit(incident: Incident, city_ids: list[int]) -> None:
    enqueue_on_commit("intercity.solidarity.tasks.notify_incident", incident.pk, list(city_ids))


def _recipients(incident: Incident, city_ids: Iterable[int]) -> tuple[list[str], list[str]]:
    """Focal points of the given cities, and of the member cities near the incident's area."""
    affected = set(city_ids)
    area = incident_area(incident)
    nearby = set()
    if not area.is_empty:
        within = settings.SOLIDARITY_NEARBY_KM
        nearby = {n.key for n in geo.places_near(area, member_places(), within_km=within)}
    people = User.objects.filter(
        role=User.Role.FOCAL_POINT, is_active=True, city_id__in=affected | nearby
    ).exclude(email="")
    to_affected, to_nearby = [], []
    for person in people.only("email", "city_id"):
        (to_affected if person.city_id in affected else to_nearby).append(person.email)
    return sorted(to_affected), sorted(to_nearby)


def _site_url(path: str) -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def incident_notify(*, incident_id: int, city_ids: Iterable[int]) -> int:
    """Email the focal points of the affected cities and of those nearby, each in their language;
    returns how many."""
    incident = Incident.objects.filter(pk=incident_id).first()
    if incident is None or not incident.is_open:
        return 0
    to_affected, to_nearby = _recipients(incident, city_ids)
    cities = list(City.objects.filter(pk__in=list(city_ids)).order_by("name"))
    url = _site_url(reverse("solidarity:board", kwargs={"slug": incident.slug}))
    languages = languages_by_email(to_affected + to_nearby)
    sender = settings.DEFAULT_FROM_EMAIL
    mails = []
    for to in to_affected + to_nearby:
        with translation.override(languages.get(to, settings.LANGUAGE_CODE)):
            facts = {
                "name": incident.name,
                "kind": incident.get_kind_display(),
                "severity": incident.get_severity_display(),
                "cities": ", ".join(city.label for city in cities),
                "url": url,
            }
            subject = _("Incident confirmed: %(name)s") % {"name": incident.name}
            if to in to_affected:
                body = (
                    _(
                        "%(name)s (%(kind)s, severity %(severity)s) is confirmed as affecting "
                        "%(cities)s.\nPost what your city needs on the needs board: %(url)s"
                    )
                    % facts
                )
            else:
                body = (
                    _(
                        "%(name)s (%(kind)s, severity %(severity)s) is confirmed as affecting "
                        "%(cities)s, near your city.\nSee what is needed and offer help: %(url)s"
                    )
                    % facts
                )
        mails.append((subject, body, sender, [to]))
    return send_mass_mail(mails, fail_silently=False) if mails else 0


def digest_send() -> int:
    """One email a day per active incident to the focal points concerned: the board in figures,
    each in the recipient's language."""
    sent = 0
    incidents = Incident.objects.filter(status=Incident.Status.ACTIVE).prefetch_related("affected")
    sender = settings.DEFAULT_FROM_EMAIL
    for incident in incidents:
        confirmed = [a.city_id for a in incident.affected.all() if a.status == "confirmed"]
        if not confirmed:
            continue
        to_affected, to_nearby = _recipients(incident, confirmed)
        recipients = to_affected + to_nearby
        if not recipients:
            continue
        totals = board_totals(incident=incident)
        url = _site_url(reverse("solidarity:board", kwargs={"slug": incident.slug}))
        languages = languages_by_email(recipients)
        mails = []
        for to in recipients:
            with translation.override(languages.get(to, settings.LANGUAGE_CODE)):
                lines = [
                    _(
                        "%(unit)s: %(needed)s needed, %(covered)s received, %(pending)s on the "
                        "way, %(open)s still open"
                    )
                    % {**row, "unit": unit_name(row["unit"])}
                    for row in totals
                ]
                heading = _("Daily summary of %(name)s (%(status)s).") % {
                    "name": incident.name,
                    "status": incident.get_status_display(),
                }
                body = "\n".join([heading, *lines, url])
                subject = _("Daily summary: %(name)s") % {"name": incident.name}
            mails.append((subject, body, sender, [to]))
        sent += send_mass_mail(mails)
    return sent
