"""The programmes' parts of pages that gather many apps: the city page and the home dashboard."""

from intercity.core.sections import Section, register
from intercity.programmes.selectors import (
    active_programme_count,
    active_programmes,
    city_programmes,
)

register(
    Section(
        slot="city",
        name="programmes",
        template="programmes/_city_programmes.html",
        context=lambda *, city, user: {"programmes": city_programmes(city=city)},
        order=20,
    )
)
register(
    Section(
        slot="home",
        name="programmes",
        template="programmes/_home_programmes.html",
        context=lambda *, user: {"programmes": active_programmes(limit=8)},
        order=20,
    )
)
register(
    Section(
        slot="home.stats",
        name="programmes",
        template="programmes/_home_count.html",
        context=lambda *, user: {"active_count": active_programme_count()},
        order=20,
    )
)
