"""Writes to city records."""

from collections.abc import Mapping
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.cities.models import City
from intercity.cities.permissions import (
    can_create_city,
    can_delete_city,
    editable_city_fields,
)
from intercity.cities.selectors import ZONE_CITIES_CACHE_KEY
from intercity.core.services import (
    create_with_audit,
    delete_with_audit,
    require,
    save_changes,
)


def _forget_zone_cities() -> None:
    """Time zones are named by their member city; a changed city renames them at once."""
    transaction.on_commit(lambda: cache.delete(ZONE_CITIES_CACHE_KEY))


@transaction.atomic
def city_create(*, actor: Any, data: Mapping[str, Any]) -> City:
    if actor is not None:
        require(can_create_city(actor))
    _forget_zone_cities()
    return create_with_audit(City, data, actor=actor, action="cities.city.created")


@transaction.atomic
def city_update(*, actor: Any, city: City, data: Mapping[str, Any]) -> list[str]:
    """Change a city's record; a focal point may change only their city's descriptive fields."""
    if actor is not None:
        allowed = editable_city_fields(actor, city)
        require(allowed is None or bool(allowed))
        if allowed is not None:
            # Resending a field unchanged (a full update) is not a change the rule forbids.
            changing = {name for name, value in data.items() if getattr(city, name) != value}
            refused = sorted(changing - allowed)
            if refused:
                raise ValidationError(
                    {name: _("Only the secretariat can change this field.") for name in refused}
                )
    _forget_zone_cities()
    return save_changes(city, data, actor=actor, action="cities.city.updated")


@transaction.atomic
def city_delete(*, actor: Any, city: City) -> None:
    if actor is not None:
        require(can_delete_city(actor, city))
    _forget_zone_cities()
    delete_with_audit(city, actor=actor, action="cities.city.deleted")
