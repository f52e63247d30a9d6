"""Reads of drills: the list, one drill with its review and actions, open actions per city."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from intercity.accounts.roles import is_network_insider
from intercity.core.selectors import in_languages, text_filter
from intercity.solidarity.models import Drill, DrillAction


def drill_list(*, user, scenario_kind: str | None = None, search: str | None = None) -> QuerySet:
    rows = Drill.objects.select_related(
        "meeting__host_city", "review__knowledge_item"
    ).prefetch_related(
        "meeting__cities",
        Prefetch("review__actions", queryset=DrillAction.objects.select_related("owner_city")),
    )
    if not is_network_insider(user):
        rows = rows.filter(meeting__is_public=True)
    if scenario_kind:
        rows = rows.filter(scenario_kind=scenario_kind)
    return text_filter(
        rows,
        search,
        [
            "meeting__title",
            "scenario",
            "meeting__host_city__name",
            *in_languages("meeting__titles"),
            *in_languages("meeting__host_city__names"),
        ],
    )


def drill_get(*, user, slug: str) -> Drill:
    drill = drill_list(user=user).filter(meeting__slug=slug).first()
    if drill is None:
        raise Http404
    return drill
