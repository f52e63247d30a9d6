"""The incident lists say who reported each incident, for the cost of a few queries a page."""

import csv
import io
import re

import pytest
from django.urls import reverse

from intercity.solidarity import selectors, services
from intercity.solidarity.models import Incident
from intercity.testing.solidarity_factories import active_incident, cap_message, recorded_incident

pytestmark = pytest.mark.django_db

LIST = reverse("solidarity:list")
API = "/api/v1/incidents/"


def _one_of_each(net, n: int = 0) -> dict[str, Incident]:
    """One incident of each kind of reporter, named after it; ``n`` tells rounds apart."""
    made = {
        "city": active_incident(
            affected=[net.manila], name=f"Flood Manila reported {n}", reported_by_city=net.manila
        ),
        "gdacs": recorded_incident(
            None, net.tokyo, slug=f"gdacs-{n}", name=f"Quake from GDACS {n}", external_key=f"EQ-{n}"
        ),
        "cap": services.cap_import(
            actor=net.secretariat,
            data=cap_message(identifier=f"PAGASA-{n}", headline=f"Typhoon from CAP {n}"),
        ).incident,
        "secretariat": recorded_incident(
            net.secretariat, net.seoul, slug=f"sec-{n}", name=f"Landslide by the secretariat {n}"
        ),
        "source": recorded_incident(
            None, net.manila, slug=f"source-{n}", name=f"Typhoon in the declaration {n}"
        ),
        "not_recorded": recorded_incident(
            None, net.tokyo, slug=f"unknown-{n}", name=f"Fire nobody recorded {n}"
        ),
    }
    Incident.objects.filter(pk=made["source"].pk).update(
        source_document="hanoi-declaration-2013.txt", source_locator="closing"
    )
    return made


LABELS = {
    "city": "Metro Manila",
    "gdacs": "Imported from GDACS",
    "cap": "Imported from CAP",
    "secretariat": "Recorded by the secretariat",
    "source": "As recorded in its source",
    "not_recorded": "Not recorded",
}


KINDS = {**{kind: kind for kind in LABELS}, "gdacs": "feed", "cap": "feed"}


def _row_of(page: str, name: str) -> str:
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.DOTALL)
    return next(row for row in rows if f">{name}</a>" in row)


def test_the_list_page_says_who_reported_each_incident(client, net):
    made = _one_of_each(net)

    page = client.get(LIST).content.decode()

    assert "<th>Reported by</th>" in page
    for kind, incident in made.items():
        row = _row_of(page, incident.name)
        cell = re.search(r'<td data-label="Reported by">(.*?)</td>', row).group(1)
        assert cell == (
            f'<a href="{net.manila.get_absolute_url()}">Metro Manila</a>'
            if kind == "city"
            else f'<span class="reporter-{KINDS[kind]}">{LABELS[kind]}</span>'
        )


def test_the_api_list_says_who_reported_each_incident(client, net):
    made = _one_of_each(net)

    rows = {row["name"]: row for row in client.get(API).json()["results"]}

    for kind, incident in made.items():
        row = rows[incident.name]
        assert row["reported_by"] == {
            "kind": KINDS[kind],
            "feed": {"gdacs": "GDACS", "cap": "CAP"}.get(kind, ""),
            "label": LABELS[kind],
        }
        assert row["reported_by_city"] == (net.manila.slug if kind == "city" else None)


def test_the_download_says_who_reported_each_incident(client, net):
    made = _one_of_each(net)

    response = client.get(LIST, {"format": "csv"})
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(text))}

    for kind, incident in made.items():
        assert rows[incident.name]["reported by"] == LABELS[kind]
        assert rows[incident.name]["reporting city"] == (net.manila.slug if kind == "city" else "")


def test_one_incident_reads_as_it_does_in_a_list(net):
    made = _one_of_each(net)
    listed = selectors.incident_reporters(selectors.incident_list(user=None))

    for incident in made.values():
        alone = selectors.incident_reporter(Incident.objects.get(pk=incident.pk))
        assert alone == listed[incident.pk]


def test_the_reporters_of_a_list_cost_two_queries_however_long_it_is(
    net, django_assert_max_num_queries
):
    for n in range(4):
        _one_of_each(net, n)
    incidents = list(selectors.incident_list(user=None))
    assert len(incidents) == 24

    with django_assert_max_num_queries(2):
        reporters = selectors.incident_reporters(incidents)

    assert {r.kind for r in reporters.values()} == {
        "city",
        "feed",
        "secretariat",
        "source",
        "not_recorded",
    }


@pytest.mark.parametrize(
    "fetch",
    [
        pytest.param(lambda client: client.get(LIST).content, id="page"),
        pytest.param(lambda client: client.get(API).content, id="api"),
        pytest.param(
            lambda client: b"".join(client.get(LIST, {"format": "csv"}).streaming_content),
            id="csv",
        ),
    ],
)
def test_a_list_costs_the_same_queries_for_many_incidents_as_for_a_few(
    client, net, fetch, django_assert_max_num_queries
):
    client.force_login(net.secretariat)
    _one_of_each(net)
    with django_assert_max_num_queries(40) as few:
        assert b"Imported from GDACS" in fetch(client)
    for n in range(1, 4):
        _one_of_each(net, n)
    assert Incident.objects.count() == 24

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert b"Fire nobody recorded 3" in fetch(client)
