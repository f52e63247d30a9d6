"""Makes programmes findable in the platform search, with their activities."""

from django.utils.translation import gettext_lazy as _

from intercity.programmes.models import Activity, Programme
from intercity.searchindex.registry import Document, SearchSource, Watch, join_lines, register


def programme_documents(programme):
    activities = [join_lines(a.title, a.description) for a in programme.activities.all()]
    cities = [programme.lead_city.slug] if programme.lead_city else []
    cities += [city.slug for city in programme.cities.all()]
    yield Document(
        type="programme",
        id=str(programme.pk),
        title=programme.name,
        # Its names in other languages lead the body, so a search in Japanese finds it.
        body=join_lines(
            *(programme.titles or {}).values(),
            programme.field,
            programme.description,
            *activities,
        ),
        url=programme.get_absolute_url(),
        city=programme.lead_city,
        cities=cities,
        themes=[theme.slug for theme in programme.themes.all()],
        date=programme.start_date,
        owner_city=programme.lead_city,
    )


def register_programme_source() -> None:
    register(
        SearchSource(
            type="programme",
            label=_("Programme"),
            model=Programme,
            objects=lambda: Programme.objects.select_related("lead_city").prefetch_related(
                "cities", "themes", "activities"
            ),
            documents=programme_documents,
            m2m_fields=["cities", "themes"],
            watch=[Watch(Activity, lambda activity: activity.programme_id)],
        )
    )
