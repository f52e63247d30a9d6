"""The indicators' part of the city page: the latest values, linking to charts and targets."""

from intercity.core.sections import Section, register
from intercity.indicators.selectors import city_section

register(
    Section(
        slot="city",
        name="indicators",
        template="indicators/_city_indicators.html",
        context=lambda *, city, user: {"indicator_section": city_section(city=city, user=user)},
        order=60,
    )
)
