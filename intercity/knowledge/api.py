"""REST API of the knowledge app: its viewsets register on the shared /api/v1/ router."""

import json

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.response import Response

from intercity.api.permissions import Rules
from intercity.api.schema import SingleObjectSchema
from intercity.api.views import RecordViewSet, document
from intercity.knowledge import serializers as api
from intercity.knowledge import services
from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.permissions import (
    can_create_item,
    can_delete_item,
    can_edit_item,
    can_import_items,
    can_view_item,
)
from intercity.knowledge.selectors import KnowledgeFilters, item_get, item_list
from intercity.searchindex.engine import SearchFilters, search

KNOWLEDGE_RULES = Rules(can_create_item, can_edit_item, can_delete_item, can_view_item)
RELATIONS = ("themes", "programmes", "meetings", "agreements")


@document(
    list_serializer=api.KnowledgeItemSerializer,
    filters=api.KnowledgeFilterSerializer,
    detail_serializer=api.KnowledgeItemDetailSerializer,
    write_serializer=api.KnowledgeItemWriteSerializer,
)
class KnowledgeItemViewSet(RecordViewSet):
    """Practices, policies, case studies, study reports and drill lessons of member cities."""

    reader_description = _(
        "Practices, policies, case studies, study reports and drill lessons of member cities. "
        "The secretariat and a city's contributors publish them; authors edit their own."
    )

    queryset = KnowledgeItem.objects.none()
    rules = KNOWLEDGE_RULES
    list_serializer_class = api.KnowledgeItemSerializer
    detail_serializer_class = api.KnowledgeItemDetailSerializer
    write_serializer_class = api.KnowledgeItemWriteSerializer
    filter_serializer_class = api.KnowledgeFilterSerializer

    def select_list(self, *, q=None, **filters):
        items, _matched = item_list(
            user=self.request.user, filters=KnowledgeFilters(**filters), search_text=q
        )
        return items

    def select_one(self, key):
        return item_get(slug=key, user=self.request.user)

    def create_record(self, data):
        relations = {name: data.pop(name, ()) for name in RELATIONS}
        return services.item_create(actor=self.request.user, data=data, **relations)

    def update_record(self, obj, data):
        relations = {name: data.pop(name, None) for name in RELATIONS}
        fresh = KnowledgeItem.objects.get(pk=obj.pk)
        services.item_update(actor=self.request.user, item=fresh, data=data, **relations)

    def delete_record(self, obj):
        services.item_delete(actor=self.request.user, item=obj)

    @extend_schema(
        request=api.ImportSerializer,
        responses={
            201: inline_serializer(
                "KnowledgeImportResult",
                {"created": serializers.ListField(child=serializers.CharField())},
            ),
            400: OpenApiResponse(description=_("Bad lines, each with its number and a message.")),
        },
        description=_("Import a practice library: every line valid, or nothing is written."),
    )
    @action(detail=False, methods=["post"], url_path="import")
    def import_items(self, request):
        if not request.user.is_authenticated:
            raise NotAuthenticated
        if not can_import_items(request.user):
            raise PermissionDenied
        payload = api.ImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        if payload.validated_data.get("jsonl"):
            lines = payload.validated_data["jsonl"].splitlines()
        else:
            lines = [
                json.dumps(item, ensure_ascii=False) for item in payload.validated_data["items"]
            ]
        report = services.knowledge_import(actor=request.user, lines=lines)
        if not report.ok:
            errors = [{"line": number, "message": message} for number, message in report.errors]
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        return Response(
            {"created": [item.slug for item in report.created]}, status=status.HTTP_201_CREATED
        )


class SearchViewSet(viewsets.ViewSet):
    """One search over every kind of record, limited to what the caller may see."""

    reader_name = _("Search")
    reader_description = _("One search over every kind of record, limited to what you may see.")

    schema = SingleObjectSchema()

    @extend_schema(
        parameters=[api.SearchQuerySerializer],
        responses=inline_serializer(
            "SearchResults",
            {
                "count": serializers.IntegerField(),
                "count_estimated": serializers.BooleanField(
                    help_text=_(
                        "True when the words match so many records that the counts were "
                        "estimated from a sample; the results themselves are exact."
                    )
                ),
                "type_counts": serializers.DictField(child=serializers.IntegerField()),
                "mode": serializers.CharField(),
                "did_you_mean": serializers.CharField(
                    allow_null=True,
                    help_text=_(
                        "The query with its misspelt words replaced by the nearest words of the "
                        "public records or of the platform's own vocabulary, when a word is "
                        "missing from them or far rarer in them than a near word (also beside "
                        "results) and the corrected query finds something; null otherwise."
                    ),
                ),
                "results": api.SearchHitSerializer(many=True),
            },
        ),
    )
    def list(self, request):
        params = api.SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        types = tuple(data.get("type", ()))
        results = search(
            user=request.user,
            query=data["q"],
            lang=data.get("lang"),
            reader_language=translation.get_language(),
            filters=SearchFilters(
                types=types,
                city=data.get("city"),
                theme=data.get("theme"),
                language=data.get("language"),
                date_from=data.get("date_from"),
                date_to=data.get("date_to"),
            ),
        )
        return Response(
            {
                "count": results.total,
                "count_estimated": results.estimated,
                "type_counts": results.type_counts,
                "mode": results.mode,
                "did_you_mean": results.suggestion,
                "results": [hit.as_dict() for hit in results.hits[:50]],
            }
        )


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("knowledge", KnowledgeItemViewSet, basename="knowledge-item")
    router.register("search", SearchViewSet, basename="search")
