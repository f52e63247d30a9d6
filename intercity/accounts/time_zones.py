"""Which time zone the interface shows times in: the signed-in person's city's.

A member city's focal point reads "published at 10:42" in Hanoi time, not in the server's UTC.
The zone is looked up once, at sign-in, and kept in the session, so pages run no extra query.
Meeting sessions and business-meeting slots keep their own host city's time (their templates
say so explicitly); this governs the moments things happened: publications, history, updates.
"""

import zoneinfo

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone, translation

SESSION_KEY = "intercity_time_zone"
# The city whose clock that is, by language code ({"en": "Hanoi", "vi": "Hà Nội", ...}), so
# that the footer names it in the reader's language with no query.
PLACE_SESSION_KEY = "intercity_time_zone_place"


def _city_of(user):
    city = getattr(user, "city", None)
    if city is None and getattr(user, "organisation_id", None):
        city = user.organisation.city
    return city


def time_zone_of(user) -> str | None:
    """The zone of the person's city, or of their organisation's city; None for neither."""
    city = _city_of(user)
    return city.time_zone if city is not None else None


def _names_of(city) -> dict[str, str]:
    names = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names[code] = city.name_in(code)
    return names


@receiver(user_logged_in, dispatch_uid="accounts:time_zone")
def remember_time_zone(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    city = _city_of(user)
    if city is not None and city.time_zone:
        request.session[SESSION_KEY] = city.time_zone
        request.session[PLACE_SESSION_KEY] = _names_of(city)
    else:
        request.session.pop(SESSION_KEY, None)
        request.session.pop(PLACE_SESSION_KEY, None)


class UserTimeZoneMiddleware:
    """Activates the zone remembered at sign-in for the request; the server's otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        name = session.get(SESSION_KEY) if session is not None else None
        zone = None
        if name:
            try:
                zone = zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                zone = None
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
