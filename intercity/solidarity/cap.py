"""Reading, checking and writing OASIS CAP 1.2 messages; no Django here.

Messages are checked against the CAP 1.2 schema shipped in ``data/cap-1.2.xsd`` with the
xmlschema library, which also parses them with entity expansion and remote access refused.
"""

from __future__ import annotations

import datetime
import functools
import re
import xml.etree.ElementTree as ET  # noqa: S405 - only builds documents; parsing is defused
from dataclasses import dataclass, field
from pathlib import Path

import xmlschema
from xmlschema.exceptions import XMLResourceError

NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "cap-1.2.xsd"
MAX_BYTES = 2_000_000
_NS = {"cap": NAMESPACE}


@dataclass(frozen=True)
class Problem:
    """Something wrong with a message: a code the caller words, where, and the detail."""

    code: str
    where: str = ""
    detail: str = ""


@dataclass
class CapArea:
    description: str
    polygons: list[list[tuple[float, float]]] = field(default_factory=list)
    circles: list[tuple[float, float, float]] = field(default_factory=list)


@dataclass
class CapInfo:
    language: str
    categories: list[str]
    event: str
    urgency: str
    severity: str
    certainty: str
    headline: str = ""
    description: str = ""
    instruction: str = ""
    sender_name: str = ""
    web: str = ""
    effective: datetime.datetime | None = None
    onset: datetime.datetime | None = None
    expires: datetime.datetime | None = None
    event_codes: dict[str, list[str]] = field(default_factory=dict)
    parameters: dict[str, list[str]] = field(default_factory=dict)
    areas: list[CapArea] = field(default_factory=list)

    def parameter(self, name: str) -> str:
        for key, values in self.parameters.items():
            if key.casefold() == name.casefold() and values:
                return values[0]
        return ""

    def event_code(self, name: str) -> str:
        for key, values in self.event_codes.items():
            if key.casefold() == name.casefold() and values:
                return values[0]
        return ""


@dataclass(frozen=True)
class Reference:
    sender: str
    identifier: str
    sent: str


@dataclass
class CapAlert:
    identifier: str
    sender: str
    sent: datetime.datetime
    status: str
    msg_type: str
    scope: str
    restriction: str = ""
    note: str = ""
    references: list[Reference] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    infos: list[CapInfo] = field(default_factory=list)


@functools.cache
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA_PATH))


def format_datetime(value: datetime.datetime) -> str:
    """CAP's form: seconds and an explicit offset, never "Z"."""
    if value.tzinfo is None:
        raise ValueError("CAP times must be aware")
    return value.replace(microsecond=0).isoformat()


def _text(element, name: str) -> str:
    found = element.find(f"cap:{name}", _NS)
    return (found.text or "").strip() if found is not None else ""


def _texts(element, name: str) -> list[str]:
    return [(e.text or "").strip() for e in element.findall(f"cap:{name}", _NS)]


def _time(element, name: str) -> datetime.datetime | None:
    text = _text(element, name)
    return datetime.datetime.fromisoformat(text) if text else None


def _named_values(element, name: str) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for pair in element.findall(f"cap:{name}", _NS):
        key = _text(pair, "valueName")
        values.setdefault(key, []).append(_text(pair, "value"))
    return values


_PAIR = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


def _pair(text: str) -> tuple[float, float] | None:
    match = _PAIR.match(text)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _area(element, where: str, problems: list[Problem]) -> CapArea:
    area = CapArea(description=_text(element, "areaDesc"))
    for index, text in enumerate(_texts(element, "polygon"), start=1):
        points = [_pair(token) for token in text.split()]
        if len(points) < 4 or None in points or points[0] != points[-1]:
            problems.append(Problem("bad_polygon", f"{where}/polygon[{index}]", text[:80]))
            continue
        area.polygons.append(points)
    for index, text in enumerate(_texts(element, "circle"), start=1):
        centre, _, radius = text.strip().partition(" ")
        point = _pair(centre)
        try:
            radius_km = float(radius)
        except ValueError:
            radius_km = -1.0
        if point is None or radius_km < 0:
            problems.append(Problem("bad_circle", f"{where}/circle[{index}]", text[:80]))
            continue
        area.circles.append((point[0], point[1], radius_km))
    return area


def _info(element, where: str, problems: list[Problem]) -> CapInfo:
    info = CapInfo(
        language=_text(element, "language") or "en-US",
        categories=_texts(element, "category"),
        event=_text(element, "event"),
        urgency=_text(element, "urgency"),
        severity=_text(element, "severity"),
        certainty=_text(element, "certainty"),
        headline=_text(element, "headline"),
        description=_text(element, "description"),
        instruction=_text(element, "instruction"),
        sender_name=_text(element, "senderName"),
        web=_text(element, "web"),
        effective=_time(element, "effective"),
        onset=_time(element, "onset"),
        expires=_time(element, "expires"),
        event_codes=_named_values(element, "eventCode"),
        parameters=_named_values(element, "parameter"),
    )
    for index, area in enumerate(element.findall("cap:area", _NS), start=1):
        info.areas.append(_area(area, f"{where}/area[{index}]", problems))
    return info


def _references(text: str, problems: list[Problem]) -> list[Reference]:
    found = []
    for token in text.split():
        parts = token.split(",")
        if len(parts) != 3 or not all(parts):
            problems.append(Problem("bad_reference", "/alert/references", token[:120]))
            continue
        found.append(Reference(*parts))
    return found


def read(data: bytes) -> tuple[CapAlert | None, list[Problem]]:
    """Check a message against the schema and read it; (None, problems) when it is not valid."""
    if len(data) > MAX_BYTES:
        return None, [Problem("too_large", "", str(len(data)))]
    try:
        resource = xmlschema.XMLResource(data, defuse="always", allow="none")
    except (XMLResourceError, ET.ParseError, ValueError) as error:
        return None, [Problem("not_xml", "", str(error).splitlines()[0][:300])]
    except Exception as error:  # noqa: BLE001 - the defused parser raises its own kinds
        return None, [Problem("not_xml", "", str(error).splitlines()[0][:300])]
    root = resource.root
    if root.tag != f"{{{NAMESPACE}}}alert":
        return None, [Problem("not_cap", "/", root.tag[:120])]
    problems = [
        Problem("schema", error.path or "/alert", (error.reason or str(error))[:300])
        for error in schema().iter_errors(resource)
    ]
    if problems:
        return None, problems
    alert = CapAlert(
        identifier=_text(root, "identifier"),
        sender=_text(root, "sender"),
        sent=datetime.datetime.fromisoformat(_text(root, "sent")),
        status=_text(root, "status"),
        msg_type=_text(root, "msgType"),
        scope=_text(root, "scope"),
        restriction=_text(root, "restriction"),
        note=_text(root, "note"),
        incidents=_text(root, "incidents").split(),
    )
    alert.references = _references(_text(root, "references"), problems)
    for index, element in enumerate(root.findall("cap:info", _NS), start=1):
        alert.infos.append(_info(element, f"/alert/info[{index}]", problems))
    if alert.msg_type in ("Update", "Cancel") and not alert.references and not problems:
        problems.append(Problem("no_references", "/alert/references"))
    return (None, problems) if problems else (alert, [])


def _add(parent, name: str, text: str | None):
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{name}")
    if text is not None:
        element.text = text
    return element


def _add_named(parent, name: str, values: dict[str, list[str]]) -> None:
    for key, items in values.items():
        for value in items:
            pair = _add(parent, name, None)
            _add(pair, "valueName", key)
            _add(pair, "value", value)


def _number(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def write(alert: CapAlert) -> bytes:
    """The message as CAP 1.2 XML, elements in the order the schema asks for."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}alert")
    _add(root, "identifier", alert.identifier)
    _add(root, "sender", alert.sender)
    _add(root, "sent", format_datetime(alert.sent))
    _add(root, "status", alert.status)
    _add(root, "msgType", alert.msg_type)
    _add(root, "scope", alert.scope)
    if alert.restriction:
        _add(root, "restriction", alert.restriction)
    if alert.note:
        _add(root, "note", alert.note)
    if alert.references:
        _add(
            root,
            "references",
            " ".join(f"{r.sender},{r.identifier},{r.sent}" for r in alert.references),
        )
    if alert.incidents:
        _add(root, "incidents", " ".join(alert.incidents))
    for info in alert.infos:
        block = _add(root, "info", None)
        _add(block, "language", info.language)
        for category in info.categories:
            _add(block, "category", category)
        _add(block, "event", info.event)
        _add(block, "urgency", info.urgency)
        _add(block, "severity", info.severity)
        _add(block, "certainty", info.certainty)
        _add_named(block, "eventCode", info.event_codes)
        for name in ("effective", "onset", "expires"):
            value = getattr(info, name)
            if value is not None:
                _add(block, name, format_datetime(value))
        for name, tag in (
            ("sender_name", "senderName"),
            ("headline", "headline"),
            ("description", "description"),
            ("instruction", "instruction"),
            ("web", "web"),
        ):
            if getattr(info, name):
                _add(block, tag, getattr(info, name))
        _add_named(block, "parameter", info.parameters)
        for area in info.areas:
            element = _add(block, "area", None)
            _add(element, "areaDesc", area.description)
            for polygon in area.polygons:
                _add(element, "polygon", " ".join(f"{_number(a)},{_number(b)}" for a, b in polygon))
            for lat, lon, radius in area.circles:
                _add(element, "circle", f"{_number(lat)},{_number(lon)} {_number(radius)}")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
