"""Every list page ignores a filter value nothing is known by, lists everything for that filter
and says what it ignored, rather than showing "no matches" under a menu reading "All"."""

import pytest
from django.urls import reverse

from intercity.indicators.models import Indicator
from intercity.testing.business_factories import ProfileFactory
from intercity.testing.declaration_factories import DeclarationFactory
from intercity.testing.factories import (
    AgreementFactory,
    CityFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    ProgrammeFactory,
)
from intercity.testing.knowledge_factories import KnowledgeItemFactory
from intercity.testing.solidarity_factories import active_incident


def _indicator():
    return Indicator.objects.create(
        code="water-use",
        name="Water use per person",
        definition="Litres a day.",
        unit="L",
        theme=Indicator.Theme.values[0],
    )


def _incident():
    return active_incident(affected=[CityFactory()], name="Flood in Riverside")


# (page, parameter, label in the notice, makes one listed record, its name on the page)
LISTS = [
    ("meetings:list", "city", "City", MeetingFactory, "title"),
    ("meetings:list", "kind", "Kind", MeetingFactory, "title"),
    ("meetings:list", "when", "When", MeetingFactory, "title"),
    ("meetings:list", "year", "Year", MeetingFactory, "title"),
    ("declarations:list", "city", "Signatory city", DeclarationFactory, "title"),
    ("declarations:list", "language", "Language", DeclarationFactory, "title"),
    ("declarations:list", "year", "Year", DeclarationFactory, "title"),
    ("programmes:list", "kind", "Kind", ProgrammeFactory, "name"),
    ("programmes:list", "status", "Status", ProgrammeFactory, "name"),
    ("programmes:list", "city", "City", ProgrammeFactory, "name"),
    ("programmes:list", "theme", "Theme", ProgrammeFactory, "name"),
    ("agreements:list", "city", "City", AgreementFactory, "title"),
    ("agreements:list", "theme", "Theme", AgreementFactory, "title"),
    ("agreements:list", "status", "Status", AgreementFactory, "title"),
    ("knowledge:list", "city", "City", KnowledgeItemFactory, "title"),
    ("knowledge:list", "theme", "Theme", KnowledgeItemFactory, "title"),
    ("knowledge:list", "kind", "Kind", KnowledgeItemFactory, "title"),
    ("knowledge:list", "language", "Language", KnowledgeItemFactory, "title"),
    ("knowledge:list", "from", "From year", KnowledgeItemFactory, "title"),
    ("organisations:list", "kind", "Kind", OrganisationFactory, "name"),
    ("organisations:list", "city", "City", OrganisationFactory, "name"),
    ("business:list", "sector", "Sector", ProfileFactory, "organisation.name"),
    ("indicators:list", "theme", "Theme", _indicator, "name"),
    ("solidarity:list", "kind", "Kind", _incident, "name"),
    ("solidarity:list", "status", "Status", _incident, "name"),
    ("web:news", "kind", "Kind", NewsItemFactory, "title"),
    ("web:news", "city", "City", NewsItemFactory, "title"),
    ("cities:list", "membership", "Membership", CityFactory, "name"),
]


def _name(record, path: str) -> str:
    for attribute in path.split("."):
        record = getattr(record, attribute)
    return record


@pytest.mark.parametrize(("page", "parameter", "label", "make", "name"), LISTS)
def test_an_unknown_value_is_ignored_and_said(db, client, page, parameter, label, make, name):
    record = make()
    response = client.get(reverse(page), {parameter: "zzz"})
    text = response.content.decode()
    assert response.status_code == 200
    assert _name(record, name) in text
    assert f"{label} “zzz” not found: the list shows all." in text


def test_a_known_value_filters_without_a_notice(db, client):
    kept = MeetingFactory(title="Kept meeting")
    MeetingFactory(title="Other meeting")
    response = client.get(reverse("meetings:list"), {"city": kept.host_city.slug})
    assert [m.title for m in response.context["object_list"]] == ["Kept meeting"]
    assert "not found" not in response.content.decode()


def test_the_menu_reads_all_for_an_ignored_value(db, client):
    response = client.get(reverse("meetings:list"), {"kind": "zzz"})
    assert response.context["filters"]["kind"] is None


def test_the_notice_speaks_the_page_language(db, client):
    MeetingFactory()
    response = client.get(reverse("meetings:list"), {"city": "nowhere"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert "“nowhere”" in response.content.decode()
    assert "not found" not in response.content.decode()


def test_the_users_list_ignores_an_unknown_role(client_for, cast):
    response = client_for(cast.secretariat).get(reverse("accounts:users"), {"role": "zzz"})
    assert response.status_code == 200
    assert cast.expert.username in response.content.decode()
    assert "Role “zzz” not found: the list shows all." in response.content.decode()


@pytest.mark.parametrize("parameter", ["city", "declaration"])
def test_the_accountability_page_ignores_an_unknown_value(db, client, parameter):
    response = client.get(reverse("declarations:accountability"), {parameter: "nowhere"})
    assert response.status_code == 200
    assert "“nowhere” not found: the list shows all." in response.content.decode()


@pytest.mark.parametrize("export", ["accountability-csv", "accountability-json"])
def test_the_accountability_exports_ignore_an_unknown_value(db, client, export):
    response = client.get(reverse(f"declarations:{export}"), {"city": "nowhere"})
    assert response.status_code == 200


def test_the_csv_export_ignores_an_unknown_value(db, client):
    MeetingFactory(title="Listed meeting")
    response = client.get(reverse("meetings:list"), {"city": "nowhere", "format": "csv"})
    assert "Listed meeting" in b"".join(response.streaming_content).decode()


def test_the_calendar_feed_ignores_an_unknown_value(db, client):
    MeetingFactory(title="Listed meeting")
    response = client.get(reverse("meetings:feed"), {"kind": "zzz", "city": "nowhere"})
    assert "Listed meeting" in response.content.decode()


def test_the_indicator_export_ignores_an_unknown_theme(db, client):
    _indicator()
    response = client.get(reverse("indicators:list"), {"theme": "zzz", "format": "json"})
    assert [row["code"] for row in response.json()["results"]] == ["water-use"]


def test_the_calendar_link_keeps_only_the_known_filters(db, client):
    MeetingFactory()
    response = client.get(reverse("meetings:list"), {"kind": "drill", "city": "nowhere"})
    assert 'href="/meetings/calendar.ics?kind=drill"' in response.content.decode()
