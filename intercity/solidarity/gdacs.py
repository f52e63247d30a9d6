"""Reading GDACS-style GeoRSS/RSS files of disaster events; no Django here.

Each ``item`` may carry GDACS fields (``gdacs:eventtype``, ``gdacs:eventid``,
``gdacs:alertlevel``, ``gdacs:fromdate`` …) and a position as ``geo:lat``/``geo:long``,
``geo:Point`` or ``georss:point``. Elements are matched by local name so that feeds using
other prefixes still read. Parsing refuses entities and external references (defusedxml).
"""

from __future__ import annotations

import datetime
import email.utils
from dataclasses import dataclass

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class GdacsEvent:
    key: str  # event type and id, e.g. "TC-1000021"
    event_type: str
    title: str
    description: str
    link: str
    latitude: float
    longitude: float
    alert_level: str
    country: str
    glide: str
    from_date: datetime.datetime | None
    to_date: datetime.datetime | None


class FeedError(ValueError):
    """The file is not an RSS document that can be read."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _children(element) -> dict[str, list]:
    found: dict[str, list] = {}
    for child in element.iter():
        if child is element:
            continue
        found.setdefault(_local(child.tag).casefold(), []).append(child)
    return found


def _first(children: dict[str, list], *names: str) -> str:
    for name in names:
        for element in children.get(name.casefold(), []):
            if element.text and element.text.strip():
                return element.text.strip()
    return ""


def _date(text: str) -> datetime.datetime | None:
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        try:
            value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def _position(children: dict[str, list]) -> tuple[float, float] | None:
    lat, lon = _first(children, "lat"), _first(children, "long", "lon")
    if not (lat and lon):
        point = _first(children, "point")
        parts = point.replace(",", " ").split()
        if len(parts) == 2:
            lat, lon = parts
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def read_events(data: bytes) -> tuple[list[GdacsEvent], list[str]]:
    """The events of a feed, and a note for each item that could not be read."""
    if len(data) > MAX_BYTES:
        raise FeedError("file too large")
    try:
        root = SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException) as error:
        raise FeedError(str(error)) from error
    items = [e for e in root.iter() if _local(e.tag) in ("item", "entry")]
    if _local(root.tag) not in ("rss", "feed", "RDF") and not items:
        raise FeedError(f"not an RSS feed: {_local(root.tag)}")
    events, skipped = [], []
    for number, item in enumerate(items, start=1):
        children = _children(item)
        title = _first(children, "title")
        position = _position(children)
        event_type = _first(children, "eventtype").upper()
        event_id = _first(children, "eventid")
        if position is None:
            skipped.append(f"item {number} ({title[:60]}): no position")
            continue
        if not event_type:
            skipped.append(f"item {number} ({title[:60]}): no event type")
            continue
        key = f"{event_type}-{event_id or _first(children, 'guid', 'id') or number}"
        events.append(
            GdacsEvent(
                key=key[:80],
                event_type=event_type,
                title=title[:200],
                description=_first(children, "description", "summary")[:4000],
                link=_first(children, "link")[:500],
                latitude=position[0],
                longitude=position[1],
                alert_level=_first(children, "alertlevel").capitalize(),
                country=_first(children, "country")[:200],
                glide=_first(children, "glide")[:40],
                from_date=_date(_first(children, "fromdate", "pubDate", "published")),
                to_date=_date(_first(children, "todate")),
            )
        )
    return events, skipped
