"""Time zones shown as a reader understands them: "Hà Nội (UTC+07:00)", the IANA id in a
title attribute for precision."""

from django import template
from django.utils import timezone, translation
from django.utils.html import format_html

from intercity.accounts.time_zones import PLACE_SESSION_KEY
from intercity.cities.selectors import zone_city_label
from intercity.core.time_zones import utc_offset, zone_label

register = template.Library()


def _shown(zone: str, label: str):
    # A zone id, an offset and a city's name: nothing of the interface's language in it.
    return format_html(
        '<span class="time-zone-name" title="{}" translate="no">{}</span>', zone, label
    )


@register.simple_tag
def time_zone(zone, moment=None, city=None, inline=False):
    """A zone at a moment (a meeting's day; now without one), named by its member city: the
    given city where the zone is its own (no query), else the cached zone-to-city list."""
    if not zone:
        return ""
    if city is not None and getattr(city, "time_zone", None) == zone:
        place = city.label
    else:
        place = zone_city_label(zone)
    return _shown(zone, zone_label(utc_offset(zone, moment), place, inline=inline))


@register.simple_tag(takes_context=True)
def current_time_zone(context):
    """The zone pages show times in now, named from what the session kept at sign-in; runs no
    query."""
    zone = timezone.get_current_timezone_name()
    request = context.get("request")
    session = getattr(request, "session", None)
    places = (session.get(PLACE_SESSION_KEY) if session is not None else None) or {}
    place = places.get(translation.get_language() or "") or places.get("en")
    return _shown(zone, zone_label(utc_offset(zone), place))
