"""Alerts in and out: CAP 1.2 import and export, GDACS-style feeds as draft incidents."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from intercity.core.services import require
from intercity.core.slugs import unique_slug
from intercity.solidarity import cap, gdacs, geo, kinds
from intercity.solidarity.models import CapInfo, CapMessage, Incident
from intercity.solidarity.permissions import can_manage_incidents
from intercity.solidarity.services.incidents import (
    incident_create,
    incident_suggest_cities,
    incident_update,
    member_places,
)

GLIDE = re.compile(r"^[A-Z]{2}-\d{4}-\d{6}-[A-Z]{3}$")
PROBLEM_TEXT = {
    "too_large": gettext_lazy("The file is too large for a CAP message (%(detail)s bytes)."),
    "not_xml": gettext_lazy("The file is not well-formed XML: %(detail)s"),
    "not_cap": gettext_lazy("This is not a CAP 1.2 alert: the root element is %(detail)s."),
    "schema": gettext_lazy("%(where)s does not follow the CAP 1.2 schema: %(detail)s"),
    "bad_polygon": gettext_lazy(
        "%(where)s is not a closed polygon of latitude,longitude pairs: %(detail)s"
    ),
    "bad_circle": gettext_lazy("%(where)s is not “latitude,longitude radius”: %(detail)s"),
    "bad_reference": gettext_lazy(
        "%(where)s: each reference is “sender,identifier,sent”, not %(detail)s"
    ),
    "no_references": gettext_lazy("An Update or Cancel message must name the message it follows."),
    "unknown_reference": gettext_lazy(
        "None of the messages this one refers to has been imported: %(detail)s"
    ),
    "status": gettext_lazy(
        "Only Actual messages change incidents; this message's status is %(detail)s."
    ),
    "msg_type": gettext_lazy(
        "%(detail)s messages do not change incidents; send an Alert, Update or Cancel."
    ),
    "no_info": gettext_lazy("An Alert needs at least one info block to describe the incident."),
}


def problem_text(problem: cap.Problem) -> str:
    template = PROBLEM_TEXT.get(problem.code, gettext_lazy("%(where)s %(detail)s"))
    return str(template) % {"where": problem.where or "/alert", "detail": problem.detail}


@dataclass
class CapImportResult:
    incident: Incident | None = None
    created: bool = False
    msg_type: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _preferred(infos: list[cap.CapInfo]) -> cap.CapInfo:
    for info in infos:
        if info.language.lower().startswith("en"):
            return info
    return infos[0]


def _incident_fields(alert: cap.CapAlert) -> dict[str, Any]:
    info = _preferred(alert.infos)
    data: dict[str, Any] = {
        "name": (info.parameter("INTERCITY_NAME") or info.headline or info.event)[:200],
        "kind": kinds.kind_from_cap(
            event=info.event,
            categories=info.categories,
            gdacs_code=info.event_code("GDACS_EVENTTYPE") or info.event_code("eventtype"),
            stated_kind=info.parameter("INTERCITY_KIND"),
        ),
        "severity": info.severity.lower(),
        "started_at": info.onset or info.effective or alert.sent,
        "description": info.description,
        "visibility": "public" if alert.scope == "Public" else "network",
    }
    level = (info.parameter("INTERCITY_ALERT_LEVEL") or info.parameter("alertlevel")).lower()
    if level in Incident.AlertLevel.values:
        data["alert_level"] = level
    status = info.parameter("INTERCITY_STATUS")
    if status in Incident.Status.values:
        data["status"] = status
    glide = info.parameter("GLIDE") or next((t for t in alert.incidents if GLIDE.match(t)), "")
    if glide:
        data["glide"] = glide
    for area in info.areas:
        if area.circles or area.polygons:
            data["area_description"] = area.description[:300]
            if area.circles:
                lat, lon, radius = area.circles[0]
                data.update(latitude=lat, longitude=lon, radius_km=radius or None, polygon=[])
            else:
                data.update(
                    polygon=[list(point) for point in area.polygons[0]],
                    latitude=None,
                    longitude=None,
                    radius_km=None,
                )
            break
    else:
        if info.areas:
            data["area_description"] = info.areas[0].description[:300]
    return data


def _known_incident(alert: cap.CapAlert) -> Incident | None:
    """The incident an Alert speaks of: the same message again, our own export, or its GLIDE."""
    seen = CapMessage.objects.filter(sender=alert.sender, identifier=alert.identifier).first()
    if seen is not None:
        return seen.incident
    if alert.sender == settings.SOLIDARITY_CAP_SENDER and alert.incidents:
        found = Incident.objects.filter(slug__in=alert.incidents).first()
        if found is not None:
            return found
    glides = [token for token in alert.incidents if GLIDE.match(token)]
    if glides:
        return Incident.objects.filter(glide__in=glides).first()
    return None


def _referenced_incident(alert: cap.CapAlert) -> Incident | None:
    for reference in alert.references:
        message = CapMessage.objects.filter(
            sender=reference.sender, identifier=reference.identifier
        ).first()
        if message is not None:
            return message.incident
    return None


def _keep_message(alert, data: bytes, incident: Incident, actor: Any) -> CapMessage:
    message, _created = CapMessage.objects.get_or_create(
        sender=alert.sender,
        identifier=alert.identifier,
        defaults={
            "incident": incident,
            "sent": alert.sent,
            "msg_type": alert.msg_type,
            "status": alert.status,
            "references": " ".join(f"{r.sender},{r.identifier},{r.sent}" for r in alert.references),
            "xml": data.decode("utf-8", errors="replace"),
            "imported_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    for info in alert.infos:
        CapInfo.objects.update_or_create(
            incident=incident,
            language=info.language,
            defaults={
                "message": message,
                "event": info.event[:300],
                "categories": info.categories,
                "urgency": info.urgency,
                "severity": info.severity,
                "certainty": info.certainty,
                "headline": info.headline[:500],
                "description": info.description,
                "instruction": info.instruction,
                "sender_name": info.sender_name[:300],
                "web": info.web[:500],
                "expires": info.expires,
            },
        )
    return message


def cap_import(*, actor: Any, data: bytes) -> CapImportResult:
    """Import one CAP 1.2 message: all of it, or nothing and the list of what is wrong."""
    if actor is not None:
        require(can_manage_incidents(actor))
    alert, problems = cap.read(data)
    if alert is None:
        return CapImportResult(problems=[problem_text(p) for p in problems])
    result = CapImportResult(msg_type=alert.msg_type)
    if alert.status != "Actual":
        result.problems.append(problem_text(cap.Problem("status", detail=alert.status)))
    elif alert.msg_type not in ("Alert", "Update", "Cancel"):
        result.problems.append(problem_text(cap.Problem("msg_type", detail=alert.msg_type)))
    elif alert.msg_type == "Alert" and not alert.infos:
        result.problems.append(problem_text(cap.Problem("no_info")))
    if result.problems:
        return result
    try:
        with transaction.atomic():
            _apply(alert, data, actor, result)
            if result.problems:
                raise _Refused
    except _Refused:
        result.incident = None
        result.created = False
    except ValidationError as error:
        result.incident = None
        result.created = False
        result.problems.extend(
            f"{name}: {message}" if name != "__all__" else message
            for name, messages in error.message_dict.items()
            for message in messages
        )
    return result


class _Refused(Exception):
    """Rolls back a message that turned out not to apply."""


def _apply(alert: cap.CapAlert, data: bytes, actor: Any, result: CapImportResult) -> None:
    if alert.msg_type == "Alert":
        incident = _known_incident(alert)
        fields = _incident_fields(alert)
        if incident is None:
            fields.setdefault("status", Incident.Status.ACTIVE)
            incident = incident_create(actor=actor, data=fields)
            result.created = True
        else:
            incident_update(actor=actor, incident=incident, data=fields)
    else:
        incident = _referenced_incident(alert)
        if incident is None:
            refs = " ".join(f"{r.sender},{r.identifier}" for r in alert.references)
            result.problems.append(
                problem_text(cap.Problem("unknown_reference", detail=refs[:300]))
            )
            return
        if alert.msg_type == "Update":
            fields = _incident_fields(alert) if alert.infos else {}
            incident_update(actor=actor, incident=incident, data=fields)
        else:
            closing = {"status": Incident.Status.CLOSED}
            if incident.ended_at is None:
                closing["ended_at"] = max(alert.sent, incident.started_at or alert.sent)
            incident_update(actor=actor, incident=incident, data=closing)
    _keep_message(alert, data, incident, actor)
    result.incident = incident


def cap_export(*, incident: Incident, now: datetime.datetime | None = None) -> bytes:
    """The incident as a CAP 1.2 Alert that re-imports to the same incident."""
    now = now or timezone.now()
    categories = kinds.KIND_TO_CAP_CATEGORIES[incident.kind]
    parameters = {
        "INTERCITY_KIND": [incident.kind],
        "INTERCITY_STATUS": [incident.status],
        "INTERCITY_NAME": [incident.name],
    }
    if incident.alert_level:
        parameters["INTERCITY_ALERT_LEVEL"] = [incident.alert_level]
    if incident.glide:
        parameters["GLIDE"] = [incident.glide]
    event_codes = {}
    if incident.kind in kinds.KIND_TO_GDACS:
        event_codes["GDACS_EVENTTYPE"] = [kinds.KIND_TO_GDACS[incident.kind]]
    areas = []
    if incident.polygon:
        areas.append(
            cap.CapArea(
                incident.area_description or incident.name,
                polygons=[[tuple(point) for point in incident.polygon]],
            )
        )
    elif incident.latitude is not None:
        areas.append(
            cap.CapArea(
                incident.area_description or incident.name,
                circles=[(incident.latitude, incident.longitude, incident.radius_km or 0)],
            )
        )
    elif incident.area_description:
        areas.append(cap.CapArea(incident.area_description))
    stored = list(incident.cap_infos.all())
    blocks = stored or [None]
    infos = []
    for block in blocks:
        language = block.language if block else "en"
        main = block is None or block.language.lower().startswith("en") or len(blocks) == 1
        infos.append(
            cap.CapInfo(
                language=language,
                categories=categories,
                event=(block.event if block else "") or incident.get_kind_display(),
                urgency=(block.urgency if block else "") or "Unknown",
                severity=incident.severity.capitalize(),
                certainty=(block.certainty if block else "") or "Observed",
                headline=incident.name if main else block.headline,
                description=incident.description if main else block.description,
                instruction=block.instruction if block else "",
                sender_name=(block.sender_name if block else "") or "ANMC21 Intercity",
                onset=incident.started_at,
                expires=block.expires if block else None,
                event_codes=event_codes,
                parameters=parameters,
                areas=areas,
            )
        )
    alert = cap.CapAlert(
        identifier=f"intercity-incident-{incident.pk}-{now.strftime('%Y%m%dT%H%M%S')}",
        sender=settings.SOLIDARITY_CAP_SENDER,
        sent=now,
        status="Actual",
        msg_type="Alert",
        scope="Public" if incident.visibility == "public" else "Restricted",
        restriction="" if incident.visibility == "public" else "Member cities of the network",
        incidents=[incident.slug, *([incident.glide] if incident.glide else [])],
        infos=infos,
    )
    return cap.write(alert)


@dataclass
class FeedImportResult:
    created: list[Incident] = field(default_factory=list)
    updated: list[Incident] = field(default_factory=list)
    far_away: int = 0
    skipped: list[str] = field(default_factory=list)
    error: str = ""


@transaction.atomic
def gdacs_import(*, actor: Any, data: bytes) -> FeedImportResult:
    """Events near member cities become draft incidents for the secretariat to confirm."""
    if actor is not None:
        require(can_manage_incidents(actor))
    result = FeedImportResult()
    try:
        events, result.skipped = gdacs.read_events(data)
    except gdacs.FeedError as error:
        result.error = _("The file is not a readable RSS feed: %(error)s") % {"error": error}
        return result
    places = member_places()
    for event in events:
        area = geo.Area(latitude=event.latitude, longitude=event.longitude)
        if not geo.places_near(area, places, within_km=settings.SOLIDARITY_NEARBY_KM):
            result.far_away += 1
            continue
        level = event.alert_level.lower()
        fields: dict[str, Any] = {
            "name": event.title or event.key,
            "kind": kinds.kind_from_gdacs(event.event_type),
            "alert_level": level if level in Incident.AlertLevel.values else "",
            "severity": kinds.ALERT_LEVEL_TO_SEVERITY.get(level, "unknown"),
            "started_at": event.from_date,
            "ended_at": event.to_date
            if event.to_date and event.from_date and event.to_date >= event.from_date
            else None,
            "description": event.description,
            "area_description": event.country,
            "latitude": event.latitude,
            "longitude": event.longitude,
        }
        if event.glide and GLIDE.match(event.glide):
            fields["glide"] = event.glide
        incident = Incident.objects.filter(external_key=event.key).first()
        if incident is None:
            fields.update(
                status=Incident.Status.DRAFT,
                external_key=event.key,
                slug=unique_slug(Incident, event.title or event.key, max_length=100),
            )
            incident = incident_create(actor=actor, data=fields)
            if event.link:
                incident.sources.create(title=event.title or event.key, url=event.link)
            result.created.append(incident)
        else:
            if incident_update(actor=actor, incident=incident, data=fields):
                result.updated.append(incident)
            incident_suggest_cities(incident=incident)
    return result
