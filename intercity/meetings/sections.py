"""The meetings' parts of pages that gather many apps: the city page and the home dashboard."""

from intercity.core.sections import Section, register
from intercity.meetings.selectors import (
    city_meetings,
    next_host_suggestion,
    recent_meetings,
    upcoming_meetings,
)


def home_meetings(*, user) -> dict:
    upcoming = upcoming_meetings(user=user, limit=5)
    # A network with nothing scheduled still shows where it last met.
    return {"upcoming": upcoming, "recent": [] if upcoming else recent_meetings(user=user, limit=5)}


register(
    Section(
        slot="city",
        name="meetings",
        template="meetings/_city_meetings.html",
        context=lambda *, city, user: city_meetings(city=city, user=user),
        order=10,
    )
)
register(
    Section(
        slot="home",
        name="meetings",
        template="meetings/_home_meetings.html",
        context=home_meetings,
        order=10,
    )
)
register(
    Section(
        slot="home.stats",
        name="next-host",
        template="meetings/_home_next_host.html",
        context=lambda *, user: {"next_host": next_host_suggestion()},
        order=30,
    )
)
