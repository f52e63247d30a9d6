"""Writes iCalendar (RFC 5545) text for all-day and timed events (pure, no Django)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarEvent:
    """An all-day event when start and end are dates, a timed one when they are aware datetimes."""

    uid: str
    title: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime  # for dates: the last day, inclusive
    location: str = ""
    description: str = ""
    url: str = ""
    updated: datetime.datetime | None = None


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        limit = 75 if not parts else 74
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _span(event: CalendarEvent) -> list[str]:
    if isinstance(event.start, datetime.datetime):
        return [f"DTSTART:{_stamp(event.start)}", f"DTEND:{_stamp(event.end)}"]
    # DTEND of an all-day event is the day after the last day.
    last_day = event.end + datetime.timedelta(days=1)
    return [f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}", f"DTEND;VALUE=DATE:{last_day:%Y%m%d}"]


def calendar(events: Iterable[CalendarEvent], *, name: str, now: datetime.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Intercity//Meetings//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_stamp(event.updated or now)}",
            *_span(event),
            f"SUMMARY:{_escape(event.title)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{_escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
