"""REST API of the network's news: its viewset registers on the shared /api/v1/ router."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from intercity.api.permissions import Rules
from intercity.api.views import RecordViewSet, document
from intercity.core import selectors as core_selectors
from intercity.core import services as core_services
from intercity.core.models import NewsItem
from intercity.core.permissions import can_delete_news, can_edit_news, can_publish_news
from intercity.web import serializers as api

NEWS_RULES = Rules(can_publish_news, can_edit_news, can_delete_news)


@document(
    list_serializer=api.NewsItemSerializer,
    filters=api.NewsFilterSerializer,
    detail_serializer=api.NewsItemSerializer,
    write_serializer=api.NewsItemWriteSerializer,
)
class NewsItemViewSet(RecordViewSet):
    """News the network publishes."""

    reader_description = _("News the network publishes; the secretariat writes it.")

    queryset = NewsItem.objects.none()
    rules = NEWS_RULES
    list_serializer_class = api.NewsItemSerializer
    detail_serializer_class = api.NewsItemSerializer
    write_serializer_class = api.NewsItemWriteSerializer
    filter_serializer_class = api.NewsFilterSerializer

    def select_list(self, *, kind=None, city=None):
        return core_selectors.news_list(kind=kind, city=city)

    def select_one(self, key):
        return get_object_or_404(core_selectors.news_list(), slug=key)

    def create_record(self, data):
        cities = data.pop("cities", ())
        return core_services.news_publish(actor=self.request.user, data=data, cities=cities)

    def update_record(self, obj, data):
        cities = data.pop("cities", None)
        core_services.news_update(actor=self.request.user, item=obj, data=data, cities=cities)

    def delete_record(self, obj):
        core_services.news_delete(actor=self.request.user, item=obj)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("news", NewsItemViewSet, basename="news")
