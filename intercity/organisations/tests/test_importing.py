"""Registering organisations from a table: who may, what is skipped, and all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intercity.organisations.importing import ACTION, organisations_import
from intercity.organisations.models import Organisation
from intercity.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/organisations/import/"
API = "/api/v1/organisations/import/"


def _csv(*lines):
    return ("\n".join(lines) + "\n").encode()


def _upload(content, name="organisations.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_the_secretariat_registers_every_line_with_an_audit_entry_each(cast):
    content = _csv(
        "name,city,kind,website,description",
        f"Hanoi Solar Works,{cast.home.slug},enterprise,hanoisolar.example,Panels",
        f"Tokyo Water Board,{cast.other.name.upper()},City agency,,",
    )
    report = organisations_import(actor=cast.secretariat, content=content)
    assert report.ok and report.written
    created = Organisation.objects.filter(name__in=["Hanoi Solar Works", "Tokyo Water Board"])
    rows = {o.name: (o.city, o.kind, o.website) for o in created}
    assert rows == {
        "Hanoi Solar Works": (cast.home, "enterprise", "https://hanoisolar.example"),
        "Tokyo Water Board": (cast.other, "agency", ""),
    }
    entries = Organisation.history.filter(history_change_reason=ACTION)
    assert entries.count() == 2
    assert {entry.history_user for entry in entries} == {cast.secretariat}


def test_duplicates_are_skipped_and_named_and_the_rest_is_registered(cast):
    OrganisationFactory(name="Hanoi Solar Works", city=cast.home)
    content = _csv(
        "name,city",
        f"hanoi solar works,{cast.home.slug}",
        f"Seoul Grid Analytics,{cast.home.slug}",
        f"SEOUL GRID ANALYTICS,{cast.home.slug}",
        f"Hanoi Solar Works,{cast.other.slug}",  # the same name in another city is another one
    )
    report = organisations_import(actor=cast.secretariat, content=content)
    assert report.ok
    assert report.skipped == [
        (2, "hanoi solar works (Home City) is already registered."),
        (4, "SEOUL GRID ANALYTICS (Home City): the same organisation as on line 3."),
    ]
    assert sorted((o.name, o.city.name) for o in report.created) == [
        ("Hanoi Solar Works", "Other City"),
        ("Seoul Grid Analytics", "Home City"),
    ]
    assert len({o.slug for o in Organisation.objects.all()}) == Organisation.objects.count()


def test_one_wrong_line_writes_nothing_and_every_problem_is_reported_by_line(cast):
    before = Organisation.objects.count()
    content = _csv(
        "name,city,kind,website",
        f"Good One,{cast.home.slug},,",
        "Lost One,Atlantis,,",
        f"Odd One,{cast.home.slug},bakery,",
        f"Bad Site,{cast.home.slug},,not a web address",
        f",{cast.home.slug},,",
    )
    report = organisations_import(actor=cast.secretariat, content=content)
    assert not report.ok and not report.written
    assert [line for line, _message in report.errors] == [3, 4, 5, 6]
    assert "No city “Atlantis” on the platform." in report.errors[0][1]
    assert "bakery" in report.errors[1][1]
    assert report.errors[2][1].startswith("website:")
    assert Organisation.objects.count() == before
    assert not Organisation.history.filter(history_change_reason=ACTION).exists()


def test_a_focal_point_registers_only_organisations_of_their_city(cast):
    content = _csv("name,city", f"Home Firm,{cast.home.slug}", f"Far Firm,{cast.other.slug}")
    report = organisations_import(actor=cast.focal_point, content=content)
    assert report.errors == [(3, "You can only register organisations of your city.")]
    assert not Organisation.objects.filter(name__in=["Home Firm", "Far Firm"]).exists()

    own = organisations_import(
        actor=cast.focal_point,
        content=_csv(content.decode().split("\n")[0], f"Home Firm,{cast.home.slug}"),
    )
    assert [o.name for o in own.created] == ["Home Firm"]


def test_a_dry_run_reports_what_would_be_registered_and_writes_nothing(cast):
    content = _csv("name,city", f"Home Firm,{cast.home.slug}")
    report = organisations_import(actor=cast.secretariat, content=content, dry_run=True)
    assert report.ok and not report.written
    assert [o.name for o in report.created] == ["Home Firm"]
    assert not Organisation.objects.filter(name="Home Firm").exists()


def test_the_directory_download_reads_back(cast, client_for):
    OrganisationFactory(name="Hanoi Solar Works", city=cast.home, website="https://hs.example")
    download = client_for(None).get("/organisations/", {"format": "csv"})
    exported = b"".join(download.streaming_content)
    Organisation.objects.filter(name="Hanoi Solar Works").delete()
    report = organisations_import(actor=cast.secretariat, content=exported)
    assert report.ok, report.errors
    assert [(o.name, o.city, o.website) for o in report.created] == [
        ("Hanoi Solar Works", cast.home, "https://hs.example")
    ]


# -- the page ------------------------------------------------------------------------------


def test_the_page_previews_then_registers_and_lists_skipped_lines(cast, client_for):
    OrganisationFactory(name="Hanoi Solar Works", city=cast.home)
    content = _csv("name,city", f"Hanoi Solar Works,{cast.home.slug}", f"New Firm,{cast.home.slug}")
    page = client_for(cast.focal_point)
    assert page.get(URL).status_code == 200
    preview = page.post(URL, {"file": _upload(content), "dry_run": "on"})
    assert preview.status_code == 200
    assert "New Firm" in preview.text
    assert "Hanoi Solar Works (Home City) is already registered." in preview.text
    assert not Organisation.objects.filter(name="New Firm").exists()

    done = page.post(URL, {"file": _upload(content)})
    assert done.status_code == 200
    created = Organisation.objects.get(name="New Firm")
    assert created.get_absolute_url() in done.text


def test_the_page_shows_the_problems_and_writes_nothing(cast, client_for):
    content = _csv("name,city", f"Far Firm,{cast.other.slug}")
    response = client_for(cast.focal_point).post(URL, {"file": _upload(content)})
    assert response.status_code == 400
    assert "You can only register organisations of your city." in response.text
    assert not Organisation.objects.filter(name="Far Firm").exists()


def test_the_page_is_hidden_from_others_and_refuses_other_methods(cast, client_for):
    assert client_for(None).get(URL).status_code == 302
    for user in (cast.expert, cast.organisation_rep, cast.reader):
        assert client_for(user).get(URL).status_code == 404
        content = _csv("name,city", f"Sneaky Firm,{cast.home.slug}")
        assert client_for(user).post(URL, {"file": _upload(content)}).status_code == 404
    assert client_for(cast.secretariat).put(URL).status_code == 405
    assert not Organisation.objects.filter(name="Sneaky Firm").exists()


def test_the_directory_offers_the_import_to_those_who_may_use_it(cast, client_for):
    assert URL in client_for(cast.focal_point).get("/organisations/").text
    assert URL not in client_for(cast.reader).get("/organisations/").text


# -- the API -------------------------------------------------------------------------------


def test_the_api_registers_a_table_for_a_focal_point(cast, client_for):
    content = _csv("name,city", f"Home Firm,{cast.home.slug}", f"Home Firm,{cast.home.slug}")
    response = client_for(cast.focal_point).post(API, {"file": _upload(content)})
    assert response.status_code == 201
    data = response.json()
    assert [row["name"] for row in data["created"]] == ["Home Firm"]
    assert data["skipped"][0]["line"] == 3
    assert data["errors"] == []


def test_the_api_reports_problems_and_refuses_strangers(cast, client_for):
    content = _csv("name,city", f"Far Firm,{cast.other.slug}")
    wrong = client_for(cast.focal_point).post(API, {"file": _upload(content)})
    assert wrong.status_code == 400
    assert wrong.json()["errors"] == [
        {"line": 2, "message": "You can only register organisations of your city."}
    ]
    assert client_for(None).post(API, {"file": _upload(content)}).status_code == 401
    assert client_for(cast.reader).post(API, {"file": _upload(content)}).status_code == 403
    assert not Organisation.objects.filter(name="Far Firm").exists()


def _queries_to_register(cast, count, prefix):
    """The queries an import of `count` new organisations takes, two of them after a name
    whose slug and its first numbered form are taken."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    OrganisationFactory(name=f"{prefix} Earlier", city=cast.other, slug=f"{prefix}-shared")
    OrganisationFactory(name=f"{prefix} Later", city=cast.other, slug=f"{prefix}-shared-2")
    lines = [f"{prefix} Shared,{cast.home.slug}", f"{prefix} shared,{cast.other.slug}"]
    lines += [f"{prefix} Firm {n},{cast.home.slug}" for n in range(count - len(lines))]
    with CaptureQueriesContext(connection) as queries:
        report = organisations_import(actor=cast.secretariat, content=_csv("name,city", *lines))
    assert report.ok and report.written, report.errors
    assert len({o.slug for o in report.created}) == count
    assert {f"{prefix}-shared-3", f"{prefix}-shared-4"} <= {o.slug for o in report.created}
    return len(queries)


def test_choosing_slugs_takes_as_many_queries_for_a_long_file_as_for_a_short_one(cast):
    assert _queries_to_register(cast, 40, "long") == _queries_to_register(cast, 4, "short")


def _statements(actor, city, count, prefix):
    content = _csv("name,city", *(f"{prefix} {n},{city.slug}" for n in range(count)))
    with CaptureQueriesContext(connection) as queries:
        report = organisations_import(actor=actor, content=content)
    assert report.written and len(report.created) == count
    return len(queries)


def test_a_longer_table_is_written_in_batches_not_line_by_line(cast):
    # Records and audit entries go in by the batch the database takes (a few hundred rows
    # on SQLite, more on PostgreSQL): ten times the lines add a handful of statements.
    short = _statements(cast.secretariat, cast.home, 40, "Short")
    longer = _statements(cast.secretariat, cast.home, 400, "Long")
    assert longer - short < 40
