"""Reads of city records: lists, the map's points, a city and its focal points."""

import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.core.selectors import in_languages, text_filter


def city_list(
    *, search: str | None = None, membership: str | None = None, country: str | None = None
) -> QuerySet:
    cities = City.objects.all()
    cities = text_filter(
        cities, search, ["name", "local_name", "country_name", *in_languages("names")]
    )
    if membership:
        cities = cities.filter(membership_status=membership)
    if country:
        cities = cities.filter(country_code=country.upper())
    return cities.order_by("name")


def city_choices() -> QuerySet:
    """Every city, as lists offer them to filter by and name them: in the order of their names."""
    return City.objects.order_by("name").only("slug", "name", "names")


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


def cities_by_name() -> dict[str, City]:
    """Every city under its slug and each of its names, folded (case, width, accents composed
    alike), so a table may name "Hà Nội", "ハノイ" or "hanoi" and mean the same city."""
    found: dict[str, City] = {}
    cities = {city.slug: city for city in City.objects.only("pk", "slug", "name", "names")}
    for slug, names in city_names().items():
        for name in (slug, *sorted(names)):
            found.setdefault(city_name_folded(name), cities[slug])
    return found


def city_name_folded(name: str) -> str:
    return unicodedata.normalize("NFKC", name or "").casefold().strip()


def member_cities() -> QuerySet:
    return City.objects.filter(membership_status=City.Membership.MEMBER).order_by("name")


def city_map_points() -> list[dict]:
    """The compact data the offline map draws: one point per city with coordinates."""
    cities = City.objects.exclude(latitude=None).exclude(longitude=None).order_by("name")
    # Names in the reader's language: the map's labels and the list under it.
    return [
        {
            "slug": city.slug,
            "name": city.label,
            "country_name": city.country_label,
            "latitude": city.latitude,
            "longitude": city.longitude,
            "membership_status": city.membership_status,
            "url": city.get_absolute_url(),
        }
        for city in cities
    ]


def city_get(*, slug: str) -> City:
    return get_object_or_404(City, slug=slug)


def city_focal_points(*, city: City) -> list[User]:
    """The active focal points of a city, for its page; other apps add their sections."""
    return list(
        User.objects.filter(city=city, role=User.Role.FOCAL_POINT, is_active=True).order_by(
            "last_name", "first_name"
        )
    )


ZONE_CITIES_CACHE_KEY = "cities:zone-cities"


def zone_cities() -> dict[str, tuple[str, dict]]:
    """Each member city's time zone and the city's name and names (the first by name where
    cities share a zone); cached, so pages that name a zone's city run no query for it."""
    mapping = cache.get(ZONE_CITIES_CACHE_KEY)
    if mapping is None:
        mapping = {}
        for zone, name, names in member_cities().values_list("time_zone", "name", "names"):
            mapping.setdefault(zone, (name, names or {}))
        cache.set(ZONE_CITIES_CACHE_KEY, mapping, 600)
    return mapping


def zone_city_label(zone: str) -> str | None:
    """The name, in the reader's language, of the member city whose clock the zone is."""
    found = zone_cities().get(zone)
    if found is None:
        return None
    name, names = found
    return City(name=name, names=names).label
