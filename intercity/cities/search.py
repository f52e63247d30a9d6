"""Makes cities findable in the platform search, by name and country."""

from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
from intercity.cities.selectors import city_names
from intercity.searchindex.registry import (
    Document,
    SearchSource,
    join_lines,
    provide_place_names,
    register,
)


def city_documents(city):
    yield Document(
        type="city",
        id=str(city.pk),
        title=join_lines(city.name, city.local_name).replace("\n", " · "),
        body=join_lines(city.country_name, city.description),
        url=city.get_absolute_url(),
        city=city,
        cities=[city.slug],
        date=city.joined_on,
    )


def register_city_source() -> None:
    provide_place_names(city_names)
    register(
        SearchSource(
            type="city",
            label=_("City"),
            model=City,
            objects=lambda: City.objects.all(),
            documents=city_documents,
            embed=False,
        )
    )
