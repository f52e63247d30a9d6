"""Reads of programmes, their activities and reviews."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from intercity.core.selectors import in_languages, text_filter
from intercity.core.subqueries import count_of
from intercity.programmes.models import Activity, Participant, Programme


def programme_list(
    *,
    search: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    city: str | None = None,
    theme: str | None = None,
) -> QuerySet:
    programmes = Programme.objects.select_related("lead_city").prefetch_related("themes")
    programmes = text_filter(
        programmes, search, ["name", "field", "description", *in_languages("titles")]
    )
    if kind:
        programmes = programmes.filter(kind=kind)
    today = timezone.localdate()
    if status == "ended":
        programmes = programmes.filter(Q(status="closed") | Q(end_date__lt=today))
    elif status:
        programmes = programmes.filter(status=status).exclude(end_date__lt=today)
    if city:
        programmes = programmes.filter(Q(lead_city__slug=city) | Q(cities__slug=city)).distinct()
    if theme:
        programmes = programmes.filter(themes__slug=theme)
    return programmes.annotate(
        city_count=count_of(Programme.cities.through.objects.all(), link="programme"),
        activity_count=count_of(Activity.objects.all(), link="programme"),
    ).order_by("kind", "name")


def _running() -> QuerySet:
    return Programme.objects.exclude(status=Programme.Status.CLOSED).exclude(
        end_date__lt=timezone.localdate()
    )


def active_programmes(*, limit: int = 8) -> list[Programme]:
    return list(_running().select_related("lead_city").order_by("kind", "name")[:limit])


def active_programme_count() -> int:
    """How many programmes run, all of them: the home page lists only the first few."""
    return _running().count()


def programme_get(*, slug: str) -> Programme:
    return get_object_or_404(
        Programme.objects.select_related("lead_city", "launched_at").prefetch_related(
            "cities", "themes", "activities__city", "activities__meeting", "reviews__meeting"
        ),
        slug=slug,
    )


def city_programmes(*, city) -> list[Programme]:
    """The programmes a city leads or takes part in, for its page."""
    return list(
        Programme.objects.filter(Q(lead_city=city) | Q(cities=city))
        .distinct()
        .select_related("lead_city")
        .order_by("name")
    )


def programme_participants(*, programme: Programme) -> list[Participant]:
    """The people taking part in the programme, with their cities, in the order they joined."""
    return list(programme.participants.select_related("person__city"))
