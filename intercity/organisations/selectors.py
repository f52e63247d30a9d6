"""Reads of organisation profiles."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from intercity.core.selectors import text_filter
from intercity.organisations.models import Organisation


def organisation_list(
    *, search: str | None = None, kind: str | None = None, city: str | None = None
) -> QuerySet:
    organisations = Organisation.objects.select_related("city")
    organisations = text_filter(organisations, search, ["name", "description"])
    if kind:
        organisations = organisations.filter(kind=kind)
    if city:
        organisations = organisations.filter(city__slug=city)
    return organisations.order_by("name")


def organisation_get(*, slug: str) -> Organisation:
    return get_object_or_404(Organisation.objects.select_related("city"), slug=slug)
