"""The agreements' part of the city page: agreements the city is party to and its pledges."""

from intercity.agreements.selectors import city_agreements
from intercity.core.sections import Section, register

register(
    Section(
        slot="city",
        name="agreements",
        template="agreements/_city_agreements.html",
        context=lambda *, city, user: city_agreements(city=city, user=user),
        order=30,
    )
)
