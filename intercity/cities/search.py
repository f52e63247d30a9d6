"""Makes cities findable in the platform search, by name and country."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
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


def city_names() -> dict[str, set[str]]:
    """Each city's names: as written, in the local language, its own translations, and the
    catalogues' in each of the platform's languages."""
    cities = list(City.objects.only("slug", "name", "names", "local_name"))
    names = {
        city.slug: {city.name, city.local_name, *(city.names or {}).values()} for city in cities
    }
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            for city in cities:
                names[city.slug].add(city.label)
    return {slug: {name for name in found if name} for slug, found in names.items()}


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
