"""Every page × role × method answers as the rules say; refused writes change nothing."""

import pytest

from intercity.agreements.models import Agreement
from intercity.cities.models import City
from intercity.meetings.models import Meeting
from intercity.organisations.models import Organisation
from intercity.programmes.models import Programme
from intercity.testing.factories import (
    AgreementFactory,
    CityFactory,
    MeetingFactory,
    OrganisationFactory,
    ProgrammeFactory,
)

ROLES = [
    "anonymous",
    "reader",
    "expert",
    "organisation_rep",
    "focal_point",
    "other_focal_point",
    "secretariat",
]


@pytest.fixture
def world(cast):
    third = CityFactory(name="Third City")
    return {
        "cast": cast,
        "home_meeting": MeetingFactory(host_city=cast.home, title="Home expert meeting"),
        "other_meeting": MeetingFactory(host_city=cast.other, title="Other expert meeting"),
        "private_meeting": MeetingFactory(
            host_city=cast.other, is_public=False, title="Closed meeting"
        ),
        "home_programme": ProgrammeFactory(lead_city=cast.home),
        "other_programme": ProgrammeFactory(lead_city=cast.other),
        "home_agreement": AgreementFactory(parties=[cast.home, third]),
        "other_agreement": AgreementFactory(parties=[cast.other, third]),
        "home_organisation": cast.organisation_rep.organisation,
        "other_organisation": OrganisationFactory(city=cast.other),
    }


def user_for(world, role):
    return None if role == "anonymous" else getattr(world["cast"], role)


READ_PAGES = [
    "/",
    "/cities/",
    "/meetings/",
    "/programmes/",
    "/agreements/",
    "/organisations/",
    "/news/",
    "/news/feed.atom",
    "/meetings/calendar.ics",
    "/search/?q=city",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", READ_PAGES)
def test_public_pages_answer_everyone(world, client_for, role, url):
    assert client_for(user_for(world, role)).get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ["/cities/", "/meetings/", "/programmes/", "/agreements/"])
def test_list_pages_refuse_writes_by_method(world, client_for, role, url):
    client = client_for(user_for(world, role))
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405


def detail_urls(world):
    cast = world["cast"]
    return {
        "city": f"/cities/{cast.home.slug}/",
        "meeting": f"/meetings/{world['home_meeting'].slug}/",
        "programme": f"/programmes/{world['home_programme'].slug}/",
        "agreement": f"/agreements/{world['home_agreement'].slug}/",
        "organisation": f"/organisations/{world['home_organisation'].slug}/",
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("record", ["city", "meeting", "programme", "agreement", "organisation"])
def test_detail_pages_answer_everyone(world, client_for, role, record):
    url = detail_urls(world)[record]
    assert client_for(user_for(world, role)).get(url).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("reader", 404),
        ("organisation_rep", 404),
        ("expert", 200),
        ("focal_point", 200),
        ("other_focal_point", 200),
        ("secretariat", 200),
    ],
)
def test_a_meeting_not_yet_public_is_seen_only_inside_the_network(world, client_for, role, status):
    url = f"/meetings/{world['private_meeting'].slug}/"
    assert client_for(user_for(world, role)).get(url).status_code == status


# Who may open the edit form of a record that belongs to the home city.
EDIT_HOME = {
    "anonymous": 302,
    "reader": 404,
    "expert": 404,
    "organisation_rep": 404,
    "focal_point": 200,
    "other_focal_point": 404,
    "secretariat": 200,
}


def edit_urls(world):
    cast = world["cast"]
    return {
        "city": f"/cities/{cast.home.slug}/edit/",
        "meeting": f"/meetings/{world['home_meeting'].slug}/edit/",
        "programme": f"/programmes/{world['home_programme'].slug}/edit/",
        "activity": f"/programmes/{world['home_programme'].slug}/activities/new/",
        "agreement": f"/agreements/{world['home_agreement'].slug}/edit/",
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("record", ["city", "meeting", "programme", "activity", "agreement"])
def test_edit_forms_open_only_for_the_home_city_and_secretariat(world, client_for, role, record):
    response = client_for(user_for(world, role)).get(edit_urls(world)[record])
    assert response.status_code == EDIT_HOME[role]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("reader", 404),
        ("expert", 404),
        ("organisation_rep", 200),
        ("focal_point", 200),
        ("other_focal_point", 404),
        ("secretariat", 200),
    ],
)
def test_an_organisation_is_edited_by_its_representative_and_its_city(
    world, client_for, role, status
):
    url = f"/organisations/{world['home_organisation'].slug}/edit/"
    assert client_for(user_for(world, role)).get(url).status_code == status


CREATE = {
    "anonymous": 302,
    "reader": 404,
    "expert": 404,
    "organisation_rep": 404,
    "focal_point": 200,
    "other_focal_point": 200,
    "secretariat": 200,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url",
    [
        "/meetings/new/",
        "/programmes/new/",
        "/agreements/new/",
        "/organisations/new/",
        "/solidarity/incidents/new/",
    ],
)
def test_create_forms_open_for_focal_points_and_secretariat(world, client_for, role, url):
    assert client_for(user_for(world, role)).get(url).status_code == CREATE[role]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_adds_cities_or_records_reviews(world, client_for, role):
    client = client_for(user_for(world, role))
    expected = {"anonymous": 302, "secretariat": 200}.get(role, 404)
    assert client.get("/cities/new/").status_code == expected
    review_url = f"/programmes/{world['home_programme'].slug}/reviews/new/"
    assert client.get(review_url).status_code == expected


REFUSED_WRITERS = ["anonymous", "reader", "expert", "organisation_rep", "focal_point"]


@pytest.mark.parametrize("role", REFUSED_WRITERS)
def test_writes_to_another_citys_records_change_nothing(world, client_for, role):
    cast = world["cast"]
    client = client_for(user_for(world, role))
    targets = [
        (f"/cities/{cast.other.slug}/edit/", cast.other, "description"),
        (f"/meetings/{world['other_meeting'].slug}/edit/", world["other_meeting"], "title"),
        (f"/programmes/{world['other_programme'].slug}/edit/", world["other_programme"], "name"),
        (f"/agreements/{world['other_agreement'].slug}/edit/", world["other_agreement"], "title"),
        (
            f"/organisations/{world['other_organisation'].slug}/edit/",
            world["other_organisation"],
            "name",
        ),
    ]
    for url, record, field in targets:
        before = getattr(record, field)
        response = client.post(url, {field: "Hijacked", "title": "Hijacked", "name": "Hijacked"})
        assert response.status_code == (302 if role == "anonymous" else 404), url
        record.refresh_from_db()
        assert getattr(record, field) == before, url


def test_refused_records_keep_their_rows(world):
    # Guards the test above: the records it targets exist and are distinct per city.
    assert City.objects.count() >= 3
    assert Meeting.objects.filter(host_city=world["cast"].other).count() == 2
    assert Programme.objects.count() == 2
    assert Agreement.objects.count() == 2
    assert Organisation.objects.count() == 2


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("reader", 302), ("focal_point", 302), ("secretariat", 200)],
)
def test_the_admin_is_for_the_secretariat(world, client_for, role, status):
    user = user_for(world, role)
    if role == "secretariat":
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    assert client_for(user).get("/admin/meetings/meeting/").status_code == status
