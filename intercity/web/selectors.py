"""The site-wide search over the records a user may see."""

from dataclasses import dataclass

from intercity.agreements.selectors import agreement_list
from intercity.cities.selectors import city_list
from intercity.meetings.selectors import meeting_list
from intercity.organisations.selectors import organisation_list
from intercity.programmes.selectors import programme_list


@dataclass(frozen=True)
class SearchHit:
    kind: str
    title: str
    url: str
    detail: str


def site_search(*, user, query: str, per_kind: int = 10) -> list[SearchHit]:
    """Every word must match; results the user may not see are never returned."""
    hits: list[SearchHit] = []
    for city in city_list(search=query)[:per_kind]:
        hits.append(SearchHit("city", city.name, city.get_absolute_url(), city.country_name))
    for meeting in meeting_list(user=user, search=query)[:per_kind]:
        hits.append(
            SearchHit("meeting", meeting.title, meeting.get_absolute_url(), str(meeting.year))
        )
    for programme in programme_list(search=query)[:per_kind]:
        hits.append(
            SearchHit(
                "programme",
                programme.name,
                programme.get_absolute_url(),
                programme.get_kind_display(),
            )
        )
    for agreement in agreement_list(search=query)[:per_kind]:
        hits.append(
            SearchHit("agreement", agreement.title, agreement.get_absolute_url(), agreement.status)
        )
    for organisation in organisation_list(search=query)[:per_kind]:
        hits.append(
            SearchHit(
                "organisation",
                organisation.name,
                organisation.get_absolute_url(),
                organisation.city.name,
            )
        )
    return hits
