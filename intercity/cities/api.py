"""REST API of cities: its viewset registers on the shared /api/v1/ router."""

from django.utils.translation import gettext_lazy as _

from intercity.api.permissions import Rules
from intercity.api.views import RecordViewSet, document
from intercity.cities import selectors as city_selectors
from intercity.cities import serializers as api
from intercity.cities import services as city_services
from intercity.cities.models import City
from intercity.cities.permissions import (
    can_create_city,
    can_delete_city,
    can_edit_city,
    can_view_city,
)

CITY_RULES = Rules(can_create_city, can_edit_city, can_delete_city, can_view_city)


@document(
    list_serializer=api.CitySerializer,
    filters=api.CityFilterSerializer,
    detail_serializer=api.CitySerializer,
    write_serializer=api.CityWriteSerializer,
)
class CityViewSet(RecordViewSet):
    """Cities of the network, members or not, with their membership and gazetteer facts."""

    reader_description = _(
        "The network's cities, members or not, with their membership and gazetteer facts. The "
        "secretariat adds and removes cities; a city's focal point edits its own city."
    )

    queryset = City.objects.none()  # for the schema's path parameter; reads use selectors
    rules = CITY_RULES
    list_serializer_class = api.CitySerializer
    detail_serializer_class = api.CitySerializer
    write_serializer_class = api.CityWriteSerializer
    filter_serializer_class = api.CityFilterSerializer

    def select_list(self, *, q=None, membership=None, country=None):
        return city_selectors.city_list(search=q, membership=membership, country=country)

    def select_one(self, key):
        return city_selectors.city_get(slug=key)

    def create_record(self, data):
        return city_services.city_create(actor=self.request.user, data=data)

    def update_record(self, obj, data):
        city_services.city_update(actor=self.request.user, city=obj, data=data)

    def delete_record(self, obj):
        city_services.city_delete(actor=self.request.user, city=obj)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("cities", CityViewSet, basename="city")
