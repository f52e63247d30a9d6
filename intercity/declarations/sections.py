"""The declarations' part of the city page: the city's commitments and how far it kept them."""

from intercity.core.sections import Section, register
from intercity.declarations.selectors_accountability import city_commitments

register(
    Section(
        slot="city",
        name="commitments",
        template="declarations/_city_commitments.html",
        context=lambda *, city, user: {"commitments": city_commitments(city=city, user=user)},
        order=40,
    )
)
