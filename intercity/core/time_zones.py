"""Time zones as a reader understands them: the UTC offset at a moment, and the place whose
clock it is, instead of an IANA id such as "Asia/Ho_Chi_Minh" (kept for a title attribute)."""

import datetime
import zoneinfo

from django.utils import timezone


def utc_offset(zone: str, moment: datetime.datetime | datetime.date | None = None) -> str:
    """The zone's offset at the moment (noon of a day; now without one): "UTC+07:00",
    "UTC+05:30", "UTC-03:00"; "UTC" for a zone that is UTC then; an unknown id as it is."""
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zone
    if moment is None:
        moment = timezone.now()
    elif not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time(12), tzinfo=tz)
    elif timezone.is_naive(moment):
        moment = moment.replace(tzinfo=tz)
    offset = moment.astimezone(tz).utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def zone_label(offset: str, place: str | None = None, *, inline: bool = False) -> str:
    """The member city's name and the offset, "Hà Nội (UTC+07:00)", or "Hà Nội, UTC+07:00"
    inline (for a sentence that already puts the zone in brackets); the offset alone without
    a city."""
    if not place:
        return offset
    return f"{place}, {offset}" if inline else f"{place} ({offset})"
