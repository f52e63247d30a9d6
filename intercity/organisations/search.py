"""Makes organisations findable in the platform search."""

from django.utils.translation import gettext_lazy as _

from intercity.organisations.models import Organisation
from intercity.searchindex.registry import Document, SearchSource, join_lines, register


def organisation_documents(organisation):
    yield Document(
        type="organisation",
        id=str(organisation.pk),
        title=organisation.name,
        body=join_lines(organisation.get_kind_display(), organisation.description),
        url=organisation.get_absolute_url(),
        city=organisation.city,
        cities=[organisation.city.slug] if organisation.city else [],
        owner_city=organisation.city,
    )


def register_organisation_source() -> None:
    register(
        SearchSource(
            type="organisation",
            label=_("Organisation"),
            model=Organisation,
            objects=lambda: Organisation.objects.select_related("city"),
            documents=organisation_documents,
        )
    )
